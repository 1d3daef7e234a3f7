"""The repair order's states and locations, and the words for them.

The vocabulary of ``shopdesk.rules.workflow`` (which names all of it too),
apart from the transition table: the screens that only show states (Today,
the board's labels) read this without loading the rules of every action.
"""

from __future__ import annotations

from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP

ONSITE = "onsite"
BENCH = "bench"
LOCATIONS = (ONSITE, BENCH)

# -- states -------------------------------------------------------------------

NEW = "new"
DISPATCHED = "dispatched"
ASSIGNED = "assigned"
APPOINTMENT_SET = "appointment_set"
IN_PROGRESS = "in_progress"
RESOLVED = "resolved"
UNRESOLVED = "unresolved"
RECEIPT_RETURNED = "receipt_returned"
CALLBACK_CONFIRMED = "callback_confirmed"
RECEIVED = "received"
DIAGNOSING = "diagnosing"
REPAIRING = "repairing"
READY_FOR_PICKUP = "ready_for_pickup"
PICKED_UP = "picked_up"
QUOTE_SENT = "quote_sent"
QUOTE_APPROVED = "quote_approved"
QUOTE_DECLINED = "quote_declined"
WAITING_FOR_PARTS = "waiting_for_parts"
CLOSED = "closed"
CANCELLED = "cancelled"

STATES = (
    NEW, DISPATCHED, ASSIGNED, APPOINTMENT_SET, IN_PROGRESS, RESOLVED, UNRESOLVED, RECEIPT_RETURNED,
    CALLBACK_CONFIRMED, RECEIVED, DIAGNOSING, REPAIRING, READY_FOR_PICKUP, PICKED_UP, QUOTE_SENT,
    QUOTE_APPROVED, QUOTE_DECLINED, WAITING_FOR_PARTS, CLOSED, CANCELLED,
)
FINAL_STATES = frozenset({CLOSED, CANCELLED})
OPEN_STATES = tuple(s for s in STATES if s not in FINAL_STATES)
# The technician's part is over (what the day close counts as done).
WORK_DONE_STATES = frozenset({RESOLVED, RECEIPT_RETURNED, CALLBACK_CONFIRMED, READY_FOR_PICKUP, PICKED_UP,
                              QUOTE_DECLINED, CLOSED})
# Not yet in a technician's hands: still to dispatch or assign.
WAITING_FOR_TEAM_STATES = frozenset({NEW, DISPATCHED, RECEIVED})

STATE_LABELS = {
    NEW: QT_TRANSLATE_NOOP("Workflow", "New"),
    DISPATCHED: QT_TRANSLATE_NOOP("Workflow", "Dispatched"),
    ASSIGNED: QT_TRANSLATE_NOOP("Workflow", "Assigned"),
    APPOINTMENT_SET: QT_TRANSLATE_NOOP("Workflow", "Appointment set"),
    IN_PROGRESS: QT_TRANSLATE_NOOP("Workflow", "In progress"),
    RESOLVED: QT_TRANSLATE_NOOP("Workflow", "Resolved"),
    UNRESOLVED: QT_TRANSLATE_NOOP("Workflow", "Unresolved"),
    RECEIPT_RETURNED: QT_TRANSLATE_NOOP("Workflow", "Receipt returned"),
    CALLBACK_CONFIRMED: QT_TRANSLATE_NOOP("Workflow", "Callback confirmed"),
    RECEIVED: QT_TRANSLATE_NOOP("Workflow", "Received"),
    DIAGNOSING: QT_TRANSLATE_NOOP("Workflow", "Diagnosing"),
    REPAIRING: QT_TRANSLATE_NOOP("Workflow", "Repairing"),
    READY_FOR_PICKUP: QT_TRANSLATE_NOOP("Workflow", "Ready for pickup"),
    PICKED_UP: QT_TRANSLATE_NOOP("Workflow", "Picked up"),
    QUOTE_SENT: QT_TRANSLATE_NOOP("Workflow", "Quote sent"),
    QUOTE_APPROVED: QT_TRANSLATE_NOOP("Workflow", "Quote approved"),
    QUOTE_DECLINED: QT_TRANSLATE_NOOP("Workflow", "Quote declined"),
    WAITING_FOR_PARTS: QT_TRANSLATE_NOOP("Workflow", "Waiting for parts"),
    CLOSED: QT_TRANSLATE_NOOP("Workflow", "Closed"),
    CANCELLED: QT_TRANSLATE_NOOP("Workflow", "Cancelled"),
}

SAME = "<same>"      # the action records something; the state stays
RESUME = "<resume>"  # back where the order was before it waited for parts

TOLD_HOW = ("phone", "sms", "wechat", "in_person")
ANSWERED_HOW = ("phone", "in_person", "signed")
CHOICE_LABELS = {
    "phone": QT_TRANSLATE_NOOP("Workflow", "By phone"),
    "sms": QT_TRANSLATE_NOOP("Workflow", "By text message"),
    "wechat": QT_TRANSLATE_NOOP("Workflow", "By WeChat"),
    "in_person": QT_TRANSLATE_NOOP("Workflow", "In person"),
    "signed": QT_TRANSLATE_NOOP("Workflow", "Signed quote"),
}


def initial_state(location: str) -> str:
    if location not in LOCATIONS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown repair location {location}."),
                              field="location", location=location)
    return RECEIVED if location == BENCH else NEW


def is_open(state: str) -> bool:
    return state not in FINAL_STATES


# The time limits an on-site order can overrun (see workflow.deadlines).
DISPATCH = "dispatch"
ASSIGN = "assign"
