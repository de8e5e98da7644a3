"""Whatever bytes arrive, the loader answers with a ClaimsFile or a ClaimsFileError.

Anything else (a ValueError from deep inside the YAML library, a MemoryError) would reach
the CLI as an "internal error" instead of the one clear message the contract promises.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims import parse_claims
from factcheck.errors import ClaimsFileError
from factcheck.model import ClaimsFile

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def answer(data: bytes) -> ClaimsFile | ClaimsFileError:
    try:
        return parse_claims(data, "fuzz.yaml", base_dir=Path("/tmp"))
    except ClaimsFileError as e:
        assert str(e).startswith("fuzz.yaml")
        return e


@FAST
@given(st.text())
def test_any_text(text: str) -> None:
    assert isinstance(answer(text.encode("utf-8", "surrogatepass")), ClaimsFile | ClaimsFileError)


@FAST
@given(st.binary())
def test_any_bytes(data: bytes) -> None:
    assert isinstance(answer(data), ClaimsFile | ClaimsFileError)


# Pieces of claims files, so that examples get past the YAML parser into the schema.
PIECES = st.sampled_from([
    "version: 1\n", "version: 2\n", "claims:\n", "article:\n", "  title: T\n", "  published: 2023-03-20\n",
    "  - id: a\n", "  - id: A b\n", "    kind: quote\n", "    kind: qoute\n", "    text: words\n",
    "    text: 3\n", "    speaker: S\n", "    sources:\n", "      - https://example.org/a\n",
    "      - url: p.html\n", "        note: n\n", "      - htp://x\n", "      - 'https://'\n",
    "    sources: []\n", "  - x\n", "- ", "  ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "'", '"',
    "#", "\n", "\t", "---\n", "...\n", "null", "~", "true", "1e3", "é", "\u2028", "\r\n",
])


@pytest.mark.filterwarnings("ignore::ruamel.yaml.error.ReusedAnchorWarning")
@FAST
@given(st.lists(PIECES, max_size=30).map("".join))
def test_claims_shaped_text(text: str) -> None:
    assert isinstance(answer(text.encode()), ClaimsFile | ClaimsFileError)


@pytest.mark.parametrize("text", [
    "version: !!int one\n",
    "version: !!float\n",
    "claims: !!set\n",
    "version: 1\nclaims:\n  - id: a\n    text: !!timestamp 2023-02-30\n",
], ids=["int-tag", "empty-float-tag", "set-tag-on-a-scalar", "timestamp-tag"])
def test_explicit_tags_on_bad_values(text: str) -> None:
    assert isinstance(answer(text.encode()), ClaimsFile | ClaimsFileError)


# -- billion laughs ----------------------------------------------------------------------

ANCHORS = ["x-lols:", "  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"] + [
    f"  - &{name} [" + ", ".join([f"*{previous}"] * 9) + "]"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
]
"""Nine levels of nine aliases: 9**9 = 387 million 'lol's if anything expands them."""

RUN_LIMITED = textwrap.dedent("""\
    import resource, sys
    limit = 200 * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from pathlib import Path
    from factcheck.claims import parse_claims
    from factcheck.errors import ClaimsFileError
    try:
        parse_claims(sys.stdin.buffer.read(), "lol.yaml", base_dir=Path("/tmp"))
    except ClaimsFileError as e:
        print(e)
""")


def billion_laughs(key: str | None) -> str:
    claim = {"id": "a", "text": "x", "sources": "[https://example.org/a]"}
    if key is not None:
        claim[key] = "*i"
    body = "\n    ".join(f"{k}: {v}" for k, v in claim.items())
    return "\n".join(ANCHORS) + f"\nversion: 1\nclaims:\n  - {body}\n"


def run_limited(text: str) -> subprocess.CompletedProcess[str]:
    """Parse ``text`` in a child process that may use at most 200 MB of address space."""
    return subprocess.run([sys.executable, "-c", RUN_LIMITED], input=text, capture_output=True,
                          text=True, timeout=30)


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.parametrize("key", [
    None, "speaker", "sources", "kind", "text", "id",
], ids=["anchors-only", "speaker", "sources", "kind", "text", "id"])
def test_billion_laughs_is_answered_in_bounded_memory(key: str | None) -> None:
    done = run_limited(billion_laughs(key))
    assert done.returncode == 0, done.stderr[-500:]
    assert "lol.yaml:" in done.stdout          # a ClaimsFileError, one short message
    assert len(done.stdout) < 2000


def test_billion_laughs_in_process_is_quick() -> None:
    """Aliases are shared, not copied: a file that only defines them parses at once."""
    result = answer(billion_laughs(None).encode())
    assert isinstance(result, ClaimsFileError)
    assert "unknown key 'x-lols'" in result.message
