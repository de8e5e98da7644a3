"""``factcheck verify``: check claims files against their sources."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from factcheck.cli.console import (
    error,
    progress_bar,
    stderr,
    stdout_is_terminal,
    write_atomically,
    write_stdout,
)
from factcheck.cli.exit_codes import ExitCode
from factcheck.config import Resolved, find_config, resolve, verify_settings
from factcheck.errors import FactcheckError, StateError
from factcheck.fetch.options import (
    DEFAULT_CONCURRENCY,
    DEFAULT_MAX_RATE,
    DEFAULT_PER_HOST,
    DEFAULT_TIMEOUT,
    CacheMode,
    FetchOptions,
)
from factcheck.formats.base import OutputFormat, RenderOptions
from factcheck.model import ClaimsFile, Verdict

if TYPE_CHECKING:
    from factcheck.pipeline import Options
from factcheck.policy import CHANGED, DEFAULT_FAIL_ON, parse_fail_on

DEFAULT_FAIL_ON_TEXT = ",".join(DEFAULT_FAIL_ON.words())

EPILOG = """\
\b
Examples:
  factcheck verify                      # ./claims.yaml; a table at a terminal
  factcheck verify article.yaml --format json > report.json
  cat claims.yaml | factcheck verify - --fail-on contradicted
  factcheck verify a.yaml b.yaml --format markdown --output report.md

\b
Exit status:
  0  no claim has a verdict in --fail-on
  1  at least one claim has a verdict in --fail-on
  2  bad input or usage: nothing was checked
"""


def verify_command(
    ctx: typer.Context,
    files: Annotated[list[str] | None, typer.Argument(
        metavar="CLAIMS_FILE", show_default=False,
        help="Claims files (YAML, version 1) to check; '-' reads one from stdin. [default: claims.yaml]",
    )] = None,
    output_format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f", show_default=False, metavar="FORMAT",
        help="table, json, jsonl, markdown, csv or claimreview (schema.org JSON-LD). [default: table on a "
             "terminal, json otherwise]",
    )] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", dir_okay=False, show_default=False, metavar="FILE",
        help="Write the result to this file (atomically) instead of stdout.",
    )] = None,
    fail_on: Annotated[str, typer.Option(
        "--fail-on", metavar="VERDICTS",
        help="Comma-separated verdicts that make the exit status 1 ('none' for never): "
             + ", ".join(v.value for v in Verdict) + f", or '{CHANGED}' for a change since the previous run.",
    )] = DEFAULT_FAIL_ON_TEXT,
    concurrency: Annotated[int, typer.Option(
        min=1, metavar="N", help="Requests in flight at once, over all hosts.")] = DEFAULT_CONCURRENCY,
    per_host: Annotated[int, typer.Option(
        "--per-host", min=1, metavar="N", help="Requests in flight at once to one host.")] = DEFAULT_PER_HOST,
    timeout: Annotated[float, typer.Option(
        min=0.001, metavar="SECONDS",
        help="The whole time allowed for one source: connect, read, redirects, retries.",
    )] = DEFAULT_TIMEOUT,
    workers: Annotated[int | None, typer.Option(
        min=0, metavar="N", show_default=False,
        help="Processes that extract and check the sources beside the downloads; 0 runs them in this "
             "process. [default: one per core for 8 sources or more]",
    )] = None,
    max_rate: Annotated[float, typer.Option(
        "--max-rate", min=0, metavar="PER_SECOND",
        help="Requests per second at most to one host (0: no limit); a site's robots.txt Crawl-delay, when "
             "slower, wins.")] = DEFAULT_MAX_RATE,
    ignore_robots: Annotated[bool, typer.Option(
        "--ignore-robots", help="Fetch pages robots.txt disallows (the report says so).")] = False,
    state: Annotated[Path | None, typer.Option(
        "--state", metavar="PATH", dir_okay=False, show_default=False,
        help="The run history (SQLite) to compare with and record into. [default: history.sqlite3 in the "
             "user's data folder]")] = None,
    no_state: Annotated[bool, typer.Option(
        "--no-state", help="Keep no history: nothing compared, nothing recorded.")] = False,
    changes: Annotated[bool, typer.Option(
        "--changes", help="Report only the claims whose result changed since their previous run.")] = False,
    dead_after_runs: Annotated[int, typer.Option(
        "--dead-after-runs", min=1, metavar="N",
        help="A failing source is called dead after failing in N runs in a row...")] = 3,
    dead_after_days: Annotated[float, typer.Option(
        "--dead-after-days", min=0, metavar="DAYS", help="...spread over at least DAYS days.")] = 2.0,
    cache: Annotated[Path | None, typer.Option(
        "--cache", metavar="PATH", dir_okay=False, show_default=False,
        help="The HTTP cache (SQLite): unchanged sources cost a 304, or nothing while fresh. [default: "
             "http-cache.sqlite3 in the user's cache folder]")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Use no HTTP cache.")] = False,
    offline: Annotated[bool, typer.Option(
        "--offline", help="Answer from the HTTP cache only, stale copies included; nothing goes to the "
                          "network.")] = False,
    refresh: Annotated[bool, typer.Option(
        "--refresh", help="Ask every server again (a conditional request: an unchanged page costs a 304) "
                          "instead of trusting fresh cached copies.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar, no summary, no log lines on stderr.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Log each retry and each source's outcome on stderr.")] = False,
    debug: Annotated[bool, typer.Option(
        "--debug", help="Show tracebacks of internal errors (for bug reports).")] = False,
) -> None:
    """Check each claim against the sources it cites and give it a verdict.

    Verdicts: supported, partial, contradicted (a misquote or a different figure),
    not_found, unreachable. The result goes to stdout (or --output); progress,
    the summary and errors go to stderr.
    """
    # The heavy parts (HTML, PDF, HTTP) are imported here, not at start-up: --help stays fast.
    from factcheck.formats import write_report
    from factcheck.formats.style import summary_line
    from factcheck.pipeline import verify

    _configure_logging(quiet=quiet, verbose=verbose)
    try:
        parse_fail_on(fail_on)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--fail-on") from None
    paths = files or ["claims.yaml"]
    try:
        settings = _settings(ctx, paths, state=False if no_state else (str(state) if state else None),
                             cache=False if no_cache else (str(cache) if cache else None))
        fail = parse_fail_on(settings["fail_on"])
        options = _options(settings, changes_needed=settings["changes"] or fail.changed)
        if output is not None:
            _check_output(output)
        loaded = _load(paths)
        with progress_bar(enabled=not quiet and stderr.is_terminal) as progress:
            report = verify(loaded, options, progress)
    except FactcheckError as e:
        error(str(e))
        raise typer.Exit(ExitCode.USAGE) from None
    except KeyboardInterrupt:
        error("interrupted: nothing was written")
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except Exception as e:
        if debug:
            raise
        logging.getLogger("factcheck").debug("internal error", exc_info=True)
        error(f"internal error: {type(e).__name__}: {e}\n  run again with --debug for the traceback, and "
              "please report it")
        raise typer.Exit(ExitCode.USAGE) from None

    chosen = OutputFormat(settings["format"]) if settings["format"] else (
        OutputFormat.TABLE if output is None and stdout_is_terminal() else OutputFormat.JSON)
    shown = report
    if settings["changes"]:
        shown = replace(report, results=report.changed,
                        extra={**report.extra, "shown": "the claims whose result changed since their previous run"})
    color = output is None and chosen is OutputFormat.TABLE and stdout_is_terminal()
    width = shutil.get_terminal_size(fallback=(120, 24)).columns
    options_out = RenderOptions(color=color, width=width)

    def write(stream: TextIO) -> None:
        write_report(chosen, shown, stream, options_out)

    if output is not None:
        try:
            write_atomically(output, write)
        except OSError as e:
            error(f"cannot write {output}: {e.strerror or e}")
            raise typer.Exit(ExitCode.USAGE) from None
    else:
        write_stdout(write)
    failing = fail.failing(report)
    if not quiet:
        line = summary_line(report.summary)
        if report.compared:
            line += f"; {len(report.changed)} changed since the previous run"
        if "robots" in report.extra:
            line += f"; robots.txt {report.extra['robots']}"
        stderr.print(line + (f"; written to {output}" if output is not None else ""), style="bold")
        if failing:
            stderr.print(f"{failing} claim{'s' if failing > 1 else ''} failing --fail-on "
                         f"({', '.join(fail.words())}): exit status 1", style="dim")
    raise typer.Exit(ExitCode.FAILED if failing else ExitCode.OK)


_VERIFY_PARAMS = {"format": "output_format", "fail_on": "fail_on", "concurrency": "concurrency",
                  "per_host": "per_host", "timeout": "timeout", "workers": "workers", "changes": "changes",
                  "dead_after_runs": "dead_after_runs", "dead_after_days": "dead_after_days",
                  "offline": "offline", "refresh": "refresh", "max_rate": "max_rate",
                  "ignore_robots": "ignore_robots"}
"""Setting name -> the parameter of ``verify_command`` that gives it on the command line."""


def _settings(ctx: typer.Context, paths: list[str], **special: Any) -> Resolved:
    """Every setting in force: command line, environment, config file, default.

    ``special`` holds settings made of several options (``--state``/``--no-state``): None
    when none of them was given.
    """
    given: dict[str, Any] = {}
    for name, param in _VERIFY_PARAMS.items():
        source = ctx.get_parameter_source(param)
        if source is not None and source.name == "COMMANDLINE":   # click's ParameterSource, vendored by typer
            value = ctx.params[param]
            given[name] = value.value if isinstance(value, OutputFormat) else value
    given.update({name: value for name, value in special.items() if value is not None})
    first = next((p for p in paths if p != "-"), None)
    config = find_config(Path(first).parent if first else Path.cwd())
    return resolve(verify_settings(), given, os.environ, config)


def _options(settings: Resolved, *, changes_needed: bool) -> Options:
    """The library's options from the settings; the history opened once to fail early."""
    from factcheck.pipeline import Options
    from factcheck.state import DeadPolicy, History, default_state_path
    from factcheck.state.findings import findings_path

    state = _setting_path(settings, "state", default_state_path())
    if state is not None:
        try:
            History(state).close()
        except StateError as e:
            if changes_needed:
                raise
            logging.getLogger("factcheck").warning("%s; this run is not recorded", e.message)
            state = None
    elif changes_needed:
        raise FactcheckError("--changes and --fail-on changed compare with the run history: "
                             "drop --no-state (or 'state = false' in the config)")
    mode = _cache_mode(settings)
    cache = _cache(settings)
    return Options(fetch=FetchOptions(concurrency=settings["concurrency"], per_host=settings["per_host"],
                                      timeout=settings["timeout"], cache=cache, cache_mode=mode,
                                      max_rate=settings["max_rate"], robots=not settings["ignore_robots"]),
                   findings=findings_path(cache) if cache is not None and mode is not CacheMode.REFRESH else None,
                   workers=settings["workers"], state=state,
                   dead=DeadPolicy(runs=settings["dead_after_runs"], days=settings["dead_after_days"]))


def _setting_path(settings: Resolved, name: str, default: Path) -> Path | None:
    """A path setting: None when off, relative ones from a config file taken from its folder."""
    value = settings[name]
    if value is False:
        return None
    path = Path(value) if value else default
    if value and settings.file is not None and settings.origins[name] == str(settings.file):
        path = settings.file.parent / path
    return path


def _cache_mode(settings: Resolved) -> CacheMode:
    if settings["offline"] and settings["refresh"]:
        raise FactcheckError("--offline and --refresh contradict each other: give one")
    if settings["offline"]:
        if settings["cache"] is False:
            raise FactcheckError("--offline answers from the HTTP cache: drop --no-cache (or 'cache = false')")
        return CacheMode.OFFLINE
    return CacheMode.REFRESH if settings["refresh"] else CacheMode.NORMAL


def _cache(settings: Resolved) -> Path | None:
    """The HTTP cache's file, or None; a cache that cannot be used is a warning."""
    from factcheck.fetch.cache import default_cache_path, usable

    path = _setting_path(settings, "cache", default_cache_path())
    if path is None:
        return None
    problem = usable(path)
    if problem is not None:
        if settings["offline"]:
            raise FactcheckError(f"--offline, but the HTTP cache {path} cannot be used: {problem}")
        logging.getLogger("factcheck").warning("the HTTP cache %s cannot be used (%s); fetching without it",
                                               path, problem)
        return None
    return path


def _load(paths: list[str]) -> list[ClaimsFile]:
    from factcheck.claims import STDIN, load_claims

    if paths.count(STDIN) > 1:
        raise FactcheckError("'-' (stdin) can be given only once")
    return [load_claims(p) for p in paths]


def _check_output(path: Path) -> None:
    """Fail before fetching anything if the report could not be written."""
    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise FactcheckError(f"cannot write {path}: the folder {directory} does not exist")
    if path.is_dir():
        raise FactcheckError(f"cannot write {path}: it is a folder")


def _configure_logging(*, quiet: bool, verbose: bool) -> None:
    logger = logging.getLogger("factcheck")
    for handler in list(logger.handlers):
        if getattr(handler, "_factcheck_cli", False):
            logger.removeHandler(handler)
    if quiet:
        logger.setLevel(logging.CRITICAL + 1)
        return
    handler = logging.StreamHandler(stderr.file)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler._factcheck_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
