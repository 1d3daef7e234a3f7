"""Printing receipts from the window: the preview, Save as PDF, the print dialog, reprints
marked as copies, the order view's charges and print buttons, and a technician's two clicks."""

import datetime as dt
import json

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel

from shopdesk.models import Customer, Device, OrderEvent, RepairOrder, ShopSettings
from shopdesk.services import coverage, receipts as receipt_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.orders.order_view import OrderDialog
from shopdesk.ui.orders.page import OrdersPage
from shopdesk.ui.receipts import ReceiptPreviewDialog
from tests.conftest import make_actor
from tests.ui.modal_dialogs import when_dialog

A5 = (419.5, 595.3)
ROLL_WIDTH = 226.77  # 80 mm in points


@pytest.fixture
def receipt_staff(db, clock):
    return make_actor("technician", clock, "chen", "陈师傅")


@pytest.fixture
def receipt_order(db, owner, clock, receipt_staff):
    """A paid on-site repair of 王伟's copier, assigned to 陈师傅: a part ¥80 and labour ¥120."""
    ShopSettings.update(name="深圳快修服务部", phone="0755-8888 6666", receipt_layout="a5").execute()
    customer = Customer.create(number="C000001", name="王伟", company="深圳正方达贸易", phone="13800138000",
                               created_at=clock.now())
    device = Device.create(customer=customer, brand="Ricoh", model="MP 2555", serial="E123-456", serial_key="E123456",
                           purchase_date=dt.date(2020, 1, 1), warranty_months=12, created_at=clock.now())
    order = RepairOrder.create(number="R0000042", customer=customer, device=device, fault="卡纸 & <异响>",
                               reported_at=clock.now(), created_at=clock.now(), state="assigned", location="onsite",
                               technician=receipt_staff.staff, work_done="更换搓纸轮")
    coverage.check_coverage(owner, order.id)
    coverage.add_line(owner, order.id, "part", "搓纸轮", 1, 8000)
    coverage.add_line(owner, order.id, "labour", "上门维修", 1, 12000)
    return order


@pytest.fixture
def receipt_ctx(db_url, clock, owner):
    def make(actor=None):
        ctx = AppContext(db_url, clock, actor or owner)
        ctx.tasks.synchronous = True
        return ctx

    return make


@pytest.fixture
def preview(qtbot, receipt_ctx, receipt_order):
    def make(kind="repair", actor=None):
        dialog = ReceiptPreviewDialog(receipt_ctx(actor), receipt_order.id, kind)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def prints_of(order):
    query = OrderEvent.select().where((OrderEvent.order == order.id) & (OrderEvent.kind == "print"))
    return list(query.order_by(OrderEvent.id))


def pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def page_size(document, page=0):
    size = document.pagePointSize(page)
    return round(size.width(), 1), round(size.height(), 1)


def save_as(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(path), "")))


def print_to(monkeypatch, path, answer=QDialog.DialogCode.Accepted):
    """The system print dialog, answered at once: the chosen "printer" is a PDF file."""
    chosen = []

    def exec_(dialog):
        chosen.append(dialog)
        dialog.printer().setOutputFileName(str(path))
        return int(answer.value)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return chosen


def has_ink(path) -> bool:
    """Whether the first page of a PDF has anything dark on it (rendered, not read as text)."""
    document = QPdfDocument()
    document.load(str(path))
    image = document.render(0, document.pagePointSize(0).toSize()).convertToFormat(QImage.Format.Format_Grayscale8)
    document.close()
    return min(bytes(image.constBits())) < 100


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# -- the preview --------------------------------------------------------------------------

def test_the_preview_shows_the_receipt_and_logs_nothing(qtbot, preview, receipt_order):
    dialog = preview()
    assert dialog.view.document() is dialog.document
    assert dialog.document.status() == QPdfDocument.Status.Ready and dialog.document.pageCount() >= 1
    assert dialog.layout_box.currentData() == "a5" and page_size(dialog.document) == A5  # the shop's paper
    assert dialog.language_box.currentData() == "zh_CN" and dialog.kind == "repair"
    assert "R0000042" in dialog.windowTitle()
    assert not dialog.copy_notice.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.print_button)  # Enter prints
    for index in range(dialog.kind_box.count()):  # every kind and language previews, still logging nothing
        dialog.kind_box.setCurrentIndex(index)
        dialog.language_box.setCurrentIndex(1)
        assert dialog.document.pageCount() >= 1 and not dialog.message.isVisible()
    assert prints_of(receipt_order) == []


def test_switching_to_the_roll_renders_the_preview_again(qtbot, preview):
    dialog = preview()
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("80mm"))
    width, height = page_size(dialog.document)
    assert width == pytest.approx(ROLL_WIDTH, abs=0.1) and height > width
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("a4"))
    assert page_size(dialog.document) == (595.3, 841.9)


def test_the_layout_is_the_settings_default(qtbot, preview):
    ShopSettings.update(receipt_layout="80mm").execute()
    dialog = preview()
    assert dialog.layout_box.currentData() == "80mm"
    assert page_size(dialog.document)[0] == pytest.approx(ROLL_WIDTH, abs=0.1)


# -- Save as PDF ------------------------------------------------------------------------------

def test_save_as_pdf_writes_the_receipt_logs_it_and_the_next_is_a_copy(qtbot, preview, receipt_order, monkeypatch,
                                                                         tmp_path):
    dialog = preview()
    printed = []
    dialog.printed.connect(printed.append)
    save_as(monkeypatch, tmp_path / "first.pdf")
    click(qtbot, dialog.save_button)

    text = pdf_text(tmp_path / "first.pdf")
    for expected in ("R0000042", "王伟", "深圳正方达贸易", "搓纸轮", "上门维修", "深圳快修服务部",
                     "80.00", "120.00", "200.00"):
        assert expected in text, expected
    assert "副本" not in text
    totals = coverage.order_totals(receipt_order.id)
    assert (totals.value, totals.to_pay, totals.balance) == (20000, 20000, 20000)
    events = prints_of(receipt_order)
    assert [(e.note, json.loads(e.data)) for e in events] == [("repair", {"layout": "a5", "copy": False, "copy_for": ""})]
    assert printed == [receipt_order.id] and "first.pdf" in dialog.status.text()

    # The preview now shows what the next print is: a copy.
    assert dialog.copy_notice.isVisible() and "COPY" in dialog.copy_notice.text()
    save_as(monkeypatch, tmp_path / "second")  # no suffix typed: .pdf is added
    click(qtbot, dialog.save_button)
    assert "副本" in pdf_text(tmp_path / "second.pdf")
    assert [json.loads(e.data)["copy"] for e in prints_of(receipt_order)] == [False, True]


def test_cancelling_the_file_dialog_logs_nothing(qtbot, preview, receipt_order, monkeypatch):
    dialog = preview()
    save_as(monkeypatch, "")
    assert dialog.save_pdf() is None
    assert prints_of(receipt_order) == []


def test_a_folder_that_cannot_be_written_logs_nothing(qtbot, preview, receipt_order, monkeypatch, tmp_path):
    dialog = preview()
    save_as(monkeypatch, tmp_path / "no such folder" / "r.pdf")
    assert dialog.save_pdf() is None
    assert dialog.message.isVisible() and "r.pdf" in dialog.message.text()
    assert prints_of(receipt_order) == []


def test_the_intake_slip_in_english_on_the_roll(qtbot, preview, receipt_order, monkeypatch, tmp_path):
    dialog = preview("intake")
    assert dialog.kind_box.currentData() == ("intake", "customer")
    dialog.choose("intake", "technician")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("80mm"))
    save_as(monkeypatch, tmp_path / "slip.pdf")
    click(qtbot, dialog.save_button)
    text = pdf_text(tmp_path / "slip.pdf")
    assert "Technician copy" in " ".join(text.split()) and "R0000042" in text and "维修联" not in text
    assert PdfReader(str(tmp_path / "slip.pdf")).pages[0].mediabox.width == pytest.approx(ROLL_WIDTH, abs=0.1)
    assert [(e.note, json.loads(e.data)["layout"]) for e in prints_of(receipt_order)] == [("intake", "80mm")]


# -- printing -------------------------------------------------------------------------------------

def test_print_sends_the_receipt_to_the_chosen_printer_and_logs_it(qtbot, preview, receipt_order, monkeypatch,
                                                                      tmp_path):
    dialog = preview()
    chosen = print_to(monkeypatch, tmp_path / "printer.pdf")
    click(qtbot, dialog.print_button)
    assert len(chosen) == 1
    out = PdfReader(str(tmp_path / "printer.pdf"))
    assert len(out.pages) == 1
    box = out.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A5, abs=1.5)  # the paper follows the receipt
    assert has_ink(tmp_path / "printer.pdf")
    assert len(prints_of(receipt_order)) == 1 and dialog.copy_notice.isVisible()
    assert "printer.pdf" in dialog.status.text()


def test_a_cancelled_print_logs_nothing(qtbot, preview, receipt_order, monkeypatch, tmp_path):
    dialog = preview()
    print_to(monkeypatch, tmp_path / "never.pdf", QDialog.DialogCode.Rejected)
    assert dialog.print_receipt() is False
    assert prints_of(receipt_order) == [] and not (tmp_path / "never.pdf").exists()


def test_the_roll_prints_on_paper_as_long_as_the_receipt(qtbot, preview, monkeypatch, tmp_path):
    dialog = preview()
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("80mm"))
    roll_length = page_size(dialog.document)[1]
    print_to(monkeypatch, tmp_path / "roll.pdf")
    assert dialog.print_receipt() is True
    box = PdfReader(str(tmp_path / "roll.pdf")).pages[0].mediabox
    assert float(box.width) == pytest.approx(ROLL_WIDTH, abs=1.5)
    assert float(box.height) == pytest.approx(roll_length, abs=1.5)
    assert has_ink(tmp_path / "roll.pdf")


# -- from the orders area ------------------------------------------------------------------------------

def test_a_technician_prints_from_my_orders_in_two_clicks(qtbot, receipt_ctx, receipt_order, receipt_staff,
                                                           monkeypatch, tmp_path):
    page = OrdersPage(receipt_ctx(receipt_staff))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.tabs.currentWidget() is page.my_table
    view = page.my_table.view
    assert not page.print_button.isEnabled()  # nothing chosen yet

    rect = view.visualRect(page.my_model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # 1: the order
    click(qtbot, page.print_button)  # 2: Print receipt
    dialog = page.receipt_dialog
    assert dialog is not None and dialog.isVisible() and dialog.order_id == receipt_order.id
    assert dialog.kind == "repair" and dialog.document.pageCount() >= 1
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.print_button)

    print_to(monkeypatch, tmp_path / "printed.pdf")
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Return)  # Print is the default: Enter prints
    assert (tmp_path / "printed.pdf").exists()
    assert [e.staff_id for e in prints_of(receipt_order)] == [receipt_staff.staff.id]
    assert page.print_action in view.actions()  # also on the right-click menu (and Ctrl+P)


def test_the_order_view_shows_charges_and_refreshes_its_actions_when_they_change(qtbot, receipt_ctx, receipt_order,
                                                                                   owner):
    view = OrderDialog(receipt_ctx(), receipt_order.id)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    panel = view.charges
    assert panel.isVisible() and panel.findChild(QLabel, "coverageKind").text() == "Paid repair"
    assert panel.findChild(QLabel, "totalToPay").text() == "¥200.00"
    assert panel.lines_model.rowCount() == 2
    assert "start" not in view.action_buttons  # a paid repair waits for the quote

    def override(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("warranty"))
        dialog.reason.setText("老客户，好意保修")
        dialog.save_button.click()

    when_dialog("overrideCoverageDialog", override)
    click(qtbot, panel.override_button)
    assert panel.findChild(QLabel, "coverageKind").text() == "Warranty"
    assert panel.findChild(QLabel, "totalToPay").text() == "¥0.00"
    assert "start" in view.action_buttons  # the view's actions followed the charges
    qtbot.waitUntil(view.action_buttons["start"].isVisible)
    assert view.view.order.version == RepairOrder.get_by_id(receipt_order.id).version
    click(qtbot, view.action_buttons["start"])
    qtbot.mouseClick(view.action_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert RepairOrder.get_by_id(receipt_order.id).state == "in_progress"  # not refused as stale


def test_the_order_view_prints_the_receipt_and_the_intake_slip(qtbot, receipt_ctx, receipt_order, monkeypatch,
                                                                 tmp_path):
    view = OrderDialog(receipt_ctx(), receipt_order.id)
    qtbot.addWidget(view)
    view.show()
    click(qtbot, view.print_intake_button)
    slip = view.receipt_dialog
    assert slip.isVisible() and slip.kind_box.currentData() == ("intake", "customer")
    slip.close()
    click(qtbot, view.print_receipt_button)
    receipt = view.receipt_dialog
    assert receipt is not slip and receipt.kind == "repair"
    save_as(monkeypatch, tmp_path / "r.pdf")
    click(qtbot, receipt.save_button)
    notes = [view.timeline.item(row, 3).text() for row in range(view.timeline.rowCount())]
    assert "Repair receipt · A5 sheet" in notes  # the timeline shows the print
    assert view.tabs.tabText(1) == f"Timeline ({view.timeline.rowCount()})"


def test_printed_before_follows_the_log(receipt_order, owner):
    assert not receipt_service.printed_before(owner, receipt_order.id, "repair")
    receipt_service.print_receipt(owner, receipt_order.id, "intake", "a5", "customer")
    assert receipt_service.printed_before(owner, receipt_order.id, "intake", "customer")
    assert not receipt_service.printed_before(owner, receipt_order.id, "intake", "technician")
    assert not receipt_service.printed_before(owner, receipt_order.id, "repair")
