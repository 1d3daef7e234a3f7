"""Dialogs of the customer file: new customer (with the duplicate warning),
device, contract or rental, and merging two files."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError, ValidationError
from shopdesk.rules.money import format_yuan, parse_yuan
from shopdesk.services import customers as customer_service
from shopdesk.services import search as search_service
from shopdesk.services.customers import DEVICE_CATEGORIES, ContractRow, DeviceRow
from shopdesk.ui.context import AppContext
from shopdesk.ui.customers.form import CustomerForm, date_of, optional_date_edit, set_date, with_error
from shopdesk.ui.customers.labels import category_label, contract_kind_label
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import FieldError


class NewCustomerDialog(QDialog):
    """Warns of likely duplicates (same phone, or same name and company) before saving."""

    customerCreated = Signal(int)
    openExisting = Signal(int)

    def __init__(self, ctx: AppContext, regions: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newCustomerDialog")
        self.setWindowTitle(self.tr("New customer"))
        self.created_id: int | None = None
        self._warned_for: tuple | None = None

        self.form = CustomerForm(regions, prefix="new")
        self.duplicate_note = QLabel(objectName="duplicateWarning")
        self.duplicate_note.setWordWrap(True)
        self.duplicate_note.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.duplicates = QListWidget(objectName="duplicateList")
        self.duplicates.setMaximumHeight(90)
        self.duplicates.itemActivated.connect(self._open_duplicate)
        self.duplicate_note.hide()
        self.duplicates.hide()
        self.status = QLabel(objectName="newCustomerStatus")
        self.status.setWordWrap(True)

        self.save_button = QPushButton(self.tr("Save"), objectName="saveNewCustomer")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"), objectName="cancelNewCustomer")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.duplicate_note)
        layout.addWidget(self.duplicates)
        layout.addLayout(buttons)
        self.form.edited.connect(self._forget_warning)
        self.resize(520, self.sizeHint().height())

    def _key(self, values: dict) -> tuple:
        return values["name"], values["company"], values["phone"], values["phone2"]

    def _forget_warning(self) -> None:
        if self._warned_for is not None and self._key(self.form.values()) != self._warned_for:
            self._warned_for = None
            self.save_button.setText(self.tr("Save"))

    def save(self) -> None:
        self.status.clear()
        if not self.form.check():
            return
        values = self.form.values()
        if self._warned_for != self._key(values) and self._warn_of_duplicates(values):
            return
        try:
            customer = customer_service.create(self.ctx.actor, **values)
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self.created_id = customer.id
        self.customerCreated.emit(customer.id)
        self.ctx.dataChanged.emit("customers")
        self.accept()

    def _warn_of_duplicates(self, values: dict) -> bool:
        found = customer_service.likely_duplicates(
            self.ctx.actor, phone=values["phone"], phone2=values["phone2"], name=values["name"], company=values["company"])
        self.duplicates.clear()
        if not found:
            self.duplicate_note.hide()
            self.duplicates.hide()
            return False
        for dup in found:
            reason = self.tr("same phone") if dup.reason == "phone" else self.tr("same name and company")
            archived = self.tr(" — archived") if dup.archived else ""
            item = QListWidgetItem(f"{dup.number}  {dup.name}  {dup.company}  {dup.phone}  ({reason}){archived}")
            item.setData(Qt.ItemDataRole.UserRole, dup.customer_id)
            self.duplicates.addItem(item)
        self.duplicate_note.setText(self.tr(
            "This may be a customer you already have. Double-click a file to open it, or press Save anyway."))
        self.duplicate_note.show()
        self.duplicates.show()
        self._warned_for = self._key(values)
        self.save_button.setText(self.tr("Save anyway"))
        return True

    def _open_duplicate(self, item: QListWidgetItem) -> None:
        self.openExisting.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.reject()


class _RecordDialog(QDialog):
    """A dialog that saves one record of the file: ``saved`` carries its id."""

    saved = Signal(int)
    errors: dict[str, FieldError]  # by field, and "other" for the rest

    def _save_and_close(self, write: Callable[[], Any]) -> None:
        """``write()`` the record and close; a refusal shows beside its field and the dialog stays."""
        for error in self.errors.values():
            error.clear_message()
        try:
            saved = write()
        except ValidationError as exc:
            self.errors.get(exc.field or "", self.errors["other"]).show_message(translated(exc))
            return
        except ShopDeskError as exc:
            self.errors["other"].show_message(translated(exc))
            return
        self.saved.emit(saved.id)
        self.accept()


class DeviceDialog(_RecordDialog):

    def __init__(self, ctx: AppContext, customer_id: int, device: DeviceRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.customer_id, self.device = ctx, customer_id, device
        self.setObjectName("deviceDialog")
        self.setWindowTitle(self.tr("Edit device") if device else self.tr("Add device"))
        self.category = QComboBox(objectName="deviceCategory")
        for key in DEVICE_CATEGORIES:
            self.category.addItem(category_label(key), key)
        self.brand = QLineEdit(objectName="deviceBrand")
        self.model = QLineEdit(objectName="deviceModel")
        self.serial = QLineEdit(objectName="deviceSerial")
        self.purchase_date = optional_date_edit("devicePurchaseDate")
        self.purchase_date.setMaximumDate(QDate.currentDate())
        self.warranty_months = QSpinBox(objectName="deviceWarrantyMonths")
        self.warranty_months.setRange(0, customer_service.MAX_WARRANTY_MONTHS)
        self.warranty_months.setSuffix(self.tr(" months"))
        self.owned_by_shop = QCheckBox(self.tr("The shop's own copier (rented out)"), objectName="deviceOwnedByShop")
        self.notes = QPlainTextEdit(objectName="deviceNotes")
        self.notes.setMaximumHeight(60)
        self.archived = QCheckBox(self.tr("No longer in use (archived)"), objectName="deviceArchived")
        self.errors = {key: FieldError() for key in ("brand", "purchase_date", "warranty_months", "other")}

        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Brand"), with_error(self.brand, self.errors["brand"]))
        form.addRow(self.tr("Model"), self.model)
        form.addRow(self.tr("Serial number"), self.serial)
        form.addRow(self.tr("Purchase date"), with_error(self.purchase_date, self.errors["purchase_date"]))
        form.addRow(self.tr("Warranty"), with_error(self.warranty_months, self.errors["warranty_months"]))
        form.addRow("", self.owned_by_shop)
        form.addRow(self.tr("Notes"), with_error(self.notes, self.errors["other"]))
        if device:
            form.addRow("", self.archived)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveDevice")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if device:
            self._show(device)

    def _show(self, d: DeviceRow) -> None:
        index = self.category.findData(d.category)
        if index < 0:
            self.category.addItem(d.category, d.category)
            index = self.category.count() - 1
        self.category.setCurrentIndex(index)
        self.brand.setText(d.brand)
        self.model.setText(d.model)
        self.serial.setText(d.serial)
        set_date(self.purchase_date, d.purchase_date)
        self.warranty_months.setValue(d.warranty_months)
        self.owned_by_shop.setChecked(d.owned_by_shop)
        self.notes.setPlainText(d.notes)
        self.archived.setChecked(d.archived)

    def values(self) -> dict:
        values = {
            "category": self.category.currentData(), "brand": self.brand.text(), "model": self.model.text(),
            "serial": self.serial.text(), "purchase_date": date_of(self.purchase_date),
            "warranty_months": self.warranty_months.value(), "owned_by_shop": self.owned_by_shop.isChecked(),
            "notes": self.notes.toPlainText(),
        }
        if self.device:
            values["archived"] = self.archived.isChecked()
        return values

    def save(self) -> None:
        self._save_and_close(self._write)

    def _write(self):
        if self.device:
            return customer_service.update_device(self.ctx.actor, self.device.id, self.device.version, **self.values())
        return customer_service.add_device(self.ctx.actor, self.customer_id, **self.values())


class ContractDialog(_RecordDialog):
    """A service contract (what it covers) or a rental (copier, monthly fee, pages)."""

    def __init__(self, ctx: AppContext, customer_id: int, devices: list[DeviceRow],
                 contract: ContractRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.customer_id, self.contract = ctx, customer_id, contract
        self.setObjectName("contractDialog")
        self.setWindowTitle(self.tr("Edit contract") if contract else self.tr("Add contract or rental"))
        self.kind = QComboBox(objectName="contractKind")
        for key in ("service", "rental"):
            self.kind.addItem(contract_kind_label(key), key)
        self.device = QComboBox(objectName="contractDevice")
        self.device.addItem(self.tr("All the customer's devices"), None)
        for d in devices:
            self.device.addItem(d.label or category_label(d.category), d.id)
        today = QDate.currentDate()
        self.starts_on = QDateEdit(today, objectName="contractStarts")
        self.ends_on = QDateEdit(today.addYears(1).addDays(-1), objectName="contractEnds")
        for edit in (self.starts_on, self.ends_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.covers_labour = QCheckBox(self.tr("Labour"), objectName="coversLabour")
        self.covers_parts = QCheckBox(self.tr("Parts"), objectName="coversParts")
        self.covers_travel = QCheckBox(self.tr("Travel"), objectName="coversTravel")
        self.covers_labour.setChecked(True)
        self.covers_travel.setChecked(True)
        self.monthly_fee = QLineEdit("0.00", objectName="contractMonthlyFee")
        self.pages_included = QSpinBox(objectName="contractPagesIncluded")
        self.pages_included.setRange(0, 10_000_000)
        self.price_per_page = QLineEdit("0.00", objectName="contractPricePerPage")
        self.notes = QPlainTextEdit(objectName="contractNotes")
        self.notes.setMaximumHeight(60)
        self.archived = QCheckBox(self.tr("Cancelled (archived)"), objectName="contractArchived")
        self.errors = {key: FieldError() for key in ("kind", "device_id", "starts_on", "ends_on", "monthly_fee",
                                                     "price_per_page", "pages_included", "other")}
        covers = QHBoxLayout()
        for box in (self.covers_labour, self.covers_parts, self.covers_travel):
            covers.addWidget(box)
        covers.addStretch(1)

        covers_box = QWidget()
        covers_box.setLayout(covers)
        covers.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow(self.tr("Type"), with_error(self.kind, self.errors["kind"]))
        form.addRow(self.tr("Device"), with_error(self.device, self.errors["device_id"]))
        form.addRow(self.tr("From"), with_error(self.starts_on, self.errors["starts_on"]))
        form.addRow(self.tr("Until (inclusive)"), with_error(self.ends_on, self.errors["ends_on"]))
        form.addRow(self.tr("Covers"), covers_box)
        form.addRow(self.tr("Monthly fee (¥)"), with_error(self.monthly_fee, self.errors["monthly_fee"]))
        form.addRow(self.tr("Pages included per month"), with_error(self.pages_included, self.errors["pages_included"]))
        form.addRow(self.tr("Price per extra page (¥)"), with_error(self.price_per_page, self.errors["price_per_page"]))
        form.addRow(self.tr("Notes"), with_error(self.notes, self.errors["other"]))
        if contract:
            form.addRow("", self.archived)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveContract")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if contract:
            self._show(contract)
        self._kind_changed()

    def _kind_changed(self) -> None:
        rental = self.kind.currentData() == "rental"
        for box in (self.covers_labour, self.covers_parts, self.covers_travel):
            box.setEnabled(not rental)  # a rental covers everything: the copier is the shop's
        for widget in (self.monthly_fee, self.pages_included, self.price_per_page):
            widget.setEnabled(rental)

    def _show(self, c: ContractRow) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.kind)))
        self.device.setCurrentIndex(max(0, self.device.findData(c.device_id)))
        self.starts_on.setDate(QDate(c.starts_on))
        self.ends_on.setDate(QDate(c.ends_on))
        self.covers_labour.setChecked(c.covers_labour)
        self.covers_parts.setChecked(c.covers_parts)
        self.covers_travel.setChecked(c.covers_travel)
        self.monthly_fee.setText(format_yuan(c.monthly_fee).lstrip("¥").replace(",", ""))
        self.pages_included.setValue(c.pages_included)
        self.price_per_page.setText(format_yuan(c.price_per_page).lstrip("¥").replace(",", ""))
        self.notes.setPlainText(c.notes)
        self.archived.setChecked(c.archived)

    def values(self) -> dict:
        values = {
            "kind": self.kind.currentData(), "device_id": self.device.currentData(),
            "starts_on": self.starts_on.date().toPython(), "ends_on": self.ends_on.date().toPython(),
            "covers_labour": self.covers_labour.isChecked(), "covers_parts": self.covers_parts.isChecked(),
            "covers_travel": self.covers_travel.isChecked(), "pages_included": self.pages_included.value(),
            "notes": self.notes.toPlainText(),
        }
        for key in ("monthly_fee", "price_per_page"):
            try:
                values[key] = parse_yuan(getattr(self, key).text() or "0")
            except ValidationError as exc:
                exc.field = key
                raise
        if self.contract:
            values["archived"] = self.archived.isChecked()
        return values

    def save(self) -> None:
        self._save_and_close(self._write)

    def _write(self):
        values = self.values()
        if self.contract:
            return customer_service.update_contract(self.ctx.actor, self.contract.id, self.contract.version, **values)
        return customer_service.add_contract(self.ctx.actor, self.customer_id, **values)


class MergeDialog(QDialog):
    """Find the duplicate file and merge it into the one kept (shown)."""

    merged = Signal(int)

    def __init__(self, ctx: AppContext, keep_id: int, keep_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.keep_id = ctx, keep_id
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge a duplicate file"))
        intro = QLabel(self.tr("Find the duplicate of {0}. Its devices, contracts, orders and history move to {0}; "
                               "the duplicate is archived.").format(keep_label))
        intro.setWordWrap(True)
        self.search = QLineEdit(objectName="mergeSearch")
        self.search.setPlaceholderText(self.tr("Name, phone or customer number of the duplicate"))
        self.search.textEdited.connect(self._find)
        self.results = QListWidget(objectName="mergeResults")
        self.results.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.status = QLabel(objectName="mergeStatus")
        self.status.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("Merge into this file"), objectName="confirmMerge")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addLayout(buttons)
        self.resize(520, 360)

    def _find(self, text: str) -> None:
        self.ctx.tasks.run(lambda: search_service.find(self.ctx.actor, text, limit=30, include_archived=False),
                           self._show_results, self._failed, key="customer-merge-search")

    def _show_results(self, hits) -> None:
        self.results.clear()
        for hit in hits:
            if hit.customer_id == self.keep_id:
                continue
            item = QListWidgetItem(f"{hit.number}  {hit.name}  {hit.company}  {hit.phone}")
            item.setData(Qt.ItemDataRole.UserRole, hit.customer_id)
            self.results.addItem(item)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ShopDeskError):
            self.status.setText(translated(error))
        else:
            raise error

    def _selection_changed(self) -> None:
        self.merge_button.setEnabled(self.results.currentItem() is not None)

    def merge(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        try:
            customer_service.merge(self.ctx.actor, self.keep_id, int(item.data(Qt.ItemDataRole.UserRole)))
        except ShopDeskError as exc:
            self.status.setText(translated(exc))
            return
        self.ctx.dataChanged.emit("customers")
        self.merged.emit(self.keep_id)
        self.accept()
