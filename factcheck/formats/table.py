"""``--format table``: a rich table for a person at a terminal."""

from __future__ import annotations

import io
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.formats.base import RenderOptions
from factcheck.formats.excerpt import excerpt
from factcheck.formats.style import VERDICT_STYLES, change_line
from factcheck.model import ClaimResult, Report

CLAIM_CHARS = 80
SNIPPET_CHARS = 140


def render_table(report: Report, options: RenderOptions) -> str:
    """Verdict, id, the claim shortened, the evidence with matched words highlighted, the host."""
    table = Table(show_lines=True, expand=True, title=_title(report), title_justify="left")
    table.add_column("verdict", no_wrap=True)
    table.add_column("id", overflow="fold", max_width=22)
    table.add_column("claim", ratio=2)
    table.add_column("evidence · source", ratio=3)
    for result in report.results:
        table.add_row(*_row(result))
    out = io.StringIO()
    console = Console(file=out, force_terminal=options.color, no_color=not options.color,
                      color_system="auto" if options.color else None, width=options.width or 120,
                      legacy_windows=False, highlight=False, emoji=False)
    shown = report.extra.get("shown")
    if not report.results:
        title = _title(report)
        console.print(Text((title + "\n" if title else "") + "No claims to show"
                           + (f": only {shown} are shown." if shown else ".")))
        return out.getvalue()
    notes = [f"Only {shown} are shown."] if shown else []
    notes += [f"{what}: {value}" for what, value in report.extra.items() if what != "shown"]
    if notes:
        table.caption = " ".join(notes)
    console.print(table)
    return out.getvalue()


def _title(report: Report) -> str | None:
    article = report.article
    if article is None or not article.title:
        return None
    return article.title + (f" ({article.published})" if article.published else "")


def _row(result: ClaimResult) -> tuple[Text, Text, Text, Text]:
    style = VERDICT_STYLES[result.verdict]
    verdict = Text(f"{style.symbol} {result.verdict.value}", style=f"bold {style.color}")
    claim_text = " ".join(result.claim.text.split())
    if len(claim_text) > CLAIM_CHARS:
        claim_text = claim_text[: CLAIM_CHARS - 1] + "…"
    claim = Text(claim_text)
    if result.claim.speaker:
        claim.append(f"\n— {result.claim.speaker}", style="italic")
    evidence = _evidence(result)
    source = result.evidence[0].url if result.evidence else (result.sources[0].url if result.sources else "")
    if source not in result.reason:              # the reason usually names it already
        evidence.append("\n" + _source(result), style="cyan")
    change = change_line(result)
    if change:
        evidence.append("\n" + change, style="bold magenta" if result.change and result.change.counts else "dim")
    return verdict, Text(result.claim.id), claim, evidence


def _evidence(result: ClaimResult) -> Text:
    if not result.evidence:
        return Text(result.reason, style="dim")
    best = result.evidence[0]
    line, marks = excerpt(best, SNIPPET_CHARS)
    text = Text(line)
    for a, b in marks:
        text.stylize("bold underline", a, b)
    for difference in best.differences:
        if difference.source:
            text.highlight_words([difference.source], style="bold red reverse")
    text.append("\n" + result.reason, style="dim")
    note = speaker_note(result)
    if note:
        text.append("\n" + note, style="yellow")
    return text


def speaker_note(result: ClaimResult) -> str | None:
    """A warning when the source attributes the quote to someone else, or never names the speaker."""
    best = result.evidence[0] if result.evidence else None
    if best is None or best.speaker_found is not False:
        return None
    if best.attributed_to:
        return f"⚠ the source attributes these words to {best.attributed_to}, not {result.claim.speaker}"
    return f"⚠ {result.claim.speaker} is not named near the passage in the source"


def _source(result: ClaimResult) -> str:
    ref = result.evidence[0].url if result.evidence else (result.sources[0].url if result.sources else "")
    parts = urlsplit(ref)
    if parts.scheme in ("http", "https"):
        return parts.hostname or ref
    return PurePosixPath(parts.path if parts.scheme == "file" else ref).name
