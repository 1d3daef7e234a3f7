"""Repair orders: intake, the workflow's actions, the boards, the work record, the day close.

The order's states and who may move it are ``shopdesk.rules.workflow``; this
module reads an order's facts, asks the rules for the step, saves it with the
version the person saw (``StaleRecord`` otherwise) and writes the order event
(who, when, from, to, note) and the audit row, all in one transaction.

Customer counters (``last_order_at``, ``open_order_count``) are kept in step
here without bumping the customer's version: they are not what a person edits,
and a desk editing the customer file must not be refused because an order
was written meanwhile.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import peewee as pw

from shopdesk import config
from shopdesk.clock import from_local, local_today, to_local
from shopdesk.errors import IllegalTransition, NotFound, PermissionDenied, StaleRecord, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import AuditEntry, Customer, Device, OrderEvent, RepairOrder, ShopSettings, Staff, database
from shopdesk.models.orders import CHANNELS, PRIORITIES, OrderPhoto
from shopdesk.rules import workflow
from shopdesk.rules.workflow import OrderFacts
from shopdesk.services.context import Actor
from shopdesk.services.records import audit, next_number, save_changes

from shopdesk.services import coverage as _coverage
from shopdesk.services import customers as _customers
from shopdesk.services import ledger as _ledger
from shopdesk.services import search as _customer_search

NUMBER_PREFIX = "R"
NUMBER_DIGITS = 7
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp")
MAX_PHOTO_BYTES = 20 * 1024 * 1024
BOARD_MAX_LIMIT = 500
DAY_BOARD_MAX = 1000
COLLECTION_METHODS = ("cash", "wechat", "alipay", "bank", "card")
INSPECTION_FEE_TEXT = "检测费 Inspection fee"
ASSIGNABLE_ROLES = workflow.TAKES_ORDERS
_LIMITS = {"reported_by": 80, "contact_phone": 40, "address": 250, "accessories": 2000, "condition": 2000,
           "fault": 4000, "diagnosis": 4000, "work_done": 4000}


# -- reading an order ------------------------------------------------------------

def facts_of(order: RepairOrder) -> OrderFacts:
    return OrderFacts(
        state=order.state, location=order.location, technician_id=order.technician_id,
        resume_state=order.resume_state, coverage=order.coverage, quote_state=order.quote_state,
        reported_at=order.reported_at, dispatched_at=order.dispatched_at, ready_at=order.ready_at,
    )


def get_order(actor: Actor, order_id: int) -> RepairOrder:
    _require_view(actor)
    order = RepairOrder.get_or_none(RepairOrder.id == order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Order not found."))
    _require_may_see(actor, order)
    return order


def find_order(actor: Actor, number: str) -> RepairOrder:
    """An order by its number as typed: ``R0000123``, ``r123`` or ``123``."""
    _require_view(actor)
    text = (number or "").strip().upper()
    digits = text[len(NUMBER_PREFIX):] if text.startswith(NUMBER_PREFIX) else text
    candidates = {text}
    if digits.isdigit():
        candidates.add(format_number(int(digits)))
    order = RepairOrder.get_or_none(RepairOrder.number.in_(sorted(candidates)))
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no order {number}."), number=number)
    _require_may_see(actor, order)
    return order


def format_number(value: int) -> str:
    return f"{NUMBER_PREFIX}{value:0{NUMBER_DIGITS}d}"


def allowed_actions(actor: Actor, order: RepairOrder) -> list[workflow.Action]:
    """What this person may do next on this order (for the order view's buttons)."""
    return workflow.allowed_actions(facts_of(order), actor.may, _staff_id(actor))


def assignable_staff(actor: Actor, roles: Sequence[str] = ASSIGNABLE_ROLES) -> list[Staff]:
    """Active staff with these roles, for the pickers and the day board."""
    _require_view(actor)
    query = Staff.select().where((Staff.active == True) & Staff.role.in_(list(roles)))  # noqa: E712
    return list(query.order_by(Staff.name, Staff.id))


# -- intake --------------------------------------------------------------------

def create_order(actor: Actor, customer_id: int, device_id: int | None = None, *, fault: str,
                 reported_by: str = "", contact_phone: str = "", channel: str = "phone",
                 location: str = workflow.ONSITE, address: str = "", priority: str = "normal",
                 accessories: str = "", condition: str = "", photos: Iterable[str | Path] = ()) -> RepairOrder:
    """Write a new repair order; its number is never reused.

    The contact, phone and address default to the customer's. An on-site
    order needs an address. The coverage is decided at once when the
    coverage service is installed.
    """
    actor.require("orders.create")
    values = _clean_intake(fault=fault, reported_by=reported_by, contact_phone=contact_phone, channel=channel,
                           location=location, address=address, priority=priority, accessories=accessories,
                           condition=condition)
    photo_paths = [_check_photo(Path(p)) for p in photos]
    copied: list[Path] = []
    try:
        with database.atomic():
            customer = _customer_for_order(customer_id)
            device = _device_for_order(customer, device_id)
            values["reported_by"] = values["reported_by"] or customer.contact_person or customer.name
            values["contact_phone"] = values["contact_phone"] or customer.phone
            values["address"] = values["address"] or customer.address
            if values["location"] == workflow.ONSITE and not values["address"]:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An on-site repair needs the address to go to."),
                                      field="address")
            now = actor.clock.now()
            state = workflow.initial_state(values["location"])
            order = RepairOrder.create(
                number=format_number(next_number("order")), customer=customer, device=device, state=state,
                region=customer.region, reported_at=now, created_at=now, created_by=actor.staff,
                updated_at=now, updated_by_name=actor.name, **values,
            )
            _event(actor, order, "transition", "", state, note=values["fault"][:200])
            Customer.update(last_order_at=now, open_order_count=Customer.open_order_count + 1).where(
                Customer.id == customer.id).execute()
            audit(actor, "create", order, {k: [None, v] for k, v in values.items()}, summary=order.number)
            for path in photo_paths:
                copied.append(_store_photo(actor, order, path))
            _coverage.check_coverage(actor, order.id)
            return RepairOrder.get_by_id(order.id)
    except BaseException:
        for path in copied:
            path.unlink(missing_ok=True)
        raise


def _clean_intake(**values: str) -> dict[str, str]:
    cleaned = {k: (v or "").strip() for k, v in values.items()}
    if not cleaned["fault"]:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Describe the fault the customer reports."), field="fault")
    for name, limit in _LIMITS.items():
        if name in cleaned and len(cleaned[name]) > limit:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "At most {high} characters."), field=name, high=limit)
    if cleaned["channel"] not in CHANNELS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown channel {channel}."), field="channel",
                              channel=cleaned["channel"])
    if cleaned["priority"] not in PRIORITIES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown priority {priority}."), field="priority",
                              priority=cleaned["priority"])
    workflow.initial_state(cleaned["location"])  # refuses an unknown location
    return cleaned


def _customer_for_order(customer_id: int) -> Customer:
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Customer not found."))
    if customer.archived:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Customer {number} is archived: restore the file first."),
                              field="customer", number=customer.number)
    return customer


def _device_for_order(customer: Customer, device_id: int | None) -> Device | None:
    if device_id is None:
        return None
    device = Device.get_or_none(Device.id == device_id)
    if device is None or device.customer_id != customer.id:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This device is not one of the customer's."),
                              field="device")
    return device


# -- photos --------------------------------------------------------------------

def add_photo(actor: Actor, order_id: int, path: str | Path) -> OrderPhoto:
    """Copy a photo into the data folder and attach it to the order."""
    source = _check_photo(Path(path))
    copied = None
    try:
        with database.atomic():
            order = _order_for_change(order_id)
            if not (actor.may("orders.edit") or _is_own(actor, order) and actor.may("work.record")):
                raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "You may not add photos to order {number}."),
                                       number=order.number)
            copied = _store_photo(actor, order, source)
            return OrderPhoto.get(OrderPhoto.path == photo_relative(copied))
    except BaseException:
        if copied is not None:
            copied.unlink(missing_ok=True)
        raise


def photos(actor: Actor, order_id: int) -> list[Path]:
    """The order's photos as absolute file paths, oldest first."""
    order = get_order(actor, order_id)
    rows = OrderPhoto.select().where(OrderPhoto.order == order.id).order_by(OrderPhoto.id)
    return [config.data_dir() / row.path for row in rows]


def photo_relative(path: Path) -> str:
    return path.relative_to(config.data_dir()).as_posix()


def _check_photo(path: Path) -> Path:
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{name} is not a photo (JPEG, PNG, BMP, GIF or WebP)."),
                              field="photos", name=path.name)
    if not path.is_file():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The file {name} cannot be found."), field="photos",
                              name=path.name)
    if path.stat().st_size > MAX_PHOTO_BYTES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{name} is too large (at most 20 MB)."), field="photos",
                              name=path.name)
    return path


def _store_photo(actor: Actor, order: RepairOrder, source: Path) -> Path:
    folder = config.data_dir() / "photos" / order.number
    folder.mkdir(parents=True, exist_ok=True)
    seq = OrderPhoto.select().where(OrderPhoto.order == order.id).count() + 1
    target = folder / f"{seq:03d}{source.suffix.lower()}"
    while target.exists():
        seq += 1
        target = folder / f"{seq:03d}{source.suffix.lower()}"
    shutil.copyfile(source, target)
    OrderPhoto.create(order=order, path=photo_relative(target), original_name=source.name[:250],
                      added_at=actor.clock.now(), added_by=actor.staff)
    _event(actor, order, "photo", order.state, order.state, note=source.name)
    return target


# -- the workflow ---------------------------------------------------------------

def act(actor: Actor, order_id: int, action: str, based_on_version: int, **inputs: Any) -> RepairOrder:
    """Apply a workflow action to the order, as of the version the person saw.

    Raises ``StaleRecord`` if another desk saved the order since, and what the
    rules raise (``IllegalTransition``, ``PermissionDenied``,
    ``ValidationError``); a refusal changes nothing.
    """
    with database.atomic():
        order = _order_for_update(order_id)
        _check_version(order, based_on_version)
        step = workflow.plan(facts_of(order), action, inputs, actor.clock.now(), actor.may, _staff_id(actor))
        _check_staff_inputs(step)
        saved = save_changes(order, based_on_version, step.changes, actor)
        _event(actor, saved, step.event_kind, step.from_state, step.to_state, note=step.note,
               data=dict(step.data, action=step.action))
        if workflow.is_open(step.from_state) and not workflow.is_open(step.to_state):
            Customer.update(open_order_count=Customer.open_order_count - 1).where(
                (Customer.id == saved.customer_id) & (Customer.open_order_count > 0)).execute()
        if step.action == "decline_quote" and step.data.get("inspection_fee"):
            _add_line(actor, saved, "other", INSPECTION_FEE_TEXT, 1, step.data["inspection_fee"])
        if step.to_state in _FEES_FINAL_STATES and step.to_state != step.from_state:
            _post_charge(actor, saved)
        changed = {k: [_plain(_stored(order, k)), _plain(v)] for k, v in step.changes.items()}
        audit(actor, "transition", saved, changed,
              summary=f"{saved.number}: {step.action} {step.from_state} → {step.to_state}")
        return RepairOrder.get_by_id(saved.id)


ASSIGN_ACTIONS = ("assign", "dispatch_to_technician", "reassign")


def assign_technician(actor: Actor, order_id: int, based_on_version: int, technician_id: int,
                      note: str = "") -> RepairOrder:
    """Give the order to a technician, whatever its step (the day board's drag-and-drop and picker).

    Uses the first of assign / dispatch straight to the technician / reassign
    that the order's state and this person's role allow.
    """
    with database.atomic():
        order = _order_for_update(order_id)
        _check_version(order, based_on_version)
        names = {a.name for a in workflow.allowed_actions(facts_of(order), actor.may, _staff_id(actor))}
        for name in ASSIGN_ACTIONS:
            if name in names:
                return act(actor, order_id, name, based_on_version, technician=technician_id, note=note)
        possible = {a.name for a in workflow.allowed_actions(facts_of(order))}
        if possible & set(ASSIGN_ACTIONS):
            raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "You may not assign order {number}."),
                                   number=order.number)
        raise IllegalTransition(
            QT_TRANSLATE_NOOP("Errors", "Order {number} cannot be given to a technician while it is “{state}”."),
            number=order.number, state=order.state)


def _check_staff_inputs(step: workflow.Step) -> None:
    act = workflow.action(step.action)
    for spec in act.inputs:
        if spec.kind != "staff" or step.data.get(spec.name) is None:
            continue
        staff = Staff.get_or_none(Staff.id == step.data[spec.name])
        if staff is None or not staff.active or (spec.roles and staff.role not in spec.roles):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Pick an active team member who can take this order."),
                                  field=spec.name)


# -- the technician's work record -------------------------------------------------

@dataclass(frozen=True)
class PartUsed:
    description: str
    quantity: int = 1
    unit_price: int = 0  # cents
    code: str = ""


def record_work(actor: Actor, order_id: int, diagnosis: str = "", work_done: str = "",
                parts: Iterable[PartUsed | dict] = (), travel_km: int = 0, fee_collected: int = 0,
                method: str = "", based_on_version: int | None = None) -> RepairOrder:
    """Diagnosis, work done, parts used, on-site travel and the fee collected on the spot.

    Parts become charge lines (covered or charged by the order's coverage);
    the fee collected is posted to the ledger when the ledger service is
    installed, and is always recorded on the order event.
    """
    actor.require("work.record")
    parts = [p if isinstance(p, PartUsed) else PartUsed(**p) for p in parts]
    texts = {"diagnosis": (diagnosis or "").strip(), "work_done": (work_done or "").strip()}
    for name, value in texts.items():
        if len(value) > _LIMITS[name]:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "At most {high} characters."), field=name,
                                  high=_LIMITS[name])
    _check_whole(travel_km, "travel_km", 0, 10_000)
    _check_whole(fee_collected, "fee_collected", 0, 100_000_000_00)
    if fee_collected and method not in COLLECTION_METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Say how the fee was paid."), field="method")
    with database.atomic():
        order = _order_for_update(order_id)
        if not workflow.is_open(order.state):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Order {number} is finished: its work record is kept as it was."),
                                  number=order.number)
        if not actor.may("orders.transition") and not _is_own(actor, order):
            raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Only the technician of order {number} may record its work."),
                                   number=order.number)
        version = order.version if based_on_version is None else based_on_version
        _check_version(order, version)
        changes = {k: v for k, v in dict(texts, travel_km=travel_km).items() if getattr(order, k) != v}
        saved = save_changes(order, version, changes, actor) if changes else order
        for part in parts:
            _add_line(actor, saved, "part", part.description, part.quantity, part.unit_price, part.code)
        posted = False
        if fee_collected:
            posted = _post_collection(actor, saved, fee_collected, method)
        data = {"diagnosis": texts["diagnosis"], "work_done": texts["work_done"], "travel_km": travel_km,
                "parts": [part.__dict__ for part in parts], "fee_collected": fee_collected, "method": method,
                "posted_to_ledger": posted}
        _event(actor, saved, "work", saved.state, saved.state, note=texts["work_done"] or texts["diagnosis"], data=data)
        audit(actor, "work", saved, {k: [getattr(order, k), v] for k, v in changes.items()},
              summary=f"{saved.number}: work record")
        return RepairOrder.get_by_id(saved.id)


def _check_whole(value: Any, name: str, low: int, high: int) -> None:
    if isinstance(value, float):
        raise TypeError(f"{name} must be an int")
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "{field} must be a whole number from {low} to {high}."),
                              field=name, low=low, high=high)


def _add_line(actor: Actor, order: RepairOrder, kind: str, description: str, quantity: int, unit_price: int,
              code: str = "") -> None:
    _coverage.add_line(actor, order.id, kind, description, quantity, unit_price, code=code)


def _post_collection(actor: Actor, order: RepairOrder, amount: int, method: str) -> bool:
    """The fee the order's technician collected on the spot, into the ledger."""
    _ledger.record_collection(actor, order.id, amount, method, technician_id=order.technician_id)
    return True


# When the work is over (and again at the close) the order's fees are final:
# the ledger's charge is made equal to what the customer pays.
_FEES_FINAL_STATES = frozenset({workflow.RESOLVED, workflow.READY_FOR_PICKUP, workflow.QUOTE_DECLINED,
                                workflow.CLOSED})


def _post_charge(actor: Actor, order: RepairOrder) -> None:
    _ledger.record_charge(actor, order.id, _coverage.order_totals(order.id).to_pay)


# -- boards ------------------------------------------------------------------------

@dataclass(frozen=True)
class BoardFilter:
    """What the board shows: open orders, narrowed down."""

    states: tuple[str, ...] = ()  # empty: every open state
    technician_id: int | None = None
    unassigned: bool = False
    region: str = ""
    overdue_only: bool = False
    unclaimed_only: bool = False  # bench devices ready for pickup for ``pickup_reminder_days`` or more
    location: str = ""


@dataclass(frozen=True)
class BoardRow:
    id: int
    number: str
    state: str
    location: str
    priority: str
    customer: str
    device: str
    fault: str
    technician_id: int | None
    technician: str
    region: str
    reported_at: dt.datetime
    dispatched_at: dt.datetime | None
    appointment_at: dt.datetime | None
    carried_over_on: dt.date | None
    version: int
    overdue: frozenset[str] = frozenset()
    done: bool = False


@dataclass(frozen=True)
class BoardPage:
    rows: list[BoardRow]
    total: int


def board(actor: Actor, filters: BoardFilter = BoardFilter(), offset: int = 0, limit: int = 100,
          now: dt.datetime | None = None) -> BoardPage:
    """One page of open orders: carried-over first, then urgent, then oldest report."""
    _require_view(actor)
    if not 0 < limit <= BOARD_MAX_LIMIT or offset < 0:
        raise ValueError("0 < limit <= 500 and offset >= 0")
    now = now or actor.clock.now()
    settings = ShopSettings.get_by_id(1)
    where = _board_where(filters, now, settings)
    total = RepairOrder.select(pw.fn.COUNT(pw.SQL("*"))).where(where).scalar()
    ids = RepairOrder.select(RepairOrder.id).where(where).order_by(*_BOARD_ORDER).offset(offset).limit(limit)
    return BoardPage(_rows_for([i for (i,) in ids.tuples()], now, settings), total)


def overdue_count(actor: Actor, now: dt.datetime | None = None) -> int:
    """How many on-site orders are past their dispatch or assignment limit."""
    _require_view(actor)
    now = now or actor.clock.now()
    settings = ShopSettings.get_by_id(1)
    return RepairOrder.select(pw.fn.COUNT(pw.SQL("*"))).where(_overdue_where(now, settings)).scalar()


def my_orders(actor: Actor, limit: int = 200) -> list[BoardRow]:
    """The signed-in technician's open orders."""
    actor.require("orders.view_own")
    if actor.staff is None:
        return []
    return board(actor, BoardFilter(technician_id=actor.staff.id), 0, min(limit, BOARD_MAX_LIMIT)).rows


def unclaimed_devices(actor: Actor, now: dt.datetime | None = None) -> list[BoardRow]:
    """Bench devices ready for pickup for ``pickup_reminder_days`` days or more, oldest first."""
    _require_view(actor)
    now = now or actor.clock.now()
    settings = ShopSettings.get_by_id(1)
    cutoff = workflow.unclaimed_cutoff(now, settings.pickup_reminder_days)
    ids = RepairOrder.select(RepairOrder.id).where(
        (RepairOrder.state == workflow.READY_FOR_PICKUP) & (RepairOrder.ready_at <= cutoff)
    ).order_by(RepairOrder.ready_at, RepairOrder.id).limit(BOARD_MAX_LIMIT)
    return _rows_for([i for (i,) in ids.tuples()], now, settings)


_BOARD_ORDER = (RepairOrder.carried_over_on.is_null(), RepairOrder.priority != "urgent", RepairOrder.reported_at,
                RepairOrder.id)


def _board_where(filters: BoardFilter, now: dt.datetime, settings: ShopSettings):
    states = [s for s in (filters.states or workflow.OPEN_STATES) if s in workflow.OPEN_STATES]
    where = RepairOrder.state.in_(states or ["-"])
    if filters.technician_id is not None:
        where &= RepairOrder.technician == filters.technician_id
    elif filters.unassigned:
        where &= RepairOrder.technician.is_null()
    if filters.region.strip():
        where &= RepairOrder.region == filters.region.strip()
    if filters.location:
        where &= RepairOrder.location == filters.location
    if filters.overdue_only:
        where &= _overdue_where(now, settings)
    if filters.unclaimed_only:
        where &= (RepairOrder.state == workflow.READY_FOR_PICKUP) & (
            RepairOrder.ready_at <= workflow.unclaimed_cutoff(now, settings.pickup_reminder_days))
    return where


def _overdue_where(now: dt.datetime, settings: ShopSettings):
    clauses = None
    for deadline in workflow.deadlines(now, settings.dispatch_limit_minutes, settings.assign_limit_minutes):
        clause = ((RepairOrder.state == deadline.state) & (RepairOrder.location == deadline.location)
                  & (getattr(RepairOrder, deadline.since) < deadline.cutoff))
        clauses = clause if clauses is None else clauses | clause
    return clauses


_ROW_COLUMNS = (
    RepairOrder.id, RepairOrder.number, RepairOrder.state, RepairOrder.location, RepairOrder.priority,
    RepairOrder.fault, RepairOrder.technician.alias("technician_id"), RepairOrder.region, RepairOrder.reported_at,
    RepairOrder.dispatched_at, RepairOrder.appointment_at, RepairOrder.carried_over_on, RepairOrder.version,
    RepairOrder.resume_state, RepairOrder.coverage, RepairOrder.quote_state, RepairOrder.ready_at,
    Customer.name.alias("customer_name"), Customer.company.alias("customer_company"),
    Device.brand.alias("device_brand"), Device.model.alias("device_model"), Staff.name.alias("technician_name"),
)


def _row_query():
    """Board rows in one query: the order with its customer, device and technician names."""
    return (RepairOrder.select(*_ROW_COLUMNS)
            .join(Customer, on=(RepairOrder.customer == Customer.id))
            .switch(RepairOrder).join(Device, pw.JOIN.LEFT_OUTER, on=(RepairOrder.device == Device.id))
            .switch(RepairOrder).join(Staff, pw.JOIN.LEFT_OUTER, on=(RepairOrder.technician == Staff.id))
            .dicts())


def _rows_for(ids: list[int], now: dt.datetime, settings: ShopSettings) -> list[BoardRow]:
    """Board rows for these order ids, in this order.

    The ids are chosen first on the order table alone (its state index), the
    names joined for that page only: a join in the same query can lead the
    planner to walk every customer instead.
    """
    if not ids:
        return []
    by_id = {row.id: row for row in _rows(_row_query().where(RepairOrder.id.in_(ids)), now, settings)}
    return [by_id[i] for i in ids if i in by_id]


def _rows(query, now: dt.datetime, settings: ShopSettings) -> list[BoardRow]:
    rows = []
    for r in query:
        facts = OrderFacts(r["state"], r["location"], r["technician_id"], r["resume_state"], r["coverage"],
                           r["quote_state"], r["reported_at"], r["dispatched_at"], r["ready_at"])
        late = workflow.overdue(facts, now, settings.dispatch_limit_minutes, settings.assign_limit_minutes)
        rows.append(BoardRow(
            id=r["id"], number=r["number"], state=r["state"], location=r["location"], priority=r["priority"],
            customer=_customer_label(r["customer_name"], r["customer_company"]),
            device=" ".join(x for x in (r["device_brand"], r["device_model"]) if x),
            fault=r["fault"], technician_id=r["technician_id"], technician=r["technician_name"] or "",
            region=r["region"], reported_at=r["reported_at"], dispatched_at=r["dispatched_at"],
            appointment_at=r["appointment_at"], carried_over_on=r["carried_over_on"], version=r["version"],
            overdue=frozenset(late), done=r["state"] in workflow.WORK_DONE_STATES,
        ))
    return rows


def _customer_label(name: str, company: str) -> str:
    if company and company != name:
        return f"{company} · {name}"
    return name


# -- the day board and the day close ------------------------------------------------

@dataclass(frozen=True)
class TechnicianDay:
    staff_id: int | None  # None: not yet with a technician
    name: str
    rows: list[BoardRow] = field(default_factory=list)

    @property
    def done(self) -> list[BoardRow]:
        return [r for r in self.rows if r.done]

    @property
    def not_done(self) -> list[BoardRow]:
        return [r for r in self.rows if not r.done]


@dataclass(frozen=True)
class DayBoard:
    day: dt.date
    groups: list[TechnicianDay]
    closed: bool = False  # the day was closed already (by whom, when: in ``closed_by``)
    closed_by: str = ""


def day_board(actor: Actor, day: dt.date | None = None) -> DayBoard:
    """The team lead's day: per technician, the orders done that day and those still open.

    Orders carried over from an earlier day come first; the first group holds
    orders not yet with a technician.
    """
    _require_view(actor)
    settings = ShopSettings.get_by_id(1)
    day = day or local_today(actor.clock, settings.timezone)
    now = actor.clock.now()
    start, end = _day_bounds(day, settings.timezone)
    done_where = (RepairOrder.resolved_at >= start) & (RepairOrder.resolved_at < end) & \
        RepairOrder.state.in_(sorted(workflow.WORK_DONE_STATES))
    open_where = RepairOrder.state.in_([s for s in workflow.OPEN_STATES if s not in workflow.WORK_DONE_STATES])
    done_ids = RepairOrder.select(RepairOrder.id).where(done_where).order_by(RepairOrder.resolved_at, RepairOrder.id)
    open_ids = RepairOrder.select(RepairOrder.id).where(open_where).order_by(*_BOARD_ORDER)
    done = _rows_for([i for (i,) in done_ids.limit(DAY_BOARD_MAX).tuples()], now, settings)
    still_open = _rows_for([i for (i,) in open_ids.limit(DAY_BOARD_MAX).tuples()], now, settings)
    groups: dict[int | None, TechnicianDay] = {None: TechnicianDay(None, "")}
    for staff in assignable_staff(actor):
        groups[staff.id] = TechnicianDay(staff.id, staff.name)
    for row in still_open + done:
        group = groups.get(row.technician_id)
        if group is None:
            group = groups[row.technician_id] = TechnicianDay(row.technician_id, row.technician)
        group.rows.append(row)
    closing = _day_close_entry(day)
    return DayBoard(day, list(groups.values()), closing is not None, closing.staff.name if closing and closing.staff else "")


@dataclass(frozen=True)
class DaySummaryLine:
    staff_id: int | None
    name: str
    done: list[str]
    not_done: list[str]


@dataclass(frozen=True)
class DaySummary:
    day: dt.date
    lines: list[DaySummaryLine]
    carried_over: int


def day_summary(actor: Actor, day: dt.date | None = None) -> DaySummary:
    """What closing ``day`` would report: done and not done per technician."""
    board_ = day_board(actor, day)
    lines = [DaySummaryLine(g.staff_id, g.name, [r.number for r in g.done], [r.number for r in g.not_done])
             for g in board_.groups if g.rows]
    return DaySummary(board_.day, lines, sum(len(line.not_done) for line in lines))


def close_day(actor: Actor, day: dt.date | None = None) -> DaySummary:
    """Close the day: unfinished orders are carried over (listed first the next day)."""
    actor.require("day.close")
    with database.atomic():
        summary = day_summary(actor, day)
        numbers = [n for line in summary.lines for n in line.not_done]
        now = actor.clock.now()
        for chunk in _chunks(numbers, 500):
            ids = [o.id for o in RepairOrder.select(RepairOrder.id, RepairOrder.state).where(RepairOrder.number.in_(chunk))]
            RepairOrder.update(carried_over_on=summary.day).where(RepairOrder.id.in_(ids)).execute()
            states = dict(RepairOrder.select(RepairOrder.id, RepairOrder.state).where(RepairOrder.id.in_(ids)).tuples())
            OrderEvent.insert_many([
                {"order": oid, "at": now, "staff": actor.staff, "kind": "carry_over", "from_state": states[oid],
                 "to_state": states[oid], "note": summary.day.isoformat(), "data": ""} for oid in ids
            ]).execute()
        AuditEntry.create(
            at=now, staff=actor.staff, action="close_day", record_type="Day", record_id=summary.day.isoformat(),
            summary=f"{summary.day.isoformat()}: {sum(len(x.done) for x in summary.lines)} done, "
                    f"{summary.carried_over} carried over",
            changes=json.dumps({line.name or "-": {"done": line.done, "not_done": line.not_done}
                                for line in summary.lines}, ensure_ascii=False),
        )
        return summary


def _day_close_entry(day: dt.date) -> AuditEntry | None:
    return (AuditEntry.select().where((AuditEntry.record_type == "Day") & (AuditEntry.record_id == day.isoformat())
                                      & (AuditEntry.action == "close_day"))
            .order_by(AuditEntry.id.desc()).first())


def _day_bounds(day: dt.date, tz: str) -> tuple[dt.datetime, dt.datetime]:
    start = from_local(dt.datetime.combine(day, dt.time()), tz)
    end = from_local(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()), tz)
    return start, end


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- the timeline --------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    staff: str
    kind: str
    from_state: str
    to_state: str
    note: str
    data: dict


def timeline(actor: Actor, order_id: int) -> list[TimelineEntry]:
    """The order's events, oldest first."""
    order = get_order(actor, order_id)
    query = (OrderEvent.select(OrderEvent.at, OrderEvent.kind, OrderEvent.from_state, OrderEvent.to_state,
                               OrderEvent.note, OrderEvent.data, Staff.name.alias("staff_name"))
             .join(Staff, pw.JOIN.LEFT_OUTER, on=(OrderEvent.staff == Staff.id))
             .where(OrderEvent.order == order.id).order_by(OrderEvent.at, OrderEvent.id).dicts())
    entries = []
    for event in query:
        try:
            data = json.loads(event["data"]) if event["data"] else {}
        except ValueError:
            data = {}
        entries.append(TimelineEntry(event["at"], event["staff_name"] or "", event["kind"], event["from_state"],
                                     event["to_state"], event["note"], data))
    return entries


# -- the order view ---------------------------------------------------------------------

@dataclass(frozen=True)
class OrderView:
    """Everything the order window shows, read at once."""

    order: RepairOrder
    customer: str
    customer_number: str
    device: str
    serial: str
    technician: str
    dispatched_to: str
    photos: list[Path]
    timeline: list[TimelineEntry]
    actions: list[workflow.Action]
    overdue: frozenset[str]
    may_record_work: bool
    may_add_photos: bool


def order_view(actor: Actor, order_id: int) -> OrderView:
    order = get_order(actor, order_id)
    settings = ShopSettings.get_by_id(1)
    customer = Customer.get_by_id(order.customer_id)
    device = Device.get_or_none(Device.id == order.device_id) if order.device_id else None
    names = dict(Staff.select(Staff.id, Staff.name).where(
        Staff.id.in_([i for i in (order.technician_id, order.dispatched_to_id) if i])).tuples())
    is_open = workflow.is_open(order.state)
    own_or_desk = actor.may("orders.transition") or _is_own(actor, order)
    return OrderView(
        order=order,
        customer=_customer_label(customer.name, customer.company),
        customer_number=customer.number,
        device=" ".join(x for x in (device.brand, device.model) if x) if device else "",
        serial=device.serial if device else "",
        technician=names.get(order.technician_id, ""),
        dispatched_to=names.get(order.dispatched_to_id, ""),
        photos=photos(actor, order.id),
        timeline=timeline(actor, order.id),
        actions=allowed_actions(actor, order),
        overdue=frozenset(workflow.overdue(facts_of(order), actor.clock.now(), settings.dispatch_limit_minutes,
                                           settings.assign_limit_minutes)),
        may_record_work=is_open and actor.may("work.record") and own_or_desk,
        may_add_photos=is_open and (actor.may("orders.edit") or (actor.may("work.record") and _is_own(actor, order))),
    )


# -- customers for the intake ----------------------------------------------------------

@dataclass(frozen=True)
class CustomerChoice:
    id: int
    number: str
    name: str
    company: str
    phone: str


def find_customers(actor: Actor, text: str, limit: int = 20) -> list[CustomerChoice]:
    """Customers for the intake picker: those matching what was typed (the customer search:
    name, pinyin, phone fragment, number, serial), or the most recent ones."""
    actor.require("customers.view")
    text = (text or "").strip()
    if text:
        return [CustomerChoice(h.customer_id, h.number, h.name, h.company, h.phone)
                for h in _customer_search.find(actor, text, limit=limit)]
    query = Customer.select().where(~Customer.archived)
    query = query.order_by(Customer.last_order_at.desc(nulls="LAST"), Customer.id.desc()).limit(limit)
    return [CustomerChoice(c.id, c.number, c.name, c.company, c.phone) for c in query]


def get_customer(actor: Actor, customer_id: int) -> Customer:
    actor.require("customers.view")
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Customer not found."))
    return customer


def customer_devices(actor: Actor, customer_id: int) -> list[Device]:
    actor.require("customers.view")
    return list(Device.select().where((Device.customer == customer_id) & ~Device.archived).order_by(Device.id))


def quick_customer(actor: Actor, name: str, phone: str = "", address: str = "", company: str = "") -> Customer:
    """A new customer file with what the intake needs (the full file is edited under Customers)."""
    actor.require("customers.edit")
    values = {"name": (name or "").strip(), "phone": (phone or "").strip(), "address": (address or "").strip(),
              "company": (company or "").strip()}
    if not values["name"]:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The customer's name is required."), field="name")
    return _customers.create(actor, **values)


def quick_device(actor: Actor, customer_id: int, brand: str = "", model: str = "", serial: str = "",
                 category: str = "copier") -> Device:
    """A new device on the customer's file, from the intake."""
    actor.require("customers.edit")
    values = {"brand": (brand or "").strip(), "model": (model or "").strip(), "serial": (serial or "").strip(),
              "category": (category or "copier").strip()}
    if not (values["brand"] or values["model"] or values["serial"]):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the device's brand, model or serial."), field="device")
    return _customers.add_device(actor, customer_id, **values)


# -- helpers ---------------------------------------------------------------------------

def _staff_id(actor: Actor) -> int | None:
    return actor.staff.id if actor.staff is not None else None


def _is_own(actor: Actor, order: RepairOrder) -> bool:
    return actor.staff is not None and order.technician_id == actor.staff.id


def _require_view(actor: Actor) -> None:
    if not actor.may("orders.view"):
        actor.require("orders.view_own")


def _require_may_see(actor: Actor, order: RepairOrder) -> None:
    if not actor.may("orders.view") and not _is_own(actor, order):
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "Order {number} is not one of yours."), number=order.number)


def _order_for_update(order_id: int) -> RepairOrder:
    """The order, locked against other desks until the transaction ends."""
    query = RepairOrder.select().where(RepairOrder.id == order_id)
    if database.for_update:  # PostgreSQL; SQLite write transactions are already exclusive
        query = query.for_update()
    order = query.first()
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Order not found."))
    return order


def _order_for_change(order_id: int) -> RepairOrder:
    order = _order_for_update(order_id)
    if not workflow.is_open(order.state):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Order {number} is finished and no longer changes."),
                              number=order.number)
    return order


def _check_version(order: RepairOrder, based_on_version: int) -> None:
    if order.version != based_on_version:
        tz = ShopSettings.get_by_id(1).timezone
        at = to_local(order.updated_at, tz).strftime("%H:%M") if order.updated_at else "?"
        raise StaleRecord(order.updated_by_name or "?", at)


def _event(actor: Actor, order: RepairOrder, kind: str, from_state: str, to_state: str, note: str = "",
           data: dict | None = None) -> OrderEvent:
    return OrderEvent.create(order=order, at=actor.clock.now(), staff=actor.staff, kind=kind, from_state=from_state,
                             to_state=to_state, note=note or "",
                             data=json.dumps(data, ensure_ascii=False, default=_plain) if data else "")


def _stored(order: RepairOrder, name: str) -> Any:
    """A field's stored value (a foreign key's id, not the row)."""
    model_field = RepairOrder._meta.fields[name]
    if isinstance(model_field, pw.ForeignKeyField):
        return getattr(order, model_field.object_id_name)
    return getattr(order, name)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, pw.Model):
        return value.get_id()
    if value is None or isinstance(value, (str, int, float, bool, list, dict)):
        return value
    return str(value)
