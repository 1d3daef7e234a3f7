"""Sign-in at launch, the first-run owner account, and switch user, through the real dialogs."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from shopdesk.models import AuditEntry, Staff
from shopdesk.rules.passwords import MAX_FAILURES, verify_password
from shopdesk.services import staff as staff_service
from shopdesk.ui import signin
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import MainWindow
from tests.ui.modal_dialogs import when_dialog

OWNER_PASSWORD = "Lao-ban-2026"
DESK_PASSWORD = "desk-pass-1"


@pytest.fixture
def signin_ctx(db, db_url, clock):
    ctx = AppContext(db_url, clock)
    ctx.tasks.synchronous = True
    return ctx


@pytest.fixture
def signin_shop(db, clock):
    """A shop with an owner and a front desk, passwords set."""
    boss = staff_service.create_first_owner("老板", "laoban", OWNER_PASSWORD, clock)
    desk = staff_service.create_staff(boss, name="Xiao Li", username="xiaoli", role="front_desk",
                                      password=DESK_PASSWORD)
    return boss.staff, desk


def type_credentials(qtbot, username, password, click=True):
    def act(dialog):
        qtbot.keyClicks(dialog.findChild(QLineEdit, "username"), username)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "password"), password)
        if click:
            qtbot.mouseClick(dialog.findChild(QPushButton, "signIn"), Qt.MouseButton.LeftButton)

    return act


def open_window(qtbot, ctx, actor):
    """The window as shopdesk.ui.app.run_gui makes it after sign-in."""
    ctx.set_actor(actor)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def nav_titles(window):
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_sign_in_then_switch_user(qtbot, signin_ctx, signin_shop):
    boss, desk = signin_shop
    when_dialog("signInDialog", type_credentials(qtbot, "laoban", OWNER_PASSWORD))
    actor = signin.obtain_actor(signin_ctx)
    assert actor is not None and actor.staff.id == boss.id

    window = open_window(qtbot, signin_ctx, actor)
    assert "老板" in window.findChild(QLabel, "userLabel").text()
    assert "Staff" in nav_titles(window)

    when_dialog("signInDialog", type_credentials(qtbot, "XiaoLi", DESK_PASSWORD))
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert signin_ctx.actor.staff.id == desk.id
    assert "Xiao Li" in window.findChild(QLabel, "userLabel").text()
    assert "Staff" not in nav_titles(window) and "Ledger" not in nav_titles(window)


def test_a_wrong_password_is_shown_in_the_dialog_and_cancel_keeps_the_current_user(qtbot, signin_ctx, signin_shop):
    boss, desk = signin_shop
    window = open_window(qtbot, signin_ctx, staff_service.sign_in("laoban", OWNER_PASSWORD, signin_ctx.clock))
    seen = {}

    def wrong_then_cancel(dialog):
        type_credentials(qtbot, "xiaoli", "not-her-password")(dialog)
        seen["message"] = dialog.findChild(QLabel, "signInMessage").text()
        seen["password"] = dialog.findChild(QLineEdit, "password").text()
        seen["hint"] = dialog.findChild(QLabel, "currentUserHint").text()
        qtbot.mouseClick(dialog.findChild(QPushButton, "cancelSignIn"), Qt.MouseButton.LeftButton)

    when_dialog("signInDialog", wrong_then_cancel)
    window.switch_user_action.trigger()
    assert seen == {"message": "Unknown user name or wrong password.", "password": "",
                    "hint": "老板 is signed in now. Cancel keeps them signed in."}
    assert signin_ctx.actor.staff.id == boss.id
    assert "老板" in window.findChild(QLabel, "userLabel").text()
    assert Staff.get_by_id(desk.id).failed_attempts == 1


def test_the_dialog_says_when_an_account_is_locked(qtbot, signin_ctx, signin_shop):
    messages = []

    def five_wrong_then_right(dialog):
        username = dialog.findChild(QLineEdit, "username")
        password = dialog.findChild(QLineEdit, "password")
        qtbot.keyClicks(username, "xiaoli")
        for attempt in range(MAX_FAILURES + 1):
            qtbot.keyClicks(password, DESK_PASSWORD if attempt == MAX_FAILURES else f"wrong-{attempt}")
            qtbot.keyClick(password, Qt.Key.Key_Return)
            messages.append(dialog.findChild(QLabel, "signInMessage").text())
        assert dialog.isVisible()
        dialog.reject()

    when_dialog("signInDialog", five_wrong_then_right)
    assert signin.obtain_actor(signin_ctx) is None
    assert messages[0] == "Unknown user name or wrong password."
    assert "locked" in messages[MAX_FAILURES - 1] and "5 min" in messages[MAX_FAILURES - 1]
    assert "locked" in messages[MAX_FAILURES]  # even the right password, while locked


def test_first_run_creates_the_owner_and_signs_them_in(qtbot, signin_ctx):
    assert staff_service.needs_first_owner()
    seen = {}

    def fill(dialog):
        dialog.findChild(QLineEdit, "ownerName").setText("王伟")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "username"), "WangWei")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "password"), "my-own-secret")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "passwordAgain"), "my-own-secreT")
        create = dialog.findChild(QPushButton, "createOwner")
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
        seen["mismatch"] = dialog.findChild(QLabel, "password_againError").text()
        seen["staff_after_mismatch"] = Staff.select().count()
        dialog.findChild(QLineEdit, "passwordAgain").clear()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "passwordAgain"), "my-own-secret")
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)

    when_dialog("firstOwnerDialog", fill)
    actor = signin.obtain_actor(signin_ctx)
    assert seen == {"mismatch": "The two passwords differ.", "staff_after_mismatch": 0}
    assert actor.name == "王伟" and actor.role == "owner"
    owner = Staff.get()
    assert owner.username == "wangwei" and verify_password("my-own-secret", owner.password_hash)
    for row in Staff.select().tuples():
        assert all("my-own-secret" not in str(value) for value in row)
    assert AuditEntry.select().where(AuditEntry.record_type == "Staff").count() == 1

    window = open_window(qtbot, signin_ctx, actor)
    assert "王伟" in window.findChild(QLabel, "userLabel").text()


def test_first_run_refuses_a_short_password_and_a_default_is_not_offered(qtbot, signin_ctx):
    seen = {}

    def fill(dialog):
        seen["prefilled"] = [dialog.findChild(QLineEdit, n).text() for n in ("username", "password", "passwordAgain")]
        dialog.findChild(QLineEdit, "ownerName").setText("王伟")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "username"), "wangwei")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "password"), "123456")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "passwordAgain"), "123456")
        qtbot.mouseClick(dialog.findChild(QPushButton, "createOwner"), Qt.MouseButton.LeftButton)
        seen["error"] = dialog.findChild(QLabel, "passwordError").text()
        qtbot.mouseClick(dialog.findChild(QPushButton, "cancelSignIn"), Qt.MouseButton.LeftButton)

    when_dialog("firstOwnerDialog", fill)
    assert signin.obtain_actor(signin_ctx) is None
    assert seen == {"prefilled": ["", "", ""], "error": "The password needs at least 8 characters."}
    assert staff_service.needs_first_owner()


def test_cancel_at_launch_signs_nobody_in(qtbot, signin_ctx, signin_shop):
    when_dialog("signInDialog", lambda dialog: dialog.reject())
    assert signin.obtain_actor(signin_ctx) is None
    assert not signin_ctx.signed_in


def test_enter_signs_in_after_a_wrong_password_when_work_runs_in_the_background(qtbot, db_url, clock, signin_shop):
    boss, _desk = signin_shop
    ctx = AppContext(db_url, clock)  # sign-in runs on the worker thread, as in the shop
    seen = {}

    def wrong_then_right(dialog):
        password = dialog.findChild(QLineEdit, "password")
        message = dialog.findChild(QLabel, "signInMessage")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "username"), "laoban")
        qtbot.keyClicks(password, "wrong-password")
        sign_in = dialog.findChild(QPushButton, "signIn")
        sign_in.setFocus()  # as a mouse click on it does
        qtbot.mouseClick(sign_in, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: message.text() == "Unknown user name or wrong password.")
        seen["default"] = dialog.findChild(QPushButton, "signIn").isDefault()
        qtbot.keyClicks(password, OWNER_PASSWORD)
        qtbot.keyClick(password, Qt.Key.Key_Return)

    when_dialog("signInDialog", wrong_then_right)
    actor = signin.obtain_actor(ctx)
    ctx.tasks.wait()
    assert seen == {"default": True}
    assert actor is not None and actor.staff.id == boss.id
