"""The shop's people as a table (a shop has tens of people: loaded whole)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from shopdesk.models import Staff
from shopdesk.rules import passwords
from shopdesk.ui.main_window import tr_role

HEADERS = [
    QT_TRANSLATE_NOOP("StaffTable", "Name"),
    QT_TRANSLATE_NOOP("StaffTable", "User name"),
    QT_TRANSLATE_NOOP("StaffTable", "Role"),
    QT_TRANSLATE_NOOP("StaffTable", "Phone"),
    QT_TRANSLATE_NOOP("StaffTable", "Region"),
    QT_TRANSLATE_NOOP("StaffTable", "Status"),
]
NAME, USERNAME, ROLE, PHONE, REGION, STATUS = range(len(HEADERS))


def _tr(text: str) -> str:
    return QCoreApplication.translate("StaffTable", text)


def status_text(staff: Staff, now: dt.datetime) -> str:
    if not staff.active:
        return QCoreApplication.translate("StaffTable", "Left (inactive)")
    attempts = passwords.Attempts(staff.failed_attempts, staff.locked_until)
    if passwords.is_locked(attempts, now):
        minutes = passwords.minutes_left(attempts, now)
        return QCoreApplication.translate("StaffTable", "Locked ({0} min)").format(minutes)
    return QCoreApplication.translate("StaffTable", "Active")


class StaffTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._staff: list[Staff] = []
        self._now = dt.datetime.min

    def set_staff(self, staff: list[Staff], now: dt.datetime) -> None:
        self.beginResetModel()
        self._staff = list(staff)
        self._now = now
        self.endResetModel()

    def staff_at(self, row: int) -> Staff | None:
        return self._staff[row] if 0 <= row < len(self._staff) else None

    def row_of(self, staff_id: int) -> int:
        return next((row for row, s in enumerate(self._staff) if s.id == staff_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._staff)

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
        staff = self.staff_at(index.row())
        if staff is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(staff, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not staff.active:
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.UserRole:
            return staff.id
        return None

    def _display(self, staff: Staff, column: int) -> str:
        if column == NAME:
            return staff.name
        if column == USERNAME:
            return staff.username
        if column == ROLE:
            return tr_role(staff.role)
        if column == PHONE:
            return staff.phone
        if column == REGION:
            return staff.region
        if column == STATUS:
            return status_text(staff, self._now)
        return ""
