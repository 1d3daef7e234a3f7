"""A technician's settlement statement as a printable PDF and as a workbook (no Qt).

    pdf = build_settlement_pdf(SettlementDocument(shop, "陈师傅", date_from, date_to, statement))
    write_settlement_xlsx(document, "statement.xlsx")

A4 portrait, in the receipts' embedded CJK font (see ``fonts``), so the
Chinese shows on any PC. The printed words are bilingual like the receipts'
(Chinese first), or English only; they do not follow the desk's language.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from shopdesk.receipts.build import _logo
from shopdesk.receipts.data import ShopHeader
from shopdesk.receipts.fonts import receipt_font
from shopdesk.receipts.layouts import GREY, RULE
from shopdesk.receipts.text import clean, markup, shorten
from shopdesk.rules.money import format_yuan
from shopdesk.rules.settlement import Statement

ZH_CN = {
    "title": "技术员结算单 Technician settlement statement",
    "technician": "技术员 Technician",
    "period": "结算期间 Period",
    "status": "状态 Status",
    "approved": "已审批 Approved",
    "draft": "草稿，未审批 Draft, not approved",
    "figures": "结算 Figures",
    "jobs": "完成工单 Jobs done",
    "points": "分值 Points",
    "visits": "上门次数 On-site visits",
    "km": "里程（公里）Distance (km)",
    "travel": "差费 Travel allowance",
    "fuel": "油费 Fuel allowance",
    "allowances": "补贴合计 Allowances",
    "collected": "收取费用 Fees collected",
    "handed_in": "已上交 Handed in",
    "cash_held": "未上交现金 Cash still held",
    "balance": "结算余额 Balance",
    "balance_note": "余额 = 补贴合计 − 未上交现金；为负数时技术员应向店里交回。"
                    " Balance = allowances − cash still held; negative: the technician owes the shop.",
    "job_list": "工单明细 Jobs",
    "col_order": "单号 Order",
    "col_points": "分值 Points",
    "col_onsite": "上门 On site",
    "col_km": "公里 km",
    "yes": "是 Yes",
    "no": "否 No",
    "no_jobs": "本期无完成工单 No jobs done in this period",
    "sign_technician": "技术员签字 Technician",
    "sign_owner": "审批人签字 Approved by",
    "date": "日期 Date",
    "printed": "打印时间 Printed",
    "phone_short": "电话 Tel",
}

EN = {
    "title": "Technician settlement statement",
    "technician": "Technician",
    "period": "Period",
    "status": "Status",
    "approved": "Approved",
    "draft": "Draft, not approved",
    "figures": "Figures",
    "jobs": "Jobs done",
    "points": "Points",
    "visits": "On-site visits",
    "km": "Distance (km)",
    "travel": "Travel allowance",
    "fuel": "Fuel allowance",
    "allowances": "Allowances",
    "collected": "Fees collected",
    "handed_in": "Handed in",
    "cash_held": "Cash still held",
    "balance": "Balance",
    "balance_note": "Balance = allowances − cash still held; negative: the technician owes the shop.",
    "job_list": "Jobs",
    "col_order": "Order",
    "col_points": "Points",
    "col_onsite": "On site",
    "col_km": "km",
    "yes": "Yes",
    "no": "No",
    "no_jobs": "No jobs done in this period",
    "sign_technician": "Technician",
    "sign_owner": "Approved by",
    "date": "Date",
    "printed": "Printed",
    "phone_short": "Tel",
}

LABELS = {"zh_CN": ZH_CN, "en": EN}

# (label key, Statement attribute, money?) in the order printed
FIGURES = (
    ("jobs", "jobs", False),
    ("points", "points", False),
    ("visits", "visits", False),
    ("km", "km", False),
    ("travel", "travel_allowance", True),
    ("fuel", "fuel_allowance", True),
    ("allowances", "allowances", True),
    ("collected", "collected", True),
    ("handed_in", "handed_in", True),
    ("cash_held", "cash_still_held", True),
    ("balance", "balance", True),
)


@dataclass(frozen=True)
class SettlementDocument:
    """Everything the statement prints. ``approved``: "2026-11-23 09:00 老板", or "" for a draft."""

    shop: ShopHeader
    technician: str
    date_from: dt.date
    date_to: dt.date
    statement: Statement
    approved: str = ""
    printed_at: dt.datetime | None = None  # local time
    language: str = "zh_CN"

    def __post_init__(self):
        if self.language not in LABELS:
            raise ValueError(f"language must be one of {tuple(LABELS)}, not {self.language!r}")

    @property
    def labels(self) -> dict[str, str]:
        return LABELS[self.language]

    @property
    def period(self) -> str:
        return f"{self.date_from.isoformat()} – {self.date_to.isoformat()}"

    def figure_rows(self) -> list[tuple[str, str]]:
        """(label, value as printed) in order."""
        s = self.statement
        return [(self.labels[key], format_yuan(getattr(s, attr)) if money else str(getattr(s, attr)))
                for key, attr, money in FIGURES]

    def status(self) -> str:
        return f"{self.labels['approved']} {self.approved}" if self.approved else self.labels["draft"]


def build_settlement_pdf(doc: SettlementDocument) -> bytes:
    """The statement as an A4 PDF, the CJK font embedded."""
    font = receipt_font()
    st = _styles(font.name)
    labels = doc.labels
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
        title=f"{labels['title']} {shorten(clean(doc.technician, font), 60)} {doc.period}",
        author=shorten(clean(doc.shop.name, font), 120), creator="ShopDesk",
    )
    width = A4[0] - 36 * mm

    def text(value, style, limit=300):
        return Paragraph(markup(shorten(clean(value, font), limit)), style)

    story: list = _header(doc, st, text, width)
    story.append(Spacer(1, 4 * mm))
    story.append(text(labels["title"], st["title"]))
    story.append(Spacer(1, 2 * mm))
    facts = [
        [text(labels["technician"], st["label"]), text(doc.technician, st["body"], 80)],
        [text(labels["period"], st["label"]), text(doc.period, st["body"])],
        [text(labels["status"], st["label"]), text(doc.status(), st["body"], 160)],
    ]
    story.append(_table(facts, [width * 0.3, width * 0.7], st["grid"]))

    story.append(text(labels["figures"], st["section"]))
    rows = [[text(label, st["label"]), text(value, st["amount"])] for label, value in doc.figure_rows()]
    figures = _table(rows, [width * 0.55, width * 0.45], st["grid"])
    figures.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 1.0, RULE)]))
    story.append(figures)
    story.append(text(labels["balance_note"], st["small"]))

    story.append(text(labels["job_list"], st["section"]))
    story.append(_job_table(doc, st, text, width))

    story.append(Spacer(1, 12 * mm))
    signs = [[text(f"{labels['sign_technician']}: ________________", st["body"]),
              text(f"{labels['sign_owner']}: ________________", st["body"])],
             [text(f"{labels['date']}: ________________", st["body"]),
              text(f"{labels['date']}: ________________", st["body"])]]
    story.append(Table(signs, colWidths=[width / 2, width / 2], style=TableStyle([
        ("FONT", (0, 0), (-1, -1), font.name, 9), ("TOPPADDING", (0, 0), (-1, -1), 6)])))
    if doc.printed_at is not None:
        story.append(Spacer(1, 6 * mm))
        story.append(text(f"{labels['printed']}: {doc.printed_at.strftime('%Y-%m-%d %H:%M')}", st["small"]))
    pdf.build(story)
    return buffer.getvalue()


def _styles(font: str) -> dict:
    def style(name, size, **kw):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * 1.3, 2), wordWrap="CJK", **kw)

    cells = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    return {
        "shop": style("shop", 15),
        "header_small": style("header_small", 8.5, textColor=GREY),
        "title": style("title", 16),
        "section": style("section", 10, textColor=GREY, spaceBefore=9, spaceAfter=3),
        "label": style("label", 9.5, textColor=GREY),
        "body": style("body", 10),
        "amount": style("amount", 10, alignment=2),
        "cell": style("cell", 9),
        "cell_right": style("cell_right", 9, alignment=2),
        "small": style("small", 8, textColor=GREY, spaceBefore=3),
        "grid": TableStyle(cells),
    }


def _header(doc: SettlementDocument, st: dict, text, width: float) -> list:
    shop = doc.shop
    lines = [text(shop.name, st["shop"], 120)]
    contact = "  ".join(part for part in (
        shop.address.strip(), f"{doc.labels['phone_short']}: {shop.phone.strip()}" if shop.phone.strip() else "") if part)
    if contact:
        lines.append(text(contact, st["header_small"]))
    logo = _logo(shop.logo_png) if shop.logo_png else None
    if logo is None:
        return lines
    w, h = logo.getSize()
    height = 14 * mm
    image = Image(logo, width=min(height * w / h, width / 3), height=height)
    table = Table([[image, lines]], colWidths=[image.drawWidth + 3 * mm, width - image.drawWidth - 3 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [table]


def _table(rows, widths, style) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(style)
    return table


def _job_table(doc: SettlementDocument, st: dict, text, width: float):
    labels = doc.labels
    jobs = doc.statement.job_list
    if not jobs:
        return text(labels["no_jobs"], st["cell"])
    head = [text(labels[key], st["label"]) for key in ("col_order", "col_points", "col_onsite", "col_km")]
    rows = [head] + [
        [text(job.order_number, st["cell"], 40), text(str(job.points), st["cell_right"]),
         text(labels["yes"] if job.onsite else labels["no"], st["cell"]), text(str(job.km), st["cell_right"])]
        for job in jobs
    ]
    table = Table(rows, colWidths=[width * 0.4, width * 0.2, width * 0.2, width * 0.2], repeatRows=1, hAlign="LEFT")
    table.setStyle(st["grid"])
    return table


def write_settlement_xlsx(doc: SettlementDocument, path) -> None:
    """The statement as an Excel workbook: the figures (amounts as numbers in yuan), then the jobs."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    labels = doc.labels
    book = Workbook()
    sheet = book.active
    sheet.title = f"{doc.date_from.isoformat()}..{doc.date_to.isoformat()}"[:31]
    bold = Font(bold=True)
    sheet.append([doc.shop.name])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([labels["title"]])
    sheet.append([labels["technician"], doc.technician])
    sheet.append([labels["period"], doc.date_from, doc.date_to])
    for cell in sheet[sheet.max_row][1:3]:
        cell.number_format = "yyyy-mm-dd"
    sheet.append([labels["status"], doc.status()])
    sheet.append([])
    s = doc.statement
    for key, attr, money in FIGURES:
        value = getattr(s, attr)
        sheet.append([labels[key], Decimal(value).scaleb(-2) if money else value])
        if money:
            sheet.cell(sheet.max_row, 2).number_format = "#,##0.00"
    sheet.cell(sheet.max_row, 1).font = bold
    sheet.cell(sheet.max_row, 2).font = bold
    sheet.append([labels["balance_note"]])
    sheet.append([])
    sheet.append([labels[key] for key in ("col_order", "col_points", "col_onsite", "col_km")])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for job in s.job_list:
        sheet.append([job.order_number, job.points, labels["yes"] if job.onsite else labels["no"], job.km])
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["C"].width = 14
    sheet.column_dimensions["D"].width = 10
    book.save(Path(path))
