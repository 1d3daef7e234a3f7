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
from reportlab.lib.textsplit import ALL_CANNOT_START, dumbSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

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


class TextBatch:
    """Strings at given points, written into the page as one PDF text object.

    ``canvas.drawString`` makes a text object per string (and a Platypus
    table one per cell); a receipt has ~80 strings, so each block writes its
    own in one object. Font and colour are set only when they change, and
    only for strings that are drawn.
    """

    __slots__ = ("_canv", "_text", "_font", "_color")

    def __init__(self, canv):
        self._canv = canv
        self._text = canv.beginText()
        self._font = None
        self._color = None

    def add(self, x: float, y: float, text: str, font: str, size: float, color, align: str = "LEFT") -> None:
        """``text`` with its baseline at ``y``, starting at ``x`` (LEFT), ending there (RIGHT) or centred on it."""
        if not text:
            return
        if align != "LEFT":
            width = stringWidth(text, font, size)
            x -= width if align == "RIGHT" else width / 2
        if self._font != (font, size):
            self._text.setFont(font, size)
            self._font = (font, size)
        if self._color is not color:
            self._text.setFillColor(color)
            self._color = color
        self._text.setTextOrigin(x, y)
        self._text.textOut(text)

    def draw(self) -> None:
        if self._font is not None:
            self._canv.drawText(self._text)


class _Batched(Flowable):
    """A flowable whose text goes into one text object: on its own (``draw``) or
    into a larger block's (as a grid cell). Subclasses say where their text goes:
    ``add_to(text, x, y)`` puts it into ``text`` as ``drawOn(canvas, x, y)`` would."""

    def draw(self):
        text = TextBatch(self.canv)
        self.add_to(text, 0.0, 0.0)
        text.draw()


class OneLine(_Batched):
    """Plain text on one line, in pieces, drawn as one text object.

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

    def add_to(self, text: TextBatch, x: float, y: float) -> None:
        """Put the line into ``text`` where ``drawOn(canvas, x, y)`` would draw it."""
        style = self.style
        y += self.height - style.fontSize
        for piece, width in zip(self.pieces, self.widths):
            text.add(x, y, piece.text, style.fontName, piece.size or style.fontSize, piece.color or style.textColor)
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


def cell(text: str, style: ParagraphStyle, width: float) -> str | Flowable:
    """A table cell of clean text: a plain string when it fits on one line
    (the table draws it), else text that wraps inside the cell: ``Wrapped``,
    or a Platypus paragraph for text with line breaks or ``_PARAGRAPH_ONLY``."""
    if "\n" not in text:
        if stringWidth(text, style.fontName, style.fontSize) <= width:
            return text
        if not _PARAGRAPH_ONLY.search(text):
            return Wrapped(text, style)
    return Paragraph(markup(text), style)


# What a Platypus paragraph sets otherwise than one run of plain text: an escaped
# & < > becomes a run of its own (and another line splitter); a non-breaking space
# changes how an overfull line is spaced.
_PARAGRAPH_ONLY = re.compile("[&<>\xa0]")


@lru_cache(maxsize=8192)
def _char_width(char: str, font: str, size: float) -> float:
    return stringWidth(char, font, size)


class _LinesOfText(_Batched):
    """Lines of one style, top down from the flowable's top (``self.lines``, ``self.style``)."""

    lines: tuple[str, ...] | list[str]
    style: ParagraphStyle

    def add_to(self, text: TextBatch, x: float, y: float) -> None:
        """Put the lines into ``text`` where ``drawOn(canvas, x, y)`` would draw them."""
        style = self.style
        y += self.height - style.fontSize
        for line in self.lines:
            text.add(x, y, line, style.fontName, style.fontSize, style.textColor)
            y -= style.leading


class Wrapped(_LinesOfText):
    """One paragraph of plain text (no line break of its own), wrapped and
    drawn as a Platypus ``Paragraph`` with ``wordWrap="CJK"`` would — the
    same clean-up of spaces, the same reportlab line splitter, the same
    baselines — without parsing it as markup first (~0.2 ms a paragraph).

    For a table cell: it does not split across pages. ``cell`` gives it only
    text a Paragraph would take as one run (see ``_PARAGRAPH_ONLY``).
    """

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text = cleanBlockQuotedText(text)
        self.style = style
        self.lines: list[str] = []
        self._wrapped_at: float | None = None

    def wrap(self, availWidth, availHeight):
        style = self.style
        if availWidth != self._wrapped_at:
            # reportlab's wordSplit: dumbSplit with each character's width (asked here of a cache).
            widths = [_char_width(char, style.fontName, style.fontSize) for char in self.text]
            self.lines = [line for _, line in dumbSplit(self.text, widths, [availWidth])]
            self._wrapped_at = availWidth
        self.width = availWidth
        self.height = len(self.lines) * style.leading
        return self.width, self.height


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


class Lines(_LinesOfText):
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
