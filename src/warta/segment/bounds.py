"""Markup the HTML parser would take quadratic time on is cut before parsing.

lexbor's tree builder walks the stack of open elements for most start tags (the
"p in button scope" check), so a page nested N elements deep costs O(N²): 20,000
unclosed `<li><ul>` take 4 s, and 5 MB of them would take hours. Inside one
`<select>`, each `<option>` re-runs the selectedness algorithm over all earlier
options: 100,000 of them take 50 s. Formatting elements left open (`<b id=1>`,
`<font color=2>`: distinct attributes escape the parser's limit of three alike) are
re-opened, cloned, at every following paragraph: 5,000 `<p><b id=N></p>` (89 KB)
take 26 s. The parse is one C call that the per-page time limit cannot interrupt,
so the limit has to be applied to the markup first.

Both checks start with `str.count`, which rules out ordinary pages in
microseconds; only a page that might exceed a bound is scanned tag by tag.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache, partial
from typing import Protocol

import numpy as np

from warta.compiled import probed

# Deeper than the 10,000 levels a page may legitimately (if absurdly) be wrapped in;
# parsing this deep still costs about a second at worst.
MAX_DEPTH = 12_000
# Options in one <select> (never article text: select is skipped) before the rest are dropped.
MAX_OPTIONS = 5_000
# Formatting elements open at once beyond which further start tags are dropped: they
# carry no text (what they wrap is kept) and only `<a>` matters to segmentation.
MAX_FORMATTING = 16

# Start tags the parser keeps in its list of active formatting elements (<a> and <nobr>
# are closed by the next one of their kind, so they cannot pile up).
_FORMATTING = frozenset({"b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u"})
# (The lookahead on the first letter halves the time these take on ordinary pages.)
_FIRST_LETTERS = "".join(sorted({name[0] for name in _FORMATTING}))
_NAMES = "|".join(sorted(_FORMATTING))
_FORMATTING_START = re.compile(rf"<(?=[{_FIRST_LETTERS}])({_NAMES})\s", re.I)
_FORMATTING_END = re.compile(rf"</(?=[{_FIRST_LETTERS}])({_NAMES})\s*>", re.I)

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)|<!--")
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"}
)
# Elements that never stay open: void elements, and those the parser closes by itself
# (an unclosed <p>, <li> or <td> in a long list or table does not nest).
_NOT_NESTING = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "image",
        "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "thead", "tbody", "tfoot",
        "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
    }
)  # fmt: skip


def _count_lt(html: str, utf8: bytes | None = None) -> int:
    """`html.count("<")`, counted in the page's UTF-8 bytes `utf8` when it has them.

    A "<" byte is a "<" character in UTF-8, and numpy counts bytes a vector at a time:
    on a page of non-ASCII text, a third of the time `str.count` takes.
    """
    if utf8 is not None:
        return int(np.count_nonzero(np.frombuffer(utf8, np.uint8) == ord("<")))
    return html.count("<")


def _formatting_exceeds(html: str) -> bool:
    """Whether more than MAX_FORMATTING formatting start tags with attributes are left unclosed.

    Only formatting tags with attributes can pile up (three alike is the parser's limit),
    and only an end tag of the same name closes one ("<font color=1></b>" leaves it open).
    """
    starts = _FORMATTING_START.findall(html)
    if len(starts) <= MAX_FORMATTING:
        return False
    ends = Counter(name.lower() for name in _FORMATTING_END.findall(html))
    unclosed = Counter(name.lower() for name in starts) - ends
    return unclosed.total() > MAX_FORMATTING


def _may_exceed_python(html: str, utf8: bytes | None = None) -> bool:
    """A cheap necessary condition for any bound to be exceeded (the reference of `_may_exceed`);
    `utf8`: exactly `html`'s UTF-8 encoding, where the caller has it."""
    tags = _count_lt(html, utf8)
    if tags <= MAX_FORMATTING:
        return False
    # Each element open at a depth took its own start tag, a "<" that is not a "</": those
    # bound the depth from above. (Closed elements count too: "<div>" * N + "</div>" * N
    # nests N deep, and parsing it costs as much as leaving them open.)
    if tags > MAX_DEPTH and tags - html.count("</") > MAX_DEPTH:
        return True
    if tags > MAX_OPTIONS and html.count("<option") + html.count("<OPTION") > MAX_OPTIONS:
        return True
    return _formatting_exceeds(html)


class _Counts(Protocol):
    def __call__(self, text: bytes | str) -> tuple[int, int, int, int, int] | None: ...


def _may_exceed_compiled(html: str, utf8: bytes | None, counts: _Counts) -> bool:
    """`_may_exceed_python(html, utf8)` from one C pass over the page's bytes (`markup_counts`):
    the regular expressions run only where a non-ASCII character stands in a formatting tag."""
    counted = counts(html if utf8 is None else utf8)
    if counted is None:  # (a str of wider code points, without its UTF-8 bytes)
        return _may_exceed_python(html)
    tags, closes, options, starts, unclosed = counted
    if tags <= MAX_FORMATTING:
        return False
    if tags > MAX_DEPTH and tags - closes > MAX_DEPTH:
        return True
    if tags > MAX_OPTIONS and options > MAX_OPTIONS:
        return True
    if starts < 0:
        return _formatting_exceeds(html)
    return starts > MAX_FORMATTING and unclosed > MAX_FORMATTING


# Pages on which the compiled counts must decide as the regular expressions do: few and many
# tags, closed and unclosed formatting of mixed case, spaces of every kind, and the non-ASCII
# letters re.I folds to ASCII ones ("ſ" is "s", "ı" and "İ" are "i").
_PROBES = (
    "",
    "<p>x</p>" * 20,
    "<b id=1>x" * 17,
    "<B id=1>x</b>" * 17 + "<i\tx>" * 17,
    "<font color=1>x</b>" * 17,
    "<strong\x1fa>" * 9 + "<STRIKE\na>" * 9 + "</strong >" * 2,
    "<ſ a>" * 20,
    "<ı a>x</i>" * 20 + "<i\xa0a>" * 17,
    "<u a></u\u2003>" * 17 + "<tt a>" * 17,
    "<em a>é" * 17 + "</émx>",
)


@cache
def _may_exceed_function() -> Callable[[str, bytes | None], bool]:
    """`_may_exceed_compiled` where `warta._textscan` is built and agrees with the reference on
    `_PROBES` (as str alone and with its UTF-8 bytes); `_may_exceed_python` otherwise."""
    try:
        from warta._textscan import markup_counts
    except ImportError:
        return _may_exceed_python
    compiled = partial(_may_exceed_compiled, counts=markup_counts)
    probes = [(page, utf8) for page in _PROBES for utf8 in (None, page.encode())]
    chosen: Callable[[str, bytes | None], bool] = probed(
        "markup bounds check", _may_exceed_python, compiled, probes
    )
    return chosen


def _may_exceed(html: str, utf8: bytes | None = None) -> bool:
    """A cheap necessary condition for any bound to be exceeded."""
    return _may_exceed_function()(html, utf8)


def _close_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}[\s/>]", re.I)


def bound_markup(html: str, utf8: bytes | None = None) -> tuple[str, str | None]:
    """`html` with runaway nesting cut off and excess <option>s dropped, and a warning if so;
    `utf8`: exactly `html`'s UTF-8 encoding, where the caller has it (counted faster).

    >>> bound_markup("<div><p>kept</p></div>")
    ('<div><p>kept</p></div>', None)
    >>> text, warning = bound_markup("<ul>" * 20_000 + "x")
    >>> len(text) == 4 * MAX_DEPTH, warning is not None
    (True, True)
    """
    if not _may_exceed(html, utf8):
        return html, None
    depth = 0
    formatting: Counter[str] = Counter()  # formatting elements opened and not closed, by name
    options = 0  # in the open <select>
    drop: list[tuple[int, int]] = []  # (start, end) spans of surplus options
    pos = 0
    end = len(html)
    cut: int | None = None
    while (match := _TAG.search(html, pos)) is not None:
        pos = match.end()
        if match.group(0) == "<!--":
            close = html.find("-->", pos)
            if close < 0:
                break
            pos = close + 3
            continue
        name = match.group(2).lower()
        if match.group(1):  # a closing tag
            if name == "select":
                options = 0
            elif formatting[name] > 0:
                formatting[name] -= 1
            if name not in _NOT_NESTING and depth > 0:
                depth -= 1
            continue
        if name in _RAW_TEXT:
            close_match = _close_pattern(name).search(html, pos)
            if close_match is None:
                break
            pos = close_match.end()
            continue
        if name in _FORMATTING:
            formatting[name] += 1
            if formatting.total() > MAX_FORMATTING:
                close = html.find(">", pos)
                drop.append((match.start(), close + 1 if close >= 0 else end))
                pos = close + 1 if close >= 0 else end
                formatting[name] -= 1
                continue
        elif name == "select":
            options = 0
        elif name == "option":
            options += 1
            if options > MAX_OPTIONS:
                stop = _close_pattern("select").search(html, pos)
                span_end = stop.start() if stop is not None else end
                drop.append((match.start(), span_end))
                pos = span_end
                options = 0
                continue
        if name in _NOT_NESTING or html.startswith("/>", html.find(">", pos) - 1):
            continue
        depth += 1
        if depth > MAX_DEPTH:
            cut = match.start()
            break
    return _apply(html, drop, cut)


def _apply(html: str, drop: list[tuple[int, int]], cut: int | None) -> tuple[str, str | None]:
    if not drop and cut is None:
        return html, None
    pieces: list[str] = []
    last = 0
    for start, stop in drop:
        pieces.append(html[last:start])
        last = stop
    pieces.append(html[last:cut] if cut is not None else html[last:])
    problems = []
    if drop:
        problems.append(
            f"more than {MAX_OPTIONS} options in a <select> or {MAX_FORMATTING} unclosed formatting"
            " elements: the surplus tags were dropped"
        )
    if cut is not None:
        problems.append(
            f"markup nested deeper than {MAX_DEPTH} elements: the page was cut at character {cut}"
        )
    return "".join(pieces), "; ".join(problems)
