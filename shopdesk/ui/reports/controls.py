"""The reports' period picker (day, week, month, custom range) and filters
(technician, region, customer type)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QToolButton, QWidget

from shopdesk.errors import ValidationError
from shopdesk.rules import reports as rules
from shopdesk.rules.reports import Period
from shopdesk.services.customers import KIND_LABELS
from shopdesk.services.reports import FilterChoices, Filters
from shopdesk.ui.messages import translated
from shopdesk.ui.reports.words import in_reports, translate


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def period_text(period: Period) -> str:
    """How a period reads in titles: "2026-11-16 – 2026-11-22", "2026-11", "2026-11-23"."""
    if period.kind == rules.MONTH:
        return f"{period.first:%Y-%m}"
    if period.first == period.last:
        return f"{period.first:%Y-%m-%d}"
    return f"{period.first:%Y-%m-%d} – {period.last:%Y-%m-%d}"


class PeriodBar(QWidget):
    """Kind, the day it holds (a range for custom), back and forward by one period.

    ``changed`` carries the new Period; a custom range that cannot be (ends
    before it starts, longer than a year) is said in ``error`` and not sent.
    """

    changed = Signal(object)
    error = Signal(str)

    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self._period = rules.last_week(today)
        self.kind = QComboBox(objectName="reportsPeriodKind")
        for kind in rules.KINDS:
            self.kind.addItem(in_reports(rules.KIND_LABELS[kind]), kind)
        self.back = QToolButton(objectName="reportsPeriodBack", text="◀")
        self.back.setToolTip(translate("Reports", "The period before (Alt+Left)"))
        self.back.setShortcut(QKeySequence("Alt+Left"))
        self.forward = QToolButton(objectName="reportsPeriodForward", text="▶")
        self.forward.setToolTip(translate("Reports", "The period after (Alt+Right)"))
        self.forward.setShortcut(QKeySequence("Alt+Right"))
        self.first = QDateEdit(objectName="reportsPeriodFirst", calendarPopup=True)
        self.last = QDateEdit(objectName="reportsPeriodLast", calendarPopup=True)
        self.to_label = QLabel(translate("Reports", "to"))
        self.shown = QLabel(objectName="reportsPeriodShown")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(translate("Reports", "Period"))
        label.setBuddy(self.kind)
        for widget in (label, self.kind, self.back, self.first, self.to_label, self.last, self.forward, self.shown):
            layout.addWidget(widget)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.first.dateChanged.connect(self._dates_changed)
        self.last.dateChanged.connect(self._dates_changed)
        self.back.clicked.connect(lambda: self.step(-1))
        self.forward.clicked.connect(lambda: self.step(1))
        self._show()

    def period(self) -> Period:
        return self._period

    def set_period(self, period: Period, emit: bool = False) -> None:
        self._period = period
        self._show()
        if emit:
            self.changed.emit(period)

    def step(self, steps: int) -> None:
        self.set_period(rules.shifted(self._period, steps), emit=True)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        if kind == self._period.kind:
            return
        anchor = self._period.first
        if kind == rules.CUSTOM:
            period = rules.custom_period(self._period.first, self._period.last)
        else:
            period = rules.period_of(kind, anchor)
        self.set_period(period, emit=True)

    def _dates_changed(self) -> None:
        first, last = to_date(self.first.date()), to_date(self.last.date())
        try:
            period = rules.period_of(self._period.kind, first, last)
        except ValidationError as exc:
            self.error.emit(translated(exc))
            return
        if period != self._period:
            self.set_period(period, emit=True)

    def _show(self) -> None:
        custom = self._period.kind == rules.CUSTOM
        for widget in (self.kind, self.first, self.last):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(self._period.kind)))
        self.first.setDisplayFormat("yyyy-MM" if self._period.kind == rules.MONTH else "yyyy-MM-dd")
        self.first.setDate(to_qdate(self._period.first))
        self.last.setDisplayFormat("yyyy-MM-dd")
        self.last.setDate(to_qdate(self._period.last))
        for widget in (self.kind, self.first, self.last):
            widget.blockSignals(False)
        self.to_label.setVisible(custom)
        self.last.setVisible(custom)
        self.back.setEnabled(not custom)
        self.forward.setEnabled(not custom)
        self.shown.setText("" if custom or self._period.kind in (rules.DAY, rules.MONTH) else period_text(self._period))


class FilterBar(QWidget):
    """Technician, region and customer type; ``changed`` when any of them moves."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.technician = QComboBox(objectName="reportsTechnician")
        self.region = QComboBox(objectName="reportsRegion")
        self.customer_kind = QComboBox(objectName="reportsCustomerKind")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for caption, box in ((translate("Reports", "Technician"), self.technician), (translate("Reports", "Region"), self.region),
                             (translate("Reports", "Customer type"), self.customer_kind)):
            label = QLabel(caption)
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.fill(FilterChoices([], []))

    def fill(self, choices: FilterChoices) -> None:
        keep = self.filters()
        for box in (self.technician, self.region, self.customer_kind):
            box.blockSignals(True)
            box.clear()
        self.technician.addItem(translate("Reports", "Everyone"), None)
        for staff_id, name in choices.technicians:
            self.technician.addItem(name, staff_id)
        self.region.addItem(translate("Reports", "All regions"), "")
        for region in choices.regions:
            self.region.addItem(region, region)
        self.customer_kind.addItem(translate("Reports", "All customers"), "")
        for kind in choices.customer_kinds:
            self.customer_kind.addItem(QCoreApplication.translate("CustomerKinds", KIND_LABELS.get(kind, kind)), kind)
        for box, value in ((self.technician, keep.technician_id), (self.region, keep.region),
                           (self.customer_kind, keep.customer_kind)):
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)

    def filters(self) -> Filters:
        return Filters(technician_id=self.technician.currentData(), region=self.region.currentData() or "",
                       customer_kind=self.customer_kind.currentData() or "")

    def description(self) -> str:
        """The filters in words, for titles and exports ("" when none is set)."""
        chosen = [box.currentText() for box in (self.technician, self.region, self.customer_kind)
                  if box.currentIndex() > 0]
        return " · ".join(chosen)
