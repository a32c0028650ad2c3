"""A local HubSpot CRM emulator (OAuth, contacts, deals, tasks, notes, associations v4) on 127.0.0.1."""

from .seed import contacts_like_salesforce, seed_from_sources, seed_synthetic
from .server import EmulatorHandle, emulate_main, start_emulator
from .state import Portal

__all__ = ["EmulatorHandle", "Portal", "contacts_like_salesforce", "emulate_main", "seed_from_sources", "seed_synthetic", "start_emulator"]
