"""Moving a shop from its SQLite file to the PostgreSQL server: every record, every number, the chain."""

from __future__ import annotations

import datetime as dt

import pytest

from shopdesk.cli import main
from shopdesk.db import close_database, open_database
from shopdesk.errors import ShopDeskError
from shopdesk.models import (
    ALL_MODELS, ClosedMonth, Counter, Customer, FollowUpCall, Greeting, LedgerEntry, OrderLine, RepairOrder,
    SchemaVersion, ShopSettings, Staff,
)
from shopdesk.services import customers, dbcopy, ledger, orders, settings
from shopdesk.services.context import Actor

LOGO = bytes(range(256)) * 4  # every byte value, as a PNG's bytes would be


def fill_a_shop(path, clock) -> dict:
    """A small shop with every kind of value SQLite keeps its own way (0/1, date and time text, blobs)."""
    open_database(str(path))
    staff = Staff.create(username="owner", name="老板", role="owner", created_at=clock.now())
    owner = Actor(staff, clock)
    tech = Staff.create(username="chen", name="陈师傅", role="technician", created_at=clock.now(), active=False)
    settings.update(owner, ShopSettings.get_by_id(1).version, name="深圳快修", logo_png=LOGO)
    old = customers.create(owner, name="王伟", phone="13800138000", birthday=dt.date(1980, 2, 29),
                           birthday_is_lunar=True, region="南山")
    keep = customers.create(owner, name="王伟 (新)", phone="13800138001", company="深圳正方达贸易", kind="contract")
    customers.merge(owner, keep.id, old.id)  # the older file now points at a later one
    device = customers.add_device(owner, keep.id, brand="Ricoh", model="MP 2014", serial="e3 35-x",
                                  purchase_date=dt.date(2025, 3, 1), warranty_months=12)
    customers.add_contract(owner, keep.id, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31),
                           covers_parts=False, covers_labour=True, monthly_fee=30000)
    numbers = []
    for fault in ("卡纸", "不通电", "打印有黑线"):
        order = orders.create_order(owner, keep.id, device.id, fault=fault, address="南山区科技园")
        numbers.append(order.number)
    orders.record_work(owner, RepairOrder.get(RepairOrder.number == numbers[0]).id, diagnosis="搓纸轮磨损",
                       parts=[orders.PartUsed("搓纸轮", 1, 8000)])
    first = ledger.post(owner, "payment", 8000, method="cash", technician_id=tech.id,
                        entry_date=dt.date(2026, 10, 30), memo="十月")
    ledger.close_month(owner, "2026-10")
    ledger.reverse(owner, first.id, "记错了")
    ledger.post(owner, "adjustment", -150, memo="抹零")
    FollowUpCall.create(order=RepairOrder.get(RepairOrder.number == numbers[1]), customer=keep, stage="A",
                        due_at=clock.now(), made_at=clock.now(), outcome="reached", score_result=5, unsatisfied=False,
                        confirmed_order=True, created_at=clock.now())
    Greeting.create(customer=keep, occasion="birthday-2026", greeted_at=clock.now())
    close_database()
    return {"numbers": numbers, "keep": keep.id, "old": old.id}


def rows_of(model, db) -> list[tuple]:
    """Every row as Python values (PostgreSQL hands blobs back as memoryview, SQLite as bytes)."""
    rows = model.select().order_by(model._meta.primary_key).tuples().execute(db)
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows]


@pytest.fixture
def shop_file(tmp_path, clock):
    path = tmp_path / "shop.sqlite3"
    facts = fill_a_shop(path, clock)
    yield path, facts
    close_database()


def test_copy_keeps_every_record_number_and_value_and_the_chain(shop_file, fresh_pg_url, clock):
    path, facts = shop_file
    seen = []
    result = dbcopy.copy_database(str(path), fresh_pg_url, progress=lambda table, done, total: seen.append(table))

    assert result.ok, dbcopy.count_table(result)
    assert result.ledger_ok and "intact: 3 entries" in result.ledger_message
    assert {c.table for c in result.counts} == {m._meta.table_name for m in ALL_MODELS if m is not SchemaVersion}
    assert next(c for c in result.counts if c.table == "ledger_entry").target == 3
    assert seen.index("customer") < seen.index("repair_order") < seen.index("ledger_entry")  # dependency order

    source = open_database(str(path)).db
    target = open_database(fresh_pg_url).db  # the models are bound here now
    try:
        for model in ALL_MODELS:
            if model is not SchemaVersion:
                assert rows_of(model, target) == rows_of(model, source), model.__name__
        settings_row = ShopSettings.get_by_id(1)
        assert bytes(settings_row.logo_png) == LOGO and settings_row.name == "深圳快修"
        old = Customer.get_by_id(facts["old"])
        assert old.archived is True and old.merged_into_id == facts["keep"] and old.birthday == dt.date(1980, 2, 29)
        assert old.birthday_is_lunar is True
        assert Staff.get(Staff.username == "chen").active is False
        assert OrderLine.select().where(OrderLine.covered == False).count() >= 1  # noqa: E712 - a real boolean now
        assert [o.number for o in RepairOrder.select().order_by(RepairOrder.id)] == facts["numbers"]
        assert ClosedMonth.get_by_id("2026-10").last_seq == 1
        assert {c.name: c.value for c in Counter.select()} == dict(
            Counter.select(Counter.name, Counter.value).tuples().execute(source))

        # Work goes on on the server: the next numbers follow, ids do not collide, the chain grows.
        owner = Actor(Staff.get(Staff.username == "owner"), clock)
        customer = customers.create(owner, name="李娜", phone="13900139000")
        assert customer.number == "C000003" and customer.id == 3
        order = orders.create_order(owner, customer.id, fault="卡纸", address="福田")
        assert order.number.endswith("000004")
        assert ledger.post(owner, "payment", 100, method="wechat").seq == 4
        assert ledger.verify(owner).ok
    finally:
        source.close()
        close_database()


def test_a_target_with_records_is_refused_and_left_alone(shop_file, fresh_pg_url):
    path, _ = shop_file
    dbcopy.copy_database(str(path), fresh_pg_url)
    close_database()
    with pytest.raises(ShopDeskError) as refused:
        dbcopy.copy_database(str(path), fresh_pg_url)
    assert "already holds ShopDesk records" in str(refused.value) and "customer: 2" in str(refused.value)
    close_database()
    open_database(fresh_pg_url)
    assert Customer.select().count() == 2 and LedgerEntry.select().count() == 3


def test_a_database_that_was_only_set_up_counts_as_empty(shop_file, fresh_pg_url):
    path, _ = shop_file
    open_database(fresh_pg_url)  # a desk opened the new server database once before the move
    close_database()
    assert dbcopy.copy_database(str(path), fresh_pg_url).ok


def test_a_failed_copy_leaves_the_target_empty(shop_file, fresh_pg_url, monkeypatch):
    path, _ = shop_file
    real_insert = dbcopy._insert

    def insert(dst, table, fields, rows):
        if table == "ledger_entry":
            raise OSError("disk full")
        real_insert(dst, table, fields, rows)

    monkeypatch.setattr(dbcopy, "_insert", insert)
    with pytest.raises(OSError):
        dbcopy.copy_database(str(path), fresh_pg_url)
    close_database()
    open_database(fresh_pg_url)
    assert dbcopy.records_in(open_database(fresh_pg_url).db) == {}


def test_copy_into_itself_is_refused(shop_file):
    path, _ = shop_file
    with pytest.raises(ShopDeskError, match="the same database"):
        dbcopy.copy_database(str(path), f"sqlite:///{path}")


def test_the_command_prints_progress_counts_and_the_ledger_verdict(shop_file, fresh_pg_url, capsys):
    path, _ = shop_file
    assert main(["db", "copy", "--from", str(path), "--to", fresh_pg_url]) == 0
    out = capsys.readouterr().out
    assert "customer: 2/2" in out  # the progress lines (plain when not on a terminal)
    assert "table" in out and "source" in out and "target" in out
    assert any(line.split()[:3] == ["repair_order", "3", "3"] for line in out.splitlines())
    assert "The ledger is intact: 3 entries checked." in out
    assert main(["db", "copy", "--from", str(path), "--to", fresh_pg_url]) == 2  # not empty any more
    assert "already holds ShopDesk records" in capsys.readouterr().err
