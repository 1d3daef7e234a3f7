"""Today: the shop at a glance — what needs attention now (no filters)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shopdesk.clock import local_today
from shopdesk.models import ShopSettings
from shopdesk.rules import followups as followup_rules
from shopdesk.rules import reports as rules
from shopdesk.rules import workflow
from shopdesk.services.context import Actor
from shopdesk.services.reports.base import VIEW, _int, _one, _reading, _rows, _settings

if TYPE_CHECKING:
    from shopdesk.services.orders import BoardFilter


# An appointment is missed once its time plus the stage-A grace has passed
# and the technician has not started.
MISSED_AFTER = followup_rules.STAGE_A_GRACE

FIGURE_KEYS = ("late_dispatch", "late_assign", "appointments_today", "missed_appointments", "carried_over",
               "waiting_redispatch", "ready_for_pickup", "unclaimed", "complaints_overdue", "calls_due")


@dataclass(frozen=True)
class TodayReport:
    day: dt.date
    at: dt.datetime  # when the figures were read (UTC)
    open_by_state: dict[str, int]  # every open state in workflow order, zeros included
    late_dispatch: int
    late_assign: int
    appointments_today: int
    missed_appointments: int
    carried_over: int
    waiting_redispatch: int
    ready_for_pickup: int
    unclaimed: int
    complaints_overdue: int

    @property
    def open_total(self) -> int:
        return sum(self.open_by_state.values())

    def figure(self, key: str) -> int:
        if key.startswith("state:"):
            return self.open_by_state.get(key[len("state:"):], 0)
        if key == "open_total":
            return self.open_total
        return getattr(self, key)


@dataclass(frozen=True)
class CallsDue:
    total: int
    overdue: int


def today(actor: Actor, now: dt.datetime | None = None) -> TodayReport:
    """What needs attention now, across the shop (no filters: this is the shop at a glance).

    The follow-up calls due are ``calls_due`` (the follow-up queue's rules take longer).
    """
    actor.require(VIEW)
    now = now or actor.clock.now()
    settings = _settings()
    day = local_today(_At(now), settings.timezone)
    with _reading():
        figures = _open_order_figures(now, day, settings)
        complaints = _overdue_complaints(now)
    return TodayReport(day=day, at=now, complaints_overdue=complaints, **figures)


def calls_due(actor: Actor, now: dt.datetime | None = None) -> CallsDue:
    """How many follow-up calls the follow-up list shows now, and how many of them are overdue."""
    from shopdesk.services import followups  # the follow-up queue's rules, loaded when first counted

    actor.require(VIEW)
    page = followups.queue(actor, now or actor.clock.now(), limit=1)
    return CallsDue(page.total, page.overdue)


def _overdue_complaints(now: dt.datetime) -> int:
    where, params = _overdue_complaints_where(now)
    return _int(_one(f"SELECT COUNT(*) FROM complaint k WHERE {where}", params)[0])


def _overdue_complaints_where(now: dt.datetime) -> tuple[str, list]:
    """Complaints still open or in hand 24 hours after they came in."""
    unfinished = list(followup_rules.UNFINISHED)
    cutoff = now - dt.timedelta(hours=followup_rules.COMPLAINT_HOURS)
    return f"k.status IN ({', '.join('?' * len(unfinished))}) AND k.received_at < ?", unfinished + [cutoff]


class _At:
    """A clock standing still at ``now`` (for local_today)."""

    def __init__(self, now: dt.datetime):
        self._now = now

    def now(self) -> dt.datetime:
        return self._now


def _today_conditions(now: dt.datetime, day: dt.date, settings: ShopSettings) -> dict[str, tuple[str, list]]:
    """Each Today figure over open orders as an SQL condition on ``o`` (the lists use the same)."""
    late = {d.kind: d for d in workflow.deadlines(now, settings.dispatch_limit_minutes, settings.assign_limit_minutes)}
    start, end = rules.day_period(day).utc_bounds(settings.timezone)
    not_done = [s for s in workflow.OPEN_STATES if s not in workflow.WORK_DONE_STATES]
    marks = ", ".join("?" * len(not_done))
    return {
        "late_dispatch": (f"o.state = ? AND o.location = ? AND o.{late[workflow.DISPATCH].since} < ?",
                          [late[workflow.DISPATCH].state, late[workflow.DISPATCH].location, late[workflow.DISPATCH].cutoff]),
        "late_assign": (f"o.state = ? AND o.location = ? AND o.{late[workflow.ASSIGN].since} < ?",
                        [late[workflow.ASSIGN].state, late[workflow.ASSIGN].location, late[workflow.ASSIGN].cutoff]),
        "appointments_today": ("o.location = ? AND o.appointment_at >= ? AND o.appointment_at < ?",
                               [workflow.ONSITE, start, end]),
        "missed_appointments": ("o.state = ? AND o.appointment_at < ?",
                                [workflow.APPOINTMENT_SET, now - MISSED_AFTER]),
        "carried_over": (f"o.carried_over_on IS NOT NULL AND o.carried_over_on < ? AND o.state IN ({marks})",
                         [day, *not_done]),
        "waiting_redispatch": ("o.state = ?", [workflow.UNRESOLVED]),
        "ready_for_pickup": ("o.state = ?", [workflow.READY_FOR_PICKUP]),
        "unclaimed": ("o.state = ? AND o.ready_at <= ?",
                      [workflow.READY_FOR_PICKUP, workflow.unclaimed_cutoff(now, settings.pickup_reminder_days)]),
    }


def _open_orders_where() -> tuple[str, list]:
    states = list(workflow.OPEN_STATES)
    return f"o.state IN ({', '.join('?' * len(states))})", states


def _open_order_figures(now: dt.datetime, day: dt.date, settings: ShopSettings) -> dict[str, Any]:
    """One pass over the open orders (the state index): counts per state and each figure."""
    conditions = _today_conditions(now, day, settings)
    sums, params = [], []
    for name, (condition, values) in conditions.items():
        sums.append(f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)")
        params += values
    where, where_params = _open_orders_where()
    rows = _rows(f"SELECT o.state, COUNT(*), {', '.join(sums)} FROM repair_order o WHERE {where} GROUP BY o.state",
                 params + where_params)
    by_state = dict.fromkeys(workflow.OPEN_STATES, 0)
    totals = dict.fromkeys(conditions, 0)
    for state, count, *figures in rows:
        by_state[state] = _int(count)
        for name, value in zip(conditions, figures):
            totals[name] += _int(value)
    return {"open_by_state": by_state, **totals}


def board_filter_for(key: str) -> BoardFilter | None:
    """The order board's filter that lists exactly a Today figure's orders (None: not a board figure)."""
    from shopdesk.services.orders import BoardFilter

    if key.startswith("state:"):
        return BoardFilter(states=(key[len("state:"):],))
    return {
        "open_total": BoardFilter(),
        "late_dispatch": BoardFilter(states=(workflow.NEW,), overdue_only=True),
        "late_assign": BoardFilter(states=(workflow.DISPATCHED,), overdue_only=True),
        "waiting_redispatch": BoardFilter(states=(workflow.UNRESOLVED,)),
        "ready_for_pickup": BoardFilter(states=(workflow.READY_FOR_PICKUP,)),
        "unclaimed": BoardFilter(unclaimed_only=True),
    }.get(key)


