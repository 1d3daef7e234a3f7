"""The shop's settings (header printed on receipts, limits, rates)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import ShopSettings, database
from shopdesk.services.context import Actor
from shopdesk.services.records import audit, diff, save_changes

LAYOUTS = ("a4", "a5", "80mm")
MAX_LOGO_BYTES = 512 * 1024

EDITABLE = (
    "name", "address", "phone", "logo_png", "timezone", "repair_warranty_days",
    "dispatch_limit_minutes", "assign_limit_minutes", "tax_rate_basis_points",
    "receipt_layout", "receipt_terms", "travel_allowance_per_visit",
    "fuel_allowance_per_km", "pickup_reminder_days", "followup_long_repair_days",
    "followup_contract_days", "churn_months", "call_script_satisfied",
    "call_script_unsatisfied", "backup_folder", "backup_keep_daily", "backup_keep_monthly",
)


def current() -> ShopSettings:
    return ShopSettings.get_by_id(1)


@dataclass(frozen=True)
class _Range:
    low: int
    high: int


_RANGES = {
    "repair_warranty_days": _Range(0, 3650),
    "dispatch_limit_minutes": _Range(1, 24 * 60),
    "assign_limit_minutes": _Range(1, 24 * 60),
    "tax_rate_basis_points": _Range(0, 10_000),
    "travel_allowance_per_visit": _Range(0, 10_000_00),
    "fuel_allowance_per_km": _Range(0, 1_000_00),
    "pickup_reminder_days": _Range(1, 3650),
    "followup_long_repair_days": _Range(1, 365),
    "followup_contract_days": _Range(1, 3650),
    "churn_months": _Range(1, 120),
    "backup_keep_daily": _Range(1, 365),
    "backup_keep_monthly": _Range(0, 240),
}


def validate(values: dict) -> None:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not a setting: {sorted(unknown)}")
    if "name" in values and not str(values["name"]).strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The shop name is required: it heads every receipt."), field="name")
    for key, limits in _RANGES.items():
        if key in values:
            value = values[key]
            if not isinstance(value, int) or isinstance(value, bool) or not limits.low <= value <= limits.high:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "This setting must be a whole number from {low} to {high}."),
                    field=key, low=limits.low, high=limits.high,
                )
    if "receipt_layout" in values and values["receipt_layout"] not in LAYOUTS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown receipt layout."), field="receipt_layout")
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown time zone {zone}."), field="timezone", zone=values["timezone"])
    logo = values.get("logo_png")
    if logo is not None and len(logo) > MAX_LOGO_BYTES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The logo is too large (at most 512 KB)."), field="logo_png")


def update(actor: Actor, based_on_version: int, **values) -> ShopSettings:
    """Save changed settings; refused if another desk saved since ``based_on_version``."""
    actor.require("settings.edit")
    validate(values)
    with database.atomic():
        settings = current()
        changes = diff(settings, values)
        if not changes:
            return settings
        saved = save_changes(settings, based_on_version, {k: v for k, v in values.items() if k in changes}, actor)
        logged = {k: (["<logo>", "<logo>"] if k == "logo_png" else v) for k, v in changes.items()}
        audit(actor, "update", saved, logged, summary="shop settings")
        return saved
