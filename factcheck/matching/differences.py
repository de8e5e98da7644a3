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

from factcheck.matching.align import MAX_WILDCARD_WORDS
from factcheck.matching.quantities import find_quantities
from factcheck.matching.tokens import WILDCARD, tokenize
from factcheck.matching.values import AGREES, comparable, compare
from factcheck.matching.words import STOPWORDS, are_antonyms, is_negation, negates

MIN_TYPO_LENGTH = 6
"""A word must be this long for a one-letter difference to count as a typo."""

_NUMBER = re.compile(r"\d")
_WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_NUMERIC_WORDS = frozenset(_WORD_NUMBERS) | frozenset({
    "thousand", "million", "billion", "trillion", "thousands", "millions", "billions", "trillions",
    "hundreds", "dozens", "k", "m", "bn", "mn", "tn", "percent", "pct", "%", "$", "€", "£", "¥",
    "half", "third", "quarter", "double", "twice", "triple",
})
_ORDINALS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
    "eightieth", "ninetieth", "hundredth", "thousandth", "millionth",
})
_IRREGULAR_CONTRACTIONS = {
    "won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"), "shan't": ("shall", "not"),
    "ain't": ("is", "not"), "let's": ("let", "us"),
}
_CONTRACTION_SUFFIXES = (("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"))
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


def has_number(words: Sequence[str]) -> bool:
    return any(_NUMBER.search(w) for w in words)


def judge(claimed: Sequence[str], source: Sequence[str], *, paraphrase: bool = False,
          claimed_span: str | None = None, source_span: str | None = None,
          claimed_original: str = "", source_original: str = "",
          inserted: Sequence[str] = ()) -> WordChange:
    """Decide whether replacing ``claimed`` words by ``source`` words changes meaning.

    With ``paraphrase`` (statements and figures, which need not be verbatim), words
    may be reworded freely except where a negation, an opposite or a number is
    involved. ``claimed_span`` and ``source_span`` are the changed words with a word of
    context on each side as written, so that figures can be read whole ("25 percent"
    against "25%", "$3.4bn" against "$3,400 million"). ``claimed_original`` and
    ``source_original`` are the changed words as written (capitals tell names), and
    ``inserted`` the texts of the claim's bracketed insertions among them.
    """
    claimed, source = tuple(claimed), tuple(source)
    if WILDCARD in claimed:
        return _judge_wildcard(claimed, source, inserted)
    negated = any(is_negation(w) for w in claimed + source)
    if claimed and source and not negated and "".join(claimed) == "".join(source):
        return WordChange(claimed, source, True, "word split or joined")
    if _unapostrophed(claimed) == _unapostrophed(source):
        return WordChange(claimed, source, True, "apostrophe")
    if claimed and source and _expanded(claimed) == _expanded(source):
        return WordChange(claimed, source, True, "contraction")
    if len(claimed) == 1 and len(source) == 1:
        a, b = claimed[0], source[0]
        if same_number(a, b):
            return WordChange(claimed, source, True, "same number written differently")
        if american(a) == american(b):
            return WordChange(claimed, source, True, "British/American spelling")
        if is_typo(a, b):
            return WordChange(claimed, source, True, "typo")
    if claimed_span is not None and source_span is not None and (_numeric(claimed) or _numeric(source)):
        verdict = same_figures(claimed_span, source_span, tolerant=paraphrase)
        if verdict is not None:
            return WordChange(claimed, source, True, verdict)
    kind = _kind(claimed, source)
    if paraphrase:
        if not claimed and kind != "negation":
            return WordChange(claimed, source, True, "source says more")
        if claimed and source and _names(claimed_original) - _names(source_original) and _names(source_original):
            return WordChange(claimed, source, False, "name")
        if kind not in ("negation", "number", "antonym"):
            return WordChange(claimed, source, True, "reworded")
    return WordChange(claimed, source, False, kind)


def _names(text: str) -> set[str]:
    """Capitalised words that are not common words: the names in a stretch of text."""
    return {w.lower() for w in re.findall(r"\b[A-Z][^\W_]*", text) if w.lower() not in STOPWORDS}


def same_figures(claimed: str, source: str, *, tolerant: bool) -> str | None:
    """Why two pieces of text state the same figures (or None if they do not): written
    differently ("25 percent" / "25%"), or, when ``tolerant``, within the claim's hedge."""
    a, b = find_quantities(claimed), find_quantities(source)
    if not a or len(a) != len(b):
        return None
    exact = True
    for x, y in zip(a, b, strict=True):
        if not comparable(x, y) or compare(x, y) != AGREES:
            return None
        if x.hedge is not None or abs(x.value - y.value) > 1e-9 * max(abs(x.value), 1.0):
            exact = False
    if exact:
        return "same figure written differently"
    return "within the claim's tolerance" if tolerant else None


def is_typo(a: str, b: str) -> bool:
    """One letter wrong, added, dropped or two swapped, in a long word that is not a
    number, a negation or a scale word, and with the same first letter."""
    if a == b or not (a.isalpha() and b.isalpha()):
        return False
    if max(len(a), len(b)) < MIN_TYPO_LENGTH or a[0] != b[0]:
        return False
    if a in _PROTECTED or b in _PROTECTED or is_negation(a) or is_negation(b):
        return False
    if a in _NUMERIC_WORDS or b in _NUMERIC_WORDS or a in _ORDINALS or b in _ORDINALS:
        return False                      # seventy / seventh, eighty / eighth
    return OSA.distance(a, b) <= 1


def american(word: str) -> str:
    """A British spelling's American form (an approximation by suffix rules).

    A rule applies only when at least three letters stay before the suffix, so short
    words are never respelt into others ("four" is not "for", "hour" not "hor").
    """
    if len(word) < 4 or not word.isalpha():
        return word
    for pattern, replacement in _US_SPELLING:
        m = pattern.search(word)
        if m and m.start() >= 3:
            word = pattern.sub(replacement, word)
    return word


def same_number(a: str, b: str) -> bool:
    """``1,200`` and ``1200``, ``3.40`` and ``3.4``: the same number written differently."""
    x, y = _number_value(a), _number_value(b)
    return x is not None and x == y


def _number_value(word: str) -> float | None:
    if word in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[word])
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


def _numeric(words: Sequence[str]) -> bool:
    """Digits, number words, scale words, percent or currency: a figure is involved."""
    return any(_NUMBER.search(w) or w in _NUMERIC_WORDS for w in words)


def _unapostrophed(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(w.replace("'", "") for w in words)


def _expanded(words: Sequence[str]) -> tuple[str, ...]:
    """Contractions spelt out: "don't" -> "do not", "we'll" -> "we will", "cannot" -> "can not"."""
    out: list[str] = []
    for word in words:
        if word in _IRREGULAR_CONTRACTIONS:
            out.extend(_IRREGULAR_CONTRACTIONS[word])
            continue
        for suffix, expansion in _CONTRACTION_SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix):
                out.extend((word[: -len(suffix)], expansion))
                break
        else:
            out.append(word)
    return tuple(out)


def _judge_wildcard(claimed: tuple[str, ...], source: tuple[str, ...], inserted: Sequence[str]) -> WordChange:
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
    added = [w for text in inserted for w in tokenize(text).words]
    if any(is_negation(w) for w in added) or (has_number(added) and not has_number(hidden)):
        return WordChange(claimed, source, False, "bracket adds a number or a negation")
    return WordChange(claimed, source, True, "bracketed insertion")


def _kind(claimed: tuple[str, ...], source: tuple[str, ...]) -> str:
    if negates(claimed) != negates(source):
        return "negation"
    if _numeric(claimed) or _numeric(source):
        return "number"
    if any(are_antonyms(a, b) for a in claimed for b in source):
        return "antonym"
    if not source:
        return "words missing from the source"
    if not claimed:
        return "words added in the source"
    return "words replaced"
