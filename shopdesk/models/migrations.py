"""Schema versions and the forward migrations between them.

A new database gets every table at ``SCHEMA_VERSION`` at once. An existing
database is brought forward one numbered step at a time, each step inside one
transaction, so a failed step leaves the previous version intact. A database
from a newer program is refused, never touched.

To change the schema: add the field/model, bump ``SCHEMA_VERSION``, and append
a step to ``STEPS`` that brings a database at the previous version forward
(``tests/models/test_migrations.py`` opens a frozen older database).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import peewee as pw

from shopdesk.models import (
    ALL_MODELS, CareHoliday, ClosedMonth, Complaint, Customer, OrderEvent, FollowUpCall, Greeting, LedgerEntry, OrderPhoto, RepairOrder,
    SchemaVersion, Settlement, ShopSettings,
)
from shopdesk.models.base import UtcDateTimeField
from shopdesk.models.customers import create_search_index

if TYPE_CHECKING:  # playhouse.migrate is imported only when a database needs a step
    from playhouse.migrate import SchemaMigrator

SCHEMA_VERSION = 2

Step = Callable[[pw.Database, "SchemaMigrator"], None]


def _v2_work_records_ledger_anchors_followups(db: pw.Database, migrator: SchemaMigrator) -> None:
    """Orders carry their work record; closed months anchor the ledger chain;
    settlements, order photos, follow-up calls, complaints and greetings; the
    indexes the board, the ledger summary and customer search need."""
    _add_missing_columns(db, migrator, [
        ("repair_order", "resume_state", pw.CharField(max_length=24, default="")),
        ("repair_order", "ready_at", UtcDateTimeField(null=True)),
        ("repair_order", "diagnosis", pw.TextField(default="")),
        ("repair_order", "work_done", pw.TextField(default="")),
        ("repair_order", "travel_km", pw.IntegerField(default=0)),
        ("closed_month", "last_seq", pw.BigIntegerField(default=0)),
        ("closed_month", "last_hash", pw.CharField(max_length=64, default="")),
        ("closed_month", "balances", pw.TextField(default="{}")),
    ])
    # New tables, as defined at version 2 (freeze these definitions here if a
    # later version changes the models).
    db.create_tables([OrderPhoto, Settlement, FollowUpCall, Complaint, Greeting, CareHoliday], safe=True)
    for model in (Customer, RepairOrder, OrderEvent, LedgerEntry, ClosedMonth):
        model._schema.create_indexes(safe=True)
    _fill_search_keys(db)
    create_search_index(db)


def _add_missing_columns(db: pw.Database, migrator: SchemaMigrator, columns) -> None:
    """Add each column unless the table already has it (a step may be re-run
    on a database an interrupted upgrade or a development build left behind)."""
    existing: dict[str, set[str]] = {}
    operations = []
    for table, column, field in columns:
        if table not in existing:
            existing[table] = {c.name for c in db.get_columns(table)}
        if column not in existing[table]:
            operations.append(migrator.add_column(table, column, field))
    if operations:
        from playhouse.migrate import migrate

        migrate(*operations)


def _fill_search_keys(db: pw.Database) -> None:
    """Customers written before the search keys existed get them now."""
    from shopdesk.models import Customer
    from shopdesk.rules.search import phone_digits, search_text

    rows = (Customer.select(Customer.id, Customer.name, Customer.company, Customer.contact_person, Customer.address,
                            Customer.phone, Customer.phone2)
            .where(Customer.search_text == "").tuples())
    for cid, name, company, contact, address, phone, phone2 in list(rows):
        Customer.update(search_text=search_text(name, company, contact, address),
                        phone_digits=phone_digits(phone, phone2)).where(Customer.id == cid).execute()


# STEPS[n] brings a database from version n-1 to version n (n >= 2).
STEPS: dict[int, Step] = {
    2: _v2_work_records_ledger_anchors_followups,
}


def migrator_for(db: pw.Database) -> SchemaMigrator:
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator

    if isinstance(db, pw.PostgresqlDatabase):
        return PostgresqlMigrator(db)
    return SqliteMigrator(db)


def stored_version(db: pw.Database) -> int | None:
    """The database's schema version, None for an empty database.

    Raises ``LookupError`` for a database with tables that is not ShopDesk's.
    """
    tables = set(db.get_tables())
    if SchemaVersion._meta.table_name not in tables:
        if tables:
            raise LookupError("not a ShopDesk database")
        return None
    row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).first()
    if row is None:
        raise LookupError("not a ShopDesk database")
    return row.version


def create_schema(db: pw.Database) -> None:
    with db.atomic():
        db.create_tables(ALL_MODELS)
        create_search_index(db)
        SchemaVersion.create(version=SCHEMA_VERSION)
        ShopSettings.get_or_create(id=1)


def upgrade(db: pw.Database, from_version: int) -> list[int]:
    """Apply every step after ``from_version``; returns the versions applied."""
    applied = []
    migrator = migrator_for(db)
    sqlite = isinstance(db, pw.SqliteDatabase)
    if sqlite:
        # SQLite rebuilds a table to add a NOT NULL column; with foreign keys on,
        # dropping the old copy would fail. Keys are checked again below.
        db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for version in range(from_version + 1, SCHEMA_VERSION + 1):
            with db.atomic():
                STEPS[version](db, migrator)
                if sqlite and db.execute_sql("PRAGMA foreign_key_check").fetchone() is not None:
                    raise pw.IntegrityError(f"schema step {version} broke a foreign key")
                SchemaVersion.update(version=version).execute()
            applied.append(version)
    finally:
        if sqlite:
            db.execute_sql("PRAGMA foreign_keys = ON")
    return applied


__all__ = ["SCHEMA_VERSION", "STEPS", "create_schema", "migrate", "stored_version", "upgrade"]
