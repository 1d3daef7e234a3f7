"""The intake slip and the repair receipt as PDF: page furniture and story.

Each receipt gets two page templates (its first page and its later pages)
whose ``onPage`` draws the receipt's header — shop, title, order number, QR
code — so content that flows onto another page finds the header there too.
A batch is the receipts' stories one after another, each switching to its
own templates and starting on a new page.

The 80 mm layout is a thermal roll: one page 80 mm wide and as long as the
receipt (its content is measured before it is laid out), so the printer
cuts once. Only past ``ROLL_MAX_HEIGHT`` (≈ 4.9 m, near the largest page PDF
viewers accept) does a receipt go on to a second page.
"""

from __future__ import annotations

import io
import math
import threading
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from shopdesk.receipts.blocks import Field, FormLines, Grid, TotalRow, Totals
from shopdesk.receipts.codes import code128_width, draw_code128, draw_qr
from shopdesk.receipts.data import ReceiptData
from shopdesk.receipts.fonts import ReceiptFont, pdfdoc_bytes, prime, receipt_font
from shopdesk.receipts.labels import LABELS
from shopdesk.receipts.layouts import (
    CELL_PAD, GREY, LAYOUTS, REPRINT_RED, RULE, WATERMARK, Layout, Styles, styles_for,
)
from shopdesk.receipts.text import Lines, OneLine, Piece, cell, clean, fitted, format_when, markup, shorten, wrap_fixed
from shopdesk.rules.money import format_yuan

# Image streams in binary rather than ASCII85: a quarter smaller and no Python
# encoding loop per receipt. (A process-wide reportlab switch; nothing else in
# ShopDesk writes PDF images.)
rl_config.useA85 = 0

BAR_WIDTH = 0.9  # points: the narrowest bar of the Code 128 footer
ROLL_MAX_HEIGHT = 14_000.0  # points
ROLL_MIN_HEIGHT = 90 * mm
GRID_LABELS = ("reported", "resolved", "customer", "company", "phone", "contact", "device", "serial", "address",
               "coverage", "technician")


def build_receipt(data: ReceiptData, layout: str = "a5", compress: bool = False) -> bytes:
    """One intake slip or repair receipt as a PDF (``layout``: a4 | a5 | 80mm).

    Uncompressed by default: a receipt goes to the preview or the printer, and
    compressing its streams would double its time for ~30 KB.
    """
    return build_batch([data], layout, compress=compress)


def build_batch(receipts: list[ReceiptData], layout: str = "a5", compress: bool = True) -> bytes:
    """Many receipts in one PDF, each starting on a new page (compressed: this is a file to keep)."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {tuple(LAYOUTS)}, not {layout!r}")
    if not receipts:
        raise ValueError("no receipts to build")
    lay = LAYOUTS[layout]
    font = receipt_font()
    styles = styles_for(lay, font.name)
    templates: list[PageTemplate] = []
    story: list = []
    for data in receipts:
        receipt = _Receipt(data, lay, styles, font)
        flowables = receipt.story()
        if story:
            story += [NextPageTemplate(len(templates)), PageBreak()]
        templates += receipt.page_templates(first_index=len(templates), content=flowables)
        story += flowables
    out = io.BytesIO()
    first = receipts[0]
    doc = _ReceiptDocTemplate(
        out,
        pagesize=templates[0].pagesize,
        pageTemplates=templates,
        title=_document_title(first, len(receipts), font),
        author=shorten(clean(first.shop.name, font), 120),
        creator="ShopDesk",
        lang="zh-CN" if first.language == "zh_CN" else "en",
        invariant=True,  # the same receipt gives the same bytes (no timestamp, no random id)
        pageCompression=1 if compress else 0,
        keepTogetherClass=_KeepTogether,
    )
    doc.fixed_text = _fixed_text(first.language, tuple(clean(part, font) for part in (
        first.shop.name, first.shop.phone, first.shop.address, first.shop.terms)))
    doc.font_name = font.name
    doc.build(story, canvasmaker=_ReceiptCanvas)
    return out.getvalue()


class _ReceiptDocTemplate(BaseDocTemplate):
    """A document that gives the font's first subset the receipts' fixed characters (see ``fonts.prime``)."""

    fixed_text = ""
    font_name = ""

    def beforeDocument(self):
        prime(self.font_name, self.canv._doc, self.fixed_text)


class _KeepTogether(KeepTogether):
    """What a section heading's ``keepWithNext`` makes of it and what follows, measured without the canvas.

    Measuring with the canvas, reportlab copies the whole frame (``deepcopy``)
    in case the content adds frame actions as it is measured; a receipt's
    content never does, and each copy costs ~0.05 ms. Laid out the same.
    """

    def wrap(self, aW, aH):
        had = "canv" in self.__dict__
        canv = self.__dict__.get("canv")
        self.canv = None
        try:
            return super().wrap(aW, aH)
        finally:
            if had:
                self.canv = canv
            else:
                del self.canv


class _ReceiptCanvas(Canvas):
    """A canvas that hands each finished page's operators to the PDF as bytes (see ``fonts.pdfdoc_bytes``)."""

    def showPage(self):
        pages = self._doc.Pages.pages
        done = len(pages)
        super().showPage()
        for page in pages[done:]:
            page.stream = pdfdoc_bytes(page.stream)


# Characters the layout prints besides its labels: the money sign, the ideographic
# space and brackets around the copy and reprint marks, "×" on the roll, "…" of a cut field.
_LAYOUT_CHARACTERS = "¥　【】×…"
_ASCII = "".join(map(chr, range(0x21, 0x7F)))


@lru_cache(maxsize=32)
def _fixed_text(language: str, shop: tuple[str, ...]) -> str:
    """What every receipt of this shop in this language prints, in a fixed order:
    the labels, the layout's own characters, ASCII (numbers, dates, phone
    numbers), then the shop's header and terms from Settings."""
    return "".join(LABELS[language].values()) + _LAYOUT_CHARACTERS + _ASCII + "".join(shop)


def _document_title(first: ReceiptData, count: int, font: ReceiptFont) -> str:
    title = LABELS[first.language]["title_intake" if first.kind == "intake" else "title_repair"]
    return f"{title} {shorten(clean(first.order_number, font), 60)}" if count == 1 else f"{title} ×{count}"


def _logo(png: bytes) -> ImageReader | None:
    """The shop's logo, made once (per thread) into what a receipt embeds fast.

    Scaled to ≥ 300 dpi at its printed size, laid on white paper and kept as
    a JPEG: reportlab copies a JPEG into the PDF as it is, where a PNG would
    be decoded and compressed again for every receipt (~1.5 ms). A reader
    rewinds its file while a PDF takes the image, so threads do not share one.
    """
    return _logo_for_thread(png, threading.get_ident())


@lru_cache(maxsize=8)
def _logo_for_thread(png: bytes, thread: int) -> ImageReader | None:
    try:
        from PIL import Image

        image = Image.open(io.BytesIO(png))
        image.thumbnail((400, 180))  # ≥ 300 dpi at the height it prints
        paper = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        jpeg = io.BytesIO()
        paper.save(jpeg, "JPEG", quality=92, subsampling=0)
        jpeg.seek(0)
        return ImageReader(jpeg)
    except Exception:  # noqa: BLE001 - a broken logo in Settings must not stop printing
        return None


@lru_cache(maxsize=32)
def _label_width(language: str, keys: tuple[str, ...], font: str, size: float) -> float:
    """The widest of these labels: a label column as narrow as it can be."""
    return max(stringWidth(LABELS[language][key], font, size) for key in keys)


class _Receipt:
    """One receipt: its header (drawn on each of its pages) and its story."""

    def __init__(self, data: ReceiptData, lay: Layout, styles: Styles, font: ReceiptFont):
        self.data = data
        self.lay = lay
        self.st = styles
        self.font = font
        self.labels = LABELS[data.language]
        self.number = shorten(" ".join(clean(data.order_number, font).split()), 60)
        self.first_page = 1
        self.page_height = lay.height or 0.0
        self._header = _Header(self)

    def text(self, value) -> str:
        return clean(value, self.font)

    def one_line(self, value) -> str:
        """A name, number or phone: a line break someone pasted in becomes a space."""
        return " ".join(clean(value, self.font).split("\n"))

    # -- pages

    def page_templates(self, first_index: int, content: list) -> list[PageTemplate]:
        lay = self.lay
        height = self.page_height = lay.height or self._roll_height(content)
        frame_top = height - lay.margin - self._header.height
        later = f"receipt{first_index}-later"  # by name: reportlab's look-ahead loses integer ids
        templates = []
        for first in (True, False):
            frame = Frame(lay.margin, lay.bottom_margin, lay.frame_width, frame_top - lay.bottom_margin,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            templates.append(PageTemplate(
                id=f"receipt{first_index}-first" if first else later, frames=[frame], pagesize=(lay.width, height),
                autoNextPageTemplate=later, onPage=self._on_first_page if first else self._on_later_page,
            ))
        return templates

    def _on_first_page(self, canv, doc) -> None:
        self.first_page = canv.getPageNumber()
        self._header.draw(canv, page=1)

    def _on_later_page(self, canv, doc) -> None:
        self._header.draw(canv, page=canv.getPageNumber() - self.first_page + 1)

    def _roll_height(self, content: list) -> float:
        """The length of roll this receipt needs: header, content, margins."""
        width = self.lay.frame_width
        needed = 0.0
        for i, flowable in enumerate(content):
            height = flowable.wrapOn(None, width, ROLL_MAX_HEIGHT)[1]
            needed += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if i else 0)
        total = self.lay.margin + self._header.height + needed + self.lay.bottom_margin + 6 * mm
        return float(math.ceil(min(max(total, ROLL_MIN_HEIGHT), ROLL_MAX_HEIGHT)))

    # -- story

    def story(self) -> list:
        flow = [self._facts(), Spacer(1, 1.2 * mm)]
        flow += self._texts()
        if self.data.kind == "repair":
            flow += self._charges()
        flow += self._terms()
        flow.append(self._signature())
        return flow

    def _facts(self) -> Grid:
        data, labels = self.data, self.labels
        customer, device = data.customer, data.device
        parts = (self.one_line(part).strip() for part in (device.category, device.brand, device.model))
        device_text = " ".join(part for part in parts if part)
        coverage = labels.get(f"coverage.{data.coverage}") or self.one_line(data.coverage)
        reason = self.text(data.coverage_reason).strip()
        facts = [
            ("reported", format_when(data.reported_at)),
            ("resolved", format_when(data.resolved_at) if data.kind == "repair" else ""),
            ("customer", self.one_line(customer.name)),
            ("company", self.one_line(customer.company)),
            ("phone", self.one_line(customer.phone)),
            ("contact", self.one_line(data.contact)),
            ("device", device_text),
            ("serial", self.one_line(device.serial)),
            ("address", self.one_line(customer.address)),
            ("coverage", f"{coverage}: {' '.join(reason.splitlines())}" if reason else coverage),
            ("technician", self.one_line(data.technician)),
        ]
        shown = [(key, shorten(value.strip())) for key, value in facts if value.strip()]
        lay = self.lay
        pairs = lay.pairs_per_row
        pair_width = lay.frame_width / pairs
        label_width = min(_label_width(data.language, GRID_LABELS, self.font.name, lay.small_size) + 2 * CELL_PAD,
                          pair_width * 0.45)
        value_width = pair_width - label_width
        rows = []
        for start in range(0, len(shown), pairs):
            row = []
            for key, value in shown[start:start + pairs]:
                row += [cell(labels[key], self.st.cell, label_width - 2 * CELL_PAD),
                        cell(value, self.st.cell, value_width - 2 * CELL_PAD)]
            rows.append(row + ["", ""] * (pairs - len(row) // 2))
        return Grid(rows or [["", ""] * pairs], [label_width, value_width] * pairs, self.st.grid)

    def _texts(self) -> list:
        data = self.data
        fields = [("fault", data.fault), ("accessories", data.accessories), ("condition", data.condition)]
        if data.kind == "repair":
            fields.append(("work_done", data.work_done))
        flow = []
        for key, value in fields:
            text = self.text(value).strip()
            if text:
                label = Piece(f"{self.labels[key]}: ", GREY, self.lay.small_size)
                flow.append(fitted([label, Piece(text)], self.st.body, self.lay.frame_width))
        return flow

    def _charges(self) -> list:
        data, labels, lay, st = self.data, self.labels, self.lay, self.st
        flow = []
        if data.lines:
            flow.append(OneLine([Piece(labels["charges"])], st.section))
            flow.append(self._lines_table())
        t = data.totals
        rows = [("total_value", t.value, True), ("total_covered", t.covered, False),
                ("total_charged", t.charged, False), ("total_discount", t.discount, False),
                ("total_tax", t.tax, False), ("total_to_pay", t.to_pay, True),
                ("total_paid", t.paid, True), ("total_balance", t.balance, True)]
        due = {"total_to_pay", "total_paid", "total_balance"}
        totals = [TotalRow(labels[key], format_yuan(amount), rule_above=key == "total_to_pay", strong=key in due)
                  for key, amount, always in rows if always or amount]
        block = lay.frame_width if lay.is_roll else lay.frame_width * 0.6
        return flow + [Spacer(1, 1 * mm), Totals(totals, self.font.name, lay.body_size, block, GREY, RULE)]

    def _lines_table(self) -> Grid:
        labels, lay, st = self.labels, self.lay, self.st
        width = lay.frame_width
        mark = labels["covered_mark"]
        header = ["col_item", "col_amount", "col_covered"] if lay.is_roll else \
            ["col_kind", "col_item", "col_qty", "col_unit", "col_amount", "col_covered"]
        fractions = (0.56, 0.26, 0.18) if lay.is_roll else (0.13, 0.37, 0.09, 0.15, 0.15, 0.11)
        widths = [width * f for f in fractions]
        stacked = self.data.language == "zh_CN"  # bilingual headings: Chinese over English
        rows = [[labels[key].replace(" ", "\n", 1) if stacked else labels[key] for key in header]]
        for line in self.data.lines:
            kind = labels.get(f"line.{line.kind}") or shorten(self.one_line(line.kind), 20)
            description = shorten(self.one_line(line.description))
            covered = mark if line.covered else ""
            if lay.is_roll:
                first = f"{kind}: {description}"
                price = f"{line.quantity} × {format_yuan(line.unit_price_cents)}"
                item = cell(first, st.cell, widths[0] - 2 * CELL_PAD)
                if isinstance(item, str):
                    item = f"{item}\n{price}"
                else:
                    item = Paragraph(f"{markup(first)}<br/>{markup(price)}", st.cell)
                rows.append([item, format_yuan(line.amount_cents), covered])
            else:
                rows.append([
                    cell(kind, st.cell, widths[0] - 2 * CELL_PAD), cell(description, st.cell, widths[1] - 2 * CELL_PAD),
                    str(line.quantity), format_yuan(line.unit_price_cents), format_yuan(line.amount_cents), covered,
                ])
        return Grid(rows, widths, st.lines, head_rows=1)

    def _terms(self) -> list:
        data, labels, st = self.data, self.labels, self.st
        flow = []
        days = data.shop.repair_warranty_days
        if data.kind == "repair" and days > 0:
            text = labels["warranty_terms"].format(days=days)
            flow.append(Lines(wrap_fixed(text, st.small.fontName, st.small.fontSize, self.lay.frame_width), st.small))
        terms = self.text(data.shop.terms).strip()
        if terms:
            flow.append(OneLine([Piece(labels["terms"])], st.section))
            flow.append(fitted([Piece(terms)], st.small, self.lay.frame_width))
        return flow

    def _signature(self) -> FormLines:
        """Where the customer signs and dates (on the intake slip's customer copy: the shop's clerk)."""
        labels, lay, data = self.labels, self.lay, self.data
        who = "received_by" if data.kind == "intake" and data.copy_for == "customer" else "signature"
        sign, date = f"{labels[who]}:", f"{labels['date']}:"
        width = lay.frame_width
        if lay.is_roll:
            rows = [[Field(sign, width)], [Field(date, width)]]
        else:
            rows = [[Field(sign, width * 0.62), Field(date, width * 0.38)]]
        signer = self.one_line(data.signer).strip() if data.kind == "repair" else ""
        if signer:
            rows.insert(0, [Field(f"{labels['signer']}:", width * (1 if lay.is_roll else 0.62), shorten(signer, 80))])
        return FormLines(rows, self.font.name, lay.small_size, gap=lay.body_size * 1.8, label_color=GREY)


class _Header:
    """The block at the top of each of a receipt's pages, laid out once, drawn per page.

    Left: logo, shop name, address and phone; below them the title and the
    order-number line (copy, reprint mark, page number). Right: the QR code.
    """

    GAP = 1.5 * mm

    def __init__(self, receipt: _Receipt):
        self.r = receipt
        lay, st, data, labels = receipt.lay, receipt.st, receipt.data, receipt.labels
        self.left_width = lay.frame_width - lay.qr_size - 3 * mm
        self.logo = _logo(data.shop.logo_png) if data.shop.logo_png else None
        self.logo_size = (0.0, 0.0)
        if self.logo is not None:
            w, h = self.logo.getSize()
            self.logo_size = (min(lay.logo_height * w / h, self.left_width / 3), lay.logo_height)
        self.name_x = self.logo_size[0] + 2 * mm if self.logo else 0.0
        name_width = self.left_width - self.name_x
        shop = data.shop
        phone = receipt.one_line(shop.phone).strip()
        contact = "  ".join(p for p in (receipt.one_line(shop.address).strip(),
                                        f"{labels['phone_short']}: {phone}" if phone else "") if p)
        self.name = fitted([Piece(shorten(receipt.one_line(shop.name).strip(), 120))], st.shop, name_width)
        self.address = fitted([Piece(shorten(contact, 320))], st.header_small, name_width) if contact else None
        name_h = self.name.wrap(name_width, 10_000)[1]
        name_h += self.address.wrap(name_width, 10_000)[1] if self.address else 0
        self.shop_height = max(name_h, self.logo_size[1])
        self.title = fitted([Piece(labels["title_intake" if data.kind == "intake" else "title_repair"])],
                            st.title, self.left_width)
        self.title_height = self.title.wrap(self.left_width, 10_000)[1]
        self.order_lines = {1: self._order_line(1)}
        block = self.shop_height + self.GAP + self.title_height + self.order_lines[1].wrap(self.left_width, 10_000)[1]
        self.block_height = max(block, lay.qr_size)

    @property
    def height(self) -> float:
        """From the top margin to the top of the content frame."""
        return self.block_height + 2.5 * mm

    def _order_line(self, page: int):
        r = self.r
        labels, data = r.labels, r.data
        pieces = [Piece(f"{labels['order_number']}: {r.number}")]
        if data.copy_for:
            pieces.append(Piece(f"　{labels['copy_' + data.copy_for]}"))
        if data.is_reprint:
            pieces.append(Piece(f"　【{labels['reprint']}】", REPRINT_RED))
        if page > 1:
            pieces.append(Piece(f"　{labels['page'].format(n=page)}"))
        return fitted(pieces, r.st.order, self.left_width)

    def draw(self, canv, page: int) -> None:
        r, lay = self.r, self.r.lay
        width, height = lay.width, r.page_height
        top = height - lay.margin
        canv.saveState()
        if r.data.is_reprint:
            self._draw_watermark(canv, width, height if not lay.is_roll else min(height, 2 * 140 * mm))
        if self.logo is not None:
            self._draw_logo(canv, lay.margin, top - self.logo_size[1])
        y = top
        for part in (self.name, self.address):
            if part is not None:
                y -= part.height
                part.drawOn(canv, lay.margin + self.name_x, y)
        y = top - self.shop_height - self.GAP - self.title_height
        self.title.drawOn(canv, lay.margin, y)
        if page not in self.order_lines:
            self.order_lines[page] = self._order_line(page)
        order = self.order_lines[page]
        order.drawOn(canv, lay.margin, y - order.wrap(self.left_width, 10_000)[1])
        draw_qr(canv, r.number or " ", width - lay.margin - lay.qr_size, top - lay.qr_size, lay.qr_size)
        rule_y = top - self.block_height - 1.2 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(lay.margin, rule_y, width - lay.margin, rule_y)
        if lay.barcode:
            self._draw_footer(canv, width)
        canv.restoreState()

    def _draw_logo(self, canv, x: float, y: float) -> None:
        """The logo goes into the PDF once, as a form every page of every receipt reuses
        (drawing the image itself would digest its pixels again on each page)."""
        width, height = self.logo_size
        form = f"ShopLogo{id(self.logo)}-{width:.2f}x{height:.2f}"
        if not canv.hasForm(form):
            canv.beginForm(form, 0, 0, width, height)
            canv.drawImage(self.logo, 0, 0, width, height, preserveAspectRatio=True)
            canv.endForm()
        canv.saveState()
        canv.translate(x, y)
        canv.doForm(form)
        canv.restoreState()

    def _draw_watermark(self, canv, width, height) -> None:
        size = min(width, 150 * mm) / 5
        canv.saveState()
        canv.setFillColor(WATERMARK)
        canv.setFont(self.r.font.name, size)
        canv.translate(width / 2, self.r.page_height - height / 2)
        canv.rotate(30)
        canv.drawCentredString(0, -size / 3, self.r.labels["reprint"])
        canv.restoreState()

    def _draw_footer(self, canv, width) -> None:
        """A Code 128 barcode of the order number, for the 1-D scanners many counters have."""
        r, lay = self.r, self.r.lay
        barcode_width = code128_width(r.number, BAR_WIDTH)
        if barcode_width is not None and barcode_width <= lay.frame_width * 0.7:
            draw_code128(canv, r.number, lay.margin, 4 * mm, BAR_WIDTH, lay.bottom_margin - 9 * mm)
        canv.setFont(r.font.name, lay.small_size)
        canv.setFillColor(GREY)
        canv.drawRightString(width - lay.margin, 4 * mm, r.number)
