"""Who is at the desk: the first-run owner account, sign-in at launch, switch user.

``obtain_actor(ctx)`` is called once at launch; ``switch_user(ctx, parent)``
from the window's File menu (Cancel keeps the current person signed in).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.i18n import Text
from shopdesk.rules import passwords
from shopdesk.services import settings as settings_service
from shopdesk.services import staff as staff_service
from shopdesk.services.context import Actor
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import text_of, translated
from shopdesk.ui.widgets import FieldError, dialog_buttons


def obtain_actor(ctx: AppContext, parent: QWidget | None = None) -> Actor | None:
    """The person who will use the window, or None if they cancelled."""
    if staff_service.needs_first_owner():
        dialog = FirstOwnerDialog(ctx, parent)
    else:
        dialog = SignInDialog(ctx, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.actor if accepted else None


def switch_user(ctx: AppContext, parent: QWidget | None = None) -> Actor | None:
    """Someone else signs in at this desk; None (Cancel) keeps the current person."""
    dialog = SignInDialog(ctx, parent, switching=True)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.actor if accepted else None


def password_message(password: str, role: str) -> str:
    """Why ``password`` cannot be used, in the UI language ("" when it can)."""
    problem = passwords.password_problem(password, role)
    if problem is None:
        return ""
    return text_of(Text("Errors", problem[0], **problem[1]))


def grow_to_fit(dialog: QDialog) -> None:
    """Make room for a message that just appeared, instead of squeezing the fields."""
    dialog.layout().activate()
    hint = dialog.sizeHint()
    if hint.height() > dialog.height() or hint.width() > dialog.width():
        dialog.resize(max(hint.width(), dialog.width()), max(hint.height(), dialog.height()))


def _enable_default(button: QPushButton) -> None:
    # Disabling the default button hands "default" to Cancel; take it back, or
    # the next Enter in the password field would cancel instead of signing in.
    button.setEnabled(True)
    button.setDefault(True)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    return label


def _hint(text: str, name: str = "") -> QLabel:
    label = QLabel(text, objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid);")
    return label


class SignInDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, switching: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Switch user") if switching else self.tr("Sign in to ShopDesk"))
        self.setMinimumWidth(380)

        layout = QVBoxLayout(self)
        layout.addWidget(_heading(settings_service.current().name or self.tr("ShopDesk")))
        if switching and ctx.signed_in:
            layout.addWidget(_hint(self.tr("{0} is signed in now. Cancel keeps them signed in.").format(ctx.actor.name),
                                   "currentUserHint"))
        form = QFormLayout()
        self.username = QLineEdit(objectName="username")
        self.username.setMaxLength(40)
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(passwords.MAX_PASSWORD_LENGTH)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        layout.addLayout(form)
        self.message = FieldError("signInMessage")
        layout.addWidget(self.message)
        layout.addWidget(_hint(self.tr("Database: {0}").format(ctx.database_label), "signInDatabase"))

        buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton(self.tr("Sign in"), objectName="signIn")
        self.sign_in_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancelSignIn")
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        self.cancel_button.clicked.connect(self.reject)
        self.username.setFocus()

    def try_sign_in(self) -> None:
        username = self.username.text().strip()
        if not username:
            self._refuse(self.tr("Type your user name."), self.username)
            return
        if not self.password.text():
            self._refuse(self.tr("Type your password."), self.password)
            return
        password = self.password.text()
        self.sign_in_button.setEnabled(False)
        self.message.show_message(self.tr("Signing in…"))
        self.ctx.tasks.run(lambda: staff_service.sign_in(username, password, self.ctx.clock),
                           self._signed_in, self._refused, key="signIn")

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.password.clear()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        _enable_default(self.sign_in_button)
        if not isinstance(error, ShopDeskError):
            raise error
        self.password.clear()
        self._refuse(translated(error), self.password)

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self.message.show_message(text)
        grow_to_fit(self)
        field.setFocus()


class FirstOwnerDialog(QDialog):
    """A new shop database: the owner makes their account and chooses the password."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("firstOwnerDialog")
        self.setWindowTitle(self.tr("Create the owner account"))
        self.setMinimumWidth(460)

        layout = QVBoxLayout(self)
        layout.addWidget(_heading(self.tr("Welcome to ShopDesk")))
        intro = QLabel(self.tr(
            "This shop database has no accounts yet. Create the owner's account first: the owner adds "
            "the staff, and manages prices, the ledger and settings. There is no default password; "
            "choose one only you know."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name = QLineEdit(objectName="ownerName")
        self.name.setMaxLength(80)
        self.name.setPlaceholderText(self.tr("as staff and customers know you"))
        self.username = QLineEdit(objectName="username")
        self.username.setMaxLength(40)
        self.username.setPlaceholderText(self.tr("used to sign in, e.g. wangwei"))
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(passwords.MAX_PASSWORD_LENGTH)
        self.password.setPlaceholderText(self.tr("at least {0} characters").format(passwords.MIN_PASSWORD_LENGTH))
        self.password_again = QLineEdit(objectName="passwordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.setMaxLength(passwords.MAX_PASSWORD_LENGTH)
        self.errors = {key: FieldError() for key in ("name", "username", "password", "password_again")}
        for key, error in self.errors.items():
            error.setObjectName(f"{key}Error")
        form.addRow(self.tr("Your &name"), self.name)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("&User name"), self.username)
        form.addRow("", self.errors["username"])
        form.addRow(self.tr("&Password"), self.password)
        form.addRow("", self.errors["password"])
        form.addRow(self.tr("Password &again"), self.password_again)
        form.addRow("", self.errors["password_again"])
        layout.addLayout(form)
        self.message = FieldError("signInMessage")
        layout.addWidget(self.message)
        layout.addWidget(_hint(self.tr("Database: {0}").format(ctx.database_label), "signInDatabase"))

        self.create_button = QPushButton(self.tr("Create the owner account"), objectName="createOwner")
        layout.addWidget(dialog_buttons(self, self.create_button, self.try_create, "cancelSignIn"))
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fields(self) -> dict[str, QLineEdit]:
        return {"name": self.name, "username": self.username, "password": self.password,
                "password_again": self.password_again}

    def problems(self) -> dict[str, str]:
        """What the form cannot save, by field, checked before asking the service."""
        found = {}
        if not self.name.text().strip():
            found["name"] = self.tr("Type your name.")
        if not self.username.text().strip():
            found["username"] = self.tr("Choose a user name.")
        elif any(ch.isspace() for ch in self.username.text().strip()):
            found["username"] = self.tr("The user name cannot contain spaces.")
        message = password_message(self.password.text(), "owner")
        if message:
            found["password"] = message
        elif self.password.text() != self.password_again.text():
            found["password_again"] = self.tr("The two passwords differ.")
        return found

    def try_create(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.message.clear_message()
        found = self.problems()
        if found:
            self._show_problems(found)
            return
        name, username, password = self.name.text(), self.username.text(), self.password.text()
        self.create_button.setEnabled(False)
        self.ctx.tasks.run(lambda: staff_service.create_first_owner(name, username, password, self.ctx.clock),
                           self._created, self._refused, key="firstOwner")

    def _show_problems(self, found: dict[str, str]) -> None:
        fields = self._fields()
        for key, text in found.items():
            self.errors[key].show_message(text)
        grow_to_fit(self)
        first = next(key for key in fields if key in found)
        fields[first].setFocus()

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.password.clear()
        self.password_again.clear()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        _enable_default(self.create_button)
        if not isinstance(error, ShopDeskError):
            raise error
        field = getattr(error, "field", None)
        if field in self.errors:
            self._show_problems({field: translated(error)})
        else:
            self.message.show_message(translated(error))
            grow_to_fit(self)
