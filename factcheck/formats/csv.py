"""``--format csv``: one row per claim, for spreadsheets."""

from __future__ import annotations

import csv
import io

from factcheck.formats.base import RenderOptions
from factcheck.model import Report

COLUMNS = ("file", "id", "kind", "verdict", "score", "reason", "text", "speaker", "evidence_url",
           "snippet", "start", "end", "differences", "source_errors", "link", "change", "change_description")


def render_csv(report: Report, options: RenderOptions) -> str:
    """RFC 4180 CSV with a header row; differences as ``claimed -> source`` joined by ``; ``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in report.results:
        best = r.evidence[0] if r.evidence else None
        errors = "; ".join(f"{s.url}: {s.error}" for s in r.sources if s.error)
        writer.writerow([
            r.claim.file, r.claim.id, r.claim.kind.value, r.verdict.value,
            "" if r.score is None else f"{r.score:.3f}", r.reason, r.claim.text, r.claim.speaker or "",
            best.url if best else "", _flat(best.snippet) if best else "",
            best.start if best else "", best.end if best else "",
            "; ".join(f"{d.claimed} -> {d.source}" for d in best.differences) if best else "",
            errors,
            (best.link or "") if best else "",
            r.change.kind.value if r.change else "",
            r.change.description if r.change else "",
        ])
    return out.getvalue()


def _flat(text: str) -> str:
    return " ".join(text.split())
