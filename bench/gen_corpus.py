"""Synthetic crawl for the corpus benchmark: templated sites, duplicates, syndication.

    python bench/gen_corpus.py --pages 100000 --out bench/data/corpus

Writes JSONL shards (`{"url", "text"}` or `{"url", "html"}`) and `truth.jsonl`
(url, story group, how the page was made). Every page is a pure function of
its index and the seed, so `make_page(i)` regenerates a page's true body
paragraphs for scoring without storing them.

Sites: half Indonesian, half English; a quarter of them serve HTML. Each site
has a template: navigation, footer, promotion lines and two *leaky* template
paragraphs (a subscription pitch and a disclaimer) long enough to look like
article text to a single-page extractor: the cross-page signal must catch them.
Injected: exact duplicates (same site, new URL), near duplicates (a few words
changed, a paragraph dropped or added), syndicated copies (another site's
template around the same story).
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

ID_ROOTS = [
    "bangun",
    "jalan",
    "tulis",
    "ambil",
    "kirim",
    "pakai",
    "tanam",
    "sapu",
    "pukul",
    "lihat",
    "dengar",
    "jual",
    "beli",
    "bayar",
    "ajar",
    "baca",
    "cari",
    "dapat",
    "buat",
    "kerja",
    "tolong",
    "pilih",
    "tuntut",
    "periksa",
    "selidik",
    "tangkap",
    "lapor",
    "umum",
    "rencana",
    "kembang",
    "tingkat",
    "turun",
    "naik",
    "ubah",
    "atur",
    "kelola",
    "sedia",
    "hasil",
    "capai",
    "bantu",
    "jaga",
    "rawat",
    "obat",
    "sehat",
    "didik",
    "latih",
    "siap",
    "tunda",
    "tolak",
    "terima",
    "minta",
    "tanya",
    "jawab",
    "temu",
    "kumpul",
    "bagi",
    "hitung",
    "ukur",
    "uji",
    "coba",
    "pasar",
    "modal",
    "harga",
    "untung",
    "rugi",
    "pajak",
    "dana",
    "anggar",
]
ID_WORDS = [
    "pemerintah",
    "daerah",
    "kota",
    "provinsi",
    "warga",
    "masyarakat",
    "presiden",
    "menteri",
    "gubernur",
    "bupati",
    "polisi",
    "sekolah",
    "rumah",
    "sakit",
    "pasar",
    "banjir",
    "gempa",
    "hujan",
    "listrik",
    "air",
    "bahan",
    "bakar",
    "minyak",
    "harga",
    "beras",
    "tahun",
    "bulan",
    "minggu",
    "hari",
    "ini",
    "kemarin",
    "besok",
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "untuk",
    "dengan",
    "pada",
    "dalam",
    "akan",
    "telah",
    "sudah",
    "masih",
    "juga",
    "tidak",
    "bisa",
    "harus",
    "lebih",
    "sangat",
    "banyak",
    "baru",
    "lama",
    "besar",
    "kecil",
    "jakarta",
    "surabaya",
    "bandung",
    "medan",
    "makassar",
    "semarang",
    "yogyakarta",
    "bali",
    "papua",
    "aceh",
    "kalimantan",
]
EN_WORDS = [
    "government",
    "council",
    "city",
    "province",
    "residents",
    "community",
    "president",
    "minister",
    "governor",
    "mayor",
    "police",
    "school",
    "hospital",
    "market",
    "flood",
    "earthquake",
    "rain",
    "power",
    "water",
    "fuel",
    "oil",
    "price",
    "rice",
    "year",
    "month",
    "week",
    "today",
    "yesterday",
    "tomorrow",
    "the",
    "and",
    "in",
    "to",
    "from",
    "for",
    "with",
    "on",
    "at",
    "will",
    "has",
    "have",
    "been",
    "still",
    "also",
    "not",
    "can",
    "must",
    "more",
    "very",
    "many",
    "new",
    "old",
    "large",
    "small",
    "said",
    "report",
    "plan",
    "budget",
    "court",
    "election",
    "vote",
    "party",
    "economy",
    "growth",
    "inflation",
    "bank",
    "trade",
    "export",
    "import",
    "road",
    "bridge",
    "project",
    "officials",
    "announced",
    "decision",
    "public",
    "health",
    "education",
    "transport",
    "energy",
    "policy",
    "data",
    "study",
]
ID_MARKERS = ("Baca juga:", "Simak juga:")
EN_MARKERS = ("Read also:", "See also:")


@dataclass(frozen=True, slots=True)
class Site:
    host: str
    name: str
    lang: str
    html: bool
    nav: tuple[str, ...]
    footer: tuple[str, ...]
    leaky: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GenPage:
    url: str
    site: Site
    title: str
    paragraphs: tuple[str, ...]
    group: int
    kind: str  # original | exact | near | syndicated
    date: str


def affixed(root: str, rng: random.Random) -> str:
    """An Indonesian derived form of a root (meN-, di-, peN-an, -kan, -nya)."""
    form = rng.choice(("men", "di", "pen_an", "kan", "nya", "ber", "root", "an"))
    if form == "di":
        return "di" + root
    if form == "kan":
        return root + "kan"
    if form == "nya":
        return root + "nya"
    if form == "ber":
        return "ber" + root
    if form == "an":
        return root + "an"
    if form == "root":
        return root
    nasal = _nasal(root)
    return ("me" if form == "men" else "pe") + nasal + ("an" if form == "pen_an" else "")


def _nasal(root: str) -> str:
    first = root[0]
    if first in "p":
        return "m" + root[1:]
    if first == "t":
        return "n" + root[1:]
    if first == "s":
        return "ny" + root[1:]
    if first == "k":
        return "ng" + root[1:]
    if first in "aiueo":
        return "ng" + root
    if first in "lmnrwy":
        return root
    if first in "bf":
        return "m" + root
    if first in "cdj":
        return "n" + root
    return "ng" + root


def sentence(rng: random.Random, lang: str) -> str:
    n = rng.randint(9, 22)
    if lang == "id":
        words = [
            affixed(rng.choice(ID_ROOTS), rng) if rng.random() < 0.3 else rng.choice(ID_WORDS)
            for _ in range(n)
        ]
    else:
        words = [rng.choice(EN_WORDS) for _ in range(n)]
    words.append(f"{rng.randint(2, 999)}")  # numbers make stories distinct
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


def make_sites(count: int, seed: int, html: bool = False) -> list[Site]:
    rng = random.Random(seed)
    sites = []
    for i in range(count):
        lang = "id" if i % 2 == 0 else "en"
        name = f"{'Kabar' if lang == 'id' else 'Daily'}{chr(65 + i % 26)}{i}"
        host = f"www.{name.lower()}.{'co.id' if lang == 'id' else 'com'}"
        menu = (
            ("Beranda", "Nasional", "Ekonomi", "Olahraga", "Teknologi")
            if lang == "id"
            else ("Home", "World", "Business", "Sport", "Tech")
        )
        nav = (f"{name} — {'Berita Terkini' if lang == 'id' else 'Latest News'}", " | ".join(menu))
        footer = (
            f"© 2024 {name}. {'Hak cipta dilindungi' if lang == 'id' else 'All rights reserved'}.",
            "Tentang Kami | Redaksi | Pedoman Media Siber | Kontak"
            if lang == "id"
            else "About | Editorial | Privacy | Contact",
        )
        if lang == "id":
            leaky = (
                f"Dapatkan berita pilihan {name} setiap pagi langsung di ponsel Anda dengan bergabung bersama kanal kami dan nikmati liputan mendalam dari seluruh daerah di Indonesia.",
                f"Isi artikel ini sepenuhnya menjadi tanggung jawab redaksi {name} dan tidak boleh disalin, diterbitkan ulang, atau disebarluaskan tanpa izin tertulis dari pihak redaksi kami.",
            )
        else:
            leaky = (
                f"Get the best of {name} delivered to your inbox every morning by signing up for our newsletter and enjoy in-depth coverage from every corner of the country.",
                f"The content of this article is the sole responsibility of the {name} newsroom and may not be copied, republished or redistributed without prior written permission from our editors.",
            )
        sites.append(Site(host, name, lang, html and i % 4 == 3, nav, footer, leaky))
        rng.random()
    return sites


def story(group: int, seed: int, lang: str) -> tuple[str, tuple[str, ...], str]:
    rng = random.Random(seed * 1_000_003 + group)
    title = " ".join(sentence(rng, lang).split()[:8]).rstrip(".").title()
    paragraphs = tuple(
        " ".join(sentence(rng, lang) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(5, 9))
    )
    date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return title, paragraphs, date


def near_copy(paragraphs: tuple[str, ...], rng: random.Random, lang: str) -> tuple[str, ...]:
    """A lightly edited copy: ~1.5% of words replaced, one paragraph dropped or added."""
    vocab = ID_WORDS if lang == "id" else EN_WORDS
    edited = []
    for p in paragraphs:
        words = p.split()
        for _ in range(max(1, len(words) // 70)):
            words[rng.randrange(len(words))] = rng.choice(vocab)
        edited.append(" ".join(words))
    if rng.random() < 0.5 and len(edited) > 5:
        edited.pop(rng.randrange(1, len(edited)))
    else:
        edited.append(sentence(rng, lang) + " " + sentence(rng, lang))
    return tuple(edited)


def make_page(index: int, sites: list[Site], seed: int) -> GenPage:
    """Page `index`: 70% originals, 8% exact copies, 12% near copies, 10% syndicated copies."""
    rng = random.Random(seed * 7_919 + index)
    roll = rng.random()
    kind = (
        "original"
        if index < 50 or roll < 0.70
        else "exact"
        if roll < 0.78
        else "near"
        if roll < 0.90
        else "syndicated"
    )
    group = index if kind == "original" else _earlier_original(index, rng, seed)
    origin = random.Random(seed * 7_919 + group)
    origin.random()
    home = sites[group % len(sites)]
    title, paragraphs, date = story(group, seed, home.lang)
    site = home
    if kind == "near":
        paragraphs = near_copy(paragraphs, rng, home.lang)
    elif kind == "syndicated":
        same_lang = [s for s in sites if s.lang == home.lang and s is not home]
        site = same_lang[rng.randrange(len(same_lang))]
    url = f"https://{site.host}/{date.replace('-', '/')}/{index}-{'-'.join(title.lower().split()[:4])}"
    return GenPage(url, site, title, paragraphs, group, kind, date)


def _earlier_original(index: int, rng: random.Random, seed: int) -> int:
    for _ in range(50):
        candidate = rng.randrange(0, index)
        r = random.Random(seed * 7_919 + candidate).random()
        if candidate < 50 or r < 0.70:
            return candidate
    return 0


def render_text(page: GenPage, rng: random.Random) -> str:
    site = page.site
    marker = (ID_MARKERS if site.lang == "id" else EN_MARKERS)[rng.randrange(2)]
    body = list(page.paragraphs)
    body.insert(min(2, len(body)), f"{marker} {sentence(rng, site.lang)[:70].rstrip('.')}")
    lines = [
        *site.nav,
        "",
        page.title,
        f"{'Oleh' if site.lang == 'id' else 'By'} Reporter {page.group % 97} - {page.date}",
        "",
        *[line for p in body for line in (p, "")],
        site.leaky[0],
        "",
        site.leaky[1],
        "",
        *site.footer,
    ]
    return "\n".join(lines)


def render_html(page: GenPage, rng: random.Random) -> str:
    site = page.site
    paragraphs = "".join(f"<p>{p}</p>" for p in page.paragraphs)
    return (
        f"<!doctype html><html lang='{site.lang}'><head><title>{page.title} - {site.name}</title></head><body>"
        f"<header><div class='logo'>{site.nav[0]}</div><nav>{site.nav[1]}</nav></header>"
        f"<main><article><h1>{page.title}</h1><div class='byline'>Reporter {page.group % 97} - {page.date}</div>"
        f"{paragraphs}<p>{site.leaky[0]}</p><p>{site.leaky[1]}</p></article></main>"
        f"<footer><p>{site.footer[0]}</p><p>{site.footer[1]}</p></footer></body></html>"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--sites", type=int, default=24)
    parser.add_argument("--shard", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--html", action="store_true", help="a quarter of the sites serve HTML")
    parser.add_argument("--out", type=Path, default=Path("bench/data/corpus"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sites = make_sites(args.sites, args.seed, args.html)
    with (args.out / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for start in range(0, args.pages, args.shard):
            with (args.out / f"pages-{start // args.shard:04d}.jsonl").open("w", encoding="utf-8") as shard:
                for index in range(start, min(start + args.shard, args.pages)):
                    page = make_page(index, sites, args.seed)
                    rng = random.Random(index)
                    field = "html" if page.site.html else "text"
                    content = render_html(page, rng) if page.site.html else render_text(page, rng)
                    shard.write(
                        json.dumps({"url": page.url, field: content, "id": index}, ensure_ascii=False) + "\n"
                    )
                    truth.write(
                        json.dumps(
                            {
                                "index": index,
                                "url": page.url,
                                "group": page.group,
                                "kind": page.kind,
                                "site": page.site.host,
                            }
                        )
                        + "\n"
                    )
    print(f"wrote {args.pages} pages over {len(sites)} sites to {args.out}")


if __name__ == "__main__":
    main()
