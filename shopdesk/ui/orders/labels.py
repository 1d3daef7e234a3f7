"""Words and times for the order screens, in the UI language and the shop's time zone."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from shopdesk.clock import to_local
from shopdesk.errors import ShopDeskError
from shopdesk.i18n import Text
from shopdesk.rules import states
from shopdesk.services import settings as settings_service

if TYPE_CHECKING:
    from shopdesk.rules.workflow import Action

CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("OrderLabels", "Phone"),
    "counter": QT_TRANSLATE_NOOP("OrderLabels", "Counter"),
    "visit": QT_TRANSLATE_NOOP("OrderLabels", "On-site visit"),
}
LOCATIONS = {
    "onsite": QT_TRANSLATE_NOOP("OrderLabels", "On-site"),
    "bench": QT_TRANSLATE_NOOP("OrderLabels", "Bench (left at the counter)"),
}
PRIORITIES = {
    "normal": QT_TRANSLATE_NOOP("OrderLabels", "Normal"),
    "urgent": QT_TRANSLATE_NOOP("OrderLabels", "Urgent"),
}
OVERDUE = {
    states.DISPATCH: QT_TRANSLATE_NOOP("OrderLabels", "Not dispatched in time"),
    states.ASSIGN: QT_TRANSLATE_NOOP("OrderLabels", "No technician in time"),
}
EVENT_KINDS = {
    "transition": QT_TRANSLATE_NOOP("OrderLabels", "Step"),
    "assignment": QT_TRANSLATE_NOOP("OrderLabels", "Assignment"),
    "appointment": QT_TRANSLATE_NOOP("OrderLabels", "Appointment"),
    "work": QT_TRANSLATE_NOOP("OrderLabels", "Work record"),
    "photo": QT_TRANSLATE_NOOP("OrderLabels", "Photo"),
    "coverage": QT_TRANSLATE_NOOP("OrderLabels", "Coverage"),
    "carry_over": QT_TRANSLATE_NOOP("OrderLabels", "Carried over"),
}
METHODS = {
    "cash": QT_TRANSLATE_NOOP("OrderLabels", "Cash"),
    "wechat": QT_TRANSLATE_NOOP("OrderLabels", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("OrderLabels", "Alipay"),
    "bank": QT_TRANSLATE_NOOP("OrderLabels", "Bank transfer"),
    "card": QT_TRANSLATE_NOOP("OrderLabels", "Card"),
}
COVERAGES = {
    "rental": QT_TRANSLATE_NOOP("OrderLabels", "Rental"),
    "contract": QT_TRANSLATE_NOOP("OrderLabels", "Service contract"),
    "warranty": QT_TRANSLATE_NOOP("OrderLabels", "Warranty"),
    "repair_warranty": QT_TRANSLATE_NOOP("OrderLabels", "Repair warranty"),
    "paid": QT_TRANSLATE_NOOP("OrderLabels", "Paid repair"),
}


def translated_in(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def label(table: dict[str, str], key: str) -> str:
    return translated_in("OrderLabels", table[key]) if key in table else key


def state(name: str) -> str:
    return translated_in("Workflow", states.STATE_LABELS.get(name, name))


def action(act: Action) -> str:
    return translated_in("Workflow", act.label)


def choice(key: str) -> str:
    return translated_in("Workflow", states.CHOICE_LABELS.get(key, key))


def overdue(kinds) -> str:
    return ", ".join(label(OVERDUE, k) for k in sorted(kinds))


def error_text(error: ShopDeskError) -> str:
    """A ShopDesk error in the UI language, including the words it quotes (an input's label)."""
    message = error.message
    params = {k: (v.render(QCoreApplication.translate) if isinstance(v, Text) else v)
              for k, v in message.params.items()}
    return Text(message.context, message.source, **params).render(QCoreApplication.translate)


class ShopTime:
    """Turns stored UTC times into the shop's local time and back."""

    def __init__(self, tz_name: str | None = None):
        self.tz = tz_name or settings_service.current().timezone

    def local(self, utc_naive: dt.datetime | None) -> dt.datetime | None:
        return to_local(utc_naive, self.tz) if utc_naive else None

    def text(self, utc_naive: dt.datetime | None, with_date: bool = True) -> str:
        local = self.local(utc_naive)
        if local is None:
            return ""
        return local.strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")

    def utc(self, local_naive: dt.datetime) -> dt.datetime:
        from shopdesk.clock import from_local

        return from_local(local_naive, self.tz)
