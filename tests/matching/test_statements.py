"""Statements end to end: a close paraphrase is supported; a changed negation or number is not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.matching import TextFinding
from factcheck.model import Kind, Verdict
from tests.matching.helpers import ARTICLES, check, meaningful, verdict

EUROPA = ARTICLES["europa"]
EMIRATES = ARTICLES["emirates"]
ALIBABA = ARTICLES["alibaba"]
DAVIS_CUP = ARTICLES["davis_cup"]

COUNCIL = ("The city council voted on Monday to close the central library for renovation. "
           "Officials said the work would take 18 months and cost about 4.5 million euros. "
           "The mayor did not attend the meeting, which lasted three hours. "
           "Residents will be able to borrow books from a temporary branch in the old post office.")


def statement(claim: str, text: str) -> TextFinding:
    return check(Kind.STATEMENT, claim, text)


def test_a_verbatim_statement_is_found_exactly() -> None:
    claim = "The city council voted on Monday to close the central library for renovation."
    finding = statement(claim, COUNCIL)
    (part,) = finding.parts
    assert part is not None and part.exact and part.faithful
    assert part.passage == "The city council voted on Monday to close the central library for renovation"
    assert COUNCIL[part.start:part.end] == part.passage


@pytest.mark.parametrize("claim, text", [
    ("The council voted on Monday to close the main library for renovation", COUNCIL),
    ("On Monday the city council voted to shut the central library for renovations.", COUNCIL),
    ("Officials said the work would last 18 months and cost around 4.5 million euros", COUNCIL),
    ("Emirates finalized a deal to purchase 30 of Boeing's 787-9 Dreamliner jets", EMIRATES),
    ("NASA's Europa Clipper mission will get a closer look at the icy moon's surface as soon as 2023",
     EUROPA),
    ("Small investors in Hong Kong welcomed the deal, subscribing for so many shares", ALIBABA),
])
def test_a_light_rewording_is_faithful(claim: str, text: str) -> None:
    finding = statement(claim, text)
    (part,) = finding.parts
    assert part is not None and part.faithful, meaningful(finding)
    assert text[part.start:part.end] == part.passage
    assert verdict(Kind.STATEMENT, claim, text) is Verdict.SUPPORTED


@pytest.mark.parametrize("claim, text", [
    ("The mayor attended the meeting, which lasted three hours.", COUNCIL),
    ("Residents will not be able to borrow books from a temporary branch", COUNCIL),
    ("The 777 program has not faced delays due to engine problems", EMIRATES),
    ("Small investors in Hong Kong have not welcomed the deal", ALIBABA),
    ("Scientists have detected liquid water directly on Europa", EUROPA),
    ("Emirates did not finalize a deal to purchase 30 of Boeing's 787-9 Dreamliner jets", EMIRATES),
])
def test_a_negation_dropped_or_added_is_not_faithful(claim: str, text: str) -> None:
    finding = statement(claim, text)
    (part,) = finding.parts
    assert part is not None and not part.faithful
    assert "negation" in [c.why for c in part.meaningful]
    assert verdict(Kind.STATEMENT, claim, text) is Verdict.CONTRADICTED


@pytest.mark.parametrize("claim, text, difference", [
    ("Officials said the work would take 12 months and cost about 4.5 million euros.", COUNCIL, ("12", "18")),
    ("Emirates finalized a deal to purchase 40 of Boeing's 787-9 Dreamliner jets", EMIRATES, ("40", "30")),
    ("Emirates is the number one buyer of Airbus' iconic A380, with 132 of the planes in its fleet", EMIRATES,
     ("132", "123")),
    ("Alibaba shares closed in New York on Tuesday at $185.25, up 0.53%", ALIBABA, ("0.53", "0.35")),
    ("The Europa Clipper spacecraft will make 54 flybys of Europa", EUROPA, ("54", "45")),
])
def test_a_changed_number_is_not_faithful(claim: str, text: str, difference: tuple[str, str]) -> None:
    finding = statement(claim, text)
    (part,) = finding.parts
    assert part is not None and not part.faithful
    assert difference in meaningful(finding)
    assert verdict(Kind.STATEMENT, claim, text) is Verdict.CONTRADICTED


@pytest.mark.parametrize("claim, text", [
    ("Officials said the work would take 18 months and cost about 4.5 billion euros.", COUNCIL),
    ("The order is valued at $8.8 million at list prices", EMIRATES),
    ("Alibaba shares closed in New York on Tuesday at $185.25, down 0.35%", ALIBABA),
])
def test_a_changed_scale_word_or_antonym_is_not_faithful(claim: str, text: str) -> None:
    """Paraphrase excuses rewording, not million for billion nor down for up."""
    assert verdict(Kind.STATEMENT, claim, text) is Verdict.CONTRADICTED


@pytest.mark.parametrize("claim", [
    "The weather in Lyon was sunny and warm for most of the week.",
    "Emirates ordered fifty Airbus jets",
])
def test_a_statement_about_something_else_is_not_found(claim: str) -> None:
    assert statement(claim, COUNCIL).parts == (None,)


@pytest.mark.parametrize("claim, text", [
    ("The city council voted on Monday to close the central library for renovation.", COUNCIL),
    ("Scientists have detected liquid water directly on Europa", EUROPA),
    ("Spain beat Russia 2-1 in the inaugural Davis Cup Finals", DAVIS_CUP),
])
def test_passages_are_slices_of_the_text(claim: str, text: str) -> None:
    finding = statement(claim, text)
    assert finding.found
    for part in finding.found:
        assert text[part.start:part.end] == part.passage
        assert part.score >= 0.0


# --- known bugs ----------------------------------------------------------------------------------

def test_a_changed_name_is_not_faithful() -> None:
    claim = "Emirates finalized a deal to purchase 30 of Airbus's 787-9 Dreamliner jets"
    assert verdict(Kind.STATEMENT, claim, EMIRATES) is not Verdict.SUPPORTED


def test_a_wrong_number_outside_the_passage_found_is_not_supported() -> None:
    claim = ("Out of 27 observations by the W. M. Keck Observatory in Hawaii, the scientists only spotted "
             "water vapor in one.")
    assert verdict(Kind.STATEMENT, claim, EUROPA) is not Verdict.SUPPORTED




def test_a_negation_reworded_as_another_negation_is_faithful() -> None:
    claim = "The mayor never attended the meeting, which lasted three hours."
    assert verdict(Kind.STATEMENT, claim, COUNCIL) is Verdict.SUPPORTED


SCORE_SCRIPT = """
import json, sys
from tests.matching.helpers import ARTICLES, check
finding = check("statement", "Scientists have detected liquid water directly on Europa", ARTICLES["europa"])
print(json.dumps(finding.parts[0].score))
"""


def test_a_statement_score_is_the_same_in_every_run_and_at_most_one() -> None:
    root = Path(__file__).resolve().parents[2]
    scores = []
    for seed in ("0", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", SCORE_SCRIPT], cwd=root, env=env, capture_output=True,
                             text=True, check=True, timeout=60)
        scores.append(json.loads(out.stdout))
    assert scores[0] == scores[1]
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_a_figure_the_source_adds_does_not_contradict_a_statement() -> None:
    claim = "Alibaba plans to raise as much as $12.9bn from its record second listing in Hong Kong"
    assert verdict(Kind.STATEMENT, claim, ALIBABA) is Verdict.SUPPORTED
