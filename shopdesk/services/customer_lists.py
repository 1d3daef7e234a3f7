"""The shop's existing customer lists in, the current list out (CSV and XLSX).

Import is three steps the desk can see: ``read_table`` (a preview of the file),
``guess_mapping`` (which column is which field; the desk may change it) and
``dry_run`` (what each row would become and why a row would fail: missing
name, bad phone, duplicate …). ``import_rows`` then creates the valid rows in
one transaction, checking them again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP, Text
from shopdesk.models import Customer, database
from shopdesk.rules import search as search_rules
from shopdesk.services import customers
from shopdesk.services.context import Actor

IMPORT_FIELDS = ("name", "company", "contact_person", "phone", "phone2", "email", "address", "region", "kind",
                 "birthday", "notes")
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("CustomerFields", "Name"),
    "company": QT_TRANSLATE_NOOP("CustomerFields", "Company"),
    "contact_person": QT_TRANSLATE_NOOP("CustomerFields", "Contact person"),
    "phone": QT_TRANSLATE_NOOP("CustomerFields", "Phone"),
    "phone2": QT_TRANSLATE_NOOP("CustomerFields", "Second phone"),
    "email": QT_TRANSLATE_NOOP("CustomerFields", "E-mail"),
    "address": QT_TRANSLATE_NOOP("CustomerFields", "Address"),
    "region": QT_TRANSLATE_NOOP("CustomerFields", "Region"),
    "kind": QT_TRANSLATE_NOOP("CustomerFields", "Type"),
    "birthday": QT_TRANSLATE_NOOP("CustomerFields", "Birthday"),
    "notes": QT_TRANSLATE_NOOP("CustomerFields", "Notes"),
}
# Column headings shops use, folded (lower case, no spaces), per field.
HEADINGS = {
    "name": ("name", "customer", "customername", "姓名", "客户", "客户名", "客户名称", "名称", "客户姓名"),
    "company": ("company", "companyname", "organisation", "organization", "公司", "单位", "公司名称", "单位名称", "工作单位"),
    "contact_person": ("contact", "contactperson", "联系人", "联系人姓名", "负责人"),
    "phone": ("phone", "mobile", "tel", "telephone", "phone1", "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "电话1"),
    "phone2": ("phone2", "secondphone", "landline", "fax", "电话2", "座机", "固定电话", "办公电话", "备用电话"),
    "email": ("email", "e-mail", "mail", "邮箱", "电子邮箱", "电子邮件"),
    "address": ("address", "地址", "联系地址", "详细地址", "住址"),
    "region": ("region", "area", "district", "区域", "地区", "片区", "区县"),
    "kind": ("type", "kind", "customertype", "类型", "客户类型", "类别"),
    "birthday": ("birthday", "dateofbirth", "birthdate", "生日", "出生日期"),
    "notes": ("notes", "note", "remarks", "comment", "备注", "说明"),
}
KIND_WORDS = {
    "walk_in": ("walk_in", "walk-in", "walkin", "散客", "零售", "个人", "普通"),
    "contract": ("contract", "service", "合同", "合同客户", "签约", "维保"),
    "rental": ("rental", "rent", "租抄", "租赁", "租机", "租用"),
}
LUNAR = QT_TRANSLATE_NOOP("CustomerFields", "lunar")
PREVIEW_ROWS = 20
MAX_ROWS = 50_000


@dataclass
class Table:
    """A customer list as read from a file: the heading row and the rows below it."""

    headers: list[str]
    rows: list[list[str]]
    first_line: int = 2  # the spreadsheet row number of rows[0]

    def preview(self, count: int = PREVIEW_ROWS) -> list[list[str]]:
        return self.rows[:count]


class UnreadableFile(ValidationError):
    pass


def read_table(path: str | Path) -> Table:
    """The first sheet of an .xlsx, or a .csv (UTF-8 or the GB18030 Excel writes in China)."""
    path = Path(path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            grid = _xlsx_grid(path)
        elif path.suffix.lower() in (".csv", ".txt"):
            grid = _csv_grid(path.read_bytes())
        else:
            raise UnreadableFile(QT_TRANSLATE_NOOP("Errors", "ShopDesk reads customer lists from .xlsx and .csv files."))
    except (OSError, ValueError, KeyError) as exc:
        if isinstance(exc, UnreadableFile):
            raise
        raise UnreadableFile(QT_TRANSLATE_NOOP("Errors", "Cannot read {file}: {detail}"), file=path.name, detail=str(exc))
    return _table(grid)


def _table(grid: list[list[str]]) -> Table:
    start = next((i for i, row in enumerate(grid) if any(cell.strip() for cell in row)), None)
    if start is None:
        raise UnreadableFile(QT_TRANSLATE_NOOP("Errors", "The file has no rows."))
    headers = [cell.strip() for cell in grid[start]]
    width = len(headers)
    body = []
    first_line = start + 2
    for row in grid[start + 1:]:
        body.append((row + [""] * width)[:max(width, len(row))])
    while body and not any(cell.strip() for cell in body[-1]):
        body.pop()
    if len(body) > MAX_ROWS:
        raise UnreadableFile(QT_TRANSLATE_NOOP("Errors", "The file has more than {count} rows: split it."), count=MAX_ROWS)
    return Table(headers, body, first_line)


def _csv_grid(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError("unknown text encoding")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[cell for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_grid(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone typed into a number cell: 13800138000.0
    return str(value)


def guess_mapping(headers: list[str]) -> dict[str, int | None]:
    """Which column (index) holds each field, from the headings; None where none does."""
    folded = [re.sub(r"[\s_:：()（）]", "", search_rules.fold(h)) for h in headers]
    mapping: dict[str, int | None] = {}
    taken: set[int] = set()
    for key in IMPORT_FIELDS:
        names = HEADINGS[key]
        index = next((i for i, h in enumerate(folded) if h in names and i not in taken), None)
        mapping[key] = index
        if index is not None:
            taken.add(index)
    return mapping


# -- the dry run -------------------------------------------------------------------------

@dataclass
class RowReport:
    line: int  # the row number in the spreadsheet
    values: dict[str, Any]
    problems: list[Text] = field(default_factory=list)
    created_number: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportReport:
    rows: list[RowReport]
    created: int = 0

    @property
    def valid(self) -> list[RowReport]:
        return [r for r in self.rows if r.ok]

    @property
    def invalid(self) -> list[RowReport]:
        return [r for r in self.rows if not r.ok]


def dry_run(actor: Actor, table: Table, mapping: dict[str, int | None]) -> ImportReport:
    """What importing ``table`` would do, row by row; nothing is written."""
    actor.require("customers.import")
    if mapping.get("name") is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the column that holds the customer's name."), field="name")
    today = customers._today(actor)
    known = _Known(table, mapping)
    reports = []
    for offset, raw in enumerate(table.rows):
        values = {key: (raw[index].strip() if index is not None and index < len(raw) else "")
                  for key, index in mapping.items() if key in IMPORT_FIELDS}
        if not any(values.values()):
            continue
        report = RowReport(table.first_line + offset, values)
        cleaned = _clean_row(values, today, report)
        if report.ok:
            known.check(report, cleaned)
        report.values = cleaned if report.ok else values
        reports.append(report)
    return ImportReport(reports)


def _clean_row(values: dict[str, str], today: dt.date, report: RowReport) -> dict[str, Any]:
    """The row as a customer's fields; every problem found is added to the report."""
    problems = report.problems
    row: dict[str, Any] = {k: v for k, v in values.items() if k in customers.TEXT_FIELDS}
    if not row.get("name"):
        problems.append(Text("Errors", customers.NAME_REQUIRED))
    if not (row.get("phone") or row.get("phone2")):
        problems.append(Text("Errors", customers.PHONE_REQUIRED))
    for key, check in (("phone", search_rules.check_phone), ("phone2", search_rules.check_phone),
                       ("email", lambda text, field: search_rules.check_email(text, field))):
        try:
            row[key] = check(row.get(key, ""), field=key)
        except ValidationError as exc:
            problems.append(exc.message)
    row["kind"] = _kind(values.get("kind", ""))
    if row["kind"] is None:
        problems.append(Text("Errors", QT_TRANSLATE_NOOP("Errors", "Unknown customer type {kind}."), kind=values["kind"]))
    if values.get("birthday"):
        try:
            row["birthday"], row["birthday_is_lunar"] = _birthday(values["birthday"])
        except ValueError:
            problems.append(Text("Errors", QT_TRANSLATE_NOOP("Errors", "{value} is not a date."), value=values["birthday"]))
    if problems:
        return row
    try:
        return customers.clean(row, today=today)  # the service's own checks (lengths, dates …)
    except ValidationError as exc:
        problems.append(exc.message)
        return row


def _kind(text: str) -> str | None:
    folded = search_rules.fold(text).strip().replace(" ", "")
    if not folded:
        return "walk_in"
    for kind, words in KIND_WORDS.items():
        if folded in words:
            return kind
    return None


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def _birthday(text: str) -> tuple[dt.date, bool]:
    text = search_rules.fold(text).strip()
    lunar = text.startswith(("农历", "阴历", "lunar"))
    for word in ("农历", "阴历", "lunar", "公历", "阳历"):
        text = text.replace(word, "").strip()
    found = _DATE.fullmatch(text)
    if not found:
        raise ValueError(text)
    return dt.date(*(int(g) for g in found.groups())), lunar


class _Known:
    """Existing phones and name+company pairs, read once for the whole file."""

    def __init__(self, table: Table, mapping: dict[str, int | None]):
        self.phones: dict[str, Customer] = {}
        self.pairs: dict[tuple[str, str], str] = {}
        self.file_phones: dict[str, int] = {}
        self.file_pairs: dict[tuple[str, str], int] = {}
        for customer_id, number, name, stored in Customer.select(
                Customer.id, Customer.number, Customer.name, Customer.phone_digits).tuples():
            for digits in stored.split():
                self.phones.setdefault(digits, (number, name))
        names = {row[mapping["name"]].strip() for row in table.rows if mapping["name"] < len(row)}
        names.discard("")
        listed = sorted(names)
        for start in range(0, len(listed), 500):
            for number, name, company in Customer.select(Customer.number, Customer.name, Customer.company).where(
                    Customer.name.in_(listed[start:start + 500])).tuples():
                if company.strip():
                    self.pairs.setdefault((name, search_rules.fold(company).strip()), number)

    def check(self, report: RowReport, row: dict[str, Any]) -> None:
        for digits in search_rules.phone_digits(row.get("phone", ""), row.get("phone2", "")).split():
            if digits in self.phones:
                number, name = self.phones[digits]
                report.problems.append(Text("Errors", QT_TRANSLATE_NOOP(
                    "Errors", "Duplicate: the same phone as {number} {name}."), number=number, name=name))
                return
            if digits in self.file_phones:
                report.problems.append(Text("Errors", QT_TRANSLATE_NOOP(
                    "Errors", "Duplicate: the same phone as row {line} of this file."), line=self.file_phones[digits]))
                return
        pair = (row["name"], search_rules.fold(row.get("company", "")).strip())
        if pair[1] and pair in self.pairs:
            report.problems.append(Text("Errors", QT_TRANSLATE_NOOP(
                "Errors", "Duplicate: the same name and company as {number}."), number=self.pairs[pair]))
            return
        if pair[1] and pair in self.file_pairs:
            report.problems.append(Text("Errors", QT_TRANSLATE_NOOP(
                "Errors", "Duplicate: the same name and company as row {line} of this file."), line=self.file_pairs[pair]))
            return
        for digits in search_rules.phone_digits(row.get("phone", ""), row.get("phone2", "")).split():
            self.file_phones[digits] = report.line
        if pair[1]:
            self.file_pairs[pair] = report.line


def import_rows(actor: Actor, table: Table, mapping: dict[str, int | None]) -> ImportReport:
    """Create a customer for every valid row, all in one transaction; the report says which."""
    actor.require("customers.import")
    actor.require("customers.edit")
    with database.atomic():
        report = dry_run(actor, table, mapping)
        for row in report.valid:
            created = customers._insert(actor, row.values, action="import")
            row.created_number = created.number
        report.created = len(report.valid)
    return report


# -- export --------------------------------------------------------------------------

EXPORT_COLUMNS = (
    ("number", QT_TRANSLATE_NOOP("CustomerFields", "Number")),
    ("name", FIELD_LABELS["name"]),
    ("company", FIELD_LABELS["company"]),
    ("contact_person", FIELD_LABELS["contact_person"]),
    ("phone", FIELD_LABELS["phone"]),
    ("phone2", FIELD_LABELS["phone2"]),
    ("email", FIELD_LABELS["email"]),
    ("address", FIELD_LABELS["address"]),
    ("region", FIELD_LABELS["region"]),
    ("kind", FIELD_LABELS["kind"]),
    ("birthday", FIELD_LABELS["birthday"]),
    ("last_order_at", QT_TRANSLATE_NOOP("CustomerFields", "Last order")),
    ("open_order_count", QT_TRANSLATE_NOOP("CustomerFields", "Open orders")),
    ("archived", QT_TRANSLATE_NOOP("CustomerFields", "Archived")),
    ("notes", FIELD_LABELS["notes"]),
)


def export(actor: Actor, path: str | Path, filters: customers.ListFilters = customers.ListFilters(),
           sort: customers.Sort | None = None, translate: Callable[[str, str], str] | None = None) -> int:
    """Write the list as filtered (and sorted) to .xlsx or .csv; returns the number of customers.

    ``translate(context, text)`` gives the headings in the window's language.
    """
    actor.require("customers.import")
    path = Path(path)
    in_language = translate or (lambda _context, text: text)
    ids = customers.list_ids(actor, filters, sort)
    header = [in_language("CustomerFields", label) for _, label in EXPORT_COLUMNS]
    lines = (_export_line(c, in_language) for c in _customers_in_order(ids))
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(path, header, lines)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as out:  # the BOM tells Excel it is UTF-8
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(lines)
    return len(ids)


def _customers_in_order(ids: list[int]):
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found = {c.id: c for c in Customer.select().where(Customer.id.in_(chunk))}
        yield from (found[i] for i in chunk if i in found)


def _export_line(customer: Customer, in_language) -> list[Any]:
    line = []
    for key, _ in EXPORT_COLUMNS:
        value = getattr(customer, key)
        if key == "kind":
            value = in_language("CustomerKinds", customers.KIND_LABELS.get(value, value))
        elif key == "archived":
            value = "✓" if value else ""
        elif key == "birthday" and value is not None:
            value = (in_language("CustomerFields", LUNAR) + " " if customer.birthday_is_lunar else "") + value.isoformat()
        elif isinstance(value, dt.datetime):
            value = value.date().isoformat()
        line.append("" if value is None else value)
    return line


def _write_xlsx(path: Path, header: list[str], lines) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(header)
    for line in lines:
        sheet.append(line)
    book.save(path)
