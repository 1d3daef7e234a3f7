"""Today: what needs attention now, every number a button that opens its list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from shopdesk.clock import to_local
from shopdesk.rules.states import OPEN_STATES
from shopdesk.services import settings as settings_service
from shopdesk.ui.orders import labels as order_labels
from shopdesk.ui.reports.words import in_reports, translate
from shopdesk.ui.widgets import ATTENTION

if TYPE_CHECKING:  # the report is read (and its module imported) on the worker thread
    from shopdesk.services.reports import CallsDue, TodayReport
    from shopdesk.ui.reports.document import Document


# (figure key, caption, what it counts) — shown in this order.
NEEDS_ATTENTION = (
    ("late_dispatch", QT_TRANSLATE_NOOP("Reports", "Not dispatched in time"),
     QT_TRANSLATE_NOOP("Reports", "On-site orders still not dispatched after the dispatch limit")),
    ("late_assign", QT_TRANSLATE_NOOP("Reports", "No technician in time"),
     QT_TRANSLATE_NOOP("Reports", "Dispatched orders still without a technician after the assignment limit")),
    ("missed_appointments", QT_TRANSLATE_NOOP("Reports", "Missed appointments"),
     QT_TRANSLATE_NOOP("Reports", "Appointment time passed (15 minutes' grace) and the work has not started")),
    ("waiting_redispatch", QT_TRANSLATE_NOOP("Reports", "Unresolved, to re-dispatch"),
     QT_TRANSLATE_NOOP("Reports", "Orders marked unresolved that wait to be dispatched again")),
    ("unclaimed", QT_TRANSLATE_NOOP("Reports", "Unclaimed devices"),
     QT_TRANSLATE_NOOP("Reports", "Bench devices ready for pickup longer than the reminder days")),
    ("complaints_overdue", QT_TRANSLATE_NOOP("Reports", "Complaints past 24 hours"),
     QT_TRANSLATE_NOOP("Reports", "Complaints still open or in hand 24 hours after they came in")),
    ("calls_due", QT_TRANSLATE_NOOP("Reports", "Follow-up calls due"),
     QT_TRANSLATE_NOOP("Reports", "Calls the follow-up list shows now")),
)
THE_DAY = (
    ("appointments_today", QT_TRANSLATE_NOOP("Reports", "Appointments today"),
     QT_TRANSLATE_NOOP("Reports", "On-site appointments set for today")),
    ("ready_for_pickup", QT_TRANSLATE_NOOP("Reports", "Ready for pickup"),
     QT_TRANSLATE_NOOP("Reports", "Bench devices waiting for their customer")),
    ("carried_over", QT_TRANSLATE_NOOP("Reports", "Carried over"),
     QT_TRANSLATE_NOOP("Reports", "Orders carried over by an earlier day close, not yet done")),
    ("open_total", QT_TRANSLATE_NOOP("Reports", "Open orders"),
     QT_TRANSLATE_NOOP("Reports", "Every order not yet closed or cancelled")),
)
ATTENTION_KEYS = {key for key, _, _ in NEEDS_ATTENTION}
TILES_PER_ROW = 4
STATES_PER_ROW = 6


class FigureTile(QPushButton):
    """A number and what it counts; clicking it opens the list behind it."""

    def __init__(self, key: str, caption: str, hint: str, big: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.caption_text = caption
        self.value: int | None = None
        self.setObjectName(f"today_{key.replace(':', '_')}")
        self.number = QLabel("…")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * (2.0 if big else 1.4))
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setForegroundRole(QPalette.ColorRole.Mid)  # not a style sheet per tile: 29 of them slow the launch
        self.detail.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        for label in (self.number, self.caption, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setToolTip(hint)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(layout.sizeHint().height() + (6 if big else 2))

    def show_value(self, value: int, alarm: bool = False, detail: str = "") -> None:
        self.value = value
        self.number.setText(str(value))
        self.number.setStyleSheet(f"color: {ATTENTION};" if alarm and value else "")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{self.caption_text}: {value}")

    def sizeHint(self):
        return self.layout().sizeHint()

    def minimumSizeHint(self):
        return self.layout().minimumSize()


class TodayTab(QScrollArea):
    figureClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.report: TodayReport | None = None
        self.calls: CallsDue | None = None
        self.tiles: dict[str, FigureTile] = {}
        body = QWidget()
        self.setWidget(body)
        self.heading = QLabel(objectName="todayHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.hint = QLabel(translate("Reports", "Click a number to open its list."))
        self.hint.setStyleSheet("color: palette(mid);")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.hint)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self._group(translate("Reports", "Needs attention now"), _translated(NEEDS_ATTENTION), TILES_PER_ROW, True))
        layout.addWidget(self._group(translate("Reports", "The day"), _translated(THE_DAY), TILES_PER_ROW, True))
        in_state = translate("Reports", "Open orders in this state")
        states = [(f"state:{s}", order_labels.state(s), in_state) for s in OPEN_STATES]
        layout.addWidget(self._group(translate("Reports", "Open orders by state"), states, STATES_PER_ROW, False))
        layout.addStretch(1)

    def _group(self, title: str, figures: list[tuple[str, str, str]], per_row: int, big: bool) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        for i, (key, caption, hint) in enumerate(figures):
            tile = FigureTile(key, caption, hint, big)
            tile.clicked.connect(lambda _=False, k=key: self.figureClicked.emit(k))
            self.tiles[key] = tile
            grid.addWidget(tile, i // per_row, i % per_row)
        for column in range(per_row):
            grid.setColumnStretch(column, 1)
        return box

    def show_report(self, report: TodayReport) -> None:
        self.report = report
        tz = settings_service.current().timezone
        self.heading.setText(translate("Reports", "Today, {0} · as of {1}").format(
            f"{report.day:%Y-%m-%d}", to_local(report.at, tz).strftime("%H:%M")))
        for key, tile in self.tiles.items():
            if key != "calls_due":
                tile.show_value(report.figure(key), key in ATTENTION_KEYS)

    def show_calls(self, calls: CallsDue) -> None:
        self.calls = calls
        detail = translate("Reports", "{0} overdue").format(calls.overdue) if calls.overdue else ""
        self.tiles["calls_due"].show_value(calls.total, True, detail)

    def figure(self, key: str) -> int | None:
        """The number a tile shows (None until read)."""
        if key == "calls_due":
            return self.calls.total if self.calls is not None else None
        return self.report.figure(key) if self.report is not None else None

    def document(self) -> Document | None:
        from shopdesk.ui.reports.document import Document, Section, count, text  # for export: not at launch

        report = self.report
        if report is None:
            return None
        figures = Section("todayFigures", translate("Reports", "Needs attention now"), [translate("Reports", "Figure"), translate("Reports", "Count")],
                          [[text(in_reports(caption)), count(self.figure(key))] for key, caption, _ in NEEDS_ATTENTION + THE_DAY
                           if self.figure(key) is not None])
        states = Section("todayStates", translate("Reports", "Open orders by state"), [translate("Reports", "State"), translate("Reports", "Count")],
                         [[text(order_labels.state(s)), count(n)] for s, n in report.open_by_state.items()])
        return Document(translate("Reports", "Today"), self.heading.text(), [figures, states])

    def chart_images(self) -> dict:
        return {}


def _translated(figures) -> list[tuple[str, str, str]]:
    return [(key, in_reports(caption), in_reports(hint)) for key, caption, hint in figures]
