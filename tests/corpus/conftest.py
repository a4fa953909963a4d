"""Small synthetic crawls: three templated sites, exact/near copies and one syndicated story."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

WORDS = [
    "pemerintah",
    "kota",
    "warga",
    "banjir",
    "jalan",
    "pasar",
    "harga",
    "beras",
    "listrik",
    "sekolah",
    "menteri",
    "presiden",
    "gubernur",
    "membangun",
    "pembangunan",
    "dibangun",
    "jembatan",
    "proyek",
    "anggaran",
    "rakyat",
    "desa",
    "petani",
    "panen",
    "council",
    "residents",
    "flood",
    "bridge",
    "market",
    "budget",
    "minister",
    "school",
    "hospital",
    "election",
    "vote",
    "report",
]


def paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(25, 40))]
    words.append(str(rng.randint(10, 99999)))
    return " ".join(words).capitalize() + "."


def page_text(site: str, title: str, paragraphs: list[str]) -> str:
    template = [f"{site} — Berita Terkini", "Beranda | Nasional | Ekonomi | Olahraga"]
    leaky = (
        f"Dapatkan berita pilihan {site} setiap pagi langsung di ponsel Anda dengan bergabung "
        "bersama kanal kami dan nikmati liputan mendalam dari seluruh daerah di Indonesia."
    )
    footer = [f"© 2024 {site}. Hak cipta dilindungi.", "Tentang Kami | Redaksi | Kontak"]
    body = [line for p in paragraphs for line in (p, "")]
    return "\n".join([*template, "", title, "", *body, leaky, "", *footer])


def make_crawl(directory: Path, pages_per_site: int = 12, seed: int = 3) -> dict[str, list[str]]:
    """Write `crawl.jsonl`; returns the URLs of each injected duplicate group."""
    rng = random.Random(seed)
    groups: dict[str, list[str]] = {}
    lines = []
    stories = []
    for site in ("kabar.co.id", "warta.id", "daily.com"):
        for i in range(pages_per_site):
            title = f"Berita {site} nomor {i} tentang {rng.choice(WORDS)}"
            paragraphs = [paragraph(rng) for _ in range(rng.randint(4, 6))]
            url = f"https://www.{site}/2024/{i}"
            stories.append((site, url, title, paragraphs))
            lines.append({"url": url, "text": page_text(site, title, paragraphs)})
    site, url, title, paragraphs = stories[0]
    exact = f"https://www.{site}/copy/0"
    lines.append({"url": exact, "text": page_text(site, title, paragraphs)})
    groups["exact"] = [url, exact]
    site, url, title, paragraphs = stories[1]
    edited = [p.replace(p.split()[3], "diubah", 1) for p in paragraphs[:1]] + paragraphs[1:]
    near = f"https://www.{site}/near/1"
    lines.append({"url": near, "text": page_text(site, title + " (updated)", edited)})
    groups["near"] = [url, near]
    site, url, title, paragraphs = stories[2]
    syndicated = "https://www.daily.com/syndicated/2"
    lines.append({"url": syndicated, "text": page_text("daily.com", title, paragraphs)})
    groups["syndicated"] = [url, syndicated]
    lines.append({"url": "https://www.daily.com/broken", "text": ""})
    with (directory / "crawl.jsonl").open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line) + "\n")
        handle.write("{not json\n")
    return groups


@pytest.fixture
def crawl(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    groups = make_crawl(tmp_path)
    return tmp_path / "crawl.jsonl", groups
