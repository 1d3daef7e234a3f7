"""An order's coverage, its charge lines and its totals.

The rules live in ``shopdesk.rules.coverage`` and ``shopdesk.rules.pricing``;
this module reads their facts from the database and stores their answers.

- ``check_coverage`` decides the coverage from what was true on the report
  date and stores it on the order: the kind, the reason in English, the
  contract it comes from (``RepairOrder.contract``, None when no contract
  decided it) and the earlier order it repeats (``repeat_of``). A person's
  override stands until someone allowed to override drops it.
- Each line's ``covered`` flag follows the order's coverage; when the
  coverage changes, the lines are marked again. A discount that no longer
  fits (more than what is still charged) is removed, and the event says so.
- Lines of a closed or cancelled order no longer change, nor does its coverage.
- What was paid is read from the ledger: payments minus refunds.
"""

from __future__ import annotations

import datetime as dt
import json

from peewee import fn

from shopdesk.clock import to_local
from shopdesk.errors import NotFound, PermissionDenied, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP, Text
from shopdesk.models import (
    LedgerEntry, OrderEvent, OrderLine, RepairOrder, ServiceContract, ShopSettings, database,
)
from shopdesk.rules.coverage import (
    CONTRACT, KINDS, RENTAL, REPAIR_WARRANTY, ContractFacts, Coverage, CoverageFacts, DeviceFacts, EarlierRepair,
    coverage_of_kind, decide_coverage,
)
from shopdesk.rules.ledger import PAYMENT, REFUND
from shopdesk.rules.pricing import LINE_KINDS, Line, Totals, apply_coverage, discount_fits, require_points, totals
from shopdesk.rules.workflow import CLOSED, is_open
from shopdesk.services.context import Actor
from shopdesk.services.records import audit, diff, save_changes

MAX_DESCRIPTION = 250
MAX_CODE = 30


# Facts ---------------------------------------------------------------------

def facts_for_order(order: RepairOrder | int) -> CoverageFacts:
    """What ``decide_coverage`` needs for ``order``, as of its report date (shop time)."""
    order = _get_order(order)
    settings = ShopSettings.get_by_id(1)
    device = order.device if order.device_id else None
    return CoverageFacts(
        report_date=_local_date(order.reported_at, settings.timezone),
        device=_device_facts(device),
        contracts=tuple(_contract_facts(c) for c in _contracts_for(order)),
        earlier_repairs=_earlier_repairs(order, settings.timezone),
        repair_warranty_days=settings.repair_warranty_days,
    )


def _device_facts(device) -> DeviceFacts | None:
    if device is None:
        return None
    return DeviceFacts(device.id, device.purchase_date, device.warranty_months, device.owned_by_shop)


def _contracts_for(order: RepairOrder):
    """The customer's contracts for this device or for all devices (any dates: the rule checks them)."""
    for_device = ServiceContract.device.is_null()
    if order.device_id:
        for_device |= ServiceContract.device == order.device_id
    return ServiceContract.select().where(
        (ServiceContract.customer == order.customer_id) & ~ServiceContract.archived & for_device
    )


def _contract_facts(contract: ServiceContract) -> ContractFacts:
    return ContractFacts(
        number=contract.number, kind=contract.kind, starts_on=contract.starts_on, ends_on=contract.ends_on,
        covers_labour=contract.covers_labour, covers_parts=contract.covers_parts,
        covers_travel=contract.covers_travel, device_id=contract.device_id,
    )


def _earlier_repairs(order: RepairOrder, tz: str) -> tuple[EarlierRepair, ...]:
    """The device's other closed orders; paid = the customer was charged something on it."""
    if not order.device_id:
        return ()
    earlier = list(
        RepairOrder.select(RepairOrder.id, RepairOrder.number, RepairOrder.closed_at, RepairOrder.device)
        .where(
            (RepairOrder.device == order.device_id) & (RepairOrder.id != order.id)
            & (RepairOrder.state == CLOSED) & RepairOrder.closed_at.is_null(False) & ~RepairOrder.archived
        )
    )
    charged = {
        row.order_id
        for row in OrderLine.select(OrderLine.order).where(
            OrderLine.order.in_([o.id for o in earlier]) & ~OrderLine.removed & ~OrderLine.covered
            & (OrderLine.kind != "discount") & (OrderLine.quantity * OrderLine.unit_price > 0)
        )
    } if earlier else set()
    return tuple(
        EarlierRepair(o.number, _local_date(o.closed_at, tz), o.id in charged, o.device_id) for o in earlier
    )


def _local_date(utc_naive: dt.datetime, tz: str) -> dt.date:
    return to_local(utc_naive, tz).date()


# Coverage ------------------------------------------------------------------

def current_coverage(order: RepairOrder | int) -> Coverage:
    """The coverage stored on the order, with its reason as a translatable Text."""
    order = _get_order(order)
    contract = _contract_facts(order.contract) if order.contract_id else None
    source = contract.number if contract and order.coverage in (CONTRACT, RENTAL) else ""
    if order.coverage == REPAIR_WARRANTY and order.repeat_of_id:
        source = order.repeat_of.number
    return coverage_of_kind(order.coverage, _stored_reason(order), source, contract)


def _stored_reason(order: RepairOrder) -> Text:
    event = (
        OrderEvent.select().where((OrderEvent.order == order.id) & (OrderEvent.kind == "coverage"))
        .order_by(OrderEvent.id.desc()).first()
    )
    if event is not None:
        reason = json.loads(event.data).get("reason")
        if reason:
            return Text("Coverage", reason["source"], **reason["params"])
    return Text("Coverage", QT_TRANSLATE_NOOP("Coverage", "{reason}"), reason=order.coverage_reason)


def check_coverage(actor: Actor, order_id: int, *, drop_override: bool = False) -> Coverage:
    """Decide the order's coverage again and store it.

    An overridden order keeps its override (and this returns it) unless
    ``drop_override``, which needs the right to override.
    """
    actor.require("orders.edit")
    if drop_override:
        actor.require("coverage.override")
    with database.atomic():
        order = _order_for_change(order_id)
        if order.coverage_overridden and not drop_override:
            return current_coverage(order)
        decided = decide_coverage(facts_for_order(order))
        from_contract = decided.kind in (CONTRACT, RENTAL) and decided.source
        contract = ServiceContract.get_or_none(ServiceContract.number == decided.source) if from_contract else None
        repeat = RepairOrder.get_or_none(RepairOrder.number == decided.source) if decided.kind == REPAIR_WARRANTY else None
        _store(actor, order, decided, {
            "coverage_overridden": False,
            "coverage_override_reason": "",
            "contract_id": contract.id if contract else None,
            "repeat_of_id": repeat.id if repeat else None,
        })
        return decided


def override_coverage(actor: Actor, order_id: int, kind: str, reason: str, *, based_on_version: int | None = None) -> Coverage:
    """A person's decision over the rules' (goodwill, or a warranty refused): needs a reason."""
    actor.require("coverage.override")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Say why the coverage is overridden."), field="reason")
    if kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown coverage {kind}."), field="kind", kind=kind)
    with database.atomic():
        order = _order_for_change(order_id)
        if kind == CONTRACT and not order.contract_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "This order has no contract to apply; check its coverage first."), field="kind"
            )
        text = Text("Coverage", QT_TRANSLATE_NOOP("Coverage", "override by {name}: {reason}"), name=actor.name, reason=reason)
        contract = _contract_facts(order.contract) if order.contract_id else None
        overridden = coverage_of_kind(kind, text, contract.number if contract and kind == CONTRACT else "", contract)
        _store(actor, order, overridden, {"coverage_overridden": True, "coverage_override_reason": reason},
               based_on_version=based_on_version, action="override")
        return overridden


def _store(actor: Actor, order: RepairOrder, coverage: Coverage, more: dict, *,
           based_on_version: int | None = None, action: str = "coverage") -> None:
    """Save the coverage, mark the lines again, and write the event and the audit row."""
    values = {"coverage": coverage.kind, "coverage_reason": str(coverage.reason)[:250], **more}
    changes = diff(order, values)
    if not changes:
        return
    version = order.version if based_on_version is None else based_on_version
    saved = save_changes(order, version, {k: values[k] for k in changes}, actor)
    _mark_lines(saved, coverage)
    dropped = _drop_discounts_that_no_longer_fit(saved, coverage)
    OrderEvent.create(
        order=saved, at=actor.clock.now(), staff=actor.staff, kind="coverage",
        from_state=saved.state, to_state=saved.state, note=str(coverage.reason),
        data=json.dumps({
            "from": order.coverage, "to": coverage.kind, "source": coverage.source,
            "overridden": saved.coverage_overridden, "discounts_removed": dropped,
            "reason": {"source": coverage.reason.source, "params": coverage.reason.params},
        }, ensure_ascii=False),
    )
    audit(actor, action, saved, changes, summary=f"{saved.number}: {coverage.kind} — {coverage.reason}")


def _mark_lines(order: RepairOrder, coverage: Coverage) -> None:
    covered_kinds = [kind for kind in LINE_KINDS if coverage.covers(kind)]
    live = (OrderLine.order == order.id) & ~OrderLine.removed
    OrderLine.update(covered=True).where(live & OrderLine.kind.in_(covered_kinds)).execute()
    OrderLine.update(covered=False).where(live & OrderLine.kind.not_in(covered_kinds)).execute()


def _drop_discounts_that_no_longer_fit(order: RepairOrder, coverage: Coverage) -> int:
    if discount_fits(apply_coverage(_rule_lines(order), coverage)):
        return 0
    return OrderLine.update(removed=True).where(
        (OrderLine.order == order.id) & (OrderLine.kind == "discount") & ~OrderLine.removed
    ).execute()


# Lines and totals ----------------------------------------------------------

def add_line(actor: Actor, order_id: int, kind: str, description: str, quantity: int, unit_price: int,
             code: str = "", points: int = 0) -> OrderLine:
    """Add a charge line; covered or charged as the order's coverage says."""
    _require_may_edit_lines(actor)
    Line(kind, quantity, unit_price)  # validates kind, quantity and price
    description = _required_text(description, MAX_DESCRIPTION, "description")
    code = (code or "").strip()
    if len(code) > MAX_CODE:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A code has at most {high} characters."), field="code", high=MAX_CODE)
    require_points(points)
    with database.atomic():
        order = _order_for_change(order_id)
        _require_line_editor(actor, order)
        coverage = current_coverage(order)
        line = OrderLine.create(
            order=order, kind=kind, code=code, description=description, quantity=quantity, unit_price=unit_price,
            covered=coverage.covers(kind), points=points, created_at=actor.clock.now(), created_by=actor.staff,
        )
        order_totals(order)  # refuses (and rolls back) a discount larger than what is charged
        audit(actor, "create", line, {"kind": kind, "quantity": quantity, "unit_price": unit_price, "covered": line.covered},
              summary=f"{order.number}: {description}")
        return line


def remove_line(actor: Actor, line_id: int) -> OrderLine:
    """Take a line off the order. The row stays, marked removed, for the history."""
    _require_may_edit_lines(actor)
    with database.atomic():
        line = OrderLine.get_or_none(OrderLine.id == line_id)
        if line is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "This line no longer exists."))
        order = _order_for_change(line.order_id)
        _require_line_editor(actor, order)
        if line.removed:
            return line
        OrderLine.update(removed=True).where(OrderLine.id == line.id).execute()
        order_totals(order)  # refuses leaving a discount larger than what is still charged
        audit(actor, "remove", line, {"removed": [False, True]}, summary=f"{order.number}: {line.description}")
        return OrderLine.get_by_id(line.id)


def order_totals(order_id: RepairOrder | int) -> Totals:
    """Value, covered, charged, discount, tax, to pay, paid and balance of the order's lines."""
    order = _get_order(order_id)
    lines = apply_coverage(_rule_lines(order), current_coverage(order))
    return totals(lines, paid_cents(order.id), ShopSettings.get_by_id(1).tax_rate_basis_points)


def _rule_lines(order: RepairOrder) -> list[Line]:
    rows = OrderLine.select().where((OrderLine.order == order.id) & ~OrderLine.removed).order_by(OrderLine.id)
    return [Line(row.kind, row.quantity, row.unit_price) for row in rows]


def paid_cents(order_id: int) -> int:
    """Payments minus refunds booked to the order.

    A reversal is an entry of the same kind with the negated amount
    (``shopdesk.rules.ledger``), so the plain sums are already net of them.
    """
    by_kind = dict(
        LedgerEntry.select(LedgerEntry.kind, fn.SUM(LedgerEntry.amount))
        .where((LedgerEntry.order == order_id) & LedgerEntry.kind.in_((PAYMENT, REFUND)))
        .group_by(LedgerEntry.kind).tuples()
    )
    return int(by_kind.get(PAYMENT) or 0) - int(by_kind.get(REFUND) or 0)


# Helpers -------------------------------------------------------------------

def _get_order(order: RepairOrder | int) -> RepairOrder:
    if isinstance(order, RepairOrder):
        return order
    found = RepairOrder.get_or_none(RepairOrder.id == order)
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Order not found."))
    return found


def _order_for_change(order_id: RepairOrder | int) -> RepairOrder:
    """The order, locked against other desks' changes until the transaction ends; refused once finished."""
    order_id = order_id.id if isinstance(order_id, RepairOrder) else order_id
    query = RepairOrder.select().where(RepairOrder.id == order_id)
    if database.for_update:  # PostgreSQL; SQLite's write transactions are already exclusive
        query = query.for_update()
    order = query.first()
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Order not found."))
    if not is_open(order.state):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Order {number} is closed or cancelled: its coverage and lines no longer change."),
            number=order.number,
        )
    return order


def _require_may_edit_lines(actor: Actor) -> None:
    if not actor.may("orders.edit"):
        actor.require("work.record")


def _require_line_editor(actor: Actor, order: RepairOrder) -> None:
    """Desk staff change any order's lines; a technician only those of their own orders."""
    if actor.may("orders.edit"):
        return
    if actor.staff is None or order.technician_id != actor.staff.id:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Only the technician of order {number} may change its lines."),
                               number=order.number)


def _required_text(value: str, limit: int, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Describe the line (what was done or used)."), field=field)
    if len(value) > limit:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "At most {high} characters."), field=field, high=limit)
    return value
