"""values.compare: does what a source states make a claimed figure true, false, or neither?

Each case is a claimed phrase and a source phrase, parsed by ``find_quantities``, and the
outcome: ``agrees`` (the source makes the claim true), ``conflicts`` (false),
``inconclusive`` (neither). A wrong figure that agrees is the worst error; a harmless
difference that conflicts is the second worst.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.matching.quantities import Quantity, find_quantities
from factcheck.matching.values import AGREES, CONFLICTS, INCONCLUSIVE, agrees, comparable, compare


def q(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, [x.text for x in found]
    return found[0]


def outcome(claimed: str, source: str) -> str:
    return compare(q(claimed), q(source))


def table(*rows: tuple[str, str]) -> list[tuple[str, str]]:
    return list(rows)


# --- the same figure written differently ------------------------------------------------------


@pytest.mark.parametrize(("claimed", "source"), table(
    ("$3.4bn", "$3,400 million"), ("$3.4bn", "3.4 billion dollars"), ("$53m", "$53 million"),
    ("€5m", "EUR 5m"), ("€5m", "5 million euros"), ("25 percent", "25%"), ("25 per cent", "25%"),
    ("three people", "3 people"), ("1,200 people", "1200 people"), ("1 200 people", "1,200 people"),
    ("1.2 thousand people", "1,200 people"), ("5k runners", "5,000 runners"), ("a dozen eggs", "12 eggs"),
    ("200 kilos", "0.2 tonnes"), ("200 kg", "200 kilograms"), ("5 km", "3.1 miles"),
    ("10 bcm", "10 billion cubic metres"), ("90 minutes", "1.5 hours"),
    ("3 points", "3 percentage points"), ("-0.4%", "-0.4%"), ("twenty-five people", "25 people"),
))
def test_the_same_figure_written_differently_agrees(claimed: str, source: str) -> None:
    assert outcome(claimed, source) == AGREES
    assert agrees(q(claimed), q(source))


def test_an_ambiguous_source_number_agrees_with_either_reading() -> None:
    assert outcome("1,200 people", "1.200 people") == AGREES
    assert outcome("1.2 people", "1.200 people") == AGREES
    assert outcome("1,300 people", "1.200 people") == CONFLICTS


# --- a changed figure ----------------------------------------------------------------------------


@pytest.mark.parametrize(("claimed", "source"), table(
    ("$3.4bn", "$3.4 million"), ("$5.1bn", "$3.4bn"), ("$60 million", "$40 million"),
    ("200 kg", "200 tonnes"), ("5 km", "5 miles"), ("90 minutes", "90 hours"),
    ("-0.4%", "0.4%"), ("25 percent", "32 percent"), ("1,207 people", "1,200 people"),
    ("a dozen eggs", "13 eggs"), ("30%", "29.3%"), ("15.4%", "15.5%"),
))
def test_a_changed_value_scale_or_unit_conflicts(claimed: str, source: str) -> None:
    assert outcome(claimed, source) == CONFLICTS


@pytest.mark.parametrize(("a", "b"), table(
    ("USD 5m", "EUR 5m"), ("$5m", "€5m"), ("£3m", "$3m"), ("3 percentage points", "3%"), ("5 km", "5 kg"),
    ("90 minutes", "90 metres"),
))
def test_different_currencies_or_kinds_are_not_comparable(a: str, b: str) -> None:
    assert not comparable(q(a), q(b))
    assert not comparable(q(b), q(a))


@pytest.mark.parametrize(("a", "b"), table(
    ("53 million", "$53 million"), ("in 2022", "2,022"), ("in 2022", "February 24, 2022"),
))
def test_compatible_kinds_are_comparable(a: str, b: str) -> None:
    assert comparable(q(a), q(b))


# --- rounding ------------------------------------------------------------------------------------


def test_a_claim_rounded_from_the_source_agrees() -> None:
    assert outcome("29%", "29.3%") == AGREES
    assert outcome("29.3%", "29.3%") == AGREES
    assert outcome("$3bn", "$3.4bn") == AGREES


def test_a_claim_rounded_the_wrong_way_conflicts() -> None:
    assert outcome("30%", "29.3%") == CONFLICTS
    assert outcome("$4bn", "$3.4bn") == CONFLICTS


def test_two_roundings_that_only_touch_at_a_boundary_conflict() -> None:
    # 15.4 covers 15.35-15.45 and 15.5 covers 15.45-15.55: one shared point, not a shared value
    assert outcome("15.4%", "15.5%") == CONFLICTS
    assert outcome("15.45%", "15.5%") == AGREES


# --- hedges: direction ---------------------------------------------------------------------------


@pytest.mark.parametrize(("claimed", "source"), table(
    ("nearly 4,900 people", "4,870 people"), ("almost 30%", "29.3%"), ("just under 30%", "29.3%"),
    ("more than 4,800 people", "4,870 people"), ("over 4,800 people", "4,870 people"),
    ("just over 5,000", "5,100"), ("about 4,900 people", "4,870 people"), ("about 4,800 people", "4,870 people"),
    ("around 5,000", "4,870"), ("roughly 30%", "29.3%"), ("at least 12 people", "12 people"),
    ("at least 12 people", "14 people"), ("up to 12 people", "12 people"), ("less than 13 people", "12 people"),
    ("nearly $3.5bn", "$3.4bn"),
))
def test_a_hedge_in_the_right_direction_agrees(claimed: str, source: str) -> None:
    assert outcome(claimed, source) == AGREES


@pytest.mark.parametrize(("claimed", "source"), table(
    ("nearly 4,800 people", "4,870 people"), ("almost 30%", "30.5%"), ("just under 30%", "31%"),
    ("more than 5,000 people", "4,870 people"), ("just over 5,000", "4,900"), ("at least 12 people", "11 people"),
    ("up to 12 people", "13 people"), ("less than 10 people", "12 people"), ("about 30%", "36%"),
    ("nearly $3.3bn", "$3.4bn"),
))
def test_a_hedge_in_the_wrong_direction_conflicts(claimed: str, source: str) -> None:
    assert outcome(claimed, source) == CONFLICTS


def test_nearly_and_just_over_stay_close_to_their_number() -> None:
    assert outcome("nearly 5,000", "3,000") == CONFLICTS
    assert outcome("just over 5,000", "8,000") == CONFLICTS


def test_a_one_way_hedge_far_from_the_value_says_too_little() -> None:
    # "more than 10" of 5,000 is true, but it is not the source's figure
    assert outcome("more than 10 people", "5,000 people") == INCONCLUSIVE
    assert outcome("up to 50,000 people", "5,000 people") == INCONCLUSIVE


def test_a_strict_hedge_is_false_of_its_own_whole_count() -> None:
    assert outcome("more than 12 people", "12 people") != AGREES
    assert outcome("fewer than 12 people", "12 people") != AGREES


# --- hedged sources ------------------------------------------------------------------------------


def test_same_way_hedges_need_the_same_number() -> None:
    assert outcome("less than 10 minutes", "less than 10 minutes") == AGREES
    assert outcome("less than 10 minutes", "less than 17 minutes") == CONFLICTS
    assert outcome("more than 60 people", "more than 60 people") == AGREES
    assert outcome("more than 60 people", "at least 60 people") == AGREES
    assert outcome("up to 50 people", "up to 50 people") == AGREES
    assert outcome("up to 40 people", "up to 50 people") == CONFLICTS


def test_opposite_hedges_conflict() -> None:
    assert outcome("more than 10 people", "less than 10 people") == CONFLICTS
    assert outcome("up to 10 people", "at least 10 people") == CONFLICTS


def test_a_source_hedged_one_way_cannot_vouch_for_a_precise_claim() -> None:
    assert outcome("50 people", "up to 50 people") == INCONCLUSIVE
    assert outcome("60 people", "more than 60 people") == INCONCLUSIVE
    assert outcome("30 people", "at least 20 people") == INCONCLUSIVE


def test_a_source_about_a_value_vouches_for_its_number() -> None:
    assert outcome("5,000", "about 5,000") == AGREES
    assert outcome("about 5,000", "about 5,000") == AGREES
    assert outcome("nearly 5,000", "about 5,000") == AGREES


def test_a_precise_claim_within_a_close_hedged_source_is_not_a_conflict() -> None:
    assert outcome("29%", "nearly 30%") != CONFLICTS
    assert outcome("28%", "nearly 30%") != CONFLICTS
    assert outcome("32%", "about 30%") != CONFLICTS


def test_a_precise_claim_outside_a_close_hedged_source_conflicts() -> None:
    assert outcome("35%", "nearly 30%") == CONFLICTS
    assert outcome("20%", "about 30%") == CONFLICTS


# --- vague amounts -------------------------------------------------------------------------------


def test_a_vague_source_vouches_only_for_a_vague_claim() -> None:
    assert outcome("hundreds of thousands of people", "hundreds of thousands of people") == AGREES
    assert outcome("500,000 people", "hundreds of thousands of people") == INCONCLUSIVE
    assert outcome("tens of thousands of people", "hundreds of thousands of people") == CONFLICTS
    assert outcome("thousands of people", "hundreds of thousands of people") == CONFLICTS


def test_a_vague_claim_is_checked_against_a_precise_source() -> None:
    assert outcome("hundreds of thousands of people", "500,000 people") == AGREES
    assert outcome("hundreds of thousands of people", "50,000 people") == CONFLICTS
    assert outcome("dozens of people", "60 people") == AGREES
    assert outcome("dozens of people", "6 people") == CONFLICTS


# --- years and dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(("claimed", "source"), table(
    ("February 24, 2022", "24 February 2022"), ("February 24, 2022", "2022-02-24"),
    ("24 February 2022", "Feb. 24, 2022"), ("Feb. 24", "24 February 2022"), ("February 2022", "24 February 2022"),
    ("in 2022", "24 February 2022"), ("in 2022", "in 2022"), ("24 February 2022", "in 2022"),
))
def test_the_same_date_in_other_words_agrees(claimed: str, source: str) -> None:
    assert outcome(claimed, source) == AGREES


@pytest.mark.parametrize(("claimed", "source"), table(
    ("February 24, 2022", "February 25, 2022"), ("March 2022", "24 February 2022"),
    ("in 2021", "24 February 2022"), ("in 2022", "in 2023"), ("Feb. 24", "March 24, 2022"),
    ("February 24, 2021", "24 February 2022"),
))
def test_another_date_or_year_conflicts(claimed: str, source: str) -> None:
    assert outcome(claimed, source) == CONFLICTS


def test_a_year_has_no_tolerance_even_when_hedged() -> None:
    assert outcome("in 1995", "in 1996") == CONFLICTS
    assert q("around 2010").hedge is None


@pytest.mark.parametrize("figure", ["1,417,173,173 people", "$2,345,678,901", "$12,345,678.99"])
def test_a_large_precise_figure_agrees_with_itself(figure: str) -> None:
    assert outcome(figure, figure) == AGREES


# --- properties -----------------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=10**8))
def test_a_count_agrees_with_itself_in_any_grouping(n: int) -> None:
    assert outcome(f"{n:,} people", f"{n} people") == AGREES
    assert outcome(f"{n:,} people", f"{n:,} people") == AGREES


@given(st.integers(min_value=10, max_value=10**6), st.integers(min_value=1, max_value=9))
def test_a_count_never_agrees_with_a_different_count(n: int, delta: int) -> None:
    assert outcome(f"{n:,} people", f"{n + delta:,} people") == CONFLICTS


@given(st.integers(min_value=100, max_value=10**6))
def test_more_than_agrees_only_above(n: int) -> None:
    above, below = n + max(n // 10, 1), n - max(n // 10, 1)
    assert outcome(f"more than {n:,} people", f"{above:,} people") == AGREES
    assert outcome(f"more than {n:,} people", f"{below:,} people") == CONFLICTS
    assert outcome(f"nearly {n:,} people", f"{above:,} people") == CONFLICTS
