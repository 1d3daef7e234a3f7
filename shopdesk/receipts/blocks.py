"""Two fixed-shape blocks drawn directly: the totals and the signature lines.

Their text is short and their shape never changes, so they do without a
Platypus table (which would style and measure every cell on every receipt).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable


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
        canv.setFont(self.font, self.size)
        right = self.block_width - 2
        label_right = right - self.amount_width - self.size
        y = self.height
        for row in self.rows:
            y -= self.leading
            if row.rule_above:
                canv.setStrokeColor(self.rule_color)
                canv.setLineWidth(0.6)
                canv.line(0, y + self.leading - 0.5, self.block_width, y + self.leading - 0.5)
            canv.setFillColor(colors.black if row.strong else self.label_color)
            canv.drawRightString(label_right, y + self.leading - self.size * 1.05, row.label)
            canv.setFillColor(colors.black)
            canv.drawRightString(right, y + self.leading - self.size * 1.05, row.amount)


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
        canv.setFont(self.font, self.size)
        canv.setLineWidth(0.6)
        canv.setStrokeColor(colors.black)
        y = self.height
        for row in self.rows:
            y -= self.row_height
            baseline = y + self.size * 0.35
            x = 0.0
            for field in row:
                label_width = stringWidth(field.label, self.font, self.size) + 3
                canv.setFillColor(self.label_color)
                canv.drawString(x, baseline, field.label)
                line_start, line_end = x + label_width, x + field.width - 4
                canv.line(line_start, y, line_end, y)
                if field.value:
                    canv.setFillColor(colors.black)
                    value = _fit(field.value, self.font, self.size, line_end - line_start - 4)
                    canv.drawString(line_start + 2, baseline, value)
                x += field.width


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut (with "…") to ``width``: a name on a signature line stays on its line."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
