"""The page's other parts as data: read-also links, related posts, sidebar lists, comments."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from itertools import chain, compress
from operator import attrgetter

from warta.classify.features import _is_date_line, is_date_line
from warta.classify.markers import (
    is_menu_row_normalised,
    labelled_read_also_link,
    read_also_label_split,
    section_headers,
)
from warta.classify.sections import section_scans
from warta.compiled import set_aside
from warta.compiled import wanted as compiled_parts_wanted
from warta.lexicon import JoinedLines, Lexicon, html_lexicon, load_lexicon, normalise_lines, normalise_marker
from warta.meta.datetext import find_dates
from warta.model import ALL_LINK, LABEL_COMMENTS, Block, BlockStructure, Comment, Label, ListItem
from warta.strings import has_digit, word_count


@dataclass(slots=True)
class PageLists:
    read_also: list[ListItem] = field(default_factory=list)
    related: list[ListItem] = field(default_factory=list)
    sidebar: list[ListItem] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> str:
    norm = normalise_marker(text)
    if not norm.startswith(prefixes):
        return text.strip()  # no prefix (one C-level test, where the loop tried each in turn)
    for prefix in prefixes:
        if norm.startswith(prefix):
            # Cut the same number of characters from the original (normalisation
            # keeps length for the ASCII markers), then leading separators (a full-width
            # colon too: "延伸阅读：", which normalising folds to the ASCII one).
            rest = text.lstrip(" \t•*-–—»›|")[len(prefix) :]
            return rest.lstrip(" :\uff1a.-–—|»›\u00a0").strip()
    return text.strip()


def _read_also(blocks: Sequence[Block], lexicon: Lexicon) -> list[ListItem]:
    items: list[ListItem] = []
    pending_marker = False  # a bare "Baca juga:" heads the item lines right under it
    previous = -2
    for block in blocks:
        pending_marker = pending_marker and block.index == previous + 1
        previous = block.index
        title = _strip_prefix(block.text, lexicon.read_also_prefix)
        if title == block.text.strip() and labelled_read_also_link(block, lexicon):
            title = read_also_label_split(block.text, lexicon)[1]  # "Lihat Juga <a>Title</a>"
        if not title or normalise_marker(title) + ":" in lexicon.read_also_prefix:
            # 'Pilihan Editor:' alone: normalising took its colon, so the prefix did not match
            pending_marker = True
            continue
        is_marker = normalise_marker(block.text) != normalise_marker(title)
        # A linked line inside a read-also box (HTML) is an item without a marker of its own.
        if is_marker or pending_marker or block.structure.href is not None:
            items.append(ListItem(title=title, url=block.structure.href))
        pending_marker = pending_marker and not is_marker
    return items


_INLINE_SEPARATORS = "·|•–-"
_INLINE_DATE = re.compile(rf"\s+[{_INLINE_SEPARATORS}]\s+(?P<date>[^·|•]{{4,40}})$")


def _inline_date(text: str) -> re.Match[str] | None:
    """`_INLINE_DATE.search(text)`: a line without any of its separators is not searched (the
    regex tries every position of the line; a `str.__contains__` is a C-level scan)."""
    if not any(map(text.__contains__, _INLINE_SEPARATORS)):
        return None
    return _INLINE_DATE.search(text)


# A numeric date glued to the end of a list line's title, as a template prints the date's
# element right after the link's with no space between ('<a>…要求</a><span>2025-03-05</span>'):
# after a character that is no digit, space or separator of the date; a day-first date only
# after a letter beyond ASCII ("Released v1.2.2024" is a version). Searched in the line's last
# characters only.
_DATE_GLUED_AT_END = re.compile(
    r"(?<=[^\d\s/.\-])(?P<date>\d{4}-\d{1,2}-\d{1,2}|(?<=[^\x00-\x7f])\d{1,2}[/.]\d{1,2}[/.]\d{4})$"
)
_DATE_GLUED_AT_END_CHARS = 11  # a separator before ten characters at most


def _inline_dated(text: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """(title, date) of a list line that carries its date after a separator ('Title · 07 Maret
    2026') or glued to its end (`_DATE_GLUED_AT_END`); None for a line that does not."""
    inline = _inline_date(text)
    if inline is None:
        if not text[-1:].isdigit():
            return None
        tail = len(text) - _DATE_GLUED_AT_END_CHARS
        glued = _DATE_GLUED_AT_END.search(text, max(tail, 0))
        if glued is None or glued.start() == 0 or not is_date_line(glued.group("date"), lexicon):
            return None
        return text[: glued.start()].strip(), glued.group("date")
    if not is_date_line(inline.group("date"), lexicon):
        return None
    return text[: inline.start()].strip(), inline.group("date").strip()


def _headline_like(norm: str, lexicon: Lexicon, n_words: int, has_phrase: bool | None = None) -> bool:
    """A list entry worth keeping: a phrase of 3+ words, not a menu row (`norm`: the text through
    `normalise_marker`; `n_words`: `word_count(text)`, which counts a line in a script written
    without spaces by its characters, 9 or more of them making 3 words; `has_phrase`: whether
    `norm` holds a nav phrase, if known). Three words rule out a bare number or a site name
    ("detik.com", '朝日新聞'): neither has a space, nor the few characters of a name."""
    return n_words >= 3 and not (
        is_menu_row_normalised(norm, lexicon, has_phrase) or _separated_menu_row(norm, lexicon)
    )


# Tokens that part a row's items ("About / Advertise / Contact", "Aviso legal · Privacidad").
ROW_SEPARATORS = frozenset("|·•/-–—»›")


def _separated_menu_row(norm: str, lexicon: Lexicon) -> bool:
    """A row of menu items parted by separators, half of the items' words or more menu words
    (`norm`: normalised): 'Aviso legal · Privacidad · Contacto', a footer row under a site's last
    list, counted without its separators, which `is_menu_row_normalised` counts as words."""
    words = norm.split()
    separators = sum(map(ROW_SEPARATORS.__contains__, words))
    if not 0 < separators < len(words):
        return False
    return sum(map(lexicon.menu_words().__contains__, words)) * 2 >= len(words) - separators


@dataclass(frozen=True, slots=True)
class _PhraseFlags:
    """Which of a page's list lines (normalised) hold a nav phrase and which a comment form's
    phrase (`Lexicon.contains_any`), found for all of them at once by `JoinedLines.containing_each`:
    one search of the joined lines instead of one regex search a line."""

    nav: dict[str, bool]
    comment_form: dict[str, bool]

    @classmethod
    def of(cls, distinct: list[str], lexicon: Lexicon) -> _PhraseFlags:
        nav, form = JoinedLines.of(distinct).containing_each((lexicon.nav_phrases, lexicon.comment_form))
        return cls(dict(zip(distinct, nav, strict=True)), dict(zip(distinct, form, strict=True)))


def _list_items(
    blocks: Sequence[Block],
    norms: list[str],
    lexicon: Lexicon,
    headers: Mapping[str, Label | None],
    phrases: _PhraseFlags,
) -> list[ListItem]:
    """Title lines, each followed by optional date and teaser lines; repeated titles merged.
    `norms`: `normalise_marker` of each block's text (the edge whitespace `strip` takes it drops too);
    `headers`: `section_header` of each of them; `phrases`: their phrase flags."""
    compiled = _compiled_list_items()
    items = None
    if compiled is not None and type(blocks) is list and type(norms) is list and type(headers) is dict:
        items = _compiled_entries(compiled, blocks, norms, lexicon, headers, phrases)
    entries = _entries(blocks, norms, lexicon, headers, phrases) if items is None else items
    return _without_ranks(_ranked_teasers_apart(entries))


# What makes a long line under a list's title its teaser rather than the next entry: a link of
# its own makes it an entry, and its lack under a linked title a teaser; else (flattened text)
# this many words, a sentence's end ('… says a new report.'), or this many times the title's words.
# A headline of 12 to 19 words under another headline ('Oyster reefs off Texas show signs of
# recovery after years of closures') is the next entry. A shorter line, of 6 to 11 words, is a
# teaser only as a sentence ('The season tickets are on sale online now.') under a title that is
# none: headlines seldom end with a full stop.
_TEASER_WORDS = 20
_TEASER_ENDS = (".", "…")
_AFTER_SENTENCE_END = "\"'”’)"  # a quote or bracket may close after the full stop
_TEASER_OVER_TITLE = 2.0
TEASER_MIN_WORDS = 6
_LONG_TEASER_WORDS = 12


def _short_teaser(text: str, title: str) -> bool:
    """Whether `text`, a line of 6 to 11 words under the list entry `title`, is its teaser: a
    whole sentence (a capital first, one full stop last: "…" and ".." end cut headlines) under
    a title that is no sentence."""
    end = text.rstrip(_AFTER_SENTENCE_END)
    first = text.lstrip("\"'“‘(")[:1]
    return (
        end.endswith(".")
        and not end.endswith("..")
        and first.isupper()
        and not title.rstrip(_AFTER_SENTENCE_END).endswith((".", "…"))
    )


def reads_as_teaser(text: str, n_words: int, href: str | None, title: str, title_url: str | None) -> bool:
    """Whether a line of `TEASER_MIN_WORDS` words or more (`text`, linked to `href`) under a list's
    entry (`title`, linked to `title_url`) is that entry's teaser."""
    if href is not None and href != title_url:
        return False
    if n_words < _LONG_TEASER_WORDS:
        return _short_teaser(text, title)
    return (
        (title_url is not None and href is None)
        or n_words >= _TEASER_WORDS
        or text.rstrip(_AFTER_SENTENCE_END).endswith(_TEASER_ENDS)
        or n_words >= _TEASER_OVER_TITLE * word_count(title)
    )


def _entries(
    blocks: Sequence[Block],
    norms: list[str],
    lexicon: Lexicon,
    headers: Mapping[str, Label | None],
    phrases: _PhraseFlags,
) -> list[ListItem]:
    """`_list_items` before `_without_ranks`. The reference of the compiled
    `warta.assemble._body.list_items`, which gives the same entries."""
    items: list[ListItem] = []
    title_norms: list[str] = []  # `normalise_marker` of each item's title
    dates_open = False  # whether a date line may still be the last item's (no header since)
    date_words, month_words = lexicon.date_words, lexicon.month_words
    for block, norm in zip(blocks, norms, strict=True):
        if not norm:
            continue
        if headers[norm] is not None:
            # "Archives" over "February 2026": dates under a new header are its entries,
            # not the date of the previous box's last headline.
            dates_open = False
            continue
        text = block.text.strip()
        # A line without a digit is no date line and carries no inline date (`is_date_line`).
        digit = has_digit(text)
        if digit and _is_date_line(text, date_words, month_words):
            if items and items[-1].date is None and dates_open:
                items[-1] = ListItem(items[-1].title, items[-1].url, text, items[-1].teaser)
            continue
        dated = _inline_dated(text, lexicon) if digit else None
        n_words = word_count(text)
        if (
            items
            and n_words >= TEASER_MIN_WORDS
            and items[-1].teaser is None
            and dated is None
            and reads_as_teaser(text, n_words, block.structure.href, items[-1].title, items[-1].url)
        ):
            # A long line under a title is its teaser, unless it carries a date of its
            # own ('Title · 07 Maret 2026'): then it is the next entry.
            items[-1] = ListItem(items[-1].title, items[-1].url, items[-1].date, text)
            continue
        if norm in title_norms[-2:]:
            continue  # the same headline printed twice (image alt text + link)
        if not _headline_like(norm, lexicon, n_words, phrases.nav[norm]):
            continue
        if dated is None:
            items.append(ListItem(title=text, url=block.structure.href))
            title_norms.append(norm)
        else:
            title, date = dated
            items.append(ListItem(title=title, url=block.structure.href, date=date))
            title_norms.append(normalise_marker(title))
        dates_open = True
    return items


def _compiled_entries(
    list_items: Callable[..., list[ListItem] | None],
    blocks: list[Block],
    norms: list[str],
    lexicon: Lexicon,
    headers: dict[str, Label | None],
    phrases: _PhraseFlags,
) -> list[ListItem] | None:
    """`_entries` by `list_items` (`warta.assemble._body.list_items`), given the lexicon's tests
    it asks where the Python loop does; None where it leaves the blocks to `_entries`."""
    return list_items(
        blocks,
        norms,
        headers,
        phrases.nav,
        lexicon,
        lexicon.menu_words(),
        is_date_line,
        _inline_dated,
        is_menu_row_normalised,
        normalise_marker,
    )


# Lines and their structure (link) for `_compiled_list_items`' probe: headers, date lines under
# a title and under a header, inline dates, teasers, repeated titles, menu rows and short lines,
# ranks, lines in scripts written without spaces (each range of `SPACELESS_RANGES` at its edges,
# inside and out), and the edge cases of case and width ("İ", the Kelvin sign, "ſ", astral text, digits of
# other scripts, whitespace other than spaces).
_PROBE_LINES: tuple[tuple[str, str | None], ...] = (
    ("Terpopuler", None),
    ("1 Presiden meresmikan jembatan baru di Jakarta", "/a"),
    ("12 Februari 2026", None),
    ("Presiden meresmikan jembatan baru di Jakarta pada Senin pagi kata juru bicara istana negara", None),
    ("2 Harga beras naik lagi di pasar induk · 07 Maret 2026", "/b"),
    ("2 Harga beras naik lagi di pasar induk · 07 Maret 2026", "/b"),
    ("3 jam lalu", None),
    ("Home News Sport", None),
    ("Dua kata", "/c"),
    ("\u00a0 İstanbul’da büyük gün 𝟙 \u2003", "/d"),
    ("Kelvin \u212a ſport news today", "/e"),
    ("Harga ٣ emas turun tajam – 3 jam lalu", None),
    ("🌉 Jembatan baru dibuka untuk umum 🌉", None),
    ("Arsip", None),
    ("Februari 2026", None),
    ("関連記事", None),
    ("1港北港に大型クルーズ船", "/f"),
    ("朝日新聞", "/g"),
    ("ลำปางทดลองรถเมล์ไฟฟ้าสามเส้นทางรอบเมือง", "/h"),
    ("ข่าวท้องถิ่น", "/i"),
    ("新市民病院が開院\u3000外来は1日1500人規模", "/h"),
    ("路面電車の延伸計画は市議会の本会議で賛成多数により可決された。総事業費は約二百億円", None),
    ("\u3040\u30ff\u3400\u4dbf\u4e00 \u9fff\uf900\ufaff\uff66\uff9f\U00020000\U000323af", "/i"),
    ("\u303f\u3100\u33ff\u4dc0\ua000\uf8ff\ufb00\uff65\uffa0\U0001ffff\U000323b0", "/j"),
    ("", None),
)


@lru_cache(maxsize=1)
def _compiled_list_items() -> Callable[..., list[ListItem] | None] | None:
    """`warta.assemble._body.list_items` where it is built and gives `_entries`' entries on probe
    lines; None otherwise, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta.assemble._body import list_items
    except ImportError:
        return None
    blocks, norms, lexicon, headers, phrases = _probe()
    expected = _entries(blocks, norms, lexicon, headers, phrases)
    found = _compiled_entries(list_items, blocks, norms, lexicon, headers, phrases)
    if found != expected:
        set_aside("list entries", "Python")
        return None
    return list_items


def _probe() -> tuple[list[Block], list[str], Lexicon, dict[str, Label | None], _PhraseFlags]:
    """`_entries`' arguments for `_PROBE_LINES`, with the default lexicon."""
    lexicon = load_lexicon()
    blocks = [Block(i, text, BlockStructure(href=href)) for i, (text, href) in enumerate(_PROBE_LINES)]
    norms = normalise_lines([block.text for block in blocks])
    distinct = list(dict.fromkeys(norms))
    return blocks, norms, lexicon, section_headers(distinct, lexicon), _PhraseFlags.of(distinct, lexicon)


# Any fixed instant: only absolute dates (a day, month and year) are looked for at an entry's end.
_NO_REFERENCE = datetime(2000, 1, 1)
_DAY_PRECISIONS = frozenset({"day", "hour", "minute", "second"})
_GLUED = re.compile(
    r"(?<=[^\W\d_])(?=[A-Z0-9])"
)  # 'easesApril': a lower-case letter, then a capital or digit
_DATE_EDGE = " ,·|•-–—"


def _may_end_with_date(text: str) -> bool:
    """`_date_at_end`'s cheap tests, which every text it cuts passes: a digit among the last four
    characters, and three words at least (three come before the date, and the date may be glued
    to the last of them: 'easesApril 20, 2025')."""
    return has_digit(text.rstrip()[-4:]) and len(text.split()) >= 3


# The words of a relative date at an entry's end: '2 jam lalu', '5 hours ago', 'hace 3 horas',
# '35 menit yang lalu'.
_RELATIVE_TAIL_WORDS = (2, 3, 4)
_WORD_SPAN = re.compile(r"\S+")


def _may_end_with_relative(text: str, lexicon: Lexicon) -> bool:
    """`_relative_at_end`'s cheap tests: a digit among the last 20 characters, a date word (an
    'ago' word, a unit: 'lalu', 'ago', 'horas') last, five words at least."""
    tail = text.rstrip()[-20:]
    return (
        has_digit(tail) and tail.rsplit(None, 1)[-1].lower() in lexicon.date_words and len(text.split()) >= 5
    )


def _relative_at_end(text: str, lexicon: Lexicon) -> int | None:
    """Where the relative date that ends `text` begins ('… Mulai Turun 1 hari lalu', a markdown
    list's '[Title](url) 2 jam lalu'): the shortest run of two to four last words that opens with
    a number or a date word and is a date line, three words at least before it; None elsewhere."""
    spans = [m.start() for m in _WORD_SPAN.finditer(text)]
    words = text.split()
    for k in _RELATIVE_TAIL_WORDS:
        if len(words) - k < 3:
            return None
        first = words[-k]
        if not (first.isdigit() or first.lower() in lexicon.date_words):
            continue
        at = spans[-k]
        if is_date_line(text[at:], lexicon):
            return at
    return None


def _date_at_end(text: str, lexicon: Lexicon) -> int | None:
    """Where the full date that ends `text` begins ('… Mulai Turun 20 Agustus 2025', '… easesApril
    20, 2025', the date element glued to the link's text), or else the relative one
    (`_relative_at_end`); None where no date ends it or fewer than three words come before it.
    (Asked of a text that `_may_end_with_date` or `_may_end_with_relative`.)"""
    text = text.rstrip()
    starts = [0, *(m.start() for m in _GLUED.finditer(text))]
    for start in reversed(starts):
        found = find_dates(text[start:], _NO_REFERENCE, lexicon, least_specific="absolute")
        last = found[-1] if found else None
        if last is None or start + last.end != len(text) or last.precision not in _DAY_PRECISIONS:
            continue
        at = start + last.start
        if len(text[:at].rstrip(_DATE_EDGE).split()) >= 3:
            return at
    return _relative_at_end(text, lexicon) if _may_end_with_relative(text, lexicon) else None


def _dates_apart(blocks: list[Block], lexicon: Lexicon) -> list[Block]:
    """Linked entries that end with their date ('<li><a>Title</a> <span>20 Agustus 2025</span></li>',
    a card's `<time>` glued to its link), or bulleted ones of flattened text ('* Title Senin, 28 April
    2025', an inscriptis list): each split into its title and a date line under it,
    which `_entries` makes the item's date. Only in a run of two or more such entries: a single
    headline that ends with a date ('Jadwal Imsakiyah Surabaya 1 Maret 2025') keeps it; and not
    an entry that gives its date after a separator ('Title - 28 January 2026'): `_entries` reads
    that one already."""
    # An entry is cut only beside another one cut: the dates are looked for only in the entries
    # that pass the cheap tests beside one that passes them too (most lists have none).
    maybe = [
        (b.structure.href is not None or b.structure.bullet)
        and (_may_end_with_date(b.text) or _may_end_with_relative(b.text, lexicon))
        for b in blocks
    ]
    if maybe.count(True) < 2:
        return list(blocks)  # no run (most lists)
    last = len(blocks) - 1
    cuts = [
        _date_at_end(b.text, lexicon)
        if maybe[k]
        and ((k > 0 and maybe[k - 1]) or (k < last and maybe[k + 1]))
        and _inline_dated(b.text.strip(), lexicon) is None
        else None
        for k, b in enumerate(blocks)
    ]
    out: list[Block] = []
    for k, (block, cut) in enumerate(zip(blocks, cuts, strict=True)):
        in_run = cut is not None and (
            (k > 0 and cuts[k - 1] is not None) or (k + 1 < len(cuts) and cuts[k + 1] is not None)
        )
        if cut is None or not in_run:
            out.append(block)
            continue
        text = block.text.rstrip()
        out.append(Block(block.index, text[:cut].rstrip(_DATE_EDGE), block.structure, block.start, block.end))
        out.append(Block(block.index, text[cut:], BlockStructure(), block.start, block.end))
    return out


_ROW_BULLETS = "»›•·▪■►▸*-–—"


def _without_bullets(items: list[ListItem]) -> list[ListItem]:
    """'» Title': the bullet a table row or a text list prints before each entry is no part of its title."""
    out = []
    for item in items:
        title = item.title
        if len(title) > 2 and title[0] in _ROW_BULLETS and title[1].isspace():
            item = replace(item, title=title[2:].strip())
        out.append(item)
    return out


def _linked_only(items: list[ListItem]) -> list[ListItem]:
    """A box whose entries are links (two or more, at least half of them) has no entry without
    one: an unlinked line there is an entry's own line that no rule placed ('6 min read · Energy'
    under each teaser card), not a headline. (Lists of flattened text have no links: kept whole.)"""
    linked = sum(item.url is not None for item in items)
    if linked < 2 or linked * 2 < len(items):
        return items
    return [item for item in items if item.url is not None]


_RANK = re.compile(r"^(\d{1,2})(?:[.)]?\s+(?=\S)|(?=[^\W\d_]))")


def _rank(title: str) -> re.Match[str] | None:
    """The rank number opening `title`: '1 Title', '1. Title', or '1Title' where the rank and the
    headline were separate elements with no space between ('<span>1</span><span>Title</span>'):
    then no lower-case letter may follow it ('3rd Street'), a capital or a letter of a script
    without case may ('1港北港に…')."""
    m = _RANK.match(title)
    if m is not None and m.end() == len(m.group(1)) and title[m.end()].islower():
        return None
    return m


def _ranked_teasers_apart(items: list[ListItem]) -> list[ListItem]:
    """'2 Title' with '3 Next title …' under it as its teaser (a long headline reads as one), or the
    last line above a list with its '1 First title …': a line that opens with the next rank of a
    ranked list is the next entry, not a teaser. (Flattened text only: a linked entry's teaser is
    its card's own text.)"""
    out: list[ListItem] = []
    for k, item in enumerate(items):
        teaser_rank = _rank(item.teaser) if item.teaser and item.url is None else None
        if teaser_rank is None:
            out.append(item)
            continue
        title_rank = _rank(item.title)
        nxt = _rank(items[k + 1].title) if k + 1 < len(items) else None
        rank = int(teaser_rank.group(1))
        if not (
            (title_rank is not None and rank == int(title_rank.group(1)) + 1)
            or (rank == 1 and nxt is not None and int(nxt.group(1)) == 2)  # a list's first entry
        ):
            out.append(item)
            continue
        out.append(ListItem(item.title, item.url, item.date, None))
        out.append(ListItem(item.teaser or "", None))
    return out


_LONE_RANK = re.compile(r"(\d{1,2})[.)]?")


def _rank_run(blocks: list[Block]) -> set[int]:
    """Where the lone rank numbers are that count 1, 2, 3, … one entry apart ('1' / 'Title' / '2' /
    'Title'), in runs of two or more: share and comment counts ('90', '83') count nothing."""
    texts = list(map(str.strip, map(_TEXT, blocks)))
    # A lone rank is three characters at most: the others (nearly all) are left in C.
    short = compress(range(len(texts)), map(_RANK_CHARS.__ge__, map(len, texts)))
    values = {k: int(m.group(1)) for k in short if (m := _LONE_RANK.fullmatch(texts[k])) is not None}
    found: set[int] = set()
    resume = 0  # (a run's numbers start no other run)
    for k in [k for k, value in values.items() if value == 1]:  # (in page order)
        if k < resume:
            continue
        run = [k]
        while values.get(run[-1] + 2) == values[run[-1]] + 1:
            run.append(run[-1] + 2)
        if len(run) >= 2:
            found.update(run)
        resume = run[-1] + 1
    return found


_RANK_CHARS = 3  # the longest `_LONE_RANK`: "12." or "12)"


def _ranks_joined(texts: tuple[list[Block], list[str]]) -> tuple[list[Block], list[str]]:
    """A most-read list whose rank numbers stand on lines of their own ('1' / 'Title' / '2' /
    'Title', each a text node of its own): each number joined to the line after it ('1 Title'),
    which `_without_ranks` reads (`_rank_run`: only numbers that count the entries). Flattened
    text only: a linked headline keeps its card's lines as they are."""
    blocks = texts[0]
    ranks = _rank_run(blocks)
    if not ranks:
        return texts
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        if k in ranks and k + 1 < len(blocks) and blocks[k + 1].structure.href is None:
            nxt = blocks[k + 1]
            text = f"{block.text.strip()} {nxt.text.strip()}"
            out.append(Block(nxt.index, text, nxt.structure, nxt.start, nxt.end))
            k += 2
            continue
        out.append(block)
        k += 1
    return out, normalise_lines([block.text for block in out])


def _without_repeats(items: list[ListItem]) -> list[ListItem]:
    """`items` with each entry once: a page lists a story in two boxes, or twice in one (its image
    and its headline); a later copy with the same title and address only lends the first the date
    or teaser it lacks."""
    first: dict[tuple[str, str | None], int] = {}
    out: list[ListItem] = []
    for item in items:
        key = (" ".join(item.title.casefold().split()), item.url)
        at = first.get(key)
        if at is None:
            first[key] = len(out)
            out.append(item)
            continue
        kept = out[at]
        if (kept.date is None and item.date is not None) or (kept.teaser is None and item.teaser is not None):
            out[at] = ListItem(kept.title, kept.url, kept.date or item.date, kept.teaser or item.teaser)
    return out


def _without_ranks(items: list[ListItem]) -> list[ListItem]:
    """'1 Title', '2 Title', …: a most-read list's rank numbers (1, 2, 3 in a row) are no part of the titles.
    A lone number is kept: '5 Tips Merawat Sepeda' is a headline."""
    out = list(items)
    k = 0
    while k < len(out):
        end = k
        while end < len(out) and (m := _rank(out[end].title)) and int(m.group(1)) == end - k + 1:
            end += 1
        if end - k >= 2:
            for j in range(k, end):
                item = out[j]
                cut = _rank(item.title)
                assert cut is not None
                out[j] = ListItem(item.title[cut.end() :], item.url, item.date, item.teaser)
        k = max(end, k + 1)
    return out


def _comments(
    blocks: Sequence[Block],
    norms: list[str],
    lexicon: Lexicon,
    headers: Mapping[str, Label | None],
    phrases: _PhraseFlags,
) -> list[Comment]:
    """The comment thread's entries (`norms`: `normalise_marker` of each block's text;
    `headers`: `section_header` of each of them; `phrases`: their phrase flags)."""
    comments: list[Comment] = []
    author: str | None = None
    date: str | None = None
    for block, norm in zip(blocks, norms, strict=True):
        text = block.text.strip()
        if (
            norm in lexicon.comment_widget
            or headers[norm] is LABEL_COMMENTS  # '3 thoughts on "…"' too
            or phrases.comment_form[norm]
        ):
            continue  # the thread's header, buttons and form: no reader's words
        if is_date_line(text, lexicon):
            name, date = _name_before_date(text, lexicon)
            author = name or author
            continue
        words = text.split()
        if len(words) <= _HEAD_WORDS and has_digit(text) and not text.endswith((".", "!", "?")):
            name, rest = _name_before_date(text, lexicon)
            if name is not None:  # "Dan Okafor Mod Priya Nair 2 days ago"
                author, date = name, rest
                continue
        if len(words) <= 4 and not text.endswith((".", "!", "?")):
            if not _in_page_link(block):
                author, glued = _glued_date_apart(text, lexicon)
                date = glued or date
            continue
        comments.append(Comment(text=text, author=author, date=date))
        author = date = None
    return comments


# A login and the date printed right after it with no space between their elements
# ("<span>hannah_cooks</span><span>2 hours ago</span>"): where a letter meets a digit.
_GLUED_DATE = re.compile(r"(?<=[^\W\d])(?=\d)")


def _glued_date_apart(text: str, lexicon: Lexicon) -> tuple[str, str | None]:
    """(name, date) of a comment's head line whose date is glued to the name
    ("hannah_cooks2 hours ago"): cut where a letter meets a digit, if what follows is a date
    line and what goes before is no date of its own; else (`text`, None)."""
    for cut in _GLUED_DATE.finditer(text):
        name, rest = text[: cut.start()], text[cut.start() :]
        if not has_digit(name) and is_date_line(rest, lexicon):
            return name, rest
    return text, None


_NAME_WORDS = 4
_HEAD_WORDS = 12  # a comment's head: a name, a badge, the parent's name, a date
_NAME_EDGE = " ,·|•-–—"


def _in_page_link(block: Block) -> bool:
    """A line that is a link into the page itself ("in reply to <a href='#comment-12'>Name</a>",
    a permalink, a "#" button): the segmenter keeps no address of it. Never a comment's author."""
    structure = block.structure
    return structure.in_link and structure.href is None and structure.link_density >= ALL_LINK


def _name_before_date(text: str, lexicon: Lexicon) -> tuple[str | None, str]:
    """(author, date) of a comment's head line that gives both ("Ellen Park 2 months ago",
    "Rina · 12 Mei 2025"): a name of up to four capitalised words, then a date line; a badge
    after the name ("Author", "Admin") is dropped, and a badge inside the head ends the name:
    the capitalised names between it and the date are the parent comment's ("Dan Okafor Mod
    Priya Nair 2 days ago", a reply's head). (None, `text`) for a date alone, or words that say
    what the date is ("Posted 2 hours ago")."""
    words = text.split()
    k = 0
    while k < len(words) and k <= 2 * _NAME_WORDS + 1:
        word = words[k].strip(_NAME_EDGE).lower()
        if has_digit(word) or word in lexicon.date_words:
            break
        k += 1
    badge = next((b for b in range(1, min(k, _NAME_WORDS + 1)) if _is_badge(words[b], lexicon)), None)
    if badge is not None and badge + 1 < k <= badge + 1 + _NAME_WORDS:
        head = words[:badge]
        if not all(w[:1].isupper() for w in words[badge + 1 : k]):
            return None, text
    else:
        head = words[:k]
    name = " ".join(head).strip(_NAME_EDGE)
    rest = " ".join(words[k:])
    if (
        not name
        or len(head) > _NAME_WORDS
        or not all(w[:1].isupper() for w in name.split())
        or name.endswith(":")  # "Join Date: Aug 2008": the date's label
        or _says_what_the_date_is(normalise_marker(name), lexicon)
        or not is_date_line(rest, lexicon)
    ):
        return None, text
    while " " in name and normalise_marker(name.rsplit(" ", 1)[1]) in lexicon.comment_badge:
        name = name.rsplit(" ", 1)[0]  # "Jane Doe Author": the thread's badge for the post's writer
    return name, rest


def _is_badge(word: str, lexicon: Lexicon) -> bool:
    return normalise_marker(word.strip(_NAME_EDGE)) in lexicon.comment_badge


def _says_what_the_date_is(norm: str, lexicon: Lexicon) -> bool:
    """'Posted', 'Updated', 'Commented': words before a comment's date that name the date, not
    the commenter."""
    grammar = lexicon.date_grammar
    markers = (*grammar.published_markers, *grammar.modified_markers) if grammar is not None else ()
    return norm.startswith(markers) or any(norm == verb.strip(" :") for verb in lexicon.comment_attribution)


@lru_cache(maxsize=1)
def _tag_href() -> re.Pattern[str]:
    """A link to a tag or topic page ("/tag/banjir", "?tag=x"): words from lexicon/data/html.toml."""
    links = html_lexicon()["links"]
    paths = "|".join(map(re.escape, links["tag_path"]))
    queries = "|".join(map(re.escape, links["tag_query"]))
    return re.compile(rf"/(?:{paths})/|[?&](?:{queries})=", re.I)


_TAG_CHARS = 40
_TEXT = attrgetter("text")
_UNLABELLED = frozenset({Label.OTHER, Label.NAV})
# The tag links after a tags line may sit in the entry's footer element ("<footer
# class='entry-footer'>Mga Tag: <a>baha</a> <a>Maynila</a>"): labelled footer, still tags.
_TAG_RUN = frozenset({Label.OTHER, Label.NAV, Label.FOOTER})
_INLINE_TAGS_LABELS = frozenset({Label.OTHER, Label.NAV, Label.FOOTER})
_INLINE_TAGS_WORDS = 40  # a footer line of links, not a paragraph
_INLINE_TAGS_LINKS = 0.5  # of its text, how much is link text, at least


@lru_cache(maxsize=8)
def _inline_tags_label(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """The pattern of a tags label inside a line (`lexicon.tags_inline`), after a space."""
    if not labels:
        return None
    return re.compile(r"(?:^|\s)(" + "|".join(map(re.escape, labels)) + r")\s+(?=\S)", re.I)


def may_hold_label(text: str, labels: tuple[str, ...]) -> bool:
    """False where `_inline_tags_label(labels)` cannot find a label in `text`: ASCII text (most)
    holds one only where its lower case holds an ASCII label's (the case-blind search compares
    ASCII letters by their case alone; its other equivalences, "ſ" for "s" or the Kelvin sign
    for "k", need a character beyond ASCII, in the text or in a label). The search, which
    cannot skip ahead to a case-blind literal, tries every position of the text."""
    if not text.isascii() or not all(map(str.isascii, labels)):
        return True
    low = text.lower()
    return any(label.lower() in low for label in labels)


def inline_tags(block: Block, lexicon: Lexicon) -> list[str]:
    """The tags a line of links names after a tags label inside it, not at its start and with
    no colon ("Posted in <a>News</a> Tagged <a>bike lanes</a>, <a>city council</a>", the
    WordPress entry footer): what follows the label, split at commas. The label is written
    as one (capitalised), so a sentence that says the word is no tags line."""
    structure = block.structure
    # (the cheap tests first: this is asked of every unlabelled, navigation and footer line)
    if structure.href is None or structure.link_density < _INLINE_TAGS_LINKS:
        return []
    pattern = _inline_tags_label(lexicon.tags_inline)
    if pattern is None:
        return []
    text = block.text
    if len(text.split(maxsplit=_INLINE_TAGS_WORDS)) > _INLINE_TAGS_WORDS:
        return []
    match = pattern.search(text)
    if match is None or not match.group(1)[:1].isupper():
        return []
    found = [t.strip(" #") for t in re.split(r"[,;|#]", text[match.end() :])]
    if not all(0 < len(tag) <= _TAG_CHARS for tag in found):
        return []
    return found


def _tag_blocks(blocks: Sequence[Block], labels: list[Label]) -> list[Block]:
    """The tag blocks, and the tag links right after a tags line that no label reached:
    in "Tags: <a>x</a> <a>y</a>" the label and first link make one line, the other links
    lines of their own with nothing but their link to say they are tags."""
    out: list[Block] = []
    tags = Label.TAGS  # looked up once: an enum member is a slow attribute to read per block
    at = section_scans().positions(labels, tags, len(labels))
    if not at:
        return out  # no tags line: no link after one either
    previous_tags = False
    first = at[0]  # nothing before the first tags line is taken
    for block, label in zip(blocks[first:], labels[first:], strict=True):
        if label is tags:
            out.append(block)
            previous_tags = True
            continue
        previous_tags = (
            previous_tags
            and label in _TAG_RUN
            and len(block.text) <= _TAG_CHARS
            and block.structure.link_density >= ALL_LINK
            and _tag_href().search(block.structure.href or "") is not None
        )
        if previous_tags:
            out.append(block)
    return out


@lru_cache(maxsize=1)
def _tag_box_tokens() -> frozenset[str]:
    """Class/id tokens of a tag box (`lexicon/data/html.toml`, `[classes] tag_box`)."""
    return frozenset(html_lexicon()["classes"]["tag_box"])


@lru_cache(maxsize=1)
def _position_tokens() -> frozenset[str]:
    """Class tokens that place an element among its siblings (`html.toml`, `[classes] position`):
    "even" and "odd" alternate along one list, so they name no box."""
    return frozenset(html_lexicon()["classes"]["position"])


_TAG_BOX_MIN = 2  # links in a row: one link alone may be a section's


def _tag_box_links(blocks: Sequence[Block], labels: list[Label]) -> list[str]:
    """The tags of a box with no "Tags" line over it ("<div class='tag-artikel'><a
    href='/tag/kedah'>Kedah</a> …"): two links or more in a row under the article's first
    body line, each a short line that is all link, to a tag page or written as a hashtag
    ("#서울시"), in an element the template names as a tag box. The first such run only."""
    first_body = next((i for i, label in enumerate(labels) if label is Label.BODY), None)
    if first_body is None:
        return []
    names = _tag_box_tokens()
    href = _tag_href()
    run: list[str] = []
    for block, label in zip(blocks[first_body:], labels[first_body:], strict=True):
        structure = block.structure
        # (the tests cheapest and likeliest to fail first: most lines are not all link)
        if (
            structure.link_density >= ALL_LINK
            and label in _UNLABELLED
            and len(block.text) <= _TAG_CHARS
            and not names.isdisjoint(structure.class_tokens)
            # (a hashtag's link may go to the site's search, "?sc_word=서울시": its "#" says tag)
            and (href.search(structure.href or "") is not None or block.text.startswith("#"))
        ):
            run.append(block.text.strip(" #"))
        elif run:
            if len(run) >= _TAG_BOX_MIN:
                return run
            run = []
    return run if len(run) >= _TAG_BOX_MIN else []


def _page_footer_start(labels: Sequence[Label]) -> int:
    """Where the page's footer begins: its last copyright line, when it comes after the body
    (a '©' in a photo credit inside the article is no footer); past the end if none."""
    scans = section_scans()
    labelled = labels if type(labels) is list else list(labels)
    footer = scans.last(labelled, Label.FOOTER)
    return footer if footer >= 0 and footer > scans.last(labelled, Label.BODY) else len(labels)


def _with_dates_apart(
    texts: tuple[list[Block], list[str]], lexicon: Lexicon
) -> tuple[list[Block], list[str]]:
    """`_dates_apart` of a list's blocks, with the normalised texts of the blocks it gives."""
    blocks = texts[0]
    apart = _dates_apart(blocks, lexicon)
    if len(apart) == len(blocks):
        return texts
    return apart, normalise_lines([block.text for block in apart])


def _dated_list_items(
    texts: tuple[list[Block], list[str]],
    apart: tuple[list[Block], list[str]],
    lexicon: Lexicon,
    headers: Mapping[str, Label | None],
    phrases: _PhraseFlags,
) -> list[ListItem]:
    """`_list_items` of a list's blocks with their dates apart (`apart`: `_with_dates_apart` of
    `texts`), unless that costs a linked entry the item it has without the split: a title that
    lost its date has fewer words, and the long line after it can turn from an entry of its own
    into its teaser. Then the blocks as they are. (`headers` and `phrases` know both's lines.)"""
    items = _list_items(*apart, lexicon, headers, phrases)
    if apart is texts:
        return items
    whole = _list_items(*texts, lexicon, headers, phrases)
    own = {item.url for item in items}
    return whole if any(item.url is not None and item.url not in own for item in whole) else items


def build_lists(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    norms: Sequence[str] | None = None,
    headers: Mapping[str, Label | None] | None = None,
) -> PageLists:
    """The page's lists; `norms`: `normalise_marker` of every block's text, and `headers`:
    `section_header` of each of them (keyed by the text), where the caller has them."""

    scans = section_scans()
    labelled = labels if type(labels) is list else list(labels)

    def of(label: Label, end: int | None = None) -> tuple[list[Block], list[str]]:
        """The blocks labelled `label` (before block `end`) and their normalised texts."""
        at = scans.positions(labelled, label, len(labelled) if end is None else end)
        texts = list(map(blocks.__getitem__, at))
        if norms is None:
            return texts, normalise_lines([block.text for block in texts])
        return texts, list(map(norms.__getitem__, at))

    # Below the copyright line the links are the footer's ('Privacy ∙ Terms', 'Start writing'),
    # not entries of the box whose section ran on to the end of the page.
    footer = _page_footer_start(labelled)

    tags: list[str] = []
    # The innermost class token of the current list's first tag (a word: "tag-link-4338" numbers
    # each link): a tag's box (its list, or one nested in it) carries it; "Reuse this content"
    # in the box beside the topic links, or the author's name under them, does not.
    box: str | None = None
    for block in _tag_blocks(blocks, labelled):
        if normalise_marker(block.text) in lexicon.tags_header:
            box = None
            continue  # the list's header ("Tags"), not a tag
        tokens = block.structure.class_tokens
        rest = _strip_prefix(block.text, lexicon.tags_prefix)
        if rest != block.text.strip():
            box = None  # a "Tags:" line: its label's own class ("tags__label") is no box's
        elif box is None:  # a list's first tag
            box = next(
                (
                    token
                    for token in reversed(tokens)
                    if not has_digit(token) and token not in _position_tokens()
                ),
                "",
            )
        elif box and box not in tokens:
            continue
        tags.extend(t.strip(" #") for t in re.split(r"[,;|#]", rest) if t.strip(" #"))
    if not tags:
        tags = _tag_box_links(blocks, labelled)
    if not tags and lexicon.tags_inline:
        lines = [
            block
            for block, label in zip(blocks, labelled, strict=True)
            if label in _INLINE_TAGS_LABELS and block.structure.href is not None
        ]
        # One search of all those lines joined finds every label any of them holds (a label at a
        # line's start follows the joining line break): most pages have none to read line by line.
        pattern = _inline_tags_label(lexicon.tags_inline)
        joined = "\n".join(map(_TEXT, lines))
        if (
            lines
            and pattern is not None
            and may_hold_label(joined, lexicon.tags_inline)
            and pattern.search(joined)
        ):
            for block in lines:
                tags.extend(inline_tags(block, lexicon))
    related, sidebar, comments = of(Label.RELATED, footer), of(Label.SIDEBAR, footer), of(Label.COMMENTS)
    related, sidebar = _ranks_joined(related), _ranks_joined(sidebar)
    related_apart, sidebar_apart = _with_dates_apart(related, lexicon), _with_dates_apart(sidebar, lexicon)
    # The section headers among the lists' lines, asked once for all three (most lines are
    # ruled out in C by `section_headers`).
    # Their nav and comment-form phrases likewise, in one search of all of them.
    split = [
        apart[1]
        for apart, texts in ((related_apart, related), (sidebar_apart, sidebar))
        if apart is not texts
    ]
    distinct = list(dict.fromkeys(chain(related[1], sidebar[1], comments[1], *split)))
    if headers is None or norms is None:
        headers = section_headers(distinct, lexicon)
    elif any(norm not in headers for norm in distinct):
        # a date line split off an entry is no line of the page: its header status is asked here
        headers = {**headers, **section_headers([n for n in distinct if n not in headers], lexicon)}
    phrases = _PhraseFlags.of(distinct, lexicon)
    return PageLists(
        read_also=_read_also(of(Label.READ_ALSO)[0], lexicon),
        related=_without_repeats(
            _linked_only(
                _without_bullets(_dated_list_items(related, related_apart, lexicon, headers, phrases))
            )
        ),
        sidebar=_without_repeats(
            _linked_only(
                _without_bullets(_dated_list_items(sidebar, sidebar_apart, lexicon, headers, phrases))
            )
        ),
        comments=_comments(*comments, lexicon, headers, phrases),
        tags=list(dict.fromkeys(tags)),
    )
