"""Who is due for a follow-up call (回访), what an answer means, and the
complaint deadline.

Stages
------
- **A** — the technician should have arrived: an on-site order with an
  appointment, ``STAGE_A_GRACE`` (15 min) after the appointment time, until
  the signed receipt is back. Done by a call *reached* at or after that
  appointment, so a moved appointment asks again. Two days after the
  appointment the question has lapsed (stage B covers long repairs).
- **B** — a long repair: an order whose work is not done,
  ``long_repair_days`` after it was reported. Repeats: after each reached
  call on the order (stage A or B) the next is due ``long_repair_days``
  later, as long as the work is still not done. While stage A is due, stage
  B waits (one call per order at a time).
- **C** — satisfaction: the signed receipt is back (state receipt_returned),
  due at once. Done by a call reached after the receipt came back. A
  satisfied answer confirms the order for closing (state callback_confirmed),
  which also takes it off the queue.
- **periodic** — a customer with a service or rental contract in force,
  every ``contract_days``: first after the contract started, then after the
  last reached periodic call.

An unanswered call (no answer, call back later) keeps the call due; it comes
back at its ``retry_at`` (or ``DEFAULT_RETRY`` after the try without one).
Each item is listed once: one per order and stage, one per contract customer.
A call is overdue ``OVERDUE_AFTER[stage]`` after it fell due.

An answer is **unsatisfied** when any score is ``LOW_SCORE`` (2) or lower, or
there is a leftover problem.

A complaint should be resolved within ``COMPLAINT_HOURS`` (24) of receipt;
one still open or in hand after that is overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from shopdesk.errors import IllegalTransition, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.rules import workflow as wf

STAGE_A, STAGE_B, STAGE_C, PERIODIC = "A", "B", "C", "periodic"
STAGES = (STAGE_A, STAGE_B, STAGE_C, PERIODIC)
ORDER_STAGES = (STAGE_A, STAGE_B, STAGE_C)
STAGE_LABELS = {
    STAGE_A: QT_TRANSLATE_NOOP("FollowUps", "A: arrival"),
    STAGE_B: QT_TRANSLATE_NOOP("FollowUps", "B: long repair"),
    STAGE_C: QT_TRANSLATE_NOOP("FollowUps", "C: satisfaction"),
    PERIODIC: QT_TRANSLATE_NOOP("FollowUps", "Contract customer"),
}

REACHED, NO_ANSWER, CALL_BACK_LATER = "reached", "no_answer", "call_back_later"
OUTCOMES = (REACHED, NO_ANSWER, CALL_BACK_LATER)
OUTCOME_LABELS = {
    REACHED: QT_TRANSLATE_NOOP("FollowUps", "Reached"),
    NO_ANSWER: QT_TRANSLATE_NOOP("FollowUps", "No answer"),
    CALL_BACK_LATER: QT_TRANSLATE_NOOP("FollowUps", "Call back later"),
}

SCORES = ("timeliness", "attitude", "explanation", "result")
SCORE_LABELS = {
    "timeliness": QT_TRANSLATE_NOOP("FollowUps", "Timeliness"),
    "attitude": QT_TRANSLATE_NOOP("FollowUps", "Technician attitude"),
    "explanation": QT_TRANSLATE_NOOP("FollowUps", "Explanation"),
    "result": QT_TRANSLATE_NOOP("FollowUps", "Result"),
}
LOW_SCORE = 2
MIN_SCORE, MAX_SCORE = 1, 5

STAGE_A_GRACE = dt.timedelta(minutes=15)
STAGE_A_LAPSES = dt.timedelta(days=2)
DEFAULT_RETRY = dt.timedelta(hours=2)
OVERDUE_AFTER = {
    STAGE_A: dt.timedelta(hours=2),
    STAGE_B: dt.timedelta(days=1),
    STAGE_C: dt.timedelta(days=1),
    PERIODIC: dt.timedelta(days=7),
}

# Where each stage applies (services turn these into SQL).
A_STATES = frozenset({wf.APPOINTMENT_SET, wf.IN_PROGRESS, wf.RESOLVED, wf.UNRESOLVED, wf.QUOTE_SENT,
                      wf.QUOTE_APPROVED, wf.WAITING_FOR_PARTS})
B_STATES = frozenset(s for s in wf.OPEN_STATES if s not in wf.WORK_DONE_STATES)
C_STATES = frozenset({wf.RECEIPT_RETURNED})
QUEUE_STATES = A_STATES | B_STATES | C_STATES


@dataclass(frozen=True, slots=True)
class OrderFacts:
    id: int
    customer_id: int
    state: str
    location: str
    reported_at: dt.datetime
    appointment_at: dt.datetime | None = None
    receipt_returned_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class ContractFacts:
    """A customer with a contract in force since ``since`` (their earliest in force)."""

    customer_id: int
    since: dt.datetime


@dataclass(frozen=True, slots=True)
class CallFacts:
    stage: str
    made_at: dt.datetime
    outcome: str
    retry_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class DueCall:
    stage: str
    due_at: dt.datetime
    customer_id: int
    order_id: int | None = None
    attempt: int = 1  # 2 = the first retry …
    first_due_at: dt.datetime | None = None

    def overdue(self, now: dt.datetime) -> bool:
        return is_overdue(self.stage, self.due_at, now)


def is_overdue(stage: str, due_at: dt.datetime, now: dt.datetime) -> bool:
    return now > due_at + OVERDUE_AFTER[stage]


# -- the cutoffs a query may use to find candidates ---------------------------------

def stage_a_window(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Appointments from the first time up to the second may need a stage A call."""
    return now - STAGE_A_LAPSES, now - STAGE_A_GRACE


def stage_b_cutoff(now: dt.datetime, long_repair_days: int) -> dt.datetime:
    """Orders reported at or before this may need a stage B call."""
    return now - dt.timedelta(days=long_repair_days)


def periodic_cutoff(now: dt.datetime, contract_days: int) -> dt.datetime:
    return now - dt.timedelta(days=contract_days)


# -- who is due ----------------------------------------------------------------------

def due_for_order(order: OrderFacts, calls: Iterable[CallFacts], now: dt.datetime,
                  long_repair_days: int) -> DueCall | None:
    """The call due now for this order, if any (A before B; C alone)."""
    calls = list(calls)
    if order.state in C_STATES:
        return _stage_c(order, calls, now)
    due_a = _stage_a(order, calls, now)
    if due_a is not None:
        return due_a
    if _stage_a_pending(order, calls, now):
        return None  # A comes first, even while its retry waits
    return _stage_b(order, calls, now, long_repair_days)


def due_periodic(contract: ContractFacts, calls: Iterable[CallFacts], now: dt.datetime,
                 contract_days: int) -> DueCall | None:
    """The periodic call due now for a contract customer (``calls``: theirs, any stage)."""
    calls = [c for c in calls if c.stage == PERIODIC]
    if not calls:  # the common case, kept quick: thousands of contract customers
        due_at = contract.since + dt.timedelta(days=contract_days)
        return DueCall(PERIODIC, due_at, contract.customer_id, None, 1, due_at) if due_at <= now else None
    start = _last_reached(calls) or contract.since
    first_due = start + dt.timedelta(days=contract_days)
    return _due(PERIODIC, first_due, _tries_after(calls, start), now, contract.customer_id)


def queue(orders: Iterable[OrderFacts], contracts: Iterable[ContractFacts],
          calls_by_order: Mapping[int, list[CallFacts]], calls_by_customer: Mapping[int, list[CallFacts]],
          now: dt.datetime, long_repair_days: int, contract_days: int) -> list[DueCall]:
    """Every call due now, once each, sorted by due time."""
    found: dict[tuple, DueCall] = {}
    for order in orders:
        due = due_for_order(order, calls_by_order.get(order.id, ()), now, long_repair_days)
        if due is not None:
            found.setdefault(("order", order.id), due)
    for contract in contracts:
        due = due_periodic(contract, calls_by_customer.get(contract.customer_id, ()), now, contract_days)
        if due is not None:
            found.setdefault(("customer", contract.customer_id), due)
    return sorted(found.values(), key=sort_key)


def sort_key(due: DueCall) -> tuple:
    return due.due_at, STAGES.index(due.stage), due.order_id or 0, due.customer_id


def _stage_a(order: OrderFacts, calls: list[CallFacts], now: dt.datetime) -> DueCall | None:
    if not _stage_a_applies(order, now):
        return None
    mine = [c for c in calls if c.stage == STAGE_A and c.made_at >= order.appointment_at]
    if _last_reached(mine):
        return None
    return _due(STAGE_A, order.appointment_at + STAGE_A_GRACE, mine, now, order.customer_id, order.id)


def _stage_a_applies(order: OrderFacts, now: dt.datetime) -> bool:
    if order.location != wf.ONSITE or order.state not in A_STATES or order.appointment_at is None:
        return False
    earliest, latest = stage_a_window(now)
    return earliest <= order.appointment_at <= latest


def _stage_a_pending(order: OrderFacts, calls: list[CallFacts], now: dt.datetime) -> bool:
    """Stage A still open (a retry scheduled for later)."""
    if not _stage_a_applies(order, now):
        return False
    mine = [c for c in calls if c.stage == STAGE_A and c.made_at >= order.appointment_at]
    return bool(mine) and _last_reached(mine) is None


def _stage_b(order: OrderFacts, calls: list[CallFacts], now: dt.datetime, days: int) -> DueCall | None:
    if order.state not in B_STATES:
        return None
    contacts = [c for c in calls if c.stage in (STAGE_A, STAGE_B)]
    start = max(order.reported_at, _last_reached(contacts) or order.reported_at)
    first_due = start + dt.timedelta(days=days)
    tries = _tries_after([c for c in calls if c.stage == STAGE_B], start)
    return _due(STAGE_B, first_due, tries, now, order.customer_id, order.id)


def _stage_c(order: OrderFacts, calls: list[CallFacts], now: dt.datetime) -> DueCall | None:
    since = order.receipt_returned_at
    if since is None:
        return None
    mine = [c for c in calls if c.stage == STAGE_C and c.made_at >= since]
    if _last_reached(mine):
        return None
    return _due(STAGE_C, since, mine, now, order.customer_id, order.id)


def _last_reached(calls: Iterable[CallFacts]) -> dt.datetime | None:
    return max((c.made_at for c in calls if c.outcome == REACHED), default=None)


def _tries_after(calls: Iterable[CallFacts], start: dt.datetime) -> list[CallFacts]:
    return [c for c in calls if c.outcome != REACHED and c.made_at > start]


def _due(stage: str, first_due: dt.datetime, tries: list[CallFacts], now: dt.datetime, customer_id: int,
         order_id: int | None = None) -> DueCall | None:
    """Due at ``first_due``, or at the last unanswered try's retry time."""
    tries = [c for c in tries if c.outcome != REACHED]
    due_at = first_due
    if tries:
        last = max(tries, key=lambda c: c.made_at)
        due_at = last.retry_at or last.made_at + DEFAULT_RETRY
    if due_at > now:
        return None
    return DueCall(stage, due_at, customer_id, order_id, attempt=len(tries) + 1, first_due_at=first_due)


# -- an answer -------------------------------------------------------------------------

def check_call(stage: str, outcome: str, scores: Mapping[str, int | None], retry_at: dt.datetime | None,
               now: dt.datetime) -> None:
    """Refuse a call record that cannot be saved (nothing is written then)."""
    if stage not in STAGES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown follow-up stage {stage}."), field="stage",
                              stage=stage)
    if outcome not in OUTCOMES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose how the call went."), field="outcome")
    unknown = set(scores) - set(SCORES)
    if unknown:
        raise ValueError(f"no such score {sorted(unknown)}")
    for name, value in scores.items():
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not MIN_SCORE <= value <= MAX_SCORE:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A score is a whole number from 1 to 5."),
                                  field=f"score_{name}")
    if outcome != REACHED:
        if any(v is not None for v in scores.values()):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Scores are given only when the customer was reached."),
                                  field="outcome")
        if retry_at is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give a time to call again."), field="retry_at")
        if retry_at <= now:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The time to call again must be in the future."),
                                  field="retry_at")


def is_unsatisfied(scores: Mapping[str, int | None], leftover_problem: str = "") -> bool:
    low = any(v is not None and v <= LOW_SCORE for v in scores.values())
    return low or bool((leftover_problem or "").strip())


def confirms_order(stage: str, outcome: str, unsatisfied: bool) -> bool:
    """A stage C call that reached a satisfied customer lets the order close."""
    return stage == STAGE_C and outcome == REACHED and not unsatisfied


# -- complaints -----------------------------------------------------------------------------

OPEN, IN_HAND, RESOLVED_C, CLOSED_C = "open", "in_hand", "resolved", "closed"
COMPLAINT_STATUSES = (OPEN, IN_HAND, RESOLVED_C, CLOSED_C)
COMPLAINT_HOURS = 24
COMPLAINT_STATUS_LABELS = {
    OPEN: QT_TRANSLATE_NOOP("FollowUps", "Open"),
    IN_HAND: QT_TRANSLATE_NOOP("FollowUps", "In hand"),
    RESOLVED_C: QT_TRANSLATE_NOOP("FollowUps", "Resolved"),
    CLOSED_C: QT_TRANSLATE_NOOP("FollowUps", "Closed"),
}
COMPLAINT_CATEGORIES = ("quality", "technical", "service", "usage", "price")
CATEGORY_LABELS = {
    "quality": QT_TRANSLATE_NOOP("FollowUps", "Quality"),
    "technical": QT_TRANSLATE_NOOP("FollowUps", "Technical"),
    "service": QT_TRANSLATE_NOOP("FollowUps", "Service"),
    "usage": QT_TRANSLATE_NOOP("FollowUps", "Usage"),
    "price": QT_TRANSLATE_NOOP("FollowUps", "Price"),
}
RESOLUTION_KINDS = ("compensation", "trade_in", "part_replacement", "onsite_repair", "training", "other")
RESOLUTION_LABELS = {
    "compensation": QT_TRANSLATE_NOOP("FollowUps", "Compensation"),
    "trade_in": QT_TRANSLATE_NOOP("FollowUps", "Trade-in"),
    "part_replacement": QT_TRANSLATE_NOOP("FollowUps", "Part replacement"),
    "onsite_repair": QT_TRANSLATE_NOOP("FollowUps", "On-site repair"),
    "training": QT_TRANSLATE_NOOP("FollowUps", "User training"),
    "other": QT_TRANSLATE_NOOP("FollowUps", "Other"),
}
COMPLAINT_CHANNELS = ("phone", "counter", "visit", "followup", "wechat", "letter")
CHANNEL_LABELS = {
    "phone": QT_TRANSLATE_NOOP("FollowUps", "Phone"),
    "counter": QT_TRANSLATE_NOOP("FollowUps", "At the counter"),
    "visit": QT_TRANSLATE_NOOP("FollowUps", "During a visit"),
    "followup": QT_TRANSLATE_NOOP("FollowUps", "Follow-up call"),
    "wechat": QT_TRANSLATE_NOOP("FollowUps", "WeChat"),
    "letter": QT_TRANSLATE_NOOP("FollowUps", "Letter or e-mail"),
}

# open → in hand → resolved → closed; a resolved complaint the customer does
# not accept goes back in hand.
COMPLAINT_STEPS = {
    OPEN: (IN_HAND,),
    IN_HAND: (RESOLVED_C,),
    RESOLVED_C: (CLOSED_C, IN_HAND),
    CLOSED_C: (),
}
UNFINISHED = (OPEN, IN_HAND)


@dataclass(frozen=True, slots=True)
class ComplaintFacts:
    status: str
    responsible_id: int | None = None
    resolution_kind: str = ""
    resolution: str = ""
    feedback: str = ""
    approved: bool = False


def complaint_deadline(received_at: dt.datetime) -> dt.datetime:
    return received_at + dt.timedelta(hours=COMPLAINT_HOURS)


def complaint_overdue(status: str, received_at: dt.datetime, now: dt.datetime) -> bool:
    """Still not resolved more than 24 hours after it came in."""
    return status in UNFINISHED and now > complaint_deadline(received_at)


def resolved_in_time(received_at: dt.datetime, resolved_at: dt.datetime | None) -> bool | None:
    if resolved_at is None:
        return None
    return resolved_at <= complaint_deadline(received_at)


def check_complaint_step(facts: ComplaintFacts, target: str) -> None:
    """Refuse a status change the complaint is not ready for."""
    if target not in COMPLAINT_STEPS.get(facts.status, ()):
        raise IllegalTransition(
            QT_TRANSLATE_NOOP("Errors", "A complaint cannot go from “{current}” to “{target}”."),
            current=facts.status, target=target)
    if target == IN_HAND and facts.responsible_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Name the person responsible first."), field="responsible")
    if target == RESOLVED_C:
        if facts.resolution_kind not in RESOLUTION_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose how the complaint was resolved."),
                                  field="resolution_kind")
        if not facts.resolution.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Describe the resolution."), field="resolution")
    if target == CLOSED_C:
        if not facts.approved:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The person in charge must approve the resolution before the complaint is closed."),
                field="approved_by")
        if not facts.feedback.strip():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Record what the customer was told before closing the complaint."), field="feedback")
