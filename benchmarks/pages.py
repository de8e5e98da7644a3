"""Benchmark data: real news pages from the AEB corpus, each copy made unique, and claims about them.

The corpus (``shared/corpus/aeb``: 181 news pages with their article text, MIT licence,
Scrapinghub's article-extraction-benchmark) is cycled: page ``n`` is corpus page
``n % 181`` with a paragraph carrying ``n`` inserted just after ``<body>``, so no two
responses are the same bytes and no cache or deduplication can help. Claims are drawn
from the page's ``articleBody`` with a random generator seeded by ``(SEED, n)``: the same
``n`` always gives the same claims, on any machine.

Run it to write a claims file::

    python benchmarks/pages.py --pages 500 --port 8080 -o /tmp/claims.yaml
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

SEED = 20240605
"""Fixed seed of every random choice in the benchmarks."""

CORPUS = Path(os.environ.get("FACTCHECK_BENCH_CORPUS",
                             Path(__file__).resolve().parents[2] / "shared" / "corpus" / "aeb"))
"""The AEB corpus folder (``html/*.html.gz`` and ``ground-truth.json``); override with
the environment variable ``FACTCHECK_BENCH_CORPUS``."""

_BODY_TAG = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_HTML_TAG = re.compile(rb"<html\b[^>]*>", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"“‘])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Prof|St|Gov|Sen|Rep|Gen|Lt|Col|"
    r"Sgt|Capt|Inc|Corp|Co|Ltd|Jr|Sr|No|vs|etc|[A-Z]|(?:[A-Z]\.)+[A-Z])\.$")
"""A period that ends an abbreviation or an initial ("Oct. 25", "J. Smith", "U.S."), not a sentence."""
_EDITORIAL = re.compile(r"[\[\]…]|\.\.\.")
"""Brackets and ellipses mean something in a claim (an insertion, an omission): sentences
holding them are not made claims."""
_WORD = re.compile(r"\S+")
_NUMBER = re.compile(r"(?<![^\W\d_])\d")
"""A digit that does not follow a letter: a number, not a model name such as ``RAV4``."""
_EDGE_PUNCTUATION = "\"'“”‘’«»()[],;:—–-"


@dataclass(frozen=True)
class CorpusPage:
    """One page of the corpus: its raw HTML and the article text a human marked in it."""

    key: str
    """The file's name without ``.html.gz`` (a SHA-256 of the URL)."""
    html: bytes
    """The raw page, as it was saved (its own charset)."""
    body: str
    """The article's text (``articleBody`` of the ground truth)."""
    url: str
    """Where the page was published."""


@functools.cache
def load_corpus() -> tuple[CorpusPage, ...]:
    """Every corpus page, in a fixed order (sorted by key)."""
    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        path = CORPUS / "html" / f"{key}.html.gz"
        if path.exists():
            pages.append(CorpusPage(key, gzip.decompress(path.read_bytes()), truth[key]["articleBody"],
                                    truth[key].get("url", "")))
    if not pages:
        raise SystemExit(f"no corpus pages found in {CORPUS}")
    return tuple(pages)


def corpus_page(n: int) -> CorpusPage:
    """The corpus page that unique page ``n`` is a copy of."""
    corpus = load_corpus()
    return corpus[n % len(corpus)]


def make_page(n: int) -> bytes:
    """Unique page ``n``: a corpus page with a paragraph naming ``n`` at the top of its body."""
    html = corpus_page(n).html
    marker = f'\n<p id="bench-copy-{n}">Benchmark copy {n}.</p>\n'.encode("ascii")
    tag = _BODY_TAG.search(html) or _HTML_TAG.search(html)
    at = tag.end() if tag else 0
    return html[:at] + marker + html[at:]


def make_sized_page(n: int, size: int) -> bytes:
    """Unique page ``n`` cut (or repeated) to exactly ``size`` bytes, for fetch benchmarks
    where only the bytes count; a leading comment naming ``n`` keeps it unique."""
    page = f"<!-- benchmark copy {n} -->\n".encode("ascii") + make_page(n)
    while len(page) < size:
        page += page
    return page[:size]


def make_padded_page(n: int, pad: int) -> bytes:
    """Page ``n`` with ``pad`` more bytes of markup no reader sees (an HTML comment at the
    end), so the raw bytes grow while the text to extract and check stays the same."""
    return make_page(n) + b"<!-- " + b"padding " * (pad // 8) + b"-->\n"


def page_bytes(count: int, size: int | None = None, pad: int = 0) -> int:
    """Total bytes of pages ``0`` to ``count - 1``: what a server sends for one run."""
    if size is not None:
        return count * size
    return sum(len(make_padded_page(n, pad) if pad else make_page(n)) for n in range(count))


# --- claims --------------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    """The article's sentences (paragraphs split at sentence ends), stripped."""
    out = []
    for paragraph in text.split("\n"):
        start = 0
        for end in _SENTENCE_END.finditer(paragraph):
            if not _ABBREVIATION.search(paragraph[max(start, end.start() - 16):end.start()]):
                out.append(paragraph[start:end.start()])
                start = end.end()
        out.append(paragraph[start:])
    return [s.strip() for s in out if s.strip()]


def word_run(text: str, first: int, count: int) -> str:
    """Words ``first`` to ``first + count - 1`` of ``text`` exactly as written (the
    characters between them included), without punctuation hanging at either edge."""
    words = list(_WORD.finditer(text))
    start, end = words[first].start(), words[first + count - 1].end()
    run = text[start:end]
    return run.strip(_EDGE_PUNCTUATION + " ") or run


def _word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def _quote(sentence: str, rng: random.Random) -> str:
    """A verbatim run of 10-25 words of ``sentence`` (the whole of it if shorter)."""
    n = _word_count(sentence)
    if n <= 10:
        return sentence.strip(_EDGE_PUNCTUATION + " ") or sentence
    length = rng.randint(10, min(25, n))
    return word_run(sentence, rng.randint(0, n - length), length)


def _claim_candidates(body: str) -> tuple[list[str], list[str], list[str]]:
    """Sentences fit to quote (10+ words), to state as a figure (a digit, 6-60 words)
    and to state plainly (6-40 words)."""
    every = sentences(body) or [body]
    all_sentences = [s for s in every if _word_count(s) >= 4 and not _EDITORIAL.search(s)] or every
    quotable = [s for s in all_sentences if _word_count(s) >= 10] or all_sentences
    figures = [s for s in all_sentences if _NUMBER.search(s) and 6 <= _word_count(s) <= 60]
    plain = [s for s in all_sentences if 6 <= _word_count(s) <= 40 and not _NUMBER.search(s)] or all_sentences
    return quotable, figures, plain


def page_claims(n: int, url: str, per_page: int = 2) -> list[dict[str, object]]:
    """``per_page`` claims about unique page ``n`` (deterministic), as claims-file mappings.

    They alternate: a ``quote`` (a 10-25 word run of an article sentence, verbatim), then a
    ``figure`` (a whole sentence with a digit) or, when the article has none left, a
    ``statement`` (a whole sentence); each uses a sentence no earlier claim of the page used.
    """
    rng = random.Random(f"{SEED}:{n}")
    quotable, figures, plain = _claim_candidates(corpus_page(n).body)
    used: set[str] = set()

    def pick(pool: list[str]) -> str | None:
        fresh = [s for s in pool if s not in used]
        if not fresh:
            return None
        choice = rng.choice(fresh)
        used.add(choice)
        return choice

    claims: list[dict[str, object]] = []
    for k in range(per_page):
        if k % 2 == 0:
            sentence = pick(quotable) or rng.choice(quotable)
            claims.append({"id": f"p{n}-{k}-quote", "kind": "quote", "text": _quote(sentence, rng), "sources": [url]})
            continue
        sentence = pick(figures)
        kind = "figure"
        if sentence is None:
            sentence = pick(plain) or rng.choice(plain)
            kind = "statement"
        claims.append({"id": f"p{n}-{k}-{kind}", "kind": kind, "text": sentence, "sources": [url]})
    return claims


def page_url(base: str, n: int) -> str:
    """The URL of unique page ``n`` on the benchmark server at ``base``."""
    return f"{base.rstrip('/')}/page/{n}"


def make_claims(pages: int, base: str, per_page: int = 2) -> list[dict[str, object]]:
    """Claims about pages ``0`` to ``pages - 1`` served at ``base``."""
    return [claim for n in range(pages) for claim in page_claims(n, page_url(base, n), per_page)]


def write_claims_file(path: Path, claims: Sequence[dict[str, object]], title: str = "factcheck benchmark") -> None:
    """A version-1 claims file (see ``shared/spec/interface.md``)."""
    yaml = YAML()
    yaml.width = 4096                       # one line per claim text: faster to parse, easier to read
    with path.open("w", encoding="utf-8") as f:
        yaml.dump({"version": 1, "article": {"title": title}, "claims": list(claims)}, f)


# --- matching data -------------------------------------------------------------------------


def article_texts(exclude: int = 0) -> tuple[list[str], list[str]]:
    """The corpus' article texts in a fixed shuffled order, split into those documents are
    built from and ``exclude`` held out (texts absent quotes are drawn from)."""
    texts = [page.body for page in load_corpus()]
    random.Random(SEED).shuffle(texts)
    return texts[exclude:], texts[:exclude]


def make_document(texts: Sequence[str], size: int) -> str:
    """About ``size`` characters of article text: ``texts`` joined by blank lines, cycled
    when they run out, cut at the last space before ``size``."""
    parts: list[str] = []
    total = 0
    for text in _cycle(texts):
        parts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    document = "\n\n".join(parts)[:size]
    cut = document.rfind(" ")
    return document[:cut] if cut > size // 2 else document


def _cycle(texts: Sequence[str]) -> Iterator[str]:
    while True:
        yield from texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=500, help="unique pages (default 500)")
    parser.add_argument("--per-page", type=int, default=2, help="claims per page (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="the benchmark server's port")
    parser.add_argument("-o", "--output", type=Path, default=Path("claims.yaml"))
    args = parser.parse_args()
    claims = make_claims(args.pages, f"http://127.0.0.1:{args.port}", args.per_page)
    write_claims_file(args.output, claims)
    print(f"{len(claims)} claims over {args.pages} pages written to {args.output}")


if __name__ == "__main__":
    main()
