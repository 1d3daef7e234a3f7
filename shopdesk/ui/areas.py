"""The areas of the main window, in navigation order.

Each area is a page widget made from the shared ``AppContext``. A page may
define ``activate()`` (called when it is shown), ``search(text)`` (the global
search box routes to the Customers page), and ``open_order(number)``.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from shopdesk.ui.context import AppContext


class Area(NamedTuple):
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


def _staff(ctx):
    from shopdesk.ui.staff.page import StaffPage

    return StaffPage(ctx)


def _pricelist(ctx):
    from shopdesk.ui.pricelist import PriceListPage

    return PriceListPage(ctx)


def _followups(ctx):
    from shopdesk.ui.followups.page import FollowUpsPage

    return FollowUpsPage(ctx)


def _orders(ctx):
    from shopdesk.ui.orders.page import OrdersPage

    return OrdersPage(ctx)


def _customers(ctx):
    from shopdesk.ui.customers.page import CustomersPage

    return CustomersPage(ctx)


def _ledger(ctx):
    from shopdesk.ui.ledger.page import LedgerPage

    return LedgerPage(ctx)


def _reports(ctx):
    from shopdesk.ui.reports.page import ReportsPage

    return ReportsPage(ctx)


def _pending(title_source: str, hint_source: str):
    def make(ctx):
        from shopdesk.ui.widgets import EmptyState

        return EmptyState(QCoreApplication.translate("Areas", title_source), QCoreApplication.translate("Areas", hint_source))

    return make


AREAS: list[Area] = [
    Area("customers", QT_TRANSLATE_NOOP("Areas", "Customers"), _customers, "customers.view"),
    Area("orders", QT_TRANSLATE_NOOP("Areas", "Repair orders"), _orders, "orders.view"),
    Area("followups", QT_TRANSLATE_NOOP("Areas", "Follow-ups"),
         _followups,
         "followups.view"),
    Area("ledger", QT_TRANSLATE_NOOP("Areas", "Ledger"), _ledger, "ledger.view"),
    Area("reports", QT_TRANSLATE_NOOP("Areas", "Reports"), _reports, "day.close"),
    Area("staff", QT_TRANSLATE_NOOP("Areas", "Staff"), _staff, "staff.manage"),
    Area("pricelist", QT_TRANSLATE_NOOP("Areas", "Price list"), _pricelist, "pricelist.edit"),
    Area("settings", QT_TRANSLATE_NOOP("Areas", "Settings"), _settings, "settings.view"),
]
