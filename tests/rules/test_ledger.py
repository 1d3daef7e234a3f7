"""Ledger rules: the hash chain, closed months, reversals and what entries add up to."""

import datetime as dt
import json
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopdesk.errors import ValidationError
from shopdesk.rules.ledger import (
    ADJUSTMENT, ALLOWANCE, ALTERED, ANCHOR, CASH, CHARGE, EXTRA, GENESIS_HASH, HAND_IN, KINDS, MISSING, PAYMENT,
    PAYMENT_METHODS, REFUND, REWRITTEN, UNREADABLE, Balances, Posting, allocate_hand_in, balances, canonical,
    check_closable, check_entry, check_postable, check_reversible, describe, effect, entry_hash, month_bounds,
    month_of, parse_month, reversal_amount, verify_chain,
)

TODAY = dt.date(2026, 11, 23)
AT = dt.datetime(2026, 11, 23, 3, 30)


def _posting(seq=1, kind=PAYMENT, amount=8000, memo="", **kw):
    values = dict(seq=seq, kind=kind, amount=amount, entry_date=TODAY, created_at=AT, created_by_id=2, order_id=17,
                  technician_id=5, method=CASH if kind == PAYMENT else "", memo=memo, reverses_id=None)
    values.update(kw)
    return Posting(**values)


def _chain(postings):
    """Rows as the database gives them (CHAIN_COLUMNS order), correctly chained."""
    rows, prev = [], GENESIS_HASH
    for p in postings:
        digest = entry_hash(prev, p)
        rows.append(tuple(p) + (prev, digest))
        prev = digest
    return rows


# ---- the hash ---------------------------------------------------------------------------

def test_hash_is_a_fixed_function_of_the_content():
    # A known vector: if this changes, every shop's existing ledger would stop verifying.
    p = _posting(memo='搓纸轮 "现金"')
    assert canonical(GENESIS_HASH, p).decode() == (
        '["' + "0" * 64 + '",1,"payment",8000,"2026-11-23","2026-11-23 03:30:00.000000",2,17,5,"cash",'
        '"搓纸轮 \\"现金\\"",null]'
    )
    assert entry_hash(GENESIS_HASH, p) == "49cee238ded776540013a635a38c1641d41f0913836cd6123e9f03f4ef981b66"


def test_sqlite_text_and_python_values_hash_alike():
    p = _posting(created_at=dt.datetime(2026, 11, 23, 3, 30, 0, 123456))
    as_text = p._replace(entry_date="2026-11-23", created_at="2026-11-23 03:30:00.123456")
    assert entry_hash(GENESIS_HASH, p) == entry_hash(GENESIS_HASH, as_text)
    whole = _posting()
    assert entry_hash(GENESIS_HASH, whole) == entry_hash(GENESIS_HASH, whole._replace(created_at="2026-11-23 03:30:00"))
    assert entry_hash(GENESIS_HASH, whole) == entry_hash(GENESIS_HASH, whole._replace(created_at="2026-11-23T03:30:00"))


def test_every_field_and_the_previous_hash_change_the_hash():
    p = _posting()
    base = entry_hash(GENESIS_HASH, p)
    changed = dict(seq=2, kind=CHARGE, amount=8001, entry_date=dt.date(2026, 11, 22), created_at=AT + dt.timedelta(seconds=1),
                   created_by_id=3, order_id=None, technician_id=None, method="wechat", memo="x", reverses_id=9)
    for name, value in changed.items():
        assert entry_hash(GENESIS_HASH, p._replace(**{name: value})) != base, name
    assert entry_hash("1" * 64, p) != base


@pytest.mark.parametrize("bad", [80.0, True, "8000"])
def test_hash_refuses_anything_but_integer_cents(bad):
    with pytest.raises(TypeError):
        entry_hash(GENESIS_HASH, _posting(amount=bad))


def test_hash_refuses_an_aware_time_and_a_datetime_as_date():
    with pytest.raises(TypeError):
        entry_hash(GENESIS_HASH, _posting(created_at=AT.replace(tzinfo=dt.timezone.utc)))
    with pytest.raises(TypeError):
        entry_hash(GENESIS_HASH, _posting(entry_date=AT))


@given(
    st.integers(min_value=-10**12, max_value=10**12),
    st.text(max_size=40),
    st.sampled_from(("", "cash", "wechat")),
    st.one_of(st.none(), st.integers(min_value=1, max_value=10**9)),
)
def test_canonical_is_exactly_compact_json(amount, memo, method, order_id):
    p = _posting(amount=amount, memo=memo, method=method, order_id=order_id)
    expected = json.dumps(
        [GENESIS_HASH, p.seq, p.kind, amount, "2026-11-23", "2026-11-23 03:30:00.000000", 2, order_id, 5, method, memo, None],
        ensure_ascii=False, separators=(",", ":"),
    ).encode("utf-8")
    assert canonical(GENESIS_HASH, p) == expected


# ---- verifying the chain ------------------------------------------------------------------

POSTINGS = [_posting(seq=i, amount=1000 * i, memo=f"m{i}") for i in range(1, 6)]


def test_an_intact_chain_verifies():
    result = verify_chain(iter(_chain(POSTINGS)), expected_last_seq=5)
    assert result.ok and result.checked == 5 and result.first_bad_seq is None
    assert str(describe(result)) == "The ledger is intact: 5 entries checked."
    assert verify_chain(iter([]), expected_last_seq=0).ok


def test_an_altered_entry_is_named():
    rows = _chain(POSTINGS)
    row = list(rows[2])
    row[2] = 1  # amount of entry 3
    rows[2] = tuple(row)
    result = verify_chain(rows, 5)
    assert (result.ok, result.first_bad_seq, result.problem, result.checked) == (False, 3, ALTERED, 2)
    assert "Entry 3 was altered" in str(describe(result))


def test_an_entry_altered_and_rehashed_is_named_by_the_broken_link():
    rows = _chain(POSTINGS)
    forged = POSTINGS[1]._replace(amount=1)
    rows[1] = tuple(forged) + (rows[1][11], entry_hash(rows[1][11], forged))
    result = verify_chain(rows, 5)
    assert (result.first_bad_seq, result.problem) == (2, REWRITTEN)


def test_a_removed_entry_is_named():
    rows = _chain(POSTINGS)
    result = verify_chain(rows[:2] + rows[3:], 5)
    assert (result.first_bad_seq, result.problem) == (3, MISSING)
    tail = verify_chain(rows[:4], 5)
    assert (tail.first_bad_seq, tail.problem) == (5, MISSING)


def test_an_entry_slipped_in_at_the_end_is_named():
    rows = _chain(POSTINGS + [_posting(seq=6)])
    result = verify_chain(rows, 5)
    assert (result.first_bad_seq, result.problem) == (6, EXTRA)


def test_a_chain_rewritten_from_the_start_is_caught_by_the_month_close_anchor():
    original = _chain(POSTINGS)
    forged = _chain([POSTINGS[0]._replace(amount=1)] + POSTINGS[1:])
    assert verify_chain(forged, 5).ok  # the chain alone cannot tell
    result = verify_chain(forged, 5, anchors={3: original[2][12]})
    assert (result.first_bad_seq, result.problem) == (3, ANCHOR)


def test_an_unreadable_value_is_named():
    rows = _chain(POSTINGS)
    for bad in (None, "soon", 20261123):
        broken = [rows[0][:3] + (bad,) + rows[0][4:]] + rows[1:]
        assert (verify_chain(broken).problem, verify_chain(broken).first_bad_seq) == (UNREADABLE, 1)


def test_verify_streams_one_row_at_a_time():
    seen = []

    def rows():
        for row in _chain(POSTINGS):
            seen.append(row[0])
            yield row

    result = verify_chain(rows(), 5)
    assert result.ok and seen == [1, 2, 3, 4, 5]


@given(st.data())
def test_any_single_change_is_detected_at_that_entry(data):
    postings = [_posting(seq=i, amount=data.draw(st.integers(1, 10**6)), memo=data.draw(st.text(max_size=5)))
                for i in range(1, data.draw(st.integers(1, 8)) + 1)]
    rows = _chain(postings)
    index = data.draw(st.integers(0, len(rows) - 1))
    field = data.draw(st.sampled_from(["kind", "amount", "memo", "method", "order_id", "technician_id", "created_by_id"]))
    new = {"kind": REFUND, "amount": postings[index].amount + 1, "memo": postings[index].memo + "x",
           "method": "card", "order_id": 99, "technician_id": 98, "created_by_id": 97}[field]
    rows[index] = tuple(postings[index]._replace(**{field: new})) + rows[index][11:]
    result = verify_chain(rows, len(rows))
    assert (result.ok, result.first_bad_seq, result.problem) == (False, index + 1, ALTERED)


# ---- months --------------------------------------------------------------------------------

def test_months():
    assert month_of(dt.date(2026, 3, 9)) == "2026-03"
    assert parse_month("2026-11") == (2026, 11)
    assert month_bounds("2026-12") == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert month_bounds("2028-02") == (dt.date(2028, 2, 1), dt.date(2028, 2, 29))
    for bad in ("2026-13", "2026-1", "11/2026", "", "2026-00"):
        with pytest.raises(ValidationError):
            parse_month(bad)


def test_no_entry_dated_into_a_closed_month_or_before_it():
    closed = {"2026-09", "2026-10"}
    for day in (dt.date(2026, 10, 31), dt.date(2026, 10, 1), dt.date(2026, 9, 15), dt.date(2025, 1, 1)):
        with pytest.raises(ValidationError) as refused:
            check_postable(day, closed)
        assert refused.value.field == "entry_date"
    check_postable(dt.date(2026, 11, 1), closed)
    check_postable(dt.date(2020, 1, 1), set())


def test_a_month_closes_once_it_has_ended_and_only_once():
    check_closable("2026-10", TODAY, set())
    check_closable("2026-10", dt.date(2026, 11, 1), {"2026-09"})
    for not_ended in ("2026-11", "2026-12"):
        with pytest.raises(ValidationError, match="has not ended"):
            check_closable(not_ended, TODAY, set())
    with pytest.raises(ValidationError):
        check_closable("2026-11", dt.date(2026, 11, 30), set())
    with pytest.raises(ValidationError):
        check_closable("2026-10", TODAY, {"2026-10"})
    with pytest.raises(ValidationError):
        check_closable("2026-09", TODAY, {"2026-10"})  # closed with October


# ---- postings ----------------------------------------------------------------------------

def test_what_cannot_be_posted():
    check_entry(PAYMENT, 8000, CASH, "", TODAY, TODAY)
    check_entry(ADJUSTMENT, -500, "", "goodwill", TODAY, TODAY)
    check_entry(CHARGE, -8000, "", "", TODAY, TODAY, reversal=True)
    refused = [
        dict(kind=CHARGE, amount=0),
        dict(kind=CHARGE, amount=-1),
        dict(kind=PAYMENT, amount=100, method=""),
        dict(kind=PAYMENT, amount=100, method="bitcoin"),
        dict(kind=CHARGE, amount=100, memo="x" * 251),
        dict(kind=CHARGE, amount=100, memo="two\nlines"),
        dict(kind=CHARGE, amount=100, entry_date=TODAY + dt.timedelta(days=1)),
        dict(kind=CHARGE, amount=10**12 + 1),
    ]
    for case in refused:
        args = dict(kind=CHARGE, amount=100, method="", memo="", entry_date=TODAY) | case
        with pytest.raises(ValidationError):
            check_entry(args["kind"], args["amount"], args["method"], args["memo"], args["entry_date"], TODAY)
    with pytest.raises(TypeError):
        check_entry(CHARGE, 80.0, "", "", TODAY, TODAY)
    with pytest.raises(TypeError):
        check_entry(CHARGE, 100, "", "", AT, TODAY)
    with pytest.raises(ValueError):
        check_entry("reversal", 100, "", "", TODAY, TODAY)


def test_reversal_rules():
    assert reversal_amount(8000) == -8000 and reversal_amount(-500) == 500
    check_reversible(4, is_reversal=False, reversed_by_seq=None)
    with pytest.raises(ValidationError, match="itself a reversal"):
        check_reversible(5, is_reversal=True, reversed_by_seq=None)
    with pytest.raises(ValidationError, match="already reversed by entry 7"):
        check_reversible(4, is_reversal=False, reversed_by_seq=7)


def test_effects_follow_the_sign_table():
    assert effect(CHARGE, 100) == Balances(100, 0, 0)
    assert effect(ADJUSTMENT, -30) == Balances(-30, 0, 0)
    assert effect(PAYMENT, 100, CASH, technician_id=5) == Balances(-100, 100, 0)
    assert effect(PAYMENT, 100, CASH, technician_id=None) == Balances(-100, 0, 0)  # at the counter
    assert effect(PAYMENT, 100, "wechat", technician_id=5) == Balances(-100, 0, 0)
    assert effect(REFUND, 100) == Balances(100, 0, 0)
    assert effect(HAND_IN, 100, CASH, technician_id=5) == Balances(0, -100, 0)
    assert effect(ALLOWANCE, 100, technician_id=5) == Balances(0, 0, 100)


@dataclass
class _Entry:
    kind: str
    amount: int
    method: str
    technician_id: int | None
    reverses: int | None = None


_post = st.tuples(st.just("post"), st.sampled_from(KINDS), st.integers(1, 10**8), st.sampled_from(PAYMENT_METHODS),
                  st.sampled_from([None, 1, 2]), st.booleans())
_reverse = st.tuples(st.just("reverse"), st.integers(0, 10**6))


@given(st.lists(st.one_of(_post, _reverse), max_size=60))
def test_postings_and_reversals_keep_balance_equal_to_the_sum_of_entries(ops):
    entries: list[_Entry] = []
    reversed_by: dict[int, int] = {}
    for op in ops:
        if op[0] == "post":
            _, kind, amount, method, tech, negative = op
            method = method if kind == PAYMENT else ""
            amount = -amount if kind == ADJUSTMENT and negative else amount
            check_entry(kind, amount, method, "", TODAY, TODAY)
            entries.append(_Entry(kind, amount, method, tech))
            continue
        if not entries:
            continue
        index = op[1] % len(entries)
        target = entries[index]
        refusable = target.reverses is not None or index in reversed_by
        try:
            check_reversible(index + 1, target.reverses is not None, reversed_by.get(index))
        except ValidationError:
            assert refusable  # refused exactly the reversal of a reversal and a second reversal
            continue
        assert not refusable
        entries.append(_Entry(target.kind, reversal_amount(target.amount), target.method, target.technician_id, index))
        reversed_by[index] = len(entries)
    total = balances(entries)
    assert total.owed_by_customers == sum({CHARGE: 1, ADJUSTMENT: 1, REFUND: 1, PAYMENT: -1}.get(e.kind, 0) * e.amount
                                          for e in entries)
    assert total.cash_held == sum(e.amount for e in entries if e.kind == PAYMENT and e.method == CASH and e.technician_id) \
        - sum(e.amount for e in entries if e.kind == HAND_IN)
    assert total.owed_to_technicians == sum(e.amount for e in entries if e.kind == ALLOWANCE)
    standing = [e for i, e in enumerate(entries) if e.reverses is None and i not in reversed_by]
    assert total == balances(standing)  # a reversal cancels its entry exactly, nothing else
    for kind in KINDS:
        assert sum(e.amount for e in entries if e.kind == kind) == sum(e.amount for e in standing if e.kind == kind)


@given(st.lists(st.integers(0, 10**6)))
def test_reversing_everything_twice_is_refused_and_nets_to_zero(amounts):
    entries = [_Entry(CHARGE, a + 1, "", None) for a in amounts]
    reversed_by = {}
    for index in range(len(entries)):
        check_reversible(index + 1, False, reversed_by.get(index))
        entries.append(_Entry(CHARGE, reversal_amount(entries[index].amount), "", None, index))
        reversed_by[index] = len(entries)
    for index in range(len(amounts)):
        with pytest.raises(ValidationError):
            check_reversible(index + 1, False, reversed_by.get(index))
    assert balances(entries) == Balances()


# ---- hand-ins ----------------------------------------------------------------------------

def test_hand_in_is_spread_over_the_orders_it_is_for():
    exact = allocate_hand_in(12000, [("R1", 8000), ("R2", 4000)])
    assert exact.parts == (("R1", 8000), ("R2", 4000)) and exact.unallocated == 0 and exact.shortfall == 0
    short = allocate_hand_in(10000, [("R1", 8000), ("R2", 4000)])
    assert short.parts == (("R1", 8000), ("R2", 2000)) and short.shortfall == 2000
    over = allocate_hand_in(9000, [("R1", 8000), ("R2", 0), ("R3", -500)])
    assert over.parts == (("R1", 8000),) and over.unallocated == 1000 and over.shortfall == 0
    assert allocate_hand_in(500, []).unallocated == 500


@given(st.integers(0, 10**7), st.lists(st.integers(-10**5, 10**6), max_size=10))
def test_hand_in_allocation_accounts_for_every_cent(amount, dues):
    result = allocate_hand_in(amount, [(i, d) for i, d in enumerate(dues)])
    assert sum(share for _, share in result.parts) + result.unallocated == amount
    assert all(0 < share <= dues[i] for i, share in result.parts)
    assert result.shortfall == max(sum(d for d in dues if d > 0) - amount, 0)
