"""The exceptions factcheck raises, each carrying what a person needs to act on it.

A source that cannot be read is not an exception here: it becomes an ``unreachable``
result with its reason. Exceptions are for bad input and usage, which stop a run
before anything is checked.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of factcheck's own errors; the CLI prints ``str(error)`` and exits 2."""


class ClaimsFileError(FactcheckError):
    """A claims file that cannot be used: unreadable, not YAML, or not valid version 1."""

    def __init__(self, path: str, line: int | None, message: str, hint: str | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class OptionsError(FactcheckError):
    """An option value the library cannot work with (e.g. a zero concurrency)."""


class FetchError(FactcheckError):
    """Why one source could not be read; becomes the source's ``error`` string."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        self.reason = reason
        self.status = status
        super().__init__(reason)


class ExtractionError(FactcheckError):
    """Bytes that could not be turned into text (corrupt PDF, unsupported type)."""


class StateError(FactcheckError):
    """The run history cannot be opened, read or written."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message + (f"\n  hint: {hint}" if hint else ""))
