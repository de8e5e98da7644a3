"""Is a quote's speaker named near the passage in the source, or someone else?

A quote found verbatim but attributed in the source to another person is a different
claim: it is reported (a field on the evidence, a note in the table), not hidden. The
check is deliberately simple: the speaker's full name or surname within a few hundred
characters of the passage; failing that, the name an attribution verb points at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.matching.normalize import fold

SPEAKER_WINDOW = 1500
"""Characters on each side of the passage where the speaker's name is looked for."""

_NAME_WORD = r"(?:[A-Z][\w'’.-]+|de|van|von|al|bin|da|du|le|la)"
_NAME = rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
_VERBS = r"(?:said|says|told|added|explained|noted|notes|wrote|writes|recalled|recalls|argued|argues|observed|" \
         r"observes|continued|continues|deplored|deplores|insisted|stressed|warned|declared|declares|believes|" \
         r"specifies|specified|points out|pointed out|according to)"
_AFTER = re.compile(_VERBS + r",?\s+" + _NAME)
_BEFORE = re.compile(_NAME + r",?\s+(?:\w+\s+){0,6}?" + _VERBS + r"\b")
_NOT_NAMES = frozenset({"The", "A", "An", "He", "She", "They", "It", "We", "I", "This", "That", "But", "And", "In",
                        "On", "As", "When", "While", "However", "Mr", "Ms", "Mrs", "Dr", "President", "Minister"})


@dataclass(frozen=True)
class SpeakerCheck:
    """What the source says about who spoke."""

    found: bool
    """The speaker's name (or surname) appears near the passage."""
    attributed_to: str | None = None
    """When it does not: the name the source attributes the words to nearby, if any."""


def check_speaker(text: str, start: int, end: int, speaker: str, title: str | None = None) -> SpeakerCheck:
    """Look for ``speaker`` around ``text[start:end]``, or as the page's author (in its
    title or its opening lines, where bylines are); several speakers ("X and Y") each count."""
    near = text[max(0, start - SPEAKER_WINDOW):min(len(text), end + SPEAKER_WINDOW)]
    byline = (title or "") + " " + text[:BYLINE_CHARS]
    for name in _speakers(speaker):
        if _names(near, name) or _names(byline, name):
            return SpeakerCheck(True)
    return SpeakerCheck(False, _attribution(text, start, end))


_PUNCTUATION = re.compile(r"[^\w\s]")
BYLINE_CHARS = 800
"""The opening characters of a page searched for its author's name."""


def _speakers(speaker: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\band\b|&|/)\s*", speaker)
    return [p for p in parts if p.strip()] or [speaker]


def _names(text: str, name: str) -> bool:
    words = _PUNCTUATION.sub(" ", fold(text).text).split()
    folded = " " + " ".join(words) + " "
    return any(f" {form} " in folded for form in name_forms(name))


def name_forms(speaker: str) -> list[str]:
    """The folded full name and, for a name of several words, the surname."""
    words = _PUNCTUATION.sub(" ", fold(speaker).text).split()
    if not words:
        return []
    forms = [" ".join(words)]
    if len(words) > 1 and len(words[-1]) > 2:
        forms.append(words[-1])
    return forms


def _attribution(text: str, start: int, end: int) -> str | None:
    """The nearest name an attribution verb points at, just after or before the passage."""
    after = text[end:end + 160]
    m = _AFTER.search(after)
    if m and _person_like(m.group(1)):
        return m.group(1).strip(" .,")
    before = text[max(0, start - 160):start]
    found = [m for m in _BEFORE.finditer(before) if _person_like(m.group(1))]
    if found:
        return found[-1].group(1).strip(" .,")
    return None


def _person_like(name: str) -> bool:
    """A first name and a surname, at least: "Beijing says" names no person."""
    words = name.split()
    return len(words) >= 2 and words[0] not in _NOT_NAMES
