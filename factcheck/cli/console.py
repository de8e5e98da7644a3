"""Where output goes: stdout for the result only, stderr for everything else.

Also the progress bar (on stderr, only at a terminal) and the atomic writing of
``--output`` (a temporary file in the same folder, flushed to disk, then renamed over
the target), so a crash or a full disk never leaves a half-written report.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def error(message: str) -> None:
    """One error message on stderr, no markup interpretation of user text."""
    stderr.print(f"[bold red]error:[/] {escape(message)}")


def hint(message: str) -> None:
    stderr.print(escape(message), style="dim")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@contextlib.contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[int, int, str], None] | None]:
    """A transient progress bar on stderr, yielding the pipeline's callback (None when off)."""
    if not enabled:
        yield None
        return
    bar = Progress(TextColumn("reading sources"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("[dim]{task.description}"), console=stderr, transient=True)
    task = bar.add_task("", total=None)

    def update(done: int, total: int, source: str) -> None:
        name = source.rsplit("/", 1)[-1][:40]
        bar.update(task, completed=done, total=total, description=name)

    with bar:
        yield update


def write_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    """Replace ``path`` with what ``write`` writes, in one step; the old file survives any failure."""
    directory = path.parent if str(path.parent) else Path()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            if path.exists():
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_stdout(write: Callable[[TextIO], None]) -> None:
    write(sys.stdout)
    sys.stdout.flush()
