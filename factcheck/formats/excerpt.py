"""A snippet cut to fit a table cell, keeping the matched words in view."""

from __future__ import annotations

from factcheck.model import Evidence


def excerpt(evidence: Evidence, limit: int = 160) -> tuple[str, list[tuple[int, int]]]:
    """The snippet on one line, at most about ``limit`` characters, centred on the match,
    and the matched spans' positions in it."""
    text = evidence.snippet
    marks = list(evidence.highlights()) or [(0, 0)]
    lo = marks[0][0]
    hi = marks[-1][1]
    if len(text) > limit:
        room = max(limit - (hi - lo), 0)
        left = max(0, lo - room // 2)
        right = min(len(text), max(hi + room // 2, left + limit))
        if hi - lo > limit:
            right = lo + limit
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(text) else ""
        text = prefix + text[left:right] + suffix
        shift = len(prefix) - left
        marks = [(max(a + shift, len(prefix)), min(b + shift, len(text) - len(suffix))) for a, b in marks]
    flat, marks = _flatten(text, marks)
    return flat, [(a, b) for a, b in marks if a < b]


def _flatten(text: str, marks: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Line breaks and runs of spaces become one space; the marks follow."""
    out: list[str] = []
    index = [0] * (len(text) + 1)
    count = 0
    previous_space = False
    for i, ch in enumerate(text):
        index[i] = count
        space = ch.isspace()
        if not (space and previous_space):
            out.append(" " if space else ch)
            count += 1
        previous_space = space
    index[len(text)] = count
    return "".join(out), [(index[a], index[b]) for a, b in marks]
