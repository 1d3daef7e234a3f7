"""The month's follow-up figures, as the shop sends them to its leadership."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from shopdesk.clock import local_today
from shopdesk.errors import ShopDeskError
from shopdesk.rules import followups as rules
from shopdesk.services import followups as service
from shopdesk.services import settings as settings_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.followups.common import label, local_text
from shopdesk.ui.messages import translated


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class StatsTab(QScrollArea):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tz = settings_service.current().timezone
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        today = local_today(ctx.clock, self.tz)
        self.month = QDateEdit(objectName="statsMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setDate(QDate(today.year, today.month, 1))
        show = QPushButton(self.tr("Show"), objectName="statsShow")
        show.clicked.connect(self.reload)
        self.headline = QLabel(objectName="statsHeadline")
        self.headline.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month")))
        bar.addWidget(self.month)
        bar.addWidget(show)
        bar.addStretch(1)

        self.stages = self._table("statsStages", [self.tr("Stage"), self.tr("Due"), self.tr("Made"),
                                                   self.tr("Reached"), self.tr("Unsatisfied")])
        self.technicians = self._table("statsTechnicians", [
            self.tr("Technician"), self.tr("Calls"), label(rules.SCORE_LABELS, "timeliness"),
            label(rules.SCORE_LABELS, "attitude"), label(rules.SCORE_LABELS, "explanation"),
            label(rules.SCORE_LABELS, "result"), self.tr("Unsatisfied")])
        self.unsatisfied = self._table("statsUnsatisfied", [self.tr("Called"), self.tr("Stage"), self.tr("Customer"),
                                                            self.tr("Order"), self.tr("Technician"), self.tr("Cause"),
                                                            self.tr("Fix")])
        self.complaints = self._table("statsComplaints", [self.tr("Category"), self.tr("Received"),
                                                          self.tr("Resolved"), self.tr("Within 24 h"),
                                                          self.tr("Average hours to resolve")])
        layout = QVBoxLayout(body)
        layout.addLayout(bar)
        layout.addWidget(self.headline)
        for title, table in ((self.tr("Calls by stage"), self.stages),
                             (self.tr("Average scores per technician (1–5)"), self.technicians),
                             (self.tr("Unsatisfied answers, with cause and fix"), self.unsatisfied),
                             (self.tr("Complaints by category"), self.complaints)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            layout.addWidget(box)
        layout.addStretch(1)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), objectName=name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setMinimumHeight(120)
        return table

    def month_text(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def reload(self) -> None:
        actor, month = self.ctx.actor, self.month_text()
        self.ctx.tasks.run(lambda: service.monthly_statistics(actor, month), self._show, self._failed,
                           key="followups.stats")

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            raise exc
        self.headline.setText(translated(exc))

    def _show(self, stats: service.MonthlyStatistics) -> None:
        self.headline.setText(self.tr(
            "{0}: {1} calls due, {2} made, {3} reached; {4} unsatisfied; {5} complaints.").format(
            stats.month, stats.due, stats.made, stats.reached, stats.unsatisfied_count, stats.complaints_total))
        self._fill(self.stages, [
            (label(rules.STAGE_LABELS, s.stage), s.due, s.made, s.reached, s.unsatisfied) for s in stats.stages
        ] + [(self.tr("Total"), stats.due, stats.made, stats.reached, stats.unsatisfied_count)])
        self._fill(self.technicians, [
            (t.technician or self.tr("(no technician)"), t.calls, _score(t.timeliness), _score(t.attitude),
             _score(t.explanation), _score(t.result), t.unsatisfied) for t in stats.technicians])
        self._fill(self.unsatisfied, [
            (local_text(u.made_at, self.tz), label(rules.STAGE_LABELS, u.stage), u.customer, u.order_number,
             u.technician, u.cause, u.fix) for u in stats.unsatisfied])
        self._fill(self.complaints, [
            (label(rules.CATEGORY_LABELS, c.category), c.received, c.resolved, c.resolved_in_time,
             "—" if c.average_hours is None else f"{c.average_hours:.1f}") for c in stats.complaints])

    def _fill(self, table: QTableWidget, rows: list[tuple]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int) or (isinstance(value, str) and value.replace(".", "").isdigit()):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
