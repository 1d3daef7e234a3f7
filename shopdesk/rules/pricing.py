"""Charge lines and what the customer pays, in integer cents (fen).

A line is quantity × unit price. Its kind is labour, part, travel, other or
discount. The coverage decides, per kind, whether a line is *covered* (the
customer received it free; the receipt still shows its value) or *charged*.
A discount line is an amount taken off what is charged; it is never covered.

    value    = Σ quantity × unit price of every line but discounts
    covered  = the part of value on covered lines
    charged  = value − covered
    discount = Σ discount lines, and never more than charged
    tax      = (charged − discount) × rate, rounded half up to a whole cent
    to_pay   = charged − discount + tax           (never negative)
    balance  = to_pay − paid                     (negative: the shop owes a refund)

Tax is added on top (rates in basis points: 600 = 6.00 %; the default 0 is a
shop whose prices already include tax). Half a cent rounds up: 0.5 fen → 1 fen.

A line not yet marked (``covered`` None) counts as charged, as on a quote.
Amounts are ints: a float is refused with ``TypeError`` (a programming
error); a negative amount with ``ValidationError`` (a person's typing).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.rules.coverage import Coverage
from shopdesk.rules.money import format_yuan

LINE_KINDS = ("labour", "part", "travel", "other", "discount")
MAX_QUANTITY = 100_000
MAX_TAX_BASIS_POINTS = 10_000


def require_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int (cents or a count), not {type(value).__name__}")
    return value


def require_cents(value, field: str = "unit_price") -> int:
    """A money amount a person typed: whole cents, not negative."""
    require_int(value, field)
    if value < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative."), field=field)
    return value


def require_quantity(value) -> int:
    require_int(value, "quantity")
    if not 1 <= value <= MAX_QUANTITY:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The quantity must be a whole number from 1 to {high}."),
            field="quantity", high=MAX_QUANTITY,
        )
    return value


def require_points(value) -> int:
    """Points (分值) a job earns the technician in the settlement."""
    if require_int(value, "points") < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Points cannot be negative."), field="points")
    return value


def require_line_kind(kind: str) -> str:
    if kind not in LINE_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown line kind {kind}."), field="kind", kind=kind)
    return kind


@dataclass(frozen=True)
class Line:
    kind: str
    quantity: int
    unit_price_cents: int
    covered: bool | None = None

    def __post_init__(self):
        require_line_kind(self.kind)
        require_quantity(self.quantity)
        require_cents(self.unit_price_cents)
        if self.kind == "discount" and self.covered:
            raise ValueError("a discount line is never covered")

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_price_cents


@dataclass(frozen=True)
class Totals:
    value: int
    covered: int
    charged: int
    discount: int
    tax: int
    to_pay: int
    paid: int
    balance: int


def apply_coverage(lines: Iterable[Line], coverage: Coverage) -> list[Line]:
    """The lines marked covered or charged as ``coverage`` says."""
    return [replace(line, covered=coverage.covers(line.kind)) for line in lines]


def round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator to the nearest int, halves away from zero."""
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def tax_on(base_cents: int, tax_rate_basis_points: int) -> int:
    require_int(tax_rate_basis_points, "tax_rate_basis_points")
    if not 0 <= tax_rate_basis_points <= MAX_TAX_BASIS_POINTS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The tax rate must be from 0 to {high} basis points."),
            field="tax_rate_basis_points", high=MAX_TAX_BASIS_POINTS,
        )
    return round_half_up(base_cents * tax_rate_basis_points, 10_000)


def _sums(lines: Iterable[Line]) -> tuple[int, int, int]:
    """(value, covered, discount) of the lines."""
    value = covered = discount = 0
    for line in lines:
        if line.kind == "discount":
            discount += line.amount
        else:
            value += line.amount
            covered += line.amount if line.covered else 0
    return value, covered, discount


def discount_fits(lines: Iterable[Line]) -> bool:
    """Whether the discount lines take off no more than what is charged."""
    value, covered, discount = _sums(lines)
    return discount <= value - covered


def totals(lines: Iterable[Line], paid_cents: int = 0, tax_rate_basis_points: int = 0) -> Totals:
    require_int(paid_cents, "paid_cents")
    value, covered, discount = _sums(lines)
    charged = value - covered
    if discount > charged:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The discount ({discount}) is more than what is charged ({charged})."),
            field="discount", discount=format_yuan(discount), charged=format_yuan(charged),
        )
    tax = tax_on(charged - discount, tax_rate_basis_points)
    to_pay = charged - discount + tax
    return Totals(value, covered, charged, discount, tax, to_pay, paid_cents, to_pay - paid_cents)


def inspection_fee_line(fee_cents: int) -> Line | None:
    """What a declined quote leaves to pay: the inspection fee, if the shop asks one."""
    require_cents(fee_cents, field="inspection_fee")
    return Line("other", 1, fee_cents, covered=False) if fee_cents else None
