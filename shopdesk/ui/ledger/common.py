"""What the ledger tabs share: the period picker, words for kinds and methods,
the staff to pick from, and a status line that can say good or bad news."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from shopdesk.clock import local_today
from shopdesk.errors import ShopDeskError
from shopdesk.rules import ledger as rules
from shopdesk.rules.money import format_yuan
from shopdesk.services import settings as settings_service
from shopdesk.services import staff as staff_service
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import ATTENTION

OK_COLOUR = "#1b6e20"
BAD_COLOUR = ATTENTION


def kind_label(kind: str) -> str:
    source = rules.KIND_LABELS.get(kind)
    return QCoreApplication.translate("Ledger", source) if source else kind


def method_label(method: str) -> str:
    source = rules.METHOD_LABELS.get(method)
    return QCoreApplication.translate("Ledger", source) if source else method


def money(cents: int) -> str:
    return format_yuan(cents)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def previous_month(day: dt.date) -> dt.date:
    """The first day of the month before ``day``'s."""
    return month_start(month_start(day) - dt.timedelta(days=1))


def shop_timezone() -> str:
    return settings_service.current().timezone


def shop_today(ctx) -> dt.date:
    return local_today(ctx.clock, shop_timezone())


def staff_choices(actor, roles: tuple[str, ...] | None = None) -> list[tuple[int, str, str]]:
    """Staff for the owner's pickers (``roles``: only these), active first: (id, label, name);
    the label marks those who left."""
    people = [p for p in staff_service.list_staff(actor, include_inactive=True) if roles is None or p.role in roles]
    left = QCoreApplication.translate("Ledger", "{0} (left)")
    return [(p.id, p.name if p.active else left.format(p.name), p.name) for p in people]


def fill_staff(box: QComboBox, people: list[tuple[int, str, str]], none_text: str) -> None:
    keep = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(none_text, None)
    for staff_id, label, _name in people:
        box.addItem(label, staff_id)
    box.setCurrentIndex(max(0, box.findData(keep)))
    box.blockSignals(False)


def set_status(label: QLabel, text: str, mood: str = "") -> None:
    """``mood``: "" plain, "ok" green, "bad" red and bold."""
    colour = {"ok": OK_COLOUR, "bad": BAD_COLOUR}.get(mood)
    label.setStyleSheet(f"color: {colour};{' font-weight: bold;' if mood == 'bad' else ''}" if colour else "")
    label.setProperty("mood", mood)
    label.setText(text)
    label.setVisible(bool(text))


def error_text(error: BaseException) -> str:
    """A ShopDesk error in the UI language; anything else is a bug and goes on up."""
    if not isinstance(error, ShopDeskError):
        raise error
    return translated(error)


class PeriodPicker(QWidget):
    """From / to dates with "This month" and "Last month" shortcuts; always a whole period."""

    changed = Signal()

    def __init__(self, name: str, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.date_from = QDateEdit(objectName=f"{name}From", calendarPopup=True)
        self.date_to = QDateEdit(objectName=f"{name}To", calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
        this_month = QPushButton(self.tr("This month"), objectName=f"{name}ThisMonth")
        last_month = QPushButton(self.tr("Last month"), objectName=f"{name}LastMonth")
        this_month.clicked.connect(lambda: self.set_month(self.today))
        last_month.clicked.connect(lambda: self.set_month(previous_month(self.today)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("From")))
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel(self.tr("to")))
        layout.addWidget(self.date_to)
        layout.addWidget(this_month)
        layout.addWidget(last_month)
        self.set_month(today)
        self.date_from.dateChanged.connect(self._moved)
        self.date_to.dateChanged.connect(self._moved)

    def period(self) -> tuple[dt.date, dt.date]:
        return to_date(self.date_from.date()), to_date(self.date_to.date())

    def set_period(self, date_from: dt.date, date_to: dt.date) -> None:
        if (date_from, date_to) == self.period():
            return
        for edit, day in ((self.date_from, date_from), (self.date_to, date_to)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        self.changed.emit()

    def set_month(self, day: dt.date) -> None:
        self.set_period(month_start(day), month_end(day))

    def _moved(self) -> None:
        self.changed.emit()
