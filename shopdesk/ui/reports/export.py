"""A report out of the window: an Excel workbook (openpyxl) or a PDF / a
printout (QTextDocument), with the same tables the tab shows and its charts."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from shopdesk.ui.reports.document import Document

SHEET_NAME_MAX = 31
CHART_WIDTH_PX = 560


def write_workbook(path: str | Path, documents: list[Document]) -> Path:
    """One sheet per report, its tables one under the other; numbers stay numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for doc in documents:
        sheet = book.create_sheet(_sheet_name(doc.title, book.sheetnames))
        sheet.append([doc.title])
        sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
        sheet.append([doc.subtitle])
        for section in doc.sections:
            sheet.append([])
            sheet.append([section.title])
            sheet.cell(row=sheet.max_row, column=1).font = bold
            sheet.append(section.headers)
            for column in range(1, len(section.headers) + 1):
                sheet.cell(row=sheet.max_row, column=column).font = bold
            for row in section.rows:
                sheet.append([cell.number if cell.number is not None else cell.text for cell in row])
                for column, cell in enumerate(row, start=1):
                    if cell.number is not None and cell.number_format:
                        sheet.cell(row=sheet.max_row, column=column).number_format = cell.number_format
            if section.note:
                sheet.append([section.note])
        sheet.column_dimensions["A"].width = 28
    target = Path(path)
    book.save(target)
    return target


def _sheet_name(title: str, taken: list[str]) -> str:
    base = "".join(ch for ch in title if ch not in '[]:*?/\\')[:SHEET_NAME_MAX] or "Report"
    name, n = base, 2
    while name in taken:
        suffix = f" ({n})"
        name, n = base[:SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    return name


def document_html(doc: Document, charts: dict[str, QImage]) -> str:
    """The report as HTML for QTextDocument; ``charts`` by section key are drawn under their table."""
    parts = [f"<h2>{html.escape(doc.title)}</h2>", f"<p>{html.escape(doc.subtitle)}</p>"]
    for section in doc.sections:
        parts.append(f"<h3>{html.escape(section.title)}</h3>")
        parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%">')
        parts.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in section.headers) + "</tr>")
        for row in section.rows:
            cells = "".join(
                f'<td align="{"right" if c.align_right else "left"}">{html.escape(c.text)}</td>' for c in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
        if section.note:
            parts.append(f"<p><i>{html.escape(section.note)}</i></p>")
        if section.key in charts:
            parts.append(f'<p><img src="{_chart_url(section.key)}" width="{CHART_WIDTH_PX}"></p>')
    return "\n".join(parts)


def _chart_url(key: str) -> str:
    return f"chart://{key}"


def text_document(doc: Document, charts: dict[str, QImage]) -> QTextDocument:
    document = QTextDocument()
    for key, image in charts.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(_chart_url(key)), image)
    document.setHtml(document_html(doc, charts))
    return document


def pdf_printer(path: str | Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    return printer


def print_document(doc: Document, charts: dict[str, QImage], printer: QPrinter) -> None:
    text_document(doc, charts).print_(printer)


def save_pdf(path: str | Path, doc: Document, charts: dict[str, QImage]) -> Path:
    print_document(doc, charts, pdf_printer(path))
    return Path(path)
