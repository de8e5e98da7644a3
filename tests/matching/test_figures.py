"""Figure claims end to end: ``find`` on a FIGURE claim, then ``text_verdict``.

A figure stated as the source states it, or written differently, or hedged the right way,
is supported; a changed value, scale, unit or currency, or two figures swapped, is
contradicted; a number the page gives about something else is never supported; a claim
whose page states only some of its figures is partial.

HARBOUR and COUNCIL are written for these tests. HOME_DEPOT and METH are article bodies
from scrapinghub/article-extraction-benchmark (MIT, see tests/data/fetch_extraction/aeb-LICENSE).
"""

from __future__ import annotations

import pytest

from factcheck.matching import TextFinding, Vocabulary, claim_fragments, find, index_text
from factcheck.matching.figures import check_figures, context_of
from factcheck.matching.quantities import find_quantities
from factcheck.matching.sentences import text_index
from factcheck.matching.statements import clusters
from factcheck.model import Claim, Kind, Verdict
from factcheck.verdicts import text_verdict

HARBOUR = (
    "Harbour Freight Ltd said on Thursday that its revenue rose 12 percent to $3.4bn in the year to March, "
    "while operating profit fell 7% to $410 million. The company, which employs 2,300 people at 14 ports, "
    "plans to cut 150 jobs by December. Chief executive Maria Lindqvist said the firm had handled 1.8 million "
    "containers, up from 1.5 million a year earlier. Shares closed 4.2% lower at 86 pence."
)

COUNCIL = (
    "The city council approved a budget of $53 million for the new bridge on Tuesday. Construction will "
    "take 18 months, and about 1,200 workers will be hired. Unemployment in the region fell to 25 percent "
    "last year, down from 31 percent in 2019. The mayor said three contractors had bid for the work. The "
    "river carries nearly 4,800 cubic metres of water per second in spring."
)

PIPELINE = (
    "The ministry expects the new pipeline to carry 10 bcm of gas a year from 2027. Smugglers moved between "
    "three and 200 kilos of cocaine per shipment, police said. The invasion began on February 24, 2022, and "
    "tens of thousands of soldiers have died since. About a dozen ships were damaged. One of them sank in 1996."
)

HOME_DEPOT = (
    "Dow component Home Depot reported third-quarter earnings that topped estimates as revenue fell short, "
    "sending shares lower ahead of the opening bell. Rival Lowe's was also lower following the results.\n\n"
    "Ticker Security Last Change Change %\nHD THE HOME DEPOT INC. 225.86 -12.99 -5.44%\n"
    "LOW LOWE'S COMPANIES INC. 113.40 -1.62 -1.41%\n\n"
    "The home-improvement retailer earned $2.8 billion, or $2.53 per diluted share, as revenue rose 3.5 percent "
    "to $27.2 billion. Wall Street analysts surveyed by Refinitiv were expecting $2.52 a share on revenue of "
    "$27.53 billion. Comparable sales rose 3.6 percent, missing the 4.8 percent gain that was expected.\n\n"
    "Looking ahead, Home Depot sees fiscal year 2019 sales growth of 1.8 percent and comparable sales growth of "
    "3.5 percent, down from previous guidance of up 2.3 percent and up 4 percent, respectively.\n\n"
    "Home Depot shares are up 39 percent year-to-date while the S&P 500 is up 24.5 percent."
)

METH = (
    "The campaign, which includes both digital and TV ads, cost the state roughly $449,000, according to the "
    "Sioux Falls Argus Leader.\n\n"
    "In 2016, the South Dakota's Department of Social Services reported that the number of young people in the "
    "state who have reported using meth was 3.8 percent, compared to the national average of 3 percent.\n\n"
    "The National Institute on Drug Abuse has also estimated that 964,000 people age 12 and older, which account "
    "for about 0.4 percent of the total U.S. population, reported a methamphetamine use disorder in 2017, marking "
    "a significant increase from the previous year."
)

NOT_SUPPORTED = (Verdict.NOT_FOUND, Verdict.CONTRADICTED)


def check(claim: str, text: str) -> TextFinding:
    vocabulary = Vocabulary()
    c = Claim("c1", Kind.FIGURE, claim, ())
    return find(c, claim_fragments(c), index_text(text, "page", vocabulary), vocabulary)


def verdict(claim: str, text: str) -> Verdict:
    return text_verdict(check(claim, text))


def differences(finding: TextFinding) -> list[tuple[str, str]]:
    return [(c.claimed_text, c.source_text) for p in finding.found for c in p.meaningful]


def notes(finding: TextFinding) -> list[tuple[str, str, str]]:
    return [(c.claimed_text, c.source_text, c.why) for p in finding.found for c in p.changes if c.harmless]


# --- supported ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "text"), [
    ("The city council approved a budget of $53 million for the new bridge", COUNCIL),
    ("Harbour Freight said its revenue rose 12 percent to $3.4bn in the year to March", HARBOUR),
    ("The home-improvement retailer earned $2.8 billion, or $2.53 per diluted share", HOME_DEPOT),
    ("The campaign cost the state roughly $449,000", METH),
    ("The invasion began on February 24, 2022", PIPELINE),
])
def test_a_verbatim_figure_is_supported(claim: str, text: str) -> None:
    finding = check(claim, text)
    assert text_verdict(finding) is Verdict.SUPPORTED
    assert notes(finding) == []
    for part in finding.found:
        assert text[part.start:part.end] == part.passage


@pytest.mark.parametrize(("claim", "text", "claimed", "stated"), [
    ("The council approved a $53m budget for the new bridge", COUNCIL, "$53m", "$53 million"),
    ("Unemployment in the region fell to 25% last year", COUNCIL, "25%", "25 percent"),
    ("The mayor said 3 contractors had bid for the work", COUNCIL, "3", "three"),
    ("Harbour Freight revenue rose 12 percent to $3,400 million", HARBOUR, "$3,400 million", "$3.4bn"),
    ("Harbour Freight revenue rose 12 percent to 3.4 billion dollars", HARBOUR, "3.4 billion dollars", "$3.4bn"),
    ("Home Depot earned $2.8bn in the third quarter", HOME_DEPOT, "$2.8bn", "$2.8 billion"),
    ("The invasion began on 24 February 2022", PIPELINE, "24 February 2022", "February 24, 2022"),
    ("The pipeline will carry 10 billion cubic metres of gas a year", PIPELINE, "10 billion cubic metres",
     "10 bcm"),
    ("Twelve ships were damaged", PIPELINE, "Twelve", "About a dozen"),
    ("The campaign cost the state $449,000", METH, "$449,000", "roughly $449,000"),
])
def test_a_reformatted_figure_is_supported_with_a_note(claim: str, text: str, claimed: str, stated: str) -> None:
    finding = check(claim, text)
    assert text_verdict(finding) is Verdict.SUPPORTED
    assert (claimed, stated, "same figure written differently") in notes(finding)


def test_1200_and_1_200_are_the_same_figure() -> None:
    text = "The port hired 1,200 dockers in June."
    assert verdict("The port hired 1200 dockers in June", text) is Verdict.SUPPORTED
    assert verdict("The port hired 1 200 dockers in June", text) is Verdict.SUPPORTED


@pytest.mark.parametrize(("claim", "text"), [
    ("Home Depot shares are up nearly 40 percent this year", HOME_DEPOT),
    ("The home-improvement retailer earned about $2.8 billion", HOME_DEPOT),
    ("About 1 million people reported a methamphetamine use disorder in 2017", METH),
    ("Harbour Freight handled nearly 2 million containers", HARBOUR),
    ("Harbour Freight revenue rose nearly 13% to $3.4bn", HARBOUR),
    ("The campaign cost the state about $450,000", METH),
    ("More than 1,000 workers will be hired", COUNCIL),
    ("Smugglers moved up to 200 kilos of cocaine per shipment", PIPELINE),
])
def test_a_figure_hedged_the_right_way_is_supported_within_tolerance(claim: str, text: str) -> None:
    finding = check(claim, text)
    assert text_verdict(finding) is Verdict.SUPPORTED
    assert any(why == "within the claim's tolerance" for _, _, why in notes(finding))


@pytest.mark.parametrize(("claim", "text"), [
    ("Revenue at the ports operator climbed 12 percent to $3.4bn", HARBOUR),
    ("Councillors backed spending $53 million on the new bridge", COUNCIL),
    ("Home Depot's revenue was $27.2 billion, up 3.5 percent", HOME_DEPOT),
    ("Some 964,000 Americans aged 12 and older had a methamphetamine use disorder in 2017", METH),
    ("Harbour Freight intends to eliminate 150 jobs before December", HARBOUR),
])
def test_the_figure_in_a_paraphrase_is_supported(claim: str, text: str) -> None:
    assert verdict(claim, text) is Verdict.SUPPORTED


@pytest.mark.parametrize("claim", [
    "Some 964,000 Americans had a methamphetamine use disorder in 2017",
    "Some 964,000 Americans aged 12 or over had a methamphetamine use disorder in 2017",
])
def test_a_count_is_not_set_against_a_year(claim: str) -> None:
    # "Americans" and "people" are not known to count the same thing (no synonyms: a
    # count must name what it counts as the source does), so it may come out partial:
    # never contradicted by "2017".
    assert verdict(claim, METH) in (Verdict.SUPPORTED, Verdict.PARTIAL)


@pytest.mark.parametrize(("claim", "text"), [
    ("In 2016, 3.8 percent of young people in South Dakota reported using meth", METH),
    ("Home Depot earned $2.8 billion as revenue rose 3.5% to $27.2 billion", HOME_DEPOT),
    ("Smugglers moved between 3 and 200 kg of cocaine per shipment", PIPELINE),
    ("The invasion began in February 2022", PIPELINE),
    ("The invasion began in 2022", PIPELINE),
    ("tens of thousands of soldiers have died since the invasion", PIPELINE),
])
def test_several_figures_dates_ranges_and_vague_amounts_are_supported(claim: str, text: str) -> None:
    assert verdict(claim, text) is Verdict.SUPPORTED


# --- contradicted ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "text", "difference"), [
    ("The city council approved a budget of $79.5 million for the new bridge", COUNCIL,
     ("$79.5 million", "$53 million")),                                            # x1.5
    ("The city council approved a budget of $60 million for the new bridge", COUNCIL,
     ("$60 million", "$53 million")),                                              # +7
    ("The city council approved a budget of $53 billion for the new bridge", COUNCIL,
     ("$53 billion", "$53 million")),                                              # scale word
    ("Home Depot revenue rose 3.5 percent to $27.2 million", HOME_DEPOT, ("$27.2 million", "$27.2 billion")),
    ("Home Depot revenue rose 5.3 percent to $27.2 billion", HOME_DEPOT, ("5.3 percent", "3.5 percent")),
    ("Construction will take 25 months", COUNCIL, ("25 months", "18 months")),
    ("Construction will take 18 weeks", COUNCIL, ("18 weeks", "18 months")),        # unit
    ("The campaign cost the state about $500,000", METH, ("about $500,000", "roughly $449,000")),
    ("The campaign cost the state $4.49 million", METH, ("$4.49 million", "roughly $449,000")),
    ("In 2017, 3.8 percent of young people in South Dakota reported using meth", METH, ("2017", "2016")),
    ("The invasion began on February 25, 2022", PIPELINE, ("February 25, 2022", "February 24, 2022")),
    ("The invasion began in March 2022", PIPELINE, ("March 2022", "February 24, 2022")),
    ("Twenty ships were damaged", PIPELINE, ("Twenty", "About a dozen")),
    ("Harbour Freight employs 2,307 people", HARBOUR, ("2,307", "2,300")),
    ("The pipeline will carry 12 billion cubic metres of gas a year", PIPELINE,
     ("12 billion cubic metres", "10 bcm")),
])
def test_a_changed_value_scale_or_unit_is_contradicted(claim: str, text: str,
                                                       difference: tuple[str, str]) -> None:
    finding = check(claim, text)
    assert text_verdict(finding) is Verdict.CONTRADICTED
    assert difference in differences(finding)


@pytest.mark.parametrize(("claim", "text"), [
    ("Home Depot shares are up more than 40 percent this year", HOME_DEPOT),
    ("Harbour Freight handled more than 2 million containers", HARBOUR),
    ("Harbour Freight handled almost 1.7 million containers", HARBOUR),
])
def test_a_figure_hedged_the_wrong_way_is_contradicted(claim: str, text: str) -> None:
    assert verdict(claim, text) is Verdict.CONTRADICTED


@pytest.mark.parametrize(("claim", "text"), [
    ("The city council approved a budget of €53 million for the new bridge", COUNCIL),
    ("Home Depot revenue rose 3.5 percent to €27.2 billion", HOME_DEPOT),
])
def test_a_changed_currency_is_not_supported(claim: str, text: str) -> None:
    assert verdict(claim, text) is Verdict.CONTRADICTED


def test_a_changed_currency_is_set_against_the_amount_it_replaces() -> None:
    finding = check("Home Depot revenue rose 3.5 percent to €27.2 billion", HOME_DEPOT)
    assert ("€27.2 billion", "$27.2 billion") in differences(finding)


@pytest.mark.parametrize(("claim", "text", "swapped"), [
    ("Unemployment in the region fell to 31 percent last year, down from 25 percent in 2019", COUNCIL,
     [("31 percent", "25 percent"), ("25 percent", "31 percent")]),
    ("Comparable sales rose 4.8 percent, missing the 3.6 percent gain that was expected", HOME_DEPOT,
     [("4.8 percent", "3.6 percent"), ("3.6 percent", "4.8 percent")]),
    ("The firm had handled 1.5 million containers, up from 1.8 million a year earlier", HARBOUR,
     [("1.5 million", "1.8 million"), ("1.8 million", "1.5 million")]),
])
def test_two_figures_swapped_in_the_sentence_are_contradicted(claim: str, text: str,
                                                              swapped: list[tuple[str, str]]) -> None:
    finding = check(claim, text)
    assert text_verdict(finding) is Verdict.CONTRADICTED
    assert differences(finding) == swapped


# --- a number about something else ----------------------------------------------------------------


@pytest.mark.parametrize(("claim", "text"), [
    ("Harbour Freight operates 150 ports", HARBOUR),
    ("Harbour Freight will hire 150 people", HARBOUR),
    ("Harbour Freight had 86 ports", HARBOUR),
    ("Home Depot shares are up 24.5 percent this year", HOME_DEPOT),
    ("The national average was 3.8 percent", METH),
    ("Home Depot has 39 stores", HOME_DEPOT),
    ("Harbour Freight profit fell 4.2%", HARBOUR),
    ("The campaign cost the state roughly $964,000", METH),
])
def test_a_number_the_page_gives_about_something_else_is_not_supported(claim: str, text: str) -> None:
    assert verdict(claim, text) in NOT_SUPPORTED


@pytest.mark.parametrize("claim", [
    "Harbour Freight owns 14 ships",
    "Harbour Freight has 2,300 ships",
    "Harbour Freight handled 1.8 million ships",
])
def test_the_same_number_counting_other_things_is_not_supported(claim: str) -> None:
    assert verdict(claim, HARBOUR) in NOT_SUPPORTED


@pytest.mark.parametrize(("claim", "text"), [
    ("Harbour Freight said operating profit rose 7% to $410 million", HARBOUR),
    ("Shares closed 4.2% higher at 86 pence", HARBOUR),
    ("Home Depot revenue fell 3.5 percent to $27.2 billion", HOME_DEPOT),
    ("Home Depot shares are down 39 percent year-to-date", HOME_DEPOT),
])
def test_a_figure_with_its_direction_reversed_is_not_supported(claim: str, text: str) -> None:
    assert verdict(claim, text) is not Verdict.SUPPORTED


# --- partial ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("claim", "text"), [
    ("Harbour Freight revenue rose 12 percent, and the company bought 40 new cranes", HARBOUR),
    ("Home Depot shares are up 39 percent year-to-date and the company has 2,290 stores", HOME_DEPOT),
])
def test_one_figure_stated_and_one_absent_is_partial(claim: str, text: str) -> None:
    finding = check(claim, text)
    assert text_verdict(finding) is Verdict.PARTIAL
    assert finding.parts[0] is not None and finding.parts[0].faithful
    assert finding.parts[-1] is None


@pytest.mark.parametrize("claim", [
    "The retailer earned $2.8 billion. It hired 80,000 seasonal workers",
    "Comparable sales rose 3.6 percent, while online sales grew 22 percent",
])
def test_a_figure_absent_from_the_page_is_not_contradicted(claim: str) -> None:
    assert verdict(claim, HOME_DEPOT) is Verdict.PARTIAL


def test_two_figures_stated_in_adjacent_sentences_are_supported() -> None:
    claim = "Construction of the bridge will last 18 months and cost $53 million"
    assert verdict(claim, COUNCIL) is Verdict.SUPPORTED


# --- vague amounts, large numbers -----------------------------------------------------------------


def test_a_vague_source_does_not_support_another_vague_amount() -> None:
    assert verdict("hundreds of thousands of soldiers have died since the invasion", PIPELINE) \
        is Verdict.CONTRADICTED


def test_a_precise_claim_within_a_vague_source_is_not_contradicted() -> None:
    assert verdict("50,000 soldiers have died since the invasion", PIPELINE) is not Verdict.CONTRADICTED


def test_nearly_a_million_is_hedged() -> None:
    claim = "Nearly a million people reported a methamphetamine use disorder in 2017"
    assert verdict(claim, METH) is Verdict.SUPPORTED


def test_a_verbatim_population_figure_is_supported() -> None:
    text = "India's population reached 1,417,173,173 in 2022, the census office said."
    assert verdict("India's population reached 1,417,173,173 in 2022", text) is Verdict.SUPPORTED


def test_a_claim_starting_with_a_model_name_is_supported() -> None:
    text = "Regulators said on Monday that the Boeing 737 Max jets had been grounded for 20 months after two crashes."
    assert verdict("Boeing 737 Max jets had been grounded for 20 months", text) is Verdict.SUPPORTED


# --- the pieces ---------------------------------------------------------------------------------------


def test_clusters_group_figures_a_few_words_apart() -> None:
    claim = "revenue rose 12% to $3.4bn while profit fell 7% to $410 million"
    groups = clusters(claim, find_quantities(claim))
    assert [[q.text for q in g] for g in groups] == [["12%", "$3.4bn"], ["7%", "$410 million"]]
    claim = "Trade jumped nearly 30% in 2022, to 177 billion euros"
    assert len(clusters(claim, find_quantities(claim))) == 1


def test_context_of_weights_words_by_nearness_and_skips_numbers() -> None:
    text = "The company, which employs 2,300 people at 14 ports, plans to cut 150 jobs"
    context = context_of(text, find_quantities(text)[0])
    assert context["employ"] == 1.0 and context["peopl"] == 1.0
    assert context["port"] <= context["company"] < 1.0
    assert not any(ch.isdigit() for word in context for ch in word)


def test_check_figures_prefers_the_counterpart_with_the_claims_neighbours() -> None:
    vocabulary = Vocabulary()
    index = text_index(index_text(HARBOUR, "page", vocabulary))
    claim = "the firm plans to cut 150 jobs"
    passage = index.passages(["firm", "plan", "cut", "job"], limit=1)[0]
    (result,) = check_figures(claim, find_quantities(claim), index, passage)
    assert result.agrees and result.counterpart is not None and result.counterpart.text == "150"
    claim = "the firm plans to cut 160 jobs"
    (result,) = check_figures(claim, find_quantities(claim), index, passage)
    assert not result.agrees and result.counterpart is not None and result.counterpart.text == "150"
    assert result.shared_context >= 2
