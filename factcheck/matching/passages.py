"""Locating one fragment of a claim in one text, with its word differences judged."""

from __future__ import annotations

from dataclasses import replace

from factcheck.matching.align import align
from factcheck.matching.differences import judge
from factcheck.matching.finding import PassageMatch
from factcheck.matching.fragments import Fragment
from factcheck.matching.tokens import IndexedText, Vocabulary


def locate(fragment: Fragment, text: IndexedText, vocabulary: Vocabulary, *, min_score: float,
           paraphrase: bool = False, start_word: int = 0) -> PassageMatch | None:
    """The passage of ``text`` closest to ``fragment`` (from word ``start_word`` on), or None
    when nothing scores ``min_score``."""
    needle = vocabulary.encode(fragment.words)
    found = align(needle, text.codes, min_score=min_score, start=start_word)
    if found is None:
        return None
    tokens = text.tokens
    changes = tuple(
        replace(judge(fragment.words[op.c1:op.c2], tokens.words[op.d1:op.d2], paraphrase=paraphrase),
                claimed_text=fragment.tokens.original(op.c1, op.c2),
                source_text=tokens.original(op.d1, op.d2))
        for op in found.changes
    )
    start, end = tokens.span(found.first, found.last)
    return PassageMatch(fragment=fragment.text, start=start, end=end, score=found.score,
                        exact=found.exact, changes=changes, passage=tokens.text[start:end],
                        first_word=found.first, last_word=found.last)
