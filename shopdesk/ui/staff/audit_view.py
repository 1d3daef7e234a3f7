"""The audit trail for the owner: who changed what, when, old → new.

The trail grows without end, so the table fetches it a page at a time
(``canFetchMore``/``fetchMore``) as the view scrolls; filters run in SQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import (
    QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP,
)
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from shopdesk.clock import to_local
from shopdesk.errors import ShopDeskError
from shopdesk.services import audit as audit_service
from shopdesk.services import settings as settings_service
from shopdesk.services import staff as staff_service
from shopdesk.services.audit import AuditRow
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import tr_role
from shopdesk.ui.messages import translated
from shopdesk.ui.tables import PagedRows, read_only_rows

PAGE_SIZE = 200
NO_DATE = QDate(2000, 1, 1)  # the "Any" end of the date filters

HEADERS = [
    QT_TRANSLATE_NOOP("AuditTable", "When"),
    QT_TRANSLATE_NOOP("AuditTable", "Who"),
    QT_TRANSLATE_NOOP("AuditTable", "Action"),
    QT_TRANSLATE_NOOP("AuditTable", "Record"),
    QT_TRANSLATE_NOOP("AuditTable", "About"),
    QT_TRANSLATE_NOOP("AuditTable", "Changes (old → new)"),
]
WHEN, WHO, ACTION, RECORD, ABOUT, CHANGES = range(len(HEADERS))

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditTable", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditTable", "Changed"),
    "archive": QT_TRANSLATE_NOOP("AuditTable", "Archived"),
    "merge": QT_TRANSLATE_NOOP("AuditTable", "Merged"),
    "deactivate": QT_TRANSLATE_NOOP("AuditTable", "Deactivated"),
    "reactivate": QT_TRANSLATE_NOOP("AuditTable", "Reactivated"),
    "lock": QT_TRANSLATE_NOOP("AuditTable", "Locked"),
}
RECORD_TYPES = {
    "Staff": QT_TRANSLATE_NOOP("AuditTable", "Staff"),
    "ShopSettings": QT_TRANSLATE_NOOP("AuditTable", "Settings"),
    "Customer": QT_TRANSLATE_NOOP("AuditTable", "Customer"),
    "Device": QT_TRANSLATE_NOOP("AuditTable", "Device"),
    "ServiceContract": QT_TRANSLATE_NOOP("AuditTable", "Service contract"),
    "MeterReading": QT_TRANSLATE_NOOP("AuditTable", "Meter reading"),
    "RepairOrder": QT_TRANSLATE_NOOP("AuditTable", "Repair order"),
    "OrderLine": QT_TRANSLATE_NOOP("AuditTable", "Order line"),
    "PriceItem": QT_TRANSLATE_NOOP("AuditTable", "Price item"),
    "LedgerEntry": QT_TRANSLATE_NOOP("AuditTable", "Ledger entry"),
    "ClosedMonth": QT_TRANSLATE_NOOP("AuditTable", "Closed month"),
}

# The fields most entries mention; others show under their own name.
FIELDS = {
    "name": QT_TRANSLATE_NOOP("AuditTable", "name"),
    "username": QT_TRANSLATE_NOOP("AuditTable", "user name"),
    "role": QT_TRANSLATE_NOOP("AuditTable", "role"),
    "phone": QT_TRANSLATE_NOOP("AuditTable", "phone"),
    "region": QT_TRANSLATE_NOOP("AuditTable", "region"),
    "active": QT_TRANSLATE_NOOP("AuditTable", "active"),
    "password": QT_TRANSLATE_NOOP("AuditTable", "password"),
    "address": QT_TRANSLATE_NOOP("AuditTable", "address"),
    "failed_attempts": QT_TRANSLATE_NOOP("AuditTable", "wrong passwords in a row"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTable", text)


def record_type_name(record_type: str) -> str:
    return _tr(RECORD_TYPES[record_type]) if record_type in RECORD_TYPES else record_type


def _value(field: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("AuditTable", "yes")
        return QCoreApplication.translate("AuditTable", "no")
    if field == "role":
        return tr_role(str(value))
    return str(value)


def change_lines(row: AuditRow) -> list[str]:
    """Each changed field as "field: old → new" (just "field: value" for a new record)."""
    lines = []
    for field, pair in row.changes.items():
        label = _tr(FIELDS[field]) if field in FIELDS else field
        if row.action == "create" and isinstance(pair, list) and len(pair) == 2 and pair[0] is None:
            lines.append(f"{label}: {_value(field, pair[1])}")
        elif isinstance(pair, list) and len(pair) == 2:
            lines.append(f"{label}: {_value(field, pair[0])} → {_value(field, pair[1])}")
        else:
            lines.append(f"{label}: {pair}")
    return lines


class AuditTableModel(PagedRows):
    """Rows of the current filter, fetched a page at a time as the view asks."""

    page_size = PAGE_SIZE

    def __init__(self, parent=None):
        super().__init__(parent)
        self.timezone = "Asia/Shanghai"

    def set_result(self, total: int, first_page: list[AuditRow], fetch_page: Callable[[int, int], list[AuditRow]],
                   timezone: str) -> None:
        self.timezone = timezone
        self.set_first_page(fetch_page, first_page, total)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return _tr(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (ABOUT, CHANGES):
            return "\n".join([row.summary, *change_lines(row)]).strip()
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _display(self, row: AuditRow, column: int) -> str:
        if column == WHEN:
            return to_local(row.at, self.timezone).strftime("%Y-%m-%d %H:%M:%S")
        if column == WHO:
            return row.staff_name or QCoreApplication.translate("AuditTable", "ShopDesk (system)")
        if column == ACTION:
            return _tr(ACTIONS[row.action]) if row.action in ACTIONS else row.action
        if column == RECORD:
            return f"{record_type_name(row.record_type)} {row.record_id}"
        if column == ABOUT:
            return row.summary
        if column == CHANGES:
            return "; ".join(change_lines(row))
        return ""


def _date_filter(name: str) -> QDateEdit:
    edit = QDateEdit(objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("AuditTrail", "Any"))
    edit.setDate(NO_DATE)
    return edit


class AuditTrail(QWidget):
    """Filters on top, the trail in the middle, the selected entry's changes below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditTrail")
        self.person = QComboBox(objectName="auditPerson")
        self.date_from = _date_filter("auditFrom")
        self.date_to = _date_filter("auditTo")
        self.record_type = QComboBox(objectName="auditRecordType")
        self.record_id = QLineEdit(objectName="auditRecordId")
        self.record_id.setPlaceholderText(self.tr("record no."))
        self.record_id.setMaximumWidth(120)
        self.record_id.setClearButtonEnabled(True)
        clear = QPushButton(self.tr("Clear filters"), objectName="auditClear")
        clear.clicked.connect(self.clear_filters)

        filters = QHBoxLayout()
        for label, widget in ((self.tr("&Person"), self.person), (self.tr("&From"), self.date_from),
                              (self.tr("&To"), self.date_to), (self.tr("Rec&ord"), self.record_type),
                              (None, self.record_id)):
            if label:
                caption = QLabel(label)
                caption.setBuddy(widget)
                filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(clear)
        filters.addStretch(1)

        self.model = AuditTableModel(self)
        self.table = read_only_rows(QTableView(objectName="auditTable"))
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in ((WHEN, 150), (WHO, 110), (ACTION, 100), (RECORD, 120), (ABOUT, 220)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(CHANGES, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

        self.detail = QPlainTextEdit(objectName="auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Select an entry to see every change it made."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        self.count = QLabel(objectName="auditCount")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)

        self._fill_choices()
        for combo in (self.person, self.record_type):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self.record_id.editingFinished.connect(self.refresh)
        self.record_id.textChanged.connect(lambda text: self.refresh() if not text else None)

    # -- filters ----------------------------------------------------------------

    def _fill_choices(self) -> None:
        actor = self.ctx.actor
        for combo in (self.person, self.record_type):
            combo.blockSignals(True)
            combo.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for staff in staff_service.list_staff(actor, include_inactive=True):
            label = staff.name if staff.active else self.tr("{0} (left)").format(staff.name)
            self.person.addItem(label, staff.id)
        self.record_type.addItem(self.tr("All records"), None)
        for record_type in audit_service.audit_record_types(actor):
            self.record_type.addItem(record_type_name(record_type), record_type)
        for combo in (self.person, self.record_type):
            combo.blockSignals(False)

    def filters(self) -> dict:
        def day(edit: QDateEdit) -> dt.date | None:
            return None if edit.date() == NO_DATE else edit.date().toPython()

        return {
            "staff_id": self.person.currentData(),
            "date_from": day(self.date_from),
            "date_to": day(self.date_to),
            "record_type": self.record_type.currentData(),
            "record_id": self.record_id.text().strip() or None,
        }

    def show_record(self, record_type: str, record_id: str) -> None:
        """Filter to one record's history (e.g. from the staff list)."""
        index = self.record_type.findData(record_type)
        self.record_type.blockSignals(True)
        self.record_type.setCurrentIndex(max(0, index))
        self.record_type.blockSignals(False)
        self.record_id.setText(str(record_id))
        self.refresh()

    def clear_filters(self) -> None:
        for widget in (self.person, self.record_type, self.date_from, self.date_to, self.record_id):
            widget.blockSignals(True)
        self.person.setCurrentIndex(0)
        self.record_type.setCurrentIndex(0)
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        self.record_id.clear()
        for widget in (self.person, self.record_type, self.date_from, self.date_to, self.record_id):
            widget.blockSignals(False)
        self.refresh()

    # -- loading --------------------------------------------------------------------

    def activate(self) -> None:
        """Shown again: new people and record kinds may have appeared."""
        current = (self.person.currentData(), self.record_type.currentData())
        self._fill_choices()
        for combo, data in zip((self.person, self.record_type), current):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        actor, filters = self.ctx.actor, self.filters()
        self.count.setText(self.tr("Loading…"))

        def load():
            latest = audit_service.latest_audit_id(actor)
            total = audit_service.count_audit_entries(actor, up_to_id=latest, **filters)
            first = audit_service.audit_entries(actor, limit=PAGE_SIZE, up_to_id=latest, **filters)
            return actor, filters, latest, total, first, settings_service.current().timezone

        self.ctx.tasks.run(load, self._loaded, self._failed, key="audit")

    def _loaded(self, result) -> None:
        actor, filters, latest, total, first, timezone = result

        def fetch_page(offset: int, limit: int) -> list[AuditRow]:
            return audit_service.audit_entries(actor, offset=offset, limit=limit, up_to_id=latest, **filters)

        self.model.set_result(total, first, fetch_page, timezone)
        self.detail.clear()
        if total:
            self.count.setText(self.tr("{0} entries").format(total))
        else:
            self.count.setText(self.tr("No entries match these filters."))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ShopDeskError):
            raise error
        self.count.setText(translated(error))

    def _show_detail(self, current: QModelIndex, _previous=None) -> None:
        row = self.model.row_at(current.row())
        if row is None:
            self.detail.clear()
            return
        when = self.model.data(self.model.index(current.row(), WHEN))
        who = self.model.data(self.model.index(current.row(), WHO))
        action = self.model.data(self.model.index(current.row(), ACTION))
        record = self.model.data(self.model.index(current.row(), RECORD))
        lines = [f"{when}  {who}  {action}  {record}", row.summary, "", *change_lines(row)]
        self.detail.setPlainText("\n".join(lines).strip())
