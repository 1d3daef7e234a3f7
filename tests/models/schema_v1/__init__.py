"""ShopDesk's models as they were at schema version 1, frozen (do not edit).

Bound to their own proxy, so a test can build a version-1 database exactly as
the first release wrote it, then open it with today's program and migrate it.
"""

from tests.models.schema_v1.base import database
from tests.models.schema_v1.customers import Customer, Device, MeterReading, ServiceContract
from tests.models.schema_v1.ledger import ClosedMonth, LedgerEntry
from tests.models.schema_v1.orders import OrderEvent, OrderLine, PriceItem, RepairOrder
from tests.models.schema_v1.shop import Counter, SchemaVersion, ShopSettings
from tests.models.schema_v1.staff import AuditEntry, Staff

MODELS = [SchemaVersion, Counter, ShopSettings, Staff, AuditEntry, Customer, Device, ServiceContract,
          MeterReading, PriceItem, RepairOrder, OrderEvent, OrderLine, LedgerEntry, ClosedMonth]
