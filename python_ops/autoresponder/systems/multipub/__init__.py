"""Multipub: subscriptions owned by Marketing; read as a snapshot, never written (DESIGN §2, §7)."""
