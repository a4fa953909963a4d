"""Text of adjacent elements glued together (a flattener that joins without a separator) → lines.

A scraper that flattens a page with no separator between elements (BeautifulSoup's `get_text()`,
lxml's `text_content()`) writes the page's source line breaks but nothing where the markup had
none: a minified menu comes out as one word (`AccueilActualitéÉconomieMer`), a byline runs into
its date (`Par Camille Le GoffPublié le 12 mai 2025`), a caption into its credit
(`… de Roscoff.Photo Le Courrier`), a list's entries into each other (`… à l'automneLa criée …`).

Such a page is told by its head, where a word holds `_MIN_WORD_GLUES` glue points or more in its
first `_HEAD_CHARS` characters and the page glues a sentence to what follows it
(`publicités.Accepter`) or words on the head's other lines (`CommoditiesChile`, `minesBy`), where a glue point is a lower-case letter (two of them: `iPhone`,
`McDonald` are no glue), a sentence's end or a digit right before a capitalised word
(`GoffPublié`, `Roscoff.Photo`, `07h45Mis`). A page's head is its menus and header, where a
glued page glues a menu's entries into one word; on an ordinary page a word holds one at most,
a brand's name (`LinkedIn`, `AirPods`, `MarketWatch`), however many of them the head holds. On such a
page, each line of at most `_MAX_SPLIT_CHARS` characters (menus, bylines, captions, list rows;
not the article's paragraphs, which keep their `YouTube`) is split at its glue points.

`unglued` is asked of every text page and reads no more than its head on an ordinary one.
"""

from __future__ import annotations

import re

_HEAD_CHARS = 800
_MIN_WORD_GLUES = 3
_MAX_SPLIT_CHARS = 300
_MIN_OTHER_GLUED = 3  # glued words on the head's other lines that show a glued page without a glued sentence
_LOWER = "a-zß-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
# A glue point: two lower-case letters, a sentence's end or a digit, then a capitalised word
# (`GoffPublié`, `Roscoff.Photo`, `07h45Mis`, `LoisirsS'abonner`). A label's colon glued to its
# value is one only where the value is itself glued items (`Sujets :RoscoffPêcheEnvironnement`):
# a label and its one value (`À lire aussi :Coquille …`) are read as one line already.
_BEFORE = (rf"[{_LOWER}]{{2}}", rf"[{_LOWER}][.!?]", r"\d")
_AFTER = rf"(?=[{_UPPER}]['’]?[{_LOWER}])"
_GLUE = re.compile("(?:" + "|".join(f"(?<={before})" for before in _BEFORE) + ")" + _AFTER)
_GLUE_PATTERN = re.compile("(?:" + "|".join(_BEFORE) + ")" + _AFTER)
_SPACE = re.compile(r"\s")
_CASE_STEP = re.compile(rf"[{_LOWER}.!?\d][{_UPPER}]")
_SENTENCE_GLUE = re.compile(rf"[{_LOWER}]{{2}}[.!?]{_AFTER}")
_LABEL_GLUE = re.compile(rf"(?<=[{_LOWER}] :|[{_LOWER}]{{2}}:){_AFTER}")


def _is_glued(text: str) -> bool:
    """Whether the head of `text` holds a word of `_MIN_WORD_GLUES` glue points or more
    (`AccueilActualitéÉconomie`: a brand's name glues two parts, `LinkedIn`, `AirPods`; a glued
    menu many words) and a sentence glued to what follows it (`publicités.Accepter`: a page that
    glues only a list of names, such as a region picker, writes its paragraphs apart) or glued
    words on the head's other lines (`_glued_elsewhere`)."""
    # Where the case steps up (a cheap scan: the pattern opens with a class), then the words
    # holding three such steps or more read for their glue points: most pages hold none.
    steps = [match.start() for match in _CASE_STEP.finditer(text, 0, _HEAD_CHARS)]
    for k in range(len(steps) - _MIN_WORD_GLUES + 1):
        first, last = steps[k], steps[k + _MIN_WORD_GLUES - 1]
        if _SPACE.search(text, first, last) is not None:
            continue
        start = max(text.rfind(" ", 0, first), text.rfind("\n", 0, first)) + 1
        end = _SPACE.search(text, last)
        word = text[start : end.start() if end is not None else len(text)]
        if len(_GLUE_PATTERN.findall(word)) >= _MIN_WORD_GLUES:
            return _SENTENCE_GLUE.search(text, 0, _HEAD_CHARS) is not None or _glued_elsewhere(text, start)
    return False


def _glued_elsewhere(text: str, start: int) -> bool:
    """Whether the head's lines other than the one holding `start` (a glued word's) hold
    `_MIN_OTHER_GLUED` glued words or more: a flattener that glues a menu glues the lines under it
    too (a section to its headline, a byline to its date: `CommoditiesChile`, `minesBy`,
    `BrookfieldJuly`) where a page that glues one list only (a region picker) writes the rest
    apart, a brand's name or two aside (`LinkedIn`, `WhatsApp`)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    head = text[:_HEAD_CHARS]
    others = head[:line_start] + " " + head[line_end:]
    return sum(1 for word in others.split() if _GLUE_PATTERN.search(word)) >= _MIN_OTHER_GLUED


def _split_line(line: str) -> str:
    if len(line) > _MAX_SPLIT_CHARS:
        return line
    split, glues = _GLUE.subn("\n", line)
    return _LABEL_GLUE.sub("\n", split) if glues else line


def unglued(text: str) -> str | None:
    """`text` with its short lines split where a flattener glued elements together, where its
    head shows it glued them (`_is_glued`); else None.

    >>> print(unglued("AccueilActualitéÉconomieMerSports\\nPar Camille Le GoffPublié le 12 mai 2025\\nUn article.Fin"))
    Accueil
    Actualité
    Économie
    Mer
    Sports
    Par Camille Le Goff
    Publié le 12 mai 2025
    Un article.
    Fin
    >>> unglued("Watch on YouTube\\nShare on WhatsApp\\nAn ordinary page.") is None
    True
    """
    if not _is_glued(text):
        return None
    return "\n".join(_split_line(line) for line in text.split("\n"))
