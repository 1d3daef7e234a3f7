"""What the order view shows of an order's money, read in one go: the
coverage with its reason, the live lines, the totals, and what this person
may change there. The changes themselves are ``shopdesk.services.coverage``.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopdesk.errors import NotFound, PermissionDenied, ShopDeskError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import OrderLine, RepairOrder, database
from shopdesk.rules.coverage import Coverage
from shopdesk.rules.pricing import Totals
from shopdesk.rules.workflow import is_open
from shopdesk.services.context import Actor
from shopdesk.services.coverage import current_coverage, order_totals


@dataclass(frozen=True)
class ChargeLine:
    id: int
    kind: str
    code: str
    description: str
    quantity: int
    unit_price: int
    covered: bool
    points: int

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_price


@dataclass(frozen=True)
class OrderCharges:
    order_id: int
    number: str
    version: int
    is_open: bool
    coverage: Coverage
    overridden: bool
    has_contract: bool
    quote_state: str  # "" | sent | approved | declined
    quote_amount: int
    lines: tuple[ChargeLine, ...]
    totals: Totals | None  # None when the stored lines break a money rule (the problem says which)
    totals_problem: ShopDeskError | None
    may_edit_lines: bool
    may_check: bool
    may_override: bool


def order_charges(actor: Actor, order_id: int) -> OrderCharges:
    """The order's coverage, live lines (oldest first) and totals, as this person may see them."""
    if not actor.may("orders.view"):
        actor.require("orders.view_own")
    with database.atomic():  # one consistent reading of order, lines and payments
        order = RepairOrder.get_or_none(RepairOrder.id == order_id)
        if order is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Order not found."))
        own = actor.staff is not None and order.technician_id == actor.staff.id
        if not actor.may("orders.view") and not own:
            raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Order {number} is not one of yours."), number=order.number)
        rows = OrderLine.select().where((OrderLine.order == order.id) & ~OrderLine.removed).order_by(OrderLine.id)
        lines = tuple(
            ChargeLine(r.id, r.kind, r.code, r.description, r.quantity, r.unit_price, r.covered, r.points) for r in rows
        )
        try:
            totals, problem = order_totals(order), None
        except ShopDeskError as exc:
            totals, problem = None, exc
        still_open = is_open(order.state)
        return OrderCharges(
            order_id=order.id, number=order.number, version=order.version, is_open=still_open,
            coverage=current_coverage(order), overridden=order.coverage_overridden,
            has_contract=order.contract_id is not None, quote_state=order.quote_state,
            quote_amount=order.quote_amount, lines=lines, totals=totals, totals_problem=problem,
            may_edit_lines=still_open and (actor.may("orders.edit") or (actor.may("work.record") and own)),
            may_check=still_open and actor.may("orders.edit"),
            may_override=still_open and actor.may("coverage.override"),
        )
