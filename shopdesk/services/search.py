"""Finding a customer while the phone rings: one search over names, pinyin,
phones, addresses, customer numbers, device serials and order numbers.

How it stays fast on 100k customers / 1M orders
-----------------------------------------------
- Numbers and serials are looked up in their own indexes, exact and by
  prefix (a range on the indexed column, so it works on any collation):
  ``customer.number``, ``device.serial_key``, ``repair_order.number``,
  ``customer.name`` and the first phone in ``customer.phone_digits``.
- Substrings are looked for only in the compact ``search_text`` /
  ``phone_digits`` columns and at most ``CANDIDATES`` matches are read per
  source: first words that begin with the query (" ww"), then words that
  contain it. With the search index (``models.customers.create_search_index``)
  SQLite answers from an FTS5 trigram index; a two-character word (王伟, ww)
  is looked up through the index's vocabulary: every trigram that starts
  with it. PostgreSQL uses ``LIKE``, which pg_trgm's GIN index answers from
  three characters on. Without an index, one ``LIKE`` pass reads the table
  (about 5–60 ms at 100k customers instead of 1–9 ms).
- The candidates are ranked in Python by ``rules.search.match``: exact
  number / phone first, then the name itself, then prefixes, then the rest;
  among equals, active files before archived and recent customers first.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import defaultdict
from dataclasses import dataclass

import peewee as pw

from shopdesk.models import Customer, Device, RepairOrder, database
from shopdesk.rules import search as rules
from shopdesk.services.context import Actor

CANDIDATES = 200  # rows read per source before ranking
FIRST_KEY_CANDIDATES = 100  # …for a one-character query (the first keystroke): matches abound
DENSE_TERM_ROWS = 3000  # a two-character word in more rows than this is found quicker by scanning
MAX_TRIGRAMS = 64  # …or one that starts more trigrams than this
_TOP = "\U0010ffff"  # sorts after every character: [p, p + _TOP) is "starts with p"


@dataclass(frozen=True)
class Hit:
    customer_id: int
    number: str
    name: str
    company: str
    phone: str
    kind: str
    region: str
    archived: bool
    last_order_at: dt.datetime | None
    rank: int
    via: str  # what matched: "order" | "serial" | "number" | "phone" | "name" | "text"
    detail: str = ""  # the order number, serial or phone that matched

    @property
    def order_number(self) -> str:
        return self.detail if self.via == "order" else ""


def find(actor: Actor, text: str, limit: int = 50, include_archived: bool = False) -> list[Hit]:
    """Customers (and orders) matching what was typed, best first."""
    actor.require("customers.view")
    query = rules.parse(text)
    if query.empty:
        return []
    found = _Found(FIRST_KEY_CANDIDATES if len(query.text) == 1 else CANDIDATES)
    _by_code(query, found)
    if query.kind == rules.PHONE:
        _by_phone(query, found, include_archived)
    elif query.kind != rules.CUSTOMER_NUMBER:
        _by_name_prefix(query, found, include_archived)
        _by_text(query, found, include_archived)
    return _ranked(query, found, include_archived)[:limit]


def customers_with_phone(actor: Actor, digits: str) -> list[int]:
    """Customers (archived too) one of whose phones is exactly these digits."""
    actor.require("customers.view")
    if len(digits) >= 3 and _search_index() == "fts5":
        ids = _fts_ids(f"phone_digits : {_quoted(digits)}", True, 1000)
    else:
        ids = _scan_ids(Customer.phone_digits, [digits], True, 1000)
    rows = Customer.select(Customer.id, Customer.phone_digits).where(Customer.id.in_(ids)).tuples()
    return [customer_id for customer_id, stored in rows if digits in stored.split()]


class _Found:
    def __init__(self, limit: int):
        self.limit = limit  # rows read per source
        self.ids: set[int] = set()
        self.serials: dict[int, list[str]] = defaultdict(list)
        self.orders: dict[int, list[str]] = defaultdict(list)

    def add(self, ids) -> None:
        self.ids.update(ids)


# -- the sources ----------------------------------------------------------------

def _starts_with(field: pw.Field, prefix: str):
    """``field`` starts with ``prefix``, as a range the column's index can answer."""
    return (field >= prefix) & (field < prefix + _TOP) & (pw.fn.SUBSTR(field, 1, len(prefix)) == prefix)


def _by_code(query: rules.Query, found: _Found) -> None:
    code = query.code
    if len(code) < 2 or " " in query.text:
        return
    if query.kind == rules.CUSTOMER_NUMBER:
        for condition in (Customer.number.in_(query.customer_numbers()), _starts_with(Customer.number, code)):
            found.add(r for (r,) in Customer.select(Customer.id).where(condition).limit(found.limit).tuples())
        return
    if query.kind == rules.CODE:
        _by_order_number(query, found)
    _by_serial(query, found)


def _by_order_number(query: rules.Query, found: _Found) -> None:
    conditions = [RepairOrder.number.in_(query.order_numbers())]
    if len(query.code) >= 3:
        conditions.append(_starts_with(RepairOrder.number, query.code))
    for condition in conditions:
        rows = RepairOrder.select(RepairOrder.customer, RepairOrder.number).where(condition)
        for customer_id, number in rows.order_by(RepairOrder.number).limit(20).tuples():
            found.ids.add(customer_id)
            if number not in found.orders[customer_id]:
                found.orders[customer_id].append(number)


def _by_serial(query: rules.Query, found: _Found) -> None:
    code = query.code
    conditions = [Device.serial_key == code]
    if len(code) >= (6 if query.kind == rules.PHONE else 3):
        conditions.append(_starts_with(Device.serial_key, code))
    for condition in conditions:
        for customer_id, serial in Device.select(Device.customer, Device.serial_key).where(condition).limit(50).tuples():
            found.ids.add(customer_id)
            if serial not in found.serials[customer_id]:
                found.serials[customer_id].append(serial)


def _by_name_prefix(query: rules.Query, found: _Found, include_archived: bool) -> None:
    rows = _active(Customer.select(Customer.id).where(_starts_with(Customer.name, query.typed)), include_archived)
    found.add(r for (r,) in rows.limit(found.limit).tuples())


def _by_phone(query: rules.Query, found: _Found, include_archived: bool) -> None:
    digits = query.digits
    first_phone = _active(Customer.select(Customer.id).where(_starts_with(Customer.phone_digits, digits)), include_archived)
    found.add(r for (r,) in first_phone.limit(found.limit).tuples())
    if len(digits) >= 3 and _search_index() == "fts5":
        found.add(_fts_ids(f"phone_digits : {_quoted(digits)}", include_archived, found.limit))
    else:  # archived files are dropped when ranking: so the scan reads only the phone_digits index
        found.add(_scan_ids(Customer.phone_digits, [digits], True, found.limit))


def _by_text(query: rules.Query, found: _Found, include_archived: bool) -> None:
    """Words beginning with the terms first (" ww"), then words containing them,
    so the best candidates are read before the limit is reached."""
    terms = list(query.terms)
    before = len(found.ids)
    # Without an index each pass reads the whole table: then one pass, and ranking sorts it out.
    passes = ([" " + term for term in terms], terms) if _search_index() else (terms,)
    for wanted in passes:
        found.add(_text_ids(wanted, include_archived, found.limit))
        if len(found.ids) - before >= found.limit:
            return


def _text_ids(terms: list[str], include_archived: bool, limit: int) -> list[int]:
    if _search_index() == "fts5":
        expression = _fts_expression(terms)
        if expression is None:
            return []  # no customer has a word like that
        if expression:
            return _fts_ids(f"search_text : ({expression})", include_archived, limit)
    return _scan_ids(Customer.search_text, terms, include_archived, limit)


def _active(select: pw.ModelSelect, include_archived: bool) -> pw.ModelSelect:
    return select if include_archived else select.where(~Customer.archived)


def _scan_ids(field: pw.Field, terms: list[str], include_archived: bool, limit: int) -> list[int]:
    """Customers whose compact column contains every term; stops at ``limit`` matches."""
    condition = None
    for term in terms:
        part = field.contains(term)
        condition = part if condition is None else condition & part
    rows = _active(Customer.select(Customer.id).where(condition), include_archived).limit(limit)
    return [r for (r,) in rows.tuples()]


# -- SQLite's FTS5 trigram index -----------------------------------------------

_index_kind: "weakref.WeakKeyDictionary[pw.Database, str]" = weakref.WeakKeyDictionary()


def _search_index() -> str:
    """"fts5" when this SQLite database has the trigram index, "trgm" when this
    PostgreSQL database has pg_trgm's, else "" (LIKE reads the whole table)."""
    db = database.obj
    if db not in _index_kind:
        if isinstance(db, pw.PostgresqlDatabase):
            row = db.execute_sql("SELECT 1 FROM pg_indexes WHERE indexname = 'customer_search_text_trgm'").fetchone()
            kind = "trgm" if row else ""
        else:
            row = db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'customer_fts_vocab'").fetchone()
            kind = "fts5" if row else ""
        _index_kind[db] = kind
    return _index_kind[db]


def forget_search_index() -> None:
    """Look again whether the database has the search index (after creating it)."""
    _index_kind.pop(database.obj, None)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fts_expression(terms: list[str]) -> str | None:
    """The MATCH expression for the words, "" if none can use the index, None if one matches nothing.

    Three characters or more match as a substring. Two characters become the
    trigrams that begin with them (search_text ends with a space, so a word's
    last two characters begin one too), unless they are so common that a
    scan finds enough rows at once. One character never narrows enough.
    """
    parts = []
    for term in terms:
        if len(term) >= 3:
            parts.append(_quoted(term))
        elif len(term) == 2:
            trigrams = database.execute_sql(
                "SELECT term, doc FROM customer_fts_vocab WHERE term >= ? AND term < ? LIMIT ?",
                (term, term + _TOP, MAX_TRIGRAMS + 1),
            ).fetchall()
            if not trigrams:
                return None
            if len(trigrams) <= MAX_TRIGRAMS and sum(doc for _, doc in trigrams) <= DENSE_TERM_ROWS:
                parts.append("(" + " OR ".join(_quoted(t) for t, _ in trigrams) + ")")
    return " AND ".join(parts)


def _fts_ids(expression: str, include_archived: bool, limit: int) -> list[int]:
    archived = "" if include_archived else "AND c.archived = 0"
    # CROSS JOIN keeps the index match as the outer loop: otherwise SQLite may walk
    # every customer through an (archived, …) index and probe the index per row.
    cursor = database.execute_sql(
        "SELECT c.id FROM customer_fts f CROSS JOIN customer c ON c.id = f.rowid "
        f"WHERE customer_fts MATCH ? {archived} LIMIT ?",
        (expression, limit),
    )
    return [r for (r,) in cursor.fetchall()]


# -- ranking ----------------------------------------------------------------------

_CANDIDATE_COLUMNS = (
    Customer.id, Customer.number, Customer.name, Customer.company, Customer.phone, Customer.phone2, Customer.kind,
    Customer.region, Customer.archived, Customer.last_order_at, Customer.search_text, Customer.phone_digits,
)


def _ranked(query: rules.Query, found: _Found, include_archived: bool) -> list[Hit]:
    if not found.ids:
        return []
    select = _active(Customer.select(*_CANDIDATE_COLUMNS).where(Customer.id.in_(sorted(found.ids))), include_archived)
    # Raw rows: converting a few hundred rows field by field costs more than the query.
    ranked = []
    for (customer_id, number, name, company, phone, phone2, kind, region, archived, last_order_at, text,
         digits) in database.execute_sql(*select.sql()).fetchall():
        candidate = rules.Candidate(
            name=name, company=company, number=number, search_text=text, phone_digits=digits,
            serials=tuple(found.serials.get(customer_id, ())), order_numbers=tuple(found.orders.get(customer_id, ())),
        )
        matched = rules.match(query, candidate)
        if matched is not None:
            ranked.append((matched, (customer_id, number, name, company, phone or phone2, kind, region, bool(archived),
                                     last_order_at)))
    # Best match first; among equals active before archived, then the most recent customer, then by number.
    ranked.sort(key=lambda pair: pair[1][1])
    ranked.sort(key=lambda pair: (pair[1][8] is not None, pair[1][8] or ""), reverse=True)
    ranked.sort(key=lambda pair: (*pair[0].order_key, pair[1][7]))
    return [_hit(matched, row) for matched, row in ranked]


def _hit(matched: rules.Match, row: tuple) -> Hit:
    customer_id, number, name, company, phone, kind, region, archived, last_order_at = row
    return Hit(customer_id=customer_id, number=number, name=name, company=company, phone=phone, kind=kind,
               region=region, archived=archived, last_order_at=Customer.last_order_at.python_value(last_order_at),
               rank=matched.rank, via=matched.via, detail=matched.detail)
