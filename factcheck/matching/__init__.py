"""Pure functions over strings: where a claim's words are in a text and how they differ.

No network, no files, no clock. ``find`` checks one claim against one prepared text and
returns a ``TextFinding``; ``verdicts`` turns findings into a verdict.
"""

from __future__ import annotations

from factcheck.matching.finding import PassageMatch, TextFinding
from factcheck.matching.fragments import Fragment, make_fragment, quote_fragments, strip_outer_quotes
from factcheck.matching.quotes import find_quote
from factcheck.matching.statements import find_figure, find_statement
from factcheck.matching.tokens import IndexedText, Vocabulary, index_text
from factcheck.model import Claim, Kind


def claim_fragments(claim: Claim) -> tuple[Fragment, ...]:
    """The fragments to look for: a quote's ellipsis-separated pieces, else the whole text."""
    if claim.kind is Kind.QUOTE:
        return quote_fragments(claim.text)
    return (make_fragment(strip_outer_quotes(claim.text)),)


def find(claim: Claim, fragments: tuple[Fragment, ...], text: IndexedText,
         vocabulary: Vocabulary) -> TextFinding:
    """Check one claim (already split into ``fragments``) against one text."""
    if claim.kind is Kind.QUOTE:
        return find_quote(fragments, text, vocabulary)
    if claim.kind is Kind.FIGURE:
        return find_figure(fragments[0], text, vocabulary)
    return find_statement(fragments[0], text, vocabulary)


__all__ = [
    "Fragment",
    "IndexedText",
    "PassageMatch",
    "TextFinding",
    "Vocabulary",
    "claim_fragments",
    "find",
    "index_text",
]
