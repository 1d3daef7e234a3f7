"""The shop's people: the first owner, signing in, and the owner managing staff.

Passwords reach this module in clear only to be hashed or checked; they are
never stored, logged or written to the audit trail in clear.
"""

from __future__ import annotations

from typing import Any

import peewee as pw

from shopdesk.clock import Clock
from shopdesk.errors import NotFound, ShopDeskError, ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import Staff, database
from shopdesk.models.staff import ROLES
from shopdesk.rules import passwords
from shopdesk.rules.permissions import OWNER, TEAM_LEAD, TECHNICIAN
from shopdesk.services.context import Actor
from shopdesk.services.records import audit, diff, save_changes

EDITABLE = ("name", "username", "role", "phone", "region", "active")
ASSIGNABLE_ROLES = (TECHNICIAN, TEAM_LEAD)
HIDDEN = ["***", "***"]  # what the audit trail shows for a password change

BAD_CREDENTIALS = QT_TRANSLATE_NOOP("Errors", "Unknown user name or wrong password.")
LOCKED = QT_TRANSLATE_NOOP(
    "Errors", "Too many wrong passwords: this account is locked. Try again in {minutes} min, or ask the owner.")
INACTIVE = QT_TRANSLATE_NOOP("Errors", "This account is no longer active. Ask the owner.")


# -- first run and signing in -------------------------------------------------

def needs_first_owner() -> bool:
    """True on a new database, before anyone can sign in."""
    return not Staff.select().exists()


def create_first_owner(name: str, username: str, password: str, clock: Clock) -> Actor:
    """Make the shop's first account, an owner, with the password they chose."""
    values = _clean({"name": name, "username": username, "role": OWNER})
    _check_password(password, OWNER)
    with database.atomic():
        if Staff.select().exists():
            raise ShopDeskError(QT_TRANSLATE_NOOP("Errors", "The owner account already exists: sign in instead."))
        staff = Staff.create(**values, password_hash=passwords.hash_password(password), created_at=clock.now(),
                             updated_at=clock.now(), updated_by_name=values["name"])
        actor = Actor(staff, clock)
        audit(actor, "create", staff, _created(staff), summary=_label(staff))
    return actor


def sign_in(username: str, password: str, clock: Clock) -> Actor:
    """The Actor for a correct user name and password.

    The same message for an unknown user and a wrong password; wrong passwords
    are counted (the count and a lock are saved even though the sign-in fails).
    """
    refusal = None
    with database.atomic():
        staff = _find(username)
        if staff is None:
            passwords.spend_equal_time(password)
            refusal = ShopDeskError(BAD_CREDENTIALS)
        else:
            refusal = _check_sign_in(staff, password, clock)
    if refusal is not None:
        raise refusal
    return Actor(Staff.get_by_id(staff.id), clock)


def _check_sign_in(staff: Staff, password: str, clock: Clock) -> ShopDeskError | None:
    now = clock.now()
    attempts = passwords.Attempts(staff.failed_attempts, staff.locked_until)
    if passwords.is_locked(attempts, now):
        return ShopDeskError(LOCKED, minutes=passwords.minutes_left(attempts, now))
    if not passwords.verify_password(password, staff.password_hash):
        after = passwords.after_failure(attempts, now)
        _store_attempts(staff, after)
        if passwords.is_locked(after, now):
            audit(Actor(None, clock, system=True), "lock", staff,
                  {"failed_attempts": [attempts.failures, passwords.MAX_FAILURES]}, summary=_label(staff))
            return ShopDeskError(LOCKED, minutes=passwords.minutes_left(after, now))
        return ShopDeskError(BAD_CREDENTIALS)
    if not staff.active:
        return ShopDeskError(INACTIVE)
    if staff.failed_attempts or staff.locked_until is not None:
        _store_attempts(staff, passwords.after_success())
    return None


def _store_attempts(staff: Staff, attempts: passwords.Attempts) -> None:
    # Not a user's edit: no version bump, so an open edit form stays valid.
    Staff.update(failed_attempts=attempts.failures, locked_until=attempts.locked_until).where(
        Staff.id == staff.id).execute()


# -- the owner managing staff ---------------------------------------------------

def list_staff(actor: Actor, include_inactive: bool = False) -> list[Staff]:
    actor.require("staff.manage")
    query = Staff.select()
    if not include_inactive:
        query = query.where(Staff.active == True)  # noqa: E712 - peewee expression
    return list(query.order_by(Staff.active.desc(), Staff.name, Staff.id))


def get_staff(actor: Actor, staff_id: int) -> Staff:
    actor.require("staff.manage")
    return _get(staff_id)


def assignable_staff() -> list[Staff]:
    """Active technicians and team leads, for the assignment pickers."""
    query = Staff.select().where((Staff.active == True) & Staff.role.in_(ASSIGNABLE_ROLES))  # noqa: E712
    return list(query.order_by(Staff.name, Staff.id))


def create_staff(actor: Actor, name: str, username: str, role: str, password: str, phone: str = "",
                 region: str = "", active: bool = True) -> Staff:
    actor.require("staff.manage")
    values = _clean({"name": name, "username": username, "role": role, "phone": phone, "region": region,
                     "active": active})
    _check_password(password, values["role"])
    with database.atomic():
        _check_username_free(values["username"])
        now = actor.clock.now()
        staff = Staff.create(**values, password_hash=passwords.hash_password(password), created_at=now,
                             updated_at=now, updated_by_name=actor.name)
        audit(actor, "create", staff, _created(staff), summary=_label(staff))
    return staff


def update_staff(actor: Actor, staff_id: int, based_on_version: int, **fields: Any) -> Staff:
    """Change a person's details (and, with ``password=``, their password).

    Refused with ``StaleRecord`` if someone saved the person after ``based_on_version``.
    """
    actor.require("staff.manage")
    password = fields.pop("password", None)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not a staff field: {sorted(unknown)}")
    values = _clean(fields)
    with database.atomic():
        staff = _get(staff_id)
        changes = diff(staff, values)
        if "username" in changes:
            _check_username_free(values["username"], except_id=staff.id)
        _check_owner_stays(actor, staff, {k: new for k, (_, new) in changes.items()})
        written = {k: values[k] for k in changes}
        if password:
            _check_password(password, values.get("role", staff.role))
            written.update(password_hash=passwords.hash_password(password), failed_attempts=0, locked_until=None)
            changes["password"] = HIDDEN
        if not written:
            return staff
        saved = save_changes(staff, based_on_version, written, actor)
        summary = _label(saved) + ("; password changed" if password else "")
        audit(actor, "update", saved, changes, summary=summary)
    return saved


def set_active(actor: Actor, staff_id: int, active: bool) -> Staff:
    """Deactivate someone who left (their history stays), or take them back."""
    actor.require("staff.manage")
    with database.atomic():
        staff = _get(staff_id)
        if staff.active == bool(active):
            return staff
        _check_owner_stays(actor, staff, {"active": bool(active)})
        saved = save_changes(staff, staff.version, {"active": bool(active)}, actor)
        audit(actor, "reactivate" if active else "deactivate", saved, {"active": [staff.active, saved.active]},
              summary=_label(saved))
    return saved


def reset_password(actor: Actor, staff_id: int, new_password: str) -> Staff:
    """The owner sets a new password for someone who forgot theirs; this also lifts a lock."""
    actor.require("staff.manage")
    with database.atomic():
        staff = _get(staff_id)
        _check_password(new_password, staff.role)
        saved = save_changes(staff, staff.version, {
            "password_hash": passwords.hash_password(new_password), "failed_attempts": 0, "locked_until": None,
        }, actor)
        audit(actor, "update", saved, {"password": HIDDEN}, summary=_label(saved) + "; password changed")
    return saved


# -- checks ----------------------------------------------------------------------

_LIMITS = {"name": 80, "username": 40, "phone": 40, "region": 60}


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Trimmed values, user name in lower case; a ValidationError names a bad field."""
    values = dict(fields)
    for key in ("name", "username", "phone", "region"):
        if key in values:
            values[key] = str(values[key] or "").strip()
    if "username" in values:
        values["username"] = values["username"].lower()
    if "active" in values:
        values["active"] = bool(values["active"])
    if "name" in values and not values["name"]:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The name is required."), field="name")
    if "username" in values:
        if not values["username"]:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The user name is required."), field="username")
        if any(ch.isspace() for ch in values["username"]):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The user name cannot contain spaces."), field="username")
    if "role" in values and values["role"] not in ROLES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown role {role}."), field="role", role=values["role"])
    for key, limit in _LIMITS.items():
        if key in values and len(values[key]) > limit:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Too long: at most {length} characters."),
                                  field=key, length=limit)
    return values


def _check_password(password: str, role: str) -> None:
    problem = passwords.password_problem(password or "", role)
    if problem is not None:
        message, params = problem
        raise ValidationError(message, field="password", **params)


def _check_username_free(username: str, except_id: int | None = None) -> None:
    query = Staff.select().where(pw.fn.LOWER(Staff.username) == username.lower())
    if except_id is not None:
        query = query.where(Staff.id != except_id)
    if query.exists():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The user name {username} is already taken."),
                              field="username", username=username)


def _check_owner_stays(actor: Actor, staff: Staff, new: dict[str, Any]) -> None:
    """The shop always keeps an active owner, and an owner does not lock themselves out."""
    is_self = actor.staff is not None and actor.staff.id == staff.id
    if is_self and new.get("active") is False:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "You cannot deactivate your own account."), field="active")
    if is_self and "role" in new and new["role"] != staff.role:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "You cannot change your own role; ask another owner."),
                              field="role")
    stops_being_owner = new.get("active") is False or new.get("role", OWNER) != OWNER
    if staff.role == OWNER and staff.active and stops_being_owner:
        others = Staff.select().where(
            (Staff.role == OWNER) & (Staff.active == True) & (Staff.id != staff.id))  # noqa: E712
        if not others.exists():
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The shop needs at least one active owner."),
                                  field="role" if "role" in new else "active")


def _find(username: str) -> Staff | None:
    name = (username or "").strip().lower()
    if not name:
        return None
    return Staff.select().where(pw.fn.LOWER(Staff.username) == name).order_by(Staff.id).first()


def _get(staff_id: int) -> Staff:
    staff = Staff.get_or_none(Staff.id == staff_id)
    if staff is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no such staff member (id {id})."), id=staff_id)
    return staff


def _created(staff: Staff) -> dict[str, list]:
    return {k: [None, getattr(staff, k)] for k in ("name", "username", "role", "phone", "region", "active")}


def _label(staff: Staff) -> str:
    return f"{staff.name} ({staff.username})"
