"""The one font receipts are printed in: a TrueType CJK font, embedded.

An embedded font shows Chinese on any PC, even one without Chinese fonts
(the built-in CID font ``STSong-Light`` is only named in the PDF, so a viewer
without it shows nothing). reportlab cannot embed Noto CJK (PostScript
outlines), so the font is WenQuanYi Micro Hei (Debian ``fonts-wqy-microhei``)
or another TrueType CJK font found on the system. Only when none is found do
receipts fall back to ``STSong-Light``, with a warning in the log.

Loading the font takes ~100 ms, so it happens once, on the first receipt.

Embedding means a subset of the font (the glyphs a PDF uses) in each PDF,
~1 ms to build for a receipt's ~250 glyphs. Two things make that cheap:
``prime`` gives a document's first subset the receipt's fixed characters
(labels, the shop's header) in a fixed order, so that subset comes out the
same on every receipt of a shop, and the face keeps the subsets it built
(``SubsetCache``), so only the few characters of an order's own data make a
new subset. ``ReceiptTTFont`` likewise remembers how text of the primed
characters splits into codes, and writes a primed subset's widths once.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import subprocess
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
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
            font = ReceiptTTFont(FONT_NAME, path, subfontIndex=index, asciiReadable=False)
        except (TTFError, OSError, ValueError, KeyError) as error:
            log.info("receipt font %s not usable: %s", path, error)
            continue
        pdfmetrics.registerFont(font)
        # reportlab hands out the font first registered for a face under every later name.
        face = pdfmetrics.getFont(FONT_NAME).face
        _keep_tables(face)
        _cache_subsets(face)
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


class ReceiptTTFont(TTFont):
    """reportlab's TrueType font, doing once what a primed document (see ``prime``) repeats.

    Text made only of the primed characters splits into the same codes in
    every document primed alike, so ``splitString`` remembers it (reportlab
    works it out a character at a time, for every string drawn). A subset's
    PDF font lists the width of each of its (up to 256) characters, which
    reportlab formats number by number, ~0.25 ms a subset: a primed first
    subset has the same widths on every receipt, so they are written once.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.primed_docs: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # document → _Primed

    def splitString(self, text, doc, encoding="utf-8"):
        primed = self.primed_docs.get(doc)
        if primed is None:
            return super().splitString(text, doc, encoding)
        split = primed.splits.get(text)
        if split is not None:
            return list(split)
        split = super().splitString(text, doc, encoding)
        # Only the primed characters (and those the font lacks, all code 0) are in subset 0.
        if all(subset == 0 for subset, _ in split) and len(primed.splits) < _MAX_SPLITS:
            primed.splits[text] = tuple(split)
        return split

    def addObjects(self, doc):
        state = self.state.get(doc)
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(state.subsets))] if state else []
        super().addObjects(doc)
        made = doc.idToObject["BasicFonts"].dict
        for name in names:
            pdf_font = made.get(name)
            widths = getattr(pdf_font, "Widths", None)
            if type(widths) is pdfdoc.PDFArray:
                pdf_font.Widths = _Widths(widths.sequence)
            to_unicode = doc.idToObject.get(getattr(getattr(pdf_font, "ToUnicode", None), "name", None))
            if isinstance(to_unicode, pdfdoc.PDFStream):
                to_unicode.content = pdfdoc_bytes(to_unicode.content)


_NOT_IN_PDFDOC = re.compile("[\x18-\x1f]")  # the only ASCII that PDFDocEncoding has no code for


def pdfdoc_bytes(content):
    """A stream's text as the bytes reportlab would write for it, made now and fast.

    reportlab encodes a stream given as text with its PDFDocEncoding codec,
    a character at a time, as it saves (~0.25 ms for a receipt page's 12 KB of
    operators). For ASCII text that encoding is ASCII, so the text becomes
    those bytes at once; anything else is left for reportlab.
    """
    if isinstance(content, str) and content.isascii() and not _NOT_IN_PDFDOC.search(content):
        return content.encode("ascii")
    return content


class _Widths(pdfdoc.PDFArray):
    """A subset's widths: plain numbers, so the same list gives the same bytes in any document."""

    def format(self, document, IND=b"\n "):  # noqa: N803 - reportlab's signature
        return _formatted_widths(tuple(self.sequence), IND, rl_config.pdfMultiLine)


@functools.lru_cache(maxsize=32)
def _formatted_widths(widths: tuple, indent: bytes, multiline) -> bytes:
    return pdfdoc.PDFArray(widths).format(None, indent)  # numbers: the document plays no part


class SubsetCache:
    """A face's ``makeSubset``, remembered by the exact glyph list it was given.

    reportlab builds one font program per subset of a document: a list of up
    to 256 characters, index = the code the PDF's text uses. The same list
    always gives the same bytes, so a subset made before is handed out again.
    ``prime`` makes that the rule for a receipt's first subset.

    Thread-safe: one lock around the look-up and the build (a face reads its
    font file through one shared position, so two builds must not overlap
    anyway). Bounded: the least recently used subset goes first; most
    subsets (an order's own characters) are never asked for again.
    """

    def __init__(self, make_subset, maxsize: int = 16):
        self._make = make_subset
        self._maxsize = maxsize
        self._built: OrderedDict[tuple[int, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __call__(self, subset) -> bytes:
        key = tuple(subset)
        with self._lock:
            program = self._built.get(key)
            if program is not None:
                self._built.move_to_end(key)
                self.hits += 1
                return program
            self.misses += 1
            program = self._make(list(key))
            self._built[key] = program
            if len(self._built) > self._maxsize:
                self._built.popitem(last=False)
            return program


def _cache_subsets(face) -> None:
    """Give the face a ``SubsetCache`` (on this face object only; reportlab's class is untouched)."""
    if callable(getattr(face, "makeSubset", None)) and not isinstance(face.makeSubset, SubsetCache):
        face.makeSubset = SubsetCache(face.makeSubset)


SUBSET_SIZE = 256  # codes per subset (one byte of a PDF string)


def prime(font_name: str, doc, text: str) -> None:
    """Fill ``doc``'s first subset of the font with the characters of ``text``, in order, and nothing else.

    ``doc`` is the canvas's ``PDFDocument`` (reportlab keeps a font's subsets
    per document, in ``TTFont.state[doc]``); call this before anything is
    drawn. The characters of ``text`` the font has get their codes first, as
    many as the first subset holds; the rest of that subset stays unused, so
    every other character goes into the next subsets. The first subset is
    then the same list, and the same font program (see ``SubsetCache``),
    whenever ``text`` is. Does nothing for the CID fallback, or once the
    document has used the font.
    """
    font = pdfmetrics.getFont(font_name)
    states = getattr(font, "state", None)
    if not getattr(font, "_dynamicFont", False) or states is None or doc in states:
        return
    primed = _primed(font, text)
    if primed is None:
        return
    font.splitString("", doc)  # the document's state, fresh: as the one _primed started from
    state = states[doc]
    state.assignments = dict(primed.assignments)
    state.subsets = [list(subset) for subset in primed.subsets]
    state.nextCode = primed.next_code
    if isinstance(font, ReceiptTTFont):
        font.primed_docs[doc] = primed


class _Primed(NamedTuple):
    assignments: dict[int, int]  # character → code (subset × 256 + index)
    subsets: tuple[tuple[int, ...], ...]  # each subset's characters by index
    next_code: int
    splits: dict  # text → its splitString in any document primed so (see ReceiptTTFont)


_MAX_SPLITS = 4096  # strings remembered per primed text (labels, the shop's header, common values)


class _Scratch:
    """A stand-in document (a font keeps its subsets per document, weakly)."""


@functools.lru_cache(maxsize=16)
def _primed(font: TTFont, text: str) -> _Primed | None:
    """The state ``prime`` gives a document: made once on a stand-in document, then copied."""
    scratch = _Scratch()
    font.splitString("", scratch)
    state = font.state[scratch]
    try:
        if state.frozen or state.nextCode >= SUBSET_SIZE:
            return None
        # The first subset's codes not taken yet (by notdef and space; exact for the receipt
        # font, which is not "ASCII readable": a character more would only go on into subset 1).
        room = SUBSET_SIZE - len(state.assignments)
        chosen: dict[str, None] = {}
        for char in text:
            code = 32 if char == "\xa0" else ord(char)
            if code in state.assignments or code not in font.face.charToGlyph or char in chosen:
                continue
            chosen[char] = None
            if len(chosen) == room:
                break
        font.splitString("".join(chosen), scratch)  # codes in the order of the text (see TTFont.splitString)
        next_code = state.nextCode
        if next_code % SUBSET_SIZE:
            # splitString opens a new subset when the next code is a multiple of 256.
            next_code += SUBSET_SIZE - next_code % SUBSET_SIZE
        return _Primed(dict(state.assignments), tuple(map(tuple, state.subsets)), next_code, {})
    finally:
        del font.state[scratch]


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
