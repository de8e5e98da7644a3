"""The README cannot drift from the program (STYLE practice 20).

The README's generated blocks sit between ``<!-- name -->`` and ``<!-- /name -->``;
``scripts/update_readme.py`` rewrites them from the installed ``factcheck`` script, and these
tests run the script's commands the same way and compare.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from factcheck.cli import app

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
SPEC = Path("/work/shared/spec/interface.md")
FACTCHECK = Path(sys.executable).with_name("factcheck")
REGENERATE = "run `.venv/bin/python scripts/update_readme.py` to regenerate it"

SPEC_VERIFY_OPTIONS = (
    # the usage line of "## `factcheck verify`"
    "--format", "--output", "--fail-on",
    # the "Names of options and commands" table, rows starting with `verify`
    "--concurrency", "--per-host", "--timeout", "--quiet", "-q", "--allow-local", "--state", "--no-state",
    "--changes", "--offline", "--refresh", "--archive", "--replay", "--discover",
)
"""Every option of ``verify`` the contract names (copied from spec/interface.md, which
``test_spec_options_are_copied_here`` checks when the spec is at hand)."""


def program(*args: str, columns: int) -> str:
    """The installed script's stdout, as scripts/update_readme.py takes it."""
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run([str(FACTCHECK), *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    return "\n".join(line.rstrip() for line in done.stdout.splitlines()) + "\n"


def readme_block(name: str) -> str:
    """The fenced block right after ``<!-- name -->`` in the README."""
    lines = README.read_text(encoding="utf-8").splitlines()
    marker = f"<!-- {name} -->"
    if marker not in (line.strip() for line in lines):
        pytest.fail(f"README.md has no '{marker}' line followed by a fenced block; {REGENERATE}")
    start = next(i for i, line in enumerate(lines) if line.strip() == marker) + 1
    if start >= len(lines) or not lines[start].startswith("```"):
        pytest.fail(f"README.md: the line after '{marker}' must open a fenced block (```); {REGENERATE}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("```")), None)
    if end is None:
        pytest.fail(f"README.md: the fenced block after '{marker}' is never closed")
    return "\n".join(line.rstrip() for line in lines[start + 1:end]) + "\n"


def assert_same(name: str, documented: str, actual: str) -> None:
    if documented.strip() != actual.strip():
        diff = "\n".join(difflib.unified_diff(documented.strip().splitlines(), actual.strip().splitlines(),
                                              "README.md", "program", lineterm=""))
        pytest.fail(f"README.md's '{name}' block differs from the program; {REGENERATE}:\n{diff}")


def implemented_verify_options() -> set[str]:
    command = typer.main.get_command(app)
    verify = command.commands["verify"]  # type: ignore[attr-defined]
    return {opt for param in verify.params for opt in (*param.opts, *param.secondary_opts)
            if opt.startswith("-")}


def test_readme_shows_the_current_verify_help() -> None:
    assert_same("verify-help", readme_block("verify-help"), program("verify", "--help", columns=100))


def test_readme_shows_the_current_demo_table() -> None:
    assert_same("demo-table", readme_block("demo-table"),
                program("verify", "--format", "table", "--quiet", columns=110))


def test_readme_names_every_implemented_option_of_the_contract() -> None:
    readme = README.read_text(encoding="utf-8")
    implemented = implemented_verify_options()
    assert {"--format", "--output", "--fail-on", "--concurrency", "--per-host", "--timeout",
            "--quiet", "-q"} <= implemented
    missing = [option for option in SPEC_VERIFY_OPTIONS
               if option in implemented and not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", readme)]
    assert not missing, f"options of the contract that README.md never mentions: {missing}"


def test_readme_documents_every_option_the_cli_has() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = sorted(option for option in implemented_verify_options()
                     if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", readme))
    assert not missing, f"options of 'factcheck verify' that README.md never mentions: {missing}"


@pytest.mark.skipif(not SPEC.exists(), reason="the spec is kept outside the repository")
def test_spec_options_are_copied_here() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    rows = [line for line in spec.splitlines() if line.startswith("| `verify ")]
    usage = spec.split("## `factcheck verify`", 1)[1].split("```")[1]
    named = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-z])\b", "\n".join([*rows, usage])))
    assert named == set(SPEC_VERIFY_OPTIONS)
