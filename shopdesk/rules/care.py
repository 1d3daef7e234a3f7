"""Customer care: birthdays and holidays to greet, and customers who stopped coming.

Birthdays
---------
A customer's ``birthday`` is a date whose month and day are the birthday;
with ``birthday_is_lunar`` they are the **lunar** month and day (农历生日, as
the customer says it: "八月十五" is stored as ????-08-15), converted to this
year's solar date with ``lunardate``. The year is not used.

- A birthday is listed ``BIRTHDAY_DAYS`` = 2 to 7 days ahead (greetings go
  out a few days before), across the year end: on Dec 29, Jan 3 is 5 days
  ahead.
- Feb 29 birthdays are greeted on **Feb 28** in years without Feb 29.
- A lunar day 30 in a year whose lunar month has only 29 days falls on the
  29th. A leap month (闰月) is not a birthday month: the birthday is in the
  ordinary month of that number.

Holidays
--------
New Year (01-01), Spring Festival (lunar 1-1), Mid-Autumn (lunar 8-15) and
National Day (10-01) are built in; a shop adds its own (solar or lunar).
They are listed from ``HOLIDAY_DAYS`` = 0 to 7 days ahead.

Occasions
---------
A greeting is logged per customer per occasion, named by the occasion and the
year it belongs to: ``birthday-2027``, ``spring-2027``. For a lunar date the
year is the lunar year, so a lunar birthday that falls twice in one solar
year is still two occasions.

Churn
-----
A customer has churned when their last order is more than ``months`` months
ago (calendar months; the 31st becomes the month's last day).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from lunardate import LunarDate

from shopdesk.i18n import QT_TRANSLATE_NOOP

SOLAR, LUNAR = "solar", "lunar"
CALENDARS = (SOLAR, LUNAR)
BIRTHDAY_DAYS = (2, 7)
HOLIDAY_DAYS = (0, 7)
BIRTHDAY = "birthday"


@dataclass(frozen=True)
class Holiday:
    key: str  # occasion prefix: "spring" → "spring-2027"
    name: str  # English source (context "Care") for built-ins, the shop's words otherwise
    calendar: str
    month: int
    day: int
    built_in: bool = False


BUILT_IN_HOLIDAYS = (
    Holiday("new_year", QT_TRANSLATE_NOOP("Care", "New Year"), SOLAR, 1, 1, True),
    Holiday("spring", QT_TRANSLATE_NOOP("Care", "Spring Festival"), LUNAR, 1, 1, True),
    Holiday("mid_autumn", QT_TRANSLATE_NOOP("Care", "Mid-Autumn Festival"), LUNAR, 8, 15, True),
    Holiday("national_day", QT_TRANSLATE_NOOP("Care", "National Day"), SOLAR, 10, 1, True),
)


@dataclass(frozen=True)
class Occurrence:
    """A birthday or holiday on ``date``; ``occasion`` names it for the greeting log."""

    date: dt.date
    occasion: str


# -- dates -----------------------------------------------------------------------------

def solar_date(month: int, day: int, year: int) -> dt.date:
    """month-day in ``year``; Feb 29 is Feb 28 in a year without it."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def lunar_to_solar(month: int, day: int, lunar_year: int) -> dt.date:
    """The solar date of lunar month-day in ``lunar_year``; day 30 of a 29-day month is the 29th."""
    try:
        return LunarDate(lunar_year, month, day).to_solar_date()
    except ValueError:
        if day != 30:
            raise
        return LunarDate(lunar_year, month, 29).to_solar_date()


def lunar_month_days(lunar_year: int, month: int) -> int:
    try:
        LunarDate(lunar_year, month, 30).to_solar_date()
    except ValueError:
        return 29
    return 30


def occurrences(month: int, day: int, cal: str, around: dt.date, key: str) -> list[Occurrence]:
    """The dates of a yearly month-day near ``around`` (the year before to the year after)."""
    found = []
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            date = solar_date(month, day, year) if cal == SOLAR else lunar_to_solar(month, day, year)
        except ValueError:
            continue  # outside what the lunar tables cover (1900–2099), or no such day
        found.append(Occurrence(date, f"{key}-{year}"))
    return sorted(found, key=lambda o: o.date)


def next_occurrence(month: int, day: int, cal: str, today: dt.date, key: str) -> Occurrence | None:
    return next((o for o in occurrences(month, day, cal, today, key) if o.date >= today), None)


def in_window(date: dt.date, today: dt.date, window: tuple[int, int]) -> bool:
    first, last = window
    return today + dt.timedelta(days=first) <= date <= today + dt.timedelta(days=last)


def window_dates(today: dt.date, window: tuple[int, int]) -> list[dt.date]:
    first, last = window
    return [today + dt.timedelta(days=n) for n in range(first, last + 1)]


# -- birthdays ---------------------------------------------------------------------------

def birthday_in_window(birthday: dt.date, lunar: bool, today: dt.date,
                       window: tuple[int, int] = BIRTHDAY_DAYS) -> Occurrence | None:
    """The birthday's occurrence between 2 and 7 days from ``today``, if there is one."""
    cal = LUNAR if lunar else SOLAR
    for occurrence in occurrences(birthday.month, birthday.day, cal, today, BIRTHDAY):
        if in_window(occurrence.date, today, window):
            return occurrence
    return None


def birthday_keys(today: dt.date, window: tuple[int, int] = BIRTHDAY_DAYS) -> tuple[set, set]:
    """Which stored (month, day) pairs can have a birthday in the window: (solar, lunar).

    A query narrows customers with these; ``birthday_in_window`` decides.
    """
    solar: set[tuple[int, int]] = set()
    lunar: set[tuple[int, int]] = set()
    for date in window_dates(today, window):
        solar.add((date.month, date.day))
        if (date.month, date.day) == (2, 28) and not calendar.isleap(date.year):
            solar.add((2, 29))
        try:
            ld = LunarDate.from_solar_date(date.year, date.month, date.day)
        except ValueError:
            continue
        if ld.is_leap_month:
            continue
        lunar.add((ld.month, ld.day))
        if ld.day == 29 and lunar_month_days(ld.year, ld.month) == 29:
            lunar.add((ld.month, 30))
    return solar, lunar


# -- holidays -----------------------------------------------------------------------------

def holidays_ahead(holidays: Iterable[Holiday], today: dt.date,
                   window: tuple[int, int] = HOLIDAY_DAYS) -> list[tuple[Holiday, Occurrence]]:
    """The holidays from today to 7 days ahead, soonest first."""
    found = []
    for holiday in holidays:
        for occurrence in occurrences(holiday.month, holiday.day, holiday.calendar, today, holiday.key):
            if in_window(occurrence.date, today, window):
                found.append((holiday, occurrence))
    return sorted(found, key=lambda pair: (pair[1].date, pair[0].key))


def check_holiday_date(cal: str, month: int, day: int) -> bool:
    """Whether month-day exists in the calendar (lunar days go to 30; Feb 29 is allowed)."""
    if cal not in CALENDARS or not 1 <= month <= 12:
        return False
    if cal == LUNAR:
        return 1 <= day <= 30
    return 1 <= day <= calendar.monthrange(2024, month)[1]


# -- churn ------------------------------------------------------------------------------------

def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    """The same time ``months`` calendar months earlier (day clamped to the month's end)."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def churn_cutoff(now: dt.datetime, months: int) -> dt.datetime:
    """Customers whose last order is before this have churned."""
    return months_before(now, months)


def has_churned(last_order_at: dt.datetime | None, now: dt.datetime, months: int) -> bool:
    return last_order_at is not None and last_order_at < churn_cutoff(now, months)
