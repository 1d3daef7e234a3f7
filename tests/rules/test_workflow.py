"""The repair order's state machine: legal and illegal steps, who may, time limits."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from shopdesk.errors import IllegalTransition, PermissionDenied, ShopDeskError, ValidationError
from shopdesk.rules import workflow as w
from shopdesk.rules.permissions import PERMISSIONS
from shopdesk.rules.workflow import OrderFacts

NOW = dt.datetime(2026, 11, 23, 1, 0)
TECH = 7
OTHER_TECH = 8
LEAD = 3


def everyone(_permission):
    return True


def role(name):
    return lambda permission: permission in PERMISSIONS[name]


# Inputs that satisfy each action (the happy path's).
GOOD_INPUTS = {
    "dispatch": {"dispatched_to": LEAD},
    "dispatch_to_technician": {"technician": TECH},
    "assign": {"technician": TECH},
    "reassign": {"technician": OTHER_TECH},
    "set_appointment": {"appointment_at": NOW + dt.timedelta(hours=1)},
    "move_appointment": {"appointment_at": NOW + dt.timedelta(hours=3), "reason": "堵车", "missed": True,
                         "customer_told": True},
    "confirm_appointment": {},
    "start": {},
    "diagnose": {"technician": TECH},
    "repair": {},
    "resolve": {"note": "更换搓纸轮"},
    "mark_unresolved": {"reason": "缺配件"},
    "send_quote": {"amount": 12000},
    "approve_quote": {"how": "phone"},
    "decline_quote": {"how": "phone", "inspection_fee": 3000},
    "wait_for_parts": {"note": "搓纸轮"},
    "parts_arrived": {},
    "return_receipt": {"signer_name": "王伟", "in_person": True},
    "confirm_callback": {"note": "满意"},
    "ready_for_pickup": {"told_at": NOW, "told_how": "phone"},
    "pick_up": {"picked_up_by": "王伟"},
    "close": {},
    "cancel": {"reason": "客户取消"},
}


def test_every_action_has_good_inputs_in_this_test():
    assert set(GOOD_INPUTS) == set(w.ACTIONS_BY_NAME)


def run(facts, *names, may=everyone, actor_id=TECH):
    for name in names:
        step = w.plan(facts, name, GOOD_INPUTS[name], NOW, may, actor_id)
        facts = w.facts_after(facts, step)
    return facts


# -- the paths, table-driven ------------------------------------------------------------

HAPPY_PATHS = [
    ("onsite, covered", OrderFacts(w.NEW, coverage="contract"),
     ["dispatch", "assign", "set_appointment", "start", "resolve", "return_receipt", "confirm_callback", "close"],
     [w.DISPATCHED, w.ASSIGNED, w.APPOINTMENT_SET, w.IN_PROGRESS, w.RESOLVED, w.RECEIPT_RETURNED,
      w.CALLBACK_CONFIRMED, w.CLOSED]),
    ("onsite, straight to a technician", OrderFacts(w.NEW, coverage="warranty"),
     ["dispatch_to_technician", "start", "resolve"], [w.ASSIGNED, w.IN_PROGRESS, w.RESOLVED]),
    ("onsite, paid, quoted before work", OrderFacts(w.NEW, coverage="paid"),
     ["dispatch", "assign", "set_appointment", "send_quote", "approve_quote", "start", "resolve"],
     [w.DISPATCHED, w.ASSIGNED, w.APPOINTMENT_SET, w.QUOTE_SENT, w.QUOTE_APPROVED, w.IN_PROGRESS, w.RESOLVED]),
    ("onsite, quote declined ends it", OrderFacts(w.NEW, coverage="paid"),
     ["dispatch_to_technician", "send_quote", "decline_quote", "close"],
     [w.ASSIGNED, w.QUOTE_SENT, w.QUOTE_DECLINED, w.CLOSED]),
    ("onsite, unresolved goes back for re-dispatch", OrderFacts(w.NEW, coverage="contract"),
     ["dispatch_to_technician", "start", "mark_unresolved", "dispatch", "assign", "start", "resolve"],
     [w.ASSIGNED, w.IN_PROGRESS, w.UNRESOLVED, w.DISPATCHED, w.ASSIGNED, w.IN_PROGRESS, w.RESOLVED]),
    ("onsite, appointment moved", OrderFacts(w.NEW, coverage="contract"),
     ["dispatch_to_technician", "set_appointment", "move_appointment", "confirm_appointment", "start"],
     [w.ASSIGNED, w.APPOINTMENT_SET, w.APPOINTMENT_SET, w.APPOINTMENT_SET, w.IN_PROGRESS]),
    ("onsite, waits for parts in progress", OrderFacts(w.NEW, coverage="contract"),
     ["dispatch_to_technician", "start", "wait_for_parts", "parts_arrived", "resolve"],
     [w.ASSIGNED, w.IN_PROGRESS, w.WAITING_FOR_PARTS, w.IN_PROGRESS, w.RESOLVED]),
    ("bench, in warranty", OrderFacts(w.RECEIVED, w.BENCH, coverage="warranty"),
     ["diagnose", "wait_for_parts", "parts_arrived", "ready_for_pickup", "pick_up", "close"],
     [w.DIAGNOSING, w.WAITING_FOR_PARTS, w.REPAIRING, w.READY_FOR_PICKUP, w.PICKED_UP, w.CLOSED]),
    ("bench, paid, quoted after diagnosing", OrderFacts(w.RECEIVED, w.BENCH, coverage="paid"),
     ["diagnose", "send_quote", "approve_quote", "wait_for_parts", "parts_arrived", "ready_for_pickup"],
     [w.DIAGNOSING, w.QUOTE_SENT, w.QUOTE_APPROVED, w.WAITING_FOR_PARTS, w.REPAIRING, w.READY_FOR_PICKUP]),
    ("bench, quote declined: device goes back", OrderFacts(w.RECEIVED, w.BENCH, coverage="paid"),
     ["diagnose", "send_quote", "decline_quote", "ready_for_pickup", "pick_up", "close"],
     [w.DIAGNOSING, w.QUOTE_SENT, w.QUOTE_DECLINED, w.READY_FOR_PICKUP, w.PICKED_UP, w.CLOSED]),
    ("bench, unresolved, diagnosed again", OrderFacts(w.RECEIVED, w.BENCH, coverage="warranty"),
     ["diagnose", "repair", "mark_unresolved", "diagnose", "repair", "ready_for_pickup"],
     [w.DIAGNOSING, w.REPAIRING, w.UNRESOLVED, w.DIAGNOSING, w.REPAIRING, w.READY_FOR_PICKUP]),
]


@pytest.mark.parametrize("title, facts, actions, states", HAPPY_PATHS, ids=[p[0] for p in HAPPY_PATHS])
def test_legal_paths(title, facts, actions, states):
    seen = []
    for name in actions:
        step = w.plan(facts, name, GOOD_INPUTS[name], NOW, everyone, TECH)
        assert step.from_state == facts.state
        facts = w.facts_after(facts, step)
        seen.append(facts.state)
    assert seen == states


ILLEGAL = [
    (OrderFacts(w.NEW), "assign"),
    (OrderFacts(w.NEW), "start"),
    (OrderFacts(w.NEW), "close"),
    (OrderFacts(w.NEW), "diagnose"),
    (OrderFacts(w.DISPATCHED), "dispatch"),
    (OrderFacts(w.DISPATCHED), "resolve"),
    (OrderFacts(w.ASSIGNED, technician_id=TECH), "resolve"),
    (OrderFacts(w.IN_PROGRESS, technician_id=TECH), "close"),
    (OrderFacts(w.IN_PROGRESS, technician_id=TECH), "return_receipt"),
    (OrderFacts(w.RESOLVED, technician_id=TECH), "close"),
    (OrderFacts(w.RESOLVED, technician_id=TECH), "confirm_callback"),
    (OrderFacts(w.RECEIPT_RETURNED), "close"),
    (OrderFacts(w.CLOSED), "cancel"),
    (OrderFacts(w.CLOSED), "dispatch"),
    (OrderFacts(w.CANCELLED), "cancel"),
    (OrderFacts(w.CANCELLED), "dispatch"),
    (OrderFacts(w.QUOTE_SENT), "start"),
    (OrderFacts(w.QUOTE_SENT), "wait_for_parts"),
    (OrderFacts(w.WAITING_FOR_PARTS), "wait_for_parts"),
    (OrderFacts(w.RECEIVED, w.BENCH), "dispatch"),
    (OrderFacts(w.RECEIVED, w.BENCH), "start"),
    (OrderFacts(w.REPAIRING, w.BENCH), "resolve"),
    (OrderFacts(w.REPAIRING, w.BENCH), "pick_up"),
    (OrderFacts(w.QUOTE_DECLINED, w.BENCH), "close"),  # the device goes back first
    (OrderFacts(w.QUOTE_DECLINED), "ready_for_pickup"),
    (OrderFacts(w.UNRESOLVED, w.BENCH), "dispatch"),
    (OrderFacts(w.UNRESOLVED), "diagnose"),
]


@pytest.mark.parametrize("facts, name", ILLEGAL, ids=[f"{f.location}-{f.state}-{n}" for f, n in ILLEGAL])
def test_illegal_steps_are_refused_with_a_message(facts, name):
    with pytest.raises(IllegalTransition) as refused:
        w.plan(facts, name, GOOD_INPUTS[name], NOW, everyone, TECH)
    assert name in str(refused.value) and facts.state in str(refused.value)


def test_an_unknown_action_is_refused():
    with pytest.raises(IllegalTransition, match="launch"):
        w.plan(OrderFacts(w.NEW), "launch", {}, NOW)


def test_nothing_leaves_a_final_state():
    for state in w.FINAL_STATES:
        for location in w.LOCATIONS:
            assert w.allowed_actions(OrderFacts(state, location)) == []


def test_work_on_a_paid_order_waits_for_the_approved_quote():
    facts = OrderFacts(w.APPOINTMENT_SET, coverage="paid", technician_id=TECH)
    assert "start" not in [a.name for a in w.allowed_actions(facts)]
    with pytest.raises(IllegalTransition, match="approve the quote"):
        w.plan(facts, "start", {}, NOW, everyone, TECH)
    assert "start" in [a.name for a in w.allowed_actions(OrderFacts(w.APPOINTMENT_SET, coverage="warranty"))]


def test_parts_arriving_for_an_unquoted_paid_bench_device_return_to_diagnosing():
    facts = run(OrderFacts(w.RECEIVED, w.BENCH, coverage="paid"), "diagnose", "wait_for_parts", "parts_arrived")
    assert facts.state == w.DIAGNOSING


# -- inputs ---------------------------------------------------------------------------

@pytest.mark.parametrize("facts, name, inputs, field", [
    (OrderFacts(w.IN_PROGRESS), "mark_unresolved", {"reason": "  "}, "reason"),
    (OrderFacts(w.ASSIGNED), "cancel", {}, "reason"),
    (OrderFacts(w.RESOLVED), "return_receipt", {"in_person": True}, "signer_name"),
    (OrderFacts(w.RESOLVED), "return_receipt", {"signer_name": "王伟"}, "in_person"),
    (OrderFacts(w.RESOLVED), "return_receipt", {"signer_name": "王伟", "in_person": False}, "in_person"),
    (OrderFacts(w.APPOINTMENT_SET), "move_appointment", {"appointment_at": NOW}, "reason"),
    (OrderFacts(w.ASSIGNED), "set_appointment", {"appointment_at": "10:30"}, "appointment_at"),
    (OrderFacts(w.DISPATCHED), "assign", {}, "technician"),
    (OrderFacts(w.DIAGNOSING, w.BENCH), "send_quote", {"amount": 0}, "amount"),
    (OrderFacts(w.QUOTE_SENT), "decline_quote", {"how": "phone", "inspection_fee": -1}, "inspection_fee"),
    (OrderFacts(w.QUOTE_SENT), "approve_quote", {"how": "telepathy"}, "how"),
    (OrderFacts(w.REPAIRING, w.BENCH), "ready_for_pickup", {"told_at": NOW}, "told_how"),
    (OrderFacts(w.READY_FOR_PICKUP, w.BENCH), "pick_up", {}, "picked_up_by"),
])
def test_missing_or_bad_inputs_are_refused(facts, name, inputs, field):
    with pytest.raises(ValidationError) as refused:
        w.plan(facts, name, inputs, NOW, everyone, TECH)
    assert refused.value.field == field


def test_only_a_receipt_signed_in_person_counts():
    with pytest.raises(ValidationError, match="in person"):
        w.plan(OrderFacts(w.RESOLVED), "return_receipt", {"signer_name": "王伟", "in_person": False}, NOW)
    step = w.plan(OrderFacts(w.RESOLVED), "return_receipt", {"signer_name": " 王伟 ", "in_person": True}, NOW)
    assert step.changes["signer_name"] == "王伟" and step.to_state == w.RECEIPT_RETURNED


def test_money_inputs_refuse_float():
    with pytest.raises(TypeError):
        w.plan(OrderFacts(w.DIAGNOSING, w.BENCH), "send_quote", {"amount": 120.0}, NOW)


def test_steps_say_what_changes():
    step = w.plan(OrderFacts(w.NEW), "dispatch", {"dispatched_to": LEAD, "note": "急"}, NOW)
    assert step.changes == {"dispatched_at": NOW, "dispatched_to": LEAD, "technician": None, "assigned_at": None,
                            "appointment_at": None, "state": w.DISPATCHED}
    assert step.note == "急"
    moved = w.plan(OrderFacts(w.APPOINTMENT_SET), "move_appointment", GOOD_INPUTS["move_appointment"], NOW)
    assert moved.to_state == w.APPOINTMENT_SET and "state" not in moved.changes
    assert moved.data["reason"] == "堵车" and moved.data["missed"] is True and moved.data["customer_told"] is True
    assert moved.event_kind == "appointment"
    waiting = w.plan(OrderFacts(w.IN_PROGRESS), "wait_for_parts", {"note": "搓纸轮"}, NOW)
    assert waiting.changes["resume_state"] == w.IN_PROGRESS


# -- who may ------------------------------------------------------------------------------

def test_a_technician_acts_only_on_own_orders():
    mine = OrderFacts(w.ASSIGNED, technician_id=TECH, coverage="warranty")
    theirs = OrderFacts(w.ASSIGNED, technician_id=OTHER_TECH, coverage="warranty")
    tech = role("technician")
    assert w.plan(mine, "start", {}, NOW, tech, TECH).to_state == w.IN_PROGRESS
    with pytest.raises(PermissionDenied):
        w.plan(theirs, "start", {}, NOW, tech, TECH)
    assert "start" not in [a.name for a in w.allowed_actions(theirs, tech, TECH)]


def test_a_technician_may_take_an_unassigned_bench_device():
    step = w.plan(OrderFacts(w.RECEIVED, w.BENCH), "diagnose", {}, NOW, role("technician"), TECH)
    assert step.changes["technician"] == TECH
    with pytest.raises(PermissionDenied):
        w.plan(OrderFacts(w.RECEIVED, w.BENCH, technician_id=OTHER_TECH), "diagnose", {}, NOW, role("technician"), TECH)


@pytest.mark.parametrize("role_name, name, allowed", [
    ("front_desk", "dispatch", True),
    ("front_desk", "dispatch_to_technician", True),
    ("front_desk", "assign", False),
    ("team_lead", "assign", True),
    ("technician", "assign", False),
    ("technician", "dispatch", False),
    ("front_desk", "return_receipt", True),
    ("technician", "return_receipt", False),
    ("technician", "cancel", False),
    ("technician", "close", False),
    ("front_desk", "close", True),
    ("owner", "assign", True),
])
def test_roles(role_name, name, allowed):
    act = w.action(name)
    state = next(iter(sorted(act.sources)))
    facts = OrderFacts(state[1], state[0], technician_id=TECH)
    assert w.permitted(act, facts, role(role_name), TECH) is allowed


def test_every_permission_the_table_names_exists():
    known = set().union(*PERMISSIONS.values())
    for act in w.ACTIONS:
        assert set(act.permissions) <= known, act.name


# -- time limits ----------------------------------------------------------------------------

@pytest.mark.parametrize("facts, minutes_later, expected", [
    (OrderFacts(w.NEW, reported_at=NOW), 5, set()),               # exactly 5:00 is still in time
    (OrderFacts(w.NEW, reported_at=NOW), 5.02, {"dispatch"}),
    (OrderFacts(w.NEW, w.BENCH, reported_at=NOW), 60, set()),     # bench devices are not dispatched
    (OrderFacts(w.DISPATCHED, reported_at=NOW, dispatched_at=NOW + dt.timedelta(minutes=3)), 13, set()),
    (OrderFacts(w.DISPATCHED, reported_at=NOW, dispatched_at=NOW + dt.timedelta(minutes=3)), 13.5, {"assign"}),
    (OrderFacts(w.ASSIGNED, reported_at=NOW, dispatched_at=NOW), 600, set()),
    (OrderFacts(w.CANCELLED, reported_at=NOW), 600, set()),
])
def test_overdue(facts, minutes_later, expected):
    assert w.overdue(facts, NOW + dt.timedelta(minutes=minutes_later)) == expected


def test_overdue_limits_come_from_the_settings():
    facts = OrderFacts(w.NEW, reported_at=NOW)
    later = NOW + dt.timedelta(minutes=7)
    assert w.overdue(facts, later, dispatch_minutes=5) == {"dispatch"}
    assert w.overdue(facts, later, dispatch_minutes=10) == set()


def test_unclaimed_after_n_days():
    ready = OrderFacts(w.READY_FOR_PICKUP, w.BENCH, ready_at=NOW)
    assert not w.unclaimed(ready, NOW + dt.timedelta(days=13, hours=23), 14)
    assert w.unclaimed(ready, NOW + dt.timedelta(days=14), 14)
    assert not w.unclaimed(OrderFacts(w.PICKED_UP, w.BENCH, ready_at=NOW), NOW + dt.timedelta(days=30), 14)


# -- the machine as a whole -----------------------------------------------------------------

def test_every_open_state_can_still_reach_closed():
    """No dead ends: from any state an order can be in, some path (without cancelling) closes it."""
    for location in w.LOCATIONS:
        for coverage in ("paid", "warranty"):
            reachable = _reachable(OrderFacts(w.initial_state(location), location, coverage=coverage))
            for facts in reachable:
                if w.is_open(facts.state):
                    assert w.CLOSED in {f.state for f in _reachable(facts, skip={"cancel"})}, facts


def _reachable(start, skip=()):
    seen, todo = {start}, [start]
    while todo:
        facts = todo.pop()
        for act in w.allowed_actions(facts):
            if act.name in skip:
                continue
            nxt = w.facts_after(facts, w.plan(facts, act.name, GOOD_INPUTS[act.name], NOW))
            nxt = OrderFacts(nxt.state, nxt.location, None, nxt.resume_state, nxt.coverage, nxt.quote_state)
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


class OrderMachine(RuleBasedStateMachine):
    """Any sequence of actions, legal or not, by anyone: the order stays in a known state."""

    @initialize(location=st.sampled_from(w.LOCATIONS), coverage=st.sampled_from(["paid", "warranty", "contract"]))
    def report(self, location, coverage):
        self.facts = OrderFacts(w.initial_state(location), location, coverage=coverage, reported_at=NOW)

    @rule(name=st.sampled_from(sorted(w.ACTIONS_BY_NAME)), good=st.booleans(),
          who=st.sampled_from(["front_desk", "team_lead", "technician", "owner"]),
          actor=st.sampled_from([TECH, OTHER_TECH]))
    def try_action(self, name, good, who, actor):
        inputs = GOOD_INPUTS[name] if good else {}
        allowed = {a.name for a in w.allowed_actions(self.facts, role(who), actor)}
        try:
            step = w.plan(self.facts, name, inputs, NOW, role(who), actor)
        except ShopDeskError:
            assert not (good and name in allowed)
            return
        assert name in allowed
        assert step.to_state in w.STATES
        self.facts = w.facts_after(self.facts, step)

    @rule(pick=st.integers(0, 30), who=st.sampled_from(["front_desk", "team_lead", "technician", "owner"]))
    def follow_allowed(self, pick, who):
        """What a person clicking the offered buttons would do: goes deep into the machine."""
        options = [a for a in w.allowed_actions(self.facts, role(who), TECH) if a.name != "cancel"]
        if options:
            act = options[pick % len(options)]
            self.facts = w.facts_after(self.facts, w.plan(self.facts, act.name, GOOD_INPUTS[act.name], NOW,
                                                          role(who), TECH))

    @invariant()
    def state_is_known(self):
        if hasattr(self, "facts"):
            assert self.facts.state in w.STATES
            assert self.facts.resume_state in ("", *w.OPEN_STATES)
            assert self.facts.resume_state != w.WAITING_FOR_PARTS
            on_the_wrong_path = {w.BENCH: {w.NEW, w.DISPATCHED, w.ASSIGNED, w.IN_PROGRESS, w.RESOLVED},
                                 w.ONSITE: {w.RECEIVED, w.DIAGNOSING, w.REPAIRING, w.READY_FOR_PICKUP}}
            assert self.facts.state not in on_the_wrong_path[self.facts.location]

    @invariant()
    def final_means_no_way_out(self):
        if hasattr(self, "facts"):
            assert (self.facts.state in w.FINAL_STATES) == (w.allowed_actions(self.facts) == [])


OrderMachine.TestCase.settings = settings(max_examples=200, stateful_step_count=40, deadline=None)
TestOrderMachine = OrderMachine.TestCase


@given(st.lists(st.integers(0, 30), max_size=40), st.sampled_from(w.LOCATIONS),
       st.sampled_from(["paid", "warranty"]))
def test_following_the_offered_actions_always_lands_in_a_known_state(picks, location, coverage):
    facts = OrderFacts(w.initial_state(location), location, coverage=coverage)
    for pick in picks:
        options = [a for a in w.allowed_actions(facts) if a.name != "cancel"]
        if not options:
            break
        act = options[pick % len(options)]
        facts = w.facts_after(facts, w.plan(facts, act.name, GOOD_INPUTS[act.name], NOW))
        assert facts.state in w.STATES
