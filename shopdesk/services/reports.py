"""Reports for the owner and the team lead: today, a week's review, a month, the trend.

Every figure is an aggregate the database computes (COUNT, SUM, conditional
sums, GROUP BY; medians with window functions): nothing here reads all orders
into Python. Each report reads one moment of the database (a read-only
transaction), so its figures agree with each other.

What the figures mean
---------------------
- Periods are whole days in the shop's time zone (``shopdesk.rules.reports``),
  turned into UTC bounds ``[start, end)``.
- **Resolved**: an order whose work was done in the period (``resolved_at``;
  a bench device ready for pickup counts), credited to its technician.
- **Unresolved**: each time an order was marked unresolved in the period
  (its order event), credited to whoever recorded it.
- **Repeat repair**: an order reported in the period that the coverage
  service found to repeat an earlier repair of the same device within the
  repair-warranty days (``repeat_of``, coverage "repair warranty"); credited
  to the technician of that earlier order.
- **Median time to resolve**: from report to ``resolved_at``, whole seconds;
  an even count's median is the mean of its two middle values, rounded down.
- **On-time arrival**: stage-A calls that reached the customer with a
  timeliness score; on time when the score is above ``LOW_SCORE``. Scores:
  reached order calls (stages A, B, C) of the period, per the technician
  named on the call.
- **Charged by kind**: the lines of orders closed in the period (not removed):
  value, covered, charged (value − covered); discounts apart. **Collected**:
  the ledger's payments − refunds dated in the period.
- **Dispatched within the limit**: on-site orders reported in the period,
  dispatched at most ``dispatch_limit_minutes`` after the report; those still
  waiting past the limit count as late. Assigned alike from dispatch. A
  re-dispatched order is measured from its latest dispatch.
- **New customers**: files created in the period (merged duplicates aside).
  **Lost customers**: those whose last order before the period's end was
  ``churn_months`` old during the period (they crossed the line in it).

Filters (technician, region, customer type) narrow every figure they apply
to; the new and lost customer counts take region and customer type only.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import peewee as pw

from shopdesk.clock import local_today
from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import ShopSettings, Staff, database
from shopdesk.models.customers import CUSTOMER_KINDS
from shopdesk.rules import followups as followup_rules
from shopdesk.rules import reports as rules
from shopdesk.rules import workflow
from shopdesk.rules.coverage import KINDS as COVERAGE_KINDS, REPAIR_WARRANTY
from shopdesk.rules.ledger import PAYMENT, PAYMENT_METHODS, REFUND, CHARGE
from shopdesk.rules.reports import Period
from shopdesk.services import followups as _followups
from shopdesk.services.context import Actor
from shopdesk.services.orders import BoardFilter

VIEW = "day.close"  # the team lead and the owner
MONEY = "ledger.view"  # collected money: the owner
MONEY_KINDS = ("labour", "part", "travel", "other")
SCORES = followup_rules.SCORES
LIST_MAX = 500


# == shared ==================================================================================

@dataclass(frozen=True)
class Filters:
    technician_id: int | None = None
    region: str = ""
    customer_kind: str = ""  # walk_in | contract | rental; "" for every customer

    def __post_init__(self):
        if self.customer_kind and self.customer_kind not in CUSTOMER_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown customer type {kind}."),
                                  field="customer_kind", kind=self.customer_kind)


NO_FILTERS = Filters()


def _pg() -> bool:
    return isinstance(database.obj, pw.PostgresqlDatabase)


def _sql(text: str) -> str:
    """Query text written with ``?`` placeholders, for the database in use."""
    return text.replace("?", "%s") if _pg() else text


def _value(value: Any) -> Any:
    """A parameter as the column stores it (SQLite keeps timestamps as ISO text)."""
    if _pg() or value is None:
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _rows(text: str, params: Iterable[Any] = ()) -> list[tuple]:
    return database.execute_sql(_sql(text), [_value(p) for p in params]).fetchall()


def _one(text: str, params: Iterable[Any] = ()) -> tuple:
    return _rows(text, params)[0]


def _int(value) -> int:
    """SUM() is None over no rows, and Decimal on PostgreSQL."""
    return int(value or 0)


def _epoch(column: str) -> str:
    """A timestamp column as whole seconds (fractions dropped), in SQL."""
    if _pg():
        return f"CAST(EXTRACT(EPOCH FROM date_trunc('second', {column})) AS BIGINT)"
    return f"CAST(strftime('%s', {column}) AS INTEGER)"


def _unindexed(column: str) -> str:
    """``column`` such that SQLite will not pick its index for the condition.

    SQLite keeps no statistics here (no ANALYZE), so it takes ``state = 'closed'``
    (most of the table) for narrower than a date range; PostgreSQL knows better.
    """
    return column if _pg() else f"+{column}"


def _false() -> str:
    return "FALSE" if _pg() else "0"


@contextmanager
def _reading():
    """A read-only transaction: one moment for every figure, without holding up other desks.

    On PostgreSQL a report reads a few thousand rows scattered over large tables
    (a month's order lines): at the default cost of a random read (4, set for
    spinning disks) the planner would rather scan a whole table, five times
    slower; the shop's server reads from an SSD, so say so for this transaction.
    """
    if _pg():
        with database.atomic(isolation_level="REPEATABLE READ"):
            database.execute_sql("SET LOCAL random_page_cost = 1.1")
            yield
        return
    with database.atomic(lock_type="DEFERRED"):
        yield


def _settings() -> ShopSettings:
    return ShopSettings.get_by_id(1)


def _order_filters(filters: Filters, alias: str = "o", technician: str | None = None) -> tuple[str, list]:
    """SQL conditions (each starting with AND) narrowing orders ``alias`` to the filters.

    ``technician``: the column the technician filter applies to (default the order's).
    The conditions test rows the date range found; they must not lead SQLite to
    walk a technician's or a customer's whole history instead.
    """
    sql, params = "", []
    if filters.technician_id is not None:
        sql += f" AND {_unindexed(technician or alias + '.technician_id')} = ?"
        params.append(filters.technician_id)
    if filters.region:
        sql += f" AND {_unindexed(alias + '.region')} = ?"
        params.append(filters.region)
    if filters.customer_kind:
        sql += f" AND {_unindexed(alias + '.customer_id')} IN (SELECT id FROM customer WHERE kind = ?)"
        params.append(filters.customer_kind)
    return sql, params


def _filtered(filters: Filters) -> bool:
    return filters != NO_FILTERS


def _names(ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    return dict(Staff.select(Staff.id, Staff.name).where(Staff.id.in_(wanted)).tuples())


# == today ====================================================================================

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
    actor.require(VIEW)
    page = _followups.queue(actor, now or actor.clock.now(), limit=1)
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
                                [workflow.APPOINTMENT_SET, now - rules.MISSED_AFTER]),
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


# -- the lists behind the figures the board cannot show -------------------------------------

LIST_KEYS = ("appointments_today", "missed_appointments", "carried_over", "complaints_overdue")


@dataclass(frozen=True)
class ListRow:
    kind: str  # "order" | "complaint"
    id: int
    number: str
    at: dt.datetime | None  # the appointment, carried-over day's order report, or the complaint's receipt
    customer: str
    status: str  # order state or complaint status
    technician: str
    text: str  # the fault or the complaint


@dataclass(frozen=True)
class FigureList:
    rows: list[ListRow]
    total: int


def figure_list(actor: Actor, key: str, now: dt.datetime | None = None, offset: int = 0,
                limit: int = 100) -> FigureList:
    """One page of what a Today figure counts (for figures the order board cannot filter)."""
    actor.require(VIEW)
    if key not in LIST_KEYS:
        raise ValueError(f"no list for {key!r}")
    if not 0 < limit <= LIST_MAX or offset < 0:
        raise ValueError("0 < limit <= 500 and offset >= 0")
    now = now or actor.clock.now()
    if key == "complaints_overdue":
        return _overdue_complaint_list(now, offset, limit)
    settings = _settings()
    condition, params = _today_conditions(now, local_today(_At(now), settings.timezone), settings)[key]
    where, where_params = _open_orders_where()
    sort = "o.appointment_at" if key != "carried_over" else "o.carried_over_on, o.reported_at"
    total = _int(_one(f"SELECT COUNT(*) FROM repair_order o WHERE {where} AND {condition}",
                      where_params + params)[0])
    rows = _rows(
        "SELECT o.id, o.number, o.appointment_at, o.reported_at, c.name, c.company, o.state, s.name, o.fault "
        "FROM repair_order o JOIN customer c ON c.id = o.customer_id "
        "LEFT JOIN staff s ON s.id = o.technician_id "
        f"WHERE {where} AND {condition} ORDER BY {sort}, o.id LIMIT ? OFFSET ?",
        where_params + params + [limit, offset])
    appointment = key != "carried_over"
    return FigureList([ListRow("order", i, number, _as_datetime(appt if appointment else reported),
                               _label(name, company), state, tech or "", fault)
                       for i, number, appt, reported, name, company, state, tech, fault in rows], total)


def _overdue_complaint_list(now: dt.datetime, offset: int, limit: int) -> FigureList:
    where, params = _overdue_complaints_where(now)
    total = _int(_one(f"SELECT COUNT(*) FROM complaint k WHERE {where}", params)[0])
    rows = _rows(
        "SELECT k.id, k.number, k.received_at, c.name, c.company, k.status, s.name, k.description "
        "FROM complaint k JOIN customer c ON c.id = k.customer_id LEFT JOIN staff s ON s.id = k.responsible_id "
        f"WHERE {where} ORDER BY k.received_at, k.id LIMIT ? OFFSET ?", params + [limit, offset])
    return FigureList([ListRow("complaint", i, number, _as_datetime(at), _label(name, company), status, who or "",
                               (text or "").splitlines()[0] if text else "")
                       for i, number, at, name, company, status, who, text in rows], total)


def _label(name: str, company: str) -> str:
    return f"{company} · {name}" if company and company != name else name


def _as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


# == the week's review (any period) ===============================================================

@dataclass(frozen=True)
class ReviewRow:
    key: int | str | None  # staff id (per technician) or region; None: nobody / no region
    name: str
    resolved: int = 0
    unresolved: int = 0
    repeats: int = 0
    median_seconds: int | None = None
    arrival_calls: int = 0  # stage-A calls with a timeliness score
    on_time: int = 0
    score_sums: tuple[int, ...] = (0, 0, 0, 0)  # per SCORES
    score_counts: tuple[int, ...] = (0, 0, 0, 0)

    @property
    def on_time_tenths(self) -> int | None:
        return rules.share_tenths(self.on_time, self.arrival_calls)

    def score_hundredths(self, score: str) -> int | None:
        i = SCORES.index(score)
        return rules.average_hundredths(self.score_sums[i], self.score_counts[i])

    @property
    def satisfaction_hundredths(self) -> int | None:
        """The average of every score given."""
        return rules.average_hundredths(sum(self.score_sums), sum(self.score_counts))

    @property
    def is_empty(self) -> bool:
        return not (self.resolved or self.unresolved or self.repeats or self.arrival_calls or any(self.score_counts))


@dataclass(frozen=True)
class ReviewReport:
    period: Period
    filters: Filters
    technicians: list[ReviewRow]
    regions: list[ReviewRow]
    total: ReviewRow


_ADDITIVE = ("resolved", "unresolved", "repeats", "arrival_calls", "on_time")


def review(actor: Actor, period: Period, filters: Filters = NO_FILTERS) -> ReviewReport:
    """The Monday review of ``period``: per technician and per region (and in all)."""
    actor.require(VIEW)
    settings = _settings()
    start, end = period.utc_bounds(settings.timezone)
    # cells[(technician, region)] = {figure: value}
    cells: dict[tuple, dict[str, Any]] = {}
    with _reading():
        for figure, query in (("resolved", _resolved), ("unresolved", _unresolved),
                              ("repeats", _repeats)):
            for tech, region, count in query(start, end, filters):
                cell = cells.setdefault((tech, region or ""), {})
                cell[figure] = cell.get(figure, 0) + _int(count)
        for tech, region, *values in _call_figures(start, end, filters):
            cell = cells.setdefault((tech, region or ""), {})
            cell["arrival_calls"] = cell.get("arrival_calls", 0) + _int(values[0])
            cell["on_time"] = cell.get("on_time", 0) + _int(values[1])
            sums, counts = values[2:2 + len(SCORES)], values[2 + len(SCORES):]
            cell["score_sums"] = _add(cell.get("score_sums"), sums)
            cell["score_counts"] = _add(cell.get("score_counts"), counts)
        medians = {grouping: _resolve_medians(start, end, filters, grouping) for grouping in ("tech", "region", "all")}
    names = _names(tech for tech, _ in cells)
    technicians = _fold(cells, lambda tech, region: tech, medians["tech"], lambda key: names.get(key, ""))
    regions = _fold(cells, lambda tech, region: region, medians["region"], lambda key: key or "")
    totals = _fold(cells, lambda tech, region: "", medians["all"], lambda key: "")
    total = totals[0] if totals else ReviewRow("", "", median_seconds=medians["all"].get(""))
    technicians.sort(key=lambda r: (r.key is None, r.name, r.key or 0))
    regions.sort(key=lambda r: (r.key == "", r.name))
    return ReviewReport(period, filters, technicians, regions, total)


def _add(so_far: tuple[int, ...] | None, values) -> tuple[int, ...]:
    base = so_far or (0,) * len(values)
    return tuple(a + _int(b) for a, b in zip(base, values))


def _fold(cells: dict[tuple, dict], key_of: Callable, medians: dict, name_of: Callable) -> list[ReviewRow]:
    grouped: dict[Any, dict[str, Any]] = {}
    for (tech, region), cell in cells.items():
        target = grouped.setdefault(key_of(tech, region), {})
        for figure in _ADDITIVE:
            target[figure] = target.get(figure, 0) + cell.get(figure, 0)
        for figure in ("score_sums", "score_counts"):
            if figure in cell:
                target[figure] = _add(target.get(figure), cell[figure])
    return [ReviewRow(key, name_of(key), median_seconds=medians.get(key), **figures)
            for key, figures in grouped.items()]


def _resolved_where(filters: Filters) -> tuple[str, list]:
    extra, params = _order_filters(filters)
    return f"o.resolved_at >= ? AND o.resolved_at < ?{extra}", params


def _resolved(start: dt.datetime, end: dt.datetime, filters: Filters) -> list[tuple]:
    where, params = _resolved_where(filters)
    return _rows(f"SELECT o.technician_id, o.region, COUNT(*) FROM repair_order o WHERE {where} "
                 "GROUP BY o.technician_id, o.region", [start, end, *params])


def _unresolved(start: dt.datetime, end: dt.datetime, filters: Filters) -> list[tuple]:
    extra, params = _order_filters(filters, technician="e.staff_id")
    return _rows("SELECT e.staff_id, o.region, COUNT(*) FROM order_event e JOIN repair_order o ON o.id = e.order_id "
                 f"WHERE e.to_state = ? AND e.from_state <> e.to_state AND e.at >= ? AND e.at < ?{extra} "
                 "GROUP BY e.staff_id, o.region", [workflow.UNRESOLVED, start, end, *params])


def _repeats(start: dt.datetime, end: dt.datetime, filters: Filters) -> list[tuple]:
    """Orders reported in the period that repeat an earlier repair (the coverage service found it
    within the repair-warranty days), per the earlier order's technician."""
    extra, params = _order_filters(filters, technician="p.technician_id")
    return _rows(
        "SELECT p.technician_id, o.region, COUNT(*) FROM repair_order o "
        "LEFT JOIN repair_order p ON p.id = o.repeat_of_id "
        "WHERE o.reported_at >= ? AND o.reported_at < ? AND o.state <> ? "
        f"AND (o.repeat_of_id IS NOT NULL OR o.coverage = ?){extra} GROUP BY p.technician_id, o.region",
        [start, end, workflow.CANCELLED, REPAIR_WARRANTY, *params])


def _call_figures(start: dt.datetime, end: dt.datetime, filters: Filters) -> list[tuple]:
    """Per technician and region: stage-A calls scored on timeliness, those on time, score sums and counts."""
    extra, params = _order_filters(filters, technician="f.technician_id")
    sums = ", ".join(f"SUM(f.score_{s})" for s in SCORES)
    counts = ", ".join(f"COUNT(f.score_{s})" for s in SCORES)
    return _rows(
        "SELECT f.technician_id, o.region, "
        "SUM(CASE WHEN f.stage = ? AND f.score_timeliness IS NOT NULL THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN f.stage = ? AND f.score_timeliness > ? THEN 1 ELSE 0 END), "
        f"{sums}, {counts} "
        "FROM followup_call f JOIN repair_order o ON o.id = f.order_id "
        f"WHERE f.made_at >= ? AND f.made_at < ? AND f.outcome = ?{extra} "
        "GROUP BY f.technician_id, o.region",
        [followup_rules.STAGE_A, followup_rules.STAGE_A, rules.ON_TIME_ABOVE, start, end, followup_rules.REACHED,
         *params])


def _resolve_medians(start: dt.datetime, end: dt.datetime, filters: Filters, grouping: str) -> dict[Any, int]:
    """Median seconds from report to resolved, per technician, region or in all ("")."""
    key = {"tech": "o.technician_id", "region": "o.region", "all": "''"}[grouping]
    where, params = _resolved_where(filters)
    base = (f"SELECT {key} AS k, {_epoch('o.resolved_at')} - {_epoch('o.reported_at')} AS secs "
            f"FROM repair_order o WHERE {where}")
    return _medians(base, [start, end, *params])


def _medians(base: str, params: list) -> dict[Any, int]:
    """Per key ``k`` of ``base`` (k, secs): the median of secs, from its one or two middle values.

    Window functions, on SQLite and PostgreSQL alike, so both give the same whole number.
    """
    rows = _rows(
        "SELECT k, SUM(secs), COUNT(*) FROM ("
        "SELECT k, secs, ROW_NUMBER() OVER (PARTITION BY k ORDER BY secs) AS rn, "
        f"COUNT(*) OVER (PARTITION BY k) AS n FROM ({base}) AS d) AS r "
        "WHERE rn = (n + 1) / 2 OR rn = (n + 2) / 2 GROUP BY k", params)
    return {k: rules.median_of_middles(_int(total), _int(count)) for k, total, count in rows}


# == the month (any period) ======================================================================

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


# == what the filters offer ========================================================================

@dataclass(frozen=True)
class FilterChoices:
    technicians: list[tuple[int, str]]
    regions: list[str]
    customer_kinds: tuple[str, ...] = CUSTOMER_KINDS


def filter_choices(actor: Actor) -> FilterChoices:
    """Who and where the filters offer: staff who take orders (those who left too), customers' regions."""
    actor.require(VIEW)
    people = (Staff.select(Staff.id, Staff.name).where(Staff.role.in_(list(workflow.TAKES_ORDERS)))
              .order_by(Staff.active.desc(), Staff.name, Staff.id).tuples())
    regions = _rows("SELECT DISTINCT region FROM customer WHERE region <> '' ORDER BY region")
    return FilterChoices(list(people), [r for (r,) in regions])


# == the benchmark =================================================================================

def benchmark_calls(actor: Actor) -> list[tuple[str, Callable[[], object]]]:
    """One call per report, as the window makes them: today, last week, last month, the trend."""
    settings = _settings()
    day = local_today(actor.clock, settings.timezone)
    week = rules.last_week(day)
    last_month = rules.month_period(day.replace(day=1) - dt.timedelta(days=1))
    return [
        ("today", lambda: today(actor)),
        ("today: follow-up calls due (the follow-up queue)", lambda: calls_due(actor)),
        (f"last week's review ({week.first}..{week.last})", lambda: review(actor, week)),
        (f"a month ({last_month.first:%Y-%m})", lambda: month(actor, last_month)),
        (f"12-month trend (to {last_month.first:%Y-%m})", lambda: trend(actor, last_month.last)),
    ]


__all__ = [
    "Filters", "NO_FILTERS", "TodayReport", "today", "CallsDue", "calls_due", "board_filter_for", "figure_list", "FigureList", "ListRow",
    "LIST_KEYS", "FIGURE_KEYS", "ReviewRow", "ReviewReport", "review", "KindMoney", "CoverageRow", "LedgerFigures",
    "CountRow", "MonthReport", "month", "TrendPoint", "trend", "FilterChoices", "filter_choices", "benchmark_calls",
]
