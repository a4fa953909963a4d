"""Property check on hostile input: `warta.extract` returns an Article or raises a `WartaError`.

Seeds are the fixture pages; hypothesis mutates them (cuts, unbalanced markup,
NUL bytes, lone surrogates, unknown charsets, broken JSON-LD, bad URLs...) and
also feeds random bytes and text, JSONL records and WARC files. Besides not
raising anything else, an article must survive what a batch does with it next:
`to_dict` and JSON encoding as UTF-8 (the CLI writes that).

The example count is modest so the suite stays fast; a longer exploration:

    WARTA_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_inputs.py -q
"""

from __future__ import annotations

import encodings.aliases
import gzip
import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta
from warta.model import Article, Page
from warta.options import ExtractOptions
from warta.pipeline import Extractor
from warta.readers import read_paths
from warta.render import to_markdown

ROOT = Path(__file__).resolve().parents[1]
HTML_SEEDS = sorted([*(ROOT / "tests/fixtures/html").glob("*.html"), *(ROOT / "samples").glob("*.html")])
TEXT_SEEDS = sorted([*(ROOT / "tests/fixtures/text").glob("*.txt"), *(ROOT / "samples").glob("*.txt")])
EXAMPLES = int(os.environ.get("WARTA_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 25,  # the suite run is reproducible; longer runs explore
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# A generous per-page limit: the property is "bounded", not "fast".
OPTIONS = ExtractOptions().with_(timeout_s=20.0)

# Fragments that break parsers, decoders and metadata readers when spliced into a page.
NASTY = (
    "<script>var a = '",
    "<style>",
    "<!--",
    "<![CDATA[",
    '"',
    "'",
    "<",
    "</",
    "\x00",
    "\ud800",
    "\udfff x \ud83d",
    "\u202e\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u4e2d\u6587 \U0001f600",
    "\x01\x02\x1b\x7f\x85\u2028\u2029",
    '<meta charset="x-no-such-encoding">',
    '<meta charset="undefined">',
    '<meta charset="utf-16">',
    "<select>" + "<option>x" * 6000,
    "<div>" * 13_000,
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-16">',
    '<a href="http://[bad">link</a>',
    '<link rel="canonical" href="http://[::1/a">',
    '<base href="http://]x/">',
    '<time datetime="99999-01-01">x</time>',
    '<meta property="article:published_time" content="0000-00-00T00:00:00">',
    '<meta property="article:modified_time" content="2024-13-45T99:99:99+99:00">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": ',
    '<script type="application/ld+json">[1, null, "x", {"@graph": [{"@graph": {"author": 5}}]}]</script>',
    '<script type="application/ld+json">{"@type": ["NewsArticle"], "headline": 7, '
    '"datePublished": 99999, "dateModified": "0000-00-00", "author": [null, 3, {"name": ["a"]}], '
    '"publisher": {"name": {"x": 1}}, "keywords": 5, "image": {"url": 3}}</script>',
    '<script type="application/ld+json">{"headline": "\\ud800 \\udc00", "datePublished": "+99999-01-01"}</script>',
    "<table><tr><td>" * 300,
    "<li>" * 300,
    "<div " + "a=" * 2000 + ">",
    '<p title="' + "x" * 200_000 + '">',
    "&#0; &#xD800; &#x110000; &#99999999999; &amp",
)
BAD_URLS = (
    None,
    "http://[bad",
    "https://x.com/2024/13/99/a",
    "",
    "not a url",
    "https://\ud800.com/",
    "//a/b",
)


def _check(article: Article) -> None:
    # What a batch does next with an article must not fail either.
    json.dumps(article.to_dict(True), ensure_ascii=False).encode("utf-8")
    to_markdown(article).encode("utf-8")


def _extract_ok(content: str | bytes, url: str | None = None) -> None:
    try:
        article = warta.extract(content, url=url, options=OPTIONS)
    except warta.WartaError:
        return
    _check(article)


@st.composite
def mutated(draw: st.DrawFn, seeds: list[Path]) -> str:
    text = draw(st.sampled_from(seeds)).read_text(encoding="utf-8", errors="replace")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(("cut", "insert", "insert", "drop")))
        if action == "cut":
            text = text[:at]
        elif action == "drop":
            text = text[:at] + text[at + draw(st.integers(1, 2000)) :]
        else:
            text = text[:at] + draw(st.sampled_from(NASTY)) + text[at:]
    return text


def _encode(text: str, how: str) -> str | bytes:
    raw = text.encode("utf-8", errors="surrogatepass")
    if how == "str":
        return text
    if how == "utf8":
        return raw
    if how == "bom-wrong-charset":
        return b"\xef\xbb\xbf" + raw.replace(b"<head>", b'<head><meta charset="windows-1251">', 1)
    if how == "utf16-declared-utf8":
        return text.encode("utf-16-le", errors="replace")
    return text.encode("cp1252", errors="replace")


ENCODINGS = st.sampled_from(("str", "utf8", "bom-wrong-charset", "utf16-declared-utf8", "cp1252"))


@FUZZ
@given(page=mutated(HTML_SEEDS), how=ENCODINGS, url=st.sampled_from(BAD_URLS))
def test_mutated_html(page: str, how: str, url: str | None) -> None:
    _extract_ok(_encode(page, how), url)


@FUZZ
@given(page=mutated(TEXT_SEEDS), how=ENCODINGS, url=st.sampled_from(BAD_URLS))
def test_mutated_text(page: str, how: str, url: str | None) -> None:
    _extract_ok(_encode(page, how), url)


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=4000),
        st.text(st.characters(exclude_categories=()), max_size=4000),
        st.text(st.sampled_from(".,;:!?-—…«»\"'()[]{}*#@%&/\\|~^`_=+<> \n\t"), max_size=3000),
    )
)
def test_random_input(data: str | bytes) -> None:
    _extract_ok(data)


SHAPES = st.sampled_from(
    (
        "\n" * 100_000 + "Judul\n\nIsi berita yang panjang sekali tentang banjir di kota.",
        "Judul\n\n" + "kata " * 1_000_000,
        "x" * 5_000_000,
        "\u2003" * 60_000 + " Isi berita",
        "Judul\n\n" + "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u4e2d\u6587 \U0001f600 " * 20_000,
        "".join(chr(c) for c in range(32)) * 3000,
        "\r" * 50_000 + "\x0b\x0c\x1c\x1d\x1e\x85" * 10_000,
        "<p>x</p>" * 100_000,
        "<html><body>" + "<div><span>a</span></div>" * 100_000 + "</body></html>",
        "<html><body><script>" + "var x = 1;" * 200_000,
        "<html><body>" + "<li><ul>" * 20_000 + "Isi",
    )
)


@settings(FUZZ, max_examples=min(EXAMPLES, 11))
@given(page=SHAPES)
def test_extreme_shapes(page: str) -> None:
    _extract_ok(page)


JSONLD_KEYS = (
    "@type", "@graph", "mainEntity", "headline", "name", "datePublished", "dateCreated", "dateModified",
    "author", "publisher", "articleBody", "keywords", "image", "url", "contentUrl", "description",
)  # fmt: skip
JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(),
    st.text(st.characters(exclude_categories=()), max_size=20),
    st.sampled_from(("NewsArticle", "2024-05-01T10:00:00+07:00", "0000-00-00", "99999-01-01", "Budi")),
)
JSON_LD = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(JSONLD_KEYS), inner, max_size=6)
    ),
    max_leaves=30,
)


@FUZZ
@given(data=JSON_LD, raw_tail=st.sampled_from(("", ";", "]", "}", "\\", "<!--")))
def test_json_ld(data: object, raw_tail: str) -> None:
    script = json.dumps(data, allow_nan=True) + raw_tail
    page = (
        f'<html><head><script type="application/ld+json">{script}</script></head>'
        "<body><h1>Jembatan baru dibangun</h1><p>Isi berita yang cukup panjang untuk menjadi badan artikel.</p>"
        "</body></html>"
    )
    _extract_ok(page)


CODECS = sorted(
    {*encodings.aliases.aliases.values(), "undefined", "punycode", "x-bad", "", "utf-16", "utf-32"}
)


@FUZZ
@given(
    data=st.binary(max_size=2000) | mutated(HTML_SEEDS).map(lambda t: t.encode("utf-8", "surrogatepass")),
    declared=st.none() | st.sampled_from(CODECS),
    header=st.none() | st.sampled_from(CODECS),
    kind=st.sampled_from((None, "html", "text")),
)
def test_pages_with_declared_charsets(
    data: bytes, declared: str | None, header: str | None, kind: str | None
) -> None:
    page = Page(
        content=data,
        kind=kind,  # type: ignore[arg-type]
        encoding=declared,
        http_headers={"content-type": f"text/html; charset={header}"} if header is not None else None,
    )
    result = Extractor(OPTIONS).process(page)
    assert result.ok or result.error
    if result.article is not None:
        _check(result.article)


def _jsonl_line(value: object) -> str:
    return json.dumps(value) if not isinstance(value, bytes) else value.decode("latin-1")


JSON_VALUES = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
)
RECORDS = st.one_of(
    st.dictionaries(st.sampled_from(("text", "html", "url", "date", "id")), JSON_VALUES, max_size=5),
    st.fixed_dictionaries(
        {
            "text": st.sampled_from(
                ("Judul\n\nIsi berita yang cukup panjang untuk menjadi badan artikel.", "Judul \ud800")
            ),
            "url": st.one_of(JSON_VALUES, st.sampled_from(BAD_URLS)),
            "date": st.one_of(JSON_VALUES, st.sampled_from(("99999-01-01", "0000-00-00", "2024-02-30"))),
            "id": JSON_VALUES,
        }
    ),
    JSON_VALUES,
    st.binary(max_size=50),
)


def _run_batch(path: Path) -> None:
    extractor = Extractor(OPTIONS)
    for result in extractor.process_many(read_paths([str(path)])):
        assert result.ok or result.error, result
        if result.article is not None:
            _check(result.article)


@FUZZ
@given(records=st.lists(RECORDS, max_size=8))
def test_jsonl_records(records: list[object], tmp_path_factory: object) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "dump.jsonl"  # type: ignore[attr-defined]
    path.write_text("\n".join(_jsonl_line(r) for r in records), encoding="utf-8", errors="surrogatepass")
    _run_batch(path)


def _warc_record(body: bytes, kind: str, length_delta: int) -> bytes:
    if kind == "response":
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=x-bad\r\n\r\n" + body
    else:
        payload = body
    header = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        f"WARC-Target-URI: http://[bad\r\nWARC-Date: 0000-00-00T00:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(payload) + length_delta}\r\n\r\n"
    ).encode()
    return header + payload + b"\r\n\r\n"


@FUZZ
@given(
    records=st.lists(
        st.tuples(
            st.binary(max_size=300) | st.just(b"<html><body><h1>Judul</h1><p>Isi berita.</p></body></html>"),
            st.sampled_from(("response", "resource", "conversion", "metadata", "request", "bogus")),
            st.integers(-40, 40),
        ),
        max_size=4,
    ),
    cut=st.integers(0, 2000),
    gz=st.booleans(),
    garbage=st.binary(max_size=40),
)
def test_warc_files(
    records: list[tuple[bytes, str, int]], cut: int, gz: bool, garbage: bytes, tmp_path_factory: object
) -> None:
    raw = b"".join(gzip.compress(_warc_record(*r)) if gz else _warc_record(*r) for r in records)
    data = raw[: max(cut, len(raw) // 2)] + garbage
    path = tmp_path_factory.mktemp("warc") / ("crawl.warc.gz" if gz else "crawl.warc")  # type: ignore[attr-defined]
    path.write_bytes(data)
    _run_batch(path)
