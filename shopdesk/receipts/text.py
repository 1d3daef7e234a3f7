"""User text made safe for the PDF, and the cheap way to set a line that fits.

Anything a person typed goes through ``clean`` (no control characters, no
lone surrogates) and, inside a Platypus paragraph, ``markup`` (escaped
``<``, ``&``, ``>``; line breaks kept). Characters the font lacks (emoji)
print blank; they never stop a receipt.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from shopdesk.receipts.fonts import ReceiptFont

SHORT_TEXT_LIMIT = 300  # characters of a one-line field (name, phone …) that are printed

# C0 and C1 control characters go; a tab becomes a space; line breaks stay.
_CONTROLS: dict[int, str | None] = {c: None for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))}
_CONTROLS.update({0x09: " ", 0x0A: "\n", 0x0B: "\n", 0x0C: "\n", 0x0D: "\n", 0x2028: "\n", 0x2029: "\n"})
_UNPRINTABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")  # lone surrogates, non-characters


def clean(text: object, font: ReceiptFont) -> str:
    """User text the PDF machinery can take: no control characters, no surrogates."""
    text = str(text or "").replace("\r\n", "\n").translate(_CONTROLS)
    return font.encodable(_UNPRINTABLE.sub("", text))


def markup(text: str) -> str:
    """Clean text as Platypus paragraph markup: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def shorten(text: str, limit: int = SHORT_TEXT_LIMIT) -> str:
    """A one-line field cut to a size that fits a page (the database holds far less)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_when(value) -> str:
    """A local date or time as printed: ``2026-11-23 09:02`` or ``2026-11-23``."""
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


class Piece(NamedTuple):
    """A run of clean text on a line, in its own colour and size (None: the style's)."""

    text: str
    color: object = None
    size: float | None = None


class OneLine(Flowable):
    """Plain text on one line, in pieces, drawn with drawString.

    A Platypus paragraph parses markup and breaks lines even for three words;
    most of a receipt's fields fit on a line, and setting them this way is what
    keeps one receipt within its time budget.
    """

    def __init__(self, pieces: list[Piece], style: ParagraphStyle):
        super().__init__()
        self.pieces = pieces
        self.style = style
        self.widths = [stringWidth(p.text, style.fontName, p.size or style.fontSize) for p in pieces]
        self.width = sum(self.widths)
        self.height = style.leading

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        canv, style = self.canv, self.style
        x, y = 0.0, self.height - style.fontSize
        for piece, width in zip(self.pieces, self.widths):
            canv.setFont(style.fontName, piece.size or style.fontSize)
            canv.setFillColor(piece.color or style.textColor)
            canv.drawString(x, y, piece.text)
            x += width


def fitted(pieces: list[Piece], style: ParagraphStyle, width: float) -> Flowable:
    """Clean text pieces as one line if they fit ``width``, else as a paragraph that wraps."""
    line = OneLine(pieces, style)
    if line.width <= width and not any("\n" in p.text for p in pieces):
        return line
    parts = []
    for piece in pieces:
        attributes = (f' color="#{piece.color.hexval()[2:]}"' if piece.color else "") + (
            f' size="{piece.size}"' if piece.size else "")
        parts.append(f"<font{attributes}>{markup(piece.text)}</font>" if attributes else markup(piece.text))
    return Paragraph("".join(parts), style)


def cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell of clean text: a plain string when it fits on one line
    (the table draws it), else a paragraph that wraps inside the cell."""
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    return Paragraph(markup(text), style)


# A Latin word with the spaces after it, a run of spaces, or any one other character (CJK).
_TOKENS = re.compile(r"[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+ *|\s+|.")


@lru_cache(maxsize=256)
def wrap_fixed(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """The receipt's own fixed sentences (warranty terms) broken into lines, once.

    Latin words stay whole, Chinese breaks between characters, and closing
    punctuation never starts a line. For text the shop or a customer typed,
    receipts use Platypus paragraphs instead.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0.0
        for token in _TOKENS.findall(paragraph):
            token_width = stringWidth(token.rstrip(), font, size)
            if line and line_width + token_width > width and token[0] not in ALL_CANNOT_START:
                lines.append(line.rstrip())
                line, line_width = "", 0.0
                token = token.lstrip()
            line += token
            line_width += stringWidth(token, font, size)
        lines.append(line.rstrip())
    return tuple(lines)


class Lines(Flowable):
    """Lines already broken (see ``wrap_fixed``), drawn one drawString each; splits between lines."""

    def __init__(self, lines: tuple[str, ...], style: ParagraphStyle):
        super().__init__()
        self.lines = lines
        self.style = style
        self.height = len(lines) * style.leading

    def wrap(self, availWidth, availHeight):
        return availWidth, self.height

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def split(self, availWidth, availHeight):
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(self.lines):
            return []
        return [Lines(self.lines[:fit], self.style), Lines(self.lines[fit:], self.style)]

    def draw(self):
        canv, style = self.canv, self.style
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        y = self.height - style.fontSize
        for line in self.lines:
            canv.drawString(0, y, line)
            y -= style.leading
