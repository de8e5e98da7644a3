"""Words that carry the meaning of a passage: content words, negations, antonyms.

Small pure functions and word lists, shared by the word diff (``differences``), the
passage search (``sentences``) and the figure and statement checks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

NEGATIONS = frozenset({
    "not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without",
    "cannot", "n't", "ain't", "hardly", "barely", "scarcely",
})

STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours
yourself yourselves also said says say told according would could may might must shall one two its
it's mr mrs ms dr per via upon among amid since within
""".split()) - NEGATIONS

ANTONYMS: tuple[tuple[str, str], ...] = (
    ("more", "less"), ("more", "fewer"), ("most", "least"), ("increase", "decrease"), ("increased", "decreased"),
    ("increases", "decreases"), ("increasing", "decreasing"), ("rise", "fall"), ("rose", "fell"),
    ("rises", "falls"), ("rising", "falling"), ("risen", "fallen"), ("up", "down"), ("higher", "lower"),
    ("highest", "lowest"), ("high", "low"), ("gain", "loss"), ("gained", "lost"), ("gains", "losses"),
    ("grow", "shrink"), ("grew", "shrank"), ("growth", "decline"), ("growing", "shrinking"),
    ("expand", "contract"), ("expanded", "contracted"), ("before", "after"), ("above", "below"),
    ("over", "under"), ("all", "some"), ("all", "none"), ("always", "never"), ("always", "sometimes"),
    ("everyone", "no one"), ("many", "few"), ("much", "little"), ("largest", "smallest"), ("larger", "smaller"),
    ("large", "small"), ("biggest", "smallest"), ("bigger", "smaller"), ("big", "small"), ("best", "worst"),
    ("better", "worse"), ("good", "bad"), ("win", "lose"), ("won", "lost"), ("wins", "loses"),
    ("winner", "loser"), ("accept", "reject"), ("accepted", "rejected"), ("approve", "reject"),
    ("approved", "rejected"), ("allow", "forbid"), ("allowed", "banned"), ("allowed", "forbidden"),
    ("legal", "illegal"), ("possible", "impossible"), ("likely", "unlikely"), ("able", "unable"),
    ("true", "false"), ("success", "failure"), ("succeeded", "failed"), ("support", "oppose"),
    ("supported", "opposed"), ("supports", "opposes"), ("for", "against"), ("agree", "disagree"),
    ("agreed", "disagreed"), ("include", "exclude"), ("included", "excluded"), ("first", "last"),
    ("earliest", "latest"), ("early", "late"), ("earlier", "later"), ("cheaper", "dearer"),
    ("cheap", "expensive"), ("strong", "weak"), ("stronger", "weaker"), ("strengthen", "weaken"),
    ("open", "closed"), ("opened", "closed"), ("start", "end"), ("started", "ended"), ("begin", "end"),
    ("buy", "sell"), ("bought", "sold"), ("import", "export"), ("imports", "exports"),
    ("imported", "exported"), ("north", "south"), ("east", "west"), ("left", "right"), ("men", "women"),
    ("male", "female"), ("maximum", "minimum"), ("max", "min"), ("majority", "minority"),
    ("positive", "negative"), ("surplus", "deficit"), ("profit", "loss"), ("profits", "losses"),
    ("guilty", "innocent"), ("convicted", "acquitted"), ("alive", "dead"), ("inside", "outside"),
    ("increase", "cut"), ("raise", "lower"), ("raised", "lowered"), ("raised", "cut"), ("hire", "fire"),
    ("hired", "fired"), ("add", "remove"), ("added", "removed"), ("with", "without"), ("same", "different"),
    ("easy", "difficult"), ("easier", "harder"), ("right", "wrong"), ("safe", "dangerous"),
    ("public", "private"), ("domestic", "foreign"), ("friend", "enemy"), ("ally", "enemy"),
    ("allies", "enemies"), ("peace", "war"), ("love", "hate"), ("loved", "hated"), ("like", "dislike"),
    ("increasingly", "decreasingly"), ("more", "fewer"), ("often", "rarely"), ("frequently", "rarely"),
    ("everything", "nothing"), ("everybody", "nobody"), ("full", "empty"), ("heavy", "light"),
)
_ANTONYM_PAIRS = frozenset(frozenset(p) for p in ANTONYMS)

OPPOSITE_GROUPS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset("""rose rise rises rising risen increased increase increases increasing grew grow grows growing
     grown climbed climb climbs jumped jump jumps surged surge surges soared soar soars gained gain gains higher
     up boosted boost added add adds adding expanded expand doubled tripled""".split()),
     frozenset("""fell fall falls falling fallen decreased decrease decreases decreasing declined decline declines
     declining dropped drop drops dropping shrank shrink shrinks shrinking plunged plunge plunges plummeted
     slumped slump tumbled lost lose loses lower down cut cuts cutting reduced reduce reduces halved
     contracted slashed shed""".split())),
    (frozenset("beat beats won win wins defeated defeat defeats".split()),
     frozenset("lost lose loses".split())),
)
"""Words that say a thing went one way, against words that say it went the other: any
word of one side is the opposite of any word of the other."""

_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_NUMERIC = re.compile(r"\d")


NEGATIVE_VERBS = frozenset("""
declined declines decline refused refuses refuse failed fails fail denied denies deny rejected rejects
reject""".split())
"""Verbs that negate what follows ("declined to approve" says "did not approve")."""


def negates(words: Iterable[str]) -> bool:
    """Whether a stretch of words says no: a negation word or a negating verb."""
    return any(is_negation(w) or w in NEGATIVE_VERBS for w in words)


def is_negation(word: str) -> bool:
    """Whether a folded word negates (``not``, ``never``, ``don't``...)."""
    return word in NEGATIONS or word.endswith("n't")


def are_antonyms(a: str, b: str) -> bool:
    """Whether two folded words are listed as opposites (``more``/``less``, ``rose``/``fell``)."""
    if frozenset((a, b)) in _ANTONYM_PAIRS:
        return True
    return any((a in up and b in down) or (a in down and b in up) for up, down in OPPOSITE_GROUPS)


def stem(word: str) -> str:
    """A light suffix stripper, enough to match ``exports``/``export``, ``talks``/``talking``.

    Deliberately crude (no dictionary, no language model): it only has to make two
    forms of one word agree more often than it makes two words collide.
    """
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4:
        for suffix, replacement in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                if suffix == "s" and word.endswith(("ss", "us", "is")):
                    break
                word = word[: -len(suffix)] + replacement
                break
    if len(word) >= 4 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]               # "price"/"prices", "rise"/"rising", "approve"/"approved"
    return word


def content_words(words: Iterable[str]) -> list[str]:
    """Stemmed folded words that carry meaning: no stopwords, no numbers, no signs."""
    out = []
    for word in words:
        if word in STOPWORDS or _NUMERIC.search(word) or len(word) < 2 or not word[0].isalpha():
            continue
        out.append(stem(word))
    return out


def opposite_words(claimed: Sequence[str], source: Sequence[str]) -> tuple[str, str] | None:
    """A word of the claim whose opposite the source says instead: (claim's, source's).

    Counted, not just looked up: in "revenue rose and profit rose" against "revenue rose
    and profit fell", one "rose" of the claim has become "fell".
    """
    have, said = Counter(claimed), Counter(source)
    for word, count in have.items():
        if said[word] >= count:
            continue
        for other, other_count in said.items():
            if other_count > have[other] and are_antonyms(word, other):
                return word, other
    return None
