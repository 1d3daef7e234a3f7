"""Showing ShopDesk errors to a person: translated, in a dialog or beside a field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from shopdesk.errors import ShopDeskError


def translated(error: ShopDeskError) -> str:
    return error.message.render(QCoreApplication.translate)


def text_of(message) -> str:
    """Render a shopdesk.i18n.Text (or plain str) in the UI language."""
    render = getattr(message, "render", None)
    return render(QCoreApplication.translate) if render else str(message)


def show_error(parent: QWidget | None, error: ShopDeskError, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox  # only when there is something to say: not at every launch

    QMessageBox.warning(parent, title or QCoreApplication.translate("Messages", "ShopDesk"), translated(error))
