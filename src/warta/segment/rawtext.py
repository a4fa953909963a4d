"""The contents of `<script>` and `<style>` elements nothing reads, left out before parsing.

lexbor spends about a twentieth of a page's time tokenizing script and style contents (and
copying them into text nodes), which warta never reads, except the JSON-LD scripts and the
inline scripts searched for a date (`warta.meta.html_meta`). `elide_raw_text_python` removes those
contents from the page's UTF-8 bytes (the start and end tags stay, so the tree has the same
elements), and the tree lexbor builds gives the same blocks and metadata.

What is a script's content is decided by the HTML tokenizer's states, which the tree builder
switches: the scan follows the few it must (data, comments, tags and their quoted attribute
values, the raw text of script, style, textarea, title, xmp, iframe, noembed and noframes, and
<svg>/<math> content, where `<style>` and `<script>` hold markup), and wherever a page leaves
what it follows (<select>, <template>, <frameset>, <plaintext>, HTML inside foreign content,
an element whose whole text metadata reads, ...) it stops eliding for the rest of the page.
(Where <html> or <body> is made an itemprop date, its text holds what came before as well:
nothing is elided then, nor where one of them with an itemprop follows where the scan stopped.)

Kept whole: a script whose type has "json" in it (or a character reference), one with an
itemprop, one in which `html_meta`'s date search could find a date, one whose content has both
"<!--" and "<script" (the escaped states, where its first "</script>" may not end it). And
where the scripts' text could reach `html_meta`'s budget for the date search, nothing is
elided, so that the searched scripts stay the same ones.

The scan here is the reference; `warta._textscan.elide_raw_text` is the same scan in C, which
`segment_html` uses (in pure Python the scan would cost more than it saves).
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from warta.compiled import probed
from warta.meta.html_meta import _MAX_SCRIPT_CHARS, _SCRIPT_DATE_KEYS

_SPACE = b"\t\n\x0c\r "  # (the tokenizer sees a CR as a line feed)
_NAME_END = _SPACE + b"/>"
_ATTRIBUTE_NAME_END = _NAME_END + b"="
_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _LETTERS | frozenset(b"0123456789")

# Elements whose content the tokenizer reads as text up to their end tag, in HTML content.
_RAW_TEXT = frozenset(
    {b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes"}
)
# Start tags after which, in HTML content, the scan does not know the tokenizer's states (a
# <template>'s column group ignores <script>, <plaintext> never ends, a <frameset> ignores
# almost everything).
_STOP_HTML = frozenset({b"template", b"frameset", b"plaintext"})
# Elements without content: their text is never read.
_VOID = frozenset(
    {
        b"area", b"base", b"basefont", b"bgsound", b"br", b"col", b"embed", b"frame", b"hr", b"image",
        b"img", b"input", b"keygen", b"link", b"meta", b"param", b"source", b"track", b"wbr",
    }
)  # fmt: skip
# Elements a later start tag of theirs adds its attributes to (an itemprop): one whose whole
# text metadata may read holds what came before too, so nothing may be elided.
_MERGED = frozenset({b"html", b"body"})
# Inside a <select>, the only start tags followed (any other ends the select, or is ignored
# with its content read as markup, as a <style>'s).
_IN_SELECT = frozenset({b"option", b"optgroup"})
# Start tags inside <svg>/<math> after which the scan stops: those that leave foreign content
# (breakout tags), its HTML integration points but <title> and <desc> holding only text, and
# any the scan would follow in HTML content.
_STOP_FOREIGN = frozenset(
    {
        b"b", b"big", b"blockquote", b"body", b"br", b"center", b"code", b"dd", b"div", b"dl",
        b"dt", b"em", b"embed", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"head", b"hr", b"i",
        b"img", b"li", b"listing", b"menu", b"meta", b"nobr", b"ol", b"p", b"pre", b"ruby", b"s",
        b"small", b"span", b"strong", b"strike", b"sub", b"sup", b"table", b"tt", b"u", b"ul",
        b"var", b"font",
        b"foreignobject", b"annotation-xml", b"mi", b"mo", b"mn", b"ms", b"mtext",
        b"noscript", b"html", b"select", b"time",
    }
    | _RAW_TEXT
    | _STOP_HTML
) - {b"title"}  # fmt: skip
_TEXT_ONLY_FOREIGN = frozenset({b"title", b"desc"})
_FOREIGN_ROOTS = frozenset({b"svg", b"math"})
_MAX_FOREIGN_DEPTH = 256
# What the date search's pattern needs in a script to match: one of its keys, quoted.
_QUOTED_KEYS = tuple(f'"{key}"'.encode() for key in _SCRIPT_DATE_KEYS)


def _tag_end(page: bytes, i: int) -> tuple[int, list[tuple[bytes, bytes]], bool]:
    """Where the tag whose name ends at `i` ends (after its ">"; -1 at the end of the page), its
    attributes (names lower-cased, values as written) and whether it is self-closing."""
    n = len(page)
    attributes: list[tuple[bytes, bytes]] = []
    while True:  # before an attribute name
        while i < n and page[i] in _SPACE:
            i += 1
        if i >= n:
            return -1, attributes, False
        c = page[i]
        if c == 0x3E:  # ">"
            return i + 1, attributes, False
        if c == 0x2F:  # "/": self-closing if ">" follows, else read as space
            if i + 1 >= n:
                return -1, attributes, False
            if page[i + 1] == 0x3E:
                return i + 2, attributes, True
            i += 1
            continue
        start = i
        i += 1  # (a first "=" is part of the name)
        while i < n and page[i] not in _ATTRIBUTE_NAME_END:
            i += 1
        name = page[start:i].lower()
        while i < n and page[i] in _SPACE:
            i += 1
        if i >= n:
            return -1, attributes, False
        if page[i] != 0x3D:  # "=": else an attribute without a value
            attributes.append((name, b""))
            continue
        i += 1
        while i < n and page[i] in _SPACE:
            i += 1
        if i >= n:
            return -1, attributes, False
        c = page[i]
        if c in (0x22, 0x27):  # a quoted value, up to the same quote
            close = page.find(bytes((c,)), i + 1)
            if close < 0:
                return -1, attributes, False
            attributes.append((name, page[i + 1 : close]))
            i = close + 1  # (what follows the quote is read as after a space)
        elif c == 0x3E:
            attributes.append((name, b""))
            return i + 1, attributes, False
        else:  # unquoted, up to a space or ">"
            start = i
            while i < n and page[i] not in _SPACE and page[i] != 0x3E:
                i += 1
            attributes.append((name, page[start:i]))


def _name_end(page: bytes, i: int) -> int:
    n = len(page)
    while i < n and page[i] not in _NAME_END:
        i += 1
    return i


def _comment_end(page: bytes, i: int) -> int:
    """Where the comment whose "<!--" ends at `i` ends (after its ">"); -1 if it does not."""
    if page.startswith(b">", i):
        return i + 1
    if page.startswith(b"->", i):
        return i + 2
    ends = [at + len(end) for end in (b"-->", b"--!>") if (at := page.find(end, i)) >= 0]
    return min(ends) if ends else -1


def _raw_text_end(page: bytes, i: int, name: bytes) -> int:
    """Where the raw text from `i` of the element `name` ends: its first "</name" (in any ASCII
    case) followed by a space, "/" or ">"; -1 if none does."""
    size = len(name)
    while (at := page.find(b"</", i)) >= 0:
        after = at + 2 + size
        if page[at + 2 : after].lower() == name and after < len(page) and page[after] in _NAME_END:
            return at
        i = at + 2
    return -1


def _keeps_script(attributes: list[tuple[bytes, bytes]], content: bytes) -> bool:
    """Whether a script's content may be read: JSON-LD, an itemprop's, or one in which the date
    search could find a date (one without a quoted key of its pattern is searched in vain)."""
    kind = _first(attributes, b"type")
    if _first(attributes, b"itemprop") is not None or (
        kind is not None and (b"json" in kind.lower() or b"&" in kind)
    ):
        return True
    return any(key in content for key in _QUOTED_KEYS)


def _first(attributes: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    """The value of the attribute `name` (the first one: the tokenizer drops repeats)."""
    return next((value for key, value in attributes if key == name), None)


def _text_read(name: bytes, attributes: list[tuple[bytes, bytes]]) -> bool:
    """Whether `html_meta` may read the whole text of the element: a <time> without a datetime,
    an itemprop date without a content or datetime (a superset of those it reads)."""
    if name in _VOID:
        return False
    datetime = _first(attributes, b"datetime")
    if name == b"time" and not (
        datetime and b"&" not in datetime and any(map(_ALNUM.__contains__, datetime))
    ):
        return True
    itemprop = _first(attributes, b"itemprop")
    return (
        itemprop is not None
        and (b"date" in itemprop.lower() or b"&" in itemprop)
        and not _first(attributes, b"content")
        and not datetime
    )


def _holds_text_only(page: bytes, pos: int, name: bytes) -> bool:
    """Whether the element `name` whose start tag ends at `pos` holds text only: the next "<"
    starts its end tag (which then closes it, and nothing opened inside it)."""
    at = page.find(b"<", pos) if pos >= 0 else -1
    after = at + 2 + len(name)
    return (
        at >= 0
        and page.startswith(b"</", at)
        and page[at + 2 : after].lower() == name
        and after < len(page)
        and page[after] in _NAME_END
    )


def elide_raw_text_python(page: bytes) -> bytes:
    """`page` without the script and style contents nothing reads (`page` itself if none)."""
    n = len(page)
    elided: list[tuple[int, int]] = []
    script_bytes = 0  # the scripts' text, or what could be (`MAX_SCRIPT_CHARS`)
    foreign: list[bytes] = []  # the open elements inside the outermost <svg>/<math>
    foreign_start = 0
    in_select = False  # in a <select>, where only <option> and <optgroup> are followed
    stop = n  # where the scan stopped following the tokenizer
    pos = 0
    while (lt := page.find(b"<", pos)) >= 0:
        if lt + 1 >= n:
            break
        c = page[lt + 1]
        if c == 0x21:  # "<!"
            if page.startswith(b"<!--", lt):
                pos = _comment_end(page, lt + 4)
            elif foreign and page.startswith(b"<![CDATA[", lt):
                stop = lt
                break
            else:  # a DOCTYPE or a bogus comment, up to the first ">"
                pos = page.find(b">", lt + 2)
                pos = pos + 1 if pos >= 0 else -1
        elif c == 0x3F:  # "<?": a bogus comment
            pos = page.find(b">", lt + 2)
            pos = pos + 1 if pos >= 0 else -1
        elif c == 0x2F:  # "</"
            if lt + 2 >= n:
                break
            if page[lt + 2] == 0x3E:  # "</>": nothing
                pos = lt + 3
            elif page[lt + 2] in _LETTERS:
                name_end = _name_end(page, lt + 2)
                pos = _tag_end(page, name_end)[0]
                if foreign:
                    name = page[lt + 2 : name_end].lower()
                    if name not in foreign or b"\0" in name:  # (the HTML rules would decide)
                        stop = lt
                        break
                    del foreign[len(foreign) - 1 - foreign[::-1].index(name) :]
                    if not foreign and pos >= 0:
                        script_bytes += pos - foreign_start
                elif in_select and page[lt + 2 : name_end].lower() == b"select":
                    in_select = False
            else:  # a bogus comment
                pos = page.find(b">", lt + 2)
                pos = pos + 1 if pos >= 0 else -1
        elif c in _LETTERS:
            name_end = _name_end(page, lt + 1)
            name = page[lt + 1 : name_end].lower()
            pos, attributes, closed = _tag_end(page, name_end)
            if foreign:
                if b"\0" in name:  # (lexbor reads a NUL as U+FFFD: names equal as bytes may not be)
                    stop = lt
                    break
                if name in _TEXT_ONLY_FOREIGN:
                    followed = closed or _holds_text_only(page, pos, name)
                else:
                    followed = name not in _STOP_FOREIGN
                if not followed or len(foreign) >= _MAX_FOREIGN_DEPTH:
                    stop = lt
                    break
                if not closed:
                    foreign.append(name)
            elif name in _MERGED and _text_read(name, attributes):
                return page
            elif (
                name in _STOP_HTML
                or (in_select and name not in _IN_SELECT)
                or (_text_read(name, attributes) and not _holds_text_only(page, pos, name))
            ):
                stop = lt
                break
            elif name == b"select":
                in_select = True
            elif name in _FOREIGN_ROOTS:
                if not closed:
                    foreign.append(name)
                    foreign_start = lt
            elif name in _RAW_TEXT and pos >= 0:
                end = _raw_text_end(page, pos, name)
                if end < 0:  # (to the end of the page)
                    stop = lt
                    break
                if name == b"script":
                    content = page[pos:end]
                    script_bytes += end - pos
                    if b"<!--" in content and b"<script" in content.lower():
                        stop = lt
                        break
                    if end > pos and not _keeps_script(attributes, content):
                        elided.append((pos, end))
                elif name == b"style" and end > pos:
                    elided.append((pos, end))
                pos = end
        else:  # a "<" of the text
            pos = lt + 1
        if pos < 0:  # a comment or tag the page ends in
            stop = lt
            break
    if foreign:
        script_bytes += n - foreign_start
    elif stop < n:
        script_bytes += n - stop
    if not elided or script_bytes > _MAX_SCRIPT_CHARS or (stop < n and _may_merge_itemprop(page, stop)):
        return page
    return _without(page, elided)


def _may_merge_itemprop(page: bytes, start: int) -> bool:
    """Whether a start tag of <html> or <body> from `start`, where the scan no longer follows
    the page, may give the element an itemprop (which would make what was elided before it part
    of a text metadata reads)."""
    lowered = page[start:].lower()
    tags = [at for at in (lowered.find(b"<html"), lowered.find(b"<body")) if at >= 0]
    return bool(tags) and b"itemprop" in lowered[min(tags) :]


def _without(page: bytes, spans: list[tuple[int, int]]) -> bytes:
    pieces = []
    last = 0
    for start, end in spans:
        pieces.append(page[last:start])
        last = end
    pieces.append(page[last:])
    return b"".join(pieces)


# Pages on which the C scan must elide what the reference does: scripts kept and elided,
# comments and tags of every kind, raw text, foreign content, <select>, dates and a stop.
_PROBES = (
    b"",
    b"<",
    b"<script>var a = 1;</script>",
    b"<!DOCTYPE html><html><head><title>a</script></title><style>p{}</STYLE>"
    b"<script type='application/ld+json'>{}</script><script>x<y</script >"
    b'<script>{"datePublished": 1}</script><SCRIPT src=a.js>z</Script/><!-- <script> -->'
    b"<!--><script>a</script><!---><script>b</script><?x <script>?><!x <style>>"
    b'<script>e<!--<script>f</script></script></head><body a="<script>" b=c>'
    b"<textarea><script>a</script></textarea><svg><title>t</title><style>s</style><path/></svg>"
    b"<select><option>o<style>s</style></select><time>5</time><time datetime=2026>6</time>"
    b"<p itemprop=datePublished>x</p><script>y</script></body>",
    b"<svg><foreignObject><script>a</script></foreignObject></svg><style>b</style>",
    b"<math><mi><style>a</style></mi></math><script>b</script>",
    b"<time><b>x</b></time><script>a</script>",
    b"<script>a</script><template><script>b</script></template><script>c</script>",
    b"<script>a</script><body itemprop=datePublished><script>b</script>",
    b"<script>unterminated",
    "<p>Kelvin \u212a \u017f \u0130 \U0001f600<script>\u0130</script></p>".encode(),
    b"<script>publisher; date_posted</script><script>'datePublished'</script>",
    *(b"<script>x = {" + key + b": 1}</script>" for key in _QUOTED_KEYS),
)


class _Elide(Protocol):
    def __call__(self, page: bytes) -> bytes: ...


@cache
def elision() -> _Elide | None:
    """`warta._textscan.elide_raw_text` where it is built, wanted and gives the reference's bytes
    on `_PROBES`; None otherwise (in pure Python the scan would cost more than it saves)."""
    try:
        from warta._textscan import elide_raw_text
    except ImportError:
        return None
    chosen = probed("raw text elision", elide_raw_text_python, elide_raw_text, [(page,) for page in _PROBES])
    return None if chosen is elide_raw_text_python else elide_raw_text


def parser_input(html: str, utf8: bytes | None, elide: _Elide | None) -> str | bytes:
    """What to hand lexbor for `html`: its UTF-8 bytes less what `elide` leaves out, where the
    caller has them (`utf8`) or they cost a copy (an ASCII str); `html` itself without `elide`."""
    if utf8 is not None:
        return utf8 if elide is None else elide(utf8)
    if elide is None or not html.isascii():
        return html
    return elide(html.encode())
