"""One order: its details and charges, photos, timeline, the actions this person may take next, and printing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QScrollArea, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError, StaleRecord, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.rules import workflow
from shopdesk.rules.money import parse_yuan
from shopdesk.services import orders as order_service
from shopdesk.services.orders import PartUsed
from shopdesk.ui.charges import ChargesPanel
from shopdesk.ui.context import AppContext
from shopdesk.ui.orders import labels
from shopdesk.ui.orders.action_dialog import ActionDialog
from shopdesk.ui.orders.labels import ShopTime
from shopdesk.ui.receipts import LAYOUT_NAMES, ReceiptPreviewDialog
from shopdesk.ui.widgets import FieldError

THUMB = 96


def thumbnail_item(path: Path) -> QListWidgetItem:
    pixmap = QPixmap(str(path))
    item = QListWidgetItem(path.name)
    if not pixmap.isNull():
        item.setIcon(QIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)))
    item.setToolTip(str(path))
    item.setData(Qt.ItemDataRole.UserRole, str(path))
    return item


def thumbnail_list(name: str) -> QListWidget:
    box = QListWidget(objectName=name)
    box.setViewMode(QListView.ViewMode.IconMode)
    box.setIconSize(QSize(THUMB, THUMB))
    box.setResizeMode(QListView.ResizeMode.Adjust)
    box.setMovement(QListView.Movement.Static)
    box.setFixedHeight(THUMB + 40)
    return box


class OrderDialog(QDialog):
    """Opened by double-click on a board row or by ``OrdersPage.open_order``. Not modal."""

    changed = Signal(int)  # order id, after a saved action

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.time = ShopTime()
        self.view: order_service.OrderView | None = None
        self.action_dialog: ActionDialog | None = None
        self.work_dialog: WorkDialog | None = None
        self.receipt_dialog: ReceiptPreviewDialog | None = None
        self.setObjectName("orderDialog")
        self.resize(1000, 860)

        self.title = QLabel(objectName="orderTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.overdue_label = QLabel(objectName="orderOverdue")
        self.overdue_label.setStyleSheet("color: #8a0000; font-weight: bold;")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.overdue_label)

        details = QGroupBox(self.tr("Details"))
        self.details = QGridLayout(details)
        self.details.setColumnStretch(1, 1)
        self.details.setColumnStretch(3, 1)
        self._detail_labels: dict[str, QLabel] = {}
        self.charges = ChargesPanel(ctx)
        self.charges.changed.connect(lambda: self.load(with_charges=False))

        photo_box = QWidget()  # a tab of its own
        photo_layout = QHBoxLayout(photo_box)
        self.photos = thumbnail_list("orderPhotos")
        self.add_photo_button = QPushButton(self.tr("Add photo…"), objectName="addOrderPhoto")
        self.add_photo_button.clicked.connect(self._choose_photo)
        self.no_photos = QLabel(self.tr("No photos yet."), objectName="noOrderPhotos")
        self.no_photos.setStyleSheet("color: palette(mid);")
        photo_layout.addWidget(self.photos, 1)
        photo_layout.addWidget(self.no_photos, 1)
        photo_layout.addWidget(self.add_photo_button, 0, Qt.AlignmentFlag.AlignTop)

        timeline_box = QWidget()  # a tab of its own
        timeline_layout = QVBoxLayout(timeline_box)
        self.timeline = QTableWidget(0, 4, objectName="orderTimeline")
        self.timeline.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Note")])
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.timeline.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        timeline_layout.addWidget(self.timeline)

        self.actions_box = QGroupBox(self.tr("Next steps"))
        self.actions_layout = QHBoxLayout(self.actions_box)
        self.action_buttons: dict[str, QPushButton] = {}
        self.work_button = QPushButton(self.tr("Record work…"), objectName="recordWork")
        self.work_button.clicked.connect(self.ask_work)
        self.status = QLabel(objectName="orderStatus")
        self.status.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"), objectName="reloadOrder")
        self.reload_button.clicked.connect(self.load)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        may_print = ctx.actor.may("receipts.print")
        self.print_intake_button = QPushButton(self.tr("Print intake slip…"), objectName="printIntakeSlip")
        self.print_intake_button.clicked.connect(lambda: self.print_receipt("intake"))
        self.print_receipt_button = QPushButton(self.tr("Print receipt…"), objectName="printRepairReceipt")
        self.print_receipt_button.clicked.connect(lambda: self.print_receipt("repair"))
        for button in (self.print_intake_button, self.print_receipt_button):
            button.setAutoDefault(False)
            button.setVisible(may_print)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.print_intake_button)
        bottom.addWidget(self.print_receipt_button)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(close)

        # The order and its money on the first tab (scrolling on a small screen), the history behind.
        order_page = QWidget()
        order_layout = QVBoxLayout(order_page)
        order_layout.addWidget(details)
        order_layout.addWidget(self.charges, 1)
        scroller = QScrollArea(objectName="orderScroller")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(order_page)
        self.tabs = QTabWidget(objectName="orderTabs")
        self.tabs.addTab(scroller, self.tr("Order and charges"))
        self.tabs.addTab(timeline_box, self.tr("Timeline"))
        self.tabs.addTab(photo_box, self.tr("Photos"))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.actions_box)
        layout.addLayout(bottom)
        ctx.dataChanged.connect(self._data_changed)
        self.load()

    # -- showing ------------------------------------------------------------------

    def _data_changed(self, area: str) -> None:
        """Orders changed elsewhere (a follow-up call, the day board, another desk): show the order as it is now.

        Not while a step or the work record is being filled in: those keep the version they were
        based on, so saving over someone else's change is still refused."""
        if area not in ("orders", "*") or not self.isVisible():
            return
        if any(dialog is not None and dialog.isVisible() for dialog in (self.action_dialog, self.work_dialog)):
            return
        self.load(with_charges=False)  # the charges panel follows the same signal itself

    def load(self, with_charges: bool = True) -> None:
        """Show the order again (``with_charges=False``: the charges panel just changed and shows itself)."""
        try:
            self.view = order_service.order_view(self.ctx.actor, self.order_id)
        except ShopDeskError as exc:
            self.status.setText(labels.error_text(exc))
            return
        view, order = self.view, self.view.order
        self.setWindowTitle(self.tr("Order {0}").format(order.number))
        self.title.setText(self.tr("{0} · {1}").format(order.number, labels.state(order.state)))
        self.overdue_label.setText(labels.overdue(view.overdue))
        self._show_details(view)
        self._show_photos(view)
        self._show_timeline(view)
        self._show_actions(view)
        self.tabs.setTabText(1, self.tr("Timeline ({0})").format(len(view.timeline)))
        self.tabs.setTabText(2, self.tr("Photos ({0})").format(len(view.photos)))
        if with_charges:
            self.charges.set_order(self.order_id)

    def _show_details(self, view: order_service.OrderView) -> None:
        order = view.order
        rows = [
            (self.tr("Customer"), f"{view.customer} ({view.customer_number})"),
            (self.tr("Device"), " · ".join(x for x in (view.device, view.serial) if x) or self.tr("(none)")),
            (self.tr("Contact"), " · ".join(x for x in (order.reported_by, order.contact_phone) if x)),
            (self.tr("Where"), labels.label(labels.LOCATIONS, order.location)),
            (self.tr("Address"), order.address),
            (self.tr("Channel"), labels.label(labels.CHANNELS, order.channel)),
            (self.tr("Priority"), labels.label(labels.PRIORITIES, order.priority)),
            (self.tr("Reported"), self.time.text(order.reported_at)),
            (self.tr("Fault"), order.fault),
            (self.tr("Dispatched to"), view.dispatched_to),
            (self.tr("Technician"), view.technician),
            (self.tr("Appointment"), self.time.text(order.appointment_at)),
            (self.tr("Accessories"), order.accessories),
            (self.tr("Condition"), order.condition),
            (self.tr("Diagnosis"), order.diagnosis),
            (self.tr("Work done"), order.work_done),
            (self.tr("Signed by"), order.signer_name),
        ]
        if order.outcome_reason:
            rows.append((self.tr("Outcome"), order.outcome_reason))
        if order.cancel_reason:
            rows.append((self.tr("Cancelled because"), order.cancel_reason))
        while self.details.count():
            item = self.details.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self._detail_labels = {}
        for i, (caption, value) in enumerate(rows):
            name = QLabel(caption)
            name.setStyleSheet("color: palette(mid);")
            text = QLabel(value or "—")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addWidget(name, i // 2, (i % 2) * 2, Qt.AlignmentFlag.AlignTop)
            self.details.addWidget(text, i // 2, (i % 2) * 2 + 1, Qt.AlignmentFlag.AlignTop)
            self._detail_labels[caption] = text

    def detail(self, caption: str) -> str:
        label = self._detail_labels.get(caption)
        return label.text() if label else ""

    def _show_photos(self, view: order_service.OrderView) -> None:
        self.photos.clear()
        for path in view.photos:
            self.photos.addItem(thumbnail_item(path))
        self.photos.setVisible(bool(view.photos))
        self.no_photos.setVisible(not view.photos)
        self.add_photo_button.setVisible(view.may_add_photos)

    def _show_timeline(self, view: order_service.OrderView) -> None:
        self.timeline.setRowCount(len(view.timeline))
        for row, entry in enumerate(view.timeline):
            if entry.kind == "transition" and entry.from_state:
                what = self.tr("{0} → {1}").format(labels.state(entry.from_state), labels.state(entry.to_state))
            elif entry.kind == "transition":
                what = self.tr("Reported: {0}").format(labels.state(entry.to_state))
            elif entry.kind == "print":
                what = self.tr("Printed")
            elif entry.data.get("action") in workflow.ACTIONS_BY_NAME:
                what = labels.action(workflow.action(entry.data["action"]))
            else:
                what = labels.label(labels.EVENT_KINDS, entry.kind)
            cells = (self.time.text(entry.at), entry.staff or self.tr("ShopDesk"), what, self._note(entry))
            for col, text in enumerate(cells):
                self.timeline.setItem(row, col, QTableWidgetItem(text))
        self.timeline.resizeColumnsToContents()
        self.timeline.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def _note(self, entry) -> str:
        data = entry.data
        if entry.kind == "appointment" and "reason" in data:
            told = self.tr("customer told") if data.get("customer_told") else self.tr("customer NOT told")
            missed = self.tr("missed; ") if data.get("missed") else ""
            when = self.time.text(dt.datetime.fromisoformat(data["appointment_at"])) if data.get("appointment_at") else ""
            return self.tr("{0}moved to {1}: {2} ({3})").format(missed, when, entry.note, told)
        if entry.kind == "carry_over":
            return self.tr("Carried over from {0}").format(entry.note)
        if entry.kind == "print":
            paper = QCoreApplication.translate("ReceiptPreviewDialog", LAYOUT_NAMES.get(data.get("layout"), ""))
            what = self.tr("Intake slip") if entry.note == "intake" else self.tr("Repair receipt")
            return " · ".join(x for x in (what, paper, self.tr("copy") if data.get("copy") else "") if x)
        return entry.note

    def _show_actions(self, view: order_service.OrderView) -> None:
        for button in self.action_buttons.values():
            self.actions_layout.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        self.actions_layout.removeWidget(self.work_button)
        for act in view.actions:
            button = QPushButton(labels.action(act), objectName=f"action_{act.name}")
            button.clicked.connect(lambda _=False, a=act: self.ask(a))
            self.actions_layout.addWidget(button)
            self.action_buttons[act.name] = button
        self.actions_layout.addWidget(self.work_button)
        self.work_button.setVisible(view.may_record_work)
        self.actions_box.setVisible(bool(view.actions) or view.may_record_work)

    # -- acting ----------------------------------------------------------------------

    def ask(self, act: workflow.Action) -> ActionDialog:
        """Ask for the action's inputs (not modal to the app: the dialog is window-modal and returns at once)."""
        staff = [(s.id, s.name, s.role) for s in
                 order_service.assignable_staff(self.ctx.actor, ("technician", "team_lead", "owner"))]
        dialog = ActionDialog(act, staff, self.ctx.clock.now(), self.time, self)
        dialog.accepted.connect(lambda: self._perform(dialog))
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _perform(self, dialog: ActionDialog) -> None:
        try:
            order_service.act(self.ctx.actor, self.order_id, dialog.act.name, self.view.order.version,
                              **dialog.values())
        except StaleRecord as exc:
            self.status.setText(labels.error_text(exc))
            self.load()
            return
        except ShopDeskError as exc:
            if isinstance(exc, ValidationError) and exc.field in dialog.fields:
                dialog.show_error(exc)
                dialog.open()  # keep what was typed; let the person fix it
            else:
                self.status.setText(labels.error_text(exc))
            return
        self.status.setText(self.tr("Saved: {0}").format(labels.action(dialog.act)))
        self.load()
        self.changed.emit(self.order_id)

    def ask_work(self) -> "WorkDialog":
        dialog = WorkDialog(self.view.order, self)
        dialog.accepted.connect(lambda: self._save_work(dialog))
        self.work_dialog = dialog
        dialog.open()
        return dialog

    def _save_work(self, dialog: "WorkDialog") -> None:
        try:
            values = dialog.values()
            order_service.record_work(self.ctx.actor, self.order_id, based_on_version=self.view.order.version,
                                      **values)
        except StaleRecord as exc:
            self.status.setText(labels.error_text(exc))
            self.load()
            return
        except ShopDeskError as exc:
            dialog.show_error(exc)
            dialog.open()
            return
        self.status.setText(self.tr("Work record saved."))
        self.load()
        self.changed.emit(self.order_id)

    def print_receipt(self, kind: str = "repair") -> ReceiptPreviewDialog:
        """The preview of the order's receipt or intake slip; printing from there is logged."""
        if self.receipt_dialog is not None:
            self.receipt_dialog.close()
        dialog = ReceiptPreviewDialog(self.ctx, self.order_id, kind, self)
        dialog.printed.connect(lambda _id: self.load(with_charges=False))
        self.receipt_dialog = dialog
        dialog.open()
        return dialog

    def _choose_photo(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach photos"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp)"))
        for path in paths:
            self.add_photo(path)

    def add_photo(self, path: str) -> bool:
        try:
            order_service.add_photo(self.ctx.actor, self.order_id, path)
        except ShopDeskError as exc:
            self.status.setText(labels.error_text(exc))
            return False
        self.load()
        self.changed.emit(self.order_id)
        return True


class WorkDialog(QDialog):
    """The technician's work record: diagnosis, work done, parts, travel, fee collected."""

    def __init__(self, order, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("workDialog")
        self.setWindowTitle(self.tr("Work record — {0}").format(order.number))
        self.diagnosis = QPlainTextEdit(order.diagnosis, objectName="workDiagnosis")
        self.work_done = QPlainTextEdit(order.work_done, objectName="workDone")
        for box in (self.diagnosis, self.work_done):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(70)
        self.parts = QTableWidget(0, 3, objectName="workParts")
        self.parts.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Qty"), self.tr("Unit price (¥)")])
        self.parts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.parts.setMaximumHeight(120)
        add_part = QPushButton(self.tr("Add part"), objectName="addPart")
        add_part.clicked.connect(lambda: self.add_part())
        self.travel_km = QSpinBox(objectName="workTravelKm")
        self.travel_km.setRange(0, 10_000)
        self.travel_km.setSuffix(self.tr(" km"))
        self.travel_km.setValue(order.travel_km)
        self.fee = QLineEdit(objectName="workFee")
        self.fee.setPlaceholderText(self.tr("Collected on the spot, e.g. 80.00"))
        self.method = QComboBox(objectName="workMethod")
        self.method.addItem(self.tr("(not collected)"), "")
        for key in order_service.COLLECTION_METHODS:
            self.method.addItem(labels.label(labels.METHODS, key), key)
        self.error = FieldError("workError")

        form = QFormLayout()
        form.addRow(self.tr("Diagnosis"), self.diagnosis)
        form.addRow(self.tr("Work done"), self.work_done)
        form.addRow(self.tr("Parts used"), self.parts)
        form.addRow("", add_part)
        form.addRow(self.tr("Travel"), self.travel_km)
        form.addRow(self.tr("Fee collected"), self.fee)
        form.addRow(self.tr("Paid by"), self.method)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveWork")
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def add_part(self, description: str = "", quantity: int = 1, price: str = "") -> None:
        row = self.parts.rowCount()
        self.parts.insertRow(row)
        self.parts.setItem(row, 0, QTableWidgetItem(description))
        self.parts.setItem(row, 1, QTableWidgetItem(str(quantity)))
        self.parts.setItem(row, 2, QTableWidgetItem(price))

    def values(self) -> dict:
        parts = []
        for row in range(self.parts.rowCount()):
            cells = [(self.parts.item(row, c).text().strip() if self.parts.item(row, c) else "") for c in range(3)]
            if not any(cells):
                continue
            try:
                quantity = int(cells[1] or "1")
            except ValueError:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The quantity must be a whole number from 1 to {high}."),
                                      field="quantity", high=100_000) from None
            parts.append(PartUsed(description=cells[0], quantity=quantity, unit_price=parse_yuan(cells[2] or "0")))
        fee_text = self.fee.text().strip()
        return {
            "diagnosis": self.diagnosis.toPlainText(), "work_done": self.work_done.toPlainText(), "parts": parts,
            "travel_km": self.travel_km.value(), "fee_collected": parse_yuan(fee_text) if fee_text else 0,
            "method": self.method.currentData(),
        }

    def _check_and_accept(self) -> None:
        self.error.clear_message()
        try:
            values = self.values()
        except ShopDeskError as exc:
            self.show_error(exc)
            return
        if values["fee_collected"] and not values["method"]:
            self.error.show_message(self.tr("Say how the fee was paid."))
            self.method.setFocus()
            return
        self.accept()

    def show_error(self, exc: ShopDeskError) -> None:
        self.error.show_message(labels.error_text(exc))
