"""How each verdict looks: the same symbol and colour in every human-facing format.

Symbols differ in shape, not only colour, so the output reads without colour, in print
and for people who do not see colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model import ChangeKind, ClaimResult, Verdict


@dataclass(frozen=True)
class VerdictStyle:
    symbol: str
    color: str
    """A rich colour name."""
    hex: str
    """The same colour for formats that need a hex code."""


VERDICT_STYLES: dict[Verdict, VerdictStyle] = {
    Verdict.SUPPORTED: VerdictStyle("✔", "green", "#1a7f37"),
    Verdict.PARTIAL: VerdictStyle("◐", "yellow", "#9a6700"),
    Verdict.CONTRADICTED: VerdictStyle("✘", "red", "#cf222e"),
    Verdict.NOT_FOUND: VerdictStyle("?", "magenta", "#8250df"),
    Verdict.UNREACHABLE: VerdictStyle("⚠", "bright_black", "#57606a"),
}


def summary_line(counts: dict[Verdict, int]) -> str:
    """``12 claims: 9 supported, 1 partial, ...`` with zero counts left out."""
    total = sum(counts.values())
    parts = [f"{n} {v.value.replace('_', ' ')}" for v, n in counts.items() if n]
    return f"{total} claim{'s' if total != 1 else ''}: " + (", ".join(parts) if parts else "none")


def change_line(result: ClaimResult) -> str | None:
    """The result's change since the previous run, in words, for the human formats
    ("changed: supported → contradicted"); None when there is none worth a line (no
    change, or only that the claim is checked for the first time)."""
    change = result.change
    if change is None or change.kind is ChangeKind.NEW:
        return None
    label = "changed" if change.counts else "note"
    when = f" (previous run {change.previous_run:%Y-%m-%d %H:%M})" if change.previous_run else ""
    return f"{label}: {change.description}{when}"
