"""Table models the areas share.

``ListModel``: a short list of rows loaded whole (an order's lines, the price list).
Subclasses name their translation ``CONTEXT`` and column ``HEADERS`` (sources marked with
``QT_TRANSLATE_NOOP``) and answer ``cell(row, column, role)``; rows carry an ``id``, given
back under ``Qt.UserRole``.

``read_only_rows`` sets a view up as every list in the window is.

``PagedRows``: a long list read a page at a time as the view scrolls (the ledger's
entries, the audit trail, the follow-up lists, a report's figure list).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QTableWidgetItem

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

View = TypeVar("View", bound=QTableView)


def read_only_rows(view: View) -> View:
    """How the lists show: whole rows chosen one at a time, nothing edited in place, no row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    return view


def small_table(name: str, headers: list[str]) -> QTableWidget:
    """A short list filled row by row (a customer file's devices, orders, calls): columns fit their text."""
    table = read_only_rows(QTableWidget(0, len(headers), objectName=name))
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def table_item(text: str, row_id: int | None = None, color: QColor | None = None) -> QTableWidgetItem:
    """A cell of a ``small_table``: its row's id under ``Qt.UserRole``, in ``color`` if given."""
    item = QTableWidgetItem(text)
    if row_id is not None:
        item.setData(Qt.ItemDataRole.UserRole, row_id)
    if color is not None:
        item.setForeground(QBrush(color))
    return item


class _Rows(QAbstractTableModel):
    """A flat table whose ``rows`` are records with an ``id``."""

    rows: Sequence[Any]

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, row_id: int) -> int:
        return next((row for row, item in enumerate(self.rows) if item.id == row_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)


class ListModel(_Rows):
    CONTEXT = ""
    HEADERS: Sequence[str] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: tuple[Any, ...] = ()

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self.endResetModel()

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return self.cell(item, index.column(), role)

    def cell(self, item: Any, column: int, role: int) -> Any:
        return None


class PagedRows(_Rows):
    """Rows read a page at a time as the view scrolls.

    Whoever shows the model reads the first page off the UI thread and hands it
    over with ``set_first_page(fetch, rows, total)``; ``fetch(offset, limit)``
    gives the later pages (one indexed query each) when the view asks for more.
    Subclasses answer ``columnCount``, ``headerData`` and ``data``.
    """

    page_size = 200

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Any] = []
        self.total = 0
        self._fetch: Callable[[int, int], Sequence[Any]] | None = None
        self._resetting = False

    def set_first_page(self, fetch: Callable[[int, int], Sequence[Any]] | None, rows: Iterable[Any],
                       total: int) -> None:
        # Views may ask for more rows while the reset is being announced; they ask again once it is over.
        self._resetting = True
        self.beginResetModel()
        self._fetch, self.rows, self.total = fetch, list(rows), total
        self.endResetModel()
        self._resetting = False

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return (not parent.isValid() and not self._resetting and self._fetch is not None
                and len(self.rows) < self.total)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        more = list(self._fetch(len(self.rows), self.page_size))[: self.total - len(self.rows)]
        if not more:
            self.total = len(self.rows)  # rows left the result meanwhile: stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()
