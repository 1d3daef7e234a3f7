"""Calls due: who to call now, soonest due first; overdue calls stand out."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from shopdesk.errors import ShopDeskError
from shopdesk.rules import followups as rules
from shopdesk.services import followups as service
from shopdesk.services import settings as settings_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.followups.common import Column, PagedModel, label, local_text, make_table, state_label
from shopdesk.ui.live import keep_place
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import ATTENTION, EmptyState


CUSTOMER_COLUMN = 2


def queue_columns(tz: str) -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("FollowUps", "Due"), lambda r: local_text(r.due_at, tz, "%Y-%m-%d %H:%M")),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Stage"), lambda r: label(rules.STAGE_LABELS, r.stage)),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Customer"), lambda r: r.customer),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Phone"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Order"), lambda r: r.order_number),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Order state"), lambda r: state_label(r.order_state) if r.order_state else ""),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Technician"), lambda r: r.technician),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Region"), lambda r: r.region),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Try"), lambda r: str(r.attempt), align_right=True),
    ]


class CallsDueTab(QWidget):
    """The list the front desk works down. ``callChosen`` carries the row to call."""

    callChosen = Signal(object)  # service.QueueRow

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tz = settings_service.current().timezone
        self.stage_filter = QComboBox(objectName="queueStage")
        self.stage_filter.addItem(self.tr("All stages"), "")
        for stage in rules.STAGES:
            self.stage_filter.addItem(label(rules.STAGE_LABELS, stage), stage)
        self.region_filter = QComboBox(objectName="queueRegion")
        self.staff_filter = QComboBox(objectName="queueStaff")
        refresh = QPushButton(self.tr("Refresh"), objectName="queueRefresh")
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.clicked.connect(self.reload)
        self.record_button = QPushButton(self.tr("Record call…"), objectName="recordCall")
        self.record_button.clicked.connect(self._choose_current)
        for box in (self.stage_filter, self.region_filter, self.staff_filter):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMinimumContentsLength(8)
            box.currentIndexChanged.connect(self.reload)

        self.stage_filter.setToolTip(self.tr("Stage"))
        self.region_filter.setToolTip(self.tr("Region"))
        self.staff_filter.setToolTip(self.tr("Technician"))
        bar = QHBoxLayout()
        bar.addWidget(self.stage_filter)
        bar.addWidget(self.region_filter)
        bar.addWidget(self.staff_filter)
        bar.addStretch(1)
        bar.addWidget(refresh)
        bar.addWidget(self.record_button)

        self.model = PagedModel(queue_columns(self.tz), page_size=500, late=lambda row: row.overdue, parent=self)
        self.table = make_table("queueTable", self.model, stretch=CUSTOMER_COLUMN)
        keep_place(self.table, lambda row: getattr(self.model.row_at(row), "key", None))
        self.table.doubleClicked.connect(lambda _index: self._choose_current())
        record = QAction(self, objectName="recordCallAction")
        record.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        record.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        record.triggered.connect(self._choose_current)
        self.table.addAction(record)

        self.empty = EmptyState(
            self.tr("No calls due"),
            self.tr("Calls appear here when a technician's appointment time has passed, a repair runs longer "
                    "than the shop's limit, a signed receipt comes back, or a contract customer's regular call "
                    "falls due."))
        self.empty.setObjectName("queueEmpty")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.summary = QLabel(objectName="queueSummary")
        self.error = QLabel(objectName="queueError")
        self.error.setStyleSheet(f"color: {ATTENTION};")
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        self._fill_filters()

    def _fill_filters(self) -> None:
        for box in (self.region_filter, self.staff_filter):
            box.blockSignals(True)
        self.region_filter.clear()
        self.region_filter.addItem(self.tr("All regions"), "")
        self.staff_filter.clear()
        self.staff_filter.addItem(self.tr("All technicians"), None)
        try:
            for region in service.regions(self.ctx.actor):
                self.region_filter.addItem(region, region)
            for staff in service.technicians(self.ctx.actor):
                self.staff_filter.addItem(staff.name, staff.id)
        except ShopDeskError as exc:
            self._show_error(translated(exc))
        for box in (self.region_filter, self.staff_filter):
            box.blockSignals(False)

    def filters(self) -> dict:
        return {"stage": self.stage_filter.currentData() or None, "region": self.region_filter.currentData() or None,
                "staff_id": self.staff_filter.currentData()}

    def reload(self) -> None:
        actor, filters = self.ctx.actor, self.filters()
        now = self.ctx.clock.now()

        def fetch(offset: int, limit: int):
            page = service.queue(actor, now, offset=offset, limit=limit, **filters)
            return page.rows, page.total

        def first_page():
            return service.queue(actor, now, offset=0, limit=self.model.page_size, **filters)

        self.ctx.tasks.run(first_page, lambda page: self._show(fetch, page), self._failed, key="followups.queue")

    def _show(self, fetch, page: service.QueuePage) -> None:
        self.error.hide()
        self.model.set_first_page(fetch, page.rows, page.total)
        self.stack.setCurrentWidget(self.table if page.total else self.empty)
        self.summary.setText(self.tr("Calls due: {0} · overdue: {1}").format(page.total, page.overdue))
        if page.total and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            raise exc
        self._show_error(translated(exc))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def current_row(self) -> service.QueueRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _choose_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.callChosen.emit(row)
