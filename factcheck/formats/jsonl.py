"""``--format jsonl``: one claim object per line, as in the JSON document's ``claims``."""

from __future__ import annotations

import io
import json
from typing import TextIO

from factcheck.formats.base import RenderOptions
from factcheck.formats.json import claim_to_dict
from factcheck.model import Report


def render_jsonl(report: Report, options: RenderOptions) -> str:
    """Each line a complete JSON object, so pipelines can stream and grep it."""
    out = io.StringIO()
    write_jsonl(report, options, out)
    return out.getvalue()


def write_jsonl(report: Report, options: RenderOptions, stream: TextIO) -> None:
    """``render_jsonl``, one line at a time."""
    for result in report.results:
        stream.write(json.dumps(claim_to_dict(result), ensure_ascii=False) + "\n")
