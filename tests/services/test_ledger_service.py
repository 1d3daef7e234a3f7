"""The fee ledger and settlements on SQLite and PostgreSQL: posting, tamper evidence,
month close, roles, hand-ins, the owner's figures, exports, several desks at once."""

import csv
import datetime as dt
import itertools
import json
import multiprocessing
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopdesk.clock import FixedClock
from shopdesk.errors import NotFound, PermissionDenied, ValidationError
from shopdesk.models import AuditEntry, ClosedMonth, Counter, Customer, LedgerEntry, OrderLine, RepairOrder, ShopSettings, Staff, database
from shopdesk.models.ledger import Settlement
from shopdesk.rules import ledger as rules
from shopdesk.services import ledger as L
from shopdesk.services import settlement as S
from shopdesk.services.context import Actor
from tests.conftest import make_actor

D = dt.date
TODAY = D(2026, 11, 23)  # the clock fixture's day in Shanghai
NOV = (D(2026, 11, 1), D(2026, 11, 30))
OCT = (D(2026, 10, 1), D(2026, 10, 31))
_numbers = itertools.count(1)


@pytest.fixture
def chen(db, clock):
    return make_actor("technician", clock, username="chen", name="陈师傅")


@pytest.fixture
def desk(db, clock):
    return make_actor("front_desk", clock, username="desk", name="小李")


@pytest.fixture
def settlement_table(db):
    """The Settlement table until the schema migration that adds it is written (then this does nothing)."""
    created = not Settlement.table_exists()
    if created:
        Settlement.create_table()
    yield
    if created:
        Settlement.drop_table()


def order(clock, technician=None, *, location="onsite", state="assigned", closed_at=None, travel_km=0):
    customer = Customer.create(number=f"C{next(_numbers):06d}", name="王伟", created_at=clock.now())
    return RepairOrder.create(
        number=f"R{next(_numbers):07d}", customer=customer, reported_at=clock.now(), created_at=clock.now(),
        technician=technician.staff if technician else None, location=location, state=state,
        resolved_at=closed_at, closed_at=closed_at, travel_km=travel_km,
    )


def snapshot():
    """Everything a refused call must leave untouched."""
    counter = Counter.get_or_none(Counter.name == "ledger")
    return (LedgerEntry.select().count(), AuditEntry.select().count(), ClosedMonth.select().count(),
            counter.value if counter else None)


def _row_posting(seq):
    e = LedgerEntry.get(LedgerEntry.seq == seq)
    return e, rules.Posting(e.seq, e.kind, e.amount, e.entry_date, e.created_at, e.created_by_id, e.order_id,
                            e.technician_id, e.method, e.memo, e.reverses_id)


# ---- posting and the chain -------------------------------------------------------------------

def test_posts_are_numbered_chained_and_audited(db, owner, chen, clock):
    o = order(clock, chen)
    first = L.post(owner, "charge", 8000, order_id=o.id, memo="搓纸轮")
    second = L.post(owner, "adjustment", -500, order_id=o.id, memo="goodwill")
    third = L.record_collection(owner, o.id, 7500, "cash", chen.staff.id)
    assert [first.seq, second.seq, third.seq] == [1, 2, 3]
    assert first.prev_hash == rules.GENESIS_HASH and second.prev_hash == first.hash and third.prev_hash == second.hash
    stored = LedgerEntry.get_by_id(second.id)
    assert (stored.amount, stored.entry_date, stored.created_by_id, stored.created_at) == (-500, TODAY, owner.staff.id, clock.now())
    assert AuditEntry.select().where(AuditEntry.record_type == "LedgerEntry").count() == 3
    assert L.verify(owner) == rules.VerifyResult(True, 3)


def test_what_the_service_refuses_posts_nothing(db, owner, clock):
    before = snapshot()
    for call in (
        lambda: L.post(owner, "charge", 0),
        lambda: L.post(owner, "charge", -100),
        lambda: L.post(owner, "payment", 100, method=""),
        lambda: L.post(owner, "charge", 100, entry_date=TODAY + dt.timedelta(days=1)),
        lambda: L.post(owner, "charge", 100, memo="x" * 251),
    ):
        with pytest.raises(ValidationError):
            call()
    with pytest.raises(NotFound):
        L.post(owner, "charge", 100, order_id=999)
    with pytest.raises(TypeError):
        L.post(owner, "charge", 80.0)
    assert snapshot() == before


def test_an_entry_edited_behind_the_programs_back_is_found(db, owner):
    for cents in (100, 200, 300, 400):
        L.post(owner, "adjustment", cents)
    db.execute_sql("UPDATE ledger_entry SET amount = 20000 WHERE seq = 2")
    result = L.verify(owner)
    assert (result.ok, result.first_bad_seq, result.problem, result.checked) == (False, 2, rules.ALTERED, 1)
    assert str(L.describe_verify(result)) == "Entry 2 was altered outside ShopDesk: its content no longer matches its hash."


def test_an_entry_edited_and_rehashed_is_found(db, owner):
    for cents in (100, 200, 300):
        L.post(owner, "adjustment", cents)
    entry, posting = _row_posting(2)
    forged = posting._replace(memo="nothing to see")
    db.execute_sql(f"UPDATE ledger_entry SET memo = 'nothing to see', hash = '{rules.entry_hash(entry.prev_hash, forged)}' "
                   "WHERE seq = 2")
    result = L.verify(owner)
    assert (result.first_bad_seq, result.problem) == (2, rules.REWRITTEN)


def test_removed_entries_are_found(db, owner):
    for cents in (100, 200, 300, 400):
        L.post(owner, "adjustment", cents)
    db.execute_sql("DELETE FROM ledger_entry WHERE seq = 4")
    assert (L.verify(owner).first_bad_seq, L.verify(owner).problem) == (4, rules.MISSING)
    db.execute_sql("DELETE FROM ledger_entry WHERE seq = 2")
    assert (L.verify(owner).first_bad_seq, L.verify(owner).problem) == (2, rules.MISSING)


def test_a_chain_rewritten_from_the_start_is_caught_by_the_month_close(db, owner):
    L.post(owner, "charge", 100, entry_date=D(2026, 10, 5))
    L.post(owner, "charge", 200, entry_date=D(2026, 10, 6))
    closed = L.close_month(owner, "2026-10")
    assert (closed.last_seq, closed.last_hash) == (2, LedgerEntry.get(LedgerEntry.seq == 2).hash)
    db.execute_sql("UPDATE ledger_entry SET amount = 1 WHERE seq = 1")
    prev = rules.GENESIS_HASH
    for seq in (1, 2):
        entry, posting = _row_posting(seq)
        digest = rules.entry_hash(prev, posting)
        db.execute_sql(f"UPDATE ledger_entry SET prev_hash = '{prev}', hash = '{digest}' WHERE seq = {seq}")
        prev = digest
    result = L.verify(owner)
    assert (result.first_bad_seq, result.problem) == (2, rules.ANCHOR)


def test_verify_reports_progress(db, owner, monkeypatch):
    monkeypatch.setattr(L, "CHUNK", 2)
    for cents in range(1, 6):
        L.post(owner, "adjustment", cents)
    seen = []
    assert L.verify(owner, progress=seen.append).ok
    assert seen == [2, 4, 5]


# ---- reversals and month close ---------------------------------------------------------------

def test_a_reversal_is_the_opposite_and_is_final(db, owner, chen, clock):
    o = order(clock, chen)
    pay = L.record_collection(owner, o.id, 8000, "wechat", chen.staff.id)
    rev = L.reverse(owner, pay.id, "typed the wrong order")
    assert (rev.kind, rev.amount, rev.reverses_id, rev.order_id, rev.technician_id, rev.method, rev.memo) == (
        "payment", -8000, pay.id, o.id, chen.staff.id, "wechat", "typed the wrong order")
    before = snapshot()
    with pytest.raises(ValidationError, match="already reversed by entry 2"):
        L.reverse(owner, pay.id, "again")
    with pytest.raises(ValidationError, match="itself a reversal"):
        L.reverse(owner, rev.id, "undo the undo")
    with pytest.raises(ValidationError):
        L.reverse(owner, pay.id, "  ")
    assert snapshot() == before
    assert L.order_money(owner, o.id).paid == 0


def test_month_close_refuses_entries_dated_into_it_and_reversals_go_to_the_open_month(db, owner):
    october = L.post(owner, "charge", 8000, entry_date=D(2026, 10, 15))
    L.close_month(owner, "2026-10")
    before = snapshot()
    for day in (D(2026, 10, 20), D(2026, 10, 31), D(2026, 9, 1)):
        with pytest.raises(ValidationError, match="2026-(10|09) is closed") as refused:
            L.post(owner, "charge", 100, entry_date=day)
        assert refused.value.field == "entry_date"
    with pytest.raises(ValidationError):
        L.reverse(owner, october.id, "wrong", entry_date=D(2026, 10, 31))
    assert snapshot() == before  # the refused posts gave their numbers back
    rev = L.reverse(owner, october.id, "wrong price")
    assert (rev.entry_date, rev.amount, rev.seq) == (TODAY, -8000, 2)
    assert L.post(owner, "charge", 100, entry_date=D(2026, 11, 1)).seq == 3
    assert L.verify(owner).ok


def test_which_months_can_close(db, owner):
    with pytest.raises(ValidationError, match="has not ended"):
        L.close_month(owner, "2026-11")
    with pytest.raises(ValidationError, match="not a month"):
        L.close_month(owner, "Nov 2026")
    L.close_month(owner, "2026-10")
    for month in ("2026-10", "2026-09"):
        with pytest.raises(ValidationError, match="already closed"):
            L.close_month(owner, month)
    assert [m.month for m in L.closed_months(owner)] == ["2026-10"]
    assert AuditEntry.select().where(AuditEntry.record_type == "ClosedMonth").count() == 1


# ---- roles ---------------------------------------------------------------------------------

def test_a_technician_cannot_open_the_ledger_and_nothing_changes(db, owner, chen, clock, tmp_path, settlement_table):
    entry = L.post(owner, "charge", 8000)
    before = snapshot()
    refused = [
        lambda: L.summary(chen, *NOV),
        lambda: L.post(chen, "charge", 100),
        lambda: L.post(chen, "allowance", 100, technician_id=chen.staff.id),
        lambda: L.reverse(chen, entry.id, "mine"),
        lambda: L.entries(chen),
        lambda: L.count_entries(chen),
        lambda: L.verify(chen),
        lambda: L.close_month(chen, "2026-10"),
        lambda: L.export_csv(chen, *NOV, tmp_path / "x.csv"),
        lambda: L.record_hand_in(chen, chen.staff.id, 100),
        lambda: S.approve(chen, chen.staff.id, *OCT, km=10),
    ]
    for call in refused:
        with pytest.raises(PermissionDenied):
            call()
    assert snapshot() == before
    assert not (tmp_path / "x.csv").exists()


def test_the_front_desk_records_hand_ins_but_cannot_post_or_read_the_summary(db, desk, chen):
    before = snapshot()
    for call in (lambda: L.post(desk, "charge", 100), lambda: L.summary(desk, *NOV), lambda: L.close_month(desk, "2026-10")):
        with pytest.raises(PermissionDenied):
            call()
    assert snapshot() == before
    assert L.cash_held_by(desk, chen.staff.id) == 0


def test_a_technician_records_only_their_own_collections(db, chen, clock):
    other = make_actor("technician", clock, username="zhao", name="赵师傅")
    o = order(clock, chen)
    mine = L.record_collection(chen, o.id, 8000, "cash")
    assert mine.technician_id == chen.staff.id
    assert L.record_collection(chen, o.id, 100, "cash", chen.staff.id).technician_id == chen.staff.id
    before = snapshot()
    with pytest.raises(PermissionDenied):
        L.record_collection(chen, o.id, 100, "cash", other.staff.id)
    with pytest.raises(PermissionDenied):
        L.cash_held_by(chen, other.staff.id)
    assert snapshot() == before
    assert L.cash_held_by(chen, chen.staff.id) == 8100


# ---- hand-ins ------------------------------------------------------------------------------

def test_a_hand_in_short_of_what_was_collected_is_flagged(db, owner, desk, chen, clock):
    first, second = order(clock, chen), order(clock, chen)
    L.record_collection(chen, first.id, 8000, "cash")
    L.record_collection(chen, second.id, 4000, "cash")
    L.record_collection(chen, second.id, 9900, "wechat")  # paid to the shop's account: nothing to hand in
    assert [(d.order_number, d.collected, d.handed, d.due) for d in L.hand_in_due(desk, chen.staff.id)] == [
        (first.number, 8000, 0, 8000), (second.number, 4000, 0, 4000)]
    short = L.record_hand_in(desk, chen.staff.id, 5000, [first.id], note="signed receipt")
    assert (short.handed, short.due, short.difference, short.cash_held_after) == (5000, 8000, -3000, 7000)
    assert [(e.kind, e.order_id, e.amount, e.memo) for e in short.entries] == [("hand_in", first.id, 5000, "signed receipt")]
    assert [(d.order_number, d.due) for d in L.hand_in_due(desk, chen.staff.id)] == [(first.number, 3000), (second.number, 4000)]
    rest = L.record_hand_in(desk, chen.staff.id, 7500)  # every order due, 5.00 too much
    assert (rest.due, rest.difference, rest.cash_held_after) == (7000, 500, -500)
    assert [(e.order_id, e.amount) for e in rest.entries] == [(first.id, 3000), (second.id, 4000), (None, 500)]
    assert L.hand_in_due(desk, chen.staff.id) == []
    with pytest.raises(ValidationError):
        L.record_hand_in(desk, chen.staff.id, 0)
    assert L.verify(owner).ok


# ---- charges -----------------------------------------------------------------------------

def test_the_charge_follows_the_orders_final_fees(db, owner, chen, clock):
    o = order(clock, chen)
    assert [e.amount for e in L.record_charge(chen, o.id, 8000)] == [8000]
    assert L.record_charge(chen, o.id, 8000) == []
    changed = L.record_charge(owner, o.id, 9000)
    assert [(e.amount, e.reverses_id is not None) for e in changed] == [(-8000, True), (9000, False)]
    L.record_collection(chen, o.id, 9000, "cash")
    money = L.order_money(owner, o.id)
    assert (money.charged, money.paid, money.due) == (9000, 9000, 0)
    assert [e.amount for e in L.record_charge(owner, o.id, 0)] == [-9000]
    assert L.order_money(owner, o.id).charged == 0


# ---- the owner's figures -------------------------------------------------------------------

def _month_of_business(owner, chen, zhao, clock):
    paid, unpaid, counter = order(clock, chen), order(clock, zhao), order(clock)
    L.record_charge(owner, paid.id, 8000)
    L.record_collection(owner, paid.id, 8000, "cash", chen.staff.id)
    L.record_hand_in(owner, chen.staff.id, 6000, [paid.id])
    L.record_charge(owner, unpaid.id, 12000)
    L.record_collection(owner, unpaid.id, 2000, "alipay", zhao.staff.id)
    L.record_charge(owner, counter.id, 5000)
    L.record_collection(owner, counter.id, 5000, "wechat")
    L.post(owner, "refund", 1000, order_id=counter.id, method="wechat")
    L.post(owner, "allowance", 3000, technician_id=chen.staff.id, memo="travel")
    wrong = L.post(owner, "allowance", 999, technician_id=zhao.staff.id)
    L.reverse(owner, wrong.id, "not his")
    return paid, unpaid, counter


def test_summary_totals_by_kind_method_and_technician(db, owner, chen, clock):
    zhao = make_actor("technician", clock, username="zhao", name="赵师傅")
    _month_of_business(owner, chen, zhao, clock)
    s = L.summary(owner, *NOV)
    assert s.by_kind == {"charge": 25000, "payment": 15000, "hand_in": 6000, "refund": 1000, "allowance": 3000,
                         "adjustment": 0}
    assert (s.charged, s.collected, s.handed_in, s.refunded, s.allowances) == (25000, 15000, 6000, 1000, 3000)
    assert s.by_method == {"cash": 8000, "wechat": 5000, "alipay": 2000, "bank": 0, "card": 0}
    assert s.counter_collected == 5000
    by_name = {t.name: t for t in s.by_technician}
    assert (by_name["陈师傅"].collected, by_name["陈师傅"].handed_in, by_name["陈师傅"].cash_held,
            by_name["陈师傅"].allowances) == (8000, 6000, 2000, 3000)
    assert (by_name["赵师傅"].collected, by_name["赵师傅"].collected_cash, by_name["赵师傅"].cash_held,
            by_name["赵师傅"].allowances) == (2000, 0, 0, 0)
    assert s.cash_held == 2000
    assert (s.unpaid_orders, s.unpaid_amount) == (2, 10000 + 1000)  # 赵's order, and the refunded counter order
    empty = L.summary(owner, *OCT)
    assert empty.charged == 0 and empty.by_technician == [] and empty.unpaid_orders == 0
    with pytest.raises(ValidationError):
        L.summary(owner, D(2026, 11, 30), D(2026, 11, 1))


def test_figures_after_a_month_close_match_the_figures_before(db, owner, chen, clock):
    o = order(clock, chen)
    L.post(owner, "payment", 8000, order_id=o.id, technician_id=chen.staff.id, method="cash", entry_date=D(2026, 10, 3))
    L.post(owner, "hand_in", 3000, order_id=o.id, technician_id=chen.staff.id, method="cash", entry_date=D(2026, 10, 9))
    L.record_collection(chen, o.id, 1500, "cash")
    L.record_hand_in(owner, chen.staff.id, 500)
    other = order(clock, chen)
    L.post(owner, "payment", 700, order_id=other.id, technician_id=chen.staff.id, method="cash", entry_date=D(2026, 10, 4))
    L.post(owner, "hand_in", 700, order_id=other.id, technician_id=chen.staff.id, method="cash", entry_date=D(2026, 10, 5))

    def figures():
        return (L.summary(owner, *NOV), L.summary(owner, *OCT), L.cash_held_by(owner, chen.staff.id),
                L.hand_in_due(owner, chen.staff.id))

    before = figures()
    L.close_month(owner, "2026-10")
    assert json.loads(ClosedMonth.get_by_id("2026-10").balances) == {
        "cash_held": {str(chen.staff.id): 5000}, "open_cash": {str(chen.staff.id): {str(o.id): [8000, 3000, 1]}}}
    assert figures() == before
    assert before[0].by_technician[0].cash_held == 6000 and before[1].by_technician[0].cash_held == 5000
    assert [(d.order_id, d.collected, d.handed, d.due) for d in before[3]] == [(o.id, 9500, 3500, 6000)]
    L.record_collection(chen, other.id, 300, "cash")  # an order squared before the close opens again
    assert [(d.order_id, d.due) for d in L.hand_in_due(owner, chen.staff.id)] == [(o.id, 6000), (other.id, 300)]
    result = L.record_hand_in(owner, chen.staff.id, 6300)
    assert (result.due, result.difference, result.cash_held_after) == (6300, 0, 0)
    assert L.hand_in_due(owner, chen.staff.id) == []


@settings(max_examples=15)
@given(st.lists(st.tuples(st.sampled_from(rules.KINDS), st.integers(1, 10**6), st.booleans()), min_size=1, max_size=8))
def test_summary_equals_the_sum_of_the_entries(db, owner, ops):
    for kind, cents, reverse_it in ops:
        method = "cash" if kind in ("payment", "hand_in") else ""
        entry = L.post(owner, kind, cents, method=method)
        if reverse_it:
            L.reverse(owner, entry.id, "test")
            with pytest.raises(ValidationError):
                L.reverse(owner, entry.id, "twice")
    everything = list(LedgerEntry.select())
    s = L.summary(owner, D(2026, 1, 1), TODAY)
    for kind in rules.KINDS:
        assert s.by_kind[kind] == sum(e.amount for e in everything if e.kind == kind)
    standing = [e for e in everything if e.reverses_id is None and not any(r.reverses_id == e.id for r in everything)]
    assert rules.balances(everything) == rules.balances(standing)
    assert L.verify(owner).ok


def test_entries_page_with_running_totals(db, owner, chen, clock):
    o = order(clock, chen)
    for cents in (100, 200, 300, 400, 500):
        L.record_collection(owner, o.id, cents, "cash", chen.staff.id)
    L.post(owner, "charge", 7, order_id=o.id)
    page = L.entries(owner, kind="payment", offset=2, limit=2)
    assert [(r.seq, r.amount, r.running) for r in page] == [(3, 300, 600), (4, 400, 1000)]
    assert (page[0].order_number, page[0].technician, page[0].created_by, page[0].method) == (o.number, "陈师傅", "老板", "cash")
    newest = L.entries(owner, kind="payment", limit=2, newest_first=True)
    assert [(r.seq, r.running) for r in newest] == [(5, 1500), (4, 1000)]
    assert L.count_entries(owner, kind="payment") == 5 and L.count_entries(owner, technician_id=chen.staff.id) == 5
    assert L.count_entries(owner, order_id=o.id, date_from=TODAY, date_to=TODAY) == 6
    rev = L.reverse(owner, page[0].id, "wrong")
    rows = {r.seq: r for r in L.entries(owner, order_id=o.id)}
    assert rows[3].reversed_by_seq == rev.seq and rows[rev.seq].reverses_seq == 3
    assert L.entries(owner, offset=100) == []


def test_exports(db, owner, chen, clock, tmp_path):
    from openpyxl import load_workbook

    o = order(clock, chen)
    L.record_charge(owner, o.id, 8000)
    pay = L.record_collection(owner, o.id, 8000, "cash", chen.staff.id)
    L.reverse(owner, pay.id, "错单")
    L.post(owner, "charge", 100, entry_date=D(2026, 10, 1))  # outside the period
    assert L.export_csv(owner, *NOV, tmp_path / "nov.csv") == 3
    with open(tmp_path / "nov.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["No.", "Date", "Kind", "Amount"]
    assert [r[:9] for r in rows[1:]] == [
        ["1", "2026-11-23", "Charge", "80.00", "", o.number, "陈师傅", o.number, ""],
        ["2", "2026-11-23", "Payment collected", "80.00", "Cash", o.number, "陈师傅", "", ""],
        ["3", "2026-11-23", "Payment collected", "-80.00", "Cash", o.number, "陈师傅", "错单", "2"],
    ]
    assert rows[1][9] == "2026-11-23 09:00:00" and rows[1][10] == "老板"
    translated = L.export_xlsx(owner, *NOV, tmp_path / "nov.xlsx", translate=lambda ctx, text: f"[{text}]")
    assert translated == 3
    sheet = load_workbook(tmp_path / "nov.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "[No.]"
    assert values[3][2] == "[Payment collected]" and values[3][3] == -80 and values[3][8] == 2
    assert sheet.cell(row=2, column=4).number_format == "0.00"


# ---- several desks at once ----------------------------------------------------------------

def test_desks_posting_at_once_keep_one_chain(db, owner):
    failures = []

    def desk_posts(number):
        try:
            for i in range(6):
                L.post(owner, "adjustment", 100 + number, memo=f"desk {number} #{i}")
        except Exception as exc:  # reported below: a thread cannot fail the test itself
            failures.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=desk_posts, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert failures == []
    assert [e.seq for e in LedgerEntry.select(LedgerEntry.seq).order_by(LedgerEntry.seq)] == list(range(1, 25))
    assert L.verify(owner) == rules.VerifyResult(True, 24)


def _desk_process(path, staff_id, posts, number):
    from shopdesk.db import close_database, open_database

    open_database(path)
    actor = Actor(Staff.get_by_id(staff_id), FixedClock(dt.datetime(2026, 11, 23, 1, 0)))
    for i in range(posts):
        L.post(actor, "adjustment", 100 + number, memo=f"desk {number} #{i}")
    close_database()


def test_desk_processes_share_one_sqlite_file(tmp_path, clock):
    from shopdesk.db import close_database, open_database

    path = str(tmp_path / "shop.sqlite3")
    open_database(path)
    staff_id = Staff.create(username="owner", name="老板", role="owner", created_at=clock.now()).id
    close_database()
    spawn = multiprocessing.get_context("spawn")
    desks = [spawn.Process(target=_desk_process, args=(path, staff_id, 8, n)) for n in range(4)]
    for p in desks:
        p.start()
    for p in desks:
        p.join(timeout=120)
    assert [p.exitcode for p in desks] == [0, 0, 0, 0]
    open_database(path)
    try:
        owner = Actor(Staff.get_by_id(staff_id), clock)
        assert [e.seq for e in LedgerEntry.select(LedgerEntry.seq).order_by(LedgerEntry.seq)] == list(range(1, 33))
        assert L.verify(owner) == rules.VerifyResult(True, 32)
        assert sorted(e.amount for e in LedgerEntry.select()) == sorted([100, 101, 102, 103] * 8)
    finally:
        close_database()


# ---- settlement ----------------------------------------------------------------------------

def _october_for_chen(owner, chen, clock):
    ShopSettings.update(travel_allowance_per_visit=2000, fuel_allowance_per_km=80).execute()
    closed = dt.datetime(2026, 10, 20, 6, 0)
    onsite = order(clock, chen, state="closed", closed_at=closed, travel_km=12)
    bench = order(clock, chen, location="bench", state="closed", closed_at=closed)
    late = order(clock, chen, state="closed", closed_at=dt.datetime(2026, 10, 31, 17, 0), travel_km=30)  # Nov 1 in Shanghai
    order(clock, chen, state="resolved", closed_at=None)  # not closed: not a job done yet
    order(clock, chen, state="cancelled", closed_at=closed)
    for o, points, qty in ((onsite, 3, 1), (bench, 2, 2), (late, 5, 1)):
        OrderLine.create(order=o, kind="labour", points=points, quantity=qty, unit_price=5000, created_at=clock.now())
    OrderLine.create(order=onsite, kind="labour", points=9, removed=True, created_at=clock.now())
    L.post(owner, "payment", 8000, order_id=onsite.id, technician_id=chen.staff.id, method="cash", entry_date=D(2026, 9, 30))
    L.post(owner, "payment", 6000, order_id=onsite.id, technician_id=chen.staff.id, method="cash", entry_date=D(2026, 10, 5))
    L.post(owner, "payment", 4000, order_id=bench.id, technician_id=chen.staff.id, method="card", entry_date=D(2026, 10, 6))
    L.post(owner, "hand_in", 9000, order_id=onsite.id, technician_id=chen.staff.id, method="cash", entry_date=D(2026, 10, 8))
    return onsite, bench


def test_statement_for_a_period(db, owner, chen, clock):
    onsite, bench = _october_for_chen(owner, chen, clock)
    s = S.statement(owner, chen.staff.id, *OCT)
    assert [j.order_number for j in s.job_list] == [onsite.number, bench.number]
    assert (s.jobs, s.points, s.visits, s.km) == (2, 3 + 4, 1, 12)
    assert (s.travel_allowance, s.fuel_allowance) == (2000, 960)
    assert (s.collected, s.handed_in, s.cash_still_held) == (10000, 9000, 5000)
    assert s.balance == 2960 - 5000
    assert S.statement(owner, chen.staff.id, *OCT, km=100).fuel_allowance == 8000
    assert S.statement(chen, chen.staff.id, *OCT) == s  # a technician may read their own
    zhao = make_actor("technician", clock, username="zhao", name="赵师傅")
    with pytest.raises(PermissionDenied):
        S.statement(zhao, chen.staff.id, *OCT)


def test_approving_posts_the_allowances_once(db, owner, chen, clock, settlement_table):
    _october_for_chen(owner, chen, clock)
    L.close_month(owner, "2026-10")
    first = S.approve(owner, chen.staff.id, *OCT, km=50)
    assert [(e.kind, e.amount, e.technician_id, e.entry_date) for e in first.posted] == [
        ("allowance", 2000, chen.staff.id, TODAY), ("allowance", 4000, chen.staff.id, TODAY)]
    assert first.statement.km == 50 and not first.already_approved
    before = snapshot()
    again = S.approve(owner, chen.staff.id, *OCT, km=80)
    assert again.posted == [] and again.already_approved and again.statement == first.statement
    assert snapshot() == before
    assert LedgerEntry.select().where(LedgerEntry.kind == "allowance").count() == 2
    with pytest.raises(ValidationError, match="overlaps"):
        S.approve(owner, chen.staff.id, D(2026, 10, 15), D(2026, 11, 14))
    with pytest.raises(ValidationError, match="has not ended"):
        S.approve(owner, chen.staff.id, D(2026, 11, 1), D(2026, 11, 30))
    assert snapshot() == before
    assert [s.period_from for s in S.settlements(owner, chen.staff.id)] == [D(2026, 10, 1)]
    assert L.summary(owner, *NOV).by_technician[0].allowances == 6000
    assert L.verify(owner).ok


def test_hand_ins_offer_who_is_at_work_and_whoever_left_still_holding_cash(db, owner, desk, chen, clock):
    li = make_actor("technician", clock, username="li", name="李师傅")
    make_actor("front_desk", clock, username="wang", name="王")  # takes no orders: not offered
    job = order(clock, chen)
    L.record_collection(chen, job.id, 8000, "cash")
    Staff.update(active=False).where(Staff.id.in_([chen.staff.id, li.staff.id])).execute()  # both leave
    people = L.hand_in_people(desk)
    assert [(p.name, p.active, p.held) for p in people] == [("陈师傅", False, 8000)]  # li left owing nothing
    L.record_hand_in(desk, chen.staff.id, 8000)
    assert L.hand_in_people(desk) == []
    with pytest.raises(PermissionDenied):
        L.hand_in_people(chen)  # a technician does not record hand-ins
