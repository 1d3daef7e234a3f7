"""Repair orders: intake, actions with their events, stale saves, roles, boards, the day close."""

import datetime as dt
import json
import threading

import pytest

from shopdesk import config
from shopdesk.errors import IllegalTransition, NotFound, PermissionDenied, StaleRecord, ValidationError
from shopdesk.models import ALL_MODELS, AuditEntry, Customer, Device, LedgerEntry, OrderEvent, OrderLine, RepairOrder
from shopdesk.models.orders import OrderPhoto
from shopdesk.services import orders
from shopdesk.services.orders import BoardFilter
from tests.conftest import make_actor

PNG = b"\x89PNG\r\n\x1a\n" + b"not decoded by the service, only copied"


@pytest.fixture(autouse=True)
def orders_photo_table(db):
    """OrderPhoto is new in this issue; until it joins ALL_MODELS the test makes its table."""
    if OrderPhoto not in ALL_MODELS:
        db.create_tables([OrderPhoto], safe=True)


@pytest.fixture
def shop(db, clock):
    class Shop:
        desk = make_actor("front_desk", clock, name="小李")
        lead = make_actor("team_lead", clock, name="组长")
        chen = make_actor("technician", clock, "chen", "陈师傅")
        wang = make_actor("technician", clock, "wang", "王师傅")
        customer = Customer.create(number="C100001", name="王伟", company="深圳正方达贸易", phone="13800138000",
                                   address="深圳市福田区深南大道1号", region="福田", created_at=clock.now())
        device = Device.create(customer=customer, brand="Ricoh", model="MP 2555", serial="E1234567",
                               serial_key="E1234567", created_at=clock.now())

    return Shop


def new_order(shop, **kw):
    kw.setdefault("fault", "卡纸")
    return orders.create_order(shop.desk, shop.customer.id, shop.device.id, **kw)


def step(actor, order, action, **inputs):
    return orders.act(actor, order.id, action, order.version, **inputs)


def assigned(shop, order, tech=None):
    order = step(shop.desk, order, "dispatch", dispatched_to=shop.lead.staff.id)
    return step(shop.lead, order, "assign", technician=(tech or shop.chen).staff.id)


# -- intake ----------------------------------------------------------------------------

def test_intake_writes_the_order_its_first_event_and_the_customer_counters(shop, clock):
    order = new_order(shop, reported_by="王伟", channel="phone", priority="urgent", accessories="电源线",
                      condition="外壳有划痕")
    assert order.number == "R0000001" and order.state == "new" and order.location == "onsite"
    assert order.address == "深圳市福田区深南大道1号" and order.contact_phone == "13800138000"  # from the file
    assert order.region == "福田" and order.reported_at == clock.now() and order.created_by_id == shop.desk.staff.id
    event = OrderEvent.get(OrderEvent.order == order.id, OrderEvent.kind == "transition")
    assert (event.from_state, event.to_state, event.staff_id, event.at) == ("", "new", shop.desk.staff.id, clock.now())
    customer = Customer.get_by_id(shop.customer.id)
    assert customer.open_order_count == 1 and customer.last_order_at == clock.now()
    assert customer.version == shop.customer.version  # counters do not make the file stale for other desks
    assert AuditEntry.get(AuditEntry.record_type == "RepairOrder").action == "create"


def test_the_coverage_is_decided_at_intake(shop):
    order = new_order(shop)
    assert order.coverage == "paid" and order.coverage_reason
    assert OrderEvent.select().where((OrderEvent.order == order.id) & (OrderEvent.kind == "coverage")).exists()


def test_bench_intake_starts_received(shop):
    order = new_order(shop, location="bench", channel="counter")
    assert order.state == "received"


@pytest.mark.parametrize("kw, field", [
    ({"fault": "  "}, "fault"),
    ({"channel": "fax"}, "channel"),
    ({"priority": "now!"}, "priority"),
    ({"location": "moon"}, "location"),
    ({"reported_by": "x" * 81}, "reported_by"),
])
def test_bad_intake_is_refused_and_writes_nothing(shop, kw, field):
    with pytest.raises(ValidationError) as refused:
        new_order(shop, **kw)
    assert refused.value.field == field
    assert RepairOrder.select().count() == 0


def test_onsite_needs_an_address_and_device_must_be_the_customers(shop, clock):
    bare = Customer.create(number="C000002", name="李四", created_at=clock.now())
    with pytest.raises(ValidationError) as refused:
        orders.create_order(shop.desk, bare.id, fault="不开机")
    assert refused.value.field == "address"
    with pytest.raises(ValidationError) as refused:
        orders.create_order(shop.desk, bare.id, shop.device.id, fault="不开机", location="bench")
    assert refused.value.field == "device"
    assert orders.create_order(shop.desk, bare.id, fault="不开机", location="bench").number == "R0000001"


def test_technicians_do_not_take_orders(shop):
    with pytest.raises(PermissionDenied):
        orders.create_order(shop.chen, shop.customer.id, fault="卡纸")


def test_numbers_are_unique_increasing_and_found_as_typed(shop):
    numbers = [new_order(shop).number for _ in range(5)]
    assert numbers == [f"R{n:07d}" for n in range(1, 6)]
    assert orders.find_order(shop.desk, "r3").number == "R0000003"
    assert orders.find_order(shop.desk, " 0000004 ").number == "R0000004"
    with pytest.raises(NotFound):
        orders.find_order(shop.desk, "R9")


def test_numbers_stay_unique_when_desks_write_at_once(shop, db):
    results, errors = [], []

    def desk():
        try:
            for _ in range(5):
                results.append(new_order(shop).number)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=desk) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == len(set(results)) == 20
    assert Customer.get_by_id(shop.customer.id).open_order_count == 20


def test_photos_are_copied_into_the_data_folder(shop, tmp_path):
    photo = tmp_path / "jam.PNG"
    photo.write_bytes(PNG)
    order = new_order(shop, photos=[photo])
    stored = orders.photos(shop.desk, order.id)
    assert len(stored) == 1 and stored[0].read_bytes() == PNG
    assert stored[0].parent == config.data_dir() / "photos" / order.number
    assert OrderPhoto.get().original_name == "jam.PNG"
    text = tmp_path / "notes.txt"
    text.write_text("x")
    with pytest.raises(ValidationError):
        orders.add_photo(shop.desk, order.id, text)
    orders.add_photo(shop.desk, order.id, photo)
    assert len(orders.photos(shop.desk, order.id)) == 2


# -- the workflow --------------------------------------------------------------------------

def test_one_onsite_order_from_report_to_close(shop, clock):
    order = new_order(shop)
    clock.advance(minutes=3)
    order = step(shop.desk, order, "dispatch", dispatched_to=shop.lead.staff.id, note="急")
    clock.advance(minutes=7)
    order = step(shop.lead, order, "assign", technician=shop.chen.staff.id)
    order = step(shop.chen, order, "set_appointment", appointment_at=clock.now() + dt.timedelta(hours=1))
    order = step(shop.chen, order, "send_quote", amount=8000)
    order = step(shop.desk, order, "approve_quote", how="phone")
    order = step(shop.chen, order, "start")
    order = orders.record_work(shop.chen, order.id, diagnosis="搓纸轮磨损", work_done="更换搓纸轮",
                               parts=[{"description": "搓纸轮", "unit_price": 8000}], travel_km=12,
                               fee_collected=8000, method="cash")
    order = step(shop.chen, order, "resolve")
    order = step(shop.desk, order, "return_receipt", signer_name="王伟", in_person=True)
    order = step(shop.desk, order, "confirm_callback", note="5/5/5/5")
    order = step(shop.desk, order, "close")
    assert order.state == "closed" and order.signer_name == "王伟" and order.technician_id == shop.chen.staff.id
    assert (order.diagnosis, order.work_done, order.travel_km) == ("搓纸轮磨损", "更换搓纸轮", 12)
    transitions = [(e.from_state, e.to_state, e.staff) for e in orders.timeline(shop.desk, order.id)
                   if e.kind == "transition"]
    assert [t[1] for t in transitions] == ["new", "dispatched", "assigned", "appointment_set", "quote_sent",
                                           "quote_approved", "in_progress", "resolved", "receipt_returned",
                                           "callback_confirmed", "closed"]
    assert transitions[1] == ("new", "dispatched", "小李") and transitions[2][2] == "组长"
    dispatched = OrderEvent.get(OrderEvent.to_state == "dispatched")
    assert dispatched.note == "急" and dispatched.at == dt.datetime(2026, 11, 23, 1, 3)
    assert Customer.get_by_id(shop.customer.id).open_order_count == 0
    line = OrderLine.get(OrderLine.order == order.id)
    assert (line.kind, line.description, line.unit_price) == ("part", "搓纸轮", 8000)
    payment = LedgerEntry.get(LedgerEntry.kind == "payment")
    assert (payment.amount, payment.method, payment.technician_id) == (8000, "cash", shop.chen.staff.id)
    assert sum(e.amount for e in LedgerEntry.select().where(LedgerEntry.kind == "charge")) == 8000


def test_a_stale_save_is_refused_and_changes_nothing(shop):
    order = new_order(shop)
    seen_by_lead = order.version
    step(shop.desk, order, "dispatch", dispatched_to=shop.lead.staff.id)
    with pytest.raises(StaleRecord) as refused:
        orders.act(shop.lead, order.id, "cancel", seen_by_lead, reason="重复")
    assert "小李" in str(refused.value) and "09:00" in str(refused.value)
    assert RepairOrder.get_by_id(order.id).state == "dispatched"
    assert OrderEvent.select().where(OrderEvent.to_state == "cancelled").count() == 0


def test_an_illegal_step_is_refused_with_a_clear_message(shop):
    order = new_order(shop)
    with pytest.raises(IllegalTransition, match="close.*new"):
        step(shop.desk, order, "close")
    assert RepairOrder.get_by_id(order.id).version == order.version


def test_a_technician_acts_only_on_own_orders(shop):
    order = assigned(shop, new_order(shop, location="onsite"), tech=shop.wang)
    with pytest.raises(PermissionDenied):
        step(shop.chen, order, "set_appointment", appointment_at=dt.datetime(2026, 11, 23, 3, 0))
    with pytest.raises(PermissionDenied):
        orders.record_work(shop.chen, order.id, diagnosis="看看")
    assert step(shop.wang, order, "set_appointment",
                appointment_at=dt.datetime(2026, 11, 23, 3, 0)).state == "appointment_set"


def test_assigning_needs_an_active_technician(shop, clock):
    order = step(shop.desk, new_order(shop), "dispatch", dispatched_to=shop.lead.staff.id)
    with pytest.raises(ValidationError):
        step(shop.lead, order, "assign", technician=shop.desk.staff.id)
    with pytest.raises(PermissionDenied):
        step(shop.desk, order, "assign", technician=shop.chen.staff.id)


def test_moved_appointment_is_recorded_with_reason_who_and_whether_told(shop, clock):
    order = assigned(shop, new_order(shop))
    first = dt.datetime(2026, 11, 23, 2, 30)
    order = step(shop.chen, order, "set_appointment", appointment_at=first)
    with pytest.raises(ValidationError):
        step(shop.chen, order, "move_appointment", appointment_at=first + dt.timedelta(hours=2))
    order = step(shop.chen, order, "move_appointment", appointment_at=first + dt.timedelta(hours=2), reason="堵车",
                 missed=True, customer_told=True)
    assert order.appointment_at == first + dt.timedelta(hours=2) and order.state == "appointment_set"
    moved = [e for e in orders.timeline(shop.desk, order.id) if e.kind == "appointment"][-1]
    assert moved.staff == "陈师傅" and moved.note == "堵车"
    assert moved.data["missed"] is True and moved.data["customer_told"] is True
    assert moved.data["appointment_at"] == "2026-11-23T04:30:00"


def test_cancelling_needs_a_reason_and_frees_the_customer_count(shop):
    order = new_order(shop)
    with pytest.raises(ValidationError):
        step(shop.desk, order, "cancel")
    order = step(shop.desk, order, "cancel", reason="客户自行修好")
    assert order.cancel_reason == "客户自行修好" and order.closed_at is None
    assert Customer.get_by_id(shop.customer.id).open_order_count == 0
    with pytest.raises(IllegalTransition):
        step(shop.desk, order, "cancel", reason="again")


def test_declined_quote_leaves_the_inspection_fee(shop):
    order = assigned(shop, new_order(shop))
    order = step(shop.chen, order, "send_quote", amount=50000)
    order = step(shop.desk, order, "decline_quote", how="phone", inspection_fee=3000)
    assert order.state == "quote_declined" and order.quote_state == "declined"
    line = OrderLine.get(OrderLine.order == order.id)
    assert (line.kind, line.unit_price, line.covered) == ("other", 3000, False)
    assert step(shop.desk, order, "close").state == "closed"


def test_wait_for_parts_and_back(shop):
    order = assigned(shop, new_order(shop))
    order = step(shop.chen, order, "wait_for_parts", note="定影组件")
    assert order.resume_state == "assigned"
    order = step(shop.chen, order, "parts_arrived")
    assert order.state == "assigned" and order.resume_state == ""


def test_unresolved_goes_back_for_redispatch(shop):
    order = assigned(shop, new_order(shop))
    order = step(shop.chen, order, "send_quote", amount=100)
    order = step(shop.desk, order, "approve_quote", how="phone")
    order = step(shop.chen, order, "start")
    order = step(shop.chen, order, "mark_unresolved", reason="主板故障，需返厂")
    assert order.state == "unresolved" and order.outcome_reason == "主板故障，需返厂"
    order = step(shop.desk, order, "dispatch", dispatched_to=shop.lead.staff.id)
    assert order.state == "dispatched" and order.technician_id is None


# -- boards -------------------------------------------------------------------------------

def test_board_filters_pages_and_counts(shop, clock):
    made = [new_order(shop) for _ in range(5)]
    assigned(shop, made[0])
    assigned(shop, made[1], tech=shop.wang)
    step(shop.desk, made[4], "cancel", reason="x")
    page = orders.board(shop.desk, BoardFilter(), 0, 2)
    assert page.total == 4 and len(page.rows) == 2
    assert [r.number for r in orders.board(shop.desk, BoardFilter(), 2, 2).rows] == ["R0000003", "R0000004"]
    chen_rows = orders.board(shop.desk, BoardFilter(technician_id=shop.chen.staff.id)).rows
    assert [(r.number, r.technician, r.customer, r.device) for r in chen_rows] == [
        ("R0000001", "陈师傅", "深圳正方达贸易 · 王伟", "Ricoh MP 2555")]
    assert orders.board(shop.desk, BoardFilter(states=("new",))).total == 2
    assert orders.board(shop.desk, BoardFilter(region="福田")).total == 4
    assert orders.board(shop.desk, BoardFilter(region="罗湖")).total == 0
    assert orders.board(shop.desk, BoardFilter(unassigned=True)).total == 2
    assert [r.number for r in orders.my_orders(shop.wang)] == ["R0000002"]


def test_overdue_orders_are_counted_and_filtered(shop, clock):
    first = new_order(shop)
    clock.advance(minutes=2)
    second = new_order(shop)
    clock.advance(minutes=3)  # first: exactly 5:00 — still in time
    assert orders.overdue_count(shop.desk) == 0
    clock.advance(seconds=1)
    assert orders.overdue_count(shop.desk) == 1
    rows = orders.board(shop.desk, BoardFilter(overdue_only=True)).rows
    assert [(r.number, r.overdue) for r in rows] == [(first.number, frozenset({"dispatch"}))]
    step(shop.desk, first, "dispatch", dispatched_to=shop.lead.staff.id)
    step(shop.desk, second, "dispatch", dispatched_to=shop.lead.staff.id)
    assert orders.overdue_count(shop.desk) == 0
    clock.advance(minutes=10, seconds=1)
    assert orders.overdue_count(shop.desk) == 2
    assert {r.overdue for r in orders.board(shop.desk).rows} == {frozenset({"assign"})}


def test_unclaimed_bench_devices(shop, clock):
    order = new_order(shop, location="bench")
    order = step(shop.chen, order, "diagnose")
    order = step(shop.chen, order, "send_quote", amount=5000)
    order = step(shop.desk, order, "approve_quote", how="in_person")
    order = step(shop.chen, order, "repair")
    order = step(shop.chen, order, "ready_for_pickup", told_at=clock.now(), told_how="phone")
    clock.advance(days=13)
    assert orders.unclaimed_devices(shop.desk) == []
    clock.advance(days=1)
    assert [r.number for r in orders.unclaimed_devices(shop.desk)] == [order.number]
    step(shop.desk, order, "pick_up", picked_up_by="王伟")
    assert orders.unclaimed_devices(shop.desk) == []


# -- the day close ---------------------------------------------------------------------------

def test_day_close_sums_up_per_technician_and_carries_over(shop, clock):
    done = assigned(shop, new_order(shop))
    done = step(shop.chen, done, "send_quote", amount=100)
    done = step(shop.desk, done, "approve_quote", how="phone")
    done = step(shop.chen, done, "start")
    step(shop.chen, done, "resolve")
    open_chen = assigned(shop, new_order(shop))
    open_wang = assigned(shop, new_order(shop), tech=shop.wang)
    never_dispatched = new_order(shop)
    with pytest.raises(PermissionDenied):
        orders.close_day(shop.desk)
    summary = orders.close_day(shop.lead)
    by_name = {line.name: line for line in summary.lines}
    assert by_name["陈师傅"].done == ["R0000001"] and by_name["陈师傅"].not_done == ["R0000002"]
    assert by_name["王师傅"].done == [] and by_name["王师傅"].not_done == ["R0000003"]
    assert by_name[""].not_done == ["R0000004"]
    assert summary.carried_over == 3
    today = dt.date(2026, 11, 23)
    for order in (open_chen, open_wang, never_dispatched):
        assert RepairOrder.get_by_id(order.id).carried_over_on == today
    assert RepairOrder.get_by_id(done.id).carried_over_on is None
    assert OrderEvent.select().where(OrderEvent.kind == "carry_over").count() == 3
    entry = AuditEntry.get(AuditEntry.action == "close_day")
    assert entry.record_id == "2026-11-23" and json.loads(entry.changes)["陈师傅"]["done"] == ["R0000001"]

    clock.advance(days=1)
    fresh = new_order(shop, priority="urgent")
    board = orders.board(shop.desk).rows
    # carried-over orders come first, even before an urgent one; the resolved one (awaiting its receipt) last
    assert [r.number for r in board] == ["R0000002", "R0000003", "R0000004", fresh.number, "R0000001"]
    assert [r.carried_over_on for r in board] == [today, today, today, None, None]
    day = orders.day_board(shop.lead)
    assert day.day == dt.date(2026, 11, 24) and not day.closed
    assert orders.day_board(shop.lead, today).closed


def test_day_board_groups_by_technician_with_empty_groups_to_drop_onto(shop):
    assigned(shop, new_order(shop))
    new_order(shop)
    day = orders.day_board(shop.lead)
    groups = {g.name: [r.number for r in g.rows] for g in day.groups}
    assert groups == {"": ["R0000002"], "组长": [], "王师傅": [], "陈师傅": ["R0000001"]}


def test_assigning_from_the_day_board_picks_the_right_step(shop):
    fresh = orders.assign_technician(shop.lead, new_order(shop).id, 2, shop.chen.staff.id)  # straight to him
    assert fresh.state == "assigned" and fresh.technician_id == shop.chen.staff.id
    dispatched = step(shop.desk, new_order(shop), "dispatch", dispatched_to=shop.lead.staff.id)
    assert orders.assign_technician(shop.lead, dispatched.id, dispatched.version,
                                    shop.wang.staff.id).state == "assigned"
    moved = orders.assign_technician(shop.lead, fresh.id, fresh.version, shop.wang.staff.id)
    assert moved.state == "assigned" and moved.technician_id == shop.wang.staff.id
    assert OrderEvent.get(OrderEvent.order == fresh.id, OrderEvent.kind == "assignment").data
    with pytest.raises(PermissionDenied):
        orders.assign_technician(shop.desk, dispatched.id, dispatched.version + 1, shop.chen.staff.id)
    cancelled = step(shop.desk, new_order(shop), "cancel", reason="x")
    with pytest.raises(IllegalTransition):
        orders.assign_technician(shop.lead, cancelled.id, cancelled.version, shop.chen.staff.id)


def test_intake_finds_and_creates_customers_and_devices(shop, clock):
    assert [c.number for c in orders.find_customers(shop.desk, "")] == ["C100001"]
    with pytest.raises(ValidationError):
        orders.quick_customer(shop.desk, "  ", "13900139000")
    created = orders.quick_customer(shop.desk, "李娜", "139-0013-9000", "罗湖区", "深圳华强电子")
    assert created.number == "C000001"
    assert [c.number for c in orders.find_customers(shop.desk, "")] == ["C000001", "C100001"]
    assert [c.name for c in orders.find_customers(shop.desk, "华强")] == ["李娜"]
    assert [c.number for c in orders.find_customers(shop.desk, "0013 9000")] == ["C000001"]
    device = orders.quick_device(shop.desk, created.id, "HP", "LaserJet M1005", "cn12 345")
    assert [d.id for d in orders.customer_devices(shop.desk, created.id)] == [device.id]
    with pytest.raises(ValidationError):
        orders.quick_device(shop.desk, created.id)
    with pytest.raises(PermissionDenied):
        orders.quick_customer(shop.chen, "张三", "13700137000")
