"""Noticing what other desks changed, cheaply, so open lists refresh themselves.

SQLite: ``PRAGMA data_version`` changes when another connection commits.
PostgreSQL: services ``announce(area)`` inside their transaction (NOTIFY is
delivered at commit); a separate listening connection collects the areas.
"""

from __future__ import annotations

import select
import time

import peewee as pw

from shopdesk.models import database

CHANNEL = "shopdesk_changes"


def announce(area: str) -> None:
    """Tell other desks that ``area`` changed (at commit). No-op on SQLite."""
    if isinstance(database.obj, pw.PostgresqlDatabase):
        database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, area))


class ChangeWatcher:
    """Polled by the window (every second or so); returns the areas changed since the last poll."""

    # After a failed reconnect, wait this long (seconds, doubling up to the last)
    # before trying again: a dropped network must not freeze the window every second.
    RETRY_AFTER = (1, 2, 4, 8, 15, 30)

    def __init__(self, url: str, monotonic=time.monotonic):
        self.url = url
        self._listener = None
        self._last_version = None
        self.online = True
        self._monotonic = monotonic
        self._failures = 0
        self._next_try = 0.0

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

        if self._listener is None and self._monotonic() < self._next_try:
            return set()
        try:
            if self._listener is None or self._listener.closed:
                params = dict(postgres_parameters(self.url), connect_timeout=2)
                self._listener = psycopg2.connect(**params)
                self._listener.autocommit = True
                with self._listener.cursor() as cur:
                    cur.execute(f"LISTEN {CHANNEL}")
                was_offline = not self.online
                self.online, self._failures = True, 0
                if was_offline:
                    return {"*"}
            while select.select([self._listener], [], [], 0) != ([], [], []):
                self._listener.poll()  # raises at once when the server said goodbye
                if not self._listener.notifies:
                    break
            areas = set()
            while self._listener.notifies:
                areas.add(self._listener.notifies.pop(0).payload)
            return areas
        except psycopg2.Error:
            self.online = False
            self._next_try = self._monotonic() + self.RETRY_AFTER[min(self._failures, len(self.RETRY_AFTER) - 1)]
            self._failures += 1
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
