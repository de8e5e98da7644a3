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
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from factcheck.matching.normalize import Folded, fold

TOKEN = re.compile(r"(?=[\w%$€£¥₹-])(?:[^\W\d_][^\W_]*(?:'[^\W_]+)*|(?:(?<![\w.,-])-)?\d+(?:[.,:]\d+)*|[%$€£¥₹])")
"""A number, with its separators (``1,200``, ``3.4``, ``10:30``); a word, which starts
with a letter and may hold digits and inner apostrophes (``g20``, ``don't``); or a
currency or percent sign. Everything else separates, and a number is always its own
word (``177bn`` is ``177`` ``bn``, as ``177 bn`` is). A dash right before a number and
after a space is its sign: ``-0.4`` and ``0.4`` are different words, ``2019-20`` is two.
(The leading lookahead only makes the scan skip separators faster.)"""

WILDCARD = "\ue000"
"""The word a free-standing bracketed insertion in a quote becomes: a private-use
character outside the vocabulary's range, so it never equals a real word."""

_FIRST_CODE = 0xF0000       # Supplementary Private Use Area-A: never in real text
_LAST_CODE = 0x10FFFD


class Vocabulary:
    """Word -> private character, shared by everything matched against each other in a run."""

    def __init__(self) -> None:
        self._codes = _Codes(self)
        self._codes[WILDCARD] = WILDCARD
        self._lock = threading.Lock()

    def encode(self, words: Sequence[str]) -> str:
        """One character per word (a C-speed dictionary lookup for words already seen)."""
        return "".join(map(self._codes.__getitem__, words))

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
        """Words known (the wildcard not counted)."""
        return len(self._codes) - 1


class _Codes(dict[str, str]):
    """The word -> code table; a word not yet in it gets the next code."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__()
        self._vocabulary = vocabulary

    def __missing__(self, word: str) -> str:
        return self._vocabulary._new(word)


class Tokens:
    """The words of a text, folded, with their original positions.

    Built at C speed: one ``re.split`` gives the words and the separators between them,
    whose running lengths are the words' offsets in the folded text; those are summed
    only when first asked for, and mapped to the original text (which differs only
    after a character that folds to more or fewer than one) word by word on demand.
    """

    __slots__ = ("_ends", "_fends", "_folded", "_fstarts", "_pieces", "_starts", "text", "words")

    def __init__(self, text: str, words: tuple[str, ...], pieces: Sequence[str], folded: Folded | None = None) -> None:
        self.text = text
        """The original text."""
        self.words: tuple[str, ...] = tuple(words)
        """Folded words (lower case, no accents, unified quotes)."""
        self._pieces = pieces
        self._folded = folded
        self._fstarts: Sequence[int] | None = None
        self._fends: Sequence[int] | None = None
        self._starts: Sequence[int] | None = None
        self._ends: Sequence[int] | None = None

    @classmethod
    def from_spans(cls, text: str, words: tuple[str, ...], starts: Sequence[int], ends: Sequence[int]) -> Tokens:
        """Tokens whose original offsets are already known (a claim's words, pieced together)."""
        tokens = cls(text, words, ())
        tokens._starts, tokens._ends = starts, ends
        return tokens

    def _offsets(self) -> tuple[Sequence[int], Sequence[int]]:
        if self._fstarts is None or self._fends is None:
            offsets = array("q", accumulate(map(len, self._pieces)))
            self._fstarts, self._fends = offsets[0:-1:2], offsets[1::2]
        return self._fstarts, self._fends

    @property
    def starts(self) -> Sequence[int]:
        """Original start offset of each word."""
        if self._starts is None:
            fstarts = self._offsets()[0]
            folded = self._folded
            self._starts = fstarts if folded is None else array("q", map(folded.to_original, fstarts))
        return self._starts

    @property
    def ends(self) -> Sequence[int]:
        """Original end offset (exclusive) of each word."""
        if self._ends is None:
            fends = self._offsets()[1]
            folded = self._folded
            self._ends = fends if folded is None else array("q", map(folded.to_original_end, fends))
        return self._ends

    def start(self, index: int) -> int:
        """Original start offset of word ``index``."""
        if self._starts is not None:
            return self._starts[index]
        position = self._offsets()[0][index]
        return position if self._folded is None else self._folded.to_original(position)

    def end(self, index: int) -> int:
        """Original end offset of word ``index``."""
        if self._ends is not None:
            return self._ends[index]
        position = self._offsets()[1][index]
        return position if self._folded is None else self._folded.to_original_end(position)

    def __len__(self) -> int:
        return len(self.words)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Original offsets of words ``first`` to ``last - 1``."""
        return self.start(first), self.end(last - 1)

    def original(self, first: int, last: int) -> str:
        """Words ``first`` to ``last - 1`` as the text writes them ('' for none)."""
        if last <= first:
            return ""
        start, end = self.span(first, last)
        return self.text[start:end]


_SPLIT = re.compile(f"({TOKEN.pattern})")


def tokenize(text: str) -> Tokens:
    """Split ``text`` into folded words with their offsets in ``text``."""
    folded = fold(text)
    pieces = _SPLIT.split(folded.text)
    return Tokens(text, tuple(pieces[1::2]), pieces, folded if folded._starts else None)


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
