"""`warta entities` (the most named entities, one entity's profile), `--entity` on search and export, `warta trend`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import cli_runner
from tests.corpus.test_mentions import _ARTICLES, _stored

from warta.cli import app
from warta.corpus.store import Store


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    db = tmp_path / "corpus.db"
    with Store.open(db) as store:
        store.write_batch(store.start_run(["test"]), [_stored(i, row) for i, row in enumerate(_ARTICLES)], [])
    return db


def test_the_list_counts_articles_and_mentions(corpus: Path) -> None:
    result = cli_runner().invoke(app, ["entities", "--db", str(corpus), "--limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [
        {"name": "Korea Utara", "type": "place", "articles": 3, "mentions": 4},
        {"name": "Jepang", "type": "place", "articles": 2, "mentions": 2},
    ]
    table = cli_runner().invoke(app, ["entities", "--db", str(corpus), "--site", "daily.com"])
    assert table.exit_code == 0 and "Old Market" in table.stdout and "Korea Selatan" not in table.stdout


def test_a_profile_prints_months_company_and_articles(corpus: Path) -> None:
    result = cli_runner().invoke(app, ["entities", "korea utara", "--db", str(corpus)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Korea Utara" in out and "3 articles, 4 mentions, 2025-01-10 to 2025-02-20" in out
    assert "2025-02  " in out and "named with" in out and "North Korea fires missile" in out
    data = json.loads(
        cli_runner().invoke(app, ["entities", "Korea Utara", "--db", str(corpus), "--json"]).stdout
    )
    assert data["months"] == [["2025-01", 1], ["2025-02", 2]]


def test_an_unknown_name_says_so_and_offers_similar_ones(corpus: Path) -> None:
    result = cli_runner().invoke(app, ["entities", "korea", "--db", str(corpus)])
    assert result.exit_code == 1
    assert "no article names 'korea'" in result.output and "'Korea Utara'" in result.output


def test_a_corpus_without_enrichment_says_how_to_get_entities(tmp_path: Path) -> None:
    db = tmp_path / "plain.db"
    Store.open(db).close()
    result = cli_runner().invoke(app, ["entities", "--db", str(db)])
    assert result.exit_code == 1 and "--enrich" in result.output


def test_a_bad_date_filter_is_a_clear_error(corpus: Path) -> None:
    result = cli_runner().invoke(app, ["entities", "--db", str(corpus), "--from", "2025-13"])
    assert result.exit_code == 2 and "--from must be a date" in result.output


def test_search_and_export_take_entity(corpus: Path, tmp_path: Path) -> None:
    found = cli_runner().invoke(app, ["search", "rudal", "--entity", "jepang", "--db", str(corpus), "--json"])
    assert found.exit_code == 0, found.output
    assert [json.loads(line)["title"] for line in found.stdout.splitlines()] == [
        "Seoul dan Tokyo bahas rudal Korut"
    ]
    out = tmp_path / "korut.jsonl"
    exported = cli_runner().invoke(
        app, ["export", "--db", str(corpus), "--entity", "Korea Utara", "-o", str(out)]
    )
    assert exported.exit_code == 0, exported.output
    assert len(out.read_text().splitlines()) == 3


def test_trend_prints_bars_and_json(corpus: Path) -> None:
    result = cli_runner().invoke(app, ["trend", "rudal", "--db", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "2025-01" in result.stdout and "2025-02" in result.stdout and "2 stories" in result.stdout
    lines = (
        cli_runner().invoke(app, ["trend", "--db", str(corpus), "--by", "year", "--json"]).stdout.splitlines()
    )
    assert [json.loads(line) for line in lines] == [
        {"year": "2025", "stories": 3},
        {"year": None, "stories": 1},
    ]
    bad = cli_runner().invoke(app, ["trend", "--db", str(corpus), "--", "-rudal"])
    assert bad.exit_code == 2 and "cannot count" in bad.output


def test_trend_split_by_site_prints_a_column_per_site_and_json(corpus: Path) -> None:
    result = cli_runner().invoke(app, ["trend", "--db", str(corpus), "--split", "site"])
    assert result.exit_code == 0, result.output
    assert "kabar.id" in result.stdout and "daily.com" in result.stdout and "undated" in result.stdout
    rows = [
        json.loads(line)
        for line in cli_runner()
        .invoke(app, ["trend", "--db", str(corpus), "--split", "site", "--by", "year", "--json"])
        .stdout.splitlines()
    ]
    assert {"year": "2025", "site": "kabar.id", "stories": 2} in rows
    assert {"year": None, "site": "daily.com", "stories": 1} in rows
    one = cli_runner().invoke(app, ["trend", "--db", str(corpus), "--split", "language", "--top", "1"])
    assert one.exit_code == 0 and "other languages" in one.stdout


def test_quotes_by_speaker_and_words(corpus: Path) -> None:
    result = cli_runner().invoke(app, ["quotes", "--db", str(corpus), "--speaker", "lee jae-sung"])
    assert result.exit_code == 0, result.output
    assert "Lee Jae-sung kata: “Ancaman ini nyata”" in result.stdout
    rows = cli_runner().invoke(app, ["quotes", "--db", str(corpus), "--words", "saksama", "--json"]).stdout
    assert [json.loads(line)["text"] for line in rows.splitlines()] == [
        "Kami memantau situasi dengan saksama"
    ]
    none = cli_runner().invoke(app, ["quotes", "--db", str(corpus), "--speaker", "lee"])
    assert none.exit_code == 0 and "similar names: Lee Jae-sung" in none.stdout


def test_rising_entities_table_and_its_errors(corpus: Path) -> None:
    args = ["entities", "--db", str(corpus), "--rising", "--from", "2025-02", "--to", "2025-02"]
    result = cli_runner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Jepang" in result.stdout and "2.00" in result.stdout
    rows = cli_runner().invoke(app, [*args, "--json"]).stdout.splitlines()
    assert json.loads(rows[0]) == {"name": "Jepang", "type": "place", "now": 2, "before": 0, "score": 2.0}
    assert cli_runner().invoke(app, ["entities", "--db", str(corpus), "--rising"]).exit_code == 2
    assert cli_runner().invoke(app, ["entities", "Jepang", "--db", str(corpus), "--rising"]).exit_code == 2


def test_network_prints_links_and_writes_graph_files(corpus: Path, tmp_path: Path) -> None:
    table = cli_runner().invoke(app, ["network", "--db", str(corpus), "--min-stories", "1"])
    assert table.exit_code == 0, table.output
    assert "Korea Utara" in table.stdout and "Jepang" in table.stdout and "links" in table.stdout
    for name in ("net.gexf", "net.graphml", "net.csv", "net.json"):
        out = tmp_path / name
        result = cli_runner().invoke(
            app, ["network", "--db", str(corpus), "-o", str(out), "--site", "kabar.id"]
        )
        assert result.exit_code == 0, result.output
        assert "written to" in result.output and out.stat().st_size > 0
    data = json.loads((tmp_path / "net.json").read_text())
    # kabar.id's two stories both name Korea Utara and Korea Selatan: the one link of two stories
    assert [(e["source"], e["target"], e["stories"]) for e in data["edges"]] == [
        ("place:korea selatan", "place:korea utara", 2)
    ]
    lines = cli_runner().invoke(app, ["network", "--db", str(corpus), "-f", "csv", "--min-stories", "1"])
    assert lines.exit_code == 0 and lines.stdout.startswith("source,source_type,target,target_type,stories")


def test_network_refuses_an_unknown_file_kind_and_a_plain_corpus(corpus: Path, tmp_path: Path) -> None:
    result = cli_runner().invoke(app, ["network", "--db", str(corpus), "-o", str(tmp_path / "net.png")])
    assert result.exit_code == 2 and "cannot tell the format" in result.output
    plain = tmp_path / "plain.db"
    Store.open(plain).close()
    result = cli_runner().invoke(app, ["network", "--db", str(plain)])
    assert result.exit_code == 1 and "--enrich" in result.output
