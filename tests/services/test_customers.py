"""Customer files: create, edit (versioned), duplicates, archive, merge, devices,
contracts, the file view, the list, import and export — on SQLite and PostgreSQL."""

import csv
import datetime as dt
import json

import peewee as pw
import pytest
from openpyxl import Workbook, load_workbook

from shopdesk.errors import NotFound, PermissionDenied, StaleRecord, ValidationError
from shopdesk.models import AuditEntry, BaseModel, Customer, Device, RepairOrder, ServiceContract
from shopdesk.services import customer_lists, customers, search
from tests.conftest import make_actor


def new(actor, name="王伟", phone="13800138000", **kw):
    return customers.create(actor, name=name, phone=phone, **kw)


def order(customer, number, clock, days_ago=0, state="closed"):
    at = clock.now() - dt.timedelta(days=days_ago)
    return RepairOrder.create(number=number, customer=customer.id, state=state, reported_at=at, created_at=at)


def everything():
    return [tuple(r) for r in Customer.select().order_by(Customer.id).tuples()], AuditEntry.select().count()


# -- create -------------------------------------------------------------------------

def test_create_numbers_the_file_and_fills_the_search_columns(db, owner):
    c = new(owner, company="深圳正方达贸易", phone="138 0013 8000", phone2="0755 8345 6789", email=" wang@example.com ")
    assert c.number == "C000001" and c.kind == "walk_in"
    assert c.phone == "13800138000" and c.phone2 == "0755-83456789" and c.email == "wang@example.com"
    assert c.phone_digits == "13800138000 075583456789"
    assert "wangwei" in c.search_text and "szzfdmy" in c.search_text
    assert new(owner, name="李娜", phone="13600002222").number == "C000002"
    entry = AuditEntry.get((AuditEntry.record_type == "Customer") & (AuditEntry.record_id == str(c.id)))
    assert entry.action == "create" and json.loads(entry.changes)["name"] == [None, "王伟"]


@pytest.mark.parametrize("values, field", [
    ({"name": "  ", "phone": "13800138000"}, "name"),
    ({"name": "王伟", "phone": ""}, "phone"),
    ({"name": "王伟", "phone": "12345"}, "phone"),
    ({"name": "王伟", "phone": "13800138000", "phone2": "abc"}, "phone2"),
    ({"name": "王伟", "phone": "13800138000", "email": "wang@"}, "email"),
    ({"name": "王伟", "phone": "13800138000", "kind": "vip"}, "kind"),
    ({"name": "王伟", "phone": "13800138000", "birthday": dt.date(2030, 1, 1)}, "birthday"),
    ({"name": "王" * 121, "phone": "13800138000"}, "name"),
])
def test_bad_input_is_refused_naming_the_field_and_nothing_is_saved(db, owner, values, field):
    before = everything()
    with pytest.raises(ValidationError) as caught:
        customers.create(owner, **values)
    assert caught.value.field == field
    assert everything() == before


def test_a_refused_create_gives_its_number_back(db, owner):
    with pytest.raises(ValidationError):
        new(owner, phone="bad")
    assert new(owner).number == "C000001"


def test_a_technician_may_look_but_not_create(db, owner, clock):
    tech = make_actor("technician", clock)
    c = new(owner)
    assert customers.get(tech, c.id).name == "王伟"
    with pytest.raises(PermissionDenied):
        new(tech, name="李娜")


# -- edit -----------------------------------------------------------------------------

def test_update_saves_changes_recomputes_search_and_audits(db, owner):
    c = new(owner)
    saved = customers.update(owner, c.id, c.version, name="张三", phone="021-66667777", region="福田区")
    assert saved.version == c.version + 1
    assert "zhangsan" in saved.search_text and saved.phone_digits == "02166667777"
    entry = AuditEntry.select().where(AuditEntry.action == "update").get()
    assert json.loads(entry.changes)["name"] == ["王伟", "张三"]


def test_a_stale_save_is_refused_and_changes_nothing(db, owner, clock):
    c = new(owner)
    desk_b = make_actor("front_desk", clock, name="小李")
    customers.update(desk_b, c.id, c.version, notes="VIP")
    before = everything()
    with pytest.raises(StaleRecord) as caught:
        customers.update(owner, c.id, c.version, name="王伟伟")
    assert caught.value.changed_by == "小李"
    assert everything() == before


def test_removing_the_only_phone_is_refused(db, owner):
    c = new(owner)
    with pytest.raises(ValidationError) as caught:
        customers.update(owner, c.id, c.version, phone="")
    assert caught.value.field == "phone"
    c2 = new(owner, name="李娜", phone="13600002222", phone2="13600003333")
    assert customers.update(owner, c2.id, c2.version, phone="").phone2 == "13600003333"


# -- duplicates ---------------------------------------------------------------------

def test_likely_duplicates_by_phone_or_name_and_company(db, owner):
    a = new(owner, company="深圳正方达贸易", phone2="0755-83456789")
    new(owner, name="王伟", phone="13900000000")  # same name, no company: a different 王伟
    by_phone = customers.likely_duplicates(owner, phone="0755 8345 6789")
    assert [(d.number, d.reason) for d in by_phone] == [(a.number, "phone")]
    by_name = customers.likely_duplicates(owner, name="王伟", company="深圳正方达贸易 ")
    assert [(d.number, d.reason) for d in by_name] == [(a.number, "name_company")]
    assert customers.likely_duplicates(owner, phone="13800138000", exclude_id=a.id) == []
    assert customers.likely_duplicates(owner, phone="1380013") == []


# -- archive and merge ----------------------------------------------------------------

def test_archive_and_unarchive_never_delete(db, owner, clock):
    c = new(owner)
    order(c, "R0000001", clock)
    archived = customers.archive(owner, c.id)
    assert archived.archived and Customer.select().count() == 1
    assert customers.list_ids(owner) == []
    assert customers.list_ids(owner, customers.ListFilters(include_archived=True)) == [c.id]
    assert RepairOrder.get(RepairOrder.number == "R0000001").customer_id == c.id
    assert not customers.unarchive(owner, c.id).archived
    assert [e.action for e in AuditEntry.select().order_by(AuditEntry.id)][-2:] == ["archive", "unarchive"]


def test_merge_moves_everything_in_one_go_and_archives_the_other(db, owner, clock):
    keep = new(owner, name="王伟", company="深圳正方达贸易")
    other = new(owner, name="王伟", phone="13900001111", email="wang@example.com", notes="喜欢上午", kind="contract")
    device = customers.add_device(owner, other.id, brand="Ricoh", serial="E1")
    contract = customers.add_contract(owner, other.id, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31))
    order(other, "R0000001", clock, days_ago=1, state="new")
    Customer.update(open_order_count=1, last_order_at=clock.now()).where(Customer.id == other.id).execute()
    earlier = new(owner, name="王伟", phone="13700001111")
    customers.merge(owner, other.id, earlier.id)  # an earlier merge into the file now merged away

    kept = customers.merge(owner, keep.id, other.id)

    assert Device.get_by_id(device.id).customer_id == keep.id
    assert ServiceContract.get_by_id(contract.id).customer_id == keep.id
    assert RepairOrder.get(RepairOrder.number == "R0000001").customer_id == keep.id
    assert Customer.get_by_id(earlier.id).merged_into_id == keep.id
    gone = Customer.get_by_id(other.id)
    assert gone.archived and gone.merged_into_id == keep.id
    assert kept.email == "wang@example.com" and kept.phone2 == "13900001111" and kept.kind == "contract"
    assert f"[{other.number}] 喜欢上午" in kept.notes
    assert kept.open_order_count == 1 and kept.last_order_at == clock.now()
    assert search.find(owner, "13900001111")[0].number == keep.number
    assert AuditEntry.select().where(AuditEntry.action == "merge").count() == 4


def test_merge_refuses_the_same_file_or_one_merged_already(db, owner):
    a, b, c = new(owner), new(owner, phone="13900001111"), new(owner, phone="13700001111")
    with pytest.raises(ValidationError):
        customers.merge(owner, a.id, a.id)
    customers.merge(owner, a.id, b.id)
    before = everything()
    with pytest.raises(ValidationError):
        customers.merge(owner, c.id, b.id)
    with pytest.raises(ValidationError):
        customers.unarchive(owner, b.id)
    assert everything() == before


class OncePerOccasion(BaseModel):
    """Like a birthday greeting: at most one per customer and occasion."""

    customer = pw.ForeignKeyField(Customer, backref="+")
    occasion = pw.CharField(max_length=40)

    class Meta:
        table_name = "test_once_per_occasion"
        indexes = ((("customer", "occasion"), True),)


def test_merge_leaves_a_once_per_customer_record_the_kept_file_has_with_the_other(db, owner):
    db.create_tables([OncePerOccasion])
    try:
        keep, other = new(owner), new(owner, phone="13900001111")
        OncePerOccasion.create(customer=keep.id, occasion="birthday-2026")
        duplicate = OncePerOccasion.create(customer=other.id, occasion="birthday-2026")
        moved = OncePerOccasion.create(customer=other.id, occasion="spring-2027")
        customers.merge(owner, keep.id, other.id)
        assert OncePerOccasion.get_by_id(duplicate.id).customer_id == other.id
        assert OncePerOccasion.get_by_id(moved.id).customer_id == keep.id
    finally:
        db.drop_tables([OncePerOccasion])


# -- devices and contracts ------------------------------------------------------------

def test_devices_keep_a_serial_key_and_show_their_warranty(db, owner, clock):
    c = new(owner)
    in_warranty = customers.add_device(owner, c.id, brand="Ricoh", model="MP 2555", serial=" e12  345 ",
                                       purchase_date=dt.date(2026, 3, 1), warranty_months=12)
    expired = customers.add_device(owner, c.id, brand="HP", purchase_date=dt.date(2025, 3, 1), warranty_months=12)
    none = customers.add_device(owner, c.id, model="L3250")
    assert in_warranty.serial == "e12 345" and in_warranty.serial_key == "E12345"
    rows = {d.id: d for d in customers.open_file(owner, c.id).devices}
    assert rows[in_warranty.id].warranty_until == dt.date(2027, 3, 1) and rows[in_warranty.id].in_warranty
    assert rows[expired.id].warranty_until == dt.date(2026, 3, 1) and not rows[expired.id].in_warranty
    assert rows[none.id].warranty_until is None and not rows[none.id].in_warranty
    edited = customers.update_device(owner, none.id, none.version, serial="x-9")
    assert edited.serial_key == "X-9"
    with pytest.raises(StaleRecord):
        customers.update_device(owner, none.id, none.version, serial="x-10")


@pytest.mark.parametrize("values, field", [
    ({}, "brand"),
    ({"brand": "HP", "warranty_months": 12}, "purchase_date"),
    ({"brand": "HP", "warranty_months": -1}, "warranty_months"),
    ({"brand": "HP", "purchase_date": dt.date(2027, 1, 1)}, "purchase_date"),
])
def test_bad_devices_are_refused(db, owner, values, field):
    c = new(owner)
    with pytest.raises(ValidationError) as caught:
        customers.add_device(owner, c.id, **values)
    assert caught.value.field == field and Device.select().count() == 0


def test_contracts_and_rentals(db, owner):
    c = new(owner)
    copier = customers.add_device(owner, c.id, brand="Ricoh", owned_by_shop=True)
    service = customers.add_contract(owner, c.id, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31),
                                     covers_parts=False)
    rental = customers.add_contract(owner, c.id, kind="rental", device_id=copier.id, starts_on=dt.date(2027, 1, 1),
                                    ends_on=dt.date(2027, 12, 31), monthly_fee=30000, pages_included=2000,
                                    price_per_page=5)
    assert (service.number, rental.number) == ("K000001", "K000002")
    rows = {r.number: r for r in customers.open_file(owner, c.id).contracts}
    assert rows["K000001"].status == "in_force" and rows["K000001"].covers_labour and not rows["K000001"].covers_parts
    assert rows["K000002"].status == "upcoming" and rows["K000002"].device_label == "Ricoh"
    assert rows["K000002"].monthly_fee == 30000
    changed = customers.update_contract(owner, service.id, service.version, covers_parts=True)
    assert changed.covers_parts and changed.version == service.version + 1


@pytest.mark.parametrize("values, field", [
    ({"starts_on": dt.date(2026, 2, 1), "ends_on": dt.date(2026, 1, 1)}, "ends_on"),
    ({"kind": "rental", "starts_on": dt.date(2026, 1, 1), "ends_on": dt.date(2026, 2, 1)}, "device_id"),
    ({"starts_on": dt.date(2026, 1, 1), "ends_on": dt.date(2026, 2, 1), "monthly_fee": 10.5}, "monthly_fee"),
    ({"kind": "lease", "starts_on": dt.date(2026, 1, 1), "ends_on": dt.date(2026, 2, 1)}, "kind"),
])
def test_bad_contracts_are_refused(db, owner, values, field):
    c = new(owner)
    with pytest.raises(ValidationError) as caught:
        customers.add_contract(owner, c.id, **values)
    assert caught.value.field == field and ServiceContract.select().count() == 0


def test_a_contract_cannot_name_another_customers_device(db, owner):
    a, b = new(owner), new(owner, phone="13900001111")
    theirs = customers.add_device(owner, b.id, brand="HP")
    with pytest.raises(ValidationError):
        customers.add_contract(owner, a.id, device_id=theirs.id, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 2, 1))


# -- the file view ---------------------------------------------------------------------

def test_open_file_shows_the_latest_orders_newest_first(db, owner, clock):
    c = new(owner)
    for n in range(60):
        order(c, f"R{n + 1:07d}", clock, days_ago=n)
    opened = customers.open_file(owner, c.id)
    assert opened.customer.number == c.number
    assert len(opened.orders) == 50 and opened.order_count == 60
    assert opened.orders[0].number == "R0000001" and opened.orders[-1].number == "R0000050"
    with pytest.raises(NotFound):
        customers.open_file(owner, 999)


# -- the list -------------------------------------------------------------------------------

@pytest.fixture
def listed(db, owner, clock):
    a = new(owner, name="王伟", kind="contract", region="福田区")
    b = new(owner, name="李娜", phone="13900001111", region="南山区")
    c = new(owner, name="张三", phone="13700001111", region="福田区")
    Customer.update(open_order_count=2, last_order_at=clock.now()).where(Customer.id == b.id).execute()
    Customer.update(last_order_at=clock.now() - dt.timedelta(days=3)).where(Customer.id == c.id).execute()
    return a, b, c


def test_list_filters_and_sorts_in_sql(listed, owner):
    a, b, c = listed
    ids = customers.list_ids
    assert ids(owner) == [a.id, b.id, c.id]
    assert ids(owner, sort=customers.Sort("number", descending=True)) == [c.id, b.id, a.id]
    assert ids(owner, sort=customers.Sort("last_order_at", descending=True)) == [b.id, c.id, a.id]
    assert ids(owner, sort=customers.Sort("open_orders", descending=True))[0] == b.id
    assert ids(owner, customers.ListFilters(kind="contract")) == [a.id]
    assert ids(owner, customers.ListFilters(region="福田区")) == [a.id, c.id]
    assert ids(owner, customers.ListFilters(has_open_orders=True)) == [b.id]
    assert ids(owner, customers.ListFilters(text="ln")) == [b.id]
    assert customers.count(owner, customers.ListFilters(region="福田区")) == 2
    assert customers.regions(owner) == sorted(["南山区", "福田区"])


def test_list_pages_and_rows_come_in_the_order_asked(listed, owner):
    a, b, c = listed
    page = customers.list_page(owner, sort=customers.Sort("name"), offset=1, limit=1)
    assert len(page) == 1
    assert [r.id for r in customers.rows(owner, [c.id, a.id])] == [c.id, a.id]
    row = customers.rows(owner, [b.id])[0]
    assert (row.number, row.name, row.open_orders, row.region) == (b.number, "李娜", 2, "南山区")


# -- import ---------------------------------------------------------------------------------

ROWS = [
    ["客户名称", "公司", "联系电话", "座机", "邮箱", "类型", "生日", "地址"],
    ["王伟", "深圳正方达贸易", "138 0013 8000", "", "wang@example.com", "合同", "1980-05-06", "福田区"],
    ["", "无名公司", "13900001111", "", "", "", "", ""],
    ["李娜", "", "12345", "", "", "", "", ""],
    ["张三", "", "13700001111", "", "bad@", "散客", "", ""],
    ["赵六", "", "13800138000", "", "", "", "", ""],
    ["钱七", "", "13600002222", "", "", "VIP", "", ""],
    ["孙八", "", "", "0755-83456789", "", "租抄", "农历1975年3月5日", ""],
    ["", "", "", "", "", "", "", ""],
]


def write_xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.active.append(["周九", "", 13512345678])  # a phone typed into a number cell
    book.save(path)
    return path


def test_import_reads_xlsx_guesses_columns_and_reports_each_bad_row(db, owner, tmp_path):
    table = customer_lists.read_table(write_xlsx(tmp_path / "list.xlsx", ROWS))
    mapping = customer_lists.guess_mapping(table.headers)
    assert mapping["name"] == 0 and mapping["phone"] == 2 and mapping["phone2"] == 3 and mapping["kind"] == 5
    report = customer_lists.dry_run(owner, table, mapping)
    problems = {r.line: [str(p) for p in r.problems] for r in report.rows}
    assert problems[2] == [] and problems[8] == [] and problems[10] == []
    assert any("name" in p for p in problems[3])
    assert any("12345" in p for p in problems[4])
    assert any("bad@" in p for p in problems[5])
    assert any("row 2" in p for p in problems[6])  # the same phone as 王伟 above
    assert any("VIP" in p for p in problems[7])
    assert 9 not in problems  # an empty row is no customer
    assert Customer.select().count() == 0  # a dry run writes nothing

    done = customer_lists.import_rows(owner, table, mapping)
    assert done.created == 3
    imported = {c.name: c for c in Customer.select()}
    assert set(imported) == {"王伟", "孙八", "周九"}
    assert imported["王伟"].kind == "contract" and imported["王伟"].birthday == dt.date(1980, 5, 6)
    assert imported["孙八"].kind == "rental" and imported["孙八"].birthday_is_lunar
    assert imported["周九"].phone == "13512345678"
    assert AuditEntry.select().where(AuditEntry.action == "import").count() == 3


def test_import_reads_gbk_csv_and_finds_duplicates_of_existing_files(db, owner, tmp_path):
    existing = new(owner, name="王伟", company="深圳正方达贸易", phone="13900009999")
    path = tmp_path / "list.csv"
    with path.open("w", encoding="gb18030", newline="") as out:
        csv.writer(out).writerows([["姓名", "公司", "手机"], ["王伟", "深圳正方达贸易", "13500000000"],
                                   ["李娜", "", "139 0000 9999"], ["张三", "", "13700001111"]])
    table = customer_lists.read_table(path)
    report = customer_lists.dry_run(owner, table, customer_lists.guess_mapping(table.headers))
    assert [len(r.problems) for r in report.rows] == [1, 1, 0]
    assert all(existing.number in str(r.problems[0]) for r in report.invalid)
    assert customer_lists.import_rows(owner, table, customer_lists.guess_mapping(table.headers)).created == 1


def test_import_needs_the_name_column_and_a_known_file_type(db, owner, tmp_path):
    table = customer_lists.Table(["phone"], [["13800138000"]])
    with pytest.raises(ValidationError):
        customer_lists.dry_run(owner, table, {"name": None, "phone": 0})
    (tmp_path / "x.doc").write_text("?")
    with pytest.raises(ValidationError):
        customer_lists.read_table(tmp_path / "x.doc")


def test_import_is_not_for_technicians(db, owner, clock):
    with pytest.raises(PermissionDenied):
        customer_lists.dry_run(make_actor("technician", clock), customer_lists.Table(["name"], []), {"name": 0})


# -- export ----------------------------------------------------------------------------------

def test_export_writes_the_filtered_list_to_csv_and_xlsx(listed, owner, tmp_path):
    a, b, c = listed
    count = customer_lists.export(owner, tmp_path / "out.csv", customers.ListFilters(region="福田区"))
    assert count == 2
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as f:
        lines = list(csv.reader(f))
    assert lines[0][:3] == ["Number", "Name", "Company"]
    assert [line[1] for line in lines[1:]] == ["王伟", "张三"]
    assert lines[1][9] == "Contract"
    customer_lists.export(owner, tmp_path / "out.xlsx", sort=customers.Sort("name", descending=True),
                          translate=lambda context, text: {"Name": "姓名"}.get(text, text))
    sheet = load_workbook(tmp_path / "out.xlsx").active
    values = list(sheet.values)
    assert values[0][1] == "姓名" and len(values) == 4
