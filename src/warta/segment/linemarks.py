"""Marks a tool writes at the start of every line of a page → the page's lines without them.

Two writers mark each line of what they hand on, and read as they are, the marks stay in every
paragraph, headline and list entry:

- jusText's command-line output (`python -m justext -s Language page.html`): one paragraph a
  line, each opened by `<p> ` (a good paragraph), `<h> ` (a heading) or, with
  `--format=boilerplate`, `<b> ` (a paragraph it judged boilerplate: the headline and the byline
  as often as the menu). `justext_marks` gives the lines without their marks, a blank line
  between paragraphs (each was a block of the page); which line is what is warta's to judge.
- A reply in an e-mail quoting the message it answers (`> ` before every quoted line, a forwarded
  article among them). `quoted_reply` gives the page with one level of quoting taken off, where
  most of its lines are quoted: the reply's own few lines stay as they are, above.

The marks are the tools', not a language's. Both are asked of every text page: `justext_marks`
leaves a page that does not open with a mark at once, `quoted_reply` one with fewer than
`_MIN_QUOTED` line breaks followed by `>` (counted in C).
"""

from __future__ import annotations

_JUSTEXT_MARKS = ("<p> ", "<h> ", "<b> ")
# Of the page's non-blank lines, at least this share open with a mark.
_MARKED_SHARE = 0.9
_MIN_MARKED = 5
_MIN_QUOTED = 8


def justext_marks(text: str) -> str | None:
    """`text`'s lines without jusText's `<p> `, `<h> `, `<b> ` marks, a blank line between them,
    where (nearly) every line opens with one; else None.

    >>> print(justext_marks("<b> Home News Sport\\n<b> Flood closes road\\n<p> The road shut.\\n"
    ...                     "<h> What next\\n<p> It opens on Monday.\\n<b> Most read"))
    Home News Sport
    <BLANKLINE>
    Flood closes road
    <BLANKLINE>
    The road shut.
    <BLANKLINE>
    What next
    <BLANKLINE>
    It opens on Monday.
    <BLANKLINE>
    Most read
    <BLANKLINE>
    >>> justext_marks("<p> One line only, marked.\\nand prose after it") is None
    True
    """
    if not text.startswith(_JUSTEXT_MARKS):
        return None
    lines = [line for line in text.splitlines() if line.strip()]
    marked = [line[4:].strip() for line in lines if line.startswith(_JUSTEXT_MARKS)]
    if len(marked) < _MIN_MARKED or len(marked) < _MARKED_SHARE * len(lines):
        return None
    kept = [line[4:].strip() if line.startswith(_JUSTEXT_MARKS) else line.strip() for line in lines]
    return "\n\n".join(line for line in kept if line) + "\n"


def _unquoted(line: str) -> str:
    """`line` without one level of `>` quoting (and the space after the mark)."""
    if not line.startswith(">"):
        return line
    return line[2:] if line.startswith("> ") else line[1:]


def quoted_reply(text: str) -> str | None:
    """`text` with one level of `> ` quoting taken off its lines, where at least half of its
    non-blank lines (and `_MIN_QUOTED` lines at least) are quoted; else None.

    >>> print(quoted_reply("Thanks, see below.\\n\\nOn Mon, Ana wrote:\\n" + "".join(
    ...     f"> Line {k}.\\n" for k in range(8)) + ">\\n> > older"))
    Thanks, see below.
    <BLANKLINE>
    On Mon, Ana wrote:
    Line 0.
    Line 1.
    Line 2.
    Line 3.
    Line 4.
    Line 5.
    Line 6.
    Line 7.
    <BLANKLINE>
    > older
    >>> quoted_reply("A page.\\n> a blockquote\\nMore text.") is None
    True
    """
    quoted = text.count("\n>") + text.startswith(">")
    if quoted < _MIN_QUOTED:
        return None
    lines = text.split("\n")
    if 2 * quoted < sum(1 for line in lines if line.strip()):
        return None
    return "\n".join(map(_unquoted, lines))
