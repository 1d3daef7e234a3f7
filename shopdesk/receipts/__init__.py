"""Printable receipts as PDF (reportlab, no Qt): the intake slip and the repair receipt.

    pdf = build_receipt(ReceiptData(...), layout="a5")      # a4 | a5 | 80mm
    pdf = build_batch([data1, data2, ...], layout="80mm")   # one PDF, a new page each
"""

from shopdesk.receipts.build import LAYOUTS, build_batch, build_receipt
from shopdesk.receipts.data import CustomerInfo, DeviceInfo, ReceiptData, ReceiptLine, ShopHeader, Totals
from shopdesk.receipts.labels import LABELS
from shopdesk.rules.money import format_yuan

__all__ = [
    "LABELS", "LAYOUTS", "CustomerInfo", "DeviceInfo", "ReceiptData", "ReceiptLine", "ShopHeader", "Totals",
    "build_batch", "build_receipt", "format_yuan",
]
