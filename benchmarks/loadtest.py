"""Several desks at once: a busy shop day replayed at high speed against one database.

    .venv/bin/python -m benchmarks.loadtest                      # 8 desks on a PostgreSQL server, 30 s
    .venv/bin/python -m benchmarks.loadtest --desks 8 --seconds 60
    .venv/bin/python -m benchmarks.loadtest --sqlite             # 4 desks on one SQLite file (one PC)
    .venv/bin/python -m benchmarks.loadtest --durable            # the server syncs its commits to disk

The PostgreSQL server is a throw-away one started here (tests/pgserver.py). Like
the tests' server it runs with fsync off unless ``--durable`` is given, so the
default figures measure ShopDesk's locking and round trips rather than the disk.

Each desk is its own process with its own connection, signed in as its own
staff member, and works through the services a person's clicks call:
searches, opening customer files, the board and the call queue, new customers
and orders, moving its orders through the on-site workflow (dispatch, assign,
appointment, start, resolve — which posts the charge —, receipt back, callback,
close), parts lines, ledger posts and follow-up calls. Every write a desk
commits carries a unique mark (number, memo, note); afterwards the database is
compared with what each desk says it committed (lost, duplicated or phantom
writes must be 0), numbers are checked for gaps and the ledger chain is verified.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import Counter as Tally
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests.pgserver, when run as a script

SEED_CUSTOMERS = 2000
SEED_ORDERS = 5000

# How often a desk does what, in a busy day (weights).
MIX = {
    "search": 30, "open_file": 8, "board": 5, "call_queue": 4, "new_customer": 6, "new_order": 10,
    "state_change": 18, "parts_line": 7, "ledger_post": 7, "followup_call": 5,
}
READS = ("search", "open_file", "board", "call_queue")

# The on-site workflow a desk moves its own orders through, with what each step needs.
WORKFLOW = ("dispatch", "assign", "set_appointment", "start", "resolve", "return_receipt", "confirm_callback", "close")


# ---- one desk (a process of its own) -----------------------------------------------------------

def desk(number: int, url: str, staff_id: int, lead_id: int, tech_id: int, words: list[str],
         customer_ids: list[int], seconds: float, start, results, pgpassfile: str | None) -> None:
    if pgpassfile:
        os.environ["PGPASSFILE"] = pgpassfile
    from shopdesk.db import close_database, open_database
    from shopdesk.models import Staff

    from shopdesk.services.context import Actor

    open_database(url)
    actor = Actor(Staff.get_by_id(staff_id))
    work = DeskWork(number, actor, lead_id, tech_id, words, customer_ids)
    work.warm_up()
    start.wait(60)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        work.one_step()
    close_database()
    results.put(work.report())


class DeskWork:
    def __init__(self, number: int, actor, lead_id: int, tech_id: int, words: list[str], customer_ids: list[int]):
        self.number, self.actor, self.lead_id, self.tech_id = number, actor, lead_id, tech_id
        self.words, self.customer_ids = words, list(customer_ids)
        self.rnd = random.Random(1000 + number)
        self.timings: dict[str, list[float]] = {op: [] for op in MIX}
        self.errors: list[str] = []
        self.committed: dict[str, list[str]] = {k: [] for k in ("customers", "orders", "marks", "lines", "posts",
                                                                "calls")}
        self.open_orders: list[int] = []  # this desk's orders not closed yet
        self.count = 0
        self.ops, self.weights = list(MIX), list(MIX.values())

    def warm_up(self) -> None:
        """What a desk that has been open all morning has done already: the pinyin tables
        loaded (about 2 s, once per program), the reading paths run once. Nothing is written."""
        from shopdesk.rules.search import search_text

        search_text("王伟", "深圳正方达贸易", "王伟", "深圳市南山区")
        for read in READS:
            getattr(self, read)()

    def mark(self, what: str) -> str:
        self.count += 1
        return f"d{self.number}-{what}-{self.count}"

    def one_step(self) -> None:
        op = self.rnd.choices(self.ops, self.weights)[0]
        if op in ("state_change", "parts_line", "ledger_post", "followup_call") and not self.open_orders:
            op = "new_order"
        started = time.perf_counter()
        try:
            getattr(self, op)()
        except Exception as exc:  # noqa: BLE001 - every failure is counted and shown
            self.errors.append(f"{op}: {type(exc).__name__}: {exc}")
            return
        self.timings[op].append((time.perf_counter() - started) * 1000)

    # -- reads
    def search(self) -> None:
        from shopdesk.services import search

        search.find(self.actor, self.rnd.choice(self.words), limit=20)

    def open_file(self) -> None:
        from shopdesk.services import customers

        customers.open_file(self.actor, self.rnd.choice(self.customer_ids))

    def board(self) -> None:
        from shopdesk.services import orders

        orders.board(self.actor, orders.BoardFilter(), 0, 100)

    def call_queue(self) -> None:
        from shopdesk.services import followups

        followups.queue(self.actor, limit=100)

    # -- writes
    def new_customer(self) -> None:
        from shopdesk.services import customers

        n = self.rnd.randrange(10**8)
        customer = customers.create(self.actor, name=f"客户{self.number}{n % 1000:03d}",
                                    phone=f"139{self.number % 10}{n:08d}"[:11], address="深圳市南山区科技园",
                                    notes=self.mark("customer"))
        self.customer_ids.append(customer.id)
        self.committed["customers"].append(customer.number)

    def new_order(self) -> None:
        from shopdesk.services import orders

        order = orders.create_order(self.actor, self.rnd.choice(self.customer_ids), fault="卡纸，有异响",
                                    address="深圳市福田区华强北路 1 号", condition=self.mark("order"))
        self.open_orders.append(order.id)
        self.committed["orders"].append(order.number)

    def state_change(self) -> None:
        from shopdesk.services import orders

        order_id = self.rnd.choice(self.open_orders)
        order = orders.get_order(self.actor, order_id)
        allowed = {a.name for a in orders.allowed_actions(self.actor, order)}
        step = next((name for name in WORKFLOW if name in allowed), None)
        if step is None:
            self.open_orders.remove(order_id)
            return
        mark = self.mark("step")
        inputs = {"note": mark}
        if step == "dispatch":
            inputs["dispatched_to"] = self.lead_id
        elif step == "assign":
            inputs["technician"] = self.tech_id
        elif step == "set_appointment":
            import datetime as dt

            inputs["appointment_at"] = self.actor.clock.now().replace(microsecond=0) + dt.timedelta(hours=2)
        elif step == "return_receipt":
            inputs.update(signer_name="王伟", in_person=True)
        orders.act(self.actor, order_id, step, order.version, **inputs)
        self.committed["marks"].append(mark)
        if step == "close":
            self.open_orders.remove(order_id)

    def parts_line(self) -> None:
        from shopdesk.services import orders

        mark = self.mark("part")
        orders.record_work(self.actor, self.rnd.choice(self.open_orders), diagnosis="搓纸轮磨损",
                           parts=[orders.PartUsed(mark, 1, 8000)])
        self.committed["lines"].append(mark)

    def ledger_post(self) -> None:
        from shopdesk.services import ledger

        mark = self.mark("post")
        ledger.post(self.actor, "payment", self.rnd.randrange(1, 50000), method=self.rnd.choice(["cash", "wechat"]),
                    order_id=self.rnd.choice(self.open_orders), memo=mark)
        self.committed["posts"].append(mark)

    def followup_call(self) -> None:
        from shopdesk.services import followups

        mark = self.mark("call")
        followups.record_call(self.actor, stage="B", outcome="reached", order_id=self.rnd.choice(self.open_orders),
                              scores={"timeliness": 5, "attitude": 5, "explanation": 4, "result": 5}, note=mark)
        self.committed["calls"].append(mark)

    def report(self) -> dict:
        return {"desk": self.number, "timings": self.timings, "errors": self.errors, "committed": self.committed}


# ---- setting up, running, checking -------------------------------------------------------------

def prepare(url: str, desks: int, seed: int) -> dict:
    """A shop with history, one staff member per desk, the words people type."""
    from shopdesk.db import close_database, open_database
    from shopdesk.demo import fill
    from shopdesk.models import Customer, Staff
    from shopdesk.services.context import Actor
    from shopdesk.services.staff import create_staff

    open_database(url)
    fill(customers=SEED_CUSTOMERS, orders=SEED_ORDERS, seed=seed)
    system = Actor.system_task()
    staff = [create_staff(system, name=f"前台{i}", username=f"desk{i}", role="owner", password="desk-pass-123").id
             for i in range(desks)]
    lead = Staff.get_or_none(Staff.role == "team_lead") or create_staff(system, "组长", "lead", "team_lead", "lead-pass-1")
    tech = Staff.get_or_none((Staff.role == "technician") & Staff.active) or create_staff(
        system, "陈师傅", "chen", "technician", "tech-pass-12")
    rnd = random.Random(seed)
    rows = list(Customer.select(Customer.id, Customer.name, Customer.phone, Customer.search_text).tuples())
    words = []
    for _, name, phone, text in rnd.sample(rows, min(400, len(rows))):
        tokens = text.split()
        words += [name[:2], phone[-4:], tokens[2] if len(tokens) > 2 else name]
    close_database()
    return {"staff": staff, "lead": lead.id, "tech": tech.id, "words": words, "customers": [r[0] for r in rows]}


def round_trip_floor(url: str) -> float:
    """p50 of ``SELECT 1`` from one process: the floor under every operation."""
    from shopdesk.db import close_database, open_database
    from shopdesk.models import database

    open_database(url)
    times = []
    for _ in range(300):
        started = time.perf_counter()
        database.execute_sql("SELECT 1").fetchone()
        times.append((time.perf_counter() - started) * 1000)
    close_database()
    return statistics.median(times)


def run(url: str, desks: int, seconds: float, seed: int, pgpassfile: str | None = None) -> dict:
    setup = prepare(url, desks, seed)
    floor = round_trip_floor(url)
    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Event(), spawn.Queue()
    processes = [spawn.Process(target=desk, args=(i, url, setup["staff"][i], setup["lead"], setup["tech"],
                                                  setup["words"], setup["customers"], seconds, start, results,
                                                  pgpassfile))
                 for i in range(desks)]
    for p in processes:
        p.start()
    time.sleep(1.0)  # let every desk open its connection
    began = time.perf_counter()
    start.set()
    reports = _collect(results, processes, deadline=time.monotonic() + seconds + 600)
    elapsed = time.perf_counter() - began
    for p in processes:
        p.join(60)
    return {"reports": reports, "elapsed": elapsed, "floor": floor, "setup": setup,
            "check": check(url, reports, setup["staff"])}


def _collect(results, processes, deadline: float) -> list[dict]:
    """Every desk's report; a desk that died without one stops the run instead of hanging it."""
    import queue

    reports = []
    while len(reports) < len(processes):
        try:
            reports.append(results.get(timeout=1))
        except queue.Empty:
            dead = [p for p in processes if p.exitcode not in (None, 0)]
            if dead or time.monotonic() > deadline:
                for p in processes:
                    p.kill()
                raise SystemExit(f"loadtest: {len(dead)} desk(s) died (exit {[p.exitcode for p in dead]}); "
                                 "see their traceback above")
    return reports


def check(url: str, reports: list[dict], staff_ids: list[int]) -> dict:
    """Compare what every desk says it committed with what the database holds."""
    import peewee as pw

    from shopdesk.db import close_database, open_database
    from shopdesk.models import Customer, FollowUpCall, LedgerEntry, OrderEvent, OrderLine, RepairOrder
    from shopdesk.services import ledger
    from shopdesk.services.context import Actor

    open_database(url)
    said = {k: Tally(v for r in reports for v in r["committed"][k]) for k in reports[0]["committed"]}
    mine = lambda field: field.in_(staff_ids)  # noqa: E731 - rows written by the desks
    held = {
        "customers": Tally(n for (n,) in Customer.select(Customer.number).where(mine(Customer.created_by)).tuples()),
        "orders": Tally(n for (n,) in RepairOrder.select(RepairOrder.number).where(mine(RepairOrder.created_by)).tuples()),
        "marks": Tally(n for (n,) in OrderEvent.select(OrderEvent.note).where(
            mine(OrderEvent.staff) & OrderEvent.note.startswith("d") & OrderEvent.note.contains("-step-")).tuples()),
        "lines": Tally(n for (n,) in OrderLine.select(OrderLine.description).where(mine(OrderLine.created_by)).tuples()),
        "posts": Tally(n for (n,) in LedgerEntry.select(LedgerEntry.memo).where(
            mine(LedgerEntry.created_by) & LedgerEntry.memo.contains("-post-")).tuples()),
        "calls": Tally(n for (n,) in FollowUpCall.select(FollowUpCall.note).where(mine(FollowUpCall.made_by)).tuples()),
    }
    lost = {k: sum((said[k] - held[k]).values()) for k in said}
    duplicated = {k: sum(c - 1 for c in held[k].values() if c > 1) + sum(c - 1 for c in said[k].values() if c > 1)
                  for k in said}
    phantom = {k: sum((held[k] - said[k]).values()) for k in said}
    numbers = [int(n[1:]) for (n,) in RepairOrder.select(RepairOrder.number).tuples()]
    customers_numbers = [int(n[1:]) for (n,) in Customer.select(Customer.number).tuples()]
    gap_free = sorted(numbers) == list(range(1, len(numbers) + 1)) and \
        sorted(customers_numbers) == list(range(1, len(customers_numbers) + 1))
    verdict = ledger.verify(Actor.system_task())
    entries = LedgerEntry.select(pw.fn.COUNT(LedgerEntry.id)).scalar()
    close_database()
    return {"lost": lost, "duplicated": duplicated, "phantom": phantom, "gap_free": gap_free,
            "ledger_ok": verdict.ok, "ledger": str(ledger.describe_verify(verdict)), "entries": entries}


# ---- the table ---------------------------------------------------------------------------------

def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def table(result: dict, title: str) -> str:
    reports, elapsed = result["reports"], result["elapsed"]
    lines = [f"### {title}", "",
             "| operation | count | ops/s | p50 ms | p95 ms | p99 ms | errors |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    errors = Tally(e.split(":")[0] for r in reports for e in r["errors"])
    total = 0
    for op in MIX:
        times = [t for r in reports for t in r["timings"][op]]
        total += len(times)
        lines.append(f"| {op} | {len(times):,} | {len(times) / elapsed:,.1f} | {percentile(times, 50):.1f} | "
                     f"{percentile(times, 95):.1f} | {percentile(times, 99):.1f} | {errors.get(op, 0)} |")
    every = [t for r in reports for op in MIX for t in r["timings"][op]]
    lines.append(f"| **all** | **{total:,}** | **{total / elapsed:,.1f}** | {percentile(every, 50):.1f} | "
                 f"{percentile(every, 95):.1f} | {percentile(every, 99):.1f} | **{sum(errors.values())}** |")
    c = result["check"]
    lines += ["",
              f"- floor: `SELECT 1` round trip p50 {result['floor'] * 1000:.0f} µs (one process, same database)",
              f"- errors: {sum(errors.values())}"
              + ("" if not errors else " — first: " + next(e for r in reports for e in r["errors"])[:300]),
              f"- lost writes: {sum(c['lost'].values())} · duplicated: {sum(c['duplicated'].values())} · "
              f"phantom: {sum(c['phantom'].values())}  (checked: "
              + ", ".join(f"{k} {sum(1 for r in reports for _ in r['committed'][k]):,}" for k in c["lost"]) + ")",
              f"- customer and order numbers unique and gap-free: {'yes' if c['gap_free'] else 'NO'}",
              f"- ledger: {c['ledger']} ({'ok' if c['ledger_ok'] else 'FAILED'})"]
    return "\n".join(lines)


def passed(result: dict) -> bool:
    c = result["check"]
    return (not any(r["errors"] for r in result["reports"]) and c["ledger_ok"] and c["gap_free"]
            and not any(c["lost"].values()) and not any(c["duplicated"].values()) and not any(c["phantom"].values()))


# ---- the command ---------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--desks", type=int, help="desk processes (default 8; 4 with --sqlite)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the desks work (default 30)")
    parser.add_argument("--sqlite", action="store_true", help="one SQLite file on this PC instead of a server")
    parser.add_argument("--durable", action="store_true", help="PostgreSQL with fsync and synchronous commits on")
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args(argv)
    desks = args.desks or (4 if args.sqlite else 8)
    os.environ.setdefault("SHOPDESK_DATA_DIR", tempfile.mkdtemp(prefix="shopdesk-load-data-"))
    where = f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    if args.sqlite:
        folder = tempfile.mkdtemp(prefix="shopdesk-load-")
        url = str(Path(folder) / "shop.sqlite3")
        result = run(url, desks, args.seconds, args.seed)
        title = f"SQLite (WAL, one file), {desks} desks × {args.seconds:g} s — {where}"
    else:
        from tests.pgserver import PostgresServer

        server = durable_server() if args.durable else PostgresServer()
        server.start()
        try:
            url = server.create_database("shopdesk_load")
            version = _server_version(url)
            result = run(url, desks, args.seconds, args.seed)
        finally:
            server.cleanup()
        durability = "fsync on" if args.durable else "fsync off, as the tests' server"
        title = f"PostgreSQL {version} ({durability}), {desks} desks × {args.seconds:g} s — {where}"
    print(table(result, title + f"; seed shop: {SEED_CUSTOMERS:,} customers, {SEED_ORDERS:,} orders"))
    return 0 if passed(result) else 1


def _server_version(url: str) -> str:
    import psycopg2

    from shopdesk.db import postgres_parameters

    conn = psycopg2.connect(**postgres_parameters(url))
    try:
        return f"{conn.server_version // 10000}.{conn.server_version % 10000}"
    finally:
        conn.close()


def durable_server():
    """The tests' throw-away server, but committing to disk as a shop's server does."""
    import shutil

    from tests.pgserver import PostgresServer, PostgresServerError

    class DurableServer(PostgresServer):
        def start(self):
            if self.as_root:
                shutil.chown(self.dir, "postgres", "postgres")
            data = self.dir / "data"
            done = self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", self.user, "-E", "UTF8",
                             "--locale=C.UTF-8")
            if done.returncode:
                raise PostgresServerError("initdb failed: " + done.stderr)
            opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
            done = self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(self.dir / "log"), "-w",
                             "start")
            if done.returncode:
                raise PostgresServerError("pg_ctl start failed: " + done.stderr + self.log())
            return self

    return DurableServer()


if __name__ == "__main__":
    raise SystemExit(main())
