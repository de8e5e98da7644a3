"""Words and their codes: what a word is, and the one-character-per-word encoding."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.matching.tokens import WILDCARD, Vocabulary, index_text, tokenize


def words(text: str) -> list[str]:
    return list(tokenize(text).words)


@pytest.mark.parametrize("text, expected", [
    ("1,200 people", ["1,200", "people"]),
    ("up 3.4 points", ["up", "3.4", "points"]),
    ("at 10:30.", ["at", "10:30"]),
    ("1,200.", ["1,200"]),                       # a sentence's full stop is not a decimal point
    ("1.200,50", ["1.200,50"]),
    ("2018, 2019 and 2020", ["2018", "2019", "and", "2020"]),
])
def test_numbers_keep_their_separators(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("177bn", ["177", "bn"]),
    ("177 bn", ["177", "bn"]),
    ("5km", ["5", "km"]),
    ("5°C", ["5", "c"]),
])
def test_a_number_is_its_own_word(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("don't", ["don't"]),
    ("don’t", ["don't"]),
    ("it's Europa's", ["it's", "europa's"]),
    ("rock'n'roll", ["rock'n'roll"]),
    ("g20 summit", ["g20", "summit"]),
    ("a380", ["a380"]),
])
def test_inner_apostrophes_and_digits_stay_in_a_word(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("$8.8 billion", ["$", "8.8", "billion"]),
    ("€5", ["€", "5"]),
    ("£10bn", ["£", "10", "bn"]),
    ("¥100 and ₹20", ["¥", "100", "and", "₹", "20"]),
    ("up 0.35%", ["up", "0.35", "%"]),
])
def test_currency_and_percent_signs_are_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('He said, "no."', ["he", "said", "no"]),
    ("well-known", ["well", "known"]),
    ("U.S.", ["u", "s"]),
    ("'quoted' (aside) [note] {x}", ["quoted", "aside", "note", "x"]),
    ("one;two:three/four", ["one", "two", "three", "four"]),
    ("dogs' bowls", ["dogs", "bowls"]),       # a trailing apostrophe is not inside a word
    ("#tag @user _under_", ["tag", "user", "under"]),
])
def test_punctuation_separates_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_words_are_folded_and_keep_their_original_offsets() -> None:
    text = "The “ﬁnal” Duchâtel\u00adreport"
    tokens = tokenize(text)
    assert tokens.words == ("the", "final", "duchatelreport")
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "The", "ﬁnal", "Duchâtel\u00adreport"]
    assert tokens.original(1, 3) == "ﬁnal” Duchâtel\u00adreport"
    assert tokens.original(2, 2) == ""
    assert tokens.span(0, 2) == (0, text.index("”"))


# --- Vocabulary --------------------------------------------------------------------------------

def test_equal_words_get_equal_codes_and_different_words_different_codes() -> None:
    vocabulary = Vocabulary()
    codes = vocabulary.encode(["we", "will", "not", "go", "back", "we", "will"])
    assert len(codes) == 7
    assert codes[0] == codes[5] and codes[1] == codes[6]
    assert len(set(codes[:5])) == 5
    assert len(vocabulary) == 5


def test_codes_are_shared_across_calls() -> None:
    vocabulary = Vocabulary()
    first = vocabulary.encode(["water", "vapour"])
    second = vocabulary.encode(["vapour", "water"])
    assert second == first[::-1]


def test_an_indexed_text_encodes_one_code_per_word() -> None:
    vocabulary = Vocabulary()
    indexed = index_text("Water vapour, water VAPOUR.", "page", vocabulary)
    assert indexed.scope == "page"
    assert len(indexed.codes) == len(indexed.tokens) == 4
    assert indexed.codes[0] == indexed.codes[2] and indexed.codes[1] == indexed.codes[3]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=8), max_size=40))
def test_codes_are_equal_exactly_when_words_are(seq: list[str]) -> None:
    codes = Vocabulary().encode(seq)
    assert len(codes) == len(seq)
    for i, a in enumerate(seq):
        for j, b in enumerate(seq):
            assert (codes[i] == codes[j]) == (a == b)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=8), max_size=40))
def test_no_word_is_ever_coded_as_the_wildcard(seq: list[str]) -> None:
    codes = Vocabulary().encode([w for w in seq if w != WILDCARD])
    assert WILDCARD not in codes


def test_the_wildcard_encodes_as_itself_and_is_not_added_to_the_vocabulary() -> None:
    vocabulary = Vocabulary()
    codes = vocabulary.encode(["the", WILDCARD, "said", WILDCARD])
    assert codes[1] == codes[3] == WILDCARD
    assert len(vocabulary) == 2
    assert WILDCARD not in codes[0] + codes[2]


def test_words_of_real_text_never_collide_with_the_wildcard() -> None:
    vocabulary = Vocabulary()
    indexed = index_text("".join(chr(c) for c in range(0xE000, 0xE100)) + " plain words", "page",
                         vocabulary)
    assert WILDCARD not in indexed.codes


def test_encoding_from_several_threads_gives_each_word_one_code() -> None:
    vocabulary = Vocabulary()
    batches = [[f"w{(i * 7 + t) % 300}" for i in range(300)] for t in range(8)]
    results: list[str] = [""] * len(batches)

    def work(k: int) -> None:
        results[k] = vocabulary.encode(batches[k])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(batches))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(vocabulary) == 300
    code_of: dict[str, str] = {}
    for batch, codes in zip(batches, results, strict=True):
        for word, code in zip(batch, codes, strict=True):
            assert code_of.setdefault(word, code) == code
    assert len(set(code_of.values())) == 300
