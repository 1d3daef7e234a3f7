"""The repair order's life, as one explicit table of actions.

An order is either **on-site** (a technician visits) or **bench** (the device
is left at the counter). Each follows its own steps through the same machine::

    on-site: new → dispatched → assigned → appointment_set → in_progress
             → resolved → receipt_returned → callback_confirmed → closed
                       ↘ unresolved (reason) → dispatched again (re-dispatch)
    bench:   received → diagnosing → repairing → ready_for_pickup
             → picked_up → closed
                          ↘ unresolved (reason) → diagnosing again, or back
                            to the customer unrepaired (ready_for_pickup)

- A paid repair is quoted first: ``send_quote`` (on-site before the work
  starts, or on the spot once it has; bench after diagnosing) →
  ``quote_sent`` → ``quote_approved`` (work may start) or ``quote_declined``,
  which ends the work (optional inspection fee): an on-site order is then
  closed, a bench device goes back to the customer through ready_for_pickup.
  Work on a paid order (``start``, ``repair``) waits for an approved quote.
- Any open order may wait for parts and come back where it was when they
  arrive (a bench device diagnosed or quoted goes on to repairing).
- Any open order may be cancelled, with a reason.
- ``closed`` and ``cancelled`` are final: nothing leaves them.

Every action names its inputs and who may do it (permission names from
``rules.permissions``). ``orders.transition_own`` lets a technician act only on
an order assigned to them (or, for ``diagnose``, take an unassigned bench
order). ``plan`` checks everything and says what changes; the service saves it
and writes the order event. Widgets ask ``allowed_actions`` instead of
repeating these rules.

Time limits: an on-site order must be dispatched within ``dispatch_minutes``
of the report and assigned within ``assign_minutes`` of dispatch; it is
overdue once *more* than that has passed (at exactly 5:00 it is still in
time). A bench device ready for pickup is unclaimed once ``days`` full days
have passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any, Callable, Iterable, Mapping

from shopdesk.errors import IllegalTransition, PermissionDenied, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP, Text
from shopdesk.rules.states import (  # noqa: F401 - the workflow's vocabulary, named here too
    ONSITE, BENCH, LOCATIONS, NEW, DISPATCHED, ASSIGNED, APPOINTMENT_SET, IN_PROGRESS, RESOLVED, UNRESOLVED,
    RECEIPT_RETURNED, CALLBACK_CONFIRMED, RECEIVED, DIAGNOSING, REPAIRING, READY_FOR_PICKUP, PICKED_UP,
    QUOTE_SENT, QUOTE_APPROVED, QUOTE_DECLINED, WAITING_FOR_PARTS, CLOSED, CANCELLED, STATES, FINAL_STATES,
    OPEN_STATES, WORK_DONE_STATES, WAITING_FOR_TEAM_STATES, STATE_LABELS, SAME, RESUME, TOLD_HOW,
    ANSWERED_HOW, CHOICE_LABELS, initial_state, is_open, DISPATCH, ASSIGN,
)

# -- what an action reads ------------------------------------------------------

@dataclass(frozen=True)
class OrderFacts:
    """What the rules need to know about an order (names as on the order)."""

    state: str
    location: str = ONSITE
    technician_id: int | None = None
    resume_state: str = ""
    coverage: str = "paid"
    quote_state: str = ""
    reported_at: dt.datetime | None = None
    dispatched_at: dt.datetime | None = None
    ready_at: dt.datetime | None = None


@dataclass(frozen=True)
class Input:
    """One thing a person gives with an action.

    kinds: text, long_text, staff (a staff id; ``roles`` limits the picker),
    datetime (naive UTC), bool, money (integer cents), choice.
    """

    name: str
    kind: str
    label: str
    required: bool = False
    choices: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: frozenset[tuple[str, str]]  # (location, state) pairs
    target: str
    permissions: tuple[str, ...]  # any one suffices; "orders.transition_own" only on one's own order
    inputs: tuple[Input, ...] = ()
    event_kind: str = "transition"
    claims: bool = False  # a technician may take an unassigned order with it
    guard: Callable[[OrderFacts], Text | None] | None = field(default=None, compare=False)

    def allows_from(self, facts: OrderFacts) -> bool:
        return (facts.location, facts.state) in self.sources

    def input(self, name: str) -> Input:
        for item in self.inputs:
            if item.name == name:
                return item
        raise KeyError(name)


def _src(onsite: Iterable[str] = (), bench: Iterable[str] = ()) -> frozenset[tuple[str, str]]:
    return frozenset({(ONSITE, s) for s in onsite} | {(BENCH, s) for s in bench})


def _both(*states: str) -> frozenset[tuple[str, str]]:
    return _src(states, states)


def _quote_guard(facts: OrderFacts) -> Text | None:
    # Imported here: the owner's window reads workflow at launch, and coverage's
    # rules (five dataclasses) are needed only when an order moves.
    from shopdesk.rules import coverage as coverage_rules

    if coverage_rules.work_may_start(facts.coverage, facts.quote_state):
        return None
    return Text("Errors", QT_TRANSLATE_NOOP(
        "Errors", "This is a paid repair: the customer must approve the quote before work starts."))


_TRANSITION = "orders.transition"
_OWN = "orders.transition_own"
_ASSIGN = "orders.assign"
_HANDIN = "handin.record"
_FOLLOWUP = "followups.record"

_NOTE = Input("note", "long_text", QT_TRANSLATE_NOOP("Workflow", "Note"))
_REASON = Input("reason", "long_text", QT_TRANSLATE_NOOP("Workflow", "Reason"), required=True)
# Who can take an order: technicians, and team leads who repair too.
TAKES_ORDERS = ("technician", "team_lead")
_TECHNICIAN = Input("technician", "staff", QT_TRANSLATE_NOOP("Workflow", "Technician"), required=True,
                    roles=TAKES_ORDERS)
_APPOINTMENT = Input("appointment_at", "datetime", QT_TRANSLATE_NOOP("Workflow", "Appointment time"),
                     required=True)

# Where waiting for parts makes sense: work not done, no quote pending.
_PARTS_FROM = [s for s in OPEN_STATES if s not in WORK_DONE_STATES and s not in (WAITING_FOR_PARTS, QUOTE_SENT)]
_ONSITE_ONLY = {NEW, DISPATCHED, ASSIGNED, APPOINTMENT_SET, IN_PROGRESS, RESOLVED, RECEIPT_RETURNED,
                CALLBACK_CONFIRMED}
_BENCH_ONLY = {RECEIVED, DIAGNOSING, REPAIRING, READY_FOR_PICKUP, PICKED_UP}


def _open_for(location: str, states: Iterable[str]) -> list[str]:
    excluded = _BENCH_ONLY if location == ONSITE else _ONSITE_ONLY
    return [s for s in states if s not in excluded]


ACTIONS: tuple[Action, ...] = (
    # -- on-site: dispatch and assignment
    Action("dispatch", QT_TRANSLATE_NOOP("Workflow", "Dispatch to team lead"),
           _src(onsite=[NEW, UNRESOLVED]), DISPATCHED, (_TRANSITION,),
           (Input("dispatched_to", "staff", QT_TRANSLATE_NOOP("Workflow", "Team lead"), required=True,
                  roles=("team_lead", "owner")), _NOTE)),
    Action("dispatch_to_technician", QT_TRANSLATE_NOOP("Workflow", "Dispatch to a technician"),
           _src(onsite=[NEW, UNRESOLVED]), ASSIGNED, (_TRANSITION,), (_TECHNICIAN, _NOTE)),
    Action("assign", QT_TRANSLATE_NOOP("Workflow", "Assign technician"),
           _src(onsite=[DISPATCHED]), ASSIGNED, (_ASSIGN,), (_TECHNICIAN, _NOTE)),
    Action("reassign", QT_TRANSLATE_NOOP("Workflow", "Reassign"),
           _src(onsite=[ASSIGNED, APPOINTMENT_SET, IN_PROGRESS, QUOTE_SENT, QUOTE_APPROVED, WAITING_FOR_PARTS],
                bench=[RECEIVED, DIAGNOSING, REPAIRING, QUOTE_SENT, QUOTE_APPROVED, WAITING_FOR_PARTS, UNRESOLVED]),
           SAME, (_ASSIGN,), (_TECHNICIAN, _NOTE), event_kind="assignment"),
    # -- appointments
    Action("set_appointment", QT_TRANSLATE_NOOP("Workflow", "Set appointment"),
           _src(onsite=[ASSIGNED]), APPOINTMENT_SET, (_TRANSITION, _OWN), (_APPOINTMENT, _NOTE)),
    Action("move_appointment", QT_TRANSLATE_NOOP("Workflow", "Move or record missed appointment"),
           _src(onsite=[APPOINTMENT_SET]), SAME, (_TRANSITION, _OWN),
           (Input("appointment_at", "datetime", QT_TRANSLATE_NOOP("Workflow", "New appointment time"), required=True),
            _REASON,
            Input("missed", "bool", QT_TRANSLATE_NOOP("Workflow", "The appointment was missed")),
            Input("customer_told", "bool", QT_TRANSLATE_NOOP("Workflow", "The customer was told"))),
           event_kind="appointment"),
    Action("confirm_appointment", QT_TRANSLATE_NOOP("Workflow", "Customer confirmed appointment"),
           _src(onsite=[APPOINTMENT_SET]), SAME, (_TRANSITION,), (_NOTE,), event_kind="appointment"),
    # -- the work
    Action("start", QT_TRANSLATE_NOOP("Workflow", "Start work"),
           _src(onsite=[ASSIGNED, APPOINTMENT_SET, QUOTE_APPROVED]), IN_PROGRESS, (_TRANSITION, _OWN), (_NOTE,),
           guard=_quote_guard),
    Action("diagnose", QT_TRANSLATE_NOOP("Workflow", "Start diagnosis"),
           _src(bench=[RECEIVED, UNRESOLVED]), DIAGNOSING, (_TRANSITION, _OWN),
           (Input("technician", "staff", QT_TRANSLATE_NOOP("Workflow", "Technician"), roles=TAKES_ORDERS), _NOTE),
           claims=True),
    Action("repair", QT_TRANSLATE_NOOP("Workflow", "Start repair"),
           _src(bench=[DIAGNOSING, QUOTE_APPROVED]), REPAIRING, (_TRANSITION, _OWN), (_NOTE,), guard=_quote_guard),
    Action("resolve", QT_TRANSLATE_NOOP("Workflow", "Resolved"),
           _src(onsite=[IN_PROGRESS]), RESOLVED, (_TRANSITION, _OWN), (_NOTE,)),
    Action("mark_unresolved", QT_TRANSLATE_NOOP("Workflow", "Unresolved"),
           _src(onsite=[IN_PROGRESS], bench=[REPAIRING]), UNRESOLVED, (_TRANSITION, _OWN), (_REASON,)),
    # -- quotes (paid repairs)
    Action("send_quote", QT_TRANSLATE_NOOP("Workflow", "Send quote"),
           _src(onsite=[ASSIGNED, APPOINTMENT_SET, IN_PROGRESS], bench=[DIAGNOSING]), QUOTE_SENT,
           (_TRANSITION, _OWN),
           (Input("amount", "money", QT_TRANSLATE_NOOP("Workflow", "Quoted amount"), required=True), _NOTE)),
    Action("approve_quote", QT_TRANSLATE_NOOP("Workflow", "Quote approved"),
           _both(QUOTE_SENT), QUOTE_APPROVED, (_TRANSITION, _OWN),
           (Input("how", "choice", QT_TRANSLATE_NOOP("Workflow", "How the customer answered"), required=True,
                  choices=ANSWERED_HOW), _NOTE)),
    Action("decline_quote", QT_TRANSLATE_NOOP("Workflow", "Quote declined"),
           _both(QUOTE_SENT), QUOTE_DECLINED, (_TRANSITION, _OWN),
           (Input("how", "choice", QT_TRANSLATE_NOOP("Workflow", "How the customer answered"), required=True,
                  choices=ANSWERED_HOW),
            Input("inspection_fee", "money", QT_TRANSLATE_NOOP("Workflow", "Inspection fee")), _NOTE)),
    # -- parts
    Action("wait_for_parts", QT_TRANSLATE_NOOP("Workflow", "Wait for parts"),
           _src(onsite=_open_for(ONSITE, _PARTS_FROM), bench=_open_for(BENCH, _PARTS_FROM)), WAITING_FOR_PARTS,
           (_TRANSITION, _OWN), (Input("note", "long_text", QT_TRANSLATE_NOOP("Workflow", "Parts needed"),
                                       required=True),)),
    Action("parts_arrived", QT_TRANSLATE_NOOP("Workflow", "Parts arrived"),
           _both(WAITING_FOR_PARTS), RESUME, (_TRANSITION, _OWN), (_NOTE,)),
    # -- on-site: receipt, callback
    Action("return_receipt", QT_TRANSLATE_NOOP("Workflow", "Signed receipt returned"),
           _src(onsite=[RESOLVED]), RECEIPT_RETURNED, (_HANDIN,),
           (Input("signer_name", "text", QT_TRANSLATE_NOOP("Workflow", "Signed by"), required=True),
            Input("in_person", "bool", QT_TRANSLATE_NOOP("Workflow", "Signed by the customer in person"),
                  required=True),
            _NOTE)),
    Action("confirm_callback", QT_TRANSLATE_NOOP("Workflow", "Callback confirmed"),
           _src(onsite=[RECEIPT_RETURNED]), CALLBACK_CONFIRMED, (_FOLLOWUP, _TRANSITION), (_NOTE,)),
    # -- bench: back to the customer
    Action("ready_for_pickup", QT_TRANSLATE_NOOP("Workflow", "Ready for pickup"),
           _src(bench=[REPAIRING, UNRESOLVED, QUOTE_DECLINED]), READY_FOR_PICKUP, (_TRANSITION, _OWN),
           (Input("told_at", "datetime", QT_TRANSLATE_NOOP("Workflow", "Customer told at"), required=True),
            Input("told_how", "choice", QT_TRANSLATE_NOOP("Workflow", "Customer told how"), required=True,
                  choices=TOLD_HOW),
            _NOTE)),
    Action("pick_up", QT_TRANSLATE_NOOP("Workflow", "Picked up"),
           _src(bench=[READY_FOR_PICKUP]), PICKED_UP, (_TRANSITION,),
           (Input("picked_up_by", "text", QT_TRANSLATE_NOOP("Workflow", "Picked up by"), required=True), _NOTE)),
    # -- the end
    Action("close", QT_TRANSLATE_NOOP("Workflow", "Close order"),
           _src(onsite=[CALLBACK_CONFIRMED, QUOTE_DECLINED], bench=[PICKED_UP]), CLOSED, (_TRANSITION,), (_NOTE,)),
    Action("cancel", QT_TRANSLATE_NOOP("Workflow", "Cancel order"),
           _src(onsite=_open_for(ONSITE, OPEN_STATES), bench=_open_for(BENCH, OPEN_STATES)), CANCELLED,
           (_TRANSITION,), (_REASON,)),
)

ACTIONS_BY_NAME: dict[str, Action] = {a.name: a for a in ACTIONS}


def action(name: str) -> Action:
    try:
        return ACTIONS_BY_NAME[name]
    except KeyError:
        raise IllegalTransition(QT_TRANSLATE_NOOP("Errors", "There is no order action called {action}."),
                                action=name) from None


# -- who may ---------------------------------------------------------------------

def permitted(act: Action, facts: OrderFacts, may: Callable[[str], bool], actor_id: int | None) -> bool:
    """Whether someone with these permissions may do ``act`` on this order."""
    for permission in act.permissions:
        if permission == _OWN:
            if may(_OWN) and actor_id is not None and (
                    facts.technician_id == actor_id or (act.claims and facts.technician_id is None)):
                return True
        elif may(permission):
            return True
    return False


def allowed_actions(facts: OrderFacts, may: Callable[[str], bool] | None = None,
                    actor_id: int | None = None) -> list[Action]:
    """The actions possible from this order's state, in table order.

    With ``may`` (e.g. ``actor.may``) and ``actor_id``, only those this person
    may do. Guards (the quote before work) are applied too.
    """
    found = []
    for act in ACTIONS:
        if not act.allows_from(facts):
            continue
        if act.guard is not None and act.guard(facts) is not None:
            continue
        if may is not None and not permitted(act, facts, may, actor_id):
            continue
        found.append(act)
    return found


# -- planning a step -------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    """What an action does to an order: its new state, the fields to save, and
    the event to write."""

    action: str
    from_state: str
    to_state: str
    changes: dict[str, Any]
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    event_kind: str = "transition"


def plan(facts: OrderFacts, name: str, inputs: Mapping[str, Any], now: dt.datetime,
         may: Callable[[str], bool] | None = None, actor_id: int | None = None) -> Step:
    """Check ``name`` on this order with these inputs; say what changes.

    Raises ``IllegalTransition`` (not from this state, or a guard refuses),
    ``PermissionDenied`` and ``ValidationError`` (a missing or bad input);
    nothing is changed by a refusal.
    """
    act = action(name)
    if facts.state not in STATES:
        raise IllegalTransition(QT_TRANSLATE_NOOP("Errors", "The order is in an unknown state {state}."),
                                state=facts.state)
    if not act.allows_from(facts):
        raise IllegalTransition(
            QT_TRANSLATE_NOOP("Errors", "“{action}” is not possible while the order is “{state}”."),
            action=act.name, state=facts.state)
    if act.guard is not None:
        refusal = act.guard(facts)
        if refusal is not None:
            raise IllegalTransition(refusal)
    if may is not None and not permitted(act, facts, may, actor_id):
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "You may not do “{action}” on this order."),
                               action=act.name)
    values = clean_inputs(act, inputs)
    to_state = _target(act, facts)
    changes = _changes(act, facts, values, now, actor_id, may)
    if to_state != facts.state:
        changes["state"] = to_state
    note = values.get("note") or values.get("reason") or ""
    data = {k: v for k, v in values.items() if k not in ("note",)}
    return Step(act.name, facts.state, to_state, changes, note, data, act.event_kind)


def clean_inputs(act: Action, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs an action takes, checked: required ones present, kinds right."""
    unknown = set(inputs) - {i.name for i in act.inputs}
    if unknown:
        raise ValueError(f"{act.name} takes no input {sorted(unknown)}")
    if act.name == "return_receipt" and inputs.get("in_person") is not True:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Only a receipt signed by the customer in person counts: it cannot be accepted."),
            field="in_person")
    values: dict[str, Any] = {}
    for spec in act.inputs:
        value = inputs.get(spec.name)
        if isinstance(value, str):
            value = value.strip()
        if spec.kind == "bool":
            value = False if value is None else value
        missing = value in (None, "") or (spec.kind == "bool" and value is False)
        if missing and spec.required:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{input} is required."), field=spec.name,
                                  input=Text("Workflow", spec.label))
        if value in (None, ""):
            continue
        values[spec.name] = _check_kind(spec, value)
    if act.name == "send_quote" and values["amount"] <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A quote needs an amount above zero."), field="amount")
    return values


def _check_kind(spec: Input, value: Any) -> Any:
    if spec.kind == "money" and isinstance(value, float):
        raise TypeError("money is integer cents, not float")
    valid = {
        "text": lambda v: isinstance(v, str),
        "long_text": lambda v: isinstance(v, str),
        "staff": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "datetime": lambda v: isinstance(v, dt.datetime) and v.tzinfo is None,
        "bool": lambda v: isinstance(v, bool),
        "money": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "choice": lambda v: v in spec.choices,
    }[spec.kind]
    if not valid(value):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{input} is not valid."), field=spec.name,
                              input=Text("Workflow", spec.label))
    if spec.kind == "money" and value < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative."), field=spec.name)
    return value


def _target(act: Action, facts: OrderFacts) -> str:
    if act.target == SAME:
        return facts.state
    if act.target == RESUME:
        back = facts.resume_state if facts.resume_state in OPEN_STATES else initial_state(facts.location)
        if facts.location == BENCH and back in (DIAGNOSING, QUOTE_APPROVED) and _quote_guard(facts) is None:
            return REPAIRING  # the parts were what the repair waited for
        if back == WAITING_FOR_PARTS:
            return initial_state(facts.location)
        return back
    return act.target


def _changes(act: Action, facts: OrderFacts, values: dict, now: dt.datetime, actor_id: int | None,
             may: Callable[[str], bool] | None) -> dict[str, Any]:
    """The order fields an action sets (names as on the order model)."""
    name = act.name
    if name == "dispatch":
        return {"dispatched_at": now, "dispatched_to": values["dispatched_to"], "technician": None,
                "assigned_at": None, "appointment_at": None}
    if name == "dispatch_to_technician":
        return {"dispatched_at": now, "dispatched_to": values["technician"], "technician": values["technician"],
                "assigned_at": now, "appointment_at": None}
    if name == "assign":
        return {"technician": values["technician"], "assigned_at": now}
    if name == "reassign":
        return {"technician": values["technician"]}
    if name in ("set_appointment", "move_appointment"):
        return {"appointment_at": values["appointment_at"]}
    if name in ("start", "repair"):
        return {"started_at": now}
    if name == "diagnose":
        technician = values.get("technician")
        if technician is None and facts.technician_id is None and may is not None and not may(_TRANSITION):
            technician = actor_id  # a bench technician takes the device
        changes: dict[str, Any] = {"started_at": now}
        if technician is not None:
            changes.update(technician=technician, assigned_at=now)
        return changes
    if name == "send_quote":
        return {"quote_state": "sent", "quote_amount": values["amount"]}
    if name == "approve_quote":
        return {"quote_state": "approved"}
    if name == "decline_quote":
        return {"quote_state": "declined"}
    if name == "resolve":
        return {"resolved_at": now, "outcome_reason": values.get("note", "")}
    if name == "mark_unresolved":
        return {"outcome_reason": values["reason"]}
    if name == "wait_for_parts":
        return {"resume_state": facts.state}
    if name == "parts_arrived":
        return {"resume_state": ""}
    if name == "return_receipt":
        return {"signer_name": values["signer_name"], "receipt_returned_at": now}
    if name == "ready_for_pickup":
        return {"ready_at": now, "resolved_at": now}
    if name == "pick_up":
        return {"signer_name": values["picked_up_by"]}
    if name == "close":
        return {"closed_at": now}
    if name == "cancel":
        return {"cancel_reason": values["reason"]}
    return {}


_FACT_FIELDS = {f.name for f in fields(OrderFacts)}


def facts_after(facts: OrderFacts, step: Step) -> OrderFacts:
    """The order's facts once ``step`` is saved (for tests and previews)."""
    updates = {}
    for key, value in step.changes.items():
        key = "technician_id" if key == "technician" else key
        if key in _FACT_FIELDS:
            updates[key] = value
    return replace(facts, **updates)


# -- time limits -------------------------------------------------------------------

@dataclass(frozen=True)
class Deadline:
    """An order in ``state`` (at ``location``) whose ``since`` field is before
    ``cutoff`` is overdue for ``kind``. Services turn this into SQL."""

    kind: str
    state: str
    location: str
    since: str
    cutoff: dt.datetime


def deadlines(now: dt.datetime, dispatch_minutes: int = 5, assign_minutes: int = 10) -> tuple[Deadline, ...]:
    return (
        Deadline(DISPATCH, NEW, ONSITE, "reported_at", now - dt.timedelta(minutes=dispatch_minutes)),
        Deadline(ASSIGN, DISPATCHED, ONSITE, "dispatched_at", now - dt.timedelta(minutes=assign_minutes)),
    )


def overdue(facts: OrderFacts, now: dt.datetime, dispatch_minutes: int = 5, assign_minutes: int = 10) -> set[str]:
    """Which limits this order has missed: a subset of {"dispatch", "assign"}."""
    late = set()
    for deadline in deadlines(now, dispatch_minutes, assign_minutes):
        since = getattr(facts, deadline.since)
        if facts.state == deadline.state and facts.location == deadline.location and since is not None \
                and since < deadline.cutoff:
            late.add(deadline.kind)
    return late


def unclaimed_cutoff(now: dt.datetime, days: int) -> dt.datetime:
    return now - dt.timedelta(days=days)


def unclaimed(facts: OrderFacts, now: dt.datetime, days: int) -> bool:
    """A bench device ready for pickup for ``days`` days or more."""
    return (facts.state == READY_FOR_PICKUP and facts.ready_at is not None
            and facts.ready_at <= unclaimed_cutoff(now, days))
