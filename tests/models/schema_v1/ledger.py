"""The fee ledger: append-only entries chained by hashes, and closed months.

An entry is never changed or removed. ``save()`` on an existing entry,
``delete_instance()``, and class-level ``update()``/``delete()`` raise.
A correction is a new entry whose ``reverses`` points at the old one.
"""

import peewee as pw

from tests.models.schema_v1.base import BaseModel, MoneyField, UtcDateTimeField
from tests.models.schema_v1.orders import RepairOrder
from tests.models.schema_v1.staff import Staff

ENTRY_KINDS = ("charge", "payment", "hand_in", "refund", "allowance", "adjustment", "reversal")
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
    month = pw.CharField(max_length=7, primary_key=True)  # "2026-11"
    closed_at = UtcDateTimeField()
    closed_by = pw.ForeignKeyField(Staff, null=True, backref="+")

    class Meta:
        table_name = "closed_month"
