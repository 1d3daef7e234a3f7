"""The order number as a QR code and a Code 128 barcode, drawn on a canvas.

reportlab's ``QrCodeWidget`` draws each dark run as a shape node (about 6 ms a
code) after trying all eight masks (another 2 ms). Here the encoder runs
once with a fixed mask and the runs go into the page as one fill, ~0.3 ms: a
receipt is one page, so that is a real share of its time. Every mask gives a
valid QR code; the penalty search only avoids patterns that trouble poor
scanners on large codes, and an order number makes a version-1/2 code.
"""

from __future__ import annotations

from functools import lru_cache
from string import ascii_lowercase, ascii_uppercase

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.colors import black
from reportlab.lib.rl_accel import fp_str

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
MASK_PATTERN = 2  # any of 0–7 decodes; see the module docstring


@lru_cache(maxsize=256)
def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of ``text``'s QR code, top row first."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    # ASCII gets the compact numeric/alphanumeric modes; anything else goes as
    # UTF-8 bytes (what phone scanners expect), never as Shift-JIS kanji.
    code.addData(text if text.isascii() else qrencoder.QR8bitByte(text))
    code.version = code.calculate_version()
    code.makeImpl(False, MASK_PATTERN)
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


@lru_cache(maxsize=256)
def _qr_operators(text: str) -> tuple[int, str]:
    """The code's dark runs as PDF rectangle operators in module units (rows going down)."""
    modules = qr_modules(text)
    rects = []
    for r, row in enumerate(modules):
        c, count = 0, len(row)
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                # 1.05 modules tall: rows overlap a hair, so no seam shows between them.
                rects.append(f"{start} {r} {c - start} 1.05 re")
            else:
                c += 1
    return len(modules), "\n".join(rects)


def draw_qr(canv, text: str, x: float, y: float, size: float) -> None:
    """Draw ``text``'s QR code in the square with lower-left corner (x, y).

    The rectangles go into the page as one literal fill in module units: a
    few hundred of them through reportlab's path API cost ~1 ms of number
    formatting per receipt.
    """
    count, rects = _qr_operators(text)
    box = size / (count + 2 * QUIET_ZONE)
    canv.saveState()
    canv.transform(box, 0, 0, -box, x + QUIET_ZONE * box, y + size - QUIET_ZONE * box)
    canv.addLiteral(f"0 g\n{rects}\nf")
    canv.restoreState()


def code128_or_none(text: str, bar_width: float, bar_height: float) -> Code128 | None:
    """A Code 128 barcode of ``text``, or None when ``text`` is not plain ASCII
    (a barcode scanner types ASCII only; the QR code carries the rest)."""
    if not text or not text.isascii() or not text.isprintable():
        return None
    return Code128(text, barWidth=bar_width, barHeight=bar_height, quiet=False, humanReadable=False)


@lru_cache(maxsize=256)
def _code128_bars(text: str) -> tuple[int, tuple[tuple[int, int], ...]] | None:
    """``text``'s Code 128 code as its width and its bars (left edge, width), in modules."""
    code = code128_or_none(text, bar_width=1, bar_height=1)
    if code is None:
        return None
    code.validate()
    code.encode()
    code.decompose()
    # As reportlab's MultiWidthBarcode reads them: a lower-case letter is a
    # space that many modules wide (a = 1), an upper-case one a bar (A = 1).
    bars, left = [], 0
    for symbol in code.decomposed:
        if symbol in ascii_lowercase:
            left += ord(symbol) - ord("a") + 1
        elif symbol in ascii_uppercase:
            width = ord(symbol) - ord("A") + 1
            bars.append((left, width))
            left += width
    return left, tuple(bars)


def code128_width(text: str, bar_width: float) -> float | None:
    """How wide ``draw_code128`` draws ``text`` (None: it cannot be a Code 128 barcode)."""
    bars = _code128_bars(text)
    return None if bars is None else bars[0] * bar_width


@lru_cache(maxsize=256)
def _code128_operators(text: str, bar_width: float, bar_height: float) -> str:
    """The bars as the PDF operators reportlab's barcode widget writes for them: one filled rectangle each."""
    _, bars = _code128_bars(text)
    return "\n".join(f"n {fp_str(left * bar_width, 0, width * bar_width, bar_height)} re f*" for left, width in bars)


def draw_code128(canv, text: str, x: float, y: float, bar_width: float, bar_height: float) -> None:
    """Draw ``text`` as a Code 128 barcode (no quiet zone, no human-readable line) from (x, y) up.

    The bars go into the page as literal operators, as the widget would draw
    them: drawing the widget costs a ``rect`` call per bar, ~0.1 ms a receipt.
    """
    if _code128_bars(text) is None:
        return
    canv.saveState()
    canv.translate(x, y)
    canv.setFillColor(black)
    canv.addLiteral(_code128_operators(text, bar_width, bar_height))
    canv.restoreState()
