"""The command line: the window by default, and the shop's batch jobs.

Thin on purpose: parse, call a service, print. Faults a shop can meet print a
clear message and exit non-zero; anything else is a bug and shows a traceback.
"""

from __future__ import annotations

import argparse
import sys

from shopdesk import __version__, config
from shopdesk.errors import DatabaseProblem, ShopDeskError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shopdesk", description="ShopDesk for repair and service shops.")
    parser.add_argument("--version", action="version", version=f"shopdesk {__version__}")
    parser.add_argument("--db", metavar="URL",
                        help=f"database: an SQLite file path or postgresql://user:pass@host/db "
                             f"(default ${config.ENV_DB}, else {config.default_db_path()})")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of the window (default: the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="open the window (the default)")

    demo = sub.add_parser("demo", help="fill a database with realistic, seeded demo data")
    demo.add_argument("--customers", type=int, default=1000)
    demo.add_argument("--orders", type=int, default=5000)
    demo.add_argument("--seed", type=int, default=20261122)

    db = sub.add_parser("db", help="database tasks")
    db_sub = db.add_subparsers(dest="db_command", metavar="TASK", required=True)
    db_sub.add_parser("info", help="where the database is, its schema version and record counts")
    db_sub.add_parser("migrate", help="bring the database to this program's schema version")
    copy = db_sub.add_parser("copy", help="copy every record of a shop into a new, empty database (e.g. SQLite to "
                                          "the shop's PostgreSQL server), keeping every number")
    copy.add_argument("--from", dest="copy_from", required=True, metavar="SQLITE_FILE",
                      help="the shop's database now (an SQLite file, or a URL)")
    copy.add_argument("--to", dest="copy_to", required=True, metavar="URL",
                      help="the new, empty database, e.g. postgresql://shopdesk@server/shopdesk")

    receipt = sub.add_parser("receipt", help="write receipts of orders to a PDF file")
    receipt.add_argument("numbers", nargs="*", metavar="ORDER_NUMBER", help="one or more order numbers")
    receipt.add_argument("--from", dest="date_from", type=_date, help="all orders reported from this day (YYYY-MM-DD)")
    receipt.add_argument("--to", dest="date_to", type=_date, help="… up to and including this day")
    receipt.add_argument("--kind", choices=["intake", "repair"], default="repair")
    receipt.add_argument("--layout", choices=["a4", "a5", "80mm"], help="default: the shop's setting")
    receipt.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN")
    receipt.add_argument("-o", "--output", required=True, metavar="FILE.pdf")

    backup = sub.add_parser("backup", help="back up the database (checked after writing)")
    backup.add_argument("-o", "--output", metavar="FILE", help="default: the backup folder, with rotation")
    restore = sub.add_parser("restore", help="replace the database by a backup (the current one is kept aside)")
    restore.add_argument("backup", metavar="BACKUP")

    ledger = sub.add_parser("ledger", help="the fee ledger")
    ledger_sub = ledger.add_subparsers(dest="ledger_command", metavar="TASK", required=True)
    ledger_sub.add_parser("verify", help="check that no entry was altered outside the program")
    export = ledger_sub.add_parser("export", help="export the entries of a period to CSV or XLSX")
    export.add_argument("--from", dest="date_from", type=_date, required=True)
    export.add_argument("--to", dest="date_to", type=_date, required=True)
    export.add_argument("-o", "--output", required=True, metavar="FILE.csv|FILE.xlsx")
    return parser


def _date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    try:
        if command == "gui":
            return gui(args)
        if command == "demo":
            return demo(args)
        if command == "db":
            return db_task(args)
        if command == "backup":
            from shopdesk.services.backup import cli_backup

            return cli_backup(args.db, args.output)
        if command == "restore":
            from shopdesk.services.backup import cli_restore

            return cli_restore(args.db, args.backup)
        if command == "receipt":
            return receipt(args)
        if command == "ledger":
            return ledger(args)
    except DatabaseProblem as problem:
        print(f"shopdesk: {problem.message}", file=sys.stderr)
        return problem.exit_code
    except ShopDeskError as error:
        print(f"shopdesk: {error.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("shopdesk: interrupted", file=sys.stderr)
        return 130
    return 2


def gui_main() -> int:
    return main(sys.argv[1:])


def gui(args) -> int:
    from shopdesk.startup import hold_collection

    hold_collection()  # before the window's modules are imported
    from shopdesk.ui.app import run_gui

    return run_gui(args.db, args.lang)


def demo(args) -> int:
    from shopdesk.db import open_database
    from shopdesk.demo import fill

    opened = open_database(args.db)
    print(f"Demo data into {config.display_url(opened.url)}")
    fill(customers=args.customers, orders=args.orders, seed=args.seed, progress=_progress_printer())
    return 0


def db_task(args) -> int:
    from shopdesk.db import open_database
    from shopdesk.models import ALL_MODELS
    from shopdesk.models.migrations import SCHEMA_VERSION

    if args.db_command == "copy":
        from shopdesk.services import dbcopy

        print(f"Copying {config.display_url(args.copy_from)} to {config.display_url(args.copy_to)}")
        result = dbcopy.copy_database(args.copy_from, args.copy_to, progress=_progress_printer())
        if result.source_upgraded_from is not None:
            print(f"(the source was first upgraded from schema {result.source_upgraded_from}; a copy of it was kept)")
        print(dbcopy.count_table(result))
        print(f"ledger on the target: {result.ledger_message}")
        print(f"{'copied' if result.ok else 'COPY DIFFERS'} in {result.seconds:.1f} s")
        return 0 if result.ok else 1
    opened = open_database(args.db)
    print(f"database: {config.display_url(opened.url)}")
    if opened.created:
        print("created a new, empty database")
    if opened.upgraded_from is not None:
        print(f"upgraded from schema {opened.upgraded_from} (copy kept at {opened.backup_before_upgrade})")
    print(f"schema version: {SCHEMA_VERSION}")
    if args.db_command == "info":
        for model in ALL_MODELS:
            print(f"  {model._meta.table_name:<20} {model.select().count():>10,}")
    return 0


def receipt(args) -> int:
    from pathlib import Path

    from shopdesk.db import open_database
    from shopdesk.services import receipts
    from shopdesk.services.context import Actor

    if not args.numbers and not (args.date_from and args.date_to):
        print("shopdesk receipt: give order numbers, or --from and --to", file=sys.stderr)
        return 2
    open_database(args.db, create=False)
    actor = Actor.system_task()
    ids = receipts.order_ids_for(actor, args.numbers, args.date_from, args.date_to)
    if not ids:
        print("shopdesk receipt: no orders in that range", file=sys.stderr)
        return 1
    if len(ids) == 1:
        pdf = receipts.print_receipt(actor, ids[0], args.kind, args.layout, language=args.language)
    else:
        pdf = receipts.print_batch(actor, ids, args.kind, args.layout, language=args.language)
    Path(args.output).write_bytes(pdf)
    print(f"{len(ids)} receipt(s) written to {args.output}")
    return 0


def ledger(args) -> int:
    from shopdesk.db import open_database
    from shopdesk.services import ledger as ledger_service
    from shopdesk.services.context import Actor

    open_database(args.db, create=False)
    actor = Actor.system_task()
    if args.ledger_command == "verify":
        result = ledger_service.verify(actor)
        print(ledger_service.describe_verify(result))
        return 0 if result.ok else 1
    if args.output.lower().endswith(".xlsx"):
        count = ledger_service.export_xlsx(actor, args.date_from, args.date_to, args.output)
    else:
        count = ledger_service.export_csv(actor, args.date_from, args.date_to, args.output)
    print(f"{count} entries written to {args.output}")
    return 0


def _progress_printer():
    """A one-line progress display on the terminal (plain lines when not a tty)."""
    tty = sys.stdout.isatty()
    last = {"label": None}

    def progress(label: str, done: int, total: int) -> None:
        pct = 100 * done // max(total, 1)
        if tty:
            bar = "#" * (pct // 4)
            print(f"\r  {label:<14} [{bar:<25}] {done:>9,}/{total:,}", end="", flush=True)
            if done >= total:
                print()
        elif done >= total or last["label"] != label:
            print(f"  {label}: {done:,}/{total:,}", flush=True)
        last["label"] = label

    return progress
