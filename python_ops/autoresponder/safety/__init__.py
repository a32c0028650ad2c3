"""The project's adversarial safety world: cases that try to trick AutoResponder into wrong writes."""
