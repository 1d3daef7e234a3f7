"""Recording one call: how it went, the four scores, a leftover problem; the
shop's call script beside it; an unsatisfied answer asks for a cause and a fix
and can re-open the order or become a complaint."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QTextBrowser, QVBoxLayout, QWidget,
)

from shopdesk.clock import from_local, to_local
from shopdesk.errors import ShopDeskError, ValidationError
from shopdesk.rules import followups as rules
from shopdesk.services import followups as service
from shopdesk.services import settings as settings_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.followups.common import label, local_text
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import FieldError

NO_SCORE = None


class CallForm(QWidget):
    """``complaintMade`` carries the new complaint's id; ``saved`` fires after each save."""

    saved = Signal()
    complaintMade = Signal(int)
    orderReopened = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tz = settings_service.current().timezone
        self.subject: service.QueueRow | None = None
        self.saved_call = None

        self.heading = QLabel(self.tr("Choose a call in “Calls due” first."), objectName="callSubject")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)

        self.outcome = QComboBox(objectName="callOutcome")
        for outcome in rules.OUTCOMES:
            self.outcome.addItem(label(rules.OUTCOME_LABELS, outcome), outcome)
        self.outcome.currentIndexChanged.connect(self._update_state)
        self.retry_at = QDateTimeEdit(objectName="callRetryAt")
        self.retry_at.setCalendarPopup(True)
        self.retry_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.retry_error = FieldError()
        self.scores: dict[str, QComboBox] = {}
        for name in rules.SCORES:
            box = QComboBox(objectName=f"score_{name}")
            box.addItem(self.tr("—"), NO_SCORE)
            for value in range(rules.MIN_SCORE, rules.MAX_SCORE + 1):
                box.addItem(str(value), value)
            box.currentIndexChanged.connect(self._update_state)
            self.scores[name] = box
        self.score_error = FieldError()
        self.leftover = QPlainTextEdit(objectName="callLeftover")
        self.leftover.setPlaceholderText(self.tr("Anything still wrong, in the customer's words"))
        self.leftover.setMaximumHeight(70)
        self.leftover.textChanged.connect(self._update_state)

        self.flag = QLabel(self.tr("Unsatisfied: record the cause and the fix."), objectName="callUnsatisfiedFlag")
        self.flag.setStyleSheet("color: #8b0000; font-weight: bold;")
        self.cause = QLineEdit(objectName="callCause")
        self.cause.setPlaceholderText(self.tr("Why the customer is not satisfied"))
        self.cause_error = FieldError()
        self.fix = QLineEdit(objectName="callFix")
        self.fix.setPlaceholderText(self.tr("What the shop will do about it"))
        self.unsatisfied_box = QGroupBox(self.tr("Unsatisfied answer"))
        unhappy = QFormLayout(self.unsatisfied_box)
        unhappy.addRow(self.flag)
        unhappy.addRow(self.tr("Cause"), self.cause)
        unhappy.addRow("", self.cause_error)
        unhappy.addRow(self.tr("Fix"), self.fix)

        self.note = QLineEdit(objectName="callNote")

        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Call again at"), self.retry_at)
        form.addRow("", self.retry_error)
        for name, box in self.scores.items():
            form.addRow(label(rules.SCORE_LABELS, name), box)
        form.addRow("", self.score_error)
        form.addRow(self.tr("Leftover problem"), self.leftover)
        form.addRow(self.tr("Note"), self.note)

        self.save_button = QPushButton(self.tr("Save call"), objectName="saveCall")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.reopen_button = QPushButton(self.tr("Re-open order"), objectName="reopenOrder")
        self.reopen_button.setToolTip(self.tr("Write a new order for another visit, with the leftover problem"))
        self.reopen_button.clicked.connect(self.reopen_order)
        self.complaint_button = QPushButton(self.tr("Make complaint"), objectName="makeComplaint")
        self.complaint_button.clicked.connect(self.make_complaint)
        self.status = QLabel(objectName="callStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.complaint_button)
        buttons.addWidget(self.save_button)

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addLayout(form)
        left.addWidget(self.unsatisfied_box)
        left.addLayout(buttons)
        left.addStretch(1)

        self.script_box = QGroupBox(self.tr("Call script"))
        self.script = QTextBrowser(objectName="callScript")
        script_layout = QVBoxLayout(self.script_box)
        script_layout.addWidget(self.script)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.script_box, 2)

        self.setTabOrder(self.outcome, self.retry_at)
        previous = self.retry_at
        for box in self.scores.values():
            self.setTabOrder(previous, box)
            previous = box
        for widget in (self.leftover, self.cause, self.fix, self.note, self.save_button):
            self.setTabOrder(previous, widget)
            previous = widget
        self._scripts = ("", "")
        self.clear()

    # -- filling ------------------------------------------------------------------------

    def load(self, row: service.QueueRow) -> None:
        """Prepare the form for a call from the queue."""
        self.subject = row
        self.clear()
        stage = label(rules.STAGE_LABELS, row.stage)
        parts = [stage, row.order_number, row.customer, row.phone]
        self.heading.setText(" · ".join(p for p in parts if p))
        due = self.tr("Due {0}").format(local_text(row.due_at, self.tz))
        if row.attempt > 1:
            due += " · " + self.tr("try {0}").format(row.attempt)
        self.heading.setToolTip(due)
        self.save_button.setEnabled(True)
        self.outcome.setFocus()

    def clear(self) -> None:
        self.saved_call = None
        self.outcome.setCurrentIndex(0)
        later = to_local(self.ctx.clock.now() + dt.timedelta(hours=2), self.tz)
        self.retry_at.setDateTime(QDateTime(later.date(), later.time()))
        for box in self.scores.values():
            box.setCurrentIndex(0)
        for widget in (self.leftover, self.cause, self.fix, self.note):
            widget.clear()
        for error in (self.retry_error, self.score_error, self.cause_error):
            error.clear_message()
        self.status.setText("")
        self.save_button.setEnabled(self.subject is not None)
        try:
            self._scripts = service.call_scripts(self.ctx.actor)
        except ShopDeskError:
            self._scripts = ("", "")
        self._update_state()

    # -- reading ------------------------------------------------------------------------

    def outcome_value(self) -> str:
        return self.outcome.currentData()

    def score_values(self) -> dict[str, int | None]:
        return {name: box.currentData() for name, box in self.scores.items()}

    def unsatisfied(self) -> bool:
        return self.outcome_value() == rules.REACHED and rules.is_unsatisfied(
            self.score_values(), self.leftover.toPlainText())

    def retry_value(self) -> dt.datetime:
        local = self.retry_at.dateTime().toPython().replace(second=0, microsecond=0)
        return from_local(local, self.tz)

    def _update_state(self) -> None:
        reached = self.outcome_value() == rules.REACHED
        self.retry_at.setEnabled(not reached)
        for box in self.scores.values():
            box.setEnabled(reached)
        self.leftover.setEnabled(reached)
        unhappy = self.unsatisfied()
        self.unsatisfied_box.setVisible(unhappy)
        after_save = self.saved_call is not None and self.saved_call.unsatisfied
        self.reopen_button.setVisible(after_save)
        self.complaint_button.setVisible(after_save)
        self._show_script(unhappy)

    def _show_script(self, unhappy: bool) -> None:
        satisfied, unsatisfied = self._scripts
        if unhappy:
            self.script_box.setTitle(self.tr("Call script: unsatisfied customer"))
            self.script.setPlainText(unsatisfied.strip() or default_unsatisfied_script())
        else:
            self.script_box.setTitle(self.tr("Call script: satisfied customer"))
            self.script.setPlainText(satisfied.strip() or default_satisfied_script())

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        if self.subject is None:
            return
        for error in (self.retry_error, self.score_error, self.cause_error):
            error.clear_message()
        reached = self.outcome_value() == rules.REACHED
        row = self.subject
        try:
            result = service.record_call(
                self.ctx.actor, stage=row.stage, order_id=row.order_id,
                customer_id=row.customer_id if row.order_id is None else None, outcome=self.outcome_value(),
                retry_at=None if reached else self.retry_value(),
                scores=self.score_values() if reached else {}, leftover_problem=self.leftover.toPlainText(),
                cause=self.cause.text(), fix=self.fix.text(), note=self.note.text())
        except ValidationError as exc:
            self._show_field_error(exc)
            return
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self.saved_call = result.call
        self.save_button.setEnabled(False)
        if result.call.unsatisfied:
            self.status.setText(self.tr("Saved and counted as unsatisfied. Re-open the order or make a complaint "
                                        "if it needs one."))
        elif result.confirmed:
            self.status.setText(self.tr("Saved. Order {0} is confirmed for closing.").format(row.order_number))
        elif reached:
            self.status.setText(self.tr("Saved."))
        else:
            self.status.setText(self.tr("Saved. The call comes back at {0}.").format(
                local_text(result.call.retry_at, self.tz)))
        self._update_state()
        self.ctx.dataChanged.emit("followups")
        if result.confirmed:
            self.ctx.dataChanged.emit("orders")
        self.saved.emit()

    def _show_field_error(self, exc: ValidationError) -> None:
        text = translated(exc)
        if exc.field == "retry_at":
            self.retry_error.show_message(text)
            self.retry_at.setFocus()
        elif exc.field and exc.field.startswith("score_"):
            self.score_error.show_message(text)
        elif exc.field == "cause":
            self.cause_error.show_message(text)
            self.cause.setFocus()
        else:
            self.status.setText(text)

    def make_complaint(self) -> None:
        if self.saved_call is None:
            return
        try:
            complaint = service.complaint_from_call(self.ctx.actor, self.saved_call.id)
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self.complaint_button.setEnabled(False)
        self.status.setText(self.tr("Complaint {0} is open: its 24 hours run from now.").format(complaint.number))
        self.ctx.dataChanged.emit("followups")
        self.complaintMade.emit(complaint.id)

    def reopen_order(self) -> None:
        if self.saved_call is None:
            return
        try:
            order = service.reopen_order_from_call(self.ctx.actor, self.saved_call.id)
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self.reopen_button.setEnabled(False)
        self.status.setText(self.tr("New order {0} written for another visit.").format(order.number))
        self.ctx.dataChanged.emit("orders")
        self.orderReopened.emit(order.number)


def default_satisfied_script() -> str:
    return QCoreApplication.translate(
        "CallForm",
        "Hello, this is the service desk calling about your recent repair. Do you have a minute?\n\n"
        "1. Did the technician arrive at the agreed time?\n"
        "2. Was the technician polite and careful?\n"
        "3. Did they explain the fault and what they did?\n"
        "4. Is the machine working well now?\n\n"
        "Thank you! If anything goes wrong, call us any time.\n\n"
        "(The shop's own wording can be set in Settings.)")


def default_unsatisfied_script() -> str:
    return QCoreApplication.translate(
        "CallForm",
        "We are sorry the service was not what you expected.\n\n"
        "1. Could you tell me what went wrong? (note it as the cause)\n"
        "2. Tell the customer what the shop will do and by when. (note it as the fix)\n"
        "3. If the fault is still there, offer another visit (Re-open order).\n"
        "4. If the customer wants to complain, record it now (Make complaint): "
        "it will be handled within 24 hours.\n\n"
        "Thank you for telling us — it helps us do better.")
