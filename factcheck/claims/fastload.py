"""Plain claims files read at C speed, with the line numbers the schema's messages need.

ruamel.yaml's round-trip loader keeps every key's and item's line, but it is pure Python:
a thousand claims take half a second, before a single source is fetched. Its C parser
(``ruamel.yaml.clib``, libyaml) builds the same node tree, marks included, ten times
faster. ``fast_document`` turns such a tree into dicts and lists carrying an ``lc``
object like the round-trip loader's, with every scalar resolved and built by the
round-trip loader's own resolver and constructor, so the data is the same.

Only plain documents take this path: no NEL or Unicode line separators (libyaml counts
them as line breaks), no anchors or aliases, no merge keys, no explicit tags, no
duplicate keys, nothing nested deeper than a claims file ever is. For anything else,
and whenever the C parser or a scalar's constructor fails, it returns None and the
round-trip loader reads the file, with its exact error messages. A file that fails
validation is read again by the round-trip loader too (``reader.parse_claims``).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_DEPTH = 32
"""Nesting beyond this is left to the round-trip loader (a claims file nests 5 deep)."""

_OTHER_LINE_BREAKS = ("\x85", "\u2028", "\u2029")
"""Line breaks to libyaml (YAML 1.1) but not to ruamel's own parser: lines would differ."""
_STR = "tag:yaml.org,2002:str"
_PLAIN = (True, False)
"""ruamel's "implicit" flags of an unquoted scalar: resolved from its text."""


class Lines:
    """Where a mapping or a list and each of its keys or items start (0-based, as ruamel's ``lc``)."""

    __slots__ = ("_at", "col", "line")

    def __init__(self, line: int, col: int) -> None:
        self.line = line
        self.col = col
        self._at: dict[Any, tuple[int, int]] = {}

    def key(self, key: Any) -> tuple[int, int]:
        return self._at[key]

    def item(self, index: int) -> tuple[int, int]:
        return self._at[index]

    def value(self, key: Any) -> tuple[int, int]:
        return self._at[key]


class LineDict(dict[Any, Any]):
    """A mapping of the document, with its ``lc``."""

    lc: Lines


class LineList(list[Any]):
    """A list of the document, with its ``lc``."""

    lc: Lines


class _NotPlain(Exception):
    """Something only the round-trip loader should decide about."""


def c_parser_available() -> bool:
    """Whether ruamel.yaml's C extension is installed (it is optional)."""
    from ruamel.yaml import main
    return getattr(main, "CParser", None) is not None


def fast_document(text: str) -> Any | None:
    """The document of ``text`` as the round-trip loader would give it, or None when the
    fast path does not apply (see the module's docstring)."""
    if not c_parser_available() or any(c in text for c in _OTHER_LINE_BREAKS):
        return None
    try:
        root = YAML(typ="safe", pure=False).compose(text)
    except Exception:
        return None
    if root is None:
        return None
    builder = _Builder()
    try:
        return builder.build(root, 0)
    except (_NotPlain, RecursionError):
        return None


class _Builder:
    def __init__(self) -> None:
        self._rt = YAML(typ="rt")
        self._seen: set[int] = set()

    def build(self, node: Node, depth: int) -> Any:
        if id(node) in self._seen or node.anchor is not None or depth > MAX_DEPTH:
            raise _NotPlain                 # an alias, an anchor, or too deep
        self._seen.add(id(node))
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise _NotPlain
            items = LineList()
            items.lc = Lines(node.start_mark.line, node.start_mark.column)
            for index, child in enumerate(node.value):
                items.lc._at[index] = (child.start_mark.line, child.start_mark.column)
                items.append(self.build(child, depth + 1))
            return items
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise _NotPlain
            mapping = LineDict()
            mapping.lc = Lines(node.start_mark.line, node.start_mark.column)
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.value == "<<":
                    raise _NotPlain             # a complex key or a merge
                key = self.build(key_node, depth + 1)
                if key in mapping or not isinstance(key, str | int | float | bool | None):
                    raise _NotPlain             # a duplicate key: the round-trip loader's error
                mapping.lc._at[key] = (key_node.start_mark.line, key_node.start_mark.column)
                mapping[key] = self.build(value_node, depth + 1)
            return mapping
        raise _NotPlain

    def scalar(self, node: ScalarNode) -> Any:
        expected = _STR if node.style else self._rt.resolver.resolve(ScalarNode, node.value, _PLAIN)
        if node.tag != expected:
            raise _NotPlain                     # an explicit tag
        if expected == _STR:
            return node.value
        try:
            return self._rt.constructor.construct_object(node, deep=True)
        except Exception:
            raise _NotPlain from None           # e.g. 2023-02-30: the round-trip loader says where
