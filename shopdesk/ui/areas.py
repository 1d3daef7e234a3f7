"""The areas of the main window, in navigation order.

Each area is a page widget made from the shared ``AppContext``. A page may
define ``activate()`` (called when it is shown), ``search(text)`` (the global
search box routes to the Customers page), and ``open_order(number)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from shopdesk.ui.context import AppContext


@dataclass(frozen=True)
class Area:
    key: str
    title_source: str
    make: Callable[[AppContext], QWidget]
    permission: str | None = None

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Areas", self.title_source)


def _settings(ctx):
    from shopdesk.ui.settings.page import SettingsPage

    return SettingsPage(ctx)


def _pending(title_source: str, hint_source: str):
    def make(ctx):
        from shopdesk.ui.widgets import EmptyState

        return EmptyState(QCoreApplication.translate("Areas", title_source), QCoreApplication.translate("Areas", hint_source))

    return make


AREAS: list[Area] = [
    Area("customers", QT_TRANSLATE_NOOP("Areas", "Customers"),
         _pending(QT_TRANSLATE_NOOP("Areas", "Customers"), QT_TRANSLATE_NOOP("Areas", "Customer files arrive in the next release.")),
         "customers.view"),
    Area("orders", QT_TRANSLATE_NOOP("Areas", "Repair orders"),
         _pending(QT_TRANSLATE_NOOP("Areas", "Repair orders"), QT_TRANSLATE_NOOP("Areas", "Repair orders arrive in the next release.")),
         "orders.view"),
    Area("followups", QT_TRANSLATE_NOOP("Areas", "Follow-ups"),
         _pending(QT_TRANSLATE_NOOP("Areas", "Follow-ups"), QT_TRANSLATE_NOOP("Areas", "Follow-up calls and complaints arrive in a later release.")),
         "followups.view"),
    Area("ledger", QT_TRANSLATE_NOOP("Areas", "Ledger"),
         _pending(QT_TRANSLATE_NOOP("Areas", "Ledger"), QT_TRANSLATE_NOOP("Areas", "The fee ledger arrives in a later release.")),
         "ledger.view"),
    Area("reports", QT_TRANSLATE_NOOP("Areas", "Reports"),
         _pending(QT_TRANSLATE_NOOP("Areas", "Reports"), QT_TRANSLATE_NOOP("Areas", "Reports arrive in a later release.")),
         None),
    Area("settings", QT_TRANSLATE_NOOP("Areas", "Settings"), _settings, "settings.view"),
]
