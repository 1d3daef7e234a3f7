"""A writer process killed with SIGKILL at random moments never leaves a damaged
database or half a transaction, and loses nothing it reported committed."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("SHOPDESK_CRASH_KILLS", "8"))  # bounded for CI; raise it to soak
SEED = 20261123


def start_writer(path: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "tests.crash_writer", str(path)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

def run_and_kill(path: Path, rnd: random.Random) -> list[int]:
    """Start the writer, let it report a random number of commits, kill it at a random
    moment in what follows; return every number it reported."""
    writer = start_writer(path)
    reported = []
    try:
        wanted = rnd.randint(1, 40)
        for line in writer.stdout:
            reported.append(int(line))
            if len(reported) >= wanted:
                break
        # A seeded pause of 0-4 ms moves the kill to a random point inside the next
        # transactions (its insert, its commit, or between commit and print).
        time.sleep(rnd.uniform(0, 0.004))
    finally:
        writer.send_signal(signal.SIGKILL)
        rest, errors = writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL, errors
    assert len(reported) >= 1, errors
    return reported + [int(line) for line in rest.split()]

def check(path: Path, reported: set[int]) -> int:
    conn = sqlite3.connect(path)  # a normal connection, as the next start of the program
    try:
        assert [row[0] for row in conn.execute("PRAGMA integrity_check")] == ["ok"]
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        seqs = [row[0] for row in conn.execute("SELECT seq FROM ledger_entry ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))
        assert reported <= set(seqs), f"reported committed but missing: {sorted(reported - set(seqs))[:10]}"
        # none half-present: every piece of every transaction, and nothing else
        assert one("SELECT count(*) FROM customer") == one("SELECT count(*) FROM repair_order") == len(seqs)
        assert one("SELECT count(*) FROM order_event") == 3 * len(seqs)
        assert one("SELECT count(*) FROM order_line") == len(seqs)
        incomplete = one(
            "SELECT count(*) FROM ledger_entry l JOIN repair_order o ON o.id = l.order_id "
            "JOIN customer c ON c.id = o.customer_id "
            "WHERE o.number != printf('W%08d', l.seq) OR c.number != printf('K%08d', l.seq) "
            "OR (SELECT count(*) FROM order_event e WHERE e.order_id = o.id AND e.note = 'txn ' || l.seq) != 3 "
            "OR (SELECT count(*) FROM order_line x WHERE x.order_id = o.id) != 1"
        )
        assert incomplete == 0
        return len(seqs)
    finally:
        conn.close()

def test_a_writer_killed_at_random_moments_loses_no_committed_transaction_and_leaves_no_half(tmp_path):
    path = tmp_path / "shop.sqlite3"
    rnd = random.Random(SEED)
    reported: set[int] = set()
    started = time.monotonic()
    for _ in range(KILLS):
        reported |= set(run_and_kill(path, rnd))
        present = check(path, reported)
        assert present >= max(reported)
    assert len(reported) >= KILLS
    assert time.monotonic() - started < 60  # about 10 s here; the bound keeps CI honest
