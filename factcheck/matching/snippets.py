"""The evidence passage shown to a reader: the match with its sentence around it."""

from __future__ import annotations

import re

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
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        left = lo + ends[-1].end()
    elif lo == 0:
        left = 0
    else:
        space = before.find(" ")
        left = lo + space + 1 if space >= 0 else start
    hi = min(len(text), end + context)
    after = text[end:hi]
    found = _SENTENCE_END.search(after)
    if found:
        right = end + found.start() + 1 if text[end + found.start()] != "\n" else end + found.start()
        right = min(max(right, end), len(text))
    elif hi == len(text):
        right = hi
    else:
        space = after.rfind(" ")
        right = end + space if space >= 0 else end
    return left, right
