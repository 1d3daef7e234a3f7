"""Finding customers every way the front desk types, on SQLite (with and without
the trigram index) and on PostgreSQL."""

import datetime as dt

import peewee as pw
import pytest

from shopdesk.errors import PermissionDenied
from shopdesk.models import Device, RepairOrder
from shopdesk.models.customers import create_search_index
from shopdesk.services import customers, search
from tests.conftest import make_actor


def drop_search_index(db) -> None:
    if isinstance(db, pw.PostgresqlDatabase):
        for name in ("customer_search_text_trgm", "customer_phone_digits_trgm"):
            db.execute_sql(f"DROP INDEX IF EXISTS {name}")
    else:
        for trigger in ("customer_fts_insert", "customer_fts_delete", "customer_fts_update"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        db.execute_sql("DROP TABLE IF EXISTS customer_fts_vocab")
        db.execute_sql("DROP TABLE IF EXISTS customer_fts")
    search.forget_search_index()


@pytest.fixture(params=["index", "scan"])
def shop(request, db, owner, clock):
    """A small shop's customers; the search index present or not."""
    if request.param == "index":
        assert create_search_index(db)
    else:
        drop_search_index(db)
    search.forget_search_index()
    c = {}
    c["wangwei"] = customers.create(owner, name="王伟", company="深圳正方达贸易", contact_person="王伟", kind="contract",
                                    phone="138 0013 8000", phone2="0755-83456789", address="深圳市福田区华强北路 3号楼")
    c["wangweiming"] = customers.create(owner, name="王伟明", phone="13912345678", address="广州市天河区")
    c["wangwei2"] = customers.create(owner, name="汪威", phone="13700001111", address="东莞市")
    c["lina"] = customers.create(owner, name="李娜", company="正大印务", contact_person="王伟", phone="13600002222")
    c["smith"] = customers.create(owner, name="John Smith", company="ACME Ltd", phone="021-66667777")
    c["zeng"] = customers.create(owner, name="曾小明", phone="15011112222")
    device = customers.add_device(owner, c["wangwei"].id, brand="Ricoh", model="MP 2555", serial="e12 34567",
                                  purchase_date=dt.date(2025, 3, 1), warranty_months=12)
    RepairOrder.create(number="R0000123", customer=c["lina"].id, reported_at=clock.now(), created_at=clock.now())
    c["device"] = device
    return c


def numbers(actor, text, **kw):
    return [hit.number for hit in search.find(actor, text, **kw)]


def first(actor, text, **kw):
    hits = search.find(actor, text, **kw)
    assert hits, f"nothing found for {text!r}"
    return hits[0]


WAYS_OF_TYPING = [
    ("王伟", "wangwei"),
    ("ww", "wangwei"),
    ("wwm", "wangweiming"),
    ("wangwei", "wangwei"),
    ("WangWei", "wangwei"),
    ("wang wei", "wangwei"),
    ("zfd", "wangwei"),
    ("正方达", "wangwei"),
    ("深圳正方达贸易", "wangwei"),
    ("华强北", "wangwei"),
    ("3号楼", "wangwei"),
    ("138 0013", "wangwei"),
    ("138-0013-8000", "wangwei"),
    ("１３８００１３", "wangwei"),
    ("０７５５－８３４５", "wangwei"),
    ("0013 8000", "wangwei"),
    ("8345-6789", "wangwei"),
    ("+86 138 0013 8000", "wangwei"),
    ("E1234567", "wangwei"),
    ("e1234567", "wangwei"),
    ("e12 34567", "wangwei"),
    ("E123", "wangwei"),
    ("smith", "smith"),
    ("ACME", "smith"),
    ("zxm", "zeng"),
    ("zengxiaoming", "zeng"),
    ("R0000123", "lina"),
    ("r123", "lina"),
]


def test_every_way_the_desk_types_finds_the_customer_first(shop, owner):
    wrong = {}
    for typed, who in WAYS_OF_TYPING:
        hits = search.find(owner, typed)
        if not hits or hits[0].number != shop[who].number:
            wrong[typed] = [(h.number, h.name, h.rank, h.via) for h in hits]
    assert wrong == {}


def test_the_customer_number_finds_its_file(shop, owner):
    number = shop["lina"].number
    assert first(owner, number).number == number
    assert first(owner, number.lower()).number == number
    assert first(owner, "c" + str(int(number[1:]))).number == number  # "c4" for C000004


def test_a_two_character_name_finds_every_file_it_is_in_best_first(shop, owner):
    found = numbers(owner, "王伟")
    # the name itself, then a contact person of that very name, then a longer name starting with it
    assert found[:3] == [shop["wangwei"].number, shop["lina"].number, shop["wangweiming"].number]
    assert shop["wangwei2"].number not in found  # 汪威 sounds alike but is not 王伟


def test_a_whole_phone_ranks_first_and_says_what_matched(shop, owner):
    hit = first(owner, "13800138000")
    assert (hit.number, hit.via, hit.rank) == (shop["wangwei"].number, "phone", 0)
    assert first(owner, "e1234567").via == "serial"


def test_an_order_number_hit_names_the_order(shop, owner):
    hit = first(owner, "R0000123")
    assert hit.via == "order" and hit.order_number == "R0000123"


def test_nothing_found_for_what_nobody_has(shop, owner):
    assert search.find(owner, "qqqq") == []
    assert search.find(owner, "19999999999") == []
    assert search.find(owner, "   ") == []


def test_archived_customers_are_found_only_when_asked(shop, owner):
    customers.archive(owner, shop["smith"].id)
    assert numbers(owner, "smith") == []
    hit = first(owner, "smith", include_archived=True)
    assert hit.number == shop["smith"].number and hit.archived


def test_search_follows_edits(shop, owner):
    saved = customers.update(owner, shop["smith"].id, shop["smith"].version, name="张三", phone="13566667777")
    assert first(owner, "zs").number == saved.number
    assert first(owner, "1356666").number == saved.number
    assert numbers(owner, "smith") == []


def test_one_character_finds_something(shop, owner):
    assert shop["wangwei"].number in numbers(owner, "王")
    assert shop["wangwei"].number in numbers(owner, "w")


def test_the_limit_is_kept(shop, owner):
    assert len(search.find(owner, "1", limit=2)) == 2


def test_searching_needs_the_view_permission(db, clock):
    nobody = make_actor("nobody", clock)
    with pytest.raises(PermissionDenied):
        search.find(nobody, "王伟")


def test_customers_with_phone_matches_whole_phones_only(shop, owner):
    assert search.customers_with_phone(owner, "13800138000") == [shop["wangwei"].id]
    assert search.customers_with_phone(owner, "075583456789") == [shop["wangwei"].id]
    assert search.customers_with_phone(owner, "1380013800") == []


def test_device_serials_are_stored_upper_case_without_spaces(shop):
    assert Device.get_by_id(shop["device"].id).serial_key == "E1234567"
