"""Coverage rules: a dated scenario for every kind and its edge days."""

import datetime as dt

import pytest

from shopdesk.i18n import Text
from shopdesk.rules.coverage import (
    ContractFacts, CoverageFacts, DeviceFacts, EarlierRepair, add_months, coverage_of_kind, decide_coverage,
    needs_quote, warranty_until, work_may_start,
)

D = dt.date
DEVICE = 7
OTHER_DEVICE = 8


def device(purchase=None, months=0, owned_by_shop=False, id=DEVICE):
    return DeviceFacts(id, purchase, months, owned_by_shop)


def contract(number="K1", starts=D(2026, 1, 1), ends=D(2026, 12, 31), labour=True, parts=False, travel=True,
             device_id=None, kind="service"):
    return ContractFacts(number, kind, starts, ends, labour, parts, travel, device_id)


def repair(number="R1", closed=D(2026, 10, 24), paid=True, device_id=DEVICE):
    return EarlierRepair(number, closed, paid, device_id)


NO_WARRANTY = device()
IN_WARRANTY = device(D(2026, 3, 14), 12)  # until 2027-03-14
FULL = (True, True, True)
NONE = (False, False, False)
LABOUR_TRAVEL = (True, False, True)

# (scenario, report date, device, contracts, earlier repairs, kind, source, (labour, parts, travel), reason)
SCENARIOS = [
    ("walk-in, nothing applies", D(2026, 11, 23), NO_WARRANTY, [], [], "paid", "", NONE,
     "no rental, contract, warranty or repair warranty applies"),
    ("no device on the order", D(2026, 11, 23), None, [], [], "paid", "", NONE,
     "no rental, contract, warranty or repair warranty applies"),
    # warranty: purchase date + months, the last day included
    ("design: bought 2025-03-01, 12 months, reported 2026-02-27", D(2026, 2, 27), device(D(2025, 3, 1), 12), [], [],
     "warranty", "", FULL, "in warranty until 2026-03-01"),
    ("warranty ends that day", D(2027, 3, 14), IN_WARRANTY, [], [], "warranty", "", FULL, "in warranty until 2027-03-14"),
    ("warranty ended the day before", D(2027, 3, 15), IN_WARRANTY, [], [], "paid", "", NONE,
     "out of warranty since 2027-03-15"),
    ("reported on the purchase day", D(2026, 3, 14), IN_WARRANTY, [], [], "warranty", "", FULL,
     "in warranty until 2027-03-14"),
    ("reported before the purchase date", D(2026, 3, 13), IN_WARRANTY, [], [], "paid", "", NONE,
     "no rental, contract, warranty or repair warranty applies"),
    ("Jan 31 + 1 month, leap year: Feb 29 covered", D(2024, 2, 29), device(D(2024, 1, 31), 1), [], [],
     "warranty", "", FULL, "in warranty until 2024-02-29"),
    ("Jan 31 + 1 month, leap year: Mar 1 not", D(2024, 3, 1), device(D(2024, 1, 31), 1), [], [],
     "paid", "", NONE, "out of warranty since 2024-03-01"),
    ("Jan 31 + 1 month: Feb 28 covered", D(2025, 2, 28), device(D(2025, 1, 31), 1), [], [],
     "warranty", "", FULL, "in warranty until 2025-02-28"),
    ("no purchase date: no warranty", D(2026, 11, 23), device(None, 24), [], [], "paid", "", NONE,
     "no rental, contract, warranty or repair warranty applies"),
    ("0 warranty months: no warranty", D(2026, 3, 14), device(D(2026, 3, 14), 0), [], [], "paid", "", NONE,
     "no rental, contract, warranty or repair warranty applies"),
    # contracts: first and last day included
    ("design: contract covers labour and travel, not parts", D(2026, 11, 23), NO_WARRANTY, [contract("K7")], [],
     "contract", "K7", LABOUR_TRAVEL, "contract K7 until 2026-12-31: labour and travel covered, parts charged"),
    ("contract starts that day", D(2026, 11, 23), NO_WARRANTY, [contract(starts=D(2026, 11, 23))], [],
     "contract", "K1", LABOUR_TRAVEL, None),
    ("contract starts the next day", D(2026, 11, 22), NO_WARRANTY, [contract(starts=D(2026, 11, 23))], [],
     "paid", "", NONE, None),
    ("contract ends that day", D(2026, 12, 31), NO_WARRANTY, [contract()], [], "contract", "K1", LABOUR_TRAVEL, None),
    ("contract ended the day before", D(2027, 1, 1), NO_WARRANTY, [contract()], [], "paid", "", NONE, None),
    ("contract for another device", D(2026, 11, 23), NO_WARRANTY, [contract(device_id=OTHER_DEVICE)], [],
     "paid", "", NONE, None),
    ("contract for this device", D(2026, 11, 23), NO_WARRANTY, [contract(device_id=DEVICE, parts=True)], [],
     "contract", "K1", FULL, "contract K1 until 2026-12-31: labour, parts and travel covered"),
    ("customer-wide contract, order without a device", D(2026, 11, 23), None, [contract()], [],
     "contract", "K1", LABOUR_TRAVEL, None),
    ("contract covering parts only", D(2026, 11, 23), NO_WARRANTY,
     [contract(labour=False, parts=True, travel=False)], [],
     "contract", "K1", (False, True, False), "contract K1 until 2026-12-31: parts covered, labour and travel charged"),
    # repeat repair: an earlier paid repair of the same device
    ("design: paid repair closed 30 days ago", D(2026, 11, 23), NO_WARRANTY, [], [repair("R0001", D(2026, 10, 24))],
     "repair_warranty", "R0001", FULL,
     "repeat of paid repair R0001 closed 2026-10-24: repair warranty until 2027-01-22"),
    ("repeat repair on day 90", D(2026, 11, 23), NO_WARRANTY, [], [repair(closed=D(2026, 8, 25))],
     "repair_warranty", "R1", FULL, "repeat of paid repair R1 closed 2026-08-25: repair warranty until 2026-11-23"),
    ("repeat repair on day 91", D(2026, 11, 23), NO_WARRANTY, [], [repair(closed=D(2026, 8, 24))],
     "paid", "", NONE, None),
    ("repeat repair the day it closed", D(2026, 11, 23), NO_WARRANTY, [], [repair(closed=D(2026, 11, 23))],
     "repair_warranty", "R1", FULL, None),
    ("earlier repair closed after the report", D(2026, 11, 23), NO_WARRANTY, [], [repair(closed=D(2026, 11, 24))],
     "paid", "", NONE, None),
    ("earlier repair was not paid", D(2026, 11, 23), NO_WARRANTY, [], [repair(paid=False)], "paid", "", NONE, None),
    ("earlier paid repair of another device", D(2026, 11, 23), NO_WARRANTY, [], [repair(device_id=OTHER_DEVICE)],
     "paid", "", NONE, None),
    ("several earlier repairs: the latest counts", D(2026, 11, 23), NO_WARRANTY, [],
     [repair("R1", D(2026, 9, 1)), repair("R2", D(2026, 11, 1)), repair("R3", D(2026, 10, 1))],
     "repair_warranty", "R2", FULL, None),
    # rental: the shop's own device
    ("device belongs to the shop", D(2026, 11, 23), device(owned_by_shop=True), [], [], "rental", "", FULL,
     "the device belongs to the shop (rental)"),
    ("rental contract in force", D(2026, 11, 23), NO_WARRANTY, [contract("Z1", kind="rental", device_id=DEVICE,
                                                                        labour=False, travel=False)], [],
     "rental", "Z1", FULL, "rented from the shop (rental Z1 until 2026-12-31)"),
    ("rental contract ended", D(2027, 1, 1), NO_WARRANTY, [contract("Z1", kind="rental", device_id=DEVICE)], [],
     "paid", "", NONE, None),
    # several covers at once
    ("rental beats everything", D(2026, 11, 23), device(D(2026, 3, 14), 12, owned_by_shop=True),
     [contract(parts=True)], [repair()], "rental", "", FULL, None),
    ("full contract and warranty: the contract", D(2026, 11, 23), IN_WARRANTY, [contract(parts=True)], [],
     "contract", "K1", FULL, None),
    ("labour+travel contract and warranty: the wider warranty", D(2026, 11, 23), IN_WARRANTY, [contract()], [],
     "warranty", "", FULL, "in warranty until 2027-03-14"),
    ("labour+travel contract and repeat repair: the wider repair warranty", D(2026, 11, 23), NO_WARRANTY,
     [contract()], [repair()], "repair_warranty", "R1", FULL, None),
    ("full contract and repeat repair: the contract", D(2026, 11, 23), NO_WARRANTY,
     [contract(parts=True)], [repair()], "contract", "K1", FULL, None),
    ("warranty and repeat repair: warranty", D(2026, 11, 23), IN_WARRANTY, [], [repair()], "warranty", "", FULL, None),
    ("two equal contracts: this device's before all devices'", D(2026, 11, 23), NO_WARRANTY,
     [contract("K1"), contract("K2", device_id=DEVICE)], [], "contract", "K2", LABOUR_TRAVEL, None),
    ("two equal contracts for all devices: the newest", D(2026, 11, 23), NO_WARRANTY,
     [contract("K1"), contract("K2", starts=D(2026, 6, 1))], [], "contract", "K2", LABOUR_TRAVEL, None),
    ("this device's labour-only contract and a wider one for all devices: the wider", D(2026, 11, 23), NO_WARRANTY,
     [contract("K1", device_id=DEVICE, travel=False), contract("K2")], [], "contract", "K2", LABOUR_TRAVEL, None),
    ("neither contract wider: this device's", D(2026, 11, 23), NO_WARRANTY,
     [contract("K1", parts=True, labour=False, travel=False), contract("K2", device_id=DEVICE, travel=False)], [],
     "contract", "K2", (True, False, False), None),
]


@pytest.mark.parametrize(
    "report, dev, contracts, earlier, kind, source, flags, reason",
    [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS],
)
def test_scenario(report, dev, contracts, earlier, kind, source, flags, reason):
    facts = CoverageFacts(report, dev, tuple(contracts), tuple(earlier), repair_warranty_days=90)
    got = decide_coverage(facts)
    assert (got.kind, got.source) == (kind, source)
    assert (got.covers_labour, got.covers_parts, got.covers_travel) == flags
    if reason is not None:
        assert str(got.reason) == reason


def test_no_repair_warranty_when_the_shop_gives_none():
    facts = CoverageFacts(D(2026, 11, 23), NO_WARRANTY, (), (repair(closed=D(2026, 11, 23)),), repair_warranty_days=0)
    assert decide_coverage(facts).kind == "paid"


def test_repair_warranty_days_is_the_shops_setting():
    earlier = (repair(closed=D(2026, 10, 23)),)  # 31 days before
    assert decide_coverage(CoverageFacts(D(2026, 11, 23), NO_WARRANTY, (), earlier, 31)).kind == "repair_warranty"
    assert decide_coverage(CoverageFacts(D(2026, 11, 23), NO_WARRANTY, (), earlier, 30)).kind == "paid"


def test_reason_is_translatable_with_its_date_filled_after_translation():
    got = decide_coverage(CoverageFacts(D(2027, 3, 14), IN_WARRANTY))
    assert isinstance(got.reason, Text) and got.reason.context == "Coverage"
    chinese = {"in warranty until {date}": "保修期内，至 {date}"}
    assert got.reason.render(lambda context, source: chinese.get(source, source)) == "保修期内，至 2027-03-14"


@pytest.mark.parametrize("kind, flags, covered", [
    ("rental", None, {"labour", "part", "travel", "other"}),
    ("warranty", None, {"labour", "part", "travel", "other"}),
    ("repair_warranty", None, {"labour", "part", "travel", "other"}),
    ("paid", None, set()),
    ("contract", (True, False, True), {"labour", "travel"}),
    ("contract", (False, True, False), {"part"}),
    ("contract", (True, True, True), {"labour", "part", "travel", "other"}),
])
def test_which_line_kinds_a_coverage_covers(kind, flags, covered):
    terms = contract(labour=flags[0], parts=flags[1], travel=flags[2]) if flags else None
    coverage = coverage_of_kind(kind, Text("Coverage", "x"), contract=terms)
    kinds = ("labour", "part", "travel", "other", "discount")
    assert {k for k in kinds if coverage.covers(k)} == covered


def test_unknown_coverage_kind_is_a_bug():
    with pytest.raises(ValueError):
        coverage_of_kind("free", Text("Coverage", "x"))


@pytest.mark.parametrize("start, months, end", [
    (D(2025, 3, 1), 12, D(2026, 3, 1)),
    (D(2025, 1, 31), 1, D(2025, 2, 28)),
    (D(2024, 1, 31), 1, D(2024, 2, 29)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2025, 8, 31), 6, D(2026, 2, 28)),
    (D(2025, 12, 15), 1, D(2026, 1, 15)),
    (D(2025, 11, 30), 3, D(2026, 2, 28)),
    (D(2025, 5, 31), 36, D(2028, 5, 31)),
])
def test_add_months_clamps_to_the_end_of_a_shorter_month(start, months, end):
    assert add_months(start, months) == end


def test_warranty_until():
    assert warranty_until(IN_WARRANTY) == D(2027, 3, 14)
    assert warranty_until(None) is None
    assert warranty_until(device(D(2026, 1, 1), 0)) is None


def test_only_a_paid_order_needs_an_approved_quote_before_work():
    assert needs_quote("paid")
    assert not any(needs_quote(k) for k in ("rental", "contract", "warranty", "repair_warranty"))
    assert not work_may_start("paid", "") and not work_may_start("paid", "sent")
    assert not work_may_start("paid", "declined")
    assert work_may_start("paid", "approved")
    assert work_may_start("warranty", "")
