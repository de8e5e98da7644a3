"""fold(): what is folded away, and the map from folded positions back to the original text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.matching.normalize import fold, fold_char
from factcheck.matching.tokens import TOKEN, tokenize

# Characters whose fold is not one character: expanding (ligatures, ellipsis, fractions,
# circled numbers, squared units, an Arabic ligature that folds to four words) and vanishing
# (soft hyphen, zero-width characters, combining accents). Mixed into generated text so the
# offset map is exercised far more often than plain ``st.text()`` would.
TRICKY = list("ﬁﬀﬃ…‥½⑴⒈㎏ŉǄß\u00ad\u200b\u200c\u200d\u2060\ufeff\u0301\u0308\ufdfa")
ORDINARY = list("aZé İ\u00a0\t\n-—–'’\"“”«»1,.:$%")
texts = st.text(alphabet=st.sampled_from(TRICKY + ORDINARY) | st.characters(), max_size=60)
"""Any text, weighted towards characters that do not fold to exactly one character."""


def folded_length(text: str) -> int:
    return len(fold(text).text)


# --- what is folded ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, folded", [
    ("“Yes,” he said", '"yes," he said'),
    ("„Ja“ und «oui» and ‹non›", '"ja" und "oui" and "non"'),
    ("it’s ‘fine’ and it‘s `fine´", "it's 'fine' and it's 'fine'"),
    ("don＇t", "don't"),
])
def test_every_quote_mark_becomes_a_straight_one(raw: str, folded: str) -> None:
    assert fold(raw).text == folded


@pytest.mark.parametrize("dash", list("-‐‑‒–—―−－⸺"))
def test_every_dash_becomes_a_hyphen_minus(dash: str) -> None:
    assert fold(f"well{dash}known").text == "well-known"
    assert tokenize(f"well{dash}known").words == ("well", "known")


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u3000", "\t", "\n", "\r\n", "\u2028"])
def test_every_space_becomes_a_plain_space(space: str) -> None:
    assert fold(f"ten{space}euros").text.split(" ") == ["ten"] + [""] * (len(space) - 1) + ["euros"]


@pytest.mark.parametrize("raw, folded", [
    ("PARIS", "paris"),
    ("Duchâtel", "duchatel"),
    ("Zürich São Paulo Ångström Łódź", "zurich sao paulo angstrom łodz"),
    ("ﬁnal ﬀ", "final ff"),
    ("wait…", "wait..."),
    ("ｗｉｄｅ", "wide"),
    ("İstanbul", "istanbul"),
])
def test_case_accents_ligatures_and_ellipsis_are_folded(raw: str, folded: str) -> None:
    assert fold(raw).text == folded


def test_decomposed_accents_fold_like_composed_ones() -> None:
    assert fold("Duche\u0302tel").text == fold("Duchêtel").text == "duchetel"


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_soft_hyphens_and_zero_width_characters_are_dropped(invisible: str) -> None:
    assert fold(f"extra{invisible}ordinary").text == "extraordinary"


def test_plain_ascii_text_keeps_no_map() -> None:
    f = fold("Plain ASCII text, 42.")
    assert f.text == "plain ascii text, 42."
    assert f.to_original(7) == 7
    assert f.to_original_end(11) == 11


# --- back to the original ---------------------------------------------------------------------

def original_of(text: str, needle: str) -> str:
    """The original substring behind the first occurrence of ``needle`` in the folded text."""
    f = fold(text)
    at = f.text.index(needle)
    return text[f.to_original(at):f.to_original_end(at + len(needle))]


@pytest.mark.parametrize("text, needle, original", [
    ("He said “we will not go back”.", "we will not", "we will not"),
    ("The ﬁnal ﬁgure was ﬁve.", "five", "ﬁve"),
    ("The ﬁnal ﬁgure was ﬁve.", "final figure", "ﬁnal ﬁgure"),
    ("Wait… then Duchâtel spoke.", "then duchatel", "then Duchâtel"),
    ("an extra\u00adordinary day", "extraordinary day", "extra\u00adordinary day"),
    ("\u00ad\u200bsoft start", "soft", "soft"),
    ("zero\u200b\u200bwidth", "zerowidth", "zero\u200b\u200bwidth"),
    ("ﬁ\u00adﬂ and more", "and", "and"),
    ("…and then", "and then", "and then"),
    ("e\u0301te\u0301 hot", "ete hot", "e\u0301te\u0301 hot"),
    ("trailing soft\u00ad", "soft", "soft"),
])
def test_folded_spans_map_back_to_the_exact_original(text: str, needle: str, original: str) -> None:
    assert original_of(text, needle) == original


def test_a_position_inside_an_expansion_maps_to_the_expanding_character() -> None:
    f = fold("aﬃb")                      # folds to "affib": positions 1, 2, 3 are the ligature
    assert f.text == "affib"
    assert [f.to_original(p) for p in range(5)] == [0, 1, 1, 1, 2]
    assert [f.to_original_end(p) for p in range(1, 6)] == [1, 2, 2, 2, 3]
    assert f.to_original_end(0) == 0


# --- properties -------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(texts)
def test_fold_never_raises_and_folds_character_by_character(text: str) -> None:
    f = fold(text)
    assert f.original == text
    assert f.text == "".join(fold_char(c) for c in text)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_fold_of_a_concatenation_is_the_concatenation_of_folds(a: str, b: str) -> None:
    assert fold(a + b).text == fold(a).text + fold(b).text


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_folded_position_maps_to_the_character_it_came_from(text: str) -> None:
    """to_original(p) is the index of the original character whose fold covers folded
    position p; to_original_end(p + 1) is just past it. Hence both are monotonic and
    within bounds."""
    f = fold(text)
    owner = [i for i, c in enumerate(text) for _ in fold_char(c)]
    assert len(owner) == len(f.text)
    starts = [f.to_original(p) for p in range(len(f.text))]
    ends = [f.to_original_end(p + 1) for p in range(len(f.text))]
    assert starts == owner
    assert ends == [i + 1 for i in owner]
    assert starts == sorted(starts)
    assert all(0 <= s < e <= len(text) for s, e in zip(starts, ends, strict=True))


@settings(max_examples=300, deadline=None)
@given(texts)
@example("ﬁnal ⑴ ½ ŉ")
@example("soft\u00ad hyphen\u200b and e\u0301")
def test_every_token_maps_back_to_the_original_words_it_came_from(text: str) -> None:
    """For each token, with [s, e) its original span and [a, b) its folded span:

    - 0 <= s < e <= len(text), spans in increasing order;
    - the span is the smallest run of original characters whose fold covers the token:
      fold(text[:s]) ends at or before a, fold(text[:s + 1]) after a, and likewise at the end;
    - so the token is a substring of fold(text[s:e]), and equals it whenever the token starts
      and ends on the fold of whole characters. It can be a strict part only when a single
      character folds to more than the token (``⑴`` folds to ``(1)``, token ``1``): the
      original cannot be cut inside a character.
    """
    f = fold(text)
    tokens = tokenize(text)
    matches = list(TOKEN.finditer(f.text))
    assert list(tokens.words) == [m.group() for m in matches]
    previous_end = 0
    for m, word, s, e in zip(matches, tokens.words, tokens.starts, tokens.ends, strict=True):
        assert 0 <= s < e <= len(text)
        assert s >= previous_end or s == previous_end - 1       # two tokens may share an expansion
        previous_end = e
        a, b = m.span()
        assert folded_length(text[:s]) <= a < folded_length(text[:s + 1])
        assert folded_length(text[:e - 1]) < b <= folded_length(text[:e])
        piece = fold(text[s:e]).text
        assert word in piece
        if folded_length(text[:s]) == a and folded_length(text[:e]) == b:
            assert piece == word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(ORDINARY + list("bcdxyz0789 ﬁ\u00ad\u200bÉ")), max_size=60))
def test_without_characters_that_expand_into_several_words_tokens_fold_back_exactly(text: str) -> None:
    """In text whose characters fold to at most one character (or to letters only, as
    ``ﬁ`` does), each token's original span folds to exactly that token."""
    tokens = tokenize(text)
    for word, s, e in zip(tokens.words, tokens.starts, tokens.ends, strict=True):
        assert fold(text[s:e]).text == word


@settings(max_examples=300, deadline=None)
@given(texts)
def test_composed_and_decomposed_text_fold_alike(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert fold(nfc).text == fold(nfd).text


NOT_IDEMPOTENT = ["\u0374", "\u1fef", "\uff40", "\u207b", "\u208b", "\ufe31", "\ufe32"]
"""Characters whose compatibility form is a single quote mark or dash that fold then leaves
unfolded (see test_folding_folded_text_changes_nothing_more)."""


@settings(max_examples=300, deadline=None)
@given(texts.map(lambda t: "".join(c for c in t if c not in NOT_IDEMPOTENT)))
def test_folding_is_idempotent(text: str) -> None:
    once = fold(text).text
    assert fold(once).text == once


@pytest.mark.parametrize("char", NOT_IDEMPOTENT)
def test_folding_folded_text_changes_nothing_more(char: str) -> None:
    once = fold(char).text
    assert fold(once).text == once
