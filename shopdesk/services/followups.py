"""Follow-up calls (回访), complaints (客户投诉处理表), customer care and the month's figures.

Who is due for a call, what an answer means and the complaint deadline are
``shopdesk.rules.followups``; birthdays, holidays and churn are
``shopdesk.rules.care``. This module narrows the candidates in SQL (open
orders through the ``state`` index, contracts in force), hands their facts
and their calls to the rules, and stores what people record, with the audit
row, in one transaction per action.

A stage C call that reaches a satisfied customer confirms the order for
closing through the orders service's ``confirm_callback`` action.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Iterable, Mapping

import peewee as pw

from shopdesk.clock import from_local, local_today, to_local
from shopdesk.errors import NotFound, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import Customer, RepairOrder, ServiceContract, ShopSettings, Staff, database
from shopdesk.models.followups import CareHoliday, Complaint, FollowUpCall, Greeting
from shopdesk.rules import care
from shopdesk.rules import followups as rules
from shopdesk.rules import workflow
from shopdesk.services.context import Actor
from shopdesk.services.records import audit, diff, next_number, save_changes

from shopdesk.services import orders as _orders

VIEW, RECORD, COMPLAINTS = "followups.view", "followups.record", "complaints.edit"
# The person in charge (team lead or owner) approves a complaint's resolution.
APPROVE = "complaints.approve"
HOLIDAYS_EDIT = "settings.edit"
MAX_LIMIT = 500
CHUNK = 500
COMPLAINT_PREFIX = "T"
CONTRACT_KINDS = ("contract", "rental")
_OCCASION = re.compile(r"^[a-z0-9_]{1,30}-\d{4}$")
_TEXT_LIMIT = 4000


# == the queue ===========================================================================

@dataclass(frozen=True)
class QueueRow:
    stage: str
    due_at: dt.datetime
    overdue: bool
    attempt: int
    customer_id: int
    customer: str
    phone: str
    region: str
    order_id: int | None = None
    order_number: str = ""
    order_state: str = ""
    technician_id: int | None = None
    technician: str = ""
    appointment_at: dt.datetime | None = None
    fault: str = ""

    @property
    def key(self) -> tuple:
        return (self.stage, self.order_id, self.customer_id)


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    total: int
    overdue: int


def queue(actor: Actor, now: dt.datetime | None = None, stage: str | None = None, region: str | None = None,
          staff_id: int | None = None, offset: int = 0, limit: int = 100) -> QueuePage:
    """The calls due now, soonest due first, one page of them.

    ``region`` narrows to orders (or contract customers) of that region;
    ``staff_id`` to orders of that technician (contract calls have none).
    """
    actor.require(VIEW)
    _check_page(offset, limit)
    now = now or actor.clock.now()
    due = [d for d in _due_calls(now, stage, (region or "").strip(), staff_id) if stage in (None, "", d.stage)]
    late = sum(1 for d in due if d.overdue(now))
    return QueuePage(_queue_rows(due[offset:offset + limit], now), len(due), late)


def _due_calls(now: dt.datetime, stage: str | None, region: str, staff_id: int | None) -> list[rules.DueCall]:
    settings = ShopSettings.get_by_id(1)
    orders: list[rules.OrderFacts] = []
    contracts: list[rules.ContractFacts] = []
    calls_by_order: dict[int, list[rules.CallFacts]] = {}
    calls_by_customer: dict[int, list[rules.CallFacts]] = {}
    if stage in (None, "", *rules.ORDER_STAGES):
        where = _candidate_orders_where(now, settings, stage, region, staff_id)
        orders = _candidate_orders(where)
        calls_by_order = _calls_of(FollowUpCall.order.in_(RepairOrder.select(RepairOrder.id).where(where)))
    if stage in (None, "", rules.PERIODIC) and staff_id is None:
        contracts = _contract_facts(_candidate_contracts_query(now, settings, region), settings.timezone)
        in_force = ServiceContract.select(ServiceContract.customer).where(_in_force(_local_day(now, settings.timezone)))
        calls_by_customer = _calls_of(FollowUpCall.customer.in_(in_force) & (FollowUpCall.stage == rules.PERIODIC),
                                      key=FollowUpCall.customer)
    return rules.queue(orders, contracts, calls_by_order, calls_by_customer, now,
                       settings.followup_long_repair_days, settings.followup_contract_days)


def _candidate_orders_where(now: dt.datetime, settings: ShopSettings, stage: str | None, region: str,
                            staff_id: int | None):
    """Orders that may need a call: open ones, found through the state index."""
    earliest, latest = rules.stage_a_window(now)
    stage_a = ((RepairOrder.state.in_(sorted(rules.A_STATES))) & (RepairOrder.location == workflow.ONSITE)
               & (RepairOrder.appointment_at >= earliest) & (RepairOrder.appointment_at <= latest))
    stage_b = ((RepairOrder.state.in_(sorted(rules.B_STATES)))
               & (RepairOrder.reported_at <= rules.stage_b_cutoff(now, settings.followup_long_repair_days)))
    stage_c = RepairOrder.state.in_(sorted(rules.C_STATES))
    # A is asked before B, so a B candidate is also looked at when only B is wanted.
    by_stage = {rules.STAGE_A: stage_a, rules.STAGE_B: stage_b | stage_a, rules.STAGE_C: stage_c}
    where = by_stage.get(stage) if stage else (stage_a | stage_b | stage_c)
    where &= RepairOrder.state.in_(sorted(rules.QUEUE_STATES))
    if region:
        where &= RepairOrder.region == region
    if staff_id is not None:
        where &= RepairOrder.technician == staff_id
    return where


def _candidate_orders(where) -> list[rules.OrderFacts]:
    query = (RepairOrder
             .select(RepairOrder.id, RepairOrder.customer, RepairOrder.state, RepairOrder.location,
                     RepairOrder.reported_at, RepairOrder.appointment_at, RepairOrder.receipt_returned_at)
             .where(where))
    return [rules.OrderFacts(i, c, s, loc, _as_datetime(r), _as_datetime(a), _as_datetime(rr))
            for i, c, s, loc, r, a, rr in _raw_rows(query)]


def _candidate_contracts_query(now: dt.datetime, settings: ShopSettings, region: str,
                               customer_id: int | None = None):
    """Customers with a contract or rental in force long enough for a periodic call,
    less those reached by a periodic call within the interval."""
    tz = settings.timezone
    today = _local_day(now, tz)
    cutoff = rules.periodic_cutoff(now, settings.followup_contract_days)
    since = pw.fn.MIN(ServiceContract.starts_on)
    recently_reached = (FollowUpCall.select(FollowUpCall.id)
                        .where((FollowUpCall.customer == ServiceContract.customer)
                               & (FollowUpCall.stage == rules.PERIODIC) & (FollowUpCall.made_at > cutoff)
                               & (FollowUpCall.outcome == rules.REACHED)))
    where = _in_force(today) & ~Customer.archived & ~pw.fn.EXISTS(recently_reached)
    if region:
        where &= Customer.region == region
    if customer_id is not None:
        where &= ServiceContract.customer == customer_id
    return (ServiceContract
            .select(ServiceContract.customer, since)
            .join(Customer, on=(ServiceContract.customer == Customer.id))
            .where(where)
            .group_by(ServiceContract.customer)
            .having(since <= to_local(cutoff, tz).date()))


def _in_force(today: dt.date):
    return (ServiceContract.starts_on <= today) & (ServiceContract.ends_on >= today) & ~ServiceContract.archived


def _contract_facts(query, tz: str) -> list[rules.ContractFacts]:
    midnights: dict[Any, dt.datetime] = {}  # many contracts start on the same day
    facts = []
    for customer_id, start in _raw_rows(query):
        if start not in midnights:
            midnights[start] = _local_midnight(_as_date(start), tz)
        facts.append(rules.ContractFacts(customer_id, midnights[start]))
    return facts


def _calls_of(where, key=FollowUpCall.order) -> dict[int, list[rules.CallFacts]]:
    """Calls matching ``where`` (a semi-join on the candidates), grouped by order or customer."""
    found: dict[int, list[rules.CallFacts]] = {}
    query = (FollowUpCall
             .select(key, FollowUpCall.stage, FollowUpCall.made_at, FollowUpCall.outcome, FollowUpCall.retry_at)
             .where(where))
    for owner, stage, made_at, outcome, retry_at in _raw_rows(query):
        found.setdefault(owner, []).append(
            rules.CallFacts(stage, _as_datetime(made_at), outcome, _as_datetime(retry_at)))
    return found


def _raw_rows(query) -> list[tuple]:
    """A big candidate query's rows straight from the driver (peewee's per-row work
    doubled the queue's time at 20,000 contract customers); see ``_as_datetime``."""
    return database.execute_sql(*query.sql()).fetchall()


def _queue_rows(due: list[rules.DueCall], now: dt.datetime) -> list[QueueRow]:
    order_ids = [d.order_id for d in due if d.order_id is not None]
    orders = {}
    if order_ids:
        query = (RepairOrder
                 .select(RepairOrder.id, RepairOrder.number, RepairOrder.state, RepairOrder.technician,
                         RepairOrder.appointment_at, RepairOrder.fault, RepairOrder.region, Staff.name)
                 .join(Staff, pw.JOIN.LEFT_OUTER, on=(RepairOrder.technician == Staff.id))
                 .where(RepairOrder.id.in_(order_ids)).tuples())
        orders = {row[0]: row for row in query}
    customers = _customer_labels([d.customer_id for d in due])
    rows = []
    for d in due:
        name, phone, customer_region = customers.get(d.customer_id, ("", "", ""))
        order = orders.get(d.order_id)
        values: dict[str, Any] = {}
        if order is not None:
            _, number, state, technician_id, appointment_at, fault, order_region, technician = order
            values = dict(order_number=number, order_state=state, technician_id=technician_id,
                          technician=technician or "", appointment_at=appointment_at, fault=fault)
            customer_region = order_region or customer_region
        rows.append(QueueRow(stage=d.stage, due_at=d.due_at, overdue=d.overdue(now), attempt=d.attempt,
                             customer_id=d.customer_id, customer=name, phone=phone, region=customer_region,
                             order_id=d.order_id, **values))
    return rows


def _customer_labels(ids: Iterable[int]) -> dict[int, tuple[str, str, str]]:
    ids = sorted(set(ids))
    if not ids:
        return {}
    query = (Customer.select(Customer.id, Customer.name, Customer.company, Customer.phone, Customer.region)
             .where(Customer.id.in_(ids)).tuples())
    return {i: (_label(name, company), phone, region) for i, name, company, phone, region in query}


def _label(name: str, company: str) -> str:
    if company and company != name:
        return f"{company} · {name}"
    return name


def regions(actor: Actor) -> list[str]:
    """The regions customers are in, for the queue's filter."""
    actor.require(VIEW)
    query = (Customer.select(Customer.region).where(Customer.region != "").distinct()
             .order_by(Customer.region).tuples())
    return [r for (r,) in query]


def technicians(actor: Actor) -> list[Staff]:
    """Active technicians and team leads, for the queue's staff filter."""
    actor.require(VIEW)
    query = Staff.select().where((Staff.active == True) & Staff.role.in_(["technician", "team_lead"]))  # noqa: E712
    return list(query.order_by(Staff.name, Staff.id))


def complaint_staff(actor: Actor) -> list[Staff]:
    """Everyone active, for a complaint's responsible person."""
    actor.require(VIEW)
    return list(Staff.select().where(Staff.active == True).order_by(Staff.name, Staff.id))  # noqa: E712


# == recording a call ======================================================================

@dataclass(frozen=True)
class CallResult:
    call: FollowUpCall
    confirmed: bool  # a stage C call that confirmed the order for closing


def record_call(actor: Actor, *, stage: str, outcome: str, order_id: int | None = None,
                customer_id: int | None = None, retry_at: dt.datetime | None = None,
                scores: Mapping[str, int | None] | None = None, leftover_problem: str = "", cause: str = "",
                fix: str = "", note: str = "") -> CallResult:
    """Save a call. Stages A/B/C are about ``order_id``; a periodic call about ``customer_id``.

    An unanswered call needs ``retry_at`` (the queue shows it again then). An
    unsatisfied answer (a score of 2 or less, or a leftover problem) needs a
    cause. A satisfied stage C answer confirms the order for closing.
    """
    actor.require(RECORD)
    scores = {name: (scores or {}).get(name) for name in rules.SCORES}
    now = actor.clock.now()
    rules.check_call(stage, outcome, scores, retry_at, now)
    texts = _clean_texts(leftover_problem=leftover_problem, cause=cause, fix=fix, note=note)
    unsatisfied = outcome == rules.REACHED and rules.is_unsatisfied(scores, texts["leftover_problem"])
    if unsatisfied and not texts["cause"]:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The customer is not satisfied: record the cause."),
                              field="cause")
    with database.atomic():
        order, customer = _call_subject(stage, order_id, customer_id)
        due = _current_due(order, customer, stage, now)
        call = FollowUpCall.create(
            order=order, customer=customer, stage=stage, due_at=due.due_at if due else now,
            attempt=due.attempt if due else _tries_so_far(order, customer, stage) + 1,
            made_at=now, made_by=actor.staff, technician=order.technician_id if order else None,
            outcome=outcome, retry_at=retry_at if outcome != rules.REACHED else None,
            **{f"score_{k}": v for k, v in scores.items()}, unsatisfied=unsatisfied, created_at=now,
            updated_at=now, updated_by_name=actor.name, **texts)
        audit(actor, "create", call, _created(call), summary=_call_summary(call, order, customer))
        confirmed = False
        if order is not None and rules.confirms_order(stage, outcome, unsatisfied):
            confirmed = _confirm_callback(actor, order, call)
        return CallResult(FollowUpCall.get_by_id(call.id), confirmed)


def _call_subject(stage: str, order_id: int | None, customer_id: int | None):
    if stage in rules.ORDER_STAGES:
        if order_id is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A stage {stage} call is about an order: choose it."),
                                  field="order", stage=stage)
        query = RepairOrder.select().where(RepairOrder.id == order_id)
        if database.for_update:  # PostgreSQL: two desks calling about one order wait for each other
            query = query.for_update()
        order = query.first()
        if order is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Order not found."))
        return order, Customer.get_by_id(order.customer_id)
    customer = Customer.get_or_none(Customer.id == customer_id) if customer_id is not None else None
    if customer is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Customer not found."))
    return None, customer


def _current_due(order: RepairOrder | None, customer: Customer, stage: str, now: dt.datetime) -> rules.DueCall | None:
    """The queue's item this call answers (None for a call nobody was due)."""
    settings = ShopSettings.get_by_id(1)
    if order is not None:
        facts = rules.OrderFacts(order.id, order.customer_id, order.state, order.location, order.reported_at,
                                 order.appointment_at, order.receipt_returned_at)
        calls = _calls_of(FollowUpCall.order == order.id).get(order.id, [])
        due = rules.due_for_order(facts, calls, now, settings.followup_long_repair_days)
    else:
        contracts = _contract_facts(_candidate_contracts_query(now, settings, "", customer.id), settings.timezone)
        calls = _calls_of((FollowUpCall.customer == customer.id) & (FollowUpCall.stage == rules.PERIODIC),
                          key=FollowUpCall.customer).get(customer.id, [])
        due = rules.due_periodic(contracts[0], calls, now, settings.followup_contract_days) if contracts else None
    return due if due is not None and due.stage == stage else None


def _tries_so_far(order: RepairOrder | None, customer: Customer, stage: str) -> int:
    where = FollowUpCall.stage == stage
    where &= (FollowUpCall.order == order.id) if order is not None else (FollowUpCall.customer == customer.id)
    last = FollowUpCall.select().where(where & (FollowUpCall.outcome == rules.REACHED)) \
        .order_by(FollowUpCall.made_at.desc()).first()
    if last is not None:
        where &= FollowUpCall.made_at > last.made_at
    return FollowUpCall.select().where(where).count()


def _confirm_callback(actor: Actor, order: RepairOrder, call: FollowUpCall) -> bool:
    """Move the order to callback_confirmed through the orders service."""
    if order.state not in rules.C_STATES:
        return False
    _orders.act(actor, order.id, "confirm_callback", RepairOrder.get_by_id(order.id).version,
                note=f"回访满意 Follow-up call {call.id}: satisfied")
    FollowUpCall.update(confirmed_order=True).where(FollowUpCall.id == call.id).execute()
    return True


def update_call(actor: Actor, call_id: int, based_on_version: int, **values) -> FollowUpCall:
    """Add or change a call's cause, fix or note afterwards."""
    actor.require(RECORD)
    unknown = set(values) - {"cause", "fix", "note"}
    if unknown:
        raise ValueError(f"not editable on a call: {sorted(unknown)}")
    texts = _clean_texts(**values)
    with database.atomic():
        call = _get_call(call_id)
        if call.unsatisfied and "cause" in texts and not texts["cause"]:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The customer is not satisfied: record the cause."),
                                  field="cause")
        changes = diff(call, texts)
        if not changes:
            return call
        saved = save_changes(call, based_on_version, {k: texts[k] for k in changes}, actor)
        audit(actor, "update", saved, changes, summary=f"call {saved.id}")
        return saved


def get_call(actor: Actor, call_id: int) -> FollowUpCall:
    actor.require(VIEW)
    return _get_call(call_id)


def calls_for_order(actor: Actor, order_id: int) -> list[FollowUpCall]:
    """Every call about an order, oldest first (for the order's history)."""
    actor.require(VIEW)
    return list(FollowUpCall.select().where(FollowUpCall.order == order_id)
                .order_by(FollowUpCall.made_at, FollowUpCall.id))


@dataclass(frozen=True)
class ContactRow:
    """A call to the customer or a complaint from them, for their file."""

    id: int
    at: dt.datetime          # when the call was made / the complaint came in (UTC)
    number: str              # the complaint's number / the order a call was about ("": a periodic call)
    kind: str                # the call's stage / the complaint's category (keys: the window labels them)
    outcome: str             # the call's outcome / the complaint's status
    who: str                 # the technician named on the call / the complaint's responsible person
    text: str                # what is still wrong (call) / the complaint, first line
    unsatisfied: bool = False


@dataclass(frozen=True)
class CustomerContacts:
    complaints: list[ContactRow]
    complaint_count: int
    calls: list[ContactRow]
    call_count: int


def customer_contacts(actor: Actor, customer_id: int, limit: int = 50) -> CustomerContacts:
    """The customer's complaints and follow-up calls, newest first (``limit`` of each), for the customer file."""
    actor.require(VIEW)
    complaints = list(Complaint.select().where(Complaint.customer == customer_id)
                      .order_by(Complaint.received_at.desc(), Complaint.id.desc()).limit(limit))
    calls = list(FollowUpCall.select(FollowUpCall, RepairOrder.number.alias("order_number"))
                 .join(RepairOrder, pw.JOIN.LEFT_OUTER, on=(FollowUpCall.order == RepairOrder.id))
                 .where(FollowUpCall.customer == customer_id)
                 .order_by(FollowUpCall.made_at.desc(), FollowUpCall.id.desc()).limit(limit).objects())
    wanted = ({k.responsible_id for k in complaints} | {c.technician_id for c in calls}) - {None}
    names = dict(Staff.select(Staff.id, Staff.name).where(Staff.id.in_(sorted(wanted))).tuples()) if wanted else {}

    def first_line(text: str) -> str:
        lines = (text or "").strip().splitlines()
        return lines[0] if lines else ""

    complaint_rows = [ContactRow(k.id, k.received_at, k.number, k.category, k.status,
                                 names.get(k.responsible_id, ""), first_line(k.description)) for k in complaints]
    call_rows = [ContactRow(c.id, c.made_at, c.order_number or "", c.stage, c.outcome,
                            names.get(c.technician_id, ""), first_line(c.leftover_problem), c.unsatisfied)
                 for c in calls]
    complaint_count = len(complaints) if len(complaints) < limit else \
        Complaint.select().where(Complaint.customer == customer_id).count()
    call_count = len(calls) if len(calls) < limit else \
        FollowUpCall.select().where(FollowUpCall.customer == customer_id).count()
    return CustomerContacts(complaint_rows, complaint_count, call_rows, call_count)


def call_scripts(actor: Actor) -> tuple[str, str]:
    """The shop's own wording for satisfied and unsatisfied customers ("" when not set)."""
    actor.require(VIEW)
    settings = ShopSettings.get_by_id(1)
    return settings.call_script_satisfied, settings.call_script_unsatisfied


def reopen_order_from_call(actor: Actor, call_id: int) -> RepairOrder:
    """An unsatisfied customer gets another visit: a new order for the same
    customer and device, with the leftover problem as its fault.

    Only for an order whose work is done (an open order is handled on its own
    page). The call remembers the new order, so it is made once.
    """
    actor.require(RECORD)
    with database.atomic():
        call = _unsatisfied_call(call_id)
        if call.reopened_as_id is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This call already asked for order {number}."),
                                  number=call.reopened_as.number)
        if call.order_id is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This call is not about an order."), field="order")
        order = call.order
        if order.state not in workflow.WORK_DONE_STATES:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Order {number} is still open: handle the new problem on the order itself."),
                number=order.number)
        problem = call.leftover_problem or call.cause
        fault = f"回访返修 Return visit after {order.number}: {problem}"[:4000]
        new_order = _orders.create_order(
            actor, order.customer_id, order.device_id, fault=fault, reported_by=order.reported_by,
            contact_phone=order.contact_phone, channel="phone", location=order.location, address=order.address,
            priority="urgent")
        changes = {"reopened_as": new_order.id}
        if not call.fix:
            changes["fix"] = new_order.number
        saved = save_changes(call, call.version, changes, actor)
        audit(actor, "reopen", saved, {"reopened_as": [None, new_order.number]},
              summary=f"call {call.id} → {new_order.number}")
        return new_order


def complaint_from_call(actor: Actor, call_id: int, category: str | None = None) -> Complaint:
    """Turn an unsatisfied answer into a complaint, once: customer, order, and
    what they said are carried over; received now, through the follow-up call."""
    actor.require(COMPLAINTS)
    with database.atomic():
        call = _unsatisfied_call(call_id)
        existing = Complaint.get_or_none(Complaint.from_call == call.id)
        if existing is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This call is already complaint {number}."),
                                  number=existing.number)
        scores = {name: getattr(call, f"score_{name}") for name in rules.SCORES}
        description = "\n".join(x for x in (call.leftover_problem, call.cause) if x)
        complaint = _create_complaint(
            actor, customer=call.customer_id, order=call.order_id, from_call=call.id,
            category=category or suggested_category(scores, call.leftover_problem), channel="followup",
            received_at=actor.clock.now(), description=description, good_faith=True, responsible=None)
        if not call.fix:
            saved = save_changes(call, call.version, {"fix": complaint.number}, actor)
            audit(actor, "update", saved, {"fix": ["", complaint.number]}, summary=f"call {call.id}")
        return complaint


def suggested_category(scores: Mapping[str, int | None], leftover_problem: str = "") -> str:
    """A poor result or a leftover problem is about quality; the rest about service."""
    result = scores.get("result")
    if (result is not None and result <= rules.LOW_SCORE) or (leftover_problem or "").strip():
        return "quality"
    return "service"


def _unsatisfied_call(call_id: int) -> FollowUpCall:
    call = _get_call(call_id)
    if not call.unsatisfied:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The customer was satisfied on this call."))
    return call


def _get_call(call_id: int) -> FollowUpCall:
    call = FollowUpCall.get_or_none(FollowUpCall.id == call_id)
    if call is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Follow-up call not found."))
    return call


def _call_summary(call: FollowUpCall, order: RepairOrder | None, customer: Customer) -> str:
    about = order.number if order is not None else customer.number
    return f"{about} stage {call.stage}: {call.outcome}" + (" (unsatisfied)" if call.unsatisfied else "")


# == complaints ============================================================================

@dataclass(frozen=True)
class ComplaintRow:
    id: int
    number: str
    received_at: dt.datetime
    deadline_at: dt.datetime
    overdue: bool
    status: str
    category: str
    customer_id: int
    customer: str
    order_number: str
    description: str
    responsible: str
    approved: bool
    version: int


@dataclass(frozen=True)
class ComplaintPage:
    rows: list[ComplaintRow]
    total: int


EDITABLE_COMPLAINT = ("channel", "received_at", "order", "category", "good_faith", "description", "analysis",
                      "responsible", "resolution_kind", "resolution", "feedback", "customer_reaction")


def create_complaint(actor: Actor, customer_id: int, category: str, description: str, *, channel: str = "phone",
                     received_at: dt.datetime | None = None, order_id: int | None = None, good_faith: bool = True,
                     responsible_id: int | None = None, analysis: str = "") -> Complaint:
    """Log a complaint; its number is T + 6 digits, never reused."""
    actor.require(COMPLAINTS)
    with database.atomic():
        return _create_complaint(actor, customer=customer_id, order=order_id, from_call=None, category=category,
                                 channel=channel, received_at=received_at or actor.clock.now(),
                                 description=description, good_faith=good_faith, responsible=responsible_id,
                                 analysis=analysis)


def _create_complaint(actor: Actor, **values) -> Complaint:
    values = _clean_complaint(values, actor.clock.now())
    customer = Customer.get_or_none(Customer.id == values["customer"])
    if customer is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Customer not found."))
    _check_order_of(values.get("order"), customer.id)
    if not values.get("description"):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Describe the complaint."), field="description")
    now = actor.clock.now()
    complaint = Complaint.create(number=f"{COMPLAINT_PREFIX}{next_number('complaint'):06d}", status=rules.OPEN,
                                 created_at=now, created_by=actor.staff, updated_at=now, updated_by_name=actor.name,
                                 **values)
    audit(actor, "create", complaint, _created(complaint), summary=f"{complaint.number} {customer.number}")
    return complaint


def update_complaint(actor: Actor, complaint_id: int, based_on_version: int, **values) -> Complaint:
    """Save edits to a complaint not yet closed; refused if another desk saved it since."""
    actor.require(COMPLAINTS)
    unknown = set(values) - set(EDITABLE_COMPLAINT)
    if unknown:
        raise ValueError(f"not editable on a complaint: {sorted(unknown)}")
    with database.atomic():
        complaint = _get_complaint(complaint_id)
        _check_not_closed(complaint)
        cleaned = _clean_complaint(values, actor.clock.now())
        if "order" in cleaned:
            _check_order_of(cleaned["order"], complaint.customer_id)
        if "description" in cleaned and not cleaned["description"]:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Describe the complaint."), field="description")
        changes = diff(_stored_view(complaint), cleaned)
        if not changes:
            return complaint
        saved = save_changes(complaint, based_on_version, {k: cleaned[k] for k in changes}, actor)
        audit(actor, "update", saved, changes, summary=saved.number)
        return saved


def approve_complaint(actor: Actor, complaint_id: int, based_on_version: int) -> Complaint:
    """The person in charge approves the complaint's handling (needed before closing)."""
    actor.require(APPROVE)
    with database.atomic():
        complaint = _get_complaint(complaint_id)
        _check_not_closed(complaint)
        if complaint.approved_by_id is not None:
            return complaint
        now = actor.clock.now()
        saved = save_changes(complaint, based_on_version, {"approved_by": actor.staff, "approved_at": now}, actor)
        audit(actor, "approve", saved, {"approved_by": [None, actor.name]}, summary=saved.number)
        return saved


def move_complaint(actor: Actor, complaint_id: int, based_on_version: int, status: str) -> Complaint:
    """open → in hand → resolved → closed (resolved → in hand when the customer does not accept it)."""
    actor.require(COMPLAINTS)
    with database.atomic():
        complaint = _get_complaint(complaint_id)
        rules.check_complaint_step(_complaint_facts(complaint), status)
        now = actor.clock.now()
        changes: dict[str, Any] = {"status": status}
        if status == rules.RESOLVED_C:
            changes["resolved_at"] = now
        elif status == rules.CLOSED_C:
            changes["closed_at"] = now
        elif status == rules.IN_HAND and complaint.status == rules.RESOLVED_C:
            changes.update(resolved_at=None, approved_by=None, approved_at=None)  # the new handling needs approval
        saved = save_changes(complaint, based_on_version, changes, actor)
        audit(actor, status, saved, {"status": [complaint.status, status]},
              summary=f"{saved.number}: {complaint.status} → {status}")
        return saved


def get_complaint(actor: Actor, complaint_id: int) -> Complaint:
    actor.require(VIEW)
    return _get_complaint(complaint_id)


def list_complaints(actor: Actor, now: dt.datetime | None = None, status: str | None = None,
                    unfinished_only: bool = False, offset: int = 0, limit: int = 100) -> ComplaintPage:
    """Complaints newest first: unfinished ones past their 24 hours are ``overdue``."""
    actor.require(VIEW)
    _check_page(offset, limit)
    now = now or actor.clock.now()
    where = Complaint.id > 0
    if status:
        where &= Complaint.status == status
    elif unfinished_only:
        where &= Complaint.status.in_(rules.UNFINISHED)
    total = Complaint.select(pw.fn.COUNT(Complaint.id)).where(where).scalar()
    responsible = Staff.alias()
    query = (Complaint
             .select(Complaint.id, Complaint.number, Complaint.received_at, Complaint.status, Complaint.category,
                     Complaint.customer, Customer.name, Customer.company, RepairOrder.number, Complaint.description,
                     responsible.name, Complaint.approved_by, Complaint.version)
             .join(Customer, on=(Complaint.customer == Customer.id))
             .switch(Complaint).join(RepairOrder, pw.JOIN.LEFT_OUTER, on=(Complaint.order == RepairOrder.id))
             .switch(Complaint).join(responsible, pw.JOIN.LEFT_OUTER, on=(Complaint.responsible == responsible.id))
             .where(where)
             .order_by(Complaint.received_at.desc(), Complaint.id.desc())
             .offset(offset).limit(limit).tuples())
    rows = []
    for (id_, number, received_at, state, category, customer_id, name, company, order_number, description,
         responsible_name, approved_by, version) in query:
        rows.append(ComplaintRow(
            id=id_, number=number, received_at=received_at, deadline_at=rules.complaint_deadline(received_at),
            overdue=rules.complaint_overdue(state, received_at, now), status=state, category=category,
            customer_id=customer_id, customer=_label(name, company), order_number=order_number or "",
            description=description, responsible=responsible_name or "", approved=approved_by is not None,
            version=version))
    return ComplaintPage(rows, total)


def overdue_complaints(actor: Actor, now: dt.datetime | None = None) -> int:
    """How many complaints are still unresolved 24 hours after they came in."""
    actor.require(VIEW)
    now = now or actor.clock.now()
    cutoff = now - dt.timedelta(hours=rules.COMPLAINT_HOURS)
    return Complaint.select().where(Complaint.status.in_(rules.UNFINISHED) & (Complaint.received_at < cutoff)).count()


def _complaint_facts(complaint: Complaint) -> rules.ComplaintFacts:
    return rules.ComplaintFacts(status=complaint.status, responsible_id=complaint.responsible_id,
                                resolution_kind=complaint.resolution_kind, resolution=complaint.resolution,
                                feedback=complaint.feedback, approved=complaint.approved_by_id is not None)


def _clean_complaint(values: dict, now: dt.datetime) -> dict:
    cleaned: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("description", "analysis", "resolution", "feedback", "customer_reaction"):
            cleaned[key] = _text(value, key)
        elif key == "category":
            if value not in rules.COMPLAINT_CATEGORIES:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the complaint's category."), field=key)
            cleaned[key] = value
        elif key == "channel":
            if value not in rules.COMPLAINT_CHANNELS:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose how the complaint came in."), field=key)
            cleaned[key] = value
        elif key == "resolution_kind":
            if value not in ("", *rules.RESOLUTION_KINDS):
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose how the complaint was resolved."), field=key)
            cleaned[key] = value
        elif key == "received_at":
            if not isinstance(value, dt.datetime) or value.tzinfo is not None:
                raise ValueError("received_at is a naive UTC datetime")
            if value > now:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A complaint cannot be received in the future."),
                                      field=key)
            cleaned[key] = value
        elif key == "good_faith":
            cleaned[key] = bool(value)
        elif key == "responsible":
            cleaned[key] = _active_staff(value)
        elif key in ("order", "customer", "from_call"):
            cleaned[key] = value
        else:
            raise ValueError(key)
    return cleaned


def _active_staff(staff_id: int | None) -> int | None:
    if staff_id is None:
        return None
    staff = Staff.get_or_none(Staff.id == staff_id)
    if staff is None or not staff.active:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Pick an active team member."), field="responsible")
    return staff.id


def _check_order_of(order_id: int | None, customer_id: int) -> None:
    if order_id is None:
        return
    order = RepairOrder.get_or_none(RepairOrder.id == order_id)
    if order is None or order.customer_id != customer_id:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "That order is not this customer's."), field="order")


def _stored_view(complaint: Complaint) -> SimpleNamespace:
    """The complaint's editable fields with foreign keys as ids, for diff()."""
    values = {}
    for name in EDITABLE_COMPLAINT:
        model_field = Complaint._meta.fields[name]
        is_key = isinstance(model_field, pw.ForeignKeyField)
        values[name] = getattr(complaint, model_field.object_id_name if is_key else name)
    return SimpleNamespace(**values)


def _check_not_closed(complaint: Complaint) -> None:
    if complaint.status == rules.CLOSED_C:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Complaint {number} is closed and no longer changes."),
                              number=complaint.number)


def _get_complaint(complaint_id: int) -> Complaint:
    complaint = Complaint.get_or_none(Complaint.id == complaint_id)
    if complaint is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Complaint not found."))
    return complaint


# == customer care =========================================================================

@dataclass(frozen=True)
class BirthdayRow:
    customer_id: int
    customer: str
    phone: str
    date: dt.date
    days_ahead: int
    lunar: bool
    occasion: str
    greeted: bool
    greeted_by: str = ""
    greeted_at: dt.datetime | None = None


@dataclass(frozen=True)
class HolidayRow:
    key: str
    name: str  # a built-in's English source (context "Care"), or the shop's own name
    built_in: bool
    date: dt.date
    days_ahead: int
    occasion: str
    customers: int  # contract and rental customers to greet
    greeted: int


@dataclass(frozen=True)
class CareList:
    today: dt.date
    birthdays: list[BirthdayRow]
    holidays: list[HolidayRow]


@dataclass(frozen=True)
class GreetingRow:
    customer_id: int
    customer: str
    phone: str
    greeted: bool
    greeted_by: str = ""
    greeted_at: dt.datetime | None = None


def care_list(actor: Actor, today: dt.date | None = None) -> CareList:
    """Birthdays 2–7 days ahead (solar and lunar) and holidays up to 7 days ahead, with who was greeted."""
    actor.require(VIEW)
    settings = ShopSettings.get_by_id(1)
    today = today or local_today(actor.clock, settings.timezone)
    return CareList(today, _birthdays(today), _holidays(today))


def _birthdays(today: dt.date) -> list[BirthdayRow]:
    solar_keys, lunar_keys = care.birthday_keys(today)
    month_day = _month_day(Customer.birthday)
    where = (Customer.birthday.is_null(False) & ~Customer.archived & Customer.merged_into.is_null()
             & ((~Customer.birthday_is_lunar & month_day.in_(_md_texts(solar_keys) or ["-"]))
                | (Customer.birthday_is_lunar & month_day.in_(_md_texts(lunar_keys) or ["-"]))))
    query = (Customer.select(Customer.id, Customer.name, Customer.company, Customer.phone, Customer.birthday,
                             Customer.birthday_is_lunar).where(where).tuples())
    found = []
    for customer_id, name, company, phone, birthday, lunar in query:
        occurrence = care.birthday_in_window(_as_date(birthday), bool(lunar), today)
        if occurrence is not None:
            found.append((customer_id, _label(name, company), phone, occurrence, bool(lunar)))
    greeted = _greetings_of({(c, o.occasion) for c, _, _, o, _ in found})
    rows = []
    for customer_id, label, phone, occurrence, lunar in found:
        by, at = greeted.get((customer_id, occurrence.occasion), ("", None))
        rows.append(BirthdayRow(customer_id, label, phone, occurrence.date, (occurrence.date - today).days, lunar,
                                occurrence.occasion, at is not None, by, at))
    return sorted(rows, key=lambda r: (r.date, r.customer, r.customer_id))


def _holidays(today: dt.date) -> list[HolidayRow]:
    upcoming = care.holidays_ahead(all_holidays(), today)
    if not upcoming:
        return []
    total = _contract_customers().count()
    rows = []
    for holiday, occurrence in upcoming:
        greeted = (Greeting.select().join(Customer, on=(Greeting.customer == Customer.id))
                   .where((Greeting.occasion == occurrence.occasion) & _contract_customer_where()).count())
        rows.append(HolidayRow(holiday.key, holiday.name, holiday.built_in, occurrence.date,
                               (occurrence.date - today).days, occurrence.occasion, total, greeted))
    return rows


def holiday_customers(actor: Actor, occasion: str, offset: int = 0, limit: int = 100,
                      not_greeted_only: bool = False) -> tuple[list[GreetingRow], int]:
    """The contract and rental customers to greet for a holiday, and whether they were."""
    actor.require(VIEW)
    _check_page(offset, limit)
    greeter = Staff.alias()
    query = (_contract_customers()
             .select(Customer.id, Customer.name, Customer.company, Customer.phone, Greeting.greeted_at, greeter.name)
             .join(Greeting, pw.JOIN.LEFT_OUTER,
                   on=((Greeting.customer == Customer.id) & (Greeting.occasion == occasion)))
             .join(greeter, pw.JOIN.LEFT_OUTER, on=(Greeting.greeted_by == greeter.id)))
    if not_greeted_only:
        query = query.where(Greeting.id.is_null())
    total = query.count()
    rows = [GreetingRow(i, _label(name, company), phone, at is not None, by or "", at)
            for i, name, company, phone, at, by in
            query.order_by(Customer.name, Customer.id).offset(offset).limit(limit).tuples()]
    return rows, total


def _contract_customer_where():
    return Customer.kind.in_(CONTRACT_KINDS) & ~Customer.archived & Customer.merged_into.is_null()


def _contract_customers():
    return Customer.select(Customer.id).where(_contract_customer_where())


def _greetings_of(pairs: set[tuple[int, str]]) -> dict[tuple[int, str], tuple[str, dt.datetime]]:
    found = {}
    ids = sorted({c for c, _ in pairs})
    occasions = sorted({o for _, o in pairs})
    for chunk in _chunks(ids, CHUNK):
        query = (Greeting.select(Greeting.customer, Greeting.occasion, Greeting.greeted_at, Staff.name)
                 .join(Staff, pw.JOIN.LEFT_OUTER, on=(Greeting.greeted_by == Staff.id))
                 .where(Greeting.customer.in_(chunk) & Greeting.occasion.in_(occasions)).tuples())
        for customer_id, occasion, at, by in query:
            found[(customer_id, occasion)] = (by or "", at)
    return found


def log_greeting(actor: Actor, customer_id: int, occasion: str, note: str = "") -> Greeting:
    """Record that a customer was greeted for an occasion; a second time is refused."""
    actor.require(RECORD)
    if not _OCCASION.match(occasion or ""):
        raise ValueError(f"not an occasion key: {occasion!r}")
    with database.atomic():
        customer = Customer.get_or_none(Customer.id == customer_id)
        if customer is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Customer not found."))
        existing = Greeting.get_or_none((Greeting.customer == customer_id) & (Greeting.occasion == occasion))
        if existing is None:
            try:
                with database.atomic():
                    greeting = Greeting.create(customer=customer, occasion=occasion, greeted_at=actor.clock.now(),
                                               greeted_by=actor.staff, note=_text(note, "note")[:250])
            except pw.IntegrityError:  # another desk greeted them a moment ago
                existing = Greeting.get((Greeting.customer == customer_id) & (Greeting.occasion == occasion))
        if existing is not None:
            tz = ShopSettings.get_by_id(1).timezone
            by = existing.greeted_by.name if existing.greeted_by_id else "?"
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{name} already greeted this customer on {date}."),
                                  name=by, date=to_local(existing.greeted_at, tz).strftime("%Y-%m-%d %H:%M"))
        audit(actor, "create", greeting, {"occasion": [None, occasion]}, summary=f"{customer.number} {occasion}")
        return greeting


# -- the shop's own holidays ---------------------------------------------------------------

def all_holidays() -> list[care.Holiday]:
    """Built-in holidays and the shop's active ones."""
    own = [care.Holiday(h.key, h.name, h.calendar, h.month, h.day)
           for h in CareHoliday.select().where(CareHoliday.active == True).order_by(CareHoliday.id)]  # noqa: E712
    return [*care.BUILT_IN_HOLIDAYS, *own]


def list_holidays(actor: Actor) -> list[CareHoliday]:
    actor.require(VIEW)
    return list(CareHoliday.select().order_by(CareHoliday.active.desc(), CareHoliday.month, CareHoliday.day))


def add_holiday(actor: Actor, name: str, calendar: str, month: int, day: int) -> CareHoliday:
    """A holiday the shop greets contract customers for (e.g. Dragon Boat Festival, lunar 5-5)."""
    actor.require(HOLIDAYS_EDIT)
    name = (name or "").strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the holiday a name."), field="name")
    if not care.check_holiday_date(calendar, month, day):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "There is no such day in that calendar."), field="day")
    with database.atomic():
        now = actor.clock.now()
        holiday = CareHoliday.create(key=f"h{next_number('care_holiday')}", name=name[:60], calendar=calendar,
                                     month=month, day=day, created_at=now)
        audit(actor, "create", holiday, _created(holiday), summary=name)
        return holiday


def set_holiday_active(actor: Actor, holiday_id: int, active: bool) -> CareHoliday:
    actor.require(HOLIDAYS_EDIT)
    with database.atomic():
        holiday = CareHoliday.get_or_none(CareHoliday.id == holiday_id)
        if holiday is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Holiday not found."))
        if holiday.active != active:
            CareHoliday.update(active=active).where(CareHoliday.id == holiday_id).execute()
            audit(actor, "update", holiday, {"active": [holiday.active, active]}, summary=holiday.name)
        return CareHoliday.get_by_id(holiday_id)


# -- churn ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChurnRow:
    customer_id: int
    number: str
    customer: str
    phone: str
    region: str
    last_order_at: dt.datetime
    last_order_number: str


def churn_list(actor: Actor, now: dt.datetime | None = None, months: int | None = None, offset: int = 0,
               limit: int = 100) -> tuple[list[ChurnRow], int]:
    """Customers whose last order is more than ``months`` (the shop's setting) ago, most recently lost first."""
    actor.require(VIEW)
    _check_page(offset, limit)
    now = now or actor.clock.now()
    months = months or ShopSettings.get_by_id(1).churn_months
    if not 1 <= months <= 120:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Months must be a whole number from 1 to 120."),
                              field="months")
    where = ((Customer.last_order_at < care.churn_cutoff(now, months)) & ~Customer.archived
             & Customer.merged_into.is_null())
    total = Customer.select(pw.fn.COUNT(Customer.id)).where(where).scalar()
    query = (Customer.select(Customer.id, Customer.number, Customer.name, Customer.company, Customer.phone,
                             Customer.region, Customer.last_order_at)
             .where(where).order_by(Customer.last_order_at.desc(), Customer.id).offset(offset).limit(limit).tuples())
    found = list(query)
    last_numbers = _last_order_numbers([(row[0], row[6]) for row in found])
    rows = [ChurnRow(i, number, _label(name, company), phone, region, last, last_numbers.get(i, ""))
            for i, number, name, company, phone, region, last in found]
    return rows, total


def _last_order_numbers(pairs: list[tuple[int, dt.datetime]]) -> dict[int, str]:
    if not pairs:
        return {}
    ids = [i for i, _ in pairs]
    query = (RepairOrder.select(RepairOrder.customer, RepairOrder.number, RepairOrder.reported_at)
             .join(Customer, on=((RepairOrder.customer == Customer.id)
                                 & (RepairOrder.reported_at == Customer.last_order_at)))
             .where(Customer.id.in_(ids)).order_by(RepairOrder.id).tuples())
    return {customer_id: number for customer_id, number, _ in query}


# == the month's figures ======================================================================

@dataclass(frozen=True)
class StageFigures:
    stage: str
    due: int
    made: int
    reached: int
    unsatisfied: int


@dataclass(frozen=True)
class TechnicianScores:
    technician_id: int | None
    technician: str
    calls: int
    timeliness: float | None
    attitude: float | None
    explanation: float | None
    result: float | None
    unsatisfied: int


@dataclass(frozen=True)
class UnsatisfiedRow:
    call_id: int
    made_at: dt.datetime
    stage: str
    customer: str
    order_number: str
    technician: str
    cause: str
    fix: str


@dataclass(frozen=True)
class ComplaintFigures:
    category: str
    received: int
    resolved: int
    resolved_in_time: int
    average_hours: float | None  # from receipt to resolution, over those resolved in the month


@dataclass(frozen=True)
class MonthlyStatistics:
    month: str  # "2026-11"
    stages: list[StageFigures]
    technicians: list[TechnicianScores]
    unsatisfied: list[UnsatisfiedRow]
    complaints: list[ComplaintFigures]
    due: int = 0
    made: int = 0
    reached: int = 0
    unsatisfied_count: int = 0
    complaints_total: int = 0


def monthly_statistics(actor: Actor, month: str | dt.date) -> MonthlyStatistics:
    """The month's follow-up figures (shop time), as sent to the leadership.

    Due: calls whose due time fell in the month, counted once per call due
    (first tries made, plus those still waiting in the queue). Made: every
    try in the month. Reached: answered. Scores average over reached calls,
    per the order's technician at the time of the call.
    """
    actor.require(VIEW)
    settings = ShopSettings.get_by_id(1)
    label, start, end = _month_bounds(month, settings.timezone)
    in_month = (FollowUpCall.made_at >= start) & (FollowUpCall.made_at < end)
    stages = _stage_figures(in_month, start, end, actor.clock.now())
    complaints = _complaint_figures(start, end)
    return MonthlyStatistics(
        month=label, stages=stages, technicians=_technician_scores(in_month), unsatisfied=_unsatisfied_rows(in_month),
        complaints=complaints, due=sum(s.due for s in stages), made=sum(s.made for s in stages),
        reached=sum(s.reached for s in stages), unsatisfied_count=sum(s.unsatisfied for s in stages),
        complaints_total=sum(c.received for c in complaints))


def _stage_figures(in_month, start: dt.datetime, end: dt.datetime, now: dt.datetime) -> list[StageFigures]:
    reached = pw.Case(None, ((FollowUpCall.outcome == rules.REACHED, 1),), 0)
    unhappy = pw.Case(None, ((FollowUpCall.unsatisfied == True, 1),), 0)  # noqa: E712
    made = {stage: (n, r or 0, u or 0) for stage, n, r, u in
            FollowUpCall.select(FollowUpCall.stage, pw.fn.COUNT(FollowUpCall.id), pw.fn.SUM(reached),
                                pw.fn.SUM(unhappy)).where(in_month).group_by(FollowUpCall.stage).tuples()}
    first_tries = dict(FollowUpCall.select(FollowUpCall.stage, pw.fn.COUNT(FollowUpCall.id))
                       .where((FollowUpCall.attempt == 1) & (FollowUpCall.due_at >= start) & (FollowUpCall.due_at < end))
                       .group_by(FollowUpCall.stage).tuples())
    waiting: dict[str, int] = {}
    if start <= now:
        for due in _due_calls(now, None, "", None):
            if due.attempt == 1 and start <= due.due_at < end:
                waiting[due.stage] = waiting.get(due.stage, 0) + 1
    return [StageFigures(stage, first_tries.get(stage, 0) + waiting.get(stage, 0), *made.get(stage, (0, 0, 0)))
            for stage in rules.STAGES]


def _technician_scores(in_month) -> list[TechnicianScores]:
    reached = in_month & (FollowUpCall.outcome == rules.REACHED)
    unhappy = pw.Case(None, ((FollowUpCall.unsatisfied == True, 1),), 0)  # noqa: E712
    query = (FollowUpCall
             .select(FollowUpCall.technician, Staff.name, pw.fn.COUNT(FollowUpCall.id),
                     pw.fn.AVG(FollowUpCall.score_timeliness), pw.fn.AVG(FollowUpCall.score_attitude),
                     pw.fn.AVG(FollowUpCall.score_explanation), pw.fn.AVG(FollowUpCall.score_result),
                     pw.fn.SUM(unhappy))
             .join(Staff, pw.JOIN.LEFT_OUTER, on=(FollowUpCall.technician == Staff.id))
             .where(reached & FollowUpCall.order.is_null(False))
             .group_by(FollowUpCall.technician, Staff.name)
             .order_by(Staff.name).tuples())
    return [TechnicianScores(tid, name or "", n, _avg(t), _avg(a), _avg(e), _avg(r), int(u or 0))
            for tid, name, n, t, a, e, r, u in query]


def _unsatisfied_rows(in_month) -> list[UnsatisfiedRow]:
    technician = Staff.alias()
    query = (FollowUpCall
             .select(FollowUpCall.id, FollowUpCall.made_at, FollowUpCall.stage, Customer.name, Customer.company,
                     RepairOrder.number, technician.name, FollowUpCall.cause, FollowUpCall.fix)
             .join(Customer, on=(FollowUpCall.customer == Customer.id))
             .switch(FollowUpCall).join(RepairOrder, pw.JOIN.LEFT_OUTER, on=(FollowUpCall.order == RepairOrder.id))
             .switch(FollowUpCall).join(technician, pw.JOIN.LEFT_OUTER, on=(FollowUpCall.technician == technician.id))
             .where(in_month & (FollowUpCall.unsatisfied == True))  # noqa: E712
             .order_by(FollowUpCall.made_at, FollowUpCall.id).tuples())
    return [UnsatisfiedRow(i, at, stage, _label(name, company), number or "", tech or "", cause, fix)
            for i, at, stage, name, company, number, tech, cause, fix in query]


def _complaint_figures(start: dt.datetime, end: dt.datetime) -> list[ComplaintFigures]:
    received = dict(Complaint.select(Complaint.category, pw.fn.COUNT(Complaint.id))
                    .where((Complaint.received_at >= start) & (Complaint.received_at < end))
                    .group_by(Complaint.category).tuples())
    hours = _hours_between(Complaint.received_at, Complaint.resolved_at)
    in_time = pw.Case(None, ((hours <= rules.COMPLAINT_HOURS, 1),), 0)
    resolved = {cat: (n, int(t or 0), _avg(h)) for cat, n, t, h in
                Complaint.select(Complaint.category, pw.fn.COUNT(Complaint.id), pw.fn.SUM(in_time), pw.fn.AVG(hours))
                .where((Complaint.resolved_at >= start) & (Complaint.resolved_at < end))
                .group_by(Complaint.category).tuples()}
    return [ComplaintFigures(cat, received.get(cat, 0), *resolved.get(cat, (0, 0, None)))
            for cat in rules.COMPLAINT_CATEGORIES]


def _hours_between(earlier, later):
    """Hours from one timestamp column to another, in SQL (SQLite and PostgreSQL)."""
    if isinstance(database.obj, pw.PostgresqlDatabase):
        return pw.NodeList((pw.SQL("EXTRACT(EPOCH FROM ("), later, pw.SQL("-"), earlier, pw.SQL("))")),
                           glue=" ") / 3600.0
    return (pw.fn.julianday(later) - pw.fn.julianday(earlier)) * 24.0


def _month_bounds(month: str | dt.date, tz: str) -> tuple[str, dt.datetime, dt.datetime]:
    if isinstance(month, str):
        match = re.fullmatch(r"(\d{4})-(\d{2})", month.strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A month is written like 2026-11."), field="month")
        first = dt.date(int(match.group(1)), int(match.group(2)), 1)
    else:
        first = month.replace(day=1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    return first.strftime("%Y-%m"), _local_midnight(first, tz), _local_midnight(after, tz)


# == helpers ======================================================================================

def _month_day(column):
    """A date column as "MM-DD" text, in SQL."""
    if isinstance(database.obj, pw.PostgresqlDatabase):
        return pw.fn.to_char(column, "MM-DD")
    return pw.fn.strftime("%m-%d", column)


def _md_texts(keys: Iterable[tuple[int, int]]) -> list[str]:
    return sorted(f"{m:02d}-{d:02d}" for m, d in keys)


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


def _as_datetime(value) -> dt.datetime | None:
    """A timestamp as the driver gave it (SQLite: text) as a naive datetime."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def _local_midnight(day: dt.date, tz: str) -> dt.datetime:
    return from_local(dt.datetime.combine(day, dt.time()), tz)


def _local_day(now: dt.datetime, tz: str) -> dt.date:
    return to_local(now, tz).date()


def _avg(value) -> float | None:
    return None if value is None else round(float(value), 2)


def _text(value: Any, name: str) -> str:
    text = (value or "").strip() if isinstance(value, str) or value is None else None
    if text is None:
        raise ValueError(f"{name} is text")
    if len(text) > _TEXT_LIMIT:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This text is too long (at most {limit} characters)."),
                              field=name, limit=_TEXT_LIMIT)
    return text


def _clean_texts(**values: Any) -> dict[str, str]:
    return {name: _text(value, name) for name, value in values.items()}


def _created(record: pw.Model) -> dict[str, list]:
    skip = {"id", "version", "updated_at", "updated_by_name", "created_at"}
    return {name: [None, value] for name, value in record.__data__.items() if name not in skip and value not in (None, "")}


def _check_page(offset: int, limit: int) -> None:
    if not 0 < limit <= MAX_LIMIT or offset < 0:
        raise ValueError("0 < limit <= 500 and offset >= 0")


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]


__all__ = [
    "queue", "record_call", "update_call", "get_call", "calls_for_order", "call_scripts", "reopen_order_from_call",
    "complaint_from_call", "create_complaint", "update_complaint", "approve_complaint", "move_complaint",
    "get_complaint", "list_complaints", "overdue_complaints", "care_list", "holiday_customers", "log_greeting",
    "all_holidays", "list_holidays", "add_holiday", "set_holiday_active", "churn_list", "monthly_statistics",
    "regions", "technicians", "complaint_staff", "suggested_category", "customer_contacts", "CustomerContacts",
    "ContactRow",
]
