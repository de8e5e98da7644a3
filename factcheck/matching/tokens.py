"""Words with their positions, and a code that turns word sequences into strings.

Matching works on words, not characters: a misquote is a word changed, added or
dropped. Each distinct word gets one private character from a ``Vocabulary``, so a
text becomes a string with one character per word. Then ``str.find`` is an exact
word-sequence search that can only match whole words, and rapidfuzz's string
alignment and opcodes work word by word at C speed.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from factcheck.matching.normalize import fold

TOKEN = re.compile(r"(?:(?<![\w.,-])-)?\d+(?:[.,:]\d+)*|[^\W\d_][^\W_]*(?:'[^\W_]+)*|[%$€£¥₹]")
"""A number, with its separators (``1,200``, ``3.4``, ``10:30``); a word, which starts
with a letter and may hold digits and inner apostrophes (``g20``, ``don't``); or a
currency or percent sign. Everything else separates, and a number is always its own
word (``177bn`` is ``177`` ``bn``, as ``177 bn`` is). A dash right before a number and
after a space is its sign: ``-0.4`` and ``0.4`` are different words, ``2019-20`` is two."""

WILDCARD = "\ue000"
"""The word a free-standing bracketed insertion in a quote becomes: a private-use
character outside the vocabulary's range, so it never equals a real word."""

_FIRST_CODE = 0xF0000       # Supplementary Private Use Area-A: never in real text
_LAST_CODE = 0x10FFFD


class Vocabulary:
    """Word -> private character, shared by everything matched against each other in a run."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        self._lock = threading.Lock()

    def encode(self, words: list[str] | tuple[str, ...]) -> str:
        """One character per word."""
        codes = self._codes
        out = []
        for word in words:
            if word == WILDCARD:
                out.append(WILDCARD)
                continue
            code = codes.get(word)
            if code is None:
                code = self._new(word)
            out.append(code)
        return "".join(out)

    def _new(self, word: str) -> str:
        with self._lock:                # texts are indexed in worker threads
            code = self._codes.get(word)
            if code is not None:
                return code
            number = _FIRST_CODE + len(self._codes)
            if number > _LAST_CODE:
                # Past a million distinct words, new words share codes; matching degrades
                # to occasional false word equality, which the word diff then catches.
                number = _FIRST_CODE + hash(word) % (_LAST_CODE - _FIRST_CODE)
            code = chr(number)
            self._codes[word] = code
            return code

    def __len__(self) -> int:
        return len(self._codes)


@dataclass(frozen=True)
class Tokens:
    """The words of a text, folded, with their original positions."""

    text: str
    """The original text."""
    words: tuple[str, ...]
    """Folded words (lower case, no accents, unified quotes)."""
    starts: tuple[int, ...]
    """Original start offset of each word."""
    ends: tuple[int, ...]
    """Original end offset (exclusive) of each word."""

    def __len__(self) -> int:
        return len(self.words)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Original offsets of words ``first`` to ``last - 1``."""
        return self.starts[first], self.ends[last - 1]

    def original(self, first: int, last: int) -> str:
        """Words ``first`` to ``last - 1`` as the text writes them ('' for none)."""
        if last <= first:
            return ""
        start, end = self.span(first, last)
        return self.text[start:end]


def tokenize(text: str) -> Tokens:
    """Split ``text`` into folded words with their offsets in ``text``."""
    folded = fold(text)
    words = []
    starts = []
    ends = []
    simple = not folded._starts
    for match in TOKEN.finditer(folded.text):
        words.append(match.group())
        if simple:
            starts.append(match.start())
            ends.append(match.end())
        else:
            starts.append(folded.to_original(match.start()))
            ends.append(folded.to_original_end(match.end()))
    return Tokens(text, tuple(words), tuple(starts), tuple(ends))


@dataclass(frozen=True)
class IndexedText:
    """A source text prepared once per run for every claim that searches it."""

    tokens: Tokens
    codes: str
    """One vocabulary character per word."""
    scope: str
    """Where the text came from: ``article``, ``page``, ``pdf`` or ``text``."""
    cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    """Indexes built on demand by the matchers that need them (sentences, quantities)."""


def index_text(text: str, scope: str, vocabulary: Vocabulary) -> IndexedText:
    """Tokenize and encode a source text."""
    tokens = tokenize(text)
    return IndexedText(tokens, vocabulary.encode(tokens.words), scope)
