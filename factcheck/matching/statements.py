"""Finding a statement or a figure: the closest passage, reworded freely but for
negations and numbers."""

from __future__ import annotations

from factcheck.matching.finding import TextFinding
from factcheck.matching.fragments import Fragment
from factcheck.matching.passages import locate
from factcheck.matching.tokens import IndexedText, Vocabulary

STATEMENT_MIN_SCORE = 0.7
"""Word similarity from which a passage counts as saying the statement's thing."""


def find_statement(fragment: Fragment, text: IndexedText, vocabulary: Vocabulary) -> TextFinding:
    """The closest passage, its rewordings excused, its negation and number changes kept."""
    match = locate(fragment, text, vocabulary, min_score=STATEMENT_MIN_SCORE, paraphrase=True)
    return TextFinding(text.scope, (match,))
