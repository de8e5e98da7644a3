"""``--format jsonl``: one claim object per line, as in the JSON document's ``claims``."""

from __future__ import annotations

import json

from factcheck.formats.base import RenderOptions
from factcheck.formats.json import claim_to_dict
from factcheck.model import Report


def render_jsonl(report: Report, options: RenderOptions) -> str:
    """Each line a complete JSON object, so pipelines can stream and grep it."""
    return "".join(json.dumps(claim_to_dict(r), ensure_ascii=False) + "\n" for r in report.results)
