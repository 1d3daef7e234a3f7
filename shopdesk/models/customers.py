"""Customer files: the customer, their devices, their contracts and rentals."""

import peewee as pw

from shopdesk.models.base import BaseModel, MoneyField, UtcDateTimeField, Versioned
from shopdesk.models.staff import Staff

CUSTOMER_KINDS = ("walk_in", "contract", "rental")
CONTRACT_KINDS = ("service", "rental")


class Customer(Versioned):
    number = pw.CharField(max_length=20, unique=True)
    kind = pw.CharField(max_length=12, default="walk_in")
    name = pw.CharField(max_length=120, index=True)
    company = pw.CharField(max_length=160, default="")
    contact_person = pw.CharField(max_length=80, default="")
    phone = pw.CharField(max_length=40, default="")
    phone2 = pw.CharField(max_length=40, default="")
    email = pw.CharField(max_length=120, default="")
    address = pw.CharField(max_length=250, default="")
    region = pw.CharField(max_length=60, default="", index=True)
    birthday = pw.DateField(null=True)
    birthday_is_lunar = pw.BooleanField(default=False)
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False, index=True)
    merged_into = pw.ForeignKeyField("self", null=True, backref="merged_from")
    # What search matches against, kept in step by the customer service:
    # lower-case text, pinyin (full and initials) of name/company/contact, and
    # the digits of every phone.
    search_text = pw.TextField(default="")
    phone_digits = pw.CharField(max_length=100, default="", index=True)
    last_order_at = UtcDateTimeField(null=True, index=True)
    open_order_count = pw.IntegerField(default=0)
    created_at = UtcDateTimeField()
    created_by = pw.ForeignKeyField(Staff, null=True, backref="+")

    class Meta:
        # The list's sort orders, read straight from an index (100k ids in ~30 ms, no sort step).
        indexes = (
            (("archived", "number"), False),
            (("archived", "name"), False),
            (("archived", "company"), False),
            (("archived", "phone"), False),
            (("archived", "region"), False),
            (("archived", "kind"), False),
            (("archived", "last_order_at"), False),
            (("archived", "open_order_count"), False),
        )


class Device(Versioned):
    customer = pw.ForeignKeyField(Customer, backref="devices", index=True)
    category = pw.CharField(max_length=30, default="copier")  # copier, printer, …
    brand = pw.CharField(max_length=60, default="")
    model = pw.CharField(max_length=80, default="")
    serial = pw.CharField(max_length=80, default="")
    serial_key = pw.CharField(max_length=80, default="", index=True)  # upper-case, no spaces
    purchase_date = pw.DateField(null=True)
    warranty_months = pw.IntegerField(default=0)
    owned_by_shop = pw.BooleanField(default=False)  # a rental copier
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False)
    created_at = UtcDateTimeField()


class ServiceContract(Versioned):
    """A service contract (合同) or a rental (租抄).

    Coverage flags say what a contract pays for. A rental carries what the
    monthly billing will need: the device, monthly fee, pages included, price
    per extra page, and its meter readings.
    """

    number = pw.CharField(max_length=20, unique=True)
    customer = pw.ForeignKeyField(Customer, backref="contracts", index=True)
    kind = pw.CharField(max_length=10, default="service")
    device = pw.ForeignKeyField(Device, null=True, backref="contracts")
    starts_on = pw.DateField()
    ends_on = pw.DateField()
    covers_labour = pw.BooleanField(default=True)
    covers_parts = pw.BooleanField(default=False)
    covers_travel = pw.BooleanField(default=True)
    monthly_fee = MoneyField(default=0)
    pages_included = pw.IntegerField(default=0)
    price_per_page = MoneyField(default=0)  # cents per extra page
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False)
    created_at = UtcDateTimeField()

    class Meta:
        table_name = "service_contract"


class MeterReading(BaseModel):
    contract = pw.ForeignKeyField(ServiceContract, backref="meter_readings")
    read_on = pw.DateField()
    counter = pw.BigIntegerField()
    entered_by = pw.ForeignKeyField(Staff, null=True, backref="+")
    created_at = UtcDateTimeField()

    class Meta:
        table_name = "meter_reading"


# -- the search index ----------------------------------------------------------
# Searching 100k customers by substring must not read the whole table on every
# keystroke. SQLite: an FTS5 trigram index over ``search_text`` and
# ``phone_digits`` (external content, kept in step by triggers) plus its
# vocabulary, which lets two-character queries (王伟, ww) use the index too.
# PostgreSQL: pg_trgm GIN indexes, used by ``LIKE '%…%'`` for three or more
# characters. ``shopdesk.services.search`` works (more slowly) without them.

SQLITE_SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS customer_fts USING fts5("
    "search_text, phone_digits, content='customer', content_rowid='id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS customer_fts_vocab USING fts5vocab(customer_fts, 'row')",
    "CREATE TRIGGER IF NOT EXISTS customer_fts_insert AFTER INSERT ON customer BEGIN "
    "INSERT INTO customer_fts(rowid, search_text, phone_digits) VALUES (new.id, new.search_text, new.phone_digits); END",
    "CREATE TRIGGER IF NOT EXISTS customer_fts_delete AFTER DELETE ON customer BEGIN "
    "INSERT INTO customer_fts(customer_fts, rowid, search_text, phone_digits) "
    "VALUES ('delete', old.id, old.search_text, old.phone_digits); END",
    "CREATE TRIGGER IF NOT EXISTS customer_fts_update AFTER UPDATE OF search_text, phone_digits ON customer BEGIN "
    "INSERT INTO customer_fts(customer_fts, rowid, search_text, phone_digits) "
    "VALUES ('delete', old.id, old.search_text, old.phone_digits); "
    "INSERT INTO customer_fts(rowid, search_text, phone_digits) VALUES (new.id, new.search_text, new.phone_digits); END",
    "INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')",
)

POSTGRES_SEARCH_INDEX = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS customer_search_text_trgm ON customer USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS customer_phone_digits_trgm ON customer USING gin (phone_digits gin_trgm_ops)",
)


def create_search_index(db: pw.Database) -> bool:
    """Create (or rebuild) the search index; idempotent. Call from create_schema
    and a migration step. Returns False where the database cannot have one
    (SQLite without FTS5/trigram, PostgreSQL without the pg_trgm extension):
    search then scans the compact columns instead."""
    statements = POSTGRES_SEARCH_INDEX if isinstance(db, pw.PostgresqlDatabase) else SQLITE_SEARCH_INDEX
    try:
        with db.atomic():
            for statement in statements:
                db.execute_sql(statement)
    except (pw.OperationalError, pw.ProgrammingError, pw.NotSupportedError):
        return False
    return True
