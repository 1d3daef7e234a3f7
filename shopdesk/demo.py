"""Realistic, seeded demo data, fast enough for 100,000 customers and 1,000,000 orders.

Rows are built in Python and written with batched multi-row inserts inside
transactions (``BATCH`` rows a statement). The same seed gives the same shop.
Derived columns (customer search keys, open-order counts, ledger hashes) are
computed with the same functions the services use, so the demo shop behaves
like a real one.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Callable, Iterable

import peewee as pw

from shopdesk.models import (
    Counter, Customer, Device, LedgerEntry, OrderEvent, OrderLine, PriceItem, RepairOrder,
    ServiceContract, ShopSettings, Staff, database,
)

Progress = Callable[[str, int, int], None]
BATCH = 2000

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红鹏辉建国志宏新亮林飞斌晨欣怡子涵浩宇梓轩一诺雨萱博文佳琪俊杰思远"
LATIN_FIRST = ["David", "Anna", "Michael", "Linda", "Kevin", "Grace", "Tom", "Emily", "Jason", "Sophie"]
LATIN_LAST = ["Chan", "Wong", "Smith", "Lee", "Ng", "Brown", "Lam", "Taylor", "Ho", "Martin"]
CITY = ["深圳", "东莞", "广州", "惠州", "佛山"]
COMPANY_CORE = ["正方达", "华强", "恒通", "宏图", "鑫源", "博远", "金桥", "德信", "新世纪", "天成", "中科", "嘉禾", "汇丰", "锦绣", "瑞丰"]
COMPANY_KIND = ["贸易有限公司", "科技有限公司", "实业有限公司", "文化传播有限公司", "会计师事务所", "律师事务所", "中学", "物业管理有限公司"]
REGIONS = ["福田", "南山", "罗湖", "宝安", "龙岗", "龙华"]
STREETS = ["深南大道", "华强北路", "科技园南路", "人民南路", "宝安大道", "龙岗大道", "梅林路", "滨海大道"]
DEVICES = [
    ("copier", "Ricoh", ["MP 2555", "MP C3004", "IM C2000", "MP 4055"]),
    ("copier", "Konica Minolta", ["bizhub C226", "bizhub 367", "bizhub C300i"]),
    ("copier", "Canon", ["iR-ADV 4525", "iR 2625", "iR-ADV C3530"]),
    ("copier", "Kyocera", ["TASKalfa 2554ci", "ECOSYS M4125idn"]),
    ("copier", "Sharp", ["MX-M3551", "MX-2651"]),
    ("printer", "HP", ["LaserJet Pro M404", "LaserJet MFP M227", "Color LaserJet M454"]),
    ("printer", "Brother", ["HL-L2375DW", "MFC-L2750DW"]),
    ("printer", "Epson", ["L3258", "WF-C5790"]),
]
FAULTS = ["卡纸", "复印有黑线", "开机报错 SC542", "打印浅淡", "进纸异常，搓纸不进", "定影不良，粉末脱落",
          "扫描仪无法连接电脑", "网络打印不出", "出纸有褶皱", "碳粉用完后仍报缺粉", "Paper jam in tray 2",
          "Lines on copies", "No network printing", "异响，齿轮声大"]
WORK = [("labour", "L-STD", "标准上门维修", 12000, 10), ("part", "P-ROLLER", "搓纸轮", 8000, 2),
        ("part", "P-FUSER", "定影组件", 68000, 6), ("part", "P-DRUM", "硒鼓", 45000, 3),
        ("travel", "T-CITY", "市内上门交通", 5000, 0), ("labour", "L-BENCH", "店内检修", 8000, 6),
        ("other", "O-CLEAN", "整机清洁保养", 6000, 2)]

OPEN_STATES = ["new", "dispatched", "assigned", "appointment_set", "in_progress", "waiting_for_parts",
               "unresolved", "resolved", "receipt_returned", "callback_confirmed"]


def fill(customers: int, orders: int, seed: int = 1, progress: Progress | None = None,
         now: dt.datetime | None = None) -> dict[str, int]:
    """Add a demo shop's records to the open, empty database. Returns counts."""
    progress = progress or (lambda label, done, total: None)
    rnd = random.Random(seed)
    now = now or dt.datetime(2026, 11, 20, 8, 0)
    staff_ids = _staff(now)
    tech_ids = [sid for sid, role in staff_ids if role == "technician"]
    _settings_and_prices()
    cust = _customers(rnd, customers, now, progress)
    devices = _devices(rnd, cust, now, progress)
    contracts = _contracts(rnd, cust, devices, now)
    made = _orders(rnd, orders, cust, devices, contracts, tech_ids, staff_ids, now, progress)
    close_past_months(now)
    return {"customers": len(cust), "devices": len(devices), "contracts": len(contracts), **made}


def _insert(model, fields, rows: Iterable[tuple], label: str, total: int, progress: Progress) -> int:
    """Write rows with one prepared multi-row statement per batch (peewee's query
    builder costs more than the database at this volume)."""
    given = {f.name for f in fields}
    defaults = [(f, f.default() if callable(f.default) else f.default) for f in model._meta.sorted_fields
                if f.name not in given and not isinstance(f, pw.AutoField) and (f.default is not None or not f.null)]
    extra = tuple(f.db_value(v) for f, v in defaults)
    fields = list(fields) + [f for f, _ in defaults]
    rows = (tuple(row) + extra for row in rows)
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    table = f'"{model._meta.table_name}"'
    sqlite = not isinstance(database.obj, pw.PostgresqlDatabase)
    convert = _sqlite_value if sqlite else (lambda v: v)
    done = 0
    batch: list[tuple] = []

    def flush():
        if sqlite:
            marks = "(" + ", ".join("?" * len(fields)) + ")"
            database.cursor().executemany(f"INSERT INTO {table} ({columns}) VALUES {marks}",
                                          [tuple(convert(v) for v in row) for row in batch])
        else:
            from psycopg2.extras import execute_values

            execute_values(database.cursor(), f"INSERT INTO {table} ({columns}) VALUES %s", batch, page_size=len(batch))

    with database.atomic():
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                flush()
                done += len(batch)
                batch.clear()
                if done % (BATCH * 100) == 0:
                    progress(label, done, max(total, done))
        if batch:
            flush()
            done += len(batch)
    progress(label, done, done)
    return done


def _sqlite_value(value):
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _staff(now) -> list[tuple[int, str]]:
    from shopdesk.rules.passwords import hash_password

    people = [("owner", "林老板", "owner"), ("desk", "王小姐", "front_desk"), ("lead", "赵组长", "team_lead"),
              ("chen", "陈师傅", "technician"), ("li", "李师傅", "technician"), ("zhou", "周师傅", "technician"),
              ("wu", "吴师傅", "technician")]
    rows = []
    with database.atomic():
        for username, name, role in people:
            staff, _ = Staff.get_or_create(
                username=username,
                defaults=dict(name=name, role=role, created_at=now, region=REGIONS[len(rows) % len(REGIONS)],
                              password_hash=hash_password(DEMO_PASSWORD), phone="1380013%04d" % len(rows)),
            )
            rows.append((staff.id, role))
    return rows


DEMO_PASSWORD = "demo-2026"


def _settings_and_prices() -> None:
    with database.atomic():
        ShopSettings.update(name="深圳快修办公设备服务部", address="深圳市福田区华强北路 1 号",
                            phone="0755-8888 6666", receipt_terms="维修部件保修 90 天。人为损坏不在保修范围内。",
                            travel_allowance_per_visit=2000, fuel_allowance_per_km=80).where(ShopSettings.id == 1).execute()
        for kind, code, name, price, points in WORK:
            PriceItem.get_or_create(code=code, defaults=dict(name=name, kind=kind, unit_price=price, points=points))


def _person(rnd) -> str:
    if rnd.random() < 0.06:
        return f"{rnd.choice(LATIN_FIRST)} {rnd.choice(LATIN_LAST)}"
    given = rnd.choice(GIVEN) + (rnd.choice(GIVEN) if rnd.random() < 0.6 else "")
    return rnd.choice(SURNAMES) + given


def _phone(rnd) -> str:
    return f"1{rnd.choice('3456789')}{rnd.randrange(10**9):09d}"


def _customers(rnd, count, now, progress) -> list[dict]:
    from shopdesk.rules.search import phone_digits, search_text

    keys_cache: dict[tuple, str] = {}
    out = []
    start = Counter.get_or_none(Counter.name == "customer")
    first = (start.value if start else 0) + 1

    def rows():
        for i in range(count):
            kind = rnd.choices(["walk_in", "contract", "rental"], weights=[70, 20, 10])[0]
            name = _person(rnd)
            company = "" if kind == "walk_in" and rnd.random() < 0.7 else rnd.choice(CITY) + rnd.choice(COMPANY_CORE) + rnd.choice(COMPANY_KIND)
            contact = _person(rnd) if company and rnd.random() < 0.5 else ""
            region = rnd.choice(REGIONS)
            address = f"深圳市{region}区{rnd.choice(STREETS)}{rnd.randrange(1, 999)}号"
            phone = _phone(rnd)
            key = (name, company, contact, address)
            text = keys_cache.get(key)
            if text is None:
                text = search_text(name, company, contact, address)
                if len(keys_cache) < 50_000:
                    keys_cache[key] = text
            created = now - dt.timedelta(days=rnd.randrange(30, 1500))
            birthday = dt.date(rnd.randrange(1960, 2000), rnd.randrange(1, 13), rnd.randrange(1, 29)) if rnd.random() < 0.4 else None
            number = f"C{first + i:06d}"
            out.append({"id": None, "kind": kind, "number": number, "region": region})
            yield (number, kind, name, company, contact, phone, address, region, birthday, rnd.random() < 0.2,
                   text, phone_digits(phone), created)

    fields = [Customer.number, Customer.kind, Customer.name, Customer.company, Customer.contact_person, Customer.phone,
              Customer.address, Customer.region, Customer.birthday, Customer.birthday_is_lunar,
              Customer.search_text, Customer.phone_digits, Customer.created_at]
    _insert(Customer, fields, rows(), "customers", count, progress)
    _set_counter("customer", first + count - 1)
    ids = dict(Customer.select(Customer.number, Customer.id).where(Customer.number >= f"C{first:06d}").tuples())
    for c in out:
        c["id"] = ids[c["number"]]
    return out


def _devices(rnd, customers, now, progress) -> list[dict]:
    out = []

    def rows():
        n = 0
        for c in customers:
            for _ in range(1 if rnd.random() < 0.75 else 2):
                category, brand, models = rnd.choice(DEVICES)
                n += 1
                serial = f"{brand[0]}{rnd.choice('ABCDEFGHJK')}{n:08d}"
                purchased = (now - dt.timedelta(days=rnd.randrange(20, 2500))).date()
                months = rnd.choice([12, 12, 24, 36])
                out.append({"customer": c, "purchase": purchased, "months": months, "serial": serial})
                yield (c["id"], category, brand, rnd.choice(models), serial, serial.upper(), purchased, months,
                       c["kind"] == "rental", now)

    fields = [Device.customer, Device.category, Device.brand, Device.model, Device.serial, Device.serial_key,
              Device.purchase_date, Device.warranty_months, Device.owned_by_shop, Device.created_at]
    _insert(Device, fields, rows(), "devices", int(len(customers) * 1.25), progress)
    ids = dict(Device.select(Device.serial_key, Device.id).tuples())
    for d in out:
        d["id"] = ids[d["serial"]]
    return out


def _contracts(rnd, customers, devices, now) -> dict[int, dict]:
    by_customer: dict[int, dict] = {}
    device_of = {}
    for d in devices:
        device_of.setdefault(d["customer"]["id"], d)
    rows = []
    n = 0
    for c in customers:
        if c["kind"] == "walk_in":
            continue
        n += 1
        starts = (now - dt.timedelta(days=rnd.randrange(0, 700))).date()
        ends = starts + dt.timedelta(days=365 * rnd.choice([1, 2, 3]))
        rental = c["kind"] == "rental"
        number = f"K{n:06d}"
        by_customer[c["id"]] = {"number": number, "starts": starts, "ends": ends, "rental": rental}
        rows.append((number, c["id"], "rental" if rental else "service", device_of[c["id"]]["id"] if rental else None,
                     starts, ends, True, rental, True, 120000 if rental else 0, 3000 if rental else 0, 5 if rental else 0, now))
    fields = [ServiceContract.number, ServiceContract.customer, ServiceContract.kind, ServiceContract.device,
              ServiceContract.starts_on, ServiceContract.ends_on, ServiceContract.covers_labour, ServiceContract.covers_parts,
              ServiceContract.covers_travel, ServiceContract.monthly_fee, ServiceContract.pages_included,
              ServiceContract.price_per_page, ServiceContract.created_at]
    _insert(ServiceContract, fields, rows, "contracts", len(rows), lambda *a: None)
    _set_counter("contract", n)
    ids = dict(ServiceContract.select(ServiceContract.number, ServiceContract.id).tuples())
    for info in by_customer.values():
        info["id"] = ids[info["number"]]
    return by_customer


def _set_counter(name: str, value: int) -> None:
    with database.atomic():
        if not Counter.update(value=value).where(Counter.name == name).execute():
            Counter.create(name=name, value=value)


def _orders(rnd, count, customers, devices, contracts, tech_ids, staff_ids, now, progress) -> dict[str, int]:
    from shopdesk.rules import workflow
    from shopdesk.rules.ledger import GENESIS_HASH, Posting, entry_hash
    from shopdesk.services.orders import format_number

    devices_of: dict[int, list[dict]] = {}
    for d in devices:
        devices_of.setdefault(d["customer"]["id"], []).append(d)
    desk_id = next(sid for sid, role in staff_ids if role == "front_desk")
    lead_id = next(sid for sid, role in staff_ids if role == "team_lead")
    span_days = 3 * 365
    times = sorted(now - dt.timedelta(minutes=rnd.randrange(span_days * 24 * 60)) for _ in range(count))
    first = (Counter.get_or_none(Counter.name == "order").value if Counter.get_or_none(Counter.name == "order") else 0) + 1
    plans: list[tuple] = []  # (number, state, location, charged lines, technician, closed_at)
    price_of = {code: (kind, name, price, points) for kind, code, name, price, points in WORK}

    def order_rows():
        for i, reported in enumerate(times):
            customer = rnd.choice(customers)
            device = rnd.choice(devices_of[customer["id"]])
            location = "bench" if rnd.random() < 0.25 else "onsite"
            age_days = (now - reported).days
            if age_days > 14:
                state = rnd.choices([workflow.CLOSED, workflow.CANCELLED], weights=[96, 4])[0]
            elif location == "onsite":
                state = rnd.choice(["new", "dispatched", "assigned", "appointment_set", "in_progress", "resolved",
                                    "unresolved", "receipt_returned", "callback_confirmed", "closed", "waiting_for_parts"])
            else:
                state = rnd.choice(["received", "diagnosing", "repairing", "waiting_for_parts", "ready_for_pickup",
                                    "picked_up", "closed"])
            tech = rnd.choice(tech_ids) if state not in ("new", "dispatched", "received") else None
            dispatched = reported + dt.timedelta(minutes=rnd.randrange(1, 9)) if state not in ("new", "received") else None
            assigned = dispatched + dt.timedelta(minutes=rnd.randrange(2, 15)) if tech and dispatched else None
            appointment = assigned + dt.timedelta(hours=rnd.randrange(1, 30)) if assigned and location == "onsite" else None
            done_states = (workflow.CLOSED, "resolved", "receipt_returned", "callback_confirmed", "picked_up", "ready_for_pickup")
            resolved = (appointment or assigned or reported) + dt.timedelta(hours=rnd.randrange(1, 48)) if state in done_states else None
            closed = resolved + dt.timedelta(days=rnd.randrange(1, 4)) if state == workflow.CLOSED and resolved else None
            if state == workflow.CANCELLED:
                closed = reported + dt.timedelta(hours=rnd.randrange(1, 30))
            signed = resolved is not None and location == "onsite" and state in (workflow.CLOSED, "receipt_returned", "callback_confirmed")
            coverage, reason = _demo_coverage(customer, device, contracts.get(customer["id"]), reported.date())
            lines = []
            if state in done_states and state != workflow.CANCELLED:
                codes = ["L-STD" if location == "onsite" else "L-BENCH"] + rnd.sample(["P-ROLLER", "P-FUSER", "P-DRUM", "O-CLEAN"], rnd.randrange(0, 3))
                if location == "onsite":
                    codes.append("T-CITY")
                for code in codes:
                    kind, name, price, points = price_of[code]
                    covered = coverage in ("rental", "warranty", "repair_warranty") or (coverage == "contract" and kind in ("labour", "travel"))
                    lines.append((kind, code, name, price, points, covered))
            number = format_number(first + i)
            plans.append((number, state, location, lines, tech, closed or resolved or reported))
            yield (number, customer["id"], device["id"], contracts.get(customer["id"], {}).get("id") if coverage in ("contract", "rental") else None,
                   location, rnd.choice(["phone", "phone", "counter", "visit"]) if location == "onsite" else "counter",
                   "urgent" if rnd.random() < 0.1 else "normal", rnd.choice(FAULTS), "", _phone(rnd),
                   "" if location == "bench" else f"深圳市{customer['region']}区", customer["region"], state, reported,
                   dispatched, lead_id if dispatched else None, assigned, appointment, resolved, closed, tech,
                   coverage, reason, "王伟" if signed else "", (resolved + dt.timedelta(hours=20)) if signed else None,
                   reported, desk_id)

    fields = [RepairOrder.number, RepairOrder.customer, RepairOrder.device, RepairOrder.contract, RepairOrder.location,
              RepairOrder.channel, RepairOrder.priority, RepairOrder.fault, RepairOrder.reported_by, RepairOrder.contact_phone,
              RepairOrder.address, RepairOrder.region, RepairOrder.state, RepairOrder.reported_at, RepairOrder.dispatched_at,
              RepairOrder.dispatched_to, RepairOrder.assigned_at, RepairOrder.appointment_at, RepairOrder.resolved_at,
              RepairOrder.closed_at, RepairOrder.technician, RepairOrder.coverage, RepairOrder.coverage_reason,
              RepairOrder.signer_name, RepairOrder.receipt_returned_at, RepairOrder.created_at, RepairOrder.created_by]
    _insert(RepairOrder, fields, order_rows(), "orders", count, progress)
    _set_counter("order", first + count - 1)
    ids = dict(RepairOrder.select(RepairOrder.number, RepairOrder.id).where(RepairOrder.number >= format_number(first)).tuples())

    def event_rows():
        for number, state, _location, _lines, tech, last_at in plans:
            order_id = ids[number]
            yield (order_id, last_at, desk_id, "transition", "", "new", "")
            if state != "new":
                yield (order_id, last_at, tech or lead_id, "transition", "", state, "")

    events = _insert(OrderEvent, [OrderEvent.order, OrderEvent.at, OrderEvent.staff, OrderEvent.kind,
                                  OrderEvent.from_state, OrderEvent.to_state, OrderEvent.note],
                     event_rows(), "order events", 2 * count, progress)

    def line_rows():
        for number, _state, _location, lines, tech, last_at in plans:
            for kind, code, name, price, points, covered in lines:
                yield (ids[number], kind, code, name, 1, price, covered, points, last_at, tech)

    line_count = _insert(OrderLine, [OrderLine.order, OrderLine.kind, OrderLine.code, OrderLine.description,
                                     OrderLine.quantity, OrderLine.unit_price, OrderLine.covered, OrderLine.points,
                                     OrderLine.created_at, OrderLine.created_by],
                         line_rows(), "order lines", int(count * 1.8), progress)

    chain = {"seq": 0, "hash": GENESIS_HASH}
    last = LedgerEntry.select().order_by(LedgerEntry.seq.desc()).first()
    if last is not None:
        chain = {"seq": last.seq, "hash": last.hash}

    def posting(kind, amount, at, by, order_id, tech, method, memo):
        chain["seq"] += 1
        fields_ = Posting(chain["seq"], kind, amount, at.date(), at.replace(microsecond=0), by, order_id, tech, method, memo, None)
        prev = chain["hash"]
        chain["hash"] = entry_hash(prev, fields_)
        return (*fields_, prev, chain["hash"])

    def ledger_rows():
        for number, state, location, lines, tech, last_at in plans:
            charged = sum(price for _k, _c, _n, price, _p, covered in lines if not covered)
            if state != workflow.CLOSED or charged == 0:
                continue
            order_id = ids[number]
            yield posting("charge", charged, last_at, desk_id, order_id, tech, "", "")
            on_site_cash = location == "onsite" and tech and rnd.random() < 0.6
            if on_site_cash:
                yield posting("payment", charged, last_at, tech, order_id, tech, "cash", "")
                handed_at = last_at + dt.timedelta(days=1)
                if handed_at < now:
                    yield posting("hand_in", charged, handed_at, desk_id, order_id, tech, "cash", "")
            else:
                yield posting("payment", charged, last_at, desk_id, order_id, None, rnd.choice(["wechat", "alipay", "cash"]), "")

    ledger_fields = [LedgerEntry.seq, LedgerEntry.kind, LedgerEntry.amount, LedgerEntry.entry_date, LedgerEntry.created_at,
                     LedgerEntry.created_by, LedgerEntry.order, LedgerEntry.technician, LedgerEntry.method, LedgerEntry.memo,
                     LedgerEntry.reverses, LedgerEntry.prev_hash, LedgerEntry.hash]
    entries = _insert(LedgerEntry, ledger_fields, ledger_rows(), "ledger entries", int(count * 1.5), progress)
    _set_counter("ledger", chain["seq"])
    _refresh_customer_summaries()
    return {"orders": count, "order_events": events, "order_lines": line_count, "ledger_entries": entries}


def close_past_months(now: dt.datetime) -> None:
    """A shop closes each month once its figures are checked: close the books through last month."""
    from shopdesk.clock import FixedClock
    from shopdesk.models import ClosedMonth
    from shopdesk.services import ledger
    from shopdesk.services.context import Actor

    last_month = (now.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    if LedgerEntry.select().exists() and not ClosedMonth.select().where(ClosedMonth.month >= last_month).exists():
        ledger.close_month(Actor.system_task(FixedClock(now)), last_month)


def _demo_coverage(customer, device, contract, report_date) -> tuple[str, str]:
    if contract and contract["starts"] <= report_date <= contract["ends"]:
        if contract["rental"]:
            return "rental", f"rental {contract['number']} until {contract['ends']}"
        return "contract", f"contract {contract['number']} until {contract['ends']}: labour and travel covered, parts charged"
    from shopdesk.rules.coverage import add_months

    until = add_months(device["purchase"], device["months"])
    if report_date <= until:
        return "warranty", f"in warranty until {until}"
    return "paid", f"out of warranty since {until}"


def _refresh_customer_summaries() -> None:
    from shopdesk.rules import workflow

    finished = [workflow.CLOSED, workflow.CANCELLED]
    with database.atomic():
        database.execute_sql(
            "UPDATE customer SET "
            "last_order_at = (SELECT max(o.reported_at) FROM repair_order o WHERE o.customer_id = customer.id), "
            "open_order_count = (SELECT count(*) FROM repair_order o WHERE o.customer_id = customer.id "
            "AND o.state NOT IN (%s, %s))" % (database.param, database.param),
            finished,
        )
