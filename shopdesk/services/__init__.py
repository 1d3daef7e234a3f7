"""What a person can do, one module per area.

Every call takes the ``Actor`` (who is signed in, and the clock), checks the
role, runs in one transaction, writes the audit row, and uses ``shopdesk.rules``.
"""
