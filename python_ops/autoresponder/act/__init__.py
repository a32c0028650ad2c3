"""Act: execute the action table's `auto` writes idempotently, log them, roll them back (DESIGN §10)."""
