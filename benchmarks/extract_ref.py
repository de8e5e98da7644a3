"""The reference extractor alone: ``trafilatura.extract`` over the benchmark's pages, in one process.

The end-to-end benchmark runs it as a subprocess beside ``factcheck verify`` and compares
wall times: ``verify``'s whole run (fetching, extraction, matching, output) against the
cost of main-text extraction by itself. It prints one JSON line::

    python benchmarks/extract_ref.py 500
    {"seconds": 9.1, "pages": 500, "chars": 2345678}
"""

from __future__ import annotations

import json
import sys
import time

import trafilatura
from pages import load_corpus, make_page


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: extract_ref.py PAGES")
    count = int(sys.argv[1])
    load_corpus()
    start = time.perf_counter()
    chars = 0
    for n in range(count):
        text = trafilatura.extract(make_page(n))
        chars += len(text or "")
    print(json.dumps({"seconds": time.perf_counter() - start, "pages": count, "chars": chars}))


if __name__ == "__main__":
    main()
