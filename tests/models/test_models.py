import datetime as dt

import peewee as pw
import pytest

from shopdesk.models import (
    AppendOnly, Customer, Device, LedgerEntry, OrderLine, RepairOrder, ServiceContract, ShopSettings,
)


def _customer(clock, number="C000001", **kw):
    return Customer.create(number=number, name=kw.pop("name", "王伟"), phone="13800138000", created_at=clock.now(), **kw)


def test_customer_device_contract_order_round_trip(db, clock):
    c = _customer(clock, company="深圳正方达贸易", kind="contract")
    d = Device.create(customer=c, brand="Ricoh", model="MP 2555", serial="E1234567", serial_key="E1234567",
                      purchase_date=dt.date(2025, 3, 1), warranty_months=12, created_at=clock.now())
    k = ServiceContract.create(number="K000001", customer=c, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31),
                               covers_labour=True, covers_travel=True, covers_parts=False, created_at=clock.now())
    o = RepairOrder.create(number="R0000001", customer=c, device=d, contract=k, fault="卡纸", reported_at=clock.now(),
                           created_at=clock.now())
    OrderLine.create(order=o, kind="part", description="搓纸轮", quantity=1, unit_price=8000, created_at=clock.now())
    got = RepairOrder.get(RepairOrder.number == "R0000001")
    assert got.customer.company == "深圳正方达贸易"
    assert got.device.purchase_date == dt.date(2025, 3, 1)
    assert [ln.unit_price for ln in got.lines] == [8000]
    assert isinstance(got.lines[0].unit_price, int)


def test_numbers_are_unique(db, clock):
    _customer(clock)
    with pytest.raises(pw.IntegrityError):
        with db.atomic():
            _customer(clock)


def test_money_refuses_float(db, clock):
    c = _customer(clock)
    o = RepairOrder.create(number="R1", customer=c, reported_at=clock.now(), created_at=clock.now())
    with pytest.raises(TypeError):
        OrderLine.create(order=o, kind="part", unit_price=80.0, created_at=clock.now())
    assert OrderLine.select().count() == 0


def test_settings_row_exists_with_defaults(db):
    s = ShopSettings.get_by_id(1)
    assert s.repair_warranty_days == 90
    assert s.dispatch_limit_minutes == 5 and s.assign_limit_minutes == 10


def _entry(clock, seq=1, amount=8000):
    return LedgerEntry.create(seq=seq, kind="payment", amount=amount, entry_date=clock.now().date(),
                              created_at=clock.now(), prev_hash="0" * 64, hash="1" * 64)


def test_ledger_entries_cannot_be_changed_or_deleted(db, clock):
    e = _entry(clock)
    e.amount = 1
    with pytest.raises(AppendOnly):
        e.save()
    with pytest.raises(AppendOnly):
        e.delete_instance()
    with pytest.raises(AppendOnly):
        LedgerEntry.update(amount=0)
    with pytest.raises(AppendOnly):
        LedgerEntry.delete()
    assert LedgerEntry.get_by_id(e.id).amount == 8000
