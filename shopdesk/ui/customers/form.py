"""The customer's details as a form, shared by the New customer dialog and the
file view: the same fields, the same messages beside the fields."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from shopdesk.errors import ValidationError
from shopdesk.models import Customer
from shopdesk.rules import search as search_rules
from shopdesk.services import customers as customer_service
from shopdesk.ui.customers.labels import kind_label
from shopdesk.ui.messages import text_of, translated
from shopdesk.ui.widgets import FieldError

NO_DATE = QDate(1900, 1, 1)  # shown as "—": no birthday given


def optional_date_edit(name: str) -> QDateEdit:
    """A date field that may be empty (its minimum date stands for "none")."""
    edit = QDateEdit(objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)
    return edit


def date_of(edit: QDateEdit) -> dt.date | None:
    value = edit.date()
    return None if value == edit.minimumDate() else value.toPython()


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    edit.setDate(QDate(value) if value else edit.minimumDate())


def with_error(field: QWidget, error: FieldError) -> QWidget:
    """The field with its message right under it (taking no room while hidden)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class CustomerForm(QWidget):
    """Name and at least one phone are required; phones and e-mail are checked as typed."""

    edited = Signal()

    FIELDS = ("kind", "name", "company", "contact_person", "phone", "phone2", "email", "address", "region",
              "birthday", "birthday_is_lunar", "notes")

    def __init__(self, regions: list[str] | None = None, prefix: str = "customer", parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox(objectName=f"{prefix}Kind")
        for key in ("walk_in", "contract", "rental"):
            self.kind.addItem(kind_label(key), key)
        self.name = QLineEdit(objectName=f"{prefix}Name")
        self.company = QLineEdit(objectName=f"{prefix}Company")
        self.contact_person = QLineEdit(objectName=f"{prefix}Contact")
        self.phone = QLineEdit(objectName=f"{prefix}Phone")
        self.phone.setPlaceholderText(self.tr("Mobile (11 digits) or landline with area code"))
        self.phone2 = QLineEdit(objectName=f"{prefix}Phone2")
        self.email = QLineEdit(objectName=f"{prefix}Email")
        self.address = QLineEdit(objectName=f"{prefix}Address")
        self.region = QComboBox(objectName=f"{prefix}Region")
        self.region.setEditable(True)
        self.region.addItems([""] + list(regions or []))
        self.birthday = optional_date_edit(f"{prefix}Birthday")
        self.birthday.setMaximumDate(QDate.currentDate())
        self.birthday_is_lunar = QCheckBox(self.tr("Lunar calendar (农历)"), objectName=f"{prefix}Lunar")
        self.notes = QPlainTextEdit(objectName=f"{prefix}Notes")
        self.notes.setMaximumHeight(80)
        self.errors = {key: FieldError() for key in ("name", "phone", "phone2", "email", "birthday", "kind", "other")}
        for key, error in self.errors.items():
            error.setObjectName(f"{prefix}{key.title().replace('_', '')}Error")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Name *"), with_error(self.name, self.errors["name"]))
        form.addRow(self.tr("Company"), self.company)
        form.addRow(self.tr("Contact person"), self.contact_person)
        form.addRow(self.tr("Phone *"), with_error(self.phone, self.errors["phone"]))
        form.addRow(self.tr("Second phone"), with_error(self.phone2, self.errors["phone2"]))
        form.addRow(self.tr("E-mail"), with_error(self.email, self.errors["email"]))
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Region"), self.region)
        birthday_row = QHBoxLayout()
        birthday_row.setContentsMargins(0, 0, 0, 0)
        birthday_row.addWidget(self.birthday)
        birthday_row.addWidget(self.birthday_is_lunar)
        birthday_row.addStretch(1)
        birthday = QWidget()
        birthday.setLayout(birthday_row)
        form.addRow(self.tr("Birthday"), with_error(birthday, self.errors["birthday"]))
        form.addRow(self.tr("Notes"), with_error(self.notes, self.errors["other"]))

        for edit in (self.name, self.company, self.contact_person, self.phone, self.phone2, self.email, self.address):
            edit.textEdited.connect(lambda _text: self.edited.emit())
        self.phone.editingFinished.connect(lambda: self._check_one("phone"))
        self.phone2.editingFinished.connect(lambda: self._check_one("phone2"))
        self.email.editingFinished.connect(lambda: self._check_one("email"))

    # -- values -------------------------------------------------------------------------

    def values(self) -> dict:
        return {
            "kind": self.kind.currentData(),
            "name": self.name.text().strip(),
            "company": self.company.text().strip(),
            "contact_person": self.contact_person.text().strip(),
            "phone": self.phone.text().strip(),
            "phone2": self.phone2.text().strip(),
            "email": self.email.text().strip(),
            "address": self.address.text().strip(),
            "region": self.region.currentText().strip(),
            "birthday": date_of(self.birthday),
            "birthday_is_lunar": self.birthday_is_lunar.isChecked(),
            "notes": self.notes.toPlainText().strip(),
        }

    def set_customer(self, customer: Customer) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(customer.kind)))
        for key in ("name", "company", "contact_person", "phone", "phone2", "email", "address"):
            getattr(self, key).setText(getattr(customer, key) or "")
        self.region.setCurrentText(customer.region or "")
        set_date(self.birthday, customer.birthday)
        self.birthday_is_lunar.setChecked(bool(customer.birthday_is_lunar))
        self.notes.setPlainText(customer.notes or "")
        self.clear_errors()

    def set_regions(self, regions: list[str]) -> None:
        current = self.region.currentText()
        self.region.clear()
        self.region.addItems([""] + regions)
        self.region.setCurrentText(current)

    def set_editable(self, editable: bool) -> None:
        for widget in (self.kind, self.name, self.company, self.contact_person, self.phone, self.phone2, self.email,
                       self.address, self.region, self.birthday, self.birthday_is_lunar):
            widget.setEnabled(editable)
        self.notes.setReadOnly(not editable)

    # -- messages beside the fields -------------------------------------------------------

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()

    def check(self) -> bool:
        """Check what was typed before asking the service (which checks again)."""
        self.clear_errors()
        values = self.values()
        ok = True
        if not values["name"]:
            self.errors["name"].show_message(text_of(_required(customer_service.NAME_REQUIRED)))
            ok = False
        if not (values["phone"] or values["phone2"]):
            self.errors["phone"].show_message(text_of(_required(customer_service.PHONE_REQUIRED)))
            ok = False
        for key in ("phone", "phone2", "email"):
            ok = self._check_one(key) and ok
        return ok

    def _check_one(self, key: str) -> bool:
        check = search_rules.check_email if key == "email" else search_rules.check_phone
        try:
            check(getattr(self, key).text(), field=key)
        except ValidationError as exc:
            self.errors[key].show_message(translated(exc))
            return False
        if key != "phone" or self.phone.text().strip() or self.phone2.text().strip():
            self.errors[key].clear_message()
        return True

    def show_error(self, error: ValidationError) -> None:
        """Put the service's message beside its field (and the cursor in the field)."""
        key = error.field if error.field in self.errors else "other"
        self.errors[key].show_message(translated(error))
        widget = getattr(self, error.field, None) if error.field else None
        if isinstance(widget, QWidget):
            widget.setFocus()


def _required(source: str):
    from shopdesk.i18n import Text

    return Text("Errors", source)
