"""The week's review (any period): per technician and per region."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from shopdesk.rules import followups as followup_rules
from shopdesk.rules import reports as rules
from shopdesk.rules import workflow
from shopdesk.rules.coverage import REPAIR_WARRANTY
from shopdesk.rules.reports import Period
from shopdesk.services.context import Actor
from shopdesk.services.reports.base import Filters, NO_FILTERS, VIEW, _epoch, _int, _names, _order_filters, _reading, _rows, _settings

SCORES = followup_rules.SCORES
# A stage-A timeliness score above LOW_SCORE counts as arriving on time.
ON_TIME_ABOVE = followup_rules.LOW_SCORE


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
        [followup_rules.STAGE_A, followup_rules.STAGE_A, ON_TIME_ABOVE, start, end, followup_rules.REACHED,
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


