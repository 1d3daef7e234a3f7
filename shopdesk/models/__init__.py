"""peewee models, one module per aggregate, all bound to ``base.database``."""

from shopdesk.models.base import BaseModel, Versioned, database
from shopdesk.models.customers import Customer, Device, MeterReading, ServiceContract
from shopdesk.models.followups import CareHoliday, Complaint, FollowUpCall, Greeting
from shopdesk.models.ledger import AppendOnly, ClosedMonth, LedgerEntry, Settlement
from shopdesk.models.orders import OrderEvent, OrderLine, OrderPhoto, PriceItem, RepairOrder
from shopdesk.models.shop import Counter, SchemaVersion, ShopSettings
from shopdesk.models.staff import AuditEntry, Staff

# In dependency order: create in this order, drop in reverse.
ALL_MODELS = [
    SchemaVersion,
    Counter,
    ShopSettings,
    Staff,
    AuditEntry,
    Customer,
    Device,
    ServiceContract,
    MeterReading,
    PriceItem,
    RepairOrder,
    OrderEvent,
    OrderLine,
    OrderPhoto,
    LedgerEntry,
    ClosedMonth,
    Settlement,
    FollowUpCall,
    Complaint,
    Greeting,
    CareHoliday,
]

__all__ = [m.__name__ for m in ALL_MODELS] + ["AppendOnly", "BaseModel", "Versioned", "database", "ALL_MODELS"]
