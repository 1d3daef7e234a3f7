"""The list behind a Today figure the order board cannot filter by (today's
appointments, missed ones, carried over, complaints past 24 hours).
Double-click (or Enter) opens the order or the complaint."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.rules import followups as followup_rules
from shopdesk.services import reports as service
from shopdesk.services import settings as settings_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.followups.common import label as followup_label
from shopdesk.ui.messages import translated
from shopdesk.ui.orders import labels as order_labels
from shopdesk.ui.reports.words import translate
from shopdesk.ui.tables import PagedRows, read_only_rows

PAGE = 200


class FigureListModel(PagedRows):
    """Rows of one figure, a page at a time as the view scrolls."""

    page_size = PAGE

    def __init__(self, fetch, tz: str, when_header: str, parent=None):
        super().__init__(parent)
        self.fetch = fetch  # (offset, limit) -> FigureList
        self.tz = tz
        self.headers = [translate("Reports", "Number"), when_header, translate("Reports", "Customer"), translate("Reports", "Status"), translate("Reports", "Technician"), translate("Reports", "Details")]

    def show_first(self, page: service.FigureList) -> None:
        self.set_first_page(lambda offset, limit: self.fetch(offset, limit).rows, page.rows, page.total)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        if row.kind == "complaint":
            status = followup_label(followup_rules.COMPLAINT_STATUS_LABELS, row.status)
        else:
            status = order_labels.state(row.status)
        when = order_labels.ShopTime(self.tz).text(row.at) if row.at else ""
        return (row.number, when, row.customer, status, row.technician, row.text)[index.column()] \
            if 0 <= index.column() < len(self.headers) else None


class FigureListDialog(QDialog):
    """``openOrder`` carries an order number, ``openComplaint`` a complaint id."""

    openOrder = Signal(str)
    openComplaint = Signal(int)

    def __init__(self, ctx: AppContext, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.key = key
        self.setObjectName("reportsFigureList")
        self.setWindowTitle(title)
        actor, now = ctx.actor, ctx.clock.now()
        when = translate("Reports", "Received") if key == "complaints_overdue" else (
            translate("Reports", "Reported") if key == "carried_over" else translate("Reports", "Appointment"))
        self.model = FigureListModel(lambda offset, limit: service.figure_list(actor, key, now, offset, limit),
                                     settings_service.current().timezone, when, self)
        self.table = read_only_rows(QTableView(objectName="reportsFigureListTable"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        open_action = QAction(self, objectName="reportsFigureListOpen")
        open_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(lambda: self.open_row(self.table.currentIndex().row()))
        self.table.addAction(open_action)
        self.status = QLabel(objectName="reportsFigureListStatus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setAutoDefault(False)  # Enter opens the line, it does not close the list
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(900, 480)
        ctx.tasks.run(lambda: service.figure_list(actor, key, now, 0, PAGE), self._show, self._failed,
                      key=f"reports.list.{key}")

    def _show(self, page: service.FigureList) -> None:
        self.model.show_first(page)
        self.status.setText(translate("Reports", "{0} in the list. Double-click a line to open it.").format(page.total)
                            if page.total else translate("Reports", "Nothing in this list any more."))
        if page.total:
            self.table.selectRow(0)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            raise exc
        self.status.setText(translated(exc))

    def open_row(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        item = self.model.rows[row]
        if item.kind == "complaint":
            self.openComplaint.emit(item.id)
        else:
            self.openOrder.emit(item.number)
