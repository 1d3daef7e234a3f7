"""The shop's people as a table (a shop has tens of people: loaded whole)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from shopdesk.models import Staff
from shopdesk.rules import passwords
from shopdesk.ui.main_window import tr_role
from shopdesk.ui.tables import ListModel

HEADERS = [
    QT_TRANSLATE_NOOP("StaffTable", "Name"),
    QT_TRANSLATE_NOOP("StaffTable", "User name"),
    QT_TRANSLATE_NOOP("StaffTable", "Role"),
    QT_TRANSLATE_NOOP("StaffTable", "Phone"),
    QT_TRANSLATE_NOOP("StaffTable", "Region"),
    QT_TRANSLATE_NOOP("StaffTable", "Status"),
]
NAME, USERNAME, ROLE, PHONE, REGION, STATUS = range(len(HEADERS))


def status_text(staff: Staff, now: dt.datetime) -> str:
    if not staff.active:
        return QCoreApplication.translate("StaffTable", "Left (inactive)")
    attempts = passwords.Attempts(staff.failed_attempts, staff.locked_until)
    if passwords.is_locked(attempts, now):
        minutes = passwords.minutes_left(attempts, now)
        return QCoreApplication.translate("StaffTable", "Locked ({0} min)").format(minutes)
    return QCoreApplication.translate("StaffTable", "Active")


class StaffTableModel(ListModel):
    CONTEXT = "StaffTable"
    HEADERS = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._now = dt.datetime.min

    def set_staff(self, staff: list[Staff], now: dt.datetime) -> None:
        self._now = now
        self.set_rows(staff)

    def cell(self, staff: Staff, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(staff, column)
        if role == Qt.ItemDataRole.ForegroundRole and not staff.active:
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
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
