"""Blocks drawn directly: the totals, the signature lines and the grids.

Their shape is fixed, so they do without a Platypus table (which would style
and measure every cell, and draw each string as a text object of its own,
on every receipt).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from shopdesk.receipts.text import TextBatch, Wrapped


@dataclass(frozen=True)
class TotalRow:
    label: str
    amount: str
    rule_above: bool = False  # a line above: where what is due starts
    strong: bool = False  # black rather than grey, for what the customer pays


class Totals(Flowable):
    """Label and amount pairs, both right-aligned, in a block at the right edge."""

    def __init__(self, rows: list[TotalRow], font: str, size: float, width: float, label_color, rule_color):
        super().__init__()
        self.rows = rows
        self.font = font
        self.size = size
        self.leading = size * 1.45
        self.block_width = width
        self.label_color = label_color
        self.rule_color = rule_color
        self.hAlign = "RIGHT"
        self.amount_width = max(stringWidth(row.amount, font, size) for row in rows) if rows else 0
        self.height = len(rows) * self.leading + 2

    def wrap(self, availWidth, availHeight):
        self.block_width = min(self.block_width, availWidth)
        return self.block_width, self.height

    def draw(self):
        canv = self.canv
        right = self.block_width - 2
        label_right = right - self.amount_width - self.size
        text = TextBatch(canv)  # in reading order: each label, then its amount
        y = self.height
        for row in self.rows:
            y -= self.leading
            if row.rule_above:
                canv.setStrokeColor(self.rule_color)
                canv.setLineWidth(0.6)
                canv.line(0, y + self.leading - 0.5, self.block_width, y + self.leading - 0.5)
            baseline = y + self.leading - self.size * 1.05
            text.add(label_right, baseline, row.label, self.font, self.size,
                     colors.black if row.strong else self.label_color, "RIGHT")
            text.add(right, baseline, row.amount, self.font, self.size, colors.black, "RIGHT")
        text.draw()


@dataclass(frozen=True)
class Field:
    label: str  # printed before the line, e.g. "客户签名 Customer signature:"
    width: float  # the whole field: label and line
    value: str = ""  # printed on the line (the signer's name), or blank for a pen


class FormLines(Flowable):
    """Rows of labelled lines to write on: signature, date, signer.

    Each row is a list of fields side by side; the line under a field starts
    after its label. Rows are spaced for handwriting.
    """

    def __init__(self, rows: list[list[Field]], font: str, size: float, gap: float, label_color):
        super().__init__()
        self.rows = rows
        self.font = font
        self.size = size
        self.row_height = size * 1.3 + gap
        self.label_color = label_color
        self.height = len(rows) * self.row_height

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.height

    def draw(self):
        canv = self.canv
        canv.setLineWidth(0.6)
        canv.setStrokeColor(colors.black)
        text = TextBatch(canv)  # in reading order: each label, then what is written on its line
        path = canv.beginPath()
        y = self.height
        for row in self.rows:
            y -= self.row_height
            baseline = y + self.size * 0.35
            x = 0.0
            for field in row:
                label_width = stringWidth(field.label, self.font, self.size) + 3
                text.add(x, baseline, field.label, self.font, self.size, self.label_color)
                line_start, line_end = x + label_width, x + field.width - 4
                path.moveTo(line_start, y)
                path.lineTo(line_end, y)
                if field.value:
                    value = _fit(field.value, self.font, self.size, line_end - line_start - 4)
                    text.add(line_start + 2, baseline, value, self.font, self.size, colors.black)
                x += field.width
        text.draw()
        canv.drawPath(path, stroke=1, fill=0)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut (with "…") to ``width``: a name on a signature line stays on its line."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


@dataclass(frozen=True)
class GridLook:
    """How a ``Grid`` is set (made once per layout): what a Platypus table style would say.

    ``colors`` and ``aligns`` go by column (``aligns``: LEFT | RIGHT | CENTER;
    a colour of None is black); ``head_color`` is the heading rows' text.
    Rules: ``grid`` (width) around every cell, or ``head_above``/``head_below``
    (widths) around the heading and ``foot_below`` under the last row.
    """

    font: str
    size: float
    leading: float
    pad_x: float  # left and right
    pad_top: float
    pad_bottom: float
    colors: tuple
    aligns: tuple[str, ...]
    rule_color: object
    head_color: object = None
    grid: float = 0.0
    head_above: float = 0.0
    head_below: float = 0.0
    foot_below: float = 0.0


class Grid(Flowable):
    """A table of text cells, top-aligned, its text drawn as one text object.

    A cell is a string (one line, or lines split at a line break), a
    ``Wrapped`` text or another flowable (a Platypus paragraph). Cells,
    padding and rules sit where a Platypus ``Table`` with VALIGN TOP puts
    them, so the page looks the same, at a fraction of the cost; the text
    goes in cell by cell, row by row, so it reads back in that order.
    Splits between rows, repeating the heading rows; the rule under the last
    row is drawn only where the table really ends (as a split ``Table`` does).
    """

    def __init__(self, rows: list[list], widths: list[float], look: GridLook, head_rows: int = 0,
                 _heights: list[float] | None = None, _ends: bool = True):
        super().__init__()
        self.rows = rows
        self.widths = widths
        self.look = look
        self.head_rows = head_rows
        self.hAlign = "LEFT"
        self.width = sum(widths)
        self.heights = _heights or [self._row_height(row) for row in rows]
        self.height = sum(self.heights)
        self.ends = _ends

    def _row_height(self, row: list) -> float:
        look = self.look
        tallest = 0.0
        for value, width in zip(row, self.widths):
            if isinstance(value, Flowable):
                height = value.wrap(width - 2 * look.pad_x, 72_000)[1]
            else:
                height = look.leading * (value.count("\n") + 1)
            tallest = max(tallest, height)
        return tallest + look.pad_top + look.pad_bottom

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def split(self, availWidth, availHeight):
        head = self.head_rows
        used = sum(self.heights[:head])
        fit = head
        while fit < len(self.rows) and used + self.heights[fit] <= availHeight:
            used += self.heights[fit]
            fit += 1
        if fit <= head or fit >= len(self.rows):
            return []
        rows, heights = self.rows, self.heights
        return [
            Grid(rows[:fit], self.widths, self.look, head, heights[:fit], _ends=False),
            Grid(rows[:head] + rows[fit:], self.widths, self.look, head, heights[:head] + heights[fit:], self.ends),
        ]

    def draw(self):
        canv, look = self.canv, self.look
        xs = [0.0, *accumulate(self.widths)]
        tops = [self.height - above for above in accumulate(self.heights, initial=0.0)]
        text = TextBatch(canv)  # cell by cell, row by row, as a reader (and text extraction) goes
        for r, row in enumerate(self.rows):
            top = tops[r]
            for c, value in enumerate(row):
                if isinstance(value, Wrapped):
                    value.add_to(text, xs[c] + look.pad_x, top - look.pad_top - value.height)
                    continue
                if isinstance(value, Flowable):  # a paragraph draws itself, between the text before and after
                    text.draw()
                    value.drawOn(canv, xs[c] + look.pad_x, top - look.pad_top - value.height)
                    text = TextBatch(canv)
                    continue
                if not value:
                    continue
                color = (look.head_color if r < self.head_rows else look.colors[c]) or colors.black
                align = look.aligns[c]
                x = xs[c] + look.pad_x if align == "LEFT" else xs[c + 1] - look.pad_x if align == "RIGHT" else \
                    (xs[c] + xs[c + 1]) / 2
                y = top - look.pad_top - look.size
                for line in value.split("\n"):
                    text.add(x, y, line, look.font, look.size, color, align)
                    y -= look.leading
        text.draw()
        self._draw_rules(xs, tops)

    def _draw_rules(self, xs: list[float], tops: list[float]) -> None:
        canv, look = self.canv, self.look
        by_width: dict[float, list[tuple[float, float, float, float]]] = {}
        left, right, top, bottom = xs[0], xs[-1], tops[0], tops[-1]
        if look.grid:
            by_width[look.grid] = [(left, y, right, y) for y in tops] + [(x, bottom, x, top) for x in xs]
        if self.head_rows:
            for width, y in ((look.head_above, tops[0]), (look.head_below, tops[self.head_rows])):
                if width:
                    by_width.setdefault(width, []).append((left, y, right, y))
        if look.foot_below and self.ends:
            by_width.setdefault(look.foot_below, []).append((left, bottom, right, bottom))
        if not by_width:
            return
        canv.setStrokeColor(look.rule_color)
        canv.setLineCap(1)
        for width, segments in by_width.items():
            canv.setLineWidth(width)
            path = canv.beginPath()
            for x0, y0, x1, y1 in segments:
                path.moveTo(x0, y0)
                path.lineTo(x1, y1)
            canv.drawPath(path, stroke=1, fill=0)
