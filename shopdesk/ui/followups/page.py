"""Follow-ups (回访): calls due, the call record, complaints, customer care,
churn and the month's figures, one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from shopdesk.ui.context import AppContext
from shopdesk.ui.followups.call_form import CallForm
from shopdesk.ui.followups.care_tab import CareTab, ChurnTab
from shopdesk.ui.followups.complaints_tab import ComplaintsTab
from shopdesk.ui.followups.queue_tab import CallsDueTab
from shopdesk.ui.followups.stats_tab import StatsTab

REFRESHED_BY = ("followups", "orders", "customers", "settings", "*")  # "*": another desk saved (SQLite)


class FollowUpsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(objectName="followupTabs")
        self.queue = CallsDueTab(ctx)
        self.call_form = CallForm(ctx)
        self.complaints = ComplaintsTab(ctx)
        self.care = CareTab(ctx)
        self.churn = ChurnTab(ctx)
        self.stats = StatsTab(ctx)
        self.tabs.addTab(self.queue, self.tr("Calls due"))
        self.tabs.addTab(self.call_form, self.tr("Call record"))
        self.tabs.addTab(self.complaints, self.tr("Complaints"))
        self.tabs.addTab(self.care, self.tr("Customer care"))
        self.tabs.addTab(self.churn, self.tr("Churn"))
        self.tabs.addTab(self.stats, self.tr("Monthly statistics"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.queue.callChosen.connect(self.record_call)
        self.call_form.saved.connect(self._mark_stale)
        self.call_form.complaintMade.connect(self.show_complaint)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())
        ctx.dataChanged.connect(self._data_changed)
        self._stale = {self.queue, self.complaints, self.care, self.churn, self.stats}
        self._refresh_current()

    def activate(self) -> None:
        """The page is shown: bring the visible tab up to date."""
        self._stale.update({self.queue, self.complaints, self.care, self.churn, self.stats})  # ok-db: a set
        self._refresh_current()

    def show_calls_due(self) -> None:
        """Every call due now, unfiltered (a report's number opens this list)."""
        for box in (self.queue.stage_filter, self.queue.region_filter, self.queue.staff_filter):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self._stale.add(self.queue)
        self.tabs.setCurrentWidget(self.queue)
        self._refresh_current()

    def record_call(self, row) -> None:
        self.call_form.load(row)
        self.tabs.setCurrentWidget(self.call_form)

    def show_complaint(self, complaint_id: int) -> None:
        self._stale.discard(self.complaints)
        self.tabs.setCurrentWidget(self.complaints)
        self.complaints.show_complaint(complaint_id)

    def _mark_stale(self) -> None:
        self._stale.update({self.queue, self.complaints, self.care, self.stats})  # ok-db: a set

    def _data_changed(self, area: str) -> None:
        if area in REFRESHED_BY:
            self._mark_stale()
            self._stale.add(self.churn)
            if self.isVisible():
                self._refresh_current()

    def _refresh_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale:
            self._stale.discard(tab)
            tab.reload()
