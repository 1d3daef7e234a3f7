"""Intake (Ctrl+Shift+N): pick or create the customer and device, write down the fault."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.services import orders as order_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.orders import labels
from shopdesk.ui.orders.order_view import thumbnail_item, thumbnail_list
from shopdesk.ui.widgets import FieldError

FIELD_ERRORS = ("customer", "device", "fault", "reported_by", "contact_phone", "address", "accessories",
                "condition", "photos", "name", "general")


class IntakeDialog(QDialog):
    """Writes one repair order. Emits ``orderCreated(id, number)`` and closes when saved."""

    orderCreated = Signal(int, str)

    def __init__(self, ctx: AppContext, customer_id: int | None = None, device_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("New repair order"))
        self.customer_id: int | None = None
        self.photo_paths: list[Path] = []
        self.errors = {name: FieldError() for name in FIELD_ERRORS}
        for name, error in self.errors.items():
            error.setObjectName(f"intakeError_{name}")

        left = QVBoxLayout()
        left.addWidget(self._customer_box())
        left.addWidget(self._device_box())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._fault_box())
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Write order"))
        self.save_button.setObjectName("intakeSave")
        self.save_button.setShortcut(QKeySequence("Ctrl+Return"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.errors["general"])
        layout.addWidget(buttons)
        self.resize(960, 640)
        self._set_tab_order()

        self.search("")  # the customers seen most recently
        if customer_id is not None:
            self.choose_customer(customer_id, device_id)

    # -- building ------------------------------------------------------------------

    def _customer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Customer"))
        layout = QVBoxLayout(box)
        self.customer_search = QLineEdit(objectName="intakeCustomerSearch")
        self.customer_search.setPlaceholderText(self.tr("Name, pinyin (ww), phone or customer number"))
        self.customer_search.setClearButtonEnabled(True)
        self.customer_search.textChanged.connect(self.search)
        self.customer_search.returnPressed.connect(self._take_first)
        self.customer_list = QListWidget(objectName="intakeCustomerList")
        self.customer_list.setMaximumHeight(150)
        self.customer_list.itemActivated.connect(lambda item: self.choose_customer(item.data(Qt.ItemDataRole.UserRole)))
        self.customer_list.itemClicked.connect(lambda item: self.choose_customer(item.data(Qt.ItemDataRole.UserRole)))
        self.chosen = QLabel(self.tr("No customer chosen yet."), objectName="intakeCustomerChosen")
        self.chosen.setWordWrap(True)
        self.new_customer_button = QPushButton(self.tr("New customer…"), objectName="intakeNewCustomer")
        self.new_customer_button.setCheckable(True)
        self.new_customer_form = QWidget()
        form = QFormLayout(self.new_customer_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.new_name = QLineEdit(objectName="intakeNewName")
        self.new_company = QLineEdit(objectName="intakeNewCompany")
        self.new_phone = QLineEdit(objectName="intakeNewPhone")
        self.new_address = QLineEdit(objectName="intakeNewAddress")
        create = QPushButton(self.tr("Create customer"), objectName="intakeCreateCustomer")
        create.clicked.connect(self.create_customer)
        form.addRow(self.tr("Name"), self.new_name)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("Company"), self.new_company)
        form.addRow(self.tr("Phone"), self.new_phone)
        form.addRow(self.tr("Address"), self.new_address)
        form.addRow("", create)
        self.new_customer_form.setVisible(False)
        self.new_customer_button.toggled.connect(self.new_customer_form.setVisible)
        layout.addWidget(self.customer_search)
        layout.addWidget(self.customer_list)
        layout.addWidget(self.chosen)
        layout.addWidget(self.errors["customer"])
        layout.addWidget(self.new_customer_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.new_customer_form)
        return box

    def _device_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Device"))
        layout = QVBoxLayout(box)
        self.device = QComboBox(objectName="intakeDevice")
        self.device.addItem(self.tr("(no device recorded)"), None)
        row = QHBoxLayout()
        self.new_brand = QLineEdit(objectName="intakeNewBrand")
        self.new_brand.setPlaceholderText(self.tr("Brand"))
        self.new_model = QLineEdit(objectName="intakeNewModel")
        self.new_model.setPlaceholderText(self.tr("Model"))
        self.new_serial = QLineEdit(objectName="intakeNewSerial")
        self.new_serial.setPlaceholderText(self.tr("Serial no."))
        add = QPushButton(self.tr("Add device"), objectName="intakeAddDevice")
        add.clicked.connect(self.add_device)
        for widget in (self.new_brand, self.new_model, self.new_serial, add):
            row.addWidget(widget)
        layout.addWidget(self.device)
        layout.addWidget(self.errors["device"])
        layout.addLayout(row)
        return box

    def _fault_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Fault"))
        form = QFormLayout(box)
        self.fault = QPlainTextEdit(objectName="intakeFault")
        self.fault.setTabChangesFocus(True)
        self.fault.setPlaceholderText(self.tr("What the customer reports, in their words"))
        self.fault.setMaximumHeight(90)
        self.reported_by = QLineEdit(objectName="intakeReportedBy")
        self.contact_phone = QLineEdit(objectName="intakePhone")
        self.channel = QComboBox(objectName="intakeChannel")
        for key, text in labels.CHANNELS.items():
            self.channel.addItem(labels.translated_in("OrderLabels", text), key)
        self.location = QComboBox(objectName="intakeLocation")
        for key, text in labels.LOCATIONS.items():
            self.location.addItem(labels.translated_in("OrderLabels", text), key)
        self.location.currentIndexChanged.connect(self._location_changed)
        self.address = QLineEdit(objectName="intakeAddress")
        self.priority = QComboBox(objectName="intakePriority")
        for key, text in labels.PRIORITIES.items():
            self.priority.addItem(labels.translated_in("OrderLabels", text), key)
        self.accessories = QLineEdit(objectName="intakeAccessories")
        self.accessories.setPlaceholderText(self.tr("Left with the device: power cord, toner …"))
        self.condition = QLineEdit(objectName="intakeCondition")
        self.condition.setPlaceholderText(self.tr("Scratches, cracks, missing parts …"))
        self.photos = thumbnail_list("intakePhotos")
        add_photos = QPushButton(self.tr("Add photos…"), objectName="intakeAddPhotos")
        add_photos.clicked.connect(self._choose_photos)

        form.addRow(self.tr("Fault *"), self.fault)
        form.addRow("", self.errors["fault"])
        form.addRow(self.tr("Reported by"), self.reported_by)
        form.addRow("", self.errors["reported_by"])
        form.addRow(self.tr("Contact phone"), self.contact_phone)
        form.addRow("", self.errors["contact_phone"])
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Where"), self.location)
        form.addRow(self.tr("On-site address"), self.address)
        form.addRow("", self.errors["address"])
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Accessories"), self.accessories)
        form.addRow(self.tr("Condition"), self.condition)
        form.addRow(self.tr("Photos"), self.photos)
        form.addRow("", add_photos)
        form.addRow("", self.errors["photos"])
        return box

    def _set_tab_order(self) -> None:
        chain = [self.customer_search, self.customer_list, self.device, self.fault, self.reported_by,
                 self.contact_phone, self.channel, self.location, self.address, self.priority, self.accessories,
                 self.condition, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # -- the customer ----------------------------------------------------------------

    def search(self, text: str) -> None:
        actor = self.ctx.actor
        self.ctx.tasks.run(lambda: order_service.find_customers(actor, text, 20), self._show_customers,
                           self._show_general_error, key="intake-customers")

    def _show_customers(self, customers: list[order_service.CustomerChoice]) -> None:
        self.customer_list.clear()
        for customer in customers:
            parts = [customer.number, customer.name]
            if customer.company and customer.company != customer.name:
                parts.append(customer.company)
            if customer.phone:
                parts.append(customer.phone)
            item = QListWidgetItem(" · ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, customer.id)
            self.customer_list.addItem(item)
        if not customers and self.customer_search.text().strip():
            item = QListWidgetItem(self.tr("Nobody found — create the customer below."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.customer_list.addItem(item)

    def _take_first(self) -> None:
        item = self.customer_list.item(0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.choose_customer(item.data(Qt.ItemDataRole.UserRole))

    def choose_customer(self, customer_id: int | None, device_id: int | None = None) -> None:
        if customer_id is None:
            return
        try:
            customer = order_service.get_customer(self.ctx.actor, customer_id)
        except ShopDeskError as exc:
            self._show_field_error(exc, "customer")
            return
        self.customer_id = customer.id
        self.errors["customer"].clear_message()
        text = " · ".join(x for x in (customer.number, customer.name, customer.company, customer.phone,
                                       customer.address) if x)
        self.chosen.setText(self.tr("Customer: {0}").format(text))
        self.reported_by.setText(customer.contact_person or customer.name)
        self.contact_phone.setText(customer.phone)
        self.address.setText(customer.address)
        self._load_devices(device_id)
        self.fault.setFocus()

    def _load_devices(self, select_id: int | None = None) -> None:
        self.device.clear()
        self.device.addItem(self.tr("(no device recorded)"), None)
        if self.customer_id is None:
            return
        for device in order_service.customer_devices(self.ctx.actor, self.customer_id):
            text = " ".join(x for x in (device.brand, device.model) if x)
            if device.serial:
                text = self.tr("{0} (serial {1})").format(text, device.serial)
            self.device.addItem(text, device.id)
        index = self.device.findData(select_id) if select_id is not None else (1 if self.device.count() == 2 else 0)
        self.device.setCurrentIndex(max(0, index))

    def create_customer(self) -> bool:
        self.errors["name"].clear_message()
        try:
            customer = order_service.quick_customer(self.ctx.actor, self.new_name.text(), self.new_phone.text(),
                                                    self.new_address.text(), self.new_company.text())
        except ShopDeskError as exc:
            self._show_field_error(exc, "name")
            return False
        self.new_customer_button.setChecked(False)
        self.choose_customer(customer.id)
        self.ctx.dataChanged.emit("customers")
        return True

    def add_device(self) -> bool:
        self.errors["device"].clear_message()
        if self.customer_id is None:
            self.errors["customer"].show_message(self.tr("Choose or create the customer first."))
            return False
        try:
            device = order_service.quick_device(self.ctx.actor, self.customer_id, self.new_brand.text(),
                                                self.new_model.text(), self.new_serial.text())
        except ShopDeskError as exc:
            self._show_field_error(exc, "device")
            return False
        for box in (self.new_brand, self.new_model, self.new_serial):
            box.clear()
        self._load_devices(device.id)
        return True

    # -- photos and the rest ------------------------------------------------------------

    def _choose_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach photos"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp)"))
        for path in paths:
            self.add_photo(path)

    def add_photo(self, path: str | Path) -> None:
        path = Path(path)
        self.photo_paths.append(path)
        self.photos.addItem(thumbnail_item(path))

    def _location_changed(self) -> None:
        onsite = self.location.currentData() == "onsite"
        self.address.setEnabled(onsite)
        if not onsite:
            self.errors["address"].clear_message()

    def values(self) -> dict:
        return {
            "fault": self.fault.toPlainText(),
            "reported_by": self.reported_by.text(),
            "contact_phone": self.contact_phone.text(),
            "channel": self.channel.currentData(),
            "location": self.location.currentData(),
            "address": self.address.text() if self.location.currentData() == "onsite" else "",
            "priority": self.priority.currentData(),
            "accessories": self.accessories.text(),
            "condition": self.condition.text(),
            "photos": list(self.photo_paths),
        }

    def save(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        if self.customer_id is None:
            self.errors["customer"].show_message(self.tr("Choose or create the customer first."))
            self.customer_search.setFocus()
            return
        if not self.fault.toPlainText().strip():  # checked here for speed; the service checks again
            self.errors["fault"].show_message(self.tr("Describe the fault the customer reports."))
            self.fault.setFocus()
            return
        try:
            order = order_service.create_order(self.ctx.actor, self.customer_id, self.device.currentData(),
                                               **self.values())
        except ShopDeskError as exc:
            self._show_field_error(exc, "general")
            return
        self.ctx.dataChanged.emit("orders")
        self.orderCreated.emit(order.id, order.number)
        self.accept()

    def _show_field_error(self, exc: ShopDeskError, fallback: str) -> None:
        field = getattr(exc, "field", None)
        target = self.errors.get(field) or self.errors[fallback]
        target.show_message(labels.error_text(exc))

    def _show_general_error(self, exc: BaseException) -> None:
        if isinstance(exc, ShopDeskError):
            self.errors["general"].show_message(labels.error_text(exc))
        else:
            raise exc
