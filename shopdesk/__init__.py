"""ShopDesk: desk software for small repair and service shops."""

__version__ = "0.1.0"
