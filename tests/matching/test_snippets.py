"""snippet_bounds(): the evidence shown around a match is its sentence, cut only between words."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.matching.snippets import snippet_bounds


def snippet(text: str, match: str, context: int = 200) -> str:
    start = text.index(match)
    a, b = snippet_bounds(text, start, start + len(match), context)
    return text[a:b]


TEXT = "First sentence here. The minister said that we will not go back. Third one follows!"


def test_the_snippet_widens_to_the_enclosing_sentence() -> None:
    assert snippet(TEXT, "we will not go back") == "The minister said that we will not go back."


def test_a_match_at_the_start_of_the_text() -> None:
    assert snippet(TEXT, "First sentence") == "First sentence here."


def test_a_match_at_the_end_of_the_text() -> None:
    assert snippet(TEXT, "one follows") == "Third one follows!"
    assert snippet("no full stop at the end", "the end") == "no full stop at the end"


def test_the_whole_text_when_it_is_one_short_sentence() -> None:
    assert snippet("we will not go back", "will not") == "we will not go back"


def test_a_line_break_ends_a_sentence_and_is_not_included() -> None:
    text = "A heading\nThe minister said that we will not go back\nAnother line"
    assert snippet(text, "we will not") == "The minister said that we will not go back"


@pytest.mark.parametrize("end", ["?", "!", "…"])
def test_other_sentence_ends(end: str) -> None:
    text = f"Was it true{end} The minister said so{end} Nobody else did."
    assert snippet(text, "minister said") == f"The minister said so{end}"


def test_beyond_the_context_the_snippet_stops_at_a_word_boundary() -> None:
    words = " ".join(f"word{i}" for i in range(100))
    start = words.index("word50")
    a, b = snippet_bounds(words, start, start + len("word50"), context=30)
    assert start - 30 <= a and b <= start + len("word50") + 30
    assert words[a - 1] == " " and words[b] == " "
    assert words[a:b].split()[0].startswith("word") and "word50" in words[a:b]


def test_no_context_gives_the_match_itself() -> None:
    start = TEXT.index("minister")
    assert snippet_bounds(TEXT, start, start + len("minister"), context=0) == (start, start + len("minister"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta.", "epsilon!", "zeta,", "eta\n", "theta?",
                                 "iota”", "“kappa", "lambda…"]), min_size=1, max_size=60),
       st.data(), st.integers(min_value=0, max_value=120))
def test_snippets_contain_the_match_stay_within_context_and_never_cut_a_word(
        words: list[str], data: st.DataObject, context: int) -> None:
    text = " ".join(words).replace("\n ", "\n")
    # a match is a run of whole words, as the matcher finds them
    spans = []
    position = 0
    for word in text.replace("\n", " ").split(" "):
        spans.append((position, position + len(word)))
        position += len(word) + 1
    assume(spans)
    i = data.draw(st.integers(0, len(spans) - 1))
    j = data.draw(st.integers(i, len(spans) - 1))
    start, end = spans[i][0], spans[j][1]
    a, b = snippet_bounds(text, start, end, context)
    assert 0 <= a <= start <= end <= b <= len(text)
    assert a >= start - context and b <= end + context
    assert a == 0 or a == start or not text[a - 1].isalnum()
    assert b == len(text) or b == end or not text[b].isalnum()
    assert not text[a:b].startswith(" ") or a == start


# --- known bugs ----------------------------------------------------------------------------------

def test_a_sentence_ending_in_a_closing_quote_keeps_it() -> None:
    text = "He said: “We will go back.” Then he left."
    assert snippet(text, "We will go back") == "He said: “We will go back.”"


def test_an_abbreviation_does_not_end_the_sentence() -> None:
    text = "Earlier news. He said the U.S. would act within days. Then he left."
    assert snippet(text, "would act") == "He said the U.S. would act within days."
