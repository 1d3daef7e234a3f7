"""What a receipt prints: plain frozen data, filled by the caller from an order.

No database here: the service that prints reads the order, converts its times
to the shop's local time and its coverage reason to the output language, and
hands over one ``ReceiptData``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["intake", "repair"]
CopyFor = Literal["", "customer", "technician"]
Language = Literal["zh_CN", "en"]

KINDS = ("intake", "repair")
COPIES = ("", "customer", "technician")
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class ShopHeader:
    """The shop's header and terms, from Settings."""

    name: str
    address: str = ""
    phone: str = ""
    logo_png: bytes | None = None
    terms: str = ""
    repair_warranty_days: int = 90


@dataclass(frozen=True)
class CustomerInfo:
    name: str
    company: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class DeviceInfo:
    category: str = ""
    brand: str = ""
    model: str = ""
    serial: str = ""


@dataclass(frozen=True)
class ReceiptLine:
    """One charge line. ``kind`` is labour | part | travel | other | discount.

    A covered line still shows its price: the value the customer received.
    A discount line's price is the amount taken off (as the pricing rules
    keep it); its amount prints negative.
    """

    kind: str
    description: str
    quantity: int
    unit_price_cents: int
    covered: bool = False

    @property
    def amount_cents(self) -> int:
        amount = self.quantity * self.unit_price_cents
        return -abs(amount) if self.kind == "discount" else amount


@dataclass(frozen=True)
class Totals:
    """The order's totals in cents, as the pricing rules computed them.

    value = every line at its price; covered = the part the coverage pays;
    charged = value − covered; to_pay = charged − discount + tax;
    balance = to_pay − paid. The receipt prints them, it does not recompute.
    """

    value: int = 0
    covered: int = 0
    charged: int = 0
    discount: int = 0
    tax: int = 0
    to_pay: int = 0
    paid: int = 0
    balance: int = 0


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on one intake slip or repair receipt.

    Times are local (the shop's time zone), naive or aware; they print as
    ``YYYY-MM-DD HH:MM``. ``coverage`` is rental | contract | warranty |
    repair_warranty | paid; ``coverage_reason`` is already in ``language``.
    ``copy_for`` names the intake slip's copy (customer | technician);
    ``is_reprint`` prints a visible "副本 COPY" mark.
    """

    shop: ShopHeader
    order_number: str
    kind: Kind = "repair"
    customer: CustomerInfo = field(default_factory=lambda: CustomerInfo(name=""))
    device: DeviceInfo = field(default_factory=DeviceInfo)
    copy_for: CopyFor = ""
    is_reprint: bool = False
    reported_at: dt.datetime | dt.date | None = None
    resolved_at: dt.datetime | dt.date | None = None
    contact: str = ""
    fault: str = ""
    accessories: str = ""
    condition: str = ""
    coverage: str = "paid"
    coverage_reason: str = ""
    lines: tuple[ReceiptLine, ...] = ()
    totals: Totals = field(default_factory=Totals)
    work_done: str = ""
    technician: str = ""
    signer: str = ""
    language: Language = "zh_CN"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"receipt kind must be one of {KINDS}, not {self.kind!r}")
        if self.copy_for not in COPIES:
            raise ValueError(f"copy_for must be one of {COPIES}, not {self.copy_for!r}")
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {self.language!r}")
        # A list passed by a caller would make the frozen record mutable (and unhashable).
        object.__setattr__(self, "lines", tuple(self.lines))
