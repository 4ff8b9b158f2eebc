"""A progress bar for long commands, drawn on stderr and only when stderr is a terminal
(scripts, pipes and --json readers get the same stdout as before, and no bar)."""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import TextIO

#: Width of the bar in characters; the line stays under 80 columns with its label.
WIDTH = 30
#: Seconds between two redraws (a redraw per event would cost more than the work).
REDRAW_S = 0.2


class TerminalProgress:
    """Called as (stage, done, total); redraws one line: the stage's label, a bar, the
    percentage and the counts. :meth:`close` ends the line."""

    def __init__(self, labels: Mapping[str, str], stream: TextIO) -> None:
        self.labels = labels
        self.stream = stream
        self._stage = ""
        self._drawn = 0.0
        self._width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if stage == self._stage and not finished and now - self._drawn < REDRAW_S:
            return
        if stage != self._stage and self._stage:
            self.stream.write("\n")
            self._width = 0
        self._stage, self._drawn = stage, now
        share = min(1.0, done / total) if total > 0 else 0.0
        filled = round(share * WIDTH)
        line = (
            f"{self.labels.get(stage, stage)} [{'#' * filled}{'-' * (WIDTH - filled)}] "
            f"{share:4.0%} {done}/{total}"
        )
        self.stream.write("\r" + line.ljust(self._width))
        self._width = len(line)
        self.stream.flush()

    def close(self) -> None:
        if self._stage:
            self.stream.write("\n")
            self.stream.flush()
            self._stage = ""


def on_terminal(labels: Mapping[str, str], stream: TextIO | None = None) -> TerminalProgress | None:
    """A progress bar on ``stream`` (stderr) if it is a terminal, else None."""
    stream = stream or sys.stderr
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        interactive = False
    return TerminalProgress(labels, stream) if interactive else None
