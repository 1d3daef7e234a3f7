"""Who may do what. Services check these; the window only hides what they refuse."""

from __future__ import annotations

FRONT_DESK = "front_desk"
TEAM_LEAD = "team_lead"
TECHNICIAN = "technician"
OWNER = "owner"

_FRONT_DESK = {
    "customers.view", "customers.edit", "customers.import",
    "orders.view", "orders.create", "orders.edit", "orders.transition",
    "followups.view", "followups.record", "complaints.edit",
    "handin.record", "receipts.print", "settings.view",
}
_TEAM_LEAD = _FRONT_DESK | {"orders.assign", "day.close", "coverage.override", "complaints.approve"}
_TECHNICIAN = {
    "customers.view", "orders.view", "orders.view_own", "orders.transition_own",
    "work.record", "receipts.print", "settings.view",
}
_OWNER_ONLY = {
    "ledger.view", "ledger.post", "ledger.close_month", "settlement.approve",
    "pricelist.edit", "staff.manage", "settings.edit", "audit.view", "backup.restore",
}

PERMISSIONS: dict[str, frozenset[str]] = {
    FRONT_DESK: frozenset(_FRONT_DESK),
    TEAM_LEAD: frozenset(_TEAM_LEAD),
    TECHNICIAN: frozenset(_TECHNICIAN),
    OWNER: frozenset(_TEAM_LEAD | _TECHNICIAN | _OWNER_ONLY),
}


def allows(role: str | None, permission: str) -> bool:
    return permission in PERMISSIONS.get(role or "", frozenset())
