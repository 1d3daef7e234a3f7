"""The team lead's day board: orders grouped by technician; drag an order onto a
technician (or use the picker) to give it to them; close the day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QDate, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from shopdesk.clock import local_today
from shopdesk.errors import ShopDeskError
from shopdesk.services import orders as order_service
from shopdesk.services.orders import DayBoard, DaySummary
from shopdesk.ui.context import AppContext
from shopdesk.ui.orders import labels
from shopdesk.ui.orders.board_model import CARRIED_OVER_BACKGROUND, OVERDUE_BACKGROUND
from shopdesk.ui.orders.labels import ShopTime

ORDER_MIME = "application/x-shopdesk-order"
ORDER_ROLE = Qt.ItemDataRole.UserRole
STAFF_ROLE = Qt.ItemDataRole.UserRole + 1
VERSION_ROLE = Qt.ItemDataRole.UserRole + 2


class DayTree(QTreeWidget):
    """Technicians at the top level, their orders below. Orders drag; technicians take drops."""

    orderDropped = Signal(int, int, int)  # order id, its version, technician id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dayBoardTree")
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self) -> list[str]:
        return [ORDER_MIME]

    def mimeData(self, items) -> QMimeData:
        mime = QMimeData()
        item = items[0] if items else None
        if item is not None and item.data(0, ORDER_ROLE) is not None:
            payload = f"{item.data(0, ORDER_ROLE)}:{item.data(0, VERSION_ROLE)}"
            mime.setData(ORDER_MIME, QByteArray(payload.encode()))
        return mime

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def technician_item(self, item: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
        """The technician an item belongs to (itself, or an order's group)."""
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None or item.data(0, STAFF_ROLE) is None:
            return None
        return item

    def dropMimeData(self, parent: QTreeWidgetItem | None, index: int, data: QMimeData, action) -> bool:
        target = self.technician_item(parent)
        if target is None or not data.hasFormat(ORDER_MIME):
            return False
        order_id, version = (int(x) for x in bytes(data.data(ORDER_MIME)).decode().split(":"))
        self.orderDropped.emit(order_id, version, int(target.data(0, STAFF_ROLE)))
        return False  # the board is reloaded from the database; Qt must not move the item itself

    def dropEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        if self.technician_item(item) is None or not event.mimeData().hasFormat(ORDER_MIME):
            event.ignore()
            return
        self.dropMimeData(item, 0, event.mimeData(), event.dropAction())
        event.setDropAction(Qt.DropAction.CopyAction)  # nothing for Qt to remove at the source
        event.accept()


class DayBoardView(QWidget):
    changed = Signal()
    openOrder = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.time = ShopTime()
        self.board: DayBoard | None = None
        self.picker: TechnicianPicker | None = None
        self.close_dialog: DayCloseDialog | None = None

        self.date = QDateEdit(objectName="dayBoardDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today = local_today(ctx.clock, self.time.tz)
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.date.dateChanged.connect(lambda _: self.reload())
        self.assign_button = QPushButton(self.tr("Assign to…"), objectName="assignPicker")
        self.assign_button.clicked.connect(self.ask_technician)
        self.close_button = QPushButton(self.tr("Close the day…"), objectName="closeDay")
        self.close_button.clicked.connect(self.ask_close_day)
        self.close_button.setVisible(ctx.actor.may("day.close"))
        self.closed_label = QLabel(objectName="dayClosedLabel")
        self.status = QLabel(objectName="dayBoardStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.date)
        top.addWidget(self.closed_label, 1)
        top.addWidget(self.assign_button)
        top.addWidget(self.close_button)

        self.tree = DayTree()
        self.tree.setHeaderLabels([self.tr("Technician / order"), self.tr("State"), self.tr("Customer"),
                                   self.tr("Appointment"), self.tr("Note")])
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.orderDropped.connect(self.assign)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        hint = QLabel(self.tr("Drag an order onto a technician to give it to them. Carried-over orders are "
                              "listed first."))
        hint.setStyleSheet("color: palette(mid);")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        self._update_buttons()

    def day(self) -> dt.date:
        q = self.date.date()
        return dt.date(q.year(), q.month(), q.day())

    def reload(self) -> None:
        actor, day = self.ctx.actor, self.day()
        self.ctx.tasks.run(lambda: order_service.day_board(actor, day), self._show, self._show_error,
                           key="orders-day-board")

    def _show(self, board: DayBoard) -> None:
        self.board = board
        selected = self.selected_order()
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        for group in board.groups:
            name = group.name or self.tr("Not yet with a technician")
            top = QTreeWidgetItem([self.tr("{0} — {1} open, {2} done").format(name, len(group.not_done),
                                                                              len(group.done))])
            top.setFont(0, bold)
            top.setData(0, STAFF_ROLE, group.staff_id)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsDropEnabled if group.staff_id else
                                                      Qt.ItemFlag.NoItemFlags))
            self.tree.addTopLevelItem(top)
            for row in group.rows:
                note = labels.overdue(row.overdue) if row.overdue else (
                    self.tr("carried over") if row.carried_over_on else (self.tr("done") if row.done else ""))
                child = QTreeWidgetItem([row.number, labels.state(row.state), row.customer,
                                         self.time.text(row.appointment_at), note])
                child.setData(0, ORDER_ROLE, row.id)
                child.setData(0, VERSION_ROLE, row.version)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if not row.done:
                    flags |= Qt.ItemFlag.ItemIsDragEnabled
                child.setFlags(flags)
                background = OVERDUE_BACKGROUND if row.overdue else (
                    CARRIED_OVER_BACKGROUND if row.carried_over_on else None)
                if background is not None:
                    for col in range(5):
                        child.setBackground(col, QBrush(background))
                top.addChild(child)
                if row.id == selected:
                    self.tree.setCurrentItem(child)
            top.setExpanded(True)
        for col in (0, 1, 3):
            self.tree.resizeColumnToContents(col)
        self.closed_label.setText(self.tr("Closed by {0}").format(board.closed_by) if board.closed else "")
        self._update_buttons()

    def order_item(self, number: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).text(0) == number:
                    return top.child(j)
        return None

    def technician_item(self, staff_id: int) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, STAFF_ROLE) == staff_id:
                return self.tree.topLevelItem(i)
        return None

    def selected_order(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ORDER_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        self.assign_button.setEnabled(item is not None and item.data(0, ORDER_ROLE) is not None
                                      and bool(item.flags() & Qt.ItemFlag.ItemIsDragEnabled))

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ORDER_ROLE) is not None:
            self.openOrder.emit(int(item.data(0, ORDER_ROLE)))

    # -- assigning ----------------------------------------------------------------------

    def assign(self, order_id: int, version: int, technician_id: int) -> bool:
        try:
            order = order_service.assign_technician(self.ctx.actor, order_id, version, technician_id)
        except ShopDeskError as exc:
            self.status.setText(labels.error_text(exc))
            self.reload()
            return False
        self.status.setText(self.tr("{0} is now with {1}.").format(order.number, self._name_of(technician_id)))
        self.reload()
        self.changed.emit()
        return True

    def _name_of(self, staff_id: int) -> str:
        item = self.technician_item(staff_id)
        return item.text(0).split(" — ")[0] if item else ""

    def ask_technician(self) -> "TechnicianPicker | None":
        item = self.tree.currentItem()
        if item is None or item.data(0, ORDER_ROLE) is None:
            return None
        staff = [(g.staff_id, g.name) for g in (self.board.groups if self.board else []) if g.staff_id]
        picker = TechnicianPicker(staff, item.text(0), self)
        order_id, version = int(item.data(0, ORDER_ROLE)), int(item.data(0, VERSION_ROLE))
        picker.accepted.connect(lambda: self.assign(order_id, version, picker.technician_id()))
        self.picker = picker
        picker.open()
        return picker

    # -- closing the day ---------------------------------------------------------------

    def ask_close_day(self) -> "DayCloseDialog | None":
        try:
            summary = order_service.day_summary(self.ctx.actor, self.day())
        except ShopDeskError as exc:
            self.status.setText(labels.error_text(exc))
            return None
        dialog = DayCloseDialog(summary, self)
        dialog.accepted.connect(self._close_day)
        self.close_dialog = dialog
        dialog.open()
        return dialog

    def _close_day(self) -> None:
        try:
            summary = order_service.close_day(self.ctx.actor, self.day())
        except ShopDeskError as exc:
            self.status.setText(labels.error_text(exc))
            return
        self.status.setText(self.tr("Day closed: {0} orders carried over to tomorrow.").format(summary.carried_over))
        self.reload()
        self.changed.emit()

    def _show_error(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            raise exc
        self.status.setText(labels.error_text(exc))


class TechnicianPicker(QDialog):
    """Choose who takes the order (the keyboard way to assign)."""

    def __init__(self, staff: list[tuple[int, str]], order_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("technicianPicker")
        self.setWindowTitle(self.tr("Assign {0}").format(order_number))
        self.box = QComboBox(objectName="pickTechnician")
        for staff_id, name in staff:
            self.box.addItem(name, staff_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("pickOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Technician"), self.box)
        form.addRow(buttons)

    def technician_id(self) -> int:
        return int(self.box.currentData())


class DayCloseDialog(QDialog):
    """What closing the day will record: done and not done per technician."""

    def __init__(self, summary: DaySummary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dayCloseDialog")
        self.setWindowTitle(self.tr("Close the day {0}").format(summary.day.isoformat()))
        self.table = QTreeWidget(objectName="daySummary")
        self.table.setHeaderLabels([self.tr("Technician"), self.tr("Done"), self.tr("Not done (carried over)")])
        self.table.setRootIsDecorated(False)
        for line in summary.lines:
            item = QTreeWidgetItem([
                line.name or self.tr("Not yet with a technician"),
                self.tr("{0}: {1}").format(len(line.done), ", ".join(line.done)) if line.done else "0",
                self.tr("{0}: {1}").format(len(line.not_done), ", ".join(line.not_done)) if line.not_done else "0",
            ])
            self.table.addTopLevelItem(item)
        for col in range(3):
            self.table.resizeColumnToContents(col)
        note = QLabel(self.tr("{0} unfinished orders will be carried over and listed first tomorrow.")
                      .format(summary.carried_over), objectName="dayCloseNote")
        note.setWordWrap(True)
        if not summary.lines:
            note.setText(self.tr("Nothing was open or done on this day."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Close the day"))
        ok.setObjectName("confirmCloseDay")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(640, 360)
