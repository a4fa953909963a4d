"""Markup the parser would spend quadratic time on is cut before parsing, and flagged."""

from __future__ import annotations

import warta
from warta.segment.bounds import MAX_DEPTH, MAX_FORMATTING, MAX_OPTIONS, bound_markup

PARAGRAPH = (
    "<p>Pemerintah daerah mengumumkan rencana pembangunan jembatan baru yang akan "
    "menghubungkan dua kecamatan di tepi sungai, dan warga menyambut baik kabar tersebut.</p>"
)
ARTICLE = f"<h1>Jembatan baru dibangun</h1>{PARAGRAPH * 4}"
LATER = (
    "<p>Kepala dinas pekerjaan umum menyebut pengerjaan fondasi dimulai bulan depan dan "
    "ditargetkan rampung sebelum musim hujan tiba di akhir tahun.</p>"
)


def test_ordinary_markup_is_untouched() -> None:
    page = "<html><body>" + "<div><p>a<br>b</p><ul><li>c<li>d</ul></div>" * 3000 + "</body></html>"
    assert bound_markup(page) == (page, None)


def test_unclosed_paragraphs_cells_and_svg_paths_do_not_count_as_nesting() -> None:
    page = "<table>" + "<tr><td><p>x" * (MAX_DEPTH + 10) + "<svg>" + '<path d="M0"/>' * (MAX_DEPTH + 10)
    assert bound_markup(page) == (page, None)


def test_scripts_and_comments_are_not_markup() -> None:
    page = (
        "<script>"
        + "for(i=0;i<n;i++){}" * (MAX_DEPTH + 10)
        + "</script><!--"
        + "<div>" * (MAX_DEPTH + 10)
        + "-->"
    )
    assert bound_markup(page) == (page, None)


def test_runaway_nesting_is_cut_and_flagged() -> None:
    page = f"<html><body>{ARTICLE}" + "<div>" * (MAX_DEPTH + 1000) + "tail"
    article = warta.extract(page)
    assert "dua kecamatan" in article.text
    assert any(w.startswith(f"markup nested deeper than {MAX_DEPTH} elements") for w in article.warnings)


def test_runaway_nesting_is_cut_even_when_every_element_is_closed() -> None:
    # The cheap check took closed elements for shallow ones: 100,000 closed <div>s (1.1 MB)
    # reached the parser whole and took 30 s, past any time limit.
    deep = "<div>" * (MAX_DEPTH + 1000) + "inti" + "</div>" * (MAX_DEPTH + 1000)
    page = f"<html><body>{ARTICLE}{deep}</body></html>"
    text, warning = bound_markup(page)
    assert warning is not None and warning.startswith(f"markup nested deeper than {MAX_DEPTH} elements")
    assert text.count("<div>") == MAX_DEPTH and "inti" not in text
    assert bound_markup(page, page.encode()) == (text, warning)  # (the compiled count alike)
    article = warta.extract(page)
    assert "dua kecamatan" in article.text


def test_surplus_options_are_dropped_and_the_page_goes_on() -> None:
    select = "<select>" + "<option>pilihan</option>" * (MAX_OPTIONS + 500) + "</select>"
    page = f"<html><body><h1>Jembatan baru dibangun</h1>{PARAGRAPH * 2}{select}{LATER}"
    text, warning = bound_markup(page)
    assert warning is not None and "options" in warning
    assert text.count("<option>") == MAX_OPTIONS and text.endswith(LATER)
    article = warta.extract(page)
    assert "fondasi dimulai" in article.text


def test_unclosed_formatting_elements_are_dropped_beyond_the_limit_and_their_text_kept() -> None:
    # Each <p> re-opened (cloned) every formatting element left open: 5,000 took 26 s to parse.
    page = "<html><body>" + "".join(f"<p><b id={i}>kata{i}</p>" for i in range(1_000))
    text, warning = bound_markup(page)
    assert warning is not None and f"{MAX_FORMATTING} unclosed formatting elements" in warning
    assert text.count("<b ") == MAX_FORMATTING
    assert all(f"kata{i}<" in text for i in range(1_000))


def test_closed_or_repeated_formatting_is_left_alone() -> None:
    page = "<p>" + "".join(f"<b id={i}>x</b><i class=c>y</i>" for i in range(2_000)) + "<b>" * 100
    assert bound_markup(page) == (page, None)


def test_an_end_tag_of_another_name_does_not_close_a_formatting_element() -> None:
    # "<font color=N><p></b>" kept every font open while a plain count called them closed.
    page = "<html><body>" + "".join(f"<font color={i}><p>kata{i}</b>" for i in range(1_000))
    text, warning = bound_markup(page)
    assert warning is not None
    assert text.count("<font ") == MAX_FORMATTING and "kata999</b>" in text


def test_a_page_decoded_from_utf8_is_bounded_alike() -> None:
    from warta.segment.bounds import _count_lt

    for html in ("", "<p>café ≤ <b>x</b></p>", "<ul>é" * (MAX_DEPTH + 5), "<p>" + "<b id=1>x" * 40):
        assert _count_lt(html, html.encode()) == html.count("<")
        assert bound_markup(html, html.encode()) == bound_markup(html)
