"""Shared helpers of the matching tests: one call from a claim and a text to what matching found."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.matching import TextFinding, Vocabulary, claim_fragments, find, index_text
from factcheck.model import Claim, Kind, Verdict
from factcheck.verdicts import text_verdict

HERE = Path(__file__).resolve().parent

ARTICLES: dict[str, str] = {
    name: entry["text"]
    for name, entry in json.loads((HERE / "articles.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}
"""Real article bodies (MIT-licensed benchmark data, see articles.json) by short name."""


def check(kind: Kind | str, claim: str, text: str, scope: str = "page") -> TextFinding:
    """What matching finds of ``claim`` in ``text``, through the public ``find``."""
    vocabulary = Vocabulary()
    c = Claim("c1", Kind(kind), claim, sources=())
    return find(c, claim_fragments(c), index_text(text, scope, vocabulary), vocabulary)


def verdict(kind: Kind | str, claim: str, text: str) -> Verdict:
    """The verdict one text gives ``claim``."""
    return text_verdict(check(kind, claim, text))


def changes(finding: TextFinding) -> list[tuple[str, str, bool]]:
    """Every change of every found part as (claimed_text, source_text, harmless)."""
    return [(c.claimed_text, c.source_text, c.harmless) for p in finding.found for c in p.changes]


def meaningful(finding: TextFinding) -> list[tuple[str, str]]:
    """The meaning-changing changes as (claimed_text, source_text)."""
    return [(c.claimed_text, c.source_text) for p in finding.found for c in p.meaningful]
