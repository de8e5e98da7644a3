"""``factcheck history``: a claim's verdicts over time, or the latest runs."""

from __future__ import annotations

import difflib
import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from factcheck.cli.console import error, stdout_is_terminal, write_stdout
from factcheck.cli.exit_codes import ExitCode
from factcheck.errors import FactcheckError

EPILOG = """\
\b
Examples:
  factcheck history                     # the latest runs and their verdict counts
  factcheck history trade-2022          # one claim's verdicts, latest first
  factcheck history trade-2022 --format json --limit 5
"""


class HistoryFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def history_command(
    claim_id: Annotated[str | None, typer.Argument(
        metavar="CLAIM_ID", show_default=False,
        help="The claim whose verdicts to show (in any claims file). [default: list the latest runs]")] = None,
    output_format: Annotated[HistoryFormat | None, typer.Option(
        "--format", "-f", show_default=False, metavar="FORMAT",
        help="table or json. [default: table on a terminal, json otherwise]")] = None,
    state: Annotated[Path | None, typer.Option(
        "--state", metavar="PATH", dir_okay=False, show_default=False,
        help="The run history to read. [default: as verify would use it here]")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="Show at most N entries.")] = 20,
) -> None:
    """Show a claim's verdicts over time, from the history `factcheck verify` records."""
    from factcheck.state import History

    try:
        path = _state_path(state)
        if not path.is_file():
            raise FactcheckError(f"no run history at {path} yet: factcheck verify records one each run "
                                 "(unless --no-state)")
        with History(path) as history:
            if claim_id is None:
                document: Any = [_run(r) for r in history.runs(limit)]
            else:
                records = history.claim_history(claim_id, limit)
                if not records:
                    raise FactcheckError(_unknown(history, claim_id, path))
                document = [_record(r) for r in records]
    except FactcheckError as e:
        error(str(e))
        raise typer.Exit(ExitCode.USAGE) from None
    chosen = output_format or (HistoryFormat.TABLE if stdout_is_terminal() else HistoryFormat.JSON)
    if chosen is HistoryFormat.JSON:
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        text = _table(document, claim_id, stdout_is_terminal())

    def write(stream: TextIO) -> None:
        stream.write(text)

    write_stdout(write)


def _state_path(given: Path | None) -> Path:
    from factcheck.config import Setting, find_config, path_or_off, resolve
    from factcheck.state import default_state_path

    if given is not None:
        return given
    settings = resolve([Setting("state", None, path_or_off, "")], {}, os.environ, find_config(Path.cwd()))
    value = settings["state"]
    if value is False:
        raise FactcheckError("the configuration keeps no history (state = false): give --state PATH")
    if not value:
        return default_state_path()
    path = Path(value)
    if settings.file is not None and settings.origins["state"] == str(settings.file):
        path = settings.file.parent / path
    return path


def _unknown(history: Any, claim_id: str, path: Path) -> str:
    known = sorted({r.claim_id for r in history.claim_history(None, 5000)})
    close = difflib.get_close_matches(claim_id, known, n=1, cutoff=0.6)
    hint = f"\n  hint: did you mean '{close[0]}'?" if close else ""
    return f"no claim '{claim_id}' in the run history {path}{hint}"


def _run(run: Any) -> dict[str, Any]:
    return {"run": run.id, "started": run.started.isoformat(timespec="seconds"),
            "finished": run.finished.isoformat(timespec="seconds"), "version": run.version,
            "files": list(run.files), "summary": run.summary}


def _record(record: Any) -> dict[str, Any]:
    evidence = record.evidence
    return {
        "run": record.run_id, "started": record.started.isoformat(timespec="seconds"), "file": record.file,
        "id": record.claim_id, "kind": record.kind, "verdict": record.verdict.value, "reason": record.reason,
        "score": record.score, "change": record.change,
        "evidence": None if evidence is None else {"url": evidence.url, "snippet": evidence.snippet,
                                                   "start": evidence.start, "end": evidence.end},
        "sources": [{"url": s.url, "status": s.status, "error": s.error, "text_hash": s.text_hash}
                    for s in record.sources],
    }


def _table(document: list[dict[str, Any]], claim_id: str | None, color: bool) -> str:
    import io
    import shutil

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from factcheck.formats.style import VERDICT_STYLES
    from factcheck.model import Verdict

    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False, emoji=False,
                      width=shutil.get_terminal_size(fallback=(120, 24)).columns)
    if claim_id is None:
        table = Table(title="latest runs", title_justify="left")
        for column in ("run", "started (UTC)", "files", *(v.value for v in Verdict)):
            table.add_column(column, overflow="fold")
        for run in document:
            table.add_row(str(run["run"]), run["started"].replace("T", " ")[:16],
                          Text("\n".join(Path(f).name for f in run["files"])),
                          *(str(run["summary"].get(v.value, 0)) for v in Verdict))
    else:
        table = Table(title=f"{claim_id}: verdicts over time, latest first", title_justify="left", show_lines=True)
        for column in ("started (UTC)", "verdict", "reason", "change"):
            table.add_column(column, overflow="fold")
        for record in document:
            style = VERDICT_STYLES[Verdict(record["verdict"])]
            table.add_row(record["started"].replace("T", " ")[:16],
                          Text(f"{style.symbol} {record['verdict']}", style=style.color), Text(record["reason"]),
                          Text(record["change"] or ""))
    console.print(table)
    return out.getvalue()
