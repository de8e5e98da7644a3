"""Which verdicts fail a run: the ``--fail-on`` policy, kept out of the CLI."""

from __future__ import annotations

from factcheck.model import Verdict

DEFAULT_FAIL_ON = frozenset({Verdict.CONTRADICTED, Verdict.NOT_FOUND})
"""The contract's default: a misquote, a wrong figure or a claim no source holds."""
NEVER = "none"


def parse_fail_on(value: str) -> frozenset[Verdict]:
    """``"contradicted,not_found"`` -> the set of verdicts; ``"none"`` or ``""`` -> empty.

    Raises ValueError naming the unknown word and the accepted ones.
    """
    words = [w.strip().lower().replace("-", "_") for w in value.split(",") if w.strip()]
    if not words or words == [NEVER]:
        return frozenset()
    known = {v.value: v for v in Verdict}
    unknown = [w for w in words if w not in known]
    if unknown:
        raise ValueError(f"unknown verdict {unknown[0]!r}; use a comma-separated list of "
                         + ", ".join(known) + f", or '{NEVER}'")
    return frozenset(known[w] for w in words)
