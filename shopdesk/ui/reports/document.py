"""What a report shows, as plain tables: the tabs draw them, the workbook and
the PDF print the same tables, so the three always agree.

Numbers are formatted here, at the edge: money from integer cents, shares
from tenths of a percent, averages from hundredths, durations from seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableWidget, QTableWidgetItem

from shopdesk.rules import reports as rules
from shopdesk.rules.money import format_yuan
from shopdesk.ui.reports.words import translate

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Cell:
    text: str
    number: int | Decimal | None = None  # what the workbook stores
    number_format: str = ""
    align_right: bool = False


@dataclass
class Section:
    key: str  # names its widgets: "reports_<key>Table"
    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""


@dataclass
class Document:
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)


def text(value: str) -> Cell:
    return Cell(value)


def count(value: int) -> Cell:
    return Cell(str(value), value, "0", True)


def money(cents: int) -> Cell:
    return Cell(format_yuan(cents), Decimal(cents).scaleb(-2), "#,##0.00", True)


def share(tenths: int | None) -> Cell:
    number = None if tenths is None else Decimal(tenths).scaleb(-3)
    return Cell(rules.tenths_text(tenths), number, "0.0%", True)


def average(hundredths: int | None) -> Cell:
    number = None if hundredths is None else Decimal(hundredths).scaleb(-2)
    return Cell(rules.hundredths_text(hundredths), number, "0.00", True)


def duration(seconds: int | None) -> Cell:
    """Days and hours, or hours and minutes; the workbook gets hours."""
    if seconds is None:
        return Cell("–", None, "", True)
    days, hours, minutes = rules.duration_parts(seconds)
    if days:
        shown = translate("Reports", "{0} d {1} h").format(days, hours)
    elif hours:
        shown = translate("Reports", "{0} h {1} min").format(hours, minutes)
    else:
        shown = translate("Reports", "{0} min").format(minutes)
    return Cell(shown, (Decimal(seconds // 60) / 60).quantize(Decimal("0.01")), "0.0", True)


def section_table(section: Section) -> QTableWidget:
    """A read-only table sized to its rows (the page scrolls, not the table)."""
    table = QTableWidget(0, len(section.headers), objectName=f"reports_{section.key}Table")
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    fill_table(table, section)
    return table


def fill_table(table: QTableWidget, section: Section) -> None:
    table.setColumnCount(len(section.headers))
    table.setHorizontalHeaderLabels(section.headers)
    table.setRowCount(len(section.rows))
    for r, row in enumerate(section.rows):
        for c, cell in enumerate(row):
            item = QTableWidgetItem(cell.text)
            if cell.align_right:
                item.setTextAlignment(_RIGHT)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if section.headers:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(header.sizeHint().height() + max(rows_height, table.fontMetrics().height() + 8) + 6)
