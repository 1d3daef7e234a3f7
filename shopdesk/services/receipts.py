"""Receipts for an order: gather what prints, build the PDF, log reprints.

The first print of an order's intake slip or repair receipt is the original;
every later one is marked "copy" on the paper and logged as an order event.
"""

from __future__ import annotations

import datetime as dt
import json

from shopdesk.clock import to_local
from shopdesk.errors import NotFound, PermissionDenied, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP, catalogue
from shopdesk.models import OrderEvent, OrderLine, RepairOrder, ShopSettings, database
from shopdesk.receipts import (
    LAYOUTS, CustomerInfo, DeviceInfo, ReceiptData, ReceiptLine, ShopHeader, Totals, build_batch, build_receipt,
)
from shopdesk.services.context import Actor
from shopdesk.services.coverage import current_coverage, order_totals
from shopdesk.services.customers import DEVICE_CATEGORY_LABELS

KINDS = ("intake", "repair")
PRINT_EVENT = "print"


def receipt_data(actor: Actor, order_id: int, kind: str = "repair", copy_for: str = "", language: str = "zh_CN",
                 is_reprint: bool | None = None) -> ReceiptData:
    """What one receipt of the order prints (read only)."""
    actor.require("receipts.print")
    if kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown receipt kind {kind}."), kind=kind)
    order = RepairOrder.get_or_none(RepairOrder.id == order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no such order."))
    if not actor.may("orders.edit") and (actor.staff is None or order.technician_id != actor.staff.id):
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Order {number} is not one of yours."), number=order.number)
    settings = ShopSettings.get_by_id(1)
    tz = settings.timezone
    translate = catalogue(language)
    coverage = current_coverage(order)
    totals = order_totals(order)
    lines = tuple(
        ReceiptLine(line.kind, line.description or line.code, line.quantity, line.unit_price, coverage.covers(line.kind))
        for line in OrderLine.select().where((OrderLine.order == order.id) & ~OrderLine.removed).order_by(OrderLine.id)
    )
    reason = coverage.reason.render(translate)
    if order.coverage_overridden:
        reason = translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Goodwill: {reason}")).format(reason=order.coverage_override_reason or reason)
    if is_reprint is None:
        is_reprint = _printed_before(order.id, kind, copy_for)
    customer, device = order.customer, order.device
    return ReceiptData(
        shop=ShopHeader(settings.name, settings.address, settings.phone,
                        bytes(settings.logo_png) if settings.logo_png else None, settings.receipt_terms,
                        settings.repair_warranty_days),
        order_number=order.number,
        kind=kind,
        customer=CustomerInfo(customer.name, customer.company, customer.phone, order.address or customer.address),
        device=DeviceInfo(_category_name(device.category, translate), device.brand, device.model, device.serial)
        if device else DeviceInfo(),
        copy_for=copy_for,
        is_reprint=is_reprint,
        reported_at=to_local(order.reported_at, tz),
        resolved_at=to_local(order.resolved_at, tz) if order.resolved_at else None,
        contact=" ".join(filter(None, (order.reported_by, order.contact_phone))),
        fault=order.fault,
        accessories=order.accessories,
        condition=order.condition,
        coverage=order.coverage,
        coverage_reason=reason,
        lines=lines,
        totals=Totals(totals.value, totals.covered, totals.charged, totals.discount, totals.tax, totals.to_pay,
                      totals.paid, totals.balance),
        work_done=_work_done(order),
        technician=order.technician.name if order.technician_id else "",
        signer=order.signer_name,
        language="en" if language == "en" else "zh_CN",
    )


def print_receipt(actor: Actor, order_id: int, kind: str = "repair", layout: str | None = None,
                  copy_for: str = "", language: str = "zh_CN") -> bytes:
    """The receipt's PDF; the print is logged (and a reprint marked as a copy)."""
    layout = layout or ShopSettings.get_by_id(1).receipt_layout
    if layout not in LAYOUTS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown receipt layout."), field="layout")
    with database.atomic():
        data = receipt_data(actor, order_id, kind, copy_for, language)
        pdf = build_receipt(data, layout)
        _log_print(actor, order_id, kind, layout, data.is_reprint, copy_for)
    return pdf


def print_batch(actor: Actor, order_ids: list[int], kind: str = "repair", layout: str | None = None,
                language: str = "zh_CN") -> bytes:
    """Many receipts in one PDF, each on its own page(s)."""
    if not order_ids:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "No orders to print."))
    layout = layout or ShopSettings.get_by_id(1).receipt_layout
    if layout not in LAYOUTS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown receipt layout."), field="layout")
    with database.atomic():
        receipts = [receipt_data(actor, oid, kind, "", language) for oid in order_ids]
        pdf = build_batch(receipts, layout)
        for oid, data in zip(order_ids, receipts):
            _log_print(actor, oid, kind, layout, data.is_reprint)
    return pdf


def order_ids_for(actor: Actor, numbers: list[str] | None = None, date_from: dt.date | None = None,
                  date_to: dt.date | None = None) -> list[int]:
    """The orders named by number, or reported in a local date range (inclusive)."""
    actor.require("receipts.print")
    if numbers:
        found = dict(RepairOrder.select(RepairOrder.number, RepairOrder.id)
                     .where(RepairOrder.number.in_([n.strip().upper() for n in numbers])).tuples())
        missing = [n for n in numbers if n.strip().upper() not in found]
        if missing:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No order numbered {numbers}."), numbers=", ".join(missing))
        return [found[n.strip().upper()] for n in numbers]
    if date_from is None or date_to is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give order numbers or a date range."))
    from shopdesk.clock import from_local

    tz = ShopSettings.get_by_id(1).timezone
    start = from_local(dt.datetime.combine(date_from, dt.time()), tz)
    end = from_local(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time()), tz)
    query = (RepairOrder.select(RepairOrder.id)
             .where((RepairOrder.reported_at >= start) & (RepairOrder.reported_at < end))
             .order_by(RepairOrder.reported_at, RepairOrder.id))
    return [row.id for row in query]


def printed_before(actor: Actor, order_id: int, kind: str = "repair", copy_for: str = "") -> bool:
    """Whether the next print of this receipt is a reprint (marked "copy"), for the preview to say so."""
    actor.require("receipts.print")
    if kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown receipt kind {kind}."), kind=kind)
    return _printed_before(order_id, kind, copy_for)


def _printed_before(order_id: int, kind: str, copy_for: str = "") -> bool:
    """The intake slip's customer and technician copies are two originals: each is a
    reprint only after its own first print."""
    events = (OrderEvent.select(OrderEvent.data)
              .where((OrderEvent.order == order_id) & (OrderEvent.kind == PRINT_EVENT) & (OrderEvent.note == kind)))
    for event in events:
        try:
            printed_for = json.loads(event.data or "{}").get("copy_for", "")
        except ValueError:
            printed_for = ""
        if printed_for == copy_for:
            return True
    return False


def _log_print(actor: Actor, order_id: int, kind: str, layout: str, reprint: bool, copy_for: str = "") -> None:
    order = RepairOrder.get_by_id(order_id)
    OrderEvent.create(order=order_id, at=actor.clock.now(), staff=actor.staff, kind=PRINT_EVENT,
                      from_state=order.state, to_state=order.state, note=kind,
                      data=json.dumps({"layout": layout, "copy": reprint, "copy_for": copy_for}))


def _category_name(category: str, translate) -> str:
    source = DEVICE_CATEGORY_LABELS.get(category)
    return translate("DeviceCategories", source) if source else category


def _work_done(order: RepairOrder) -> str:
    return "\n".join(text for text in (order.diagnosis.strip(), order.work_done.strip()) if text)
