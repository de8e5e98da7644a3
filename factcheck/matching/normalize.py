"""Folding away differences that never change meaning, keeping the way back.

``fold`` maps each character to its case-folded, accent-stripped, compatibility form,
with every quote mark made ``'`` or ``"``, every dash and minus sign made ``-`` (which
separates words, except as the sign of a number), every whitespace character a space,
and invisible characters (soft hyphens, zero-width spaces) dropped. The result
keeps a map to the original positions, so a passage found in folded text is shown as
the source wrote it. Most characters fold to exactly one character; only the few that
expand or vanish (``ﬁ``, ``…``, a soft hyphen) are recorded, so the map costs nothing
for ordinary text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

SINGLE_QUOTES = "'‘’‚‛′‵`´ʹʻʼʽ＇"
DOUBLE_QUOTES = "\"“”„‟″‶«»〝〞＂‹›"
DASHES = "-‐‑‒–—―⁃−﹘﹣－⸺⸻"
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """The folded form of one character (usually one character, sometimes none or more)."""
    if char in SINGLE_QUOTES:
        return "'"
    if char in DOUBLE_QUOTES:
        return '"'
    if char in DASHES:
        return "-"
    if char in INVISIBLE:
        return ""
    if char == "&":
        return " and "
    if char.isspace():
        return " "
    if char.isascii():
        return char.lower()
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not base:
        return ""
    folded = base.lower()
    if folded != base.casefold() and len(base.casefold()) == len(folded):
        folded = base.casefold()
    # A compatibility form may itself be a quote mark or a dash (U+FF40, U+207B): fold
    # those too, so that folding twice changes nothing.
    return "".join(_BASIC.get(c, c) for c in folded)


_BASIC = {**dict.fromkeys(SINGLE_QUOTES, "'"), **dict.fromkeys(DOUBLE_QUOTES, '"'), **dict.fromkeys(DASHES, "-")}


@dataclass(frozen=True)
class Folded:
    """Folded text and the map from its positions back to the original's."""

    text: str
    original: str
    _starts: tuple[int, ...] = ()
    """Folded positions where a character that did not fold to one character begins."""
    _entries: tuple[tuple[int, int, int], ...] = ()
    """(folded position, original position, folded length) of each such character."""

    def to_original(self, pos: int) -> int:
        """The original position of folded position ``pos`` (a start offset)."""
        k = bisect.bisect_right(self._starts, pos) - 1
        if k < 0:
            return pos
        at, orig, length = self._entries[k]
        offset = pos - at
        return orig if offset < length else orig + 1 + (offset - length)

    def to_original_end(self, end: int) -> int:
        """The original position just past folded position ``end - 1`` (an end offset)."""
        return self.to_original(end - 1) + 1 if end > 0 else 0


_CONTEXT_FREE = {"\u0130": "I", "\u03a3": "\u03c3"}
"""İ lower-cases to two characters, and Σ to ς or σ depending on its neighbours."""


def fold(text: str) -> Folded:
    """Fold ``text`` for matching; see the module's docstring for what is folded.

    The result is ``"".join(fold_char(c) for c in text)``, computed at C speed: the
    ASCII majority of a text is lower-cased by ``str.lower`` (one character for one, once
    İ and Σ are replaced), and only the characters that fold otherwise
    (non-ASCII ones, ``&``, control spaces) go through a table, most of them by
    ``str.replace`` and a regular expression.
    """
    table: dict[str, str] = {}          # by the character as str.lower() leaves it
    uneven = []
    for char in set(text):
        folded = fold_char(char)
        if len(folded) != 1:
            uneven.append(char)
        lowered = _CONTEXT_FREE.get(char, char).lower()
        if folded != lowered:
            table[lowered] = folded
    out = text
    for char, plain in _CONTEXT_FREE.items():        # str.lower is 1:1 and context-free but for these
        if char in out:
            out = out.replace(char, plain)
    out = out.lower()
    for char, folded in table.items():
        if char.isascii():
            out = out.replace(char, folded)
    others = [char for char in table if not char.isascii()]
    if others:
        pattern = re.compile("[" + "".join(re.escape(c) for c in others) + "]")
        out = pattern.sub(lambda m: table[m.group()], out)
    if not uneven:
        return Folded(out, text)
    starts: list[int] = []
    entries: list[tuple[int, int, int]] = []
    shift = 0
    pattern = re.compile("[" + "".join(re.escape(c) for c in uneven) + "]")
    for match in pattern.finditer(text):
        orig = match.start()
        length = len(fold_char(match.group()))
        starts.append(orig + shift)
        entries.append((orig + shift, orig, length))
        shift += length - 1
    return Folded(out, text, tuple(starts), tuple(entries))
