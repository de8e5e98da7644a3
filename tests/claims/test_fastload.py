"""The C-parsed fast path gives exactly what the round-trip loader gives, or steps aside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from factcheck.claims import parse_claims
from factcheck.claims.fastload import c_parser_available, fast_document
from factcheck.claims.schema import validate

ROOT = Path(__file__).resolve().parents[2]
YAML_FILES = sorted([*(ROOT / "tests" / "data").rglob("*.yaml"), ROOT / "claims.yaml"])


def round_trip(text: str) -> Any:
    return YAML(typ="rt").load(text)


def assert_same(fast: Any, slow: Any, where: str = "document") -> None:
    """Same values, same types (up to ruamel's scalar subclasses), same lines everywhere."""
    if isinstance(slow, dict):
        assert isinstance(fast, dict), where
        assert list(fast) == list(slow), where
        assert fast.lc.line == slow.lc.line, where
        for key in slow:
            assert fast.lc.key(key)[0] == slow.lc.key(key)[0], f"{where}.{key}"
            assert_same(fast[key], slow[key], f"{where}.{key}")
    elif isinstance(slow, list):
        assert isinstance(fast, list), where
        assert len(fast) == len(slow), where
        assert fast.lc.line == slow.lc.line, where
        for i, item in enumerate(slow):
            assert fast.lc.item(i)[0] == slow.lc.item(i)[0], f"{where}[{i}]"
            assert_same(fast[i], item, f"{where}[{i}]")
    else:
        assert fast == slow, where
        for kind in (bool, int, float, str, dt.datetime, dt.date, type(None)):
            assert isinstance(fast, kind) == isinstance(slow, kind), f"{where}: {fast!r} vs {slow!r}"


def test_the_c_parser_is_installed() -> None:
    """ruamel.yaml.clib is a dependency: without it every file takes the slow path."""
    assert c_parser_available()


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_claims_file_of_the_repository_reads_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = fast_document(text)
    assert fast is not None
    assert_same(fast, round_trip(text))


def test_the_shipped_claims_validate_the_same_both_ways() -> None:
    text = (ROOT / "claims.yaml").read_text(encoding="utf-8")
    fast = validate(fast_document(text), "claims.yaml", ROOT)
    assert fast == validate(round_trip(text), "claims.yaml", ROOT)


SCALARS = """version: 1
plain: some words
quoted: "with: a colon"
single: 'it''s'
number: 12
negative: -3
float: 2.5
exponent: 1e3
octal: 0o17
hex: 0x1F
underscored: 1_000
yes_is_text: yes
on_is_text: on
true: true
nothing: ~
empty:
date: 2023-01-05
stamp: 2023-01-05T10:00:00Z
time_is_text: 12:30
block: |
  two
  lines
folded: >
  one
  line
multi line plain: first
  second
unicode: "caf\\u00e9 \\U0001F600"
"""


def test_scalars_are_resolved_as_the_round_trip_loader_resolves_them() -> None:
    fast = fast_document(SCALARS)
    assert fast is not None
    assert_same(fast, round_trip(SCALARS))


@pytest.mark.parametrize("text", [
    "base: &b {kind: quote}\nother: *b\n",                      # an alias
    "base: &b {kind: quote}\nother:\n  <<: *b\n",               # a merge key
    "version: !!str 1\n",                                       # an explicit tag
    "a: 1\na: 2\n",                                             # a duplicate key
    "published: 2023-02-30\n",                                  # a date that does not exist
    "? [a, b]\n: complex key\n",                                # a complex key
    "a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",   # deeper than any claims file
    "",                                                         # nothing
    "a: 'unclosed\n",                                           # invalid YAML
    "--- 1\n--- 2\n",                                           # two documents
])
def test_anything_unusual_is_left_to_the_round_trip_loader(text: str) -> None:
    assert fast_document(text) is None


def test_a_bad_file_gets_the_round_trip_loaders_message() -> None:
    """Validation problems are reported from the round-trip reading whichever path read it."""
    text = "version: 1\nclaims:\n  - id: a\n    kind: quote\n    text: Hello\n    sources: []\n"
    assert fast_document(text) is not None
    with pytest.raises(Exception) as fast_way:
        parse_claims(text.encode(), "c.yaml", base_dir=ROOT)
    with pytest.raises(Exception) as slow_way:
        validate(round_trip(text), "c.yaml", ROOT)
    assert str(fast_way.value) == str(slow_way.value)


_KEYS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)
_SCALAR = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
    st.integers(-10**12, 10**12), st.booleans(), st.none(),
    st.floats(allow_nan=False, allow_infinity=False), st.dates(),
)
_DOCS = st.recursive(_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, _DOCS, min_size=1, max_size=5), st.sampled_from([None, True, False]))
def test_any_plain_document_reads_the_same(document: dict[str, Any], flow: bool | None) -> None:
    import io

    yaml = YAML(typ="rt")
    yaml.default_flow_style = flow
    out = io.StringIO()
    yaml.dump(document, out)
    text = out.getvalue()
    fast = fast_document(text)
    if fast is not None:        # the C parser may refuse what the pure one accepts: then it steps aside
        assert_same(fast, round_trip(text))
