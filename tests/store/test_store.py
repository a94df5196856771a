"""The store: schema version, migrations, transactions, busy handling."""

from __future__ import annotations

import pytest

from trustledger.errors import UserError
from trustledger.store.db import Store, schema_version_available


def test_new_store_is_at_the_latest_schema(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        assert s.schema_version() == schema_version_available() >= 1
        assert set(s.counts()) >= {"documents", "sentences", "events", "commitments", "outcomes", "votes"}


def test_reopening_does_not_migrate_twice(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        s.con.execute("INSERT INTO documents (doc_id, story_id, text, n_sentences) VALUES ('a', 'a', 't', 0)")
    with Store(path) as s:
        assert s.counts()["documents"] == 1


def test_transaction_rolls_back(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        with pytest.raises(RuntimeError):
            with s.transaction():
                s.con.execute("INSERT INTO documents (doc_id, story_id, text, n_sentences) VALUES ('a','a','t',0)")
                raise RuntimeError("boom")
        assert s.counts()["documents"] == 0


def test_read_only_open_of_missing_store(tmp_path):
    with pytest.raises(UserError, match="no store here"):
        Store(tmp_path / "missing.duckdb", read_only=True)
