"""A day at the shop (DESIGN.md), played through the real main window.

Yesterday is set up through the services; from 08:55 on, everything the shop
does goes through the window: sign-in and switch user, the global search, the
customer file, the intake, the order window's next steps, the charges panel
and the price list, the work record, receipts saved as PDF, the follow-up
calls, the day board's day close, the hand-in, the ledger's summary, month
close, verification and the settlement. After each step the test reads what
the window shows and what the database holds.

The whole day runs on Friday 2026-02-27 (Shanghai time): the walk-in's printer,
bought 2025-03-01 with 12 months' warranty, is reported that day, as the
brief says, so its warranty (until 2026-03-01) covers it. "Next morning" is
Saturday 2026-02-28 and "month end" is Monday 2026-03-02, when February can
be closed and settled.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from shopdesk.clock import FixedClock
from shopdesk.models import (
    ClosedMonth, Complaint, FollowUpCall, LedgerEntry, OrderEvent, RepairOrder, Settlement, ShopSettings, Staff,
)
from shopdesk.services import coverage as coverage_service
from shopdesk.services import customers as customer_service
from shopdesk.services import followups as followup_service
from shopdesk.services import ledger as ledger_service
from shopdesk.services import orders as order_service
from shopdesk.services import pricelist as pricelist_service
from shopdesk.services import reports as report_service
from shopdesk.services import settings as settings_service
from shopdesk.services import staff as staff_service
from shopdesk.services.context import Actor
from shopdesk.ui.orders.board_model import CARRIED_OVER_BACKGROUND, OVERDUE_ROLE
from tests.e2e.helpers import (
    Desk, accept_button, pdf_pages, pdf_text, pick, qr_codes_on, qr_of, set_local_time, shop_time,
)

SET_UP = dt.date(2026, 1, 5)
EARLIER_REPAIR = dt.date(2026, 1, 26)
YESTERDAY = dt.date(2026, 2, 26)
TODAY = dt.date(2026, 2, 27)
NEXT_MORNING = dt.date(2026, 2, 28)
MONTH_END = dt.date(2026, 3, 2)

PASSWORDS = {"lin": "Lin-laoban-2026", "wang": "Wang-desk-2026", "zhao": "Zhao-lead-2026", "chen": "246810"}
COPIER_SERIAL = "E1234567"
ROLL_WIDTH = 226.77  # 80 mm in points


# == yesterday (and before): set up through the services ====================================

@dataclass
class Shop:
    owner: Actor
    desk: Actor
    lead: Actor
    chen: Actor
    zfd_id: int
    contract_number: str
    earlier_repair: str
    carried_over: list[str]


def _staff(owner: Actor, clock, username: str, name: str, role: str) -> Actor:
    staff = staff_service.create_staff(owner, name=name, username=username, role=role, password=PASSWORDS[username])
    return Actor(Staff.get_by_id(staff.id), clock)


def _step(actor: Actor, order_id: int, action: str, **inputs) -> RepairOrder:
    return order_service.act(actor, order_id, action, RepairOrder.get_by_id(order_id).version, **inputs)


def yesterday_at_the_shop(clock: FixedClock) -> Shop:
    clock.at = shop_time(SET_UP, "09:00")
    owner = staff_service.create_first_owner("林老板", "lin", PASSWORDS["lin"], clock)
    settings_service.update(
        owner, ShopSettings.get_by_id(1).version, name="深圳快修复印机服务部", address="深圳市福田区华强北路 88 号",
        phone="0755-8888 6666", timezone="Asia/Shanghai", repair_warranty_days=90, receipt_layout="a5",
        travel_allowance_per_visit=20_00, fuel_allowance_per_km=80)
    desk = _staff(owner, clock, "wang", "王小姐", "front_desk")
    lead = _staff(owner, clock, "zhao", "赵组长", "team_lead")
    chen = _staff(owner, clock, "chen", "陈师傅", "technician")
    pricelist_service.create_item(owner, "LAB01", "上门维修工时", "labour", 120_00, points=2)
    pricelist_service.create_item(owner, "P-PR01", "搓纸轮", "part", 80_00, points=1)
    pricelist_service.create_item(owner, "TRV01", "上门交通费", "travel", 30_00)

    zfd = customer_service.create(desk, kind="contract", name="深圳正方达贸易", contact_person="王伟",
                                  phone="0755-8301 2345", address="深圳市福田区深南大道 6008 号 12 楼", region="福田")
    customer_service.add_device(desk, zfd.id, category="copier", brand="Ricoh", model="MP 2555", serial=COPIER_SERIAL)
    customer_service.add_device(desk, zfd.id, category="printer", brand="HP", model="LaserJet M404",
                                serial="PHB9K00321")
    contract = customer_service.add_contract(desk, zfd.id, kind="service", starts_on=dt.date(2026, 1, 1),
                                             ends_on=dt.date(2026, 12, 31), covers_labour=True, covers_parts=False,
                                             covers_travel=True)
    walk_in = customer_service.create(desk, name="孙丽", phone="139 2233 4455", address="深圳市南山区科技园")
    customer_service.add_device(desk, walk_in.id, category="printer", brand="HP", model="LaserJet Pro M404dn",
                                serial="PHBCK12345", purchase_date=dt.date(2025, 3, 1), warranty_months=12)
    li_na = customer_service.create(desk, name="李娜", phone="135 0000 3333", address="深圳市罗湖区人民南路 3 号")
    canon = customer_service.add_device(desk, li_na.id, category="copier", brand="Canon", model="iR 2204",
                                        serial="XK0012345")
    liu = customer_service.create(desk, name="刘洋", phone="136 0000 1111")
    hengtong = customer_service.create(desk, kind="contract", name="恒通物流", contact_person="周敏",
                                       phone="0755-2600 1234", address="深圳市宝安区福永物流园 2 栋")
    zhang = customer_service.create(desk, name="张强", phone="137 0000 2222")

    # A month ago: 李娜's copier, a paid bench repair, closed 30 days before today.
    clock.at = shop_time(EARLIER_REPAIR, "10:00")
    earlier = order_service.create_order(desk, li_na.id, canon.id, fault="卡纸", channel="counter", location="bench")
    _step(chen, earlier.id, "diagnose")
    _step(chen, earlier.id, "send_quote", amount=150_00)
    _step(desk, earlier.id, "approve_quote", how="phone")
    _step(chen, earlier.id, "repair")
    coverage_service.add_line(chen, earlier.id, "part", "搓纸轮", 1, 80_00)
    coverage_service.add_line(chen, earlier.id, "labour", "维修工时", 1, 70_00)
    clock.at = shop_time(dt.date(2026, 1, 27), "16:00")
    _step(chen, earlier.id, "ready_for_pickup", told_at=clock.now(), told_how="phone")
    clock.at = shop_time(dt.date(2026, 1, 28), "15:00")
    ledger_service.record_collection(desk, earlier.id, 150_00, "cash")  # paid at the counter
    _step(desk, earlier.id, "pick_up", picked_up_by="李娜")
    _step(desk, earlier.id, "close")

    # Yesterday: a complaint in the morning, three orders not finished by the day close.
    clock.at = shop_time(YESTERDAY, "07:30")
    followup_service.create_complaint(desk, hengtong.id, "service", "上次维修后又卡纸，技术员迟到两小时")
    clock.at = shop_time(YESTERDAY, "14:00")
    waiting = order_service.create_order(desk, liu.id, fault="不进纸", channel="counter", location="bench")
    clock.at = shop_time(YESTERDAY, "14:10")
    onsite = order_service.create_order(desk, hengtong.id, fault="定影器异响")
    clock.at = shop_time(YESTERDAY, "14:12")
    _step(desk, onsite.id, "dispatch", dispatched_to=lead.staff.id)
    clock.at = shop_time(YESTERDAY, "14:15")
    _step(lead, onsite.id, "assign", technician=lead.staff.id)
    clock.at = shop_time(YESTERDAY, "14:20")
    diagnosing = order_service.create_order(desk, zhang.id, fault="开机报错 SC542", channel="counter",
                                            location="bench")
    clock.at = shop_time(YESTERDAY, "14:30")
    _step(chen, waiting.id, "diagnose")
    _step(chen, diagnosing.id, "diagnose")
    clock.at = shop_time(YESTERDAY, "16:00")
    _step(chen, waiting.id, "wait_for_parts", note="等搓纸轮到货")
    _step(lead, onsite.id, "wait_for_parts", note="定影器待料")
    clock.at = shop_time(YESTERDAY, "17:30")
    closed = order_service.close_day(lead, YESTERDAY)
    assert closed.carried_over == 3

    return Shop(owner=owner, desk=desk, lead=lead, chen=chen, zfd_id=zfd.id, contract_number=contract.number,
                earlier_repair=earlier.number, carried_over=[waiting.number, onsite.number, diagnosing.number])


# == the day, through the window ==============================================================

def owner_signs_in_and_reads_what_is_waiting(desk: Desk, shop: Shop) -> None:
    """08:55. The Reports area's Today page is not built yet: its two figures are read where
    the window shows them now (the board's carried-over rows, the complaints tab)."""
    desk.at(TODAY, "08:55")
    window = desk.sign_in("lin", PASSWORDS["lin"])
    assert "林老板" in window.user_label.text()

    orders = desk.show("orders")
    board = orders.model
    carried = [board.row_at(r) for r in range(board.rowCount()) if board.row_at(r).carried_over_on is not None]
    assert sorted(r.number for r in carried) == sorted(shop.carried_over)
    assert all(r.carried_over_on == YESTERDAY for r in carried)
    for r in range(board.rowCount()):  # carried-over orders are listed first, in their own colour
        brush = board.data(board.index(r, 0), Qt.ItemDataRole.BackgroundRole)
        assert brush is not None and brush.color() == CARRIED_OVER_BACKGROUND
    assert orders.count_label.text() == "3 orders"
    assert orders.overdue_label.text() == "No overdue orders"

    followups = desk.show("followups")
    followups.tabs.setCurrentWidget(followups.complaints)
    complaints = followups.complaints
    assert complaints.summary.text() == "Complaints: 1 · past their 24 hours: 1"
    deadline = complaints.model.data(complaints.model.index(0, 2))
    assert deadline.endswith("⚠") and complaints.model.row_at(0).customer == "恒通物流"

    today = report_service.today(desk.ctx.actor)  # what the Today page will show
    assert (today.carried_over, today.complaints_overdue) == (3, 1)


def phone_rings_and_front_desk_writes_order(desk: Desk, shop: Shop) -> str:
    """09:02. 深圳正方达贸易's copier jams: `zfd`, the company's file, the copier by its serial, the order."""
    desk.at(TODAY, "09:02")
    desk.switch_user("wang", PASSWORDS["wang"])
    desk.search("zfd")
    customers = desk.window.pages["customers"]
    assert desk.window.current_area_key() == "customers"
    assert customers.count_label.text() == "1 match"
    file = customers.file_view
    assert "深圳正方达贸易" in file.title.text() and file.subtitle.text() == "Contract"

    file.tabs.setCurrentIndex(2)  # Contracts and rentals
    contracts = file.contracts
    assert contracts.item(0, 0).text() == shop.contract_number
    assert contracts.item(0, 5).text() == "labour, travel" and contracts.item(0, 9).text() == "In force"
    file.tabs.setCurrentIndex(1)  # Devices: the copier is the one with this serial
    serials = [file.devices.item(r, 3).text() for r in range(file.devices.rowCount())]
    assert COPIER_SERIAL in serials and len(serials) == 2

    desk.click(file.new_order_button)
    orders = desk.window.pages["orders"]
    intake = orders.intake
    assert intake.isVisible() and desk.window.current_area_key() == "orders"
    assert "深圳正方达贸易" in intake.chosen.text()
    assert intake.reported_by.text() == "王伟" and intake.address.text().startswith("深圳市福田区")
    pick(intake.device, COPIER_SERIAL)
    intake.fault.setPlainText("复印机卡纸，每次进纸都卡")
    assert intake.channel.currentData() == "phone" and intake.location.currentData() == "onsite"
    desk.click(intake.save_button)
    assert not intake.isVisible()

    order = RepairOrder.select().order_by(RepairOrder.id.desc()).get()
    assert orders.status.text() == f"Order {order.number} written."
    assert order.customer_id == shop.zfd_id and order.device.serial == COPIER_SERIAL
    assert order.reported_at == shop_time(TODAY, "09:02") and order.created_by_id == shop.desk.staff.id
    assert (order.state, order.coverage, order.contract.number) == ("new", "contract", shop.contract_number)

    view = desk.open_order_from(orders, orders.model, orders.board_table.view, order.number)
    assert view.detail("Device") == f"Ricoh MP 2555 · {COPIER_SERIAL}"
    assert view.tabs.currentIndex() == 0 and view.charges.reason_label.isVisible()
    assert view.charges.coverage_label.text() == "Service contract"
    assert view.charges.reason_label.text() == (
        f"contract {shop.contract_number} until 2026-12-31: labour and travel covered, parts charged")
    return order.number


def dispatched_to_team_lead(desk: Desk, number: str) -> None:
    """09:05, three minutes after the call: inside the five."""
    desk.at(TODAY, "09:05")
    orders = desk.window.pages["orders"]
    view = orders.open_order(number)
    desk.act(view, "dispatch", lambda d: pick(d.fields["dispatched_to"], "赵组长"))
    assert view.title.text() == f"{number} · Dispatched" and view.overdue_label.text() == ""
    assert view.detail("Dispatched to") == "赵组长"
    order = RepairOrder.get(RepairOrder.number == number)
    assert order.dispatched_at == shop_time(TODAY, "09:05") and order.dispatched_to.name == "赵组长"


def team_lead_assigns_chen(desk: Desk, number: str) -> None:
    """09:12, seven minutes after dispatch: inside the ten, so nothing is highlighted overdue."""
    desk.at(TODAY, "09:12")
    desk.switch_user("zhao", PASSWORDS["zhao"])
    orders = desk.show("orders")
    board = orders.model
    row = next(r for r in range(board.rowCount()) if board.row_at(r).number == number)
    assert board.data(board.index(row, 0), OVERDUE_ROLE) is False
    assert board.data(board.index(row, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert board.data(board.index(row, 10)) == ""
    assert orders.overdue_label.text() == "No overdue orders"
    view = desk.open_order_from(orders, board, orders.board_table.view, number)
    assert view.overdue_label.text() == ""
    desk.act(view, "assign", lambda d: pick(d.fields["technician"], "陈师傅"))
    assert view.title.text() == f"{number} · Assigned" and view.detail("Technician") == "陈师傅"
    order = RepairOrder.get(RepairOrder.number == number)
    assert order.assigned_at == shop_time(TODAY, "09:12") and order.technician.name == "陈师傅"


def chen_opens_his_order(desk: Desk, number: str):
    orders = desk.show("orders")
    assert orders.tabs.currentWidget() is orders.my_table  # a technician's own orders come first
    return desk.open_order_from(orders, orders.my_model, orders.my_table.view, number)


def chen_sets_appointment_and_desk_confirms(desk: Desk, number: str) -> None:
    """09:20 陈师傅 sets 10:30; the front desk confirms it with 王伟."""
    desk.at(TODAY, "09:20")
    desk.switch_user("chen", PASSWORDS["chen"])
    view = chen_opens_his_order(desk, number)
    desk.act(view, "set_appointment", lambda d: set_local_time(d.fields["appointment_at"], TODAY, "10:30"))
    assert view.detail("Appointment") == "2026-02-27 10:30"
    assert RepairOrder.get(RepairOrder.number == number).appointment_at == shop_time(TODAY, "10:30")

    desk.at(TODAY, "09:22")
    desk.switch_user("wang", PASSWORDS["wang"])
    desk.search(number)  # the order number typed (or scanned) opens the order itself
    view = desk.window.pages["orders"].order_dialogs[RepairOrder.get(RepairOrder.number == number).id]
    desk.act(view, "confirm_appointment", lambda d: d.fields["note"].setPlainText("王伟确认 10:30 上门"))
    last = view.timeline.rowCount() - 1
    assert view.timeline.item(last, 2).text() == "Customer confirmed appointment"
    assert view.timeline.item(last, 1).text() == "王小姐"
    confirmed = OrderEvent.select().where(OrderEvent.kind == "appointment").order_by(OrderEvent.id.desc()).get()
    assert json.loads(confirmed.data)["action"] == "confirm_appointment" and confirmed.note == "王伟确认 10:30 上门"


def chen_arrives(desk: Desk, number: str) -> None:
    desk.at(TODAY, "10:30")
    desk.switch_user("chen", PASSWORDS["chen"])
    view = chen_opens_his_order(desk, number)
    desk.act(view, "start")
    assert view.title.text() == f"{number} · In progress"


def stage_a_call(desk: Desk, number: str) -> None:
    """10:45: did the technician arrive on time? Yes."""
    desk.at(TODAY, "10:45")
    desk.switch_user("wang", PASSWORDS["wang"])
    page = desk.show("followups")
    queue = page.queue
    assert page.tabs.currentWidget() is queue
    assert queue.summary.text() == "Calls due: 1 · overdue: 0"
    row = queue.model.row_at(0)
    assert (row.stage, row.order_number, row.customer, row.technician) == ("A", number, "深圳正方达贸易", "陈师傅")
    assert queue.model.data(queue.model.index(0, 1)) == "A: arrival"
    queue.table.selectRow(0)
    desk.click(queue.record_button)
    form = page.call_form
    assert page.tabs.currentWidget() is form and number in form.heading.text()
    assert form.outcome_value() == "reached"
    pick(form.scores["timeliness"], "5")
    form.note.setText("准时到达 arrived on time")
    desk.click(form.save_button)
    assert form.status.text() == "Saved."
    call = FollowUpCall.get(FollowUpCall.stage == "A")
    assert (call.order.number, call.outcome, call.score_timeliness) == (number, "reached", 5)
    assert call.made_at == shop_time(TODAY, "10:45") and call.technician.name == "陈师傅" and not call.unsatisfied


def add_from_price_list(desk: Desk, charges, code: str) -> None:
    """"Add from price list…", type the code, use the item, then "Add line"."""
    def act(picker):
        desk.qtbot.keyClicks(picker.search_box, code)
        assert picker.model.row_at(0).code == code
        desk.qtbot.mouseClick(picker.use_button, Qt.MouseButton.LeftButton)

    desk.answer("priceItemPicker", act, lambda: desk.click(charges.from_list_button))
    assert charges.picked_label.text().startswith(f"From the price list: {code}")
    desk.click(charges.add_button)


def chen_repairs_and_prints_receipt(desk: Desk, shop: Shop, number: str, tmp_path) -> None:
    """11:30: pickup roller replaced (part charged, labour and travel covered), ¥80 cash, 80 mm receipt."""
    desk.at(TODAY, "11:30")
    desk.switch_user("chen", PASSWORDS["chen"])
    view = chen_opens_his_order(desk, number)
    charges = view.charges
    for code in ("LAB01", "P-PR01", "TRV01"):
        add_from_price_list(desk, charges, code)
    lines = charges.lines_model
    shown = [[lines.data(lines.index(r, c)) for c in (0, 2, 4, 6)] for r in range(lines.rowCount())]
    assert shown == [["Labour", "上门维修工时", "¥120.00", "Covered"], ["Part", "搓纸轮", "¥80.00", "Charged"],
                     ["Travel", "上门交通费", "¥30.00", "Covered"]]
    totals = {k: label.text() for k, label in charges.total_labels.items()}
    assert (totals["value"], totals["covered"], totals["to_pay"], totals["paid"]) == (
        "¥230.00", "¥150.00", "¥80.00", "¥0.00")

    desk.click(view.work_button)
    work = view.work_dialog
    work.diagnosis.setPlainText("搓纸轮磨损打滑")
    work.work_done.setPlainText("更换搓纸轮，清洁进纸通道")
    work.travel_km.setValue(12)
    desk.qtbot.keyClicks(work.fee, "80")
    pick(work.method, "Cash")
    desk.click(work.findChild(QPushButton, "saveWork"))
    assert view.status.text() == "Work record saved."
    assert view.detail("Work done") == "更换搓纸轮，清洁进纸通道"
    assert (charges.total_labels["paid"].text(), charges.total_labels["balance"].text()) == ("¥80.00", "¥0.00")

    desk.click(view.print_receipt_button)
    preview = view.receipt_dialog
    assert preview.kind == "repair" and preview.number == number
    pick(preview.layout_box, "80 mm receipt roll")
    path = tmp_path / f"{number}-repair-80mm.pdf"
    desk.save_pdf_as(path)
    desk.click(preview.save_button)
    assert preview.status.text() == f"Saved {path}."
    pages = pdf_pages(path)
    assert len(pages) == 1 and round(float(pages[0].mediabox.width), 2) == ROLL_WIDTH
    text = pdf_text(path)
    for expected in (number, "深圳正方达贸易", "陈师傅", shop.contract_number, "配件另收"):
        assert expected in text, (expected, text)
    # Each line with its value; the covered ones marked 免收 (covered), the part charged.
    assert re.search(r"人工 Labour: 上门维修工时\s+1 × ¥120\.00\s+¥120\.00\s+免收", text), text
    assert re.search(r"配件 Part: 搓纸轮\s+1 × ¥80\.00\s+¥80\.00\s+上门 Travel: 上门交通费\s+1 × ¥30\.00\s+"
                     r"¥30\.00\s+免收", text), text
    assert re.search(r"Covered\s+¥150\.00\s+应收 Charged\s+¥80\.00\s+应付 Amount due\s+¥80\.00\s+已付 Paid\s+"
                     r"¥80\.00\s+未付余额 Balance\s+¥0\.00", text), text
    assert qr_codes_on(pages[0]) == [qr_of(number)]
    desk.click(preview.findChild(QPushButton, "receiptClose"))

    desk.act(view, "resolve", lambda d: d.fields["note"].setPlainText("已修复，客户试印正常"))
    assert view.title.text() == f"{number} · Resolved" and "resolve" not in view.action_buttons
    order = RepairOrder.get(RepairOrder.number == number)
    assert order.resolved_at == shop_time(TODAY, "11:30") and order.travel_km == 12
    entries = LedgerEntry.select().where(LedgerEntry.order == order.id)
    money = {e.kind: (e.amount, e.method, e.technician_id) for e in entries}
    assert money == {"payment": (80_00, "cash", order.technician_id), "charge": (80_00, "", order.technician_id)}
    prints = OrderEvent.select().where((OrderEvent.order == order.id) & (OrderEvent.kind == "print"))
    assert [(p.note, json.loads(p.data)["layout"]) for p in prints] == [("repair", "80mm")]


def walk_in_leaves_printer(desk: Desk, tmp_path) -> str:
    """14:00: a known walk-in customer brings her printer to the counter; the intake slip with its QR code."""
    desk.at(TODAY, "14:00")
    desk.switch_user("wang", PASSWORDS["wang"])
    orders = desk.show("orders")
    desk.shortcut(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    intake = orders.intake
    assert intake.isVisible()
    desk.qtbot.keyClicks(intake.customer_search, "13922334455")
    assert "孙丽" in intake.customer_list.item(0).text()
    desk.qtbot.keyClick(intake.customer_search, Qt.Key.Key_Return)
    assert "孙丽" in intake.chosen.text()
    assert "PHBCK12345" in intake.device.currentText()  # her only device, chosen already
    pick(intake.location, "Bench")
    pick(intake.channel, "Counter")
    intake.fault.setPlainText("打印有黑线")
    intake.accessories.setText("电源线、USB 线")
    intake.condition.setText("外壳右侧有划痕")
    desk.click(intake.save_button)
    order = RepairOrder.select().order_by(RepairOrder.id.desc()).get()
    assert (order.state, order.location, order.channel, order.coverage) == ("received", "bench", "counter", "warranty")
    assert (order.accessories, order.condition, order.device.serial) == ("电源线、USB 线", "外壳右侧有划痕", "PHBCK12345")

    view = desk.open_order_from(orders, orders.model, orders.board_table.view, order.number)
    assert view.title.text() == f"{order.number} · Received"
    assert view.charges.coverage_label.text() == "Warranty"
    assert view.charges.reason_label.text() == "in warranty until 2026-03-01"

    desk.click(view.print_intake_button)
    preview = view.receipt_dialog
    assert (preview.kind, preview.copy_for, preview.paper) == ("intake", "customer", "a5")
    path = tmp_path / f"{order.number}-intake.pdf"
    desk.save_pdf_as(path)
    desk.click(preview.save_button)
    text = pdf_text(path)
    for expected in (order.number, "孙丽", "打印有黑线", "电源线", "PHBCK12345"):
        assert expected in text, (expected, text)
    assert qr_codes_on(pdf_pages(path)[0]) == [qr_of(order.number)]  # the order number's QR code
    desk.click(preview.findChild(QPushButton, "receiptClose"))
    return order.number


def chen_diagnoses_and_waits_for_parts(desk: Desk, number: str) -> None:
    desk.at(TODAY, "14:10")
    desk.switch_user("chen", PASSWORDS["chen"])
    orders = desk.show("orders")
    orders.tabs.setCurrentWidget(orders.board_tab)  # not his yet: he takes it from the open orders
    view = desk.open_order_from(orders, orders.model, orders.board_table.view, number)
    desk.act(view, "diagnose")
    assert view.title.text() == f"{number} · Diagnosing" and view.detail("Technician") == "陈师傅"
    desk.at(TODAY, "14:25")
    desk.act(view, "wait_for_parts", lambda d: d.fields["note"].setPlainText("定影膜划伤，已订货"))
    assert view.title.text() == f"{number} · Waiting for parts"


def repeat_repair_is_covered(desk: Desk, shop: Shop, tmp_path) -> str:
    """15:10: 李娜's copier jams again, 30 days after its paid repair closed: repair warranty, and why."""
    desk.at(TODAY, "15:10")
    desk.switch_user("wang", PASSWORDS["wang"])
    desk.search("lina")
    file = desk.window.pages["customers"].file_view
    assert "李娜" in file.title.text()
    history = [[file.orders.item(0, c).text() for c in (0, 2, 5, 6)]]
    assert history == [[shop.earlier_repair, "Closed", "Paid repair", "2026-01-28 15:00"]]
    desk.click(file.new_order_button)
    intake = desk.window.pages["orders"].intake
    pick(intake.device, "XK0012345")
    intake.fault.setPlainText("又卡纸，和上个月一样")
    desk.click(intake.save_button)
    order = RepairOrder.select().order_by(RepairOrder.id.desc()).get()
    assert (order.coverage, order.repeat_of.number) == ("repair_warranty", shop.earlier_repair)

    view = desk.window.pages["orders"].open_order(order.number)
    reason = f"repeat of paid repair {shop.earlier_repair} closed 2026-01-28: repair warranty until 2026-04-28"
    assert view.charges.coverage_label.text() == "Repair warranty"
    assert view.charges.reason_label.text() == reason
    desk.act(view, "dispatch_to_technician", lambda d: pick(d.fields["technician"], "陈师傅"))
    assert view.title.text() == f"{order.number} · Assigned"

    desk.click(view.print_receipt_button)
    preview = view.receipt_dialog
    path = tmp_path / f"{order.number}-repair.pdf"
    desk.save_pdf_as(path)
    desk.click(preview.save_button)
    text = pdf_text(path)
    assert order.number in text and shop.earlier_repair in text and "2026-01-28" in text, text
    desk.click(preview.findChild(QPushButton, "receiptClose"))
    return order.number


def printer_repaired_and_picked_up(desk: Desk, number: str) -> None:
    """Parts arrive, 陈师傅 repairs, 孙丽 is told by phone and fetches her printer."""
    desk.at(TODAY, "16:00")
    desk.switch_user("chen", PASSWORDS["chen"])
    view = chen_opens_his_order(desk, number)
    desk.act(view, "parts_arrived")
    assert view.title.text() == f"{number} · Repairing"
    desk.click(view.work_button)
    work = view.work_dialog
    work.diagnosis.setPlainText("定影膜划伤")
    work.work_done.setPlainText("更换定影膜")
    desk.click(work.findChild(QPushButton, "addPart"))
    for column, text in enumerate(("定影膜", "1", "150.00")):
        work.parts.item(0, column).setText(text)
    desk.click(work.findChild(QPushButton, "saveWork"))
    lines = view.charges.lines_model
    assert [lines.data(lines.index(0, c)) for c in (0, 2, 4, 6)] == ["Part", "定影膜", "¥150.00", "Covered"]
    assert view.charges.total_labels["to_pay"].text() == "¥0.00"
    desk.at(TODAY, "16:05")
    desk.act(view, "ready_for_pickup", lambda d: (set_local_time(d.fields["told_at"], TODAY, "16:05"),
                                                  pick(d.fields["told_how"], "By phone")))
    assert view.title.text() == f"{number} · Ready for pickup"

    desk.at(TODAY, "17:00")
    desk.switch_user("wang", PASSWORDS["wang"])
    orders = desk.show("orders")
    view = desk.open_order_from(orders, orders.model, orders.board_table.view, number)
    desk.act(view, "pick_up", lambda d: d.fields["picked_up_by"].setText("孙丽"))
    desk.act(view, "close")
    assert view.title.text() == f"{number} · Closed" and view.action_buttons == {}
    steps = [view.timeline.item(r, 2).text() for r in range(view.timeline.rowCount())
             if view.timeline.item(r, 2).text().count("→") == 1]
    assert steps == ["Received → Diagnosing", "Diagnosing → Waiting for parts", "Waiting for parts → Repairing",
                     "Repairing → Ready for pickup", "Ready for pickup → Picked up", "Picked up → Closed"]
    order = RepairOrder.get(RepairOrder.number == number)
    assert (order.state, order.signer_name) == ("closed", "孙丽")
    told = OrderEvent.get((OrderEvent.order == order.id) & (OrderEvent.to_state == "ready_for_pickup"))
    assert json.loads(told.data)["told_how"] == "phone"
    assert LedgerEntry.select().where(LedgerEntry.order == order.id).count() == 0  # in warranty: nothing to pay


def team_lead_closes_the_day(desk: Desk, shop: Shop, done: list[str], open_: list[str]) -> None:
    desk.at(TODAY, "17:30")
    desk.switch_user("zhao", PASSWORDS["zhao"])
    orders = desk.show("orders")
    orders.tabs.setCurrentWidget(orders.day_board)
    board = orders.day_board
    chen = board.technician_item(shop.chen.staff.id)
    assert chen.text(0) == "陈师傅 — 3 open, 2 done"
    assert board.order_item(done[0]).text(4) == "done"
    assert board.order_item(shop.carried_over[0]).text(4) == "carried over"

    desk.click(board.close_button)
    dialog = board.close_dialog
    rows = {dialog.table.topLevelItem(i).text(0): (dialog.table.topLevelItem(i).text(1),
                                                   dialog.table.topLevelItem(i).text(2))
            for i in range(dialog.table.topLevelItemCount())}
    chen_done, chen_open = rows["陈师傅"]
    assert chen_done.startswith("2: ") and sorted(chen_done[3:].split(", ")) == sorted(done)
    chen_carried = [n for n in open_ if n != shop.carried_over[1]]
    assert chen_open.startswith("3: ") and sorted(chen_open[3:].split(", ")) == sorted(chen_carried)
    assert rows["赵组长"] == ("0", f"1: {shop.carried_over[1]}")
    assert dialog.findChild(QLabel, "dayCloseNote").text() == (
        "4 unfinished orders will be carried over and listed first tomorrow.")
    desk.click(dialog.findChild(QPushButton, "confirmCloseDay"))
    assert board.status.text() == "Day closed: 4 orders carried over to tomorrow."
    assert board.closed_label.text() == "Closed by 赵组长"
    carried = RepairOrder.select(RepairOrder.number).where(RepairOrder.carried_over_on == TODAY)
    assert sorted(o.number for o in carried) == sorted(open_)
    assert [RepairOrder.get(RepairOrder.number == n).carried_over_on for n in done] == [None, None]


def chen_hands_in_receipt_and_cash(desk: Desk, number: str) -> None:
    """Next morning: ¥80.00 handed in (no difference), the signed receipt filed with its signer."""
    desk.at(NEXT_MORNING, "09:00")
    desk.switch_user("wang", PASSWORDS["wang"])
    seen = {}

    def count_the_cash(dialog):
        pick(dialog.technician, "陈师傅")
        seen["held"] = dialog.held_label.text()
        seen["due"] = [(dialog.orders.item(r, 0).text(), dialog.orders.item(r, 3).text())
                       for r in range(dialog.orders.rowCount())]
        desk.qtbot.keyClicks(dialog.amount, "80")
        dialog.note.setText("另交回 1 张签字回执")
        desk.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["result"] = dialog.result_label.text()
        seen["detail"] = dialog.result_detail.text()
        seen["flagged"] = "b00020" in dialog.result_label.styleSheet()
        desk.qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    desk.answer("handInDialog", count_the_cash, desk.window.hand_in_action.trigger)
    assert seen["held"] == "陈师傅 holds ¥80.00 in cash collected and not yet handed in."
    assert seen["due"] == [(number, "¥80.00")]
    assert seen["result"] == "✔ Recorded: exactly what was due." and not seen["flagged"]
    assert seen["detail"] == "Handed in ¥80.00; due on those orders ¥80.00. 陈师傅 still holds ¥0.00."
    order = RepairOrder.get(RepairOrder.number == number)
    hand_in = LedgerEntry.get((LedgerEntry.kind == "hand_in") & (LedgerEntry.order == order.id))
    assert (hand_in.amount, hand_in.technician.name, hand_in.entry_date) == (80_00, "陈师傅", NEXT_MORNING)
    assert (hand_in.method, hand_in.memo, hand_in.created_by.name) == ("cash", "另交回 1 张签字回执", "王小姐")

    desk.search(number)
    view = desk.window.pages["orders"].order_dialogs[order.id]
    desk.act(view, "return_receipt", lambda d: (d.fields["signer_name"].setText("王伟"),
                                                d.fields["in_person"].setChecked(True)))
    assert view.title.text() == f"{number} · Receipt returned" and view.detail("Signed by") == "王伟"
    order = RepairOrder.get_by_id(order.id)
    assert order.receipt_returned_at == shop_time(NEXT_MORNING, "09:00")


def stage_c_call_closes_the_order(desk: Desk, number: str) -> None:
    desk.at(NEXT_MORNING, "09:10")
    page = desk.show("followups")
    queue = page.queue
    row = next(r for r in range(queue.model.rowCount()) if queue.model.row_at(r).order_number == number)
    assert queue.model.row_at(row).stage == "C"
    queue.table.selectRow(row)
    desk.click(queue.record_button)
    form = page.call_form
    for box in form.scores.values():
        pick(box, "5")
    desk.click(form.save_button)
    assert form.status.text() == f"Saved. Order {number} is confirmed for closing."
    order = RepairOrder.get(RepairOrder.number == number)
    assert order.state == "callback_confirmed"
    call = FollowUpCall.get((FollowUpCall.stage == "C") & (FollowUpCall.order == order.id))
    scores = (call.score_timeliness, call.score_attitude, call.score_explanation, call.score_result)
    assert scores == (5, 5, 5, 5) and call.confirmed_order and not call.unsatisfied

    # The order's window, still open from the hand-in, follows without a reload.
    view = desk.window.pages["orders"].order_dialogs[order.id]
    assert view.isVisible() and view.title.text() == f"{number} · Callback confirmed"
    assert "confirm_callback" not in view.action_buttons and "close" in view.action_buttons
    desk.act(view, "close", lambda d: d.fields["note"].setPlainText("回访 5/5/5/5"))
    assert view.title.text() == f"{number} · Closed" and view.action_buttons == {}
    order = RepairOrder.get_by_id(order.id)
    assert (order.state, order.signer_name, order.closed_at) == ("closed", "王伟", shop_time(NEXT_MORNING, "09:10"))
    steps = OrderEvent.select().where((OrderEvent.order == order.id) & (OrderEvent.kind == "transition"))
    states = [e.to_state for e in steps.order_by(OrderEvent.id)]
    assert states == ["new", "dispatched", "assigned", "appointment_set", "in_progress", "resolved",
                      "receipt_returned", "callback_confirmed", "closed"]


def owner_closes_the_month(desk: Desk, shop: Shop, first: str, bench: str) -> None:
    """Monday 2 March: February's summary, the chain verified, February closed, 陈师傅 settled."""
    desk.at(MONTH_END, "09:00")
    desk.switch_user("lin", PASSWORDS["lin"])
    ledger = desk.show("ledger")
    ledger.tabs.setCurrentWidget(ledger.summary)
    summary = ledger.summary
    desk.click(summary.findChild(QPushButton, "ledgerSummaryLastMonth"))
    assert summary.period.period() == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    values = {k: label.text() for k, label in summary.values.items()}
    assert (values["charged"], values["collected"], values["handed_in"], values["cash_held"]) == (
        "¥80.00", "¥80.00", "¥80.00", "¥0.00")
    assert values["method_cash"] == "¥80.00" and values["by_technicians"] == "¥80.00"
    assert values["unpaid"] == "orders: 0; still owed: ¥0.00"
    table = summary.technicians
    assert [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())] == [
        ["陈师傅", "¥80.00", "¥80.00", "¥80.00", "¥0.00", "¥0.00"]]

    ledger.tabs.setCurrentWidget(ledger.months)
    months = ledger.months
    desk.click(months.verify_button)
    assert months.result.ok and months.verdict.text().startswith("✔")
    assert months.month_text() == "2026-02"
    desk.answer("ledgerCloseMonthConfirm", lambda box: accept_button(box).click(),
                lambda: desk.click(months.close_button))
    assert months.close_status.text() == "2026-02 is closed."
    assert months.table.item(0, 0).text() == "2026-02" and months.table.item(0, 2).text() == "林老板"
    assert ClosedMonth.get().month == "2026-02"
    desk.click(months.verify_button)
    assert months.result.ok and months.verdict.text().startswith("✔")

    ledger.tabs.setCurrentWidget(ledger.settlement)
    settlement = ledger.settlement
    pick(settlement.technician, "陈师傅")
    assert settlement.period.period() == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    figures = {k: label.text() for k, label in settlement.values.items()}
    assert (figures["jobs"], figures["points"], figures["visits"], settlement.km.value()) == ("2", "3", "1", 12)
    assert figures["travel_allowance"] == "¥20.00  (1 × ¥20.00 per visit)"
    assert figures["fuel_allowance"] == "¥9.60  (12 km × ¥0.80 per km)"
    assert (figures["collected"], figures["handed_in"], figures["cash_still_held"], figures["balance"]) == (
        "¥80.00", "¥80.00", "¥0.00", "¥29.60")
    jobs = settlement.jobs
    assert sorted([jobs.item(r, c).text() for c in range(4)] for r in range(jobs.rowCount())) == sorted(
        [[first, "3", "yes", "12"], [bench, "0", "no", "0"]])

    desk.answer("ledgerApproveConfirm", lambda box: accept_button(box).click(),
                lambda: desk.click(settlement.approve_button))
    assert settlement.status.text() == "Approved. 2 allowance entries posted to the ledger, ¥29.60 in all."
    assert settlement.approval_label.text().startswith("Approved on 2026-03-02 09:00 by 林老板.")
    allowances = LedgerEntry.select().where(LedgerEntry.kind == "allowance").order_by(LedgerEntry.seq)
    assert [(e.amount, e.technician.name, e.entry_date) for e in allowances] == [
        (20_00, "陈师傅", MONTH_END), (9_60, "陈师傅", MONTH_END)]

    desk.click(settlement.approve_button)  # approving twice posts nothing twice
    assert settlement.status.text() == "Already approved: nothing was posted again."
    assert LedgerEntry.select().where(LedgerEntry.kind == "allowance").count() == 2
    assert Settlement.select().count() == 1
    assert ledger_service.verify(shop.owner).ok


def test_a_day_at_the_shop(qtbot, db_url, db, monkeypatch, tmp_path):
    clock = FixedClock(shop_time(SET_UP, "09:00"))
    shop = yesterday_at_the_shop(clock)
    desk = Desk(qtbot, db_url, clock, monkeypatch)

    owner_signs_in_and_reads_what_is_waiting(desk, shop)
    first = phone_rings_and_front_desk_writes_order(desk, shop)
    dispatched_to_team_lead(desk, first)
    team_lead_assigns_chen(desk, first)
    chen_sets_appointment_and_desk_confirms(desk, first)
    chen_arrives(desk, first)
    stage_a_call(desk, first)
    chen_repairs_and_prints_receipt(desk, shop, first, tmp_path)
    bench = walk_in_leaves_printer(desk, tmp_path)
    chen_diagnoses_and_waits_for_parts(desk, bench)
    repeat = repeat_repair_is_covered(desk, shop, tmp_path)
    printer_repaired_and_picked_up(desk, bench)
    team_lead_closes_the_day(desk, shop, done=[first, bench], open_=[*shop.carried_over, repeat])
    chen_hands_in_receipt_and_cash(desk, first)
    stage_c_call_closes_the_order(desk, first)
    owner_closes_the_month(desk, shop, first, bench)

    assert Complaint.get().status == "open"  # yesterday's complaint is still someone's job
