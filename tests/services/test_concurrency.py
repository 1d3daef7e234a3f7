"""Several desks at once: unique gap-free numbers, one ledger chain, refused stale saves,
and a shop server that goes away and comes back. Desks are separate processes."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from shopdesk.clock import FixedClock
from shopdesk.db import close_database, open_database
from shopdesk.errors import DatabaseProblem, StaleRecord
from shopdesk.models import AuditEntry, Counter, Customer, LedgerEntry, OrderEvent, RepairOrder, Staff
from shopdesk.services import customers, ledger, orders
from shopdesk.services.context import Actor
from tests.conftest import make_actor

DESKS = 4
ORDERS_PER_DESK = 200
POSTS_PER_DESK = 50
SPAWN = multiprocessing.get_context("spawn")  # a desk is a fresh program, not a fork holding our connection
NOW = dt.datetime(2026, 11, 23, 1, 0)


# ---- what one desk does (runs in its own process) -----------------------------------------------

def _desk(job: str, url: str, staff_id: int, target_id: int, count: int, start, results) -> None:
    try:
        open_database(url)
        actor = Actor(Staff.get_by_id(staff_id), FixedClock(NOW))
        start.wait(30)  # every desk connected: now all at once
        if job == "orders":
            done = [orders.create_order(actor, target_id, fault=f"卡纸 {i}", address="南山区科技园").number
                    for i in range(count)]
        elif job == "ledger":
            done = [ledger.post(actor, "payment", 100 + i, method="cash", order_id=target_id).seq for i in range(count)]
        else:  # "edit": another desk saves the customer file
            customer = Customer.get_by_id(target_id)
            done = [customers.update(actor, target_id, customer.version, phone="13900139000").version]
        close_database()
        results.put((staff_id, done, None))
    except BaseException as exc:  # noqa: BLE001 - reported to the test, which fails with it
        results.put((staff_id, [], repr(exc)))


def run_desks(job: str, url: str, staff_ids: list[int], target_id: int, count: int) -> dict[int, list]:
    start, results = SPAWN.Event(), SPAWN.Queue()
    desks = [SPAWN.Process(target=_desk, args=(job, url, staff_id, target_id, count, start, results))
             for staff_id in staff_ids]
    for desk in desks:
        desk.start()
    start.set()
    done = {}
    for _ in desks:
        staff_id, values, error = results.get(timeout=240)
        assert error is None, error
        done[staff_id] = values
    for desk in desks:
        desk.join(30)
        assert desk.exitcode == 0
    return done


@pytest.fixture
def front_desks(db, clock):
    return [make_actor("front_desk", clock, username=f"desk{i}", name=f"前台{i}").staff.id for i in range(DESKS)]


# ---- numbers ------------------------------------------------------------------------------------

def test_four_desks_creating_orders_at_once_get_distinct_gap_free_numbers(db_url, db, owner, front_desks):
    customer = customers.create(owner, name="深圳正方达贸易", phone="075512345678", address="南山区")

    done = run_desks("orders", db_url, front_desks, customer.id, ORDERS_PER_DESK)

    numbers = [n for desk in done.values() for n in desk]
    assert len(numbers) == DESKS * ORDERS_PER_DESK == len(set(numbers))
    assert sorted(numbers) == [orders.format_number(i) for i in range(1, DESKS * ORDERS_PER_DESK + 1)]
    assert all(len(desk) == ORDERS_PER_DESK for desk in done.values())
    assert RepairOrder.select().count() == DESKS * ORDERS_PER_DESK
    assert Counter.get_by_id("order").value == DESKS * ORDERS_PER_DESK
    assert Customer.get_by_id(customer.id).open_order_count == DESKS * ORDERS_PER_DESK  # no lost increments


def test_ledger_posts_from_several_desks_keep_one_chain(db_url, db, owner, clock):
    customer = customers.create(owner, name="王伟", phone="13800138000")
    order = orders.create_order(owner, customer.id, fault="卡纸", address="南山区")
    owners = [owner.staff.id] + [make_actor("owner", clock, username=f"owner{i}").staff.id for i in range(DESKS - 1)]

    done = run_desks("ledger", db_url, owners, order.id, POSTS_PER_DESK)

    seqs = sorted(s for desk in done.values() for s in desk)
    assert seqs == list(range(1, DESKS * POSTS_PER_DESK + 1))
    result = ledger.verify(owner)
    assert result.ok and result.checked == DESKS * POSTS_PER_DESK
    assert ledger.order_money(owner, order.id).paid == sum(100 + i for i in range(POSTS_PER_DESK)) * DESKS


# ---- stale saves ------------------------------------------------------------------------------------

def test_a_save_based_on_what_another_desk_changed_is_refused(db_url, db, owner, clock):
    customer = customers.create(owner, name="王伟", phone="13800138000")
    other = make_actor("front_desk", clock, username="li", name="小李")
    seen_version = customer.version  # this desk opened the file

    run_desks("edit", db_url, [other.staff.id], customer.id, 1)  # another program saves it

    with pytest.raises(StaleRecord) as refused:
        customers.update(owner, customer.id, seen_version, name="王伟伟")
    assert refused.value.changed_by == "小李" and refused.value.changed_at == "09:00"
    assert "Changed by 小李 at 09:00 — reload" in str(refused.value)
    fresh = Customer.get_by_id(customer.id)
    assert (fresh.name, fresh.phone, fresh.version) == ("王伟", "13900139000", seen_version + 1)


# ---- the shop server goes away ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def own_server():
    """A server these tests may stop (stopping the shared one would break every other test).

    It is stopped "fast" (a clean shutdown, as when the shop's server restarts): the test
    servers commit asynchronously, so an immediate stop could lose what was committed."""
    from tests.pgserver import PostgresServer

    server = PostgresServer().start()
    yield server
    server.cleanup()


@pytest.fixture
def shop_on_own_server(own_server, request, clock):
    url = own_server.create_database(f"restart_{request.node.name[-30:]}".lower())
    open_database(url)
    owner = Actor(Staff.create(username="owner", name="老板", role="owner", created_at=clock.now()), clock)
    customer = customers.create(owner, name="王伟", phone="13800138000", address="南山区")
    yield own_server, owner, customer
    if not is_up(own_server):  # the test failed while it was down
        own_server.restart_after_stop()
    close_database()


def is_up(server) -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
    except OSError:
        return False
    return True


def test_a_stopped_server_gives_a_clear_message_and_work_resumes_after_restart(shop_on_own_server):
    server, owner, customer = shop_on_own_server
    server.stop("fast")

    with pytest.raises(DatabaseProblem) as down:
        customers.update(owner, customer.id, customer.version, phone="13900139000")
    assert "Cannot reach the shop server" in str(down.value)
    with pytest.raises(DatabaseProblem):  # and again: no stale "connection already closed"
        customers.get(owner, customer.id)

    server.restart_after_stop()
    saved = customers.update(owner, customer.id, customer.version, phone="13900139000")
    assert saved.phone == "13900139000" and saved.version == customer.version + 1


def test_a_restart_while_the_desk_is_idle_is_not_even_noticed(shop_on_own_server):
    server, owner, customer = shop_on_own_server
    server.stop("fast")
    server.restart_after_stop()
    assert customers.update(owner, customer.id, customer.version, phone="13900139000").version == 2


def test_a_transaction_cut_in_the_middle_leaves_nothing_half_written(shop_on_own_server, monkeypatch):
    server, owner, customer = shop_on_own_server
    real_check = orders._coverage.check_coverage

    def server_dies_midway(actor, order_id):  # the order row, its event and the counter are written by now
        server.stop("fast")
        return real_check(actor, order_id)

    monkeypatch.setattr(orders._coverage, "check_coverage", server_dies_midway)
    with pytest.raises(DatabaseProblem) as cut:
        orders.create_order(owner, customer.id, fault="卡纸")
    assert "nothing was saved" in str(cut.value)

    server.restart_after_stop()
    monkeypatch.setattr(orders._coverage, "check_coverage", real_check)
    assert RepairOrder.select().count() == 0 and OrderEvent.select().count() == 0
    assert Counter.get_or_none(Counter.name == "order") is None
    assert AuditEntry.select().where(AuditEntry.record_type == "RepairOrder").count() == 0
    assert Customer.get_by_id(customer.id).open_order_count == 0
    order = orders.create_order(owner, customer.id, fault="卡纸")
    assert order.number == orders.format_number(1)  # the number was given back: still gap-free


def test_ledger_post_cut_in_the_middle_keeps_the_chain(shop_on_own_server, monkeypatch):
    server, owner, customer = shop_on_own_server
    ledger.post(owner, "payment", 8000, method="cash")
    real_audit = ledger.audit

    def server_dies_at_the_audit(*args, **kwargs):
        server.stop("fast")
        return real_audit(*args, **kwargs)

    monkeypatch.setattr(ledger, "audit", server_dies_at_the_audit)
    with pytest.raises(DatabaseProblem):
        ledger.post(owner, "payment", 5000, method="cash")
    server.restart_after_stop()
    monkeypatch.setattr(ledger, "audit", real_audit)
    assert LedgerEntry.select().count() == 1
    assert ledger.post(owner, "payment", 5000, method="cash").seq == 2
    assert ledger.verify(owner).ok
