"""Customer care: the birthday window (year end, Feb 29, lunar), holidays, churn."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lunardate import LunarDate

from shopdesk.rules import care

D = dt.date


def seen(birthday, today, lunar=False):
    occurrence = care.birthday_in_window(birthday, lunar, today)
    return occurrence and (occurrence.date, occurrence.occasion)


# -- solar birthdays ----------------------------------------------------------------------------

def test_a_birthday_two_to_seven_days_ahead_is_listed():
    birthday = D(1980, 12, 10)
    assert seen(birthday, D(2026, 12, 3)) == (D(2026, 12, 10), "birthday-2026")
    assert seen(birthday, D(2026, 12, 8)) == (D(2026, 12, 10), "birthday-2026")
    assert seen(birthday, D(2026, 12, 2)) is None  # 8 days ahead: not yet
    assert seen(birthday, D(2026, 12, 9)) is None  # tomorrow: too late to send a card
    assert seen(birthday, D(2026, 12, 10)) is None


def test_a_january_birthday_is_seen_in_late_december():
    birthday = D(1975, 1, 3)
    assert seen(birthday, D(2026, 12, 29)) == (D(2027, 1, 3), "birthday-2027")
    assert seen(birthday, D(2026, 12, 27)) == (D(2027, 1, 3), "birthday-2027")
    assert seen(birthday, D(2026, 12, 26)) is None
    assert seen(D(1975, 12, 31), D(2026, 12, 29)) == (D(2026, 12, 31), "birthday-2026")


def test_feb_29_birthdays_are_greeted_on_feb_28_in_other_years():
    birthday = D(1988, 2, 29)
    assert seen(birthday, D(2027, 2, 21)) == (D(2027, 2, 28), "birthday-2027")
    assert seen(birthday, D(2027, 2, 26)) == (D(2027, 2, 28), "birthday-2027")
    assert seen(birthday, D(2027, 2, 27)) is None
    assert seen(birthday, D(2028, 2, 27)) == (D(2028, 2, 29), "birthday-2028")
    assert seen(birthday, D(2028, 2, 22)) == (D(2028, 2, 29), "birthday-2028")
    assert seen(D(1990, 3, 1), D(2027, 2, 26)) == (D(2027, 3, 1), "birthday-2027")  # Mar 1 stays Mar 1


def test_the_keys_a_query_narrows_with_include_feb_29_in_a_short_february():
    solar, _ = care.birthday_keys(D(2027, 2, 21))
    assert (2, 28) in solar and (2, 29) in solar
    solar, _ = care.birthday_keys(D(2026, 12, 29))
    assert (1, 3) in solar and (12, 31) in solar and (12, 29) not in solar and (12, 30) not in solar


# -- lunar birthdays -----------------------------------------------------------------------------

def test_a_lunar_birthday_follows_the_lunar_calendar():
    mid_autumn_born = D(1970, 8, 15)  # 农历八月十五
    this_year = LunarDate(2026, 8, 15).to_solar_date()
    assert this_year == D(2026, 9, 25)
    assert seen(mid_autumn_born, D(2026, 9, 20), lunar=True) == (this_year, "birthday-2026")
    assert seen(mid_autumn_born, D(2026, 8, 10), lunar=True) is None  # the solar Aug 15 means nothing here
    assert seen(mid_autumn_born, D(2026, 8, 10)) == (D(2026, 8, 15), "birthday-2026")


def test_a_lunar_birthday_across_the_year_end_keeps_its_lunar_year():
    birthday = D(1966, 11, 26)  # 农历十一月廿六 of lunar 2026 is 2027-01-03
    assert LunarDate(2026, 11, 26).to_solar_date() == D(2027, 1, 3)
    assert seen(birthday, D(2026, 12, 29), lunar=True) == (D(2027, 1, 3), "birthday-2026")
    _, lunar = care.birthday_keys(D(2026, 12, 29))
    assert (11, 26) in lunar


def test_a_lunar_day_30_falls_on_the_29th_in_a_short_month():
    assert care.lunar_month_days(2026, 4) == 29
    birthday = D(1985, 4, 30)  # 农历四月三十
    twenty_ninth = LunarDate(2026, 4, 29).to_solar_date()
    assert seen(birthday, twenty_ninth - dt.timedelta(days=3), lunar=True) == (twenty_ninth, "birthday-2026")
    _, lunar = care.birthday_keys(twenty_ninth - dt.timedelta(days=3))
    assert {(4, 29), (4, 30)} <= lunar
    assert care.lunar_month_days(2026, 1) == 30
    assert care.lunar_to_solar(1, 30, 2026) == LunarDate(2026, 1, 30).to_solar_date()


def test_a_leap_month_is_not_a_birthday_month():
    assert LunarDate.leap_month_for_year(2028) == 5
    in_leap_fifth = LunarDate(2028, 5, 10, True).to_solar_date()
    _, lunar = care.birthday_keys(in_leap_fifth - dt.timedelta(days=4))
    assert (5, 10) not in lunar
    ordinary_fifth = LunarDate(2028, 5, 10).to_solar_date()
    assert seen(D(1990, 5, 10), ordinary_fifth - dt.timedelta(days=4), lunar=True)[0] == ordinary_fifth


@given(today=st.dates(D(1901, 3, 1), D(2098, 10, 1)), month=st.integers(1, 12), day=st.integers(1, 31),
       lunar=st.booleans())
def test_every_birthday_in_the_window_has_its_key(today, month, day, lunar):
    """The query narrows by the keys; it must never drop a birthday the rule would list."""
    try:
        birthday = D(2000, month, day)
    except ValueError:
        return
    occurrence = care.birthday_in_window(birthday, lunar, today)
    solar_keys, lunar_keys = care.birthday_keys(today)
    if occurrence is not None:
        assert (month, day) in (lunar_keys if lunar else solar_keys)
        assert 2 <= (occurrence.date - today).days <= 7


# -- holidays -------------------------------------------------------------------------------------------

def ahead(today, holidays=care.BUILT_IN_HOLIDAYS):
    return [(h.key, o.date, o.occasion) for h, o in care.holidays_ahead(holidays, today)]


def test_spring_festival_and_mid_autumn_are_lunar():
    assert ahead(D(2027, 1, 30)) == [("spring", D(2027, 2, 6), "spring-2027")]
    assert ahead(D(2027, 2, 6)) == [("spring", D(2027, 2, 6), "spring-2027")]
    assert ahead(D(2027, 2, 7)) == []
    assert ahead(D(2026, 9, 24)) == [("mid_autumn", D(2026, 9, 25), "mid_autumn-2026"),
                                     ("national_day", D(2026, 10, 1), "national_day-2026")]


def test_new_year_is_seen_across_the_year_end():
    assert ahead(D(2026, 12, 28)) == [("new_year", D(2027, 1, 1), "new_year-2027")]


def test_a_shop_holiday_in_either_calendar():
    dragon_boat = care.Holiday("h1", "端午节", care.LUNAR, 5, 5)
    womens_day = care.Holiday("h2", "妇女节", care.SOLAR, 3, 8)
    assert ahead(D(2027, 6, 6), [dragon_boat]) == [("h1", LunarDate(2027, 5, 5).to_solar_date(), "h1-2027")]
    assert ahead(D(2027, 3, 1), [womens_day, dragon_boat]) == [("h2", D(2027, 3, 8), "h2-2027")]
    assert care.check_holiday_date(care.LUNAR, 2, 30)
    assert not care.check_holiday_date(care.SOLAR, 2, 30)
    assert care.check_holiday_date(care.SOLAR, 2, 29)
    assert not care.check_holiday_date(care.LUNAR, 13, 1)
    assert not care.check_holiday_date("mayan", 1, 1)


# -- churn ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("now, months, cutoff", [
    (dt.datetime(2026, 11, 23, 1), 12, dt.datetime(2025, 11, 23, 1)),
    (dt.datetime(2026, 3, 31, 8), 1, dt.datetime(2026, 2, 28, 8)),
    (dt.datetime(2028, 3, 31), 1, dt.datetime(2028, 2, 29)),
    (dt.datetime(2026, 1, 15), 14, dt.datetime(2024, 11, 15)),
])
def test_churn_counts_calendar_months(now, months, cutoff):
    assert care.churn_cutoff(now, months) == cutoff
    assert care.has_churned(cutoff - dt.timedelta(seconds=1), now, months)
    assert not care.has_churned(cutoff, now, months)
    assert not care.has_churned(None, now, months)
