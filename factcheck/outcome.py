"""What checking one source gave, as the pipeline, the findings store and the verdicts see it.

Apart from ``sourcecheck`` (which computes it) so that the main process can handle
outcomes, stored or computed in a worker, without importing the extractors.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.matching.finding import TextFinding
from factcheck.model import Evidence


@dataclass(frozen=True)
class TextCheck:
    """One claim checked against one text of the source, with the evidence it would give."""

    finding: TextFinding
    evidence: tuple[Evidence, ...]
    """One item per fragment found, ``url`` left as the source's target for the caller to set."""


@dataclass(frozen=True)
class SourceOutcome:
    """What one source gave: why it could not be read, or each claim's checks."""

    target: str
    status: int | None = None
    error: str | None = None
    final_url: str | None = None
    content_type: str | None = None
    warning: str | None = None
    text_hash: str | None = None
    """SHA-256 of the extracted texts (see ``text_hash``)."""
    checks: tuple[tuple[int, tuple[TextCheck, ...]], ...] = ()
    """(claim key, its checks in each text of the source, best text first)."""

    def checks_of(self, key: int) -> tuple[TextCheck, ...]:
        return next((checks for k, checks in self.checks if k == key), ())
