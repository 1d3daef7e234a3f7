"""ShopDesk: desk software for small repair and service shops."""

from shopdesk.drivers import import_peewee_without_drivers

__version__ = "0.1.0"

import_peewee_without_drivers()  # before any module of ours imports peewee
