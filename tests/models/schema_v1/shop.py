"""The shop's own settings, shared by every desk (printed on receipts)."""

import peewee as pw

from tests.models.schema_v1.base import BaseModel, MoneyField, Versioned


class ShopSettings(Versioned):
    """One row (id 1). Each field is a setting a shop can change in Settings."""

    name = pw.CharField(max_length=120, default="")
    address = pw.CharField(max_length=250, default="")
    phone = pw.CharField(max_length=60, default="")
    logo_png = pw.BlobField(null=True)
    timezone = pw.CharField(max_length=60, default="Asia/Shanghai")
    repair_warranty_days = pw.IntegerField(default=90)
    dispatch_limit_minutes = pw.IntegerField(default=5)
    assign_limit_minutes = pw.IntegerField(default=10)
    tax_rate_basis_points = pw.IntegerField(default=0)  # 600 = 6.00 %
    receipt_layout = pw.CharField(max_length=10, default="a5")  # a4 | a5 | 80mm
    receipt_terms = pw.TextField(default="")
    travel_allowance_per_visit = MoneyField(default=0)
    fuel_allowance_per_km = MoneyField(default=0)
    pickup_reminder_days = pw.IntegerField(default=14)
    followup_long_repair_days = pw.IntegerField(default=3)
    followup_contract_days = pw.IntegerField(default=90)
    churn_months = pw.IntegerField(default=12)
    call_script_satisfied = pw.TextField(default="")
    call_script_unsatisfied = pw.TextField(default="")
    backup_folder = pw.CharField(max_length=500, default="")
    backup_keep_daily = pw.IntegerField(default=7)
    backup_keep_monthly = pw.IntegerField(default=12)

    class Meta:
        table_name = "shop_settings"


class Counter(BaseModel):
    """Number sequences (customer, order, contract …), incremented inside the
    transaction that uses the number, so a rolled-back insert gives it back:
    numbers are unique and gap-free."""

    name = pw.CharField(max_length=40, primary_key=True)
    value = pw.BigIntegerField(default=0)


class SchemaVersion(BaseModel):
    """The schema version this database is at (one row)."""

    version = pw.IntegerField()

    class Meta:
        table_name = "schema_version"
