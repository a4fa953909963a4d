"""Hostile HTML: every page ends in a clear result or a clear error, within the page's time limit.

No test asserts a duration (speed lives in bench/); the point is that the library
itself honours `ExtractOptions.timeout_s` and that nothing raises past `process`.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from warta.model import Page
from warta.options import ExtractOptions
from warta.pipeline import Extractor, PageResult
from warta.readers.files import read_file
from warta.segment.html import MAX_BLOCKS

PARAGRAPH = (
    "<p>Pemerintah daerah mengumumkan rencana pembangunan jembatan baru yang akan "
    "menghubungkan dua kecamatan di tepi sungai, dan warga menyambut baik kabar tersebut.</p>"
)


def _run(content: str | bytes, **options: object) -> PageResult:
    extractor = Extractor(ExtractOptions().with_(**options))
    return extractor.process(Page(content=content, kind="html", source="adversarial"))


def _article_page(n: int = 8) -> str:
    return f"<html><body><h1>Jembatan baru dibangun</h1>{PARAGRAPH * n}</body></html>"


def test_ten_thousand_levels_of_nesting() -> None:
    html = "<html><body>" + "<div>" * 10_000 + _article_page() + "</div>" * 10_000 + "</body></html>"
    result = _run(html)
    assert result.ok, result.error
    assert result.article is not None and "jembatan baru" in result.article.text


def test_hundred_megabyte_page_is_cut_and_flagged() -> None:
    chunk = PARAGRAPH.encode()
    data = b"<html><body>" + chunk * (100 * 1024 * 1024 // len(chunk)) + b"</body></html>"
    assert len(data) >= 100 * 1024 * 1024 - len(chunk)
    result = _run(data, max_chars=2_000_000)
    assert result.ok, result.error
    assert result.article is not None
    warnings = " ".join(result.article.warnings)
    assert "truncated" in warnings


def test_block_count_is_bounded() -> None:
    html = "<html><body>" + "<p>kata kata</p>" * (MAX_BLOCKS + 5_000) + "</body></html>"
    result = _run(html)
    assert result.article is not None
    assert any(str(MAX_BLOCKS) in w for w in result.article.warnings)


def test_time_limit_is_honoured_by_the_library() -> None:
    html = "<html><body>" + "<div><p>kata</p><span>lain</span></div>" * 60_000 + "</body></html>"
    result = _run(html, timeout_s=0.01)
    assert not result.ok
    assert result.error is not None and "time limit" in result.error


def test_no_body_and_script_only_pages_give_clear_errors() -> None:
    for html in (
        "<html><head><title>Hanya judul</title></head></html>",
        "<html><head><script>document.write('<p>x</p>')</script></head><body><script>var a = 1;</script></body></html>",
        "<html><body><style>p{}</style><noscript></noscript></body></html>",
    ):
        result = _run(html)
        # Either a clear error, or an empty article that says why.
        reason = result.error or " ".join(result.article.warnings if result.article else [])
        assert result.article is None or not result.article.body
        assert "no text" in reason or "empty" in reason or "no article body" in reason


def test_text_without_body_tag_is_still_read() -> None:
    result = _run("<title>T</title>" + PARAGRAPH * 6)
    assert result.ok, result.error


def test_broken_entities_and_markup() -> None:
    junk = "&#xD800; &#99999999999; &bogus; &amp &#x; &; <p <<div>> </b></i></p></td></tr></table>"
    result = _run(_article_page().replace("<h1>", junk + "<h1>"))
    assert result.ok, result.error


def test_mixed_encodings_decode_without_crashing() -> None:
    data = _article_page().encode("utf-8") + "Café, naïve".encode("latin-1") + "Ünïcödé".encode()
    result = _run(data)
    assert result.ok, result.error
    assert result.article is not None and "jembatan" in result.article.text.lower()


def test_truncated_gzip_gives_a_flagged_partial_result(tmp_path: Path) -> None:
    blob = gzip.compress(_article_page(40).encode())
    path = tmp_path / "page.html.gz"
    path.write_bytes(blob[: len(blob) * 2 // 3])
    page = read_file(path)
    assert isinstance(page, Page)
    result = Extractor().process(page)
    assert result.ok, result.error
    assert result.article is not None
    assert any("truncated gzip" in w for w in result.article.warnings)


def test_binary_and_empty_inputs_are_errors() -> None:
    assert not _run(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10).ok
    assert not _run(b"").ok
    assert not _run("   \n ").ok
