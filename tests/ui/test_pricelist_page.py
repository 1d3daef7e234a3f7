"""The owner's price list page: add, edit, deactivate, search."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox

from shopdesk.models import AuditEntry, PriceItem
from shopdesk.services import pricelist as pricelist_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.pricelist import ACTIVE, CODE, UNIT_PRICE, PriceItemsModel, PriceListPage
from tests.conftest import make_actor
from tests.ui.modal_dialogs import when_dialog


@pytest.fixture
def pricelist_ctx(db, db_url, clock):
    def make(actor):
        ctx = AppContext(db_url, clock, actor)
        ctx.tasks.synchronous = True
        return ctx

    return make


@pytest.fixture
def pricelist_page(qtbot, pricelist_ctx, owner):
    page = PriceListPage(pricelist_ctx(owner))
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    return page


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def column(page, index):
    model = page.table.model()
    return [model.index(row, index).data() for row in range(model.rowCount())]


def fill_item(qtbot, dialog, code, name, kind, price, points):
    if code is not None:
        qtbot.keyClicks(dialog.findChild(QLineEdit, "priceCode"), code)
    dialog.findChild(QLineEdit, "priceName").setText(name)  # Chinese cannot be typed with keyClicks
    kind_box = dialog.findChild(QComboBox, "priceKind")
    kind_box.setCurrentIndex(kind_box.findData(kind))
    price_box = dialog.findChild(QLineEdit, "priceUnitPrice")
    price_box.clear()
    qtbot.keyClicks(price_box, price)
    dialog.findChild(QSpinBox, "pricePoints").setValue(points)


def test_an_empty_price_list_says_how_to_start(pricelist_page):
    hint = pricelist_page.findChild(QLabel, "priceHint")
    assert hint.isVisible() and "Add item" in hint.text()
    assert not pricelist_page.findChild(QPushButton, "priceEdit").isEnabled()


def test_add_edit_and_deactivate_an_item(qtbot, pricelist_page, owner):
    page = pricelist_page

    def add(dialog):
        fill_item(qtbot, dialog, "pickup", "搓纸轮 更换", "part", "45,x", 3)
        click(qtbot, dialog.findChild(QPushButton, "priceSave"))
        error = dialog.findChild(QLabel, "unit_priceError")
        assert dialog.isVisible() and error.isVisible() and "45,x" in error.text()
        assert PriceItem.select().count() == 0
        price = dialog.findChild(QLineEdit, "priceUnitPrice")
        price.clear()
        qtbot.keyClicks(price, "45")
        click(qtbot, dialog.findChild(QPushButton, "priceSave"))

    when_dialog("priceItemDialog", add)
    click(qtbot, page.findChild(QPushButton, "priceAdd"))

    item = PriceItem.get()
    assert (item.code, item.name, item.kind, item.unit_price, item.points, item.active) == (
        "PICKUP", "搓纸轮 更换", "part", 4500, 3, True)
    assert column(page, CODE) == ["PICKUP"] and column(page, UNIT_PRICE) == ["¥45.00"]
    assert page.selected_id() == item.id  # the new item is selected

    def edit(dialog):
        code = dialog.findChild(QLineEdit, "priceCode")
        assert code.isReadOnly() and code.text() == "PICKUP"
        price = dialog.findChild(QLineEdit, "priceUnitPrice")
        assert price.text() == "45.00"
        price.clear()
        qtbot.keyClicks(price, "50")
        click(qtbot, dialog.findChild(QPushButton, "priceSave"))

    when_dialog("priceItemDialog", edit)
    click(qtbot, page.findChild(QPushButton, "priceEdit"))

    item = PriceItem.get_by_id(item.id)
    assert (item.unit_price, item.version) == (5000, 2)
    assert column(page, UNIT_PRICE) == ["¥50.00"]
    assert AuditEntry.select().where(AuditEntry.action == "update").count() == 1

    toggle = page.findChild(QPushButton, "priceToggleActive")
    assert toggle.text() == "Deactivate"
    click(qtbot, toggle)
    assert not PriceItem.get_by_id(item.id).active
    assert column(page, CODE) == []  # inactive items are hidden …
    assert "Show inactive" in page.findChild(QLabel, "priceStatus").text()
    page.findChild(QCheckBox, "priceShowInactive").setChecked(True)  # … until asked for
    assert column(page, ACTIVE) == ["No (inactive)"]
    page.table.selectRow(0)
    assert toggle.text() == "Reactivate"
    click(qtbot, toggle)
    assert PriceItem.get_by_id(item.id).active and column(page, ACTIVE) == ["Yes"]


def test_a_code_already_in_the_list_is_refused_beside_the_code(qtbot, pricelist_page, owner):
    pricelist_service.create_item(owner, "FUSER", "定影组件", "part", 68000)
    pricelist_page.refresh()

    def add(dialog):
        fill_item(qtbot, dialog, "fuser", "Fuser unit", "part", "600", 0)
        click(qtbot, dialog.findChild(QPushButton, "priceSave"))
        error = dialog.findChild(QLabel, "codeError")
        assert error.isVisible() and "FUSER" in error.text()
        dialog.reject()

    when_dialog("priceItemDialog", add)
    click(qtbot, pricelist_page.findChild(QPushButton, "priceAdd"))
    assert PriceItem.select().count() == 1


def test_another_desk_saving_first_keeps_the_dialog_open(qtbot, pricelist_page, owner):
    item = pricelist_service.create_item(owner, "PICKUP", "搓纸轮 更换", "part", 4500)
    pricelist_page.refresh()
    pricelist_page.table.selectRow(0)

    def edit(dialog):
        pricelist_service.update_item(owner, item.id, item.version, unit_price=4800)  # meanwhile, elsewhere
        price = dialog.findChild(QLineEdit, "priceUnitPrice")
        price.clear()
        qtbot.keyClicks(price, "50")
        click(qtbot, dialog.findChild(QPushButton, "priceSave"))
        assert dialog.isVisible() and "reload" in dialog.findChild(QLabel, "priceDialogMessage").text()
        dialog.reject()

    when_dialog("priceItemDialog", edit)
    click(qtbot, pricelist_page.findChild(QPushButton, "priceEdit"))
    assert PriceItem.get_by_id(item.id).unit_price == 4800


def test_search_by_code_or_name(qtbot, pricelist_page, owner):
    for code, name in (("PICKUP", "搓纸轮 更换"), ("FUSER", "定影组件"), ("VISIT", "上门 服务")):
        pricelist_service.create_item(owner, code, name, "part", 1000)
    search = pricelist_page.findChild(QLineEdit, "priceSearch")
    qtbot.keyClicks(search, "fu")
    assert column(pricelist_page, CODE) == ["FUSER"]
    search.setText("定影")
    assert column(pricelist_page, CODE) == ["FUSER"]
    search.setText("nothing")
    assert column(pricelist_page, CODE) == []
    assert "nothing" in pricelist_page.findChild(QLabel, "priceHint").text()


def test_only_the_owner_has_the_price_list_area(qtbot, pricelist_ctx, owner, clock):
    window = MainWindow(pricelist_ctx(owner))
    qtbot.addWidget(window)
    keys = [area.key for area in window.areas]
    assert keys.index("pricelist") == keys.index("settings") - 1
    assert isinstance(window.show_area("pricelist"), PriceListPage)
    for role in ("front_desk", "team_lead", "technician"):
        other = MainWindow(pricelist_ctx(make_actor(role, clock)))
        qtbot.addWidget(other)
        assert "pricelist" not in [area.key for area in other.areas]


def test_the_items_model_passes_qtmodeltester(qtmodeltester, owner):
    pricelist_service.create_item(owner, "PICKUP", "搓纸轮 更换", "part", 4500, points=3)
    gone = pricelist_service.create_item(owner, "OLD", "Old part", "other", 100)
    pricelist_service.deactivate_item(owner, gone.id, gone.version)
    model = PriceItemsModel()
    model.set_rows(pricelist_service.search_items(owner, "", include_inactive=True))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
