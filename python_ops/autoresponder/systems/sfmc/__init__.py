"""SFMC: Marketing's suppression feed; a snapshot in, suppression rows handed over (DESIGN §2)."""
