"""The one database proxy every model is bound to, and the shared field kinds."""

from __future__ import annotations

import peewee as pw

database = pw.DatabaseProxy()


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class MoneyField(pw.BigIntegerField):
    """An amount in integer cents (fen). Never a float."""

    def db_value(self, value):
        if isinstance(value, float):
            raise TypeError("money is integer cents, not float")
        return super().db_value(value)


class UtcDateTimeField(pw.DateTimeField):
    """A naive UTC datetime; the shop's time zone is applied only for display."""


class Versioned(BaseModel):
    """An editable record: saves carry the version they were based on.

    ``version`` grows by one on every save; ``updated_by``/``updated_at`` name
    who saved last, for the "changed by X at HH:MM — reload" message.
    """

    version = pw.IntegerField(default=1)
    updated_at = UtcDateTimeField(null=True)
    updated_by_name = pw.CharField(max_length=80, default="")
