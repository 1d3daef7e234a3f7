"""From a customer's file to a written order: the device chosen in the file comes
along, and the written order opens so the desk can dispatch it."""

import datetime as dt

from PySide6.QtCore import Qt

from shopdesk.models import RepairOrder
from shopdesk.services import customers as customer_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import MainWindow


def test_new_order_for_the_device_chosen_in_the_file(qtbot, db_url, db, clock, owner):
    customer = customer_service.create(owner, name="王伟", company="深圳正方达贸易", phone="13800138000")
    customer_service.add_device(owner, customer.id, brand="Ricoh", model="MP 2555", serial="E1234567")
    printer = customer_service.add_device(owner, customer.id, brand="HP", model="M404", serial="PHX99",
                                          category="printer", purchase_date=dt.date(2026, 3, 1), warranty_months=12)
    ctx = AppContext(db_url, clock, owner)
    ctx.tasks.synchronous = True
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()

    customers = window.show_area("customers")
    assert customers.open_customer(customer.id)
    view = customers.file_view
    devices = view.devices
    row = next(r for r in range(devices.rowCount()) if "PHX99" in " ".join(
        devices.item(r, c).text() for c in range(devices.columnCount()) if devices.item(r, c)))
    devices.selectRow(row)
    qtbot.mouseClick(view.new_order_button, Qt.MouseButton.LeftButton)

    orders = window.pages["orders"]
    intake = orders.intake
    assert intake.isVisible() and intake.device.currentData() == printer.id
    intake.fault.setPlainText("卡纸")
    intake.address.setText("深圳市福田区深南大道 1 号")
    qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)

    assert not [e.text() for e in intake.errors.values() if e.isVisible()]
    order = RepairOrder.get(RepairOrder.customer == customer.id)
    assert order.device_id == printer.id
    assert order.id in orders.order_dialogs and orders.order_dialogs[order.id].isVisible()
    assert order.number in orders.status.text()
