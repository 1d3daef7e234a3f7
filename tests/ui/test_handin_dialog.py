"""The front desk's hand-in dialog: what is due, a missing amount flagged in red, an exact one not."""

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from shopdesk.errors import PermissionDenied
from shopdesk.models import Customer, LedgerEntry, RepairOrder
from shopdesk.services import ledger as L
from shopdesk.ui.context import AppContext
from shopdesk.ui.handin import HandInDialog
from tests.conftest import make_actor

_numbers = itertools.count(1)


@pytest.fixture
def handin_staff(db, clock):
    class Staff:
        desk = make_actor("front_desk", clock, username="desk", name="小李")
        chen = make_actor("technician", clock, username="chen", name="陈师傅")
        zhao = make_actor("technician", clock, username="zhao", name="赵师傅")

    return Staff


@pytest.fixture
def handin_orders(handin_staff, clock):
    """Chen collected ¥80 cash on the first order, ¥40 cash and ¥99 by WeChat on the second."""
    chen = handin_staff.chen
    orders = []
    for _ in range(2):
        n = next(_numbers)
        customer = Customer.create(number=f"C{n:06d}", name="王伟", created_at=clock.now())
        orders.append(RepairOrder.create(number=f"R{n:07d}", customer=customer, reported_at=clock.now(),
                                         created_at=clock.now(), technician=chen.staff, location="onsite"))
    L.record_collection(chen, orders[0].id, 8000, "cash")
    L.record_collection(chen, orders[1].id, 4000, "cash")
    L.record_collection(chen, orders[1].id, 9900, "wechat")
    return orders


@pytest.fixture
def handin_dialog(qtbot, db_url, clock, handin_staff):
    def make(actor=None):
        ctx = AppContext(db_url, clock, actor or handin_staff.desk)
        ctx.tasks.synchronous = True
        dialog = HandInDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def click(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def due_rows(dialog):
    table = dialog.orders
    return [tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())]


def hand_ins():
    return [(e.order_id, e.amount, e.technician_id, e.memo)
            for e in LedgerEntry.select().where(LedgerEntry.kind == "hand_in").order_by(LedgerEntry.seq)]


def test_a_hand_in_short_of_what_was_due_is_flagged_and_the_dialog_stays_open(qtbot, handin_dialog, handin_staff,
                                                                             handin_orders):
    first, second = handin_orders
    chen = handin_staff.chen.staff
    dialog = handin_dialog()
    assert not dialog.findChild(QPushButton, "handinSave").isEnabled()  # nobody chosen yet
    dialog.choose_technician(chen.id)
    assert due_rows(dialog) == [(first.number, "¥80.00", "¥0.00", "¥80.00"), (second.number, "¥40.00", "¥0.00", "¥40.00")]
    assert "¥120.00" in dialog.findChild(QLabel, "handinHeld").text()
    dialog.set_checked([first.id])  # the cash is for the first order only
    assert "¥80.00" in dialog.findChild(QLabel, "handinDue").text()

    qtbot.keyClicks(dialog.findChild(QLineEdit, "handinAmount"), "60")
    dialog.findChild(QLineEdit, "handinNote").setText("签收单 1 张")
    click(qtbot, dialog.findChild(QPushButton, "handinSave"))

    flag = dialog.findChild(QLabel, "handinResult")
    assert dialog.isVisible() and flag.isVisible()
    assert flag.text() == "⚠ ¥20.00 missing" and "#b00020" in flag.styleSheet()
    assert "Handed in ¥60.00; due on those orders ¥80.00. 陈师傅 still holds ¥60.00." == \
        dialog.findChild(QLabel, "handinResultDetail").text()
    assert dialog.result.difference == -2000
    assert hand_ins() == [(first.id, 6000, chen.id, "签收单 1 张")]
    assert L.cash_held_by(handin_staff.desk, chen.id) == 6000
    assert due_rows(dialog) == [(first.number, "¥80.00", "¥60.00", "¥20.00"), (second.number, "¥40.00", "¥0.00", "¥40.00")]
    assert dialog.findChild(QLineEdit, "handinAmount").text() == ""  # a second click cannot post it twice


def test_an_exact_hand_in_shows_no_flag(qtbot, handin_dialog, handin_staff, handin_orders):
    first, second = handin_orders
    chen = handin_staff.chen.staff
    dialog = handin_dialog()
    dialog.choose_technician(chen.id)
    assert "¥120.00" in dialog.findChild(QLabel, "handinDue").text()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "handinAmount"), "120")
    click(qtbot, dialog.findChild(QPushButton, "handinSave"))
    result = dialog.findChild(QLabel, "handinResult")
    assert "missing" not in result.text() and "more than due" not in result.text()
    assert "exactly what was due" in result.text() and "#b00020" not in result.styleSheet()
    assert dialog.result.difference == 0
    assert hand_ins() == [(first.id, 8000, chen.id, ""), (second.id, 4000, chen.id, "")]
    assert L.cash_held_by(handin_staff.desk, chen.id) == 0
    assert dialog.orders.rowCount() == 0 and "No order has cash due" in dialog.findChild(QLabel, "handinNoOrders").text()


def test_more_than_due_is_flagged_too(qtbot, handin_dialog, handin_staff, handin_orders):
    dialog = handin_dialog()
    dialog.choose_technician(handin_staff.chen.staff.id)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "handinAmount"), "125.5")
    click(qtbot, dialog.findChild(QPushButton, "handinSave"))
    assert dialog.findChild(QLabel, "handinResult").text() == "⚠ ¥5.50 more than due"
    assert sum(amount for _, amount, _, _ in hand_ins()) == 12550


def test_what_cannot_be_recorded_records_nothing(qtbot, handin_dialog, handin_staff, handin_orders):
    dialog = handin_dialog()
    dialog.choose_technician(handin_staff.chen.staff.id)
    amount = dialog.findChild(QLineEdit, "handinAmount")
    save = dialog.findChild(QPushButton, "handinSave")
    click(qtbot, save)
    assert dialog.findChild(QLabel, "amountError").isVisible()
    qtbot.keyClicks(amount, "12o")
    click(qtbot, save)
    assert "12o" in dialog.findChild(QLabel, "amountError").text()
    amount.clear()
    qtbot.keyClicks(amount, "0")
    click(qtbot, save)
    assert "Enter the cash handed in" in dialog.findChild(QLabel, "amountError").text()
    amount.clear()
    qtbot.keyClicks(amount, "50")
    dialog.set_checked([])
    click(qtbot, save)
    assert dialog.findChild(QLabel, "ordersError").isVisible()
    assert not dialog.findChild(QLabel, "handinResult").isVisible()
    assert hand_ins() == []


def test_a_technician_with_nothing_due_and_who_may_record(qtbot, handin_dialog, handin_staff, handin_orders, db_url, clock):
    dialog = handin_dialog()
    dialog.choose_technician(handin_staff.zhao.staff.id)
    assert dialog.orders.rowCount() == 0
    assert "No order has cash due from 赵师傅" in dialog.findChild(QLabel, "handinNoOrders").text()
    assert "赵师傅 holds ¥0.00" in dialog.findChild(QLabel, "handinHeld").text()
    with pytest.raises(PermissionDenied):
        HandInDialog(AppContext(db_url, clock, handin_staff.chen))
    with pytest.raises(PermissionDenied):
        L.record_hand_in(handin_staff.chen, handin_staff.chen.staff.id, 100)


def test_a_technician_who_left_holding_cash_can_still_hand_it_in(qtbot, handin_dialog, handin_staff, handin_orders,
                                                                  clock):
    from shopdesk.services import staff as staff_service

    first, second = handin_orders
    chen = handin_staff.chen.staff
    owner = make_actor("owner", clock, username="boss", name="林老板")
    staff_service.update_staff(owner, chen.id, chen.version, active=False)  # left with ¥120 in his pocket
    dialog = handin_dialog()
    picker = dialog.technician
    names = [picker.itemText(i) for i in range(picker.count())]
    assert "陈师傅 (left the shop)" in names and "赵师傅" in names
    picker.setCurrentIndex(picker.findData(chen.id))
    assert due_rows(dialog) == [(first.number, "¥80.00", "¥0.00", "¥80.00"), (second.number, "¥40.00", "¥0.00", "¥40.00")]
    qtbot.keyClicks(dialog.findChild(QLineEdit, "handinAmount"), "120")
    click(qtbot, dialog.findChild(QPushButton, "handinSave"))
    assert hand_ins() == [(first.id, 8000, chen.id, ""), (second.id, 4000, chen.id, "")]
    # Once he owes nothing, the next hand-in no longer offers him.
    again = handin_dialog()
    assert again.technician.findData(chen.id) == -1 and again.technician.findData(handin_staff.zhao.staff.id) != -1
