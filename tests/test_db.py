"""Opening databases: the defaults, and every fault a shop can meet."""

import hashlib

import pytest

from shopdesk import config
from shopdesk.db import EXIT_CORRUPT, EXIT_NEWER_SCHEMA, EXIT_SERVER, close_database, open_database
from shopdesk.errors import DatabaseProblem
from shopdesk.models import SchemaVersion
from shopdesk.models.migrations import SCHEMA_VERSION


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_default_database_is_created_in_the_data_folder():
    opened = open_database(None)
    try:
        assert opened.created
        assert config.default_db_path().exists()
        assert opened.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert opened.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert opened.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    finally:
        close_database()


def test_environment_variable_chooses_the_database(tmp_path, monkeypatch):
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("SHOPDESK_DB", str(target))
    assert config.resolve_db_url(None) == str(target)
    assert config.resolve_db_url("/other.db") == "/other.db"  # the option wins


def test_missing_folder_is_refused_with_a_message(tmp_path):
    with pytest.raises(DatabaseProblem) as err:
        open_database(str(tmp_path / "no" / "such" / "shop.db"))
    assert "does not exist" in str(err.value.message)
    assert not (tmp_path / "no").exists()


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseProblem):
        open_database(str(tmp_path))


def test_corrupt_file_is_refused_and_left_untouched(tmp_path):
    bad = tmp_path / "shop.sqlite3"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    before = _digest(bad)
    with pytest.raises(DatabaseProblem) as err:
        open_database(str(bad))
    assert err.value.exit_code == EXIT_CORRUPT
    assert _digest(bad) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.sqlite3"]


def test_newer_schema_is_refused_and_left_untouched(db_url):
    open_database(db_url)
    SchemaVersion.update(version=SCHEMA_VERSION + 7).execute()
    close_database()
    with pytest.raises(DatabaseProblem) as err:
        open_database(db_url)
    assert err.value.exit_code == EXIT_NEWER_SCHEMA
    assert "newer" in str(err.value.message)
    close_database()
    # Still the newer version: nothing was written.
    import peewee as pw

    if db_url.startswith("postgresql"):
        from shopdesk.db import postgres_parameters

        raw = pw.PostgresqlDatabase(**postgres_parameters(db_url))
    else:
        raw = pw.SqliteDatabase(db_url)
    assert raw.execute_sql("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION + 7
    raw.execute_sql("UPDATE schema_version SET version = %s" % SCHEMA_VERSION)
    raw.close()


def test_foreign_database_is_refused(tmp_path):
    import sqlite3

    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem) as err:
        open_database(str(path))
    assert "not a ShopDesk database" in str(err.value.message)


def test_unreachable_server_gives_a_clear_message():
    with pytest.raises(DatabaseProblem) as err:
        open_database("postgresql://shop@127.0.0.1:1/shopdesk")
    assert err.value.exit_code == EXIT_SERVER
    assert "Cannot reach the shop server" in str(err.value.message)


def test_missing_server_database_gives_a_clear_message(pg_server):
    with pytest.raises(DatabaseProblem) as err:
        open_database(pg_server.url("no_such_shop"))
    assert "no such database" in str(err.value.message)


def test_password_is_not_shown_in_messages():
    assert config.display_url("postgresql://shop:s3cret@host/db") == "postgresql://shop:***@host/db"


def test_fresh_postgres_database_gets_the_schema(fresh_pg_url):
    opened = open_database(fresh_pg_url)
    try:
        assert opened.created
        assert SchemaVersion.get().version == SCHEMA_VERSION
    finally:
        close_database()
