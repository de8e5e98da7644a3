"""Sentences of a source text and the passages most about a claim's subject.

A paraphrase does not align word by word, so statements and figures are also looked
for passage by passage: each sentence, and each pair of adjacent sentences, is scored
by how much of the claim's content it shares, each shared word weighted by how rare it
is in this text (a word every sentence has says little about which one is meant).
The index is built once per text and shared by every claim that searches it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.matching.quantities import Quantity, find_quantities
from factcheck.matching.tokens import IndexedText
from factcheck.matching.words import content_words

_BOUNDARY = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9À-Ý])|\n+")
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Jr|Sr|Inc|Ltd|Co|Corp|"
                          r"vs|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|etc|approx|Fig|Vol)"
                          r"|(?:\b[A-Z]\.)+[A-Z]?|\b[A-Z])\.?[\"'”’»)]*$")
"""Text just before a full stop that does not end a sentence: titles, months, initials
("W. M. Keck", "U.S.")."""
MIN_RELEVANCE = 0.3
"""Weighted share of a claim's content words a passage needs to be a candidate at all."""


@dataclass(frozen=True)
class Passage:
    """One sentence or two adjacent ones."""

    first: int
    """Index of its first sentence."""
    last: int
    """Index just past its last sentence."""
    start: int
    end: int
    relevance: float
    """Weighted share of the claim's content words it holds, 0 to 1."""


class TextIndex:
    """Sentences, their content words and quantities, and an inverted index, for one text."""

    def __init__(self, text: IndexedText) -> None:
        self.text = text.tokens.text
        self.tokens = text.tokens
        self.spans = split_sentences(self.text)
        self.words: list[set[str]] = [set() for _ in self.spans]
        self.word_positions: list[list[tuple[int, str]]] = [[] for _ in self.spans]
        # Words and sentences are both in text order: walk them together.
        bounds = [s for s, _ in self.spans] + [math.inf]
        sentence, next_start = -1, bounds[0]
        stem_of: dict[str, str | None] = {}
        word_starts = self.tokens.starts
        for i, word in enumerate(self.tokens.words):
            stemmed = stem_of.get(word, "")
            if stemmed == "":
                stemmed = stem_of[word] = next(iter(content_words((word,))), None)
            if stemmed is None:
                continue
            position = word_starts[i]
            while position >= next_start:
                sentence += 1
                next_start = bounds[sentence + 1]
            if sentence >= 0:
                self.words[sentence].add(stemmed)
                self.word_positions[sentence].append((i, stemmed))
        self.postings: dict[str, list[int]] = defaultdict(list)
        for sentence, words in enumerate(self.words):
            for word in words:
                self.postings[word].append(sentence)
        self._quantities: list[list[Quantity]] | None = None

    def idf(self, word: str) -> float:
        n = len(self.spans)
        df = len(self.postings.get(word, ()))
        return max(math.log((n + 1) / (df + 0.5)), 0.1)

    def quantities(self, sentence: int) -> list[Quantity]:
        """The quantities of one sentence, offsets relative to the whole text."""
        if self._quantities is None:
            self._quantities = [[] for _ in self.spans]
            starts = [s for s, _ in self.spans]
            for q in find_quantities(self.text):
                i = bisect.bisect_right(starts, q.start) - 1
                if i >= 0:
                    self._quantities[i].append(q)
        return self._quantities[sentence]

    def passages(self, claim_words: Iterable[str], limit: int = 5,
                 min_relevance: float = MIN_RELEVANCE) -> list[Passage]:
        """The sentences and sentence pairs sharing the most of ``claim_words``, best first."""
        wanted = set(claim_words)
        if not wanted:
            return []
        weights = {w: self.idf(w) for w in sorted(wanted)}
        total = math.fsum(weights.values())
        hits: dict[int, set[str]] = defaultdict(set)
        for word in wanted:
            for sentence in self.postings.get(word, ()):
                hits[sentence].add(word)
        scored: dict[tuple[int, int], float] = {}
        for sentence, words in hits.items():
            scored[(sentence, sentence + 1)] = min(math.fsum(weights[w] for w in sorted(words)) / total, 1.0)
            for pair in ((sentence - 1, sentence + 1), (sentence, sentence + 2)):
                a, b = pair
                if a < 0 or b > len(self.spans) or pair in scored:
                    continue
                union = set().union(*(hits.get(k, set()) for k in range(a, b)))
                scored[pair] = min(math.fsum(weights[w] for w in sorted(union)) / total, 1.0)
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0][1] - kv[0][0], kv[0][0]))
        out: list[Passage] = []
        for (a, b), relevance in ranked:
            if relevance < min_relevance or len(out) >= limit:
                break
            out.append(Passage(a, b, self.spans[a][0], self.spans[b - 1][1], relevance))
        return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; line breaks always end one."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if "\n" not in m.group() and ABBREVIATION.search(text[max(0, m.start() - 12):m.start()]):
            continue
        end = m.start()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def text_index(text: IndexedText) -> TextIndex:
    """The (cached) index of one prepared text."""
    cached = text.cache.get("sentences")
    if cached is None:
        cached = TextIndex(text)
        text.cache["sentences"] = cached
    assert isinstance(cached, TextIndex)
    return cached
