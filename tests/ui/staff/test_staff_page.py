"""The owner's Staff page: people, dialogs, and the audit trail table."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from shopdesk.models import AuditEntry, Staff
from shopdesk.services import staff as staff_service
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.staff.audit_view import PAGE_SIZE
from tests.conftest import make_actor
from tests.ui.modal_dialogs import when_dialog

OWNER_PASSWORD = "Lao-ban-2026"


@pytest.fixture
def staff_window(qtbot, db, db_url, clock):
    def make(actor):
        ctx = AppContext(db_url, clock, actor)
        ctx.tasks.synchronous = True
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def boss(db, clock):
    return staff_service.create_first_owner("老板", "laoban", OWNER_PASSWORD, clock)


def table_column(table, column):
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_only_the_owner_has_the_staff_area(staff_window, boss, clock):
    assert "staff" in [a.key for a in staff_window(boss).areas]
    for role in ("front_desk", "team_lead", "technician"):
        assert "staff" not in [a.key for a in staff_window(make_actor(role, clock)).areas]


def test_add_a_technician_with_a_pin(qtbot, staff_window, boss, clock):
    page = staff_window(boss).show_area("staff")
    people = page.people

    def fill(dialog):
        dialog.findChild(QLineEdit, "staffName").setText("王师傅")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "staffUsername"), "wang")
        role = dialog.findChild(QComboBox, "staffRole")
        role.setCurrentIndex(role.findData("technician"))
        assert "PIN" in dialog.findChild(QLabel, "passwordHint").text()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "staffPhone"), "13800000001")
        dialog.findChild(QLineEdit, "staffRegion").setText("南山区")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "staffPassword"), "246813")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "staffPasswordAgain"), "246813")
        click(qtbot, dialog.findChild(QPushButton, "saveStaff"))

    when_dialog("staffDialog", fill)
    click(qtbot, people.findChild(QPushButton, "addStaff"))
    assert "王师傅" in table_column(people.table, 0)
    assert people.selected().username == "wang"
    assert "王师傅" in people.status.text()
    assert staff_service.sign_in("wang", "246813", clock).role == "technician"
    assert [s.name for s in staff_service.assignable_staff()] == ["王师傅"]


def test_a_taken_user_name_is_shown_beside_the_field_and_nothing_is_added(qtbot, staff_window, boss):
    people = staff_window(boss).show_area("staff").people
    seen = {}

    def fill(dialog):
        dialog.findChild(QLineEdit, "staffName").setText("另一个老板")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "staffUsername"), "LaoBan")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "staffPassword"), "long-enough")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "staffPasswordAgain"), "long-enough")
        click(qtbot, dialog.findChild(QPushButton, "saveStaff"))
        seen["error"] = dialog.findChild(QLabel, "usernameError").text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_dialog("staffDialog", fill)
    click(qtbot, people.findChild(QPushButton, "addStaff"))
    assert seen == {"error": "The user name laoban is already taken.", "open": True}
    assert Staff.select().count() == 1


def test_edit_shows_in_the_audit_trail(qtbot, staff_window, boss, clock):
    desk = staff_service.create_staff(boss, name="小李", username="xiaoli", role="front_desk",
                                      password="desk-pass-1", phone="13800000001")
    page = staff_window(boss).show_area("staff")
    page.people.select(desk.id)

    def change_phone(dialog):
        phone = dialog.findChild(QLineEdit, "staffPhone")
        assert phone.text() == "13800000001"
        phone.clear()
        qtbot.keyClicks(phone, "13900000002")
        click(qtbot, dialog.findChild(QPushButton, "saveStaff"))

    when_dialog("staffDialog", change_phone)
    click(qtbot, page.people.findChild(QPushButton, "editStaff"))
    assert Staff.get_by_id(desk.id).phone == "13900000002"

    click(qtbot, page.people.findChild(QPushButton, "staffHistory"))
    assert page.currentWidget() is page.audit
    trail = page.audit
    assert trail.model.rowCount() == 2
    newest = [trail.model.index(0, column).data() for column in range(trail.model.columnCount())]
    assert newest[:4] == ["2026-11-23 09:00:00", "老板", "Changed", f"Staff {desk.id}"]
    assert newest[5] == "phone: 13800000001 → 13900000002"
    trail.table.selectRow(0)
    assert "phone: 13800000001 → 13900000002" in trail.detail.toPlainText()
    assert trail.count.text() == "2 entries"


def test_deactivate_and_the_owner_cannot_deactivate_themselves(qtbot, staff_window, boss):
    desk = staff_service.create_staff(boss, name="小李", username="xiaoli", role="front_desk", password="desk-pass-1")
    people = staff_window(boss).show_area("staff").people
    people.select(boss.staff.id)
    click(qtbot, people.findChild(QPushButton, "toggleActive"))
    assert people.status.text() == "You cannot deactivate your own account."
    assert Staff.get_by_id(boss.staff.id).active

    people.select(desk.id)
    button = people.findChild(QPushButton, "toggleActive")
    click(qtbot, button)
    assert not Staff.get_by_id(desk.id).active
    assert people.selected().id == desk.id and people.show_inactive.isChecked()
    assert "Left (inactive)" in table_column(people.table, 5)
    assert button.text() == "Re&activate"
    click(qtbot, button)
    assert Staff.get_by_id(desk.id).active


def test_reset_password_through_the_dialog(qtbot, staff_window, boss, clock):
    desk = staff_service.create_staff(boss, name="小李", username="xiaoli", role="front_desk", password="desk-pass-1")
    people = staff_window(boss).show_area("staff").people
    people.select(desk.id)

    def fill(dialog):
        qtbot.keyClicks(dialog.findChild(QLineEdit, "newPassword"), "brand-new-pass")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "newPasswordAgain"), "brand-new-pass")
        click(qtbot, dialog.findChild(QPushButton, "setPassword"))

    when_dialog("resetPasswordDialog", fill)
    click(qtbot, people.findChild(QPushButton, "resetPassword"))
    assert staff_service.sign_in("xiaoli", "brand-new-pass", clock).staff.id == desk.id
    assert people.status.text() == "New password set for 小李."


def test_the_audit_table_fetches_a_page_at_a_time_and_filters(qtbot, qtmodeltester, staff_window, boss, clock):
    start = clock.now()
    AuditEntry.insert_many([
        {"at": start + dt.timedelta(minutes=n), "staff": boss.staff.id, "action": "update",
         "record_type": "Customer", "record_id": str(n), "summary": f"客户 {n}", "changes": '{"name": ["a", "b"]}'}
        for n in range(1, 2 * PAGE_SIZE + 51)
    ]).execute()
    page = staff_window(boss).show_area("staff")
    page.setCurrentWidget(page.audit)
    trail = page.audit
    model = trail.model
    assert model.total == 2 * PAGE_SIZE + 51 and model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == model.total and not model.canFetchMore()
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == f"Customer {2 * PAGE_SIZE + 50}"

    trail.record_type.setCurrentIndex(trail.record_type.findData("Customer"))
    trail.record_id.setText("7")
    trail.record_id.editingFinished.emit()
    assert model.rowCount() == 1 and model.index(0, 4).data() == "客户 7"
    trail.clear_filters()
    trail.person.setCurrentIndex(trail.person.findData(boss.staff.id))
    trail.date_from.setDate(trail.date_from.date().fromString("2026-11-24", "yyyy-MM-dd"))
    assert model.total == 0 and trail.count.text() == "No entries match these filters."


def test_the_staff_table_passes_the_model_tester(qtmodeltester, staff_window, boss):
    staff_service.create_staff(boss, name="小李", username="xiaoli", role="front_desk", password="desk-pass-1")
    people = staff_window(boss).show_area("staff").people
    qtmodeltester.check(people.model)
    assert sorted(table_column(people.table, 2)) == ["Front desk", "Owner"]
    assert table_column(people.table, 5) == ["Active", "Active"]


def test_the_list_refreshes_when_another_desk_changes_staff(staff_window, boss):
    window = staff_window(boss)
    people = window.show_area("staff").people
    staff_service.create_staff(boss, name="小李", username="xiaoli", role="front_desk", password="desk-pass-1")
    assert "小李" not in table_column(people.table, 0)
    window.ctx.dataChanged.emit("*")
    assert "小李" in table_column(people.table, 0)
