"""The month (any period) and the twelve-month trend."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from shopdesk.models import ShopSettings
from shopdesk.rules import reports as rules
from shopdesk.rules import workflow
from shopdesk.rules.coverage import KINDS as COVERAGE_KINDS
from shopdesk.rules.ledger import PAYMENT, PAYMENT_METHODS, REFUND, CHARGE
from shopdesk.rules.reports import Period
from shopdesk.services.context import Actor
from shopdesk.services.reports.base import Filters, MONEY, MONEY_KINDS, NO_FILTERS, VIEW, _epoch, _false, _filtered, _int, _one, _order_filters, _reading, _rows, _settings, _unindexed


@dataclass(frozen=True)
class KindMoney:
    kind: str  # labour | part | travel | other
    value: int = 0
    covered: int = 0

    @property
    def charged(self) -> int:
        return self.value - self.covered


@dataclass(frozen=True)
class CoverageRow:
    coverage: str
    orders: int = 0
    value: int = 0
    covered: int = 0

    @property
    def charged(self) -> int:
        return self.value - self.covered


@dataclass(frozen=True)
class LedgerFigures:
    charged: int
    collected: int  # payments − refunds
    refunded: int
    by_method: dict[str, int]  # payments per method


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


@dataclass(frozen=True)
class MonthReport:
    period: Period
    filters: Filters
    orders_reported: int
    orders_closed: int
    by_kind: list[KindMoney]
    discount: int  # taken off the charged lines
    coverage: list[CoverageRow]  # every coverage kind, in precedence order
    ledger: LedgerFigures | None  # None: this person does not see the ledger
    faults: list[CountRow]
    models: list[CountRow]
    dispatch_due: int
    dispatch_in_time: int
    assign_due: int
    assign_in_time: int
    new_customers: int
    lost_customers: int

    @property
    def value(self) -> int:
        return sum(k.value for k in self.by_kind)

    @property
    def covered(self) -> int:
        return sum(k.covered for k in self.by_kind)

    @property
    def charged(self) -> int:
        return self.value - self.covered

    @property
    def dispatch_tenths(self) -> int | None:
        return rules.share_tenths(self.dispatch_in_time, self.dispatch_due)

    @property
    def assign_tenths(self) -> int | None:
        return rules.share_tenths(self.assign_in_time, self.assign_due)


def month(actor: Actor, period: Period, filters: Filters = NO_FILTERS, now: dt.datetime | None = None) -> MonthReport:
    """Money, coverage, faults, models, dispatch times and customers of ``period``."""
    actor.require(VIEW)
    now = now or actor.clock.now()
    settings = _settings()
    start, end = period.utc_bounds(settings.timezone)
    with _reading():
        lines = _line_sums(start, end, filters)
        by_kind = [KindMoney(kind, *lines["kinds"].get(kind, (0, 0))) for kind in MONEY_KINDS]
        coverage = [CoverageRow(kind, *lines["coverage"].get(kind, (0, 0, 0))) for kind in COVERAGE_KINDS]
        ledger = _ledger_figures(period, filters) if actor.may(MONEY) else None
        dispatch = _dispatch_figures(start, end, filters, now, settings)
        return MonthReport(
            period=period, filters=filters, orders_reported=dispatch["reported"], orders_closed=lines["closed"],
            by_kind=by_kind, discount=lines["discount"], coverage=coverage, ledger=ledger,
            faults=_top_faults(start, end, filters),
            models=_top_models(start, end, filters),
            dispatch_due=dispatch["dispatch_due"], dispatch_in_time=dispatch["dispatch_in_time"],
            assign_due=dispatch["assign_due"], assign_in_time=dispatch["assign_in_time"],
            new_customers=_new_customers(start, end, filters),
            lost_customers=_lost_customers(period, filters, settings),
        )


def _line_sums(start: dt.datetime, end: dt.datetime, filters: Filters) -> dict[str, Any]:
    """The lines of the orders closed in the period: by line kind and by the order's coverage."""
    extra, params = _order_filters(filters)
    closed_where = f"{_unindexed('o.state')} = ? AND o.closed_at >= ? AND o.closed_at < ?{extra}"
    closed_params = [workflow.CLOSED, start, end, *params]
    rows = _rows(
        "SELECT l.kind, o.coverage, SUM(l.quantity * l.unit_price), "
        "SUM(CASE WHEN l.covered THEN l.quantity * l.unit_price ELSE 0 END) "
        "FROM repair_order o JOIN order_line l ON l.order_id = o.id "
        f"WHERE {closed_where} AND l.removed = {_false()} GROUP BY l.kind, o.coverage", closed_params)
    kinds: dict[str, tuple[int, int]] = {}
    coverage: dict[str, list[int]] = {}
    discount = 0
    for kind, cover, value, covered in rows:
        value, covered = _int(value), _int(covered)
        if kind == "discount":
            discount += value
            continue
        so_far = kinds.get(kind, (0, 0))
        kinds[kind] = (so_far[0] + value, so_far[1] + covered)
        row = coverage.setdefault(cover, [0, 0, 0])
        row[1] += value
        row[2] += covered
    for cover, count in _rows(f"SELECT o.coverage, COUNT(*) FROM repair_order o WHERE {closed_where} "
                              "GROUP BY o.coverage", closed_params):
        coverage.setdefault(cover, [0, 0, 0])[0] = _int(count)
    return {"kinds": kinds, "coverage": {k: tuple(v) for k, v in coverage.items()}, "discount": discount,
            "closed": sum(v[0] for v in coverage.values())}


def _ledger_figures(period: Period, filters: Filters) -> LedgerFigures:
    """The ledger's charges, payments and refunds dated in the period (reversals net out).

    With a filter, only entries booked to the filter's orders count.
    """
    extra, params = _order_filters(filters)
    joined = "JOIN repair_order o ON o.id = g.order_id " if extra else ""
    rows = _rows(f"SELECT g.kind, g.method, SUM(g.amount) FROM ledger_entry g {joined}"
                 f"WHERE g.entry_date >= ? AND g.entry_date <= ? AND g.kind IN (?, ?, ?){extra} "
                 "GROUP BY g.kind, g.method", [period.first, period.last, CHARGE, PAYMENT, REFUND, *params])
    sums = {CHARGE: 0, PAYMENT: 0, REFUND: 0}
    by_method = dict.fromkeys(PAYMENT_METHODS, 0)
    for kind, method, amount in rows:
        sums[kind] += _int(amount)
        if kind == PAYMENT:
            by_method[method] = by_method.get(method, 0) + _int(amount)
    return LedgerFigures(sums[CHARGE], sums[PAYMENT] - sums[REFUND], sums[REFUND], by_method)


def _top_faults(start: dt.datetime, end: dt.datetime, filters: Filters) -> list[CountRow]:
    """The most frequent faults (as written, spaces trimmed) over the orders reported in the period."""
    extra, params = _order_filters(filters)
    rows = _rows("SELECT TRIM(o.fault) AS label, COUNT(*) AS n FROM repair_order o "
                 f"WHERE o.reported_at >= ? AND o.reported_at < ?{extra} AND TRIM(o.fault) <> '' "
                 f"GROUP BY TRIM(o.fault) ORDER BY n DESC, label LIMIT {rules.TOP_COUNT}", [start, end, *params])
    return [CountRow(label, _int(n)) for label, n in rows]


def _top_models(start: dt.datetime, end: dt.datetime, filters: Filters) -> list[CountRow]:
    """The most frequent device models over the orders reported in the period (devices counted first)."""
    extra, params = _order_filters(filters)
    label = "TRIM(d.brand || ' ' || d.model)"
    rows = _rows(f"SELECT {label} AS label, SUM(x.n) AS total FROM "
                 "(SELECT o.device_id, COUNT(*) AS n FROM repair_order o WHERE o.reported_at >= ? AND o.reported_at < ?"
                 f"{extra} AND o.device_id IS NOT NULL GROUP BY o.device_id) x JOIN device d ON d.id = x.device_id "
                 f"WHERE {label} <> '' GROUP BY {label} ORDER BY total DESC, label LIMIT {rules.TOP_COUNT}",
                 [start, end, *params])
    return [CountRow(label, _int(n)) for label, n in rows]


def _dispatch_figures(start: dt.datetime, end: dt.datetime, filters: Filters, now: dt.datetime,
                      settings: ShopSettings) -> dict[str, int]:
    """On-site orders of the period dispatched / assigned within the shop's limits."""
    dispatch_s, assign_s = settings.dispatch_limit_minutes * 60, settings.assign_limit_minutes * 60
    late = {d.kind: d.cutoff for d in workflow.deadlines(now, settings.dispatch_limit_minutes,
                                                        settings.assign_limit_minutes)}
    waited = f"{_epoch('o.dispatched_at')} - {_epoch('o.reported_at')}"
    assigned = f"{_epoch('o.assigned_at')} - {_epoch('o.dispatched_at')}"
    extra, params = _order_filters(filters)
    row = _one(
        "SELECT COUNT(*), "
        "SUM(CASE WHEN o.location = ? AND (o.dispatched_at IS NOT NULL OR (o.state = ? AND o.reported_at < ?)) "
        "THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN o.location = ? AND o.dispatched_at IS NOT NULL AND {waited} <= ? THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN o.location = ? AND o.dispatched_at IS NOT NULL AND (o.assigned_at IS NOT NULL "
        "OR (o.state = ? AND o.dispatched_at < ?)) THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN o.location = ? AND o.assigned_at IS NOT NULL AND o.dispatched_at IS NOT NULL "
        f"AND {assigned} <= ? THEN 1 ELSE 0 END) "
        f"FROM repair_order o WHERE o.reported_at >= ? AND o.reported_at < ?{extra}",
        [workflow.ONSITE, workflow.NEW, late[workflow.DISPATCH], workflow.ONSITE, dispatch_s,
         workflow.ONSITE, workflow.DISPATCHED, late[workflow.ASSIGN], workflow.ONSITE, assign_s,
         start, end, *params])
    keys = ("reported", "dispatch_due", "dispatch_in_time", "assign_due", "assign_in_time")
    return {k: _int(v) for k, v in zip(keys, row)}


def _customer_filters(filters: Filters, alias: str = "c") -> tuple[str, list]:
    sql, params = "", []
    if filters.region:
        sql += f" AND {alias}.region = ?"
        params.append(filters.region)
    if filters.customer_kind:
        sql += f" AND {alias}.kind = ?"
        params.append(filters.customer_kind)
    return sql, params


def _new_customers(start: dt.datetime, end: dt.datetime, filters: Filters) -> int:
    extra, params = _customer_filters(filters)
    return _int(_one("SELECT COUNT(*) FROM customer c WHERE c.created_at >= ? AND c.created_at < ? "
                     f"AND {_unindexed('c.merged_into_id')} IS NULL{extra}", [start, end, *params])[0])


def _lost_customers(period: Period, filters: Filters, settings: ShopSettings) -> int:
    """Customers whose last order was reported in the churn window: they went ``churn_months``
    without an order during the period and have not come back since (``last_order_at``, indexed)."""
    since, until, _ = rules.churn_window(period, settings.churn_months, settings.timezone)
    extra, params = _customer_filters(filters)
    return _int(_one(f"SELECT COUNT(*) FROM customer c WHERE c.archived = {_false()} AND c.last_order_at >= ? "
                     f"AND c.last_order_at < ? AND {_unindexed('c.merged_into_id')} IS NULL{extra}",
                     [since, until, *params])[0])


# == the trend over twelve months =================================================================

@dataclass(frozen=True)
class TrendPoint:
    month: str  # "2026-11"
    reported: int
    resolved: int
    collected: int | None  # payments − refunds; None: this person does not see the ledger


def trend(actor: Actor, last_day: dt.date, filters: Filters = NO_FILTERS) -> list[TrendPoint]:
    """Orders reported and resolved, and money collected, per month for the twelve months up to ``last_day``'s."""
    actor.require(VIEW)
    settings = _settings()
    months = rules.trend_months(last_day)
    money = actor.may(MONEY)
    with _reading():
        reported = _per_month("reported_at", months, filters, settings.timezone)
        resolved = _per_month("resolved_at", months, filters, settings.timezone)
        collected = _collected_per_month(months, filters) if money else [None] * len(months)
    return [TrendPoint(f"{m.first:%Y-%m}", r, s, c) for m, r, s, c in zip(months, reported, resolved, collected)]


def _per_month(column: str, months: list[Period], filters: Filters, tz: str) -> list[int]:
    """Orders whose ``column`` falls in each month.

    Unfiltered: a count per month over the column's index alone, in one statement.
    Filtered, the rows must be read anyway: one pass over the twelve months, each
    row put in its month.
    """
    bounds = [m.utc_bounds(tz) for m in months]
    extra, params = _order_filters(filters)
    if not _filtered(filters):
        counts = ", ".join(f"(SELECT COUNT(*) FROM repair_order o WHERE o.{column} >= ? AND o.{column} < ?)"
                           for _ in bounds)
        return [_int(v) for v in _one(f"SELECT {counts}", [b for pair in bounds for b in pair])]
    bucket, bucket_params = _month_bucket(f"o.{column}", [end for _, end in bounds])
    rows = _rows(f"SELECT {bucket} AS m, COUNT(*) FROM repair_order o "
                 f"WHERE o.{column} >= ? AND o.{column} < ?{extra} GROUP BY m",
                 [*bucket_params, bounds[0][0], bounds[-1][1], *params])
    return _spread(rows, len(months))


def _collected_per_month(months: list[Period], filters: Filters) -> list[int]:
    """Payments − refunds dated in each month: a sum per month over the ledger's date index,
    or filtered, one pass over the twelve months joined to their orders."""
    net = "SUM(CASE WHEN g.kind = ? THEN g.amount ELSE 0 - g.amount END)"
    if not _filtered(filters):
        sums = ", ".join(f"(SELECT {net} FROM ledger_entry g WHERE g.entry_date >= ? AND g.entry_date <= ? "
                         "AND g.kind IN (?, ?))" for _ in months)
        values = [v for m in months for v in (PAYMENT, m.first, m.last, PAYMENT, REFUND)]
        return [_int(v) for v in _one(f"SELECT {sums}", values)]
    extra, params = _order_filters(filters)
    joined = "JOIN repair_order o ON o.id = g.order_id "
    bucket, bucket_params = _month_bucket("g.entry_date", [m.last for m in months], inclusive=True)
    rows = _rows(f"SELECT {bucket} AS m, {net} "
                 f"FROM ledger_entry g {joined}WHERE g.entry_date >= ? AND g.entry_date <= ? "
                 f"AND g.kind IN (?, ?){extra} GROUP BY m",
                 [*bucket_params, PAYMENT, months[0].first, months[-1].last, PAYMENT, REFUND, *params])
    return _spread(rows, len(months))


def _month_bucket(column: str, ends: list, inclusive: bool = False) -> tuple[str, list]:
    """A CASE giving the index of the month ``column`` falls in, from each month's end."""
    test = "<=" if inclusive else "<"
    whens = " ".join(f"WHEN {column} {test} ? THEN {i}" for i in range(len(ends) - 1))
    return f"CASE {whens} ELSE {len(ends) - 1} END", list(ends[:-1])


def _spread(rows: list[tuple], count: int) -> list[int]:
    found = [0] * count
    for month, value in rows:
        found[int(month)] = _int(value)
    return found


