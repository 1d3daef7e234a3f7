"""Settlement statement: jobs, points, allowances and balance, all integer cents."""

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopdesk.errors import ValidationError
from shopdesk.rules.settlement import (
    Facts, Job, Rates, Statement, check_km, check_period, compute, statement_from_figures,
)

RATES = Rates(per_visit=2000, per_km=80)  # ¥20.00 a visit, ¥0.80 a km


def test_month_end_statement_for_chen():
    facts = Facts(
        jobs=[Job("R0000001", 3, True), Job("R0000002", 2, False), Job("R0000003", 5, True)],
        km=125, collected=18000, collected_cash=8000, handed_in=5000, cash_held_before=1000,
    )
    s = compute(facts, RATES)
    assert (s.jobs, s.points, s.visits, s.km) == (3, 10, 2, 125)
    assert (s.travel_allowance, s.fuel_allowance, s.allowances) == (4000, 10000, 14000)
    assert (s.collected, s.handed_in, s.cash_still_held) == (18000, 5000, 4000)
    assert s.balance == 10000  # the shop pays ¥140.00 allowances less the ¥40.00 he still holds


def test_a_technician_holding_more_cash_than_his_allowances_owes_the_shop():
    s = compute(Facts(jobs=[Job("R1", 1, True)], collected=50000, collected_cash=50000), RATES)
    assert s.cash_still_held == 50000 and s.balance == 2000 - 50000


def test_no_jobs_no_allowance():
    s = compute(Facts(), RATES)
    assert s == Statement(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)


@pytest.mark.parametrize("km", [-1, 12.5, True, "12", 100_001])
def test_km_is_whole_and_sane(km):
    with pytest.raises(ValidationError) as refused:
        check_km(km)
    assert refused.value.field == "km"


def test_rates_are_non_negative_cents():
    with pytest.raises(ValueError):
        compute(Facts(), Rates(per_visit=20.0, per_km=80))
    with pytest.raises(ValueError):
        compute(Facts(), Rates(per_visit=2000, per_km=-1))


def test_periods_run_forward_and_never_overlap_an_approved_one():
    nov = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    check_period(*nov)
    check_period(dt.date(2026, 12, 1), dt.date(2026, 12, 31), [nov])
    check_period(dt.date(2026, 10, 1), dt.date(2026, 10, 31), [nov])
    with pytest.raises(ValidationError):
        check_period(dt.date(2026, 11, 30), dt.date(2026, 11, 1))
    for overlapping in [nov, (dt.date(2026, 11, 30), dt.date(2026, 12, 5)), (dt.date(2026, 10, 1), dt.date(2026, 11, 1)),
                        (dt.date(2026, 11, 10), dt.date(2026, 11, 12))]:
        with pytest.raises(ValidationError, match="overlaps"):
            check_period(*overlapping, approved=[nov])


def test_figures_survive_a_json_round_trip():
    s = compute(Facts(jobs=[Job("R1", 3, True), Job("R2", 0, False)], km=7, collected=100, collected_cash=100), RATES)
    again = statement_from_figures(json.loads(json.dumps(s.figures())))
    assert again == s and again.job_list == s.job_list


jobs = st.lists(st.builds(Job, st.text(max_size=8), st.integers(0, 50), st.booleans()), max_size=30)
cents = st.integers(0, 10**9)


@given(jobs, st.integers(0, 100_000), cents, cents, cents, st.integers(-10**8, 10**8), st.integers(0, 10**5),
       st.integers(0, 10**4))
def test_statement_arithmetic_is_exact(job_list, km, collected, cash, handed, before, per_visit, per_km):
    cash = min(cash, collected)
    s = compute(Facts(job_list, km, collected, cash, handed, before), Rates(per_visit, per_km))
    figures = [v for k, v in s.figures().items() if k != "job_list"]
    assert all(type(v) is int for v in figures)
    assert s.visits == sum(j.onsite for j in job_list) and s.points == sum(j.points for j in job_list)
    assert s.travel_allowance == s.visits * per_visit and s.fuel_allowance == km * per_km
    assert s.cash_still_held == before + cash - handed
    assert s.balance == s.allowances - s.cash_still_held


def test_km_defaults_to_the_travel_recorded_on_the_jobs():
    done = [Job("R1", 1, True, km=12), Job("R2", 1, True, km=30), Job("R3", 1, False)]
    assert compute(Facts(jobs=done), RATES).km == 42
    assert compute(Facts(jobs=done), RATES).fuel_allowance == 42 * 80
    assert compute(Facts(jobs=done, km=50), RATES).km == 50  # the owner's logbook figure wins
