"""Findings kept for unchanged sources: a second run over the same bytes does no CPU work.

Reading a page (extraction, indexing, matching) costs more than fetching it from a warm
HTTP cache, so a nightly run over unchanged sources would still take most of the first
run's time. A source's outcome is a pure function of its bytes (and content type and
address), of the claims that cite it, and of this code: keyed by all of them
(``job_key``), it is stored after it is computed and reused as long as nothing changes.
The code is part of the key by the hash of the package's own source files, so another
version, or a development checkout with a changed matcher, never reuses old findings.

Stored beside the HTTP cache (``findings_path``: a file of its own, as hishel's connection
and ours would otherwise wait on each other's locks), pickled; read back with an
unpickler that only builds factcheck's own classes and a few built-in types, so a
tampered cache file cannot run code. A failure here is a warning, never a failed run.
"""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
import sqlite3
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from factcheck.fetch.result import FetchResult
from factcheck.model import Claim
from factcheck.outcome import SourceOutcome

log = logging.getLogger(__name__)

MAX_AGE_DAYS = 90
"""Findings not used for this long are dropped when the store is opened."""


@cache
def code_fingerprint() -> str:
    """The hash of every source file of the package: changes with any code change."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def findings_path(cache: Path) -> Path:
    """Where the findings of the HTTP cache at ``cache`` are kept."""
    return cache.with_name(cache.stem + "-findings" + (cache.suffix or ".sqlite3"))


def job_key(fetched: FetchResult, claims: Sequence[Claim]) -> str | None:
    """What a source's outcome depends on, hashed; None for a source with no body."""
    if not fetched.ok or fetched.body is None:
        return None
    digest = hashlib.sha256()
    for part in (code_fingerprint(), fetched.final_url or fetched.target, fetched.content_type or "",
                 fetched.charset or "", str(fetched.truncated)):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(hashlib.sha256(fetched.body).digest())
    for claim in claims:
        digest.update(repr((claim.kind.value, claim.text, claim.speaker)).encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class FindingsStore:
    """The table of stored outcomes in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        try:
            db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")       # a cache: losing the last writes to a power cut is fine
            db.execute("CREATE TABLE IF NOT EXISTS factcheck_findings (key TEXT PRIMARY KEY, outcome BLOB NOT NULL, "
                       "used REAL NOT NULL)")
            db.execute("DELETE FROM factcheck_findings WHERE used < ?", (time.time() - MAX_AGE_DAYS * 86400,))
            self._db = db
        except sqlite3.Error as e:
            log.warning("stored findings in %s cannot be used (%s); every source is read afresh", path, e)

    def get(self, key: str) -> SourceOutcome | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT outcome FROM factcheck_findings WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            self._db.execute("UPDATE factcheck_findings SET used = ? WHERE key = ?", (time.time(), key))
            outcome = _SafeUnpickler(io.BytesIO(row[0])).load()
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError) as e:
            log.warning("a stored finding in %s cannot be read (%s); reading the source afresh", self.path, e)
            return None
        return outcome if isinstance(outcome, SourceOutcome) else None

    def put(self, key: str, outcome: SourceOutcome) -> None:
        if self._db is None or outcome.error is not None:
            return                          # failures are not kept
        try:
            self._db.execute("INSERT OR REPLACE INTO factcheck_findings VALUES (?, ?, ?)",
                             (key, pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL), time.time()))
        except sqlite3.Error as e:
            log.warning("cannot store findings in %s (%s); going on without", self.path, e)
            self._db = None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


_ALLOWED = {
    "copyreg": {"__newobj__", "_reconstructor"},
    "builtins": {"object", "tuple", "list", "dict", "set", "frozenset"},
    "datetime": {"datetime", "date", "timedelta", "timezone"},
}


class _SafeUnpickler(pickle.Unpickler):
    """Builds only factcheck's classes and plain built-in values (the pickle module's
    "restricting globals" recipe)."""

    def find_class(self, module: str, name: str) -> object:
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        if module.startswith("factcheck."):
            found = super().find_class(module, name)
            if isinstance(found, type):         # a class (dataclass, enum), never a function
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in stored findings")
