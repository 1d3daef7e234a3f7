"""The owner's fee ledger: entries, the period's summary, month close and
verification, technician settlements — one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from shopdesk.ui.context import AppContext
from shopdesk.ui.ledger.common import shop_today, staff_choices
from shopdesk.ui.ledger.entries_tab import EntriesTab
from shopdesk.ui.ledger.months_tab import MonthsTab
from shopdesk.ui.ledger.settlement_tab import SettlementTab
from shopdesk.ui.ledger.summary_tab import SummaryTab

REFRESHED_BY = ("ledger", "orders", "staff", "settings", "*")  # "*": another desk saved (SQLite)


class LedgerPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.actor.require("ledger.view")  # the window hides the area; this keeps anyone else out too
        self.tabs = QTabWidget(objectName="ledgerTabs")
        self.entries = EntriesTab(ctx)
        self.summary = SummaryTab(ctx)
        self.months = MonthsTab(ctx)
        self.settlement = SettlementTab(ctx)
        self.tabs.addTab(self.entries, self.tr("Entries"))
        self.tabs.addTab(self.summary, self.tr("Summary"))
        self.tabs.addTab(self.months, self.tr("Month close && verify"))
        self.tabs.addTab(self.settlement, self.tr("Settlements"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())
        ctx.dataChanged.connect(self._data_changed)
        self._load_people()
        self._stale = {self.entries, self.summary, self.months, self.settlement}
        self._refresh_current()

    def _load_people(self) -> None:
        self.entries.set_people(staff_choices(self.ctx.actor))
        self.settlement.load_people()

    def activate(self) -> None:
        """The page is shown: bring the visible tab up to date."""
        today = shop_today(self.ctx)  # the desk may have stayed open overnight
        for picker in (self.entries.period, self.summary.period, self.settlement.period):
            picker.today = today
        self._load_people()
        self._stale.update({self.entries, self.summary, self.months, self.settlement})  # ok-db: a set
        self._refresh_current()

    def _data_changed(self, area: str) -> None:
        if area not in REFRESHED_BY:
            return
        if area == "staff":
            self._load_people()
        self._stale.update({self.entries, self.summary, self.months, self.settlement})  # ok-db: a set
        if self.isVisible():
            self._refresh_current()

    def _refresh_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale:
            self._stale.discard(tab)
            tab.reload()
