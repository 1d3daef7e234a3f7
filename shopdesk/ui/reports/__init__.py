"""The Reports area: Today, the week's review, the month, with charts and exports."""
