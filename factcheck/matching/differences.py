"""Is a word-level difference between a claim and its source harmless? Small pure rules.

A fact-checker must not call a misquote supported, nor cry wolf over a difference no
reader would care about. The decision is taken word by word, not by one similarity
threshold: each change found by the alignment is either excused by one of the rules
below, or it stands as a difference that changes meaning.

Harmless: a one-letter typo in a long word; British and American spellings; a word
split or joined (``well known`` / ``well-known`` / ``wellknown``); a bracketed insertion
standing for a few words that hold no number and no negation; a number written
another way (``1,200`` / ``1200``). Everything else (a negation added or dropped, a
number, a name or any other word replaced, words added or dropped) changes meaning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from factcheck.matching.tokens import WILDCARD

NEGATIONS = frozenset({
    "not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without",
    "cannot", "n't", "ain't", "no one", "hardly", "barely",
})
MAX_WILDCARD_WORDS = 4
"""A bracketed insertion may stand for at most this many source words."""
MIN_TYPO_LENGTH = 6
"""A word must be this long for a one-letter difference to count as a typo."""

_NUMBER = re.compile(r"\d")
_PROTECTED = frozenset({
    # scale and quantity words one letter apart from each other
    "million", "billion", "trillion", "millions", "billions", "trillions",
    "hundred", "thousand", "hundreds", "thousands",
})
_US_SPELLING = (
    (re.compile(r"our(s?)$"), r"or\1"),
    (re.compile(r"ise(s|d)?$"), r"ize\1"),
    (re.compile(r"ising$"), "izing"),
    (re.compile(r"isation(s?)$"), r"ization\1"),
    (re.compile(r"yse(s|d)?$"), r"yze\1"),
    (re.compile(r"ysing$"), "yzing"),
    (re.compile(r"([^aeiou])re(s?)$"), r"\1er\2"),
    (re.compile(r"ence(s?)$"), r"ense\1"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"amme(s?)$"), r"am\1"),
    (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe"), "e"),
)


@dataclass(frozen=True)
class WordChange:
    """One difference between the claim's words and the source's, judged."""

    claimed: tuple[str, ...]
    source: tuple[str, ...]
    harmless: bool
    why: str
    """Which rule excused it, or what kind of change it is."""
    claimed_text: str = ""
    """The claim's words as the claim writes them (filled in by the caller that has the text)."""
    source_text: str = ""
    """The source's words as the source writes them."""


def is_negation(word: str) -> bool:
    """Whether a folded word negates (``not``, ``never``, ``don't``...)."""
    return word in NEGATIONS or word.endswith("n't")


def has_number(words: Sequence[str]) -> bool:
    return any(_NUMBER.search(w) for w in words)


def judge(claimed: Sequence[str], source: Sequence[str], *, paraphrase: bool = False) -> WordChange:
    """Decide whether replacing ``claimed`` words by ``source`` words changes meaning.

    With ``paraphrase`` (statements and figures, which need not be verbatim), words
    may be reworded freely except where a negation or a number is involved.
    """
    claimed, source = tuple(claimed), tuple(source)
    if WILDCARD in claimed:
        return _judge_wildcard(claimed, source)
    if claimed and source and "".join(claimed) == "".join(source):
        return WordChange(claimed, source, True, "word split or joined")
    if len(claimed) == 1 and len(source) == 1:
        a, b = claimed[0], source[0]
        if same_number(a, b):
            return WordChange(claimed, source, True, "same number written differently")
        if american(a) == american(b):
            return WordChange(claimed, source, True, "British/American spelling")
        if is_typo(a, b):
            return WordChange(claimed, source, True, "typo")
    kind = _kind(claimed, source)
    if paraphrase and kind not in ("negation", "number"):
        return WordChange(claimed, source, True, "reworded")
    return WordChange(claimed, source, False, kind)


def is_typo(a: str, b: str) -> bool:
    """One letter wrong, added, dropped or two swapped, in a long word that is not a
    number, a negation or a scale word, and with the same first letter."""
    if a == b or not (a.isalpha() and b.isalpha()):
        return False
    if max(len(a), len(b)) < MIN_TYPO_LENGTH or a[0] != b[0]:
        return False
    if a in _PROTECTED or b in _PROTECTED or is_negation(a) or is_negation(b):
        return False
    return OSA.distance(a, b) <= 1


def american(word: str) -> str:
    """A British spelling's American form (an approximation by suffix rules)."""
    if len(word) < 4 or not word.isalpha():
        return word
    for pattern, replacement in _US_SPELLING:
        word = pattern.sub(replacement, word)
    return word


def same_number(a: str, b: str) -> bool:
    """``1,200`` and ``1200``, ``3.40`` and ``3.4``: the same number written differently."""
    x, y = _number_value(a), _number_value(b)
    return x is not None and x == y


def _number_value(word: str) -> float | None:
    if not word[:1].isdigit():
        return None
    text = word
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"\d+,\d{1,2}", text):
        return None                    # a decimal comma or a list; undecidable alone
    try:
        return float(text)
    except ValueError:
        return None


def _judge_wildcard(claimed: tuple[str, ...], source: tuple[str, ...]) -> WordChange:
    rest = [w for w in claimed if w != WILDCARD]
    remaining = list(source)
    for word in rest:                  # the claim's own words must still be there, in order
        if word in remaining:
            remaining = remaining[remaining.index(word) + 1:]
        else:
            return WordChange(claimed, source, False, "words replaced")
    hidden = [w for w in source if w not in rest]
    if len(hidden) > MAX_WILDCARD_WORDS * claimed.count(WILDCARD):
        return WordChange(claimed, source, False, "bracket stands for too many words")
    if has_number(hidden) or any(is_negation(w) for w in hidden):
        return WordChange(claimed, source, False, "bracket hides a number or a negation")
    return WordChange(claimed, source, True, "bracketed insertion")


def _kind(claimed: tuple[str, ...], source: tuple[str, ...]) -> str:
    if any(is_negation(w) for w in claimed + source):
        return "negation"
    if has_number(claimed) or has_number(source):
        return "number"
    if not source:
        return "words missing from the source"
    if not claimed:
        return "words added in the source"
    return "words replaced"
