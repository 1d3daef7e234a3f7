"""Customer files (客户档案): the customer, their devices, contracts and rentals,
the list, duplicates, archive and merge. Import and export live in
``shopdesk.services.customer_lists``.

Customers are never deleted: a file is archived (it leaves the default list,
stays searchable and keeps its history), or merged into the file that is
kept, which archives it with ``merged_into`` pointing at the survivor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from shopdesk.clock import local_today
from shopdesk.errors import NotFound, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import Customer, Device, RepairOrder, ServiceContract, ShopSettings, database
from shopdesk.models.customers import CONTRACT_KINDS, CUSTOMER_KINDS
from shopdesk.models.ledger import LedgerEntry
from shopdesk.rules import coverage
from shopdesk.rules import search as search_rules
from shopdesk.services import search
from shopdesk.services.context import Actor
from shopdesk.services.records import audit, diff, next_number, save_changes

EDITABLE = (
    "kind", "name", "company", "contact_person", "phone", "phone2", "email", "address", "region",
    "birthday", "birthday_is_lunar", "notes",
)
TEXT_FIELDS = ("name", "company", "contact_person", "phone", "phone2", "email", "address", "region", "notes")
SEARCHED = ("name", "company", "contact_person", "address", "phone", "phone2")

KIND_LABELS = {
    "walk_in": QT_TRANSLATE_NOOP("CustomerKinds", "Walk-in"),
    "contract": QT_TRANSLATE_NOOP("CustomerKinds", "Contract"),
    "rental": QT_TRANSLATE_NOOP("CustomerKinds", "Rental"),
}
CONTRACT_KIND_LABELS = {
    "service": QT_TRANSLATE_NOOP("CustomerKinds", "Service contract"),
    "rental": QT_TRANSLATE_NOOP("CustomerKinds", "Rental"),
}
DEVICE_CATEGORY_LABELS = {
    "copier": QT_TRANSLATE_NOOP("DeviceCategories", "Copier"),
    "printer": QT_TRANSLATE_NOOP("DeviceCategories", "Printer"),
    "multifunction": QT_TRANSLATE_NOOP("DeviceCategories", "Multifunction printer"),
    "scanner": QT_TRANSLATE_NOOP("DeviceCategories", "Scanner"),
    "fax": QT_TRANSLATE_NOOP("DeviceCategories", "Fax"),
    "computer": QT_TRANSLATE_NOOP("DeviceCategories", "Computer"),
    "other": QT_TRANSLATE_NOOP("DeviceCategories", "Other"),
}
DEVICE_CATEGORIES = tuple(DEVICE_CATEGORY_LABELS)
MAX_WARRANTY_MONTHS = 120
NAME_REQUIRED = QT_TRANSLATE_NOOP("Errors", "The customer's name is required.")
PHONE_REQUIRED = QT_TRANSLATE_NOOP("Errors", "At least one phone number is required.")


# -- reading ---------------------------------------------------------------------

def get(actor: Actor, customer_id: int) -> Customer:
    actor.require("customers.view")
    return _customer(customer_id)


def _customer(customer_id: int) -> Customer:
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Customer not found."))
    return customer


def by_number(actor: Actor, number: str) -> Customer:
    actor.require("customers.view")
    customer = Customer.get_or_none(Customer.number == search_rules.code_of(number))
    if customer is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no customer {number}."), number=number)
    return customer


# -- checking what was typed ------------------------------------------------------

def clean(values: dict[str, Any], current: Customer | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """``values`` stripped, normalised and checked (ValidationError names the field).

    ``current`` is the saved file when only some fields change: the name and
    phone rules apply to the file as it will be after the change.
    """
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not a customer field: {sorted(unknown)}")
    cleaned = {k: (str(v or "").strip() if k in TEXT_FIELDS else v) for k, v in values.items()}
    for key in ("phone", "phone2"):
        if key in cleaned:
            cleaned[key] = search_rules.check_phone(cleaned[key], field=key)
    if "email" in cleaned:
        cleaned["email"] = search_rules.check_email(cleaned["email"])
    after = {k: getattr(current, k) for k in EDITABLE} if current is not None else {}
    after.update(cleaned)
    if not after.get("name"):
        raise ValidationError(NAME_REQUIRED, field="name")
    if not (after.get("phone") or after.get("phone2")):
        raise ValidationError(PHONE_REQUIRED, field="phone")
    if after.get("kind", "walk_in") not in CUSTOMER_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown customer type {kind}."), field="kind", kind=after["kind"])
    if "birthday" in cleaned:
        _check_birthday(cleaned["birthday"], today)
    if "birthday_is_lunar" in cleaned:
        cleaned["birthday_is_lunar"] = bool(cleaned["birthday_is_lunar"])
    _check_lengths(Customer, cleaned)
    return cleaned


def _check_birthday(value, today: dt.date | None) -> None:
    if value is None:
        return
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The birthday is not a date."), field="birthday")
    if today is not None and value > today:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The birthday cannot be in the future."), field="birthday")


def _check_lengths(model: type[pw.Model], values: dict[str, Any]) -> None:
    for key, value in values.items():
        limit = getattr(model._meta.fields.get(key), "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Too long: at most {limit} characters."), field=key, limit=limit)


def _search_fields(values: dict[str, Any]) -> dict[str, str]:
    return {
        "search_text": search_rules.search_text(
            values.get("name", ""), values.get("company", ""), values.get("contact_person", ""), values.get("address", "")),
        "phone_digits": search_rules.phone_digits(values.get("phone", ""), values.get("phone2", "")),
    }


def _today(actor: Actor) -> dt.date:
    return local_today(actor.clock, ShopSettings.get_by_id(1).timezone)


# -- creating and changing a file ------------------------------------------------

def create(actor: Actor, **values) -> Customer:
    """A new customer file, numbered C000123 (numbers are never reused)."""
    actor.require("customers.edit")
    values.setdefault("kind", "walk_in")
    with database.atomic():
        cleaned = clean(values, today=_today(actor))
        return _insert(actor, cleaned, action="create")


def _insert(actor: Actor, cleaned: dict[str, Any], action: str) -> Customer:
    now = actor.clock.now()
    row = {k: cleaned.get(k, Customer._meta.fields[k].default) for k in EDITABLE}
    customer = Customer.create(
        number=f"{search_rules.CUSTOMER_PREFIX}{next_number('customer'):0{search_rules.CUSTOMER_NUMBER_DIGITS}d}",
        created_at=now, created_by=actor.staff, updated_at=now, updated_by_name=actor.name,
        **row, **_search_fields(row),
    )
    audit(actor, action, customer, {k: [None, v] for k, v in cleaned.items() if v not in ("", None, False)},
          summary=f"{customer.number} {customer.name}")
    return customer


def update(actor: Actor, customer_id: int, based_on_version: int, **changes) -> Customer:
    """Save changed fields of a file; StaleRecord if another desk saved it since."""
    actor.require("customers.edit")
    with database.atomic():
        customer = _customer(customer_id)
        cleaned = clean(changes, current=customer, today=_today(actor))
        changed = diff(customer, cleaned)
        if not changed:
            if customer.version != based_on_version:
                save_changes(customer, based_on_version, {}, actor)  # raises StaleRecord
            return customer
        values = {k: cleaned[k] for k in changed}
        if set(changed) & set(SEARCHED):
            after = {k: getattr(customer, k) for k in SEARCHED} | {k: v for k, v in cleaned.items() if k in SEARCHED}
            values.update(_search_fields(after))
        saved = save_changes(customer, based_on_version, values, actor)
        audit(actor, "update", saved, changed, summary=f"{saved.number} {saved.name}")
        return saved


@dataclass(frozen=True)
class Duplicate:
    customer_id: int
    number: str
    name: str
    company: str
    phone: str
    archived: bool
    reason: str  # "phone" | "name_company"


def likely_duplicates(actor: Actor, phone: str = "", name: str = "", company: str = "", phone2: str = "",
                      exclude_id: int | None = None) -> list[Duplicate]:
    """Files that are probably the same customer: the same phone, or the same name and company."""
    actor.require("customers.view")
    found: dict[int, Duplicate] = {}
    for digits in search_rules.phone_digits(phone, phone2).split():
        if len(digits) < 7:
            continue
        for row in Customer.select().where(Customer.id.in_(search.customers_with_phone(actor, digits))):
            found.setdefault(row.id, _duplicate(row, "phone"))
    name, company = (name or "").strip(), search_rules.fold(company).strip()
    if name and company:
        for row in Customer.select().where(Customer.name == name).limit(200):
            if search_rules.fold(row.company).strip() == company:
                found.setdefault(row.id, _duplicate(row, "name_company"))
    found.pop(exclude_id, None)
    return sorted(found.values(), key=lambda d: (d.archived, d.number))


def _duplicate(row: Customer, reason: str) -> Duplicate:
    return Duplicate(row.id, row.number, row.name, row.company, row.phone or row.phone2, bool(row.archived), reason)


# -- archive, never delete; merge --------------------------------------------------

def archive(actor: Actor, customer_id: int) -> Customer:
    return _set_archived(actor, customer_id, True)


def unarchive(actor: Actor, customer_id: int) -> Customer:
    return _set_archived(actor, customer_id, False)


def _set_archived(actor: Actor, customer_id: int, archived: bool) -> Customer:
    actor.require("customers.edit")
    with database.atomic():
        customer = _customer(customer_id)
        if customer.archived == archived:
            return customer
        if not archived and customer.merged_into_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "This file was merged into {number}: open that one instead."),
                number=customer.merged_into.number)
        saved = save_changes(customer, customer.version, {"archived": archived}, actor)
        audit(actor, "archive" if archived else "unarchive", saved, {"archived": [not archived, archived]},
              summary=f"{saved.number} {saved.name}")
        return saved


FILLED_FROM_DUPLICATE = ("company", "contact_person", "email", "address", "region", "birthday")


def merge(actor: Actor, keep_id: int, other_id: int) -> Customer:
    """Move everything of ``other`` (devices, contracts, orders, calls, complaints …)
    to ``keep``, fill ``keep``'s empty fields from it, and archive ``other``
    as merged into ``keep``. One transaction: all of it or nothing."""
    actor.require("customers.edit")
    if keep_id == other_id:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose two different customer files to merge."))
    with database.atomic():
        keep, other = _customer(keep_id), _customer(other_id)
        for customer in (keep, other):
            if customer.merged_into_id:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "{number} was already merged into another file."), number=customer.number)
        moved = _move_history(other, keep)
        values = _merged_values(keep, other)
        saved = save_changes(keep, keep.version, values, actor)
        save_changes(other, other.version, {"archived": True, "merged_into": keep.id, "open_order_count": 0}, actor)
        audit(actor, "merge", saved, {"merged_from": [None, other.number], **{k: v for k, v in moved.items() if v}},
              summary=f"{other.number} → {keep.number}")
        audit(actor, "merge", other, {"merged_into": [None, keep.number], "archived": [other.archived, True]},
              summary=f"{other.number} → {keep.number}")
        return saved


def _move_history(other: Customer, keep: Customer) -> dict[str, int]:
    """Point every record that belongs to ``other`` at ``keep``; counts per table."""
    moved = {}
    tables = set(database.get_tables())
    for fk in Customer._meta.backrefs:
        model = fk.model
        if model is LedgerEntry or model._meta.table_name not in tables:
            continue
        if fk is Customer.merged_into:
            count = Customer.update(merged_into=keep.id).where(Customer.merged_into == other.id).execute()
        elif _unique_with(model, fk):
            count = _move_one_by_one(model, fk, other, keep)
        else:
            count = model.update({fk: keep.id}).where(fk == other.id).execute()
        moved[model._meta.table_name] = count
    return moved


def _unique_with(model: type[pw.Model], fk: pw.ForeignKeyField) -> bool:
    return fk.unique or any(unique and fk.name in fields for fields, unique in model._meta.indexes)


def _move_one_by_one(model, fk, other: Customer, keep: Customer) -> int:
    """Rows that must stay unique per customer (a greeting per occasion): those
    the kept file already has stay with the archived one, as history."""
    count = 0
    for row in model.select(model._meta.primary_key).where(fk == other.id):
        try:
            with database.atomic():
                model.update({fk: keep.id}).where(model._meta.primary_key == row.get_id()).execute()
            count += 1
        except pw.IntegrityError:
            pass
    return count


def _merged_values(keep: Customer, other: Customer) -> dict[str, Any]:
    values: dict[str, Any] = {k: getattr(other, k) for k in FILLED_FROM_DUPLICATE
                              if not getattr(keep, k) and getattr(other, k)}
    if "birthday" in values:
        values["birthday_is_lunar"] = other.birthday_is_lunar
    keep_phones = search_rules.phone_digits(keep.phone, keep.phone2).split()
    spare = [p for p in (other.phone, other.phone2) if p and search_rules.digits_of(p) not in keep_phones]
    if spare and not keep.phone2:
        values["phone2"] = spare[0]
    elif spare and not keep.phone:
        values["phone"] = spare[0]
    if other.notes.strip():
        values["notes"] = (keep.notes.rstrip() + "\n" if keep.notes.strip() else "") + f"[{other.number}] {other.notes.strip()}"
    if keep.kind == "walk_in" and other.kind != "walk_in":
        values["kind"] = other.kind
    values["open_order_count"] = keep.open_order_count + other.open_order_count
    if other.last_order_at and (keep.last_order_at is None or other.last_order_at > keep.last_order_at):
        values["last_order_at"] = other.last_order_at
    after = {k: values.get(k, getattr(keep, k)) for k in SEARCHED}
    values.update(_search_fields(after))
    return values


# -- devices ---------------------------------------------------------------------

DEVICE_FIELDS = ("category", "brand", "model", "serial", "purchase_date", "warranty_months", "owned_by_shop",
                 "notes", "archived")


def add_device(actor: Actor, customer_id: int, **values) -> Device:
    actor.require("customers.edit")
    with database.atomic():
        customer = _customer(customer_id)
        cleaned = _clean_device(values, None, _today(actor))
        now = actor.clock.now()
        device = Device.create(customer=customer, created_at=now, updated_at=now, updated_by_name=actor.name, **cleaned)
        audit(actor, "create", device, {k: [None, v] for k, v in cleaned.items() if v not in ("", None, False, 0)},
              summary=f"{customer.number} {device.brand} {device.model} {device.serial}".strip())
        return device


def update_device(actor: Actor, device_id: int, based_on_version: int, **changes) -> Device:
    actor.require("customers.edit")
    with database.atomic():
        device = Device.get_or_none(Device.id == device_id)
        if device is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Device not found."))
        cleaned = _clean_device(changes, device, _today(actor))
        changed = diff(device, cleaned)
        if not changed:
            return device
        saved = save_changes(device, based_on_version, {k: cleaned[k] for k in changed} | _serial_key(cleaned), actor)
        audit(actor, "update", saved, changed, summary=f"{device.brand} {device.model} {device.serial}".strip())
        return saved


def _serial_key(cleaned: dict[str, Any]) -> dict[str, str]:
    return {"serial_key": search_rules.serial_key(cleaned["serial"])} if "serial" in cleaned else {}


def _clean_device(values: dict[str, Any], current: Device | None, today: dt.date) -> dict[str, Any]:
    unknown = set(values) - set(DEVICE_FIELDS)
    if unknown:
        raise ValueError(f"not a device field: {sorted(unknown)}")
    cleaned = {k: (str(v or "").strip() if k in ("category", "brand", "model", "serial", "notes") else v)
               for k, v in values.items()}
    after = {k: getattr(current, k) for k in DEVICE_FIELDS} if current is not None else {}
    after.update(cleaned)
    if not (after.get("brand") or after.get("model") or after.get("serial")):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the device's brand, model or serial."), field="brand")
    months = after.get("warranty_months") or 0
    if not isinstance(months, int) or isinstance(months, bool) or not 0 <= months <= MAX_WARRANTY_MONTHS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Warranty months must be a whole number from 0 to {high}."),
                              field="warranty_months", high=MAX_WARRANTY_MONTHS)
    purchased = after.get("purchase_date")
    if purchased is not None and (not isinstance(purchased, dt.date) or purchased > today):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The purchase date cannot be in the future."), field="purchase_date")
    if months and purchased is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A warranty needs the purchase date."), field="purchase_date")
    if "serial" in cleaned:
        cleaned["serial"] = " ".join(cleaned["serial"].split())
    cleaned.update(_serial_key(cleaned))
    if current is None:
        cleaned.setdefault("category", "copier")
    _check_lengths(Device, cleaned)
    return cleaned


# -- contracts and rentals ----------------------------------------------------------

CONTRACT_FIELDS = ("kind", "device_id", "starts_on", "ends_on", "covers_labour", "covers_parts", "covers_travel",
                   "monthly_fee", "pages_included", "price_per_page", "notes", "archived")
MONEY_FIELDS = ("monthly_fee", "price_per_page")


def add_contract(actor: Actor, customer_id: int, **values) -> ServiceContract:
    """A service contract (合同) or a rental (租抄), numbered K000123."""
    actor.require("customers.edit")
    with database.atomic():
        customer = _customer(customer_id)
        values.setdefault("kind", "service")
        cleaned = _clean_contract(values, None, customer)
        now = actor.clock.now()
        contract = ServiceContract.create(
            number=f"K{next_number('contract'):06d}", customer=customer, created_at=now, updated_at=now,
            updated_by_name=actor.name, **_contract_row(cleaned))
        audit(actor, "create", contract, {k: [None, v] for k, v in cleaned.items()},
              summary=f"{contract.number} {customer.number}")
        return contract


def update_contract(actor: Actor, contract_id: int, based_on_version: int, **changes) -> ServiceContract:
    actor.require("customers.edit")
    with database.atomic():
        contract = ServiceContract.get_or_none(ServiceContract.id == contract_id)
        if contract is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Contract not found."))
        cleaned = _clean_contract(changes, contract, contract.customer)
        row = _contract_row(cleaned)
        changed = diff(contract, row)
        if not changed:
            return contract
        saved = save_changes(contract, based_on_version, {k: row[k] for k in changed}, actor)
        audit(actor, "update", saved, changed, summary=contract.number)
        return saved


def _contract_row(cleaned: dict[str, Any]) -> dict[str, Any]:
    row = dict(cleaned)
    if "device_id" in row:
        row["device"] = row.pop("device_id")
    return row


def _clean_contract(values: dict[str, Any], current: ServiceContract | None, customer: Customer) -> dict[str, Any]:
    unknown = set(values) - set(CONTRACT_FIELDS)
    if unknown:
        raise ValueError(f"not a contract field: {sorted(unknown)}")
    cleaned = dict(values)
    if "notes" in cleaned:
        cleaned["notes"] = str(cleaned["notes"] or "").strip()
    after = {k: getattr(current, k) for k in CONTRACT_FIELDS} if current is not None else {}
    after.update(cleaned)
    if after.get("kind") not in CONTRACT_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown contract type {kind}."), field="kind", kind=after.get("kind"))
    starts, ends = after.get("starts_on"), after.get("ends_on")
    if not isinstance(starts, dt.date) or not isinstance(ends, dt.date):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the first and the last day of the contract."), field="starts_on")
    if ends < starts:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The contract ends before it starts."), field="ends_on")
    device_id = after.get("device_id")
    if device_id is not None and not Device.select().where((Device.id == device_id) & (Device.customer == customer.id)).exists():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "That device is not on this customer's file."), field="device_id")
    if after.get("kind") == "rental" and device_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A rental names the copier it rents out."), field="device_id")
    for key in (*MONEY_FIELDS, "pages_included"):
        value = after.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Fees, prices and page counts must be whole amounts of zero or more."),
                                  field=key)
    for key in ("covers_labour", "covers_parts", "covers_travel", "archived"):
        if key in cleaned:
            cleaned[key] = bool(cleaned[key])
    return cleaned


# -- the file, as the desk sees it -----------------------------------------------------

@dataclass(frozen=True)
class DeviceRow:
    id: int
    version: int
    category: str
    brand: str
    model: str
    serial: str
    purchase_date: dt.date | None
    warranty_months: int
    warranty_until: dt.date | None
    in_warranty: bool
    owned_by_shop: bool
    notes: str
    archived: bool

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.brand, self.model, self.serial) if p)


@dataclass(frozen=True)
class ContractRow:
    id: int
    version: int
    number: str
    kind: str
    device_id: int | None
    device_label: str
    starts_on: dt.date
    ends_on: dt.date
    covers_labour: bool
    covers_parts: bool
    covers_travel: bool
    monthly_fee: int
    pages_included: int
    price_per_page: int
    notes: str
    archived: bool
    status: str  # "upcoming" | "in_force" | "ended"


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    state: str
    reported_at: dt.datetime
    closed_at: dt.datetime | None
    device_label: str
    fault: str
    coverage: str


@dataclass
class CustomerFile:
    customer: Customer
    today: dt.date
    devices: list[DeviceRow] = field(default_factory=list)
    contracts: list[ContractRow] = field(default_factory=list)
    orders: list[OrderRow] = field(default_factory=list)
    order_count: int = 0
    merged_into_number: str = ""


def open_file(actor: Actor, customer_id: int, order_limit: int = 50) -> CustomerFile:
    """Everything the file view shows: details, devices, contracts, the latest orders (newest first)."""
    actor.require("customers.view")
    customer = _customer(customer_id)
    today = _today(actor)
    devices = [_device_row(d, today) for d in Device.select().where(Device.customer == customer.id).order_by(Device.id)]
    labels = {d.id: d.label for d in devices}
    contracts = [_contract_row_of(c, labels, today) for c in
                 ServiceContract.select().where(ServiceContract.customer == customer.id).order_by(ServiceContract.starts_on.desc())]
    orders = [
        OrderRow(o.id, o.number, o.state, o.reported_at, o.closed_at, labels.get(o.device_id, ""), o.fault, o.coverage)
        for o in RepairOrder.select(
            RepairOrder.id, RepairOrder.number, RepairOrder.state, RepairOrder.reported_at, RepairOrder.closed_at,
            RepairOrder.device, RepairOrder.fault, RepairOrder.coverage,
        ).where(RepairOrder.customer == customer.id).order_by(RepairOrder.reported_at.desc()).limit(order_limit)
    ]
    count = len(orders) if len(orders) < order_limit else RepairOrder.select().where(RepairOrder.customer == customer.id).count()
    merged_into = Customer.get_by_id(customer.merged_into_id).number if customer.merged_into_id else ""
    return CustomerFile(customer, today, devices, contracts, orders, count, merged_into)


def _device_row(d: Device, today: dt.date) -> DeviceRow:
    until = coverage.warranty_until(coverage.DeviceFacts(d.id, d.purchase_date, d.warranty_months, d.owned_by_shop))
    return DeviceRow(d.id, d.version, d.category, d.brand, d.model, d.serial, d.purchase_date, d.warranty_months,
                     until, until is not None and today <= until, d.owned_by_shop, d.notes, d.archived)


def _contract_row_of(c: ServiceContract, labels: dict[int, str], today: dt.date) -> ContractRow:
    status = "upcoming" if today < c.starts_on else "ended" if today > c.ends_on else "in_force"
    return ContractRow(c.id, c.version, c.number, c.kind, c.device_id, labels.get(c.device_id, ""), c.starts_on,
                       c.ends_on, c.covers_labour, c.covers_parts, c.covers_travel, c.monthly_fee, c.pages_included,
                       c.price_per_page, c.notes, c.archived, status)


# -- the list ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ListFilters:
    kind: str = ""  # "" = every type
    region: str = ""
    has_open_orders: bool = False
    include_archived: bool = False
    text: str = ""  # search text: the list shows what search finds, best first


SORT_COLUMNS = {
    "number": Customer.number, "name": Customer.name, "company": Customer.company, "phone": Customer.phone,
    "region": Customer.region, "kind": Customer.kind, "last_order_at": Customer.last_order_at,
    "open_orders": Customer.open_order_count,
}
SEARCH_LIST_LIMIT = 500


@dataclass(frozen=True)
class Sort:
    column: str = "number"
    descending: bool = False


@dataclass(frozen=True)
class CustomerRow:
    id: int
    number: str
    name: str
    company: str
    phone: str
    region: str
    kind: str
    last_order_at: dt.datetime | None
    open_orders: int
    archived: bool


_ROW_FIELDS = (Customer.id, Customer.number, Customer.name, Customer.company, Customer.phone, Customer.phone2,
               Customer.region, Customer.kind, Customer.last_order_at, Customer.open_order_count, Customer.archived)


def _where(filters: ListFilters):
    conditions = []
    if not filters.include_archived:
        conditions.append(Customer.archived == False)  # noqa: E712 - SQL, not Python truth
    if filters.kind:
        conditions.append(Customer.kind == filters.kind)
    if filters.region:
        conditions.append(Customer.region == filters.region)
    if filters.has_open_orders:
        conditions.append(Customer.open_order_count > 0)
    return conditions


def _order_by(sort: Sort):
    """Column then id, both ways, so the (archived, column) index gives the order as it is."""
    column = SORT_COLUMNS.get(sort.column)
    if column is None:
        raise ValueError(f"cannot sort by {sort.column!r}")
    if sort.descending:
        return [column.desc(nulls="LAST"), Customer.id.desc()]
    return [column.asc(), Customer.id]


def _ids(query: pw.ModelSelect) -> list[int]:
    # A raw cursor: 100k ids through peewee's row conversion would cost more than the query.
    return [r for (r,) in database.execute_sql(*query.sql()).fetchall()]


def list_ids(actor: Actor, filters: ListFilters = ListFilters(), sort: Sort | None = None) -> list[int]:
    """Ids of the customers the list shows, in order (rows are fetched by window with ``rows``)."""
    actor.require("customers.view")
    if filters.text.strip():
        return find_in_list(actor, filters, sort)[0]
    query = Customer.select(Customer.id)
    for condition in _where(filters):
        query = query.where(condition)
    return _ids(query.order_by(*_order_by(sort or Sort())))


def find_in_list(actor: Actor, filters: ListFilters, sort: Sort | None = None) -> tuple[list[int], dict[int, search.Hit]]:
    """What search finds for ``filters.text`` within the other filters: ids best first
    (or in ``sort`` order), and each customer's hit (what matched)."""
    actor.require("customers.view")
    hits = {}
    for hit in search.find(actor, filters.text, SEARCH_LIST_LIMIT, filters.include_archived):
        hits.setdefault(hit.customer_id, hit)
    if not hits:
        return [], {}
    query = Customer.select(Customer.id).where(Customer.id.in_(list(hits)))
    for condition in _where(filters):
        query = query.where(condition)
    if sort is None:
        kept = {r for (r,) in query.tuples()}
        ids = [i for i in hits if i in kept]
    else:
        ids = [r for (r,) in query.order_by(*_order_by(sort)).tuples()]
    return ids, {i: hits[i] for i in ids}


def rows(actor: Actor, ids: list[int]) -> list[CustomerRow]:
    """The list rows for ``ids``, in that order (one query)."""
    actor.require("customers.view")
    found = {}
    for start in range(0, len(ids), 500):
        for r in Customer.select(*_ROW_FIELDS).where(Customer.id.in_(ids[start:start + 500])).namedtuples():
            found[r.id] = CustomerRow(r.id, r.number, r.name, r.company, r.phone or r.phone2, r.region, r.kind,
                                      r.last_order_at, r.open_order_count, bool(r.archived))
    return [found[i] for i in ids if i in found]


def list_page(actor: Actor, filters: ListFilters = ListFilters(), sort: Sort | None = None, offset: int = 0,
              limit: int = 100) -> list[CustomerRow]:
    """One page of the list (SQL offset/limit; with search text, a page of the ranked hits)."""
    actor.require("customers.view")
    if filters.text.strip():
        return rows(actor, list_ids(actor, filters, sort)[offset:offset + limit])
    query = Customer.select(Customer.id)
    for condition in _where(filters):
        query = query.where(condition)
    ids = [r for (r,) in query.order_by(*_order_by(sort or Sort())).offset(offset).limit(limit).tuples()]
    return rows(actor, ids)


def count(actor: Actor, filters: ListFilters = ListFilters()) -> int:
    actor.require("customers.view")
    if filters.text.strip():
        return len(list_ids(actor, filters))
    query = Customer.select()
    for condition in _where(filters):
        query = query.where(condition)
    return query.count()


def regions(actor: Actor) -> list[str]:
    """The regions customers are in (for the filter)."""
    actor.require("customers.view")
    query = Customer.select(Customer.region).where(Customer.region != "").distinct().order_by(Customer.region)
    return [r for (r,) in query.tuples()]


def has_customers(actor: Actor) -> bool:
    actor.require("customers.view")
    return Customer.select().exists()
