"""Receipts of real orders: fields and amounts on the PDF equal the order's; reprints are marked."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from shopdesk.models import Customer, Device, OrderEvent, RepairOrder, ShopSettings
from shopdesk.services import coverage, receipts
from shopdesk.errors import NotFound, PermissionDenied


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def paid_order(db, owner, clock):
    ShopSettings.update(name="深圳快修服务部", phone="0755-8888 6666").execute()
    c = Customer.create(number="C000001", name="王伟", company="深圳正方达贸易", phone="13800138000", created_at=clock.now())
    d = Device.create(customer=c, brand="Ricoh", model="MP 2555", serial="E123-456", serial_key="E123456",
                      purchase_date=dt.date(2020, 1, 1), warranty_months=12, created_at=clock.now())
    o = RepairOrder.create(number="R0000042", customer=c, device=d, fault="卡纸 & <异响>", reported_at=clock.now(),
                           created_at=clock.now(), state="in_progress", work_done="更换搓纸轮")
    coverage.check_coverage(owner, o.id)
    coverage.add_line(owner, o.id, "part", "搓纸轮", 1, 8000)
    coverage.add_line(owner, o.id, "labour", "上门维修", 1, 12000)
    return o


def test_receipt_shows_the_order_and_its_amounts(paid_order, owner):
    pdf = receipts.print_receipt(owner, paid_order.id, "repair", "a5")
    text = _text(pdf)
    for expected in ("R0000042", "王伟", "深圳正方达贸易", "E123-456", "搓纸轮", "更换搓纸轮", "深圳快修服务部", "200.00", "80.00", "120.00"):
        assert expected in text, expected
    totals = coverage.order_totals(paid_order.id)
    assert totals.to_pay == 20000


def test_second_print_is_marked_copy_and_logged(paid_order, owner):
    first = receipts.print_receipt(owner, paid_order.id, "repair", "80mm")
    second = receipts.print_receipt(owner, paid_order.id, "repair", "80mm")
    assert "副本" not in _text(first)
    assert "副本" in _text(second)
    prints = OrderEvent.select().where((OrderEvent.order == paid_order.id) & (OrderEvent.kind == "print"))
    assert prints.count() == 2


def test_batch_by_date_range(paid_order, owner, clock):
    ids = receipts.order_ids_for(owner, date_from=dt.date(2026, 11, 23), date_to=dt.date(2026, 11, 23))
    assert ids == [paid_order.id]
    pdf = receipts.print_batch(owner, ids, "intake", "a4")
    assert "R0000042" in _text(pdf)


def test_unknown_number_is_refused(paid_order, owner):
    with pytest.raises(NotFound):
        receipts.order_ids_for(owner, ["R9999999"])


def test_a_role_without_print_rights_is_refused(paid_order, clock):
    from shopdesk.services.context import Actor

    with pytest.raises(PermissionDenied):
        receipts.receipt_data(Actor(None, clock), paid_order.id)


def test_intake_customer_and_technician_copies_are_both_originals(paid_order, owner):
    customer_copy = receipts.print_receipt(owner, paid_order.id, "intake", "a5", copy_for="customer")
    technician_copy = receipts.print_receipt(owner, paid_order.id, "intake", "a5", copy_for="technician")
    again = receipts.print_receipt(owner, paid_order.id, "intake", "a5", copy_for="customer")
    assert "副本" not in _text(customer_copy) and "副本" not in _text(technician_copy)
    assert "副本" in _text(again)


def test_device_category_prints_in_the_paper_language(paid_order, owner):
    assert receipts.receipt_data(owner, paid_order.id, language="en").device.category == "Copier"
    assert receipts.receipt_data(owner, paid_order.id, language="zh_CN").device.category != "copier"


def test_a_technician_prints_only_their_own_orders(paid_order, clock):
    from tests.conftest import make_actor

    other = make_actor("technician", clock, username="li", name="李师傅")
    with pytest.raises(PermissionDenied):
        receipts.print_receipt(other, paid_order.id)
    RepairOrder.update(technician=other.staff).where(RepairOrder.id == paid_order.id).execute()
    assert receipts.print_receipt(other, paid_order.id)[:4] == b"%PDF"
