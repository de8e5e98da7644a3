"""Report -> text, one module per format, chosen through ``FORMATTERS``."""

from __future__ import annotations

from factcheck.formats.base import Formatter, OutputFormat, RenderOptions
from factcheck.formats.csv import render_csv
from factcheck.formats.json import render_json, report_to_dict
from factcheck.formats.jsonl import render_jsonl
from factcheck.formats.markdown import render_markdown
from factcheck.formats.table import render_table
from factcheck.model import Report

FORMATTERS: dict[OutputFormat, Formatter] = {
    OutputFormat.TABLE: render_table,
    OutputFormat.JSON: render_json,
    OutputFormat.JSONL: render_jsonl,
    OutputFormat.MARKDOWN: render_markdown,
    OutputFormat.CSV: render_csv,
}


def render(report_format: OutputFormat, report: Report, options: RenderOptions | None = None) -> str:
    """The report in ``report_format``."""
    return FORMATTERS[report_format](report, options or RenderOptions())


__all__ = ["FORMATTERS", "Formatter", "OutputFormat", "RenderOptions", "render", "report_to_dict"]
