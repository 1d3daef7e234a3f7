"""Backups, restores and the start-up check: a shop never loses its records.

SQLite: a backup is a copy taken with SQLite's online backup API from a
separate read-only connection, in one step, so it is one consistent snapshot
while other connections keep writing. The copy is made a single self-contained
file (``journal_mode=DELETE``), checked with ``PRAGMA integrity_check`` and only
then given its final name ``shopdesk-YYYYMMDD-HHMMSS.sqlite3`` (the shop's local
time), with its checksum and record counts beside it in ``<name>.json``.
PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore``.

A restore never overwrites the current database: the backup is checked, the
current file is moved aside to ``<name>.before-restore-YYYYMMDD-HHMMSS``, and
the backup is copied in. A damaged database is only ever opened read-only.

Nothing here uses the models' database proxy: each function opens its own
connection, so it works before the program has opened the database, from a
background thread, and on a damaged file.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from shopdesk import config
from shopdesk.clock import Clock, to_local
from shopdesk.db import EXIT_CANNOT_OPEN, EXIT_CORRUPT, EXIT_NEWER_SCHEMA, EXIT_SERVER, postgres_parameters
from shopdesk.errors import DatabaseProblem, ShopDeskError
from shopdesk.i18n import QT_TRANSLATE_NOOP, Text
from shopdesk.models import Customer, LedgerEntry, RepairOrder, SchemaVersion, ShopSettings
from shopdesk.models.migrations import SCHEMA_VERSION
from shopdesk.services.context import Actor

SQLITE_SUFFIX = ".sqlite3"
POSTGRES_SUFFIX = ".pgdump"
# Beside every backup: its SHA-256, size, schema version and record counts. The checksum
# catches what integrity_check cannot (a flipped byte inside a stored text is still a
# well-formed database); the counts let the list show a dump without restoring it.
FACTS_SUFFIX = ".json"
BACKUP_NAME = re.compile(r"^shopdesk-(\d{8})-(\d{6})(?:-(\d+))?(\.sqlite3|\.pgdump)$")
DEFAULT_TIMEZONE = "Asia/Shanghai"

# A database up to this size gets the full quick_check before the window opens;
# a bigger one a fast check (every table's first and last rows, a few ms) and the
# full check in the background. Measured with warm caches: 64 MB (43k orders)
# 275 ms, 1.5 GB (1M orders) 4-7 s; so 48 MB stays near 200 ms.
SYNC_CHECK_LIMIT_BYTES = 48 * 1024 * 1024

_COUNTED = (
    ("customers", Customer._meta.table_name),
    ("orders", RepairOrder._meta.table_name),
    ("ledger_entries", LedgerEntry._meta.table_name),
)


class BackupProblem(DatabaseProblem):
    """A backup or restore that cannot be done; nothing was changed."""


@dataclass(frozen=True)
class Counts:
    customers: int
    orders: int
    ledger_entries: int


@dataclass
class BackupResult:
    ok: bool
    path: Path | None  # None when the copy failed its check and was not kept
    size: int
    counts: Counts | None
    message: Text
    taken_at: dt.datetime | None = None  # the shop's local time
    seconds: float = 0.0
    removed: list[Path] = field(default_factory=list)  # old backups rotated away


@dataclass
class BackupInfo:
    path: Path
    taken_at: dt.datetime | None  # local time, from the file name
    size: int
    counts: Counts | None = None
    error: str | None = None  # why the counts could not be read
    schema_version: int | None = None

    @property
    def is_postgres(self) -> bool:
        return self.path.suffix == POSTGRES_SUFFIX


@dataclass
class RestoreResult:
    url: str  # the database to reopen
    restored_from: Path
    kept_aside: Path | None  # the previous database (SQLite file or PostgreSQL dump)
    counts: Counts | None
    taken_at: dt.datetime | None


@dataclass
class CheckResult:
    ok: bool
    problem: str  # SQLite's own words, "" when ok
    seconds: float
    thorough: bool = True  # False: only the fast check ran


@dataclass(frozen=True)
class _Settings:
    folder: str = ""
    keep_daily: int = 7
    keep_monthly: int = 12
    timezone: str = DEFAULT_TIMEZONE


# -- SQLite backups -------------------------------------------------------------


def backup_sqlite(db_path: str | Path, dest_path: str | Path) -> BackupResult:
    """Copy ``db_path`` to ``dest_path`` (never overwriting a file) and check the copy."""
    source, dest = Path(db_path), Path(dest_path)
    if not source.is_file():
        raise BackupProblem(QT_TRANSLATE_NOOP("Errors", "There is no database at {path}."), path=str(source))
    if dest.exists():
        raise BackupProblem(
            QT_TRANSLATE_NOOP("Errors", "{path} already exists: a backup never overwrites a file."), path=str(dest)
        )
    if not dest.parent.is_dir():
        raise _folder_missing(dest.parent)
    started = time.perf_counter()
    partial = dest.with_name(f".{dest.name}.partial")
    try:
        _copy_sqlite(source, partial)
        with closing(_open_read_only(partial)) as conn:
            problems = _integrity_problems(conn, "integrity_check")
            counts = None if problems else _counts(conn)
        if not problems:
            _fsync(partial)
            version = _schema_version_of(partial)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupProblem(
            QT_TRANSLATE_NOOP("Errors", "Cannot back up {path}: {detail}"), path=str(source), detail=str(exc)
        ) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupProblem(
            QT_TRANSLATE_NOOP("Errors", "Cannot write the backup {path}: {detail}"), path=str(dest), detail=exc.strerror or str(exc)
        ) from exc
    seconds = time.perf_counter() - started
    if problems:
        partial.unlink(missing_ok=True)
        return BackupResult(False, None, 0, None, _failed_check_message(problems), seconds=seconds)
    partial.rename(dest)
    _write_facts(dest, counts, version)
    _fsync_dir(dest.parent)
    message = Text("Backup", QT_TRANSLATE_NOOP("Backup", "Written and checked (integrity check: ok)."))
    return BackupResult(True, dest, dest.stat().st_size, counts, message, seconds=seconds)


def _copy_sqlite(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)  # a leftover of an interrupted backup (ours: a hidden .partial name)
    with closing(_open_read_only(source)) as src, closing(sqlite3.connect(target)) as dst:
        # pages=-1: the whole database in one step, inside one read transaction,
        # so the copy is one snapshot; in WAL mode writers are not held up.
        src.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it


def _schema_version_of(path: Path) -> int | None:
    with closing(_open_read_only(path)) as conn:
        return _schema_version(conn)


def _failed_check_message(problems: list[str]) -> Text:
    return Text(
        "Backup",
        QT_TRANSLATE_NOOP(
            "Backup",
            "The copy failed its integrity check ({detail}) and was not kept. The database itself may be damaged: "
            "keep the older backups and ask for help before restoring one.",
        ),
        detail="; ".join(problems[:3]),
    )


# -- making backups into the backup folder ----------------------------------------


def make_backup(actor: Actor | None, url: str | None, folder: str | Path | None = None,
                now: dt.datetime | None = None) -> BackupResult:
    """Back up the shop's database into ``folder`` (default: the configured backup folder).

    Anyone signed in may back up; ``actor`` None is the program itself (the daily
    backup). Backing up into the configured folder also rotates old backups
    away (Settings: how many daily and monthly backups to keep).
    """
    url = config.resolve_db_url(url)
    settings = _shop_settings(url)
    now = now or (actor.clock.now() if actor else Clock().now())
    if folder is not None:
        target = Path(folder)
        _ensure_folder(target, may_create_parents=False)
        return _backup_into(url, target, settings, now, rotate_after=False)
    return _backup_into(url, _prepared_folder(settings), settings, now, rotate_after=True)


def daily_backup_if_due(url: str | None, now: dt.datetime | None = None) -> BackupResult | None:
    """The first launch of each local day backs up; None when today's backup exists.

    If the configured folder is not there (a USB disk left at home), the backup
    goes to the default folder instead and the message says so.
    """
    url = config.resolve_db_url(url)
    if not config.is_postgres(url) and not config.sqlite_path(url).is_file():
        return None
    settings = _shop_settings(url)
    now = now or Clock().now()
    today = to_local(now, settings.timezone).date()
    fallback_from = None
    try:
        target = _prepared_folder(settings)
    except BackupProblem:
        if not settings.folder:
            raise
        fallback_from, target = backup_folder_of(settings), default_backup_folder()
        _ensure_folder(target, may_create_parents=True)
    if any(taken.date() == today for _, taken in _named_backups(target)):
        return None
    result = _backup_into(url, target, settings, now, rotate_after=True)
    if fallback_from is not None and result.ok:
        result.message = Text(
            "Backup",
            QT_TRANSLATE_NOOP("Backup", "The backup folder {folder} was not available, so today's backup went to {used}."),
            folder=str(fallback_from),
            used=str(target),
        )
    return result


def _backup_into(url: str, folder: Path, settings: _Settings, now: dt.datetime, rotate_after: bool) -> BackupResult:
    local = to_local(now, settings.timezone)
    suffix = POSTGRES_SUFFIX if config.is_postgres(url) else SQLITE_SUFFIX
    dest = _free_backup_name(folder, local, suffix)
    if config.is_postgres(url):
        result = backup_postgres(url, dest)
    else:
        result = backup_sqlite(config.sqlite_path(url), dest)
    result.taken_at = local
    if result.ok and rotate_after:
        result.removed = rotate(folder, settings.keep_daily, settings.keep_monthly)
    return result


def _free_backup_name(folder: Path, local: dt.datetime, suffix: str) -> Path:
    stem = f"shopdesk-{local:%Y%m%d-%H%M%S}"
    candidate, serial = folder / f"{stem}{suffix}", 1
    while candidate.exists():
        serial += 1
        candidate = folder / f"{stem}-{serial}{suffix}"
    return candidate


def default_backup_folder() -> Path:
    return config.data_dir() / "backups"


def backup_folder_of(settings: _Settings) -> Path:
    return Path(settings.folder).expanduser() if settings.folder.strip() else default_backup_folder()


def backup_folder(url: str | None) -> Path:
    """Where this database's backups go (Settings, else the data folder's "backups")."""
    return backup_folder_of(_shop_settings(config.resolve_db_url(url)))


def backup_folders(url: str | None) -> list[Path]:
    """Every folder this database's backups may be in: the configured one and the
    default one (where the daily backup goes when the configured one is missing)."""
    configured = backup_folder(url)
    return list(dict.fromkeys([configured, default_backup_folder()]))


def _prepared_folder(settings: _Settings) -> Path:
    """The backup folder, made if need be; the default one with its parents, a
    configured one only if its parent is there (a USB disk that is not plugged in
    must not become a folder on the system disk)."""
    folder = backup_folder_of(settings)
    _ensure_folder(folder, may_create_parents=not settings.folder.strip())
    return folder


def _ensure_folder(folder: Path, may_create_parents: bool) -> None:
    """Make the folder if its parent is there; never build a path onto a missing drive."""
    if not folder.is_dir():
        if folder.exists() or not (may_create_parents or folder.parent.is_dir()):
            raise _folder_missing(folder)
        try:
            folder.mkdir(parents=may_create_parents, exist_ok=True)
        except OSError as exc:
            raise _folder_missing(folder) from exc
    if not os.access(folder, os.W_OK):
        raise BackupProblem(
            QT_TRANSLATE_NOOP("Errors", "Cannot write to the backup folder {folder}: check its permissions."), folder=str(folder)
        )


def _folder_missing(folder: Path) -> BackupProblem:
    return BackupProblem(
        QT_TRANSLATE_NOOP("Errors", "The backup folder {folder} is not available. Is the USB disk or network drive connected?"),
        folder=str(folder),
    )


# -- rotation and listing ---------------------------------------------------------


def rotate(folder: str | Path, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Keep the newest backup of each of the last ``keep_daily`` days that have one and
    of each of the last ``keep_monthly`` months; delete the other ShopDesk backups.

    Only files named like ShopDesk's backups are considered; anything else in the
    folder is never touched. At least the newest backup is always kept.
    """
    backups = _named_backups(Path(folder))
    keep = _newest_per(backups, lambda taken: taken.date(), max(1, keep_daily))
    keep |= _newest_per(backups, lambda taken: (taken.year, taken.month), max(0, keep_monthly))
    removed = []
    for path, _ in backups:
        if path in keep:
            continue
        try:
            path.unlink()
        except OSError:
            continue  # read-only media or locked: try again next time
        _facts_path(path).unlink(missing_ok=True)
        removed.append(path)
    return removed


def _newest_per(backups: list[tuple[Path, dt.datetime]], period, limit: int) -> set[Path]:
    """The newest backup of each of the ``limit`` newest periods; a backup ShopDesk wrote
    and checked (it has its facts file) is preferred over a newer stray file of that name."""
    periods: dict[object, list[Path]] = {}
    for path, taken in backups:  # newest first, so the periods come newest first too
        periods.setdefault(period(taken), []).append(path)
    kept = set()
    for paths in list(periods.values())[:limit]:
        checked = [path for path in paths if _facts_path(path).exists()]
        kept.add((checked or paths)[0])
    return kept


def _named_backups(folder: Path) -> list[tuple[Path, dt.datetime]]:
    """ShopDesk's backup files in ``folder``, newest first."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        taken, serial = _taken_at(path.name)
        if taken is not None and path.is_file():
            found.append((taken, serial, path))
    found.sort(key=lambda item: (item[0], item[1], item[2].name), reverse=True)
    return [(path, taken) for taken, _, path in found]


def _taken_at(name: str) -> tuple[dt.datetime | None, int]:
    match = BACKUP_NAME.match(name)
    if not match:
        return None, 0
    try:
        taken = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None, 0
    return taken, int(match.group(3) or 1)


def list_backups(folder: str | Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first, with their record counts (read read-only)."""
    return [inspect_backup(path) for path, _ in _named_backups(Path(folder))]


def inspect_backup(path: str | Path) -> BackupInfo:
    """Date, size and record counts of one backup file, without checking it fully."""
    path = Path(path)
    taken, _ = _taken_at(path.name)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return BackupInfo(path, taken, 0, error=exc.strerror or str(exc))
    info = BackupInfo(path, taken, size)
    facts = _read_facts(path)
    if facts is not None and facts.get("size") == size:  # quick: no need to open a big file
        info.counts, info.schema_version = facts["counts"], facts.get("schema_version")
        return info
    if path.suffix == POSTGRES_SUFFIX:
        return info
    try:
        with closing(_open_read_only(path)) as conn:
            info.schema_version = _schema_version(conn)
            info.counts = _counts(conn)
    except sqlite3.Error as exc:
        info.error = str(exc)
    return info


def latest_good_backup(folders: list[Path]) -> BackupInfo | None:
    """The newest backup in any of ``folders`` that passes the full check."""
    candidates = []
    for folder in dict.fromkeys(folders):
        candidates += [(taken, path) for path, taken in _named_backups(folder) if path.suffix == SQLITE_SUFFIX]
    for _, path in sorted(candidates, reverse=True):
        try:
            return verify_backup(path)
        except ShopDeskError:
            continue
    return None


# -- checking -----------------------------------------------------------------------


def verify_backup(path: str | Path) -> BackupInfo:
    """Check a backup before restoring it: intact, a ShopDesk database, a schema
    this program can open. Raises ``BackupProblem`` otherwise."""
    path = Path(path)
    if path.suffix == POSTGRES_SUFFIX:
        return verify_postgres_dump(path)
    if not path.is_file():
        raise BackupProblem(QT_TRANSLATE_NOOP("Errors", "There is no backup at {path}."), path=str(path))
    info = inspect_backup(path)
    _check_checksum(path)
    try:
        with closing(_open_read_only(path)) as conn:
            problems = _integrity_problems(conn, "integrity_check")
            if problems:
                raise _damaged_backup(path, "; ".join(problems[:3]))
            version = _schema_version(conn)
            counts = _counts(conn) if version is not None else None
    except sqlite3.DatabaseError as exc:
        raise _damaged_backup(path, str(exc)) from exc
    _check_version(path, version)
    info.schema_version, info.counts, info.error = version, counts, None
    return info


def _check_checksum(path: Path) -> None:
    """Refuse a backup whose bytes changed since it was written (when its facts file says)."""
    facts = _read_facts(path)
    if not facts or not facts.get("sha256"):
        return  # a backup from elsewhere: integrity_check is all we have
    if _sha256(path) != facts["sha256"]:
        raise _damaged_backup(path, "its checksum no longer matches: the file changed after it was written")


def _damaged_backup(path: Path, detail: str) -> BackupProblem:
    return BackupProblem(
        QT_TRANSLATE_NOOP("Errors", "The backup {path} is damaged ({detail}). Nothing was changed; choose another backup."),
        exit_code=EXIT_CORRUPT,
        path=str(path),
        detail=detail,
    )


def _check_version(path: Path, version: int | None) -> None:
    if version is None:
        raise BackupProblem(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a ShopDesk backup. Nothing was changed."), path=str(path)
        )
    if version > SCHEMA_VERSION:
        raise BackupProblem(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The backup {path} was written by a newer ShopDesk (schema {found}, this program knows {known}). "
                "Update ShopDesk first; nothing was changed.",
            ),
            exit_code=EXIT_NEWER_SCHEMA,
            path=str(path),
            found=version,
            known=SCHEMA_VERSION,
        )


def quick_check(db_path: str | Path) -> CheckResult:
    """``PRAGMA quick_check(1)`` on a read-only connection: every page and row, not the
    indexes' contents. About 4-5 ms per MB (4-7 s for 1M orders, 1.5 GB)."""
    return _check_read_only(Path(db_path), lambda conn: _integrity_problems(conn, "quick_check"), thorough=True)


def fast_check(db_path: str | Path) -> CheckResult:
    """A check of milliseconds at any size: the schema, and the first and last rows
    of every table (a truncated or zeroed file fails it)."""
    return _check_read_only(Path(db_path), _first_and_last_rows, thorough=False)


def startup_check_of(db_path: str | Path) -> CheckResult:
    """What to run before the window opens: the full quick check for a database up
    to ``SYNC_CHECK_LIMIT_BYTES``, the fast check for a bigger one."""
    path = Path(db_path)
    if _total_size(path) <= SYNC_CHECK_LIMIT_BYTES:
        return quick_check(path)
    return fast_check(path)


def needs_background_check(db_path: str | Path) -> bool:
    """True when the start-up check was only the fast one: run ``quick_check`` later."""
    path = Path(db_path)
    return path.is_file() and _total_size(path) > SYNC_CHECK_LIMIT_BYTES


def _total_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _check_read_only(path: Path, run, thorough: bool) -> CheckResult:
    if not path.is_file():
        raise BackupProblem(QT_TRANSLATE_NOOP("Errors", "There is no database at {path}."), path=str(path))
    started = time.perf_counter()
    try:
        with closing(_open_read_only(path)) as conn:
            problems = run(conn)
    except sqlite3.DatabaseError as exc:
        if not _is_damage(exc):
            raise BackupProblem(
                QT_TRANSLATE_NOOP("Errors", "Cannot check {path}: {detail}"), path=str(path), detail=str(exc)
            ) from exc
        problems = [str(exc)]
    return CheckResult(not problems, "; ".join(problems[:3]), time.perf_counter() - started, thorough)


def _first_and_last_rows(conn: sqlite3.Connection) -> list[str]:
    tables = [(name, sql.upper()) for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
              if sql and sql.upper().startswith("CREATE TABLE")]
    for name, sql in tables:
        quoted = '"' + name.replace('"', '""') + '"'
        conn.execute(f"SELECT * FROM {quoted} LIMIT 1").fetchall()
        if "WITHOUT ROWID" not in sql:
            conn.execute(f"SELECT * FROM {quoted} ORDER BY rowid DESC LIMIT 1").fetchall()
    return []


_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image", "i/o error")


def _is_damage(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(word in text for word in _DAMAGE_WORDS)


# -- restoring -------------------------------------------------------------------------


def restore_backup(actor: Actor, backup_path: str | Path, url: str | None,
                   verified: BackupInfo | None = None) -> RestoreResult:
    """The owner puts a backup back in place of the shop's database (SQLite or PostgreSQL).

    ``verified``: the result of ``verify_backup`` run just before (in the background), so
    the slow check is not run twice. The caller closes its own connections first and
    reopens the database on the returned URL.
    """
    actor.require("backup.restore")
    url = config.resolve_db_url(url)
    backup = Path(backup_path)
    if config.is_postgres(url) != (backup.suffix == POSTGRES_SUFFIX):
        raise BackupProblem(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is a backup of the other kind of database (SQLite file or PostgreSQL dump) and cannot be restored here.",
            ),
            path=str(backup),
        )
    now = actor.clock.now()
    if config.is_postgres(url):
        return restore_postgres(url, backup, keep_aside_in=_prepared_folder(_shop_settings(url)), now=now, verified=verified)
    return restore(backup, config.sqlite_path(url), now=now, verified=verified)


def restore(backup_path: str | Path, db_path: str | Path, *, now: dt.datetime | None = None,
            settle: bool = True, verified: BackupInfo | None = None) -> RestoreResult:
    """Put an SQLite backup in place of ``db_path``; the current file is kept aside.

    The backup is checked first; a damaged one raises ``BackupProblem`` with nothing
    changed. ``settle``: first fold the current database's -wal into it and make sure no
    other program has it open (skipped for a damaged database, which is never written:
    its files are moved aside exactly as they are).
    """
    backup, target = Path(backup_path), Path(db_path)
    info = verified if _still_same(verified, backup) else verify_backup(backup)
    if target.exists() and backup.resolve() == target.resolve():
        raise BackupProblem(QT_TRANSLATE_NOOP("Errors", "{path} is the database itself, not a backup of it."), path=str(backup))
    stamp = to_local(now or Clock().now(), _shop_settings(str(backup)).timezone)
    staging = target.with_name(f".{target.name}.restoring")
    try:
        _copy_file(backup, staging)
    except OSError as exc:
        staging.unlink(missing_ok=True)
        raise BackupProblem(
            QT_TRANSLATE_NOOP("Errors", "Cannot copy the backup next to {path}: {detail}. Nothing was changed."),
            path=str(target), detail=exc.strerror or str(exc),
        ) from exc
    try:
        if settle and target.exists():
            _settle(target)
        aside = _move_aside(target, stamp) if target.exists() else None
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    try:
        staging.rename(target)
    except OSError as exc:
        if aside is not None:
            _move_back(aside, target)
        raise BackupProblem(
            QT_TRANSLATE_NOOP("Errors", "Cannot put the backup in place of {path}: {detail}. Nothing was changed."),
            path=str(target), detail=exc.strerror or str(exc),
        ) from exc
    _fsync_dir(target.parent)
    return RestoreResult(str(target), backup, aside, info.counts, info.taken_at)


def _still_same(verified: BackupInfo | None, backup: Path) -> bool:
    if verified is None or verified.path != backup:
        return False
    try:
        return backup.stat().st_size == verified.size
    except OSError:
        return False


def _settle(path: Path) -> None:
    """Fold the -wal into the file and prove nobody else has it open.

    Leaving WAL mode needs the only connection to the file: if another ShopDesk
    window (or any program) has it open, SQLite says "locked" and we refuse, so
    the file is never moved from under an open connection.
    """
    try:
        with closing(sqlite3.connect(path, timeout=2)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE").fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupProblem(
                QT_TRANSLATE_NOOP(
                    "Errors", "{path} is open in another ShopDesk window or program. Close it there and try again; nothing was changed."
                ),
                path=str(path),
            ) from exc
        raise BackupProblem(
            QT_TRANSLATE_NOOP("Errors", "Cannot prepare {path} for the restore: {detail}. Nothing was changed."),
            path=str(path), detail=str(exc),
        ) from exc


def _move_aside(target: Path, stamp: dt.datetime) -> Path:
    base = f"{target.name}.before-restore-{stamp:%Y%m%d-%H%M%S}"
    aside, serial = target.with_name(base), 1
    while aside.exists():
        serial += 1
        aside = target.with_name(f"{base}-{serial}")
    target.rename(aside)
    for extra in ("-wal", "-shm", "-journal"):  # they belong to the file they sit beside
        companion = Path(f"{target}{extra}")
        if companion.exists():
            companion.rename(f"{aside}{extra}")
    return aside


def _move_back(aside: Path, target: Path) -> None:
    for extra in ("-wal", "-shm", "-journal"):
        companion = Path(f"{aside}{extra}")
        if companion.exists():
            companion.rename(f"{target}{extra}")
    aside.rename(target)


def _copy_file(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)  # a leftover of an interrupted restore (ours: a hidden .restoring name)
    shutil.copyfile(source, target)
    _fsync(target)
    if target.stat().st_size != source.stat().st_size:
        raise OSError(0, "the copy is incomplete")


# -- PostgreSQL ---------------------------------------------------------------------------


def pg_tool(name: str) -> str | None:
    """A PostgreSQL program: on the PATH first, then where the usual installers put it
    (Debian/Ubuntu /usr/lib/postgresql/*/bin, RHEL /usr/pgsql-*/bin, Windows'
    Program Files), the newest version first."""
    found = shutil.which(name)
    if found:
        return found
    patterns = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "C:/Program Files/PostgreSQL/*/bin")
    folders = [folder for pattern in patterns for folder in glob.glob(pattern)]
    folders.sort(key=_version_key, reverse=True)
    for folder in folders:
        found = shutil.which(name, path=folder)
        if found:
            return found
    return None


def _version_key(folder: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", folder))


def _require_tool(name: str) -> str:
    found = pg_tool(name)
    if found is None:
        raise BackupProblem(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{tool} was not found. Install the PostgreSQL client programs on this computer "
                "(Debian/Ubuntu: apt install postgresql-client) or put {tool} on the PATH.",
            ),
            exit_code=EXIT_CANNOT_OPEN,
            tool=name,
        )
    return found


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A conninfo string for ``--dbname`` (no password: that goes in the environment,
    never on a command line other users can see) and the environment."""
    params = postgres_parameters(url)
    env = dict(os.environ)
    password = params.pop("password", None)
    if password is not None:
        env["PGPASSWORD"] = str(password)
    params["dbname"] = params.pop("database")
    conninfo = " ".join(f"{key}={_conninfo_value(value)}" for key, value in params.items())
    return conninfo, env


def _conninfo_value(value) -> str:
    text = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, capture_output=True, text=True, errors="replace")


def _tool_failed(tool: str, url: str, done: subprocess.CompletedProcess) -> BackupProblem:
    detail = (done.stderr or done.stdout).strip().splitlines()
    return BackupProblem(
        QT_TRANSLATE_NOOP("Errors", "{tool} failed for {where}: {detail}. Nothing was changed."),
        exit_code=EXIT_SERVER,
        tool=tool,
        where=config.display_url(url),
        detail=" / ".join(detail[-3:]) or f"exit status {done.returncode}",
    )


def backup_postgres(url: str, dest: str | Path) -> BackupResult:
    """``pg_dump --format=custom`` into ``dest``, then read back whole with pg_restore.

    The record counts are taken in the very snapshot pg_dump dumps (an exported
    snapshot), and kept beside the dump in a small .json file.
    """
    dest = Path(dest)
    pg_dump, pg_restore = _require_tool("pg_dump"), _require_tool("pg_restore")
    if dest.exists():
        raise BackupProblem(QT_TRANSLATE_NOOP("Errors", "{path} already exists: a backup never overwrites a file."), path=str(dest))
    if not dest.parent.is_dir():
        raise _folder_missing(dest.parent)
    started = time.perf_counter()
    partial = dest.with_name(f".{dest.name}.partial")
    partial.unlink(missing_ok=True)
    conninfo, env = _libpq(url)
    with closing(_pg_connect(url)) as conn:
        conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with conn.cursor() as cur:
            cur.execute("SELECT pg_export_snapshot()")
            snapshot = cur.fetchone()[0]
            version, counts = _pg_facts(cur)
        done = _run([pg_dump, "--format=custom", "--no-password", f"--snapshot={snapshot}", f"--file={partial}",
                     f"--dbname={conninfo}"], env)
        conn.rollback()
    if done.returncode:
        partial.unlink(missing_ok=True)
        raise _tool_failed("pg_dump", url, done)
    problem = _dump_problem(pg_restore, partial, env)
    seconds = time.perf_counter() - started
    if problem:
        partial.unlink(missing_ok=True)
        return BackupResult(False, None, 0, None, _failed_check_message([problem]), seconds=seconds)
    _fsync(partial)
    partial.rename(dest)
    _write_facts(dest, counts, version)
    _fsync_dir(dest.parent)
    message = Text("Backup", QT_TRANSLATE_NOOP("Backup", "Written and read back whole by pg_restore."))
    return BackupResult(True, dest, dest.stat().st_size, counts, message, seconds=seconds)


def _pg_connect(url: str):
    import psycopg2

    try:
        return psycopg2.connect(**postgres_parameters(url))
    except psycopg2.Error as exc:
        raise BackupProblem(
            QT_TRANSLATE_NOOP("Errors", "Cannot connect to {where}: {detail}"),
            exit_code=EXIT_SERVER,
            where=config.display_url(url),
            detail=str(exc).strip(),
        ) from exc


def _pg_facts(cur) -> tuple[int | None, Counts | None]:
    cur.execute("SELECT to_regclass(%s)", (SchemaVersion._meta.table_name,))
    if cur.fetchone()[0] is None:
        return None, None
    cur.execute(f'SELECT max(version) FROM "{SchemaVersion._meta.table_name}"')
    version = cur.fetchone()[0]
    values = {}
    for key, table in _COUNTED:
        cur.execute(f'SELECT count(*) FROM "{table}"')
        values[key] = cur.fetchone()[0]
    return version, Counts(**values)


def _dump_problem(pg_restore: str, dump: Path, env: dict[str, str]) -> str:
    """Read the whole dump (every compressed block) and throw the output away."""
    done = _run([pg_restore, f"--file={os.devnull}", str(dump)], env)
    if done.returncode:
        return " / ".join(done.stderr.strip().splitlines()[-3:]) or f"pg_restore exit status {done.returncode}"
    return ""


def verify_postgres_dump(dump: str | Path) -> BackupInfo:
    """A PostgreSQL dump before restoring it: readable to the end, ShopDesk's, a schema
    this program can open."""
    dump = Path(dump)
    if not dump.is_file():
        raise BackupProblem(QT_TRANSLATE_NOOP("Errors", "There is no backup at {path}."), path=str(dump))
    env = dict(os.environ)
    pg_restore = _require_tool("pg_restore")
    _check_checksum(dump)
    problem = _dump_problem(pg_restore, dump, env)
    if problem:
        raise _damaged_backup(dump, problem)
    done = _run([pg_restore, "--data-only", f"--table={SchemaVersion._meta.table_name}", "--file=-", str(dump)], env)
    _check_version(dump, _version_in_copy(done.stdout) if done.returncode == 0 else None)
    info = inspect_backup(dump)
    info.schema_version = _version_in_copy(done.stdout)
    return info


def _version_in_copy(sql: str) -> int | None:
    """The schema version in pg_restore's text of the schema_version table's COPY block."""
    lines = iter(sql.splitlines())
    for line in lines:
        if line.startswith("COPY "):
            columns = line[line.index("(") + 1:line.index(")")].replace('"', "").split(", ")
            versions = []
            for row in lines:
                if row == "\\.":
                    break
                versions.append(int(row.split("\t")[columns.index("version")]))
            return max(versions) if versions else None
    return None


def restore_postgres(url: str, dump: str | Path, *, keep_aside_in: str | Path | None = None,
                     now: dt.datetime | None = None, verified: BackupInfo | None = None) -> RestoreResult:
    """``pg_restore --clean --if-exists`` in one transaction: it all goes in, or nothing changes.

    With ``keep_aside_in``, the current database is first dumped there as
    ``shopdesk-before-restore-YYYYMMDD-HHMMSS.pgdump`` (never rotated away).
    Waits at most 10 s for another desk's lock, then fails with nothing changed.
    """
    dump = Path(dump)
    pg_restore = _require_tool("pg_restore")
    info = verified if _still_same(verified, dump) else verify_postgres_dump(dump)
    aside = None
    if keep_aside_in is not None:
        folder = Path(keep_aside_in)
        _ensure_folder(folder, may_create_parents=False)
        stamp = to_local(now or Clock().now(), _shop_settings(url).timezone)
        aside = _free_aside_dump(folder, stamp)
        backup_postgres(url, aside)
    conninfo, env = _libpq(url)
    env["PGOPTIONS"] = (env.get("PGOPTIONS", "") + " -c lock_timeout=10000").strip()
    done = _run([pg_restore, "--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-privileges",
                 "--no-password", f"--dbname={conninfo}", str(dump)], env)
    if done.returncode:
        raise _tool_failed("pg_restore", url, done)
    return RestoreResult(url, dump, aside, info.counts, info.taken_at)


def _free_aside_dump(folder: Path, stamp: dt.datetime) -> Path:
    base = f"shopdesk-before-restore-{stamp:%Y%m%d-%H%M%S}"
    candidate, serial = folder / f"{base}{POSTGRES_SUFFIX}", 1
    while candidate.exists():
        serial += 1
        candidate = folder / f"{base}-{serial}{POSTGRES_SUFFIX}"
    return candidate


def _facts_path(dump: Path) -> Path:
    return dump.with_name(dump.name + FACTS_SUFFIX)


def _write_facts(backup: Path, counts: Counts | None, version: int | None) -> None:
    facts = {
        "sha256": _sha256(backup),
        "size": backup.stat().st_size,
        "schema_version": version,
        "counts": counts.__dict__ if counts else None,
    }
    target = _facts_path(backup)
    try:
        target.write_text(json.dumps(facts, indent=1), encoding="utf-8")
        _fsync(target)
    except OSError:
        target.unlink(missing_ok=True)  # the backup is whole and checked; only its checksum is missing


def _read_facts(backup: Path) -> dict | None:
    """The facts file of a backup, with ``counts`` as Counts; None if missing or unreadable."""
    try:
        facts = json.loads(_facts_path(backup).read_text(encoding="utf-8"))
        facts["counts"] = Counts(**facts["counts"]) if facts.get("counts") else None
        return facts
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- reading a database read-only ---------------------------------------------------------


def _open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file (it may read a -wal beside it)."""
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
    conn.execute("PRAGMA query_only=1")
    return conn


def _integrity_problems(conn: sqlite3.Connection, pragma: str) -> list[str]:
    limit = 1 if pragma == "quick_check" else 10
    rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}({limit})")]
    return [] if rows == ["ok"] else rows


def _schema_version(conn: sqlite3.Connection) -> int | None:
    table = SchemaVersion._meta.table_name
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
        return None
    return conn.execute(f'SELECT max(version) FROM "{table}"').fetchone()[0]


def _counts(conn: sqlite3.Connection) -> Counts | None:
    if _schema_version(conn) is None:
        return None
    return Counts(**{key: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for key, table in _COUNTED})


def _shop_settings(url: str) -> _Settings:
    """The shop's backup settings and time zone, read on a connection of our own;
    defaults when the database cannot tell (new, damaged, not reachable)."""
    columns = "backup_folder, backup_keep_daily, backup_keep_monthly, timezone"
    query = f'SELECT {columns} FROM "{ShopSettings._meta.table_name}" WHERE id = 1'
    try:
        if config.is_postgres(url):
            import psycopg2

            with closing(psycopg2.connect(**postgres_parameters(url))) as conn, conn.cursor() as cur:
                cur.execute(query)
                row = cur.fetchone()
        else:
            path = config.sqlite_path(url)
            if not path.is_file():
                return _Settings()
            with closing(_open_read_only(path)) as conn:
                row = conn.execute(query).fetchone()
    except Exception:  # noqa: BLE001 - any failure here means "use the defaults"
        return _Settings()
    if row is None:
        return _Settings()
    folder, daily, monthly, timezone = row
    return _Settings(folder or "", int(daily), int(monthly), timezone or DEFAULT_TIMEZONE)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- the command line -------------------------------------------------------------------------


def cli_backup(url: str | None, output: str | None) -> int:
    """``shopdesk backup [-o FILE]``: into the backup folder (rotating old backups), or
    into FILE (or into FILE when it is a folder). Exit status 0 when written and checked."""
    url = config.resolve_db_url(url)
    try:
        if output is None:
            result = make_backup(None, url)
        elif Path(output).is_dir():
            result = make_backup(None, url, folder=output)
        elif config.is_postgres(url):
            result = backup_postgres(url, output)
        else:
            result = backup_sqlite(config.sqlite_path(url), output)
    except ShopDeskError as error:
        print(f"shopdesk: {error.message}", file=sys.stderr)
        return getattr(error, "exit_code", 2)
    print(f"Backed up {config.display_url(url)}")
    if not result.ok:
        print(f"shopdesk: {result.message}", file=sys.stderr)
        return EXIT_CORRUPT
    print(f"  to      {result.path} ({_megabytes(result.size)}, {result.seconds:.1f} s)")
    print(f"  check   {result.message}")
    if result.counts:
        print(f"  records {_counts_line(result.counts)}")
    if result.removed:
        print(f"  removed {len(result.removed)} older backup(s) (Settings: how many to keep)")
    return 0


def cli_restore(url: str | None, backup_path: str) -> int:
    """``shopdesk restore BACKUP``: check the backup, keep the current database aside,
    put the backup in its place. Exit status 0 when restored."""
    url = config.resolve_db_url(url)
    try:
        if config.is_postgres(url):
            result = restore_postgres(url, backup_path, keep_aside_in=_prepared_folder(_shop_settings(url)))
        else:
            result = restore(backup_path, config.sqlite_path(url))
    except ShopDeskError as error:
        print(f"shopdesk: {error.message}", file=sys.stderr)
        return getattr(error, "exit_code", 2)
    taken = f" (taken {result.taken_at:%Y-%m-%d %H:%M})" if result.taken_at else ""
    print(f"Restored {config.display_url(url)} from {result.restored_from}{taken}")
    if result.counts:
        print(f"  records  {_counts_line(result.counts)}")
    if result.kept_aside:
        print(f"  previous database kept at {result.kept_aside}")
    return 0


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _counts_line(counts: Counts) -> str:
    return f"{counts.customers:,} customers, {counts.orders:,} repair orders, {counts.ledger_entries:,} ledger entries"
