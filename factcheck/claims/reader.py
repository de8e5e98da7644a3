"""From a path (or ``-`` for stdin) to a validated ``ClaimsFile``.

Everything that can go wrong before validation happens here, each turned into one
``ClaimsFileError`` naming the file and, where there is one, the line: a missing or
unreadable file, one too large to be a claims file, bytes that are not UTF-8, YAML that
does not parse. ruamel.yaml is used because its nodes keep their line numbers, which
the schema's messages need, and because it refuses duplicate keys. Plain valid files are
read by its C parser (``fastload``); every problem is reported from its round-trip
reading, so the messages do not depend on which path read the file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, BinaryIO

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from factcheck.claims.fastload import fast_document
from factcheck.claims.schema import validate
from factcheck.errors import ClaimsFileError
from factcheck.model import ClaimsFile

STDIN = "-"
"""The path that means: read the claims file from standard input."""

MAX_CLAIMS_FILE_BYTES = 10 * 1024 * 1024
"""A claims file larger than this is refused unread: a real one is a few kilobytes,
and a huge one is a mistake (the wrong file) or an attack on memory."""

_STDIN_NAME = "<stdin>"


def load_claims(path: str | Path, *, stdin: BinaryIO | None = None) -> ClaimsFile:
    """Read, parse and validate one claims file.

    Relative source paths are resolved against the file's folder (the current folder
    for stdin). Raises ``ClaimsFileError`` for any problem, with file and line.
    """
    name = str(path)
    if name == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_capped(stream, _STDIN_NAME)
        return parse_claims(data, _STDIN_NAME, base_dir=Path.cwd())
    file = Path(path)
    try:
        if file.is_dir():
            raise ClaimsFileError(name, None, "is a folder, not a claims file",
                                  f"name the YAML file inside it, e.g. {file / 'claims.yaml'}")
        size = file.stat().st_size
        if size > MAX_CLAIMS_FILE_BYTES:
            raise ClaimsFileError(name, None, f"is {_mb(size)}, larger than the "
                                  f"{_mb(MAX_CLAIMS_FILE_BYTES)} a claims file may be",
                                  "is this the right file? A claims file is a short YAML list of claims.")
        with file.open("rb") as stream:
            data = _read_capped(stream, name)
    except FileNotFoundError:
        raise ClaimsFileError(name, None, "no such file",
                              "give the path of a claims file, or - to read one from stdin") from None
    except PermissionError:
        raise ClaimsFileError(name, None, "permission denied: the file cannot be read") from None
    except OSError as e:
        raise ClaimsFileError(name, None, f"cannot be read: {e.strerror or e}") from None
    return parse_claims(data, name, base_dir=file.resolve().parent)


def parse_claims(data: bytes, name: str, *, base_dir: Path) -> ClaimsFile:
    """Parse and validate the bytes of a claims file called ``name``."""
    text = _decode(data, name)
    plain = fast_document(text)
    if plain is not None:
        try:
            return validate(plain, name, base_dir)
        except ClaimsFileError:
            pass                # say what is wrong as the round-trip reading does, below
    document = _parse_yaml(text, name)
    return validate(document, name, base_dir)


def _read_capped(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_CLAIMS_FILE_BYTES + 1)
    if len(data) > MAX_CLAIMS_FILE_BYTES:
        raise ClaimsFileError(name, None, f"is larger than the {_mb(MAX_CLAIMS_FILE_BYTES)} "
                              "a claims file may be",
                              "is this the right file? A claims file is a short YAML list of claims.")
    return data


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ClaimsFileError(name, 1, "is UTF-16 encoded; claims files are UTF-8",
                              "save the file as UTF-8 (most editors offer it under 'Save as' or "
                              "'Encoding')")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        bad = data[e.start:e.start + 4]
        raise ClaimsFileError(name, line, f"is not UTF-8: byte {bad[:1].hex(' ')} at offset {e.start} "
                              "cannot be decoded",
                              "save the file as UTF-8; if it came from Windows, it may be "
                              "windows-1252 (e.g. iconv -f windows-1252 -t utf-8)") from None


def _parse_yaml(text: str, name: str) -> Any:
    yaml = YAML(typ="rt")
    try:
        return yaml.load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = e.problem or e.context or "invalid YAML"
        hint = _yaml_hint(problem)
        raise ClaimsFileError(name, line, f"YAML syntax error: {_one_line(problem)}", hint) from None
    except YAMLError as e:
        raise ClaimsFileError(name, None, f"YAML syntax error: {_one_line(str(e))}") from None
    except RecursionError:
        raise ClaimsFileError(name, None, "YAML nested too deeply to be a claims file") from None
    except (ValueError, TypeError, IndexError, AttributeError, KeyError, OverflowError) as e:
        # ruamel builds dates, numbers and explicitly tagged values while loading and
        # raises plain Python errors for impossible ones (2023-02-30, "!!int one").
        line, value = _unbuildable_scalar(yaml, text)
        shown = f" {value!r}" if value is not None and len(value) <= 60 else ""
        raise ClaimsFileError(name, line, f"a value cannot be read{shown}: {_one_line(str(e)) or type(e).__name__}",
                              "a date must exist (YYYY-MM-DD) and a number be a number; put other text in "
                              "quotes, e.g. text: \"2023-02-30\"") from None


def _unbuildable_scalar(yaml: YAML, text: str) -> tuple[int | None, str | None]:
    """The line and text of the first scalar ruamel cannot build, found by building each
    scalar node on its own (aliases visited once, no recursion)."""
    try:
        root = yaml.compose(text)
    except (YAMLError, RecursionError):
        return None, None
    seen: set[int] = set()
    stack = [root] if root is not None else []
    constructor = yaml.constructor
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            try:
                constructor.construct_object(node, deep=True)
            except Exception:
                return node.start_mark.line + 1, str(node.value)
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
    return None, None


def _yaml_hint(problem: str) -> str | None:
    if "duplicate key" in problem:
        return "each key may appear once per mapping: remove or rename the repeated one"
    if "tab" in problem.lower() or "\\t" in problem or "\t" in problem:
        return "YAML indents with spaces only: replace the tabs with spaces"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. text: \"He said: no\""
    return "check the indentation and quoting on this line and the one before"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
