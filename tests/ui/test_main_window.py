"""The main window shell: areas, search box, status bar, shortcuts, geometry, settings."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel

from shopdesk.models import AuditEntry, ShopSettings
from shopdesk.ui.app import install_translation
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, db_url, db, clock):
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
def chinese(qapp):
    translators = install_translation(qapp, "zh_CN")
    yield
    for t in translators:
        qapp.removeTranslator(t)


def test_owner_sees_every_area_and_the_database(make_window, owner, db_url):
    window = make_window(owner)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    for title in ("Customers", "Repair orders", "Follow-ups", "Ledger", "Reports", "Settings"):
        assert title in titles
    assert db_url.split("@")[-1] in window.db_label.text() or window.ctx.database_label in window.db_label.text()
    assert "老板" in window.user_label.text()


def test_front_desk_does_not_see_the_ledger(make_window, clock):
    from tests.conftest import make_actor

    window = make_window(make_actor("front_desk", clock))
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Ledger" not in titles and "Customers" in titles


def test_ctrl_k_focuses_the_global_search(make_window, owner, qtbot):
    window = make_window(owner)
    window.nav.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box


def test_ctrl_number_switches_area(make_window, owner, qtbot):
    window = make_window(owner)
    settings_row = [a.key for a in window.areas].index("settings")
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + settings_row), Qt.KeyboardModifier.ControlModifier)
    assert window.current_area_key() == "settings"


def test_geometry_is_remembered(make_window, owner):
    window = make_window(owner)
    window.resize(1000, 600)
    window.close()
    assert QSettings().value("mainWindow/geometry") is not None
    again = make_window(owner)
    assert (again.width(), again.height()) == (1000, 600)


def test_settings_page_saves_the_shop_header(make_window, owner, qtbot):
    window = make_window(owner)
    page = window.show_area("settings")
    page.name.clear()
    page.name.setText("深圳快修复印机服务部")
    page.address.setText("深圳市福田区深南大道 1 号")
    page.warranty_days.setValue(120)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Saved."
    saved = ShopSettings.get_by_id(1)
    assert saved.name == "深圳快修复印机服务部" and saved.repair_warranty_days == 120
    audit = AuditEntry.get(AuditEntry.record_type == "ShopSettings")
    assert "深圳快修复印机服务部" in audit.changes and audit.staff_id == owner.staff.id


def test_settings_page_refuses_an_empty_shop_name(make_window, owner, qtbot):
    window = make_window(owner)
    page = window.show_area("settings")
    before = ShopSettings.get_by_id(1).version
    page.name.setText("   ")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.name_error.isVisible()
    assert "required" in page.name_error.text()
    assert ShopSettings.get_by_id(1).version == before


def test_stale_settings_save_keeps_the_form_and_says_who(make_window, owner, qtbot):
    from shopdesk.services import settings as settings_service

    window = make_window(owner)
    page = window.show_area("settings")
    settings_service.update(owner, ShopSettings.get_by_id(1).version, phone="0755-1111111")  # another desk
    page.name.setText("我的店")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "reload" in page.status.text() and "老板" in page.status.text()
    assert page.name.text() == "我的店"
    assert ShopSettings.get_by_id(1).name == ""


def test_technician_cannot_edit_settings(make_window, clock):
    from tests.conftest import make_actor

    window = make_window(make_actor("technician", clock))
    page = window.show_area("settings")
    assert not page.save_button.isEnabled()


def test_window_in_chinese(chinese, make_window, owner):
    window = make_window(owner)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "客户档案" in titles and "维修单" in titles and "设置" in titles
    assert "当前用户" in window.user_label.text()
    assert window.menuBar().actions()[0].text() == "文件(&F)"


def test_settings_page_saves_allowances_scripts_and_backups(make_window, owner, qtbot):
    window = make_window(owner)
    page = window.show_area("settings")
    page.name.setText("快修服务部")
    page.travel_per_visit.setText("20")
    page.fuel_per_km.setText("0.80")
    page.tax_rate.setValue(6)
    page.script_satisfied.setPlainText("您好，这里是快修服务部……")
    page.churn_months.setValue(18)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = ShopSettings.get_by_id(1)
    assert (saved.travel_allowance_per_visit, saved.fuel_allowance_per_km) == (2000, 80)
    assert saved.tax_rate_basis_points == 600 and saved.churn_months == 18
    assert saved.call_script_satisfied.startswith("您好")


def test_settings_page_refuses_a_bad_allowance(make_window, owner, qtbot):
    window = make_window(owner)
    page = window.show_area("settings")
    before = ShopSettings.get_by_id(1).version
    page.fuel_per_km.setText("0.8o")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.money_error.isVisible() and "0.8o" in page.money_error.text()
    assert ShopSettings.get_by_id(1).version == before
