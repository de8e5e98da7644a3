"""Report -> text, one module per format, chosen through ``FORMATTERS``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from factcheck.formats.base import Formatter, OutputFormat, RenderOptions
from factcheck.formats.claimreview import render_claimreview
from factcheck.formats.csv import render_csv
from factcheck.formats.json import render_json, report_to_dict, write_json
from factcheck.formats.jsonl import render_jsonl, write_jsonl
from factcheck.formats.markdown import render_markdown
from factcheck.formats.table import render_table
from factcheck.model import Report

FORMATTERS: dict[OutputFormat, Formatter] = {
    OutputFormat.TABLE: render_table,
    OutputFormat.JSON: render_json,
    OutputFormat.JSONL: render_jsonl,
    OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.CSV: render_csv,
    OutputFormat.CLAIMREVIEW: render_claimreview,
}


_STREAMERS: dict[OutputFormat, Callable[[Report, RenderOptions, TextIO], None]] = {
    OutputFormat.JSON: write_json,
    OutputFormat.JSONL: write_jsonl,
}
"""Formats written piece by piece: the machine formats, which a large run makes large."""


def render(report_format: OutputFormat, report: Report, options: RenderOptions | None = None) -> str:
    """The report in ``report_format``."""
    return FORMATTERS[report_format](report, options or RenderOptions())


def write_report(report_format: OutputFormat, report: Report, stream: TextIO,
                 options: RenderOptions | None = None) -> None:
    """Write the report in ``report_format`` to ``stream``, the same text ``render`` gives."""
    streamer = _STREAMERS.get(report_format)
    if streamer is not None:
        streamer(report, options or RenderOptions(), stream)
    else:
        stream.write(render(report_format, report, options))


__all__ = ["FORMATTERS", "Formatter", "OutputFormat", "RenderOptions", "render", "report_to_dict",
           "write_report"]
