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

from typing import Callable

import peewee as pw
from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator, migrate

from shopdesk.models import ALL_MODELS, SchemaVersion, ShopSettings

SCHEMA_VERSION = 1

Step = Callable[[pw.Database, SchemaMigrator], None]

# STEPS[n] brings a database from version n-1 to version n (n >= 2).
STEPS: dict[int, Step] = {}


def migrator_for(db: pw.Database) -> SchemaMigrator:
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
        SchemaVersion.create(version=SCHEMA_VERSION)
        ShopSettings.get_or_create(id=1)


def upgrade(db: pw.Database, from_version: int) -> list[int]:
    """Apply every step after ``from_version``; returns the versions applied."""
    applied = []
    migrator = migrator_for(db)
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            STEPS[version](db, migrator)
            SchemaVersion.update(version=version).execute()
        applied.append(version)
    return applied


__all__ = ["SCHEMA_VERSION", "STEPS", "create_schema", "migrate", "stored_version", "upgrade"]
