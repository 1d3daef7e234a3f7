"""The three paper layouts and their styles (made once per layout and font)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

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
    grid: TableStyle
    lines: TableStyle


@lru_cache(maxsize=16)
def styles_for(lay: Layout, font: str) -> Styles:
    def style(name, size, leading=1.3, **kw):
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=round(size * leading, 2), wordWrap="CJK", **kw
        )

    body, small = lay.body_size, lay.small_size
    cells = [
        ("FONT", (0, 0), (-1, -1), font, small, small * 1.25),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD * 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    label_columns = range(0, 2 * lay.pairs_per_row, 2)
    grid = cells + [("TEXTCOLOR", (c, 0), (c, -1), GREY) for c in label_columns]
    grid.append(("GRID", (0, 0), (-1, -1), 0.4, RULE))
    amounts_from = -2 if lay.is_roll else -4  # the quantity, price and amount columns are right-aligned
    lines = cells + [
        ("TEXTCOLOR", (0, 0), (-1, 0), GREY),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("ALIGN", (amounts_from, 0), (-2, -1), "RIGHT"),
        ("ALIGN", (-1, 0), (-1, -1), "CENTER"),
    ]
    return Styles(
        shop=style("shop", lay.shop_size, 1.2),
        header_small=style("header_small", small, 1.25, textColor=GREY),
        title=style("title", lay.title_size, 1.25),
        order=style("order", body + 1, 1.3),
        body=style("body", body),
        cell=style("cell", small, 1.25),
        section=style("section", small, 1.25, textColor=GREY, spaceBefore=small * 0.9, spaceAfter=1, keepWithNext=1),
        small=style("small", small, 1.3, spaceBefore=small * 0.6),
        grid=TableStyle(grid),
        lines=TableStyle(lines),
    )
