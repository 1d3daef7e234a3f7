"""Timing helpers: medians, and the "same SQL in the plain driver" floor.

``capture_sql(fn)`` records every statement the service ran (through peewee's
``execute_sql``); ``replay(statements)`` runs exactly those statements on a
plain driver connection (sqlite3 or psycopg2), fetching every row. The ratio
figure / floor shows what ShopDesk adds over the database itself.
"""

from __future__ import annotations

import gc
import sqlite3
import statistics
import time
from contextlib import contextmanager
from typing import Callable

import peewee as pw

from shopdesk.models import database


def median_ms(fn: Callable[[], object], repeat: int = 15, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
    finally:
        if gc_was:
            gc.enable()
    return statistics.median(times)


@contextmanager
def _recording(into: list):
    db = database.obj
    original = db.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        into.append((sql, tuple(params or ())))
        return original(sql, params, *args, **kwargs)

    db.execute_sql = execute_sql
    try:
        yield
    finally:
        db.execute_sql = original


def capture_sql(fn: Callable[[], object]) -> list[tuple[str, tuple]]:
    statements: list[tuple[str, tuple]] = []
    with _recording(statements):
        fn()
    return [s for s in statements if s[0].lstrip().upper().startswith(("SELECT", "WITH", "PRAGMA"))]


class PlainDriver:
    """A connection of the plain driver to the same database."""

    def __init__(self, url: str):
        from shopdesk import config

        if config.is_postgres(url):
            import psycopg2

            from shopdesk.db import postgres_parameters

            params = postgres_parameters(url)
            params.pop("connect_timeout", None)
            params["dbname"] = params.pop("database")
            self.conn = psycopg2.connect(**params)
            self.conn.autocommit = True
        else:
            self.conn = sqlite3.connect(str(config.sqlite_path(url)))
            self.conn.execute("PRAGMA cache_size=-32000")

    def run(self, statements: list[tuple[str, tuple]]) -> None:
        cur = self.conn.cursor()
        for sql, params in statements:
            cur.execute(sql, params)
            cur.fetchall()

    def close(self) -> None:
        self.conn.close()


def is_postgres() -> bool:
    return isinstance(database.obj, pw.PostgresqlDatabase)
