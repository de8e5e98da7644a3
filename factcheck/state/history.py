"""The run history: each ``verify`` run's verdicts, evidence and source states, in SQLite.

SQLite because a nightly job needs exactly what it gives: one file, and transactions. A
run is recorded in one transaction, so a run killed at any moment leaves either all of
it or none of it, and the earlier history intact. The database is in WAL mode with a
busy timeout, so two runs at once (two cron jobs, a person beside a job) each wait for
the other's short write instead of failing or corrupting it.

Claims are known by their file (its absolute path) and id; a claim whose kind, text,
speaker or sources changed is a new claim with the same id (``claim_hash``). Sources are
known by the URL they are fetched from (``SourceRef.target``), whichever file cites them.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from factcheck.errors import StateError
from factcheck.model import Claim, ClaimResult, Report, Verdict

SCHEMA_VERSION = 1
BUSY_TIMEOUT = 60.0
"""Seconds a run waits for another run's write before giving up."""

_SCHEMA = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT NOT NULL,
    version TEXT NOT NULL,
    files TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE TABLE results (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    file TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    claim_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    verdict TEXT NOT NULL,
    reason TEXT NOT NULL,
    score REAL,
    evidence TEXT,
    change TEXT,
    PRIMARY KEY (run_id, file, claim_id)
);
CREATE INDEX results_by_claim ON results (file, claim_id, run_id);
CREATE INDEX results_by_id ON results (claim_id, run_id);
CREATE TABLE sources (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    file TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    target TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    final_url TEXT,
    text_hash TEXT,
    archive_record TEXT,
    PRIMARY KEY (run_id, file, claim_id, position)
);
CREATE INDEX sources_by_target ON sources (target, run_id);
"""


def default_state_path() -> Path:
    """Where the history lives unless ``--state`` says otherwise: the user's data folder."""
    import platformdirs

    return platformdirs.user_data_path("factcheck", appauthor=False) / "history.sqlite3"


def file_key(path: str) -> str:
    """How a claims file is known across runs: its absolute path (stdin is just ``<stdin>``)."""
    return path if path.startswith("<") else os.path.abspath(path)


def claim_hash(claim: Claim) -> str:
    """What makes two claims with one id the same claim: kind, text, speaker and sources."""
    identity = [claim.kind.value, claim.text, claim.speaker, [s.target for s in claim.sources]]
    return hashlib.sha256(json.dumps(identity, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True)
class SourceRecord:
    """One source of one claim in one recorded run."""

    url: str
    target: str
    status: int | None
    error: str | None
    text_hash: str | None
    archive_record: str | None = None


@dataclass(frozen=True)
class EvidenceRecord:
    """The best evidence of a recorded result."""

    url: str
    start: int
    end: int
    snippet: str
    score: float


@dataclass(frozen=True)
class ClaimRecord:
    """One claim's result in one recorded run."""

    run_id: int
    started: datetime
    file: str
    claim_id: str
    claim_hash: str
    kind: str
    text: str
    verdict: Verdict
    reason: str
    score: float | None
    evidence: EvidenceRecord | None
    change: str | None
    """The change kind recorded with it (``ChangeKind`` value), if the run compared."""
    sources: tuple[SourceRecord, ...]


@dataclass(frozen=True)
class RunRecord:
    """One recorded run."""

    id: int
    started: datetime
    finished: datetime
    version: str
    files: tuple[str, ...]
    summary: dict[str, int]


class History:
    """A history database, opened (and created if needed) for one run or one query."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except (OSError, sqlite3.Error) as e:
            raise StateError(f"cannot open the history {path}: {e}") from None
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            self._db.close()
            raise StateError(f"the history {path} cannot be used: {e}",
                             "move the file away to start a new history, or give another with --state") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction that takes the write lock at once (no upgrade deadlock)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _migrate(self) -> None:
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"it was written by a newer factcheck (schema {version})")

    # -- writing -----------------------------------------------------------------------

    def record(self, report: Report) -> int:
        """Store one run, all or nothing; returns its id."""
        summary = {v.value: n for v, n in report.summary.items()}
        try:
            with self._write() as db:
                cursor = db.execute(
                    "INSERT INTO runs (started, finished, version, files, summary) VALUES (?, ?, ?, ?, ?)",
                    (_time(report.started), _time(report.finished), report.version,
                     json.dumps([file_key(f.path) for f in report.files]), json.dumps(summary)))
                run_id = cursor.lastrowid
                assert run_id is not None
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               (_result_row(run_id, r) for r in report.results))
                db.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               (row for r in report.results for row in _source_rows(run_id, r)))
        except sqlite3.Error as e:
            raise StateError(f"cannot record the run in {self.path}: {e}") from None
        return run_id

    # -- reading -----------------------------------------------------------------------

    def baselines(self, claims: Iterable[Claim], before: datetime | None = None) -> dict[tuple[str, str], ClaimRecord]:
        """For each claim, the recorded result to compare a new one with: the latest run
        that checked the same claim and could read a source, or else the latest run.

        Keyed by ``(file_key(claim.file), claim.id)``; claims never recorded are absent.
        """
        out: dict[tuple[str, str], ClaimRecord] = {}
        for claim in claims:
            key = (file_key(claim.file), claim.id)
            rows = self._db.execute(
                "SELECT r.*, runs.started FROM results r JOIN runs ON runs.id = r.run_id "
                "WHERE r.file = ? AND r.claim_id = ? AND r.claim_hash = ? AND runs.started < ? "
                "ORDER BY runs.started DESC, r.run_id DESC LIMIT 50",
                (key[0], claim.id, claim_hash(claim), _time(before or _far_future()))).fetchall()
            if not rows:
                continue
            chosen = next((row for row in rows if row[6] != Verdict.UNREACHABLE.value), rows[0])
            out[key] = self._claim_record(chosen)
        return out

    def failures(self, targets: Iterable[str], before: datetime | None = None) -> dict[str, list[datetime]]:
        """For each source URL, the start times of the runs in a row, latest first, in
        which it could not be read (empty when the latest run read it or none tried)."""
        out: dict[str, list[datetime]] = {}
        for target in dict.fromkeys(targets):
            rows = self._db.execute(
                "SELECT runs.started, MAX(s.error IS NOT NULL) FROM sources s JOIN runs ON runs.id = s.run_id "
                "WHERE s.target = ? AND runs.started < ? GROUP BY runs.id "
                "ORDER BY runs.started DESC, runs.id DESC LIMIT 100",
                (target, _time(before or _far_future()))).fetchall()
            streak = []
            for started, failed in rows:
                if not failed:
                    break
                streak.append(_parse_time(started))
            out[target] = streak
        return out

    def claim_history(self, claim_id: str | None = None, limit: int = 100) -> list[ClaimRecord]:
        """Recorded results, latest first: of one claim id (in any file), or of every claim."""
        where, args = ("WHERE r.claim_id = ?", [claim_id]) if claim_id is not None else ("", [])
        rows = self._db.execute(
            f"SELECT r.*, runs.started FROM results r JOIN runs ON runs.id = r.run_id {where} "
            "ORDER BY runs.started DESC, r.run_id DESC, r.file, r.claim_id LIMIT ?", (*args, limit)).fetchall()
        return [self._claim_record(row) for row in rows]

    def runs(self, limit: int = 20) -> list[RunRecord]:
        """The latest runs, latest first."""
        rows = self._db.execute("SELECT id, started, finished, version, files, summary FROM runs "
                                "ORDER BY started DESC, id DESC LIMIT ?", (limit,)).fetchall()
        return [RunRecord(row[0], _parse_time(row[1]), _parse_time(row[2]), row[3], tuple(json.loads(row[4])),
                          json.loads(row[5])) for row in rows]

    def _claim_record(self, row: tuple[Any, ...]) -> ClaimRecord:
        (run_id, file, claim_id, hash_, kind, text, verdict, reason, score, evidence, change, started) = row
        sources = self._db.execute(
            "SELECT url, target, status, error, text_hash, archive_record FROM sources "
            "WHERE run_id = ? AND file = ? AND claim_id = ? ORDER BY position", (run_id, file, claim_id)).fetchall()
        best = json.loads(evidence) if evidence else None
        return ClaimRecord(
            run_id=run_id, started=_parse_time(started), file=file, claim_id=claim_id, claim_hash=hash_, kind=kind,
            text=text, verdict=Verdict(verdict), reason=reason, score=score,
            evidence=EvidenceRecord(**best) if best else None, change=change,
            sources=tuple(SourceRecord(*s) for s in sources))


def _result_row(run_id: int, result: ClaimResult) -> tuple[Any, ...]:
    claim = result.claim
    best = result.evidence[0] if result.evidence else None
    evidence = json.dumps({"url": best.url, "start": best.start, "end": best.end, "snippet": best.snippet,
                           "score": best.score}, ensure_ascii=False) if best else None
    return (run_id, file_key(claim.file), claim.id, claim_hash(claim), claim.kind.value, claim.text,
            result.verdict.value, result.reason, result.score, evidence,
            result.change.kind.value if result.change else None)


def _source_rows(run_id: int, result: ClaimResult) -> Iterator[tuple[Any, ...]]:
    claim = result.claim
    for position, (ref, status) in enumerate(zip(claim.sources, result.sources, strict=False)):
        yield (run_id, file_key(claim.file), claim.id, position, status.url, ref.target, status.status,
               status.error, status.final_url, status.text_hash, status.archive_record)


def _time(moment: datetime) -> str:
    """UTC, microseconds, fixed width: sorts as text in time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def _far_future() -> datetime:
    return datetime(9999, 1, 1, tzinfo=UTC)
