"""What a run remembers of the runs before it: the history and the changes since.

``history`` stores each run in SQLite; ``changes`` compares a new report with what the
history holds (pure). The pipeline plugs them in; formats and the CLI see the outcome
only through the Report (``ClaimResult.change``, ``SourceStatus.failures`` and ``dead``).
"""

from __future__ import annotations

from factcheck.state.changes import DeadPolicy, annotate
from factcheck.state.history import History, default_state_path

__all__ = ["DeadPolicy", "History", "annotate", "default_state_path"]
