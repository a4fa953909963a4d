"""Who writes the corpus: credited people as a table, top writers, a writer's profile, --author."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.cli.conftest import cli_runner

from warta.cli import app
from warta.corpus.bylines import credits_of, similar_writers, top_writers, writer_profile
from warta.corpus.search import QueryError, SearchFilters, latest, search
from warta.corpus.store import Store, StoredArticle
from warta.corpus.trends import trend
from warta.serve import create_app


def _person(name: str, role: str = "author", title: str | None = None, org: bool = False) -> dict[str, Any]:
    return {"name": name, "role": role, "is_organisation": org, "job_title": title, "affiliation": None}


# (site, published, title, authors, editors, entities)
_ROWS: list[tuple[str, str | None, str, list[dict[str, Any]], list[dict[str, Any]], list[str]]] = [
    (
        "kabar.id",
        "2025-01-05",
        "Banjir di Demak",
        [_person("Rina Aprilia", title="Wartawan")],
        [_person("Budi", "editor")],
        ["Demak"],
    ),
    ("kabar.id", "2025-02-11", "Banjir di Kudus", [_person("rina  APRILIA")], [], ["Kudus", "Demak"]),
    (
        "daily.com",
        "2025-02-20",
        "Floods in Java",
        [_person("Rina Aprilia", title="Correspondent"), _person("Newsdesk", "team", org=True)],
        [],
        ["Java"],
    ),
    ("daily.com", None, "Market report", [_person("Tom Hale")], [_person("Budi", "editor")], []),
]


def _stored(i: int, row: tuple[Any, ...]) -> StoredArticle:
    site, published, title, authors, editors, names = row
    body = f"{title}. Laporan lengkap tentang {title.lower()} dan dampaknya bagi warga sekitar."
    entities = [{"text": n, "type": "place", "canonical": n, "paragraph": 0} for n in names]
    return StoredArticle(
        url_key=f"{site}/{i}",
        url=f"https://{site}/{i}",
        canonical_url=None,
        site=site,
        title=title,
        body=body,
        language="id",
        published=published,
        source=f"t:{i}",
        text_hash=f"h{i}",
        data={"title": title, "authors": authors, "editors": editors, "annotations": {"entities": entities}},
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    with Store.open(path) as store:
        store.write_batch(store.start_run(["t"]), [_stored(i, row) for i, row in enumerate(_ROWS)], [])
    return path


def test_credits_are_one_row_per_person_and_role() -> None:
    rows = credits_of(
        {
            "authors": [_person("A B"), _person("a  b"), {"name": 3}, "x"],
            "editors": [_person("A B", "editor")],
        }
    )
    assert [(c.key, c.role) for c in rows] == [("a b", "author"), ("a b", "editor")]
    assert credits_of({}) == []


def test_top_writers_count_stories_and_leave_desks_out(db: Path) -> None:
    with Store.open(db) as store:
        top = top_writers(store, SearchFilters())
        assert [(w.name, w.stories, w.sites) for w in top] == [
            ("Rina Aprilia", 3, 2),
            ("Budi", 2, 2),
            ("Tom Hale", 1, 1),
        ]
        assert [w.name for w in top_writers(store, SearchFilters(), role="editor")] == ["Budi"]
        assert [w.name for w in top_writers(store, SearchFilters(site="kabar.id"))] == [
            "Rina Aprilia",
            "Budi",
        ]


def test_a_writer_profile(db: Path) -> None:
    with Store.open(db) as store:
        profile = writer_profile(store, "RINA aprilia", SearchFilters())
        assert profile is not None
        assert (profile.name, profile.stories) == ("Rina Aprilia", 3)
        assert profile.sites == (("daily.com", 1), ("kabar.id", 2))[::-1]
        assert set(profile.job_titles) == {"Wartawan", "Correspondent"}
        assert profile.months == (("2025-01", 1), ("2025-02", 2))
        assert [(e.name, e.articles) for e in profile.entities][:1] == [("Demak", 2)]
        assert [r.title for r in profile.latest] == ["Floods in Java", "Banjir di Kudus", "Banjir di Demak"]
        assert writer_profile(store, "Rina", SearchFilters()) is None
        assert similar_writers(store, "rina") == ["Rina Aprilia"]
        with pytest.raises(QueryError):
            writer_profile(store, "Rina Aprilia", SearchFilters(date_to="2025-13"))


def test_the_author_filter(db: Path) -> None:
    with Store.open(db) as store:
        assert {h.title for h in search(store, "banjir", SearchFilters(author="rina aprilia"))} == {
            "Banjir di Demak",
            "Banjir di Kudus",
        }
        assert search(store, "banjir", SearchFilters(author="Tom Hale")) == []
        assert [h.title for h in latest(store, SearchFilters(author="Budi"))] == [
            "Banjir di Demak",
            "Market report",
        ]
        assert trend(store, None, SearchFilters(author="Rina Aprilia")).counts == (
            ("2025-01", 1),
            ("2025-02", 2),
        )


def test_an_older_corpus_gets_its_bylines_on_open(db: Path) -> None:
    with Store.open(db) as store, store.transaction() as conn:
        conn.execute("DELETE FROM bylines")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema'")
    with Store.open(db) as store:
        assert [w.name for w in top_writers(store, SearchFilters(limit=1))] == ["Rina Aprilia"]


def test_cli_and_browser(db: Path) -> None:
    listed = cli_runner().invoke(app, ["authors", "--db", str(db)])
    assert listed.exit_code == 0 and "Rina Aprilia" in listed.stdout
    profile = cli_runner().invoke(app, ["authors", "rina aprilia", "--db", str(db)])
    assert profile.exit_code == 0 and "3 stories, 2025-01-05 to 2025-02-20" in profile.stdout
    unknown = cli_runner().invoke(app, ["authors", "rina", "--db", str(db)])
    assert unknown.exit_code == 1 and "'Rina Aprilia'" in unknown.output
    found = cli_runner().invoke(app, ["search", "banjir", "--author", "Budi", "--db", str(db), "--json"])
    assert found.exit_code == 0 and len(found.stdout.splitlines()) == 1
    client = TestClient(create_app(db))
    assert client.get("/api/authors").json()[0] == {
        "name": "Rina Aprilia",
        "stories": 3,
        "sites": 2,
        "roles": "author",
    }
    page = client.get("/author/Rina Aprilia").text
    assert "3 stories" in page and "/?author=Rina+Aprilia" in page
    assert client.get("/author/rina").status_code == 404
    assert "href='/author/Rina%20Aprilia'" in client.get("/authors").text
    assert "href='/author/Budi'" in client.get("/article/1").text
