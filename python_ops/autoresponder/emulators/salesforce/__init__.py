"""A local Salesforce REST + Bulk 2.0 emulator over TLS, driven by the real simple-salesforce client."""

from .seed import seed_from_sources, seed_records, synthetic_contacts, synthetic_leads, write_sample_sources
from .server import EmulatorHandle, LoopbackAdapter, emulate_main, start_emulator
from .state import ApiError, OrgState, id18

__all__ = [
    "ApiError",
    "EmulatorHandle",
    "LoopbackAdapter",
    "OrgState",
    "emulate_main",
    "id18",
    "seed_from_sources",
    "seed_records",
    "start_emulator",
    "synthetic_contacts",
    "synthetic_leads",
    "write_sample_sources",
]
