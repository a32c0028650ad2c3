"""The project's exception tree: every error names the file or record and the fix."""

from __future__ import annotations


class AutoResponderError(Exception):
    """Base of every error this package raises on purpose."""


class SourceMissingError(AutoResponderError):
    """A source file or folder the run needs is not there."""


class SourceFormatError(AutoResponderError):
    """A source file is there but its columns or values do not fit DESIGN §3."""


class RunStopped(AutoResponderError):
    """A guard stopped the run before any write (DESIGN §10)."""
