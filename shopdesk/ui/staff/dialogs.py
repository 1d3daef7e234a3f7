"""Adding or editing a person, and the owner setting a new password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.models import Staff
from shopdesk.models.staff import ROLES
from shopdesk.rules import passwords
from shopdesk.services import staff as staff_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import tr_role
from shopdesk.ui.messages import translated
from shopdesk.ui.signin import grow_to_fit, password_message
from shopdesk.ui.widgets import FieldError, dialog_buttons


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(passwords.MAX_PASSWORD_LENGTH)
    return field


class _FormDialog(QDialog):
    """A form whose fields each have an error line under them."""

    def _setup(self, title: str, save_text: str, save_name: str) -> QFormLayout:
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.errors: dict[str, FieldError] = {}
        self.fields: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.message = FieldError("dialogMessage")
        layout.addWidget(self.message)
        self.save_button = QPushButton(save_text, objectName=save_name)
        layout.addWidget(dialog_buttons(self, self.save_button, self.save, "cancelDialog"))
        return form

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        self.fields[key] = widget
        self.errors[key] = FieldError(f"{key}Error")
        form.addRow(label, widget)
        form.addRow("", self.errors[key])

    def _clear_messages(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.message.clear_message()

    def show_problems(self, found: dict[str, str]) -> None:
        for key, text in found.items():
            if key in self.errors:
                self.errors[key].show_message(text)
            else:
                self.message.show_message(text)
        grow_to_fit(self)
        first = next((key for key in self.fields if key in found), None)
        if first:
            self.fields[first].setFocus()

    def show_error(self, error: ShopDeskError) -> None:
        field = getattr(error, "field", None)
        self.show_problems({field if field in self.errors else "": translated(error)})


class StaffDialog(_FormDialog):
    """Add a person (with their first password) or edit one (``staff`` given)."""

    def __init__(self, ctx: AppContext, staff: Staff | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.staff = staff
        self.saved: Staff | None = None
        self.setObjectName("staffDialog")
        adding = staff is None
        form = self._setup(self.tr("Add a person") if adding else self.tr("Edit {0}").format(staff.name),
                           self.tr("Add") if adding else self.tr("Save"), "saveStaff")
        self.name = QLineEdit(objectName="staffName")
        self.name.setMaxLength(80)
        self.username = QLineEdit(objectName="staffUsername")
        self.username.setMaxLength(40)
        self.username.setPlaceholderText(self.tr("used to sign in, e.g. xiaoli"))
        self.role = QComboBox(objectName="staffRole")
        for role in ROLES:
            self.role.addItem(tr_role(role), role)
        self.phone = QLineEdit(objectName="staffPhone")
        self.phone.setMaxLength(40)
        self.region = QLineEdit(objectName="staffRegion")
        self.region.setMaxLength(60)
        self.region.setPlaceholderText(self.tr("the area they serve"))
        self._add(form, "name", self.tr("&Name"), self.name)
        self._add(form, "username", self.tr("&User name"), self.username)
        self._add(form, "role", self.tr("&Role"), self.role)
        self._add(form, "phone", self.tr("P&hone"), self.phone)
        self._add(form, "region", self.tr("Re&gion"), self.region)
        self.password = self.password_again = None
        if adding:
            self.password = _secret_field("staffPassword")
            self.password_again = _secret_field("staffPasswordAgain")
            self._add(form, "password", self.tr("&Password"), self.password)
            self._add(form, "password_again", self.tr("Password &again"), self.password_again)
            self.password_hint = QLabel(objectName="passwordHint")
            self.password_hint.setWordWrap(True)
            self.password_hint.setStyleSheet("color: palette(mid);")
            form.addRow("", self.password_hint)
            self.role.currentIndexChanged.connect(self._show_password_hint)
            self._show_password_hint()
        else:
            self.name.setText(staff.name)
            self.username.setText(staff.username)
            self.role.setCurrentIndex(max(0, self.role.findData(staff.role)))
            self.phone.setText(staff.phone)
            self.region.setText(staff.region)
        self.name.setFocus()

    def _show_password_hint(self) -> None:
        if self.role.currentData() in passwords.PIN_ROLES:
            text = self.tr("At least {0} characters, or a PIN of at least {1} digits.").format(
                passwords.MIN_PASSWORD_LENGTH, passwords.MIN_PIN_DIGITS)
        else:
            text = self.tr("At least {0} characters.").format(passwords.MIN_PASSWORD_LENGTH)
        self.password_hint.setText(text)

    def values(self) -> dict:
        return {
            "name": self.name.text().strip(),
            "username": self.username.text().strip(),
            "role": self.role.currentData(),
            "phone": self.phone.text().strip(),
            "region": self.region.text().strip(),
        }

    def problems(self) -> dict[str, str]:
        found = {}
        values = self.values()
        if not values["name"]:
            found["name"] = self.tr("Type the person's name.")
        if not values["username"]:
            found["username"] = self.tr("Choose a user name.")
        elif any(ch.isspace() for ch in values["username"]):
            found["username"] = self.tr("The user name cannot contain spaces.")
        if self.password is not None:
            message = password_message(self.password.text(), values["role"])
            if message:
                found["password"] = message
            elif self.password.text() != self.password_again.text():
                found["password_again"] = self.tr("The two passwords differ.")
        return found

    def save(self) -> None:
        self._clear_messages()
        found = self.problems()
        if found:
            self.show_problems(found)
            return
        try:
            if self.staff is None:
                self.saved = staff_service.create_staff(self.ctx.actor, password=self.password.text(), **self.values())
            else:
                self.saved = staff_service.update_staff(self.ctx.actor, self.staff.id, self.staff.version,
                                                        **self.values())
        except ShopDeskError as exc:
            self.show_error(exc)  # the form keeps what was typed
            return
        self.accept()


class ResetPasswordDialog(_FormDialog):
    """The owner sets a new password (or PIN) for someone who forgot theirs."""

    def __init__(self, ctx: AppContext, staff: Staff, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.staff = staff
        self.setObjectName("resetPasswordDialog")
        form = self._setup(self.tr("New password for {0}").format(staff.name), self.tr("Set password"), "setPassword")
        intro = QLabel(self.tr("{0} signs in with this from now on; it also lifts a lock after wrong passwords.")
                       .format(staff.name))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.password = _secret_field("newPassword")
        self.password_again = _secret_field("newPasswordAgain")
        self._add(form, "password", self.tr("New &password"), self.password)
        self._add(form, "password_again", self.tr("Password &again"), self.password_again)
        if staff.role in passwords.PIN_ROLES:
            hint = self.tr("At least {0} characters, or a PIN of at least {1} digits.").format(
                passwords.MIN_PASSWORD_LENGTH, passwords.MIN_PIN_DIGITS)
        else:
            hint = self.tr("At least {0} characters.").format(passwords.MIN_PASSWORD_LENGTH)
        self.password.setPlaceholderText(hint)
        self.password.setFocus()

    def save(self) -> None:
        self._clear_messages()
        message = password_message(self.password.text(), self.staff.role)
        if message:
            self.show_problems({"password": message})
            return
        if self.password.text() != self.password_again.text():
            self.show_problems({"password_again": self.tr("The two passwords differ.")})
            return
        try:
            staff_service.reset_password(self.ctx.actor, self.staff.id, self.password.text())
        except ShopDeskError as exc:
            self.show_error(exc)
            return
        self.accept()
