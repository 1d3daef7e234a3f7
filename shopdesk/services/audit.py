"""Reading the audit trail: who created or changed what, when, old → new (owner only)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import peewee as pw

from shopdesk.clock import from_local
from shopdesk.models import AuditEntry, ShopSettings, Staff
from shopdesk.services.context import Actor


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # naive UTC
    staff_id: int | None
    staff_name: str  # "" for the system (e.g. a lock after wrong passwords)
    action: str
    record_type: str
    record_id: str
    summary: str
    changes: dict[str, list] = field(default_factory=dict)


def audit_entries(actor: Actor, staff_id: int | None = None, date_from: dt.date | None = None,
                  date_to: dt.date | None = None, record_type: str | None = None, record_id: str | None = None,
                  offset: int = 0, limit: int = 200, up_to_id: int | None = None) -> list[AuditRow]:
    """Entries newest first, filtered; ``date_from``/``date_to`` are the shop's local days, both included.

    ``up_to_id`` pins a result to the entries that existed when it was first
    read, so later pages do not shift while other desks keep writing.
    """
    actor.require("audit.view")
    query = (AuditEntry
             .select(AuditEntry, Staff.name)
             .join(Staff, pw.JOIN.LEFT_OUTER, on=(AuditEntry.staff == Staff.id))
             .where(*_conditions(staff_id, date_from, date_to, record_type, record_id, up_to_id))
             .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
             .offset(max(0, offset))
             .limit(max(0, limit))
             .objects())
    return [_row(entry) for entry in query]


def count_audit_entries(actor: Actor, staff_id: int | None = None, date_from: dt.date | None = None,
                        date_to: dt.date | None = None, record_type: str | None = None,
                        record_id: str | None = None, up_to_id: int | None = None) -> int:
    actor.require("audit.view")
    return AuditEntry.select().where(
        *_conditions(staff_id, date_from, date_to, record_type, record_id, up_to_id)).count()


def latest_audit_id(actor: Actor) -> int:
    """The newest entry's id (0 when the trail is empty), for ``up_to_id``."""
    actor.require("audit.view")
    return AuditEntry.select(pw.fn.MAX(AuditEntry.id)).scalar() or 0


def audit_record_types(actor: Actor) -> list[str]:
    """The kinds of record the trail mentions, for the filter."""
    actor.require("audit.view")
    query = AuditEntry.select(AuditEntry.record_type).distinct().order_by(AuditEntry.record_type)
    return [row.record_type for row in query]


def _conditions(staff_id, date_from, date_to, record_type, record_id, up_to_id) -> list:
    where = [AuditEntry.id.is_null(False)]
    if staff_id is not None:
        where.append(AuditEntry.staff == staff_id)
    if date_from is not None or date_to is not None:
        tz = ShopSettings.get_by_id(1).timezone
        if date_from is not None:
            where.append(AuditEntry.at >= from_local(dt.datetime.combine(date_from, dt.time()), tz))
        if date_to is not None:
            day_after = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time())
            where.append(AuditEntry.at < from_local(day_after, tz))
    if record_type:
        where.append(AuditEntry.record_type == record_type)
    if record_id:
        where.append(AuditEntry.record_id == str(record_id).strip())
    if up_to_id is not None:
        where.append(AuditEntry.id <= up_to_id)
    return where


def _row(entry) -> AuditRow:
    try:
        changes = json.loads(entry.changes or "{}")
    except ValueError:
        changes = {}
    return AuditRow(
        id=entry.id,
        at=entry.at,
        staff_id=entry.staff_id,
        staff_name=entry.name or "",
        action=entry.action,
        record_type=entry.record_type,
        record_id=entry.record_id,
        summary=entry.summary,
        changes=changes if isinstance(changes, dict) else {},
    )
