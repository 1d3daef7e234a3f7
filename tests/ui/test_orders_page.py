"""The Repair orders page, driven through its widgets: intake to close, overdue rows, day board, day close."""

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage

from shopdesk.models import ALL_MODELS, Customer, Device, OrderEvent, RepairOrder
from shopdesk.models.orders import OrderPhoto
from shopdesk.services import orders as order_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.orders.board_model import OVERDUE_BACKGROUND, OrderTableModel
from shopdesk.ui.orders.page import OrdersPage
from tests.conftest import make_actor



def write_photo(path):
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    assert image.save(str(path), "PNG")
    return path


@pytest.fixture(autouse=True)
def orders_photo_table(db):
    """OrderPhoto is new in this issue; until it joins ALL_MODELS the test makes its table."""
    if OrderPhoto not in ALL_MODELS:
        db.create_tables([OrderPhoto], safe=True)


@pytest.fixture
def orders_staff(db, clock):
    class Staff:
        lead = make_actor("team_lead", clock, "lead", "组长")
        chen = make_actor("technician", clock, "chen", "陈师傅")

    return Staff


@pytest.fixture
def orders_page(qtbot, db_url, clock, owner, orders_staff):
    def make(actor=None):
        ctx = AppContext(db_url, clock, actor or owner)
        ctx.tasks.synchronous = True
        page = OrdersPage(ctx)
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        return page

    return make


@pytest.fixture
def orders_customer(db, clock):
    customer = Customer.create(number="C000001", name="王伟", company="深圳正方达贸易", phone="13800138000",
                               address="深圳市福田区深南大道1号", region="福田", created_at=clock.now())
    Device.create(customer=customer, brand="Ricoh", model="MP 2555", serial="E1234567", serial_key="E1234567",
                  created_at=clock.now())
    return customer


def do(qtbot, view, action, fill=lambda d: None):
    """Click an action's button in the order window, fill its dialog, confirm."""
    button = view.action_buttons[action]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = view.action_dialog
    assert dialog.isVisible() and dialog.act.name == action
    fill(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def pick(combo, text):
    index = combo.findText(text)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def test_one_order_from_intake_to_closed(qtbot, orders_page, owner, clock, tmp_path):
    page = orders_page()
    assert page.board_table.stack.currentWidget() is page.board_table.empty  # a hint, not an empty grid

    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    intake = page.intake
    assert intake is not None and intake.isVisible()

    # A walk-in we do not know yet: create the customer and the copier inline.
    qtbot.mouseClick(intake.new_customer_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(intake.findChild(type(intake.save_button), "intakeCreateCustomer"), Qt.MouseButton.LeftButton)
    assert intake.errors["name"].isVisible()  # no name: refused beside the field
    intake.new_name.setText("王伟")
    intake.new_company.setText("深圳正方达贸易")
    qtbot.keyClicks(intake.new_phone, "138-0013-8000")
    intake.new_address.setText("深圳市福田区深南大道1号")
    qtbot.mouseClick(intake.findChild(type(intake.save_button), "intakeCreateCustomer"), Qt.MouseButton.LeftButton)
    assert "王伟" in intake.chosen.text() and intake.address.text() == "深圳市福田区深南大道1号"
    qtbot.keyClicks(intake.new_brand, "Ricoh")
    qtbot.keyClicks(intake.new_model, "MP 2555")
    qtbot.keyClicks(intake.new_serial, "e1234567")
    qtbot.mouseClick(intake.findChild(type(intake.save_button), "intakeAddDevice"), Qt.MouseButton.LeftButton)
    assert "E1234567".lower() in intake.device.currentText().lower()

    qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    assert intake.errors["fault"].isVisible() and RepairOrder.select().count() == 0
    intake.fault.setPlainText("卡纸，进纸时有异响")
    pick(intake.priority, "Urgent")
    intake.accessories.setText("电源线")
    photo = write_photo(tmp_path / "jam.png")
    intake.add_photo(photo)  # what "Add photos…" does with the chosen file
    assert intake.photos.count() == 1
    qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    assert not intake.isVisible()
    order = RepairOrder.get()
    assert (order.number, order.fault, order.priority, order.accessories) == ("R0000001", "卡纸，进纸时有异响", "urgent", "电源线")
    assert "R0000001" in page.status.text()

    # The board shows it; double-click opens it.
    assert page.model.rowCount() == 1
    rect = page.board_table.view.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.board_table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.board_table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = page.order_dialogs[order.id]
    assert view.isVisible() and view.photos.count() == 1 and "R0000001" in view.title.text()
    assert "close" not in view.action_buttons  # only what the rules allow is offered

    lead, chen = "组长", "陈师傅"
    do(qtbot, view, "dispatch", lambda d: pick(d.fields["dispatched_to"], lead))
    do(qtbot, view, "assign", lambda d: pick(d.fields["technician"], chen))
    do(qtbot, view, "set_appointment", lambda d: d.fields["appointment_at"].setDateTime(
        QDateTime.fromString("2026-11-23 10:30", "yyyy-MM-dd HH:mm")))
    assert RepairOrder.get().appointment_at == dt.datetime(2026, 11, 23, 2, 30)  # 10:30 Shanghai, stored UTC
    assert "start" not in view.action_buttons  # a paid repair: quote first
    do(qtbot, view, "send_quote", lambda d: qtbot.keyClicks(d.fields["amount"], "80"))
    do(qtbot, view, "approve_quote", lambda d: pick(d.fields["how"], "By phone"))
    do(qtbot, view, "start")

    qtbot.mouseClick(view.work_button, Qt.MouseButton.LeftButton)
    work = view.work_dialog
    work.diagnosis.setPlainText("搓纸轮磨损")
    work.work_done.setPlainText("更换搓纸轮")
    work.add_part("搓纸轮", 1, "80.00")
    work.travel_km.setValue(12)
    qtbot.keyClicks(work.fee, "80")
    pick(work.method, "Cash")
    qtbot.mouseClick(work.findChild(type(view.work_button), "saveWork"), Qt.MouseButton.LeftButton)
    assert RepairOrder.get().work_done == "更换搓纸轮"

    do(qtbot, view, "resolve")
    # The receipt counts only if signed by the customer in person.
    dialog = do(qtbot, view, "return_receipt", lambda d: d.fields["signer_name"].setText("王伟"))
    assert dialog.isVisible() and dialog.errors["in_person"].isVisible()
    assert RepairOrder.get().state == "resolved"
    dialog.fields["in_person"].setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    do(qtbot, view, "confirm_callback", lambda d: d.fields["note"].setPlainText("5/5/5/5"))
    do(qtbot, view, "close")

    order = RepairOrder.get()
    assert order.state == "closed" and order.signer_name == "王伟" and order.technician.name == chen
    assert view.action_buttons == {} and not view.work_button.isVisible()
    steps = [view.timeline.item(r, 2).text() for r in range(view.timeline.rowCount())]
    assert steps[-1] == "Callback confirmed → Closed"
    assert OrderEvent.select().where(OrderEvent.kind == "transition").count() == 11
    assert page.model.rowCount() == 0  # the board followed (dataChanged)


def test_overdue_rows_are_highlighted_as_the_clock_moves(qtbot, orders_page, owner, clock, orders_customer):
    order_service.create_order(owner, orders_customer.id, fault="卡纸")
    page = orders_page()
    index = page.model.index(0, 0)
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    clock.advance(minutes=5)
    page.refresh_timer.timeout.emit()
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None  # 5:00 is in time
    assert page.status_indicator.count == 0
    clock.advance(seconds=1)
    page.refresh_timer.timeout.emit()
    brush = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color() == OVERDUE_BACKGROUND
    assert page.model.data(page.model.index(0, 10), Qt.ItemDataRole.DisplayRole) == "Not dispatched in time"
    assert page.overdue_label.text() == "Overdue orders: 1" and page.status_indicator.count == 1
    assert page.refresh_timer.interval() == 30_000 and page.refresh_timer.isActive()
    page.overdue_filter.setChecked(True)
    assert page.model.rowCount() == 1


def test_board_model_passes_the_model_tester_and_fetches_by_page(qtbot, qtmodeltester, db, owner, clock,
                                                                 orders_customer):
    now = clock.now()
    RepairOrder.insert_many([
        {"number": f"R{i:07d}", "customer": orders_customer.id, "state": "received", "location": "bench",
         "fault": f"故障 {i}", "reported_at": now, "created_at": now} for i in range(1, 131)
    ]).execute()
    model = OrderTableModel(lambda offset, limit: order_service.board(owner, order_service.BoardFilter(),
                                                                      offset, limit))
    model.reload()
    assert model.rowCount() == 100 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 130 and not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    assert model.refresh() is False  # nothing changed: no reset


def test_day_board_assigns_by_drag_and_drop_and_by_picker(qtbot, orders_page, owner, orders_staff, clock,
                                                          orders_customer):
    first = order_service.create_order(owner, orders_customer.id, fault="卡纸")
    second = order_service.create_order(owner, orders_customer.id, fault="不进纸")
    page = orders_page(orders_staff.lead)
    page.tabs.setCurrentWidget(page.day_board)
    board = page.day_board
    tree = board.tree
    item = board.order_item(first.number)
    target = board.technician_item(orders_staff.chen.staff.id)
    assert item.parent().text(0).startswith("Not yet with a technician")
    mime = tree.mimeData([item])
    tree.dropMimeData(target, 0, mime, Qt.DropAction.MoveAction)
    assert RepairOrder.get_by_id(first.id).technician_id == orders_staff.chen.staff.id
    assert board.order_item(first.number).parent().data(0, Qt.ItemDataRole.UserRole + 1) == orders_staff.chen.staff.id
    assert "陈师傅" in board.status.text()

    tree.setCurrentItem(board.order_item(second.number))
    qtbot.mouseClick(board.assign_button, Qt.MouseButton.LeftButton)
    picker = board.picker
    pick(picker.box, "陈师傅")
    qtbot.mouseClick(picker.findChild(type(board.assign_button), "pickOk"), Qt.MouseButton.LeftButton)
    assert RepairOrder.get_by_id(second.id).state == "assigned"


def test_day_close_through_the_dialog(qtbot, orders_page, owner, orders_staff, clock, orders_customer):
    order = order_service.create_order(owner, orders_customer.id, fault="卡纸")
    page = orders_page(orders_staff.lead)
    page.tabs.setCurrentWidget(page.day_board)
    qtbot.mouseClick(page.day_board.close_button, Qt.MouseButton.LeftButton)
    dialog = page.day_board.close_dialog
    assert dialog.table.topLevelItem(0).text(2) == "1: R0000001"
    qtbot.mouseClick(dialog.findChild(type(page.day_board.close_button), "confirmCloseDay"), Qt.MouseButton.LeftButton)
    assert RepairOrder.get_by_id(order.id).carried_over_on == dt.date(2026, 11, 23)
    assert "1" in page.day_board.status.text() and page.day_board.closed_label.text() == "Closed by 组长"
    front = make_actor("front_desk", clock, "desk", "小李")
    assert not orders_page(front).day_board.close_button.isVisibleTo(page)


def test_open_order_by_number_from_the_global_search(qtbot, orders_page, owner, orders_customer):
    order = order_service.create_order(owner, orders_customer.id, fault="卡纸")
    page = orders_page()
    view = page.open_order("r1")
    assert view is page.order_dialogs[order.id] and view.isVisible()
    assert view.detail("Customer").startswith("深圳正方达贸易 · 王伟")
    assert page.open_order("R404") is None and "R404" in page.status.text()


def test_a_technician_sees_own_orders_first(qtbot, orders_page, owner, orders_staff, orders_customer):
    order = order_service.create_order(owner, orders_customer.id, fault="卡纸")
    order_service.assign_technician(owner, order.id, order.version, orders_staff.chen.staff.id)
    order_service.create_order(owner, orders_customer.id, fault="别人的")
    page = orders_page(orders_staff.chen)
    assert page.tabs.currentWidget() is page.my_table
    assert page.my_model.rowCount() == 1 and page.my_model.row_at(0).number == order.number
    assert not page.findChild(type(page.day_board.close_button), "newOrderButton").isVisibleTo(page)
