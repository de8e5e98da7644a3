"""A quote claim's text as fragments: ellipses split it, brackets mark editing.

``...``, ``…``, ``[...]`` and ``(...)`` mark omitted words: each side is a fragment,
found on its own, in order. A bracketed insertion standing as a word (``[they]``,
``[China]``) replaces words of the original that need not appear: it becomes one
WILDCARD word, which the word diff lets stand for a few source words. Brackets inside
a word (``[T]he``, ``Russia[n]``) only mark a changed letter: they are dropped, as are
editorial notes that stand for no words (``[sic]``, ``[emphasis added]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.matching.tokens import WILDCARD, Tokens, tokenize

_ELLIPSIS = re.compile(r"\s*(?:[\[(]\s*(?:…|\.\s*\.\s*\.)\s*[\])]|…|\.\s*\.\s*\.(?:\s*\.)*)\s*")
_IN_WORD_BRACKET = re.compile(r"(?<=\w)\[([^\[\]\s]{1,12})\]|\[([^\[\]\s]{1,12})\](?=\w)")
_BRACKET = re.compile(r"\[([^\[\]]{1,80})\]")
_EDITORIAL_NOTE = re.compile(r"\s*\[\s*(?:sic!?|emphasis (?:added|mine|ours))\s*\]", re.IGNORECASE)
_OUTER_QUOTES = "\"'“”‘’«»„‚‹›"


@dataclass(frozen=True)
class Fragment:
    """A run of a claim's words that must appear together in a source."""

    text: str
    """The fragment as the claim writes it."""
    tokens: Tokens
    """Its words; free-standing bracketed insertions are the single word ``WILDCARD``."""
    insertions: tuple[str, ...] = ()
    """The bracketed insertions' texts, in order."""

    @property
    def words(self) -> tuple[str, ...]:
        return self.tokens.words


def strip_outer_quotes(text: str) -> str:
    """The text without quote marks wrapped around all of it."""
    text = text.strip()
    while len(text) >= 2 and text[0] in _OUTER_QUOTES and text[-1] in _OUTER_QUOTES:
        inner = text[1:-1].strip()
        if any(q in inner for q in "\"“”«»"):
            break
        text = inner
    return text


def quote_fragments(text: str) -> tuple[Fragment, ...]:
    """The fragments of a quote claim, in order (empty ones dropped)."""
    pieces = _ELLIPSIS.split(strip_outer_quotes(text))
    fragments = []
    for piece in pieces:
        fragment = make_fragment(piece)
        if fragment.words and any(w != WILDCARD for w in fragment.words):
            fragments.append(fragment)
    return tuple(fragments)


def make_fragment(text: str) -> Fragment:
    """One fragment, with in-word brackets dropped and free-standing ones made wildcards."""
    text = text.strip()
    cleaned = _EDITORIAL_NOTE.sub("", text)
    cleaned = _IN_WORD_BRACKET.sub(lambda m: m.group(1) or m.group(2), cleaned)
    insertions = tuple(m.group(1) for m in _BRACKET.finditer(cleaned))
    if not insertions:
        return Fragment(text, tokenize(cleaned))
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in _BRACKET.finditer(cleaned):
        _extend(words, starts, ends, cleaned, position, match.start())
        words.append(WILDCARD)
        starts.append(match.start())
        ends.append(match.end())
        position = match.end()
    _extend(words, starts, ends, cleaned, position, len(cleaned))
    return Fragment(text, Tokens.from_spans(cleaned, tuple(words), tuple(starts), tuple(ends)), insertions)


def _extend(words: list[str], starts: list[int], ends: list[int], text: str, a: int, b: int) -> None:
    part = tokenize(text[a:b])
    words.extend(part.words)
    starts.extend(s + a for s in part.starts)
    ends.extend(e + a for e in part.ends)

