"""The fee ledger: append-only entries chained by hashes, and closed months.

An entry is never changed or removed. ``save()`` on an existing entry,
``delete_instance()``, and class-level ``update()``/``delete()`` raise.
A correction is a new entry whose ``reverses`` points at the old one.
"""

import peewee as pw

from shopdesk.models.base import BaseModel, MoneyField, UtcDateTimeField
from shopdesk.models.orders import RepairOrder
from shopdesk.models.staff import Staff

# A reversal is an entry of the same kind with the negated amount and ``reverses``
# set (see shopdesk.rules.ledger), so there is no separate "reversal" kind.
ENTRY_KINDS = ("charge", "payment", "hand_in", "refund", "allowance", "adjustment")
METHODS = ("", "cash", "wechat", "alipay", "bank", "card")


class AppendOnly(Exception):
    pass


class LedgerEntry(BaseModel):
    seq = pw.BigIntegerField(unique=True)
    kind = pw.CharField(max_length=12)
    amount = MoneyField()
    entry_date = pw.DateField(index=True)
    created_at = UtcDateTimeField()
    created_by = pw.ForeignKeyField(Staff, null=True, backref="+")
    order = pw.ForeignKeyField(RepairOrder, null=True, backref="ledger_entries", index=True)
    technician = pw.ForeignKeyField(Staff, null=True, backref="ledger_entries", index=True)
    method = pw.CharField(max_length=10, default="")
    memo = pw.CharField(max_length=250, default="")
    reverses = pw.ForeignKeyField("self", null=True, unique=True, backref="reversed_by")
    prev_hash = pw.CharField(max_length=64)
    hash = pw.CharField(max_length=64)

    class Meta:
        table_name = "ledger_entry"
        indexes = (
            # A period's summary reads only this index (no table rows).
            (("entry_date", "kind", "technician", "method", "amount"), False),
            # Cash a technician holds: what followed the last month close.
            (("technician", "entry_date"), False),
            # What an order owes (unpaid orders, receipts) without reading table rows.
            (("order", "entry_date", "kind", "amount"), False),
        )

    def save(self, *args, **kwargs):
        if self._pk is not None and not kwargs.get("force_insert"):
            raise AppendOnly("ledger entries are never changed; post a reversing entry")
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise AppendOnly("ledger entries are never deleted; post a reversing entry")

    @classmethod
    def update(cls, *args, **kwargs):
        raise AppendOnly("ledger entries are never changed; post a reversing entry")

    @classmethod
    def delete(cls):
        raise AppendOnly("ledger entries are never deleted; post a reversing entry")


class ClosedMonth(BaseModel):
    """The books are closed through the end of ``month`` (and every month before it).

    What was true at that moment is kept: the last entry's seq and hash (an
    anchor ``verify`` checks, so a chain rewritten and re-hashed from the start
    is still caught) and the cash each technician held, with the orders it
    was collected on (``balances`` JSON: {"cash_held": {"<staff id>": cents},
    "open_cash": {"<staff id>": {"<order id>": [collected, handed, first seq]}}}),
    from which later figures start instead of summing the whole history.
    """

    month = pw.CharField(max_length=7, primary_key=True)  # "2026-11"
    closed_at = UtcDateTimeField()
    closed_by = pw.ForeignKeyField(Staff, null=True, backref="+")
    last_seq = pw.BigIntegerField(default=0)
    last_hash = pw.CharField(max_length=64, default="")
    balances = pw.TextField(default="{}")

    class Meta:
        table_name = "closed_month"


class Settlement(BaseModel):
    """A technician's settlement for a period, approved by the owner.

    One row per technician and period: approving posts the allowance entries
    in the same transaction, so a second approval finds this row and posts
    nothing. ``figures`` is the approved statement as JSON.
    """

    technician = pw.ForeignKeyField(Staff, backref="settlements", index=True)
    period_from = pw.DateField()
    period_to = pw.DateField()
    km = pw.IntegerField(default=0)
    figures = pw.TextField(default="{}")
    approved_at = UtcDateTimeField()
    approved_by = pw.ForeignKeyField(Staff, null=True, backref="+")

    class Meta:
        table_name = "settlement"
        indexes = ((("technician", "period_from", "period_to"), True),)
