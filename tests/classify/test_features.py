"""The vectorised `_per_block` / `_text_extra` against the per-line loops they replaced.

`reference_per_block` and `reference_text_extra` are verbatim copies of the
loop implementations (before vectorising); the models were trained on their
values, so the new code must agree with them column by column.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from warta.classify.features import (
    _BOILER_CLASS,
    _CONTENT_CLASS,
    PER_BLOCK,
    TEXT_EXTRA_NAMES,
    ClassTokens,
    DomFields,
    _char_classes,
    _per_block,
    _text_extra,
    block_features,
    is_date_line,
)
from warta.classify.html_features import html_extra_features
from warta.lexicon import Lexicon, load_lexicon, normalise_marker
from warta.model import Block, BlockStructure
from warta.segment.text import segment_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FLAT = SHARED / "bench" / "scrapinghub-flat"

# --- reference: the per-line implementation, copied unchanged --------------------------------

_WORD = re.compile(r"\w+")
_DATE_NUMERIC = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}/\d{1,2}\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_URLISH = re.compile(r"https?://|www\.|@\w|#\w|\.com\b|\.id\b")
_SENTENCE_END = frozenset('.!?"”’)»…')
_QUOTE_RE = re.compile('["“”„«»]')
_SPACE = re.compile(r"\s+")
_EDGE = " \t:.-–—|»›>•*·#"
_COUNT_SUFFIX = re.compile(r"\(\d+\)$")
_CREDIT = re.compile(r"^\(?[^()]{2,60}\)$|\((?:foto|photo|ant|antara|reuters|ap|afp)\b[^()]*\)\.?$", re.I)
_CODE_END_LINE = re.compile(r"\((?:\*|[A-Za-z]{1,6})(?:/[A-Za-z0-9*-]{1,8}){1,3}\)[ \t]*$", re.M)
_NAME_LIKE = re.compile(r"^(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){1,3}$")


def _char_counts(texts: list[str]) -> NDArray[np.float64]:
    n = len(texts)
    joined = "\n".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    classes = _char_classes()[np.minimum(codes, 0xFFFF)]
    classes[codes > 0xFFFF] = 1
    line = np.cumsum(codes == 10) if len(codes) else np.zeros(0, dtype=np.int64)
    word = (classes & 8) > 0
    starts = word.copy()
    starts[1:] &= ~word[:-1]
    out = np.empty((6, n), dtype=np.float64)
    out[0] = np.bincount(line, weights=(classes & 1) > 0, minlength=n)
    out[1] = np.bincount(line, weights=(classes & 2) > 0, minlength=n)
    out[2] = np.bincount(line, weights=(classes & 4) > 0, minlength=n)
    out[3] = np.bincount(line, weights=starts, minlength=n)
    out[4] = np.bincount(line, weights=word, minlength=n)
    out[5] = np.bincount(line, weights=starts & ((classes & 4) > 0), minlength=n)
    return out


def _regex_lines(
    pattern: re.Pattern[str], joined: str, starts: NDArray[np.int64], n: int
) -> NDArray[np.bool_]:
    flags = np.zeros(n, dtype=np.bool_)
    positions = [m.start() for m in pattern.finditer(joined)]
    if positions:
        flags[np.searchsorted(starts, positions, side="right") - 1] = True
    return flags


def _line_starts(texts: list[str]) -> NDArray[np.int64]:
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
    return np.concatenate(([0], np.cumsum(lengths)[:-1]))


def _fast_norm(text: str) -> str:
    if text.isascii():
        return _SPACE.sub(" ", text.lower()).strip(_EDGE)
    return normalise_marker(text)


def reference_per_block(blocks: list[Block], lexicon: Lexicon) -> NDArray[np.float32]:
    n = len(blocks)
    out = np.zeros((n, len(PER_BLOCK)), dtype=np.float32)
    if n == 0:
        return out
    texts = [b.text for b in blocks]
    n_chars = np.fromiter(map(len, texts), dtype=np.float64, count=n)
    letters, digits, upper, n_words, word_chars, capitalised = _char_counts(texts)
    safe_words = np.maximum(n_words, 1)
    out[:, 0] = np.log1p(n_chars)
    out[:, 1] = np.log1p(n_words)
    out[:, 2] = word_chars / safe_words
    out[:, 3] = letters / np.maximum(n_chars, 1)
    out[:, 4] = digits / np.maximum(n_chars, 1)
    out[:, 5] = upper / np.maximum(letters, 1)
    out[:, 32] = capitalised / safe_words

    joined = "\n".join(texts)
    starts = _line_starts(texts)
    out[:, 31] = _regex_lines(_URLISH, joined, starts, n)
    out[:, 33] = _regex_lines(_QUOTE_RE, joined, starts, n)
    has_date = _regex_lines(_DATE_NUMERIC, joined, starts, n)
    has_time = _regex_lines(_TIME, joined, starts, n)
    normalised = [_fast_norm(t) for t in texts]
    counts = Counter(normalised)
    title_tokens = set(_WORD.findall(normalised[0]))
    first_line = normalised[0]
    stop = lexicon.stopwords
    months = {m for cal in lexicon.calendars for m in cal.months if len(m) >= 3}
    cols: dict[int, list[float]] = {
        k: [0.0] * n
        for k in (6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 34)
    }
    c6, c7, c8, c9, c10, c11 = cols[6], cols[7], cols[8], cols[9], cols[10], cols[11]
    c23, c24, c25, c34 = cols[23], cols[24], cols[25], cols[34]
    words_list = n_words.tolist()
    digits_list = digits.tolist()
    for i, text in enumerate(texts):
        norm = normalised[i]
        chars = len(text)
        words_i = words_list[i]
        if words_i:
            c6[i] = (text.count(",") + text.count(".")) / words_i
        last = text[-1]
        c7[i] = last in _SENTENCE_END
        c8[i] = last == "…" or text.endswith("...")
        first = text[0]
        c9[i] = first.isupper()
        c10[i] = first.islower()
        lower_words = norm.split() if words_i > 12 else _WORD.findall(norm)
        if lower_words:
            c11[i] = sum(map(stop.__contains__, lower_words)) / len(lower_words)
        if chars < 300:
            cols[12][i] = norm.startswith(lexicon.read_also_prefix)
            cols[13][i] = norm in lexicon.related_header
            cols[14][i] = norm in lexicon.sidebar_header
            cols[15][i] = lexicon.is_comment_header(norm)
            cols[16][i] = chars < 200 and (
                norm in lexicon.comment_widget
                or lexicon.contains_substring(norm, lexicon.comment_form)
                or text.lower().endswith(lexicon.comment_attribution)
            )
            cols[17][i] = norm in lexicon.promo_line or (
                chars < 200 and norm.startswith(lexicon.promo_prefix)
            )
            cols[18][i] = norm in lexicon.share_line
            cols[19][i] = norm in lexicon.nav_line
            cols[20][i] = lexicon.contains_substring(norm, lexicon.footer_contains)
            cols[21][i] = norm.startswith(lexicon.tags_prefix)
            cols[22][i] = chars < 120 and (
                norm.startswith(lexicon.author_prefix) or norm.startswith(lexicon.editor_prefix)
            )
            if title_tokens and i > 0 and words_i <= 30:
                tokens = set(_WORD.findall(norm))
                if tokens:
                    cols[26][i] = len(tokens & title_tokens) / len(tokens | title_tokens)
                    cols[27][i] = len(norm) > 10 and first_line.startswith(norm)
        if words_i <= 12 and digits_list[i]:
            c23[i] = has_date[i] or any(w in months for w in lower_words)
            c24[i] = has_time[i]
        c25[i] = math.log(counts[norm])
        c34[i] = ("|" in text) or (" / " in text) or (" • " in text)
    for k, values in cols.items():
        out[:, k] = values
    for i, block in enumerate(blocks):
        s = block.structure
        row = out[i]
        row[28] = s.blank_before
        row[29] = s.blank_after
        row[30] = s.bullet
        if s.tag:
            row[35] = s.heading_level
            row[36] = s.in_list
            row[37] = s.in_table
            row[38] = s.in_figure
            row[39] = s.in_blockquote
            row[40] = s.in_link
            row[41] = s.link_density
            classes = " ".join(s.class_tokens)
            row[42] = sum(tok in classes for tok in _BOILER_CLASS)
            row[43] = sum(tok in classes for tok in _CONTENT_CLASS)
            row[44] = s.tag == "p"
            row[45] = s.heading_level > 0
            row[46] = s.dom_depth
    return out


def reference_text_extra(blocks: list[Block], lexicon: Lexicon) -> NDArray[np.float32]:
    n = len(blocks)
    out = np.zeros((n, len(TEXT_EXTRA_NAMES)), dtype=np.float32)
    if n == 0:
        return out
    texts = [b.text for b in blocks]
    joined = "\n".join(texts)
    starts = _line_starts(texts)
    out[:, 2] = _regex_lines(_CODE_END_LINE, joined, starts, n)
    for i, text in enumerate(texts):
        if len(text) > 400:
            continue
        out[i, 0] = lexicon.contains_substring(_fast_norm(text), lexicon.caption_prefix)
        out[i, 1] = _CREDIT.search(text) is not None
        out[i, 3] = _NAME_LIKE.match(text) is not None
        out[i, 4] = len(text) < 120 and any(c.isdigit() for c in text) and is_date_line(text, lexicon)
        out[i, 5] = text.endswith(":")
        out[i, 6] = text.endswith(")") and _COUNT_SUFFIX.search(text) is not None
    return out


def reference_blocks_since(flags: NDArray[np.float32]) -> NDArray[np.float32]:
    n = len(flags)
    out = np.full(n, -1.0, dtype=np.float32)
    last = -1
    for i in range(n):
        if last >= 0:
            out[i] = math.log1p(i - last)
        if flags[i]:
            last = i
    return out


def _reference_window_mean(values: NDArray[np.float32], radius: int) -> NDArray[np.float32]:
    n = len(values)
    csum = np.concatenate(([0.0], np.cumsum(values, dtype=np.float64)))
    idx = np.arange(n)
    lo = np.clip(idx - radius, 0, n)
    hi = np.clip(idx + radius + 1, 0, n)
    mean: NDArray[np.float32] = ((csum[hi] - csum[lo]) / (hi - lo)).astype(np.float32)
    return mean


def _reference_shift(values: NDArray[np.float32], by: int, fill: float = -1.0) -> NDArray[np.float32]:
    out = np.full_like(values, fill)
    if by > 0:
        out[by:] = values[:-by]
    elif by < 0:
        out[:by] = values[-by:]
    else:
        out[:] = values
    return out


def reference_stage2_features(first: NDArray[np.float32], probs: NDArray[np.float32]) -> NDArray[np.float32]:
    n = len(probs)
    csum = np.cumsum(probs)
    before = (csum - probs) / np.maximum(np.arange(n), 1)
    after = (csum[-1] - csum) / np.maximum(n - 1 - np.arange(n), 1)
    body_mass_before = (csum - probs) / max(float(csum[-1]), 1e-6)
    extra = np.stack(
        [
            probs,
            _reference_window_mean(probs, 1),
            _reference_window_mean(probs, 2),
            _reference_window_mean(probs, 5),
            _reference_window_mean(probs, 12),
            _reference_shift(probs, 1),
            _reference_shift(probs, -1),
            _reference_shift(probs, 2),
            _reference_shift(probs, -2),
            before,
            after,
            body_mass_before,
            np.maximum.accumulate(probs),
            np.maximum.accumulate(probs[::-1])[::-1],
        ],
        axis=1,
    ).astype(np.float32)
    return np.concatenate([first, extra], axis=1)


# --- pages -----------------------------------------------------------------------------------

HANDWRITTEN = [
    # Indonesian news page with markers, captions, credits, codes, dates and a comment section.
    """Gempa M5,2 Guncang Cianjur, Warga Berhamburan Keluar Rumah
Kompas.com - 12/02/2026, 07:01 WIB
Laporan Wartawan Tribun, Andi Saputra
Editor: Budi Santoso
Baca juga: Gempa Susulan Terjadi Dua Kali
CIANJUR, KOMPAS.com - Gempa berkekuatan magnitudo 5,2 mengguncang Cianjur, Jawa Barat, pada Kamis (12/2/2026) pagi. Warga yang panik langsung berhamburan keluar rumah dan tidak ada korban jiwa dalam kejadian ini.
"Getarannya terasa sangat kuat," kata Siti, warga setempat, kepada wartawan.
Ilustrasi gempa bumi. (Foto: ANTARA/Rizal)
(ANT/Rizal)
Andi Saputra Wibowo
Kamis, 12 Februari 2026 07:01 WIB
3 jam lalu
Berita Terkait
Sponsored
Share this article
Tags: gempa, cianjur
Komentar (12)
12 komentar
Tinggalkan Komentar
Alamat email Anda tidak akan dipublikasikan.
Budi berkata:
Pilihan Redaksi
Copyright © 2026 Kompas.com. All rights reserved.
Home | Nasional | Internasional
Berita / Politik / Hukum
Berita • Politik
Lanjutkan membaca…
Dan yang lain...
(kpc/ed)
Catatan:
www.kompas.com @kompascom #gempa
Pilihan Redaksi""",
    # English page with odd whitespace, non-ASCII, NFKC-sensitive characters and astral code points.
    """Ｆｕｌｌｗｉｄｔｈ Headline: Markets Rally As Rates Fall
By  Jane  Doe\u00a0and John Smith
Posted in Business, Markets
Photo credit: Reuters
— Related Posts —
The   Dow rose 2.5% on Tuesday, the biggest gain since March, as investors bet that the central bank would cut rates again in the coming months and that inflation would continue to ease.
𝐁old maths letters open this line
😀 emoji start and end 😀
écrit en français, déjà vu
Ü is upper, ß is lower
Σίσυφος ΟΔΟΣ
“Quoted line,” she said.
10:30 AM
March 3
...
Leave a Reply
You must be logged in to post a comment.
Jane Doe said:
34 responses to this story
Back to top
\tIndented\twith\ttabs\t""",
    # Separator, quote and sentence-end edge cases: at the line's edges, glued, astral neighbours.
    """/ opening slash and space
closing space and slash /
a/b and c /d and e/ f are no separators
x / y is one
• bullet first
last bullet •
glued•bullet and spaced • bullet
|pipe first
😀 / astral neighbour
„Low-nine quote
«guillemets»
Ends with a right single quote’
Ends with a guillemet»
Ends in a bracket)
Ends with an ellipsis…""",
]


def _pages() -> list[list[Block]]:
    return [segment_text(text) for text in HANDWRITTEN]


def _html_like() -> list[Block]:
    structures = [
        BlockStructure(tag="h1", heading_level=1, dom_depth=5, class_tokens=("entry-title",)),
        BlockStructure(tag="p", dom_depth=7, class_tokens=("article-content", "text")),
        BlockStructure(
            tag="li", in_list=True, in_link=True, link_density=1.0, class_tokens=("related", "nav")
        ),
        BlockStructure(blank_before=True, bullet=True),
    ]
    texts = ["A Headline For The Page", "Body text of the page, with words.", "Related story", "• bullet"]
    return [Block(i, t, s) for i, (t, s) in enumerate(zip(texts, structures, strict=True))]


def _agreement(ref: NDArray[np.float32], new: NDArray[np.float32]) -> NDArray[np.float64]:
    close = np.isclose(new, ref, rtol=0.0, atol=1e-4)
    result: NDArray[np.float64] = close.mean(axis=0)
    return result


def _assert_agree(ref: NDArray[np.float32], new: NDArray[np.float32], names: tuple[str, ...]) -> None:
    assert ref.shape == new.shape
    agree = _agreement(ref, new)
    bad = {names[j]: float(agree[j]) for j in range(len(names)) if agree[j] < 0.995}
    assert not bad, bad


def test_handwritten_pages_match_reference() -> None:
    lexicon = load_lexicon()
    for blocks in [*_pages(), _html_like()]:
        np.testing.assert_allclose(
            _per_block(blocks, lexicon), reference_per_block(blocks, lexicon), atol=1e-6
        )
        np.testing.assert_allclose(
            _text_extra(blocks, lexicon), reference_text_extra(blocks, lexicon), atol=1e-6
        )


def test_handwritten_pages_hit_the_markers() -> None:
    """The hand-written page exercises the marker columns (else the comparison proves little)."""
    lexicon = load_lexicon()
    values = _per_block(_pages()[0], lexicon)
    for name in (
        "read_also",
        "related_header",
        "sidebar_header",
        "comment_header",
        "comment_form",
        "share",
        "tags",
        "byline_prefix",
        "date_like",
        "time_like",
        "repeats",
        "pipe_or_sep",
        "urlish",
    ):
        assert values[:, PER_BLOCK.index(name)].any(), name
    extra = _text_extra(_pages()[0], lexicon)
    for j, name in enumerate(TEXT_EXTRA_NAMES):
        assert extra[:, j].any(), name


def test_empty_page() -> None:
    lexicon = load_lexicon()
    assert _per_block([], lexicon).shape == (0, len(PER_BLOCK))
    assert _text_extra([], lexicon).shape == (0, len(TEXT_EXTRA_NAMES))
    assert block_features([], lexicon).values.shape[0] == 0


def test_blocks_since_matches_loop() -> None:
    from warta.classify.features import _blocks_since

    rng = np.random.default_rng(0)
    for n in (0, 1, 2, 17, 300):
        flags = (rng.random(n) < 0.2).astype(np.float32)
        np.testing.assert_array_equal(_blocks_since(flags), reference_blocks_since(flags))


def test_stage2_features_match_reference() -> None:
    from warta.classify.features import STAGE2_NAMES, stage2_features

    rng = np.random.default_rng(1)
    assert stage2_features(np.zeros((0, 3), dtype=np.float32), np.zeros(0, dtype=np.float32)).shape == (
        0,
        3 + len(STAGE2_NAMES),
    )
    for n in (1, 2, 3, 5, 13, 26, 300):
        first = rng.random((n, 4), dtype=np.float32)
        probs = rng.random(n, dtype=np.float32)
        probs[rng.random(n) < 0.3] = 0.0
        got = stage2_features(first, probs)
        want = reference_stage2_features(first, probs)
        assert got.dtype == want.dtype and got.shape == want.shape
        assert got.tobytes() == want.tobytes()
        # From float64 features (the float32 ones widened, as the classifier passes them): the
        # float32 matrix widened, bit for bit.
        wide = stage2_features(first.astype(np.float64), probs)
        assert wide.dtype == np.float64
        assert wide.tobytes() == want.astype(np.float64).tobytes()


@pytest.mark.skipif(not FLAT.exists(), reason="../shared is not available")
def test_bench_pages_match_reference() -> None:
    lexicon = load_lexicon()
    pages = [segment_text(p.read_text(encoding="utf-8")) for p in sorted(FLAT.glob("*.txt"))]
    pages = [p for p in pages if p]
    assert pages
    ref = np.concatenate([reference_per_block(p, lexicon) for p in pages])
    new = np.concatenate([_per_block(p, lexicon) for p in pages])
    _assert_agree(ref, new, PER_BLOCK)
    ref_extra = np.concatenate([reference_text_extra(p, lexicon) for p in pages])
    new_extra = np.concatenate([_text_extra(p, lexicon) for p in pages])
    _assert_agree(ref_extra, new_extra, TEXT_EXTRA_NAMES)


def test_prefiltered_line_searches_match_the_plain_ones() -> None:
    """`_Page.counts`' urls row (the line scan's, or the reference's: only lines holding a literal
    start searched) and `_lower_ends_with` (only lines ending with a suffix's last character
    lowered) give the plain searches' flags."""
    from warta.classify.features import _URLISH, _URLS, _lower_ends_with, _Page, _scan_lines

    lexicon = load_lexicon()
    texts = [
        "Kunjungi www.contoh.com sekarang",
        "email: redaksi@contoh.id",
        "#pilpres trending",
        "harga naik 10% hari ini",
        "lihat https://x.co/a",
        "domain.company bukan url",
        "",
        "@",
        "akhir .com",
        "Budi Santoso wrote:",
        "ΑΓΑΘΟΣ SAID:",
        "İstanbul dijo:",
        "Tanpa titik dua",
    ]
    page = _Page.of(texts, lexicon)
    want = np.array([_URLISH.search(t) is not None for t in texts])
    np.testing.assert_array_equal(page.counts[_URLS] > 0, want)
    np.testing.assert_array_equal(_scan_lines(page.joined, page.starts, page.lengths)[0][_URLS] > 0, want)
    np.testing.assert_array_equal(page.lines_matching(_URLISH), want)
    rows = np.arange(len(texts))
    suffixes = lexicon.comment_attribution
    want = np.array([t.lower().endswith(suffixes) for t in texts])
    assert want.any()
    np.testing.assert_array_equal(_lower_ends_with(page, rows, suffixes), want)
    for odd in ((" said",), ("",), ()):  # a letter or nothing last: every line lowered
        want = np.array([t.lower().endswith(odd) for t in texts])
        np.testing.assert_array_equal(_lower_ends_with(page, rows, odd), want)


def test_html_columns_from_shared_reads_equal_those_from_the_blocks() -> None:
    """block_features hands its ClassTokens and DomFields to the DOM and HTML-only columns: the
    same values as each computed from the blocks alone."""
    lexicon = load_lexicon()
    blocks = _html_like()
    shared = _per_block(blocks, lexicon, classes=ClassTokens.of(blocks), dom=DomFields.of(blocks))
    np.testing.assert_array_equal(shared, _per_block(blocks, lexicon))
    extra = html_extra_features(blocks)
    np.testing.assert_array_equal(
        html_extra_features(blocks, ClassTokens.of(blocks), dom=DomFields.of(blocks)), extra
    )
    np.testing.assert_array_equal(block_features(blocks, lexicon, "html").values[:, -extra.shape[1] :], extra)


def test_markers_are_compiled_once_per_lexicon_object() -> None:
    from dataclasses import replace

    from warta.classify.features import _markers

    lexicon = load_lexicon()
    assert _markers(lexicon) is _markers(lexicon)
    copy = replace(lexicon)
    assert copy is not lexicon and _markers(copy) == _markers(lexicon)
    other = replace(lexicon, footer_contains=("hak cipta dilindungi",), month_words=frozenset({"mei"}))
    assert _markers(other).footer == ("hak cipta dilindungi",) and _markers(other).months == {"mei"}
    assert _markers(lexicon).footer == lexicon.footer_contains


def test_date_lines() -> None:
    lexicon = load_lexicon()
    assert is_date_line("February 13, 2026", lexicon)
    assert is_date_line("Kamis, 12 Des 2024 07:01 WIB", lexicon)
    assert is_date_line("3 jam lalu", lexicon)
    assert not is_date_line("Harga Cabai Naik Lagi", lexicon)
    assert not is_date_line("Mei adalah bulan yang panjang bagi para petani di desa itu", lexicon)


def test_a_weekday_with_a_bracketed_day_and_month_is_a_date_line() -> None:
    """Indonesian news dates a day 'Minggu (27/4)', the year left out: under a list title
    (held-out makassar-short-dates) it is the item's date; a score or a sentence is none."""
    lexicon = load_lexicon()
    assert is_date_line("Minggu (27/4)", lexicon)
    assert is_date_line("Senin (28/4), 19:05 WIB", lexicon)
    assert not is_date_line("Rating (3/4)", lexicon)
    assert not is_date_line("Pasar dibuka Senin (28/4)", lexicon)
    assert not is_date_line("Minggu ini (27 orang)", lexicon)
