"""The one font receipts are printed in: a TrueType CJK font, embedded.

An embedded font shows Chinese on any PC, even one without Chinese fonts
(the built-in CID font ``STSong-Light`` is only named in the PDF, so a viewer
without it shows nothing). reportlab cannot embed Noto CJK (PostScript
outlines), so the font is WenQuanYi Micro Hei (Debian ``fonts-wqy-microhei``)
or another TrueType CJK font found on the system. Only when none is found do
receipts fall back to ``STSong-Light``, with a warning in the log.

Loading the font takes ~100 ms, so it happens once, on the first receipt.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

FONT_NAME = "ShopDeskCJK"
FALLBACK_CID_FONT = "STSong-Light"
ENV_FONT = "SHOPDESK_RECEIPT_FONT"  # a .ttf/.ttc path, to override the search

# (path, index of the face in a .ttc)
KNOWN_FONTS: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
)
_FC_FAMILIES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei")


@dataclass(frozen=True)
class ReceiptFont:
    name: str  # the name registered with reportlab
    embedded: bool  # False: the STSong-Light CID fallback
    path: str = ""

    def encodable(self, text: str) -> str:
        """Text the font machinery can take: the CID fallback only knows the BMP."""
        if self.embedded:
            return text
        return "".join(ch if ord(ch) <= 0xFFFF else "\ufffd" for ch in text)


_lock = threading.Lock()
_font: ReceiptFont | None = None


def receipt_font() -> ReceiptFont:
    """The registered receipt font (registered on the first call)."""
    global _font
    if _font is None:
        with _lock:
            if _font is None:
                _font = _register()
    return _font


def _register() -> ReceiptFont:
    for path, index in _candidates():
        try:
            # Not "ASCII readable": reportlab would otherwise put all of ASCII into
            # each PDF's first subset, pushing a receipt's ~200 glyphs into a second one.
            font = TTFont(FONT_NAME, path, subfontIndex=index, asciiReadable=False)
        except (TTFError, OSError, ValueError, KeyError) as error:
            log.info("receipt font %s not usable: %s", path, error)
            continue
        pdfmetrics.registerFont(font)
        # reportlab hands out the font first registered for a face under every later name.
        _keep_tables(pdfmetrics.getFont(FONT_NAME).face)
        return ReceiptFont(FONT_NAME, embedded=True, path=path)
    log.warning(
        "No TrueType CJK font found (install fonts-wqy-microhei); receipts use the CID font %s, "
        "which is not embedded: PCs without a Chinese font will not show the Chinese text.",
        FALLBACK_CID_FONT,
    )
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
    return ReceiptFont(FALLBACK_CID_FONT, embedded=False)


def _keep_tables(face) -> None:
    """Read each font table once.

    reportlab copies a table out of the font file whenever it makes a subset
    (one per receipt, as a rule), among them the 3.5 MB ``glyf`` and the 0.5 MB
    ``post`` of wqy-microhei: about 1 ms a receipt for bytes that never change.
    """
    if callable(getattr(face, "get_table", None)) and not hasattr(face.get_table, "cache_info"):
        face.get_table = functools.lru_cache(maxsize=None)(face.get_table)


def _candidates():
    override = os.environ.get(ENV_FONT, "").strip()
    if override:
        yield override, 0
    for path, index in KNOWN_FONTS:
        if Path(path).is_file():
            yield path, index
    yield from _fontconfig_matches()


def _fontconfig_matches():
    fc_match = shutil.which("fc-match")
    if not fc_match:
        return
    for family in _FC_FAMILIES:
        try:
            found = subprocess.run(
                [fc_match, "-f", "%{file}\t%{index}\t%{family}", family],
                capture_output=True, text=True, timeout=5, check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return
        path, _, rest = found.partition("\t")
        index, _, families = rest.partition("\t")
        # fc-match always answers with some font: take it only if it is the family asked for.
        if family.lower() in families.lower() and path.lower().endswith((".ttf", ".ttc")):
            yield path, int(index or 0)
