"""Noticing other desks' changes: SQLite's data_version, and PostgreSQL's back-off when offline."""

import sqlite3

import peewee as pw

from shopdesk.services.changes import ChangeWatcher


def test_sqlite_reports_a_commit_from_another_connection(tmp_path):
    from shopdesk.db import close_database, open_database

    path = tmp_path / "shop.db"
    open_database(str(path))
    try:
        watcher = ChangeWatcher(str(path))
        assert watcher.poll() == set()
        other = sqlite3.connect(path)
        other.execute("UPDATE shop_settings SET name = '另一台电脑' WHERE id = 1")
        other.commit()
        other.close()
        assert watcher.poll() == {"*"}
        assert watcher.poll() == set()
    finally:
        close_database()


def test_an_unreachable_server_is_retried_with_growing_pauses(monkeypatch):
    from shopdesk.models import database

    now = [1000.0]
    attempts = []
    monkeypatch.setattr(database, "obj", pw.PostgresqlDatabase("x"))
    import psycopg2

    def refuse(**params):
        attempts.append(now[0])
        raise psycopg2.OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(psycopg2, "connect", refuse)
    watcher = ChangeWatcher("postgresql://shop@127.0.0.1:1/shop", monotonic=lambda: now[0])
    for second in range(40):
        now[0] = 1000.0 + second
        assert watcher.poll() == set()
        assert not watcher.online
    # tried at 0, 1, 3, 7, 15, 30 seconds — not forty times
    assert [a - 1000 for a in attempts] == [0, 1, 3, 7, 15, 30]
