"""What the follow-up tabs share: words in the UI language, shop-time display,
and a table model over pages of rows fetched by a service."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from shopdesk.clock import to_local
from shopdesk.rules import workflow
from shopdesk.ui.tables import PagedRows, read_only_rows

CONTEXT = "FollowUps"
LATE_BACKGROUND = QColor("#fde2e1")
LATE_TEXT = QColor("#8b0000")


def tr(source: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("FollowUps", …), in the UI language."""
    return QCoreApplication.translate(CONTEXT, source) if source else ""


def label(labels: dict[str, str], key: str) -> str:
    return tr(labels[key]) if key in labels else key


def state_label(state: str) -> str:
    source = workflow.STATE_LABELS.get(state)
    return QCoreApplication.translate("Workflow", source) if source else state


def local_text(utc: dt.datetime | None, tz: str, fmt: str = "%m-%d %H:%M") -> str:
    return to_local(utc, tz).strftime(fmt) if utc is not None else ""


@dataclass(frozen=True)
class Column:
    header: str  # QT_TRANSLATE_NOOP("FollowUps", …)
    value: Callable[[Any], str]
    align_right: bool = False


Fetch = Callable[[int, int], tuple[Sequence[Any], int]]


class PagedModel(PagedRows):
    """Rows fetched a page at a time (``fetch(offset, limit) -> (rows, total)``);
    a view asks for more as it scrolls. ``late(row)`` marks rows that must stand out."""

    def __init__(self, columns: Sequence[Column], page_size: int = 200,
                 late: Callable[[Any], bool] | None = None, parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.page_size = page_size
        self.late = late or (lambda row: False)
        # One font object for every late cell: a new QFont per call crashed PySide6 6.12 at exit.
        self._bold = QFont()
        self._bold.setBold(True)

    def set_first_page(self, fetch: Fetch, rows: Sequence[Any], total: int) -> None:
        """Show a result whose first page was fetched (off the UI thread); later pages come from ``fetch``."""
        super().set_first_page(lambda offset, limit: fetch(offset, limit)[0], rows, total)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return tr(self.columns[section].header)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self.late(row):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(LATE_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(LATE_TEXT)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        return None


def make_table(name: str, model: PagedModel, stretch: int) -> QTableView:
    """A read-only, row-selecting table; column ``stretch`` takes the spare width."""
    table = read_only_rows(QTableView(objectName=name))
    table.setModel(model)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
