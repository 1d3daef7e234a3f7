"""Saving editable records safely when several desks work at once."""

from __future__ import annotations

import json
from typing import Any

import peewee as pw

from shopdesk.clock import to_local
from shopdesk.errors import StaleRecord
from shopdesk.models import AuditEntry, Counter, ShopSettings, Versioned, database
from shopdesk.services.context import Actor


def next_number(name: str) -> int:
    """The next value of a sequence, inside the caller's transaction.

    The counter row is locked by the UPDATE (PostgreSQL row lock, SQLite write
    lock) until the transaction ends, so two desks never get the same number,
    and a rolled-back transaction gives its number back: numbers are gap-free.
    """
    updated = Counter.update(value=Counter.value + 1).where(Counter.name == name).execute()
    if not updated:
        try:
            with database.atomic():
                Counter.create(name=name, value=1)
            return 1
        except pw.IntegrityError:
            Counter.update(value=Counter.value + 1).where(Counter.name == name).execute()
    return Counter.get_by_id(name).value


def save_changes(record: Versioned, based_on_version: int, changes: dict[str, Any], actor: Actor) -> Versioned:
    """Write ``changes`` only if nobody saved ``record`` since ``based_on_version``.

    Returns the fresh record; raises ``StaleRecord`` (naming who changed it,
    when) and writes nothing otherwise. Call inside the service's transaction.
    """
    model = type(record)
    now = actor.clock.now()
    values = dict(changes, version=model.version + 1, updated_at=now, updated_by_name=actor.name)
    count = model.update(**values).where((model.id == record.id) & (model.version == based_on_version)).execute()
    if count != 1:
        current = model.get_by_id(record.id)
        raise StaleRecord(current.updated_by_name or "?", _hhmm(current.updated_at))
    return model.get_by_id(record.id)


def _hhmm(at) -> str:
    if at is None:
        return "?"
    tz = ShopSettings.get_by_id(1).timezone
    return to_local(at, tz).strftime("%H:%M")


def diff(record: pw.Model, new_values: dict[str, Any]) -> dict[str, list]:
    """Fields whose value changes, as {field: [old, new]}."""
    changed = {}
    for name, new in new_values.items():
        old = getattr(record, name)
        if old != new:
            changed[name] = [old, new]
    return changed


def audit(actor: Actor, action: str, record: pw.Model, changes: dict | None = None, summary: str = "") -> None:
    AuditEntry.create(
        at=actor.clock.now(),
        staff=actor.staff,
        action=action,
        record_type=type(record).__name__,
        record_id=str(record.get_id()),
        summary=summary[:250],
        changes=json.dumps(changes or {}, ensure_ascii=False, default=str),
    )
    from shopdesk.services.changes import announce

    announce(AREA_OF.get(type(record).__name__, type(record).__name__.lower()))


# Which window area shows a record type (for other desks' live refresh).
AREA_OF = {
    "Customer": "customers", "Device": "customers", "ServiceContract": "customers",
    "RepairOrder": "orders", "OrderLine": "orders", "PriceItem": "pricelist",
    "LedgerEntry": "ledger", "Staff": "staff", "ShopSettings": "settings",
    "FollowUpCall": "followups", "Complaint": "followups",
}
