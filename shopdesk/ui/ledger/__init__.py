"""The owner's fee ledger: entries, the period's figures, month close and verification, settlements."""
