"""Backups and restores: consistent copies while others write, rotation, restoring a
good backup, refusing a damaged one, the start-up checks, PostgreSQL dumps, the CLI."""

import datetime as dt
import hashlib
import itertools
import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from peewee import chunked, fn

from shopdesk.db import close_database, open_database
from shopdesk.errors import PermissionDenied
from shopdesk.models import Customer, LedgerEntry, OrderEvent, RepairOrder, SchemaVersion, ShopSettings, database
from shopdesk.models.migrations import SCHEMA_VERSION
from shopdesk.services import backup as B
from tests.conftest import make_actor

UTC_0100 = dt.datetime(2026, 11, 23, 1, 0, 0)  # 09:00 in Shanghai
_numbers = itertools.count(1)


def add_sale(at: dt.datetime, name: str = "王伟") -> int:
    """One repair with its history and its payment, in one transaction (as the services do)."""
    with database.atomic():
        n = next(_numbers)
        customer = Customer.create(number=f"C{n:07d}", name=name, created_at=at)
        order = RepairOrder.create(number=f"R{n:08d}", customer=customer, reported_at=at, created_at=at)
        OrderEvent.create(order=order, at=at, from_state="", to_state="new")
        OrderEvent.create(order=order, at=at, from_state="new", to_state="closed")
        last = LedgerEntry.select().order_by(LedgerEntry.seq.desc()).first()
        LedgerEntry.create(seq=(last.seq + 1) if last else 1, kind="payment", amount=12000, entry_date=at.date(),
                           created_at=at, order=order, method="cash", prev_hash="0" * 64, hash=f"{n:064d}")
        return order.id


def bulk_sales(count: int, at: dt.datetime = UTC_0100) -> None:
    """Many sales at once (``add_sale`` spends ~5 ms building SQL for each)."""
    with database.atomic():
        numbers = [next(_numbers) for _ in range(count)]
        for part in chunked(numbers, 200):
            Customer.insert_many([{"number": f"C{n:07d}", "name": "王伟", "created_at": at} for n in part]).execute()
            customers = dict(Customer.select(Customer.number, Customer.id).where(
                Customer.number.in_([f"C{n:07d}" for n in part])).tuples())
            RepairOrder.insert_many([{"number": f"R{n:08d}", "customer": customers[f"C{n:07d}"], "reported_at": at,
                                      "created_at": at} for n in part]).execute()
            orders = list(RepairOrder.select(RepairOrder.id).where(
                RepairOrder.number.in_([f"R{n:08d}" for n in part])).order_by(RepairOrder.id).tuples())
            OrderEvent.insert_many([{"order": o, "at": at, "from_state": a, "to_state": b}
                                    for (o,) in orders for a, b in (("", "new"), ("new", "closed"))]).execute()
            seq = LedgerEntry.select(fn.MAX(LedgerEntry.seq)).scalar() or 0
            LedgerEntry.insert_many([{"seq": seq + i + 1, "kind": "payment", "amount": 12000, "entry_date": at.date(),
                                      "created_at": at, "order": o, "method": "cash", "prev_hash": "0" * 64,
                                      "hash": f"{seq + i + 1:064d}"} for i, (o,) in enumerate(orders)]).execute()


def records() -> tuple:
    return (Customer.select().count(), RepairOrder.select().count(), LedgerEntry.select().count())


def read_only(path):
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    return conn


def integrity(path) -> list:
    conn = read_only(path)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def flip_bytes_in_the_middle(path: Path, count: int = 64) -> None:
    """Bit rot: 64 bytes inverted in the middle of the file, wherever that falls."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    for i in range(middle, middle + count):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def damage_a_page(path: Path) -> None:
    """A page in the middle whose header is garbage: damage SQLite's own checks see.
    (A flipped byte inside a stored text is still a well-formed database.)"""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    start = (len(data) // page_size // 2) * page_size
    for i in range(start, start + 64):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.fixture
def shop_file(tmp_path):
    """An SQLite shop database with a few sales, open and bound to the models."""
    path = tmp_path / "shop" / "shop.sqlite3"
    path.parent.mkdir()
    open_database(str(path))
    for _ in range(5):
        add_sale(UTC_0100)
    yield path
    close_database()


# -- backups while others write -------------------------------------------------


class Writer(threading.Thread):
    """Another desk: commits sales one after another until told to stop."""

    def __init__(self):
        super().__init__(daemon=True)
        self.committed = 0
        self.started_writing = threading.Event()
        self.stop = threading.Event()
        self.error = None

    def run(self):
        try:
            while not self.stop.is_set():
                add_sale(UTC_0100)
                self.committed += 1
                if self.committed == 10:
                    self.started_writing.set()
        except BaseException as exc:  # reported by the test
            self.error = exc
            self.started_writing.set()
        finally:
            close_database()


def consistent_sales(path) -> int:
    """The number of sales in a copy, after checking none is half there."""
    conn = read_only(path)
    try:
        customers, orders, entries = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                      for t in ("customer", "repair_order", "ledger_entry"))
        events = conn.execute("SELECT count(*) FROM order_event").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM repair_order o WHERE (SELECT count(*) FROM order_event e WHERE e.order_id = o.id) != 2 "
            "OR NOT EXISTS (SELECT 1 FROM ledger_entry l WHERE l.order_id = o.id)"
        ).fetchone()[0]
        seqs = [row[0] for row in conn.execute("SELECT seq FROM ledger_entry ORDER BY seq")]
    finally:
        conn.close()
    assert customers == orders == entries and events == 2 * orders and orphans == 0
    assert seqs == list(range(1, len(seqs) + 1))
    return orders


def test_a_backup_taken_while_another_connection_writes_is_a_checked_consistent_snapshot(shop_file, tmp_path):
    bulk_sales(1500)  # some bulk, so the copy is not instantaneous
    writer = Writer()
    writer.start()
    assert writer.started_writing.wait(30) and writer.error is None
    overlapped = False
    try:
        for attempt in range(20):
            before = writer.committed
            result = B.backup_sqlite(shop_file, tmp_path / f"copy-{attempt}.sqlite3")
            after = writer.committed
            assert result.ok, result.message
            assert integrity(result.path) == ["ok"]
            in_copy = consistent_sales(result.path)
            assert 1505 + before <= in_copy <= 1505 + after + 1
            assert result.counts == B.Counts(in_copy, in_copy, in_copy)
            overlapped = after > before
            if overlapped:
                break
    finally:
        writer.stop.set()
        writer.join(30)
    assert writer.error is None
    assert overlapped, "the writer never committed during a backup"
    assert consistent_sales(shop_file) == 1505 + writer.committed


def test_a_backup_does_not_wait_for_a_transaction_in_progress_and_leaves_it_out(shop_file, tmp_path):
    other = sqlite3.connect(shop_file, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE customer SET name = 'half-done' WHERE id = 1")
    try:
        result = B.backup_sqlite(shop_file, tmp_path / "copy.sqlite3")
    finally:
        other.rollback()
        other.close()
    assert result.ok and result.counts == B.Counts(5, 5, 5)
    conn = read_only(result.path)
    assert conn.execute("SELECT name FROM customer WHERE id = 1").fetchone()[0] == "王伟"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.sqlite3", "copy.sqlite3.json"]


def test_a_backup_never_overwrites_a_file(shop_file, tmp_path):
    existing = tmp_path / "keep.sqlite3"
    existing.write_bytes(b"precious")
    with pytest.raises(B.BackupProblem, match="never overwrites"):
        B.backup_sqlite(shop_file, existing)
    assert existing.read_bytes() == b"precious"


def test_a_copy_that_fails_its_check_is_not_kept(shop_file, tmp_path, monkeypatch):
    monkeypatch.setattr(B, "_integrity_problems", lambda conn, pragma: ["row 3 missing from index customer_name"])
    result = B.backup_sqlite(shop_file, tmp_path / "copy.sqlite3")
    assert not result.ok and result.path is None
    assert "row 3 missing" in str(result.message) and "may be damaged" in str(result.message)
    assert not any(p.name.startswith(("copy", ".copy")) for p in tmp_path.iterdir())


# -- the backup folder, names, the daily backup ------------------------------------


def set_backup_settings(**values):
    ShopSettings.update(**values).where(ShopSettings.id == 1).execute()


def test_make_backup_names_the_file_by_the_shops_local_time_in_the_configured_folder(db, db_url, owner, tmp_path):
    add_sale(UTC_0100)
    set_backup_settings(backup_folder=str(tmp_path / "usb"))
    (tmp_path / "usb").mkdir()
    result = B.make_backup(owner, db_url, now=UTC_0100)
    suffix = ".pgdump" if db_url.startswith("postgresql") else ".sqlite3"
    assert result.ok, result.message
    assert result.path == tmp_path / "usb" / f"shopdesk-20261123-090000{suffix}"
    assert result.taken_at == dt.datetime(2026, 11, 23, 9, 0)
    assert result.counts == B.Counts(1, 1, 1) and result.size == result.path.stat().st_size > 0
    infos = B.list_backups(tmp_path / "usb")
    assert [i.path for i in infos] == [result.path]
    assert infos[0].counts == B.Counts(1, 1, 1) and infos[0].schema_version == SCHEMA_VERSION
    add_sale(UTC_0100)
    again = B.make_backup(None, db_url, now=UTC_0100)  # the same second: a new file, never an overwrite
    assert again.path.name == f"shopdesk-20261123-090000-2{suffix}" and again.counts == B.Counts(2, 2, 2)
    assert again.removed == [result.path]  # rotation keeps the newest backup of the day


def test_without_a_configured_folder_backups_go_to_the_data_folder(db, db_url):
    result = B.make_backup(None, db_url, now=UTC_0100)
    assert result.ok and result.path.parent == B.default_backup_folder()
    assert B.default_backup_folder() == Path(os.environ["SHOPDESK_DATA_DIR"]) / "backups"


def test_a_configured_folder_on_a_missing_drive_is_not_created(db, db_url, tmp_path):
    set_backup_settings(backup_folder=str(tmp_path / "media" / "usb" / "backups"))
    with pytest.raises(B.BackupProblem, match="USB disk"):
        B.make_backup(None, db_url, now=UTC_0100)
    assert not (tmp_path / "media").exists()


def test_the_daily_backup_runs_on_the_first_launch_of_each_local_day(db, db_url):
    first = B.daily_backup_if_due(db_url, UTC_0100)
    assert first is not None and first.ok
    assert B.daily_backup_if_due(db_url, dt.datetime(2026, 11, 23, 15, 59)) is None  # 23:59 in Shanghai
    next_day = B.daily_backup_if_due(db_url, dt.datetime(2026, 11, 23, 16, 0))  # 00:00 on the 24th
    assert next_day is not None and next_day.path.name.startswith("shopdesk-20261124-000000")
    assert len(B.list_backups(B.default_backup_folder())) == 2


def test_the_daily_backup_falls_back_to_the_data_folder_when_the_usb_disk_is_missing(db, db_url, tmp_path):
    set_backup_settings(backup_folder=str(tmp_path / "absent-drive" / "backups"))
    result = B.daily_backup_if_due(db_url, UTC_0100)
    assert result.ok and result.path.parent == B.default_backup_folder()
    assert "was not available" in str(result.message)


def test_the_daily_backup_rotates_old_backups(db, db_url):
    set_backup_settings(backup_keep_daily=2, backup_keep_monthly=0)
    for day in range(4):
        B.daily_backup_if_due(db_url, UTC_0100 + dt.timedelta(days=day))
    names = [i.path.name[:17] for i in B.list_backups(B.default_backup_folder())]
    assert names == ["shopdesk-20261126", "shopdesk-20261125"]


# -- rotation ----------------------------------------------------------------------


def test_rotation_keeps_the_newest_of_each_recent_day_and_month_and_touches_nothing_else(tmp_path):
    start = dt.datetime(2026, 3, 1, 8, 0)
    made = []
    for day in range(0, 240, 3):  # every third day from March to October, two a day
        for hour in (9, 18):
            taken = start + dt.timedelta(days=day, hours=hour - 8)
            path = tmp_path / f"shopdesk-{taken:%Y%m%d-%H%M%S}.sqlite3"
            path.write_bytes(b"x")
            made.append((taken, path))
    dump = tmp_path / "shopdesk-20260301-070000.pgdump"  # an old PostgreSQL dump and its facts
    dump.write_bytes(b"x")
    Path(f"{dump}.json").write_text("{}")
    others = ["notes.txt", "shopdesk.sqlite3", "shopdesk-20261301-000000.sqlite3", "shopdesk-20261026-090000.sqlite3.bak",
              "shopdesk-before-restore-20261001-090000.pgdump", "shop.sqlite3.before-restore-20261001-090000",
              "my-shopdesk-20261026-090000.sqlite3"]
    for name in others:
        (tmp_path / name).write_bytes(b"keep me")

    removed = B.rotate(tmp_path, keep_daily=3, keep_monthly=4)

    left = {p.name for p in tmp_path.iterdir()}
    newest_days = sorted({t.date() for t, _ in made})[-3:]
    expected_daily = {f"shopdesk-{d:%Y%m%d}-180000.sqlite3" for d in newest_days}
    months = sorted({(t.year, t.month) for t, _ in made})[-4:]
    expected_monthly = {max(p.name for t, p in made if (t.year, t.month) == m) for m in months}
    assert left == expected_daily | expected_monthly | set(others)
    assert len(removed) == len(made) + 1 - len(expected_daily | expected_monthly)
    assert not dump.exists() and not Path(f"{dump}.json").exists()


def test_rotation_prefers_a_checked_backup_to_a_newer_stray_file_of_the_same_day(shop_file, tmp_path):
    checked = B.backup_sqlite(shop_file, tmp_path / "shopdesk-20261123-090000.sqlite3")
    stray = tmp_path / "shopdesk-20261123-180000.sqlite3"  # no facts file: not written by a finished backup
    stray.write_bytes(b"half a copy")
    assert B.rotate(tmp_path, keep_daily=1, keep_monthly=1) == [stray]
    assert checked.path.exists() and Path(f"{checked.path}.json").exists()


def test_rotation_always_keeps_the_newest_backup_and_old_ones_when_no_new_ones_come(tmp_path):
    for name in ("shopdesk-20250101-090000.sqlite3", "shopdesk-20240101-090000.sqlite3"):
        (tmp_path / name).write_bytes(b"x")
    assert B.rotate(tmp_path, keep_daily=0, keep_monthly=0) == [tmp_path / "shopdesk-20240101-090000.sqlite3"]
    assert [p.name for p in tmp_path.iterdir()] == ["shopdesk-20250101-090000.sqlite3"]


# -- listing ------------------------------------------------------------------------


def test_the_list_shows_counts_and_says_which_backup_cannot_be_read(shop_file, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    good = B.backup_sqlite(shop_file, folder / "shopdesk-20261122-090000.sqlite3")
    (folder / "shopdesk-20261123-090000.sqlite3").write_bytes(b"not a database at all" * 100)
    (folder / "readme.txt").write_text("hello")
    infos = B.list_backups(folder)
    assert [i.path.name for i in infos] == ["shopdesk-20261123-090000.sqlite3", "shopdesk-20261122-090000.sqlite3"]
    assert infos[0].counts is None and "not a database" in infos[0].error
    assert infos[1].counts == B.Counts(5, 5, 5) and infos[1].error is None
    assert infos[1].taken_at == dt.datetime(2026, 11, 22, 9, 0) and infos[1].size == good.size


# -- restoring -------------------------------------------------------------------------


def snapshot_of(path) -> list:
    conn = read_only(path)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("customer", "repair_order", "ledger_entry")]
    finally:
        conn.close()


def test_restoring_a_good_backup_brings_the_data_back_and_keeps_the_current_file_aside(shop_file, tmp_path):
    taken = B.backup_sqlite(shop_file, tmp_path / "shopdesk-20261123-090000.sqlite3")
    before = snapshot_of(taken.path)
    for _ in range(3):
        add_sale(UTC_0100, name="后来的客户")
    later = records()
    close_database()
    left_in_the_wal(shop_file, "UPDATE customer SET name = '只在日志里' WHERE id = 1")

    result = B.restore(taken.path, shop_file, now=dt.datetime(2026, 11, 23, 2, 30))

    aside = shop_file.with_name("shop.sqlite3.before-restore-20261123-103000")
    assert result.kept_aside == aside and result.url == str(shop_file)
    assert result.counts == B.Counts(5, 5, 5) and result.taken_at == dt.datetime(2026, 11, 23, 9, 0)
    assert snapshot_of(shop_file) == before
    assert integrity(aside) == ["ok"]
    assert [len(rows) for rows in snapshot_of(aside)] == list(later)  # nothing entered since is lost
    conn = read_only(aside)
    assert conn.execute("SELECT name FROM customer WHERE id = 1").fetchone()[0] == "只在日志里"
    conn.close()
    assert not Path(f"{shop_file}-wal").exists() and not Path(f"{aside}-wal").exists()
    assert taken.path.exists()  # the backup itself stays
    opened = open_database(result.url)
    assert records() == (5, 5, 5) and not opened.created


def test_restoring_twice_in_the_same_second_keeps_both_previous_files(shop_file, tmp_path):
    taken = B.backup_sqlite(shop_file, tmp_path / "b.sqlite3")
    close_database()
    first = B.restore(taken.path, shop_file, now=UTC_0100)
    second = B.restore(taken.path, shop_file, now=UTC_0100)
    assert first.kept_aside != second.kept_aside and first.kept_aside.exists() and second.kept_aside.exists()


def test_a_backup_can_be_restored_where_the_database_was_lost(shop_file, tmp_path):
    taken = B.backup_sqlite(shop_file, tmp_path / "b.sqlite3")
    new_disk = tmp_path / "new-disk" / "shop.sqlite3"
    new_disk.parent.mkdir()
    result = B.restore(taken.path, new_disk)
    assert result.kept_aside is None and snapshot_of(new_disk) == snapshot_of(taken.path)


def left_in_the_wal(path: Path, sql: str) -> None:
    """A program that committed ``sql`` and died: the change is only in the -wal file."""
    code = ("import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=wal'); "
            "c.execute(sys.argv[2]); c.commit(); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(path), sql], check=True)
    assert Path(f"{path}-wal").stat().st_size > 0


def all_files(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_corrupted_backup_is_refused_and_nothing_changes(shop_file, tmp_path):
    bulk_sales(400)  # enough pages that the middle of the file is table data
    taken = B.backup_sqlite(shop_file, tmp_path / "b.sqlite3")
    close_database()
    flip_bytes_in_the_middle(taken.path)
    before = all_files(shop_file.parent)

    with pytest.raises(B.BackupProblem, match="is damaged") as refused:
        B.restore(taken.path, shop_file)

    assert "checksum no longer matches" in str(refused.value.message)
    assert "Nothing was changed" in str(refused.value.message)
    assert refused.value.exit_code == 4
    assert all_files(shop_file.parent) == before


def test_a_damaged_backup_without_its_checksum_is_refused_by_the_integrity_check(shop_file, tmp_path):
    bulk_sales(400)
    taken = B.backup_sqlite(shop_file, tmp_path / "b.sqlite3")
    close_database()
    Path(f"{taken.path}.json").unlink()  # copied somewhere without its facts file
    damage_a_page(taken.path)
    before = all_files(shop_file.parent)
    with pytest.raises(B.BackupProblem, match="is damaged"):
        B.restore(taken.path, shop_file)
    assert all_files(shop_file.parent) == before


def test_every_backup_has_its_checksum_and_counts_beside_it(shop_file, tmp_path):
    taken = B.backup_sqlite(shop_file, tmp_path / "shopdesk-20261123-090000.sqlite3")
    facts = json.loads(Path(f"{taken.path}.json").read_text())
    assert facts["sha256"] == hashlib.sha256(taken.path.read_bytes()).hexdigest()
    assert facts["counts"] == {"customers": 5, "orders": 5, "ledger_entries": 5}
    assert facts["size"] == taken.size and facts["schema_version"] == SCHEMA_VERSION


def test_a_file_that_is_not_a_shopdesk_database_is_refused(shop_file, tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    close_database()
    before = all_files(shop_file.parent)
    with pytest.raises(B.BackupProblem, match="not a ShopDesk backup"):
        B.restore(other, shop_file)
    assert all_files(shop_file.parent) == before


def test_a_backup_from_a_newer_shopdesk_is_refused(shop_file, tmp_path):
    taken = B.backup_sqlite(shop_file, tmp_path / "b.sqlite3")
    close_database()
    conn = sqlite3.connect(taken.path)
    conn.execute(f"UPDATE {SchemaVersion._meta.table_name} SET version = ?", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    Path(f"{taken.path}.json").unlink()  # (a newer ShopDesk would have written its own)
    before = all_files(shop_file.parent)
    with pytest.raises(B.BackupProblem, match="newer ShopDesk") as refused:
        B.restore(taken.path, shop_file)
    assert refused.value.exit_code == 5 and all_files(shop_file.parent) == before


def test_a_database_open_in_another_program_is_not_moved(shop_file, tmp_path):
    taken = B.backup_sqlite(shop_file, tmp_path / "b.sqlite3")
    add_sale(UTC_0100)  # the models' connection stays open: another window
    with pytest.raises(B.BackupProblem, match="open in another ShopDesk window"):
        B.restore(taken.path, shop_file)
    assert not any(".before-restore-" in p.name or ".restoring" in p.name for p in shop_file.parent.iterdir())
    assert records() == (6, 6, 6)


def test_only_the_owner_may_restore(db, db_url, clock, owner, tmp_path):
    desk = make_actor("front_desk", clock)
    backup = B.make_backup(desk, db_url, now=clock.now())  # anyone signed in may back up
    assert backup.ok
    with pytest.raises(PermissionDenied):
        B.restore_backup(desk, backup.path, db_url)


def test_a_backup_of_the_other_kind_is_refused(db, db_url, owner, tmp_path):
    wrong = tmp_path / ("shopdesk-20261123-090000.sqlite3" if db_url.startswith("postgresql") else "shopdesk-20261123-090000.pgdump")
    wrong.write_bytes(b"x")
    with pytest.raises(B.BackupProblem, match="other kind of database"):
        B.restore_backup(owner, wrong, db_url)


# -- the start-up check ------------------------------------------------------------------


def test_quick_check_passes_a_healthy_database_and_names_the_damage_in_a_damaged_one(shop_file, tmp_path):
    bulk_sales(400)
    assert B.quick_check(shop_file).ok
    taken = B.backup_sqlite(shop_file, tmp_path / "copy.sqlite3")
    damage_a_page(taken.path)
    os.chmod(taken.path, stat.S_IRUSR)  # the check must not need to write
    before = taken.path.read_bytes()
    check = B.quick_check(taken.path)
    assert not check.ok and check.problem
    assert taken.path.read_bytes() == before


def test_the_fast_check_finds_a_truncated_file_in_milliseconds(shop_file, tmp_path):
    bulk_sales(400)
    taken = B.backup_sqlite(shop_file, tmp_path / "copy.sqlite3")
    assert B.fast_check(taken.path).ok
    data = taken.path.read_bytes()
    taken.path.write_bytes(data[: len(data) * 2 // 3])
    check = B.fast_check(taken.path)
    assert not check.ok and not check.thorough


def test_the_start_up_check_is_thorough_for_a_small_database_and_fast_for_a_big_one(shop_file, monkeypatch):
    assert B.startup_check_of(shop_file).thorough
    monkeypatch.setattr(B, "SYNC_CHECK_LIMIT_BYTES", 1)
    assert not B.startup_check_of(shop_file).thorough


def test_the_latest_good_backup_skips_damaged_ones(shop_file, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    bulk_sales(400)
    older = B.backup_sqlite(shop_file, folder / "shopdesk-20261121-090000.sqlite3")
    newer = B.backup_sqlite(shop_file, folder / "shopdesk-20261122-090000.sqlite3")
    flip_bytes_in_the_middle(newer.path)  # caught by its checksum
    found = B.latest_good_backup([folder, tmp_path / "absent"])
    assert found.path == older.path and found.counts == B.Counts(405, 405, 405)


# -- PostgreSQL ------------------------------------------------------------------------------


def test_postgresql_backup_and_restore_round_trip(fresh_pg_url, tmp_path):
    open_database(fresh_pg_url)
    for _ in range(3):
        add_sale(UTC_0100)
    dump = B.backup_postgres(fresh_pg_url, tmp_path / "shopdesk-20261123-090000.pgdump")
    assert dump.ok and dump.counts == B.Counts(3, 3, 3) and dump.size > 0
    assert B.list_backups(tmp_path)[0].counts == B.Counts(3, 3, 3)
    saved = [list(RepairOrder.select().order_by(RepairOrder.id).tuples()),
             list(LedgerEntry.select().order_by(LedgerEntry.id).tuples())]
    for _ in range(2):
        add_sale(UTC_0100, name="后来的客户")
    close_database()

    aside_folder = tmp_path / "aside"
    aside_folder.mkdir()
    result = B.restore_postgres(fresh_pg_url, dump.path, keep_aside_in=aside_folder, now=UTC_0100)

    open_database(fresh_pg_url)
    try:
        assert records() == (3, 3, 3)
        assert [list(RepairOrder.select().order_by(RepairOrder.id).tuples()),
                list(LedgerEntry.select().order_by(LedgerEntry.id).tuples())] == saved
        add_sale(UTC_0100)  # the sequences came back too: new rows get fresh ids
        assert records() == (4, 4, 4)
    finally:
        close_database()
    assert result.kept_aside == aside_folder / "shopdesk-before-restore-20261123-090000.pgdump"
    assert B.inspect_backup(result.kept_aside).counts == B.Counts(5, 5, 5)  # what was there before
    assert result.counts == B.Counts(3, 3, 3)


def test_a_damaged_postgresql_dump_is_refused_and_nothing_changes(fresh_pg_url, tmp_path):
    open_database(fresh_pg_url)
    bulk_sales(200)
    dump = B.backup_postgres(fresh_pg_url, tmp_path / "d.pgdump")
    add_sale(UTC_0100)
    close_database()
    flip_bytes_in_the_middle(dump.path)
    with pytest.raises(B.BackupProblem, match="is damaged"):
        B.restore_postgres(fresh_pg_url, dump.path)
    open_database(fresh_pg_url)
    try:
        assert records() == (201, 201, 201)
    finally:
        close_database()


def test_missing_postgresql_tools_give_a_clear_message(fresh_pg_url, tmp_path, monkeypatch):
    monkeypatch.setattr(B, "pg_tool", lambda name: None)
    with pytest.raises(B.BackupProblem, match="pg_dump was not found. Install the PostgreSQL client programs"):
        B.backup_postgres(fresh_pg_url, tmp_path / "d.pgdump")
    assert list(tmp_path.iterdir()) == []


def test_a_failing_pg_dump_reports_its_own_words(pg_server, tmp_path):
    url = pg_server.url("no_such_database")
    with pytest.raises(B.BackupProblem, match="no_such_database"):
        B.backup_postgres(url, tmp_path / "d.pgdump")
    assert list(tmp_path.iterdir()) == []


def test_postgresql_tools_are_found_on_the_path_first_then_in_the_debian_folders(tmp_path, monkeypatch):
    own = tmp_path / "pg_dump"
    own.write_text("#!/bin/sh\n")
    own.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert B.pg_tool("pg_dump") == str(own)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    found = B.pg_tool("pg_dump")
    newest = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"), key=lambda p: int(p.parts[-3]))[-1]
    assert found == str(newest)


# -- the command line ----------------------------------------------------------------------


def test_cli_backup_and_restore(shop_file, tmp_path, capsys):
    url = str(shop_file)
    close_database()
    assert B.cli_backup(url, None) == 0
    out = capsys.readouterr().out
    made = B.list_backups(B.default_backup_folder())[0]
    assert f"Backed up {shop_file}" in out and str(made.path) in out
    assert "5 customers, 5 repair orders, 5 ledger entries" in out and "integrity check: ok" in out

    target = tmp_path / "explicit.sqlite3"
    assert B.cli_backup(url, str(target)) == 0 and target.exists()
    assert B.cli_backup(url, str(target)) == 3  # never overwritten
    assert "already exists" in capsys.readouterr().err

    assert B.cli_restore(url, str(made.path)) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "previous database kept at" in out and ".before-restore-" in out

    flip_bytes_in_the_middle(target)
    assert B.cli_restore(url, str(target)) in (3, 4)
    assert "Nothing was changed" in capsys.readouterr().err


def test_cli_backup_of_postgresql_into_a_folder(fresh_pg_url, tmp_path, capsys):
    open_database(fresh_pg_url)
    add_sale(UTC_0100)
    close_database()
    assert B.cli_backup(fresh_pg_url, str(tmp_path)) == 0
    dumps = list(tmp_path.glob("shopdesk-*.pgdump"))
    assert len(dumps) == 1
    out = capsys.readouterr().out
    assert "1 customers, 1 repair orders, 1 ledger entries" in out and "pg_restore" in out
