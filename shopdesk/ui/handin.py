"""The front desk records a technician handing in cash (and signed receipts).

The dialog shows what the technician should hand in — the orders on which
they collected cash not yet handed in — takes the amount counted, and flags
any difference in red ("¥20.00 missing"), staying open on the result.

    HandInDialog(ctx, parent).exec()   # needs "handin.record"
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.rules.money import format_yuan, parse_yuan
from shopdesk.services import ledger as ledger_service
from shopdesk.services.ledger import DueOrder, HandInResult
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import ATTENTION, FieldError

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
FLAG_STYLE = (f"color: {ATTENTION}; background: #fde2e1; border: 2px solid {ATTENTION}; border-radius: 4px; "
              "padding: 6px; font-weight: bold; font-size: 15px;")
MATCH_STYLE = ("color: #1b6e20; background: #e3f4e4; border: 1px solid #1b6e20; border-radius: 4px; "
               "padding: 6px; font-weight: bold;")



def _money_item(cents: int) -> QTableWidgetItem:
    item = QTableWidgetItem(format_yuan(cents))
    item.setTextAlignment(_RIGHT)
    return item


class HandInDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.actor.require("handin.record")
        self.dues: list[DueOrder] = []
        self.held = 0
        self.result: HandInResult | None = None
        self.setObjectName("handInDialog")
        self.setWindowTitle(self.tr("Cash hand-in"))
        self.setMinimumSize(560, 520)

        self.technician = QComboBox(objectName="handinTechnician")
        self.technician.addItem(self.tr("Choose the technician…"), None)
        for person in ledger_service.hand_in_people(ctx.actor):
            name = person.name if person.active else self.tr("{0} (left the shop)").format(person.name)
            self.technician.addItem(name, person.staff_id)
        self.held_label = QLabel(objectName="handinHeld")
        self.held_label.setWordWrap(True)

        self.orders = QTableWidget(0, 4, objectName="handinOrders")
        self.orders.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Cash collected"), self.tr("Handed in"),
                                               self.tr("Still to hand in")])
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.orders.verticalHeader().hide()
        self.orders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.orders.setToolTip(self.tr("Tick the orders this cash is for"))
        self.no_orders = QLabel(objectName="handinNoOrders")
        self.no_orders.setWordWrap(True)
        self.no_orders.setStyleSheet("color: palette(mid);")
        self.orders_error = FieldError("ordersError")
        self.due_label = QLabel(objectName="handinDue")
        font = self.due_label.font()
        font.setBold(True)
        self.due_label.setFont(font)

        self.amount = QLineEdit(objectName="handinAmount")
        self.amount.setPlaceholderText(self.tr("count the cash, e.g. 120 or 120.50"))
        self.amount_error = FieldError("amountError")
        self.note = QLineEdit(objectName="handinNote")
        self.note.setMaxLength(250)
        self.note.setPlaceholderText(self.tr("e.g. 3 signed receipts handed in too"))
        self.note_error = FieldError("noteError")

        self.result_label = QLabel(objectName="handinResult")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.result_detail = QLabel(objectName="handinResultDetail")
        self.result_detail.setWordWrap(True)
        self.result_detail.hide()
        self.message = FieldError("handinMessage")

        form = QFormLayout()
        form.addRow(self.tr("Technician"), self.technician)
        form.addRow("", self.held_label)
        entry = QFormLayout()
        entry.addRow(self.tr("Cash handed in (¥)"), self.amount)
        entry.addRow("", self.amount_error)
        entry.addRow(self.tr("Note"), self.note)
        entry.addRow("", self.note_error)

        self.save_button = QPushButton(self.tr("Record hand-in"), objectName="handinSave")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), objectName="handinClose")
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("What the technician should hand in:")))
        layout.addWidget(self.orders, 1)
        layout.addWidget(self.no_orders)
        layout.addWidget(self.orders_error)
        layout.addWidget(self.due_label)
        layout.addLayout(entry)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result_detail)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.technician.currentIndexChanged.connect(self._technician_changed)
        self.orders.itemChanged.connect(lambda _item: self._update_due())
        self._show_dues([], 0)

    # -- what is due ------------------------------------------------------------------

    def technician_id(self) -> int | None:
        return self.technician.currentData()

    def choose_technician(self, staff_id: int) -> None:
        self.technician.setCurrentIndex(self.technician.findData(staff_id))

    def _technician_changed(self) -> None:
        self._clear_result()
        self.amount.clear()
        self.note.clear()
        self.reload()

    def reload(self) -> None:
        technician_id = self.technician_id()
        if technician_id is None:
            self._show_dues([], 0)
            return
        actor = self.ctx.actor
        self.ctx.tasks.run(
            lambda: (ledger_service.hand_in_due(actor, technician_id), ledger_service.cash_held_by(actor, technician_id)),
            lambda result: self._show_dues(*result), self._failed, key="handin.due",
        )

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ShopDeskError):
            raise error
        self.message.show_message(translated(error))

    def _show_dues(self, dues: list[DueOrder], held: int) -> None:
        self.dues, self.held = list(dues), held
        name = self.technician.currentText()
        chosen = self.technician_id() is not None
        self.orders.blockSignals(True)
        self.orders.setRowCount(len(self.dues))
        for row, due in enumerate(self.dues):
            number = QTableWidgetItem(due.order_number)
            number.setData(ORDER_ID_ROLE, due.order_id)
            number.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            number.setCheckState(Qt.CheckState.Checked if due.due > 0 else Qt.CheckState.Unchecked)
            self.orders.setItem(row, 0, number)
            self.orders.setItem(row, 1, _money_item(due.collected))
            self.orders.setItem(row, 2, _money_item(due.handed))
            self.orders.setItem(row, 3, _money_item(due.due))
        self.orders.blockSignals(False)
        self.orders.setVisible(bool(self.dues))
        if not chosen:
            self.held_label.setText(self.tr("Choose who is handing in cash."))
            self.no_orders.setText("")
        else:
            self.held_label.setText(self.tr("{0} holds {1} in cash collected and not yet handed in.").format(
                name, format_yuan(held)))
            self.no_orders.setText(self.tr("No order has cash due from {0}.").format(name) if not self.dues else "")
        self.no_orders.setVisible(bool(self.no_orders.text()))
        self.amount.setEnabled(chosen)
        self.note.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self._update_due()

    def checked_order_ids(self) -> list[int]:
        return [self.orders.item(row, 0).data(ORDER_ID_ROLE) for row in range(self.orders.rowCount())
                if self.orders.item(row, 0).checkState() == Qt.CheckState.Checked]

    def set_checked(self, order_ids) -> None:
        wanted = set(order_ids)
        for row in range(self.orders.rowCount()):
            item = self.orders.item(row, 0)
            item.setCheckState(Qt.CheckState.Checked if item.data(ORDER_ID_ROLE) in wanted else Qt.CheckState.Unchecked)

    def due_for_checked(self) -> int:
        checked = set(self.checked_order_ids())
        return sum(d.due for d in self.dues if d.order_id in checked and d.due > 0)

    def _update_due(self) -> None:
        if self.technician_id() is None or not self.dues:
            self.due_label.setText("")
            self.due_label.hide()
            return
        self.due_label.setText(self.tr("Should hand in for the ticked orders: {0}").format(
            format_yuan(self.due_for_checked())))
        self.due_label.show()

    # -- recording --------------------------------------------------------------------

    def _clear_result(self) -> None:
        for label in (self.result_label, self.result_detail):
            label.clear()
            label.hide()
        for error in (self.amount_error, self.orders_error, self.note_error, self.message):
            error.clear_message()

    def save(self) -> None:
        technician_id = self.technician_id()
        if technician_id is None:
            return
        self._clear_result()
        if not self.amount.text().strip():
            self.amount_error.show_message(QCoreApplication.translate("Errors", "Enter the cash handed in."))
            self.amount.setFocus()
            return
        try:
            amount = parse_yuan(self.amount.text())
        except ShopDeskError as exc:
            self.amount_error.show_message(translated(exc))
            self.amount.setFocus()
            return
        checked = self.checked_order_ids()
        if self.dues and not checked:
            self.orders_error.show_message(self.tr("Tick the orders this cash is for."))
            return
        orders = () if len(checked) == len(self.dues) else checked
        try:
            result = ledger_service.record_hand_in(self.ctx.actor, technician_id, amount, orders, self.note.text())
        except ShopDeskError as exc:
            field = getattr(exc, "field", None)
            target = {"amount": self.amount_error, "memo": self.note_error}.get(field or "", self.message)
            target.show_message(translated(exc))
            return
        self.result = result
        self._show_result(result)
        self.amount.clear()
        self.note.clear()
        self.ctx.dataChanged.emit("ledger")
        self.reload()

    def _show_result(self, result: HandInResult) -> None:
        difference = result.difference
        if difference < 0:
            flag = self.tr("⚠ {0} missing").format(format_yuan(-difference))
        elif difference > 0:
            flag = self.tr("⚠ {0} more than due").format(format_yuan(difference))
        else:
            flag = self.tr("✔ Recorded: exactly what was due.")
        self.result_label.setText(flag)
        self.result_label.setStyleSheet(FLAG_STYLE if difference else MATCH_STYLE)
        self.result_label.show()
        self.result_detail.setText(self.tr("Handed in {0}; due on those orders {1}. {2} still holds {3}.").format(
            format_yuan(result.handed), format_yuan(result.due), self.technician.currentText(),
            format_yuan(result.cash_held_after)))
        self.result_detail.show()
