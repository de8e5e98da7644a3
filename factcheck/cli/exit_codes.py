"""The exit statuses of the public contract (README, "Exit status")."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    """No claim has a verdict in the ``--fail-on`` set."""
    FAILED = 1
    """At least one claim has a verdict in the ``--fail-on`` set."""
    USAGE = 2
    """Bad input or usage: unreadable or invalid claims file, unknown option; nothing was checked."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C (128 + SIGINT, as shells report it)."""
