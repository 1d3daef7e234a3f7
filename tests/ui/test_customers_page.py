"""The Customers page driven through its widgets: search as you type, the file,
the New customer dialog, import and export, the list model."""

import datetime as dt

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from shopdesk.models import Customer, RepairOrder
from shopdesk.services import customers as customer_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.customers.model import CustomerTableModel
from shopdesk.ui.customers.page import CustomersPage
from tests.conftest import make_actor


class FakeOrdersPage:
    def __init__(self):
        self.opened = []

    def open_order(self, number):
        self.opened.append(number)


class FakeWindow(QWidget):
    """Stands in for the main window: the page asks it for the Repair orders page."""

    def __init__(self):
        super().__init__()
        self.orders = FakeOrdersPage()

    def show_area(self, key):
        return self.orders if key == "orders" else None


@pytest.fixture
def customers_page(qtbot, db_url, db, clock, owner):
    windows = []  # qtbot holds widgets weakly

    def make(actor=None):
        ctx = AppContext(db_url, clock, actor or owner)
        ctx.tasks.synchronous = True
        window = FakeWindow()
        page = CustomersPage(ctx)
        QVBoxLayout(window).addWidget(page)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1300, 780)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return page

    return make


@pytest.fixture
def some_customers(db, owner, clock):
    wang = customer_service.create(owner, name="王伟", company="深圳正方达贸易", contact_person="王伟", kind="contract",
                                   phone="13800138000", address="深圳市福田区华强北路", region="福田区")
    customer_service.add_device(owner, wang.id, brand="Ricoh", model="MP 2555", serial="E1234567",
                                purchase_date=dt.date(2025, 3, 1), warranty_months=12)
    RepairOrder.create(number="R0000123", customer=wang.id, state="closed", fault="卡纸", reported_at=clock.now(),
                       created_at=clock.now())
    li = customer_service.create(owner, name="李娜", phone="13600002222", region="南山区")
    smith = customer_service.create(owner, name="John Smith", company="ACME Ltd", phone="021-66667777")
    return wang, li, smith


def shown_names(page):
    return [page.model.row_data(r).name for r in range(page.model.rowCount())]


def test_an_empty_shop_shows_the_hint(customers_page):
    page = customers_page()
    assert page.stack.currentIndex() == 0
    assert "Ctrl+N" in page.empty_state.hint.text() and "Excel" in page.empty_state.hint.text()


def test_typing_a_query_shows_the_customer(customers_page, some_customers, qtbot):
    page = customers_page()
    assert page.stack.currentIndex() == 1 and page.model.rowCount() == 3
    qtbot.keyClicks(page.search_box, "ww")
    assert shown_names(page)[0] == "王伟"
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "138 0013")
    assert shown_names(page) == ["王伟"]
    page.search_box.setText("王伟")  # Chinese cannot be key-clicked: set it as an input method would
    assert shown_names(page) == ["王伟"]
    page.search_box.setText("smith")
    assert shown_names(page) == ["John Smith"]
    assert page.count_label.text() == "1 match"
    page.search_box.clear()
    assert page.model.rowCount() == 3


def test_search_runs_off_the_ui_thread_and_only_the_newest_answer_shows(customers_page, some_customers, qtbot):
    page = customers_page()
    page.ctx.tasks.synchronous = False
    for text in ("w", "ww", "wan", "li"):  # typed faster than the answers come back
        page.search_as_you_type(text)
    assert page.ctx.tasks.wait(10_000)
    qtbot.waitUntil(lambda: page.count_label.text() == "1 match", timeout=5000)
    assert shown_names(page) == ["李娜"]


def test_enter_opens_the_best_hit_and_says_what_matched(customers_page, some_customers, qtbot):
    wang = some_customers[0]
    page = customers_page()
    qtbot.keyClicks(page.search_box, "e1234567")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.file_view.customer_id == wang.id
    assert "E1234567" in page.match_label.text()
    assert page.file_view.devices.rowCount() == 1
    assert page.file_view.devices.item(0, 7).text() == "Expired"  # bought 2025-03-01, 12 months


def test_an_order_number_opens_the_order_on_the_orders_page(customers_page, some_customers):
    page = customers_page()
    page.search("r123")
    assert page.window().orders.opened == ["R0000123"]


def test_the_global_search_hook_searches_as_you_type(customers_page, some_customers):
    page = customers_page()
    page.search_as_you_type("lina")
    assert page.search_box.text() == "lina" and shown_names(page) == ["李娜"]


def test_a_bad_phone_shows_the_message_beside_the_field_and_saves_nothing(customers_page, some_customers, qtbot):
    page = customers_page()
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.form.name, "Zhang San")
    qtbot.keyClicks(dialog.form.phone, "12345")
    before = Customer.select().count()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.form.errors["phone"]
    assert error.isVisible() and "12345" in error.text()
    assert Customer.select().count() == before and dialog.isVisible()


def test_a_missing_name_and_phone_are_both_reported(customers_page, some_customers, qtbot):
    page = customers_page()
    dialog = page.new_customer()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors["name"].isVisible() and dialog.form.errors["phone"].isVisible()


def test_new_customer_warns_of_a_likely_duplicate_before_saving(customers_page, some_customers, qtbot):
    page = customers_page()
    dialog = page.new_customer()
    dialog.form.name.setText("王伟")
    qtbot.keyClicks(dialog.form.phone, "138-0013-8000")
    before = Customer.select().count()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.duplicates.isVisible() and dialog.duplicates.count() == 1
    assert "C000001" in dialog.duplicates.item(0).text()
    assert Customer.select().count() == before
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # "Save anyway"
    assert Customer.select().count() == before + 1 and not dialog.isVisible()
    assert page.file_view.file.customer.number == "C000004"


def test_the_file_saves_edits_and_refuses_a_bad_email_beside_the_field(customers_page, some_customers, qtbot):
    li = some_customers[1]
    page = customers_page()
    assert page.open_customer(li.id)
    form = page.file_view.form
    form.email.clear()
    qtbot.keyClicks(form.email, "li@")
    qtbot.mouseClick(page.file_view.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["email"].isVisible() and Customer.get_by_id(li.id).email == ""
    form.email.clear()
    qtbot.keyClicks(form.email, "li@example.com")
    qtbot.mouseClick(page.file_view.save_button, Qt.MouseButton.LeftButton)
    assert Customer.get_by_id(li.id).email == "li@example.com"
    assert page.file_view.status.text() == "Saved."


def test_a_stale_save_keeps_what_was_typed_and_says_who_saved(customers_page, some_customers, clock, qtbot):
    li = some_customers[1]
    page = customers_page()
    page.open_customer(li.id)
    other_desk = make_actor("front_desk", clock, name="小李")
    customer_service.update(other_desk, li.id, li.version, notes="changed elsewhere")
    page.file_view.form.address.setText("南山区科技园")
    qtbot.mouseClick(page.file_view.save_button, Qt.MouseButton.LeftButton)
    assert "小李" in page.file_view.status.text()
    assert page.file_view.form.address.text() == "南山区科技园"
    assert Customer.get_by_id(li.id).address == ""


def test_a_refresh_from_another_desk_keeps_what_is_being_typed(customers_page, some_customers, clock):
    li = some_customers[1]
    page = customers_page()
    page.open_customer(li.id)
    page.file_view.form.address.setText("南山区科技园")
    customer_service.add_device(make_actor("front_desk", clock), li.id, brand="Canon")
    page.ctx.dataChanged.emit("*")
    assert page.file_view.form.address.text() == "南山区科技园"
    assert page.file_view.devices.rowCount() == 1


def test_archived_files_leave_the_list_until_asked_for(customers_page, some_customers, qtbot):
    smith = some_customers[2]
    page = customers_page()
    page.open_customer(smith.id)
    qtbot.mouseClick(page.file_view.archive_button, Qt.MouseButton.LeftButton)
    assert Customer.get_by_id(smith.id).archived
    assert "John Smith" not in shown_names(page)
    page.archived_filter.setChecked(True)
    assert "John Smith" in shown_names(page)


def test_filters_and_header_sorting(customers_page, some_customers, qtbot):
    page = customers_page()
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("contract"))
    assert shown_names(page) == ["王伟"]
    page.kind_filter.setCurrentIndex(0)
    page.region_filter.setCurrentIndex(page.region_filter.findData("南山区"))
    assert shown_names(page) == ["李娜"]
    page.region_filter.setCurrentIndex(0)
    header = page.table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert [page.model.row_data(r).number for r in range(3)] == ["C000003", "C000002", "C000001"]


def test_adding_a_device_shows_its_warranty(customers_page, some_customers, qtbot):
    li = some_customers[1]
    page = customers_page()
    page.open_customer(li.id)
    dialog = page.file_view.add_device()
    qtbot.keyClicks(dialog.brand, "HP")
    qtbot.keyClicks(dialog.serial, "cn 123")
    dialog.purchase_date.setDate(dt.date(2026, 3, 1))
    dialog.warranty_months.setValue(12)
    dialog.save()
    table = page.file_view.devices
    assert table.rowCount() == 1 and table.item(0, 3).text() == "cn 123" and table.item(0, 7).text() == "In warranty"


def test_a_device_without_brand_model_or_serial_is_refused_beside_the_field(customers_page, some_customers):
    page = customers_page()
    page.open_customer(some_customers[1].id)
    dialog = page.file_view.add_device()
    dialog.save()
    assert dialog.errors["brand"].isVisible() and dialog.isVisible()


def write_list(path):
    book = Workbook()
    for row in [["姓名", "公司", "手机"], ["赵六", "六六贸易", "13511112222"], ["", "无名", "13511113333"],
                ["钱七", "", "12345"], ["孙八", "", "138 0013 8000"], ["周九", "", "13511114444"]]:
        book.active.append(row)
    book.save(path)
    return path


def test_importing_a_file_with_good_and_bad_rows(customers_page, some_customers, qtbot, tmp_path):
    page = customers_page()
    dialog = page.import_customers()
    assert dialog.load_file(write_list(tmp_path / "list.xlsx"))
    assert dialog.preview.rowCount() == 5
    assert dialog.mapping["name"].currentData() == 0 and dialog.mapping["phone"].currentData() == 2
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "2 rows can be imported; 3 have problems" in dialog.summary.text()
    results = {dialog.results.item(r, 0).text(): dialog.results.item(r, 3).text() for r in range(dialog.results.rowCount())}
    assert "name" in results["3"] and "12345" in results["4"] and "C000001" in results["5"]
    assert results["2"] == "OK" and results["6"] == "OK"
    before = Customer.select().count()
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert Customer.select().count() == before + 2
    assert "Imported 2 customers" in dialog.summary.text()
    page.search_box.setText("zl")
    assert "赵六" in shown_names(page)


def test_export_writes_the_current_list(customers_page, some_customers, tmp_path):
    page = customers_page()
    page.region_filter.setCurrentIndex(page.region_filter.findData("福田区"))
    page.export_customers(str(tmp_path / "out.csv"))
    assert page.status.text().startswith("1 customer written")
    lines = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and "王伟" in lines[1]


def test_a_technician_may_search_but_not_create(customers_page, some_customers, clock, qtbot):
    page = customers_page(make_actor("technician", clock))
    assert page.new_customer() is None and page.import_customers() is None
    page.search_box.setText("ww")
    assert shown_names(page)[0] == "王伟"
    page.open_customer(some_customers[0].id)
    assert not page.file_view.save_button.isVisible() and not page.file_view.form.name.isEnabled()


def test_the_list_model_passes_the_model_tester(qtmodeltester, db, owner, some_customers):
    for n in range(250):
        customer_service.create(owner, name=f"客户{n}", phone=f"139{n:08d}")
    model = CustomerTableModel(lambda ids: customer_service.rows(owner, ids))
    model.set_ids(customer_service.list_ids(owner))
    assert model.rowCount() == 253
    assert model.data(model.index(252, 1)) == "客户249"
    qtmodeltester.check(model)


def test_the_main_windows_search_box_finds_and_opens_the_customer(qtbot, db_url, db, clock, owner, some_customers):
    from shopdesk.ui.main_window import MainWindow

    ctx = AppContext(db_url, clock, owner)
    ctx.tasks.synchronous = True
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("customers")
    assert isinstance(page, CustomersPage)
    qtbot.keyClicks(window.search_box, "zfd")
    assert shown_names(page)[0] == "王伟"  # as you type
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert page.file_view.customer_id == some_customers[0].id
    window.close()


def test_the_file_shows_the_customers_complaints_and_calls_and_opens_them(customers_page, some_customers, clock,
                                                                           owner, qtbot):
    from shopdesk.models import FollowUpCall
    from shopdesk.services import followups as followup_service

    wang, li, _ = some_customers
    order = RepairOrder.get(RepairOrder.number == "R0000123")
    complaint = followup_service.create_complaint(owner, wang.id, "service", "师傅迟到两个小时\n第二行", order_id=order.id)
    FollowUpCall.create(customer=wang.id, order=order.id, stage="C", due_at=clock.now(), made_at=clock.now(),
                        made_by=owner.staff, outcome="reached", leftover_problem="还有点卡纸", unsatisfied=True,
                        created_at=clock.now())
    page = customers_page()
    opened = []
    page.window().show_area = lambda key: (type("Followups", (), {"show_complaint": opened.append})()
                                           if key == "followups" else page.window().orders)
    page.open_customer(wang.id)
    contacts = page.file_view.contacts
    page.file_view.tabs.setCurrentWidget(contacts)
    rows = lambda table: [[table.item(r, c).text() for c in range(table.columnCount())]  # noqa: E731
                          for r in range(table.rowCount())]
    assert rows(contacts.complaints) == [[complaint.number, "2026-11-23 09:00", "Service", "Open", "", "师傅迟到两个小时"]]
    assert rows(contacts.calls) == [["2026-11-23 09:00", "C: satisfaction", "R0000123", "Reached", "", "还有点卡纸"]]
    def double_click(table, column):
        where = table.visualItemRect(table.item(0, column)).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)

    double_click(contacts.complaints, 0)
    assert opened == [complaint.id]
    double_click(contacts.calls, 2)
    assert page.window().orders.opened == ["R0000123"]
    page.open_customer(li.id)
    assert contacts.complaints.rowCount() == 0 and "No complaints" in contacts.complaints_note.text()


def test_a_technician_does_not_see_calls_and_complaints_in_the_file(customers_page, some_customers, clock):
    tech = make_actor("technician", clock, username="chen", name="陈师傅")
    page = customers_page(tech)
    assert page.file_view.contacts is None


def test_a_contract_is_refused_beside_the_field_then_saved(customers_page, some_customers, qtbot):
    from PySide6.QtWidgets import QLineEdit

    from shopdesk.models import ServiceContract

    li = some_customers[0]  # 王伟, with a Ricoh copier on file
    page = customers_page()
    page.open_customer(li.id)
    dialog = page.file_view.add_contract()
    dialog.kind.setCurrentIndex(dialog.kind.findData("rental"))  # a rental has a monthly fee
    dialog.device.setCurrentIndex(dialog.device.count() - 1)  # and names the copier
    fee = dialog.findChild(QLineEdit, "contractMonthlyFee")
    fee.clear()
    qtbot.keyClicks(fee, "12.345")  # not a yuan amount
    dialog.save()
    assert dialog.errors["monthly_fee"].isVisible() and dialog.isVisible()
    assert ServiceContract.select().where(ServiceContract.customer == li.id).count() == 0
    fee.clear()
    qtbot.keyClicks(fee, "300")
    dialog.ends_on.setDate(dialog.starts_on.date().addDays(-1))
    dialog.save()
    assert dialog.errors["ends_on"].isVisible() and not dialog.errors["monthly_fee"].isVisible()
    assert ServiceContract.select().where(ServiceContract.customer == li.id).count() == 0
    dialog.ends_on.setDate(dialog.starts_on.date().addYears(1).addDays(-1))
    dialog.save()
    assert not dialog.isVisible()
    saved = ServiceContract.get(ServiceContract.customer == li.id)
    assert saved.monthly_fee == 30000
    assert page.file_view.contracts.rowCount() == 1
