"""Printing an order's receipt from the window: a preview, the print dialog, "Save as PDF".

The preview is the receipt as it would print now, built read-only from the
order (``services.receipts.receipt_data`` + ``shopdesk.receipts.build_receipt``):
looking logs nothing. Only "Print…" and "Save as PDF…" go through
``services.receipts.print_receipt``, which logs the print and marks every
later print of the same receipt as a copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, QSizeF, QStandardPaths, Qt, QT_TRANSLATE_NOOP,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from shopdesk.errors import ShopDeskError
from shopdesk.receipts import LAYOUTS, build_receipt
from shopdesk.services import receipts as receipt_service
from shopdesk.services import settings as settings_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.messages import translated
from shopdesk.ui.widgets import FieldError

# What the kind chooser offers: (kind, copy_for, label).
RECEIPTS = (
    ("repair", "", QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "Repair receipt (for the customer to sign)")),
    ("intake", "customer", QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "Intake slip — customer copy")),
    ("intake", "technician", QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "Intake slip — technician copy")),
)
LAYOUT_NAMES = {
    "a4": QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "A4 sheet"),
    "a5": QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "A5 sheet"),
    "80mm": QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "80 mm receipt roll"),
}
PAPER_LANGUAGES = (
    ("zh_CN", QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "Chinese (with English labels)")),
    ("en", QT_TRANSLATE_NOOP("ReceiptPreviewDialog", "English")),
)
# Pages go to the printer as images: past this a sharper image only costs memory
# (an A4 page at 1200 dpi would be a 550 MB image).
MAX_PRINT_DPI = 300
ROLL_ZOOM = 1.6  # a roll fitted to the view's width would show a few lines at a time


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReceiptPreviewDialog", text)


def render_pdf_to_printer(pdf: bytes, printer: QPrinter) -> bool:
    """Draw every page of ``pdf`` on ``printer`` (its page size follows each page). False if it cannot start."""
    document, buffer = QPdfDocument(), _buffer(pdf)
    document.load(buffer)
    pages = _printed_pages(printer, document.pageCount())
    if not pages:
        return False
    printer.setFullPage(True)  # the receipt has its own margins
    fit_printer_to(printer, document.pagePointSize(pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for n, page in enumerate(pages):
            size = document.pagePointSize(page)
            if n:
                fit_printer_to(printer, size)
                printer.newPage()
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            image = document.render(page, QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi)))
            painter.drawImage(_fitted(QRectF(painter.viewport()), size), image)
    finally:
        painter.end()
        document.close()
        buffer.close()
    return True


def fit_printer_to(printer: QPrinter, points: QSizeF) -> None:
    """The printer's paper: A4/A5 as named sizes (so a driver picks the right tray), a roll as its own length.

    Every receipt layout is upright (portrait)."""
    printer.setPageSize(QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)


def _printed_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages the print dialog asked for (its page numbers count from 1)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), printer.toPage() or count
        return list(range(first - 1, min(last, count)))
    return list(range(count))


def _fitted(area: QRectF, page: QSizeF) -> QRectF:
    """The largest rectangle with the page's proportions inside ``area``, at its top left."""
    scale = min(area.width() / page.width(), area.height() / page.height())
    return QRectF(area.left(), area.top(), page.width() * scale, page.height() * scale)


def _buffer(pdf: bytes) -> QBuffer:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


class ReceiptPreviewDialog(QDialog):
    """Preview one receipt of an order, then print it or save it as PDF.

    Window-modal: open it with ``open()``. ``kind`` is "repair" or "intake"
    (an intake slip starts on its customer copy).
    """

    printed = Signal(int)  # order id, after a print or a saved PDF (the order has a new "printed" event)

    def __init__(self, ctx: AppContext, order_id: int, kind: str = "repair", parent: QWidget | None = None,
                 copy_for: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.number = ""
        self.is_reprint = False
        self.setObjectName("receiptPreviewDialog")
        self.setWindowTitle(self.tr("Print a receipt"))
        self.resize(760, 880)

        self.kind_box = QComboBox(objectName="receiptKind")
        for receipt_kind, copy, label in RECEIPTS:
            self.kind_box.addItem(_tr(label), (receipt_kind, copy))
        self.choose(kind, copy_for)
        self.layout_box = QComboBox(objectName="receiptLayout")
        for key in LAYOUTS:
            self.layout_box.addItem(_tr(LAYOUT_NAMES.get(key, key)), key)
        default_layout = settings_service.current().receipt_layout
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(default_layout)))
        self.layout_box.setToolTip(self.tr("The shop's usual paper is set in Settings; this changes only this print"))
        self.language_box = QComboBox(objectName="receiptLanguage")
        for code, label in PAPER_LANGUAGES:
            self.language_box.addItem(_tr(label), code)

        self.copy_notice = QLabel(objectName="receiptCopyNotice")
        self.copy_notice.setWordWrap(True)
        self.copy_notice.setStyleSheet(
            "background: #fde68a; color: #5c4300; border-radius: 4px; padding: 4px 8px; font-weight: bold;")
        self.copy_notice.hide()

        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("receiptPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: #8a8a8a; }")
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes from the choosers to the buttons
        self.pages_label = QLabel(objectName="receiptPages")
        self.pages_label.setStyleSheet("color: palette(mid);")

        self.message = FieldError("receiptMessage")
        self.status = QLabel(objectName="receiptStatus")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"), objectName="receiptPrint")
        self.print_button.setDefault(True)
        self.print_button.setToolTip(self.tr("Choose the printer, then print (the print is logged on the order)"))
        self.save_button = QPushButton(self.tr("Save as PDF…"), objectName="receiptSavePdf")
        self.save_button.setAutoDefault(False)
        close = QPushButton(self.tr("Close"), objectName="receiptClose")
        close.setAutoDefault(False)

        choosers = QFormLayout()
        choosers.addRow(self.tr("Receipt"), self.kind_box)
        choosers.addRow(self.tr("Paper"), self.layout_box)
        choosers.addRow(self.tr("Language on paper"), self.language_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(choosers)
        layout.addWidget(self.copy_notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for first, second in ((self.kind_box, self.layout_box), (self.layout_box, self.language_box),
                              (self.language_box, self.print_button), (self.print_button, self.save_button),
                              (self.save_button, close)):
            QWidget.setTabOrder(first, second)

        for box in (self.kind_box, self.layout_box, self.language_box):
            box.currentIndexChanged.connect(lambda _index: self.render_preview())
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)
        self.print_button.setFocus()  # Enter prints: a technician's second click is the last
        self.render_preview()

    # -- what is chosen --------------------------------------------------------------

    def choose(self, kind: str, copy_for: str = "") -> None:
        """Pick the receipt to print (an intake slip: its customer copy unless told)."""
        wanted = (kind, copy_for or ("customer" if kind == "intake" else ""))
        for index in range(self.kind_box.count()):
            if self.kind_box.itemData(index) == wanted:
                self.kind_box.setCurrentIndex(index)

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()[0]

    @property
    def copy_for(self) -> str:
        return self.kind_box.currentData()[1]

    @property
    def paper(self) -> str:
        return self.layout_box.currentData()

    @property
    def language(self) -> str:
        return self.language_box.currentData()

    # -- the preview (read only) ------------------------------------------------------

    def render_preview(self) -> None:
        """Build the receipt as it would print now and show it; nothing is logged."""
        actor, order_id = self.ctx.actor, self.order_id
        kind, copy_for, paper, language = self.kind, self.copy_for, self.paper, self.language

        def build():
            data = receipt_service.receipt_data(actor, order_id, kind, copy_for, language)
            return data.order_number, data.is_reprint, build_receipt(data, paper)

        self.pages_label.setText(self.tr("Preparing the preview…"))
        self.ctx.tasks.run(build, self._show_preview, self._refused, key=f"receipt-preview-{id(self)}")

    def _show_preview(self, result: tuple[str, bool, bytes]) -> None:
        self.number, self.is_reprint, pdf = result
        self.setWindowTitle(self.tr("Print a receipt — {0}").format(self.number))
        old = self._buffer
        self.document.close()
        self._buffer = _buffer(pdf)
        self.document.load(self._buffer)
        if old is not None:
            old.close()
        if self.paper == "80mm":
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(ROLL_ZOOM)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        count = self.document.pageCount()
        self.pages_label.setText(self.tr("1 page") if count == 1 else self.tr("{0} pages").format(count))
        self.copy_notice.setText(self.tr("This will be printed as a COPY: this receipt of {0} was printed before.")
                                 .format(self.number))
        self.copy_notice.setVisible(self.is_reprint)
        self.message.clear_message()
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ShopDeskError):
            raise error
        self.message.show_message(translated(error))
        self.pages_label.setText("")
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

    # -- printing and saving (logged) -----------------------------------------------------

    def _logged_pdf(self) -> bytes | None:
        """The receipt for real: the service logs the print and marks a reprint as a copy."""
        try:
            return receipt_service.print_receipt(self.ctx.actor, self.order_id, self.kind, self.paper,
                                                 self.copy_for, self.language)
        except ShopDeskError as exc:
            self.message.show_message(translated(exc))
            return None

    def print_dialog(self, printer: QPrinter) -> QPrintDialog:
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("receiptPrintDialog")
        dialog.setWindowTitle(self.tr("Print {0}").format(self.number))
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        return dialog

    def print_receipt(self) -> bool:
        """The system print dialog, then the receipt to the chosen printer. False if cancelled or refused."""
        self.message.clear_message()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"{self.number} {self.kind}")
        printer.setFullPage(True)
        if self.document.pageCount():
            fit_printer_to(printer, self.document.pagePointSize(0))
        dialog = self.print_dialog(printer)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        pdf = self._logged_pdf()  # logged only once the person has chosen to print
        if pdf is None:
            return False
        self._after_logged()
        if not render_pdf_to_printer(pdf, printer):
            self.message.show_message(self.tr("The printer “{0}” could not be started. Check that it is on and "
                                              "connected, then print again.").format(printer.printerName()))
            return False
        where = printer.outputFileName() or printer.printerName()
        self.status.setText(self.tr("Sent to {0}.").format(where) if where else self.tr("Sent to the printer."))
        return True

    def save_pdf(self) -> str | None:
        """Ask where, then write the receipt as a PDF file. The file's path, or None."""
        self.message.clear_message()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{self.number or 'receipt'}-{self.kind}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the receipt as PDF"), suggested,
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        if not Path(path).suffix:
            path += ".pdf"
        try:
            with open(path, "wb") as handle:  # opened before logging: a folder we cannot write to logs nothing
                pdf = self._logged_pdf()
                if pdf is not None:
                    handle.write(pdf)
        except OSError as exc:
            self.message.show_message(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return None
        if pdf is None:
            Path(path).unlink(missing_ok=True)
            return None
        self._after_logged()
        self.status.setText(self.tr("Saved {0}.").format(path))
        return path

    def _after_logged(self) -> None:
        self.printed.emit(self.order_id)
        self.render_preview()  # the next print is a copy: show it as one

