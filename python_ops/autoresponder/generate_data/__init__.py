"""Data behind `autoresponder generate` and the hand-made demo set in `seeds/`."""
