"""WARC/WET reading: records become pages, broken archives become errors, never crashes."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from warta.readers.files import ReadError, read_paths
from warta.readers.warc import read_warc

HTML = b"<html><head><title>T</title></head><body><p>Halo dunia.</p></body></html>"


def _record(kind: str, uri: str, block: bytes, content_type: str, n: int) -> bytes:
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        "WARC-Date: 2024-05-01T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def _response(uri: str, body: bytes, n: int, ctype: str = "text/html; charset=iso-8859-1") -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    return _record("response", uri, http + body, "application/http; msgtype=response", n)


def _archive(records: list[bytes], path: Path, compress: bool) -> Path:
    data = b"".join(gzip.compress(r) for r in records) if compress else b"".join(records)
    path.write_bytes(data)
    return path


def test_warc_responses_become_html_pages(tmp_path: Path) -> None:
    records = [
        _record("warcinfo", "", b"software: test\r\n", "application/warc-fields", 0),
        _response("https://a.example/1", HTML, 1),
        _response("https://a.example/logo.png", b"\x89PNG....", 2, "image/png"),
        _response("https://a.example/2", "<p>Caf\u00e9</p>".encode("latin-1"), 3),
    ]
    for compress in (False, True):
        path = _archive(records, tmp_path / f"a{int(compress)}.warc", compress)
        pages = list(read_warc(path))
        assert [p.url for p in pages if not isinstance(p, ReadError)] == [
            "https://a.example/1",
            "https://a.example/2",
        ]
        first = pages[0]
        assert not isinstance(first, ReadError)
        assert first.kind == "html" and first.encoding == "iso-8859-1"
        assert first.content == HTML
        assert first.fetched_at is not None and first.fetched_at.year == 2024


def test_wet_conversions_become_text_pages(tmp_path: Path) -> None:
    text = b"Judul berita\n\nIsi berita yang panjang."
    path = _archive(
        [_record("conversion", "https://b.example/x", text, "text/plain", 1)], tmp_path / "b.wet", True
    )
    (page,) = list(read_warc(path))
    assert not isinstance(page, ReadError)
    assert page.kind == "text" and page.content == text and page.url == "https://b.example/x"


def test_truncated_archive_flags_the_partial_record(tmp_path: Path) -> None:
    data = _response("https://a.example/1", HTML * 50, 1)
    path = tmp_path / "t.warc"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_warc(path))
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, ReadError) or any("truncated" in w for w in item.warnings)


def test_truncated_gzip_archive_keeps_complete_records(tmp_path: Path) -> None:
    records = [_response(f"https://a.example/{i}", HTML * 20, i) for i in range(5)]
    blob = b"".join(gzip.compress(r) for r in records)
    path = tmp_path / "t.warc.gz"
    path.write_bytes(blob[: len(blob) - 40])
    pages = [p for p in read_warc(path) if not isinstance(p, ReadError)]
    assert 4 <= len(pages) <= 5


def test_not_a_warc_and_missing_file_are_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not an archive\n")
    items = list(read_warc(bad))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    missing = list(read_warc(tmp_path / "none.warc"))
    assert isinstance(missing[0], ReadError) and "cannot read" in missing[0].message


def test_read_paths_routes_warc_files(tmp_path: Path) -> None:
    path = _archive([_response("https://a.example/1", HTML, 1)], tmp_path / "c.warc.gz", True)
    items = list(read_paths([str(path)]))
    assert len(items) == 1 and not isinstance(items[0], ReadError)


def test_truncated_last_gzip_member_is_reported(tmp_path: Path) -> None:
    # fastwarc ends quietly at a gzip member cut short: the record in it must not vanish unreported.
    members = [gzip.compress(_response(f"https://a.example/{i}", HTML * 20, i)) for i in range(3)]
    path = tmp_path / "t.warc.gz"
    path.write_bytes(members[0] + members[1] + members[2][:60])
    items = list(read_warc(path))
    pages = [p for p in items if not isinstance(p, ReadError)]
    errors = [e for e in items if isinstance(e, ReadError)]
    assert len(pages) == 2
    assert len(errors) == 1 and "truncated gzip" in errors[0].message


def test_complete_gzip_archive_ending_in_other_records_is_not_flagged(tmp_path: Path) -> None:
    records = [
        _response("https://a.example/1", HTML, 1),
        _record("request", "https://a.example/1", b"GET / HTTP/1.1\r\n\r\n", "application/http", 2),
    ]
    items = list(read_warc(_archive(records, tmp_path / "ok.warc.gz", True)))
    assert len(items) == 1 and not isinstance(items[0], ReadError)


def test_records_sharing_or_lacking_an_id_keep_distinct_sources(tmp_path: Path) -> None:
    # The source is the ingest's resume key: shared names made all but one record "already ingested".
    same = [_response(f"https://a.example/{i}", HTML, 7) for i in range(3)]
    no_id = _response("https://a.example/9", HTML, 8).replace(
        b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000008>\r\n", b""
    )
    path = _archive([*same, no_id, no_id], tmp_path / "ids.warc", False)
    sources = [p.source for p in read_warc(path) if not isinstance(p, ReadError)]
    assert len(sources) == 5 and len(set(sources)) == 5
    assert sources[0] == f"{path}#<urn:uuid:00000000-0000-0000-0000-000000000007>"
    assert sources == [p.source for p in read_warc(path) if not isinstance(p, ReadError)]  # stable


@pytest.mark.parametrize("damaged", [(0,), (2,), (2, 3)])
def test_records_after_a_corrupt_gzip_member_are_read(tmp_path: Path, damaged: tuple[int, ...]) -> None:
    # The archive ended at the corrupt member: every record after it was lost.
    members = [bytearray(gzip.compress(_response(f"https://a.example/{i}", HTML * 20, i))) for i in range(6)]
    for i in damaged:
        for k in range(20, 40):
            members[i][k] ^= 0x55
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(b"".join(members))
    items = list(read_warc(path))
    errors = [item for item in items if isinstance(item, ReadError)]
    assert [item.url for item in items if not isinstance(item, ReadError)] == [
        f"https://a.example/{i}" for i in range(6) if i not in damaged
    ]
    first, end = sum(map(len, members[: damaged[0]])), sum(map(len, members[: damaged[-1] + 1]))
    assert [(e.source, e.message.split(" (")[0]) for e in errors] == [
        (f"{path}@{first}-{end}", f"corrupt gzip data: the records in bytes {first}-{end} were skipped")
    ]
    assert items.index(errors[0]) == damaged[0]  # reported where the records were lost


def test_a_corrupt_last_gzip_member_still_ends_the_archive_with_an_error(tmp_path: Path) -> None:
    members = [bytearray(gzip.compress(_response(f"https://a.example/{i}", HTML * 20, i))) for i in range(3)]
    members[2][30] ^= 0x55
    path = tmp_path / "end.warc.gz"
    path.write_bytes(b"".join(members))
    items = list(read_warc(path))
    assert [item.url for item in items if not isinstance(item, ReadError)] == [
        "https://a.example/0",
        "https://a.example/1",
    ]
    assert isinstance(items[-1], ReadError)
    assert items[-1].message.startswith("WARC file ended early after 2 records")


def _status(uri: str, status: str, n: int, extra: str = "") -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: text/html\r\n{extra}Content-Length: 0\r\n\r\n".encode()
    return _record("response", uri, http, "application/http; msgtype=response", n)


def _no_page_archive(path: Path) -> Path:
    """One page among records that hold none: an image, a PDF, a 404, a redirect, a revisit,
    an empty text conversion (and a request, which is no capture of a page at all)."""
    revisit = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    return _archive(
        [
            _response("https://a.example/1", HTML, 1),
            _response("https://a.example/logo.png", b"\x89PNG....", 2, "image/png"),
            _response("https://a.example/report.pdf", b"%PDF-1.4", 3, "application/pdf"),
            _status("https://a.example/gone", "404 Not Found", 4),
            _status("https://a.example/old", "301 Moved Permanently", 5, "Location: https://a.example/1\r\n"),
            _record("revisit", "https://a.example/1", revisit, "application/http; msgtype=response", 6),
            _record("conversion", "https://a.example/blank", b"  \n", "text/plain", 7),
            _record("request", "https://a.example/1", b"GET /1 HTTP/1.1\r\n\r\n", "application/http", 8),
        ],
        path,
        True,
    )


def test_records_that_hold_no_page_are_named_with_why_not_dropped_silently(tmp_path: Path) -> None:
    items = list(read_warc(_no_page_archive(tmp_path / "mixed.warc.gz")))
    assert [i.url for i in items if not isinstance(i, ReadError)] == ["https://a.example/1"]
    skipped = [i for i in items if isinstance(i, ReadError)]
    assert all(i.skip and not i.retry for i in skipped)
    assert [i.message for i in skipped] == [
        "WARC record holds no page (image/png)",
        "WARC record holds no page (application/pdf)",
        "WARC record holds no page (HTTP 404)",
        "WARC record holds no page (HTTP 301)",
        "WARC record holds no page (a revisit of a page captured before)",
        "WARC record holds no page (an empty text conversion)",
    ]


def test_batches_count_records_without_a_page_apart_from_failures(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warta.cli import _register, app
    from warta.corpus.store import Store
    from warta.run.ingest import IngestOptions, ingest

    path = _no_page_archive(tmp_path / "mixed.warc.gz")
    _register()
    runner = CliRunner(env={"COLUMNS": "400"})
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output and "6 records skipped, holding no page:" in result.output
    assert "1 × WARC record holds no page (HTTP 404)" in result.output
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1  # no error lines
    with Store.open(tmp_path / "c.db") as store:
        report = ingest(store, [str(path)], IngestOptions(workers=1))
        assert not report.failed and sum(report.skipped.values()) == 6
        assert report.skipped["WARC record holds no page (image/png)"] == 1
        assert store.stats()["sources"] == 1  # (such records are counted, not recorded one by one)


def test_a_wet_record_of_a_flattened_page_reads_as_that_page_with_its_address(tmp_path: Path) -> None:
    # held-out round 6: the fixture's text is the payload of a WET conversion record (one line a
    # block, no blank lines); read from the archive it is the same article, with the record's URI.
    import warta
    from warta.pipeline import Extractor

    fixture = Path(__file__).parents[1] / "fixtures" / "text" / "rafflesiapos-wet-record.txt"
    text = fixture.read_bytes()
    uri = "https://rafflesiapos.example/seluma/2025/05/13/tiga-desa-di-seluma-terisolasi-akibat-longsor"
    # (captured the day after the page's date: a page dated after its capture has its date doubted)
    record = _record("conversion", uri, text, "text/plain", 1).replace(b"2024-05-01T10", b"2025-05-14T10")
    path = _archive([record], tmp_path / "cc.warc.wet.gz", True)
    (page,) = list(read_warc(path))
    assert not isinstance(page, ReadError)
    article = Extractor().process(page).article
    assert article is not None and article.url == uri
    alone = warta.extract(text.decode("utf-8"), kind="text")
    assert (article.title, article.text, article.published) == (alone.title, alone.text, alone.published)
    assert [i.title for i in article.related] == [i.title for i in alone.related]
