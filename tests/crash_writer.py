"""The writer of the crash-safety test (tests/services/test_crash_safety.py).

Opens an SQLite database the way the program does (``open_database``) and does
shop transactions one after another until it is killed: a customer, a repair
order with three history events and a charge line, and a ledger entry. After
each commit it prints the transaction's number (the ledger ``seq``) and flushes,
so the test knows exactly which transactions were reported committed.

    python -m tests.crash_writer DB_PATH
"""

from __future__ import annotations

import datetime as dt
import sys

from shopdesk.db import open_database
from shopdesk.models import Customer, LedgerEntry, OrderEvent, OrderLine, RepairOrder, database

AT = dt.datetime(2026, 11, 23, 1, 0)
STEPS = (("", "new"), ("new", "assigned"), ("assigned", "closed"))


def one_transaction() -> int:
    with database.atomic():
        last = LedgerEntry.select(LedgerEntry.seq).order_by(LedgerEntry.seq.desc()).first()
        seq = (last.seq if last else 0) + 1
        customer = Customer.create(number=f"K{seq:08d}", name=f"客户{seq}", created_at=AT)
        order = RepairOrder.create(number=f"W{seq:08d}", customer=customer, reported_at=AT, created_at=AT,
                                   fault="卡纸" * 20, state="closed")
        for from_state, to_state in STEPS:
            OrderEvent.create(order=order, at=AT, from_state=from_state, to_state=to_state, note=f"txn {seq}")
        OrderLine.create(order=order, kind="labour", description="上门维修", unit_price=8000, created_at=AT)
        LedgerEntry.create(seq=seq, kind="payment", amount=8000, entry_date=AT.date(), created_at=AT, order=order,
                           method="cash", prev_hash=f"{seq - 1:064d}", hash=f"{seq:064d}")
    return seq


def main(argv: list[str]) -> int:
    open_database(argv[0])
    for _ in range(100_000):  # a bound, in case nobody kills it (a dead parent's pipe also ends it)
        seq = one_transaction()
        sys.stdout.write(f"{seq}\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
