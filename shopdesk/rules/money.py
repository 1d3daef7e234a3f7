"""Money at the edge: integer cents (fen) to "¥1,280.00" and back.

Everything inside ShopDesk is integer cents; these two functions are the only
place where an amount becomes text or text becomes an amount.
"""

from __future__ import annotations

import re
import unicodedata

from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP

# More than this is a typing accident, not a repair bill (and stays far below BIGINT).
MAX_CENTS = 100_000_000_000_00  # ¥100 billion

_AMOUNT = re.compile(r"(?P<yuan>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<fen>\d{1,2}))?", re.ASCII)


class NotAnAmount(ValidationError, ValueError):
    """Text that is not an amount of money; a ``ValueError`` as well, for plain callers."""


def format_yuan(cents: int) -> str:
    """``8000`` → ``"¥80.00"``; ``128000`` → ``"¥1,280.00"``; ``-500`` → ``"-¥5.00"``."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError(f"money is integer cents, not {type(cents).__name__}")
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}¥{yuan:,}.{fen:02d}"


def parse_yuan(text: str) -> int:
    """What a person typed as an amount in yuan → integer cents.

    Accepts ``80``, ``80.5``, ``80.50``, ``¥80.00``, ``￥1,280``, ``80元`` and
    full-width digits (``８０．５``). Refuses negatives, a third decimal and
    anything else with ``NotAnAmount``.
    """
    cleaned = unicodedata.normalize("NFKC", str(text)).strip()
    cleaned = cleaned.removeprefix("¥").removesuffix("元").strip()
    if cleaned.startswith("-") or cleaned.startswith("−"):
        raise NotAnAmount(QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative: {text}"), text=text)
    match = _AMOUNT.fullmatch(cleaned)
    if not match:
        if re.fullmatch(r"[0-9,]+\.[0-9]{3,}", cleaned):
            raise NotAnAmount(
                QT_TRANSLATE_NOOP("Errors", "An amount has at most two decimals (fen): {text}"), text=text
            )
        raise NotAnAmount(
            QT_TRANSLATE_NOOP("Errors", "“{text}” is not an amount: type it like 80 or 80.50."), text=text
        )
    cents = int(match["yuan"].replace(",", "")) * 100 + int((match["fen"] or "0").ljust(2, "0"))
    if cents > MAX_CENTS:
        raise NotAnAmount(QT_TRANSLATE_NOOP("Errors", "The amount is too large: {text}"), text=text)
    return cents
