"""Comparing two quantities: does what a source states make a claimed figure true?

Pure functions over ``Quantity`` values, used by the figure check and by the word diff
(where "3.4 billion" and "3,400 million" are the same figure written differently).
"""

from __future__ import annotations

import math

from factcheck.matching.quantities import OPEN_HEDGES, UPWARD_HEDGES, Quantity

AGREES, CONFLICTS, INCONCLUSIVE = "agrees", "conflicts", "inconclusive"
DIRECTIONAL_REACH = 1.5
"""How far from its number a one-way hedge ("more than 60") still counts as stating it."""

_COMPATIBLE_KINDS = {("money", "count"), ("count", "money"), ("year", "count"), ("count", "year"),
                     ("year", "date"), ("date", "year")}
STRICT_HEDGES = frozenset({"above", "below"})
"""Hedges that exclude their own number: "more than 12" is not 12 ("nearly 30%" of a
stated 30% is let pass: an understatement, not a wrong figure)."""


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities measure the same kind of thing and can be compared."""
    if a.kind == b.kind:
        if a.kind == "money":
            return a.currency == b.currency
        return True
    if "year" in (a.kind, b.kind) and "count" in (a.kind, b.kind):
        count = a if a.kind == "count" else b
        return count.value == int(count.value) and 1500 <= count.value <= 2199   # "in 2017" / "2017"
    return (a.kind, b.kind) in _COMPATIBLE_KINDS


def agrees(claimed: Quantity, source: Quantity) -> bool:
    """Whether the source's value lies where the claim's words put it."""
    return compare(claimed, source) == AGREES


def compare(claimed: Quantity, source: Quantity) -> str:
    """``agrees`` when what the source states makes the claim true, ``conflicts`` when it
    makes it false, ``inconclusive`` when it does neither.

    The source is read for the number it writes. A source hedged ("nearly 30%", "up to
    50") cannot vouch for a precise claim, only fail to contradict it (inconclusive)
    or contradict it (the claim lies outside what the hedge allows). Two figures hedged
    the same open way must have the same number ("less than 10 minutes" is not "less
    than 17 minutes", though both hold of 5). "More than R" needs more than R. A vague
    source ("hundreds of thousands") vouches only for a vague claim. Quantities of
    different kinds (money against a bare count, a count against a year) can agree, when
    their values do, but never contradict: they may well measure different things.
    """
    outcome = _compare(claimed, source)
    if outcome == CONFLICTS and claimed.kind != source.kind and "date" not in (claimed.kind, source.kind):
        return INCONCLUSIVE
    return outcome


def _compare(claimed: Quantity, source: Quantity) -> str:
    if claimed.kind == "date" and source.kind == "date":
        ok = claimed.date is not None and source.date is not None and _same_date(claimed.date, source.date)
        return AGREES if ok else CONFLICTS
    if "date" in (claimed.kind, source.kind):          # a year against a full date: the years agree
        year = claimed.value if claimed.kind == "year" else source.value
        date = claimed.date or source.date
        return AGREES if date is not None and date[0] == year else CONFLICTS
    if claimed.kind == "year" or source.kind == "year":
        return AGREES if claimed.value == source.value else CONFLICTS
    if source.hedge == "vague":
        if claimed.hedge != "vague":
            return INCONCLUSIVE
        return AGREES if _meet(claimed.low, claimed.high, source.low, source.high) else CONFLICTS
    outcome = CONFLICTS
    for reading in (source.value, *source.alternatives):
        low, high = reading - source.step / 2, reading + source.step / 2
        if source.hedge in OPEN_HEDGES:
            if claimed.hedge not in OPEN_HEDGES:
                if not _meet(claimed.low, claimed.high, source.low, source.high):
                    continue                     # outside what the source allows
                return INCONCLUSIVE
            same_way = (claimed.hedge in UPWARD_HEDGES) == (source.hedge in UPWARD_HEDGES)
            c_low, c_high = claimed.rounding
            if same_way and _meet(c_low, c_high, low, high):
                return AGREES
            continue
        if source.hedge is not None and claimed.hedge is None:
            if _meet(claimed.low, claimed.high, low, high):
                return AGREES                    # "$449,000" against "roughly $449,000"
            shift = reading - source.value
            if _meet(claimed.low, claimed.high, source.low + shift, source.high + shift):
                outcome = INCONCLUSIVE           # "28%" against "nearly 30%": unverifiable
            continue
        if claimed.hedge in STRICT_HEDGES and source.hedge is None and not _beyond(claimed, reading):
            continue                             # "more than 12" against 12
        if _meet(claimed.low, claimed.high, low, high):
            if claimed.directional and not _near(claimed.value, reading):
                outcome = INCONCLUSIVE           # "more than 10" of 5,000 is true but says little
                continue
            return AGREES
    return outcome


def _beyond(claimed: Quantity, value: float) -> bool:
    """Whether ``value`` is strictly past the number of a strict one-way hedge."""
    if claimed.hedge in UPWARD_HEDGES:
        return value > claimed.value
    return value < claimed.value


def _near(anchor: float, value: float) -> bool:
    """Within a factor of ``DIRECTIONAL_REACH`` of a one-way hedge's number."""
    if anchor == 0 or value == 0:
        return anchor == value
    ratio = abs(value / anchor)
    return 1 / DIRECTIONAL_REACH <= ratio <= DIRECTIONAL_REACH


def _meet(a_low: float, a_high: float, b_low: float, b_high: float) -> bool:
    """Whether two intervals share more than a boundary (``15.4`` and ``15.5`` only touch at
    15.45: two different roundings), or are the same single point.

    The tolerance absorbs float error only: relative to the magnitude, but never more
    than a quarter of the narrower interval (a figure in billions with cents is still
    compared to the cent).
    """
    magnitude = max(_finite(a_low), _finite(a_high), _finite(b_low), _finite(b_high), 1.0)
    widths = [w for w in (a_high - a_low, b_high - b_low) if w > 0 and math.isfinite(w)]
    tolerance = min([1e-12 * magnitude, *(w / 4 for w in widths)])
    if a_low == a_high or b_low == b_high:
        return a_low <= b_high + tolerance and b_low <= a_high + tolerance
    return a_low < b_high - tolerance and b_low < a_high - tolerance


def _finite(x: float) -> float:
    return abs(x) if math.isfinite(x) else 0.0


def _same_date(a: tuple[int | None, int | None, int | None], b: tuple[int | None, int | None, int | None]) -> bool:
    shared = 0
    for x, y in zip(a, b, strict=True):
        if x is not None and y is not None:
            if x != y:
                return False
            shared += 1
    return shared >= 1 and a[1] == b[1]


