"""Noticing what other desks changed, cheaply, so open lists refresh themselves.

SQLite: ``PRAGMA data_version`` changes when another connection commits.
PostgreSQL: services ``announce(area)`` inside their transaction (NOTIFY is
delivered at commit); a separate listening connection collects the areas.
"""

from __future__ import annotations

import select

import peewee as pw

from shopdesk.models import database

CHANNEL = "shopdesk_changes"


def announce(area: str) -> None:
    """Tell other desks that ``area`` changed (at commit). No-op on SQLite."""
    if isinstance(database.obj, pw.PostgresqlDatabase):
        database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, area))


class ChangeWatcher:
    """Polled by the window (every second or so); returns the areas changed since the last poll."""

    def __init__(self, url: str):
        self.url = url
        self._listener = None
        self._last_version = None
        self.online = True

    def poll(self) -> set[str]:
        if isinstance(database.obj, pw.PostgresqlDatabase):
            return self._poll_postgres()
        return self._poll_sqlite()

    def _poll_sqlite(self) -> set[str]:
        version = database.execute_sql("PRAGMA data_version").fetchone()[0]
        changed = self._last_version is not None and version != self._last_version
        self._last_version = version
        return {"*"} if changed else set()

    def _poll_postgres(self) -> set[str]:
        import psycopg2

        from shopdesk.db import postgres_parameters

        try:
            if self._listener is None or self._listener.closed:
                self._listener = psycopg2.connect(**postgres_parameters(self.url))
                self._listener.autocommit = True
                with self._listener.cursor() as cur:
                    cur.execute(f"LISTEN {CHANNEL}")
                was_offline = not self.online
                self.online = True
                if was_offline:
                    return {"*"}
            if select.select([self._listener], [], [], 0) != ([], [], []):
                self._listener.poll()
            areas = set()
            while self._listener.notifies:
                areas.add(self._listener.notifies.pop(0).payload)
            return areas
        except psycopg2.Error:
            self.online = False
            if self._listener is not None:
                try:
                    self._listener.close()
                except psycopg2.Error:
                    pass
            self._listener = None
            return set()

    def close(self) -> None:
        if self._listener is not None and not self._listener.closed:
            self._listener.close()
