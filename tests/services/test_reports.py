"""Reports: every figure against one worked by hand on a small shop, on SQLite and PostgreSQL.

The shop's clock stands at Monday 2026-11-23 09:00 in Shanghai (01:00 UTC).
Times below are Shanghai time; ``L()`` turns them into the stored UTC.
Last week is 2026-11-16 … 11-22; the week 10-26 … 11-01 crosses a month end.
"""

from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace

import pytest

from shopdesk.clock import from_local
from shopdesk.errors import PermissionDenied, ValidationError
from shopdesk.models import Customer, Device, OrderLine, RepairOrder, ServiceContract
from shopdesk.models.followups import Complaint, FollowUpCall
from shopdesk.rules import reports as periods
from shopdesk.services import ledger, orders, reports
from shopdesk.services.reports import Filters
from tests.conftest import make_actor

TZ = "Asia/Shanghai"
_numbers = itertools.count(1)


def L(text: str) -> dt.datetime:
    """Shanghai wall time → naive UTC."""
    return from_local(dt.datetime.fromisoformat(text), TZ)


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


LAST_WEEK = periods.week_period(D("2026-11-16"))
CROSSING_WEEK = periods.week_period(D("2026-11-01"))  # Mon 10-26 … Sun 11-01
NOVEMBER = periods.month_period(D("2026-11-01"))
OCTOBER = periods.month_period(D("2026-10-01"))
EMPTY_WEEK = periods.week_period(D("2026-06-03"))
EMPTY_MONTH = periods.month_period(D("2026-06-01"))


# -- the shop -------------------------------------------------------------------------------

def customer(name, region, kind="walk_in", created="2025-01-10 10:00", **kw):
    n = next(_numbers)
    return Customer.create(number=f"C{n:06d}", name=name, kind=kind, region=region, phone=f"1380000{n:04d}",
                           created_at=L(created), **kw)


def device(owner, brand, model, **kw):
    return Device.create(customer=owner, brand=brand, model=model, serial=f"SN{next(_numbers):06d}",
                         created_at=L("2025-01-10 10:00"), **kw)


def order(of, dev, reported, *, state, tech=None, location="onsite", coverage="paid", fault="卡纸", **times):
    n = next(_numbers)
    values = {k: (L(v) if isinstance(v, str) else v) for k, v in times.items()}
    return RepairOrder.create(number=f"R{n:07d}", customer=of, device=dev, state=state, location=location,
                              technician=tech.staff if tech else None, region=of.region, coverage=coverage,
                              fault=fault, reported_at=L(reported), created_at=L(reported), address="深圳", **values)


def line(of_order, kind, price, covered=False, removed=False):
    return OrderLine.create(order=of_order, kind=kind, description=kind, quantity=1, unit_price=price, covered=covered,
                            removed=removed, created_at=of_order.reported_at)


def call(of_order, stage, made, tech, outcome="reached", **scores):
    return FollowUpCall.create(order=of_order, customer=of_order.customer_id, stage=stage, due_at=L(made),
                               made_at=L(made), technician=tech.staff, outcome=outcome,
                               retry_at=None if outcome == "reached" else L(made) + dt.timedelta(hours=2),
                               created_at=L(made), **{f"score_{k}": v for k, v in scores.items()})


@pytest.fixture
def shop(db, clock, owner):
    return build_shop(clock, owner)


def build_shop(clock, owner) -> SimpleNamespace:
    """The small shop every figure below was counted from by hand (see the module doc for the times)."""
    s = SimpleNamespace(owner=owner, clock=clock)
    s.lead = make_actor("team_lead", clock, "lead", "赵组长")
    s.chen = make_actor("technician", clock, "chen", "陈师傅")
    s.li = make_actor("technician", clock, "li", "李师傅")
    s.desk = make_actor("front_desk", clock, "desk", "王小姐")

    # customers: c1 new this November, c4 lost in November, c6 lost in October but back since
    c1 = s.c1 = customer("王伟", "福田", created="2026-11-02 10:00")
    c2 = s.c2 = customer("深圳正方达贸易", "南山", kind="contract")
    c3 = s.c3 = customer("李娜", "福田", kind="rental", created="2025-06-01 10:00")
    c4 = s.c4 = customer("陈先生", "罗湖", created="2024-05-01 10:00")
    c5 = s.c5 = customer("周女士", "罗湖", created="2024-01-01 10:00")
    c6 = s.c6 = customer("刘先生", "宝安", created="2024-02-01 10:00")
    customer("十月底", "宝安", created="2026-10-31 23:30")  # October in Shanghai (15:30 UTC)
    customer("十一月初", "宝安", created="2026-11-01 00:10")  # November in Shanghai, still October in UTC
    customer("王伟 (重复)", "福田", created="2026-11-05 10:00", merged_into=c1, archived=True)
    d1 = device(c1, "Ricoh", "MP 2555")
    d2 = device(c2, "Ricoh", "IM C2000")
    d3 = device(c3, "Canon", "iR 2625", owned_by_shop=True)
    d4 = device(c4, "Sharp", "MX-M3551")
    d5 = device(c5, "HP", "LaserJet Pro M404")
    d6 = device(c6, "Epson", "L3258")
    ServiceContract.create(number="K000001", customer=c2, kind="service", starts_on=D("2025-01-01"),
                           ends_on=D("2027-12-31"), created_at=L("2025-01-01 10:00"))
    ServiceContract.create(number="K000002", customer=c3, kind="rental", device=d3, starts_on=D("2025-06-01"),
                           ends_on=D("2027-05-31"), covers_parts=True, created_at=L("2025-06-01 10:00"))

    # last week's work
    s.o1 = order(c1, d1, "2026-11-17 09:00", state="closed", tech=s.chen, dispatched_at="2026-11-17 09:03",
                 assigned_at="2026-11-17 09:12", appointment_at="2026-11-17 10:30", started_at="2026-11-17 10:40",
                 resolved_at="2026-11-17 11:30", receipt_returned_at="2026-11-17 15:00",
                 closed_at="2026-11-18 10:00")
    s.o2 = order(c2, d2, "2026-11-18 14:00", state="receipt_returned", tech=s.li, coverage="contract",
                 fault="复印有黑线", dispatched_at="2026-11-18 14:10", assigned_at="2026-11-18 14:20",
                 appointment_at="2026-11-18 15:00", started_at="2026-11-18 15:05",
                 resolved_at="2026-11-19 16:00", receipt_returned_at="2026-11-20 10:00")
    s.o4 = order(c1, d1, "2026-11-20 10:00", state="ready_for_pickup", tech=s.li, location="bench",
                 coverage="repair_warranty", repeat_of=s.o1, resolved_at="2026-11-21 12:00:01",
                 ready_at="2026-11-21 12:00:01")
    s.o5 = order(c2, d2, "2026-11-20 16:00", state="resolved", tech=s.li, coverage="contract", fault="复印有黑线",
                 dispatched_at="2026-11-20 16:04", assigned_at="2026-11-20 16:30",
                 resolved_at="2026-11-22 16:00:01", carried_over_on=D("2026-11-22"))
    # earlier in November, and across the month end
    s.o6 = order(c2, d2, "2026-11-10 09:00", state="closed", tech=s.chen, coverage="contract", fault="复印有黑线",
                 dispatched_at="2026-11-10 09:05", assigned_at="2026-11-10 09:06",
                 resolved_at="2026-11-10 12:00", closed_at="2026-11-12 10:00")
    s.o7 = order(c3, d3, "2026-10-31 20:00", state="closed", tech=s.li, coverage="rental", fault="打印浅淡",
                 dispatched_at="2026-10-31 20:03", assigned_at="2026-10-31 20:08",
                 resolved_at="2026-11-01 09:00", closed_at="2026-11-01 10:00")
    s.o8 = order(c1, d1, "2026-11-01 00:30", state="closed", tech=s.chen, dispatched_at="2026-11-01 00:50",
                 assigned_at="2026-11-01 00:55", resolved_at="2026-11-01 23:00", closed_at="2026-11-02 10:00")
    s.o11 = order(c5, d5, "2026-11-01 23:00", state="closed", tech=s.li, location="bench", fault="开机报错 SC542",
                  resolved_at="2026-11-02 00:30", closed_at="2026-11-06 10:00")
    s.o13 = order(c6, d6, "2026-11-10 10:00", state="closed", tech=s.li, fault="网络打印不出",
                  dispatched_at="2026-11-10 10:02", assigned_at="2026-11-10 10:02",
                  resolved_at="2026-11-10 15:00", closed_at="2026-11-12 10:00")
    s.o20 = order(c5, d5, "2026-10-30 10:00", state="ready_for_pickup", tech=s.li, location="bench",
                  fault="出纸有褶皱", resolved_at="2026-11-01 12:00", ready_at="2026-11-01 12:00")
    # a year ago: c4 last came in November 2025, c6 in October 2025 (and again this November)
    order(c4, d4, "2025-11-10 10:00", state="closed", tech=s.chen, resolved_at="2025-11-10 15:00",
          closed_at="2025-11-12 10:00")
    order(c5, d5, "2025-11-20 10:00", state="closed", tech=s.li, resolved_at="2025-11-20 15:00",
          closed_at="2025-11-22 10:00")
    order(c6, d6, "2025-10-15 10:00", state="closed", tech=s.li, resolved_at="2025-10-15 15:00",
          closed_at="2025-10-17 10:00")
    # this morning's board
    s.o14 = order(c2, d2, "2026-11-23 08:50", state="new", coverage="contract", fault="卡纸")
    s.o15 = order(c1, d1, "2026-11-23 08:57", state="new", fault="卡纸 ")
    s.o16 = order(c3, d3, "2026-11-23 08:30", state="dispatched", coverage="rental", fault="打印浅淡",
                  dispatched_at="2026-11-23 08:33")
    s.o17 = order(c1, d1, "2026-11-22 16:00", state="appointment_set", tech=s.chen, fault="打印浅淡",
                  dispatched_at="2026-11-22 16:01", assigned_at="2026-11-22 16:05",
                  appointment_at="2026-11-23 08:30")
    s.o18 = order(c2, d2, "2026-11-20 11:00", state="appointment_set", tech=s.li, coverage="contract",
                  fault="出纸有褶皱", dispatched_at="2026-11-20 11:06", assigned_at="2026-11-20 11:10",
                  appointment_at="2026-11-23 14:00", carried_over_on=D("2026-11-20"))
    s.o19 = order(c3, d3, "2026-11-22 17:00", state="in_progress", tech=s.chen, coverage="rental", fault="异响",
                  dispatched_at="2026-11-22 17:05", assigned_at="2026-11-22 17:15",
                  appointment_at="2026-11-23 08:00", started_at="2026-11-23 08:05")
    order(c1, d1, "2026-11-20 09:00", state="cancelled", fault="取消了")  # reported, but never open today

    # o3 goes through the real workflow: dispatched, assigned, started, marked unresolved by 陈师傅
    clock.at = L("2026-11-19 09:00")
    s.o3 = orders.create_order(owner, c3.id, d3.id, fault="开机报错 SC542", location="onsite",
                               address="深圳市福田区华强北路 1 号")
    for actor, action, when, inputs in (
            (owner, "dispatch", "2026-11-19 09:02", {"dispatched_to": s.lead.staff.id}),
            (s.lead, "assign", "2026-11-19 09:20", {"technician": s.chen.staff.id}),
            (s.chen, "set_appointment", "2026-11-19 09:30", {"appointment_at": L("2026-11-19 10:00")}),
            (s.chen, "start", "2026-11-19 10:05", {}),
            (s.chen, "mark_unresolved", "2026-11-19 11:00", {"reason": "主板损坏，需要换主板"})):
        clock.at = L(when)
        orders.act(actor, s.o3.id, action, RepairOrder.get_by_id(s.o3.id).version, **inputs)
    clock.at = L("2026-11-23 09:00")
    s.o3 = RepairOrder.get_by_id(s.o3.id)
    for who, last in ((c1, "2026-11-23 08:57"), (c2, "2026-11-23 08:50"), (c3, "2026-11-23 08:30"),
                      (c4, "2025-11-10 10:00"), (c5, "2026-11-01 23:00"), (c6, "2026-11-10 10:00")):
        Customer.update(last_order_at=L(last)).where(Customer.id == who.id).execute()

    # lines of the orders closed in November (o2 and o5 are not closed: not counted)
    for o, kind, price, covered in ((s.o1, "labour", 12000, False), (s.o1, "part", 8000, False),
                                    (s.o1, "travel", 5000, False),
                                    (s.o6, "labour", 12000, True), (s.o6, "part", 45000, False),
                                    (s.o6, "travel", 5000, True), (s.o6, "other", 6000, False),
                                    (s.o7, "labour", 12000, True), (s.o7, "part", 8000, True),
                                    (s.o8, "labour", 8000, False), (s.o8, "discount", 1000, False),
                                    (s.o11, "labour", 12000, False), (s.o13, "labour", 10000, False),
                                    (s.o2, "labour", 12000, True), (s.o2, "part", 68000, False)):
        line(o, kind, price, covered)
    line(s.o8, "part", 5000, removed=True)  # taken off the order: not counted

    # the ledger
    def post(kind, amount, o, day, method="", tech=None):
        return ledger.post(owner, kind, amount, order_id=o.id, technician_id=tech.staff.id if tech else None,
                           method=method, entry_date=D(day))

    post("payment", 3000, s.o20, "2026-10-20", "cash")
    post("payment", 25000, s.o1, "2026-11-17", "cash", s.chen)
    post("charge", 25000, s.o1, "2026-11-18")
    post("charge", 51000, s.o6, "2026-11-12")
    post("payment", 51000, s.o6, "2026-11-12", "wechat")
    post("charge", 7000, s.o8, "2026-11-02")
    post("payment", 7000, s.o8, "2026-11-02", "alipay")
    post("refund", 2000, s.o8, "2026-11-03")
    post("charge", 12000, s.o11, "2026-11-06")
    post("payment", 12000, s.o11, "2026-11-06", "cash")
    wrong = post("charge", 10000, s.o13, "2026-11-12")
    ledger.reverse(owner, wrong.id, "wrong order", entry_date=D("2026-11-13"))
    post("charge", 10000, s.o13, "2026-11-13")
    post("hand_in", 25000, s.o1, "2026-11-18", "cash", s.chen)  # not a charge, payment or refund

    # follow-up calls
    call(s.o1, "A", "2026-11-17 10:50", s.chen, timeliness=5, attitude=5, explanation=4, result=5)
    call(s.o2, "A", "2026-11-18 15:20", s.li, timeliness=2, attitude=4, explanation=3, result=4)
    call(s.o1, "C", "2026-11-18 09:00", s.chen, timeliness=4, attitude=5, explanation=5, result=5)
    call(s.o2, "B", "2026-11-19 12:00", s.li, outcome="no_answer")
    call(s.o5, "A", "2026-11-20 17:00", s.li, attitude=3)
    call(s.o6, "A", "2026-11-10 10:00", s.chen, timeliness=1, attitude=1, explanation=1, result=1)  # before the week
    FollowUpCall.create(order=None, customer=c2, stage="periodic", due_at=L("2026-11-21 10:00"),
                        made_at=L("2026-11-21 10:00"), outcome="reached", score_attitude=5,
                        created_at=L("2026-11-21 10:00"))

    # complaints: one past its 24 hours, one not yet, one resolved
    for number, received, status in (("T000001", "2026-11-21 10:00", "open"), ("T000002", "2026-11-22 20:00", "open"),
                                     ("T000003", "2026-11-20 10:00", "resolved")):
        Complaint.create(number=number, received_at=L(received), customer=c1, category="service",
                         description="等太久", status=status, created_at=L(received))
    s.late_complaint = Complaint.get(Complaint.number == "T000001")
    return s


# -- today ------------------------------------------------------------------------------------

def test_today_counts_what_needs_attention_now(shop):
    report = reports.today(shop.owner)
    assert report.day == D("2026-11-23")
    expected_states = dict.fromkeys(orders.workflow.OPEN_STATES, 0)
    expected_states.update(new=2, dispatched=1, appointment_set=2, in_progress=1, unresolved=1, receipt_returned=1,
                           resolved=1, ready_for_pickup=2)
    assert report.open_by_state == expected_states
    assert report.open_total == 11
    assert (report.late_dispatch, report.late_assign) == (1, 1)  # o14 10 minutes new; o16 27 minutes unassigned
    assert report.appointments_today == 3  # o17 08:30, o18 14:00, o19 08:00
    assert report.missed_appointments == 1  # o17: 08:30 + 15 minutes passed, not started
    assert report.carried_over == 1  # o18 (o5 was carried over too, but its work is done)
    assert report.waiting_redispatch == 1  # o3
    assert (report.ready_for_pickup, report.unclaimed) == (2, 1)  # o20 ready since 11-01
    assert report.complaints_overdue == 1


def test_follow_up_calls_due_are_the_follow_up_lists(shop):
    # A: o17, o19 (appointments passed); B: o3 (reported 4 days ago); C: o2 (receipt back);
    # periodic: the rental customer 李娜 (正方达 was reached on 11-21). Overdue: o2's and 李娜's.
    assert reports.calls_due(shop.owner) == reports.CallsDue(5, 2)


@pytest.mark.parametrize("key", ["open_total", "late_dispatch", "late_assign", "waiting_redispatch",
                                 "ready_for_pickup", "unclaimed", *(f"state:{s}" for s in orders.workflow.OPEN_STATES)])
def test_each_board_figure_opens_exactly_its_orders(shop, key):
    report = reports.today(shop.owner)
    board = orders.board(shop.owner, reports.board_filter_for(key), 0, 500)
    assert board.total == report.figure(key)


@pytest.mark.parametrize("key, expected", [
    ("appointments_today", ["o19", "o17", "o18"]),  # by appointment time
    ("missed_appointments", ["o17"]),
    ("carried_over", ["o18"]),
])
def test_the_other_figures_list_their_orders(shop, key, expected):
    found = reports.figure_list(shop.owner, key)
    assert [r.number for r in found.rows] == [getattr(shop, name).number for name in expected]
    assert found.total == reports.today(shop.owner).figure(key)
    assert {r.kind for r in found.rows} == {"order"}


def test_complaints_past_24_hours_list(shop):
    found = reports.figure_list(shop.owner, "complaints_overdue")
    assert [(r.kind, r.id, r.number, r.status) for r in found.rows] == [
        ("complaint", shop.late_complaint.id, "T000001", "open")]
    assert found.total == 1


def test_a_figure_list_pages(shop):
    first = reports.figure_list(shop.owner, "appointments_today", limit=2)
    rest = reports.figure_list(shop.owner, "appointments_today", offset=2, limit=2)
    assert (first.total, len(first.rows), len(rest.rows)) == (3, 2, 1)


# -- the week's review ---------------------------------------------------------------------------

def _by_name(rows):
    return {r.name: r for r in rows}


def test_last_weeks_review_per_technician(shop):
    report = reports.review(shop.owner, LAST_WEEK)
    techs = _by_name(report.technicians)
    assert set(techs) == {"陈师傅", "李师傅"}
    chen, li = techs["陈师傅"], techs["李师傅"]
    assert (chen.resolved, chen.unresolved, chen.repeats) == (1, 1, 1)  # o1; o3; o4 repeats o1
    assert (li.resolved, li.unresolved, li.repeats) == (3, 0, 0)  # o2, o4, o5
    assert chen.median_seconds == 9000  # o1: 2 h 30
    assert li.median_seconds == 93601  # 93600, 93601, 172801
    assert (chen.arrival_calls, chen.on_time, chen.on_time_tenths) == (1, 1, 1000)
    assert (li.arrival_calls, li.on_time, li.on_time_tenths) == (1, 0, 0)
    assert [chen.score_hundredths(s) for s in reports.SCORES] == [450, 500, 450, 500]
    assert chen.satisfaction_hundredths == 475  # 38 / 8
    assert [li.score_hundredths(s) for s in reports.SCORES] == [200, 350, 300, 400]
    assert li.satisfaction_hundredths == 320  # 16 / 5


def test_last_weeks_review_per_region_and_in_all(shop):
    report = reports.review(shop.owner, LAST_WEEK)
    regions = _by_name(report.regions)
    assert set(regions) == {"福田", "南山"}
    futian, nanshan = regions["福田"], regions["南山"]
    assert (futian.resolved, futian.unresolved, futian.repeats, futian.median_seconds) == (2, 1, 1, 51300)
    assert (nanshan.resolved, nanshan.unresolved, nanshan.repeats, nanshan.median_seconds) == (2, 0, 0, 133200)
    assert futian.satisfaction_hundredths == 475 and nanshan.satisfaction_hundredths == 320
    total = report.total
    assert (total.resolved, total.unresolved, total.repeats) == (4, 1, 1)
    assert total.median_seconds == 93600  # middles 93600 and 93601: their mean, rounded down
    assert (total.arrival_calls, total.on_time, total.on_time_tenths) == (2, 1, 500)
    assert [total.score_hundredths(s) for s in reports.SCORES] == [367, 425, 400, 467]
    assert total.satisfaction_hundredths == 415  # 54 / 13


def test_a_week_across_the_month_end(shop):
    report = reports.review(shop.owner, CROSSING_WEEK)
    techs = _by_name(report.technicians)
    assert {n: (r.resolved, r.median_seconds) for n, r in techs.items()} == {
        "陈师傅": (1, 81000),  # o8, resolved Sunday 23:00
        "李师傅": (2, 113400),  # o7 (13 h) and o20 (50 h); o11 was resolved at 00:30 on Monday
    }
    regions = _by_name(report.regions)
    assert {n: (r.resolved, r.median_seconds) for n, r in regions.items()} == {"福田": (2, 63900), "罗湖": (1, 180000)}
    assert (report.total.resolved, report.total.median_seconds) == (3, 81000)
    assert report.total.unresolved == report.total.repeats == report.total.arrival_calls == 0


def test_an_empty_week(shop):
    report = reports.review(shop.owner, EMPTY_WEEK)
    assert report.technicians == [] and report.regions == []
    assert report.total.is_empty and report.total.median_seconds is None
    assert report.total.on_time_tenths is None and report.total.satisfaction_hundredths is None


def test_the_review_narrowed_by_filters(shop):
    li = reports.review(shop.owner, LAST_WEEK, Filters(technician_id=shop.li.staff.id))
    assert [r.name for r in li.technicians] == ["李师傅"]
    assert (li.total.resolved, li.total.unresolved, li.total.median_seconds) == (3, 0, 93601)
    nanshan = reports.review(shop.owner, LAST_WEEK, Filters(region="南山"))
    assert (nanshan.total.resolved, nanshan.total.arrival_calls, nanshan.total.median_seconds) == (2, 1, 133200)
    rental = reports.review(shop.owner, LAST_WEEK, Filters(customer_kind="rental"))
    assert (rental.total.resolved, rental.total.unresolved, rental.total.repeats) == (0, 1, 0)  # o3 is 李娜's
    walk_in = reports.review(shop.owner, LAST_WEEK, Filters(customer_kind="walk_in"))
    assert (walk_in.total.resolved, walk_in.total.repeats, walk_in.total.median_seconds) == (2, 1, 51300)


# -- the month -------------------------------------------------------------------------------------

def test_november_money_by_kind_and_coverage(shop):
    report = reports.month(shop.owner, NOVEMBER)
    assert report.orders_closed == 6  # o1, o6, o7, o8, o11, o13
    assert [(k.kind, k.value, k.covered, k.charged) for k in report.by_kind] == [
        ("labour", 66000, 24000, 42000), ("part", 61000, 8000, 53000), ("travel", 10000, 5000, 5000),
        ("other", 6000, 0, 6000)]
    assert report.discount == 1000
    assert (report.value, report.covered, report.charged) == (143000, 37000, 106000)
    assert [(c.coverage, c.orders, c.value, c.covered, c.charged) for c in report.coverage] == [
        ("rental", 1, 20000, 20000, 0), ("contract", 1, 68000, 17000, 51000), ("warranty", 0, 0, 0, 0),
        ("repair_warranty", 0, 0, 0, 0), ("paid", 4, 55000, 0, 55000)]


def test_november_money_in_the_ledger(shop):
    money = reports.month(shop.owner, NOVEMBER).ledger
    assert (money.charged, money.collected, money.refunded) == (105000, 93000, 2000)
    assert money.by_method == {"cash": 37000, "wechat": 51000, "alipay": 7000, "bank": 0, "card": 0}


def test_november_faults_models_and_dispatch(shop):
    report = reports.month(shop.owner, NOVEMBER)
    assert report.orders_reported == 16  # the cancelled one too
    assert [(r.label, r.count) for r in report.faults] == [  # "卡纸 " counts as 卡纸; ties by their text
        ("卡纸", 5), ("复印有黑线", 3), ("开机报错 SC542", 2), ("打印浅淡", 2), ("出纸有褶皱", 1), ("取消了", 1),
        ("异响", 1), ("网络打印不出", 1)]
    assert [(r.label, r.count) for r in report.models] == [
        ("Ricoh MP 2555", 6), ("Ricoh IM C2000", 5), ("Canon iR 2625", 3), ("Epson L3258", 1),
        ("HP LaserJet Pro M404", 1)]
    # dispatch: 12 on-site orders due, 8 within 5 minutes (o6 at exactly 5:00 counts; o14 still new is late)
    assert (report.dispatch_in_time, report.dispatch_due, report.dispatch_tenths) == (8, 12, 667)
    # assignment: 11 due, 8 within 10 minutes (o2 and o19 at exactly 10:00; o16 still unassigned is late)
    assert (report.assign_in_time, report.assign_due, report.assign_tenths) == (8, 11, 727)


def test_new_and_lost_customers(shop):
    november = reports.month(shop.owner, NOVEMBER)
    assert november.new_customers == 2  # 王伟 and the one created at 00:10 on 11-01; the merged duplicate not
    assert november.lost_customers == 1  # 陈先生: last order 2025-11-10
    october = reports.month(shop.owner, OCTOBER)
    assert october.new_customers == 1  # created 23:30 on 10-31
    assert october.lost_customers == 0  # 刘先生 went a year without an order in October, but came back since


def test_october_seen_from_its_own_month(shop):
    report = reports.month(shop.owner, OCTOBER)
    assert report.orders_reported == 2  # o7 (10-31 20:00) and o20; o8 at 00:30 on 11-01 is November's
    assert report.orders_closed == 0 and report.value == 0
    assert report.ledger.collected == 3000 and report.ledger.charged == 0
    assert (report.dispatch_in_time, report.dispatch_due) == (1, 1)  # o7 (o20 is a bench order)


def test_an_empty_month(shop):
    report = reports.month(shop.owner, EMPTY_MONTH)
    assert report.orders_reported == report.orders_closed == report.discount == 0
    assert all(k.value == k.covered == 0 for k in report.by_kind)
    assert all(c.orders == c.value == 0 for c in report.coverage)
    assert (report.ledger.charged, report.ledger.collected, report.ledger.by_method["cash"]) == (0, 0, 0)
    assert report.faults == [] and report.models == []
    assert report.dispatch_tenths is None and report.assign_tenths is None
    assert report.new_customers == report.lost_customers == 0


def test_the_month_narrowed_to_a_region(shop):
    report = reports.month(shop.owner, NOVEMBER, Filters(region="福田"))  # o1, o7, o8
    assert report.orders_closed == 3
    assert [(k.kind, k.value, k.covered) for k in report.by_kind] == [
        ("labour", 32000, 12000), ("part", 16000, 8000), ("travel", 5000, 0), ("other", 0, 0)]
    assert (report.ledger.charged, report.ledger.collected, report.ledger.refunded) == (32000, 30000, 2000)
    assert report.ledger.by_method == {"cash": 25000, "wechat": 0, "alipay": 7000, "bank": 0, "card": 0}
    assert report.new_customers == 1  # 王伟 (福田); the other new customer is in 宝安


def test_the_team_lead_sees_the_month_without_the_ledger(shop):
    report = reports.month(shop.lead, NOVEMBER)
    assert report.ledger is None and report.charged == 106000
    assert all(point.collected is None for point in reports.trend(shop.lead, NOVEMBER.last))


# -- the trend ----------------------------------------------------------------------------------------

def test_twelve_months_to_november(shop):
    points = reports.trend(shop.owner, NOVEMBER.last)
    assert [p.month for p in points] == ["2025-12", *(f"2026-{m:02d}" for m in range(1, 12))]
    assert [(p.reported, p.resolved, p.collected) for p in points[-2:]] == [(2, 0, 3000), (16, 10, 93000)]
    assert all((p.reported, p.resolved, p.collected) == (0, 0, 0) for p in points[:-2])


def test_the_trend_for_one_technician(shop):
    points = reports.trend(shop.owner, NOVEMBER.last, Filters(technician_id=shop.chen.staff.id))
    # 陈师傅's November orders: o1, o3, o6, o8, o17, o19; resolved o1, o6, o8; money on o1, o6, o8
    assert (points[-1].reported, points[-1].resolved, points[-1].collected) == (6, 3, 81000)


# -- who may, what is refused ------------------------------------------------------------------------

def test_only_the_team_lead_and_the_owner_see_reports(shop):
    for actor in (shop.desk, shop.chen):
        with pytest.raises(PermissionDenied):
            reports.today(actor)
        with pytest.raises(PermissionDenied):
            reports.review(actor, LAST_WEEK)
    assert reports.today(shop.lead).open_total == 11


def test_an_unknown_customer_type_is_refused():
    with pytest.raises(ValidationError):
        Filters(customer_kind="vip")


def test_the_filters_offer_people_and_regions(shop):
    choices = reports.filter_choices(shop.owner)
    assert [name for _, name in choices.technicians] == sorted(["赵组长", "陈师傅", "李师傅"])
    assert choices.regions == sorted(["福田", "南山", "罗湖", "宝安"])


def test_the_benchmark_has_one_call_per_report(shop):
    calls = reports.benchmark_calls(shop.owner)
    assert len(calls) == 5
    for name, call_ in calls:
        assert call_() is not None, name
