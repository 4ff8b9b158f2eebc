"""Garbage collection on the UI thread only.

Python's cycle collector runs in whichever thread happens to allocate when a generation
fills up: the runner's worker making 100,000 log rows, the log filter's thread, the
mesh's server. A cycle it frees there may hold Qt objects that belong to the UI thread,
and a QObject destroyed from another thread can crash the process (the GUI tests saw it
once: a segmentation fault in a collection on the log filter's thread). So while the
window runs, automatic collection is off and this collector runs it on the UI thread,
on a timer, as often as the interpreter's own thresholds would have: the same pattern
as Anki's and qutebrowser's.

What start-up made (the modules, their classes, the database layer, the window) lives
as long as the process, ~110,000 objects, and holds almost no garbage (under a hundred
objects at the first full read). Collecting them costs 60-150 ms on the UI thread: the
first collection after start-up falls before the dashboard is filled on a slow or busy
laptop, and every later full collection would walk them again. ``settle`` moves them
out of the collector's sight (``gc.freeze``) once the console is attached.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the counts are looked at (ms): often enough that memory does not pile up.
INTERVAL_MS = 1000


class UiThreadCollector(QObject):
    """Turns automatic collection off and collects on the UI thread as thresholds say."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._settled = False
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def stop(self) -> None:
        """Leave collection as it was before (automatic again, if it was), the objects
        kept out of its sight by ``settle`` back in it."""
        self._timer.stop()
        if self._settled:
            gc.unfreeze()
        if self._was_enabled:
            gc.enable()

    def settle(self) -> None:
        """Start-up is over: the objects made so far are not walked by collections again."""
        gc.freeze()
        self._settled = True

    def check(self) -> int | None:
        """Collect the oldest generation whose count passed its threshold; which one
        (None when none did)."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation
        return None
