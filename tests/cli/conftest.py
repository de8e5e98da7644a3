"""Running the CLI in-process: stdout and stderr kept apart, rich's width pinned.

typer's CliRunner (its bundled click, like click >= 8.2) always gives ``result.stdout`` and
``result.stderr`` separately; ``result.output`` is the two interleaved.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app

WIDTH = "120"

SUPPORTED_QUOTE = "China fears that a defeat of Russia will lead to the replacement of Putin"
ABSENT_QUOTE = "I have a personality similar to yours, said the president"

PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Zhao Tong interview</title></head>
<body><article>
<h1>What Beijing fears</h1>
<p>In an interview, Zhao Tong explained the calculation in Beijing. "{SUPPORTED_QUOTE} by
pro-Western leaders, ready to change the strategic positioning of Russia," he said.</p>
<p>Trade between the two countries rose 29.3% in 2022, according to the customs.</p>
</article></body></html>
"""


@contextlib.contextmanager
def factcheck_logger_kept() -> Iterator[None]:
    """The CLI configures the 'factcheck' logger for its process; undo that afterwards, so no
    handler is left writing to a closed CliRunner stream and other tests' log levels hold."""
    logger = logging.getLogger("factcheck")
    handlers, level = list(logger.handlers), logger.level
    try:
        yield
    finally:
        logger.handlers[:] = handlers
        logger.setLevel(level)


@pytest.fixture(autouse=True)
def _restore_factcheck_logger() -> Iterator[None]:
    with factcheck_logger_kept():
        yield


@pytest.fixture
def run() -> Runner:
    return Runner()


class Runner:
    """``run(args, input=...)``: the app invoked with COLUMNS pinned and exceptions kept."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, args: Sequence[str], *, input: str | bytes | None = None,
                 env: dict[str, str] | None = None) -> Result:
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False,
                                  env={"COLUMNS": WIDTH, **(env or {})})


def write_claims(folder: Path, *claims: tuple[str, str], source: str = "pages/zhao.html") -> Path:
    """A claims file in ``folder`` with quote claims (id, text) citing a local page it writes."""
    page = folder / source
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PAGE, encoding="utf-8")
    lines = ["version: 1", "article:", "  title: A test article", "  url: https://example.org/article",
             "claims:"]
    for claim_id, text in claims:
        lines += [f"  - id: {claim_id}", "    kind: quote", f"    text: {text}", "    sources:",
                  f"      - {source}"]
    path = folder / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def all_supported(tmp_path: Path) -> Path:
    return write_claims(tmp_path, ("zhao-tong-defeat", SUPPORTED_QUOTE),
                        ("zhao-tong-pro-western", "by pro-Western leaders"))


@pytest.fixture
def one_not_found(tmp_path: Path) -> Path:
    return write_claims(tmp_path, ("zhao-tong-defeat", SUPPORTED_QUOTE), ("xi-personality", ABSENT_QUOTE))
