"""A newsletter e-mail's plain-text part (Mailchimp's layout) → Markdown for the Markdown reading.

A newsletter's plain-text part, as Mailchimp and the services copying it write it, marks each
section's heading with two asterisks over a dashed rule, writes a link as its text with the
address after it in brackets, and closes a story's summary with its address on a line of its own:

    ** Council delays harbour tunnel vote until June
    ------------------------------------------------------------
    By Priya Natarajan
    Fenwick councillors will not vote …
    Read more: https://example.com/news/tunnel-vote

    ** Ferry timetable changes from Monday
    ------------------------------------------------------------
    The first morning sailing …
    Read more: https://example.com/transport/ferry

**The article is the issue's lead story**: the section with the most text under its heading and
an address line. What stands above the first section (the preheader, "View this email in your
browser (…)") is the e-mail's, not the issue's, and is left out.
Its heading is written `# heading` (each heading apart by blank lines), its text as it is, and its own address line (the full story's
address, not another article) is left out. Every other story with an address is a teaser card of
another article: `## [heading](address)` over its summary, as a list of related stories prints
them. The other sections (the masthead, a sponsor's box) keep their heading as `## heading`, and a
link `text (https://…)` anywhere is written `[text](https://…)`.

A newsletter is told by two section headings at least (`** ` over a rule of dashes), the first
in its first `_FIRST_SECTION_CHARS` characters; `newsletter_markdown` reads no further on a page
without `** ` at a line's start there.
"""

from __future__ import annotations

import re

_HEAD = "\n** "
_FIRST_SECTION_CHARS = 3000  # the first section opens under the preheader and masthead
_RULE = re.compile(r"^-{20,}\s*$")
_MIN_SECTIONS = 2
_ADDRESS_LINE = re.compile(r"^\S[^()]{0,40}?:?\s*(https?://\S+)\s*$")
_BRACKETED_LINK = re.compile(r"([^\s|()][^()\n|]*?) \((https?://[^\s()]+)\)")


def _sections(lines: list[str]) -> list[int]:
    return [
        k
        for k in range(len(lines) - 1)
        if lines[k].startswith("** ") and _RULE.match(lines[k + 1]) is not None
    ]


def _story_address(lines: list[str]) -> int | None:
    """The index of a section's address line (`Read more: https://…`, its last), if it has one
    (the e-mail's footer may follow it in the last section)."""
    for k in range(len(lines) - 1, -1, -1):
        if _ADDRESS_LINE.match(lines[k]):
            return k
    return None


def newsletter_markdown(text: str) -> str | None:
    """`text`, a newsletter e-mail's plain-text part, as Markdown with its lead story as the
    article (see the module's note); None for any other page.

    >>> print(newsletter_markdown("Hello (https://x.id/web)\\n** Bridge shut\\n" + "-" * 30 +
    ...     "\\nThe bridge is shut. It will reopen in May after repairs.\\nMore text.\\nRead more: https://x.id/a\\n"
    ...     "** Park open\\n" + "-" * 30 + "\\nThe park opened.\\nRead more: https://x.id/b\\n"))
    <BLANKLINE>
    # Bridge shut
    <BLANKLINE>
    The bridge is shut. It will reopen in May after repairs.
    More text.
    <BLANKLINE>
    ## [Park open](https://x.id/b)
    <BLANKLINE>
    The park opened.
    <BLANKLINE>
    >>> newsletter_markdown("An ordinary page.\\n** Not a heading") is None
    True
    """
    if text.find(_HEAD, 0, _FIRST_SECTION_CHARS) < 0 and not text.startswith("** "):
        return None
    lines = text.split("\n")
    starts = _sections(lines)
    if len(starts) < _MIN_SECTIONS:
        return None
    ends = [*starts[1:], len(lines)]
    bodies = [lines[start + 2 : end] for start, end in zip(starts, ends, strict=True)]
    addresses = [_story_address(body) for body in bodies]
    lead = max(
        (k for k in range(len(starts)) if addresses[k] is not None),
        key=lambda k: sum(len(line) for line in bodies[k]),
        default=None,
    )
    out: list[str] = []  # (the preheader and the "View this email in your browser" link left out)
    for k, (start, body) in enumerate(zip(starts, bodies, strict=True)):
        heading = lines[start][3:].strip()
        address = addresses[k]
        if k == lead:
            out.extend(("", f"# {heading}", ""))
        elif address is not None:
            url = _ADDRESS_LINE.match(body[address])
            out.extend(("", f"## [{heading}]({url.group(1) if url else ''})", ""))
        else:
            out.extend(("", f"## {heading}", ""))
        out.extend(_BRACKETED_LINK.sub(r"[\1](\2)", line) for j, line in enumerate(body) if j != address)
    return "\n".join(out)
