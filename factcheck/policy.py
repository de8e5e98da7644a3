"""Which results fail a run: the ``--fail-on`` policy, kept out of the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import Report, Verdict

NEVER = "none"
CHANGED = "changed"
"""The word of ``--fail-on`` that stands for "a change since the previous run"."""


@dataclass(frozen=True)
class FailOn:
    """What makes the exit status 1: some verdicts, and (for cron) changes."""

    verdicts: frozenset[Verdict] = frozenset()
    changed: bool = False
    """Fail when a result changed since the previous run (transient failures aside)."""

    def failing(self, report: Report) -> int:
        """How many results fail the run (a claim counted once)."""
        return sum(1 for r in report.results
                   if r.verdict in self.verdicts or (self.changed and r.change is not None and r.change.counts))

    def words(self) -> list[str]:
        """The policy as ``--fail-on`` words, in the contract's order."""
        return [v.value for v in Verdict if v in self.verdicts] + ([CHANGED] if self.changed else [])


DEFAULT_FAIL_ON = FailOn(frozenset({Verdict.CONTRADICTED, Verdict.NOT_FOUND}))
"""The contract's default: a misquote, a wrong figure or a claim no source holds."""


def parse_fail_on(value: str) -> FailOn:
    """``"contradicted,not_found"`` -> the policy; ``"none"`` or ``""`` -> never fail;
    ``changed`` may be one of the words.

    Raises ValueError naming the unknown word and the accepted ones.
    """
    words = [w.strip().lower().replace("-", "_") for w in value.split(",") if w.strip()]
    if not words or words == [NEVER]:
        return FailOn()
    known = {v.value: v for v in Verdict}
    unknown = [w for w in words if w not in known and w != CHANGED]
    if unknown:
        raise ValueError(f"unknown word {unknown[0]!r}; use a comma-separated list of "
                         + ", ".join([*known, CHANGED]) + f", or '{NEVER}'")
    return FailOn(frozenset(known[w] for w in words if w in known), CHANGED in words)
