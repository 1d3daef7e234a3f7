"""Customer files: the customer, their devices, their contracts and rentals."""

import peewee as pw

from tests.models.schema_v1.base import BaseModel, MoneyField, UtcDateTimeField, Versioned
from tests.models.schema_v1.staff import Staff

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
