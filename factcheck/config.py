"""Settings for unattended runs: command line, environment, config file, built-in default.

A nightly job wants its options written down once, beside the claims: a
``factcheck.toml``, or a ``[tool.factcheck]`` table in ``pyproject.toml``, in the claims
file's folder or any folder above it (the nearest wins). ``FACTCHECK_<NAME>`` environment
variables override the file, and the command line overrides both. Every setting is
declared once in ``SETTINGS``: its key, its type, its default; ``resolve`` says for each
one the value in force and where it came from (``factcheck config`` prints that).

This module reads files but not the environment: the CLI passes ``os.environ`` in.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"
ENV_PREFIX = "FACTCHECK_"
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


class ConfigError(FactcheckError):
    """A config file or environment variable that cannot be used."""

    def __init__(self, where: str, message: str, hint: str | None = None) -> None:
        self.where = where
        self.message = message
        self.hint = hint
        super().__init__(f"{where}: {message}" + (f"\n  hint: {hint}" if hint else ""))


Parse = Callable[[Any], Any]
"""Turns a value from a file (a TOML value) or the environment (a string) into the
setting's value, or raises ValueError saying what was expected."""


@dataclass(frozen=True)
class Setting:
    """One setting: its name in files (``per_host``), on the command line (``--per-host``)
    and in the environment (``FACTCHECK_PER_HOST``)."""

    name: str
    default: Any
    parse: Parse
    help: str

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def env(self) -> str:
        return ENV_PREFIX + self.name.upper()


def integer(minimum: int) -> Parse:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError(f"expected a whole number of at least {minimum}")
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"expected a whole number of at least {minimum}, not {value!r}") from None
        if number < minimum:
            raise ValueError(f"expected a whole number of at least {minimum}, not {number}")
        return number
    return parse


def number(minimum: float, *, strict: bool = False) -> Parse:
    bound = f"more than {minimum:g}" if strict else f"at least {minimum:g}"

    def parse(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError(f"expected a number {bound}")
        try:
            result = float(value)
        except ValueError:
            raise ValueError(f"expected a number {bound}, not {value!r}") from None
        if result < minimum or (strict and result == minimum) or result != result:
            raise ValueError(f"expected a number {bound}, not {value!r}")
        return result
    return parse


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError(f"expected true or false, not {value!r}")


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, not {value!r}")
    return value


def choice(options: Sequence[str]) -> Parse:
    def parse(value: Any) -> str:
        if isinstance(value, str) and value.strip().lower() in options:
            return value.strip().lower()
        raise ValueError(f"expected one of {', '.join(options)}, not {value!r}")
    return parse


def path_or_off(value: Any) -> str | bool:
    """A path, or false to turn the feature off (``state = false``)."""
    if value is False or (isinstance(value, str) and value.strip().lower() in _FALSE - {""}):
        return False
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise ValueError(f"expected a path, or false to keep none, not {value!r}")


@dataclass(frozen=True)
class Resolved:
    """Every setting's value in force and where it came from."""

    values: Mapping[str, Any]
    origins: Mapping[str, str]
    """``command line``, ``environment (FACTCHECK_X)``, the config file's path, or ``default``."""
    file: Path | None
    """The config file read, if any."""

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


def find_config(start: Path) -> Path | None:
    """The nearest ``factcheck.toml``, or ``pyproject.toml`` with a ``[tool.factcheck]``
    table, in ``start`` or a folder above it."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        project = candidate / PYPROJECT
        if project.is_file() and _has_tool_table(project):
            return project
    return None


def read_config(path: Path, settings: Sequence[Setting]) -> dict[str, Any]:
    """The settings a config file sets, checked; raises ConfigError naming file and line."""
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError as e:
        raise ConfigError(str(path), f"cannot be read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "is not UTF-8") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), f"is not valid TOML: {e}") from None
    table: Any = data
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("factcheck", {})
    if not isinstance(table, dict):
        raise ConfigError(str(path), "[tool.factcheck] is not a table")
    known = {s.name: s for s in settings}
    lines = raw.decode("utf-8").splitlines()
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        line = _line_of(lines, key, pyproject=path.name == PYPROJECT)
        where = f"{path}:{line}" if line else str(path)
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "the keys are: " + ", ".join(known)
            raise ConfigError(where, f"unknown key '{key}'", hint)
        if name in out:                     # fail_on and fail-on: two TOML keys, one setting
            raise ConfigError(where, f"'{key}' sets '{name}' a second time", "keep one of the two")
        try:
            out[name] = known[name].parse(value)
        except ValueError as e:
            raise ConfigError(where, f"'{key}': {e}") from None
    return out


def resolve(settings: Sequence[Setting], command_line: Mapping[str, Any], env: Mapping[str, str],
            config: Path | None) -> Resolved:
    """The value in force for every setting: command line, then environment, then the
    config file, then the default. ``command_line`` holds only what was given there."""
    from_file = read_config(config, settings) if config is not None else {}
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for setting in settings:
        if setting.name in command_line:
            values[setting.name], origins[setting.name] = command_line[setting.name], "command line"
        elif setting.env in env:
            try:
                values[setting.name] = setting.parse(env[setting.env])
            except ValueError as e:
                raise ConfigError(f"environment variable {setting.env}", str(e)) from None
            origins[setting.name] = f"environment ({setting.env})"
        elif setting.name in from_file:
            values[setting.name], origins[setting.name] = from_file[setting.name], str(config)
        else:
            values[setting.name], origins[setting.name] = setting.default, "default"
    return Resolved(values, origins, config)


def unknown_env(settings: Sequence[Setting], env: Mapping[str, str]) -> list[str]:
    """``FACTCHECK_*`` variables that name no setting (likely typos), for a warning."""
    names = {s.env for s in settings}
    return sorted(k for k in env if k.startswith(ENV_PREFIX) and k not in names)


def _has_tool_table(path: Path) -> bool:
    try:
        return any(_OUR_TABLE.match(line) for line in path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return False


_OUR_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*factcheck\s*\]")
_HEADER = re.compile(r"^\s*\[{1,2}\s*[\w\"']")


def _line_of(lines: Sequence[str], key: str, *, pyproject: bool) -> int | None:
    """The line setting ``key`` in our table: the top of a factcheck.toml, or the
    ``[tool.factcheck]`` table of a pyproject.toml (whose other tables may have keys of the
    same name, e.g. pytest's ``timeout``)."""
    start = next((n + 1 for n, line in enumerate(lines) if _OUR_TABLE.match(line)), len(lines)) if pyproject else 0
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for n in range(start, len(lines)):
        if _HEADER.match(lines[n]):
            return None                         # the next table: ours has ended
        if pattern.match(lines[n]):
            return n + 1
    return None


def _fail_on(value: Any) -> str:
    from factcheck.policy import parse_fail_on

    words = text(value)
    parse_fail_on(words)                    # raises ValueError naming the bad word
    return words


def _format(value: Any) -> str:
    from factcheck.formats.base import OutputFormat

    chosen: str = choice([f.value for f in OutputFormat])(value)
    return chosen


def verify_settings() -> tuple[Setting, ...]:
    """The settings of ``factcheck verify`` a file or the environment may give."""
    from factcheck.fetch.options import DEFAULT_CONCURRENCY, DEFAULT_MAX_RATE, DEFAULT_PER_HOST, DEFAULT_TIMEOUT
    from factcheck.state.changes import DeadPolicy

    dead = DeadPolicy()
    return (
        Setting("format", None, _format, "output format (default: table on a terminal, json otherwise)"),
        Setting("fail_on", "contradicted,not_found", _fail_on, "verdicts (and 'changed') that make the exit "
                "status 1"),
        Setting("concurrency", DEFAULT_CONCURRENCY, integer(1), "requests in flight at once, over all hosts"),
        Setting("per_host", DEFAULT_PER_HOST, integer(1), "requests in flight at once to one host"),
        Setting("timeout", DEFAULT_TIMEOUT, number(0, strict=True), "seconds allowed for one source"),
        Setting("workers", None, integer(0), "worker processes (default: one per core)"),
        Setting("max_rate", DEFAULT_MAX_RATE, number(0), "requests per second at most to one host (0: no "
                "limit)"),
        Setting("ignore_robots", False, boolean, "fetch what robots.txt disallows (said in the output)"),
        Setting("state", None, path_or_off, "the run history file, or false for none (default: in the user's "
                "data folder)"),
        Setting("changes", False, boolean, "report only what changed since the previous run"),
        Setting("cache", None, path_or_off, "the HTTP cache file, or false for none (default: in the user's "
                "cache folder)"),
        Setting("offline", False, boolean, "answer from the HTTP cache only"),
        Setting("refresh", False, boolean, "ask every server again, bypassing fresh cached copies"),
        Setting("dead_after_runs", dead.runs, integer(1), "failed runs in a row before a source is dead"),
        Setting("dead_after_days", dead.days, number(0), "days those runs must span"),
    )
