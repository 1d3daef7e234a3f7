"""The Backup and restore dialog, the start-up check and the daily backup, driven like a person."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from shopdesk.db import close_database, open_database
from shopdesk.models import ShopSettings
from shopdesk.services import backup as B
from shopdesk.ui.backup import BackgroundCheck, BackupDialog, start_daily_backup, startup_check
from shopdesk.ui.context import AppContext
from tests.conftest import make_actor
from tests.services.test_backup import UTC_0100, add_sale, bulk_sales, damage_a_page, flip_bytes_in_the_middle, records
from tests.ui.modal_dialogs import when_dialog


def make_ctx(db_url, clock, actor):
    ctx = AppContext(db_url, clock, actor)
    ctx.tasks.synchronous = True
    return ctx


@pytest.fixture
def backup_ctx(db, db_url, clock, owner):
    return make_ctx(db_url, clock, owner)


@pytest.fixture
def open_dialog(qtbot):
    def make(ctx):
        dialog = BackupDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def cell(dialog, row, column):
    return dialog.model.data(dialog.model.index(row, column))


def test_back_up_now_shows_the_new_row_with_its_counts(qtbot, qtmodeltester, backup_ctx, open_dialog, db_url):
    add_sale(UTC_0100)
    dialog = open_dialog(backup_ctx)
    assert dialog.model.rowCount() == 0 and dialog.empty_hint.isVisible()
    assert str(B.default_backup_folder()) in dialog.folder_label.text()

    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)

    assert dialog.model.rowCount() == 1 and not dialog.empty_hint.isVisible()
    assert [cell(dialog, 0, c) for c in (0, 2, 3, 4)] == ["2026-11-23 09:00", "1", "1", "1"]
    assert dialog.selected_backup().path == dialog.last_result.path
    status = dialog.status.text()
    assert dialog.last_result.path.name in status and "1 customers, 1 repair orders, 1 ledger entries" in status
    assert ("pg_restore" if db_url.startswith("postgresql") else "integrity check: ok") in status
    assert dialog.back_up_button.isEnabled() and not dialog.progress.isVisible()
    qtmodeltester.check(dialog.model)


def test_restore_asks_with_the_date_and_counts_then_reopens_on_the_backup(
        qtbot, backup_ctx, open_dialog, monkeypatch, db_url):
    add_sale(UTC_0100)
    dialog = open_dialog(backup_ctx)
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    for _ in range(2):
        add_sale(UTC_0100, name="后来的客户")
    asked = []

    def yes(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.databaseReplaced, timeout=30_000) as replaced:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert "2026-11-23 09:00" in asked[0] and "1 customers, 1 repair orders, 1 ledger entries" in asked[0]
    assert replaced.args == [db_url]
    assert records() == (1, 1, 1)  # the database is open again, on the backup's records
    assert dialog.restored.kept_aside.exists()
    assert "The previous database was kept at" in dialog.status.text()
    if not db_url.startswith("postgresql"):
        assert dialog.restored.kept_aside.name.startswith("shop.sqlite3.before-restore-20261123-0900")
    assert dialog.back_up_button.isEnabled()


def test_saying_no_to_the_question_changes_nothing(qtbot, backup_ctx, open_dialog, monkeypatch):
    add_sale(UTC_0100)
    dialog = open_dialog(backup_ctx)
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    add_sale(UTC_0100)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restored is None and records() == (2, 2, 2)


def test_a_damaged_backup_is_refused_in_the_dialog(qtbot, backup_ctx, open_dialog, monkeypatch, db_url):
    bulk_sales(300)
    dialog = open_dialog(backup_ctx)
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    flip_bytes_in_the_middle(dialog.last_result.path)
    add_sale(UTC_0100)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restored is None
    assert "is damaged" in dialog.status.text() and "Nothing was changed" in dialog.status.text()
    assert records() == (301, 301, 301)


def test_front_desk_may_back_up_but_not_restore_nor_change_the_folder(qtbot, db, db_url, clock, open_dialog):
    desk = make_actor("front_desk", clock)
    dialog = open_dialog(make_ctx(db_url, clock, desk))
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1 and dialog.last_result.ok
    assert not dialog.restore_button.isEnabled() and not dialog.restore_file_button.isEnabled()
    assert not dialog.folder_edit.isEnabled() and not dialog.save_settings_button.isEnabled()


def test_the_owner_sets_the_folder_and_how_many_to_keep(qtbot, backup_ctx, open_dialog, tmp_path):
    dialog = open_dialog(backup_ctx)
    dialog.folder_edit.setText(str(tmp_path / "missing-usb"))
    qtbot.mouseClick(dialog.save_settings_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in dialog.settings_error.text() and ShopSettings.get_by_id(1).backup_folder == ""

    (tmp_path / "usb").mkdir()
    dialog.folder_edit.setText(str(tmp_path / "usb"))
    dialog.keep_daily.setValue(3)
    dialog.keep_monthly.setValue(6)
    qtbot.mouseClick(dialog.save_settings_button, Qt.MouseButton.LeftButton)
    saved = ShopSettings.get_by_id(1)
    assert (saved.backup_folder, saved.backup_keep_daily, saved.backup_keep_monthly) == (str(tmp_path / "usb"), 3, 6)
    assert str(tmp_path / "usb") in dialog.folder_label.text()
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    assert dialog.last_result.path.parent == tmp_path / "usb"


def test_the_daily_backup_reports_once_a_day(qtbot, backup_ctx):
    lines = []
    start_daily_backup(backup_ctx, lines.append)
    start_daily_backup(backup_ctx, lines.append)
    assert len(lines) == 1 and lines[0].startswith("Daily backup: Backup shopdesk-20261123-090000")


# -- the start-up check (SQLite) ---------------------------------------------------------


@pytest.fixture
def damaged_shop(tmp_path):
    """A shop file with a good backup in the backup folder, then damaged in the middle."""
    path = tmp_path / "shop.sqlite3"
    open_database(str(path))
    bulk_sales(400)
    good = B.make_backup(None, str(path), now=UTC_0100)
    bulk_sales(10)
    close_database()
    damage_a_page(path)
    return path, good


def test_a_healthy_database_passes_the_start_up_check_without_a_dialog(tmp_path):
    path = tmp_path / "shop.sqlite3"
    open_database(str(path))
    add_sale(UTC_0100)
    close_database()
    assert startup_check(str(path))
    assert startup_check(str(tmp_path / "new.sqlite3"))  # a new shop: nothing to check


def test_a_damaged_database_offers_the_latest_good_backup_and_is_never_written(qtbot, damaged_shop):
    path, good = damaged_shop
    damaged_bytes = path.read_bytes()
    shown = {}

    def restore_it(dialog):
        qtbot.waitUntil(lambda: dialog.searched, timeout=30_000)
        shown["offer"] = dialog.offer.text()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_dialog("damagedDatabaseDialog", restore_it)
    assert startup_check(str(path))

    assert "2026-11-23 09:00" in shown["offer"] and "400 customers" in shown["offer"]
    aside = [p for p in path.parent.iterdir() if ".before-restore-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes  # kept exactly as it was
    assert B.quick_check(path).ok
    open_database(str(path))
    try:
        assert records() == (400, 400, 400)
    finally:
        close_database()


def test_quitting_at_the_damaged_database_dialog_changes_nothing(qtbot, damaged_shop):
    path, _ = damaged_shop
    before = path.read_bytes()
    when_dialog("damagedDatabaseDialog", lambda dialog: dialog.reject())
    assert not startup_check(str(path))
    assert path.read_bytes() == before
    # the read-only check may leave SQLite's empty WAL companions, nothing else
    assert {p.name for p in path.parent.iterdir() if p.is_file()} <= {"shop.sqlite3", "shop.sqlite3-wal", "shop.sqlite3-shm"}
    assert Path(f"{path}-wal").stat().st_size == 0


def test_the_background_check_of_a_big_database_finds_damage_and_restores(qtbot, damaged_shop, clock, monkeypatch):
    path, _ = damaged_shop
    monkeypatch.setattr(B, "SYNC_CHECK_LIMIT_BYTES", 1024)  # "big": checked after the window opened
    open_database(str(path))  # the window is running on it
    try:
        ctx = make_ctx(str(path), clock, None)
        check = BackgroundCheck(ctx)

        def restore_it(dialog):
            qtbot.waitUntil(lambda: dialog.searched, timeout=30_000)
            qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

        when_dialog("damagedDatabaseDialog", restore_it)
        with qtbot.waitSignal(check.databaseReplaced, timeout=30_000):
            assert check.start()
        assert not check.result.ok and records() == (400, 400, 400)
    finally:
        close_database()


def test_the_background_check_is_not_needed_for_a_small_database(qtbot, backup_ctx, db_url):
    assert not BackgroundCheck(backup_ctx).start()
