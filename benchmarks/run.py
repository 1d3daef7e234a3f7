"""One command, every speed bar beside its floor.

    .venv/bin/python -m benchmarks.run            # 100,000 customers / 1,000,000 orders (cached)
    .venv/bin/python -m benchmarks.run --quick    # small data: the CI smoke run
    .venv/bin/python -m benchmarks.run --db postgresql://…   # database figures on PostgreSQL

The database is built once per (seed, size, schema) with ``shopdesk demo`` and
cached in benchmarks/.cache/. Each figure is a median of repeated runs, printed
with its bar from DESIGN.md, the floor measured in this same run, and the ratio.
A full run also writes the table as JSON to benchmarks/results/.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import statistics
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
RESULTS = HERE / "results"


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    bar: float | None
    floor: float | None
    floor_name: str

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.floor else None

    @property
    def meets_bar(self) -> bool | None:
        return None if self.bar is None else self.value <= self.bar


def build_database(args) -> str:
    from shopdesk.db import close_database, open_database
    from shopdesk.models import Customer
    from shopdesk.models.migrations import SCHEMA_VERSION

    if args.db:
        opened = open_database(args.db)
        if Customer.select().count() == 0:
            _fill(args)
        close_database()
        return args.db
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"shop-s{args.seed}-c{args.customers}-o{args.orders}-v{SCHEMA_VERSION}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        open_database(str(partial))
        _fill(args)
        close_database()
        partial.rename(path)
    return str(path)


def _fill(args) -> None:
    from shopdesk.cli import _progress_printer
    from shopdesk.demo import fill

    print(f"building the benchmark database: {args.customers:,} customers, {args.orders:,} orders …", flush=True)
    start = time.perf_counter()
    fill(customers=args.customers, orders=args.orders, seed=args.seed, progress=_progress_printer())
    print(f"built in {time.perf_counter() - start:.0f} s", flush=True)


def launch_figures(url: str, repeat: int) -> list[Figure]:
    figures_ms: dict[str, list[float]] = {"app": [], "empty": []}
    config_home = tempfile.mkdtemp(prefix="shopdesk-launch-")

    def probe(mode: str) -> tuple[float, float]:
        cmd = [sys.executable, str(HERE / "launch_probe.py"), "--mode", mode, "--db", url]
        # A config folder of its own: no window geometry saved by an earlier run, so the
        # main window opens at its default size, the empty window's (1200 × 760).
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   XDG_CONFIG_HOME=config_home)
        start = time.time_ns()
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith("READY")), None)
        if line is None:
            raise RuntimeError(f"launch probe ({mode}) failed:\n{done.stderr}")
        _, peak_kib, ready_ns = line.split()
        shown = next((ln.split()[1] for ln in done.stdout.splitlines() if ln.startswith("FIGURES")), ready_ns)
        figures_ms[mode].append((int(shown) - start) / 1e6)
        return (int(ready_ns) - start) / 1e6, int(peak_kib) / 1024

    # The floor's PySide6 was byte-compiled when pip installed it; ShopDesk is compiled
    # by scripts/setup the same way, and here too in case the sources changed since.
    compileall.compile_dir(str(HERE.parent / "shopdesk"), quiet=1, workers=0)
    probe("empty"), probe("app")  # warm the file cache for both
    figures_ms["app"].clear()
    app_runs, empty_runs = [], []
    for _ in range(repeat):  # alternate, so a busy moment of the machine hits both alike
        app_runs.append(probe("app"))
        empty_runs.append(probe("empty"))
    shutil.rmtree(config_home, ignore_errors=True)
    return [
        Figure("launch to usable main window", statistics.median(t for t, _ in app_runs), "ms", 1500,
               statistics.median(t for t, _ in empty_runs), "empty PySide6 window"),
        Figure("launch to Today's figures shown (read in the background)", statistics.median(figures_ms["app"]),
               "ms", None, statistics.median(t for t, _ in empty_runs), "empty PySide6 window"),
        Figure("peak memory, main window on this database", max(m for _, m in app_runs), "MiB", 300,
               max(m for _, m in empty_runs), "empty PySide6 window"),
    ]


def database_figures(url: str, quick: bool) -> list[Figure]:
    from benchmarks import scenarios

    return scenarios.run_all(url, quick)


def print_table(figures: list[Figure]) -> None:
    print()
    print(f"{'figure':<52} {'value':>10} {'bar':>8} {'floor':>10} {'ratio':>7}  floor is")
    print("-" * 120)
    for f in figures:
        bar = "-" if f.bar is None else f"{f.bar:g}"
        floor = "-" if f.floor is None else f"{f.floor:.2f}"
        ratio = "-" if f.ratio is None else f"{f.ratio:.2f}×" if f.ratio < 10 else f"{f.ratio:.1f}×"
        flag = "" if f.meets_bar in (None, True) else "  MISSES BAR"
        print(f"{f.name:<52} {f.value:>8.2f}{f.unit:>2} {bar:>8} {floor:>10} {ratio:>7}  {f.floor_name}{flag}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data, few repeats (CI smoke run)")
    parser.add_argument("--db", help="run against this database (e.g. postgresql://…) instead of the cached SQLite file")
    parser.add_argument("--customers", type=int)
    parser.add_argument("--orders", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="write the result here (default: benchmarks/results/<time>.json on full runs)")
    parser.add_argument("--skip-launch", action="store_true")
    args = parser.parse_args(argv)
    args.customers = args.customers or (500 if args.quick else 100_000)
    args.orders = args.orders or (5_000 if args.quick else 1_000_000)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    url = build_database(args)
    figures = database_figures(url, args.quick)
    if not args.skip_launch:
        figures += launch_figures(url, 3 if args.quick else 7)
    print_table(figures)
    result = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "database": "postgresql" if url.startswith("postgres") else "sqlite",
        "customers": args.customers, "orders": args.orders, "quick": args.quick,
        "figures": [dict(asdict(f), ratio=f.ratio, meets_bar=f.meets_bar) for f in figures],
    }
    target = Path(args.json) if args.json else (None if args.quick else RESULTS / f"{result['when'].replace(':', '')}.json")
    if target:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(result, indent=2, ensure_ascii=False))
        print(f"\nwritten: {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
