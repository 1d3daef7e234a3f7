"""The Reports area's words: its translation context, shared by its modules."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Reports"

# Written as translate("Reports", "…") so lupdate files each string under its context.
translate = QCoreApplication.translate


def in_reports(source: str) -> str:
    """A string marked QT_TRANSLATE_NOOP("Reports", …), in the UI language."""
    return QCoreApplication.translate(CONTEXT, source)
