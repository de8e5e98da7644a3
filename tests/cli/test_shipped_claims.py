"""End to end: the repository's own claims.yaml, through the CLI and the installed script."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.model import Verdict

from .conftest import factcheck_logger_kept

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "claims.yaml"
MISSING_PAGE = "wsj-dual-use-exports.html"


@pytest.fixture(scope="module")
def shipped() -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of ``factcheck verify claims.yaml --format json``, run once."""
    with factcheck_logger_kept():
        result = CliRunner().invoke(app, ["verify", str(SHIPPED), "--format", "json"],
                                    env={"COLUMNS": "120"}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def document(shipped: tuple[int, str, str]) -> dict[str, Any]:
    return json.loads(shipped[1])


def test_exit_status_is_1_because_the_demo_has_failing_verdicts(shipped: tuple[int, str, str]) -> None:
    status, _, stderr = shipped
    assert status == 1
    assert "exit status 1" in stderr
    assert "Traceback" not in stderr


def test_every_verdict_of_the_contract_occurs(document: dict[str, Any]) -> None:
    verdicts = Counter(c["verdict"] for c in document["claims"])
    assert set(verdicts) == {v.value for v in Verdict}
    assert document["summary"] == {v.value: verdicts[v.value] for v in Verdict}


def test_most_claims_are_supported(document: dict[str, Any]) -> None:
    claims = document["claims"]
    supported = sum(c["verdict"] == "supported" for c in claims)
    assert supported > len(claims) / 2, Counter(c["verdict"] for c in claims)


def test_every_claim_of_the_file_is_reported_in_order(document: dict[str, Any]) -> None:
    ids = [line.split("id:", 1)[1].strip() for line in SHIPPED.read_text().splitlines()
           if line.strip().startswith("- id:")]
    assert [c["id"] for c in document["claims"]] == ids


def test_unreachable_claims_name_the_missing_file(document: dict[str, Any]) -> None:
    unreachable = [c for c in document["claims"] if c["verdict"] == "unreachable"]
    assert unreachable
    for claim in unreachable:
        assert claim["evidence"] == []
        assert claim["sources"], claim["id"]
        for source in claim["sources"]:
            assert source["url"].endswith(MISSING_PAGE)
            assert source["status"] is None
            assert "no such file" in source["error"]
    assert not (REPO / "sources" / MISSING_PAGE).exists()


def test_one_unreadable_source_among_others_does_not_spoil_the_verdict(document: dict[str, Any]) -> None:
    claims = {c["id"]: c for c in document["claims"]}
    dual_use = claims["wsj-dual-use"]
    assert dual_use["verdict"] == "supported"
    assert [s["error"] is None for s in dual_use["sources"]] == [False, True]
    assert dual_use["evidence"][0]["url"].endswith(".txt")


def test_supported_claims_have_evidence_with_a_snippet(document: dict[str, Any]) -> None:
    for claim in document["claims"]:
        if claim["verdict"] in ("supported", "partial", "contradicted"):
            assert claim["evidence"], claim["id"]
            assert all(e["snippet"].strip() for e in claim["evidence"])


def test_output_is_valid_for_json_tool(shipped: tuple[int, str, str]) -> None:
    done = subprocess.run([sys.executable, "-m", "json.tool"], input=shipped[1], capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 0, done.stderr


def test_installed_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("factcheck")
    assert script.exists(), f"{script} is missing: pip install -e . into this virtualenv"
    done = subprocess.run([str(script), "verify", "claims.yaml", "--format", "json"], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout)
    assert document["schema"] == "factcheck.verify/1"
    assert document["files"][0]["path"] == "claims.yaml"
    assert {c["verdict"] for c in document["claims"]} == {v.value for v in Verdict}
    assert "claims:" in done.stderr and "supported" in done.stderr
    assert "Traceback" not in done.stderr
