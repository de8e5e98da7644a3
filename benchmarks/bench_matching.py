"""``matching`` and ``normalize``: locating quotes in 1 KB to 1 MB of real article text.

Three ways to find a quote, timed side by side on the same documents and quotes:

A. the floor: a fair pure-Python normalisation (casefold, ``str.translate`` for quote
   marks and dashes, whitespace collapsed by split/join) of document and quote, then
   ``str.find``. It finds verbatim quotes and quotes that differ in case or quote marks.
B. factcheck: ``index_text(document)`` then ``locate(make_fragment(quote))``. *Cold*
   builds the index (with a fresh vocabulary) for this one quote; *warm* reuses an index
   built once, as a run does for every claim after the first that cites the source.
C. rapidfuzz's full-document ``fuzz.partial_ratio_alignment`` on A's normalised strings
   (normalisation included), the fuzzy search the issue compares with.

Quotes are 8-60 word runs of the document: *verbatim*; *edited* once (a word changed, a
word dropped, quote marks curly/straight swapped, case changed, in turn); *absent* (from
articles held out of every document). A quote is *found* when the passage returned
overlaps a place where the quote's original words are; for an absent quote any passage
returned at the 0.75 bar (B) or with a score of 75 (C) is a *false hit*.
"""

from __future__ import annotations

import gc
import random
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from common import Context, Table, Target, fit_exponent, fmt_pct, fmt_ratio, fmt_time, log, median_time
from pages import SEED, article_texts, make_document
from rapidfuzz import fuzz
from rapidfuzz.distance import ScoreAlignment

from factcheck.matching import PassageMatch
from factcheck.matching.fragments import make_fragment
from factcheck.matching.normalize import fold
from factcheck.matching.passages import locate
from factcheck.matching.tokens import Vocabulary, index_text

SIZES = {"1 KB": 1_000, "10 KB": 10_000, "100 KB": 100_000, "1 MB": 1_000_000}
KINDS = ("verbatim", "edited", "absent")
EDITS = ("word changed", "word dropped", "quote marks", "case")
MIN_SCORE = 0.75
"""factcheck's bar for a passage; C's ``score_cutoff`` is the same, in percent."""
HELD_OUT = 12
"""Articles kept out of every document: absent quotes come from them."""

_SINGLE = "'‘’‚‛′`´"
_DOUBLE = "\"“”„‟″«»"
_DASHES = "-‐‑‒–—―−"
_PLAIN_TABLE = str.maketrans({**dict.fromkeys(_SINGLE, "'"), **dict.fromkeys(_DOUBLE, '"'),
                              **dict.fromkeys(_DASHES, "-")})
_WORD = re.compile(r"\S+")
_MARKS = re.compile("[" + re.escape(_SINGLE[1:] + _DOUBLE[1:] + _DASHES[1:]) + "]")
_MARK_OF = {chr(k): v for k, v in _PLAIN_TABLE.items()}


def plain_normalise(text: str) -> str:
    """Reference A's normalisation: C-backed string methods only, no offset map."""
    return " ".join(text.casefold().translate(_PLAIN_TABLE).split())


def regex_normalise(text: str) -> str:
    """A's normalisation with ``re.sub`` in place of ``str.translate``: the same result,
    faster on text that is not pure ASCII (``str.translate`` then looks up every
    character in the table's dict). Shown in ``normalize`` as the lower floor."""
    return " ".join(_MARKS.sub(lambda m: _MARK_OF[m.group()], text.casefold()).split())


@dataclass(frozen=True)
class Quote:
    """One quote to look for, and where its words really are."""

    kind: str
    """``verbatim``, ``edited`` or ``absent``."""
    text: str
    edit: str = ""
    """Which edit was made (edited quotes)."""
    original: str = ""
    """The document's words the quote was made from ('' for absent quotes)."""


@dataclass
class Spans:
    """Where a quote's original words are, in the raw document and in A's normalised one."""

    raw: list[tuple[int, int]]
    normalised: list[tuple[int, int]]


def _occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans = []
    at = haystack.find(needle)
    while at >= 0 and needle:
        spans.append((at, at + len(needle)))
        at = haystack.find(needle, at + 1)
    return spans


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _run(words: list[re.Match[str]], text: str, first: int, count: int) -> str:
    return text[words[first].start():words[first + count - 1].end()]


def _edit(run: str, edit: str, rng: random.Random, replacements: list[str]) -> str:
    """``run`` with one light edit; the caller picked a run the edit applies to."""
    tokens = run.split()
    if edit == "word changed":
        k = rng.randrange(1, len(tokens) - 1)
        choices = [w for w in replacements if w.casefold() != tokens[k].casefold()]
        tokens[k] = rng.choice(choices)
        return " ".join(tokens)
    if edit == "word dropped":
        del tokens[rng.randrange(1, len(tokens) - 1)]
        return " ".join(tokens)
    if edit == "quote marks":
        swapped = run.translate(str.maketrans({"’": "'", "‘": "'", "'": "’", "“": '"', "”": '"'}))
        return swapped.replace('"', "“", 1) if swapped == run else swapped
    return run.lower() if run.lower() != run else run.capitalize()


def make_quotes(document: str, held_out: list[str], count: int, seed: int) -> dict[str, list[Quote]]:
    """``count`` quotes of each kind for ``document``, 8-60 words long (deterministic)."""
    rng = random.Random(seed)
    words = list(_WORD.finditer(document))
    normalised = plain_normalise(document)
    replacements = [w for text in held_out for w in text.split() if w.isalpha() and w.islower() and len(w) > 3]
    quotes: dict[str, list[Quote]] = {kind: [] for kind in KINDS}

    def run_of(length: int, want: Callable[[str], bool] = lambda _: True) -> str:
        length = min(length, len(words))
        run = ""
        for _ in range(500):
            first = rng.randrange(0, len(words) - length + 1)
            run = _run(words, document, first, length)
            if want(run):
                return run
        return run

    for i in range(count):
        verbatim = run_of(rng.randint(8, 60))
        quotes["verbatim"].append(Quote("verbatim", verbatim, original=verbatim))
        edit = EDITS[i % len(EDITS)]
        if edit == "quote marks":
            original = run_of(rng.randint(8, 60), lambda r: any(c in r for c in "’‘'“”\""))
            if not any(c in original for c in "’‘'“”\""):
                edit = "case"
        elif edit == "case":
            original = run_of(rng.randint(8, 60), lambda r: r.lower() != r)
        else:
            original = run_of(rng.randint(8, 60))
        quotes["edited"].append(Quote("edited", _edit(original, edit, rng, replacements), edit, original))
        for _ in range(100):
            source = rng.choice(held_out)
            source_words = list(_WORD.finditer(source))
            length = min(rng.randint(8, 60), len(source_words))
            first = rng.randrange(0, len(source_words) - length + 1)
            absent = _run(source_words, source, first, length)
            if plain_normalise(absent) not in normalised:      # really absent, not a shared boilerplate line
                break
        quotes["absent"].append(Quote("absent", absent))
    return quotes


@dataclass
class Cell:
    """Figures for one (document size, quote kind)."""

    a: float
    a_warm: float
    b_cold: float
    b_warm: float
    c: float
    a_found: int
    b_found: int
    c_found: int
    total: int


def measure_cell(document: str, quotes: list[Quote], repeats: int) -> Cell:
    """Time A, B (cold and warm) and C on each quote, side by side; medians over quotes."""
    normalised = plain_normalise(document)
    vocabulary = Vocabulary()
    index = index_text(document, "text", vocabulary)
    times: dict[str, list[float]] = {"a": [], "a_warm": [], "b_cold": [], "b_warm": [], "c": []}
    found = {"a": 0, "b": 0, "c": 0}
    budget = 0.5 * repeats if len(document) < 1_000_000 else 0.3 * repeats
    for quote in quotes:
        spans = Spans(_occurrences(document, quote.original),
                      _occurrences(normalised, plain_normalise(quote.original))) if quote.original else None

        def a_cold(q: str = quote.text) -> int:
            return plain_normalise(document).find(plain_normalise(q))

        def a_warm(q: str = quote.text) -> int:
            return normalised.find(plain_normalise(q))

        def b_cold(q: str = quote.text) -> PassageMatch | None:
            v = Vocabulary()
            return locate(make_fragment(q), index_text(document, "text", v), v, min_score=MIN_SCORE)

        def b_warm(q: str = quote.text) -> PassageMatch | None:
            return locate(make_fragment(q), index, vocabulary, min_score=MIN_SCORE)

        def c_full(q: str = quote.text) -> ScoreAlignment | None:
            return fuzz.partial_ratio_alignment(plain_normalise(q), plain_normalise(document),
                                                score_cutoff=MIN_SCORE * 100)

        gc.collect()
        for name, fn in (("a", a_cold), ("a_warm", a_warm), ("b_cold", b_cold), ("b_warm", b_warm), ("c", c_full)):
            times[name].append(median_time(fn, repeats, budget))

        at = a_warm()
        nq = plain_normalise(quote.text)
        b = b_warm()
        c = fuzz.partial_ratio_alignment(nq, normalised, score_cutoff=MIN_SCORE * 100)
        if spans is None:                     # absent: any answer is a false hit
            found["a"] += at >= 0
            found["b"] += b is not None
            found["c"] += c is not None
        else:
            found["a"] += at >= 0 and _overlaps(at, at + len(nq), spans.normalised)
            found["b"] += b is not None and _overlaps(b.start, b.end, spans.raw)
            found["c"] += c is not None and _overlaps(c.dest_start, c.dest_end, spans.normalised)
    med = {k: statistics.median(v) for k, v in times.items()}
    return Cell(med["a"], med["a_warm"], med["b_cold"], med["b_warm"], med["c"],
                found["a"], found["b"], found["c"], len(quotes))


def run_matching(ctx: Context) -> None:
    """The ``matching`` benchmark: times, ratios, accuracy and growth with document length."""
    count, repeats = (6, 3) if ctx.quick else (16, 5)
    texts, held_out = article_texts(HELD_OUT)
    cells: dict[tuple[str, str], Cell] = {}
    for label, size in SIZES.items():
        document = make_document(texts, size)
        quotes = make_quotes(document, held_out, count, SEED + size)
        for kind in KINDS:
            log(f"matching: {label}, {kind} quotes")
            cells[label, kind] = measure_cell(document, quotes[kind], repeats)

    times = Table(f"matching: time to locate one quote (median over {count} quotes, each the median of up to "
                  f"{repeats} runs)",
                  ["document", "quotes", "A norm+find", "A warm", "B cold", "B warm", "C partial_ratio",
                   "B cold / A", "B warm / A warm", "C / A"])
    for (label, kind), cell in cells.items():
        times.add(label, kind, fmt_time(cell.a), fmt_time(cell.a_warm), fmt_time(cell.b_cold), fmt_time(cell.b_warm),
                  fmt_time(cell.c), fmt_ratio(cell.b_cold / cell.a), fmt_ratio(cell.b_warm / cell.a_warm),
                  fmt_ratio(cell.c / cell.a))
    times.notes.append("A: plain normalisation of document and quote + str.find; A warm: the document normalised "
                       "beforehand. B: factcheck's index_text + make_fragment + locate; cold builds the index for "
                       "this quote, warm reuses one. C: A's normalisation + rapidfuzz partial_ratio_alignment over "
                       "the whole document. Target: B cold / A <= 1.3 at 10 KB and above.")
    ctx.table(times)

    accuracy = Table("matching: quotes found (verbatim, edited) and false hits (absent)",
                     ["document", "quotes", "A norm+find", "B factcheck", "C partial_ratio"])
    for (label, kind), cell in cells.items():
        accuracy.add(label, kind, fmt_pct(cell.a_found, cell.total), fmt_pct(cell.b_found, cell.total),
                     fmt_pct(cell.c_found, cell.total))
    accuracy.notes.append("Found: the passage returned overlaps the quote's true place. Absent rows count false "
                          "hits (any passage at the 0.75 bar, C: score >= 75): lower is better there. Edited "
                          f"quotes rotate through: {', '.join(EDITS)}; A finds only the last two by design. "
                          "Target: B finds at least as many as C, and no false hit.")
    ctx.table(accuracy)

    growth = Table("matching: growth of time with document length (log-log slope, 10 KB to 1 MB)",
                   ["method", *KINDS])
    fitted = [label for label in SIZES if SIZES[label] >= 10_000]
    xs = [SIZES[label] for label in fitted]
    exponents: dict[str, dict[str, float]] = {}
    for method, attr in (("A norm+find", "a"), ("A warm", "a_warm"), ("B cold", "b_cold"), ("B warm", "b_warm"),
                         ("C partial_ratio", "c")):
        exponents[method] = {kind: fit_exponent(xs, [getattr(cells[label, kind], attr) for label in fitted])
                             for kind in KINDS}
        growth.add(method, *(f"{exponents[method][kind]:.2f}" for kind in KINDS))
    growth.notes.append("1.00 is linear. Target: B cold and B warm <= 1.1.")
    ctx.table(growth)

    ctx.figures["matching"] = {
        "cells": {f"{label}/{kind}": vars(cell) for (label, kind), cell in cells.items()},
        "exponents": exponents,
    }
    big = [(label, kind) for (label, kind) in cells if SIZES[label] >= 10_000]
    worst = max(big, key=lambda k: cells[k].b_cold / cells[k].a)
    ctx.target(Target("matching", f"B cold / A, worst at 10 KB+ ({worst[0]}, {worst[1]})",
                      cells[worst].b_cold / cells[worst].a, 1.3))
    for method in ("B cold", "B warm"):
        kind = max(KINDS, key=exponents[method].__getitem__)
        ctx.target(Target("matching", f"{method} time exponent, worst ({kind})", exponents[method][kind], 1.1, ""))
    for kind in ("verbatim", "edited"):
        b = sum(cells[label, kind].b_found for label in SIZES)
        c = sum(cells[label, kind].c_found for label in SIZES)
        ctx.target(Target("matching", f"{kind} quotes found by B minus by C", b - c, 0, " quotes",
                          higher_is_better=True))
    false_hits = sum(cells[label, "absent"].b_found for label in SIZES)
    ctx.target(Target("matching", "false hits of B on absent quotes", false_hits, 0, " quotes"))


def run_normalize(ctx: Context) -> None:
    """The ``normalize`` benchmark: factcheck's fold and index_text against plain normalisation."""
    repeats = 5 if ctx.quick else 15
    texts, _ = article_texts(HELD_OUT)
    table = Table(f"normalize: folding a document (median of {repeats})",
                  ["document", "A plain", "A with re.sub", "fold", "index_text (new vocabulary)",
                   "index_text (known words)", "fold / A", "fold / A with re.sub", "index_text / A"])
    figures = {}
    for label in ("10 KB", "1 MB"):
        document = make_document(texts, SIZES[label])
        known = Vocabulary()
        index_text(document, "text", known)
        log(f"normalize: {label}")
        assert regex_normalise(document) == plain_normalise(document)
        samples: dict[str, list[float]] = {"a": [], "a_re": [], "fold": [], "index": [], "index_warm": []}
        for _ in range(repeats):        # interleaved, so that a noisy moment hits all alike
            samples["a"].append(median_time(lambda d=document: plain_normalise(d), 1))
            samples["a_re"].append(median_time(lambda d=document: regex_normalise(d), 1))
            samples["fold"].append(median_time(lambda d=document: fold(d), 1))
            samples["index"].append(median_time(lambda d=document: index_text(d, "text", Vocabulary()), 1))
            samples["index_warm"].append(median_time(lambda d=document, v=known: index_text(d, "text", v), 1))
        a, a_re, fo, ix, ixw = (statistics.median(samples[k]) for k in ("a", "a_re", "fold", "index", "index_warm"))
        table.add(label, fmt_time(a), fmt_time(a_re), fmt_time(fo), fmt_time(ix), fmt_time(ixw), fmt_ratio(fo / a),
                  fmt_ratio(fo / a_re), fmt_ratio(ix / a))
        figures[label] = {"plain": a, "plain_re_sub": a_re, "fold": fo, "index_text": ix, "index_text_known_words": ixw}
        ctx.target(Target("normalize", f"fold (with offset map) / plain normalisation at {label}", fo / a, 2.0))
    table.notes.append("A: casefold + str.translate (quotes, dashes) + split/join, no offset map. A with re.sub: the "
                       "same result with re.sub for the marks (str.translate looks every character up in a dict "
                       "when the text is not pure ASCII): a lower floor. fold: factcheck's folding with its map back "
                       "to the original. index_text: fold + words + vocabulary codes. Target: fold / A <= 2.")
    ctx.table(table)
    ctx.figures["normalize"] = figures
