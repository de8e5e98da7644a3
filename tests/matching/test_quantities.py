"""Quantities in prose: number formats, scales, kinds, units, hedges, dates, ranges, words.

Every rule is shown from both sides: the reading it gives, and a near miss it must not
give (a name with a number is no figure, "one of them" is no count, a bare "m" after a
count is no million).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.matching.quantities import Quantity, asserted_interval, find_quantities, parse_number


def only(text: str) -> Quantity:
    """The one quantity of ``text``."""
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text)]


# --- number formats -------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "value", "step"), [
    ("1,200", 1200.0, 1.0),
    ("1 200", 1200.0, 1.0),
    ("1\u00a0200", 1200.0, 1.0),
    ("1200", 1200.0, 1.0),
    ("3.4", 3.4, 0.1),
    ("1.200,5", 1200.5, 0.1),
    ("1,200.5", 1200.5, 0.1),
    ("12,345,678", 12345678.0, 1.0),
    ("0.25", 0.25, 0.01),
    ("10,5", 10.5, 0.1),
])
def test_parse_number_reads_the_formats_of_several_locales(written: str, value: float, step: float) -> None:
    parsed = parse_number(written)
    assert parsed is not None
    got, got_step, _ = parsed
    assert got == pytest.approx(value)
    assert got_step == pytest.approx(step)


def test_a_dot_before_three_digits_is_ambiguous_and_keeps_both_readings() -> None:
    parsed = parse_number("1.200")
    assert parsed is not None
    value, _, alternatives = parsed
    assert value == 1200.0
    assert alternatives == (1.2,)


@pytest.mark.parametrize("written", ["1,200", "1.200,5", "3.4", "1200", "1 200"])
def test_unambiguous_numbers_have_no_alternative_reading(written: str) -> None:
    parsed = parse_number(written)
    assert parsed is not None and parsed[2] == ()


@pytest.mark.parametrize("written", ["", "abc", "1,2,3", "1..2", "12a"])
def test_parse_number_refuses_what_is_not_a_numeral(written: str) -> None:
    assert parse_number(written) is None


@pytest.mark.parametrize("text", ["1,200 people", "1 200 people", "1200 people", "1.200 people"])
def test_one_thousand_two_hundred_in_every_format(text: str) -> None:
    q = only(text)
    assert q.kind == "count" and q.value == 1200.0
    assert (q.low, q.high) == (1199.5, 1200.5)


def test_a_decimal_asserts_the_rounding_of_its_last_digit() -> None:
    q = only("inflation of 3.4 percent")
    assert q.kind == "percent"
    assert q.low == pytest.approx(3.35) and q.high == pytest.approx(3.45)


# --- scales ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("3.4 thousand people", 3.4e3),
    ("5k runners", 5e3),
    ("2 million people", 2e6),
    ("5 mn people", 5e6),
    ("7 mln people", 7e6),
    ("1.5 billion people", 1.5e9),
    ("2tn", 2e12),
    ("4 trillion", 4e12),
    ("two thousand people", 2e3),
    ("1,5 million people", 1.5e6),
])
def test_scale_words_and_abbreviations_multiply(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize("text", ["$3.4bn", "$3,400 million", "3.4 billion dollars", "US$3.4 bn", "USD 3.4bn",
                                  "3.4 billion USD", "$3.4 billion"])
def test_three_point_four_billion_dollars_in_every_form(text: str) -> None:
    q = only(text)
    assert q.kind == "money" and q.currency == "USD"
    assert q.value == pytest.approx(3.4e9)


def test_the_scale_sets_the_rounding_step() -> None:
    assert only("$3.4bn").step == pytest.approx(1e8)
    assert only("$3,400 million").step == pytest.approx(1e6)


@pytest.mark.parametrize(("text", "value"), [
    ("5 m people", 5.0),          # a bare m after a count is not "million"
    ("the 5 k race", 5.0),        # nor a spaced k "thousand"
])
def test_ambiguous_scale_letters_count_only_where_they_must(text: str, value: float) -> None:
    assert values(text)[0] == value


def test_m_after_money_is_million_but_after_a_count_is_metres() -> None:
    assert only("€5m").value == 5e6
    wall = only("a 3m wall")
    assert wall.kind == "length" and wall.value == 3.0


# --- percentages and points ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["25%", "25 %", "25 percent", "25 per cent", "25 pct"])
def test_percent_in_every_form(text: str) -> None:
    q = only(text)
    assert q.kind == "percent" and q.value == 25.0


@pytest.mark.parametrize("text", ["3 percentage points", "3 percentage point", "3 points", "3pp", "3 ppt"])
def test_percentage_points_are_their_own_kind(text: str) -> None:
    q = only(text)
    assert q.kind == "points" and q.value == 3.0


def test_a_percentage_is_not_a_count() -> None:
    assert only("25 percent").kind != only("25 people").kind


# --- currencies ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "currency"), [
    ("€5m", "EUR"), ("EUR 5m", "EUR"), ("5 million euros", "EUR"), ("5m euros", "EUR"),
    ("$5m", "USD"), ("USD 5m", "USD"), ("5 million dollars", "USD"), ("5 million US dollars", "USD"),
    ("£5m", "GBP"), ("GBP 5m", "GBP"), ("5 million pounds", "GBP"),
    ("¥500", "JPY"), ("500 yen", "JPY"), ("500 yuan", "CNY"), ("RMB 500", "CNY"),
    ("₽500", "RUB"), ("500 roubles", "RUB"), ("A$20", "AUD"), ("HK$20", "HKD"),
])
def test_currency_by_symbol_code_and_name(text: str, currency: str) -> None:
    q = only(text)
    assert q.kind == "money" and q.currency == currency


def test_the_same_amount_in_two_currencies_differs_in_currency_only() -> None:
    dollars, euros = only("USD 5m"), only("EUR 5m")
    assert dollars.value == euros.value
    assert dollars.currency != euros.currency


def test_a_symbol_and_a_different_currency_name_do_not_merge() -> None:
    # "$5 euros" is nonsense: the symbol wins and the name is not taken as the currency
    q = find_quantities("$5 euros")[0]
    assert q.currency == "USD"
    assert "euros" not in q.text


def test_a_plain_count_has_no_currency() -> None:
    q = only("5 million people")
    assert q.kind == "count" and q.currency is None


# --- units and conversions -------------------------------------------------------------------


@pytest.mark.parametrize(("texts", "dimension", "base"), [
    (("200 kg", "200 kilos", "200 kilograms", "0.2 tonnes"), "mass", 200.0),
    (("5 km", "5,000 metres", "5 kilometres"), "length", 5000.0),
    (("10 bcm", "10 billion cubic metres", "10 billion cubic meters"), "volume", 1e10),
    (("90 minutes", "1.5 hours", "5,400 seconds"), "time", 5400.0),
    (("2,000 hectares", "20 square kilometres"), "area", 2e7),
])
def test_units_convert_to_the_dimension_base(texts: tuple[str, ...], dimension: str, base: float) -> None:
    for text in texts:
        q = only(text)
        assert q.kind == dimension, text
        assert q.value == pytest.approx(base), text


def test_miles_convert_to_metres() -> None:
    q = only("3.1 miles")
    assert q.kind == "length" and q.value == pytest.approx(4988.9664)


def test_kilos_and_tonnes_are_different_values() -> None:
    assert only("200 kilos").value != only("200 tonnes").value


@pytest.mark.parametrize("text", ["5 m", "5 t", "5 in"])
def test_ambiguous_unit_letters_are_only_units_when_glued_to_the_number(text: str) -> None:
    assert only(text).kind == "count"


# --- years and dates -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["in 2022", "by 2030", "the 1995 election", "in 1500"])
def test_a_bare_four_digit_number_in_range_is_an_exact_year(text: str) -> None:
    q = only(text)
    assert q.kind == "year" and q.exact
    assert q.low == q.high == q.value


@pytest.mark.parametrize("text", ["2,022 people", "1,500 people", "2022.5", "3000 people", "1499 people"])
def test_numbers_written_otherwise_or_out_of_range_are_counts(text: str) -> None:
    assert only(text).kind != "year"


@pytest.mark.parametrize("text", [
    "February 24, 2022", "24 February 2022", "2022-02-24", "24th of February, 2022", "Feb. 24, 2022",
    "Feb 24 2022",
])
def test_a_full_date_in_several_written_forms(text: str) -> None:
    q = only(text)
    assert q.kind == "date" and q.date == (2022, 2, 24)
    assert q.text == text


def test_a_date_without_year_and_a_month_with_year() -> None:
    assert only("Feb. 24").date == (None, 2, 24)
    assert only("February 2022").date == (2022, 2, None)
    assert only("Sept. 11, 2001").date == (2001, 9, 11)


@pytest.mark.parametrize("text", ["may 5 days", "the 24 february", "2022-13-01", "February 32"])
def test_what_only_looks_like_a_date_is_not_one(text: str) -> None:
    assert all(q.kind != "date" for q in find_quantities(text))


# --- ranges ----------------------------------------------------------------------------------


def test_in_a_range_the_first_number_takes_the_unit_of_the_second() -> None:
    low, high = find_quantities("between three and 200 kilos")
    assert (low.kind, low.value) == ("mass", 3.0)
    assert (high.kind, high.value) == ("mass", 200.0)
    low, high = find_quantities("from 10 to 20 km")
    assert (low.kind, low.value) == ("length", 10000.0)


def test_in_a_percentage_range_both_are_percentages() -> None:
    assert [q.kind for q in find_quantities("3-5%")] == ["percent", "percent"]
    assert [q.kind for q in find_quantities("3 to 5 percent")] == ["percent", "percent"]


def test_two_numbers_not_joined_as_a_range_keep_their_own_kinds() -> None:
    kinds = [q.kind for q in find_quantities("3 ships carried 200 kilos")]
    assert kinds == ["count", "mass"]


def test_a_money_range_with_one_symbol_and_one_scale() -> None:
    low, high = find_quantities("a cost of $3-5bn")
    assert (low.kind, low.currency, low.value) == ("money", "USD", 3e9)
    assert (high.kind, high.currency, high.value) == ("money", "USD", 5e9)


def test_a_money_range_written_in_full_is_read() -> None:
    low, high = find_quantities("between $3bn and $5bn")
    assert (low.currency, low.value) == ("USD", 3e9)
    assert (high.currency, high.value) == ("USD", 5e9)


# --- number words ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("three people", 3.0), ("twenty-five people", 25.0), ("two hundred and fifty people", 250.0),
    ("a dozen eggs", 12.0), ("half a million people", 5e5), ("Twelve ships", 12.0),
    ("one million people", 1e6),
])
def test_number_words(text: str, value: float) -> None:
    assert only(text).value == value


@pytest.mark.parametrize(("text", "low", "high"), [
    ("tens of thousands of people", 1e4, 99999.0),
    ("hundreds of thousands of people", 1e5, 999999.0),
    ("thousands of people", 2000.0, 9999.0),
    ("dozens of people", 24.0, 144.0),
])
def test_vague_amounts_are_wide_intervals(text: str, low: float, high: float) -> None:
    q = only(text)
    assert q.hedge == "vague"
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize("text", ["thousands", "several", "hundreds"])
def test_vague_words_alone_are_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_several_dozen_is_dozens() -> None:
    q = only("several dozen people")
    assert q.low >= 24


@pytest.mark.parametrize(("text", "hedge"), [("nearly a million people", "below_close"),
                                             ("about a dozen ships", "approx")])
def test_a_hedge_before_a_phrase_amount_is_kept(text: str, hedge: str) -> None:
    assert only(text).hedge == hedge


@pytest.mark.parametrize("text", ["one of them said", "no one came", "He said one thing", "one person died"])
def test_one_is_not_a_figure_unless_a_scale_or_unit_follows(text: str) -> None:
    assert find_quantities(text) == []


def test_one_with_a_scale_or_unit_is_a_figure() -> None:
    assert only("one million people").value == 1e6
    assert only("one percent").kind == "percent"


# --- names with numbers ----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "the airline ordered Boeing 737 jets", "gas flows through Power of Siberia 2 now",
    "Russia sold SU-35 fighters", "the 81uav unit attacked", "Covid-19 cases rose", "the A380 is large",
    "a 4x4 vehicle",
])
def test_names_with_numbers_are_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_number_after_a_sentence_start_capital_is_still_a_figure() -> None:
    # "Officials 30" is no name: the capital is the start of the sentence
    assert values("The fire spread. Officials 30 minutes later said so.") == [1800.0]


@pytest.mark.parametrize("text", ["Boeing 737 jets were grounded", "Sales fell. Boeing 737 orders stopped."])
def test_a_name_with_a_number_at_a_sentence_start_is_not_a_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_a_model_variant_is_not_a_figure() -> None:
    assert values("It ordered 30 Boeing 787-9 jets") == [30.0]


# --- negative numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("growth of -0.4%", -0.4), ("a reading of −3 points", -3.0), ("a balance (−3)", -3.0),
    ("output fell to -12 percent", -12.0),
])
def test_a_minus_sign_makes_a_negative_number(text: str, value: float) -> None:
    assert only(text).value == value


@pytest.mark.parametrize(("text", "value"), [("pages 10-12 of the report", 12.0), ("a 2–1 win", 1.0)])
def test_a_dash_between_numbers_is_not_a_sign(text: str, value: float) -> None:
    assert values(text)[-1] == value


# --- hedges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "hedge"), [
    ("nearly 4,800", "below_close"), ("almost 30%", "below_close"), ("just under 30%", "below_close"),
    ("more than 5,000", "above"), ("over 200 people", "above"), ("just over 5,000", "above_close"),
    ("about 30%", "approx"), ("around 5,000", "approx"), ("roughly $2bn", "approx"), ("some 200 people", "approx"),
    ("at least 12 people", "at_least"), ("up to 50 people", "at_most"), ("as many as 40 people", "at_most"),
    ("less than 10 minutes", "below"), ("fewer than 9 people", "below"), ("north of $2bn", "above"),
])
def test_hedge_words_before_a_number(text: str, hedge: str) -> None:
    q = only(text)
    assert q.hedge == hedge
    assert q.text == text.removesuffix(" people")


def test_a_hedge_word_elsewhere_in_the_sentence_does_not_hedge() -> None:
    assert only("about the 300 people").hedge is None
    assert only("Moreover 300 people came").hedge is None


@pytest.mark.parametrize(("hedge", "low", "high"), [
    ("below_close", 27.0, 30.0), ("above_close", 30.0, 33.0), ("approx", 25.0, 35.0),
    ("above", 30.0, math.inf), ("at_least", 30.0, math.inf), ("below", -math.inf, 30.0),
    ("at_most", -math.inf, 30.0), (None, 29.5, 30.5),
])
def test_asserted_interval_of_each_hedge(hedge: str | None, low: float, high: float) -> None:
    got = asserted_interval(30.0, 1.0, hedge)
    assert got[0] == pytest.approx(low) and got[1] == pytest.approx(high)


def test_about_reaches_at_most_a_quarter_of_the_value() -> None:
    low, high = asserted_interval(1000.0, 1.0, "approx")
    assert (low, high) == (750.0, 1250.0)


def test_exact_values_have_no_tolerance() -> None:
    assert asserted_interval(2022.0, 1.0, "approx", exact=True) == (2022.0, 2022.0)


def test_a_hedged_four_digit_count_is_not_a_year() -> None:
    q = only("more than 1800 people")
    assert q.kind == "count" and q.hedge == "above"


# --- offsets and properties ------------------------------------------------------------------


def test_offsets_point_at_the_words_as_written() -> None:
    text = "Trade jumped nearly 30% in 2022, to €177bn, on February 24, 2022 said officials."
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
    assert [q.text for q in find_quantities(text)] == ["nearly 30%", "2022", "€177bn", "February 24, 2022"]


@given(st.integers(min_value=1000, max_value=999_999_999))
def test_grouped_spaced_and_plain_integers_read_alike(n: int) -> None:
    grouped = f"{n:,}"
    spaced = grouped.replace(",", " ")
    european = grouped.replace(",", ".")
    for written in (grouped, spaced, european, str(n)):
        parsed = parse_number(written)
        assert parsed is not None, written
        assert parsed[0] == n


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9))
def test_a_decimal_is_inside_its_own_interval(whole: int, tenth: int) -> None:
    text = f"a rise of {whole}.{tenth} percent"
    q = only(text)
    assert q.kind == "percent"
    assert q.low < q.value < q.high
    assert q.high - q.low == pytest.approx(0.1)
    assert text[q.start:q.end] == q.text


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "m", "bn", "billion"]))
def test_money_with_a_scale_is_the_same_whatever_the_spelling(n: int, scale: str) -> None:
    factor = 1e6 if scale in ("million", "m") else 1e9
    glued = only(f"${n}{scale if len(scale) <= 2 else ' ' + scale}")
    named = only(f"{n} {'million' if factor == 1e6 else 'billion'} dollars")
    assert glued.value == named.value == pytest.approx(n * factor)
    assert glued.currency == named.currency == "USD"


@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.$€%-–kmbnaeiou\n")), max_size=40))
def test_find_quantities_never_fails_and_keeps_offsets(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.low <= q.high
