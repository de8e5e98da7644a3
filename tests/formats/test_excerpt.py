"""excerpt(): a snippet cut to a table cell, the matched words kept in view."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.formats.excerpt import excerpt
from factcheck.model import Evidence


def make(snippet: str, match: str, offset: int = 500, occurrence: int = 1) -> Evidence:
    at = -1
    for _ in range(occurrence):
        at = snippet.index(match, at + 1)
    return Evidence(url="https://example.org/a", snippet=snippet, start=offset + at,
                    end=offset + at + len(match), score=1.0, snippet_start=offset,
                    spans=((offset + at, offset + at + len(match)),))


def marked(text: str, marks: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in marks]


def test_short_snippet_is_kept_whole() -> None:
    text, marks = excerpt(make("Trade rose 29.3% in 2022.", "29.3%"), 160)
    assert text == "Trade rose 29.3% in 2022."
    assert marked(text, marks) == ["29.3%"]


def test_long_snippet_is_cut_around_the_match_with_ellipses() -> None:
    snippet = "lorem ipsum " * 40 + "the matched words" + " dolor sit amet" * 40
    text, marks = excerpt(make(snippet, "the matched words"), 80)
    assert marked(text, marks) == ["the matched words"]
    assert text.startswith("…") and text.endswith("…")
    assert len(text) <= 82


def test_match_at_the_end_keeps_the_end() -> None:
    snippet = "lorem ipsum " * 40 + "the end."
    text, marks = excerpt(make(snippet, "the end."), 60)
    assert text.endswith("the end.")
    assert text.startswith("…")
    assert marked(text, marks) == ["the end."]


def test_match_longer_than_the_limit_keeps_its_start() -> None:
    snippet = "before " * 10 + "x" * 300 + " after"
    text, marks = excerpt(make(snippet, "x" * 300), 100)
    assert len(text) <= 102
    assert marks and text[marks[0][0]] == "x"


def test_line_breaks_and_runs_of_spaces_become_one_space() -> None:
    text, marks = excerpt(make("Trade rose\n\n29.3%   in\t2022.", "29.3%   in"), 160)
    assert text == "Trade rose 29.3% in 2022."
    assert marked(text, marks) == ["29.3% in"]


def test_several_spans_are_all_kept() -> None:
    snippet = "The Sino-Russian convergence is political. Filler words. They do not share an ideology."
    first, second = snippet.index("convergence"), snippet.index("ideology")
    evidence = Evidence(url="u", snippet=snippet, start=first, end=second + 8, score=1.0,
                        spans=((first, first + 11), (second, second + 8)))
    text, marks = excerpt(evidence, 160)
    assert marked(text, marks) == ["convergence", "ideology"]


def test_no_highlight_starts_at_the_beginning() -> None:
    evidence = Evidence(url="u", snippet="abc " * 100, start=0, end=0, score=0.5)
    text, marks = excerpt(evidence, 40)
    assert text.startswith("abc")
    assert len(text) <= 42
    assert marks == []


TEXT = st.text(alphabet="ab .\n", max_size=300)


@settings(max_examples=200, deadline=None)
@given(before=TEXT, match=st.text(alphabet="XY .", min_size=1, max_size=60), after=TEXT,
       limit=st.integers(60, 200))
def test_bounded_and_keeps_the_highlighted_words(before: str, match: str, after: str, limit: int) -> None:
    evidence = Evidence(url="u", snippet=before + match + after, start=100 + len(before),
                        end=100 + len(before) + len(match), score=1.0, snippet_start=100)
    text, marks = excerpt(evidence, limit)
    assert len(text) <= limit + 2                      # plus an ellipsis at each end
    assert "\n" not in text
    assert all(0 <= a < b <= len(text) for a, b in marks)
    words = " ".join(match.split())
    if words:
        (a, b), = marks
        assert " ".join(text[a:b].split()) == words
