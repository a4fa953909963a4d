"""Bad inputs: each yields a clear per-record error or a flagged partial result."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from warta.model import Page
from warta.pipeline import Extractor, PageResult
from warta.readers import ReadError, read_paths
from warta.readers.files import gunzip, read_file

PARAGRAPHS = [
    "Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer yang "
    "menghubungkan kawasan Dago dengan pusat kota pada Senin pagi.",
    "Wali Kota mengatakan jalur tersebut dibangun untuk mengurangi kemacetan dan mendorong warga "
    "beralih dari kendaraan bermotor ke sepeda untuk perjalanan jarak pendek.",
    "Menurut Dinas Perhubungan, jumlah pesepeda di Bandung meningkat hampir dua kali lipat dalam "
    "tiga tahun terakhir, terutama pada akhir pekan dan hari bebas kendaraan.",
    "Sejumlah warga menyambut baik jalur itu, meski ada yang meminta pemerintah menambah rambu dan "
    "penerangan di beberapa titik yang dinilai rawan pada malam hari.",
]
PAGE = "Bandung Resmikan Jalur Sepeda Baru Sepanjang 12 Kilometer\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def one(extractor: Extractor, *paths: Path | str) -> PageResult:
    results = list(extractor.process_many(read_paths([str(p) for p in paths])))
    assert len(results) == 1, results
    return results[0]


def test_good_page_extracts(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "good.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = one(extractor, path)
    assert result.ok and result.article is not None
    assert "jalur sepeda baru sepanjang dua belas kilometer" in result.article.text
    assert result.article.warnings == []


def test_empty_file(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = one(extractor, path)
    assert not result.ok
    assert result.source == str(path)
    assert result.error == "empty file"


def test_empty_gz_file_is_reported_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt.gz"
    path.write_bytes(b"")
    item = read_file(path)
    assert isinstance(item, ReadError)
    assert item.message == "empty file"


def test_whitespace_only_file(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t \n", encoding="utf-8")
    result = one(extractor, path)
    assert not result.ok
    assert result.error is not None and "empty page" in result.error


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("picture.txt", PNG),
        ("picture.html", PNG),
        ("archive.txt", gzip.compress(PAGE.encode("utf-8"))),  # gzip bytes without a .gz name
    ],
)
def test_binary_file_is_refused(tmp_path: Path, extractor: Extractor, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = one(extractor, path)
    assert not result.ok
    assert result.error is not None and "binary input" in result.error


def test_invalid_utf8_is_decoded_and_flagged(tmp_path: Path, extractor: Extractor) -> None:
    text = PAGE.replace("Wali Kota mengatakan", "Wali Kota — yang biasa ngopi di kafé — mengatakan")
    raw = text.encode("utf-8")
    cut = raw.index(b"Menurut")
    path = tmp_path / "broken.txt"
    path.write_bytes(raw[:cut] + b"\xe2\x80 \xff" + raw[cut:])  # a cut-off sequence and a stray byte
    result = one(extractor, path)
    assert result.ok and result.article is not None
    article = result.article
    assert any("undecodable bytes" in w for w in article.warnings), article.warnings
    # The real multi-byte characters survive: the page was read as UTF-8, not as a legacy codec.
    assert "yang biasa ngopi di kafé" in article.text
    assert "—" in article.text


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_legacy_western_encoding_decodes_correctly(tmp_path: Path, extractor: Extractor, codec: str) -> None:
    text = PAGE.replace("Sejumlah warga", "Pemilik café « Le Vélo », Andrés Muñoz, dan sejumlah warga")
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(text.encode(codec))
    result = one(extractor, path)
    assert result.ok and result.article is not None
    assert "Pemilik café « Le Vélo », Andrés Muñoz" in result.article.text
    assert result.article.warnings == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_bom_encodings(tmp_path: Path, extractor: Extractor, codec: str) -> None:
    text = PAGE.replace("Sejumlah warga", "Warga café “Sepeda” dan sejumlah warga")
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    result = one(extractor, path)
    assert result.ok and result.article is not None
    assert result.article.title == "Bandung Resmikan Jalur Sepeda Baru Sepanjang 12 Kilometer"
    assert "Warga café “Sepeda” dan sejumlah warga" in result.article.text
    assert "\ufeff" not in result.article.text


def test_huge_single_line_is_cut_and_flagged(tmp_path: Path, extractor: Extractor) -> None:
    sentence = PARAGRAPHS[0] + " "
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(50 * 1024 * 1024 // len(sentence) + 1):
            handle.write(sentence)
    assert path.stat().st_size >= 50 * 1024 * 1024
    result = one(extractor, path)
    if result.ok:
        assert result.article is not None
        assert any("truncated" in w for w in result.article.warnings), result.article.warnings
    else:
        assert result.error


def _noisy_text(n_words: int) -> str:
    rng = random.Random(7)
    words = ["berita", "kota", "warga", "jalan", "harga", "pasar", "sekolah", "hujan", "banjir", "kantor"]
    return " ".join(f"{rng.choice(words)}{rng.randrange(10_000)}" for _ in range(n_words))


def test_truncated_gzip_gives_partial_flagged_page(tmp_path: Path, extractor: Extractor) -> None:
    content = PAGE + "\n" + _noisy_text(20_000) + "\n"
    data = gzip.compress(content.encode("utf-8"))
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    item = read_file(path)
    assert not isinstance(item, ReadError)
    assert any("truncated gzip" in w for w in item.warnings)
    assert isinstance(item.content, bytes) and 0 < len(item.content) < len(content)
    result = one(extractor, path)
    assert result.ok and result.article is not None
    assert any("truncated gzip" in w for w in result.article.warnings)


def test_truncated_gzip_jsonl_yields_every_complete_line(tmp_path: Path) -> None:
    # A BufferedReader around the gzip stream dropped the lines of its last buffer.
    rng = random.Random(1)
    noise = ["".join(rng.choice("abcdefghij ") for _ in range(500)) for _ in range(40)]
    records = [{"url": f"https://example.com/{i}", "text": PAGE + noise[i]} for i in range(40)]
    data = gzip.compress("".join(_jsonl_line(record) for record in records).encode("utf-8"))
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    complete = gunzip(path.read_bytes())[0].count(b"\n")
    items = list(read_paths([str(path)]))
    pages = [item for item in items if not isinstance(item, ReadError)]
    assert 0 < complete < 40 and len(pages) == complete
    assert [item.url for item in pages] == [f"https://example.com/{i}" for i in range(complete)]
    assert isinstance(items[-1], ReadError) and items[-1].message.startswith("stopped reading")


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_a_runaway_jsonl_line_is_skipped_not_read_whole(tmp_path: Path, suffix: str) -> None:
    good = _jsonl_line({"text": PAGE, "url": "https://example.com/a"})
    runaway = '{"text": "' + "kata " * 3000 + '"}\n'
    data = (good + runaway + "x" * 5000 + "\n" + good.replace("/a", "/b")).encode("utf-8")
    path = tmp_path / f"dump{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    items = list(read_paths([str(path)], max_bytes=2000))
    assert [item.url for item in items if not isinstance(item, ReadError)] == [
        "https://example.com/a",
        "https://example.com/b",
    ]
    errors = [item for item in items if isinstance(item, ReadError)]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]
    assert all(e.message == "line longer than 2000 bytes: skipped" for e in errors)


def test_corrupt_gzip_is_an_error(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "notgzip.html.gz"
    path.write_bytes(b"this was never gzip data " * 10)
    result = one(extractor, path)
    assert not result.ok
    assert result.error is not None and "corrupt gzip" in result.error


def test_gzip_with_concatenated_members_is_read_whole(tmp_path: Path) -> None:
    first, second = PAGE[:200], PAGE[200:]
    data = gzip.compress(first.encode()) + gzip.compress(second.encode()) + b"\x00" * 16
    path = tmp_path / "members.txt.gz"
    path.write_bytes(data)
    item = read_file(path)
    assert not isinstance(item, ReadError)
    assert item.content == PAGE.encode()
    assert item.warnings == ()


def test_gunzip_caps_decompressed_size() -> None:
    data = gzip.compress(b"a" * 1_000_000)
    out, problem = gunzip(data, max_bytes=1000)
    assert len(out) == 1000
    assert problem is not None and "larger than 1000 bytes" in problem


def test_missing_path(tmp_path: Path, extractor: Extractor) -> None:
    missing = tmp_path / "nope" / "missing.txt"
    result = one(extractor, missing)
    assert not result.ok
    assert result.source == str(missing)
    assert result.error == "no such file or directory"


def test_glob_matching_nothing_is_reported(tmp_path: Path, extractor: Extractor) -> None:
    result = one(extractor, tmp_path / "*.nothing")
    assert not result.ok and result.error == "no such file or directory"


def test_recursive_glob_does_not_follow_a_link_back_up(tmp_path: Path) -> None:
    # glob's "**" followed the link: every file once more per level (and with two such
    # links, 2^40 paths to walk); "**" now walks like a directory input, links not followed.
    crawl = tmp_path / "crawl"
    (crawl / "a" / ".cache").mkdir(parents=True)
    for name in ("x.html", "a/y.html", "a/.cache/hidden.html", ".dot.html", "a/notes.txt"):
        (crawl / name).write_text(PAGE, encoding="utf-8")
    (crawl / "a" / "up").symlink_to("..")
    pattern = str(crawl / "**" / "*.html")
    sources = sorted(item.source or "" for item in read_paths([pattern]))
    assert sources == [str(crawl / "a" / "y.html"), str(crawl / "x.html")]
    everything = [item.source or "" for item in read_paths([str(crawl / "**")])]
    assert sorted(everything) == [
        str(crawl / "a" / "notes.txt"),
        str(crawl / "a" / "y.html"),
        str(crawl / "x.html"),
    ]


def test_broken_links_in_a_directory_or_glob_are_reported_not_skipped(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a.html").write_text(PAGE, encoding="utf-8")
    (crawl / "gone.html").symlink_to("moved/gone.html")
    (crawl / "loop.html").symlink_to("loop.html")
    for given in (str(crawl), str(crawl / "*.html")):
        errors = {item.source: item.message for item in read_paths([given]) if isinstance(item, ReadError)}
        assert errors == {
            str(crawl / "gone.html"): "broken symbolic link to moved/gone.html",
            str(crawl / "loop.html"): "broken symbolic link to loop.html",
        }, given


def _jsonl_line(record: object) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def test_jsonl_with_broken_lines(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "dump.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(_jsonl_line({"text": PAGE, "url": "https://example.com/a", "id": "a"}))
        handle.write('{"text": "unterminated\n')
        handle.write(_jsonl_line([1, 2, 3]))
        handle.write("\n")  # blank lines are skipped silently
        handle.write(_jsonl_line({"url": "https://example.com/no-text"}))
        handle.write(_jsonl_line({"text": 42}))
        handle.write(_jsonl_line({"text": PAGE, "url": "https://example.com/b"}))
    with path.open("ab") as handle:
        handle.write(b'{"text": "rusak \xff\xfe"}\n')
        handle.write(_jsonl_line({"html": "", "text": PAGE}).encode())
    results = list(extractor.process_many(read_paths([str(path)])))
    by_source = {r.source: r for r in results}
    assert [r.source for r in results] == [
        f"{path}:1#a",
        f"{path}:2",
        f"{path}:3",
        f"{path}:5",
        f"{path}:6",
        f"{path}:7",
        f"{path}:8",
        f"{path}:9",
    ]
    assert by_source[f"{path}:1#a"].ok
    assert by_source[f"{path}:1#a"].article.url == "https://example.com/a"  # type: ignore[union-attr]
    assert "not valid JSON" in (by_source[f"{path}:2"].error or "")
    assert by_source[f"{path}:3"].error == "JSON line is not an object"
    assert "no text in field 'text'" in (by_source[f"{path}:5"].error or "")
    assert "no text in field 'text'" in (by_source[f"{path}:6"].error or "")
    assert by_source[f"{path}:7"].ok
    # A line that is not UTF-8 is decoded by detection and flagged, not lost (it was "not valid JSON").
    assert by_source[f"{path}:8"].ok
    assert "JSONL line is not valid UTF-8: decoded as cp1252" in by_source[f"{path}:8"].article.warnings  # type: ignore[union-attr]
    assert by_source[f"{path}:9"].ok
    assert sum(r.ok for r in results) == 4


def test_truncated_jsonl_gz_keeps_good_lines(tmp_path: Path, extractor: Extractor) -> None:
    lines = "".join(_jsonl_line({"text": PAGE + _noisy_text(300), "id": i}) for i in range(40))
    data = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    results = list(extractor.process_many(read_paths([str(path)])))
    assert results[0].ok
    assert not results[-1].ok
    assert "stopped reading" in (results[-1].error or "")
    assert 1 < len(results) < 41


@pytest.mark.parametrize("ending", ["\n", "\r\n", ""])
def test_a_jsonl_line_of_exactly_the_limit_is_read_and_one_byte_more_is_not(
    tmp_path: Path, ending: str
) -> None:
    # A line of `max_line_bytes` and its newline was refused as longer than the limit.
    record = _jsonl_line({"text": PAGE, "url": "https://example.com/a"}).rstrip("\n").encode("utf-8")
    limit = len(record)
    for extra, accepted in ((b"", True), (b" ", False)):
        path = tmp_path / "dump.jsonl"
        path.write_bytes(record + extra + ending.encode())
        items = list(read_paths([str(path)], max_bytes=limit))
        assert len(items) == 1, items
        if accepted:
            assert not isinstance(items[0], ReadError), items[0]
        else:
            assert isinstance(items[0], ReadError)
            assert items[0].message == f"line longer than {limit} bytes: skipped"


def test_a_jsonl_line_that_is_not_utf8_is_decoded_and_flagged(tmp_path: Path, extractor: Extractor) -> None:
    # Such a line was refused as "not valid JSON" and its record lost.
    latin = PAGE.replace("Wali Kota", "Wali Kota Rémi Dupré")
    path = tmp_path / "dump.jsonl"
    with path.open("wb") as handle:
        handle.write(_jsonl_line({"text": PAGE, "url": "https://example.com/a"}).encode("utf-8"))
        handle.write(_jsonl_line({"text": latin, "url": "https://example.com/é"}).encode("latin-1"))
        handle.write(b'{"text": "\xff\x00\x01\x02\x03\x04\x05"}\n')  # binary noise stays an error
    items = list(read_paths([str(path)]))
    assert [type(item) for item in items] == [Page, Page, ReadError]
    first, second, third = items
    assert isinstance(first, Page) and first.warnings == ()
    assert isinstance(second, Page)
    assert (second.content, second.url) == (latin, "https://example.com/é")
    assert second.warnings == ("JSONL line is not valid UTF-8: decoded as cp1252",)
    assert isinstance(third, ReadError) and third.message.startswith("not valid JSON: binary input")
    result = extractor.process(second)
    assert result.ok and result.article is not None
    assert "Rémi Dupré" in result.article.text
    assert "JSONL line is not valid UTF-8: decoded as cp1252" in result.article.warnings


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_a_utf16_or_utf32_jsonl_with_a_bom_is_read_line_by_line(
    tmp_path: Path, encoding: str, suffix: str
) -> None:
    # Lines were split at every byte 0x0A: the first record (and any holding U+010A or
    # U+0A0A, whose code units hold that byte) was lost or read as other bytes.
    texts = [PAGE, PAGE.replace("Dago", "Ċibeunying"), PAGE.replace("Bandung", "ਊ Bandung")]
    lines = "".join(
        _jsonl_line({"text": text, "id": i}).replace("\n", "\r\n") for i, text in enumerate(texts)
    )
    data = "\ufeff".encode(encoding) + lines.encode(encoding)
    path = tmp_path / f"dump{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    items = list(read_paths([str(path)]))
    assert all(isinstance(item, Page) for item in items), items
    assert [(item.source, item.content) for item in items] == [  # type: ignore[union-attr]
        (f"{path}:{i + 1}#{i}", text) for i, text in enumerate(texts)
    ]


def test_a_jsonl_line_nested_too_deeply_is_an_error_not_the_end_of_the_batch(tmp_path: Path) -> None:
    # json.loads raised RecursionError, which ended the whole read (and the extract or ingest).
    path = tmp_path / "dump.jsonl"
    path.write_text(
        "[" * 200_000 + "\n" + _jsonl_line({"text": PAGE, "url": "https://example.com/a"}), encoding="utf-8"
    )
    first, second = read_paths([str(path)])
    assert isinstance(first, ReadError) and first.message == "not valid JSON: nested too deeply to read"
    assert isinstance(second, Page) and second.url == "https://example.com/a"


def test_a_directory_a_glob_matches_is_read_as_a_directory_input(tmp_path: Path) -> None:
    # 'crawl/*' quoted (for warta to expand) read crawl/x.html and left crawl/2024/ out without a
    # word, where the shell's unquoted crawl/* names the directory and it was read recursively.
    crawl = tmp_path / "crawl"
    (crawl / "2024" / "05").mkdir(parents=True)
    for name in ("x.html", "2024/y.html", "2024/05/z.txt", "2024/photo.png"):
        (crawl / name).write_text(PAGE, encoding="utf-8")
    pages = ["2024/05/z.txt", "2024/y.html", "x.html"]
    # ('**/*' names photo.png itself, as a file given by name is read whatever its suffix.)
    for pattern, names in (
        ("*", pages),
        ("**/*", ["2024/05/z.txt", "2024/photo.png", "2024/y.html", "x.html"]),
    ):
        read = list(read_paths([str(crawl / pattern)]))
        sources = [item.source or "" for item in read if not (isinstance(item, ReadError) and item.skip)]
        assert sources == [str(crawl / name) for name in names], pattern
        # the image a directory input holds is counted as skipped, once, unless named itself
        skipped = [item.source for item in read if isinstance(item, ReadError) and item.skip]
        assert skipped == ([] if pattern == "**/*" else [str(crawl / "2024/photo.png")]), pattern


def test_a_directory_s_files_of_other_kinds_are_counted_as_skipped_hidden_ones_not(tmp_path: Path) -> None:
    # A folder of a crawl's files skipped its PDFs and images without a word.
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub" / "laporan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "README").write_text("notes", encoding="utf-8")
    (tmp_path / ".git" / "config").write_text("x", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"x")
    read = list(read_paths([str(tmp_path)]))
    assert [item.source for item in read if isinstance(item, Page)] == [str(tmp_path / "a.html")]
    skipped = {item.source: item.message for item in read if isinstance(item, ReadError)}
    assert skipped == {
        str(tmp_path / "README"): "not a page file (no suffix) in a directory input",
        str(tmp_path / "sub" / "laporan.pdf"): "not a page file (.pdf) in a directory input",
    }
    assert all(item.skip for item in read if isinstance(item, ReadError))


def test_an_empty_or_blank_jsonl_file_is_reported_as_an_empty_page_file_is(tmp_path: Path) -> None:
    # An empty page file said "empty file"; an empty dump said nothing at all ("0 read").
    for name, data, message in (
        ("empty.jsonl", b"", "empty file"),
        ("blank.jsonl", b"\n  \n\n", "no records: every line is blank"),
        ("empty.jsonl.gz", gzip.compress(b""), "empty file"),
    ):
        (tmp_path / name).write_bytes(data)
        items = list(read_paths([str(tmp_path / name)]))
        assert [(type(i), i.message, i.retry) for i in items] == [(ReadError, message, True)], name  # type: ignore[union-attr]
    (tmp_path / "one.jsonl").write_text('\n{"text": "Halo dunia, ini berita."}\n\n', encoding="utf-8")
    assert [type(i) for i in read_paths([str(tmp_path / "one.jsonl")])] == [Page]
