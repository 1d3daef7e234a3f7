"""The one window: navigation on the left, the area's page on the right, a
global search box on top, and the database and person in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
    QSplitter, QStackedWidget, QToolBar, QWidget,
)

from shopdesk import __version__
from shopdesk.ui.areas import AREAS, Area
from shopdesk.ui.context import AppContext

ROLE_NAMES = {
    "front_desk": QT_TRANSLATE_NOOP("Roles", "Front desk"),
    "team_lead": QT_TRANSLATE_NOOP("Roles", "Team lead"),
    "technician": QT_TRANSLATE_NOOP("Roles", "Technician"),
    "owner": QT_TRANSLATE_NOOP("Roles", "Owner"),
}


class MainWindow(QMainWindow):
    switchUserRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("ShopDesk"))
        self.pages: dict[str, QWidget] = {}
        self.areas: list[Area] = []

        self.nav = QListWidget(objectName="navigation")
        self.nav.setMaximumWidth(220)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget(objectName="pages")
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._show_row)

        self._build_search_bar()
        self._build_menus()
        self._build_status_bar()
        self.ctx.actorChanged.connect(self._rebuild_for_actor)
        self._rebuild_for_actor()
        self._restore_geometry()

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
        self.switch_user_action.triggered.connect(self.switchUserRequested.emit)
        file_menu.addAction(self.switch_user_action)
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
        if actor is not None:
            role = tr_role(actor.role or "")
            self.user_label.setText(self.tr("Signed in: {0} ({1})").format(actor.name, role))
        else:
            self.user_label.setText("")
        keys = [a.key for a in self.areas]
        self.show_area(current if current in keys else (keys[0] if keys else ""))

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
