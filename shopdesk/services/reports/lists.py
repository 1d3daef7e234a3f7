"""The lists behind Today's figures that the order board cannot show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from shopdesk.clock import local_today
from shopdesk.services.context import Actor
from shopdesk.services.reports.base import LIST_MAX, VIEW, _int, _one, _rows, _settings
from shopdesk.services.reports.glance import _At, _open_orders_where, _overdue_complaints_where, _today_conditions


LIST_KEYS = ("appointments_today", "missed_appointments", "carried_over", "complaints_overdue")


@dataclass(frozen=True)
class ListRow:
    kind: str  # "order" | "complaint"
    id: int
    number: str
    at: dt.datetime | None  # the appointment, carried-over day's order report, or the complaint's receipt
    customer: str
    status: str  # order state or complaint status
    technician: str
    text: str  # the fault or the complaint


@dataclass(frozen=True)
class FigureList:
    rows: list[ListRow]
    total: int


def figure_list(actor: Actor, key: str, now: dt.datetime | None = None, offset: int = 0,
                limit: int = 100) -> FigureList:
    """One page of what a Today figure counts (for figures the order board cannot filter)."""
    actor.require(VIEW)
    if key not in LIST_KEYS:
        raise ValueError(f"no list for {key!r}")
    if not 0 < limit <= LIST_MAX or offset < 0:
        raise ValueError("0 < limit <= 500 and offset >= 0")
    now = now or actor.clock.now()
    if key == "complaints_overdue":
        return _overdue_complaint_list(now, offset, limit)
    settings = _settings()
    condition, params = _today_conditions(now, local_today(_At(now), settings.timezone), settings)[key]
    where, where_params = _open_orders_where()
    sort = "o.appointment_at" if key != "carried_over" else "o.carried_over_on, o.reported_at"
    total = _int(_one(f"SELECT COUNT(*) FROM repair_order o WHERE {where} AND {condition}",
                      where_params + params)[0])
    rows = _rows(
        "SELECT o.id, o.number, o.appointment_at, o.reported_at, c.name, c.company, o.state, s.name, o.fault "
        "FROM repair_order o JOIN customer c ON c.id = o.customer_id "
        "LEFT JOIN staff s ON s.id = o.technician_id "
        f"WHERE {where} AND {condition} ORDER BY {sort}, o.id LIMIT ? OFFSET ?",
        where_params + params + [limit, offset])
    appointment = key != "carried_over"
    return FigureList([ListRow("order", i, number, _as_datetime(appt if appointment else reported),
                               _label(name, company), state, tech or "", fault)
                       for i, number, appt, reported, name, company, state, tech, fault in rows], total)


def _overdue_complaint_list(now: dt.datetime, offset: int, limit: int) -> FigureList:
    where, params = _overdue_complaints_where(now)
    total = _int(_one(f"SELECT COUNT(*) FROM complaint k WHERE {where}", params)[0])
    rows = _rows(
        "SELECT k.id, k.number, k.received_at, c.name, c.company, k.status, s.name, k.description "
        "FROM complaint k JOIN customer c ON c.id = k.customer_id LEFT JOIN staff s ON s.id = k.responsible_id "
        f"WHERE {where} ORDER BY k.received_at, k.id LIMIT ? OFFSET ?", params + [limit, offset])
    return FigureList([ListRow("complaint", i, number, _as_datetime(at), _label(name, company), status, who or "",
                               (text or "").splitlines()[0] if text else "")
                       for i, number, at, name, company, status, who, text in rows], total)


def _label(name: str, company: str) -> str:
    return f"{company} · {name}" if company and company != name else name


def _as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


