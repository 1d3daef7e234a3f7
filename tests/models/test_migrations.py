"""A database written by an older ShopDesk opens with today's program and keeps its records."""

import datetime as dt

import peewee as pw
import pytest

from shopdesk.db import close_database, open_database
from shopdesk.models import ALL_MODELS, Customer, RepairOrder, SchemaVersion, database
from shopdesk.models.migrations import SCHEMA_VERSION
from tests.models import schema_v1 as v1


def _write_version_1(db: pw.Database) -> None:
    """A shop's records as ShopDesk 0.1 (schema 1) wrote them."""
    v1.database.initialize(db)
    db.create_tables(v1.MODELS)
    v1.SchemaVersion.create(version=1)
    v1.ShopSettings.create(id=1, name="老店")
    now = dt.datetime(2026, 1, 5, 2, 0)
    owner = v1.Staff.create(username="boss", name="林老板", role="owner", created_at=now)
    customer = v1.Customer.create(number="C000001", name="王伟", phone="13800138000", created_at=now)
    device = v1.Device.create(customer=customer, brand="Ricoh", serial="E1", serial_key="E1", created_at=now)
    order = v1.RepairOrder.create(number="R0000001", customer=customer, device=device, fault="卡纸", state="closed",
                                  reported_at=now, created_at=now, closed_at=now, technician=owner)
    v1.OrderLine.create(order=order, kind="part", description="搓纸轮", unit_price=8000, created_at=now)
    v1.ClosedMonth.create(month="2025-12", closed_at=now, closed_by=owner)
    db.close()


def _raw(url: str) -> pw.Database:
    if url.startswith("postgresql"):
        from shopdesk.db import postgres_parameters

        return pw.PostgresqlDatabase(**postgres_parameters(url))
    return pw.SqliteDatabase(url)


@pytest.fixture(params=["sqlite", "postgres"])
def old_database(request, tmp_path):
    url = str(tmp_path / "old.sqlite3") if request.param == "sqlite" else request.getfixturevalue("fresh_pg_url")
    _write_version_1(_raw(url))
    return url


def test_version_1_database_is_upgraded_and_keeps_its_records(old_database):
    opened = open_database(old_database)
    try:
        assert opened.upgraded_from == 1
        assert SchemaVersion.get().version == SCHEMA_VERSION
        order = RepairOrder.get(RepairOrder.number == "R0000001")
        assert order.customer.name == "王伟" and order.travel_km == 0 and order.work_done == ""
        assert [line.unit_price for line in order.lines] == [8000]
        for model in ALL_MODELS:  # every table of today's schema can be read
            model.select().count()
        # and written: the new columns and tables work
        RepairOrder.update(work_done="换搓纸轮", travel_km=12).where(RepairOrder.id == order.id).execute()
        assert RepairOrder.get_by_id(order.id).travel_km == 12
        if not old_database.startswith("postgresql"):
            assert opened.backup_before_upgrade.exists()
    finally:
        close_database()


def test_upgraded_database_opens_again_without_changes(old_database):
    open_database(old_database)
    close_database()
    again = open_database(old_database)
    try:
        assert again.upgraded_from is None and not again.created
        assert Customer.select().count() == 1
    finally:
        close_database()


def test_search_works_on_an_upgraded_database(old_database):
    from shopdesk.services import search
    from shopdesk.services.context import Actor

    open_database(old_database)
    try:
        from shopdesk.models import Staff

        owner = Actor(Staff.get(Staff.username == "boss"))
        assert [hit.number for hit in search.find(owner, "13800138000")] == ["C000001"]
        assert [hit.number for hit in search.find(owner, "R0000001")] == ["C000001"]
        assert [hit.number for hit in search.find(owner, "ww")] == ["C000001"]
    finally:
        close_database()
