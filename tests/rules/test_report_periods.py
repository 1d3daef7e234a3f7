"""Report periods and whole-number figures (shopdesk.rules.reports)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopdesk.errors import ValidationError
from shopdesk.rules import reports as r

D = dt.date


def test_a_week_runs_monday_to_sunday():
    assert r.week_period(D(2026, 11, 23)) == r.Period(r.WEEK, D(2026, 11, 23), D(2026, 11, 29))
    assert r.week_period(D(2026, 11, 22)) == r.Period(r.WEEK, D(2026, 11, 16), D(2026, 11, 22))
    assert r.last_week(D(2026, 11, 23)) == r.Period(r.WEEK, D(2026, 11, 16), D(2026, 11, 22))
    assert r.last_week(D(2026, 11, 22)) == r.Period(r.WEEK, D(2026, 11, 9), D(2026, 11, 15))


def test_months_end_on_their_last_day():
    assert r.month_period(D(2028, 2, 10)) == r.Period(r.MONTH, D(2028, 2, 1), D(2028, 2, 29))
    assert r.month_period(D(2026, 12, 31)).days == 31


def test_shifting_keeps_the_kind():
    assert r.shifted(r.month_period(D(2026, 1, 15)), -1) == r.month_period(D(2025, 12, 1))
    assert r.shifted(r.month_period(D(2026, 11, 1)), 3) == r.month_period(D(2027, 2, 1))
    assert r.shifted(r.week_period(D(2026, 11, 2)), -1) == r.week_period(D(2026, 10, 26))
    assert r.shifted(r.day_period(D(2026, 3, 1)), -1) == r.day_period(D(2026, 2, 28))
    custom = r.custom_period(D(2026, 1, 1), D(2026, 1, 10))
    assert r.shifted(custom, 1) == r.Period(r.CUSTOM, D(2026, 1, 11), D(2026, 1, 20))


def test_a_custom_range_must_run_forward_and_stay_within_a_year():
    assert r.custom_period(D(2026, 1, 1), D(2026, 12, 31)).days == 365
    with pytest.raises(ValidationError):
        r.custom_period(D(2026, 1, 2), D(2026, 1, 1))
    with pytest.raises(ValidationError):
        r.custom_period(D(2025, 1, 1), D(2026, 1, 2))


def test_period_of_each_kind():
    day = D(2026, 11, 18)
    assert [r.period_of(k, day).first for k in (r.DAY, r.WEEK, r.MONTH)] == [day, D(2026, 11, 16), D(2026, 11, 1)]
    assert r.period_of(r.CUSTOM, day, D(2026, 11, 20)).days == 3
    with pytest.raises(ValueError):
        r.period_of("year", day)


def test_utc_bounds_are_shop_midnights():
    start, end = r.month_period(D(2026, 11, 1)).utc_bounds("Asia/Shanghai")
    assert (start, end) == (dt.datetime(2026, 10, 31, 16), dt.datetime(2026, 11, 30, 16))


def test_twelve_months_oldest_first():
    months = r.trend_months(D(2026, 3, 31))
    assert [m.first for m in (months[0], months[-1])] == [D(2025, 4, 1), D(2026, 3, 1)]
    assert len(months) == 12 and all(m.kind == r.MONTH for m in months)


def test_the_churn_window_is_the_period_months_earlier():
    since, until, end = r.churn_window(r.month_period(D(2026, 3, 1)), 12, "Asia/Shanghai")
    assert (since, until, end) == (dt.datetime(2025, 2, 28, 16), dt.datetime(2025, 3, 31, 16),
                                   dt.datetime(2026, 3, 31, 16))


def test_shares_round_half_up():
    assert r.share_tenths(2, 3) == 667
    assert r.share_tenths(1, 8) == 125  # 12.5 % exactly
    assert r.share_tenths(1, 16) == 63  # 6.25 % → 6.3 %
    assert r.share_tenths(0, 5) == 0 and r.share_tenths(3, 0) is None
    assert r.average_hundredths(14, 3) == 467 and r.average_hundredths(9, 2) == 450
    assert r.average_hundredths(0, 0) is None


@given(st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=8))
def test_shares_of_a_whole_add_up_to_exactly_one_hundred_percent(parts):
    shares = r.shares_tenths(parts)
    assert sum(shares) == (1000 if sum(parts) else 0)
    for part, share in zip(parts, shares):
        assert abs(share * sum(parts) - part * 1000) < sum(parts) or not sum(parts)


def test_a_median_from_its_middles():
    assert r.median_of_middles(93600 + 93601, 2) == 93600
    assert r.median_of_middles(9000, 1) == 9000
    assert r.median_of_middles(0, 0) is None


def test_figures_as_text():
    assert r.tenths_text(875) == "87.5 %" and r.tenths_text(1000) == "100.0 %" and r.tenths_text(None) == "–"
    assert r.hundredths_text(433) == "4.33" and r.hundredths_text(500) == "5.00"
    assert r.duration_parts(93601) == (1, 2, 0) and r.duration_parts(9000) == (0, 2, 30)
