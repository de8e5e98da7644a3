"""Where a run of words best appears in a text, and how it differs there.

Exact search first (``str.find`` over word codes: whole words only). Failing that,
rapidfuzz's partial alignment finds the window of the text most similar to the
needle, word by word; the window is then widened by a few words and re-aligned with
Levenshtein opcodes, whose doc-only words at either edge are trimmed, so the passage
starts and ends where the needle does even when words were added or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from factcheck.matching.tokens import WILDCARD

WINDOW_SLACK = 0.15
"""How much lower than the final bar the equal-length window search may score."""


@dataclass(frozen=True)
class Op:
    """One step of a word alignment: ``claim[c1:c2]`` versus ``doc[d1:d2]`` (doc positions absolute)."""

    tag: str
    """``equal``, ``replace``, ``delete`` (claim words missing from the doc) or ``insert``
    (doc words the claim lacks)."""
    c1: int
    c2: int
    d1: int
    d2: int


@dataclass(frozen=True)
class Alignment:
    """The best passage for a needle: doc words ``first`` to ``last - 1``."""

    first: int
    last: int
    score: float
    """Word-level similarity, 0 to 1 (1: every word equal)."""
    exact: bool
    ops: tuple[Op, ...]

    @property
    def changes(self) -> tuple[Op, ...]:
        """The steps that are not ``equal``."""
        return tuple(op for op in self.ops if op.tag != "equal")

    @property
    def equal_words(self) -> int:
        return sum(op.c2 - op.c1 for op in self.ops if op.tag == "equal")


def align(needle: str, haystack: str, *, min_score: float, start: int = 0) -> Alignment | None:
    """The best alignment of ``needle`` in ``haystack[start:]`` scoring at least ``min_score``.

    Both are word-code strings (see ``tokens.Vocabulary``).
    """
    if not needle or len(haystack) <= start:
        return None
    if WILDCARD not in needle:
        found = haystack.find(needle, start)
        if found >= 0:
            end = found + len(needle)
            return Alignment(found, end, 1.0, True, (Op("equal", 0, len(needle), found, end),))
    # The window search compares equal lengths, so words added or dropped cost it more
    # than they cost the final alignment: search with a lower bar, then refine.
    window = fuzz.partial_ratio_alignment(needle, haystack[start:] if start else haystack,
                                          score_cutoff=max(0.0, min_score - WINDOW_SLACK) * 100)
    if window is None:
        return None
    slack = max(3, len(needle) // 4)
    lo = max(start, start + window.dest_start - slack)
    hi = min(len(haystack), start + window.dest_end + slack)
    return _refine(needle, haystack, lo, hi, min_score)


def _refine(needle: str, haystack: str, lo: int, hi: int, min_score: float) -> Alignment | None:
    region = haystack[lo:hi]
    raw = Levenshtein.opcodes(needle, region)
    ops = [Op(o.tag, o.src_start, o.src_end, lo + o.dest_start, lo + o.dest_end) for o in raw]
    while ops and ops[0].tag == "insert":
        ops.pop(0)
    while ops and ops[-1].tag == "insert":
        ops.pop()
    if not ops or not any(op.tag == "equal" for op in ops):
        return None
    first = min(op.d1 for op in ops)
    last = max(op.d2 for op in ops)
    score = Indel.normalized_similarity(needle, haystack[first:last])
    if score < min_score:
        return None
    return Alignment(first, last, score, False, tuple(ops))
