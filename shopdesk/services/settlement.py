"""Technician settlement: the statement for a period, and the owner's approval.

A job done is an order of the technician that was resolved (``resolved_at``
set) and closed (state closed) in the period (``closed_at``, in the shop's
local dates). Its points are the sum of its lines' points × quantity (removed
lines excluded). One on-site job is one visit for the travel allowance; the
kilometres are the jobs' recorded travel unless the owner gives the figure.
Fees collected and handed in come from the ledger.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import peewee as pw

from shopdesk.clock import from_local
from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import LedgerEntry, OrderLine, RepairOrder, ShopSettings, database
from shopdesk.models.ledger import Settlement
from shopdesk.rules import settlement as rules
from shopdesk.rules.ledger import ALLOWANCE, CASH, HAND_IN, PAYMENT
from shopdesk.rules.workflow import CLOSED, ONSITE
from shopdesk.services import ledger
from shopdesk.services.context import Actor
from shopdesk.services.records import audit



def _may_see(actor: Actor, technician_id: int) -> None:
    if not (actor.may("ledger.view") or (actor.may("work.record") and ledger._is_self(actor, technician_id))):
        actor.require("ledger.view")


def _jobs(technician_id: int, date_from: dt.date, date_to: dt.date, tz: str) -> list[rules.Job]:
    start = from_local(dt.datetime.combine(date_from, dt.time()), tz)
    end = from_local(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time()), tz)
    points = pw.fn.COALESCE(pw.fn.SUM(OrderLine.points * OrderLine.quantity), 0)
    query = (
        RepairOrder.select(RepairOrder.number, RepairOrder.location, RepairOrder.travel_km, points)
        .join(OrderLine, pw.JOIN.LEFT_OUTER,
              on=((OrderLine.order == RepairOrder.id) & (OrderLine.removed == False)))  # noqa: E712 - SQL
        .where(
            (RepairOrder.technician == technician_id) & RepairOrder.resolved_at.is_null(False)
            & (RepairOrder.closed_at >= start) & (RepairOrder.closed_at < end) & (RepairOrder.state == CLOSED)
        )
        .group_by(RepairOrder.id, RepairOrder.number, RepairOrder.location, RepairOrder.travel_km, RepairOrder.closed_at)
        .order_by(RepairOrder.closed_at, RepairOrder.number)
        .tuples()
    )
    return [rules.Job(number, int(pts or 0), location == ONSITE, km or 0) for number, location, km, pts in query]


def _facts(technician_id: int, date_from: dt.date, date_to: dt.date, km: int | None, tz: str) -> rules.Facts:
    sums = (
        LedgerEntry.select(LedgerEntry.kind, LedgerEntry.method, pw.fn.SUM(LedgerEntry.amount))
        .where((LedgerEntry.technician == technician_id) & LedgerEntry.entry_date.between(date_from, date_to)
               & LedgerEntry.kind.in_([PAYMENT, HAND_IN]))
        .group_by(LedgerEntry.kind, LedgerEntry.method)
        .tuples()
    )
    collected = collected_cash = handed_in = 0
    for kind, method, cents in sums:
        cents = int(cents or 0)
        if kind == PAYMENT:
            collected += cents
            collected_cash += cents if method == CASH else 0
        else:
            handed_in += cents
    before = ledger._cash_held_as_of(date_from - dt.timedelta(days=1), technician_id).get(technician_id, 0)
    return rules.Facts(
        jobs=_jobs(technician_id, date_from, date_to, tz), km=km, collected=collected,
        collected_cash=collected_cash, handed_in=handed_in, cash_held_before=before,
    )


def _rates(settings: ShopSettings) -> rules.Rates:
    return rules.Rates(per_visit=settings.travel_allowance_per_visit, per_km=settings.fuel_allowance_per_km)


def statement(actor: Actor, technician_id: int, date_from: dt.date, date_to: dt.date,
              km: int | None = None) -> rules.Statement:
    """The technician's statement for the period.

    ``km``: whole kilometres driven, for the fuel allowance; None takes the
    travel recorded on the jobs.
    """
    _may_see(actor, technician_id)
    rules.check_period(date_from, date_to)
    ledger._staff(technician_id)
    settings = ShopSettings.get_by_id(1)
    return rules.compute(_facts(technician_id, date_from, date_to, km, settings.timezone), _rates(settings))


@dataclass(frozen=True)
class Approval:
    settlement: Settlement
    statement: rules.Statement
    posted: list[LedgerEntry]  # allowance entries posted now; empty when it was approved before
    already_approved: bool = False


def approve(actor: Actor, technician_id: int, date_from: dt.date, date_to: dt.date, km: int | None = None) -> Approval:
    """Approve the statement and post its travel and fuel allowances, once.

    Approving the same period again returns the first approval and posts
    nothing; a period overlapping an approved one is refused.
    """
    actor.require("settlement.approve")
    if km is not None:
        rules.check_km(km)
    rules.check_period(date_from, date_to)
    with database.atomic():
        ledger._lock_ledger()  # one approval at a time: the check below stays true until commit
        technician = ledger._staff(technician_id)
        existing = Settlement.get_or_none(
            (Settlement.technician == technician_id) & (Settlement.period_from == date_from)
            & (Settlement.period_to == date_to)
        )
        if existing is not None:
            figures = rules.statement_from_figures(json.loads(existing.figures))
            return Approval(existing, figures, [], already_approved=True)
        others = Settlement.select(Settlement.period_from, Settlement.period_to).where(Settlement.technician == technician_id)
        rules.check_period(date_from, date_to, list(others.tuples()))
        today = ledger._today(actor)
        if date_to > today:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The period has not ended yet: approve it on or after {day}."),
                                  field="date_to", day=date_to.isoformat())
        settings = ShopSettings.get_by_id(1)
        figures = rules.compute(_facts(technician_id, date_from, date_to, km, settings.timezone), _rates(settings))
        settlement = Settlement.create(
            technician=technician, period_from=date_from, period_to=date_to,
            km=figures.km, figures=json.dumps(figures.figures(), ensure_ascii=False, sort_keys=True),
            approved_at=actor.clock.now(), approved_by=actor.staff,
        )
        period = f"{date_from.isoformat()}..{date_to.isoformat()}"
        posted = []
        if figures.travel_allowance:
            posted.append(ledger._append(actor, ALLOWANCE, figures.travel_allowance, technician_id=technician_id,
                                         memo=f"travel {period}, visits: {figures.visits}"))
        if figures.fuel_allowance:
            posted.append(ledger._append(actor, ALLOWANCE, figures.fuel_allowance, technician_id=technician_id,
                                         memo=f"fuel {period}, km: {figures.km}"))
        audit(actor, "approve", settlement, summary=f"settlement {technician.name} {period}")
        return Approval(settlement, figures, posted)


def settlements(actor: Actor, technician_id: int | None = None) -> list[Settlement]:
    """Approved settlements, newest period first."""
    actor.require("ledger.view")
    query = Settlement.select().order_by(Settlement.period_from.desc(), Settlement.id.desc())
    if technician_id is not None:
        query = query.where(Settlement.technician == technician_id)
    return list(query)
