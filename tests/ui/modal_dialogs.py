"""Driving modal dialogs (opened with exec()) from a test."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_dialog(name: str, act: Callable[[QDialog], None], tries: int = 200) -> None:
    """Once the modal dialog named ``name`` shows, run ``act(dialog)``.

    If ``act`` fails the dialog is rejected, so the test fails instead of hanging.
    """

    def step(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != name or not dialog.isVisible():
            if left > 0:
                QTimer.singleShot(10, lambda: step(left - 1))
            return
        try:
            act(dialog)
        except BaseException:
            dialog.reject()
            raise

    QTimer.singleShot(0, lambda: step(tries))
