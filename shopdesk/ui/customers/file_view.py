"""One customer's file: details (editable), devices with their warranty,
contracts and rentals, and the order history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from shopdesk.errors import NotFound, ShopDeskError, StaleRecord, ValidationError
from shopdesk.rules.money import format_yuan
from shopdesk.services import customers as customer_service
from shopdesk.services import followups as followup_service
from shopdesk.services.customers import CustomerFile
from shopdesk.ui.context import AppContext
from shopdesk.ui.customers import labels
from shopdesk.ui.customers.contacts_tab import ContactsTab
from shopdesk.ui.customers.dialogs import ContractDialog, DeviceDialog
from shopdesk.ui.customers.form import CustomerForm
from shopdesk.ui.messages import translated
from shopdesk.ui.tables import small_table, table_item
from shopdesk.ui.widgets import ATTENTION

EXPIRED = QColor(ATTENTION)
IN_WARRANTY = QColor("#1b7a2f")
ROW_ID = Qt.ItemDataRole.UserRole


class CustomerFileView(QWidget):
    saved = Signal(int)
    archivedChanged = Signal(int)
    mergeRequested = Signal(int)
    openOrderRequested = Signal(str)
    newOrderRequested = Signal(int, int)  # customer id, device id (0: none chosen)
    openComplaintRequested = Signal(int)

    def __init__(self, ctx: AppContext, timezone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.timezone = timezone
        self.file: CustomerFile | None = None
        self._loaded_values: dict = {}
        self.setObjectName("customerFile")

        self.title = QLabel(objectName="fileTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(objectName="fileSubtitle")
        self.subtitle.setWordWrap(True)

        self.save_button = QPushButton(self.tr("Save"), objectName="saveCustomer")
        self.save_button.setToolTip(self.tr("Save the details (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        save_action = QAction(self, objectName="saveCustomerAction")
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)
        self.new_order_button = QPushButton(self.tr("New repair order"), objectName="newOrderForCustomer")
        self.new_order_button.clicked.connect(self._request_new_order)
        self.archive_button = QPushButton(objectName="archiveCustomer")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.merge_button = QPushButton(self.tr("Merge duplicate…"), objectName="mergeCustomer")
        self.merge_button.clicked.connect(lambda: self.file and self.mergeRequested.emit(self.file.customer.id))
        self.status = QLabel(objectName="fileStatus")
        self.status.setWordWrap(True)

        for label in (self.title, self.subtitle):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header = QVBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.subtitle)
        buttons = QHBoxLayout()
        for button in (self.new_order_button, self.merge_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        header.addLayout(buttons)

        self.form = CustomerForm(prefix="file")
        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.addWidget(self.form)
        form_layout.addStretch(1)
        details = QScrollArea()
        details.setWidgetResizable(True)
        details.setWidget(form_page)

        self.devices = small_table("deviceTable", [
            self.tr("Category"), self.tr("Brand"), self.tr("Model"), self.tr("Serial"), self.tr("Purchased"),
            self.tr("Warranty"), self.tr("Warranty until"), self.tr("Status")])
        self.devices.itemDoubleClicked.connect(lambda _item: self.edit_device())
        add_device = QPushButton(self.tr("Add device…"), objectName="addDevice")
        add_device.clicked.connect(self.add_device)
        edit_device = QPushButton(self.tr("Edit device…"), objectName="editDevice")
        edit_device.clicked.connect(self.edit_device)
        self.device_buttons = [add_device, edit_device]

        self.contracts = small_table("contractTable", [
            self.tr("Number"), self.tr("Type"), self.tr("Device"), self.tr("From"), self.tr("Until"),
            self.tr("Covers"), self.tr("Monthly fee"), self.tr("Pages incl."), self.tr("Per page"), self.tr("Status")])
        self.contracts.itemDoubleClicked.connect(lambda _item: self.edit_contract())
        add_contract = QPushButton(self.tr("Add contract or rental…"), objectName="addContract")
        add_contract.clicked.connect(self.add_contract)
        edit_contract = QPushButton(self.tr("Edit contract…"), objectName="editContract")
        edit_contract.clicked.connect(self.edit_contract)
        self.contract_buttons = [add_contract, edit_contract]

        self.orders = small_table("orderHistory", [
            self.tr("Order"), self.tr("Reported"), self.tr("State"), self.tr("Device"), self.tr("Fault"),
            self.tr("Coverage"), self.tr("Closed")])
        self.orders.itemDoubleClicked.connect(self._open_order)
        self.orders_note = QLabel(objectName="orderHistoryNote")

        self.tabs = QTabWidget(objectName="fileTabs")
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(self._with_buttons(self.devices, self.device_buttons), self.tr("Devices"))
        self.tabs.addTab(self._with_buttons(self.contracts, self.contract_buttons), self.tr("Contracts and rentals"))
        orders_tab = QWidget()
        orders_layout = QVBoxLayout(orders_tab)
        orders_layout.addWidget(self.orders)
        orders_layout.addWidget(self.orders_note)
        self.tabs.addTab(orders_tab, self.tr("Orders"))
        self.contacts: ContactsTab | None = None
        if ctx.actor.may("followups.view"):
            self.contacts = ContactsTab(timezone, objectName="customerContacts")
            self.contacts.openComplaint.connect(self.openComplaintRequested)
            self.contacts.openOrder.connect(self.openOrderRequested)
            self.tabs.addTab(self.contacts, self.tr("Calls and complaints"))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self._apply_role()

    def _with_buttons(self, table: QTableWidget, buttons: list[QPushButton]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(table)
        return page

    def _apply_role(self) -> None:
        editable = self.ctx.actor.may("customers.edit")
        self.form.set_editable(editable)
        for widget in (self.save_button, self.archive_button, self.merge_button, *self.device_buttons,
                       *self.contract_buttons):
            widget.setVisible(editable)
        self.new_order_button.setVisible(self.ctx.actor.may("orders.create"))

    # -- loading -------------------------------------------------------------------------

    @property
    def customer_id(self) -> int | None:
        return self.file.customer.id if self.file else None

    def load(self, customer_id: int, regions: list[str] | None = None) -> bool:
        if customer_id != self.customer_id:
            self.status.clear()
        try:
            self.file = customer_service.open_file(self.ctx.actor, customer_id)
        except NotFound as exc:
            self.file = None
            self.status.setText(translated(exc))
            return False
        if regions is not None:
            self.form.set_regions(regions)
        self._show()
        self._show_contacts()
        return True

    def reload(self) -> None:
        """Read the file again (another desk saved) without losing what is being typed:
        an edited form keeps its text and the version it was based on."""
        if self.file is None:
            return
        if not self.is_edited():
            self.load(self.file.customer.id)
            return
        try:
            fresh = customer_service.open_file(self.ctx.actor, self.file.customer.id)
        except NotFound:
            return
        fresh.customer = self.file.customer
        self.file = fresh
        self._show_devices()
        self._show_contracts()
        self._show_orders()
        self._show_contacts()

    def is_edited(self) -> bool:
        return self.file is not None and self.form.values() != self._loaded_values

    def _show(self) -> None:
        f = self.file
        c = f.customer
        self.title.setText(f"{c.number}  {c.name}" + (f"  ·  {c.company}" if c.company else ""))
        notes = [labels.kind_label(c.kind)]
        if c.archived:
            notes.append(self.tr("Archived — merged into {0}").format(f.merged_into_number) if f.merged_into_number
                         else self.tr("Archived"))
        self.subtitle.setText("  ·  ".join(notes))
        self.archive_button.setText(self.tr("Restore") if c.archived else self.tr("Archive"))
        self.archive_button.setEnabled(not f.merged_into_number)
        self.merge_button.setEnabled(not c.archived)
        self.new_order_button.setEnabled(not c.archived)
        self.form.set_customer(c)
        self._loaded_values = self.form.values()
        self._show_devices()
        self._show_contracts()
        self._show_orders()

    def _show_devices(self) -> None:
        self.devices.setRowCount(0)
        for d in self.file.devices:
            row = self.devices.rowCount()
            self.devices.insertRow(row)
            if d.warranty_until is None:
                status, color = self.tr("No warranty"), None
            elif d.in_warranty:
                status, color = self.tr("In warranty"), IN_WARRANTY
            else:
                status, color = self.tr("Expired"), EXPIRED
            months = self.tr("{0} months").format(d.warranty_months) if d.warranty_months else ""
            cells = [labels.category_label(d.category), d.brand, d.model, d.serial, labels.day(d.purchase_date), months,
                     labels.day(d.warranty_until), status]
            for column, text in enumerate(cells):
                self.devices.setItem(row, column, table_item(text, d.id, color if column == 7 else None))
            if d.archived:
                for column in range(len(cells)):
                    self.devices.item(row, column).setForeground(QBrush(QColor("#8a8a8a")))

    def _show_contracts(self) -> None:
        self.contracts.setRowCount(0)
        for c in self.file.contracts:
            row = self.contracts.rowCount()
            self.contracts.insertRow(row)
            if c.kind == "rental":
                covers = self.tr("Everything (rental)")
            else:
                flags = [(c.covers_labour, self.tr("labour")), (c.covers_parts, self.tr("parts")),
                         (c.covers_travel, self.tr("travel"))]
                covers = self.tr(", ").join(word for on, word in flags if on) or self.tr("nothing")
            rental = c.kind == "rental"
            cells = [c.number, labels.contract_kind_label(c.kind), c.device_label or self.tr("All devices"),
                     labels.day(c.starts_on), labels.day(c.ends_on), covers,
                     format_yuan(c.monthly_fee) if rental else "", str(c.pages_included) if rental else "",
                     format_yuan(c.price_per_page) if rental else "",
                     self.tr("Cancelled") if c.archived else labels.contract_status(c.status)]
            for column, text in enumerate(cells):
                color = IN_WARRANTY if c.status == "in_force" and not c.archived else None
                self.contracts.setItem(row, column, table_item(text, c.id, color if column == 9 else None))

    def _show_contacts(self) -> None:
        if self.contacts is not None and self.file is not None:
            self.contacts.show_contacts(followup_service.customer_contacts(self.ctx.actor, self.file.customer.id))

    def _show_orders(self) -> None:
        self.orders.setRowCount(0)
        for o in self.file.orders:
            row = self.orders.rowCount()
            self.orders.insertRow(row)
            cells = [o.number, labels.local_time(o.reported_at, self.timezone), labels.state_label(o.state),
                     o.device_label, o.fault.replace("\n", " ")[:80], labels.coverage_label(o.coverage),
                     labels.local_time(o.closed_at, self.timezone)]
            for column, text in enumerate(cells):
                self.orders.setItem(row, column, table_item(text, o.id))
        shown, total = len(self.file.orders), self.file.order_count
        if total == 0:
            self.orders_note.setText(self.tr("No repair orders yet."))
        elif shown < total:
            self.orders_note.setText(self.tr("The latest {0} of {1} orders.").format(shown, total))
        else:
            self.orders_note.setText(self.tr("{0} orders.").format(total))

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        if self.file is None or not self.ctx.actor.may("customers.edit"):
            return
        self.status.clear()
        if not self.form.check():
            return
        c = self.file.customer
        try:
            saved = customer_service.update(self.ctx.actor, c.id, c.version, **self.form.values())  # ok-db: a service call
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        except StaleRecord as exc:
            self.status.setText(translated(exc))  # what was typed stays in the form
            return
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self.load(saved.id)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(saved.id)
        self.ctx.dataChanged.emit("customers")

    def toggle_archived(self) -> None:
        if self.file is None:
            return
        c = self.file.customer
        try:
            if c.archived:
                customer_service.unarchive(self.ctx.actor, c.id)
            else:
                customer_service.archive(self.ctx.actor, c.id)
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self.load(c.id)
        self.status.setText(self.tr("Archived: the file stays searchable with “Show archived”.") if not c.archived
                            else self.tr("Restored."))
        self.archivedChanged.emit(c.id)
        self.ctx.dataChanged.emit("customers")

    # -- devices and contracts -----------------------------------------------------------------

    def _selected_id(self, table: QTableWidget) -> int | None:
        item = table.currentItem()
        return item.data(ROW_ID) if item is not None else None

    def add_device(self) -> DeviceDialog | None:
        if self.file is None:
            return None
        return self._open(DeviceDialog(self.ctx, self.file.customer.id, None, self))

    def _request_new_order(self) -> None:
        """A new order for this customer, for the device chosen on the Devices tab if any."""
        if self.file:
            self.newOrderRequested.emit(self.file.customer.id, self._selected_id(self.devices) or 0)

    def edit_device(self) -> DeviceDialog | None:
        device_id = self._selected_id(self.devices)
        device = next((d for d in self.file.devices if d.id == device_id), None) if self.file else None
        if device is None:
            return None
        return self._open(DeviceDialog(self.ctx, self.file.customer.id, device, self))

    def add_contract(self) -> ContractDialog | None:
        if self.file is None:
            return None
        return self._open(ContractDialog(self.ctx, self.file.customer.id, self.file.devices, None, self))

    def edit_contract(self) -> ContractDialog | None:
        contract_id = self._selected_id(self.contracts)
        contract = next((c for c in self.file.contracts if c.id == contract_id), None) if self.file else None
        if contract is None:
            return None
        return self._open(ContractDialog(self.ctx, self.file.customer.id, self.file.devices, contract, self))

    def _open(self, dialog):
        if not self.ctx.actor.may("customers.edit"):
            return None
        dialog.saved.connect(lambda _id: (self.reload(), self.ctx.dataChanged.emit("customers")))
        dialog.open()
        return dialog

    def _open_order(self, item: QTableWidgetItem) -> None:
        number = self.orders.item(item.row(), 0).text()
        self.openOrderRequested.emit(number)
