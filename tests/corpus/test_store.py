"""Opening a corpus: paths SQLite cannot open a database at get a clear error of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.corpus.store import Store, StoreDirectoryMissingError, StoreError, StoreIsDirectoryError


def test_a_directory_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    # Library callers got SQLite's "unable to open database file"; only the CLI explained it.
    with pytest.raises(StoreIsDirectoryError) as caught:
        Store.open(tmp_path)
    assert isinstance(caught.value, StoreError) and caught.value.path == tmp_path
    assert (
        str(caught.value)
        == f"{tmp_path} is a directory: a corpus is a file, such as {tmp_path / 'corpus.db'}"
    )


def test_a_corpus_in_a_missing_directory_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "no" / "c.db"
    with pytest.raises(StoreDirectoryMissingError) as caught:
        Store.open(db)
    assert isinstance(caught.value, StoreError) and caught.value.path == db
    assert (
        str(caught.value) == f"cannot create a corpus at {db}: the directory {tmp_path / 'no'} does not exist"
    )
    assert not (tmp_path / "no").exists()


def test_a_new_corpus_is_still_created_and_reopened(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    Store.open(db).close()
    with Store.open(db) as store:
        assert store.path == str(db)
