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
from factcheck.matching.words import content_words, opposite_words

CONTEXT_WORDS = 8
"""Words on each side of a number that say what it counts."""
MIN_CONFLICT_CONTEXT = 0.5
"""Nearness-weighted neighbouring words (1 for a word next to the number) two figures
must share before a different value is a contradiction at all."""
SURE_CONTEXT = 1.0
"""What they must share for it to be one even in a passage only loosely about the claim."""
MEASURE_WORDS = frozenset(content_words(
    ["percent", "cent", "percentage", "point", "points", "billion", "million", "thousand", "trillion", "bn", "mn",
     "dollars", "euros", "pounds", "yuan", "yen", "roubles", "rubles", "kilometres", "kilometers", "miles",
     "tonnes", "tons", "kilos", "metres", "meters", "cubic", "year", "years", "month", "months"]))
"""Words that say how a number is measured, not what it counts: no evidence that two
numbers are about the same thing."""
COUNTED_WORDS = 4
"""Content words after a count that name what it counts (several, for adjectives)."""
DIRECTION_WORDS = 4
"""Words on each side of a figure looked at for its direction (rose, fell, up, down)."""
AGREEMENT_BONUS = 0.3
"""What an agreeing value adds to a counterpart's context score."""



@dataclass(frozen=True)
class FigureCheck:
    """How one claimed quantity fared in one passage."""

    claimed: Quantity
    counterpart: Quantity | None
    """The passage's quantity it was compared with (None: nothing comparable)."""
    agrees: bool
    shared_context: float = 0.0
    """Neighbouring words the two share, weighted by nearness: how surely they count the same thing."""
    placed: bool = False
    """The counterpart is the quantity the word alignment puts in the claim's place."""
    opposite: tuple[str, str] | None = None
    """A word next to the claim's figure whose opposite stands next to the source's
    ("rose 7%" / "fell 7%"): the same number, said of the other direction."""


def context_of(text: str, quantity: Quantity, words: int = CONTEXT_WORDS) -> dict[str, float]:
    """Content words near a quantity in ``text``, each weighted by nearness (1 for the
    nearest content word on each side, then 1/2, 1/3...), measure words and the
    quantity's own words excluded."""
    before = tokenize(text[max(0, quantity.start - 240):quantity.start]).words[-words:]
    after = tokenize(text[quantity.end:quantity.end + 240]).words[:words]
    weights: dict[str, float] = {}
    for side in (reversed(before), after):
        near = [w for w in content_words(side) if w not in MEASURE_WORDS]
        for rank, word in enumerate(near):
            weights[word] = max(weights.get(word, 0.0), 1 / (1 + rank))
    return weights


def _counts_other_things(q: Quantity, counted: set[str], s: Quantity, text: str) -> bool:
    """Two bare counts followed by words that have nothing in common count different things."""
    if not counted or q.kind != "count" or s.kind != "count":
        return False
    others = counted_words(text, s)
    return bool(others) and not counted & others


def counted_words(text: str, quantity: Quantity, words: int = COUNTED_WORDS) -> set[str]:
    """The content words right after a bare count: what it counts ("2,300 people")."""
    after = tokenize(text[quantity.end:quantity.end + 160]).words
    return set([w for w in content_words(after) if w not in MEASURE_WORDS][:words])


def _shared(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(min(a[w], b[w]) for w in a.keys() & b.keys())


def check_figures(claim_text: str, claimed: Sequence[Quantity], index: TextIndex, passage: Passage,
                  aligned: PassageMatch | None = None) -> list[FigureCheck]:
    """Each claimed quantity against its counterpart among the passage's quantities.

    The counterpart is the quantity at the claim's place in the source when the claim's
    sentence aligns word by word (so swapped figures are caught). Otherwise each claimed
    quantity takes, among the passage's quantities of its kind not yet taken, the one
    whose neighbouring words best match its own, an agreeing value counting
    ``AGREEMENT_BONUS`` more (a tie-breaker, not enough to outweigh clearly better
    context, so "exports rose 43.4%" is not matched with the imports' 43.4%).
    """
    available: list[Quantity] = []
    for sentence in range(passage.first, passage.last):
        available.extend(index.quantities(sentence))
    checks: list[FigureCheck] = []
    taken: set[int] = set()
    for q in claimed:
        context = context_of(claim_text, q)
        placed = _aligned_counterpart(q, available, aligned, claim_text)
        if placed is _ABSENT:
            checks.append(FigureCheck(q, None, False))
            continue
        counted = counted_words(claim_text, q)
        if placed is not None and _counts_other_things(q, counted, placed, index.text):
            checks.append(FigureCheck(q, None, False))
            continue
        if placed is not None:
            agreeing = comparable(q, placed) and compare(q, placed) == AGREES
            checks.append(FigureCheck(q, placed, agreeing, SURE_CONTEXT, placed=True))
            taken.add(id(placed))
            continue
        scored = []
        for s in available:
            if id(s) in taken or not comparable(q, s):
                continue
            if _counts_other_things(q, counted, s, index.text):
                continue                         # "14 ships" and "14 ports" count different things
            outcome = compare(q, s)
            if outcome != INCONCLUSIVE:
                shared = _shared(context, context_of(index.text, s))
                bonus = AGREEMENT_BONUS if outcome == AGREES else 0.0
                scored.append((shared + bonus, shared, outcome == AGREES, s))
        if not scored:
            checks.append(FigureCheck(q, None, False))
            continue
        _, shared, ok, s = max(scored, key=lambda t: (t[0], t[2], -_distance(q, t[3]), -t[3].start))
        taken.add(id(s))
        checks.append(FigureCheck(q, s, ok, shared))
    return [_with_direction(check, claim_text, index.text) for check in checks]


def _with_direction(check: FigureCheck, claim_text: str, text: str) -> FigureCheck:
    """An agreeing counterpart whose neighbouring words turn the claim's direction round
    (rose/fell, up/down, more/less) does not agree."""
    s = check.counterpart
    if s is None or not check.agrees:
        return check
    near_claim = _near_words(claim_text, check.claimed)
    opposite = opposite_words(near_claim, _near_words(text, s))
    if opposite is None:
        return check
    return FigureCheck(check.claimed, s, False, max(check.shared_context, SURE_CONTEXT), check.placed, opposite)


def _near_words(text: str, q: Quantity, words: int = DIRECTION_WORDS) -> list[str]:
    before = tokenize(text[max(0, q.start - 120):q.start]).words[-words:]
    after = tokenize(text[q.end:q.end + 120]).words[:words]
    return [*before, *after]


_AMOUNTS = frozenset({"count", "money", "mass", "length", "volume", "area", "time", "speed", "power", "energy"})
"""Kinds one figure may be misstated as another (a currency or a unit changed)."""
_ABSENT = Quantity(0.0, 0.0, 0.0, "absent", 0, 0, "")
"""The alignment shows the claim's figure in a clause the source does not have."""


def _aligned_counterpart(q: Quantity, available: list[Quantity], aligned: PassageMatch | None,
                         claim_text: str) -> Quantity | None:
    """The passage's quantity that the word alignment puts where ``q`` is in the claim."""
    if aligned is None:
        return None
    covering = [pair for pair in aligned.pairs if pair[0] < q.end and q.start < pair[1]]
    if not covering:
        return None
    c_start, c_end = min(p[0] for p in covering), max(p[1] for p in covering)
    around = claim_text[c_start:q.start] + " " + claim_text[q.end:c_end]
    if len([w for w in content_words(tokenize(around).words) if w not in MEASURE_WORDS]) >= 2:
        return _ABSENT           # a clause the source lacks, aligned with whatever ends its sentence
    spans = [(p[2], p[3]) for p in covering]
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    overlapping = [s for s in available if s.start < end and start < s.end
                   and (comparable(q, s) or (q.kind in _AMOUNTS and s.kind in _AMOUNTS))]
    if not overlapping:
        return None
    # The quantity in the claim's place, even of another currency or unit: "€53 million"
    # where the source's sentence says "$53 million" is a changed figure.
    return max(overlapping, key=lambda s: (comparable(q, s), min(end, s.end) - max(start, s.start)))


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
    ``SURE_CONTEXT`` of their neighbouring words; and never when they share less than
    ``MIN_CONFLICT_CONTEXT``. Otherwise it is left as not found.
    """
    parts: list[PassageMatch | None] = []
    for check in checks:
        if check.counterpart is None:
            parts.append(None)
            continue
        sure = check.shared_context >= SURE_CONTEXT and check.claimed.kind not in ("count", "year")
        if not check.agrees and (check.shared_context < MIN_CONFLICT_CONTEXT or not (confident or sure)):
            parts.append(None)
            continue
        s = check.counterpart
        changes: tuple[WordChange, ...]
        if check.agrees:
            same = fold(check.claimed.text).text.strip() == fold(s.text).text.strip()
            changes = () if same else (WordChange((check.claimed.text,), (s.text,), True, _why_agree(check)),)
        elif check.opposite is not None:
            word, other = check.opposite
            changes = (WordChange((f"{word} {check.claimed.text}",), (f"{other} {s.text}",), False, "antonym"),)
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
