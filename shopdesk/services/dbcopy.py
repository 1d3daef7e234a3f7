"""Moving a shop to another database: ``shopdesk db copy --from SHOP.sqlite3 --to postgresql://…``.

Every table is copied in dependency order (``ALL_MODELS``) with its ids, so
customer, order and ledger numbers, links between records and the ledger's
hash chain stay exactly as they were; the counters that hand out the next
numbers are copied too, and PostgreSQL's id sequences are moved past the
highest id. Values go through the models' fields, so what SQLite keeps as
integers and text (booleans, dates, times) and as blobs (the logo) arrives as
PostgreSQL booleans, dates, timestamps and bytea.

The target must be empty (a database ShopDesk has only set up counts as
empty): a copy never mixes two shops. The whole copy is one transaction on
the target, so a failure leaves it as it was. At the end the records are
counted on both sides and the ledger chain is verified on the target.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import peewee as pw

from shopdesk import config
from shopdesk.errors import ShopDeskError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import ALL_MODELS, SchemaVersion, ShopSettings

Progress = Callable[[str, int, int], None]  # (table, rows done, rows in table)

ROWS_PER_STATEMENT = 30_000  # parameters per INSERT, well under PostgreSQL's 65,535
COPIED = [m for m in ALL_MODELS if m is not SchemaVersion]  # the target keeps its own schema version


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int

    @property
    def same(self) -> bool:
        return self.source == self.target


@dataclass
class CopyResult:
    source: str
    target: str
    counts: list[TableCount] = field(default_factory=list)
    ledger_ok: bool = False
    ledger_message: str = ""
    seconds: float = 0.0
    source_upgraded_from: int | None = None

    @property
    def ok(self) -> bool:
        return self.ledger_ok and all(c.same for c in self.counts)


def copy_database(source: str, target: str, progress: Progress | None = None) -> CopyResult:
    """Copy every record of ``source`` into the empty database ``target``; see the module's note.

    Leaves the models bound to the target. Raises ``ShopDeskError`` (nothing
    written) when the target is not empty or either side cannot be opened.
    """
    from shopdesk.db import open_database

    started = time.perf_counter()
    if _where(source) == _where(target):
        raise ShopDeskError(QT_TRANSLATE_NOOP("Errors", "The source and the target are the same database."))
    src = open_database(source, create=False)
    try:
        dst = open_database(target)  # sets up an empty target at this program's schema
        try:
            result = CopyResult(config.display_url(src.url), config.display_url(dst.url),
                                source_upgraded_from=src.upgraded_from)
            _refuse_if_not_empty(dst.db, result.target)
            _copy_all(src.db, dst.db, progress)
            result.counts = count_both(src.db, dst.db)
            _verify_ledger(result)
        except BaseException:
            dst.db.close()
            raise
    finally:
        src.db.close()
    result.seconds = time.perf_counter() - started
    return result


def _where(url: str) -> str:
    url = config.resolve_db_url(url)
    return config.display_url(url) if config.is_postgres(url) else str(config.sqlite_path(url).resolve())


# ---- the target must be empty ----------------------------------------------------------

def records_in(db: pw.Database) -> dict[str, int]:
    """Rows per table that a shop wrote (not what setting up an empty database writes)."""
    found = {}
    for model in COPIED:
        query = model.select()
        if model is ShopSettings:
            query = query.where(ShopSettings.version > 1)  # the untouched default row is set-up, not data
        count = query.count(db)
        if count:
            found[model._meta.table_name] = count
    return found


def _refuse_if_not_empty(db: pw.Database, where: str) -> None:
    found = records_in(db)
    if found:
        raise ShopDeskError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{where} already holds ShopDesk records ({tables}). A copy only fills an empty database, so two "
                "shops never mix: create a new database (createdb) and copy into that. Nothing was changed.",
            ),
            where=where, tables=", ".join(f"{table}: {count:,}" for table, count in found.items()),
        )


# ---- copying ---------------------------------------------------------------------------

def _copy_all(src: pw.Database, dst: pw.Database, progress: Progress | None) -> None:
    totals = {model: model.select().count(src) for model in COPIED}
    with _reading(src), dst.atomic():
        ShopSettings.delete().where(ShopSettings.id == 1).execute(dst)  # the default row the set-up wrote
        for model in COPIED:
            _copy_table(model, src, dst, totals[model], progress)
        if isinstance(dst, pw.PostgresqlDatabase):
            _move_sequences_past_ids(dst)


def _reading(src: pw.Database):
    """One snapshot of the source (no desk should be writing to it, but a late one must not tear the copy)."""
    if isinstance(src, pw.SqliteDatabase):
        return src.atomic(lock_type="DEFERRED")
    return src.atomic(isolation_level="REPEATABLE READ")


def _self_references(model) -> list[pw.ForeignKeyField]:
    return [f for f in model._meta.sorted_fields if isinstance(f, pw.ForeignKeyField) and f.rel_model is model]


def _copy_table(model, src: pw.Database, dst: pw.Database, total: int, progress: Progress | None) -> None:
    """Rows in primary-key order, converted by the model's fields (SQLite's 0/1 → booleans, text → dates …)."""
    table = model._meta.table_name
    fields = list(model._meta.sorted_fields)
    pk = model._meta.primary_key
    # A link to a later row of the same table (a customer merged into a newer file) is filled in
    # once every row is there; links to earlier rows (reversals, repeat repairs) go in at once.
    later_links = [f for f in _self_references(model) if model is not _ledger_model()]
    chunk = max(1, ROWS_PER_STATEMENT // len(fields))
    at = {f.name: i for i, f in enumerate(fields)}  # (peewee fields compare with == into SQL, so no .index())
    pk_at, link_at = at[pk.name], [at[f.name] for f in later_links]
    done, last, links = 0, None, []
    if progress is not None:
        progress(table, 0, total)
    while True:
        query = model.select(*fields).order_by(pk).limit(chunk)
        if last is not None:
            query = query.where(pk > last)
        rows = list(query.tuples().execute(src))
        if not rows:
            break
        last = rows[-1][pk_at]
        if link_at:
            links += [(row[pk_at], fields[i], row[i]) for row in rows for i in link_at if row[i] is not None]
            rows = [tuple(None if i in link_at else v for i, v in enumerate(row)) for row in rows]
        _insert(dst, table, fields, rows)
        done += len(rows)
        if progress is not None:
            progress(table, done, total)
    for row_id, link, value in links:
        model.update({link: value}).where(pk == row_id).execute(dst)


def _insert(dst: pw.Database, table: str, fields: list[pw.Field], rows: list[tuple]) -> None:
    """Many rows in few statements (peewee's own insert_many spends its time writing the SQL)."""
    convert = [f.db_value for f in fields]
    values = [tuple(c(v) for c, v in zip(convert, row)) for row in rows]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    cursor = dst.cursor()
    if isinstance(dst, pw.PostgresqlDatabase):
        from psycopg2.extras import execute_values

        execute_values(cursor, f'INSERT INTO "{table}" ({columns}) VALUES %s', values, page_size=len(values))
    else:
        marks = ", ".join("?" for _ in fields)
        cursor.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', values)


def _ledger_model():
    from shopdesk.models import LedgerEntry

    return LedgerEntry  # append-only: never updated, and its reversals always point back


def _move_sequences_past_ids(dst: pw.Database) -> None:
    """The next id PostgreSQL hands out must be past every copied id."""
    for model in COPIED:
        pk = model._meta.primary_key
        if not isinstance(pk, pw.AutoField):
            continue
        table, column = model._meta.table_name, pk.column_name
        dst.execute_sql(
            f'SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX("{column}"), 1), MAX("{column}") IS NOT NULL) '
            f'FROM "{table}"',
            (table, column),
        )


# ---- checking ----------------------------------------------------------------------------

def count_both(src: pw.Database, dst: pw.Database) -> list[TableCount]:
    return [TableCount(m._meta.table_name, m.select().count(src), m.select().count(dst)) for m in COPIED]


def _verify_ledger(result: CopyResult) -> None:
    from shopdesk.services import ledger
    from shopdesk.services.context import Actor

    verdict = ledger.verify(Actor.system_task())
    result.ledger_ok = verdict.ok
    result.ledger_message = str(ledger.describe_verify(verdict))


def count_table(result: CopyResult) -> str:
    """The source-versus-target table the command prints at the end."""
    width = max(len(c.table) for c in result.counts) if result.counts else 10
    lines = [f"  {'table':<{width}} {'source':>12} {'target':>12}"]
    for c in result.counts:
        mark = "" if c.same else "   <-- differs"
        lines.append(f"  {c.table:<{width}} {c.source:>12,} {c.target:>12,}{mark}")
    return "\n".join(lines)


__all__ = ["CopyResult", "TableCount", "copy_database", "count_both", "count_table", "records_in"]
