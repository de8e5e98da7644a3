"""``--format json``: the contract's ``factcheck.verify/1`` document (and its parts for jsonl)."""

from __future__ import annotations

import io
import json
from typing import Any, TextIO

from factcheck.formats.base import RenderOptions
from factcheck.model import Article, Change, ClaimResult, Evidence, Report, SourceStatus

SCHEMA = "factcheck.verify/1"


def render_json(report: Report, options: RenderOptions) -> str:
    """One JSON document, indented for people; stable key order for diffs."""
    out = io.StringIO()
    write_json(report, options, out)
    return out.getvalue()


def write_json(report: Report, options: RenderOptions, stream: TextIO) -> None:
    """``render_json`` written claim by claim, the same text as ``json.dump`` of
    ``report_to_dict`` with an indent of 2.

    Neither the whole document's dicts nor its text are ever held at once: with an
    indent, ``json.dumps`` builds the text from a list of small strings four times its
    size, and ten thousand claims' dicts are tens of megabytes themselves.
    """
    head = json.dumps(_head(report), ensure_ascii=False, indent=2)
    stream.write(head[:-2] + ',\n  "claims": [')             # reopen the head's closing brace
    for n, result in enumerate(report.results):
        claim = json.dumps(claim_to_dict(result), ensure_ascii=False, indent=2)
        stream.write(("," if n else "") + "\n    " + claim.replace("\n", "\n    "))
    stream.write("\n  ]\n}\n" if report.results else "]\n}\n")


def report_to_dict(report: Report) -> dict[str, Any]:
    """The whole report as plain JSON-ready values."""
    return {**_head(report), "claims": [claim_to_dict(r) for r in report.results]}


def _head(report: Report) -> dict[str, Any]:
    """Everything of the report but its claims."""
    return {
        "schema": SCHEMA,
        "version": report.version,
        "started": report.started.isoformat(timespec="seconds"),
        "finished": report.finished.isoformat(timespec="seconds"),
        "article": article_to_dict(report.article),
        "files": [{"path": f.path, "article": article_to_dict(f.article), "claims": len(f.claims)}
                  for f in report.files],
        "summary": {v.value: n for v, n in report.summary.items()},
        "compared": report.compared,
        "run": dict(report.extra),
    }


def article_to_dict(article: Article | None) -> dict[str, Any] | None:
    if article is None:
        return None
    return {"title": article.title, "url": article.url, "published": article.published, "author": article.author}


def claim_to_dict(result: ClaimResult) -> dict[str, Any]:
    """One claim's result: the contract's fixed fields first, then ours."""
    claim = result.claim
    best = result.evidence[0] if result.evidence else None
    return {
        "id": claim.id,
        "kind": claim.kind.value,
        "verdict": result.verdict.value,
        "score": result.score,
        "reason": result.reason,
        "text": claim.text,
        "speaker": claim.speaker,
        "file": claim.file,
        "line": claim.line,
        "differences": [{"claimed": d.claimed, "source": d.source} for d in best.differences] if best else [],
        "evidence": [evidence_to_dict(e) for e in result.evidence],
        "sources": [source_to_dict(s) for s in result.sources],
        "change": change_to_dict(result.change),
    }


def change_to_dict(change: Change | None) -> dict[str, Any] | None:
    """How the result differs from the claim's previous run (null: it does not, or the
    run was not compared: see the document's ``compared``)."""
    if change is None:
        return None
    return {
        "kind": change.kind.value,
        "description": change.description,
        "previous_verdict": change.previous_verdict.value if change.previous_verdict else None,
        "previous_run": change.previous_run.isoformat(timespec="seconds") if change.previous_run else None,
        "counts": change.counts,
    }


def evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "url": evidence.url,
        "snippet": evidence.snippet,
        "start": evidence.start,
        "end": evidence.end,
        "score": evidence.score,
        "scope": evidence.scope,
        "highlights": [list(h) for h in evidence.highlights()],
        "differences": [{"claimed": d.claimed, "source": d.source} for d in evidence.differences],
        "notes": list(evidence.notes),
        "link": evidence.link,
        "speaker_found": evidence.speaker_found,
        "attributed_to": evidence.attributed_to,
    }


def source_to_dict(source: SourceStatus) -> dict[str, Any]:
    return {
        "url": source.url,
        "status": source.status,
        "error": source.error,
        "final_url": source.final_url,
        "content_type": source.content_type,
        "note": source.note,
        "warning": source.warning,
        "text_hash": source.text_hash,
        "failures": source.failures,
        "dead": source.dead,
        "archive_record": source.archive_record,
    }
