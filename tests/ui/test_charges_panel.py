"""The charges panel of the order view: coverage, lines, totals, price list, override."""

import datetime as dt
import itertools
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from shopdesk.errors import PermissionDenied
from shopdesk.models import Customer, Device, OrderEvent, OrderLine, RepairOrder
from shopdesk.services import pricelist as pricelist_service
from shopdesk.services.coverage import add_line, check_coverage, override_coverage
from shopdesk.ui.charges import STATUS, UNIT_PRICE, VALUE, ChargeLinesModel, ChargesPanel
from shopdesk.ui.context import AppContext
from tests.conftest import make_actor
from tests.ui.modal_dialogs import when_dialog

_numbers = itertools.count(1)
REPORTED = dt.datetime(2026, 11, 20, 2, 0)  # 10:00 in Shanghai


def an_order(clock, purchase=dt.date(2026, 3, 1), months=12, **order_fields):
    """A customer, their copier bought on ``purchase`` with ``months`` of warranty, and an order reported 2026-11-20."""
    n = next(_numbers)
    customer = Customer.create(number=f"C{n:06d}", name="王伟", created_at=clock.now())
    device = Device.create(customer=customer, brand="Ricoh", model="MP 2555", serial=f"E{n}",
                           purchase_date=purchase, warranty_months=months, created_at=clock.now())
    return RepairOrder.create(number=f"R{n:07d}", customer=customer, device=device, reported_at=REPORTED,
                              created_at=clock.now(), state="new", **order_fields)


@pytest.fixture
def charges_panel(qtbot, db, db_url, clock):
    """``charges_panel(actor, order)``: a shown panel on the order, as ``actor``."""

    def make(actor, order):
        ctx = AppContext(db_url, clock, actor)
        ctx.tasks.synchronous = True
        panel = ChargesPanel(ctx)
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        panel.show()
        panel.set_order(order.id)
        return panel

    return make


@pytest.fixture
def in_warranty(owner, clock):
    order = an_order(clock)
    check_coverage(owner, order.id)
    return order


@pytest.fixture
def out_of_warranty(owner, clock):
    order = an_order(clock, purchase=dt.date(2024, 3, 1), months=12)
    check_coverage(owner, order.id)
    return order


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def child(panel, kind, name):
    found = panel.findChild(kind, name)
    assert found is not None, name
    return found


def type_line(qtbot, panel, kind, description, price, quantity=1):
    kind_box = child(panel, QComboBox, "lineKind")
    kind_box.setCurrentIndex(kind_box.findData(kind))
    description_box = child(panel, QLineEdit, "lineDescription")
    description_box.clear()
    qtbot.keyClicks(description_box, description)
    panel.quantity.setValue(quantity)
    price_box = child(panel, QLineEdit, "linePrice")
    price_box.clear()
    qtbot.keyClicks(price_box, price)
    click(qtbot, child(panel, QPushButton, "addLine"))


def total(panel, name):
    return child(panel, QLabel, name).text()


def cells(panel, column):
    model = panel.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_a_part_on_an_order_in_warranty_is_covered_and_nothing_is_to_pay(qtbot, charges_panel, owner, in_warranty):
    panel = charges_panel(owner, in_warranty)
    assert child(panel, QLabel, "coverageKind").text() == "Warranty"
    assert child(panel, QLabel, "coverageReason").text() == "in warranty until 2027-03-01"
    assert not child(panel, QLabel, "coverageGoodwill").isVisible()

    areas = []
    panel.ctx.dataChanged.connect(areas.append)
    with qtbot.waitSignal(panel.changed, timeout=1000):
        type_line(qtbot, panel, "part", "Pickup roller", "80.00")

    assert cells(panel, STATUS) == ["Covered"]
    assert cells(panel, UNIT_PRICE) == ["¥80.00"] and cells(panel, VALUE) == ["¥80.00"]  # covered keeps its price
    assert total(panel, "totalValue") == "¥80.00"
    assert total(panel, "totalCovered") == "¥80.00"
    assert total(panel, "totalToPay") == "¥0.00"
    assert total(panel, "totalBalance") == "¥0.00"
    assert areas == ["orders"]
    line = OrderLine.get(OrderLine.order == in_warranty.id)
    assert (line.kind, line.unit_price, line.covered) == ("part", 8000, True)
    assert child(panel, QLineEdit, "lineDescription").text() == ""  # ready for the next line


def test_a_paid_order_charges_part_and_labour(qtbot, charges_panel, owner, out_of_warranty):
    panel = charges_panel(owner, out_of_warranty)
    assert child(panel, QLabel, "coverageKind").text() == "Paid repair"
    assert child(panel, QLabel, "coverageReason").text() == "out of warranty since 2025-03-02"
    assert "quote the customer" in child(panel, QLabel, "quoteHint").text()

    type_line(qtbot, panel, "part", "Pickup roller", "80")
    assert total(panel, "totalToPay") == "¥80.00"
    type_line(qtbot, panel, "labour", "Repair", "120")

    assert cells(panel, STATUS) == ["Charged", "Charged"]
    assert total(panel, "totalValue") == "¥200.00"
    assert total(panel, "totalCovered") == "¥0.00"
    assert total(panel, "totalToPay") == "¥200.00"
    assert total(panel, "totalPaid") == "¥0.00"
    assert total(panel, "totalBalance") == "¥200.00"
    assert not child(panel, QLabel, "totalDiscount").isVisible()  # no discount: no discount row


def test_a_price_that_is_not_an_amount_is_refused_beside_the_field(qtbot, charges_panel, owner, out_of_warranty):
    panel = charges_panel(owner, out_of_warranty)
    changes = []
    panel.changed.connect(lambda: changes.append(1))

    type_line(qtbot, panel, "part", "Pickup roller", "8o")

    error = child(panel, QLabel, "linePriceError")
    assert error.isVisible() and "8o" in error.text()
    assert OrderLine.select().where(OrderLine.order == out_of_warranty.id).count() == 0
    assert changes == [] and panel.table.model().rowCount() == 0
    assert child(panel, QLineEdit, "lineDescription").text() == "Pickup roller"  # what was typed stays
    assert total(panel, "totalToPay") == "¥0.00"

    price = child(panel, QLineEdit, "linePrice")
    price.clear()
    qtbot.keyClicks(price, "80")
    assert not error.isVisible()  # typing again clears the message
    qtbot.keyClick(price, Qt.Key.Key_Return)
    assert total(panel, "totalToPay") == "¥80.00"


def test_a_line_without_description_is_refused(qtbot, charges_panel, owner, out_of_warranty):
    panel = charges_panel(owner, out_of_warranty)
    type_line(qtbot, panel, "labour", "", "50")
    assert child(panel, QLabel, "lineDescriptionError").isVisible()
    assert OrderLine.select().count() == 0


def test_picking_from_the_price_list_fills_a_line_whose_price_stays_editable(qtbot, charges_panel, owner, out_of_warranty):
    pricelist_service.create_item(owner, "PICKUP", "搓纸轮 更换", "part", 4500, points=3)
    pricelist_service.create_item(owner, "FUSER", "定影组件", "part", 68000, points=8)
    panel = charges_panel(owner, out_of_warranty)

    def pick(dialog):
        search = dialog.findChild(QLineEdit, "pickerSearch")
        qtbot.keyClicks(search, "pick")
        assert dialog.model.rowCount() == 1
        click(qtbot, dialog.findChild(QPushButton, "pickerUse"))

    when_dialog("priceItemPicker", pick)
    click(qtbot, child(panel, QPushButton, "addFromPriceList"))

    assert child(panel, QLineEdit, "lineDescription").text() == "搓纸轮 更换"
    assert child(panel, QComboBox, "lineKind").currentData() == "part"
    price = child(panel, QLineEdit, "linePrice")
    assert price.text() == "45.00"
    assert "PICKUP" in child(panel, QLabel, "pickedItem").text()
    price.clear()
    qtbot.keyClicks(price, "40")  # the shop gives this customer a better price
    click(qtbot, child(panel, QPushButton, "addLine"))

    line = OrderLine.get(OrderLine.order == out_of_warranty.id)
    assert (line.code, line.description, line.unit_price, line.points) == ("PICKUP", "搓纸轮 更换", 4000, 3)
    assert cells(panel, 1) == ["PICKUP"]
    assert child(panel, QLabel, "pickedItem").text() == ""
    assert total(panel, "totalToPay") == "¥40.00"


def test_removing_a_line_updates_the_totals(qtbot, charges_panel, owner, out_of_warranty):
    add_line(owner, out_of_warranty.id, "part", "Pickup roller", 1, 8000)
    add_line(owner, out_of_warranty.id, "labour", "Repair", 1, 12000)
    panel = charges_panel(owner, out_of_warranty)
    remove = child(panel, QPushButton, "removeLine")
    assert not remove.isEnabled()  # nothing selected

    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.changed, timeout=1000):
        click(qtbot, remove)

    assert cells(panel, 2) == ["Repair"]
    assert total(panel, "totalToPay") == "¥120.00"
    assert OrderLine.get(OrderLine.description == "Pickup roller").removed


def test_recheck_after_the_purchase_date_is_corrected(qtbot, charges_panel, owner, clock):
    order = an_order(clock, purchase=None, months=12)
    check_coverage(owner, order.id)
    add_line(owner, order.id, "part", "Pickup roller", 1, 8000)
    panel = charges_panel(owner, order)
    assert child(panel, QLabel, "coverageKind").text() == "Paid repair"
    Device.update(purchase_date=dt.date(2026, 3, 1)).where(Device.id == order.device_id).execute()

    click(qtbot, child(panel, QPushButton, "recheckCoverage"))

    assert child(panel, QLabel, "coverageKind").text() == "Warranty"
    assert cells(panel, STATUS) == ["Covered"]
    assert total(panel, "totalToPay") == "¥0.00"


def test_the_owner_overrides_with_a_reason_and_goodwill_shows(qtbot, charges_panel, owner, out_of_warranty):
    add_line(owner, out_of_warranty.id, "part", "Pickup roller", 1, 8000)
    panel = charges_panel(owner, out_of_warranty)
    assert not child(panel, QPushButton, "dropOverride").isVisible()

    def override(dialog):
        kind = dialog.findChild(QComboBox, "overrideKind")
        kind.setCurrentIndex(kind.findData("warranty"))
        save = dialog.findChild(QPushButton, "overrideSave")
        click(qtbot, save)  # no reason yet
        assert dialog.isVisible()
        assert dialog.findChild(QLabel, "overrideReasonError").isVisible()
        assert not RepairOrder.get_by_id(out_of_warranty.id).coverage_overridden
        qtbot.keyClicks(dialog.findChild(QLineEdit, "overrideReason"), "regular customer")
        click(qtbot, save)

    when_dialog("overrideCoverageDialog", override)
    with qtbot.waitSignal(panel.changed, timeout=5000):
        click(qtbot, child(panel, QPushButton, "overrideCoverage"))

    assert child(panel, QLabel, "coverageKind").text() == "Warranty"
    assert child(panel, QLabel, "coverageGoodwill").isVisible()
    assert child(panel, QLabel, "coverageGoodwill").text() == "goodwill"
    assert "regular customer" in child(panel, QLabel, "coverageReason").text()
    assert total(panel, "totalToPay") == "¥0.00"
    saved = RepairOrder.get_by_id(out_of_warranty.id)
    assert (saved.coverage, saved.coverage_overridden, saved.coverage_override_reason) == ("warranty", True, "regular customer")
    event = OrderEvent.select().where(OrderEvent.order == saved.id, OrderEvent.kind == "coverage").order_by(OrderEvent.id.desc()).first()
    assert json.loads(event.data)["overridden"] is True and "regular customer" in event.note

    click(qtbot, child(panel, QPushButton, "recheckCoverage"))  # an override stays on a re-check
    assert child(panel, QLabel, "coverageGoodwill").isVisible()
    assert "stays" in child(panel, QLabel, "chargesStatus").text()

    click(qtbot, child(panel, QPushButton, "dropOverride"))
    assert child(panel, QLabel, "coverageKind").text() == "Paid repair"
    assert not child(panel, QLabel, "coverageGoodwill").isVisible()
    assert total(panel, "totalToPay") == "¥80.00"


def test_the_front_desk_sees_no_override_and_the_service_refuses(qtbot, charges_panel, clock, owner, in_warranty):
    desk = make_actor("front_desk", clock, name="小李")
    panel = charges_panel(desk, in_warranty)

    assert not child(panel, QPushButton, "overrideCoverage").isVisible()
    assert not child(panel, QPushButton, "dropOverride").isVisible()
    assert child(panel, QPushButton, "recheckCoverage").isVisible()  # the desk may re-check
    assert child(panel, QPushButton, "addLine").isVisible()          # and charge lines
    with pytest.raises(PermissionDenied):
        override_coverage(desk, in_warranty.id, "paid", "customer dropped it")
    assert RepairOrder.get_by_id(in_warranty.id).coverage == "warranty"


def test_a_team_lead_may_override(charges_panel, clock, in_warranty):
    lead = make_actor("team_lead", clock, name="张组长")
    panel = charges_panel(lead, in_warranty)
    assert child(panel, QPushButton, "overrideCoverage").isVisible()


def test_a_technician_changes_only_the_lines_of_own_orders(charges_panel, clock, owner):
    tech = make_actor("technician", clock, name="王师傅")
    own = an_order(clock, technician=tech.staff)
    other = an_order(clock)
    panel = charges_panel(tech, own)
    assert child(panel, QPushButton, "addLine").isVisible()
    assert not child(panel, QPushButton, "overrideCoverage").isVisible()
    assert not child(panel, QPushButton, "recheckCoverage").isVisible()
    panel.set_order(other.id)  # a technician sees every order, but charges only on their own
    assert child(panel, QLabel, "coverageKind").isVisible()
    assert not child(panel, QPushButton, "addLine").isVisible()
    assert not child(panel, QPushButton, "removeLine").isVisible()


def test_a_closed_order_shows_its_charges_but_no_longer_changes(charges_panel, owner, clock, out_of_warranty):
    add_line(owner, out_of_warranty.id, "labour", "Repair", 1, 12000)
    RepairOrder.update(state="closed", closed_at=clock.now()).where(RepairOrder.id == out_of_warranty.id).execute()
    panel = charges_panel(owner, out_of_warranty)
    assert cells(panel, 2) == ["Repair"] and total(panel, "totalToPay") == "¥120.00"
    assert not child(panel, QPushButton, "addLine").isVisible()
    assert not child(panel, QPushButton, "removeLine").isVisible()
    assert not child(panel, QPushButton, "overrideCoverage").isEnabled()
    assert "finished" in child(panel, QLabel, "linesHint").text()


def test_another_desk_change_refreshes_the_panel(charges_panel, owner, out_of_warranty):
    panel = charges_panel(owner, out_of_warranty)
    add_line(owner, out_of_warranty.id, "travel", "On-site visit", 1, 3000)
    panel.ctx.dataChanged.emit("orders")
    assert total(panel, "totalToPay") == "¥30.00"


def test_the_lines_model_passes_qtmodeltester(qtmodeltester, owner, clock, out_of_warranty):
    add_line(owner, out_of_warranty.id, "part", "Pickup roller", 2, 8000)
    add_line(owner, out_of_warranty.id, "discount", "Regular customer", 1, 1000)
    from shopdesk.services.charges import order_charges

    model = ChargeLinesModel()
    model.set_rows(order_charges(owner, out_of_warranty.id).lines)
    qtmodeltester.check(model)
    assert [model.index(1, column).data() for column in (VALUE, STATUS)] == ["-¥10.00", "Deducted"]


def test_delete_key_removes_the_selected_line(qtbot, charges_panel, owner, out_of_warranty):
    add_line(owner, out_of_warranty.id, "part", "Pickup roller", 1, 8000)
    panel = charges_panel(owner, out_of_warranty)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.table.model().rowCount() == 0
    assert total(panel, "totalToPay") == "¥0.00"


def test_enter_in_the_picker_search_uses_the_first_match(qtbot, charges_panel, owner, out_of_warranty):
    pricelist_service.create_item(owner, "VISIT", "上门服务费", "travel", 3000, points=1)
    panel = charges_panel(owner, out_of_warranty)

    def pick(dialog):
        search = dialog.findChild(QLineEdit, "pickerSearch")
        qtbot.keyClicks(search, "VIS")
        qtbot.keyClick(search, Qt.Key.Key_Return)

    when_dialog("priceItemPicker", pick)
    click(qtbot, child(panel, QPushButton, "addFromPriceList"))
    assert child(panel, QComboBox, "lineKind").currentData() == "travel"
    assert child(panel, QLineEdit, "linePrice").text() == "30.00"
