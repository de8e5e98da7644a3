"""--version, --help and every way of calling the command wrongly: exit status 2, one message."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import __version__
from factcheck.cli.exit_codes import ExitCode

from .conftest import Runner, write_claims

SPEC_VERIFY_OPTIONS = ("--format", "--output", "--fail-on", "--concurrency", "--per-host", "--timeout",
                       "--quiet", "-q")


def assert_one_error(stderr: str, *expected: str) -> None:
    """stderr holds one short error message containing each of ``expected``, no traceback."""
    assert "Traceback" not in stderr
    assert stderr.strip(), "no message on stderr"
    assert len(stderr.strip().splitlines()) <= 6, stderr
    for text in expected:
        assert text in stderr


def test_exit_codes_are_the_contracts() -> None:
    assert (ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE) == (0, 1, 2)


def test_version(run: Runner) -> None:
    result = run(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"factcheck {__version__}\n"
    assert result.stderr == ""


def test_no_command_shows_help(run: Runner) -> None:
    result = run([])
    assert result.exit_code == 2
    assert "verify" in result.output


def test_verify_help_names_the_options_and_exit_statuses(run: Runner) -> None:
    result = run(["verify", "--help"])
    assert result.exit_code == 0
    for option in SPEC_VERIFY_OPTIONS:
        assert option in result.stdout
    for fmt in ("table", "json", "jsonl", "markdown", "csv"):
        assert fmt in result.stdout
    assert "Exit status" in result.stdout
    for status in ("0 ", "1 ", "2 "):
        assert f"  {status} " in result.stdout
    assert "contradicted,not_found" in result.stdout       # the --fail-on default


def test_short_help_option(run: Runner) -> None:
    assert run(["verify", "-h"]).stdout == run(["verify", "--help"]).stdout


def test_bad_claims_file_is_one_message_naming_file_and_line(run: Runner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nclaims:\n  - id: a\n    kind: qoute\n    text: x\n    sources: [p.html]\n")
    result = run(["verify", str(bad)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert_one_error(result.stderr, f"{bad}:4:", "unknown kind 'qoute'", "did you mean 'quote'?")


def test_yaml_syntax_error_names_file_and_line(run: Runner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nclaims:\n  - id: a\n    text: He said: no\n")
    result = run(["verify", str(bad)])
    assert result.exit_code == 2
    assert_one_error(result.stderr, f"{bad}:4:", "YAML syntax error")


def test_impossible_date_is_a_claims_file_error_not_a_traceback(run: Runner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\narticle:\n  published: 2023-02-30\nclaims:\n"
                   "  - id: a\n    text: x\n    sources: [p.html]\n")
    result = run(["verify", str(bad)])
    assert result.exit_code == 2
    assert_one_error(result.stderr, f"{bad}:3:")


def test_internal_error_is_exit_2_with_a_short_message(run: Runner, all_supported: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in factcheck")

    monkeypatch.setattr("factcheck.pipeline.verify", broken)
    result = run(["verify", str(all_supported)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "internal error" in result.stderr
    assert "--debug" in result.stderr


def test_internal_error_shows_no_traceback_without_debug(run: Runner, all_supported: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in factcheck")

    monkeypatch.setattr("factcheck.pipeline.verify", broken)
    result = run(["verify", str(all_supported)])
    assert "Traceback" not in result.stderr


def test_debug_lets_the_traceback_through(run: Runner, all_supported: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in factcheck")

    monkeypatch.setattr("factcheck.pipeline.verify", broken)
    with pytest.raises(RuntimeError, match="a bug in factcheck"):
        run(["verify", str(all_supported), "--debug"])


def test_unknown_option(run: Runner) -> None:
    result = run(["verify", "--no-such-option"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert_one_error(result.stderr, "--no-such-option")


@pytest.mark.parametrize("value", ["wrong", "supported,bogus", "not-found,maybe"])
def test_bad_fail_on(run: Runner, value: str) -> None:
    result = run(["verify", "--fail-on", value])
    assert result.exit_code == 2
    assert_one_error(result.stderr, "--fail-on", "contradicted")


@pytest.mark.parametrize("args", [["--concurrency", "0"], ["--per-host", "0"], ["--timeout", "0"],
                                  ["--concurrency", "many"], ["--format", "xml"]])
def test_bad_option_values(run: Runner, args: list[str]) -> None:
    result = run(["verify", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert_one_error(result.stderr, args[0])


def test_no_claims_yaml_in_the_cwd(run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(["verify"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert_one_error(result.stderr, "claims.yaml", "no such file", "hint:", " - ")


def test_missing_file(run: Runner, tmp_path: Path) -> None:
    result = run(["verify", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert_one_error(result.stderr, "nope.yaml", "no such file")


def test_stdin_twice(run: Runner) -> None:
    result = run(["verify", "-", "-"], input="version: 1\n")
    assert result.exit_code == 2
    assert_one_error(result.stderr, "'-'", "once")


def test_bad_second_file_means_nothing_is_checked(run: Runner, all_supported: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr("factcheck.pipeline.verify", lambda *a, **k: calls.append(a))
    result = run(["verify", str(all_supported), str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert calls == []


def test_output_into_a_missing_folder_fails_before_fetching(run: Runner, all_supported: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr("factcheck.pipeline.verify", lambda *a, **k: calls.append(a))
    target = tmp_path / "no" / "such" / "folder" / "report.json"
    result = run(["verify", str(all_supported), "--output", str(target)])
    assert result.exit_code == 2
    assert calls == []
    assert result.stdout == ""
    assert_one_error(result.stderr, str(target), "does not exist")
    assert not target.parent.exists()


def test_output_that_is_a_folder(run: Runner, all_supported: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = run(["verify", str(all_supported), "--output", str(folder)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_a_folder_as_claims_file(run: Runner, tmp_path: Path) -> None:
    write_claims(tmp_path, ("a", "x"))
    result = run(["verify", str(tmp_path)])
    assert result.exit_code == 2
    assert_one_error(result.stderr, "folder", "claims.yaml")
