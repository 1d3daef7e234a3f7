"""The board's table: open orders fetched a page at a time, overdue rows highlighted."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from shopdesk.services.orders import BoardPage, BoardRow
from shopdesk.ui.orders import labels
from shopdesk.ui.orders.labels import ShopTime

PAGE_SIZE = 100
OVERDUE_BACKGROUND = QColor("#ffd7d5")
CARRIED_OVER_BACKGROUND = QColor("#fff4cc")
ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2

Fetch = Callable[[int, int], BoardPage]  # (offset, limit) → one page


class OrderTableModel(QAbstractTableModel):
    """Rows are fetched from the service by page as the view scrolls (``fetchMore``).

    Sorting and filtering happen in SQL (the fetch function carries the
    filters); ``data()`` never queries.
    """

    COLUMNS = [
        ("number", QT_TRANSLATE_NOOP("OrderTableModel", "Order")),
        ("state", QT_TRANSLATE_NOOP("OrderTableModel", "State")),
        ("priority", QT_TRANSLATE_NOOP("OrderTableModel", "Priority")),
        ("customer", QT_TRANSLATE_NOOP("OrderTableModel", "Customer")),
        ("device", QT_TRANSLATE_NOOP("OrderTableModel", "Device")),
        ("fault", QT_TRANSLATE_NOOP("OrderTableModel", "Fault")),
        ("technician", QT_TRANSLATE_NOOP("OrderTableModel", "Technician")),
        ("region", QT_TRANSLATE_NOOP("OrderTableModel", "Region")),
        ("reported_at", QT_TRANSLATE_NOOP("OrderTableModel", "Reported")),
        ("appointment_at", QT_TRANSLATE_NOOP("OrderTableModel", "Appointment")),
        ("overdue", QT_TRANSLATE_NOOP("OrderTableModel", "Overdue")),
    ]

    def __init__(self, fetch: Fetch | None = None, shop_time: ShopTime | None = None, parent=None):
        super().__init__(parent)
        self._fetch = fetch
        self._time = shop_time or ShopTime()
        self._rows: list[BoardRow] = []
        self._total = 0

    # -- loading ------------------------------------------------------------------

    def set_fetch(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        """Read the first page again (filters changed)."""
        page = self._fetch(0, PAGE_SIZE) if self._fetch else BoardPage([], 0)
        self.show_page(page)

    def show_page(self, page: BoardPage) -> None:
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total = page.total
        self.endResetModel()

    def refresh(self) -> bool:
        """Read what is shown again (the clock moved, another desk saved); reset only if it changed."""
        if self._fetch is None:
            return False
        return self.apply_refresh(self._fetch(0, max(PAGE_SIZE, min(len(self._rows), 500))))

    def apply_refresh(self, page: BoardPage) -> bool:
        """Show a freshly read first window, unless it is what is shown already."""
        same = page.total == self._total and page.rows == self._rows[:len(page.rows)] \
            and len(page.rows) >= min(len(self._rows), page.total)
        if same:
            return False
        self.show_page(page)
        return True

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._fetch is None:
            return
        page = self._fetch(len(self._rows), PAGE_SIZE)
        known = {r.id for r in self._rows}
        fresh = [r for r in page.rows if r.id not in known]
        self._total = page.total
        if not fresh:
            self._total = len(self._rows)  # the list shrank meanwhile; stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    # -- reading --------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> BoardRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, order_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == order_id:
                return i
        return -1

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return labels.translated_in("OrderTableModel", self.COLUMNS[section][1])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self.COLUMNS):
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.overdue:
                return QBrush(OVERDUE_BACKGROUND)
            if row.carried_over_on is not None:
                return QBrush(CARRIED_OVER_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(QColor("#8a0000"))
        if role == Qt.ItemDataRole.FontRole and row.priority == "urgent" and key in ("number", "priority"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.overdue:
                return labels.overdue(row.overdue)
            if key == "fault":
                return row.fault
            return None
        if role == ID_ROLE:
            return row.id
        if role == OVERDUE_ROLE:
            return bool(row.overdue)
        return None

    def _text(self, row: BoardRow, key: str) -> str:
        if key == "state":
            return labels.state(row.state)
        if key == "priority":
            return labels.label(labels.PRIORITIES, row.priority)
        if key in ("reported_at", "appointment_at"):
            return self._time.text(getattr(row, key))
        if key == "overdue":
            return labels.overdue(row.overdue)
        if key == "fault":
            return row.fault.splitlines()[0][:80] if row.fault else ""
        value = getattr(row, key)
        return "" if value is None else str(value)
