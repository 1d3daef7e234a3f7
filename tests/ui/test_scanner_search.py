"""A barcode scanner reads the QR code on a receipt and types the order number into the
global search box, then Enter: the window opens that order on the Repair orders page."""

import pytest
from PySide6.QtCore import Qt

from shopdesk.models import Customer, Device, RepairOrder
from shopdesk.services import customers as customer_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import MainWindow
from tests.conftest import make_actor


@pytest.fixture
def scanner_window(qtbot, db_url, db, clock):
    def make(actor):
        ctx = AppContext(db_url, clock, actor)
        ctx.tasks.synchronous = True
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def scanned_order(db, clock):
    customer = Customer.create(number="C000007", name="王伟", company="深圳正方达贸易", phone="13800138000",
                               region="福田", created_at=clock.now())
    device = Device.create(customer=customer, brand="Ricoh", model="MP 2555", serial="E1234567",
                           serial_key="E1234567", created_at=clock.now())
    return RepairOrder.create(number="R0000042", customer=customer, device=device, fault="卡纸",
                              reported_at=clock.now(), created_at=clock.now(), state="received")


def scan(qtbot, window, text):
    """What a keyboard-wedge scanner does: a burst of keys into the focused search box, then Enter."""
    window.focus_search()
    qtbot.keyClicks(window.search_box, text)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)


def shown_order(window):
    page = window.pages.get("orders")
    assert window.current_area_key() == "orders", window.current_area_key()
    visible = [oid for oid, dialog in page.order_dialogs.items() if dialog.isVisible()]
    return [RepairOrder.get_by_id(oid).number for oid in visible]


def test_scanning_an_order_number_opens_the_order(qtbot, scanner_window, owner, scanned_order):
    window = scanner_window(owner)
    window.show_area("settings")
    scan(qtbot, window, "R0000042")
    assert shown_order(window) == ["R0000042"]
    assert "R0000042" in window.pages["orders"].order_dialogs[scanned_order.id].title.text()


def test_lower_case_scan_opens_the_order_too(qtbot, scanner_window, owner, scanned_order):
    window = scanner_window(owner)
    scan(qtbot, window, "r0000042")
    assert shown_order(window) == ["R0000042"]


def test_a_scan_opens_the_order_whatever_the_customer_list_is_filtered_to(qtbot, scanner_window, owner, clock,
                                                                           scanned_order):
    Customer.create(number="C000008", name="李娜", region="南山", created_at=clock.now())
    window = scanner_window(owner)
    customers = window.show_area("customers")
    customers.region_filter.setCurrentIndex(customers.region_filter.findData("南山"))
    customer_service.archive(owner, scanned_order.customer_id)  # an archived customer's order still opens
    scan(qtbot, window, "R0000042")
    assert shown_order(window) == ["R0000042"]


def test_a_technician_scans_from_my_orders(qtbot, scanner_window, clock, scanned_order):
    chen = make_actor("technician", clock, "chen", "陈师傅")
    window = scanner_window(chen)
    window.show_area("orders")
    scan(qtbot, window, "R0000042")
    assert shown_order(window) == ["R0000042"]


def test_an_unknown_order_number_falls_back_to_the_customer_search(qtbot, scanner_window, owner, scanned_order):
    window = scanner_window(owner)
    scan(qtbot, window, "R0000999")
    assert window.current_area_key() == "customers"
    assert "R0000999" in window.pages["customers"].status.text()


def test_other_text_still_searches_customers(qtbot, scanner_window, owner, scanned_order):
    window = scanner_window(owner)
    scan(qtbot, window, "C000007")
    assert window.current_area_key() == "customers"
    assert window.pages["customers"].file_view.customer_id == scanned_order.customer_id
    assert "orders" not in window.pages or not window.pages["orders"].order_dialogs
