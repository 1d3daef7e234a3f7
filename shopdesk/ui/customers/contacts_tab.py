"""The customer file's calls and complaints: what the shop heard from this customer.

Complaints first (they are what the front desk must not miss when the customer
calls again), then the follow-up calls; newest first. Double-click a complaint
to open it in Follow-ups, a call to open the order it was about.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from shopdesk.rules import followups as rules
from shopdesk.services.followups import ContactRow, CustomerContacts
from shopdesk.ui.followups.common import label, local_text
from shopdesk.ui.tables import small_table, table_item
from shopdesk.ui.widgets import ATTENTION

ROW_ID = Qt.ItemDataRole.UserRole  # as table_item puts it
NUMBER = Qt.ItemDataRole.UserRole + 1  # the complaint's or the call's order number


class ContactsTab(QWidget):
    openComplaint = Signal(int)
    openOrder = Signal(str)

    def __init__(self, timezone: str, parent: QWidget | None = None, objectName: str = ""):
        super().__init__(parent)
        self.setObjectName(objectName)
        self.timezone = timezone
        self.complaints = small_table("customerComplaints", [
            self.tr("Complaint"), self.tr("Received"), self.tr("Category"), self.tr("Status"),
            self.tr("Responsible"), self.tr("What the customer said")])
        self.complaints.itemDoubleClicked.connect(self._complaint_chosen)
        self.complaints_note = QLabel(objectName="customerComplaintsNote")
        self.calls = small_table("customerCalls", [
            self.tr("Called"), self.tr("Call"), self.tr("Order"), self.tr("Outcome"), self.tr("Technician"),
            self.tr("Still wrong")])
        self.calls.itemDoubleClicked.connect(self._call_chosen)
        self.calls_note = QLabel(objectName="customerCallsNote")

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Complaints")))
        layout.addWidget(self.complaints, 1)
        layout.addWidget(self.complaints_note)
        layout.addWidget(QLabel(self.tr("Follow-up calls")))
        layout.addWidget(self.calls, 2)
        layout.addWidget(self.calls_note)

    def show_contacts(self, contacts: CustomerContacts) -> None:
        self._fill(self.complaints, contacts.complaints, self._complaint_cells)
        self._fill(self.calls, contacts.calls, self._call_cells)
        self.complaints_note.setText(self._note(len(contacts.complaints), contacts.complaint_count,
                                                self.tr("No complaints from this customer.")))
        self.calls_note.setText(self._note(len(contacts.calls), contacts.call_count,
                                           self.tr("No follow-up calls yet.")))

    def _complaint_cells(self, row: ContactRow) -> tuple[list[str], bool]:
        unfinished = row.outcome in rules.UNFINISHED
        return [row.number, local_text(row.at, self.timezone, "%Y-%m-%d %H:%M"),
                label(rules.CATEGORY_LABELS, row.kind), label(rules.COMPLAINT_STATUS_LABELS, row.outcome),
                row.who, row.text], unfinished

    def _call_cells(self, row: ContactRow) -> tuple[list[str], bool]:
        return [local_text(row.at, self.timezone, "%Y-%m-%d %H:%M"), label(rules.STAGE_LABELS, row.kind),
                row.number, label(rules.OUTCOME_LABELS, row.outcome), row.who, row.text], row.unsatisfied

    @staticmethod
    def _fill(table: QTableWidget, rows: list[ContactRow], cells_of) -> None:
        table.setRowCount(0)
        for row in rows:
            cells, attention = cells_of(row)
            index = table.rowCount()
            table.insertRow(index)
            for column, text in enumerate(cells):
                item = table_item(text, row.id, QColor(ATTENTION) if attention else None)
                item.setData(NUMBER, row.number)
                table.setItem(index, column, item)

    def _note(self, shown: int, total: int, none: str) -> str:
        if total == 0:
            return none
        if shown < total:
            return self.tr("The latest {0} of {1}.").format(shown, total)
        return ""

    def _complaint_chosen(self, item: QTableWidgetItem) -> None:
        self.openComplaint.emit(int(item.data(ROW_ID)))

    def _call_chosen(self, item: QTableWidgetItem) -> None:
        number = item.data(NUMBER)
        if number:
            self.openOrder.emit(number)
