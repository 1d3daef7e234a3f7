"""Pricing rules: integer cents, coverage per line, totals and their invariants."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopdesk.errors import ValidationError
from shopdesk.i18n import Text
from shopdesk.rules.coverage import ContractFacts, coverage_of_kind
from shopdesk.rules.pricing import (
    Line, Totals, apply_coverage, discount_fits, inspection_fee_line, round_half_up, tax_on, totals,
)

REASON = Text("Coverage", "test")
PAID = coverage_of_kind("paid", REASON)
WARRANTY = coverage_of_kind("warranty", REASON)
LABOUR_TRAVEL_CONTRACT = coverage_of_kind(
    "contract", REASON, "K1", ContractFacts("K1", "service", dt.date(2026, 1, 1), dt.date(2026, 12, 31), True, False, True)
)


def test_design_day_contract_order_charges_the_part_only():
    # 09:02 scenario: contract covers labour and travel; the ¥80.00 pickup roller is charged.
    lines = apply_coverage(
        [Line("labour", 1, 12000), Line("travel", 1, 3000), Line("part", 1, 8000)], LABOUR_TRAVEL_CONTRACT
    )
    assert [line.covered for line in lines] == [True, True, False]
    assert totals(lines, paid_cents=8000) == Totals(
        value=23000, covered=15000, charged=8000, discount=0, tax=0, to_pay=8000, paid=8000, balance=0
    )


def test_covered_lines_still_show_their_value():
    lines = apply_coverage([Line("part", 2, 4500), Line("labour", 1, 10000)], WARRANTY)
    t = totals(lines)
    assert (t.value, t.covered, t.charged, t.to_pay) == (19000, 19000, 0, 0)


def test_paid_order_with_discount_tax_and_part_payment():
    lines = apply_coverage(
        [Line("labour", 1, 10000), Line("part", 3, 3333), Line("other", 1, 1), Line("discount", 1, 2000)], PAID
    )
    t = totals(lines, paid_cents=5000, tax_rate_basis_points=600)
    assert t.value == 20000 and t.covered == 0 and t.charged == 20000 and t.discount == 2000
    assert t.tax == 1080  # 18000 × 6 %
    assert t.to_pay == 19080 and t.paid == 5000 and t.balance == 14080


def test_overpaid_order_has_a_negative_balance():
    t = totals([Line("labour", 1, 5000, covered=False)], paid_cents=6000)
    assert t.to_pay == 5000 and t.balance == -1000


def test_other_lines_follow_full_cover_only():
    lines = [Line("other", 1, 500)]
    assert apply_coverage(lines, WARRANTY)[0].covered is True
    assert apply_coverage(lines, LABOUR_TRAVEL_CONTRACT)[0].covered is False


def test_discount_lines_are_never_covered():
    (line,) = apply_coverage([Line("discount", 1, 100)], WARRANTY)
    assert line.covered is False
    with pytest.raises(ValueError):
        Line("discount", 1, 100, covered=True)


def test_unmarked_lines_count_as_charged_as_on_a_quote():
    t = totals([Line("labour", 2, 5000), Line("part", 1, 2500)])
    assert t.charged == t.value == 12500 and t.covered == 0


def test_discount_larger_than_what_is_charged_is_refused():
    lines = apply_coverage([Line("labour", 1, 5000), Line("part", 1, 3000), Line("discount", 1, 3001)],
                           LABOUR_TRAVEL_CONTRACT)
    assert not discount_fits(lines)
    with pytest.raises(ValidationError) as raised:
        totals(lines)
    assert raised.value.field == "discount"
    assert str(raised.value) == "The discount (¥30.01) is more than what is charged (¥30.00)."
    assert raised.value.message.context == "Errors"


def test_discount_equal_to_what_is_charged_makes_it_free():
    lines = [Line("part", 1, 3000, covered=False), Line("discount", 1, 3000)]
    assert discount_fits(lines)
    assert totals(lines, tax_rate_basis_points=1300).to_pay == 0


@pytest.mark.parametrize("base, bp, tax", [
    (0, 600, 0),
    (100, 600, 6),
    (25, 600, 2),     # 1.5 → 2: half rounds up
    (8, 625, 1),      # 0.5 → 1
    (7, 625, 0),      # 0.4375 → 0
    (24, 625, 2),     # 1.5 → 2
    (23, 625, 1),     # 1.4375 → 1
    (99999, 1300, 13000),  # 12999.87 → 13000
    (12345, 10000, 12345),
])
def test_tax_rounds_half_up_to_a_whole_cent(base, bp, tax):
    assert tax_on(base, bp) == tax


def test_round_half_up_is_symmetric_for_negative_numbers():
    assert round_half_up(-15, 10) == -2 and round_half_up(15, 10) == 2 and round_half_up(-14, 10) == -1


@pytest.mark.parametrize("bad", [-1, 10_001])
def test_tax_rate_out_of_range_is_refused(bad):
    with pytest.raises(ValidationError):
        tax_on(100, bad)


@pytest.mark.parametrize("make", [
    lambda: Line("part", 1, 80.0),
    lambda: Line("part", 1.0, 8000),
    lambda: Line("part", True, 8000),
    lambda: totals([], paid_cents=10.5),
    lambda: totals([], tax_rate_basis_points=6.0),
    lambda: inspection_fee_line(50.0),
])
def test_floats_are_refused(make):
    with pytest.raises(TypeError):
        make()


@pytest.mark.parametrize("make, field, message", [
    (lambda: Line("part", 1, -1), "unit_price", "An amount cannot be negative."),
    (lambda: Line("part", -1, 100), "quantity", "The quantity must be a whole number from 1 to 100000."),
    (lambda: Line("part", 0, 100), "quantity", "The quantity must be a whole number from 1 to 100000."),
    (lambda: Line("gift", 1, 100), "kind", "Unknown line kind gift."),
    (lambda: inspection_fee_line(-100), "inspection_fee", "An amount cannot be negative."),
])
def test_negative_and_unknown_input_is_refused_with_a_clear_message(make, field, message):
    with pytest.raises(ValidationError) as raised:
        make()
    assert raised.value.field == field and str(raised.value) == message


def test_a_declined_quote_may_leave_an_inspection_fee():
    assert inspection_fee_line(0) is None
    fee = inspection_fee_line(5000)
    assert fee == Line("other", 1, 5000, covered=False)
    assert totals([fee]).to_pay == 5000


# Properties ----------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10_000_000)
quantities = st.integers(min_value=1, max_value=1000)
charge_kinds = st.sampled_from(["labour", "part", "travel", "other"])
charge_lines = st.lists(st.builds(Line, charge_kinds, quantities, cents), max_size=12)
coverages = st.sampled_from([PAID, WARRANTY, LABOUR_TRAVEL_CONTRACT])
rates = st.integers(min_value=0, max_value=10_000)


@st.composite
def priced_orders(draw):
    """Lines marked by a coverage, plus a discount that fits what is charged."""
    lines = apply_coverage(draw(charge_lines), draw(coverages))
    charged = sum(line.amount for line in lines if not line.covered)
    if charged and draw(st.booleans()):
        lines.append(Line("discount", 1, draw(st.integers(min_value=0, max_value=charged))))
    return lines


@given(priced_orders(), st.integers(min_value=-10_000_000, max_value=10_000_000), rates)
def test_totals_invariants(lines, paid, rate):
    t = totals(lines, paid_cents=paid, tax_rate_basis_points=rate)
    assert t.value == sum(line.quantity * line.unit_price_cents for line in lines if line.kind != "discount")
    assert t.covered + t.charged == t.value
    assert t.discount == sum(line.amount for line in lines if line.kind == "discount")
    assert 0 <= t.discount <= t.charged
    assert min(t.value, t.covered, t.charged, t.tax, t.to_pay) >= 0
    assert t.to_pay == t.charged - t.discount + t.tax
    assert t.balance == t.to_pay - t.paid
    assert all(type(v) is int for v in (t.value, t.covered, t.charged, t.discount, t.tax, t.to_pay, t.paid, t.balance))


@given(charge_lines, coverages)
def test_a_line_is_covered_exactly_when_its_kind_is(lines, coverage):
    marked = apply_coverage(lines, coverage)
    assert [line.covered for line in marked] == [coverage.covers(line.kind) for line in lines]
    assert [(m.kind, m.quantity, m.unit_price_cents) for m in marked] == [
        (line.kind, line.quantity, line.unit_price_cents) for line in lines
    ]


@given(priced_orders(), rates)
def test_full_cover_leaves_nothing_to_pay_but_keeps_the_value(lines, rate):
    charges = [line for line in lines if line.kind != "discount"]
    t = totals(apply_coverage(charges, WARRANTY), tax_rate_basis_points=rate)
    assert t.covered == t.value == sum(line.amount for line in charges)
    assert t.charged == t.tax == t.to_pay == 0


@given(st.integers(min_value=0, max_value=10**12), rates)
def test_tax_is_the_nearest_cent_halves_up(base, rate):
    tax = tax_on(base, rate)
    exact_times_2 = 2 * base * rate  # 2 × (exact tax × 10000)
    assert 2 * tax * 10_000 - 10_000 <= exact_times_2 < 2 * tax * 10_000 + 10_000


@given(priced_orders(), st.integers(min_value=1, max_value=10_000_000))
def test_a_discount_above_what_is_charged_is_always_refused(lines, excess):
    charges = [line for line in lines if line.kind != "discount"]
    charged = sum(line.amount for line in charges if not line.covered)
    with pytest.raises(ValidationError):
        totals(charges + [Line("discount", 1, charged + excess)])
