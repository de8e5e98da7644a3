"""Quotes end to end: claim -> fragments -> find() in an indexed text -> what was found."""

from __future__ import annotations

import pytest

from factcheck.extraction.html import extract_html
from factcheck.matching import TextFinding
from factcheck.model import Kind, Verdict
from tests.matching.helpers import ARTICLES, changes, check, meaningful, verdict

EUROPA = ARTICLES["europa"]
EMIRATES = ARTICLES["emirates"]
DAVIS_CUP = ARTICLES["davis_cup"]
ALIBABA = ARTICLES["alibaba"]

PAGANINI = ("While scientists have not yet detected liquid water directly, we've found the next best thing: "
            "water in vapor form")
MANDELL = "We performed diligent safety checks to remove possible contaminants in ground-based observations"


def quote(claim: str, text: str) -> TextFinding:
    return check(Kind.QUOTE, claim, text)


def assert_offsets_slice_the_text(finding: TextFinding, text: str) -> None:
    for part in finding.found:
        assert 0 <= part.start < part.end <= len(text)
        assert text[part.start:part.end] == part.passage


# --- found faithfully ----------------------------------------------------------------------------

def test_a_verbatim_quote_is_found_exactly() -> None:
    finding = quote(f"“{PAGANINI}”", EUROPA)
    (part,) = finding.parts
    assert part is not None
    assert part.exact and part.score == 1.0 and part.changes == ()
    assert part.passage == PAGANINI
    assert EUROPA[part.start:part.end] == PAGANINI
    assert finding.in_order and finding.scope == "page"


@pytest.mark.parametrize("claim", [
    "\"While scientists have not yet detected liquid water directly, we’ve found the next best thing\"",
    "While scientists have not yet detected liquid water directly, we've found the next best thing.",
    "While  scientists have not yet\ndetected liquid water   directly,\n\nwe've found the next best thing",
    "WHILE SCIENTISTS HAVE NOT YET DETECTED LIQUID WATER DIRECTLY, WE'VE FOUND THE NEXT BEST THING",
    "while scientists have not yet detected liquid water directly — we’ve found the next best thing!",
    "‘While scientists have not yet detected liquid water directly, we've found the next best thing…’",
    "While scientists have not yet detected liquid water directly, we\u2019ve found the next best\u00a0thing",
])
def test_quote_marks_spacing_case_and_trailing_punctuation_do_not_matter(claim: str) -> None:
    finding = quote(claim, EUROPA)
    (part,) = finding.parts
    assert part is not None and part.faithful and part.exact
    assert part.passage == ("While scientists have not yet detected liquid water directly, we've found the "
                            "next best thing")


def test_a_quote_split_across_lines_and_inline_tags_is_found() -> None:
    document = extract_html("<p>He said “we will <em>not</em>\n go back”</p>")
    text = document.texts[-1].text
    finding = quote("“We will not go back”", text)
    (part,) = finding.parts
    assert part is not None and part.exact
    assert part.passage == "we will not go back"              # the source's wrapping is a space
    assert quote("we will not go back", "He said we will not\ngo back, twice.").parts[0].exact
    assert verdict(Kind.QUOTE, "We will not go back", text) is Verdict.SUPPORTED


def test_a_source_with_ligatures_soft_hyphens_and_accents_is_shown_as_written() -> None:
    text = "Le ministre Duchâtel a dit : « La ﬁnale est extra\u00adordinaire », puis il est parti."
    finding = quote("“la finale est extraordinaire”", text)
    (part,) = finding.parts
    assert part is not None and part.exact
    assert part.passage == "La ﬁnale est extra\u00adordinaire"
    assert_offsets_slice_the_text(finding, text)


@pytest.mark.parametrize("claim, why", [
    ("We suggest that the outgassing of water vapor on Europa occurs at lower levels than previously "
     "estimated",
     "British/American spelling"),
    ("We performed diligent saftey checks to remove possible contaminants in ground-based observations",
     "typo"),
])
def test_harmless_differences_are_recorded_but_keep_the_quote_faithful(claim: str, why: str) -> None:
    finding = quote(claim, EUROPA)
    (part,) = finding.parts
    assert part is not None and part.faithful and not part.exact
    assert [c.why for c in part.changes] == [why]
    assert verdict(Kind.QUOTE, claim, EUROPA) is Verdict.SUPPORTED


def test_a_bracketed_insertion_standing_for_a_word_is_harmless() -> None:
    finding = quote("[NASA has] found the next best thing: water in vapor form", EUROPA)
    (part,) = finding.parts
    assert part is not None and part.faithful
    assert [(c, h) for c, _, h in changes(finding)] == [("[NASA has]", True)]
    assert verdict(Kind.QUOTE, "[NASA has] found the next best thing: water in vapor form", EUROPA) \
        is Verdict.SUPPORTED


def test_a_bracket_inside_a_quote_stands_for_the_source_words() -> None:
    finding = quote("While scientists have not yet detected liquid water directly, [NASA has] found the next "
                    "best thing", EUROPA)
    assert changes(finding) == [("[NASA has]", "we've", True)]


def test_an_in_word_bracket_is_harmless() -> None:
    finding = quote("“[W]e’ll have to get closer to Europa to see what’s really going on”", EUROPA)
    (part,) = finding.parts
    assert part is not None and part.exact


@pytest.mark.parametrize("claim", [
    "the programme can not be cancelled without a vote in parliament",
    "it is wellknown that the programme cannot be cancelled without a vote in parliament",
    "We performed diligent safety checks to remove possible contaminants in groundbased observations",
])
def test_a_word_split_or_joined_is_harmless_end_to_end(claim: str) -> None:
    """The aligner gives one op per word ('can' -> 'cannot', then 'not' dropped); only judged
    together are they a split word (passages.merge_adjacent)."""
    text = ("It is well known that the programme cannot be cancelled without a vote in parliament. "
            "“We performed diligent safety checks to remove possible contaminants in ground-based "
            "observations,” Avi Mandell said.")
    assert verdict(Kind.QUOTE, claim, text) is Verdict.SUPPORTED


# --- fragments -----------------------------------------------------------------------------------

def test_an_ellipsis_quote_finds_both_fragments_in_order() -> None:
    finding = quote("“We performed diligent safety checks … we’ll have to get closer to Europa”", EUROPA)
    first, second = finding.parts
    assert first is not None and second is not None
    assert first.passage == "We performed diligent safety checks"
    assert second.passage == "we'll have to get closer to Europa"
    assert first.end <= second.start
    assert finding.in_order
    assert_offsets_slice_the_text(finding, EUROPA)


def test_a_fragment_found_nowhere_is_none() -> None:
    finding = quote("We performed diligent safety checks ... the plumes are made of pure ammonia and "
                    "nothing else", EUROPA)
    first, second = finding.parts
    assert first is not None and first.exact
    assert second is None


def test_fragments_out_of_order_are_found_but_not_in_order() -> None:
    finding = quote("we'll have to get closer to Europa … We performed diligent safety checks", EUROPA)
    first, second = finding.parts
    assert first is not None and second is not None and first.exact and second.exact
    assert second.end <= first.start
    assert not finding.in_order


def test_a_repeated_fragment_is_looked_for_after_the_previous_one() -> None:
    text = "We will win. They said we would lose. We will win, again and again."
    finding = quote("We will win ... we would lose ... We will win", text)
    assert finding.in_order
    starts = [p.start for p in finding.found]
    assert starts == [0, text.index("we would"), text.rindex("We will win")]


# --- misquotes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("claim, text, difference", [
    ("While scientists have yet detected liquid water directly, we've found the next best thing", EUROPA,
     ("", "not")),
    ("While scientists have not yet detected liquid water directly, we've found the next best thing: "
     "water in liquid form", EUROPA, ("liquid", "vapor")),
    ("We performed safety checks to remove possible contaminants in ground-based observations", EUROPA,
     ("", "diligent")),
    ("seating 242 to 300 passengers in a two-class layout", EMIRATES, ("300", "330")),
    ("The order is valued at $8.8 million at list prices", EMIRATES, ("million", "billion")),
    ("Rafael Nadal kept Spain’s hopes alive, then Marcel Granollers and Feliciano Lopez completed the "
     "comeback in the decisive singles match", DAVIS_CUP, ("singles", "doubles")),
])
def test_a_misquote_is_found_but_not_faithful(claim: str, text: str, difference: tuple[str, str]) -> None:
    finding = quote(claim, text)
    (part,) = finding.parts
    assert part is not None
    assert not part.faithful
    assert meaningful(finding) == [difference]
    assert verdict(Kind.QUOTE, claim, text) is Verdict.CONTRADICTED
    assert_offsets_slice_the_text(finding, text)


@pytest.mark.parametrize("claim, difference", [
    ("Out of 17 observations by the Keck Observatory in Hawaii", ("", "W. M")),
    ("Out of 17 observations by the W. M. Keck Observatory in Chile, which uses a spectrograph",
     ("Chile", "Hawaii")),
    ("“We didn’t perform diligent safety checks to remove possible contaminants”",
     ("didn’t perform", "performed")),
    ("WE PERFORMED DILIGENT SAFETY CHECKS TO REMOVE ALL CONTAMINANTS", ("ALL", "possible")),
])
def test_changes_show_the_words_as_claim_and_source_write_them(claim: str,
                                                               difference: tuple[str, str]) -> None:
    finding = quote(claim, EUROPA)
    assert meaningful(finding)[0] == difference


def test_a_negation_added_by_a_contraction_is_a_misquote() -> None:
    text = "The minister said: “We can reverse this decision before the end of the year.”"
    finding = quote("We can’t reverse this decision before the end of the year", text)
    assert meaningful(finding) == [("can’t", "can")]
    assert [c.why for p in finding.found for c in p.meaningful] == ["negation"]


def test_a_quote_from_another_text_is_not_found() -> None:
    finding = quote("We have no plans to build a second terminal at the airport before 2030", EUROPA)
    assert finding.parts == (None,)
    assert finding.found == ()
    assert verdict(Kind.QUOTE, "We have no plans to build a second terminal", EMIRATES) is Verdict.NOT_FOUND


@pytest.mark.parametrize("name, claim", [
    ("europa", MANDELL),
    ("europa", "we've found the next best thing"),
    ("emirates", "the industry’s symbol of excess and luxury flight was sidelined"),
    ("davis_cup", "We needed this win, otherwise we could be close to being out of the tournament"),
    ("alibaba", "a symbolic total as the number eight is associated with prosperity and good fortune"),
    ("alibaba", "the city’s bourse … hit by months of anti-government protests"),
])
def test_passage_offsets_slice_the_original_text_exactly(name: str, claim: str) -> None:
    text = ARTICLES[name]
    finding = quote(claim, text)
    assert finding.found and len(finding.found) == len(finding.parts)
    assert_offsets_slice_the_text(finding, text)


# --- known bugs ----------------------------------------------------------------------------------

def test_a_dropped_minus_sign_is_a_misquote() -> None:
    text = "The agency said the economy recorded growth of −0.4% in the third quarter."
    finding = quote("the economy recorded growth of 0.4% in the third quarter", text)
    assert verdict(Kind.QUOTE, "the economy recorded growth of 0.4% in the third quarter", text) \
        is not Verdict.SUPPORTED
    assert not all(p.faithful for p in finding.found)


def test_a_bracket_inserting_a_negation_is_a_misquote() -> None:
    text = "“We will go back to the old ways,” she said."
    assert verdict(Kind.QUOTE, "We will [not] go back to the old ways", text) is not Verdict.SUPPORTED


@pytest.mark.parametrize("claim, text, expected", [
    pytest.param(
        "The mayor attended the meeting, which lasted three hours",
        "Earlier that day it rained. The mayor did not attend the meeting, which lasted three hours.",
        Verdict.CONTRADICTED, id="misquote-at-the-end"),
    pytest.param(
        "He said the [finance ministry] announced cuts to spending in all regions",
        "Officials spoke on Monday. He said the Ministry of Finance announced cuts to spending in all "
        "regions.",
        Verdict.SUPPORTED, id="bracket-at-the-end"),
])
def test_a_quote_in_the_last_sentence_of_a_text_is_found(claim: str, text: str, expected: Verdict) -> None:
    """At a text's end rapidfuzz's window search may return a window hanging off the end that
    covers only the quote's tail; the quote must be found there as when a sentence follows."""
    assert verdict(Kind.QUOTE, claim, text + " Nothing else was said that day by anyone.") is expected
    assert verdict(Kind.QUOTE, claim, text) is expected


def test_a_misquote_in_the_last_sentence_is_reported_as_the_negation_it_is() -> None:
    text = "Earlier that day it rained. The mayor did not attend the meeting, which lasted three hours."
    finding = quote("The mayor attended the meeting, which lasted three hours", text)
    assert finding.found[0].passage == "The mayor did not attend the meeting, which lasted three hours"
    assert [c.why for c in finding.found[0].meaningful] == ["negation"]


def test_an_earlier_copy_of_the_first_word_does_not_add_words() -> None:
    text = ("Speaking to reporters on Tuesday, the minister said the government had worked for four years "
            "on the reform.")
    finding = quote("the goverment had worked for four years on the reform", text)
    assert meaningful(finding) == []
    assert finding.found[0].passage == "the government had worked for four years on the reform"


def test_a_bracket_at_the_start_of_a_quote_covers_the_words_it_stands_for() -> None:
    finding = quote("[NASA has] found the next best thing: water in vapor form", EUROPA)
    assert finding.found[0].passage == "we've found the next best thing: water in vapor form"


@pytest.mark.parametrize("claim, text, difference", [
    ("We needed this win, otherwise we could be close to being out of the competition", DAVIS_CUP,
     ("competition", "tournament")),
    ("Out of 17 observations by the W. M. Keck Observatory in Chile", EUROPA, ("Chile", "Hawaii")),
])
def test_a_replaced_last_word_is_reported_against_its_counterpart(claim: str, text: str,
                                                                  difference: tuple[str, str]) -> None:
    assert meaningful(quote(claim, text)) == [difference]


def test_a_bracket_standing_for_four_words_in_a_short_quote_is_found() -> None:
    text = "Yesterday the Ministry of Finance announced cuts to spending in all regions."
    claim = "Yesterday [the ministry] announced cuts to spending"
    assert verdict(Kind.QUOTE, claim, text) is Verdict.SUPPORTED


def test_a_negation_hidden_in_a_joined_word_is_a_misquote() -> None:
    text = "In the end, the money is nowhere to be found, the auditor said on Friday."
    assert verdict(Kind.QUOTE, "The money is now here to be found, the auditor said", text) \
        is not Verdict.SUPPORTED
