"""Complaints (客户投诉处理表): the list, newest first, with the 24-hour deadline
highlighted once passed; the form beside it, saved with the version it was read at."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from shopdesk.clock import from_local, to_local
from shopdesk.errors import ShopDeskError, ValidationError
from shopdesk.rules import followups as rules
from shopdesk.services import followups as service
from shopdesk.services import settings as settings_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.followups.common import Column, PagedModel, label, local_text, make_table
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import EmptyState, FieldError

try:  # finding a customer and an order by number belongs to the orders area
    from shopdesk.services import orders as orders_service
except ImportError:  # pragma: no cover
    orders_service = None


def complaint_columns(tz: str) -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("FollowUps", "Number"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Received"), lambda r: local_text(r.received_at, tz)),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Deadline"),
               lambda r: local_text(r.deadline_at, tz) + (" ⚠" if r.overdue else "")),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Status"), lambda r: label(rules.COMPLAINT_STATUS_LABELS, r.status)),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Category"), lambda r: label(rules.CATEGORY_LABELS, r.category)),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Customer"), lambda r: r.customer),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Order"), lambda r: r.order_number),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Responsible"), lambda r: r.responsible),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Complaint"), lambda r: r.description.splitlines()[0] if r.description else ""),
    ]


class ComplaintsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tz = settings_service.current().timezone
        self.show_filter = QComboBox(objectName="complaintFilter")
        self.show_filter.addItem(self.tr("Not yet resolved"), "unfinished")
        self.show_filter.addItem(self.tr("All complaints"), "")
        for status in rules.COMPLAINT_STATUSES:
            self.show_filter.addItem(label(rules.COMPLAINT_STATUS_LABELS, status), status)
        self.show_filter.currentIndexChanged.connect(self.reload)
        new_button = QPushButton(self.tr("New complaint"), objectName="newComplaint")
        new_button.setShortcut("Ctrl+N")
        new_button.clicked.connect(self.new_complaint)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.show_filter)
        bar.addStretch(1)
        bar.addWidget(new_button)

        self.model = PagedModel(complaint_columns(self.tz), late=lambda row: row.overdue, parent=self)
        self.table = make_table("complaintsTable", self.model, stretch=len(self.model.columns) - 1)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = EmptyState(self.tr("No complaints here"),
                                self.tr("Record a complaint with “New complaint”, or from an unsatisfied "
                                        "follow-up call. Each should be resolved within 24 hours."))
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self.summary = QLabel(objectName="complaintsSummary")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.summary)

        self.form = ComplaintForm(ctx)
        self.form.saved.connect(self._after_save)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._select_after_load: int | None = None

    def reload(self, select_id: int | None = None) -> None:
        actor, now = self.ctx.actor, self.ctx.clock.now()
        choice = self.show_filter.currentData()
        kwargs = {"unfinished_only": True} if choice == "unfinished" else {"status": choice or None}
        self._select_after_load = select_id if isinstance(select_id, int) else None

        def fetch(offset: int, limit: int):
            page = service.list_complaints(actor, now, offset=offset, limit=limit, **kwargs)
            return page.rows, page.total

        def first():
            return fetch(0, self.model.page_size)

        self.ctx.tasks.run(first, lambda result: self._show(fetch, *result), self._failed, key="followups.complaints")

    def _show(self, fetch, rows, total: int) -> None:
        self.model.set_first_page(fetch, rows, total)
        self.list_stack.setCurrentWidget(self.table if total else self.empty)
        late = sum(1 for r in rows if r.overdue)
        self.summary.setText(self.tr("Complaints: {0} · past their 24 hours: {1}").format(total, late))
        wanted = self._select_after_load
        if wanted is not None:
            for row, item in enumerate(self.model.rows):
                if item.id == wanted:
                    self.table.selectRow(row)
                    break

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            raise exc
        self.summary.setText(translated(exc))

    def _row_changed(self, current, _previous) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        shown = self.form.complaint
        if row is not None and (shown is None or shown.id != row.id or shown.version != row.version):
            self.form.open_complaint(row.id)

    def show_complaint(self, complaint_id: int) -> None:
        """Show a complaint just made elsewhere (e.g. from a call)."""
        self.show_filter.blockSignals(True)
        self.show_filter.setCurrentIndex(0)
        self.show_filter.blockSignals(False)
        self.reload(select_id=complaint_id)
        self.form.open_complaint(complaint_id)

    def new_complaint(self) -> None:
        self.table.clearSelection()
        self.form.start_new()

    def _after_save(self, complaint_id: int) -> None:
        self.ctx.dataChanged.emit("followups")
        self.reload(select_id=complaint_id)


class ComplaintForm(QWidget):
    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tz = settings_service.current().timezone
        self.complaint = None
        self._customer_id: int | None = None

        self.number = QLabel(objectName="complaintNumber")
        font = self.number.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.number.setFont(font)
        self.deadline = QLabel(objectName="complaintDeadline")
        self.received = QDateTimeEdit(objectName="complaintReceived")
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setCalendarPopup(True)
        self.channel = QComboBox(objectName="complaintChannel")
        for key in rules.COMPLAINT_CHANNELS:
            self.channel.addItem(label(rules.CHANNEL_LABELS, key), key)
        self.customer_search = QLineEdit(objectName="complaintCustomerSearch")
        self.customer_search.setPlaceholderText(self.tr("Name, phone or customer number, then Enter"))
        self.customer_search.returnPressed.connect(self._find_customers)
        self.customer_pick = QComboBox(objectName="complaintCustomer")
        self.customer_pick.currentIndexChanged.connect(self._customer_picked)
        self.customer_label = QLabel(objectName="complaintCustomerLabel")
        self.order_number = QLineEdit(objectName="complaintOrder")
        self.order_number.setPlaceholderText(self.tr("Order number (optional)"))
        self.category = QComboBox(objectName="complaintCategory")
        for key in rules.COMPLAINT_CATEGORIES:
            self.category.addItem(label(rules.CATEGORY_LABELS, key), key)
        self.good_faith = QCheckBox(self.tr("In good faith (not malicious)"), objectName="complaintGoodFaith")
        self.description = self._text("complaintDescription")
        self.analysis = self._text("complaintAnalysis")
        self.responsible = QComboBox(objectName="complaintResponsible")
        self.approval = QLabel(objectName="complaintApproval")
        self.approve_button = QPushButton(self.tr("Approve"), objectName="approveComplaint")
        self.approve_button.clicked.connect(self.approve)
        self.resolution_kind = QComboBox(objectName="complaintResolutionKind")
        self.resolution_kind.addItem(self.tr("— not yet —"), "")
        for key in rules.RESOLUTION_KINDS:
            self.resolution_kind.addItem(label(rules.RESOLUTION_LABELS, key), key)
        self.resolution = self._text("complaintResolution")
        self.feedback = self._text("complaintFeedback")
        self.reaction = QLineEdit(objectName="complaintReaction")
        self.errors = {name: FieldError() for name in ("customer", "order", "description", "responsible",
                                                       "resolution_kind", "resolution", "feedback", "received_at")}

        form = QFormLayout()
        form.addRow(self.number, self.deadline)
        form.addRow(self.tr("Received"), self.received)
        form.addRow("", self.errors["received_at"])
        form.addRow(self.tr("Channel"), self.channel)
        self.customer_row = QWidget()
        customer_layout = QHBoxLayout(self.customer_row)
        customer_layout.setContentsMargins(0, 0, 0, 0)
        customer_layout.addWidget(self.customer_search, 1)
        customer_layout.addWidget(self.customer_pick, 1)
        customer_cell = QVBoxLayout()
        customer_cell.addWidget(self.customer_row)
        customer_cell.addWidget(self.customer_label)
        customer_cell.addWidget(self.errors["customer"])
        form.addRow(self.tr("Customer"), customer_cell)
        form.addRow(self.tr("Order"), self.order_number)
        form.addRow("", self.errors["order"])
        form.addRow(self.tr("Category"), self.category)
        form.addRow("", self.good_faith)
        form.addRow(self.tr("Complaint"), self.description)
        form.addRow("", self.errors["description"])
        form.addRow(self.tr("Analysis"), self.analysis)
        form.addRow(self.tr("Responsible"), self.responsible)
        form.addRow("", self.errors["responsible"])
        approval_row = QHBoxLayout()
        approval_row.addWidget(self.approval, 1)
        approval_row.addWidget(self.approve_button)
        form.addRow(self.tr("Approval"), approval_row)
        form.addRow(self.tr("Resolved by"), self.resolution_kind)
        form.addRow("", self.errors["resolution_kind"])
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow("", self.errors["resolution"])
        form.addRow(self.tr("Told the customer"), self.feedback)
        form.addRow("", self.errors["feedback"])
        form.addRow(self.tr("Customer's reaction"), self.reaction)

        self.save_button = QPushButton(self.tr("Save"), objectName="saveComplaint")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.step_buttons: dict[str, QPushButton] = {}
        steps = ((rules.IN_HAND, self.tr("Take in hand")), (rules.RESOLVED_C, self.tr("Mark resolved")),
                 (rules.CLOSED_C, self.tr("Close")))
        buttons = QHBoxLayout()
        for status, text in steps:
            button = QPushButton(text, objectName=f"complaintTo_{status}")
            button.clicked.connect(lambda _=False, s=status: self.move(s))
            self.step_buttons[status] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.status = QLabel(objectName="complaintStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._fill_staff()
        self.start_new()

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(objectName=name)
        edit.setMaximumHeight(64)
        edit.setTabChangesFocus(True)
        return edit

    def _fill_staff(self) -> None:
        self.responsible.clear()
        self.responsible.addItem(self.tr("— nobody yet —"), None)
        try:
            for staff in service.complaint_staff(self.ctx.actor):
                self.responsible.addItem(staff.name, staff.id)
        except ShopDeskError as exc:
            self.status.setText(translated(exc))

    # -- showing ----------------------------------------------------------------------------

    def start_new(self) -> None:
        self.complaint = None
        self._customer_id = None
        self.number.setText(self.tr("New complaint"))
        self.deadline.setText("")
        self.deadline.setStyleSheet("")
        self._set_received(self.ctx.clock.now())
        self.channel.setCurrentIndex(0)
        self.customer_row.setVisible(True)
        self.customer_search.clear()
        self.customer_pick.clear()
        self.customer_label.setText("")
        self.order_number.clear()
        self.order_number.setEnabled(True)
        self.category.setCurrentIndex(self.category.findData("service"))
        self.good_faith.setChecked(True)
        for edit in (self.description, self.analysis, self.resolution, self.feedback):
            edit.clear()
        self.reaction.clear()
        self.responsible.setCurrentIndex(0)
        self.resolution_kind.setCurrentIndex(0)
        self.approval.setText("")
        self._clear_errors()
        self.status.setText("")
        self._update_buttons()

    def open_complaint(self, complaint_id: int) -> None:
        try:
            complaint = service.get_complaint(self.ctx.actor, complaint_id)
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self._show(complaint)

    def _show(self, complaint) -> None:
        self.complaint = complaint
        self._customer_id = complaint.customer_id
        self.number.setText(complaint.number)
        now = self.ctx.clock.now()
        deadline = rules.complaint_deadline(complaint.received_at)
        if rules.complaint_overdue(complaint.status, complaint.received_at, now):
            self.deadline.setText(self.tr("24 hours passed at {0}").format(local_text(deadline, self.tz)))
            self.deadline.setStyleSheet("color: #8b0000; font-weight: bold; background: #fde2e1; padding: 2px;")
        elif complaint.status in rules.UNFINISHED:
            self.deadline.setText(self.tr("Resolve by {0}").format(local_text(deadline, self.tz)))
            self.deadline.setStyleSheet("")
        else:
            self.deadline.setText(label(rules.COMPLAINT_STATUS_LABELS, complaint.status))
            self.deadline.setStyleSheet("")
        self._set_received(complaint.received_at)
        self.channel.setCurrentIndex(max(0, self.channel.findData(complaint.channel)))
        self.customer_row.setVisible(False)
        customer = complaint.customer
        self.customer_label.setText(" · ".join(x for x in (customer.number, customer.company, customer.name,
                                                           customer.phone) if x))
        self.order_number.setText(complaint.order.number if complaint.order_id else "")
        self.category.setCurrentIndex(max(0, self.category.findData(complaint.category)))
        self.good_faith.setChecked(complaint.good_faith)
        self.description.setPlainText(complaint.description)
        self.analysis.setPlainText(complaint.analysis)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(complaint.responsible_id)))
        self.resolution_kind.setCurrentIndex(max(0, self.resolution_kind.findData(complaint.resolution_kind)))
        self.resolution.setPlainText(complaint.resolution)
        self.feedback.setPlainText(complaint.feedback)
        self.reaction.setText(complaint.customer_reaction)
        if complaint.approved_by_id:
            self.approval.setText(self.tr("Approved by {0} at {1}").format(
                complaint.approved_by.name, local_text(complaint.approved_at, self.tz)))
        else:
            self.approval.setText(self.tr("Not yet approved"))
        self._clear_errors()
        self.status.setText("")
        self._update_buttons()

    def _set_received(self, utc: dt.datetime) -> None:
        local = to_local(utc, self.tz)
        self.received.setDateTime(QDateTime(local.date(), local.time()))

    def _update_buttons(self) -> None:
        complaint = self.complaint
        editable = self.ctx.actor.may(service.COMPLAINTS)
        closed = complaint is not None and complaint.status == rules.CLOSED_C
        self.save_button.setEnabled(editable and not closed)
        current = complaint.status if complaint is not None else None
        for status, button in self.step_buttons.items():
            button.setVisible(current is not None and status in rules.COMPLAINT_STEPS.get(current, ()))
            button.setEnabled(editable)
        if current == rules.RESOLVED_C:
            self.step_buttons[rules.IN_HAND].setText(self.tr("Back in hand"))
        else:
            self.step_buttons[rules.IN_HAND].setText(self.tr("Take in hand"))
        can_approve = self.ctx.actor.may(service.APPROVE)
        self.approve_button.setVisible(complaint is not None and not closed and complaint.approved_by_id is None)
        self.approve_button.setEnabled(can_approve)
        if not can_approve:
            self.approve_button.setToolTip(self.tr("The person in charge approves."))

    # -- finding the customer ------------------------------------------------------------------

    def _find_customers(self) -> None:
        self.customer_pick.clear()
        if orders_service is None:  # pragma: no cover
            return
        try:
            found = orders_service.find_customers(self.ctx.actor, self.customer_search.text())
        except ShopDeskError as exc:
            self.errors["customer"].show_message(translated(exc))
            return
        for customer in found:
            text = " · ".join(x for x in (customer.number, customer.company, customer.name, customer.phone) if x)
            self.customer_pick.addItem(text, customer.id)
        if not found:
            self.errors["customer"].show_message(self.tr("No customer found."))
        else:
            self.errors["customer"].clear_message()
            self.customer_pick.setFocus()

    def _customer_picked(self) -> None:
        self._customer_id = self.customer_pick.currentData()

    def set_customer(self, customer_id: int) -> None:
        """Pre-fill the customer of a new complaint (e.g. from the customer file)."""
        self._customer_id = customer_id

    # -- saving ------------------------------------------------------------------------------------

    def values(self) -> dict:
        local = self.received.dateTime().toPython().replace(second=0, microsecond=0)
        return {
            "channel": self.channel.currentData(),
            "received_at": from_local(local, self.tz),
            "category": self.category.currentData(),
            "good_faith": self.good_faith.isChecked(),
            "description": self.description.toPlainText(),
            "analysis": self.analysis.toPlainText(),
            "responsible": self.responsible.currentData(),
            "resolution_kind": self.resolution_kind.currentData(),
            "resolution": self.resolution.toPlainText(),
            "feedback": self.feedback.toPlainText(),
            "customer_reaction": self.reaction.text(),
        }

    def _order_id(self) -> int | None:
        number = self.order_number.text().strip()
        if not number or orders_service is None:
            return None
        return orders_service.find_order(self.ctx.actor, number).id

    def save(self) -> bool:
        self._clear_errors()
        values = self.values()
        try:
            order_id = self._order_id()
        except ShopDeskError as exc:
            self.errors["order"].show_message(translated(exc))
            return False
        try:
            if self.complaint is None:
                if self._customer_id is None:
                    self.errors["customer"].show_message(self.tr("Choose the customer."))
                    return False
                saved = service.create_complaint(
                    self.ctx.actor, self._customer_id, values["category"], values["description"],
                    channel=values["channel"], received_at=values["received_at"], order_id=order_id,
                    good_faith=values["good_faith"], responsible_id=values["responsible"],
                    analysis=values["analysis"])
                rest = {k: values[k] for k in ("resolution_kind", "resolution", "feedback", "customer_reaction")
                        if values[k]}
                if rest:
                    saved = service.update_complaint(self.ctx.actor, saved.id, saved.version, **rest)
            else:
                saved = service.update_complaint(self.ctx.actor, self.complaint.id, self.complaint.version,
                                                 order=order_id, **values)
        except ValidationError as exc:
            self._field_error(exc)
            return False
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return False
        self._show(saved)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(saved.id)
        return True

    def move(self, status: str) -> None:
        if self.complaint is None:
            return
        if not self.save():
            return
        try:
            saved = service.move_complaint(self.ctx.actor, self.complaint.id, self.complaint.version, status)
        except ValidationError as exc:
            self._field_error(exc)
            return
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self._show(saved)
        self.status.setText(label(rules.COMPLAINT_STATUS_LABELS, saved.status))
        self.saved.emit(saved.id)

    def approve(self) -> None:
        if self.complaint is None:
            return
        try:
            saved = service.approve_complaint(self.ctx.actor, self.complaint.id, self.complaint.version)
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self._show(saved)
        self.saved.emit(saved.id)

    def _field_error(self, exc: ValidationError) -> None:
        target = self.errors.get(exc.field or "")
        if exc.field == "approved_by":
            target = None
        if target is not None:
            target.show_message(translated(exc))
        else:
            self.status.setText(translated(exc))

    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
