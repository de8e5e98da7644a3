"""Locating one fragment of a claim in one text, with its word differences judged."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.matching.align import MAX_WILDCARD_WORDS, Alignment, Op, align
from factcheck.matching.differences import judge
from factcheck.matching.finding import PassageMatch
from factcheck.matching.fragments import Fragment
from factcheck.matching.tokens import WILDCARD, IndexedText, Vocabulary, tokenize


def merge_adjacent(ops: tuple[Op, ...]) -> list[Op]:
    """Consecutive changes as one: "exper-ience" against "experience" aligns as an added
    word and a replaced one, which only judged together are a split word."""
    merged: list[Op] = []
    for op in ops:
        if op.tag == "equal":
            continue
        if merged and merged[-1].c2 == op.c1 and merged[-1].d2 == op.d1:
            last = merged[-1]
            merged[-1] = Op("replace", last.c1, op.c2, last.d1, op.d2)
        else:
            merged.append(op)
    return merged


def _cover_edge_brackets(found: Alignment, fragment: Fragment, text: IndexedText) -> Alignment:
    """Take into the passage the source words a bracket at the quote's start or end stands
    for ("[NASA has] found..." for "we've found..."): as many words as the bracket holds,
    at most ``MAX_WILDCARD_WORDS``, never across a sentence end."""
    words, tokens = fragment.words, text.tokens
    ops = list(found.ops)
    first, last = found.first, found.last
    if words and words[0] == WILDCARD and ops and ops[0].tag == "delete" and ops[0].c1 == 0:
        want = min(len(tokenize(fragment.insertions[0]).words), MAX_WILDCARD_WORDS)
        new_first = first
        while new_first > max(first - want, 0) and not _SENTENCE_GAP.search(
                tokens.text[tokens.ends[new_first - 1]:tokens.starts[new_first]]):
            new_first -= 1
        if new_first < first:
            ops[0] = Op("replace", 0, ops[0].c2, new_first, first)
            first = new_first
    if words and words[-1] == WILDCARD and ops and ops[-1].tag == "delete" and ops[-1].c2 == len(words):
        want = min(len(tokenize(fragment.insertions[-1]).words), MAX_WILDCARD_WORDS)
        new_last = last
        while new_last < min(last + want, len(tokens)) and not _SENTENCE_GAP.search(
                tokens.text[tokens.ends[new_last - 1]:tokens.starts[new_last]]):
            new_last += 1
        if new_last > last:
            ops[-1] = Op("replace", ops[-1].c1, ops[-1].c2, last, new_last)
            last = new_last
    return replace(found, first=first, last=last, ops=tuple(ops))


def _pair_edge_words(found: Alignment, fragment: Fragment, text: IndexedText) -> Alignment:
    """A claim word missing at the passage's very start or end is set against the source
    word in its place ("competition" where the source ends "... the tournament"), so the
    difference reads as the replacement it is, not as a word the source lacks."""
    tokens = text.tokens
    ops = list(found.ops)
    first, last = found.first, found.last
    if ops and ops[-1].tag == "delete" and WILDCARD not in fragment.words[ops[-1].c1:ops[-1].c2]:
        k = ops[-1].c2 - ops[-1].c1
        if last + k <= len(tokens) and not _SENTENCE_GAP.search(tokens.text[tokens.ends[last - 1]:
                                                                             tokens.starts[last + k - 1]]):
            ops[-1] = Op("replace", ops[-1].c1, ops[-1].c2, last, last + k)
            last += k
    if ops and ops[0].tag == "delete" and WILDCARD not in fragment.words[ops[0].c1:ops[0].c2]:
        k = ops[0].c2 - ops[0].c1
        if first - k >= 0 and not _SENTENCE_GAP.search(tokens.text[tokens.ends[first - k]:tokens.starts[first]]):
            ops[0] = Op("replace", ops[0].c1, ops[0].c2, first - k, first)
            first -= k
    return replace(found, first=first, last=last, ops=tuple(ops))


_SENTENCE_GAP = re.compile(r"[.!?;:,]")


def locate(fragment: Fragment, text: IndexedText, vocabulary: Vocabulary, *, min_score: float,
           paraphrase: bool = False, start_word: int = 0) -> PassageMatch | None:
    """The passage of ``text`` closest to ``fragment`` (from word ``start_word`` on), or None
    when nothing scores ``min_score``."""
    needle = vocabulary.encode(fragment.words)
    found = align(needle, text.codes, min_score=min_score, start=start_word)
    if found is None:
        return None
    found = _pair_edge_words(_cover_edge_brackets(found, fragment, text), fragment, text)
    tokens = text.tokens
    claim_tokens = fragment.tokens
    changes = []
    for op in merge_adjacent(found.ops):
        cards_before = fragment.words[:op.c1].count(WILDCARD)
        cards = fragment.words[op.c1:op.c2].count(WILDCARD)
        change = judge(fragment.words[op.c1:op.c2], tokens.words[op.d1:op.d2], paraphrase=paraphrase,
                       claimed_span=claim_tokens.original(max(op.c1 - 1, 0), min(op.c2 + 1, len(claim_tokens))),
                       source_span=tokens.original(max(op.d1 - 1, 0), min(op.d2 + 1, len(tokens))),
                       claimed_original=claim_tokens.original(op.c1, op.c2),
                       source_original=tokens.original(op.d1, op.d2),
                       inserted=fragment.insertions[cards_before:cards_before + cards])
        changes.append(replace(change, claimed_text=claim_tokens.original(op.c1, op.c2),
                               source_text=tokens.original(op.d1, op.d2)))
    pairs: list[tuple[int, int, int, int]] = []
    for op in found.ops:
        if op.tag == "equal":                 # word by word: each claim word has its source word
            pairs.extend((*claim_tokens.span(op.c1 + k, op.c1 + k + 1), *tokens.span(op.d1 + k, op.d1 + k + 1))
                         for k in range(op.c2 - op.c1))
    for op in merge_adjacent(found.ops):      # a replaced stretch as a whole
        if op.c2 > op.c1 and op.d2 > op.d1:
            pairs.append((*claim_tokens.span(op.c1, op.c2), *tokens.span(op.d1, op.d2)))
    start, end = tokens.span(found.first, found.last)
    return PassageMatch(fragment=fragment.text, start=start, end=end, score=found.score,
                        exact=found.exact, changes=tuple(changes), passage=tokens.text[start:end],
                        first_word=found.first, last_word=found.last, pairs=tuple(pairs))
