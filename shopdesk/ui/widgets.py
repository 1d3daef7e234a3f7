"""Small widgets shared by the areas."""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget


# The one colour of what needs attention: errors, late orders, money missing, the offline mark.
ATTENTION = "#b00020"


class EmptyState(QWidget):
    """A centred hint shown where a list has nothing to show yet."""

    def __init__(self, title: str, hint: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel(hint)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addStretch(2)


class FieldError(QLabel):
    """The message shown under a form field that cannot be saved."""

    def __init__(self, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.setStyleSheet(f"color: {ATTENTION};")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def add_checked_rows(form: QFormLayout, rows: Iterable[tuple[str, str, QWidget]],
                     errors: dict[str, FieldError]) -> None:
    """Each field of a form with its message right under it: (key, label, widget) rows."""
    for key, label, widget in rows:
        form.addRow(label, widget)
        form.addRow("", errors[key])


def dialog_buttons(dialog: QDialog, action: QPushButton, on_action: Callable[[], None], cancel_name: str,
                   *, cancel_by_default: bool = False) -> QDialogButtonBox:
    """The dialog's action button and Cancel (which closes it). The action is the
    default button, unless Enter alone must not do it (``cancel_by_default``)."""
    cancel = QPushButton(QCoreApplication.translate("Dialogs", "Cancel"), objectName=cancel_name)
    (cancel if cancel_by_default else action).setDefault(True)
    buttons = QDialogButtonBox()
    buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    action.clicked.connect(on_action)
    cancel.clicked.connect(dialog.reject)
    return buttons
