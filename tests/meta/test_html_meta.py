"""Page metadata from JSON-LD, OpenGraph, <meta>, canonical links, <time> and <html lang>."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from warta.meta.html_meta import html_metadata

PAGE = """<html lang="id-ID"><head>
<title>Gempa Guncang Cianjur | Portal Berita</title>
<link rel="canonical" href="/read/2024/01/02/gempa">
<meta property="og:title" content="Gempa Guncang Cianjur (OG)">
<meta property="og:site_name" content="Portal Berita">
<meta property="article:published_time" content="2024-01-02T08:00:00+07:00">
<meta name="author" content="Budi Santoso">
<meta name="keywords" content="gempa, cianjur, bmkg">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "Halaman"},
  {"@type": "NewsArticle", "headline": "Gempa M 5,6 Guncang Cianjur &#8211; Warga Panik",
   "datePublished": "2024-01-02T08:00:00+07:00", "dateModified": "2024-01-02T09:30:00+07:00",
   "author": [{"@type": "Person", "name": "Budi Santoso"}, {"name": "Sari Dewi"}],
   "publisher": {"@type": "Organization", "name": "Portal Berita"},
   "articleBody": "Gempa bumi mengguncang Cianjur pagi ini...",
   "image": {"@type": "ImageObject", "url": "https://portal.example/img.jpg"}}
]}
</script>
<script type="application/ld+json">{ this is broken json </script>
</head><body><time datetime="2024-01-02T08:05:00+07:00">2 Januari 2024</time><p>Isi.</p></body></html>"""


def test_jsonld_article_wins_for_headline_and_fills_evidence() -> None:
    meta = html_metadata(LexborHTMLParser(PAGE), "https://portal.example/news/x")
    assert meta.headline == "Gempa M 5,6 Guncang Cianjur – Warga Panik"  # entity unescaped
    assert meta.title == "Gempa Guncang Cianjur | Portal Berita"
    assert meta.site_name == "Portal Berita"
    assert meta.article_type == "newsarticle"
    assert ("2024-01-02T08:00:00+07:00", "json-ld") in meta.published
    assert ("2024-01-02T08:00:00+07:00", "meta:article:published_time") in meta.published
    assert ("2024-01-02T08:05:00+07:00", "time") in meta.published
    assert meta.modified == [("2024-01-02T09:30:00+07:00", "json-ld")]
    assert [name for name, _ in meta.authors] == ["Budi Santoso", "Sari Dewi", "Budi Santoso"]
    assert meta.article_body and meta.article_body.startswith("Gempa bumi")
    assert meta.tags == ["gempa", "cianjur", "bmkg"]
    assert meta.images[0]["url"] == "https://portal.example/img.jpg"


def test_canonical_made_absolute_and_language_from_html() -> None:
    meta = html_metadata(LexborHTMLParser(PAGE), "https://portal.example/news/x")
    assert meta.canonical_url == "https://portal.example/read/2024/01/02/gempa"
    assert meta.language == "id-ID"


def test_opengraph_headline_without_jsonld() -> None:
    html = '<html><head><meta property="og:title" content="Judul OG"><title>T</title></head></html>'
    meta = html_metadata(LexborHTMLParser(html))
    assert meta.headline == "Judul OG" and meta.title == "T"


def test_garbage_never_raises() -> None:
    for html in ("", "<script type='application/ld+json'>[[[[[[</script>", "<meta content>", "<<<>>>"):
        html_metadata(LexborHTMLParser(html))
