"""The fee ledger's rules: what each kind of entry means, the hash chain,
closed months and reversals. Plain Python, no database.

Amounts and their signs
-----------------------
Every amount is integer cents. An entry stores its amount in its own kind's
direction, and the kind says which way the money moved:

- an original charge, payment, hand-in, refund or allowance is posted
  **positive**; an adjustment may be either sign (+ the customer owes more,
  − the customer owes less);
- a **reversal** is an entry of the *same kind* as the one it reverses, linked
  to it by ``reverses``, with the **negated** amount.

So ``SUM(amount)`` grouped by kind, technician, method or order is always the
net figure with reversals already netted out, and no query needs to know
about reversals. The effect of one entry on the three balances the shop
watches:

==========  ====================  ============================  ======================
kind        customer owes         cash the technician holds     owed to the technician
==========  ====================  ============================  ======================
charge      + amount
adjustment  + amount (signed)
payment     − amount              + amount (cash, by a tech)
refund      + amount
hand_in                           − amount
allowance                                                       + amount
==========  ====================  ============================  ======================
"""

from __future__ import annotations

import datetime as dt
import hashlib
from json.encoder import encode_basestring
from dataclasses import dataclass
from typing import Collection, Hashable, Iterable, Mapping, NamedTuple, Sequence

from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP, Text

CHARGE = "charge"
PAYMENT = "payment"
HAND_IN = "hand_in"
REFUND = "refund"
ALLOWANCE = "allowance"
ADJUSTMENT = "adjustment"
KINDS = (CHARGE, PAYMENT, HAND_IN, REFUND, ALLOWANCE, ADJUSTMENT)

CASH = "cash"
PAYMENT_METHODS = (CASH, "wechat", "alipay", "bank", "card")
METHODS = ("",) + PAYMENT_METHODS

# What people read (translated in context "Ledger").
KIND_LABELS = {
    CHARGE: QT_TRANSLATE_NOOP("Ledger", "Charge"),
    PAYMENT: QT_TRANSLATE_NOOP("Ledger", "Payment collected"),
    HAND_IN: QT_TRANSLATE_NOOP("Ledger", "Cash handed in"),
    REFUND: QT_TRANSLATE_NOOP("Ledger", "Refund"),
    ALLOWANCE: QT_TRANSLATE_NOOP("Ledger", "Allowance"),
    ADJUSTMENT: QT_TRANSLATE_NOOP("Ledger", "Adjustment"),
}
METHOD_LABELS = {
    "": "",
    CASH: QT_TRANSLATE_NOOP("Ledger", "Cash"),
    "wechat": QT_TRANSLATE_NOOP("Ledger", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Ledger", "Alipay"),
    "bank": QT_TRANSLATE_NOOP("Ledger", "Bank transfer"),
    "card": QT_TRANSLATE_NOOP("Ledger", "Card"),
}

GENESIS_HASH = "0" * 64
MEMO_MAX = 250
AMOUNT_MAX = 10**12  # ten thousand million yuan: anything larger is a typing slip

# The receivable effect of each kind (customer owes): +1, −1 or 0.
_OWED_SIGN = {CHARGE: 1, ADJUSTMENT: 1, PAYMENT: -1, REFUND: 1, HAND_IN: 0, ALLOWANCE: 0}


class Posting(NamedTuple):
    """The content of an entry that its hash covers, in hashing order."""

    seq: int
    kind: str
    amount: int
    entry_date: dt.date
    created_at: dt.datetime
    created_by_id: int | None
    order_id: int | None
    technician_id: int | None
    method: str
    memo: str
    reverses_id: int | None


# Column order of the rows ``verify_chain`` reads: the Posting fields, then the stored hashes.
CHAIN_COLUMNS = Posting._fields + ("prev_hash", "hash")

# The escaper json.dumps(..., ensure_ascii=False) uses for strings; canonical() writes the
# rest of the JSON array itself, which is twice as fast (verify reads a million entries).
_json_str = encode_basestring


def _iso_date(value) -> str:
    """A date as YYYY-MM-DD, whether the database gave a date or its text (SQLite)."""
    if type(value) is str:
        if len(value) == 10:
            return value  # SQLite's text of a date is already ISO; a tampered text changes the hash anyway
        value = dt.date.fromisoformat(value)
    elif isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"an entry date must be a date, not {type(value).__name__}")
    return value.isoformat()


def _iso_datetime(value) -> str:
    """A naive UTC datetime as 'YYYY-MM-DD HH:MM:SS.ffffff', always with microseconds."""
    if type(value) is str:
        # SQLite keeps str(datetime): microseconds only when there are some.
        if len(value) == 26 and value[10] == " ":
            return value
        if len(value) == 19 and value[10] == " ":
            return value + ".000000"
        value = dt.datetime.fromisoformat(value)
    elif not isinstance(value, dt.datetime):
        raise TypeError(f"created_at must be a datetime, not {type(value).__name__}")
    if value.tzinfo is not None:
        raise TypeError("created_at must be naive UTC")
    return value.isoformat(" ", "microseconds")


def _json_int(value) -> str:
    if value is None:
        return "null"
    if type(value) is not int:  # not bool, not float, not Decimal
        raise TypeError(f"expected an integer id or amount, not {type(value).__name__}")
    return str(value)


def canonical(prev_hash: str, fields: Sequence) -> bytes:
    """The bytes an entry's hash is taken over.

    Exactly ``json.dumps([prev_hash, *fields], ensure_ascii=False,
    separators=(",", ":")).encode()`` with the date as "YYYY-MM-DD" and the
    time as "YYYY-MM-DD HH:MM:SS.ffffff": integers as integers, missing ids as
    null, no floats and no locale, so SQLite and PostgreSQL, any Python and
    any desk give the same bytes.
    """
    seq, kind, amount, entry_date, created_at, created_by, order, technician, method, memo, reverses = fields
    return (
        f"[{_json_str(prev_hash)},{_json_int(seq)},{_json_str(kind)},{_json_int(amount)},"
        f"\"{_iso_date(entry_date)}\",\"{_iso_datetime(created_at)}\",{_json_int(created_by)},{_json_int(order)},"
        f"{_json_int(technician)},{_json_str(method)},{_json_str(memo)},{_json_int(reverses)}]"
    ).encode("utf-8")


def entry_hash(prev_hash: str, fields: Sequence) -> str:
    """Hex SHA-256 of an entry's content chained to the previous entry's hash."""
    return hashlib.sha256(canonical(prev_hash, fields)).hexdigest()


# ---- verifying the chain -------------------------------------------------------------

ALTERED = "altered"      # the entry's content no longer matches its own hash
REWRITTEN = "rewritten"  # the entry was changed and its hash recomputed: the next entry's link breaks
MISSING = "missing"      # a seq number is absent: an entry was removed
EXTRA = "extra"          # an entry beyond the ledger's own count: slipped in from outside
ANCHOR = "anchor"        # the entry differs from what was recorded when its month was closed
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""  # "" or one of the problems above


def verify_chain(
    rows: Iterable[Sequence], expected_last_seq: int | None = None, anchors: Mapping[int, str] | None = None,
) -> VerifyResult:
    """Walk entries in seq order (rows in ``CHAIN_COLUMNS`` order) and report the first bad one.

    Streaming: holds one row at a time. ``expected_last_seq`` (the ledger's
    counter) also catches entries removed from or added at the end;
    ``anchors`` ({seq: hash} kept at month close) catch a chain rewritten and
    re-hashed from some entry onwards.
    """
    anchors = anchors or {}
    previous_hash = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for row in rows:
        seq = row[0]
        if expected_last_seq is not None and seq > expected_last_seq:
            return VerifyResult(False, checked, seq, EXTRA)
        if seq != expected_seq:
            return VerifyResult(False, checked, expected_seq, MISSING)
        stored_prev, stored_hash = row[11], row[12]
        try:
            computed = hashlib.sha256(canonical(stored_prev, row[:11])).hexdigest()
        except (TypeError, ValueError):
            return VerifyResult(False, checked, seq, UNREADABLE)
        if computed != stored_hash:
            return VerifyResult(False, checked, seq, ALTERED)
        if stored_prev != previous_hash:
            # This entry is intact, so the one before it was changed and re-hashed.
            return VerifyResult(False, checked, seq - 1, REWRITTEN)
        if anchors and anchors.get(seq, stored_hash) != stored_hash:
            return VerifyResult(False, checked, seq, ANCHOR)
        previous_hash = stored_hash
        expected_seq += 1
        checked += 1
    if expected_last_seq is not None and checked < expected_last_seq:
        return VerifyResult(False, checked, checked + 1, MISSING)
    return VerifyResult(True, checked)


def describe(result: VerifyResult) -> Text:
    """One sentence for a person (the window translates it, the command line prints it)."""
    if result.ok:
        return Text("Ledger", QT_TRANSLATE_NOOP("Ledger", "The ledger is intact: {count} entries checked."), count=result.checked)
    templates = {
        ALTERED: QT_TRANSLATE_NOOP("Ledger", "Entry {seq} was altered outside ShopDesk: its content no longer matches its hash."),
        REWRITTEN: QT_TRANSLATE_NOOP("Ledger", "Entry {seq} was altered outside ShopDesk and its hash recomputed: the next entry no longer links to it."),
        MISSING: QT_TRANSLATE_NOOP("Ledger", "Entry {seq} is missing: it was removed outside ShopDesk."),
        EXTRA: QT_TRANSLATE_NOOP("Ledger", "Entry {seq} was added outside ShopDesk."),
        ANCHOR: QT_TRANSLATE_NOOP("Ledger", "The ledger was rewritten outside ShopDesk up to entry {seq}: it no longer matches what was recorded when its month was closed."),
        UNREADABLE: QT_TRANSLATE_NOOP("Ledger", "Entry {seq} holds a value ShopDesk cannot read: it was altered outside ShopDesk."),
    }
    return Text("Ledger", templates[result.problem], seq=result.first_bad_seq, count=result.checked)


# ---- months --------------------------------------------------------------------------

def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: str) -> tuple[int, int]:
    """"YYYY-MM" → (year, month); anything else is refused."""
    parts = str(text).strip().split("-")
    if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2 and parts[0].isdigit() and parts[1].isdigit():
        year, month = int(parts[0]), int(parts[1])
        if 1 <= month <= 12 and year >= 1:
            return year, month
    raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{month} is not a month (write it as YYYY-MM)."), field="month", month=text)


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    year, number = parse_month(month)
    first = dt.date(year, number, 1)
    following = dt.date(year + (number == 12), number % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def closed_through(closed_months: Collection[str]) -> str | None:
    """The latest closed month: closing a month closes every month before it too."""
    return max(closed_months, default=None)


def check_postable(entry_date: dt.date, closed_months: Collection[str]) -> None:
    """No entry may be dated into a closed month (or any month before one)."""
    latest = closed_through(closed_months)
    if latest is not None and month_of(entry_date) <= latest:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{month} is closed: no entry may be dated into it. Date it in an open month."),
            field="entry_date", month=month_of(entry_date),
        )


def check_closable(month: str, today: dt.date, closed_months: Collection[str]) -> None:
    """A month may be closed once it has ended (so today always stays open), and only once."""
    first, last = month_bounds(month)
    if last >= today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{month} has not ended yet: it can be closed from {day}."),
            field="month", month=month, day=(last + dt.timedelta(days=1)).isoformat(),
        )
    latest = closed_through(closed_months)
    if latest is not None and month_of(first) <= latest:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{month} is already closed."), field="month", month=month)


# ---- postings and reversals ------------------------------------------------------------

def check_entry(kind: str, amount, method: str, memo: str, entry_date, today: dt.date, *, reversal: bool = False) -> None:
    """Refuse what cannot be posted; ``reversal`` allows the negated amount."""
    if kind not in KINDS:
        raise ValueError(f"not a ledger entry kind: {kind!r}")
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("money is integer cents")
    if amount == 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The amount must not be zero."), field="amount")
    if abs(amount) > AMOUNT_MAX:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The amount is too large."), field="amount")
    if amount < 0 and kind != ADJUSTMENT and not reversal:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The amount must be positive; to take money back, post a reversal or a refund."),
            field="amount",
        )
    if method not in METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown payment method {method}."), field="method", method=method)
    if kind == PAYMENT and not method:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Say how the customer paid (cash, WeChat, Alipay, bank or card)."), field="method")
    if len(memo) > MEMO_MAX or any(ch in memo for ch in "\x00\r\n"):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The memo must be one line of at most {max} characters."), field="memo", max=MEMO_MAX)
    if isinstance(entry_date, dt.datetime) or not isinstance(entry_date, dt.date):
        raise TypeError("entry_date must be a date")
    if entry_date > today:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An entry cannot be dated in the future."), field="entry_date")


def check_reversible(seq: int, is_reversal: bool, reversed_by_seq: int | None) -> None:
    """A reversal is final: it cannot itself be reversed, and nothing is reversed twice."""
    if is_reversal:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Entry {seq} is itself a reversal and cannot be reversed; post a new entry instead."),
            seq=seq,
        )
    if reversed_by_seq is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Entry {seq} was already reversed by entry {by}."), seq=seq, by=reversed_by_seq)


def reversal_amount(amount: int) -> int:
    return -amount


# ---- what entries add up to ------------------------------------------------------------

@dataclass(frozen=True)
class Balances:
    owed_by_customers: int = 0
    cash_held: int = 0           # by technicians, not yet handed in
    owed_to_technicians: int = 0  # allowances

    def __add__(self, other: "Balances") -> "Balances":
        return Balances(
            self.owed_by_customers + other.owed_by_customers,
            self.cash_held + other.cash_held,
            self.owed_to_technicians + other.owed_to_technicians,
        )


def holds_cash(kind: str, method: str, technician_id) -> bool:
    """A cash payment taken by a technician is cash that technician holds until handed in."""
    return kind == PAYMENT and method == CASH and technician_id is not None


def effect(kind: str, amount: int, method: str = "", technician_id=None) -> Balances:
    cash = amount if holds_cash(kind, method, technician_id) else -amount if kind == HAND_IN else 0
    return Balances(_OWED_SIGN[kind] * amount, cash, amount if kind == ALLOWANCE else 0)


def balances(entries: Iterable) -> Balances:
    """The balances of entries having ``kind``, ``amount``, ``method``, ``technician_id``."""
    total = Balances()
    for e in entries:
        total = total + effect(e.kind, e.amount, e.method, e.technician_id)
    return total


# ---- hand-ins --------------------------------------------------------------------------

@dataclass(frozen=True)
class Allocation:
    parts: tuple[tuple[Hashable, int], ...]  # (order, cents) in the order given
    unallocated: int  # handed in beyond what the orders were due
    shortfall: int    # due on the orders but not handed in


def allocate_hand_in(amount: int, dues: Sequence[tuple[Hashable, int]]) -> Allocation:
    """Spread cash handed in over the orders it is for, each up to what is due on it."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("money is integer cents")
    left = amount
    parts = []
    for order, due in dues:
        share = min(left, due) if due > 0 else 0
        if share > 0:
            parts.append((order, share))
            left -= share
    due_total = sum(due for _, due in dues if due > 0)
    return Allocation(tuple(parts), left, max(due_total - amount, 0))
