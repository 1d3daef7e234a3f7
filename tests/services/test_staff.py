"""Staff: first run, signing in, lockout, managing people, permissions, audit trail."""

import datetime as dt
import json

import pytest

from shopdesk.errors import NotFound, PermissionDenied, ShopDeskError, StaleRecord, ValidationError
from shopdesk.models import AuditEntry, Staff
from shopdesk.rules.passwords import LOCK_MINUTES, MAX_FAILURES, verify_password
from shopdesk.services import audit as audit_service
from shopdesk.services import staff as staff_service
from tests.conftest import make_actor

OWNER_PASSWORD = "Lao-ban-2026"


@pytest.fixture
def first_owner(db, clock):
    return staff_service.create_first_owner("老板", "Laoban", OWNER_PASSWORD, clock)


def add(actor, username, role="front_desk", password="desk-pass-1", **extra):
    return staff_service.create_staff(actor, name=extra.pop("name", username.title()), username=username,
                                      role=role, password=password, **extra)


def snapshot():
    staff = [tuple(row) for row in Staff.select().order_by(Staff.id).tuples()]
    audit = [tuple(row) for row in AuditEntry.select().order_by(AuditEntry.id).tuples()]
    return staff, audit


# -- first run -------------------------------------------------------------------

def test_a_new_shop_needs_its_first_owner(db, clock):
    assert staff_service.needs_first_owner()
    actor = staff_service.create_first_owner(" 老板 ", "Laoban", OWNER_PASSWORD, clock)
    assert not staff_service.needs_first_owner()
    assert actor.role == "owner" and actor.name == "老板"
    assert actor.staff.username == "laoban"
    assert actor.may("staff.manage") and actor.may("audit.view")
    entry = AuditEntry.get()
    assert (entry.action, entry.record_type, entry.staff_id) == ("create", "Staff", actor.staff.id)


def test_the_first_owner_can_be_made_only_once(first_owner, clock):
    with pytest.raises(ShopDeskError):
        staff_service.create_first_owner("Another", "boss2", "another-pass", clock)
    assert Staff.select().count() == 1


def test_the_first_owner_needs_a_real_password(db, clock):
    with pytest.raises(ValidationError) as refused:
        staff_service.create_first_owner("老板", "laoban", "123456", clock)
    assert refused.value.field == "password"
    assert staff_service.needs_first_owner()


# -- signing in --------------------------------------------------------------------

def test_sign_in_with_the_right_password(first_owner, clock):
    actor = staff_service.sign_in("LAOBAN ", OWNER_PASSWORD, clock)
    assert actor.staff.id == first_owner.staff.id
    assert actor.clock is clock


def test_unknown_user_and_wrong_password_get_the_same_message(first_owner, clock):
    with pytest.raises(ShopDeskError) as unknown:
        staff_service.sign_in("nobody", OWNER_PASSWORD, clock)
    with pytest.raises(ShopDeskError) as wrong:
        staff_service.sign_in("laoban", "not-the-password", clock)
    assert str(unknown.value) == str(wrong.value) == "Unknown user name or wrong password."


def test_failures_are_counted_and_a_success_resets_them(first_owner, clock):
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(ShopDeskError):
            staff_service.sign_in("laoban", "wrong-password", clock)
    assert Staff.get_by_id(first_owner.staff.id).failed_attempts == MAX_FAILURES - 1
    staff_service.sign_in("laoban", OWNER_PASSWORD, clock)
    assert Staff.get_by_id(first_owner.staff.id).failed_attempts == 0


def test_five_failures_lock_the_account_until_the_time_passes(first_owner, clock):
    for attempt in range(MAX_FAILURES):
        with pytest.raises(ShopDeskError) as refused:
            staff_service.sign_in("laoban", f"wrong-{attempt}", clock)
    assert "locked" in str(refused.value) and f"{LOCK_MINUTES} min" in str(refused.value)

    clock.advance(minutes=LOCK_MINUTES - 1)
    with pytest.raises(ShopDeskError) as still_locked:
        staff_service.sign_in("laoban", OWNER_PASSWORD, clock)  # even the right password
    assert "Try again in 1 min" in str(still_locked.value)

    clock.advance(minutes=1)
    actor = staff_service.sign_in("laoban", OWNER_PASSWORD, clock)
    assert actor.staff.failed_attempts == 0 and actor.staff.locked_until is None
    lock = AuditEntry.get(AuditEntry.action == "lock")
    assert lock.staff_id is None and lock.record_id == str(first_owner.staff.id)


def test_an_inactive_account_cannot_sign_in(first_owner, clock):
    desk = add(first_owner, "xiaoli")
    staff_service.set_active(first_owner, desk.id, False)
    with pytest.raises(ShopDeskError) as refused:
        staff_service.sign_in("xiaoli", "desk-pass-1", clock)
    assert "no longer active" in str(refused.value)


def test_a_staff_row_without_a_password_cannot_sign_in(owner, clock):
    with pytest.raises(ShopDeskError):
        staff_service.sign_in("owner", "", clock)


# -- passwords are never kept in clear ------------------------------------------------

def test_the_database_holds_no_clear_password(first_owner, clock):
    pin = "246813"
    tech = add(first_owner, "wang", role="technician", password=pin, name="王师傅")
    staff_service.reset_password(first_owner, tech.id, "new-secret-9")
    staff_service.update_staff(first_owner, tech.id, Staff.get_by_id(tech.id).version, password="third-secret")
    for secret in (OWNER_PASSWORD, pin, "new-secret-9", "third-secret"):
        for row in Staff.select().tuples():
            assert all(secret not in str(value) for value in row)
        for row in AuditEntry.select().tuples():
            assert all(secret not in str(value) for value in row)
    stored = Staff.get_by_id(tech.id).password_hash
    assert stored.startswith("scrypt$") and verify_password("third-secret", stored)
    assert not verify_password(pin, stored)


def test_a_technician_signs_in_with_a_pin(first_owner, clock):
    add(first_owner, "wang", role="technician", password="246813")
    assert staff_service.sign_in("wang", "246813", clock).role == "technician"


def test_a_front_desk_may_not_use_a_pin(first_owner):
    with pytest.raises(ValidationError) as refused:
        add(first_owner, "xiaoli", role="front_desk", password="246813")
    assert refused.value.field == "password"
    assert not Staff.select().where(Staff.username == "xiaoli").exists()


# -- managing staff ---------------------------------------------------------------

def test_user_names_are_unique_whatever_their_case(first_owner):
    add(first_owner, "XiaoLi")
    with pytest.raises(ValidationError) as refused:
        add(first_owner, "xiaoli")
    assert refused.value.field == "username"
    other = add(first_owner, "xiaozhang")
    with pytest.raises(ValidationError):
        staff_service.update_staff(first_owner, other.id, other.version, username="XIAOLI")


def test_an_edit_is_audited_old_to_new(first_owner, clock):
    desk = add(first_owner, "xiaoli", phone="13800000001", region="南山")
    clock.advance(minutes=3)
    saved = staff_service.update_staff(first_owner, desk.id, desk.version, phone="13900000002", region="福田",
                                       name="Xiaoli")
    assert saved.version == desk.version + 1 and saved.phone == "13900000002"
    entry = AuditEntry.select().where(AuditEntry.action == "update").get()
    assert entry.staff_id == first_owner.staff.id and entry.at == clock.now()
    assert (entry.record_type, entry.record_id) == ("Staff", str(desk.id))
    assert json.loads(entry.changes) == {"phone": ["13800000001", "13900000002"], "region": ["南山", "福田"]}


def test_a_password_change_is_audited_without_the_hash(first_owner):
    desk = add(first_owner, "xiaoli")
    old_hash = Staff.get_by_id(desk.id).password_hash
    staff_service.reset_password(first_owner, desk.id, "fresh-password")
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert "password changed" in entry.summary
    assert json.loads(entry.changes) == {"password": ["***", "***"]}
    new_hash = Staff.get_by_id(desk.id).password_hash
    assert old_hash not in entry.changes and new_hash not in entry.changes
    desk = Staff.get_by_id(desk.id)
    staff_service.update_staff(first_owner, desk.id, desk.version, password="third-password", phone="1")
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert json.loads(entry.changes) == {"phone": ["", "1"], "password": ["***", "***"]}
    assert all("scrypt" not in row.changes and "scrypt" not in row.summary for row in AuditEntry.select())


def test_a_reset_password_works_and_lifts_a_lock(first_owner, clock):
    desk = add(first_owner, "xiaoli")
    for _ in range(MAX_FAILURES):
        with pytest.raises(ShopDeskError):
            staff_service.sign_in("xiaoli", "forgotten-it", clock)
    staff_service.reset_password(first_owner, desk.id, "fresh-password")
    assert staff_service.sign_in("xiaoli", "fresh-password", clock).staff.id == desk.id
    with pytest.raises(ShopDeskError):
        staff_service.sign_in("xiaoli", "desk-pass-1", clock)


def test_a_stale_edit_is_refused_and_changes_nothing(first_owner, clock):
    desk = add(first_owner, "xiaoli")
    staff_service.update_staff(first_owner, desk.id, desk.version, phone="1")
    before = snapshot()
    with pytest.raises(StaleRecord):
        staff_service.update_staff(first_owner, desk.id, desk.version, phone="2")
    assert snapshot() == before


def test_an_unchanged_edit_writes_nothing(first_owner):
    desk = add(first_owner, "xiaoli", phone="1")
    before = snapshot()
    assert staff_service.update_staff(first_owner, desk.id, desk.version, phone=" 1 ").version == desk.version
    assert snapshot() == before


def test_inactive_staff_keep_their_history_and_leave_the_pickers(first_owner):
    tech = add(first_owner, "wang", role="technician", password="246813")
    lead = add(first_owner, "zhao", role="team_lead")
    add(first_owner, "xiaoli", role="front_desk")
    assert [s.username for s in staff_service.assignable_staff()] == ["wang", "zhao"]
    staff_service.set_active(first_owner, tech.id, False)
    assert [s.id for s in staff_service.assignable_staff()] == [lead.id]
    assert tech.id not in [s.id for s in staff_service.list_staff(first_owner)]
    assert tech.id in [s.id for s in staff_service.list_staff(first_owner, include_inactive=True)]
    entry = AuditEntry.select().where(AuditEntry.action == "deactivate").get()
    assert json.loads(entry.changes) == {"active": [True, False]}
    staff_service.set_active(first_owner, tech.id, True)
    assert tech.id in [s.id for s in staff_service.assignable_staff()]


def test_an_owner_cannot_deactivate_themselves(first_owner):
    second = add(first_owner, "boss2", role="owner")
    before = snapshot()
    with pytest.raises(ValidationError):
        staff_service.set_active(first_owner, first_owner.staff.id, False)
    with pytest.raises(ValidationError):
        staff_service.update_staff(first_owner, first_owner.staff.id, first_owner.staff.version, role="front_desk")
    assert snapshot() == before
    staff_service.set_active(first_owner, second.id, False)  # another owner may go


def test_the_last_active_owner_cannot_be_removed(first_owner, clock):
    second = add(first_owner, "boss2", role="owner")
    other = staff_service.sign_in("boss2", "desk-pass-1", clock)
    staff_service.set_active(other, first_owner.staff.id, False)
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        staff_service.update_staff(first_owner, second.id, second.version, role="team_lead")
    assert "active owner" in str(refused.value)
    assert snapshot() == before


def test_bad_input_names_the_field(first_owner):
    for kwargs, field in (({"name": " "}, "name"), ({"username": "two words"}, "username"),
                          ({"role": "boss"}, "role"), ({"phone": "1" * 41}, "phone")):
        values = {"name": "A", "username": "a1", "role": "front_desk", "password": "desk-pass-1", **kwargs}
        with pytest.raises(ValidationError) as refused:
            staff_service.create_staff(first_owner, **values)
        assert refused.value.field == field
    assert Staff.select().count() == 1


def test_an_unknown_staff_id_is_not_found(first_owner):
    with pytest.raises(NotFound):
        staff_service.reset_password(first_owner, 999, "fresh-password")


# -- permissions: refused in the service, and nothing changes ---------------------------

@pytest.mark.parametrize("role", ["front_desk", "team_lead", "technician"])
def test_only_the_owner_manages_staff(first_owner, clock, role):
    someone = make_actor(role, clock)
    desk = add(first_owner, "xiaoli")
    before = snapshot()
    attempts = [
        lambda: add(someone, "sneaky"),
        lambda: staff_service.update_staff(someone, desk.id, desk.version, role="owner"),
        lambda: staff_service.set_active(someone, desk.id, False),
        lambda: staff_service.reset_password(someone, first_owner.staff.id, "i-am-the-owner"),
        lambda: staff_service.list_staff(someone),
        lambda: audit_service.audit_entries(someone),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert snapshot() == before


def test_a_technician_calling_a_ledger_permission_is_refused(clock, db):
    tech = make_actor("technician", clock)
    with pytest.raises(PermissionDenied) as refused:
        tech.require("ledger.post")
    assert "technician" in str(refused.value)


# -- the audit trail ---------------------------------------------------------------------

def test_the_audit_trail_filters_by_person_date_and_record(first_owner, clock):
    desk = add(first_owner, "xiaoli")                              # day 1, 09:00 Shanghai
    clock.advance(days=1)
    desk_actor = staff_service.sign_in("xiaoli", "desk-pass-1", clock)
    clock.advance(hours=15, minutes=30)                            # day 2, 00:30 Shanghai = day 1 16:30 UTC
    staff_service.update_staff(first_owner, desk.id, desk.version, phone="139")
    everything = audit_service.audit_entries(first_owner)
    assert [e.action for e in everything] == ["update", "create", "create"]
    assert everything[0].staff_name == "老板" and everything[0].changes == {"phone": ["", "139"]}

    by_owner = audit_service.audit_entries(first_owner, staff_id=first_owner.staff.id)
    assert len(by_owner) == 3
    assert audit_service.audit_entries(first_owner, staff_id=desk_actor.staff.id) == []

    day_one = dt.date(2026, 11, 23)
    assert [e.action for e in audit_service.audit_entries(first_owner, date_from=day_one, date_to=day_one)] == [
        "create", "create"]
    day_three = dt.date(2026, 11, 25)  # the edit was at 00:30 on the 25th, shop time
    assert [e.action for e in audit_service.audit_entries(first_owner, date_from=day_three)] == ["update"]

    about_desk = audit_service.audit_entries(first_owner, record_type="Staff", record_id=str(desk.id))
    assert [e.action for e in about_desk] == ["update", "create"]
    assert audit_service.count_audit_entries(first_owner, record_type="Staff", record_id=str(desk.id)) == 2
    assert audit_service.audit_record_types(first_owner) == ["Staff"]


def test_the_audit_trail_pages_stay_stable_while_others_write(first_owner):
    for n in range(5):
        add(first_owner, f"user{n}")
    latest = audit_service.latest_audit_id(first_owner)
    first = audit_service.audit_entries(first_owner, limit=3, up_to_id=latest)
    add(first_owner, "late")
    second = audit_service.audit_entries(first_owner, offset=3, limit=3, up_to_id=latest)
    ids = [e.id for e in first + second]
    assert len(ids) == 6 == len(set(ids))
    assert audit_service.count_audit_entries(first_owner, up_to_id=latest) == 6
