"""Follow-up calls (回访), complaints (客户投诉处理表) and customer care greetings."""

import peewee as pw

from shopdesk.models.base import BaseModel, UtcDateTimeField, Versioned
from shopdesk.models.customers import Customer
from shopdesk.models.orders import RepairOrder
from shopdesk.models.staff import Staff

CALL_STAGES = ("A", "B", "C", "periodic")
CALL_OUTCOMES = ("reached", "no_answer", "call_back_later")
COMPLAINT_CHANNELS = ("phone", "counter", "visit", "followup", "wechat", "letter")
COMPLAINT_CATEGORIES = ("quality", "technical", "service", "usage", "price")
RESOLUTION_KINDS = ("compensation", "trade_in", "part_replacement", "onsite_repair", "training", "other")
COMPLAINT_STATUSES = ("open", "in_hand", "resolved", "closed")
CALENDARS = ("solar", "lunar")


class FollowUpCall(Versioned):
    """One call made (an attempt): stages A/B/C are about an order, periodic
    calls about a contract or rental customer (no order).

    ``due_at`` is when the call was due (the queue's time), ``attempt`` counts
    the tries for the same due call (1 = first; a no-answer retry is 2 …).
    ``technician`` is the order's technician when the call was made, so the
    month's scores stay with the person who did the work.
    """

    order = pw.ForeignKeyField(RepairOrder, null=True, backref="followup_calls")
    customer = pw.ForeignKeyField(Customer, backref="followup_calls", index=True)
    stage = pw.CharField(max_length=10)
    due_at = UtcDateTimeField()
    attempt = pw.IntegerField(default=1)
    made_at = UtcDateTimeField(index=True)
    made_by = pw.ForeignKeyField(Staff, null=True, backref="+")
    technician = pw.ForeignKeyField(Staff, null=True, backref="+")
    outcome = pw.CharField(max_length=20)
    retry_at = UtcDateTimeField(null=True)
    score_timeliness = pw.SmallIntegerField(null=True)
    score_attitude = pw.SmallIntegerField(null=True)
    score_explanation = pw.SmallIntegerField(null=True)
    score_result = pw.SmallIntegerField(null=True)
    leftover_problem = pw.TextField(default="")
    unsatisfied = pw.BooleanField(default=False)
    cause = pw.TextField(default="")
    fix = pw.TextField(default="")
    note = pw.TextField(default="")
    confirmed_order = pw.BooleanField(default=False)  # a stage C call that let the order close
    reopened_as = pw.ForeignKeyField(RepairOrder, null=True, backref="+")  # the new visit it asked for
    created_at = UtcDateTimeField()

    class Meta:
        table_name = "followup_call"
        indexes = ((("order", "stage", "made_at"), False), (("customer", "stage", "made_at"), False))


class Complaint(Versioned):
    number = pw.CharField(max_length=20, unique=True)  # "T" + 6 digits
    received_at = UtcDateTimeField(index=True)
    channel = pw.CharField(max_length=12, default="phone")
    customer = pw.ForeignKeyField(Customer, backref="complaints", index=True)
    order = pw.ForeignKeyField(RepairOrder, null=True, backref="complaints")
    from_call = pw.ForeignKeyField(FollowUpCall, null=True, unique=True, backref="complaints")
    category = pw.CharField(max_length=12)
    good_faith = pw.BooleanField(default=True)  # False: judged malicious
    description = pw.TextField(default="")
    analysis = pw.TextField(default="")
    responsible = pw.ForeignKeyField(Staff, null=True, backref="+")
    approved_by = pw.ForeignKeyField(Staff, null=True, backref="+")
    approved_at = UtcDateTimeField(null=True)
    resolution_kind = pw.CharField(max_length=20, default="")
    resolution = pw.TextField(default="")
    feedback = pw.TextField(default="")  # what the customer was told
    customer_reaction = pw.TextField(default="")
    status = pw.CharField(max_length=10, default="open", index=True)
    resolved_at = UtcDateTimeField(null=True)
    closed_at = UtcDateTimeField(null=True)
    created_at = UtcDateTimeField()
    created_by = pw.ForeignKeyField(Staff, null=True, backref="+")

    class Meta:
        table_name = "complaint"


class Greeting(BaseModel):
    """A customer was greeted for an occasion ("birthday-2026", "spring-2027");
    unique, so nobody is greeted twice for the same occasion."""

    customer = pw.ForeignKeyField(Customer, backref="greetings")
    occasion = pw.CharField(max_length=40)
    greeted_at = UtcDateTimeField()
    greeted_by = pw.ForeignKeyField(Staff, null=True, backref="+")
    note = pw.CharField(max_length=250, default="")

    class Meta:
        table_name = "greeting"
        indexes = ((("customer", "occasion"), True), (("occasion",), False))


class CareHoliday(BaseModel):
    """A holiday the shop greets its contract customers for, besides the
    built-in ones (New Year, Spring Festival, Mid-Autumn, National Day)."""

    key = pw.CharField(max_length=30, unique=True)
    name = pw.CharField(max_length=60)
    calendar = pw.CharField(max_length=6, default="solar")
    month = pw.SmallIntegerField()
    day = pw.SmallIntegerField()
    active = pw.BooleanField(default=True)
    created_at = UtcDateTimeField()

    class Meta:
        table_name = "care_holiday"


FOLLOWUP_MODELS = [FollowUpCall, Complaint, Greeting, CareHoliday]
