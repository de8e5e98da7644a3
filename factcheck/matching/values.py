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


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities measure the same kind of thing and can be compared."""
    if a.kind == b.kind:
        if a.kind == "money":
            return a.currency == b.currency
        return True
    return (a.kind, b.kind) in _COMPATIBLE_KINDS


def agrees(claimed: Quantity, source: Quantity) -> bool:
    """Whether the source's value lies where the claim's words put it."""
    return compare(claimed, source) == AGREES


def compare(claimed: Quantity, source: Quantity) -> str:
    """``agrees`` when what the source states makes the claim true, ``conflicts`` when it
    makes it false, ``inconclusive`` when it does neither.

    The source is read for the number it writes: its rounding, its hedge set aside,
    except that a source hedged one way ("up to 50", "more than 60") cannot vouch for a
    precise claim (inconclusive), and two figures hedged the same way must have the same
    number ("less than 10 minutes" is not "less than 17 minutes", though both hold of 5).
    A vague source ("hundreds of thousands") vouches only for a vague claim.
    """
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
                return INCONCLUSIVE
            same_way = (claimed.hedge in UPWARD_HEDGES) == (source.hedge in UPWARD_HEDGES)
            c_low, c_high = claimed.rounding
            if same_way and _meet(c_low, c_high, low, high):
                return AGREES
            continue
        if _meet(claimed.low, claimed.high, low, high):
            if claimed.directional and not _near(claimed.value, reading):
                outcome = INCONCLUSIVE           # "more than 10" of 5,000 is true but says little
                continue
            return AGREES
    return outcome


def _near(anchor: float, value: float) -> bool:
    """Within a factor of ``DIRECTIONAL_REACH`` of a one-way hedge's number."""
    if anchor == 0 or value == 0:
        return anchor == value
    ratio = abs(value / anchor)
    return 1 / DIRECTIONAL_REACH <= ratio <= DIRECTIONAL_REACH


def _meet(a_low: float, a_high: float, b_low: float, b_high: float) -> bool:
    """Whether two intervals share more than a boundary (``15.4`` and ``15.5`` only touch at
    15.45: two different roundings), or are the same single point."""
    if a_low == a_high or b_low == b_high:
        tolerance = 1e-9 * max(_finite(a_low), _finite(b_low), 1.0)
        return a_low <= b_high + tolerance and b_low <= a_high + tolerance
    tolerance = 1e-9 * max(_finite(a_low), _finite(b_low), 1.0)
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


