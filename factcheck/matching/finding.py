"""What matching found of one claim in one text: facts, no verdict."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.matching.differences import WordChange


@dataclass(frozen=True)
class PassageMatch:
    """A claim's fragment located in a text: the closest passage and how it differs."""

    fragment: str
    """The claim's words, as the claim writes them."""
    start: int
    """Original offset of the passage in the text."""
    end: int
    score: float
    """Word-level similarity of fragment and passage, 0 to 1."""
    exact: bool
    changes: tuple[WordChange, ...] = ()
    """Every difference, each judged harmless or not."""
    passage: str = ""
    """The passage as the source writes it."""
    first_word: int = 0
    """Index of the passage's first word in the text's words."""
    last_word: int = 0
    """Index just past the passage's last word."""
    pairs: tuple[tuple[int, int, int, int], ...] = ()
    """Aligned stretches as (claim start, claim end, source start, source end) offsets:
    where each part of the claim sits in the source."""

    @property
    def meaningful(self) -> tuple[WordChange, ...]:
        """The differences that change meaning."""
        return tuple(c for c in self.changes if not c.harmless)

    @property
    def faithful(self) -> bool:
        """Found with no difference that changes meaning."""
        return not self.meaningful


@dataclass(frozen=True)
class TextFinding:
    """A claim checked against one text of one source."""

    scope: str
    """Which text: ``article``, ``page``, ``pdf`` or ``text``."""
    parts: tuple[PassageMatch | None, ...]
    """One per fragment of the claim, in the claim's order; None where nothing close was found."""
    in_order: bool = True
    """Whether the found fragments appear in the claim's order."""

    @property
    def found(self) -> tuple[PassageMatch, ...]:
        return tuple(p for p in self.parts if p is not None)
