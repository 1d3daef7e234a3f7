"""Two desks on one database, seen from the window: another desk's records appear by themselves
(keeping the person's selection and place), a stale save keeps the form, and a shop server
that stops shows "offline — reconnecting" and comes back without losing anything."""

from __future__ import annotations

import datetime as dt
import socket
import threading

import pytest
from PySide6.QtCore import Qt

from shopdesk.db import close_database, open_database
from shopdesk.models import Customer, ShopSettings, Staff, database
from shopdesk.services import customers, orders
from shopdesk.services.context import Actor
from shopdesk.ui.context import AppContext
from shopdesk.ui.main_window import MainWindow
from tests.conftest import make_actor

WITHIN = 2000  # ms: another desk's change shows within two seconds


def another_desk(work) -> None:
    """Run ``work()`` as a second desk would: on its own connection (its own thread here)."""
    errors = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            errors.append(exc)
        finally:
            database.close()  # this thread's connection

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert not errors, errors


@pytest.fixture
def open_window(qtbot, db_url, db, clock):
    def make(actor: Actor) -> MainWindow:
        ctx = AppContext(db_url, clock, actor)
        ctx.tasks.synchronous = True
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1300, 760)
        window.show()
        window.poll_other_desks()  # watching from now on (as the first timer tick would)
        return window

    return make


@pytest.fixture
def other_desk(db, clock):
    return make_actor("front_desk", clock, username="li", name="小李")


def selected_row(view) -> int:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


# ---- live views ------------------------------------------------------------------------------------

def test_another_desks_new_customer_appears_and_the_selection_stays(open_window, owner, other_desk, qtbot):
    made = [customers.create(owner, name=f"客户{i:02d}", phone=f"138001380{i:02d}") for i in range(60)]
    window = open_window(owner)
    page = window.show_area("customers")
    chosen = made[45]
    page.open_customer(chosen.id)
    table = page.table
    before = table.verticalScrollBar().value()
    assert before > 0  # the list is scrolled down to the chosen customer

    another_desk(lambda: customers.create(other_desk, name="新客户", phone="13900139000"))
    new_id = Customer.get(Customer.name == "新客户").id
    qtbot.waitUntil(lambda: new_id in page.model.ids, timeout=WITHIN)

    row = page.model.row_of(chosen.id)
    assert selected_row(table) == row and page.file_view.customer_id == chosen.id
    assert table.visualRect(page.model.index(row, 0)).intersects(table.viewport().rect())
    assert abs(table.verticalScrollBar().value() - before) <= table.verticalHeader().defaultSectionSize()


def test_another_desks_new_order_appears_on_the_board_and_the_selection_stays(open_window, owner, other_desk, qtbot):
    customer = customers.create(owner, name="深圳正方达贸易", phone="075512345678", address="南山区科技园")
    made = [orders.create_order(owner, customer.id, fault=f"卡纸 {i}") for i in range(3)]
    window = open_window(owner)
    page = window.show_area("orders")
    view, model = page.board_table.view, page.model
    qtbot.waitUntil(lambda: model.total == 3)
    view.selectRow(model.row_of(made[1].id))

    another_desk(lambda: orders.create_order(other_desk, customer.id, fault="不通电"))
    qtbot.waitUntil(lambda: model.total == 4, timeout=WITHIN)

    assert model.row_at(selected_row(view)).id == made[1].id


def test_another_desks_contract_customer_joins_the_call_queue_and_the_selection_stays(
        open_window, owner, other_desk, qtbot):
    def contract_customer(actor, name, phone):
        customer = customers.create(actor, name=name, phone=phone, kind="contract", address="福田区")
        customers.add_contract(actor, customer.id, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2027, 12, 31))
        return customer

    first = contract_customer(owner, "王伟", "13800138000")
    second = contract_customer(owner, "李娜", "13800138001")
    window = open_window(owner)
    page = window.show_area("followups")
    queue = page.queue
    assert page.tabs.currentWidget() is queue and queue.model.total == 2
    row = next(r for r in range(queue.model.rowCount()) if queue.model.row_at(r).customer_id == second.id)
    queue.table.selectRow(row)

    another_desk(lambda: contract_customer(other_desk, "张敏", "13800138002"))
    qtbot.waitUntil(lambda: queue.model.total == 3, timeout=WITHIN)

    assert queue.model.row_at(selected_row(queue.table)).customer_id == second.id
    assert first.id in {queue.model.row_at(r).customer_id for r in range(queue.model.rowCount())}


# ---- stale saves ---------------------------------------------------------------------------------------

def test_a_save_over_another_desks_change_is_refused_and_the_form_keeps_its_input(
        open_window, owner, other_desk, qtbot):
    customer = customers.create(owner, name="王伟", phone="13800138000")
    window = open_window(owner)
    page = window.show_area("customers")
    page.open_customer(customer.id)
    form = page.file_view.form
    form.address.setText("南山区科技园 1 栋")  # typing on this desk …

    another_desk(lambda: customers.update(other_desk, customer.id, customer.version, phone="13900139000"))
    window.poll_other_desks()  # … while the other desk's save arrives
    assert form.address.text() == "南山区科技园 1 栋"
    qtbot.mouseClick(page.file_view.save_button, Qt.MouseButton.LeftButton)

    assert "Changed by 小李 at 09:00" in page.file_view.status.text() and "reload" in page.file_view.status.text()
    assert form.address.text() == "南山区科技园 1 栋"
    stored = Customer.get_by_id(customer.id)
    assert (stored.address, stored.phone) == ("", "13900139000")


# ---- the shop server goes away ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def own_server():
    """A server this test may stop (the session's is shared by every test). Stopped "fast", as a
    restarting server is: the test servers commit asynchronously, which an immediate stop could lose."""
    from tests.pgserver import PostgresServer

    server = PostgresServer().start()
    yield server
    server.cleanup()


def is_up(server) -> bool:
    try:
        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def window_on_own_server(own_server, qtbot, clock):
    url = own_server.create_database("live_offline")
    open_database(url)
    owner = Actor(Staff.create(username="owner", name="老板", role="owner", created_at=clock.now()), clock)
    ctx = AppContext(url, clock, owner)
    ctx.tasks.synchronous = True
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.poll_other_desks()
    yield own_server, window
    window.live_timer.stop()
    if not is_up(own_server):
        own_server.restart_after_stop()
    close_database()


def test_a_stopped_server_shows_offline_keeps_the_form_and_saves_after_the_restart(window_on_own_server, qtbot):
    server, window = window_on_own_server
    page = window.show_area("settings")
    assert not window.offline_label.isVisible()

    server.stop("fast")
    qtbot.waitUntil(window.offline_label.isVisible, timeout=WITHIN + 1000)  # the window's 1 s timer notices
    assert window.offline_label.text() == "offline — reconnecting"
    page.name.setText("深圳快修复印机服务部")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)  # no traceback: a message
    assert "Cannot reach the shop server" in page.status.text()
    assert page.name.text() == "深圳快修复印机服务部"

    server.restart_after_stop()
    qtbot.waitUntil(lambda: not window.offline_label.isVisible(), timeout=WITHIN + 1000)  # the 1 s timer
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Saved."
    stored = ShopSettings.get_by_id(1)
    assert (stored.name, stored.version) == ("深圳快修复印机服务部", 2)  # saved once, nothing half-written
