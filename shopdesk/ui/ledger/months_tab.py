"""Month close and "Verify ledger".

Closing a month is final: no entry may be dated into it (or any month before
it) afterwards. Verifying reads the whole chain of entries off the UI thread,
with a progress dialog that can cancel it.
"""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QProgressDialog,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from shopdesk.clock import to_local
from shopdesk.rules import ledger as rules
from shopdesk.services import ledger as ledger_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.ledger.common import error_text, month_end, previous_month, set_status, shop_timezone, shop_today
from shopdesk.ui.messages import text_of


class VerifyCancelled(Exception):
    """Raised from the progress callback when the owner cancels."""


class _Progress(QObject):
    """Carries the worker's progress to the UI thread (queued across threads)."""

    sized = Signal(int)
    advanced = Signal(int)


def _closed_rows(actor, tz: str) -> list[tuple[str, str, str, int]]:
    return [(m.month, to_local(m.closed_at, tz).strftime("%Y-%m-%d %H:%M"), m.closed_by.name if m.closed_by else "",
             m.last_seq) for m in ledger_service.closed_months(actor)]


class MonthsTab(QWidget):
    verified = Signal(object)  # the VerifyResult, or None when cancelled

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.latest_closed: str | None = None
        self.result: rules.VerifyResult | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._cancel = threading.Event()

        self.info = QLabel(objectName="ledgerClosedInfo")
        self.info.setWordWrap(True)
        self.table = QTableWidget(0, 4, objectName="ledgerClosedMonths")
        self.table.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Closed at"), self.tr("Closed by"),
                                              self.tr("Last entry No.")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month = QDateEdit(objectName="ledgerCloseMonthPicker", calendarPopup=True)
        self.month.setDisplayFormat("yyyy-MM")
        self.close_button = QPushButton(self.tr("Close month…"), objectName="ledgerCloseMonth")
        self.close_status = QLabel(objectName="ledgerCloseStatus")
        self.close_status.setWordWrap(True)
        close_row = QHBoxLayout()
        close_row.addWidget(QLabel(self.tr("Close the books through")))
        close_row.addWidget(self.month)
        close_row.addWidget(self.close_button)
        close_row.addStretch(1)
        months_box = QGroupBox(self.tr("Month close"))
        months_layout = QVBoxLayout(months_box)
        months_layout.addWidget(self.info)
        months_layout.addLayout(close_row)
        months_layout.addWidget(self.close_status)
        months_layout.addWidget(self.table, 1)

        self.verify_button = QPushButton(self.tr("Verify ledger"), objectName="ledgerVerify")
        self.verdict = QLabel(objectName="ledgerVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explain = QLabel(self.tr("Each entry carries a fingerprint of its content and of the entry before it. "
                                 "Verifying recomputes them all and names the first entry changed outside ShopDesk."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: palette(mid);")
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addWidget(self.verdict, 1)
        verify_box = QGroupBox(self.tr("Tamper check"))
        verify_layout = QVBoxLayout(verify_box)
        verify_layout.addWidget(explain)
        verify_layout.addLayout(verify_row)

        layout = QVBoxLayout(self)
        layout.addWidget(months_box, 1)
        layout.addWidget(verify_box)

        self.progress = _Progress(self)
        self.close_button.clicked.connect(self.close_month)
        self.verify_button.clicked.connect(self.verify)
        self._update_close_controls()

    # -- month close ---------------------------------------------------------------

    def reload(self) -> None:
        actor, tz = self.ctx.actor, shop_timezone()
        self.ctx.tasks.run(lambda: _closed_rows(actor, tz), self._show_months,
                           lambda e: set_status(self.close_status, error_text(e), "bad"), key="ledger.months")

    def _show_months(self, rows: list[tuple[str, str, str, int]]) -> None:
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.latest_closed = rows[0][0] if rows else None
        self._update_close_controls()

    def _update_close_controls(self) -> None:
        today = shop_today(self.ctx)
        last_closable = previous_month(today)
        if self.latest_closed:
            _, last = rules.month_bounds(self.latest_closed)
            self.info.setText(self.tr("The books are closed through {0}: entries can be dated from {1} on.").format(
                self.latest_closed, (last + dt.timedelta(days=1)).isoformat()))
            suggested = (last + dt.timedelta(days=1))
        else:
            self.info.setText(self.tr("No month is closed yet. Close each month once its figures are checked: "
                                      "closed months cannot change, and the summary is faster."))
            suggested = last_closable
        suggested = min(suggested, last_closable)
        self.month.setMaximumDate(QDate(last_closable.year, last_closable.month, 1))
        self.month.setDate(QDate(suggested.year, suggested.month, 1))
        may_close = self.ctx.actor.may("ledger.close_month")
        nothing_to_close = self.latest_closed is not None and self.latest_closed >= rules.month_of(last_closable)
        self.close_button.setEnabled(may_close and not nothing_to_close)
        self.month.setEnabled(may_close and not nothing_to_close)
        if nothing_to_close:
            self.info.setText(self.info.text() + " " + self.tr("{0} can be closed from {1}.").format(
                rules.month_of(today), (month_end(today) + dt.timedelta(days=1)).isoformat()))

    def month_text(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def close_month(self) -> None:
        month = self.month_text()
        _, last = rules.month_bounds(month)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Close {0}?").format(month), self.tr(
            "Close the books through {0}?\n\nAfterwards no entry may be dated on or before {1}, in {0} or any "
            "earlier month. A mistake found later is corrected with a reversal dated in an open month. "
            "Closing cannot be undone.").format(month, last.isoformat()), parent=self)
        box.setObjectName("ledgerCloseMonthConfirm")
        confirm = box.addButton(self.tr("Close {0}").format(month), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not confirm:
            return
        actor = self.ctx.actor
        self.close_button.setEnabled(False)
        set_status(self.close_status, self.tr("Closing {0}…").format(month))
        self.ctx.tasks.run(lambda: ledger_service.close_month(actor, month), lambda closed: self._closed(month),
                           self._close_failed, key="ledger.close")

    def _closed(self, month: str) -> None:
        set_status(self.close_status, self.tr("{0} is closed.").format(month), "ok")
        self.ctx.dataChanged.emit("ledger")  # the page reloads this tab and marks the others stale

    def _close_failed(self, error: BaseException) -> None:
        set_status(self.close_status, error_text(error), "bad")
        self._update_close_controls()

    # -- verifying -----------------------------------------------------------------

    def verify(self) -> None:
        actor = self.ctx.actor
        self._cancel.clear()
        self.verify_button.setEnabled(False)
        set_status(self.verdict, self.tr("Verifying…"))
        dialog = QProgressDialog(self.tr("Checking every entry of the ledger…"), self.tr("Cancel"), 0, 0, self)
        dialog.setObjectName("ledgerVerifyProgress")
        dialog.setWindowTitle(self.tr("Verify ledger"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel.set)
        self.progress.sized.connect(dialog.setMaximum)
        self.progress.advanced.connect(dialog.setValue)
        self.progress_dialog = dialog
        progress, cancel = self.progress, self._cancel

        def run():
            progress.sized.emit(max(ledger_service.count_entries(actor), 1))

            def step(done: int) -> None:
                if cancel.is_set():
                    raise VerifyCancelled()
                progress.advanced.emit(done)

            return ledger_service.verify(actor, step)

        self.ctx.tasks.run(run, self._verified, self._verify_failed, key="ledger.verify")

    def _finish_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        self.verify_button.setEnabled(True)
        if dialog is not None:
            self.progress.sized.disconnect(dialog.setMaximum)
            self.progress.advanced.disconnect(dialog.setValue)
            dialog.close()
            dialog.deleteLater()

    def _verified(self, result: rules.VerifyResult) -> None:
        self._finish_progress()
        self.result = result
        verdict = text_of(ledger_service.describe_verify(result))
        if result.ok:
            set_status(self.verdict, "✔ " + verdict, "ok")
        else:
            set_status(self.verdict, "✖ " + verdict + "\n" + self.tr(
                "ShopDesk never changes an entry: someone edited the database directly. Compare it with a backup "
                "made before that entry and ask who had access."), "bad")
        self.verified.emit(result)

    def _verify_failed(self, error: BaseException) -> None:
        self._finish_progress()
        if isinstance(error, VerifyCancelled):
            self.result = None
            set_status(self.verdict, self.tr("Verification cancelled: nothing was checked to the end."))
            self.verified.emit(None)
            return
        set_status(self.verdict, error_text(error), "bad")
