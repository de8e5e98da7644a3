#!/usr/bin/env python3
"""Regenerate the README's generated blocks: the demo table and ``factcheck verify --help``.

    .venv/bin/python scripts/update_readme.py

Each block sits between ``<!-- name -->`` and ``<!-- /name -->``; tests/cli/test_docs.py
fails when the README and the program disagree.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = Path(sys.executable).with_name("factcheck")


def run(*args: str, columns: int) -> str:
    """The command's stdout as a new user sees it: with an empty history and HTTP cache."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb",
               "XDG_DATA_HOME": f"{home}/data", "XDG_CACHE_HOME": f"{home}/cache"}
        env = {k: v for k, v in env.items() if not k.startswith("FACTCHECK_")}
        done = subprocess.run([str(FACTCHECK), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                              check=False)
    return "\n".join(line.rstrip() for line in done.stdout.splitlines()) + "\n"


def replace_block(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name} -->\n).*?(<!-- /{name} -->)", re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no <!-- {name} --> block")
    return pattern.sub(lambda m: m.group(1) + "```\n" + body.rstrip() + "\n```\n" + m.group(2), text)


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = replace_block(text, "demo-table", run("verify", "--format", "table", "--quiet", columns=110))
    text = replace_block(text, "verify-help", run("verify", "--help", columns=100))
    readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
