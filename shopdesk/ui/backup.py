"""Backup and restore in the window: the dialog (File menu), the start-up check,
the background check of a big database and the daily backup at launch.

Backups and checks run on a task runner of their own (``backup_tasks``): a
30-second integrity check of a big database must not hold up searches on
``ctx.tasks``. They use connections of their own (shopdesk.services.backup),
never the models' one.

After a restore the database has been replaced and reopened: the dialog emits
``databaseReplaced(url)``. The window should then ask who is at the desk again
(the staff list is the backup's) and rebuild its pages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QObject, Qt, QT_TRANSLATE_NOOP, QUrl, Signal,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QProgressBar, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from shopdesk import config
from shopdesk.db import close_database, open_database
from shopdesk.errors import ShopDeskError, ValidationError
from shopdesk.services import backup as backup_service
from shopdesk.services import settings as settings_service
from shopdesk.services.backup import BackupInfo, BackupResult, Counts, RestoreResult
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import text_of, translated
from shopdesk.ui.tasks import TaskRunner
from shopdesk.ui.widgets import ATTENTION, FieldError
from shopdesk.ui.tables import read_only_rows

def backup_tasks(ctx: AppContext) -> TaskRunner:
    """The runner for backups and checks: one worker of its own, synchronous when ctx.tasks is."""
    runner = ctx.findChild(TaskRunner, "backupTasks")
    if runner is None:
        runner = TaskRunner(ctx)
        runner.setObjectName("backupTasks")
    runner.synchronous = ctx.tasks.synchronous
    return runner


def release_database(ctx: AppContext) -> None:
    """Close this program's connections (the UI thread's and the background worker's)
    so the database can be moved aside; peewee reconnects on the next query."""
    ctx.tasks.wait()
    if not ctx.tasks.synchronous:
        ctx.tasks.run(close_database, lambda _: None)
        ctx.tasks.wait()
    close_database()


def when(taken_at: dt.datetime | None) -> str:
    return f"{taken_at:%Y-%m-%d %H:%M}" if taken_at else "—"


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def counts_text(counts: Counts | None) -> str:
    if counts is None:
        return QCoreApplication.translate("Backup", "record counts unknown")
    locale = QLocale()
    return QCoreApplication.translate("Backup", "{0} customers, {1} repair orders, {2} ledger entries").format(
        locale.toString(counts.customers), locale.toString(counts.orders), locale.toString(counts.ledger_entries))


def result_text(result: BackupResult) -> str:
    """One line saying what a backup wrote and what its check found."""
    if not result.ok:
        return QCoreApplication.translate("Backup", "Backup failed: {0}").format(text_of(result.message))
    line = QCoreApplication.translate("Backup", "Backup {0} ({1}; {2}). {3}").format(
        result.path.name, size_text(result.size), counts_text(result.counts), text_of(result.message))
    if result.removed:
        line += " " + QCoreApplication.translate("Backup", "{0} older backup(s) removed (Settings: how many to keep).").format(len(result.removed))
    return line


# -- the list of backups ---------------------------------------------------------------


class BackupsModel(QAbstractTableModel):
    """The backups in the backup folder(s), newest first: a handful of rows, all in memory."""

    HEADERS = [
        QT_TRANSLATE_NOOP("BackupsModel", "Taken"),
        QT_TRANSLATE_NOOP("BackupsModel", "Size"),
        QT_TRANSLATE_NOOP("BackupsModel", "Customers"),
        QT_TRANSLATE_NOOP("BackupsModel", "Repair orders"),
        QT_TRANSLATE_NOOP("BackupsModel", "Ledger entries"),
        QT_TRANSLATE_NOOP("BackupsModel", "Note"),
    ]
    NUMBERS = (1, 2, 3, 4)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.backups: list[BackupInfo] = []

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.backups = list(backups)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("BackupsModel", self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.backups):
            return None
        info = self.backups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(info, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.UserRole:
            return info
        return None

    def _cell(self, info: BackupInfo, column: int) -> str:
        counts = info.counts
        locale = QLocale()
        if column == 0:
            return when(info.taken_at)
        if column == 1:
            return size_text(info.size)
        if column in (2, 3, 4):
            if counts is None:
                return "—"
            return locale.toString((counts.customers, counts.orders, counts.ledger_entries)[column - 2])
        if info.error:
            return QCoreApplication.translate("BackupsModel", "Cannot be read: {0}").format(info.error)
        if info.is_postgres:
            return QCoreApplication.translate("BackupsModel", "PostgreSQL dump")
        return ""

    def row_of(self, path: Path | None) -> int:
        for row, info in enumerate(self.backups):
            if info.path == path:
                return row
        return -1


# -- the dialog ---------------------------------------------------------------------------


class BackupDialog(QDialog):
    """File ▸ Backup and restore…: the backups with their date, size and record counts;
    Back up now; Restore… (owner); where backups go and how many are kept."""

    # The database was replaced by a backup and is open again at this URL.
    databaseReplaced = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = backup_tasks(ctx)
        self.restored: RestoreResult | None = None
        self.last_result: BackupResult | None = None
        self.folder: Path | None = None
        self._settings_version = 0
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backup and restore"))
        self.setMinimumSize(760, 520)

        layout = QVBoxLayout(self)
        self.folder_label = QLabel(objectName="backupFolderLabel")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_folder = QPushButton(self.tr("Open folder"), objectName="openBackupFolder")
        open_folder.clicked.connect(self.open_folder)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(open_folder)
        layout.addLayout(top)
        hint = QLabel(self.tr(
            "ShopDesk backs up by itself on the first start of each day, and checks every copy. "
            "Keep the backups on another disk too: a USB disk or a synced folder."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)

        layout.addWidget(self._settings_box())

        self.model = BackupsModel(self)
        self.table = read_only_rows(QTableView(objectName="backupsTable"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_buttons())
        layout.addWidget(self.table, 1)
        self.empty_hint = QLabel(self.tr("No backups here yet. Press “Back up now” to make the first one."),
                                 objectName="noBackupsHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)

        self.progress = QProgressBar(objectName="backupProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(objectName="backupStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

        self.back_up_button = QPushButton(self.tr("&Back up now"), objectName="backUpNow")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"), objectName="restoreBackup")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a &file…"), objectName="restoreFromFile")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        close = QPushButton(self.tr("Close"), objectName="closeBackupDialog")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.restore_file_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.may_restore = ctx.actor.may("backup.restore")
        if not self.may_restore:
            for button in (self.restore_button, self.restore_file_button):
                button.setToolTip(self.tr("Only the owner can restore a backup."))

        self._busy_now = False
        self.load_settings()
        self.refresh()
        self.back_up_button.setDefault(True)
        self.back_up_button.setFocus()

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where backups go and how many are kept"))
        form = QFormLayout(box)
        self.folder_edit = QLineEdit(objectName="backupFolder")
        self.folder_edit.setPlaceholderText(str(backup_service.default_backup_folder()))
        choose = QPushButton(self.tr("Choose…"), objectName="chooseBackupFolder")
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        self.keep_daily = QSpinBox(objectName="keepDaily")
        self.keep_daily.setRange(1, 365)
        self.keep_daily.setSuffix(self.tr(" days"))
        self.keep_monthly = QSpinBox(objectName="keepMonthly")
        self.keep_monthly.setRange(0, 240)
        self.keep_monthly.setSuffix(self.tr(" months"))
        self.keep_daily.setToolTip(self.tr("The newest backup of each of the last days that have one is kept."))
        self.keep_monthly.setToolTip(self.tr("The newest backup of each of the last months is kept as well."))
        self.save_settings_button = QPushButton(self.tr("Save"), objectName="saveBackupSettings")
        self.save_settings_button.clicked.connect(self.save_settings)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_daily)
        keep_row.addSpacing(24)
        keep_row.addWidget(QLabel(self.tr("Monthly backups kept")))
        keep_row.addWidget(self.keep_monthly)
        keep_row.addStretch(1)
        keep_row.addWidget(self.save_settings_button)
        self.settings_error = FieldError("backupSettingsError")
        form.addRow(self.tr("Backup folder"), folder_row)
        form.addRow(self.tr("Daily backups kept"), keep_row)
        form.addRow("", self.settings_error)
        editable = self.ctx.actor.may("settings.edit")
        for widget in (self.folder_edit, choose, self.keep_daily, self.keep_monthly, self.save_settings_button):
            widget.setEnabled(editable)
        if not editable:
            box.setToolTip(self.tr("Only the owner can change where backups go."))
        return box

    # -- settings -----------------------------------------------------------------------

    def load_settings(self) -> None:
        current = settings_service.current()
        self._settings_version = current.version
        self.folder_edit.setText(current.backup_folder)
        self.keep_daily.setValue(current.backup_keep_daily)
        self.keep_monthly.setValue(current.backup_keep_monthly)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def save_settings(self) -> None:
        self.settings_error.clear_message()
        folder = self.folder_edit.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            self.settings_error.show_message(self.tr("This folder does not exist. Connect the disk or choose another folder."))
            self.folder_edit.setFocus()
            return
        try:
            saved = settings_service.update(self.ctx.actor, self._settings_version, backup_folder=folder,  # ok-db: a service call
                                            backup_keep_daily=self.keep_daily.value(),
                                            backup_keep_monthly=self.keep_monthly.value())
        except ValidationError as exc:
            self.settings_error.show_message(translated(exc))
            return
        except ShopDeskError as exc:
            self.settings_error.show_message(translated(exc))
            return
        self._settings_version = saved.version
        self.status.setText(self.tr("Saved. The next backup goes to the new folder."))
        self.ctx.dataChanged.emit("settings")
        self.refresh()

    # -- the list ---------------------------------------------------------------------------

    def refresh(self, select: Path | None = None) -> None:
        url = self.ctx.db_url

        def load():
            folders = backup_service.backup_folders(url)
            found = [info for folder in folders for info in backup_service.list_backups(folder)]
            found.sort(key=lambda info: (info.taken_at or dt.datetime.min, info.path.name), reverse=True)
            return folders[0], found

        self.runner.run(load, lambda loaded: self._show_list(*loaded, select=select), self._failed, key="list")

    def _show_list(self, folder: Path, backups: list[BackupInfo], select: Path | None = None) -> None:
        self.folder = folder
        text = self.tr("Backups are kept in: {0}").format(folder)
        if folder != backup_service.default_backup_folder() and not folder.is_dir():
            text += "  " + self.tr("(not available now: is the disk connected?)")
        self.folder_label.setText(text)
        self.model.set_backups(backups)
        self.empty_hint.setVisible(not backups)
        row = self.model.row_of(select) if select else -1
        if row < 0 and backups:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._enable_buttons()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.data(rows[0], Qt.ItemDataRole.UserRole)

    def open_folder(self) -> None:
        if self.folder is not None and self.folder.is_dir():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    # -- backing up -------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        actor, url, now = self.ctx.actor, self.ctx.db_url, self.ctx.clock.now()
        self._busy(self.tr("Backing up and checking the copy…"))
        self.runner.run(lambda: backup_service.make_backup(actor, url, now=now), self._backed_up, self._failed)

    def _backed_up(self, result: BackupResult) -> None:
        self.last_result = result
        self._idle()
        self._say(result_text(result), error=not result.ok)
        self.refresh(select=result.path)

    # -- restoring ------------------------------------------------------------------------------------

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is not None and self.may_restore and not self._busy_now:
            self.confirm_and_restore(info)

    def restore_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup to restore"), str(self.folder or ""),
            self.tr("ShopDesk backups (*.sqlite3 *.pgdump);;All files (*)"))
        if path:
            self.confirm_and_restore(backup_service.inspect_backup(path))

    def confirm_and_restore(self, info: BackupInfo) -> bool:
        """Ask, check the backup (in the background), then put it in place. True if started."""
        taken = when(info.taken_at or _modified(info.path))
        question = self.tr(
            "Restore the backup taken {0}?\n\nIt holds {1}.\n\n"
            "Anything entered after {0} is not in it. The current database is kept aside, not deleted, "
            "and ShopDesk reopens on the restored records."
        ).format(taken, counts_text(info.counts))
        answer = QMessageBox.question(self, self.tr("Restore a backup"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._busy(self.tr("Checking the backup before restoring it…"))
        self.runner.run(lambda: backup_service.verify_backup(info.path), self._put_in_place, self._failed)
        return True

    def _put_in_place(self, checked: BackupInfo) -> None:
        actor, url = self.ctx.actor, self.ctx.db_url
        self._busy(self.tr("Restoring…"))
        if config.is_postgres(url):
            # A server database is not a file under our feet: pg_restore may take its time.
            release_database(self.ctx)
            self.runner.run(lambda: backup_service.restore_backup(actor, checked.path, url, verified=checked),
                            self._restored, self._failed)
            return
        # An SQLite file is swapped here on the UI thread, right after our connections are
        # closed, so nothing of ours reopens the old file in between (a copy and two renames).
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            release_database(self.ctx)
            result = backup_service.restore_backup(actor, checked.path, url, verified=checked)
        except ShopDeskError as exc:
            self._failed(exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._restored(result)

    def _restored(self, result: RestoreResult) -> None:
        self.restored = result
        self._idle()
        try:
            open_database(result.url)
        except ShopDeskError as exc:
            self._say(self.tr("The backup was restored, but ShopDesk cannot open it: {0}").format(translated(exc)), error=True)
            return
        text = self.tr("Restored the backup taken {0} ({1}).").format(when(result.taken_at), counts_text(result.counts))
        if result.kept_aside:
            text += " " + self.tr("The previous database was kept at {0}.").format(result.kept_aside)
        self._say(text)
        self.load_settings()
        self.refresh()
        self.databaseReplaced.emit(result.url)

    # -- state ----------------------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self._idle()
        if not isinstance(error, ShopDeskError):
            raise error
        self._say(translated(error), error=True)

    def _busy(self, text: str) -> None:
        self._busy_now = True
        self.progress.show()
        self._say(text)
        self._enable_buttons()

    def _idle(self) -> None:
        self._busy_now = False
        self.progress.hide()
        self._enable_buttons()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {ATTENTION};" if error else "")
        self.status.setText(text)

    def _enable_buttons(self) -> None:
        idle = not self._busy_now
        self.back_up_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.may_restore and self.selected_backup() is not None)
        self.restore_file_button.setEnabled(idle and self.may_restore)

    def reject(self) -> None:
        if self._busy_now:
            return  # a backup or restore is running: it finishes first
        super().reject()


def _modified(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except OSError:
        return None


# -- the start-up check -------------------------------------------------------------------------------


def startup_check(ctx_url: str | None, parent: QWidget | None = None) -> bool:
    """Before the database is opened: check it (read-only). True: go on and open it.

    A damaged database gets a dialog offering the latest good backup; the damaged
    file is never written (it is moved aside as it is). False: the person chose to quit.
    A database up to ``SYNC_CHECK_LIMIT_BYTES`` gets the full quick check here; a
    bigger one a fast check here and the full one later (``start_background_check``).
    """
    url = config.resolve_db_url(ctx_url)
    if config.is_postgres(url):
        return True
    path = config.sqlite_path(url)
    if not path.is_file():
        return True
    try:
        check = backup_service.startup_check_of(path)
    except ShopDeskError:
        return True  # cannot even be read: open_database says why, clearly
    if check.ok:
        return True
    dialog = DamagedDatabaseDialog(url, check.problem, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


class DamagedDatabaseDialog(QDialog):
    """The database is damaged: restore the latest good backup (found and checked in the
    background), choose another backup file, or quit. Accepted = a backup was restored."""

    def __init__(self, url: str, problem: str, parent: QWidget | None = None,
                 before_restore: Callable[[], None] | None = None, synchronous: bool = False):
        super().__init__(parent)
        self.url = config.resolve_db_url(url)
        self.db_path = config.sqlite_path(self.url)
        self.before_restore = before_restore
        self.candidate: BackupInfo | None = None
        self.searched = False
        self.restored: RestoreResult | None = None
        self.tasks = TaskRunner(self)
        self.tasks.synchronous = synchronous
        self.setObjectName("damagedDatabaseDialog")
        self.setWindowTitle(self.tr("The database is damaged"))
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("ShopDesk found damage in its database"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        what = QLabel(self.tr(
            "{0}\n\nSQLite reports: {1}\n\nShopDesk has not changed this file and will not write to it. "
            "Restoring a backup keeps the damaged file aside for a technician to look at.").format(self.db_path, problem))
        what.setWordWrap(True)
        what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(what)
        self.offer = QLabel(self.tr("Looking for the latest good backup…"), objectName="backupOffer")
        self.offer.setWordWrap(True)
        layout.addWidget(self.offer)
        self.error = FieldError("damagedRestoreError")
        layout.addWidget(self.error)

        self.restore_button = QPushButton(self.tr("&Restore this backup"), objectName="restoreLatest")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_latest)
        choose = QPushButton(self.tr("&Choose a backup file…"), objectName="chooseBackupFile")
        choose.clicked.connect(self.choose_backup)
        quit_button = QPushButton(self.tr("&Quit"), objectName="quitDamaged")
        quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(choose)
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        layout.addLayout(buttons)

        folders = backup_service.backup_folders(self.url)
        self.tasks.run(lambda: backup_service.latest_good_backup(folders), self._found, self._search_failed)

    def _found(self, candidate: BackupInfo | None) -> None:
        self.searched = True
        self.candidate = candidate
        if candidate is None:
            self.offer.setText(self.tr(
                "No good backup was found in the backup folders. Copy {0} somewhere safe and ask for help, "
                "or choose a backup file (for example on a USB disk).").format(self.db_path.name))
            return
        self.offer.setText(self.tr("The latest good backup was taken {0} and holds {1}. "
                                   "Anything entered after that is not in it.").format(
            when(candidate.taken_at), counts_text(candidate.counts)))
        self.restore_button.setEnabled(True)
        self.restore_button.setDefault(True)
        self.restore_button.setFocus()

    def _search_failed(self, error: BaseException) -> None:
        self.searched = True
        if not isinstance(error, ShopDeskError):
            raise error
        self.offer.setText(translated(error))

    def restore_latest(self) -> None:
        if self.candidate is not None:
            self.restore_file(self.candidate.path, verified=self.candidate)

    def choose_backup(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup to restore"), "",
                                              self.tr("ShopDesk backups (*.sqlite3);;All files (*)"))
        if path:
            self.restore_file(Path(path))

    def restore_file(self, path: Path, verified: BackupInfo | None = None) -> bool:
        self.error.clear_message()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.before_restore is not None:
                self.before_restore()
            self.restored = backup_service.restore(path, self.db_path, settle=False, verified=verified)
        except ShopDeskError as exc:
            self.error.show_message(translated(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
        return True


class BackgroundCheck(QObject):
    """The full quick check of a database too big to check before the window opened.

    Runs on ``backup_tasks`` with a read-only connection of its own. On damage it shows
    the damaged-database dialog; after a restore the database is reopened and
    ``databaseReplaced(url)`` is emitted; if the person chooses to quit, ``quitRequested``.
    """

    finished = Signal(bool)  # True: no damage found
    databaseReplaced = Signal(str)
    quitRequested = Signal()

    def __init__(self, ctx: AppContext, parent_widget: QWidget | None = None):
        super().__init__(ctx)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.result: backup_service.CheckResult | None = None

    def start(self) -> bool:
        """Start the check if the start-up check was only the fast one; False when not needed."""
        url = config.resolve_db_url(self.ctx.db_url)
        if config.is_postgres(url):
            return False
        path = config.sqlite_path(url)
        if not backup_service.needs_background_check(path):
            return False
        backup_tasks(self.ctx).run(lambda: backup_service.quick_check(path), self._checked, self._not_checked)
        return True

    def _checked(self, result: backup_service.CheckResult) -> None:
        self.result = result
        self.finished.emit(result.ok)
        if result.ok:
            return
        dialog = DamagedDatabaseDialog(self.ctx.db_url, result.problem, self.parent_widget,
                                       before_restore=lambda: release_database(self.ctx),
                                       synchronous=self.ctx.tasks.synchronous)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            open_database(dialog.restored.url)
            self.databaseReplaced.emit(dialog.restored.url)
        else:
            self.quitRequested.emit()

    def _not_checked(self, error: BaseException) -> None:
        if not isinstance(error, ShopDeskError):
            raise error
        self.finished.emit(True)


def start_background_check(ctx: AppContext, parent_widget: QWidget | None = None) -> BackgroundCheck:
    check = BackgroundCheck(ctx, parent_widget)
    check.start()
    return check


# -- the daily backup ---------------------------------------------------------------------------------


def start_daily_backup(ctx: AppContext, report: Callable[[str], None]) -> None:
    """The first launch of each local day backs up in the background (then rotates old
    backups). ``report`` gets one line for the status bar; nothing when not due."""
    url, now = ctx.db_url, ctx.clock.now()

    def done(result: BackupResult | None) -> None:
        if result is not None:
            report(QCoreApplication.translate("Backup", "Daily backup: {0}").format(result_text(result)))

    def failed(error: BaseException) -> None:
        if not isinstance(error, ShopDeskError):
            raise error
        report(QCoreApplication.translate("Backup", "Daily backup failed: {0}").format(translated(error)))

    backup_tasks(ctx).run(lambda: backup_service.daily_backup_if_due(url, now), done, failed)


__all__ = [
    "BackgroundCheck", "BackupDialog", "BackupsModel", "DamagedDatabaseDialog",
    "release_database", "start_background_check", "start_daily_backup", "startup_check",
]
