"""`kill -9` during an ingest, then the same command again: no duplicates, no lost pages."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.corpus.conftest import make_crawl

INGEST = [sys.executable, "-c", "from warta.cli import main; main()", "ingest"]


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_kill_9_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    make_crawl(tmp_path, pages_per_site=60)
    crawl, db = tmp_path / "crawl.jsonl", tmp_path / "c.db"
    args = [*INGEST, str(crawl), "--db", str(db), "--workers", "1", "--batch-size", "10", "--quiet"]
    proc = subprocess.Popen(args, start_new_session=True)
    deadline = time.monotonic() + 120
    while _count(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    interrupted = _count(db)
    subprocess.run(args, check=True)
    reference = tmp_path / "ref.db"
    subprocess.run([*INGEST, str(crawl), "--db", str(reference), "--workers", "1", "--quiet"], check=True)
    with sqlite3.connect(db) as conn, sqlite3.connect(reference) as ref:
        urls = [r[0] for r in conn.execute("SELECT url FROM articles ORDER BY url")]
        assert len(urls) == len(set(urls))
        assert urls == [r[0] for r in ref.execute("SELECT url FROM articles ORDER BY url")]
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(urls)
        sources = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        assert sources == ref.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert 0 < interrupted < len(urls)
