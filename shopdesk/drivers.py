"""Database drivers, imported when a database needs one.

When peewee is imported it tries every driver it knows (psycopg2, psycopg,
pymysql, MySQLdb). A desk on its own SQLite file needs none of them, and
psycopg2 alone (it brings ssl and socket along) is about 15 ms of the window's
launch. So ``shopdesk/__init__.py`` imports peewee with those drivers hidden,
and gives ``PostgresqlDatabase`` an adapter that imports psycopg2 when a
database is made — through peewee's own seam for it, the
``PostgresqlDatabase.psycopg2_adapter`` class attribute.
"""

from __future__ import annotations

import sys

DRIVERS = ("psycopg2", "psycopg", "pymysql", "MySQLdb", "psycopg2cffi")


def import_peewee_without_drivers() -> None:
    if "peewee" in sys.modules:
        return  # imported before ShopDesk: it has found its drivers already
    hidden = [name for name in DRIVERS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import name" raises ImportError
    try:
        import peewee
    finally:
        for name in hidden:
            del sys.modules[name]
    peewee.PostgresqlDatabase.psycopg2_adapter = _psycopg2_on_demand(peewee)


def _psycopg2_on_demand(pw):
    class Psycopg2OnDemand(pw.Psycopg2Adapter):
        """peewee's psycopg2 adapter, with the setup peewee makes when it finds
        psycopg2 at import (UUIDs, the transaction states, JSON) made here."""

        def __init__(self):
            import psycopg2
            from psycopg2 import extensions, extras

            extras.register_uuid()
            super().__init__()
            self.driver, self.extensions = psycopg2, extensions
            self.txn_idle = extensions.TRANSACTION_STATUS_IDLE
            self.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
            self.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
            self.json_type = self.jsonb_type = extras.Json

        def check_driver(self):
            pass  # imported above, or the ImportError said it is missing

        def get_binary_type(self):
            return self.driver.Binary

        def connect(self, db, **params):
            if db.database.startswith("postgresql://"):
                params.setdefault("dsn", db.database)
            else:
                params.setdefault("dbname", db.database)
            conn = self.driver.connect(**params)
            if db._register_unicode:
                self.extensions.register_type(self.extensions.UNICODE, conn)
                self.extensions.register_type(self.extensions.UNICODEARRAY, conn)
            if db._encoding:
                conn.set_client_encoding(db._encoding)
            return conn

    return Psycopg2OnDemand
