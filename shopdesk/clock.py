"""The time, injected. Tests pass a ``FixedClock`` instead of sleeping.

All stored timestamps are naive UTC datetimes; the shop's local time (its time
zone is a shop setting) is only used to decide "today" and to show times.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc


class Clock:
    def now(self) -> dt.datetime:
        """Current time as a naive UTC datetime (what the database stores)."""
        return dt.datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class FixedClock(Clock):
    def __init__(self, at: dt.datetime):
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **delta) -> None:
        self.at = self.at + dt.timedelta(**delta)


def to_local(utc_naive: dt.datetime, tz_name: str) -> dt.datetime:
    return utc_naive.replace(tzinfo=UTC).astimezone(ZoneInfo(tz_name)).replace(tzinfo=None)


def from_local(local_naive: dt.datetime, tz_name: str) -> dt.datetime:
    return local_naive.replace(tzinfo=ZoneInfo(tz_name)).astimezone(UTC).replace(tzinfo=None)


def local_today(clock: Clock, tz_name: str) -> dt.date:
    return to_local(clock.now(), tz_name).date()
