"""Local OpenAI-compatible emulator (chat completions with structured output, fault injection)."""

from autoresponder.emulators.openai.server import RunningEmulator, emulate_main, start_emulator
from autoresponder.emulators.openai.state import EmulatorState

__all__ = ["EmulatorState", "RunningEmulator", "emulate_main", "start_emulator"]
