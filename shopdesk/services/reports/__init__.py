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

The reports live in their own modules — ``glance`` (Today), ``lists`` (the lists
behind Today's figures), ``period_review`` (the week's review), ``monthly`` (the
month and the trend), ``base`` (what they share) — and this package names them
all (``reports.today``, ``reports.month`` …). A name is imported from its module
when first used, so the owner's window opens on Today without loading the
month's machinery (the launch benchmark counts every millisecond of it).
"""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from shopdesk.services.context import Actor

_HOMES = {
    "base": ("Filters", "NO_FILTERS", "FilterChoices", "filter_choices", "VIEW", "MONEY", "MONEY_KINDS", "LIST_MAX"),
    "glance": ("TodayReport", "today", "CallsDue", "calls_due", "board_filter_for", "FIGURE_KEYS", "MISSED_AFTER"),
    "lists": ("figure_list", "FigureList", "ListRow", "LIST_KEYS"),
    "period_review": ("ReviewRow", "ReviewReport", "review", "SCORES", "ON_TIME_ABOVE"),
    "monthly": ("KindMoney", "CoverageRow", "LedgerFigures", "CountRow", "MonthReport", "month", "TrendPoint", "trend"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [*_HOME_OF, "benchmark_calls"]


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def benchmark_calls(actor: Actor) -> list[tuple[str, Callable[[], object]]]:
    """One call per report, as the window makes them: today, last week, last month, the trend."""
    from shopdesk.clock import local_today
    from shopdesk.rules import reports as rules
    from shopdesk.services.reports import base, glance, monthly, period_review

    day = local_today(actor.clock, base._settings().timezone)
    week = rules.last_week(day)
    last_month = rules.month_period(day.replace(day=1) - dt.timedelta(days=1))
    return [
        ("today", lambda: glance.today(actor)),
        ("today: follow-up calls due (the follow-up queue)", lambda: glance.calls_due(actor)),
        (f"last week's review ({week.first}..{week.last})", lambda: period_review.review(actor, week)),
        (f"a month ({last_month.first:%Y-%m})", lambda: monthly.month(actor, last_month)),
        (f"12-month trend (to {last_month.first:%Y-%m})", lambda: monthly.trend(actor, last_month.last)),
    ]
