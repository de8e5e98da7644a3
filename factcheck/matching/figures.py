"""Figures: does a passage about the same thing state the claim's values?

Each quantity of the claim is looked for among the passage's quantities of the same
kind (percentages with percentages, euros with euros, lengths with lengths after
conversion). Within that kind, the one whose neighbouring words best match the
claim's is its counterpart. The claim's value holds when the two asserted intervals
meet: ``nearly 30%`` (27 to 30) meets ``29.3%``; ``177 billion`` (176.5 to 177.5
billion) does not meet ``17.7 billion``. A counterpart with another value is a
contradiction; no counterpart leaves the quantity not found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.matching.differences import WordChange
from factcheck.matching.finding import PassageMatch
from factcheck.matching.normalize import fold
from factcheck.matching.quantities import Quantity
from factcheck.matching.sentences import Passage, TextIndex
from factcheck.matching.tokens import tokenize
from factcheck.matching.values import AGREES, INCONCLUSIVE, comparable, compare
from factcheck.matching.words import content_words

CONTEXT_WORDS = 8
"""Words on each side of a number that say what it counts."""
SURE_CONTEXT_WORDS = 2
"""Neighbouring content words two measured quantities must share for a different value
to be a contradiction even in a passage only loosely about the claim."""
PLAUSIBLE_SHARE = 0.75
"""Counterparts whose context matches at least this share of the best match's are
taken as equally plausible."""



@dataclass(frozen=True)
class FigureCheck:
    """How one claimed quantity fared in one passage."""

    claimed: Quantity
    counterpart: Quantity | None
    """The passage's quantity it was compared with (None: nothing comparable)."""
    agrees: bool
    shared_context: int = 0
    """Content words the two have in common nearby: how surely they count the same thing."""


def context_of(text: str, quantity: Quantity, words: int = CONTEXT_WORDS) -> dict[str, float]:
    """Content words near a quantity in ``text``, each weighted by nearness (1 next to the
    number, falling with distance), its own words excluded."""
    before = tokenize(text[max(0, quantity.start - 240):quantity.start]).words[-words:]
    after = tokenize(text[quantity.end:quantity.end + 240]).words[:words]
    weights: dict[str, float] = {}
    for distance, word in enumerate(reversed(before)):
        for stemmed in content_words((word,)):
            weights[stemmed] = max(weights.get(stemmed, 0.0), 1 / (1 + distance))
    for distance, word in enumerate(after):
        for stemmed in content_words((word,)):
            weights[stemmed] = max(weights.get(stemmed, 0.0), 1 / (1 + distance))
    return weights


def _shared(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(min(a[w], b[w]) for w in a.keys() & b.keys())


def check_figures(claim_text: str, claimed: Sequence[Quantity], index: TextIndex, passage: Passage,
                  aligned: PassageMatch | None = None) -> list[FigureCheck]:
    """Each claimed quantity against its counterpart among the passage's quantities.

    The counterpart is the quantity of the same kind at the claim's place in the source
    when the claim's sentence aligns word by word (so swapped figures are caught), else
    the one whose neighbouring words best match the claim's; among counterparts about
    equally plausible, one that agrees is preferred.
    """
    available: list[Quantity] = []
    for sentence in range(passage.first, passage.last):
        available.extend(index.quantities(sentence))
    checks = []
    for q in claimed:
        placed = _aligned_counterpart(q, available, aligned)
        if placed is not None:
            checks.append(FigureCheck(q, placed, compare(q, placed) == AGREES, SURE_CONTEXT_WORDS))
            continue
        context = context_of(claim_text, q)
        scored = []
        for s in available:
            if not comparable(q, s):
                continue
            outcome = compare(q, s)
            if outcome != INCONCLUSIVE:
                scored.append((_shared(context, context_of(index.text, s)), outcome == AGREES, s))
        if not scored:
            checks.append(FigureCheck(q, None, False))
            continue
        best_context = max(t[0] for t in scored)
        plausible = [t for t in scored if t[0] >= best_context * PLAUSIBLE_SHARE]
        shared, ok, s = max(plausible, key=lambda t: (t[1], t[0], -_distance(q, t[2]), -t[2].start))
        checks.append(FigureCheck(q, s, ok, int(shared + 0.5)))
    return checks


def _aligned_counterpart(q: Quantity, available: list[Quantity], aligned: PassageMatch | None) -> Quantity | None:
    """The passage's quantity that the word alignment puts where ``q`` is in the claim."""
    if aligned is None:
        return None
    spans = [(s_start, s_end) for c_start, c_end, s_start, s_end in aligned.pairs
             if c_start < q.end and q.start < c_end]
    if not spans:
        return None
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    overlapping = [s for s in available if s.start < end and start < s.end and comparable(q, s)]
    if not overlapping:
        return None
    return max(overlapping, key=lambda s: min(end, s.end) - max(start, s.start))


def _distance(a: Quantity, b: Quantity) -> float:
    """Relative difference of two values: among conflicting numbers, the closest is the
    likeliest to be the same figure misstated."""
    scale = max(abs(a.value), abs(b.value), 1e-12)
    return abs(a.value - b.value) / scale


def figure_parts(checks: Sequence[FigureCheck], passage: Passage, text: str, *,
                 confident: bool) -> tuple[PassageMatch | None, ...]:
    """The checks as a finding's parts: agreeing (faithful), differing (a number change), or None.

    A differing value counts only when the passage is surely about the same thing
    (``confident``), or the two numbers share their unit or currency and at least
    ``SURE_CONTEXT_WORDS`` neighbouring words; otherwise it is left as not found.
    """
    parts: list[PassageMatch | None] = []
    for check in checks:
        if check.counterpart is None:
            parts.append(None)
            continue
        if not check.agrees and not (confident or (check.shared_context >= SURE_CONTEXT_WORDS
                                                   and check.claimed.kind not in ("count", "year"))):
            parts.append(None)
            continue
        s = check.counterpart
        changes: tuple[WordChange, ...]
        if check.agrees:
            same = fold(check.claimed.text).text.strip() == fold(s.text).text.strip()
            changes = () if same else (WordChange((check.claimed.text,), (s.text,), True, _why_agree(check)),)
        else:
            changes = (WordChange((check.claimed.text,), (s.text,), False, "number"),)
        changes = tuple(_with_texts(c) for c in changes)
        parts.append(PassageMatch(fragment=check.claimed.text, start=s.start, end=s.end, score=passage.relevance,
                                  exact=False, changes=changes, passage=text[s.start:s.end]))
    return tuple(parts)


def _with_texts(change: WordChange) -> WordChange:
    return WordChange(change.claimed, change.source, change.harmless, change.why,
                      claimed_text=" ".join(change.claimed), source_text=" ".join(change.source))


def _why_agree(check: FigureCheck) -> str:
    if check.claimed.hedge is not None and check.claimed.hedge != "vague":
        return "within the claim's tolerance"
    return "same figure written differently"
