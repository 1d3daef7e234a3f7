"""The owner's Staff area: the people of the shop, and the audit trail."""
