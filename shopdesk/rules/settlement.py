"""A technician's settlement statement for a period. Plain Python, integer cents.

Distance is whole kilometres: by default the sum of the jobs' travel as the
technicians recorded it, or what the owner types from the logbook; the fuel
allowance is km × the rate per km, so no rounding is ever needed.

The balance is what the shop owes the technician at the end of the period:
the allowances less the cash the technician still holds. Negative means the
technician owes the shop.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Iterable, Sequence

from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP

KM_MAX = 100_000  # per period; more is a typing slip


@dataclass(frozen=True)
class Job:
    """One job done: an order the technician resolved and that was closed in the period."""

    order_number: str
    points: int
    onsite: bool
    km: int = 0  # travel recorded on the order


@dataclass(frozen=True)
class Rates:
    per_visit: int  # cents per on-site visit (差费)
    per_km: int     # cents per kilometre (油费)


@dataclass(frozen=True)
class Facts:
    """What happened in the period, as the ledger and the orders tell it."""

    jobs: Sequence[Job] = ()
    km: int | None = None  # None: the jobs' own travel
    collected: int = 0        # fees collected, every method
    collected_cash: int = 0   # of which cash, which the technician holds
    handed_in: int = 0
    cash_held_before: int = 0  # cash still held when the period began


@dataclass(frozen=True)
class Statement:
    jobs: int
    points: int
    visits: int
    km: int
    travel_allowance: int
    fuel_allowance: int
    collected: int
    handed_in: int
    cash_still_held: int
    balance: int
    job_list: tuple[Job, ...] = field(default=(), compare=False)

    @property
    def allowances(self) -> int:
        return self.travel_allowance + self.fuel_allowance

    def figures(self) -> dict:
        """The figures as plain JSON-able values (stored with the approval)."""
        data = asdict(self)
        data["job_list"] = [[j.order_number, j.points, j.onsite, j.km] for j in self.job_list]
        return data


def check_km(km) -> None:
    if isinstance(km, bool) or not isinstance(km, int) or not 0 <= km <= KM_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Kilometres must be a whole number from 0 to {max}."), field="km", max=KM_MAX,
        )


def check_rates(rates: Rates) -> None:
    for value in (rates.per_visit, rates.per_km):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError("allowance rates are non-negative integer cents")


def compute(facts: Facts, rates: Rates) -> Statement:
    jobs = tuple(facts.jobs)
    km = sum(job.km for job in jobs) if facts.km is None else facts.km
    check_km(km)
    check_rates(rates)
    visits = sum(1 for job in jobs if job.onsite)
    travel = visits * rates.per_visit
    fuel = km * rates.per_km
    still_held = facts.cash_held_before + facts.collected_cash - facts.handed_in
    return Statement(
        jobs=len(jobs),
        points=sum(job.points for job in jobs),
        visits=visits,
        km=km,
        travel_allowance=travel,
        fuel_allowance=fuel,
        collected=facts.collected,
        handed_in=facts.handed_in,
        cash_still_held=still_held,
        balance=travel + fuel - still_held,
        job_list=jobs,
    )


def check_period(date_from: dt.date, date_to: dt.date, approved: Iterable[tuple[dt.date, dt.date]] = ()) -> None:
    """A period runs forward and overlaps no period already approved (allowances are paid once)."""
    if date_from > date_to:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The period ends before it begins."), field="date_to")
    for start, end in approved:
        if date_from <= end and start <= date_to:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "This period overlaps the settlement already approved for {start} to {end}."),
                field="date_from", start=start.isoformat(), end=end.isoformat(),
            )


def statement_from_figures(figures: dict) -> Statement:
    """The statement stored with an approval, read back."""
    data = dict(figures)
    data["job_list"] = tuple(Job(number, points, bool(onsite), km) for number, points, onsite, km in data.get("job_list", ()))
    return Statement(**data)
