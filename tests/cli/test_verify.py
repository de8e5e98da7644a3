"""`factcheck verify` on claims files whose sources are local pages: statuses and output."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from factcheck import load_claims, verify
from factcheck.formats import report_to_dict
from factcheck.formats.style import VERDICT_STYLES
from factcheck.model import Verdict

from .conftest import WIDTH, Runner, write_claims

TIMES = ("started", "finished")


def without_times(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in TIMES}


# -- exit statuses -----------------------------------------------------------------------


def test_all_supported_exits_0(run: Runner, all_supported: Path) -> None:
    result = run(["verify", str(all_supported), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["summary"]["supported"] == 2
    assert {c["verdict"] for c in document["claims"]} == {"supported"}


def test_one_not_found_exits_1_by_default(run: Runner, one_not_found: Path) -> None:
    result = run(["verify", str(one_not_found)])
    assert result.exit_code == 1
    verdicts = {c["id"]: c["verdict"] for c in json.loads(result.stdout)["claims"]}
    assert verdicts == {"zhao-tong-defeat": "supported", "xi-personality": "not_found"}
    assert "exit status 1" in result.stderr
    assert "not_found" in result.stderr


@pytest.mark.parametrize(("fail_on", "status"), [
    ("contradicted", 0), ("none", 0), ("", 0), ("not_found", 1), ("NOT-FOUND", 1),
    ("contradicted,not_found", 1), ("supported", 1), ("partial,unreachable", 0),
])
def test_fail_on_decides_the_status(run: Runner, one_not_found: Path, fail_on: str, status: int) -> None:
    result = run(["verify", str(one_not_found), "--fail-on", fail_on])
    assert result.exit_code == status, result.stderr


def test_unreachable_source_is_a_verdict_not_an_error(run: Runner, tmp_path: Path) -> None:
    path = write_claims(tmp_path, ("a", "China fears"))
    path.write_text(path.read_text().replace("pages/zhao.html", "pages/missing.html"))
    result = run(["verify", str(path)])
    assert result.exit_code == 0                 # unreachable is not in the default --fail-on
    (claim,) = json.loads(result.stdout)["claims"]
    assert claim["verdict"] == "unreachable"
    assert claim["sources"][0]["url"] == "pages/missing.html"
    assert claim["sources"][0]["error"]
    assert run(["verify", str(path), "--fail-on", "unreachable"]).exit_code == 1


# -- stdout, stderr and the library ------------------------------------------------------


def test_json_on_stdout_equals_the_librarys_report(run: Runner, one_not_found: Path) -> None:
    result = run(["verify", str(one_not_found), "--format", "json", "--no-state"])
    document = json.loads(result.stdout)                 # exactly one JSON document
    expected = report_to_dict(verify([load_claims(str(one_not_found))]))
    assert without_times(document) == without_times(expected)
    for key in TIMES:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", document[key])


def test_stdout_holds_only_the_result_and_stderr_the_summary(run: Runner, one_not_found: Path) -> None:
    result = run(["verify", str(one_not_found), "--format", "json"])
    assert result.stdout.lstrip().startswith("{") and result.stdout.rstrip().endswith("}")
    json.loads(result.stdout)
    assert "2 claims: 1 supported, 1 not found" in result.stderr
    assert "{" not in result.stderr


def test_json_is_the_default_when_stdout_is_not_a_terminal(run: Runner, all_supported: Path) -> None:
    result = run(["verify", str(all_supported)])
    assert json.loads(result.stdout)["schema"] == "factcheck.verify/1"


def test_quiet_leaves_stderr_empty(run: Runner, one_not_found: Path) -> None:
    for flag in ("--quiet", "-q"):
        result = run(["verify", str(one_not_found), flag])
        assert result.exit_code == 1
        assert result.stderr == ""
        json.loads(result.stdout)


def test_several_files_are_one_report(run: Runner, tmp_path: Path) -> None:
    first = write_claims(tmp_path / "one", ("a", "China fears"))
    second = write_claims(tmp_path / "two", ("b", "by pro-Western leaders"))
    document = json.loads(run(["verify", str(first), str(second)]).stdout)
    assert [c["id"] for c in document["claims"]] == ["a", "b"]
    assert [f["path"] for f in document["files"]] == [str(first), str(second)]
    assert [c["file"] for c in document["claims"]] == [str(first), str(second)]


def test_jsonl(run: Runner, one_not_found: Path) -> None:
    result = run(["verify", str(one_not_found), "--format", "jsonl"])
    lines = result.stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["zhao-tong-defeat", "xi-personality"]


def test_csv(run: Runner, one_not_found: Path) -> None:
    result = run(["verify", str(one_not_found), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [(r["id"], r["verdict"]) for r in rows] == [("zhao-tong-defeat", "supported"),
                                                       ("xi-personality", "not_found")]


def test_markdown(run: Runner, one_not_found: Path) -> None:
    result = run(["verify", str(one_not_found), "-f", "markdown"])
    assert "| ✔ supported | `zhao-tong-defeat` |" in result.stdout
    assert "| ? not_found | `xi-personality` |" in result.stdout


def test_table_fits_the_terminal_width_without_colour(run: Runner, one_not_found: Path) -> None:
    result = run(["verify", str(one_not_found), "--format", "table"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(WIDTH)
    assert "\x1b[" not in result.stdout
    for claim_id, verdict in (("zhao-tong-defeat", Verdict.SUPPORTED), ("xi-personality", Verdict.NOT_FOUND)):
        assert claim_id in result.stdout
        assert f"{VERDICT_STYLES[verdict].symbol} {verdict.value}" in result.stdout


# -- --output ----------------------------------------------------------------------------


def test_output_writes_the_file_atomically(run: Runner, one_not_found: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    target = out / "report.json"
    result = run(["verify", str(one_not_found), "--output", str(target), "--format", "json", "--no-state"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]      # no temporary file left
    expected = report_to_dict(verify([load_claims(str(one_not_found))]))
    assert without_times(json.loads(target.read_text(encoding="utf-8"))) == without_times(expected)
    assert str(target) in result.stderr


def test_output_replaces_an_existing_file(run: Runner, all_supported: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("an old report that is much longer than nothing " * 100)
    target.chmod(0o640)
    result = run(["verify", str(all_supported), "-o", str(target), "-f", "markdown"])
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "old report" not in text
    assert "`zhao-tong-defeat`" in text
    assert target.stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_defaults_to_json(run: Runner, all_supported: Path, tmp_path: Path) -> None:
    target = tmp_path / "report"
    run(["verify", str(all_supported), "-o", str(target)])
    assert json.loads(target.read_text())["schema"] == "factcheck.verify/1"


def test_relative_output_in_the_cwd(run: Runner, all_supported: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(["verify", str(all_supported), "-o", "report.csv", "-f", "csv"])
    assert result.exit_code == 0
    assert (tmp_path / "report.csv").read_text().startswith("file,id,")


# -- stdin -------------------------------------------------------------------------------


def test_claims_from_stdin_resolve_paths_against_the_cwd(run: Runner, one_not_found: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(one_not_found.parent)
    result = run(["verify", "-", "--fail-on", "none"], input=one_not_found.read_text())
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["files"][0]["path"] == "<stdin>"
    assert [c["verdict"] for c in document["claims"]] == ["supported", "not_found"]


def test_bad_claims_on_stdin_are_named_stdin(run: Runner) -> None:
    result = run(["verify", "-"], input="version: 1\nclaims: {}\n")
    assert result.exit_code == 2
    assert "<stdin>:2:" in result.stderr


def test_a_failed_run_leaves_an_existing_output_untouched(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous report\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nclaims: []\n")
    result = run(["verify", str(bad), "--output", str(target)])
    assert result.exit_code == 2
    assert target.read_text() == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "report.json"]
