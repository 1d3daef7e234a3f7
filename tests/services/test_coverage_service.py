"""Coverage, lines and totals of orders, on SQLite and PostgreSQL."""

import datetime as dt
import itertools
import json

import pytest

from shopdesk.errors import NotFound, PermissionDenied, StaleRecord, ValidationError
from shopdesk.models import (
    AuditEntry, Customer, Device, LedgerEntry, OrderEvent, OrderLine, RepairOrder, ServiceContract, ShopSettings,
)
from shopdesk.rules.pricing import Totals
from shopdesk.services.coverage import (
    add_line, check_coverage, current_coverage, facts_for_order, order_totals, override_coverage, paid_cents,
    remove_line,
)
from tests.conftest import make_actor

D = dt.date
_numbers = itertools.count(1)


# Building the shop's files ---------------------------------------------------

def customer(clock, name="王伟", **kw):
    return Customer.create(number=f"C{next(_numbers):06d}", name=name, created_at=clock.now(), **kw)


def device(clock, owner_customer, purchase=None, months=0, owned_by_shop=False):
    return Device.create(customer=owner_customer, brand="Ricoh", model="MP 2555", serial=f"E{next(_numbers)}",
                         purchase_date=purchase, warranty_months=months, owned_by_shop=owned_by_shop,
                         created_at=clock.now())


def contract(clock, of_customer, starts=D(2026, 1, 1), ends=D(2026, 12, 31), labour=True, parts=False, travel=True,
             for_device=None, kind="service", archived=False):
    return ServiceContract.create(number=f"K{next(_numbers):06d}", customer=of_customer, kind=kind,
                                  device=for_device, starts_on=starts, ends_on=ends, covers_labour=labour,
                                  covers_parts=parts, covers_travel=travel, archived=archived, created_at=clock.now())


def order(clock, of_customer, for_device=None, reported_at=None, **kw):
    return RepairOrder.create(number=f"R{next(_numbers):07d}", customer=of_customer, device=for_device,
                              reported_at=reported_at or clock.now(), created_at=clock.now(), **kw)


def closed_order(clock, of_customer, for_device, closed_at, charged_cents=0, covered_cents=0):
    """An earlier order, closed at ``closed_at`` (UTC), with a charged and/or a covered line."""
    earlier = order(clock, of_customer, for_device, reported_at=closed_at - dt.timedelta(days=2),
                    state="closed", closed_at=closed_at)
    if charged_cents:
        OrderLine.create(order=earlier, kind="part", description="搓纸轮", unit_price=charged_cents, covered=False,
                         created_at=closed_at)
    if covered_cents:
        OrderLine.create(order=earlier, kind="labour", description="维修", unit_price=covered_cents, covered=True,
                         created_at=closed_at)
    return earlier


_seq = itertools.count(1)


def ledger(clock, of_order, kind, amount, reverses=None):
    return LedgerEntry.create(seq=next(_seq), kind=kind, amount=amount, entry_date=clock.now().date(),
                              created_at=clock.now(), order=of_order, reverses=reverses,
                              prev_hash="0" * 64, hash="1" * 64)


@pytest.fixture
def desk(db, clock):
    return make_actor("front_desk", clock, name="小李")


@pytest.fixture
def lead(db, clock):
    return make_actor("team_lead", clock, name="张组长")


@pytest.fixture
def tech(db, clock):
    return make_actor("technician", clock, name="陈师傅")


# Facts -------------------------------------------------------------------------

def test_facts_are_read_as_of_the_report_date_in_shop_time(db, clock):
    zfd = customer(clock, company="深圳正方达贸易", kind="contract")
    copier = device(clock, zfd, purchase=D(2025, 3, 1), months=12)
    other_copier = device(clock, zfd)
    wide = contract(clock, zfd)
    own = contract(clock, zfd, for_device=copier, parts=True)
    contract(clock, zfd, for_device=other_copier)                 # another device's
    contract(clock, zfd, archived=True)                           # archived
    contract(clock, customer(clock, name="别人"))                  # another customer's
    # 2026-11-22 16:30 UTC is 2026-11-23 00:30 in Shanghai
    now = order(clock, zfd, copier, reported_at=dt.datetime(2026, 11, 22, 16, 30))
    paid = closed_order(clock, zfd, copier, dt.datetime(2026, 10, 23, 17, 0), charged_cents=8000)  # 10-24 local
    free = closed_order(clock, zfd, copier, dt.datetime(2026, 9, 1, 2, 0), covered_cents=5000)
    closed_order(clock, zfd, other_copier, dt.datetime(2026, 11, 1, 2, 0), charged_cents=100)
    order(clock, zfd, copier, state="in_progress")                # not closed

    facts = facts_for_order(now.id)
    assert facts.report_date == D(2026, 11, 23)
    assert facts.device.id == copier.id and facts.device.purchase_date == D(2025, 3, 1)
    assert facts.device.warranty_months == 12 and not facts.device.owned_by_shop
    assert sorted(c.number for c in facts.contracts) == sorted([wide.number, own.number])
    assert sorted((r.number, r.closed_on, r.was_paid, r.device_id) for r in facts.earlier_repairs) == [
        (paid.number, D(2026, 10, 24), True, copier.id),
        (free.number, D(2026, 9, 1), False, copier.id),
    ]
    assert facts.repair_warranty_days == 90


def test_facts_of_an_order_without_a_device(db, clock):
    walk_in = customer(clock)
    wide = contract(clock, walk_in)
    facts = facts_for_order(order(clock, walk_in))
    assert facts.device is None and facts.earlier_repairs == ()
    assert [c.number for c in facts.contracts] == [wide.number]


def test_unknown_order(db, clock):
    with pytest.raises(NotFound):
        facts_for_order(999_999)


# Checking coverage -------------------------------------------------------------

def test_design_day_contract_customer_pays_the_part_only(db, clock, desk):
    zfd = customer(clock, company="深圳正方达贸易", kind="contract")
    copier = device(clock, zfd)
    terms = contract(clock, zfd)
    jam = order(clock, zfd, copier)
    coverage = check_coverage(desk, jam.id)

    assert coverage.kind == "contract" and coverage.source == terms.number
    stored = RepairOrder.get_by_id(jam.id)
    assert stored.coverage == "contract" and stored.contract_id == terms.id and stored.version == 2
    assert stored.coverage_reason == f"contract {terms.number} until 2026-12-31: labour and travel covered, parts charged"
    event = OrderEvent.get(OrderEvent.order == jam.id, OrderEvent.kind == "coverage")
    assert event.staff_id == desk.staff.id and event.note == stored.coverage_reason
    assert json.loads(event.data)["to"] == "contract"
    assert AuditEntry.select().where(AuditEntry.action == "coverage", AuditEntry.record_id == str(jam.id)).count() == 1

    add_line(desk, jam.id, "labour", "更换搓纸轮", 1, 12000)
    roller = add_line(desk, jam.id, "part", "搓纸轮", 1, 8000, code="P-ROLLER")
    assert roller.covered is False
    ledger(clock, jam, "payment", 8000)
    assert order_totals(jam.id) == Totals(value=20000, covered=12000, charged=8000, discount=0, tax=0,
                                          to_pay=8000, paid=8000, balance=0)


def test_design_day_walk_in_printer_in_warranty(db, clock, desk):
    walk_in = customer(clock)
    printer = device(clock, walk_in, purchase=D(2025, 3, 1), months=12)
    bench = order(clock, walk_in, printer, reported_at=dt.datetime(2026, 2, 27, 6, 0), location="bench")
    coverage = check_coverage(desk, bench.id)
    assert coverage.kind == "warranty"
    assert RepairOrder.get_by_id(bench.id).coverage_reason == "in warranty until 2026-03-01"
    add_line(desk, bench.id, "part", "定影器", 1, 45000)
    totals = order_totals(bench.id)
    assert (totals.value, totals.covered, totals.to_pay) == (45000, 45000, 0)


def test_design_day_repeat_repair_30_days_after_a_paid_one(db, clock, desk):
    walk_in = customer(clock)
    copier = device(clock, walk_in)
    earlier = closed_order(clock, walk_in, copier, clock.now() - dt.timedelta(days=30), charged_cents=15000)
    again = order(clock, walk_in, copier)
    coverage = check_coverage(desk, again.id)
    assert coverage.kind == "repair_warranty" and coverage.source == earlier.number
    stored = RepairOrder.get_by_id(again.id)
    assert stored.repeat_of_id == earlier.id and stored.contract_id is None
    assert stored.coverage_reason == (
        f"repeat of paid repair {earlier.number} closed 2026-10-24: repair warranty until 2027-01-22"
    )
    assert current_coverage(again.id).source == earlier.number


def test_repair_warranty_uses_the_shops_setting_and_ends_after_its_last_day(db, clock, desk):
    ShopSettings.update(repair_warranty_days=30).execute()
    walk_in = customer(clock)
    copier = device(clock, walk_in)
    closed_order(clock, walk_in, copier, clock.now() - dt.timedelta(days=31), charged_cents=15000)
    assert check_coverage(desk, order(clock, walk_in, copier).id).kind == "paid"


def test_an_earlier_repair_that_cost_the_customer_nothing_gives_no_repair_warranty(db, clock, desk):
    walk_in = customer(clock)
    copier = device(clock, walk_in)
    closed_order(clock, walk_in, copier, clock.now() - dt.timedelta(days=10), covered_cents=15000)
    coverage = check_coverage(desk, order(clock, walk_in, copier).id)
    assert coverage.kind == "paid" and coverage.source == ""


def test_rental_copier_is_covered_and_names_its_rental(db, clock, desk):
    renter = customer(clock, kind="rental")
    copier = device(clock, renter, owned_by_shop=True)
    rental = contract(clock, renter, kind="rental", for_device=copier, labour=False, travel=False)
    coverage = check_coverage(desk, order(clock, renter, copier).id)
    assert (coverage.kind, coverage.source, coverage.covers_everything) == ("rental", rental.number, True)


def test_recheck_after_the_facts_change_marks_the_lines_again(db, clock, desk):
    walk_in = customer(clock)
    copier = device(clock, walk_in)
    job = order(clock, walk_in, copier)
    check_coverage(desk, job.id)
    labour = add_line(desk, job.id, "labour", "维修", 1, 10000)
    part = add_line(desk, job.id, "part", "搓纸轮", 1, 8000)
    assert not labour.covered and not part.covered
    contract(clock, walk_in)  # the customer signs a labour + travel contract dated this year
    assert check_coverage(desk, job.id).kind == "contract"
    assert OrderLine.get_by_id(labour.id).covered and not OrderLine.get_by_id(part.id).covered
    assert order_totals(job.id).charged == 8000


def test_recheck_without_change_writes_nothing(db, clock, desk):
    job = order(clock, customer(clock))
    check_coverage(desk, job.id)
    check_coverage(desk, job.id)
    assert OrderEvent.select().where(OrderEvent.order == job.id).count() == 1
    assert RepairOrder.get_by_id(job.id).version == 2


def test_checking_coverage_needs_the_right_to_edit_orders(db, clock, tech):
    job = order(clock, customer(clock))
    with pytest.raises(PermissionDenied):
        check_coverage(tech, job.id)


# Overrides -------------------------------------------------------------------------

def test_goodwill_override_by_the_team_lead_is_recorded(db, clock, lead):
    walk_in = customer(clock)
    job = order(clock, walk_in, device(clock, walk_in))
    check_coverage(lead, job.id)
    add_line(lead, job.id, "labour", "维修", 1, 10000)
    coverage = override_coverage(lead, job.id, "warranty", "  老客户，好意免费  ")
    assert coverage.kind == "warranty"
    stored = RepairOrder.get_by_id(job.id)
    assert stored.coverage_overridden and stored.coverage_override_reason == "老客户，好意免费"
    assert stored.coverage_reason == "override by 张组长: 老客户，好意免费"
    assert order_totals(job.id).to_pay == 0
    assert AuditEntry.select().where(AuditEntry.action == "override").count() == 1
    event = OrderEvent.select().where(OrderEvent.kind == "coverage").order_by(OrderEvent.id.desc()).first()
    assert json.loads(event.data)["overridden"] is True
    chinese = {"override by {name}: {reason}": "{name} 特批：{reason}"}
    assert current_coverage(job.id).reason.render(lambda c, s: chinese.get(s, s)) == "张组长 特批：老客户，好意免费"


def test_override_stands_until_dropped(db, clock, lead):
    walk_in = customer(clock)
    job = order(clock, walk_in, device(clock, walk_in))
    override_coverage(lead, job.id, "warranty", "goodwill")
    assert check_coverage(lead, job.id).kind == "warranty"
    assert RepairOrder.get_by_id(job.id).coverage_overridden
    back = check_coverage(lead, job.id, drop_override=True)
    assert back.kind == "paid"
    stored = RepairOrder.get_by_id(job.id)
    assert not stored.coverage_overridden and stored.coverage_override_reason == ""


def test_override_needs_the_right_and_a_reason(db, clock, desk, lead):
    job = order(clock, customer(clock))
    with pytest.raises(PermissionDenied):
        override_coverage(desk, job.id, "warranty", "goodwill")
    with pytest.raises(PermissionDenied):
        check_coverage(desk, job.id, drop_override=True)
    with pytest.raises(ValidationError) as raised:
        override_coverage(lead, job.id, "warranty", "   ")
    assert raised.value.field == "reason"
    with pytest.raises(ValidationError):
        override_coverage(lead, job.id, "free", "goodwill")
    with pytest.raises(ValidationError):
        override_coverage(lead, job.id, "contract", "no contract on this order")
    assert not RepairOrder.get_by_id(job.id).coverage_overridden


def test_override_from_a_stale_screen_is_refused(db, clock, lead, desk):
    job = order(clock, customer(clock))
    seen = RepairOrder.get_by_id(job.id).version
    check_coverage(desk, job.id)
    with pytest.raises(StaleRecord):
        override_coverage(lead, job.id, "warranty", "goodwill", based_on_version=seen)
    assert RepairOrder.get_by_id(job.id).coverage == "paid"


def test_a_discount_that_no_longer_fits_is_removed_when_the_coverage_changes(db, clock, lead):
    job = order(clock, customer(clock))
    check_coverage(lead, job.id)
    add_line(lead, job.id, "labour", "维修", 1, 10000)
    discount = add_line(lead, job.id, "discount", "老客户折扣", 1, 2000)
    assert order_totals(job.id).to_pay == 8000
    override_coverage(lead, job.id, "warranty", "goodwill")
    assert OrderLine.get_by_id(discount.id).removed
    assert order_totals(job.id).discount == 0
    event = OrderEvent.select().where(OrderEvent.kind == "coverage").order_by(OrderEvent.id.desc()).first()
    assert json.loads(event.data)["discounts_removed"] == 1


# Lines ---------------------------------------------------------------------------------

def test_lines_follow_the_coverage_and_refuse_bad_amounts(db, clock, desk):
    job = order(clock, customer(clock))
    check_coverage(desk, job.id)
    with pytest.raises(TypeError):
        add_line(desk, job.id, "part", "搓纸轮", 1, 80.0)
    with pytest.raises(ValidationError) as raised:
        add_line(desk, job.id, "part", "搓纸轮", 1, -8000)
    assert raised.value.field == "unit_price"
    with pytest.raises(ValidationError):
        add_line(desk, job.id, "part", "搓纸轮", -1, 8000)
    with pytest.raises(ValidationError) as raised:
        add_line(desk, job.id, "part", "  ", 1, 8000)
    assert raised.value.field == "description"
    assert OrderLine.select().count() == 0


def test_a_discount_larger_than_what_is_charged_is_refused_and_not_saved(db, clock, desk):
    job = order(clock, customer(clock))
    add_line(desk, job.id, "part", "搓纸轮", 1, 8000)
    with pytest.raises(ValidationError) as raised:
        add_line(desk, job.id, "discount", "折扣", 1, 8001)
    assert raised.value.field == "discount"
    assert OrderLine.select().where(OrderLine.kind == "discount").count() == 0


def test_remove_line_keeps_the_row_and_guards_the_discount(db, clock, desk):
    job = order(clock, customer(clock))
    labour = add_line(desk, job.id, "labour", "维修", 1, 10000)
    part = add_line(desk, job.id, "part", "搓纸轮", 1, 8000)
    add_line(desk, job.id, "discount", "折扣", 1, 9000)
    with pytest.raises(ValidationError):
        remove_line(desk, labour.id)  # would leave ¥90.00 off ¥80.00
    assert not OrderLine.get_by_id(labour.id).removed
    removed = remove_line(desk, part.id)
    assert removed.removed and OrderLine.select().count() == 3
    assert order_totals(job.id).to_pay == 1000
    assert AuditEntry.select().where(AuditEntry.action == "remove").count() == 1
    with pytest.raises(NotFound):
        remove_line(desk, 999_999)


def test_a_technician_changes_only_the_lines_of_his_own_orders(db, clock, tech):
    other = make_actor("technician", clock, username="tech2", name="王师傅")
    walk_in = customer(clock)
    mine = order(clock, walk_in, technician=tech.staff)
    theirs = order(clock, walk_in, technician=other.staff)
    line = add_line(tech, mine.id, "part", "搓纸轮", 1, 8000, code="P-ROLLER", points=2)
    assert (line.code, line.points, line.created_by_id) == ("P-ROLLER", 2, tech.staff.id)
    with pytest.raises(PermissionDenied):
        add_line(tech, theirs.id, "part", "搓纸轮", 1, 8000)
    with pytest.raises(PermissionDenied):
        remove_line(other, line.id)


def test_closed_orders_keep_their_lines_and_coverage(db, clock, desk, lead):
    job = order(clock, customer(clock))
    line = add_line(desk, job.id, "part", "搓纸轮", 1, 8000)
    RepairOrder.update(state="closed", closed_at=clock.now()).execute()
    for change in (
        lambda: add_line(desk, job.id, "part", "搓纸轮", 1, 8000),
        lambda: remove_line(desk, line.id),
        lambda: check_coverage(desk, job.id),
        lambda: override_coverage(lead, job.id, "warranty", "goodwill"),
    ):
        with pytest.raises(ValidationError):
            change()


# Totals and payments -----------------------------------------------------------------

def test_paid_is_payments_minus_refunds_net_of_reversals(db, clock, desk):
    job = order(clock, customer(clock))
    add_line(desk, job.id, "labour", "维修", 1, 20000)
    first = ledger(clock, job, "payment", 5000)
    ledger(clock, job, "payment", 15000)
    ledger(clock, job, "payment", -5000, reverses=first)  # a mistaken entry reversed
    ledger(clock, job, "refund", 1000)
    ledger(clock, job, "charge", 20000)
    ledger(clock, order(clock, customer(clock)), "payment", 777)  # another order's
    assert paid_cents(job.id) == 14000
    totals = order_totals(job.id)
    assert (totals.to_pay, totals.paid, totals.balance) == (20000, 14000, 6000)


def test_totals_add_the_shops_tax(db, clock, desk):
    ShopSettings.update(tax_rate_basis_points=600).execute()
    job = order(clock, customer(clock))
    add_line(desk, job.id, "labour", "维修", 1, 10025)
    totals = order_totals(job.id)
    assert totals.tax == 602 and totals.to_pay == 10627  # 601.5 rounds up


def test_an_order_without_lines_or_payments_totals_zero(db, clock):
    job = order(clock, customer(clock))
    assert order_totals(job.id) == Totals(0, 0, 0, 0, 0, 0, 0, 0)
