"""The database figures: each a service call a person makes, timed, beside the
same SQL run alone on the plain driver (its floor)."""

from __future__ import annotations

import datetime as dt

from benchmarks.measure import PlainDriver, capture_sql, median_ms
from benchmarks.run import Figure
from shopdesk.clock import Clock
from shopdesk.db import close_database, open_database
from shopdesk.models import Customer, Device, LedgerEntry, RepairOrder, Staff, database
from shopdesk.services.context import Actor


def run_all(url: str, quick: bool) -> list[Figure]:
    open_database(url)
    try:
        owner = Actor(Staff.select().where(Staff.role == "owner").order_by(Staff.id).first(), Clock())
        _shop_closes_its_months()
        plain = PlainDriver(url)
        repeat = 5 if quick else 25
        figures: list[Figure] = []
        figures += _search(owner, plain, repeat)
        figures += _customer_file(owner, plain, repeat)
        figures += _board(owner, plain, repeat)
        figures += _state_change(owner, repeat)
        figures += _ledger(owner, plain, repeat, quick)
        figures += _receipts(owner, repeat, quick)
        figures += _reports(owner, plain, repeat)
        plain.close()
        return figures
    finally:
        close_database()


def _shop_closes_its_months() -> None:
    """Setup, not measured: the books are closed through the month before the newest entry."""
    from shopdesk.demo import close_past_months

    last = LedgerEntry.select(LedgerEntry.created_at).order_by(LedgerEntry.seq.desc()).first()
    if last is not None:
        close_past_months(last.created_at)


def _timed_with_floor(name: str, bar: float, call, plain: PlainDriver, repeat: int) -> Figure:
    value = median_ms(call, repeat)
    statements = capture_sql(call)
    floor = median_ms(lambda: plain.run(statements), repeat)
    return Figure(name, value, "ms", bar, floor, "the same SQL, plain driver")


def _search(owner: Actor, plain: PlainDriver, repeat: int) -> list[Figure]:
    from shopdesk.services import search

    sample = Customer.select().where(Customer.company != "").order_by(Customer.id).offset(Customer.select().count() // 3).first()
    person = Customer.select().order_by(Customer.id.desc()).first()
    two_char = next((c.name for c in Customer.select(Customer.name).limit(2000) if len(c.name) == 2), "王伟")
    device = Device.select().order_by(Device.id).offset(Device.select().count() // 2).first()
    order = RepairOrder.select().order_by(RepairOrder.id).offset(RepairOrder.select().count() // 2).first()
    phone = person.phone
    initials = _initials_of(sample.company)
    queries = [
        ("name (company, full)", sample.company),
        ("2-character Chinese name", two_char),
        ("pinyin initials of a company", initials),
        ("phone fragment with a space", f"{phone[:3]} {phone[3:7]}"),
        ("device serial, lower case", device.serial.lower()),
        ("order number", order.number),
    ]
    figures = []
    for label, text in queries:
        figures.append(_timed_with_floor(f"search: {label} ({text})", 30,
                                         lambda text=text: search.find(owner, text), plain, repeat))
    return figures


def _initials_of(company: str) -> str:
    from shopdesk.rules.search import search_text

    words = search_text(company).split()
    shortest = min((w for w in words if w.isascii() and w.isalpha()), key=len, default="zfd")
    return shortest[2:5] if len(shortest) >= 5 else shortest


def _customer_file(owner: Actor, plain: PlainDriver, repeat: int) -> list[Figure]:
    from shopdesk.services import customers

    row = database.execute_sql(
        "SELECT customer_id, count(*) AS n FROM repair_order GROUP BY customer_id ORDER BY abs(count(*) - 50), customer_id LIMIT 1"
    ).fetchone()
    customer_id, count = row
    return [_timed_with_floor(f"open a customer file ({count} orders)", 50,
                              lambda: customers.open_file(owner, customer_id), plain, repeat)]


def _board(owner: Actor, plain: PlainDriver, repeat: int) -> list[Figure]:
    from shopdesk.services import orders

    return [_timed_with_floor("open the order board (first 100 open orders)", 100,
                              lambda: orders.board(owner, orders.BoardFilter(), 0, 100), plain, repeat)]


def _state_change(owner: Actor, repeat: int) -> list[Figure]:
    """A state change committed and the board row shown again: wait for parts, then parts arrived."""
    from shopdesk.services import orders

    order = RepairOrder.select().where(RepairOrder.state == "in_progress").order_by(RepairOrder.id).first()
    if order is None:
        return []
    order_id = order.id

    def change():
        current = RepairOrder.get_by_id(order_id)
        action = "wait_for_parts" if current.state != "waiting_for_parts" else "parts_arrived"
        orders.act(owner, order_id, action, current.version, **({"note": "benchmark"} if action == "wait_for_parts" else {}))
        orders.board(owner, orders.BoardFilter(states=(current.state,)), 0, 20)

    value = median_ms(change, repeat if repeat % 2 == 0 else repeat + 1)
    return [Figure("a state change committed and shown", value, "ms", 50, None, "-")]


def _ledger(owner: Actor, plain: PlainDriver, repeat: int, quick: bool) -> list[Figure]:
    from shopdesk.services import ledger

    last = LedgerEntry.select(LedgerEntry.entry_date).order_by(LedgerEntry.seq.desc()).first()
    month_end = last.entry_date if last else dt.date.today()
    month_start = month_end.replace(day=1)
    figures = [_timed_with_floor(f"ledger: a month's summary ({month_start:%Y-%m})", 200,
                                 lambda: ledger.summary(owner, month_start, month_end), plain, max(5, repeat // 3))]
    count = LedgerEntry.select().count()
    value = median_ms(lambda: ledger.verify(owner), 3 if not quick else 2, warmup=0)
    floor = median_ms(lambda: plain.run([("SELECT * FROM ledger_entry ORDER BY seq", ())]), 3, warmup=0)
    figures.append(Figure(f"ledger: verify the whole chain ({count:,} entries)", value, "ms", 10_000, floor,
                          "reading every entry, plain driver"))
    return figures


def _receipts(owner: Actor, repeat: int, quick: bool) -> list[Figure]:
    from shopdesk.receipts import build_batch, build_receipt
    from shopdesk.services import receipts

    order = RepairOrder.select().where(RepairOrder.state == "closed").order_by(RepairOrder.id.desc()).first()
    data = receipts.receipt_data(owner, order.id, kind="repair")
    floor = median_ms(_empty_platypus_page, repeat * 2)
    canvas_floor = median_ms(_canvas_page_in_receipt_font, repeat * 2)
    one = median_ms(lambda: build_receipt(data, "a5"), repeat * 2)
    figures = [
        Figure("one repair receipt PDF (A5)", one, "ms", 20, floor, "a small A5 Platypus page, CID font"),
        Figure("one repair receipt PDF (A5), other floor", one, "ms", None, canvas_floor,
               "an A5 canvas page, one line, embedded CJK font"),
    ]
    count = 100 if quick else 1000
    ids = [o.id for o in RepairOrder.select(RepairOrder.id).where(RepairOrder.state == "closed").limit(count)]
    many = [receipts.receipt_data(owner, oid, kind="repair") for oid in ids]
    batch = median_ms(lambda: build_batch(many, "a5"), 1, warmup=0)
    figures.append(Figure(f"{len(many):,} receipts into one PDF", batch, "ms", 10_000 * len(many) / 1000,
                          floor * len(many), f"{len(many)} small A5 Platypus pages"))
    return figures


def _empty_platypus_page() -> None:
    """The issue's floor: "an empty reportlab page" — a small A5 page with a CID font."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("floor", fontName="STSong-Light", fontSize=10)
    SimpleDocTemplate(BytesIO(), pagesize=A5).build([Paragraph("维修回执单 Repair receipt", style)])


def _canvas_page_in_receipt_font() -> None:
    from io import BytesIO

    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    from shopdesk.receipts.fonts import receipt_font

    c = canvas.Canvas(BytesIO(), pagesize=A5)
    c.setFont(receipt_font().name, 10)
    c.drawString(40, 500, "维修回执单 Repair receipt")
    c.showPage()
    c.save()


def _reports(owner: Actor, plain: PlainDriver, repeat: int) -> list[Figure]:
    try:
        from shopdesk.services import reports
    except ImportError:
        return []
    return [_timed_with_floor(f"report: {name}", 300, call, plain, max(3, repeat // 3))
            for name, call in reports.benchmark_calls(owner)]
