"""Who pays for a repair: rental, contract, warranty, repair warranty or paid.

``decide_coverage(facts)`` looks at what was true on the **report date** and
returns a ``Coverage``: its kind, which line kinds it covers, the reason in
words (an i18n ``Text``, context "Coverage") and the contract or earlier
order it comes from.

What can cover an order
-----------------------
- **rental**: the device belongs to the shop (``owned_by_shop``), or a rental
  contract for it (or for all the customer's devices) is in force. Covers
  everything: the copier is the shop's own. A rental contract's labour/parts/
  travel flags are not read.
- **contract**: a service contract for this device, or for all the
  customer's devices (``device_id`` None), is in force. Covers what its
  labour / parts / travel flags say.
- **warranty**: purchase date + warranty months reaches the report date.
  Covers everything.
- **repair warranty**: an earlier *paid* repair of the same device closed at
  most ``repair_warranty_days`` days before the report date. Covers everything.
- **paid**: none of the above. The customer pays, after approving a quote.

Which one wins
--------------
The customer gets the widest cover that applies. Only when no cover is wider
does the order of precedence decide:

    rental > contract > warranty > repair warranty > paid

- A rental is the shop's own device, so nothing else is ever consulted first.
- A contract in force names the terms the customer signed, so when it covers
  as much as a warranty (labour, parts and travel) the order is booked to the
  contract and the receipt cites its number.
- But a contract that covers only labour does not take away a warranty that
  covers everything: charging for a part the warranty pays for would leave
  the customer worse off for having signed a contract. Warranty wins then.
- Warranty comes before repair warranty: the maker's/seller's warranty is the
  primary promise; the shop's own repair warranty is the fallback.
- Among several contracts, one for this very device comes before one for all
  the customer's devices, then the newest (latest start), then by number.

"Wider" means covering a strict superset of labour/parts/travel. "Other"
lines are covered only by a cover of all three; discount lines never are.

Edge days (all inclusive)
-------------------------
- A contract covers from its ``starts_on`` through its ``ends_on``.
- Warranty runs from the purchase date **through** purchase date + warranty
  months (calendar months; a day past the end of the shorter month is
  clamped: Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year). "In
  warranty until 2027-03-14" covers a report on 2027-03-14, not on the 15th.
  A device with no purchase date or 0 warranty months has no warranty.
- Repair warranty: a report N days after the earlier repair closed is covered
  for 0 <= N <= repair_warranty_days (with 90: day 90 covered, day 91 not).
  ``repair_warranty_days`` 0 means the shop gives no repair warranty.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from shopdesk.i18n import QT_TRANSLATE_NOOP, Text

RENTAL = "rental"
CONTRACT = "contract"
WARRANTY = "warranty"
REPAIR_WARRANTY = "repair_warranty"
PAID = "paid"
KINDS = (RENTAL, CONTRACT, WARRANTY, REPAIR_WARRANTY, PAID)  # the order of precedence
FULL_COVER_KINDS = (RENTAL, WARRANTY, REPAIR_WARRANTY)


@dataclass(frozen=True)
class DeviceFacts:
    id: int | None
    purchase_date: dt.date | None = None
    warranty_months: int = 0
    owned_by_shop: bool = False


@dataclass(frozen=True)
class ContractFacts:
    number: str
    kind: str  # "service" | "rental"
    starts_on: dt.date
    ends_on: dt.date
    covers_labour: bool = True
    covers_parts: bool = False
    covers_travel: bool = True
    device_id: int | None = None  # None: all devices of the customer

    def in_force(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on

    def applies_to(self, device_id: int | None) -> bool:
        return self.device_id is None or self.device_id == device_id


@dataclass(frozen=True)
class EarlierRepair:
    number: str
    closed_on: dt.date
    was_paid: bool
    device_id: int | None


@dataclass(frozen=True)
class CoverageFacts:
    """Everything ``decide_coverage`` reads, as of the order's report date."""

    report_date: dt.date
    device: DeviceFacts | None = None
    contracts: tuple[ContractFacts, ...] = ()
    earlier_repairs: tuple[EarlierRepair, ...] = ()
    repair_warranty_days: int = 90


@dataclass(frozen=True)
class Coverage:
    kind: str
    covers_labour: bool
    covers_parts: bool
    covers_travel: bool
    reason: Text = field(compare=False)
    source: str = ""  # contract number or earlier order number

    @property
    def covers_everything(self) -> bool:
        return self.covers_labour and self.covers_parts and self.covers_travel

    def covers(self, line_kind: str) -> bool:
        """Whether a line of this kind is covered (its value not charged)."""
        if line_kind == "labour":
            return self.covers_labour
        if line_kind == "part":
            return self.covers_parts
        if line_kind == "travel":
            return self.covers_travel
        if line_kind == "other":
            return self.covers_everything
        return False  # discount lines are never "covered"

    def _covered_set(self) -> frozenset[str]:
        flags = {"labour": self.covers_labour, "parts": self.covers_parts, "travel": self.covers_travel}
        return frozenset(name for name, on in flags.items() if on)

    def is_wider_than(self, other: "Coverage") -> bool:
        return self._covered_set() > other._covered_set()


def coverage_of_kind(kind: str, reason: Text, source: str = "", contract: ContractFacts | None = None) -> Coverage:
    """A Coverage of ``kind``; a contract's flags come from ``contract`` (none without one)."""
    if kind not in KINDS:
        raise ValueError(f"not a coverage kind: {kind!r}")
    if kind in FULL_COVER_KINDS:
        return Coverage(kind, True, True, True, reason, source)
    if kind == CONTRACT and contract is not None:
        return Coverage(kind, contract.covers_labour, contract.covers_parts, contract.covers_travel, reason, source)
    return Coverage(kind, False, False, False, reason, source)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus calendar months, clamped to the end of a shorter month."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year += day.year
    last_day = calendar.monthrange(year, month_index + 1)[1]
    return dt.date(year, month_index + 1, min(day.day, last_day))


def warranty_until(device: DeviceFacts | None) -> dt.date | None:
    """The last day (inclusive) of the device's warranty; None if it has none."""
    if device is None or device.purchase_date is None or device.warranty_months <= 0:
        return None
    return add_months(device.purchase_date, device.warranty_months)


def decide_coverage(facts: CoverageFacts) -> Coverage:
    candidates = [
        *_rental(facts),
        *_contracts(facts),
        *_warranty(facts),
        *_repair_warranty(facts),
    ]
    for candidate in candidates:
        if not any(other.is_wider_than(candidate) for other in candidates):
            return candidate
    return _paid(facts)


def needs_quote(coverage_kind: str) -> bool:
    """A paid repair is quoted first, and work starts only once the customer approves."""
    return coverage_kind == PAID


def work_may_start(coverage_kind: str, quote_state: str) -> bool:
    return not needs_quote(coverage_kind) or quote_state == "approved"


# Reasons. The dates are ISO strings so a stored event can rebuild the Text.

def _rental(facts: CoverageFacts) -> list[Coverage]:
    device_id = facts.device.id if facts.device else None
    rentals = [
        c for c in _applicable(facts.contracts, device_id, facts.report_date) if c.kind == "rental"
    ]
    if rentals:
        contract = rentals[0]
        reason = Text("Coverage", QT_TRANSLATE_NOOP("Coverage", "rented from the shop (rental {number} until {date})"),
                      number=contract.number, date=contract.ends_on.isoformat())
        return [coverage_of_kind(RENTAL, reason, contract.number)]
    if facts.device is not None and facts.device.owned_by_shop:
        reason = Text("Coverage", QT_TRANSLATE_NOOP("Coverage", "the device belongs to the shop (rental)"))
        return [coverage_of_kind(RENTAL, reason)]
    return []


_CONTRACT_REASONS = {
    (True, True, True): QT_TRANSLATE_NOOP("Coverage", "contract {number} until {date}: labour, parts and travel covered"),
    (True, True, False): QT_TRANSLATE_NOOP("Coverage", "contract {number} until {date}: labour and parts covered, travel charged"),
    (True, False, True): QT_TRANSLATE_NOOP("Coverage", "contract {number} until {date}: labour and travel covered, parts charged"),
    (False, True, True): QT_TRANSLATE_NOOP("Coverage", "contract {number} until {date}: parts and travel covered, labour charged"),
    (True, False, False): QT_TRANSLATE_NOOP("Coverage", "contract {number} until {date}: labour covered, parts and travel charged"),
    (False, True, False): QT_TRANSLATE_NOOP("Coverage", "contract {number} until {date}: parts covered, labour and travel charged"),
    (False, False, True): QT_TRANSLATE_NOOP("Coverage", "contract {number} until {date}: travel covered, labour and parts charged"),
    (False, False, False): QT_TRANSLATE_NOOP("Coverage", "contract {number} until {date}: covers no labour, parts or travel"),
}


def _contract_reason(contract: ContractFacts) -> Text:
    flags = (contract.covers_labour, contract.covers_parts, contract.covers_travel)
    return Text("Coverage", _CONTRACT_REASONS[flags], number=contract.number, date=contract.ends_on.isoformat())


def _contracts(facts: CoverageFacts) -> list[Coverage]:
    device_id = facts.device.id if facts.device else None
    return [
        coverage_of_kind(CONTRACT, _contract_reason(c), c.number, c)
        for c in _applicable(facts.contracts, device_id, facts.report_date)
        if c.kind == "service"
    ]


def _applicable(contracts, device_id: int | None, day: dt.date) -> list[ContractFacts]:
    """Contracts in force on ``day`` for the device, this device's own first, then newest."""
    found = [c for c in contracts if c.in_force(day) and c.applies_to(device_id)]
    found.sort(key=lambda c: c.number)
    found.sort(key=lambda c: c.starts_on, reverse=True)
    found.sort(key=lambda c: c.device_id is None)
    return found


def _warranty(facts: CoverageFacts) -> list[Coverage]:
    until = warranty_until(facts.device)
    if until is None or not facts.device.purchase_date <= facts.report_date <= until:
        return []
    reason = Text("Coverage", QT_TRANSLATE_NOOP("Coverage", "in warranty until {date}"), date=until.isoformat())
    return [coverage_of_kind(WARRANTY, reason)]


def _repair_warranty(facts: CoverageFacts) -> list[Coverage]:
    if facts.device is None or facts.repair_warranty_days <= 0:
        return []
    limit = dt.timedelta(days=facts.repair_warranty_days)
    qualifying = [
        r for r in facts.earlier_repairs
        if r.was_paid and r.device_id == facts.device.id
        and r.closed_on <= facts.report_date <= r.closed_on + limit
    ]
    if not qualifying:
        return []
    latest = max(qualifying, key=lambda r: (r.closed_on, r.number))
    reason = Text(
        "Coverage",
        QT_TRANSLATE_NOOP("Coverage", "repeat of paid repair {number} closed {closed}: repair warranty until {date}"),
        number=latest.number, closed=latest.closed_on.isoformat(), date=(latest.closed_on + limit).isoformat(),
    )
    return [coverage_of_kind(REPAIR_WARRANTY, reason, latest.number)]


def _paid(facts: CoverageFacts) -> Coverage:
    until = warranty_until(facts.device)
    if until is not None and until < facts.report_date:
        reason = Text("Coverage", QT_TRANSLATE_NOOP("Coverage", "out of warranty since {date}"),
                      date=(until + dt.timedelta(days=1)).isoformat())
    else:
        reason = Text("Coverage", QT_TRANSLATE_NOOP("Coverage", "no rental, contract, warranty or repair warranty applies"))
    return coverage_of_kind(PAID, reason)
