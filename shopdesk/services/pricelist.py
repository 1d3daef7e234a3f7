"""The owner's price list: standard services and parts, with their points (分值).

Items are never deleted: an item no longer offered is deactivated, so old
orders that copied its code and price still read the same. Codes are stored
upper-case and never change. Changing a price changes future lines only.
"""

from __future__ import annotations

from shopdesk.errors import NotFound, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import PriceItem, database
from shopdesk.rules.pricing import require_cents, require_line_kind, require_points
from shopdesk.services.context import Actor
from shopdesk.services.records import audit, diff, save_changes

EDITABLE = ("name", "kind", "unit_price", "points")
MAX_CODE = 30
MAX_NAME = 120


def create_item(actor: Actor, code: str, name: str, kind: str, unit_price: int, points: int = 0) -> PriceItem:
    actor.require("pricelist.edit")
    code = _code(code)
    values = _validated({"name": name, "kind": kind, "unit_price": unit_price, "points": points})
    with database.atomic():
        if PriceItem.select().where(PriceItem.code == code).exists():
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Code {code} is already in the price list."), field="code", code=code)
        item = PriceItem.create(code=code, updated_at=actor.clock.now(), updated_by_name=actor.name, **values)
        audit(actor, "create", item, {k: [None, v] for k, v in values.items()}, summary=f"{code} {values['name']}")
        return item


def update_item(actor: Actor, item_id: int, based_on_version: int, **values) -> PriceItem:
    """Change name, kind, price or points; refused if another desk saved since ``based_on_version``."""
    actor.require("pricelist.edit")
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable on a price item: {sorted(unknown)}")
    values = _validated(values)
    with database.atomic():
        item = _item(item_id)
        changes = diff(item, values)
        if not changes:
            return item
        saved = save_changes(item, based_on_version, {k: values[k] for k in changes}, actor)
        audit(actor, "update", saved, changes, summary=f"{saved.code} {saved.name}")
        return saved


def deactivate_item(actor: Actor, item_id: int, based_on_version: int) -> PriceItem:
    return _set_active(actor, item_id, based_on_version, False)


def reactivate_item(actor: Actor, item_id: int, based_on_version: int) -> PriceItem:
    return _set_active(actor, item_id, based_on_version, True)


def _set_active(actor: Actor, item_id: int, based_on_version: int, active: bool) -> PriceItem:
    actor.require("pricelist.edit")
    with database.atomic():
        item = _item(item_id)
        if item.active == active:
            return item
        saved = save_changes(item, based_on_version, {"active": active}, actor)
        audit(actor, "update", saved, {"active": [item.active, active]}, summary=f"{saved.code} {saved.name}")
        return saved


def active_items(actor: Actor) -> list[PriceItem]:
    actor.require("orders.view")
    return list(PriceItem.select().where(PriceItem.active).order_by(PriceItem.code))


def search_items(actor: Actor, text: str, *, include_inactive: bool = False, limit: int = 50) -> list[PriceItem]:
    """Items whose code starts with ``text`` or whose name contains it (any case), codes first."""
    actor.require("orders.view")
    text = (text or "").strip()
    query = PriceItem.select()
    if text:
        query = query.where(PriceItem.code.startswith(text) | PriceItem.name.contains(text))
    if not include_inactive:
        query = query.where(PriceItem.active)
    return list(query.order_by(PriceItem.code).limit(limit))


def _item(item_id: int) -> PriceItem:
    item = PriceItem.get_or_none(PriceItem.id == item_id)
    if item is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "This price list item no longer exists."))
    return item


def _code(code: str) -> str:
    code = (code or "").strip().upper()
    if not code or len(code) > MAX_CODE or any(ch.isspace() for ch in code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A code is 1 to {high} characters without spaces."), field="code", high=MAX_CODE
        )
    return code


def _validated(values: dict) -> dict:
    values = dict(values)
    if "name" in values:
        values["name"] = (values["name"] or "").strip()
        if not values["name"] or len(values["name"]) > MAX_NAME:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A name is 1 to {high} characters."), field="name", high=MAX_NAME
            )
    if "kind" in values and require_line_kind(values["kind"]) == "discount":
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A discount is given on an order, not kept in the price list."), field="kind"
        )
    if "unit_price" in values:
        require_cents(values["unit_price"], field="unit_price")
    if "points" in values:
        require_points(values["points"])
    return values
