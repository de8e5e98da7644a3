"""``--format markdown``: a table to paste into an issue, a wiki or a chat."""

from __future__ import annotations

from urllib.parse import urlsplit

from factcheck.formats.base import RenderOptions
from factcheck.formats.excerpt import excerpt
from factcheck.formats.style import VERDICT_STYLES, summary_line
from factcheck.model import Report


def render_markdown(report: Report, options: RenderOptions) -> str:
    """A heading, the summary and one table row per claim, matched words in bold."""
    lines = []
    article = report.article
    title = article.title if article and article.title else "factcheck report"
    lines.append(f"# {_cell(title)}")
    lines.append("")
    if article and article.url:
        lines.append(f"Article: <{article.url}>" + (f" ({article.published})" if article.published else ""))
        lines.append("")
    lines.append(f"**{summary_line(report.summary)}**")
    lines.append("")
    lines.append("| verdict | id | claim | evidence | source |")
    lines.append("| --- | --- | --- | --- | --- |")
    for r in report.results:
        style = VERDICT_STYLES[r.verdict]
        evidence = r.reason
        source = r.sources[0].url if r.sources else ""
        if r.evidence:
            best = r.evidence[0]
            evidence = _emphasised(*excerpt(best, 200)) + "<br>" + _cell(r.reason)
            source = best.url
        else:
            evidence = _cell(evidence)
        host = urlsplit(source).hostname or source
        link = f"[{_cell(host)}]({source})" if urlsplit(source).scheme in ("http", "https") else _cell(source)
        claim = _cell(" ".join(r.claim.text.split()))
        lines.append(f"| {style.symbol} {r.verdict.value} | `{r.claim.id}` | {claim} | {evidence} | {link} |")
    return "\n".join(lines) + "\n"


def _emphasised(text: str, marks: list[tuple[int, int]]) -> str:
    out = []
    position = 0
    for a, b in marks:
        out.append(_cell(text[position:a]))
        out.append(f"**{_cell(text[a:b]).strip()}**")
        position = b
    out.append(_cell(text[position:]))
    return "".join(out)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return (" ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")
            .replace("*", "\\*").replace("<", "&lt;").replace(">", "&gt;"))
