"""Follow-ups: the queue from the database, call records, complaints, care, churn, the month's figures."""

import datetime as dt
import itertools
import json

import pytest

from shopdesk.errors import IllegalTransition, NotFound, PermissionDenied, StaleRecord, ValidationError
from shopdesk.models import ALL_MODELS, AuditEntry, Customer, Device, OrderEvent, RepairOrder, ServiceContract
from shopdesk.models.followups import FOLLOWUP_MODELS, CareHoliday, Complaint, FollowUpCall, Greeting
from shopdesk.models.orders import OrderPhoto
from shopdesk.rules import followups as rules
from shopdesk.services import followups
from tests.conftest import make_actor

H = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def followup_tables(db):
    """Until the follow-up models join ALL_MODELS (and the migration), the tests make their tables.
    The PostgreSQL test database is shared, so rows left by an earlier test are removed."""
    missing = [m for m in [*FOLLOWUP_MODELS, OrderPhoto] if m not in ALL_MODELS]
    db.create_tables(missing, safe=True)
    for model in reversed(FOLLOWUP_MODELS):
        model.delete().execute()
    return db


@pytest.fixture
def shop(db, clock):
    class Shop:
        desk = make_actor("front_desk", clock, name="小李")
        lead = make_actor("team_lead", clock, name="组长")
        chen = make_actor("technician", clock, "chen", "陈师傅")
        wang = make_actor("technician", clock, "wang", "王师傅")

    return Shop


def customer(clock, name="王伟", **kw):
    n = next(_numbers)
    kw.setdefault("phone", f"13800{n:06d}")
    return Customer.create(number=f"C{n:06d}", name=name, created_at=clock.now(), **kw)


def order(clock, of_customer, state="appointment_set", location="onsite", technician=None, **kw):
    n = next(_numbers)
    kw.setdefault("reported_at", clock.now() - 2 * H)
    device = kw.pop("device", None)
    return RepairOrder.create(number=f"R{n:07d}", customer=of_customer, device=device, state=state, location=location,
                              technician=technician.staff if technician else None, region=of_customer.region,
                              address="深圳市福田区深南大道1号", created_at=clock.now(), **kw)


def keys(page):
    return [(row.stage, row.order_number or row.customer) for row in page.rows]


# -- the queue ------------------------------------------------------------------------------------

@pytest.fixture
def busy_day(shop, clock):
    """One call of each stage due at 09:00 Shanghai on 2026-11-23, plus orders that need none."""
    now = clock.now()
    futian = customer(clock, "王伟", region="福田")
    nanshan = customer(clock, "李娜", region="南山")
    firm = customer(clock, "深圳正方达贸易", kind="contract", region="福田")
    ServiceContract.create(number="K000001", customer=firm, starts_on=dt.date(2026, 1, 1),
                           ends_on=dt.date(2026, 12, 31), created_at=now)
    day = type("Day", (), {})()
    day.a = order(clock, futian, technician=shop.chen, appointment_at=now - 30 * dt.timedelta(minutes=1))
    day.b = order(clock, nanshan, state="waiting_for_parts", technician=shop.wang, reported_at=now - 4 * DAY)
    day.c = order(clock, futian, state="receipt_returned", technician=shop.chen, appointment_at=now - 2 * DAY,
                  receipt_returned_at=now - 3 * H)
    order(clock, futian, state="closed", technician=shop.chen, appointment_at=now - H, reported_at=now - 30 * DAY)
    order(clock, nanshan, state="appointment_set", appointment_at=now + H)  # not yet
    order(clock, nanshan, state="new", reported_at=now - H)  # not long yet
    day.futian, day.nanshan, day.firm = futian, nanshan, firm
    return day


def test_the_queue_lists_each_due_call_once_soonest_first(shop, busy_day, clock):
    page = followups.queue(shop.desk, clock.now())
    assert keys(page) == [("periodic", "深圳正方达贸易"), ("B", busy_day.b.number), ("C", busy_day.c.number),
                          ("A", busy_day.a.number)]
    assert page.total == 4
    periodic, b, c, a = page.rows
    assert periodic.due_at == dt.datetime(2026, 3, 31, 16, 0)  # 90 days after the contract began (Shanghai midnight)
    assert periodic.overdue and b.overdue is False and not a.overdue
    assert page.overdue == 1
    assert (a.technician, a.customer, a.region, a.phone) == ("陈师傅", "王伟", "福田", busy_day.futian.phone)
    assert b.due_at == busy_day.b.reported_at + 3 * DAY and b.order_state == "waiting_for_parts"


def test_the_queue_filters_by_stage_region_and_technician(shop, busy_day, clock):
    now = clock.now()
    assert keys(followups.queue(shop.desk, now, stage="C")) == [("C", busy_day.c.number)]
    assert keys(followups.queue(shop.desk, now, stage="periodic")) == [("periodic", "深圳正方达贸易")]
    assert [k[0] for k in keys(followups.queue(shop.desk, now, region="福田"))] == ["periodic", "C", "A"]
    assert keys(followups.queue(shop.desk, now, staff_id=shop.wang.staff.id)) == [("B", busy_day.b.number)]
    page = followups.queue(shop.desk, now, offset=1, limit=2)
    assert page.total == 4 and [r.stage for r in page.rows] == ["B", "C"]


def test_a_reached_call_takes_the_item_off_the_queue(shop, busy_day, clock):
    result = followups.record_call(shop.desk, stage="A", order_id=busy_day.a.id, outcome="reached",
                                   scores={"timeliness": 5})
    call = result.call
    assert (call.stage, call.attempt, call.due_at, call.made_by_id, call.technician_id) == (
        "A", 1, busy_day.a.appointment_at + rules.STAGE_A_GRACE, shop.desk.staff.id, shop.chen.staff.id)
    assert not call.unsatisfied and not result.confirmed
    assert "A" not in [r.stage for r in followups.queue(shop.desk, clock.now()).rows]
    entry = AuditEntry.get(AuditEntry.record_type == "FollowUpCall")
    assert entry.action == "create" and json.loads(entry.changes)["outcome"] == [None, "reached"]


def test_no_answer_comes_back_at_the_retry_time_as_a_second_attempt(shop, busy_day, clock):
    retry = clock.now() + 2 * H
    followups.record_call(shop.desk, stage="B", order_id=busy_day.b.id, outcome="no_answer", retry_at=retry)
    assert "B" not in [r.stage for r in followups.queue(shop.desk, clock.now()).rows]
    clock.advance(hours=2)
    row = next(r for r in followups.queue(shop.desk, clock.now()).rows if r.stage == "B")
    assert (row.due_at, row.attempt) == (retry, 2)
    second = followups.record_call(shop.desk, stage="B", order_id=busy_day.b.id, outcome="reached",
                                   scores={"timeliness": 4}).call
    assert (second.attempt, second.due_at) == (2, retry)


def test_a_periodic_call_is_about_the_customer(shop, busy_day, clock):
    call = followups.record_call(shop.desk, stage="periodic", customer_id=busy_day.firm.id, outcome="reached",
                                 scores={"result": 5}).call
    assert call.order_id is None and call.customer_id == busy_day.firm.id and call.technician_id is None
    assert "periodic" not in [r.stage for r in followups.queue(shop.desk, clock.now()).rows]


def test_bad_call_records_change_nothing(shop, busy_day, clock):
    with pytest.raises(ValidationError) as score:
        followups.record_call(shop.desk, stage="C", order_id=busy_day.c.id, outcome="reached", scores={"result": 6})
    assert score.value.field == "score_result"
    with pytest.raises(ValidationError) as cause:
        followups.record_call(shop.desk, stage="C", order_id=busy_day.c.id, outcome="reached", scores={"result": 2})
    assert cause.value.field == "cause"
    with pytest.raises(ValidationError) as retry:
        followups.record_call(shop.desk, stage="C", order_id=busy_day.c.id, outcome="no_answer")
    assert retry.value.field == "retry_at"
    with pytest.raises(ValidationError):
        followups.record_call(shop.desk, stage="C", outcome="reached")
    with pytest.raises(NotFound):
        followups.record_call(shop.desk, stage="C", order_id=99999, outcome="reached")
    assert FollowUpCall.select().count() == 0 and RepairOrder.get_by_id(busy_day.c.id).state == "receipt_returned"


def test_roles(shop, busy_day, clock):
    with pytest.raises(PermissionDenied):
        followups.queue(shop.chen, clock.now())
    with pytest.raises(PermissionDenied):
        followups.record_call(shop.chen, stage="A", order_id=busy_day.a.id, outcome="reached")
    assert followups.queue(shop.lead, clock.now()).total == 4


# -- stage C and what an unsatisfied answer leads to -------------------------------------------------

def test_a_satisfied_stage_c_call_confirms_the_order_for_closing(shop, busy_day, clock):
    scores = dict.fromkeys(rules.SCORES, 5)
    result = followups.record_call(shop.desk, stage="C", order_id=busy_day.c.id, outcome="reached", scores=scores)
    assert result.confirmed and result.call.confirmed_order
    assert RepairOrder.get_by_id(busy_day.c.id).state == "callback_confirmed"
    event = OrderEvent.get((OrderEvent.order == busy_day.c.id) & (OrderEvent.to_state == "callback_confirmed"))
    assert event.staff_id == shop.desk.staff.id
    assert "C" not in [r.stage for r in followups.queue(shop.desk, clock.now()).rows]


def test_an_unsatisfied_stage_c_call_becomes_a_complaint_in_one_step(shop, busy_day, clock):
    call = followups.record_call(
        shop.desk, stage="C", order_id=busy_day.c.id, outcome="reached",
        scores={"timeliness": 4, "attitude": 4, "explanation": 3, "result": 2},
        leftover_problem="复印仍有黑线", cause="定影组件未更换").call
    assert call.unsatisfied and not call.confirmed_order
    assert RepairOrder.get_by_id(busy_day.c.id).state == "receipt_returned"  # not confirmed
    complaint = followups.complaint_from_call(shop.desk, call.id)
    assert complaint.number == "T000001" and complaint.status == "open" and complaint.channel == "followup"
    assert (complaint.customer_id, complaint.order_id, complaint.from_call_id) == (busy_day.futian.id, busy_day.c.id,
                                                                                   call.id)
    assert complaint.category == "quality" and "复印仍有黑线" in complaint.description
    assert complaint.received_at == clock.now()
    assert FollowUpCall.get_by_id(call.id).fix == "T000001"
    with pytest.raises(ValidationError):
        followups.complaint_from_call(shop.desk, call.id)
    assert Complaint.select().count() == 1


def test_a_satisfied_call_cannot_become_a_complaint(shop, busy_day):
    call = followups.record_call(shop.desk, stage="A", order_id=busy_day.a.id, outcome="reached",
                                 scores={"timeliness": 5}).call
    with pytest.raises(ValidationError):
        followups.complaint_from_call(shop.desk, call.id)
    with pytest.raises(ValidationError):
        followups.reopen_order_from_call(shop.desk, call.id)


def test_an_unsatisfied_customer_gets_another_visit(shop, busy_day, clock):
    device = Device.create(customer=busy_day.futian, brand="Ricoh", model="MP 2555", serial="E1", serial_key="E1",
                           created_at=clock.now())
    RepairOrder.update(device=device).where(RepairOrder.id == busy_day.c.id).execute()
    call = followups.record_call(shop.desk, stage="C", order_id=busy_day.c.id, outcome="reached",
                                 scores={"result": 1}, cause="卡纸依旧").call
    visit = followups.reopen_order_from_call(shop.desk, call.id)
    assert visit.id != busy_day.c.id and visit.customer_id == busy_day.futian.id and visit.device_id == device.id
    assert visit.state == "new" and visit.priority == "urgent" and busy_day.c.number in visit.fault
    saved = FollowUpCall.get_by_id(call.id)
    assert saved.reopened_as_id == visit.id and saved.fix == visit.number
    with pytest.raises(ValidationError):
        followups.reopen_order_from_call(shop.desk, call.id)


def test_an_open_order_is_not_reopened_from_a_call(shop, busy_day):
    call = followups.record_call(shop.desk, stage="B", order_id=busy_day.b.id, outcome="reached",
                                 scores={"timeliness": 1}, cause="等配件太久").call
    with pytest.raises(ValidationError):
        followups.reopen_order_from_call(shop.desk, call.id)


def test_cause_and_fix_can_be_completed_later_with_versioning(shop, busy_day):
    call = followups.record_call(shop.desk, stage="B", order_id=busy_day.b.id, outcome="reached",
                                 scores={"timeliness": 2}, cause="等配件").call
    saved = followups.update_call(shop.desk, call.id, call.version, fix="加急订购配件")
    assert saved.fix == "加急订购配件" and saved.version == call.version + 1
    with pytest.raises(StaleRecord):
        followups.update_call(shop.lead, call.id, call.version, fix="other")
    with pytest.raises(ValidationError):
        followups.update_call(shop.desk, call.id, saved.version, cause="")


# -- complaints --------------------------------------------------------------------------------------

def test_a_complaint_from_receipt_to_closing(shop, busy_day, clock):
    complaint = followups.create_complaint(shop.desk, busy_day.nanshan.id, "service", "师傅迟到两小时",
                                           order_id=busy_day.b.id, channel="phone")
    assert complaint.number == "T000001" and complaint.status == "open"
    with pytest.raises(ValidationError):
        followups.move_complaint(shop.desk, complaint.id, complaint.version, "in_hand")  # nobody responsible yet
    complaint = followups.update_complaint(shop.desk, complaint.id, complaint.version, responsible=shop.lead.staff.id,
                                           analysis="派单过晚", good_faith=True)
    complaint = followups.move_complaint(shop.desk, complaint.id, complaint.version, "in_hand")
    with pytest.raises(ValidationError):
        followups.move_complaint(shop.desk, complaint.id, complaint.version, "resolved")
    complaint = followups.update_complaint(shop.desk, complaint.id, complaint.version, resolution_kind="training",
                                           resolution="组织派单流程培训")
    clock.advance(hours=5)
    complaint = followups.move_complaint(shop.desk, complaint.id, complaint.version, "resolved")
    assert complaint.resolved_at == clock.now()
    complaint = followups.update_complaint(shop.desk, complaint.id, complaint.version, feedback="已电话告知",
                                           customer_reaction="接受")
    with pytest.raises(ValidationError) as unapproved:
        followups.move_complaint(shop.desk, complaint.id, complaint.version, "closed")
    assert unapproved.value.field == "approved_by"
    with pytest.raises(PermissionDenied):
        followups.approve_complaint(shop.desk, complaint.id, complaint.version)
    complaint = followups.approve_complaint(shop.lead, complaint.id, complaint.version)
    assert complaint.approved_by_id == shop.lead.staff.id and complaint.approved_at == clock.now()
    complaint = followups.move_complaint(shop.desk, complaint.id, complaint.version, "closed")
    assert complaint.status == "closed" and complaint.closed_at == clock.now()
    with pytest.raises(ValidationError):
        followups.update_complaint(shop.desk, complaint.id, complaint.version, analysis="late edit")
    actions = [a for (a,) in AuditEntry.select(AuditEntry.action).where(AuditEntry.record_type == "Complaint")
               .order_by(AuditEntry.id).tuples()]
    assert actions == ["create", "update", "in_hand", "update", "resolved", "update", "approve", "closed"]


def test_a_stale_complaint_save_is_refused(shop, busy_day):
    complaint = followups.create_complaint(shop.desk, busy_day.nanshan.id, "price", "收费太高")
    followups.update_complaint(shop.lead, complaint.id, complaint.version, analysis="按价目表收费")
    with pytest.raises(StaleRecord) as stale:
        followups.update_complaint(shop.desk, complaint.id, complaint.version, analysis="mine")
    assert stale.value.changed_by == "组长"
    assert Complaint.get_by_id(complaint.id).analysis == "按价目表收费"


def test_bad_complaints_are_refused(shop, busy_day, clock):
    with pytest.raises(ValidationError):
        followups.create_complaint(shop.desk, busy_day.nanshan.id, "weather", "?")
    with pytest.raises(ValidationError):
        followups.create_complaint(shop.desk, busy_day.nanshan.id, "service", "  ")
    with pytest.raises(ValidationError):  # someone else's order
        followups.create_complaint(shop.desk, busy_day.nanshan.id, "service", "x", order_id=busy_day.a.id)
    with pytest.raises(ValidationError):
        followups.create_complaint(shop.desk, busy_day.nanshan.id, "service", "x", received_at=clock.now() + H)
    with pytest.raises(PermissionDenied):
        followups.create_complaint(shop.chen, busy_day.nanshan.id, "service", "x")
    with pytest.raises(IllegalTransition):
        complaint = followups.create_complaint(shop.desk, busy_day.nanshan.id, "service", "x")
        followups.move_complaint(shop.desk, complaint.id, complaint.version, "closed")
    assert Complaint.select().count() == 1  # the last one only; its refused step changed nothing
    assert Complaint.get().status == "open"


def test_complaints_are_flagged_24_hours_after_receipt(shop, busy_day, clock):
    old = followups.create_complaint(shop.desk, busy_day.nanshan.id, "technical", "修不好",
                                     received_at=clock.now() - 25 * H)
    fresh = followups.create_complaint(shop.desk, busy_day.futian.id, "service", "态度差",
                                       received_at=clock.now() - 23 * H)
    page = followups.list_complaints(shop.desk, clock.now())
    assert [(r.number, r.overdue) for r in page.rows] == [(fresh.number, False), (old.number, True)]
    assert page.rows[1].deadline_at == old.received_at + 24 * H
    assert followups.overdue_complaints(shop.desk, clock.now()) == 1
    clock.advance(hours=1, seconds=1)
    assert followups.overdue_complaints(shop.desk, clock.now()) == 2
    assert followups.list_complaints(shop.desk, clock.now(), status="open", limit=1).total == 2


# -- customer care -----------------------------------------------------------------------------------

def test_the_care_list_across_the_year_end(shop, clock):
    clock.at = dt.datetime(2026, 12, 29, 1, 0)  # 09:00 on Dec 29 in Shanghai
    jan3 = customer(clock, "一月三日", birthday=dt.date(1975, 1, 3))
    lunar = customer(clock, "农历生日", birthday=dt.date(1966, 11, 26), birthday_is_lunar=True)  # → 2027-01-03
    customer(clock, "太早", birthday=dt.date(1990, 1, 6))  # 8 days ahead
    customer(clock, "明天", birthday=dt.date(1990, 12, 30))
    customer(clock, "归档", birthday=dt.date(1990, 1, 3), archived=True)
    firm = customer(clock, "合同客户", kind="contract")
    customer(clock, "租机客户", kind="rental")
    customer(clock, "散客")
    care = followups.care_list(shop.desk)
    assert care.today == dt.date(2026, 12, 29)
    assert [(b.customer, b.date, b.days_ahead, b.lunar, b.occasion) for b in care.birthdays] == [
        ("一月三日", dt.date(2027, 1, 3), 5, False, "birthday-2027"),
        ("农历生日", dt.date(2027, 1, 3), 5, True, "birthday-2026"),
    ]
    assert [(h.key, h.date, h.occasion, h.customers, h.greeted) for h in care.holidays] == [
        ("new_year", dt.date(2027, 1, 1), "new_year-2027", 2, 0)]

    followups.log_greeting(shop.desk, jan3.id, "birthday-2027")
    followups.log_greeting(shop.desk, firm.id, "new_year-2027")
    with pytest.raises(ValidationError):
        followups.log_greeting(shop.lead, jan3.id, "birthday-2027")
    care = followups.care_list(shop.desk)
    assert [(b.customer, b.greeted, b.greeted_by) for b in care.birthdays] == [("一月三日", True, "小李"),
                                                                               ("农历生日", False, "")]
    assert care.holidays[0].greeted == 1
    rows, total = followups.holiday_customers(shop.desk, "new_year-2027")
    assert total == 2 and [(r.customer, r.greeted) for r in rows] == [("合同客户", True), ("租机客户", False)]
    rows, total = followups.holiday_customers(shop.desk, "new_year-2027", not_greeted_only=True)
    assert total == 1 and rows[0].customer == "租机客户"
    assert Greeting.select().count() == 2 and lunar.id not in [g.customer_id for g in Greeting.select()]


def test_feb_29_birthdays_on_a_short_february(shop, clock):
    clock.at = dt.datetime(2027, 2, 22, 1, 0)
    customer(clock, "闰日", birthday=dt.date(1988, 2, 29))
    customer(clock, "三月一日", birthday=dt.date(1988, 3, 1))
    care = followups.care_list(shop.desk)
    assert [(b.customer, b.date) for b in care.birthdays] == [("闰日", dt.date(2027, 2, 28)),
                                                             ("三月一日", dt.date(2027, 3, 1))]


def test_the_shop_adds_its_own_holidays(shop, owner, clock):
    holiday = followups.add_holiday(owner, "端午节", "lunar", 5, 5)
    with pytest.raises(PermissionDenied):
        followups.add_holiday(shop.desk, "x", "solar", 1, 2)
    with pytest.raises(ValidationError):
        followups.add_holiday(owner, "x", "solar", 2, 30)
    clock.at = dt.datetime(2027, 6, 6, 1, 0)  # the Dragon Boat Festival 2027 is June 9
    assert [(h.name, h.date) for h in followups.care_list(shop.desk).holidays] == [("端午节", dt.date(2027, 6, 9))]
    followups.set_holiday_active(owner, holiday.id, False)
    assert followups.care_list(shop.desk).holidays == []
    assert CareHoliday.select().count() == 1


def test_churn_lists_customers_whose_last_order_is_long_ago(shop, clock):
    now = clock.now()
    gone = customer(clock, "流失客户", last_order_at=now - 400 * DAY)
    last = order(clock, gone, state="closed", reported_at=now - 400 * DAY)
    order(clock, gone, state="closed", reported_at=now - 500 * DAY)
    customer(clock, "老客户", last_order_at=now - 100 * DAY)
    customer(clock, "从未下单")
    customer(clock, "已归档", last_order_at=now - 900 * DAY, archived=True)
    rows, total = followups.churn_list(shop.desk, now)
    assert total == 1 and [(r.customer, r.last_order_number, r.last_order_at) for r in rows] == [
        ("流失客户", last.number, now - 400 * DAY)]
    assert followups.churn_list(shop.desk, now, months=3)[1] == 2
    with pytest.raises(ValidationError):
        followups.churn_list(shop.desk, now, months=200)


# -- the month's figures ---------------------------------------------------------------------------------

def test_monthly_statistics(shop, busy_day, clock):
    followups.record_call(shop.desk, stage="A", order_id=busy_day.a.id, outcome="reached",
                          scores={"timeliness": 4, "attitude": 5, "explanation": 5, "result": 4})
    followups.record_call(shop.desk, stage="B", order_id=busy_day.b.id, outcome="no_answer", retry_at=clock.now() + H)
    followups.record_call(shop.desk, stage="C", order_id=busy_day.c.id, outcome="reached",
                          scores={"timeliness": 2, "attitude": 5, "explanation": 4, "result": 3}, cause="来晚了")
    received = clock.now() - 30 * H
    complaint = followups.create_complaint(shop.desk, busy_day.nanshan.id, "service", "迟到", received_at=received,
                                           responsible_id=shop.lead.staff.id)
    complaint = followups.move_complaint(shop.desk, complaint.id, complaint.version, "in_hand")
    complaint = followups.update_complaint(shop.desk, complaint.id, complaint.version, resolution_kind="other",
                                           resolution="道歉")
    followups.move_complaint(shop.desk, complaint.id, complaint.version, "resolved")
    followups.create_complaint(shop.desk, busy_day.futian.id, "price", "贵")

    stats = followups.monthly_statistics(shop.lead, "2026-11")
    by_stage = {s.stage: s for s in stats.stages}
    assert (by_stage["A"].due, by_stage["A"].made, by_stage["A"].reached) == (1, 1, 1)
    assert (by_stage["B"].due, by_stage["B"].made, by_stage["B"].reached) == (1, 1, 0)
    assert (by_stage["C"].due, by_stage["C"].unsatisfied) == (1, 1)
    assert by_stage["periodic"].due == 0  # due in March: not this month's
    assert (stats.due, stats.made, stats.reached, stats.unsatisfied_count) == (3, 3, 2, 1)
    chen = next(t for t in stats.technicians if t.technician == "陈师傅")
    assert (chen.calls, chen.timeliness, chen.attitude, chen.explanation, chen.result, chen.unsatisfied) == (
        2, 3.0, 5.0, 4.5, 3.5, 1)
    assert [(u.order_number, u.technician, u.cause) for u in stats.unsatisfied] == [(busy_day.c.number, "陈师傅", "来晚了")]
    by_category = {c.category: c for c in stats.complaints}
    assert (by_category["service"].received, by_category["service"].resolved,
            by_category["service"].resolved_in_time) == (1, 1, 0)
    assert by_category["service"].average_hours == pytest.approx(30.0)
    assert by_category["price"].received == 1 and by_category["price"].average_hours is None
    assert stats.complaints_total == 2

    april = followups.monthly_statistics(shop.lead, dt.date(2026, 4, 15))  # due 2026-04-01 00:00 shop time
    assert april.month == "2026-04" and {s.stage: s.due for s in april.stages}["periodic"] == 1
    with pytest.raises(ValidationError):
        followups.monthly_statistics(shop.lead, "2026-13")
