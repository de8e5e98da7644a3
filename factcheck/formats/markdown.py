"""``--format markdown``: a table to paste into an issue, a wiki or a chat."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from factcheck.formats.base import RenderOptions
from factcheck.formats.excerpt import excerpt
from factcheck.formats.style import VERDICT_STYLES, change_line, summary_line
from factcheck.model import Report


def render_markdown(report: Report, options: RenderOptions) -> str:
    """A heading, the summary and one table row per claim, matched words in bold."""
    lines = []
    article = report.article
    title = article.title if article and article.title else "factcheck report"
    lines.append(f"# {_cell(title)}")
    lines.append("")
    if article and article.url:
        published = f" ({_cell(article.published)})" if article.published else ""
        lines.append(f"Article: {_link(article.url, article.url)}{published}")
        lines.append("")
    lines.append(f"**{summary_line(report.summary)}**")
    lines.append("")
    for what, value in report.extra.items():
        lines.append(f"_{_cell(what)}: {_cell(value)}_")
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
        change = change_line(r)
        if change:
            evidence += "<br>**" + _cell(change) + "**"
        host = urlsplit(source).hostname or source
        link = _link(host, source)
        claim = _cell(" ".join(r.claim.text.split()))
        lines.append(f"| {style.symbol} {r.verdict.value} | `{r.claim.id}` | {claim} | {evidence} | {link} |")
    return "\n".join(lines) + "\n"


def _emphasised(text: str, marks: list[tuple[int, int]]) -> str:
    """The excerpt with the matched spans in bold; the spaces around them kept outside
    the asterisks (Markdown does not bold ``** word**``)."""
    out = []
    position = 0
    for a, b in marks:
        out.append(_escape(text[position:a]))
        inner = text[a:b]
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()):]
        out.append(f"{lead}**{_escape(inner.strip())}**{trail}" if inner.strip() else inner)
        position = b
    out.append(_escape(text[position:]))
    return " ".join("".join(out).split())


def _link(label: str, url: str) -> str:
    """A link for web URLs (with the characters that would break the table or the link
    percent-encoded), plain escaped text for anything else."""
    if urlsplit(url).scheme not in ("http", "https"):
        return _cell(url)
    safe = quote(url, safe=":/?#[]@!$&'*+,;=%~.-_")
    return f"[{_cell(label)}]({safe})"


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*")
            .replace("<", "&lt;").replace(">", "&gt;"))


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, no table or HTML syntax."""
    return _escape(" ".join(text.split()))
