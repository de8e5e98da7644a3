"""Statements and figures: a close paraphrase in one sentence or two adjacent ones.

First the word alignment (a statement copied nearly verbatim aligns, and its changed
words are judged: rewording is harmless, a dropped negation, an antonym or another
number is not). Failing that, the passages most about the claim's subject are found
by shared content words, and the best one is checked for what a paraphrase may not
change: negation, opposites, numbers. Figure claims then check each stated quantity
in those passages (``figures``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from factcheck.matching.differences import WordChange
from factcheck.matching.figures import CONTEXT_WORDS, MIN_CONFLICT_CONTEXT, check_figures, figure_parts
from factcheck.matching.finding import PassageMatch, TextFinding
from factcheck.matching.fragments import Fragment
from factcheck.matching.normalize import fold
from factcheck.matching.passages import locate
from factcheck.matching.quantities import Quantity, find_quantities
from factcheck.matching.sentences import MIN_RELEVANCE, Passage, TextIndex, text_index
from factcheck.matching.tokens import IndexedText, Vocabulary, tokenize
from factcheck.matching.words import STOPWORDS, content_words, negates, opposite_words

STATEMENT_MIN_SCORE = 0.7
"""Word-alignment similarity from which a passage is the statement's own wording."""
PARAPHRASE_MIN_RELEVANCE = 0.6
"""Weighted share of a statement's content words a passage needs to count as saying it."""
FIGURE_ALIGN_MIN_SCORE = 0.6
"""Word-alignment similarity from which a passage is taken as the figure's sentence."""
CONTRADICT_MIN_RELEVANCE = 0.5
"""A passage must be this much about the claim's subject before its other value for a
figure counts as a contradiction rather than a figure about something else."""
DISTINCTIVE_MIN_RELEVANCE = 0.15
"""Several of the claim's figures agreeing in one passage (a range, a value and its
year) are distinctive enough to need less shared context than one figure alone."""
CLUSTER_GAP_WORDS = 2
"""Quantities at most this many words apart in a claim belong to one fact."""


def find_statement(fragment: Fragment, text: IndexedText, vocabulary: Vocabulary) -> TextFinding:
    """The closest passage, its rewordings excused, its negation, antonym and number changes kept."""
    aligned = locate(fragment, text, vocabulary, min_score=STATEMENT_MIN_SCORE, paraphrase=True)
    if aligned is not None:
        index = text_index(text)
        around = _covering(index, aligned.start, aligned.end, aligned.score)
        if _names_reordered(fragment.text, index.text[around.start:around.end]):
            swapped = WordChange((), (), False, "names in another order", claimed_text=fragment.text,
                                 source_text=aligned.passage)
            aligned = replace(aligned, changes=(*aligned.changes, swapped))
        return TextFinding(text.scope, (aligned,))
    index = text_index(text)
    words = content_words(fragment.words)
    passages = index.passages(words, limit=1, min_relevance=PARAPHRASE_MIN_RELEVANCE)
    if not passages:
        return TextFinding(text.scope, (None,))
    passage = passages[0]
    changes = paraphrase_conflicts(fragment.text, index, passage)
    body = index.text[passage.start:passage.end]
    if not any(not c.harmless for c in changes) and (
            _numbers_unstated(fragment.text, index, passage) or _names_reordered(fragment.text, body)):
        # Shared words, but the passage does not say the claim's numbers, or says who did
        # what to whom the other way round: it does not state the claim.
        return TextFinding(text.scope, (None,))
    match = PassageMatch(fragment=fragment.text, start=passage.start, end=passage.end, score=passage.relevance,
                         exact=False, changes=changes, passage=body)
    return TextFinding(text.scope, (match,))


def find_figure(fragment: Fragment, text: IndexedText, vocabulary: Vocabulary) -> TextFinding:
    """Each quantity of a figure claim checked in the passage most about it.

    Quantities close together in the claim ("rose 30% in 2022") must hold in one
    passage together; quantities in different clauses may be found in different
    passages of the source.
    """
    claim = fragment.tokens.text
    claimed = find_quantities(claim)
    if not claimed:
        return find_statement(fragment, text, vocabulary)
    index = text_index(text)
    aligned = locate(fragment, text, vocabulary, min_score=FIGURE_ALIGN_MIN_SCORE, paraphrase=True)
    aligned_passage = _covering(index, aligned.start, aligned.end, aligned.score) if aligned else None
    parts: list[PassageMatch | None] = []
    for cluster in clusters(claim, claimed):
        parts.extend(_check_cluster(claim, cluster, index, aligned_passage, aligned))
    return TextFinding(text.scope, tuple(parts))


def _check_cluster(claim: str, cluster: list[Quantity], index: TextIndex,
                   aligned: Passage | None, alignment: PassageMatch | None) -> tuple[PassageMatch | None, ...]:
    query = content_words(tokenize(_context_text(claim, cluster)).words)
    candidates = ([aligned] if aligned is not None else []) + index.passages(
        query, limit=8, min_relevance=DISTINCTIVE_MIN_RELEVANCE)
    best: tuple[tuple[int, int, float], tuple[PassageMatch | None, ...]] | None = None
    for passage in candidates:
        confident = passage is aligned or passage.relevance >= CONTRADICT_MIN_RELEVANCE
        checks = check_figures(claim, cluster, index, passage, alignment if passage is aligned else None)
        parts = figure_parts(checks, passage, index.text, confident=confident)
        if passage is aligned and all(c.placed for c in checks) and all(p is not None for p in parts):
            return parts                     # the claim's own sentence decides, whatever else the page says
        agreeing = sum(1 for p in parts if p is not None and p.faithful)
        if agreeing == len(parts) and (passage is aligned or passage.relevance >= MIN_RELEVANCE
                                       or (len(parts) > 1 and passage.relevance >= DISTINCTIVE_MIN_RELEVANCE)):
            return parts
        if passage is not aligned and passage.relevance < MIN_RELEVANCE:
            continue
        addressed = sum(1 for p in parts if p is not None)
        key = (addressed, agreeing, passage.relevance)
        if best is None or key > best[0]:
            best = (key, parts)
    return best[1] if best is not None else tuple(None for _ in cluster)


def clusters(claim: str, claimed: list[Quantity]) -> list[list[Quantity]]:
    """Quantities at most ``CLUSTER_GAP_WORDS`` words apart in the claim, grouped."""
    groups: list[list[Quantity]] = []
    for q in claimed:
        if groups:
            gap = len(tokenize(claim[groups[-1][-1].end:q.start]).words)
            if gap <= CLUSTER_GAP_WORDS:
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


def _context_text(claim: str, cluster: list[Quantity]) -> str:
    """The words around a cluster of quantities and between them, without the quantities."""
    before = tokenize(claim[:cluster[0].start]).words[-CONTEXT_WORDS:]
    between = [claim[a.end:b.start] for a, b in itertools.pairwise(cluster)]
    after = tokenize(claim[cluster[-1].end:]).words[:CONTEXT_WORDS]
    return " ".join((*before, *between, *after))


def paraphrase_conflicts(claim: str, index: TextIndex, passage: Passage) -> tuple[WordChange, ...]:
    """What a paraphrase may not change: a negation, an opposite, a number."""
    claim_words = tokenize(claim).words
    body = index.text[passage.start:passage.end]
    passage_words = tokenize(body).words
    changes: list[WordChange] = []
    claim_negations = sorted({w for w in claim_words if negates((w,))})
    passage_negations = sorted({w for w in passage_words if negates((w,))})
    if bool(claim_negations) != bool(passage_negations):
        changes.append(WordChange(tuple(claim_negations), tuple(passage_negations), False, "negation",
                                  claimed_text=" ".join(claim_negations), source_text=" ".join(passage_negations)))
    opposite = opposite_words(claim_words, passage_words)
    if opposite is not None:
        word, other = opposite
        changes.append(WordChange((word,), (other,), False, "antonym", claimed_text=word, source_text=other))
    claimed = find_quantities(claim)
    if claimed:
        for check in check_figures(claim, claimed, index, passage):
            if check.counterpart is not None and not check.agrees and check.shared_context < MIN_CONFLICT_CONTEXT:
                continue                     # another number of the passage, about something else
            if check.counterpart is not None and not check.agrees:
                changes.append(WordChange((check.claimed.text,), (check.counterpart.text,), False, "number",
                                          claimed_text=check.claimed.text, source_text=check.counterpart.text))
    return tuple(changes)


def _numbers_unstated(claim: str, index: TextIndex, passage: Passage) -> bool:
    """Whether the claim states a figure the passage does not state."""
    claimed = find_quantities(claim)
    return any(not check.agrees for check in check_figures(claim, claimed, index, passage))


def _names_reordered(claim: str, passage: str) -> bool:
    """Whether names the claim and the passage share come in another order ("Croatia beat
    Russia" / "Russia beat Croatia")."""
    claim_names = _name_words(claim)
    positions = []
    passage_names = _name_words(passage)
    for name in dict.fromkeys(claim_names):
        if name in passage_names:
            positions.append(passage_names.index(name))
    return positions != sorted(positions)


def _name_words(text: str) -> list[str]:
    return [fold(w).text for w in re.findall(r"\b[A-Z][^\W_]+", text) if fold(w).text not in STOPWORDS]


def _covering(index: TextIndex, start: int, end: int, score: float) -> Passage:
    first = last = 0
    for i, (a, b) in enumerate(index.spans):
        if a <= start < b or (start < a and not first):
            first = i
            break
    for i, (a, _b) in enumerate(index.spans):
        if a < end:
            last = i + 1
    last = max(last, first + 1)
    return Passage(first, last, index.spans[first][0], index.spans[last - 1][1], max(score, 0.0))


def _subject_words(claim: str, claimed: list[Quantity]) -> list[str]:
    pieces = []
    position = 0
    for q in claimed:
        pieces.append(claim[position:q.start])
        position = q.end
    pieces.append(claim[position:])
    return content_words(tokenize(" ".join(pieces)).words)
