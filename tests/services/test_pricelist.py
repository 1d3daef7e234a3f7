"""The owner's price list, on SQLite and PostgreSQL."""

import json

import pytest

from shopdesk.errors import NotFound, PermissionDenied, StaleRecord, ValidationError
from shopdesk.models import AuditEntry, PriceItem
from shopdesk.services.pricelist import (
    active_items, create_item, deactivate_item, reactivate_item, search_items, update_item,
)
from tests.conftest import make_actor


@pytest.fixture
def desk(db, clock):
    return make_actor("front_desk", clock)


@pytest.fixture
def tech(db, clock):
    return make_actor("technician", clock)


def test_owner_creates_an_item_with_a_normalised_code(owner):
    item = create_item(owner, "  p-roller ", " 搓纸轮 ", "part", 8000, points=2)
    stored = PriceItem.get_by_id(item.id)
    assert (stored.code, stored.name, stored.kind, stored.unit_price, stored.points, stored.active) == (
        "P-ROLLER", "搓纸轮", "part", 8000, 2, True
    )
    entry = AuditEntry.get(AuditEntry.record_type == "PriceItem")
    assert entry.action == "create" and json.loads(entry.changes)["unit_price"] == [None, 8000]


def test_only_the_owner_edits_the_price_list(owner, desk, tech):
    item = create_item(owner, "L-01", "上门维修", "labour", 12000)
    with pytest.raises(PermissionDenied):
        create_item(desk, "L-02", "保养", "labour", 6000)
    with pytest.raises(PermissionDenied):
        update_item(tech, item.id, item.version, unit_price=1)
    with pytest.raises(PermissionDenied):
        deactivate_item(desk, item.id, item.version)
    assert PriceItem.select().count() == 1 and PriceItem.get_by_id(item.id).unit_price == 12000


@pytest.mark.parametrize("code, name, kind, price, points, field", [
    ("", "x", "part", 1, 0, "code"),
    ("P 1", "x", "part", 1, 0, "code"),
    ("P" * 31, "x", "part", 1, 0, "code"),
    ("P1", "  ", "part", 1, 0, "name"),
    ("P1", "x" * 121, "part", 1, 0, "name"),
    ("P1", "x", "gift", 1, 0, "kind"),
    ("P1", "x", "discount", 1, 0, "kind"),
    ("P1", "x", "part", -1, 0, "unit_price"),
    ("P1", "x", "part", 1, -1, "points"),
])
def test_bad_items_are_refused_with_the_field_to_fix(owner, code, name, kind, price, points, field):
    with pytest.raises(ValidationError) as raised:
        create_item(owner, code, name, kind, price, points)
    assert raised.value.field == field
    assert PriceItem.select().count() == 0


def test_float_prices_are_refused(owner):
    with pytest.raises(TypeError):
        create_item(owner, "P1", "搓纸轮", "part", 80.0)
    item = create_item(owner, "P1", "搓纸轮", "part", 8000)
    with pytest.raises(TypeError):
        update_item(owner, item.id, item.version, unit_price=85.5)


def test_a_code_is_used_once_in_any_case_even_when_deactivated(owner):
    item = create_item(owner, "P-ROLLER", "搓纸轮", "part", 8000)
    deactivate_item(owner, item.id, item.version)
    with pytest.raises(ValidationError) as raised:
        create_item(owner, "p-roller", "新搓纸轮", "part", 9000)
    assert raised.value.field == "code" and str(raised.value) == "Code P-ROLLER is already in the price list."


def test_update_is_versioned_and_audited(owner, clock):
    item = create_item(owner, "P1", "搓纸轮", "part", 8000)
    changed = update_item(owner, item.id, item.version, unit_price=8500, name="搓纸轮（原装）")
    assert (changed.unit_price, changed.name, changed.version) == (8500, "搓纸轮（原装）", 2)
    assert changed.updated_by_name == owner.name
    entry = AuditEntry.get(AuditEntry.action == "update")
    assert json.loads(entry.changes) == {"unit_price": [8000, 8500], "name": ["搓纸轮", "搓纸轮（原装）"]}
    with pytest.raises(StaleRecord):
        update_item(owner, item.id, item.version, unit_price=9000)  # based on the version before
    assert PriceItem.get_by_id(item.id).unit_price == 8500
    with pytest.raises(ValueError):
        update_item(owner, item.id, changed.version, code="P2")
    with pytest.raises(NotFound):
        update_item(owner, 999_999, 1, unit_price=1)


def test_an_unchanged_update_writes_nothing(owner):
    item = create_item(owner, "P1", "搓纸轮", "part", 8000)
    assert update_item(owner, item.id, item.version, unit_price=8000).version == 1
    assert AuditEntry.select().where(AuditEntry.action == "update").count() == 0


def test_deactivated_items_leave_the_active_list_and_can_come_back(owner, desk):
    roller = create_item(owner, "P-ROLLER", "搓纸轮", "part", 8000)
    create_item(owner, "L-01", "上门维修", "labour", 12000)
    off = deactivate_item(owner, roller.id, roller.version)
    assert not off.active and PriceItem.select().count() == 2
    assert [i.code for i in active_items(desk)] == ["L-01"]
    assert [i.code for i in search_items(desk, "搓纸")] == []
    assert [i.code for i in search_items(desk, "搓纸", include_inactive=True)] == ["P-ROLLER"]
    with pytest.raises(StaleRecord):
        reactivate_item(owner, roller.id, roller.version)
    back = reactivate_item(owner, roller.id, off.version)
    assert back.active and [i.code for i in active_items(desk)] == ["L-01", "P-ROLLER"]


def test_search_by_code_prefix_or_name_in_any_case(owner, tech):
    create_item(owner, "P-ROLLER", "Pickup roller 搓纸轮", "part", 8000)
    create_item(owner, "P-FUSER", "Fuser unit 定影器", "part", 45000)
    create_item(owner, "L-01", "On-site labour 上门维修", "labour", 12000)
    create_item(owner, "T-100%", "Travel 100% 差旅", "travel", 3000)
    assert [i.code for i in search_items(tech, "p-")] == ["P-FUSER", "P-ROLLER"]
    assert [i.code for i in search_items(tech, "ROLLER")] == ["P-ROLLER"]
    assert [i.code for i in search_items(tech, "定影")] == ["P-FUSER"]
    assert [i.code for i in search_items(tech, "labour")] == ["L-01"]
    assert [i.code for i in search_items(tech, "%")] == ["T-100%"]  # a literal percent sign, not a wildcard
    assert [i.code for i in search_items(tech, "")] == ["L-01", "P-FUSER", "P-ROLLER", "T-100%"]
    assert len(search_items(tech, "", limit=2)) == 2


def test_reading_the_price_list_needs_the_right_to_view_orders(db, clock):
    stranger = make_actor("nobody", clock)
    with pytest.raises(PermissionDenied):
        active_items(stranger)
    with pytest.raises(PermissionDenied):
        search_items(stranger, "P")
