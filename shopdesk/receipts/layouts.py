"""The three paper layouts and their styles (made once per layout and font)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from shopdesk.receipts.blocks import GridLook

GREY = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.55, 0.55, 0.55)
WATERMARK = colors.Color(0.85, 0.85, 0.85)
REPRINT_RED = colors.Color(0.75, 0, 0)
CELL_PAD = 2.0


@dataclass(frozen=True)
class Layout:
    name: str
    width: float
    height: float | None  # None: a roll, as long as the receipt
    margin: float
    bottom_margin: float  # on sheets, room for the barcode footer
    qr_size: float
    logo_height: float
    shop_size: float
    title_size: float
    body_size: float
    small_size: float
    pairs_per_row: int  # label/value pairs side by side in the facts grid
    barcode: bool  # a Code 128 footer for 1-D scanners

    @property
    def frame_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def is_roll(self) -> bool:
        return self.height is None


LAYOUTS: dict[str, Layout] = {
    "a4": Layout("a4", A4[0], A4[1], 15 * mm, 22 * mm, 26 * mm, 14 * mm, 15, 16, 10, 8, 2, True),
    "a5": Layout("a5", A5[0], A5[1], 9 * mm, 16 * mm, 21 * mm, 12 * mm, 12.5, 13.5, 8.5, 7, 2, True),
    "80mm": Layout("80mm", 80 * mm, None, 4 * mm, 5 * mm, 18 * mm, 9 * mm, 10.5, 11, 8, 6.5, 1, False),
}


@dataclass(frozen=True)
class Styles:
    shop: ParagraphStyle
    header_small: ParagraphStyle
    title: ParagraphStyle
    order: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    section: ParagraphStyle
    small: ParagraphStyle
    grid: GridLook  # the facts: label and value pairs, a rule around each cell
    lines: GridLook  # the charge lines under a heading row


@lru_cache(maxsize=16)
def styles_for(lay: Layout, font: str) -> Styles:
    def style(name, size, leading=1.3, **kw):
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=round(size * leading, 2), wordWrap="CJK", **kw
        )

    body, small = lay.body_size, lay.small_size
    cells = dict(font=font, size=small, leading=small * 1.25, pad_x=CELL_PAD, pad_top=CELL_PAD * 0.8,
                 pad_bottom=CELL_PAD, rule_color=RULE)
    pairs = 2 * lay.pairs_per_row  # label, value, label, value …
    grid = GridLook(colors=(GREY, None) * lay.pairs_per_row, aligns=("LEFT",) * pairs, grid=0.4, **cells)
    # Item (and kind) on the left; quantity, price and amount right-aligned; the covered mark centred.
    aligns = ("LEFT", "RIGHT", "CENTER") if lay.is_roll else ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "CENTER")
    lines = GridLook(colors=(None,) * len(aligns), aligns=aligns, head_color=GREY, head_above=0.6, head_below=0.4,
                     foot_below=0.6, **cells)
    return Styles(
        shop=style("shop", lay.shop_size, 1.2),
        header_small=style("header_small", small, 1.25, textColor=GREY),
        title=style("title", lay.title_size, 1.25),
        order=style("order", body + 1, 1.3),
        body=style("body", body),
        cell=style("cell", small, 1.25),
        section=style("section", small, 1.25, textColor=GREY, spaceBefore=small * 0.9, spaceAfter=1, keepWithNext=1),
        small=style("small", small, 1.3, spaceBefore=small * 0.6),
        grid=grid,
        lines=lines,
    )
