"""Who is due for a follow-up call, with a controllable clock; answers; the complaint deadline."""

import datetime as dt

import pytest

from shopdesk.clock import FixedClock
from shopdesk.errors import IllegalTransition, ValidationError
from shopdesk.rules import followups as rules
from shopdesk.rules import workflow as wf
from shopdesk.rules.followups import CallFacts, ContractFacts, OrderFacts

T0 = dt.datetime(2026, 11, 23, 2, 30)  # the appointment: 10:30 in Shanghai
DAYS = 3  # long repair after 3 days
CONTRACT_DAYS = 90


@pytest.fixture
def clock():
    return FixedClock(T0)


def onsite(state=wf.APPOINTMENT_SET, appointment_at=T0, reported_at=T0 - dt.timedelta(hours=2), **extra):
    return OrderFacts(id=extra.pop("id", 1), customer_id=extra.pop("customer_id", 10), state=state,
                      location=wf.ONSITE, reported_at=reported_at, appointment_at=appointment_at, **extra)


def call(stage, made_at, outcome=rules.REACHED, retry_at=None):
    return CallFacts(stage, made_at, outcome, retry_at)


def due(order, calls, clock, days=DAYS):
    return rules.due_for_order(order, calls, clock.now(), days)


# -- stage A --------------------------------------------------------------------------------

def test_stage_a_is_due_fifteen_minutes_after_the_appointment(clock):
    order = onsite()
    clock.advance(minutes=14)
    assert due(order, [], clock) is None
    clock.advance(minutes=1)
    item = due(order, [], clock)
    assert (item.stage, item.due_at, item.order_id, item.customer_id, item.attempt) == ("A", T0 + rules.STAGE_A_GRACE, 1, 10, 1)
    assert not item.overdue(clock.now())


def test_stage_a_disappears_when_a_call_reaches_the_customer(clock):
    clock.advance(minutes=30)
    assert due(onsite(), [call("A", clock.now())], clock) is None


def test_a_call_before_the_appointment_does_not_count(clock):
    clock.advance(minutes=30)
    before = call("A", T0 - dt.timedelta(hours=1))
    assert due(onsite(), [before], clock).stage == "A"


def test_a_moved_appointment_asks_again(clock):
    clock.advance(minutes=30)
    first_call = call("A", clock.now())
    moved = onsite(appointment_at=T0 + dt.timedelta(days=1))
    clock.advance(days=1)
    item = due(moved, [first_call], clock)
    assert item.stage == "A" and item.due_at == T0 + dt.timedelta(days=1) + rules.STAGE_A_GRACE


def test_no_answer_brings_the_call_back_at_the_retry_time(clock):
    clock.advance(minutes=20)
    retry = clock.now() + dt.timedelta(hours=1)
    tries = [call("A", clock.now(), rules.NO_ANSWER, retry)]
    assert due(onsite(), tries, clock) is None
    clock.advance(minutes=59)
    assert due(onsite(), tries, clock) is None
    clock.advance(minutes=1)
    item = due(onsite(), tries, clock)
    assert (item.stage, item.due_at, item.attempt) == ("A", retry, 2)


def test_a_try_without_retry_time_comes_back_after_the_default(clock):
    clock.advance(minutes=20)
    tries = [call("A", clock.now(), rules.CALL_BACK_LATER)]
    clock.advance(hours=2)
    assert due(onsite(), tries, clock).due_at == T0 + dt.timedelta(minutes=20) + rules.DEFAULT_RETRY


def test_stage_a_is_overdue_after_two_hours_and_lapses_after_two_days(clock):
    clock.advance(minutes=15, hours=2, seconds=1)
    assert due(onsite(), [], clock).overdue(clock.now())
    clock.advance(days=2)
    assert due(onsite(), [], clock) is None  # lapsed; and not yet a long repair


def test_stage_a_needs_an_onsite_order_with_an_appointment_before_the_receipt(clock):
    clock.advance(hours=1)
    assert due(onsite(appointment_at=None), [], clock) is None
    bench = OrderFacts(1, 10, wf.REPAIRING, wf.BENCH, T0, appointment_at=T0)
    assert due(bench, [], clock) is None
    for state in (wf.ASSIGNED, wf.CLOSED, wf.CANCELLED, wf.CALLBACK_CONFIRMED):
        assert due(onsite(state=state), [], clock) is None, state
    for state in (wf.IN_PROGRESS, wf.RESOLVED, wf.WAITING_FOR_PARTS, wf.UNRESOLVED):
        assert due(onsite(state=state), [], clock).stage == "A", state


# -- stage B --------------------------------------------------------------------------------

def long_repair(state=wf.IN_PROGRESS, **extra):
    return onsite(state=state, appointment_at=None, reported_at=T0, **extra)


def test_stage_b_is_due_after_the_configured_days(clock):
    clock.advance(days=DAYS, seconds=-1)
    assert due(long_repair(), [], clock) is None
    clock.advance(seconds=1)
    item = due(long_repair(), [], clock)
    assert (item.stage, item.due_at) == ("B", T0 + dt.timedelta(days=DAYS))
    assert due(long_repair(), [], clock, days=5) is None


def test_stage_b_repeats_one_interval_after_each_reached_call(clock):
    clock.advance(days=DAYS, hours=1)
    reached = call("B", clock.now())
    assert due(long_repair(), [reached], clock) is None
    clock.advance(days=DAYS, seconds=-1)
    assert due(long_repair(), [reached], clock) is None
    clock.advance(seconds=1)
    assert due(long_repair(), [reached], clock).due_at == reached.made_at + dt.timedelta(days=DAYS)


def test_a_reached_stage_a_call_restarts_the_stage_b_interval(clock):
    order = onsite(state=wf.IN_PROGRESS, reported_at=T0 - dt.timedelta(days=2), appointment_at=T0)
    clock.advance(minutes=20)
    a_call = call("A", clock.now())
    clock.advance(days=1)  # reported 3 days ago, but the customer was just asked
    assert due(order, [a_call], clock) is None
    clock.advance(days=2)
    assert due(order, [a_call], clock).stage == "B"


def test_stage_a_comes_before_stage_b_even_while_its_retry_waits(clock):
    order = onsite(state=wf.IN_PROGRESS, reported_at=T0 - dt.timedelta(days=5))
    clock.advance(minutes=20)
    assert due(order, [], clock).stage == "A"
    tries = [call("A", clock.now(), rules.NO_ANSWER, clock.now() + dt.timedelta(hours=3))]
    assert due(order, tries, clock) is None


def test_stage_b_stops_when_the_work_is_done(clock):
    clock.advance(days=DAYS + 1)
    for state in (wf.RESOLVED, wf.READY_FOR_PICKUP, wf.PICKED_UP, wf.CLOSED, wf.CANCELLED):
        assert due(long_repair(state=state), [], clock) is None, state
    bench = OrderFacts(1, 10, wf.DIAGNOSING, wf.BENCH, T0)
    assert due(bench, [], clock).stage == "B"


# -- stage C --------------------------------------------------------------------------------

def receipt_back(at=T0, **extra):
    return onsite(state=wf.RECEIPT_RETURNED, appointment_at=T0 - dt.timedelta(days=1), receipt_returned_at=at,
                  **extra)


def test_stage_c_is_due_when_the_signed_receipt_is_back(clock):
    item = due(receipt_back(), [], clock)
    assert (item.stage, item.due_at) == ("C", T0)
    clock.advance(days=1, seconds=1)
    assert due(receipt_back(), [], clock).overdue(clock.now())


def test_stage_c_disappears_once_reached_and_ignores_earlier_calls(clock):
    earlier = call("C", T0 - dt.timedelta(days=3))
    assert due(receipt_back(), [earlier], clock).stage == "C"
    clock.advance(minutes=5)
    assert due(receipt_back(), [earlier, call("C", clock.now())], clock) is None
    confirmed = onsite(state=wf.CALLBACK_CONFIRMED, receipt_returned_at=T0)
    assert due(confirmed, [], clock) is None


# -- periodic ---------------------------------------------------------------------------------

def test_contract_customers_are_called_every_n_days(clock):
    contract = ContractFacts(customer_id=7, since=T0 - dt.timedelta(days=CONTRACT_DAYS) + dt.timedelta(hours=1))
    assert rules.due_periodic(contract, [], clock.now(), CONTRACT_DAYS) is None
    clock.advance(hours=1)
    item = rules.due_periodic(contract, [], clock.now(), CONTRACT_DAYS)
    assert (item.stage, item.customer_id, item.order_id) == ("periodic", 7, None)
    reached = call("periodic", clock.now())
    assert rules.due_periodic(contract, [reached], clock.now(), CONTRACT_DAYS) is None
    clock.advance(days=CONTRACT_DAYS)
    assert rules.due_periodic(contract, [reached], clock.now(), CONTRACT_DAYS).due_at == clock.now()


# -- the whole queue ------------------------------------------------------------------------------

def test_queue_lists_each_call_once_sorted_by_due_time(clock):
    clock.advance(days=4)
    orders = [
        receipt_back(at=T0 + dt.timedelta(days=3), id=3),
        long_repair(id=2),
        onsite(id=1, appointment_at=T0 + dt.timedelta(days=3, hours=20)),
        long_repair(id=2),  # the same order twice (two joined rows) is still one call
    ]
    contracts = [ContractFacts(9, T0 - dt.timedelta(days=200)), ContractFacts(9, T0 - dt.timedelta(days=100))]
    found = rules.queue(orders, contracts, {}, {}, clock.now(), DAYS, CONTRACT_DAYS)
    assert [(d.stage, d.order_id or d.customer_id) for d in found] == [("periodic", 9), ("B", 2), ("C", 3), ("A", 1)]
    assert found == sorted(found, key=rules.sort_key)


def test_queue_drops_what_was_done(clock):
    clock.advance(minutes=30)
    orders = [onsite(id=1), onsite(id=2, customer_id=11)]
    calls = {1: [call("A", clock.now())]}
    assert [d.order_id for d in rules.queue(orders, [], calls, {}, clock.now(), DAYS, CONTRACT_DAYS)] == [2]


# -- answers ------------------------------------------------------------------------------------------

def test_unsatisfied_means_a_low_score_or_a_leftover_problem():
    assert not rules.is_unsatisfied({"timeliness": 5, "attitude": 3, "explanation": None, "result": 4})
    assert rules.is_unsatisfied({"timeliness": 5, "attitude": 2})
    assert rules.is_unsatisfied({"result": 1})
    assert rules.is_unsatisfied({"result": 5}, "still streaks on the left")
    assert not rules.is_unsatisfied({"result": 5}, "   ")
    assert not rules.is_unsatisfied({})


@pytest.mark.parametrize("bad", [0, 6, -1, 2.5, "3", True])
def test_scores_are_whole_numbers_from_one_to_five(bad):
    with pytest.raises(ValidationError) as refused:
        rules.check_call("C", rules.REACHED, {"attitude": bad}, None, T0)
    assert refused.value.field == "score_attitude"


def test_an_unanswered_call_needs_a_future_retry_time_and_no_scores():
    with pytest.raises(ValidationError) as no_time:
        rules.check_call("A", rules.NO_ANSWER, {}, None, T0)
    assert no_time.value.field == "retry_at"
    with pytest.raises(ValidationError):
        rules.check_call("A", rules.NO_ANSWER, {}, T0, T0)
    with pytest.raises(ValidationError):
        rules.check_call("A", rules.NO_ANSWER, {"result": 4}, T0 + dt.timedelta(hours=1), T0)
    rules.check_call("A", rules.NO_ANSWER, {"result": None}, T0 + dt.timedelta(hours=1), T0)
    with pytest.raises(ValidationError):
        rules.check_call("D", rules.REACHED, {}, None, T0)


def test_only_a_satisfied_stage_c_answer_confirms_the_order():
    assert rules.confirms_order("C", rules.REACHED, False)
    assert not rules.confirms_order("C", rules.REACHED, True)
    assert not rules.confirms_order("C", rules.NO_ANSWER, False)
    assert not rules.confirms_order("B", rules.REACHED, False)


# -- complaints -------------------------------------------------------------------------------------------

def test_a_complaint_is_overdue_24_hours_after_receipt_until_resolved():
    received = T0
    assert rules.complaint_deadline(received) == T0 + dt.timedelta(hours=24)
    assert not rules.complaint_overdue("open", received, T0 + dt.timedelta(hours=24))
    assert rules.complaint_overdue("open", received, T0 + dt.timedelta(hours=24, seconds=1))
    assert rules.complaint_overdue("in_hand", received, T0 + dt.timedelta(days=3))
    assert not rules.complaint_overdue("resolved", received, T0 + dt.timedelta(days=3))
    assert not rules.complaint_overdue("closed", received, T0 + dt.timedelta(days=3))
    assert rules.resolved_in_time(received, T0 + dt.timedelta(hours=23)) is True
    assert rules.resolved_in_time(received, T0 + dt.timedelta(hours=25)) is False
    assert rules.resolved_in_time(received, None) is None


def test_complaint_steps_need_what_each_status_means():
    facts = rules.ComplaintFacts("open")
    with pytest.raises(ValidationError) as nobody:
        rules.check_complaint_step(facts, "in_hand")
    assert nobody.value.field == "responsible"
    rules.check_complaint_step(rules.ComplaintFacts("open", responsible_id=3), "in_hand")
    with pytest.raises(IllegalTransition):
        rules.check_complaint_step(rules.ComplaintFacts("open", responsible_id=3), "closed")
    with pytest.raises(ValidationError) as how:
        rules.check_complaint_step(rules.ComplaintFacts("in_hand", 3, resolution="new drum"), "resolved")
    assert how.value.field == "resolution_kind"
    rules.check_complaint_step(rules.ComplaintFacts("in_hand", 3, "part_replacement", "new drum"), "resolved")
    resolved = rules.ComplaintFacts("resolved", 3, "part_replacement", "new drum", feedback="told by phone")
    with pytest.raises(ValidationError) as approval:
        rules.check_complaint_step(resolved, "closed")
    assert approval.value.field == "approved_by"
    rules.check_complaint_step(rules.ComplaintFacts("resolved", 3, "other", "x", "told", approved=True), "closed")
    rules.check_complaint_step(resolved, "in_hand")
    with pytest.raises(IllegalTransition):
        rules.check_complaint_step(rules.ComplaintFacts("closed", 3, approved=True), "in_hand")
