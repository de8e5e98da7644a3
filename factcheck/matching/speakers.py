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
_VERBS = (r"(?:said|says|told|tells|added|adds|explained|explains|noted|notes|wrote|writes|recalled|recalls|"
          r"argued|argues|observed|observes|continued|continues|deplored|deplores|insisted|insists|stressed|"
          r"stresses|warned|warns|declared|declares|believes|believed|specifies|specified|points out|"
          r"pointed out|according to|asked|asks|replied|replies|commented|comments|remarked|remarks)")
_APPOSITION = r"(?:,[^,\"“”]{1,60},)?"
_VERB_NAME = re.compile(_VERBS + r",?\s+" + _NAME)                                 # said Peter Olsen
_NAME_VERB = re.compile(_NAME + _APPOSITION + r"\s+" + _VERBS + r"\b")           # Peter Olsen(, the leader,) said
_NOT_NAMES = frozenset({"The", "A", "An", "He", "She", "They", "It", "We", "I", "You", "This", "That", "These",
                        "Those", "But", "And", "In", "On", "As", "When", "While", "However", "Mr", "Ms", "Mrs", "Dr",
                        "President", "Minister", "Opposition", "Prime", "Chief", "Mayor", "Senator", "Governor",
                        "His", "Her", "Their", "Its", "Our", "My"})
_PLACES = frozenset({
    "united states", "united kingdom", "new york", "new delhi", "south korea", "north korea", "south africa",
    "hong kong", "saudi arabia", "new zealand", "sri lanka", "white house", "european union", "united nations",
    "el salvador", "costa rica", "puerto rico", "los angeles", "san francisco", "buenos aires", "tel aviv",
    "the kremlin", "downing street", "capitol hill", "wall street", "south sudan", "west bank", "abu dhabi",
})
ATTRIBUTION_CHARS = 200
"""Characters after and before a quote where the words that attribute it are looked for."""


@dataclass(frozen=True)
class SpeakerCheck:
    """What the source says about who spoke."""

    found: bool
    """The source gives the words to the speaker (or names the speaker near them, or as the
    page's author, when it attributes them to nobody else)."""
    attributed_to: str | None = None
    """When it does not: the person the source attributes the words to, if any."""


def check_speaker(text: str, start: int, end: int, speaker: str, title: str | None = None) -> SpeakerCheck:
    """Who the source says spoke the words ``text[start:end]``, against ``speaker``.

    The attribution next to the quote ("...," Peter Olsen said) decides when there is
    one. Otherwise the speaker's name near the passage, or in the page's title or
    opening lines (a byline: the page is the speaker's own), counts as found. Several
    speakers ("X and Y") each count; a bare surname counts only when no other first
    name stands before it.
    """
    speakers = _speakers(speaker)
    attributed = _attribution(text, start, end)
    if attributed is not None:
        if any(_names(attributed, name) for name in speakers):
            return SpeakerCheck(True)
        return SpeakerCheck(False, attributed)
    near = text[max(0, start - SPEAKER_WINDOW):min(len(text), end + SPEAKER_WINDOW)]
    byline = (title or "") + " " + text[:BYLINE_CHARS]
    if any(_names(near, name) or _names(byline, name) for name in speakers):
        return SpeakerCheck(True)
    return SpeakerCheck(False)


_PUNCTUATION = re.compile(r"[^\w\s]")
BYLINE_CHARS = 800
"""The opening characters of a page searched for its author's name."""


def _speakers(speaker: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\band\b|&|/)\s*", speaker)
    return [p for p in parts if p.strip()] or [speaker]


def _names(text: str, name: str) -> bool:
    """Whether ``text`` names ``name``: in full, or by surname not preceded by another first name."""
    forms = name_forms(name)
    if not forms:
        return False
    clean = _PUNCTUATION.sub(" ", text)
    words = clean.split()
    folded = fold(clean).text.split()             # one folded word per word: no punctuation left
    full = forms[0].split()
    if any(folded[i:i + len(full)] == full for i in range(len(folded) - len(full) + 1)):
        return True
    if len(forms) < 2:
        return False
    for i, word in enumerate(folded):
        if word != forms[1]:
            continue
        previous = words[i - 1] if i > 0 and len(words) == len(folded) else ""
        if previous[:1].isupper() and previous.rstrip(".") not in _NOT_NAMES \
                and fold(previous).text not in full:
            continue                             # "John Smith" is not "Mary Smith"; "Mr. Smith" may be
        return True
    return False


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
    """The person an attribution right after or before the passage gives the words to."""
    after = text[end:end + ATTRIBUTION_CHARS]
    lead = re.match(r"[\s\"”’',.:;]*", after)
    head = after[lead.end() if lead else 0:]
    for pattern in (_VERB_NAME, _NAME_VERB):
        m = pattern.match(head)
        if m and _person_like(m.group(1)):
            return _clean(m.group(1))
    before = text[max(0, start - ATTRIBUTION_CHARS):start]
    tail = before.rstrip(" \t\n\"“‘'«:,")
    for pattern in (_NAME_VERB, _VERB_NAME):
        for m in reversed(list(pattern.finditer(tail))):
            rest = tail[m.end():]
            if len(rest.split()) <= 6 and not re.search(r"[.!?;]", rest) and _person_like(m.group(1)):
                return _clean(m.group(1))       # "Peter Olsen told the assembly: ..."
    return None


def _clean(name: str) -> str:
    words = name.strip(" .,").split()
    while words and words[0].rstrip(".") in _NOT_NAMES:   # "Opposition leader Peter Olsen": a title first
        words = words[1:]
    return " ".join(words)


def _person_like(name: str) -> bool:
    """A first name and a surname, at least: "Beijing says" or "says New Delhi" names no person."""
    words = [w for w in name.split() if w.rstrip(".") not in _NOT_NAMES]
    if len(words) < 2:
        return False
    return " ".join(words).lower() not in _PLACES and " ".join(words[:2]).lower() not in _PLACES
