"""Where a run of words best appears in a text, and how it differs there.

Exact search first (``str.find`` over word codes: whole words only). Failing that,
rapidfuzz's partial alignment finds the window of the text most similar to the
needle, word by word; the window is then widened by a few words and re-aligned with
Indel opcodes (insertions and deletions only: a replaced word costs two, so stray words
at the edges are not taken for substitutions), whose doc-only words at either edge are
trimmed, so the passage starts and ends where the needle does even when words were
added or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from factcheck.matching.tokens import WILDCARD

UNMATCHED_WORD_COST = 0.5
"""What a window word that the needle lacks costs against one word in common."""
MAX_WILDCARD_WORDS = 4
"""A bracketed insertion may stand for at most this many source words."""

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
    n = len(needle) + needle.count(WILDCARD) * MAX_WILDCARD_WORDS
    slack = max(3, n // 4)
    # Room for the whole needle around the window, on whichever side it hangs off.
    lo = max(start, start + window.dest_end - n - slack)
    hi = min(len(haystack), start + window.dest_start + n + slack)
    return _refine(needle, haystack, lo, hi, min_score, slack)


def _refine(needle: str, haystack: str, lo: int, hi: int, min_score: float, slack: int) -> Alignment | None:
    """The tightest best-scoring window of the region, then its word opcodes.

    Every window whose length is within ``slack`` words of the needle's is scored: a
    word in common counts one, a word of the window the needle lacks costs
    ``UNMATCHED_WORD_COST`` (but for the few each bracketed insertion may stand for). So
    the passage takes in every word of the needle the text has, but no stray words at
    its edges, and a word the needle shares with the text just before the passage does
    not drag its start back. Bracketed insertions (``WILDCARD``) are left
    out of the scoring and may stand for up to ``MAX_WILDCARD_WORDS`` words each.
    """
    core = needle.replace(WILDCARD, "")
    wildcards = len(needle) - len(core)
    if not core:
        return None
    shortest = max(1, len(core) - slack)
    longest = len(core) + slack + wildcards * MAX_WILDCARD_WORDS
    best: tuple[float, int, int, int] | None = None
    for a in range(lo, hi):
        for b in range(a + shortest, min(hi, a + longest) + 1):
            common = (len(core) + (b - a) - Indel.distance(core, haystack[a:b])) // 2
            unmatched = max(0, b - a - common - wildcards * MAX_WILDCARD_WORDS)
            key = (common - UNMATCHED_WORD_COST * unmatched, common, -(b - a), -a)
            if best is None or key > best:
                best = key
    if best is None:
        return None
    first, last = -best[3], -best[3] - best[2]
    ops = [Op(o.tag, o.src_start, o.src_end, first + o.dest_start, first + o.dest_end)
           for o in Indel.opcodes(needle, haystack[first:last])]
    if not any(op.tag == "equal" for op in ops):
        return None
    score = _score(needle, haystack, first, last, ops)
    if score < min_score:
        return None
    return Alignment(first, last, score, False, tuple(ops))


def _score(needle: str, haystack: str, first: int, last: int, ops: list[Op]) -> float:
    """Word similarity of needle and passage, not counting the bracketed insertions nor the
    few words each may stand for."""
    if WILDCARD not in needle:
        return Indel.normalized_similarity(needle, haystack[first:last])
    absorbed = 0
    group_claim: list[int] = []
    group_doc = 0
    for op in [*ops, Op("equal", 0, 0, 0, 0)]:
        if op.tag != "equal":
            group_claim.extend(range(op.c1, op.c2))
            group_doc += op.d2 - op.d1
            continue
        cards = sum(1 for i in group_claim if needle[i] == WILDCARD)
        if cards:
            absorbed += min(group_doc, cards * MAX_WILDCARD_WORDS)
        group_claim, group_doc = [], 0
    core = needle.replace(WILDCARD, "")
    total = len(core) + (last - first - absorbed)
    equal = sum(op.c2 - op.c1 for op in ops if op.tag == "equal")
    return 2 * equal / total if total else 0.0
