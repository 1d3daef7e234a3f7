"""The shop's people and what they did (audit trail)."""

import peewee as pw

from tests.models.schema_v1.base import BaseModel, UtcDateTimeField, Versioned

ROLES = ("front_desk", "team_lead", "technician", "owner")


class Staff(Versioned):
    username = pw.CharField(max_length=40, unique=True)
    name = pw.CharField(max_length=80)
    role = pw.CharField(max_length=20, choices=[(r, r) for r in ROLES])
    phone = pw.CharField(max_length=40, default="")
    region = pw.CharField(max_length=60, default="")
    active = pw.BooleanField(default=True)
    password_hash = pw.CharField(max_length=300, default="")  # scrypt, never clear text
    failed_attempts = pw.IntegerField(default=0)
    locked_until = UtcDateTimeField(null=True)
    created_at = UtcDateTimeField()


class AuditEntry(BaseModel):
    """Who created or changed what, old → new. Written by services, never edited."""

    at = UtcDateTimeField(index=True)
    staff = pw.ForeignKeyField(Staff, null=True, backref="audit_entries")
    action = pw.CharField(max_length=20)  # create | update | archive | merge | …
    record_type = pw.CharField(max_length=40)
    record_id = pw.CharField(max_length=40)
    summary = pw.CharField(max_length=250, default="")
    changes = pw.TextField(default="{}")  # JSON {field: [old, new]}

    class Meta:
        table_name = "audit_entry"
        indexes = ((("record_type", "record_id"), False),)
