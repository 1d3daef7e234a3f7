"""Words for the customer screens, in the UI language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from shopdesk.clock import to_local
from shopdesk.rules import workflow
from shopdesk.services.customers import CONTRACT_KIND_LABELS, DEVICE_CATEGORY_LABELS, KIND_LABELS

DEVICE_CATEGORIES = DEVICE_CATEGORY_LABELS
CONTRACT_STATUS = {
    "upcoming": QT_TRANSLATE_NOOP("CustomerLabels", "Not yet started"),
    "in_force": QT_TRANSLATE_NOOP("CustomerLabels", "In force"),
    "ended": QT_TRANSLATE_NOOP("CustomerLabels", "Ended"),
}
COVERAGES = {
    "rental": QT_TRANSLATE_NOOP("CustomerLabels", "Rental"),
    "contract": QT_TRANSLATE_NOOP("CustomerLabels", "Service contract"),
    "warranty": QT_TRANSLATE_NOOP("CustomerLabels", "Warranty"),
    "repair_warranty": QT_TRANSLATE_NOOP("CustomerLabels", "Repair warranty"),
    "paid": QT_TRANSLATE_NOOP("CustomerLabels", "Paid repair"),
}
MATCHED_BY = {
    "order": QT_TRANSLATE_NOOP("CustomerLabels", "Found by order {0}"),
    "serial": QT_TRANSLATE_NOOP("CustomerLabels", "Found by device serial {0}"),
    "number": QT_TRANSLATE_NOOP("CustomerLabels", "Found by customer number {0}"),
    "phone": QT_TRANSLATE_NOOP("CustomerLabels", "Found by phone {0}"),
    "name": QT_TRANSLATE_NOOP("CustomerLabels", "Found by name"),
    "text": QT_TRANSLATE_NOOP("CustomerLabels", "Found by name, pinyin, company, contact or address"),
}


def in_language(context: str, source: str) -> str:
    """``source`` in the UI language (for texts marked with QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate(context, source)


def kind_label(kind: str) -> str:
    return in_language("CustomerKinds", KIND_LABELS.get(kind, kind))


def contract_kind_label(kind: str) -> str:
    return in_language("CustomerKinds", CONTRACT_KIND_LABELS.get(kind, kind))


def category_label(category: str) -> str:
    return in_language("DeviceCategories", DEVICE_CATEGORIES[category]) if category in DEVICE_CATEGORIES else category


def state_label(state: str) -> str:
    return in_language("Workflow", workflow.STATE_LABELS.get(state, state))


def coverage_label(coverage: str) -> str:
    return in_language("CustomerLabels", COVERAGES.get(coverage, coverage))


def contract_status(status: str) -> str:
    return in_language("CustomerLabels", CONTRACT_STATUS.get(status, status))


def matched_by(via: str, detail: str) -> str:
    return in_language("CustomerLabels", MATCHED_BY.get(via, MATCHED_BY["text"])).format(detail)


def local_time(at: dt.datetime | None, timezone: str) -> str:
    return to_local(at, timezone).strftime("%Y-%m-%d %H:%M") if at else ""


def day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""
