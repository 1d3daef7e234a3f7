"""Report periods and the arithmetic of report figures, in plain Python.

A period is a run of whole days in the shop's time zone: a day, a week
(Monday to Sunday), a calendar month or a custom range of at most
``MAX_CUSTOM_DAYS`` days. The database stores UTC, so a period becomes the
half-open UTC range from its first local midnight to the midnight after its
last day.

Shares, averages and medians are whole numbers: a share in tenths of a
percent (875 = 87.5 %), an average score in hundredths (433 = 4.33), a
duration in whole seconds. Halves round up. No float reaches a report.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from shopdesk.clock import from_local
from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP

DAY, WEEK, MONTH, CUSTOM = "day", "week", "month", "custom"
KINDS = (DAY, WEEK, MONTH, CUSTOM)
KIND_LABELS = {
    DAY: QT_TRANSLATE_NOOP("Reports", "Day"),
    WEEK: QT_TRANSLATE_NOOP("Reports", "Week"),
    MONTH: QT_TRANSLATE_NOOP("Reports", "Month"),
    CUSTOM: QT_TRANSLATE_NOOP("Reports", "Custom range"),
}
MAX_CUSTOM_DAYS = 366
TREND_MONTHS = 12
TOP_COUNT = 10


@dataclass(frozen=True)
class Period:
    kind: str
    first: dt.date
    last: dt.date  # inclusive

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def utc_bounds(self, tz: str) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) in naive UTC: local midnight of the first day to local midnight after the last."""
        return local_midnight(self.first, tz), local_midnight(self.last + dt.timedelta(days=1), tz)


def local_midnight(day: dt.date, tz: str) -> dt.datetime:
    return from_local(dt.datetime.combine(day, dt.time()), tz)


def day_period(day: dt.date) -> Period:
    return Period(DAY, day, day)


def week_period(day: dt.date) -> Period:
    """The week (Monday to Sunday) holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return Period(WEEK, monday, monday + dt.timedelta(days=6))


def month_period(day: dt.date) -> Period:
    first = day.replace(day=1)
    return Period(MONTH, first, first.replace(day=calendar.monthrange(first.year, first.month)[1]))


def custom_period(first: dt.date, last: dt.date) -> Period:
    if last < first:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The period ends before it begins."), field="last")
    if (last - first).days + 1 > MAX_CUSTOM_DAYS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A custom period is at most {days} days long."),
                              field="last", days=MAX_CUSTOM_DAYS)
    return Period(CUSTOM, first, last)


def period_of(kind: str, day: dt.date, last: dt.date | None = None) -> Period:
    """The period of ``kind`` holding ``day`` (custom: ``day`` to ``last``)."""
    if kind == DAY:
        return day_period(day)
    if kind == WEEK:
        return week_period(day)
    if kind == MONTH:
        return month_period(day)
    if kind == CUSTOM:
        return custom_period(day, last if last is not None else day)
    raise ValueError(f"unknown period kind {kind!r}")


def last_week(today: dt.date) -> Period:
    """The Monday review's week: the whole week before this one."""
    return week_period(today - dt.timedelta(days=7))


def shifted(period: Period, steps: int) -> Period:
    """The period ``steps`` periods later (negative: earlier), of the same kind and length."""
    if period.kind == MONTH:
        total = period.first.year * 12 + period.first.month - 1 + steps
        return month_period(dt.date(total // 12, total % 12 + 1, 1))
    delta = dt.timedelta(days=period.days * steps)
    return Period(period.kind, period.first + delta, period.last + delta)


def trend_months(last_day: dt.date, count: int = TREND_MONTHS) -> list[Period]:
    """``count`` calendar months ending with the one holding ``last_day``, oldest first."""
    newest = month_period(last_day)
    return [shifted(newest, -i) for i in range(count - 1, -1, -1)]


def churn_window(period: Period, months: int, tz: str) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """(from, to, end) in UTC: a customer whose last order before ``end`` was
    reported in [from, to) went ``months`` months without an order during the
    period — they were lost in it."""
    from shopdesk.rules.care import months_before  # care loads the lunar calendar: only here, not at launch

    first = dt.datetime.combine(period.first, dt.time())
    after = dt.datetime.combine(period.last + dt.timedelta(days=1), dt.time())
    return (from_local(months_before(first, months), tz), from_local(months_before(after, months), tz),
            from_local(after, tz))


# -- whole-number figures ------------------------------------------------------------------

def ratio_rounded(numerator: int, denominator: int) -> int:
    """numerator / denominator to the nearest whole number, halves up (both ≥ 0)."""
    return (2 * numerator + denominator) // (2 * denominator)


def share_tenths(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` in tenths of a percent (875 = 87.5 %); None when ``whole`` is 0."""
    if whole <= 0:
        return None
    return ratio_rounded(part * 1000, whole)


def average_hundredths(total: int, count: int) -> int | None:
    """The average of ``count`` whole scores summing to ``total``, in hundredths; None without scores."""
    if count <= 0:
        return None
    return ratio_rounded(total * 100, count)


def shares_tenths(parts: list[int]) -> list[int]:
    """Each part's share of their sum in tenths of a percent, adding up to exactly 1000
    (largest remainders get the leftover tenths); all 0 when the sum is 0."""
    whole = sum(parts)
    if whole <= 0:
        return [0] * len(parts)
    floors = [p * 1000 // whole for p in parts]
    left = 1000 - sum(floors)
    by_remainder = sorted(range(len(parts)), key=lambda i: (-(parts[i] * 1000 % whole), i))
    for i in by_remainder[:left]:
        floors[i] += 1
    return floors


def median_of_middles(middle_sum: int, middle_count: int) -> int | None:
    """The median from the one or two middle values' sum: an even count's median is
    the mean of its two middles, rounded down to a whole second."""
    if middle_count <= 0:
        return None
    return middle_sum // middle_count


def tenths_text(tenths: int | None) -> str:
    """875 → "87.5 %"; None → "–" (nothing to divide)."""
    if tenths is None:
        return "–"
    return f"{tenths // 10}.{tenths % 10} %"


def hundredths_text(hundredths: int | None) -> str:
    """433 → "4.33"; None → "–"."""
    if hundredths is None:
        return "–"
    return f"{hundredths // 100}.{hundredths % 100:02d}"


def duration_parts(seconds: int) -> tuple[int, int, int]:
    """Whole seconds as (days, hours, minutes), the minutes rounded down."""
    minutes = seconds // 60
    return minutes // (24 * 60), minutes // 60 % 24, minutes % 60
