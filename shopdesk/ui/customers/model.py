"""The customer list: a table over the ids of the result, rows read by window.

The page loads the ids (filtered and sorted in SQL, or ranked by search) off
the UI thread and hands them to ``set_ids``. ``data()`` reads a window of
``WINDOW`` rows in one query the first time a row in it is painted, so 100k
customers scroll without loading them all and without a query per row.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from shopdesk.clock import to_local
from shopdesk.services.customers import KIND_LABELS, CustomerRow, Sort

WINDOW = 100
ID_ROLE = Qt.ItemDataRole.UserRole
ARCHIVED_FOREGROUND = QColor("#8a8a8a")

Rows = Callable[[list[int]], list[CustomerRow]]


class CustomerTableModel(QAbstractTableModel):
    sortRequested = Signal(object)  # a services.customers.Sort

    COLUMNS = [
        ("number", QT_TRANSLATE_NOOP("CustomerTableModel", "Number")),
        ("name", QT_TRANSLATE_NOOP("CustomerTableModel", "Name")),
        ("company", QT_TRANSLATE_NOOP("CustomerTableModel", "Company")),
        ("phone", QT_TRANSLATE_NOOP("CustomerTableModel", "Phone")),
        ("region", QT_TRANSLATE_NOOP("CustomerTableModel", "Region")),
        ("kind", QT_TRANSLATE_NOOP("CustomerTableModel", "Type")),
        ("last_order_at", QT_TRANSLATE_NOOP("CustomerTableModel", "Last order")),
        ("open_orders", QT_TRANSLATE_NOOP("CustomerTableModel", "Open orders")),
    ]

    def __init__(self, rows: Rows, timezone: str = "Asia/Shanghai", parent=None):
        super().__init__(parent)
        self._read_rows = rows
        self._timezone = timezone
        self._ids: list[int] = []
        self._cache: dict[int, CustomerRow] = {}
        self._notes: dict[int, str] = {}  # customer id → what search matched, for the tooltip

    # -- what is shown ------------------------------------------------------------

    def set_ids(self, ids: list[int], notes: dict[int, str] | None = None) -> None:
        if ids == self._ids:  # the same list (a refresh): keep the view's place, read the rows again
            self._notes = dict(notes or {})
            self.forget_rows()
            return
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self._notes = dict(notes or {})
        self.endResetModel()

    def forget_rows(self) -> None:
        """Read the rows again when next painted (another desk saved)."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return -1

    def row_data(self, row: int) -> CustomerRow | None:
        customer_id = self.id_at(row)
        if customer_id is None:
            return None
        if customer_id not in self._cache:
            self._read_window(row)
        return self._cache.get(customer_id)

    def _read_window(self, row: int) -> None:
        start = row - row % WINDOW
        wanted = [i for i in self._ids[start:start + WINDOW] if i not in self._cache]
        for found in self._read_rows(wanted):
            self._cache[found.id] = found

    # -- Qt's side ----------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("CustomerTableModel", self.COLUMNS[section][1])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ARCHIVED_FOREGROUND) if row.archived else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key == "open_orders":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return self._tooltip(row)

    def _text(self, row: CustomerRow, key: str) -> str:
        if key == "kind":
            return QCoreApplication.translate("CustomerKinds", KIND_LABELS.get(row.kind, row.kind))
        if key == "last_order_at":
            return _local_date(row.last_order_at, self._timezone)
        if key == "open_orders":
            return str(row.open_orders) if row.open_orders else ""
        if key == "name" and row.archived:
            return QCoreApplication.translate("CustomerTableModel", "{0} (archived)").format(row.name)
        return str(getattr(row, key) or "")

    def _tooltip(self, row: CustomerRow) -> str | None:
        return self._notes.get(row.id) or None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.COLUMNS):
            self.sortRequested.emit(Sort(self.COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder))


def _local_date(at: dt.datetime | None, timezone: str) -> str:
    return to_local(at, timezone).date().isoformat() if at else ""
