"""The evidence passage shown to a reader: the match with its sentence around it."""

from __future__ import annotations

import re

from factcheck.matching.sentences import ABBREVIATION

SNIPPET_CONTEXT = 200
"""Characters of context looked at on each side of a match, at most."""

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*\s+|\n")


def snippet_bounds(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> tuple[int, int]:
    """The (start, end) of the snippet around ``text[start:end]``.

    It widens to the enclosing sentence when that is within ``context`` characters, else
    to the nearest word boundary, so a snippet never begins or ends mid-word.
    """
    lo = max(0, start - context)
    before = text[lo:start]
    ends = [m for m in _SENTENCE_END.finditer(before) if not _abbreviated(text, lo + m.start())]
    if ends:
        left = lo + ends[-1].end()
    elif lo == 0:
        left = 0
    else:
        space = before.find(" ")
        left = lo + space + 1 if space >= 0 else start
    hi = min(len(text), end + context)
    after = text[end:hi]
    found = next((m for m in _SENTENCE_END.finditer(after) if not _abbreviated(text, end + m.start())), None)
    if found:
        right = end + found.start() + len(found.group().rstrip()) if text[end + found.start()] != "\n" \
            else end + found.start()
        right = min(max(right, end), len(text))
    elif hi == len(text):
        right = hi
    else:
        space = after.rfind(" ")
        right = end + space if space >= 0 else end
    return left, right


def _abbreviated(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation ("Mr.", "U.S."), not a sentence."""
    return text[stop] == "." and bool(ABBREVIATION.search(text[max(0, stop - 12):stop]))
