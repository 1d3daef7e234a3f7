"""Repair orders (维修单), their history (events) and their charge lines."""

import peewee as pw

from shopdesk.models.base import BaseModel, MoneyField, UtcDateTimeField, Versioned
from shopdesk.models.customers import Customer, Device, ServiceContract
from shopdesk.models.staff import Staff

LOCATIONS = ("onsite", "bench")
CHANNELS = ("phone", "counter", "visit")
PRIORITIES = ("normal", "urgent")
COVERAGES = ("rental", "contract", "warranty", "repair_warranty", "paid")
LINE_KINDS = ("labour", "part", "travel", "other", "discount")


class RepairOrder(Versioned):
    number = pw.CharField(max_length=20, unique=True)
    customer = pw.ForeignKeyField(Customer, backref="orders", index=True)
    device = pw.ForeignKeyField(Device, null=True, backref="orders", index=True)
    contract = pw.ForeignKeyField(ServiceContract, null=True, backref="orders")
    location = pw.CharField(max_length=10, default="onsite")
    channel = pw.CharField(max_length=10, default="phone")
    priority = pw.CharField(max_length=10, default="normal")
    fault = pw.TextField(default="")
    reported_by = pw.CharField(max_length=80, default="")
    contact_phone = pw.CharField(max_length=40, default="")
    address = pw.CharField(max_length=250, default="")
    accessories = pw.TextField(default="")
    condition = pw.TextField(default="")
    region = pw.CharField(max_length=60, default="")

    state = pw.CharField(max_length=24, default="new", index=True)
    reported_at = UtcDateTimeField(index=True)
    dispatched_at = UtcDateTimeField(null=True)
    assigned_at = UtcDateTimeField(null=True)
    appointment_at = UtcDateTimeField(null=True)
    started_at = UtcDateTimeField(null=True)
    resolved_at = UtcDateTimeField(null=True, index=True)  # work done (bench: ready for pickup)
    receipt_returned_at = UtcDateTimeField(null=True)
    closed_at = UtcDateTimeField(null=True, index=True)
    dispatched_to = pw.ForeignKeyField(Staff, null=True, backref="+")
    technician = pw.ForeignKeyField(Staff, null=True, backref="orders", index=True)
    outcome_reason = pw.TextField(default="")
    signer_name = pw.CharField(max_length=80, default="")
    cancel_reason = pw.TextField(default="")
    carried_over_on = pw.DateField(null=True)
    resume_state = pw.CharField(max_length=24, default="")  # where it goes back when the parts arrive
    ready_at = UtcDateTimeField(null=True)  # bench: ready for pickup since
    diagnosis = pw.TextField(default="")
    work_done = pw.TextField(default="")
    travel_km = pw.IntegerField(default=0)  # on-site travel, whole kilometres

    coverage = pw.CharField(max_length=20, default="paid")
    coverage_reason = pw.CharField(max_length=250, default="")
    coverage_overridden = pw.BooleanField(default=False)
    coverage_override_reason = pw.TextField(default="")
    repeat_of = pw.ForeignKeyField("self", null=True, backref="repeats")
    quote_state = pw.CharField(max_length=12, default="")  # "" | sent | approved | declined
    quote_amount = MoneyField(default=0)

    archived = pw.BooleanField(default=False)
    created_at = UtcDateTimeField()
    created_by = pw.ForeignKeyField(Staff, null=True, backref="+")

    class Meta:
        table_name = "repair_order"
        indexes = (
            (("technician", "state"), False),
            (("customer", "reported_at"), False),
            (("state", "region"), False),  # the board's region filter over open orders
        )


class OrderEvent(BaseModel):
    """One step in an order's history: who, when, from, to, note."""

    order = pw.ForeignKeyField(RepairOrder, backref="events", index=True)
    at = UtcDateTimeField()
    staff = pw.ForeignKeyField(Staff, null=True, backref="+")
    kind = pw.CharField(max_length=20, default="transition")
    from_state = pw.CharField(max_length=24, default="")
    to_state = pw.CharField(max_length=24, default="")
    note = pw.TextField(default="")
    data = pw.TextField(default="")  # JSON for details (appointment moved, coverage …)

    class Meta:
        table_name = "order_event"
        # Reports count transitions in a period ("unresolved last week") from this index.
        indexes = ((("to_state", "at"), False),)


class OrderPhoto(BaseModel):
    """A photo attached to an order (device condition at intake, the fault …).

    ``path`` is relative to the data folder: ``photos/<order number>/<file>``.
    """

    order = pw.ForeignKeyField(RepairOrder, backref="photos", index=True)
    path = pw.CharField(max_length=300)
    original_name = pw.CharField(max_length=250, default="")
    added_at = UtcDateTimeField()
    added_by = pw.ForeignKeyField(Staff, null=True, backref="+")

    class Meta:
        table_name = "order_photo"


class OrderLine(BaseModel):
    """A charge line: quantity × unit price, covered or charged per the coverage."""

    order = pw.ForeignKeyField(RepairOrder, backref="lines", index=True)
    kind = pw.CharField(max_length=10)
    code = pw.CharField(max_length=30, default="")
    description = pw.CharField(max_length=250, default="")
    quantity = pw.IntegerField(default=1)
    unit_price = MoneyField(default=0)
    covered = pw.BooleanField(default=False)
    points = pw.IntegerField(default=0)
    removed = pw.BooleanField(default=False)
    created_at = UtcDateTimeField()
    created_by = pw.ForeignKeyField(Staff, null=True, backref="+")

    class Meta:
        table_name = "order_line"


class PriceItem(Versioned):
    """The owner's price list: standard services and parts."""

    code = pw.CharField(max_length=30, unique=True)
    name = pw.CharField(max_length=120)
    kind = pw.CharField(max_length=10, default="labour")
    unit_price = MoneyField(default=0)
    points = pw.IntegerField(default=0)  # 分值 for the technician settlement
    active = pw.BooleanField(default=True)

    class Meta:
        table_name = "price_item"
