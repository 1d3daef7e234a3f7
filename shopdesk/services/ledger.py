"""The fee ledger: posting, reversing, hand-ins, month close, the owner's figures.

Every entry is appended under the ledger's write lock, taken by
``next_number("ledger")`` (the counter row's UPDATE: a row lock on
PostgreSQL; SQLite transactions begin IMMEDIATE, so the file's write lock is
held from the start). Two desks therefore never read the same last hash, and
seq numbers are gap-free. Sign conventions: ``shopdesk.rules.ledger``.

Reads (summary, entries, verify, exports) run outside a write transaction so
they never hold other desks up.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator

import peewee as pw

from shopdesk.clock import local_today, to_local
from shopdesk.errors import NotFound, PermissionDenied, ShopDeskError, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP, Text
from shopdesk.models import ClosedMonth, Counter, LedgerEntry, RepairOrder, ShopSettings, Staff, database
from shopdesk.rules import ledger as rules
from shopdesk.rules.ledger import ADJUSTMENT, ALLOWANCE, CASH, CHARGE, HAND_IN, KINDS, PAYMENT, PAYMENT_METHODS, REFUND
from shopdesk.rules.workflow import TAKES_ORDERS
from shopdesk.services.context import Actor
from shopdesk.services.records import audit, next_number

LEDGER = "ledger"  # the Counter row that numbers entries and serves as the ledger's lock
CHUNK = 10_000     # rows per query when streaming the whole ledger


# ---- small helpers -----------------------------------------------------------------

def _require_any(actor: Actor, *permissions: str) -> None:
    if not any(actor.may(p) for p in permissions):
        actor.require(permissions[0])


def _is_self(actor: Actor, technician_id) -> bool:
    return actor.staff is not None and technician_id == actor.staff.id


def _today(actor: Actor) -> dt.date:
    return local_today(actor.clock, ShopSettings.get_by_id(1).timezone)


def _int(value) -> int:
    """SUM() comes back as Decimal on PostgreSQL and None over no rows."""
    return int(value or 0)


def _reading():
    """A read-only transaction that sees one moment of the ledger, without holding up other desks.

    (This shop's SQLite transactions begin IMMEDIATE, taking the write lock: a
    reader asks for DEFERRED instead, a snapshot under WAL.)
    """
    if isinstance(database.obj, pw.PostgresqlDatabase):
        return database.atomic(isolation_level="REPEATABLE READ")
    return database.atomic(lock_type="DEFERRED")


def _lock_ledger() -> None:
    """Hold the ledger's write lock until the transaction ends, without taking a number."""
    if Counter.update(value=Counter.value).where(Counter.name == LEDGER).execute():
        return
    try:
        with database.atomic():
            Counter.create(name=LEDGER, value=0)
    except pw.IntegrityError:
        Counter.update(value=Counter.value).where(Counter.name == LEDGER).execute()


def _closed_months() -> set[str]:
    latest = ClosedMonth.select(pw.fn.MAX(ClosedMonth.month)).scalar()
    return {latest} if latest else set()


def _previous_hash(seq: int) -> str:
    last = LedgerEntry.select(LedgerEntry.seq, LedgerEntry.hash).order_by(LedgerEntry.seq.desc()).first()
    last_seq = last.seq if last else 0
    if last_seq != seq - 1:
        raise ShopDeskError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The ledger's numbering is out of step (last entry {last}, next number {seq}). "
                "Nothing was posted: verify the ledger and restore a backup.",
            ),
            last=last_seq, seq=seq,
        )
    return last.hash if last else rules.GENESIS_HASH


def _order(order_id) -> RepairOrder:
    order = RepairOrder.get_or_none(RepairOrder.id == order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no repair order {id}."), id=order_id)
    return order


def _staff(staff_id) -> Staff:
    person = Staff.get_or_none(Staff.id == staff_id)
    if person is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no staff member {id}."), id=staff_id)
    return person


def yuan(cents: int) -> str:
    """Cents as yuan text, "-80.00": exact, no float, no locale."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


# ---- appending ---------------------------------------------------------------------

def _append(
    actor: Actor, kind: str, amount: int, *, order_id=None, technician_id=None, method: str = "",
    memo: str = "", entry_date: dt.date | None = None, reverses: LedgerEntry | None = None,
) -> LedgerEntry:
    """Append one entry; the caller has checked the role and opened the transaction."""
    today = _today(actor)
    entry_date = today if entry_date is None else entry_date
    memo = (memo or "").strip()
    rules.check_entry(kind, amount, method, memo, entry_date, today, reversal=reverses is not None)
    if order_id is not None:
        _order(order_id)
    if technician_id is not None:
        _staff(technician_id)
    seq = next_number(LEDGER)  # takes the ledger's lock until commit
    rules.check_postable(entry_date, _closed_months())
    prev_hash = _previous_hash(seq)
    posting = rules.Posting(
        seq=seq, kind=kind, amount=amount, entry_date=entry_date, created_at=actor.clock.now(),
        created_by_id=actor.staff.id if actor.staff else None, order_id=order_id, technician_id=technician_id,
        method=method, memo=memo, reverses_id=reverses.id if reverses else None,
    )
    entry = LedgerEntry.create(
        seq=seq, kind=kind, amount=amount, entry_date=entry_date, created_at=posting.created_at,
        created_by=posting.created_by_id, order=order_id, technician=technician_id, method=method, memo=memo,
        reverses=posting.reverses_id, prev_hash=prev_hash, hash=rules.entry_hash(prev_hash, posting),
    )
    what = f"reversal of #{reverses.seq}: " if reverses else ""
    audit(actor, "create", entry, summary=f"ledger #{seq} {what}{kind} {yuan(amount)}")
    return entry


def post(
    actor: Actor, kind: str, amount: int, *, order_id=None, technician_id=None, method: str = "",
    memo: str = "", entry_date: dt.date | None = None,
) -> LedgerEntry:
    """The owner posts any kind of entry (collections and hand-ins have their own calls)."""
    actor.require("ledger.post")
    with database.atomic():
        return _append(actor, kind, amount, order_id=order_id, technician_id=technician_id, method=method,
                       memo=memo, entry_date=entry_date)


def reverse(actor: Actor, entry_id: int, reason: str, *, entry_date: dt.date | None = None) -> LedgerEntry:
    """Correct an entry by posting its opposite, dated today (an open month), linked to it."""
    actor.require("ledger.post")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the reason for the reversal."), field="reason")
    with database.atomic():
        _lock_ledger()  # nobody reverses the same entry at the same moment
        original = LedgerEntry.get_or_none(LedgerEntry.id == entry_id)
        if original is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no ledger entry {id}."), id=entry_id)
        reversed_by = LedgerEntry.select(LedgerEntry.seq).where(LedgerEntry.reverses == original.id).scalar()
        rules.check_reversible(original.seq, original.reverses_id is not None, reversed_by)
        return _append(
            actor, original.kind, rules.reversal_amount(original.amount), order_id=original.order_id,
            technician_id=original.technician_id, method=original.method, memo=reason, entry_date=entry_date,
            reverses=original,
        )


def record_collection(
    actor: Actor, order_id: int, amount: int, method: str, technician_id: int | None = None, memo: str = "",
) -> LedgerEntry:
    """A fee collected from the customer: by a technician on site, or at the counter (``technician_id`` None).

    A technician records only their own collections (``technician_id`` is
    taken to be theirs); the front desk records either.
    """
    _require_any(actor, "handin.record", "work.record")
    if not actor.may("handin.record"):
        if technician_id is None and actor.staff is not None:
            technician_id = actor.staff.id
        if not _is_self(actor, technician_id):
            raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "A technician records only their own collections."))
    with database.atomic():
        return _append(actor, PAYMENT, amount, order_id=order_id, technician_id=technician_id, method=method, memo=memo)


def record_charge(actor: Actor, order_id: int, total: int, memo: str = "") -> list[LedgerEntry]:
    """Make what the order is charged equal ``total`` (its final fees, in cents).

    Called when an order's fees are final, and again if they change: nothing
    is posted when the charge already stands; a different total reverses the
    standing charges and posts the new one. Returns the entries posted.
    """
    _require_any(actor, "work.record", "orders.transition", "ledger.post")
    if isinstance(total, bool) or not isinstance(total, int):
        raise TypeError("money is integer cents")
    if total < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A charge cannot be negative."), field="amount")
    with database.atomic():
        order = _order(order_id)
        _lock_ledger()
        standing = list(
            LedgerEntry.select().where(
                (LedgerEntry.order == order.id) & (LedgerEntry.kind == CHARGE) & LedgerEntry.reverses.is_null()
                & ~pw.fn.EXISTS(_reversals_of(LedgerEntry.id))
            ).order_by(LedgerEntry.seq)
        )
        if sum(e.amount for e in standing) == total:
            return []
        posted = [
            _append(actor, CHARGE, -e.amount, order_id=e.order_id, technician_id=e.technician_id, memo="fees changed",
                    reverses=e)
            for e in standing
        ]
        if total:
            posted.append(_append(actor, CHARGE, total, order_id=order.id, technician_id=order.technician_id,
                                  memo=memo or order.number))
        return posted


def _reversals_of(entry_id_column):
    Reversal = LedgerEntry.alias()
    return Reversal.select(Reversal.id).where(Reversal.reverses == entry_id_column)


@dataclass(frozen=True)
class OrderMoney:
    charged: int
    adjusted: int
    paid: int
    refunded: int

    @property
    def due(self) -> int:
        return self.charged + self.adjusted - self.paid + self.refunded


def order_money(actor: Actor, order_id: int) -> OrderMoney:
    """What an order was charged and paid (for its receipt: paid, balance)."""
    _require_any(actor, "orders.view", "ledger.view")
    sums = dict(
        LedgerEntry.select(LedgerEntry.kind, pw.fn.SUM(LedgerEntry.amount))
        .where(LedgerEntry.order == order_id).group_by(LedgerEntry.kind).tuples()
    )
    return OrderMoney(*(_int(sums.get(k)) for k in (CHARGE, ADJUSTMENT, PAYMENT, REFUND)))


# ---- cash technicians hold, hand-ins ---------------------------------------------------

def _cash_effect():
    """+amount for cash collected by a technician, −amount for a hand-in (SQL; peewee's unary minus means DESC)."""
    return pw.Case(None, ((LedgerEntry.kind == HAND_IN, 0 - LedgerEntry.amount),), LedgerEntry.amount)


def _cash_rows():
    return LedgerEntry.technician.is_null(False) & (
        ((LedgerEntry.kind == PAYMENT) & (LedgerEntry.method == CASH)) | (LedgerEntry.kind == HAND_IN)
    )


@dataclass(frozen=True)
class _Snapshot:
    """What a month close recorded about cash (see ``ClosedMonth.balances``)."""

    through: dt.date | None = None             # the closed month's last day; None: no close yet
    cash_held: dict = field(default_factory=dict)  # technician → cents
    open_cash: dict = field(default_factory=dict)  # technician → order → [collected, handed, first seq]


def _snapshot_before(day: dt.date) -> _Snapshot:
    """The latest month close at or before the end of ``day``."""
    month = rules.month_of(day)
    _, month_end = rules.month_bounds(month)
    test = ClosedMonth.month <= month if day == month_end else ClosedMonth.month < month
    closed = ClosedMonth.select().where(test).order_by(ClosedMonth.month.desc()).first()
    if closed is None:
        return _Snapshot()
    data = json.loads(closed.balances or "{}")
    return _Snapshot(
        rules.month_bounds(closed.month)[1],
        {int(t): int(c) for t, c in data.get("cash_held", {}).items()},
        {int(t): {int(o): list(v) for o, v in orders.items()} for t, orders in data.get("open_cash", {}).items()},
    )


def _after(snapshot: _Snapshot, day: dt.date):
    where = _cash_rows() & (LedgerEntry.entry_date <= day)
    if snapshot.through is not None:
        where &= LedgerEntry.entry_date > snapshot.through
    return where


def _cash_held_as_of(day: dt.date, technician_id: int | None = None, snapshot: _Snapshot | None = None) -> dict[int, int]:
    """Cash each technician held at the end of ``day``: the last month-close figure plus what followed."""
    snapshot = snapshot or _snapshot_before(day)
    where = _after(snapshot, day)
    held = dict(snapshot.cash_held)
    if technician_id is not None:
        where &= LedgerEntry.technician == technician_id
        held = {technician_id: held.get(technician_id, 0)}
    query = (LedgerEntry.select(LedgerEntry.technician, pw.fn.SUM(_cash_effect()))
             .where(where).group_by(LedgerEntry.technician).tuples())
    for tech, cents in query:
        held[tech] = held.get(tech, 0) + _int(cents)
    return held


def _open_cash_as_of(day: dt.date, technician_id: int | None = None, snapshot: _Snapshot | None = None) -> dict:
    """Per technician, the orders whose cash is not all handed in: {tech: {order: [collected, handed, first seq]}}."""
    snapshot = snapshot or _snapshot_before(day)
    where = _after(snapshot, day) & LedgerEntry.order.is_null(False)
    base = snapshot.open_cash
    if technician_id is not None:
        where &= LedgerEntry.technician == technician_id
        base = {technician_id: base.get(technician_id, {})}
    result = {tech: {order: list(v) for order, v in orders.items()} for tech, orders in base.items()}
    collected = pw.fn.SUM(pw.Case(None, ((LedgerEntry.kind == PAYMENT, LedgerEntry.amount),), 0))
    handed = pw.fn.SUM(pw.Case(None, ((LedgerEntry.kind == HAND_IN, LedgerEntry.amount),), 0))
    query = (LedgerEntry.select(LedgerEntry.technician, LedgerEntry.order, collected, handed, pw.fn.MIN(LedgerEntry.seq))
             .where(where).group_by(LedgerEntry.technician, LedgerEntry.order).tuples())
    for tech, order, c, h, first in query:
        so_far = result.setdefault(tech, {}).setdefault(order, [0, 0, first])
        so_far[0] += _int(c)
        so_far[1] += _int(h)
    return {tech: {o: v for o, v in orders.items() if v[0] != v[1]} for tech, orders in result.items()}


def _may_see_cash_of(actor: Actor, technician_id: int) -> None:
    if not (actor.may("handin.record") or actor.may("ledger.view") or (actor.may("work.record") and _is_self(actor, technician_id))):
        actor.require("handin.record")


@dataclass(frozen=True)
class HandInPerson:
    staff_id: int
    name: str
    active: bool  # False: left the shop (and still holds cash)
    held: int     # cash collected and not handed in, cents


def hand_in_people(actor: Actor) -> list[HandInPerson]:
    """Whom cash can be handed in for: everyone at work who takes orders, and
    anyone else who still holds cash — a technician who left before handing
    it in — so the shop can still take it back and close the account."""
    actor.require("handin.record")
    held = {tech: cents for tech, cents in _cash_held_as_of(_today(actor)).items() if tech is not None}
    holding = [tech for tech, cents in held.items() if cents]
    at_work = (Staff.active == True) & Staff.role.in_(list(TAKES_ORDERS))  # noqa: E712
    people = Staff.select().where(at_work | Staff.id.in_(holding)).order_by(Staff.active.desc(), Staff.name, Staff.id)
    return [HandInPerson(p.id, p.name, p.active, held.get(p.id, 0)) for p in people]


def cash_held_by(actor: Actor, technician_id: int) -> int:
    """Cash the technician collected and has not handed in yet, in cents."""
    _may_see_cash_of(actor, technician_id)
    return _cash_held_as_of(_today(actor), technician_id).get(technician_id, 0)


@dataclass(frozen=True)
class DueOrder:
    order_id: int
    order_number: str
    collected: int  # cash the technician collected on the order
    handed: int     # of which handed in
    due: int        # still to hand in (negative: handed in more than collected)


def _dues(actor: Actor, technician_id: int, order_ids=None) -> list[DueOrder]:
    """Orders on which the technician's cash collected and handed in differ, oldest collection first.

    Starts from the open orders recorded at the last month close, so it
    reads only the entries since then.
    """
    open_orders = _open_cash_as_of(_today(actor), technician_id).get(technician_id, {})
    if order_ids is not None:
        wanted = set(order_ids)
        open_orders = {o: v for o, v in open_orders.items() if o in wanted}
    numbers = dict(RepairOrder.select(RepairOrder.id, RepairOrder.number)
                   .where(RepairOrder.id.in_(list(open_orders))).tuples()) if open_orders else {}
    ordered = sorted(open_orders.items(), key=lambda item: item[1][2])
    return [DueOrder(o, numbers.get(o, ""), c, h, c - h) for o, (c, h, _) in ordered]


def hand_in_due(actor: Actor, technician_id: int) -> list[DueOrder]:
    """The orders on which the technician still holds cash (or handed in more), oldest first."""
    _may_see_cash_of(actor, technician_id)
    return _dues(actor, technician_id)


@dataclass(frozen=True)
class HandInResult:
    entries: list[LedgerEntry]
    handed: int          # cash handed in now
    due: int             # what the orders handed in for were due (all due orders if none were named)
    cash_held_after: int

    @property
    def difference(self) -> int:
        """Handed − due: negative is money missing, positive is more than was due."""
        return self.handed - self.due


def record_hand_in(
    actor: Actor, technician_id: int, amount: int, orders=(), note: str = "", method: str = CASH,
) -> HandInResult:
    """A technician hands cash to the shop for ``orders`` (ids; none named: every order with cash due).

    The cash is spread over the orders, each up to what is due on it; any
    rest is posted as an unallocated hand-in. The result flags a difference.
    """
    actor.require("handin.record")
    _staff(technician_id)
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("money is integer cents")
    if amount <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter the cash handed in."), field="amount")
    with database.atomic():
        _lock_ledger()  # dues read now stay true until this hand-in is posted
        order_ids = list(orders) or None
        for order_id in order_ids or ():
            _order(order_id)
        dues = _dues(actor, technician_id, order_ids)
        allocation = rules.allocate_hand_in(amount, [(d.order_id, d.due) for d in dues])
        entries = [
            _append(actor, HAND_IN, share, order_id=order_id, technician_id=technician_id, method=method, memo=note)
            for order_id, share in allocation.parts
        ]
        if allocation.unallocated:
            entries.append(_append(actor, HAND_IN, allocation.unallocated, technician_id=technician_id,
                                   method=method, memo=note))
        due = sum(d.due for d in dues if d.due > 0)
        held = _cash_held_as_of(_today(actor), technician_id).get(technician_id, 0)
        return HandInResult(entries, amount, due, held)


# ---- month close ---------------------------------------------------------------------

def closed_months(actor: Actor) -> list[ClosedMonth]:
    actor.require("ledger.view")
    return list(ClosedMonth.select().order_by(ClosedMonth.month.desc()))


def close_month(actor: Actor, month: str) -> ClosedMonth:
    """Close the books through the end of ``month`` ("YYYY-MM"); earlier months close with it.

    Records the last entry (an anchor for ``verify``) and the cash each
    technician held, from which later figures start.
    """
    actor.require("ledger.close_month")
    month = str(month).strip()
    with database.atomic():
        _lock_ledger()  # no entry slips into the month while it closes
        rules.check_closable(month, _today(actor), _closed_months())
        _, last_day = rules.month_bounds(month)
        before = _snapshot_before(last_day)
        held = {str(k): v for k, v in sorted(_cash_held_as_of(last_day, snapshot=before).items()) if v}
        open_cash = {str(t): {str(o): v for o, v in sorted(orders.items())}
                     for t, orders in sorted(_open_cash_as_of(last_day, snapshot=before).items()) if orders}
        last = LedgerEntry.select(LedgerEntry.seq, LedgerEntry.hash).order_by(LedgerEntry.seq.desc()).first()
        closed = ClosedMonth.create(
            month=month, closed_at=actor.clock.now(), closed_by=actor.staff,
            last_seq=last.seq if last else 0, last_hash=last.hash if last else "",
            balances=json.dumps({"cash_held": held, "open_cash": open_cash}, sort_keys=True),
        )
        audit(actor, "close", closed, {"last_seq": [None, closed.last_seq], "last_hash": [None, closed.last_hash]},
              summary=f"month {month} closed")
        return closed


# ---- the owner's figures ---------------------------------------------------------------

@dataclass(frozen=True)
class TechnicianTotals:
    technician_id: int
    name: str
    collected: int = 0       # fees collected in the period, every method
    collected_cash: int = 0
    handed_in: int = 0
    allowances: int = 0
    cash_held: int = 0       # still held at the end of the period


@dataclass(frozen=True)
class Summary:
    date_from: dt.date
    date_to: dt.date
    by_kind: dict[str, int]              # net per kind in the period (reversals netted)
    by_method: dict[str, int]            # payments collected per method
    counter_collected: int               # payments taken at the counter
    by_technician: list[TechnicianTotals] = field(default_factory=list)
    unpaid_orders: int = 0               # orders charged in the period still owing at its end
    unpaid_amount: int = 0

    @property
    def charged(self) -> int:
        return self.by_kind[CHARGE]

    @property
    def collected(self) -> int:
        return self.by_kind[PAYMENT]

    @property
    def handed_in(self) -> int:
        return self.by_kind[HAND_IN]

    @property
    def refunded(self) -> int:
        return self.by_kind[REFUND]

    @property
    def allowances(self) -> int:
        return self.by_kind[ALLOWANCE]

    @property
    def adjustments(self) -> int:
        return self.by_kind[ADJUSTMENT]

    @property
    def cash_held(self) -> int:
        return sum(t.cash_held for t in self.by_technician)


def _check_range(date_from: dt.date, date_to: dt.date) -> None:
    if date_from > date_to:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The period ends before it begins."), field="date_to")


def _owed_effect():
    amount = LedgerEntry.amount
    return pw.Case(LedgerEntry.kind, ((CHARGE, amount), (ADJUSTMENT, amount), (REFUND, amount), (PAYMENT, 0 - amount)), 0)


def _unpaid(date_from: dt.date, date_to: dt.date) -> tuple[int, int]:
    charged_in_period = (LedgerEntry.select(LedgerEntry.order)
                         .where((LedgerEntry.kind == CHARGE) & LedgerEntry.entry_date.between(date_from, date_to)))
    owing = (
        LedgerEntry.select(LedgerEntry.order, pw.fn.SUM(_owed_effect()).alias("due"))
        .where(LedgerEntry.order.in_(charged_in_period) & (LedgerEntry.entry_date <= date_to))
        .group_by(LedgerEntry.order)
        .having(pw.fn.SUM(_owed_effect()) > 0)
    ).alias("owing")
    count, amount = (pw.Select([owing], [pw.fn.COUNT(pw.SQL("*")), pw.fn.SUM(owing.c.due)])
                     .bind(database).tuples().get())
    return _int(count), _int(amount)


def summary(actor: Actor, date_from: dt.date, date_to: dt.date) -> Summary:
    """Totals for a period by kind, method and technician; cash still held; unpaid orders.

    Aggregates only (GROUP BY over the period's rows, cash held from the last
    month-close figures), so it stays fast on a large ledger.
    """
    actor.require("ledger.view")
    _check_range(date_from, date_to)
    with _reading():  # one moment for every figure
        return _summary(date_from, date_to)


def _summary(date_from: dt.date, date_to: dt.date) -> Summary:
    by_kind = dict.fromkeys(KINDS, 0)
    by_method = dict.fromkeys(PAYMENT_METHODS, 0)
    counter = 0
    techs: dict[int, dict[str, int]] = {}
    grouped = (
        LedgerEntry.select(LedgerEntry.kind, LedgerEntry.technician, LedgerEntry.method, pw.fn.SUM(LedgerEntry.amount))
        .where(LedgerEntry.entry_date.between(date_from, date_to))
        .group_by(LedgerEntry.kind, LedgerEntry.technician, LedgerEntry.method)
        .tuples()
    )
    for kind, tech, method, cents in grouped:
        cents = _int(cents)
        by_kind[kind] = by_kind.get(kind, 0) + cents
        if kind == PAYMENT:
            by_method[method] = by_method.get(method, 0) + cents
            if tech is None:
                counter += cents
        if tech is None:
            continue
        t = techs.setdefault(tech, {})
        if kind == PAYMENT:
            t["collected"] = t.get("collected", 0) + cents
            if method == CASH:
                t["collected_cash"] = t.get("collected_cash", 0) + cents
        elif kind == HAND_IN:
            t["handed_in"] = t.get("handed_in", 0) + cents
        elif kind == ALLOWANCE:
            t["allowances"] = t.get("allowances", 0) + cents
    for tech, cents in _cash_held_as_of(date_to).items():
        if cents or tech in techs:
            techs.setdefault(tech, {})["cash_held"] = cents
    names = dict(Staff.select(Staff.id, Staff.name).where(Staff.id.in_(list(techs))).tuples()) if techs else {}
    by_technician = sorted(
        (TechnicianTotals(tech, names.get(tech, "?"), **figures) for tech, figures in techs.items()),
        key=lambda t: (t.name, t.technician_id),
    )
    unpaid_count, unpaid_amount = _unpaid(date_from, date_to)
    return Summary(date_from, date_to, by_kind, by_method, counter, by_technician, unpaid_count, unpaid_amount)


# ---- browsing entries ------------------------------------------------------------------

@dataclass(frozen=True)
class EntryRow:
    id: int
    seq: int
    kind: str
    amount: int
    entry_date: dt.date
    created_at: dt.datetime
    created_by: str
    order_id: int | None
    order_number: str
    technician_id: int | None
    technician: str
    method: str
    memo: str
    reverses_seq: int | None   # this entry reverses that one
    reversed_by_seq: int | None  # that entry reverses this one
    running: int               # sum of the amounts shown, in seq order, up to this row


def _filters(date_from=None, date_to=None, kind=None, technician_id=None, order_id=None, method=None):
    where = LedgerEntry.seq > 0  # every entry; the filters narrow it
    if date_from is not None:
        where &= LedgerEntry.entry_date >= date_from
    if date_to is not None:
        where &= LedgerEntry.entry_date <= date_to
    if kind:
        where &= LedgerEntry.kind == kind
    if technician_id is not None:
        where &= LedgerEntry.technician == technician_id
    if order_id is not None:
        where &= LedgerEntry.order == order_id
    if method is not None:
        where &= LedgerEntry.method == method
    return where


def count_entries(actor: Actor, **filters) -> int:
    actor.require("ledger.view")
    return LedgerEntry.select().where(_filters(**filters)).count()


def entries(actor: Actor, *, offset: int = 0, limit: int = 200, newest_first: bool = False, **filters) -> list[EntryRow]:
    """One page of entries matching ``filters`` (date_from, date_to, kind, technician_id, order_id, method).

    ``running`` sums the amounts of the matching entries in seq order — a
    true running total when the filter is one kind (payments, hand-ins …).
    It reads every matching entry up to the page, so give a period: over the
    whole of a large ledger it takes a second.
    """
    actor.require("ledger.view")
    where = _filters(**filters)
    order = LedgerEntry.seq.desc() if newest_first else LedgerEntry.seq
    # The page's ids first (one index walk), then their details: joining before
    # the sort would join every matching row of the period.
    page = [pk for pk, in LedgerEntry.select(LedgerEntry.id).where(where).order_by(order)
            .offset(max(offset, 0)).limit(max(limit, 0)).tuples()]
    if not page:
        return []
    Tech, Creator, Original, Reversal = Staff.alias(), Staff.alias(), LedgerEntry.alias(), LedgerEntry.alias()
    query = (
        LedgerEntry.select(
            LedgerEntry.id, LedgerEntry.seq, LedgerEntry.kind, LedgerEntry.amount, LedgerEntry.entry_date,
            LedgerEntry.created_at, Creator.name, LedgerEntry.order, RepairOrder.number, LedgerEntry.technician,
            Tech.name, LedgerEntry.method, LedgerEntry.memo, Original.seq, Reversal.seq,
        )
        .join_from(LedgerEntry, Creator, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.created_by == Creator.id))
        .join_from(LedgerEntry, RepairOrder, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.order == RepairOrder.id))
        .join_from(LedgerEntry, Tech, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.technician == Tech.id))
        .join_from(LedgerEntry, Original, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.reverses == Original.id))
        .join_from(LedgerEntry, Reversal, pw.JOIN.LEFT_OUTER, on=(Reversal.reverses == LedgerEntry.id))
        .where(LedgerEntry.id.in_(page)).order_by(order).tuples()
    )
    rows = list(query)
    top = max(r[1] for r in rows)
    running = _int(LedgerEntry.select(pw.fn.SUM(LedgerEntry.amount)).where(where & (LedgerEntry.seq <= top)).scalar())
    totals = {}
    for row in sorted(rows, key=lambda r: r[1], reverse=True):
        totals[row[1]] = running
        running -= row[3]
    return [
        EntryRow(i, s, k, a, d, c, cb or "", o, on or "", t, tn or "", m, memo, rs, rb, totals[s])
        for i, s, k, a, d, c, cb, o, on, t, tn, m, memo, rs, rb in rows
    ]


# ---- verifying -------------------------------------------------------------------------

def _chain_rows(progress: Callable[[int], None] | None = None) -> Iterator[tuple]:
    """Every entry in seq order, as raw ``CHAIN_COLUMNS`` rows, CHUNK at a time (constant memory)."""
    columns = [getattr(LedgerEntry, name if not name.endswith("_id") else name[:-3]) for name in rules.CHAIN_COLUMNS]
    last = 0
    done = 0
    while True:
        sql, params = (LedgerEntry.select(*columns).where(LedgerEntry.seq > last)
                       .order_by(LedgerEntry.seq).limit(CHUNK).sql())
        chunk = database.execute_sql(sql, params).fetchall()
        if not chunk:
            return
        yield from chunk
        last = chunk[-1][0]
        done += len(chunk)
        if progress is not None:
            progress(done)


def verify(actor: Actor, progress: Callable[[int], None] | None = None) -> rules.VerifyResult:
    """Re-check every entry's hash and link, in seq order; the first altered entry, if any.

    ``progress(entries_checked)`` is called after each chunk; it may raise to cancel.
    """
    actor.require("ledger.view")
    with _reading():  # entries posted meanwhile are neither counted nor read
        expected = Counter.select(Counter.value).where(Counter.name == LEDGER).scalar() or 0
        anchors = dict(ClosedMonth.select(ClosedMonth.last_seq, ClosedMonth.last_hash)
                       .where(ClosedMonth.last_seq > 0).tuples())
        return rules.verify_chain(_chain_rows(progress), expected, anchors)


def describe_verify(result: rules.VerifyResult) -> Text:
    """The verdict as one sentence: ``str(...)`` for the command line, ``.render(translate)`` in the window."""
    return rules.describe(result)


# ---- exports ---------------------------------------------------------------------------

EXPORT_HEADERS = (
    QT_TRANSLATE_NOOP("LedgerExport", "No."),
    QT_TRANSLATE_NOOP("LedgerExport", "Date"),
    QT_TRANSLATE_NOOP("LedgerExport", "Kind"),
    QT_TRANSLATE_NOOP("LedgerExport", "Amount"),
    QT_TRANSLATE_NOOP("LedgerExport", "Method"),
    QT_TRANSLATE_NOOP("LedgerExport", "Order"),
    QT_TRANSLATE_NOOP("LedgerExport", "Technician"),
    QT_TRANSLATE_NOOP("LedgerExport", "Memo"),
    QT_TRANSLATE_NOOP("LedgerExport", "Reverses No."),
    QT_TRANSLATE_NOOP("LedgerExport", "Entered at"),
    QT_TRANSLATE_NOOP("LedgerExport", "Entered by"),
    QT_TRANSLATE_NOOP("LedgerExport", "Hash"),
)


def _export_rows(actor: Actor, date_from: dt.date, date_to: dt.date, translate) -> Iterator[list]:
    """Entries of the period in seq order, a chunk at a time; amounts as cents (converted by the writer)."""
    tz = ShopSettings.get_by_id(1).timezone
    label_of = translate or (lambda context, text: text)
    kinds = {k: label_of("Ledger", label) for k, label in rules.KIND_LABELS.items()}
    methods = {m: label_of("Ledger", label) if label else "" for m, label in rules.METHOD_LABELS.items()}
    Tech, Creator, Original = Staff.alias(), Staff.alias(), LedgerEntry.alias()
    where = LedgerEntry.entry_date.between(date_from, date_to)
    last = 0
    while True:
        chunk = list(
            LedgerEntry.select(
                LedgerEntry.seq, LedgerEntry.entry_date, LedgerEntry.kind, LedgerEntry.amount, LedgerEntry.method,
                RepairOrder.number, Tech.name, LedgerEntry.memo, Original.seq, LedgerEntry.created_at, Creator.name,
                LedgerEntry.hash,
            )
            .join_from(LedgerEntry, RepairOrder, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.order == RepairOrder.id))
            .join_from(LedgerEntry, Tech, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.technician == Tech.id))
            .join_from(LedgerEntry, Creator, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.created_by == Creator.id))
            .join_from(LedgerEntry, Original, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.reverses == Original.id))
            .where(where & (LedgerEntry.seq > last)).order_by(LedgerEntry.seq).limit(CHUNK).tuples()
        )
        if not chunk:
            return
        for seq, day, kind, cents, method, number, tech, memo, reverses, at, by, digest in chunk:
            yield [seq, day, kinds.get(kind, kind), cents, methods.get(method, method), number or "", tech or "",
                   memo, reverses, to_local(at, tz).replace(microsecond=0), by or "", digest]
        last = chunk[-1][0]


def _headers(translate) -> list[str]:
    return [translate("LedgerExport", h) if translate else h for h in EXPORT_HEADERS]


def export_csv(actor: Actor, date_from: dt.date, date_to: dt.date, path, translate=None) -> int:
    """Write the period's entries to a CSV file (UTF-8 with BOM, so Excel reads the Chinese). Returns the rows written."""
    actor.require("ledger.view")
    _check_range(date_from, date_to)
    count = 0
    with open(Path(path), "w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(_headers(translate))
        for row in _export_rows(actor, date_from, date_to, translate):
            row[1] = row[1].isoformat()
            row[3] = yuan(row[3])
            row[8] = "" if row[8] is None else row[8]
            row[9] = row[9].isoformat(" ")
            writer.writerow(row)
            count += 1
    return count


def export_xlsx(actor: Actor, date_from: dt.date, date_to: dt.date, path, translate=None) -> int:
    """Write the period's entries to an Excel workbook (streamed, write-only). Returns the rows written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    actor.require("ledger.view")
    _check_range(date_from, date_to)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(f"{date_from.isoformat()}..{date_to.isoformat()}"[:31])
    sheet.append(_headers(translate))
    count = 0
    for row in _export_rows(actor, date_from, date_to, translate):
        amount = WriteOnlyCell(sheet, value=Decimal(row[3]).scaleb(-2))
        amount.number_format = "0.00"
        day = WriteOnlyCell(sheet, value=row[1])
        day.number_format = "yyyy-mm-dd"
        at = WriteOnlyCell(sheet, value=row[9])
        at.number_format = "yyyy-mm-dd hh:mm:ss"
        row[1], row[3], row[9] = day, amount, at
        sheet.append(row)
        count += 1
    book.save(Path(path))
    return count
