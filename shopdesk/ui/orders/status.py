"""The overdue count in the window's status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget
from shopdesk.ui.widgets import ATTENTION


class OverdueIndicator(QLabel):
    """Shows how many orders are past their dispatch or assignment limit (red when any)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overdueIndicator")
        self.count = 0
        self.show_count(0)

    def show_count(self, count: int) -> None:
        self.count = count
        if count:
            self.setText(self.tr("Overdue orders: {0}").format(count))
            self.setStyleSheet(f"color: white; background: {ATTENTION}; padding: 0 6px; border-radius: 3px;")
        else:
            self.setText(self.tr("No overdue orders"))
            self.setStyleSheet("")
