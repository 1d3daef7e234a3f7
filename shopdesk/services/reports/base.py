"""What every report shares: the filters, the read-only moment, SQL for either database."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable

import peewee as pw

from shopdesk.errors import ValidationError
from shopdesk.i18n import QT_TRANSLATE_NOOP
from shopdesk.models import ShopSettings, Staff, database
from shopdesk.models.customers import CUSTOMER_KINDS
from shopdesk.rules import workflow
from shopdesk.services.context import Actor

VIEW = "day.close"  # the team lead and the owner
MONEY = "ledger.view"  # collected money: the owner
MONEY_KINDS = ("labour", "part", "travel", "other")
LIST_MAX = 500


@dataclass(frozen=True)
class Filters:
    technician_id: int | None = None
    region: str = ""
    customer_kind: str = ""  # walk_in | contract | rental; "" for every customer

    def __post_init__(self):
        if self.customer_kind and self.customer_kind not in CUSTOMER_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown customer type {kind}."),
                                  field="customer_kind", kind=self.customer_kind)


NO_FILTERS = Filters()


def _pg() -> bool:
    return isinstance(database.obj, pw.PostgresqlDatabase)


def _sql(text: str) -> str:
    """Query text written with ``?`` placeholders, for the database in use."""
    return text.replace("?", "%s") if _pg() else text


def _value(value: Any) -> Any:
    """A parameter as the column stores it (SQLite keeps timestamps as ISO text)."""
    if _pg() or value is None:
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _rows(text: str, params: Iterable[Any] = ()) -> list[tuple]:
    return database.execute_sql(_sql(text), [_value(p) for p in params]).fetchall()


def _one(text: str, params: Iterable[Any] = ()) -> tuple:
    return _rows(text, params)[0]


def _int(value) -> int:
    """SUM() is None over no rows, and Decimal on PostgreSQL."""
    return int(value or 0)


def _epoch(column: str) -> str:
    """A timestamp column as whole seconds (fractions dropped), in SQL."""
    if _pg():
        return f"CAST(EXTRACT(EPOCH FROM date_trunc('second', {column})) AS BIGINT)"
    return f"CAST(strftime('%s', {column}) AS INTEGER)"


def _unindexed(column: str) -> str:
    """``column`` such that SQLite will not pick its index for the condition.

    SQLite keeps no statistics here (no ANALYZE), so it takes ``state = 'closed'``
    (most of the table) for narrower than a date range; PostgreSQL knows better.
    """
    return column if _pg() else f"+{column}"


def _false() -> str:
    return "FALSE" if _pg() else "0"


@contextmanager
def _reading():
    """A read-only transaction: one moment for every figure, without holding up other desks.

    On PostgreSQL a report reads a few thousand rows scattered over large tables
    (a month's order lines): at the default cost of a random read (4, set for
    spinning disks) the planner would rather scan a whole table, five times
    slower; the shop's server reads from an SSD, so say so for this transaction.
    """
    if _pg():
        with database.atomic(isolation_level="REPEATABLE READ"):
            database.execute_sql("SET LOCAL random_page_cost = 1.1")
            yield
        return
    with database.atomic(lock_type="DEFERRED"):
        yield


def _settings() -> ShopSettings:
    return ShopSettings.get_by_id(1)


def _order_filters(filters: Filters, alias: str = "o", technician: str | None = None) -> tuple[str, list]:
    """SQL conditions (each starting with AND) narrowing orders ``alias`` to the filters.

    ``technician``: the column the technician filter applies to (default the order's).
    The conditions test rows the date range found; they must not lead SQLite to
    walk a technician's or a customer's whole history instead.
    """
    sql, params = "", []
    if filters.technician_id is not None:
        sql += f" AND {_unindexed(technician or alias + '.technician_id')} = ?"
        params.append(filters.technician_id)
    if filters.region:
        sql += f" AND {_unindexed(alias + '.region')} = ?"
        params.append(filters.region)
    if filters.customer_kind:
        sql += f" AND {_unindexed(alias + '.customer_id')} IN (SELECT id FROM customer WHERE kind = ?)"
        params.append(filters.customer_kind)
    return sql, params


def _filtered(filters: Filters) -> bool:
    return filters != NO_FILTERS


def _names(ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    return dict(Staff.select(Staff.id, Staff.name).where(Staff.id.in_(wanted)).tuples())


# == what the filters offer ========================================================================

@dataclass(frozen=True)
class FilterChoices:
    technicians: list[tuple[int, str]]
    regions: list[str]
    customer_kinds: tuple[str, ...] = CUSTOMER_KINDS


def filter_choices(actor: Actor) -> FilterChoices:
    """Who and where the filters offer: staff who take orders (those who left too), customers' regions."""
    actor.require(VIEW)
    people = (Staff.select(Staff.id, Staff.name).where(Staff.role.in_(list(workflow.TAKES_ORDERS)))
              .order_by(Staff.active.desc(), Staff.name, Staff.id).tuples())
    regions = _rows("SELECT DISTINCT region FROM customer WHERE region <> '' ORDER BY region")
    return FilterChoices(list(people), [r for (r,) in regions])


