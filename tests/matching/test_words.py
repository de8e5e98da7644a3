"""Words that carry meaning: negations, opposites, stems, content words.

Small pure functions, but the statement and figure checks rest on them: a negation not
recognised lets a reversed statement through, two forms of a word that do not share a
stem make a paraphrase look unrelated.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.matching.words import ANTONYMS, NEGATIONS, STOPWORDS, are_antonyms, content_words, is_negation, stem


@pytest.mark.parametrize("word", ["not", "no", "never", "nobody", "nothing", "without", "cannot", "n't", "didn't",
                                  "won't", "hasn't", "neither", "nor", "barely"])
def test_negations(word: str) -> None:
    assert is_negation(word)


@pytest.mark.parametrize("word", ["note", "knot", "now", "nor'easter", "nothingness", "notable", "know", "nt"])
def test_words_that_only_look_like_negations(word: str) -> None:
    assert not is_negation(word)


def test_negations_are_never_stopwords() -> None:
    assert not NEGATIONS & STOPWORDS
    assert content_words(["the", "board", "did", "not", "approve"]) == ["board", "not", "approv"]


@pytest.mark.parametrize(("a", "b"), [("rose", "fell"), ("increase", "decrease"), ("higher", "lower"),
                                      ("approved", "rejected"), ("imports", "exports"), ("won", "lost"),
                                      ("surplus", "deficit"), ("more", "fewer"), ("convicted", "acquitted")])
def test_antonyms_either_way_round(a: str, b: str) -> None:
    assert are_antonyms(a, b) and are_antonyms(b, a)


@pytest.mark.parametrize(("a", "b"), [("rose", "rose"), ("rose", "rise"), ("rose", "climbed"), ("fell", "dropped"),
                                      ("higher", "high"), ("won", "win")])
def test_synonyms_and_forms_of_one_word_are_not_antonyms(a: str, b: str) -> None:
    assert not are_antonyms(a, b)


def test_no_word_is_listed_as_its_own_opposite() -> None:
    assert all(a != b for a, b in ANTONYMS)


@pytest.mark.parametrize(("a", "b"), [("exports", "export"), ("talks", "talking"), ("cities", "city"),
                                      ("studied", "study"), ("workers", "worker"), ("boxes", "box"),
                                      ("policies", "policy"), ("ports", "port"), ("Russia's", "russia")])
def test_forms_of_one_word_share_a_stem(a: str, b: str) -> None:
    assert stem(a.lower()) == stem(b.lower())


@pytest.mark.parametrize(("a", "b"), [("news", "new"), ("business", "busy"), ("virus", "vire"), ("rose", "rise"),
                                      ("sing", "sin"), ("bus", "bu")])
def test_different_words_keep_different_stems(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_short_words_are_left_alone() -> None:
    assert [stem(w) for w in ("gas", "sees", "bus", "was", "is")] == ["gas", "sees", "bus", "was", "is"]


@pytest.mark.parametrize(("a", "b"), [("prices", "price"), ("sales", "sale"), ("rates", "rate"),
                                      ("approved", "approve"), ("closed", "close"), ("rising", "rise")])
def test_forms_of_a_word_ending_in_e_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_content_words_drop_stopwords_numbers_and_signs() -> None:
    words = ["the", "port", "hired", "1,200", "workers", "in", "2022", "-", "said", "x", "3rd"]
    assert content_words(words) == ["port", "hir", "worker"]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14))
def test_stem_is_a_prefix_or_ends_in_y(word: str) -> None:
    stemmed = stem(word)
    assert word.startswith(stemmed) or (stemmed.endswith("y") and word.startswith(stemmed[:-1]))
    assert len(stemmed) >= min(len(word), 3)


@given(st.text(alphabet="abcdefghijklmnoprtuvwxz", min_size=5, max_size=12))
def test_a_regular_plural_shares_the_singulars_stem(word: str) -> None:
    # endings an -s or -es plural would confuse ("-is", "-us" are kept whole on purpose: "analysis")
    if word.endswith(("e", "s", "y", "x", "z", "i", "u", "ing", "ed", "ch", "sh")):
        return
    assert stem(word + "s") == stem(word)


def test_antonym_pairs_are_folded_lower_case_words() -> None:
    for word in itertools.chain.from_iterable(ANTONYMS):
        assert word == word.lower() and word.strip() == word
