"""Reports for the owner and the team lead: Today (what needs attention now),
the week's review and the month, with charts; export to Excel, PDF or print.

Every figure is read by ``shopdesk.services.reports`` on the background
runner; a number on Today opens the list behind it (the order board, the
follow-up calls, or a list of its own).

The owner's window opens on this page, so only Today is made at once: the
week's and the month's tabs, their period and filter bars, export and print
are made (and their modules imported) when first wanted."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QTabWidget, QToolButton, QVBoxLayout,
    QWidget,
)

from shopdesk.clock import local_today
from shopdesk.errors import ShopDeskError
from shopdesk.services import reports as service
from shopdesk.services import settings as settings_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import translated
from shopdesk.ui.reports.words import in_reports, translate
from shopdesk.ui.reports.today_tab import NEEDS_ATTENTION, THE_DAY, TodayTab
from shopdesk.ui.widgets import ATTENTION

if TYPE_CHECKING:
    from shopdesk.rules.reports import Period
    from shopdesk.ui.reports.document import Document

REFRESHED_BY = ("orders", "followups", "ledger", "customers", "settings", "staff", "*")
SETTLE_MS = 2000  # a burst of changes from other desks reads the report once
FRESH_SECONDS = 5  # Today read this recently is not read again just because the page is shown
TODAY, WEEK, MONTH = "today", "week", "month"
TAB_TITLES = {
    TODAY: QT_TRANSLATE_NOOP("Reports", "Today"),
    WEEK: QT_TRANSLATE_NOOP("Reports", "Week review"),
    MONTH: QT_TRANSLATE_NOOP("Reports", "Month"),
}
TAB_KEYS = tuple(TAB_TITLES)  # the tabs, in their order


class ReportsPage(QWidget):
    reportShown = Signal(str)  # the tab whose figures just arrived

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialogs: list[QDialog] = []
        today = local_today(ctx.clock, settings_service.current().timezone)
        self._today = today
        self._periods: dict | None = None
        self._stale: set[str] = {TODAY, WEEK, MONTH}
        self._shown: dict[str, tuple] = {}
        self._today_read_at = float("-inf")

        self.refresh_action = QAction(translate("Reports", "Refresh"), self, objectName="reportsRefreshAction")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        refresh = QPushButton(translate("Reports", "Refresh"), objectName="reportsRefresh")
        refresh.setToolTip(translate("Reports", "Read the figures again (F5)"))
        refresh.clicked.connect(self.refresh)
        self.out_button = QToolButton(objectName="reportsExport", text=translate("Reports", "Export"))
        self.out_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.out_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.out_button)
        self.xlsx_action = menu.addAction(translate("Reports", "Excel workbook…"), self.ask_workbook)
        self.xlsx_action.setObjectName("reportsExportXlsx")
        self.pdf_action = menu.addAction(translate("Reports", "PDF file…"), self.ask_pdf)
        self.pdf_action.setObjectName("reportsExportPdf")
        self.print_action = QAction(translate("Reports", "Print…"), self, objectName="reportsPrint")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_action.triggered.connect(self.ask_print)
        self.addAction(self.print_action)
        menu.addAction(self.print_action)
        self.out_button.setMenu(menu)

        self.controls = QWidget(objectName="reportsControls")  # the period and filter bars, made when first wanted
        self.controls.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self._bars: tuple | None = None
        top = QHBoxLayout()
        top.addWidget(self.controls)
        top.addStretch(1)
        top.addWidget(refresh)
        top.addWidget(self.out_button)

        self.today_tab = TodayTab()
        self.tabs = QTabWidget(objectName="reportsTabs")
        self._made: dict[str, QWidget] = {TODAY: self.today_tab}
        for key in TAB_KEYS:  # a stand-in for each tab until it is first shown
            self.tabs.addTab(self._made.get(key) or QWidget(), in_reports(TAB_TITLES[key]))
        self.status = QLabel(objectName="reportsStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settle.timeout.connect(self._reload_if_stale)
        self.tabs.currentChanged.connect(lambda _: self._tab_changed())
        self.today_tab.figureClicked.connect(self.open_figure)
        ctx.dataChanged.connect(self._data_changed)
        self._tab_changed()

    # -- made when first wanted ---------------------------------------------------------

    @property
    def periods(self) -> dict[str, Period]:
        """The week's and the month's periods: last week and this month until changed."""
        if self._periods is None:
            from shopdesk.rules import reports as rules

            self._periods = {WEEK: rules.last_week(self._today), MONTH: rules.month_period(self._today)}
        return self._periods

    @property
    def review_tab(self):
        return self._tab(WEEK)

    @property
    def month_tab(self):
        return self._tab(MONTH)

    def _tab(self, key: str) -> QWidget:
        """The tab for ``key``, made now if it is still a stand-in."""
        if key not in self._made:
            if key == WEEK:
                from shopdesk.ui.reports.review_tab import ReviewTab as made
            else:
                from shopdesk.ui.reports.month_tab import MonthTab as made
            tab = made()
            index = TAB_KEYS.index(key)
            stand_in = self.tabs.widget(index)
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, in_reports(TAB_TITLES[key]))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            stand_in.deleteLater()
            self._made[key] = tab
        return self._made[key]

    @property
    def period_bar(self):
        return self._period_and_filter_bars()[0]

    @property
    def filter_bar(self):
        return self._period_and_filter_bars()[1]

    def _period_and_filter_bars(self) -> tuple:
        if self._bars is None:
            from shopdesk.ui.reports.controls import FilterBar, PeriodBar

            period_bar, filter_bar = PeriodBar(self._today), FilterBar()
            bar = QHBoxLayout(self.controls)
            bar.setContentsMargins(0, 0, 0, 0)
            bar.addWidget(period_bar)
            bar.addSpacing(12)
            bar.addWidget(filter_bar)
            period_bar.changed.connect(self._period_changed)
            period_bar.error.connect(self._say_bad)
            filter_bar.changed.connect(self._filters_changed)
            self._bars = (period_bar, filter_bar)
            actor = self.ctx.actor
            self.ctx.tasks.run(lambda: service.filter_choices(actor), filter_bar.fill, self._failed,
                               key="reports.choices")
        return self._bars

    # -- which report -------------------------------------------------------------------

    def current_key(self) -> str:
        index = self.tabs.currentIndex()
        return TAB_KEYS[index] if 0 <= index < len(TAB_KEYS) else TODAY

    def show_tab(self, key: str) -> None:
        if key in TAB_TITLES:
            self.tabs.setCurrentWidget(self._tab(key))

    def _tab_changed(self) -> None:
        key = self.current_key()
        if key != TODAY:
            self._tab(key)
        self.controls.setVisible(key != TODAY)
        if key != TODAY:
            self.period_bar.set_period(self.periods[key])
        self._load_if_needed()

    def _period_changed(self, period: Period) -> None:
        key = self.current_key()
        if key != TODAY:
            self.periods[key] = period
            self._load_if_needed()

    def _filters_changed(self) -> None:
        self._load_if_needed()

    def _wanted(self, key: str) -> tuple:
        if key == TODAY:
            return (TODAY,)
        return (key, self.periods[key], self.filter_bar.filters())

    def _load_if_needed(self) -> None:
        key = self.current_key()
        if key in self._stale or self._shown.get(key) != self._wanted(key):
            self.load(key)

    def refresh(self) -> None:
        self._stale.update({TODAY, WEEK, MONTH})  # ok-db: a set
        self.load(self.current_key())

    def activate(self) -> None:
        """Shown again: Today is read afresh (unless just read), the others if something changed."""
        if time.monotonic() - self._today_read_at > FRESH_SECONDS:
            self._stale.add(TODAY)
        self._load_if_needed()

    # -- reading ------------------------------------------------------------------------

    def load(self, key: str) -> None:
        actor, now, wanted = self.ctx.actor, self.ctx.clock.now(), self._wanted(key)
        self._stale.discard(key)
        self._shown[key] = wanted
        self.status.setStyleSheet("")
        self.status.setText(translate("Reports", "Reading the figures…"))
        if key == TODAY:
            self._today_read_at = time.monotonic()
            self.ctx.tasks.run(lambda: service.today(actor, now), self._show_today, self._failed, key="reports.today")
            self.ctx.tasks.run(lambda: service.calls_due(actor, now), self.today_tab.show_calls, self._failed,
                               key="reports.calls")
            return
        _, period, filters = wanted
        title = self._title(key, period)
        if key == WEEK:
            self.ctx.tasks.run(lambda: service.review(actor, period, filters),
                               lambda report: self._show(WEEK, self.review_tab.show_report, report, title),
                               self._failed, key="reports.week")
        else:
            self.ctx.tasks.run(lambda: service.month(actor, period, filters, now),
                               lambda report: self._show(MONTH, self.month_tab.show_report, report, title),
                               self._failed, key="reports.month")
            self.ctx.tasks.run(lambda: service.trend(actor, period.last, filters), self.month_tab.show_trend,
                               self._failed, key="reports.trend")

    def _title(self, key: str, period: Period) -> str:
        from shopdesk.ui.reports.controls import period_text

        described = self.filter_bar.description()
        return f"{in_reports(TAB_TITLES[key])} {period_text(period)}" + (f" · {described}" if described else "")

    def _show_today(self, report: service.TodayReport) -> None:
        self.today_tab.show_report(report)
        self.status.setText("")
        self.reportShown.emit(TODAY)

    def _show(self, key: str, show, report, title: str) -> None:
        show(report, title)
        self.status.setText("")
        self.reportShown.emit(key)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            raise exc
        self._say_bad(translated(exc))

    def _say_bad(self, message: str) -> None:
        self.status.setStyleSheet(f"color: {ATTENTION};")
        self.status.setText(message)

    def _data_changed(self, area: str) -> None:
        if area in REFRESHED_BY:
            self._stale.update({TODAY, WEEK, MONTH})  # ok-db: a set
            if self.isVisible() and not self.settle.isActive():
                self.settle.start()

    def _reload_if_stale(self) -> None:
        if self.isVisible():
            self._load_if_needed()

    # -- the lists behind Today's numbers -------------------------------------------------

    def open_figure(self, key: str) -> QWidget | None:
        """Open the list a Today number counts: the order board, the calls due, or a list of its own."""
        board = service.board_filter_for(key)
        if board is not None:
            page = self._area("orders")
            show = getattr(page, "show_filtered", None)
            if callable(show):
                show(board)
            return page
        if key == "calls_due":
            page = self._area("followups")
            show = getattr(page, "show_calls_due", None)
            if callable(show):
                show()
            return page
        from shopdesk.ui.reports.figure_list import FigureListDialog

        captions = {k: in_reports(caption) for k, caption, _ in NEEDS_ATTENTION + THE_DAY}
        dialog = FigureListDialog(self.ctx, key, captions.get(key, key), self)
        dialog.openOrder.connect(self._open_order)
        dialog.openComplaint.connect(self._open_complaint)
        dialog.finished.connect(lambda _r, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def _area(self, key: str) -> QWidget | None:
        show_area = getattr(self.window(), "show_area", None)
        return show_area(key) if callable(show_area) else None

    def _open_order(self, number: str) -> None:
        open_order = getattr(self._area("orders"), "open_order", None)
        if callable(open_order):
            open_order(number)

    def _open_complaint(self, complaint_id: int) -> None:
        show = getattr(self._area("followups"), "show_complaint", None)
        if callable(show):
            show(complaint_id)

    # -- out of the window ------------------------------------------------------------------

    def document(self) -> Document | None:
        return self.tabs.currentWidget().document()

    def chart_images(self) -> dict:
        return self.tabs.currentWidget().chart_images()

    def export_workbook(self, path: str | Path) -> None:
        doc = self.document()
        if doc is None:
            return
        from shopdesk.ui.reports import export

        self.status.setText(translate("Reports", "Saving…"))
        self.ctx.tasks.run(lambda: export.write_workbook(path, [doc]), self._saved, self._write_failed,
                           key="reports.xlsx")

    def save_pdf(self, path: str | Path) -> None:
        doc = self.document()
        if doc is None:
            return
        from shopdesk.ui.reports import export

        try:
            self._saved(export.save_pdf(path, doc, self.chart_images()))
        except OSError as exc:
            self._write_failed(exc)

    def ask_workbook(self) -> None:
        path = self._ask_path("xlsx", translate("Reports", "Excel workbooks (*.xlsx)"))
        if path:
            self.export_workbook(path)

    def ask_pdf(self) -> None:
        path = self._ask_path("pdf", translate("Reports", "PDF documents (*.pdf)"))
        if path:
            self.save_pdf(path)

    def ask_print(self) -> None:
        doc = self.document()
        if doc is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from shopdesk.ui.reports import export

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            export.print_document(doc, self.chart_images(), printer)

    def _ask_path(self, suffix: str, pattern: str) -> str:
        doc = self.document()
        if doc is None:
            self._say_bad(translate("Reports", "Nothing to export yet: wait for the figures."))
            return ""
        suggested = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in doc.title + "_" + doc.subtitle)
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, translate("Reports", "Save the report"), f"{suggested[:80]}.{suffix}", pattern)
        if path and not path.lower().endswith(f".{suffix}"):
            path += f".{suffix}"
        return path

    def _saved(self, path) -> None:
        self.status.setStyleSheet("")
        self.status.setText(translate("Reports", "Saved {0}.").format(path))

    def _write_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, OSError):
            raise exc
        self._say_bad(translate("Reports", "Could not write the file: {0}").format(exc.strerror or exc))
