"""Finding a quote: every fragment, in order, each as close to verbatim as it is in the source."""

from __future__ import annotations

from factcheck.matching.finding import PassageMatch, TextFinding
from factcheck.matching.fragments import Fragment
from factcheck.matching.passages import locate
from factcheck.matching.tokens import IndexedText, Vocabulary

QUOTE_MIN_SCORE = 0.75
"""Word similarity from which a passage counts as the quote's place in the source, so
that its differences are a misquote rather than a different passage altogether."""


def find_quote(fragments: tuple[Fragment, ...], text: IndexedText, vocabulary: Vocabulary) -> TextFinding:
    """Each fragment's closest passage, searched in order after the previous one."""
    parts: list[PassageMatch | None] = []
    position = 0
    in_order = True
    for fragment in fragments:
        match = locate(fragment, text, vocabulary, min_score=QUOTE_MIN_SCORE, start_word=position)
        if (match is None or not match.faithful) and position > 0:
            earlier = locate(fragment, text, vocabulary, min_score=QUOTE_MIN_SCORE)
            if earlier is not None and (match is None or earlier.score > match.score):
                match = earlier
                in_order = in_order and earlier.first_word >= position
        parts.append(match)
        if match is not None and match.last_word > position:
            position = match.last_word
    return TextFinding(text.scope, tuple(parts), in_order)
