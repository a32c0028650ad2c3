"""The project's exception tree: every error names the file or record and the fix.

Every class says whether retrying can help (`retriable`) and which process exit code it means
(`exit_code`, DESIGN §10); the CLI prints one `error:` line and exits with that code:

| code | meaning |
|---:|---|
| 0 | all done |
| 2 | bad input or configuration (sources, settings, credentials, an unknown run id, a held run lock, a dbt build that fails on the input: `DbtFailed`) |
| 3 | some writes failed (each listed in the impact report with the remote's own message; a missing Task counts) |
| 4 | a guard stopped the run (mass deactivation, also in plan mode; the Salesforce quota guard) |
"""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_WRITES_FAILED = 3
EXIT_STOPPED = 4

EXIT_CODES_HELP = (
    "exit codes: 0 all done; 2 bad input or configuration (one 'error:' line naming the file and the fix, "
    "nothing half-written); 3 some writes failed (listed in the impact report with the remote's message); "
    "4 a guard stopped the run (deactivation guard, also for a plan; Salesforce quota guard)"
)


class AutoResponderError(Exception):
    """Base of every error this package raises on purpose."""

    retriable: bool = False
    exit_code: int = EXIT_BAD_INPUT


class ConfigurationError(AutoResponderError):
    """A setting or a command-line value is wrong or missing."""


class SourceMissingError(AutoResponderError):
    """A source file or folder the run needs is not there."""


class SourceFormatError(AutoResponderError):
    """A source file is there but its encoding, columns or values do not fit DESIGN §3."""


class UnknownRunError(AutoResponderError):
    """A command named a run id the write log does not know."""


class TargetMismatchError(AutoResponderError):
    """The systems opened now are not the ones the run being rolled back wrote to."""


class RunLocked(AutoResponderError):
    """Another run holds the run lock (one run at a time, DESIGN §10)."""

    retriable = True


class RunStopped(AutoResponderError):
    """A guard stopped the run (DESIGN §10): the deactivation guard before any write (a plan that
    trips it ends stopped too), or the Salesforce quota guard, the rest left `pending`."""

    exit_code = EXIT_STOPPED


class RemoteSystemError(AutoResponderError):
    """A remote system (Salesforce, CUPOLA, the LLM) failed; subclasses say whether a retry helps."""

    exit_code = EXIT_WRITES_FAILED


class WritesFailed(AutoResponderError):
    """Some writes of the run ended `failed_*` or a whole system raised (exit 3).

    `failures` holds `{system, object, record_id, action, status, message}` with the remote's
    own message; a whole-system error has `record_id` None.
    """

    exit_code = EXIT_WRITES_FAILED

    def __init__(self, failures: list[dict[str, Any]], run_id: str | None = None):
        self.failures = failures
        self.run_id = run_id
        n = len(failures)
        first = failures[0] if failures else {}
        where = f" (first: {first.get('system')} {first.get('record_id') or ''}: {first.get('message')})" if n else ""
        run = f"run {run_id}: " if run_id else ""
        super().__init__(f"{run}{n} write(s) failed{where}; see the impact report's 'Failed writes'. "
                         "Fix the cause and re-run: succeeded writes are skipped, failed ones retried")


class ConnectionFailed(RemoteSystemError):
    """A system refused our credentials (401/403) after one renewal of the token.

    The connection is marked `error` in `ops.connections` with `message` (the remote's own words
    and what to do); the run stops writing to that system and its remaining writes stay
    `pending`, so the next run sends them once the credentials are fixed. `outcomes` holds the
    writes that finished before the refusal. Exit 2: credentials are configuration.
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(self, system: str, message: str, outcomes: list[Any] | None = None):
        super().__init__(message)
        self.system = system
        self.message = message
        self.outcomes = list(outcomes or [])
