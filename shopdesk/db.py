"""The one place that opens a database.

``open_database(url)`` connects to SQLite (a file path) or PostgreSQL
(``postgresql://…``), sets the pragmas, binds every model, and brings the
schema to this program's version. Faults a shop can meet (file not openable,
a corrupt file, a newer schema, the server down or refusing) become
``DatabaseProblem`` with a message for a person; the file is never overwritten.
"""

from __future__ import annotations

import select
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import peewee as pw

from shopdesk import config
from shopdesk.errors import DatabaseProblem
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import database
from shopdesk.models import migrations

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 10_000,
    "cache_size": -32_000,  # 32 MB
}

EXIT_CANNOT_OPEN = 3
EXIT_CORRUPT = 4
EXIT_NEWER_SCHEMA = 5
EXIT_SERVER = 6


@dataclass
class Opened:
    db: pw.Database
    url: str
    created: bool = False
    upgraded_from: int | None = None
    backup_before_upgrade: Path | None = None


def open_database(url: str | None = None, *, create: bool = True) -> Opened:
    url = config.resolve_db_url(url)
    if config.is_postgres(url):
        db = _connect_postgres(url)
        before_upgrade = None
    else:
        path = config.sqlite_path(url)
        _check_sqlite_file(path, create=create)
        db = pw.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=10, lock_type="IMMEDIATE")
        before_upgrade = path
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
    except pw.OperationalError as exc:
        raise _server_problem(url, exc) from exc
    try:
        return _bring_schema_forward(db, url, before_upgrade)
    except BaseException:
        db.close()
        raise


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def _bring_schema_forward(db: pw.Database, url: str, sqlite_file: Path | None) -> Opened:
    try:
        version = migrations.stored_version(db)
    except LookupError:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("Errors", "{where} holds other tables and is not a ShopDesk database. Nothing was changed."),
            exit_code=EXIT_CANNOT_OPEN,
            where=config.display_url(url),
        )
    if version is None:
        migrations.create_schema(db)
        return Opened(db, url, created=True)
    if version > migrations.SCHEMA_VERSION:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This database was written by a newer ShopDesk (schema {found}, this program knows {known}). "
                "Update ShopDesk on this desk; the database was not changed.",
            ),
            exit_code=EXIT_NEWER_SCHEMA,
            found=version,
            known=migrations.SCHEMA_VERSION,
        )
    opened = Opened(db, url)
    if version < migrations.SCHEMA_VERSION:
        if sqlite_file is not None:
            opened.backup_before_upgrade = _copy_before_upgrade(db, sqlite_file, version)
        migrations.upgrade(db, version)
        opened.upgraded_from = version
    return opened


def _copy_before_upgrade(db: pw.SqliteDatabase, path: Path, version: int) -> Path:
    target = path.with_name(f"{path.name}.schema-v{version}.bak")
    dest = sqlite3.connect(target)
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    return target


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse, before writing a byte, a path we cannot use or a file that is not SQLite."""
    if path == config.default_db_path():
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a database file."),
            exit_code=EXIT_CANNOT_OPEN,
            path=str(path),
        )
    if not path.exists():
        if not create:
            raise DatabaseProblem(QT_TRANSLATE_NOOP("Errors", "There is no database at {path}."), exit_code=EXIT_CANNOT_OPEN, path=str(path))
        if not path.parent.is_dir():
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("Errors", "Cannot create a database at {path}: the folder {folder} does not exist."),
                exit_code=EXIT_CANNOT_OPEN,
                path=str(path),
                folder=str(path.parent),
            )
        if not _writable(path.parent):
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("Errors", "Cannot create a database at {path}: the folder is not writable."),
                exit_code=EXIT_CANNOT_OPEN,
                path=str(path),
            )
        return
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} is damaged or is not a ShopDesk database ({detail}). It was not changed; restore a backup.",
                ),
                exit_code=EXIT_CORRUPT,
                path=str(path),
                detail=str(exc),
            ) from exc
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("Errors", "Cannot open {path}: {detail}"),
            exit_code=EXIT_CANNOT_OPEN,
            path=str(path),
            detail=str(exc),
        ) from exc
    if not _writable(path) or not _writable(path.parent):
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("Errors", "Cannot write to {path}: check the file's permissions."),
            exit_code=EXIT_CANNOT_OPEN,
            path=str(path),
        )


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK)


def postgres_parameters(url: str) -> dict:
    parts = urlsplit(url)
    params = {"database": unquote(parts.path.lstrip("/")) or "shopdesk"}
    if parts.hostname:
        params["host"] = parts.hostname
    if parts.port:
        params["port"] = parts.port
    if parts.username:
        params["user"] = unquote(parts.username)
    if parts.password:
        params["password"] = unquote(parts.password)
    for pair in filter(None, parts.query.split("&")):
        key, _, value = pair.partition("=")
        params[key] = unquote(value)
    params.setdefault("connect_timeout", 5)
    # A dropped network is noticed in seconds instead of TCP's quarter of an hour.
    params.setdefault("keepalives_idle", 10)
    params.setdefault("keepalives_interval", 3)
    params.setdefault("keepalives_count", 3)
    params.setdefault("tcp_user_timeout", 15_000)
    return params


def _connect_postgres(url: str) -> pw.PostgresqlDatabase:
    return ReconnectingPostgresqlDatabase(where=config.display_url(url), **postgres_parameters(url))


class ReconnectingPostgresqlDatabase(pw.PostgresqlDatabase):
    """PostgreSQL that survives a server restart or a network drop.

    peewee keeps a dead connection and fails every later query ("connection
    already closed"). Here a dead connection is dropped and a new one opened,
    but only between transactions: a transaction cut in the middle fails (the
    server has rolled it back, so nothing is half-written). Losing the server
    raises ``DatabaseProblem``, a message for the person, not a traceback.
    """

    def __init__(self, *args, where: str = "", **kwargs):
        self.where = where
        super().__init__(*args, **kwargs)

    def cursor(self, named_cursor=None):
        if not self.is_closed() and not _alive(self._state.conn):
            if self.in_transaction():
                raise self._lost()
            self._forget_connection()
        if self.is_closed():
            try:
                self.connect()
            except pw.OperationalError as exc:
                raise _server_problem(self.where, exc) from exc
        return super().cursor(named_cursor)

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except (pw.OperationalError, pw.InterfaceError) as exc:
            if self._connection_lost():
                raise self._lost() from exc
            raise

    def begin(self, isolation_level=None):
        try:
            super().begin(isolation_level)
        except (pw.OperationalError, pw.InterfaceError) as exc:
            if self._connection_lost():
                raise self._lost() from exc
            raise

    def commit(self):
        try:
            super().commit()
        except (pw.OperationalError, pw.InterfaceError) as exc:
            if self._connection_lost():
                raise DatabaseProblem(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The connection to the shop server ({where}) broke while saving: the save may not have "
                        "been stored. Check once the server is back.",
                    ),
                    exit_code=EXIT_SERVER, where=self.where,
                ) from exc
            raise

    def rollback(self):
        if self._connection_lost():  # the server rolled the transaction back when the connection dropped
            self._forget_connection()
            return
        super().rollback()

    def _connection_lost(self) -> bool:
        return not self.is_closed() and bool(self._state.conn.closed)

    def _forget_connection(self) -> None:
        try:
            self._state.conn.close()
        except Exception:  # noqa: BLE001 - it is already broken; we only let go of it
            pass
        self._state.reset()

    def _lost(self) -> DatabaseProblem:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Lost the connection to the shop server ({where}); nothing was saved. "
                "ShopDesk reconnects by itself: try again in a moment.",
            ),
            exit_code=EXIT_SERVER, where=self.where,
        )


def _alive(conn) -> bool:
    """False when the server has gone. An idle connection has nothing to read unless
    the server said goodbye ("terminating connection …") and closed it, or sent a
    notice: ``poll`` consumes those and raises once it meets the closed socket."""
    import psycopg2

    try:
        for _ in range(3):
            if conn.closed or not select.select([conn], [], [], 0)[0]:
                break
            conn.poll()
    except (psycopg2.Error, OSError, ValueError):
        return False
    return not conn.closed


def _server_problem(url: str, exc: Exception) -> DatabaseProblem:
    text = str(exc)
    low = text.lower()
    where = config.display_url(url)
    if "password authentication failed" in low or "no password supplied" in low:
        msg = QT_TRANSLATE_NOOP("Errors", "The shop server refused the user name or password ({where}).")
    elif "does not exist" in low and "database" in low:
        msg = QT_TRANSLATE_NOOP("Errors", "The shop server has no such database ({where}).")
    elif "could not connect" in low or "connection refused" in low or "timeout" in low or "could not translate host" in low:
        msg = QT_TRANSLATE_NOOP("Errors", "Cannot reach the shop server ({where}): is it on and on the network?")
    else:
        msg = QT_TRANSLATE_NOOP("Errors", "Cannot open the database {where}: {detail}")
    return DatabaseProblem(msg, exit_code=EXIT_SERVER, where=where, detail=text.strip())


