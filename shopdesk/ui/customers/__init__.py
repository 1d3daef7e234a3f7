"""Customers (客户档案): the list, search as you type, the customer file, import and export."""
