"""A quote's fragments: ellipses split it, brackets mark editing, outer quotes go."""

from __future__ import annotations

import pytest

from factcheck.matching import claim_fragments
from factcheck.matching.fragments import make_fragment, quote_fragments, strip_outer_quotes
from factcheck.matching.tokens import WILDCARD
from factcheck.model import Claim, Kind


def fragment_words(text: str) -> list[tuple[str, ...]]:
    return [f.words for f in quote_fragments(text)]


@pytest.mark.parametrize("ellipsis", ["...", "…", "[...]", "[…]", "(...)", "(…)", ". . .", "....",
                                      "[ ... ]", "[. . .]"])
def test_every_ellipsis_form_splits_fragments(ellipsis: str) -> None:
    text = f"we will not go back {ellipsis} whatever the unions say"
    assert fragment_words(text) == [("we", "will", "not", "go", "back"),
                                    ("whatever", "the", "unions", "say")]


@pytest.mark.parametrize("ellipsis", ["...", "…", "[...]", "(…)"])
def test_an_ellipsis_glued_to_the_words_splits_them_too(ellipsis: str) -> None:
    assert fragment_words(f"go back{ellipsis}whatever") == [("go", "back"), ("whatever",)]


def test_fragments_keep_the_claims_text_and_order() -> None:
    parts = quote_fragments("“We performed diligent safety checks … we’ll have to get closer to Europa”")
    assert [p.text for p in parts] == ["We performed diligent safety checks",
                                       "we’ll have to get closer to Europa"]


@pytest.mark.parametrize("text", ["... we will go back", "…we will go back…", "[...] we will go back [...]",
                                  "“…we will go back.”", "(...) we will go back . . ."])
def test_leading_and_trailing_ellipses_are_dropped(text: str) -> None:
    assert fragment_words(text) == [("we", "will", "go", "back")]


def test_a_sentence_full_stop_is_not_an_ellipsis() -> None:
    assert fragment_words("We will go. Then we rest.") == [("we", "will", "go", "then", "we", "rest")]


def test_decimal_numbers_are_not_ellipses() -> None:
    assert fragment_words("up 3.4 per cent") == [("up", "3.4", "per", "cent")]


@pytest.mark.parametrize("text, expected", [
    ("[T]he plan is Russia[n]", ("the", "plan", "is", "russian")),
    ("[w]e’ll have to get closer", ("we'll", "have", "to", "get", "closer")),
    ("the agenc[ies] said", ("the", "agencies", "said")),
])
def test_in_word_brackets_only_mark_a_changed_letter(text: str, expected: tuple[str, ...]) -> None:
    (fragment,) = quote_fragments(text)
    assert fragment.words == expected
    assert fragment.insertions == ()


def test_free_standing_brackets_become_wildcards_holding_their_text() -> None:
    (fragment,) = quote_fragments("[NASA] found the next best thing: [water] in vapor form")
    assert fragment.words == (WILDCARD, "found", "the", "next", "best", "thing", WILDCARD, "in",
                              "vapor", "form")
    assert fragment.insertions == ("NASA", "water")


def test_a_long_free_standing_bracket_is_still_one_wildcard() -> None:
    (fragment,) = quote_fragments("the [team led by researchers at the Goddard centre] confirmed it")
    assert fragment.words == ("the", WILDCARD, "confirmed", "it")
    assert fragment.insertions == ("team led by researchers at the Goddard centre",)


def test_wildcard_offsets_cover_the_bracket() -> None:
    fragment = make_fragment("said [the minister] today")
    i = fragment.words.index(WILDCARD)
    assert fragment.tokens.original(i, i + 1) == "[the minister]"
    assert fragment.tokens.original(0, len(fragment.words)) == "said [the minister] today"


@pytest.mark.parametrize("text", ["this is a [sic] mistake", "this is a [sic!] mistake",
                                  "this is a [SIC] mistake", "this is a [emphasis added] mistake"])
def test_editorial_notes_stand_for_no_words(text: str) -> None:
    (fragment,) = quote_fragments(text)
    assert fragment.words == ("this", "is", "a", "mistake")
    assert fragment.insertions == ()


def test_fragments_made_only_of_insertions_are_dropped() -> None:
    assert quote_fragments("[they] ... [we]") == ()
    assert fragment_words("[he] … went home") == [("went", "home")]


@pytest.mark.parametrize("text, stripped", [
    ('"We will go back."', "We will go back."),
    ("“We will go back.”", "We will go back."),
    ("‘We will go back’", "We will go back"),
    ("«  Nous reviendrons  »", "Nous reviendrons"),
    ("„Wir kommen zurück“", "Wir kommen zurück"),
    ("\"'nested'\"", "nested"),
    ("  “padded”  ", "padded"),
    ('"a "quoted" word"', '"a "quoted" word"'),       # the inner quotes would be left unbalanced
    ("no quotes", "no quotes"),
    ('"', '"'),
])
def test_outer_quotes_are_stripped(text: str, stripped: str) -> None:
    assert strip_outer_quotes(text) == stripped


def test_a_quote_claim_is_split_but_a_statement_is_one_fragment() -> None:
    text = "“Prices rose... then fell [sharply]”"
    quote = claim_fragments(Claim("q", Kind.QUOTE, text, sources=()))
    statement = claim_fragments(Claim("s", Kind.STATEMENT, text, sources=()))
    assert [f.words for f in quote] == [("prices", "rose"), ("then", "fell", WILDCARD)]
    assert len(statement) == 1
    assert statement[0].text == "Prices rose... then fell [sharply]"
