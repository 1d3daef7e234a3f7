"""The one window: navigation on the left, the area's page on the right, a
global search box on top, and the database and person in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
    QSplitter, QStackedWidget, QToolBar, QWidget,
)

import peewee as pw

from shopdesk import __version__
from shopdesk.services.changes import ChangeWatcher
from shopdesk.ui.areas import AREAS, Area
from shopdesk.ui.context import AppContext
from shopdesk.ui.widgets import ATTENTION

ROLE_NAMES = {
    "front_desk": QT_TRANSLATE_NOOP("Roles", "Front desk"),
    "team_lead": QT_TRANSLATE_NOOP("Roles", "Team lead"),
    "technician": QT_TRANSLATE_NOOP("Roles", "Technician"),
    "owner": QT_TRANSLATE_NOOP("Roles", "Owner"),
}


class MainWindow(QMainWindow):
    databaseReplaced = Signal(str)  # a backup was restored: sign in again

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("ShopDesk"))
        self.pages: dict[str, QWidget] = {}
        self.areas: list[Area] = []

        self.nav = QListWidget(objectName="navigation")
        self.nav.setMaximumWidth(200)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 7px 10px; }")
        self.stack = QStackedWidget(objectName="pages")
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([150, 1200])
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._show_row)

        self._build_search_bar()
        self._build_menus()
        self._build_status_bar()
        self.ctx.actorChanged.connect(self._rebuild_for_actor)
        self._rebuild_for_actor()
        self._restore_geometry()
        self._watch_other_desks()

    # -- building -------------------------------------------------------------

    def _build_search_bar(self) -> None:
        bar = QToolBar(self.tr("Search"), objectName="searchBar")
        bar.setMovable(False)
        self.search_box = QLineEdit(objectName="globalSearch")
        self.search_box.setPlaceholderText(
            self.tr("Find a customer or order: name, pinyin (ww), phone, serial, order number …  (Ctrl+K)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(self._search_entered)
        self.search_box.textEdited.connect(self._search_typed)
        bar.addWidget(self.search_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.switch_user_action = QAction(self.tr("&Switch user…"), self, objectName="switchUserAction")
        self.switch_user_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_user_action.triggered.connect(self.switch_user)
        file_menu.addAction(self.switch_user_action)
        self.backup_action = QAction(self.tr("&Backup and restore…"), self, objectName="backupAction")
        self.backup_action.triggered.connect(self.open_backups)
        file_menu.addAction(self.backup_action)
        self.hand_in_action = QAction(self.tr("Record a &hand-in…"), self, objectName="handInAction")
        self.hand_in_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.hand_in_action.triggered.connect(self.open_hand_in)
        file_menu.addAction(self.hand_in_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self, objectName="quitAction")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        find = QAction(self.tr("&Find…"), self, objectName="findAction")
        find.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence.StandardKey.Find])
        find.triggered.connect(self.focus_search)
        self.addAction(find)
        self.go_menu.addAction(find)
        self.go_menu.addSeparator()
        self._go_actions: list[QAction] = []

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ShopDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(objectName="databaseLabel")
        self.db_label.setText(self.tr("Database: {0}").format(self.ctx.database_label))
        self.user_label = QLabel(objectName="userLabel")
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)

    def _rebuild_for_actor(self) -> None:
        """Show the areas the signed-in person may use (services still check)."""
        current = self.current_area_key()
        self.nav.blockSignals(True)
        self.nav.clear()
        while self.stack.count():
            page = self.stack.widget(0)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        for action in self._go_actions:
            self.go_menu.removeAction(action)
        self._go_actions.clear()
        actor = self.ctx.actor if self.ctx.signed_in else None
        self.search_box.clear()  # the previous person's search is not the next one's
        self.areas = [a for a in AREAS if actor is None or a.permission is None or actor.may(a.permission)]
        for index, area in enumerate(self.areas):
            self.nav.addItem(QListWidgetItem(area.title))
            action = QAction(area.title, self, objectName=f"go_{area.key}")
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, key=area.key: self.show_area(key))
            self.addAction(action)
            self.go_menu.addAction(action)
            self._go_actions.append(action)
            self.stack.addWidget(QWidget())  # made on first visit
        self.nav.blockSignals(False)
        self.hand_in_action.setVisible(actor is None or actor.may("handin.record"))
        if actor is not None:
            role = tr_role(actor.role or "")
            self.user_label.setText(self.tr("Signed in: {0} ({1})").format(actor.name, role))
        else:
            self.user_label.setText("")
        keys = [a.key for a in self.areas]
        if actor is not None and actor.role == "owner" and "reports" in keys:
            current = "reports"  # the owner starts the day with Today's figures
        self.show_area(current if current in keys else (keys[0] if keys else ""))

    def _watch_other_desks(self) -> None:
        """Refresh open lists within a second or two when another desk saves."""
        self.watcher = ChangeWatcher(self.ctx.db_url)
        self.live_timer = QTimer(self, objectName="liveTimer")
        self.live_timer.setInterval(1000)
        self.live_timer.timeout.connect(self.poll_other_desks)
        self.live_timer.start()
        self.offline_label = QLabel(objectName="offlineLabel")
        self.offline_label.setStyleSheet(f"color: {ATTENTION}; font-weight: bold;")
        self.offline_label.hide()
        self.statusBar().addPermanentWidget(self.offline_label)

    def poll_other_desks(self) -> None:
        try:
            areas = self.watcher.poll()
        except (pw.OperationalError, pw.InterfaceError):  # the connection dropped: say so, keep the window usable
            areas, self.watcher.online = set(), False
        self.offline_label.setText(self.tr("offline — reconnecting"))
        self.offline_label.setVisible(not self.watcher.online)
        for area in sorted(areas):
            self.ctx.dataChanged.emit(area)

    # -- navigation -----------------------------------------------------------

    def current_area_key(self) -> str | None:
        row = self.nav.currentRow()
        return self.areas[row].key if 0 <= row < len(self.areas) else None

    def show_area(self, key: str) -> QWidget | None:
        for row, area in enumerate(self.areas):
            if area.key == key:
                self.nav.setCurrentRow(row)
                return self.page(key)
        return None

    def page(self, key: str) -> QWidget | None:
        if key in self.pages:
            return self.pages[key]
        for row, area in enumerate(self.areas):
            if area.key == key:
                page = area.make(self.ctx)
                page.setObjectName(f"page_{key}")
                old = self.stack.widget(row)
                self.stack.insertWidget(row, page)
                self.stack.removeWidget(old)
                old.deleteLater()
                self.pages[key] = page
                return page
        return None

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.areas):
            return
        page = self.page(self.areas[row].key)
        self.stack.setCurrentWidget(page)
        activate = getattr(page, "activate", None)
        if callable(activate):
            activate()

    def switch_user(self) -> None:
        """The next person signs in at this desk; Cancel keeps the current one."""
        from shopdesk.ui import signin

        new_actor = signin.switch_user(self.ctx, self)
        if new_actor is not None:
            self.ctx.set_actor(new_actor)

    def open_backups(self) -> None:
        from shopdesk.ui.backup import BackupDialog

        dialog = BackupDialog(self.ctx, self)
        dialog.databaseReplaced.connect(self.databaseReplaced.emit)
        dialog.exec()

    def open_hand_in(self) -> None:
        from shopdesk.ui.handin import HandInDialog

        HandInDialog(self.ctx, self).exec()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _search_typed(self, text: str) -> None:
        page = self.pages.get("customers")
        live = getattr(page, "search_as_you_type", None)
        if callable(live) and self.current_area_key() == "customers":
            live(text)

    def _search_entered(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        # A scanner types the order number from a receipt's QR code: open that order
        # directly, whatever the customer list happens to be filtered to.
        import re

        from shopdesk.errors import ShopDeskError
        from shopdesk.rules.search import ORDER_NUMBER_DIGITS, ORDER_PREFIX
        from shopdesk.services import orders as order_service

        if re.fullmatch(rf"{ORDER_PREFIX}\d{{{ORDER_NUMBER_DIGITS}}}", text, re.IGNORECASE) and any(
                a.key == "orders" for a in self.areas):
            try:
                order_service.find_order(self.ctx.actor, text)
            except ShopDeskError:
                pass  # not an order this person may open: search the customers as usual
            else:
                open_order = getattr(self.show_area("orders"), "open_order", None)
                if callable(open_order):
                    self.search_box.selectAll()  # the next scan replaces this number
                    open_order(text)
                    return
        page = self.show_area("customers")
        search = getattr(page, "search", None)
        if callable(search):
            search(text)
        else:
            self.statusBar().showMessage(self.tr("Search is not available yet."), 4000)

    # -- window state ---------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = settings.value("mainWindow/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        self.live_timer.stop()
        self.watcher.close()
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ShopDesk"),
            self.tr("ShopDesk {0}\nCustomer files, repair orders, receipts, follow-ups and the fee ledger "
                    "for small repair shops.").format(__version__),
        )


def tr_role(role: str) -> str:
    """A role's name in the UI language."""
    return QApplication.translate("Roles", ROLE_NAMES.get(role, role))
