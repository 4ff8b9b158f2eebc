"""The command line's ``incident log``: one activity-log entry appended by a process that
does nothing else, on the standard library's sqlite3 (store/direct.py).

A script or a tired operator at 3 a.m. logging from a terminal pays for the entry, not
for loading the whole console (SQLAlchemy, every model, the projections): several times
the write itself. The entry is checked, made, stamped, signed and projected by the same
code as the console's (services/incident_writes.py, store/appending.py) and committed
as durably (WAL, synchronous=FULL). A database that needs more than that, an upgrade
or this laptop's first device key, is left to the console.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hisconsole.domain.hlc import HybridClock, wall_clock_ms
from hisconsole.services import incident_writes, restored
from hisconsole.services.incident_clocks import iso
from hisconsole.services.operators import default_operator
from hisconsole.store.direct import DirectStore
from hisconsole.sync import identity


def log(
    data_dir: Path,
    incident_id: str,
    text: str,
    *,
    kind: str = "note",
    corrects: str | None = None,
    operator: str | None = None,
) -> str | None:
    """Append the entry as ``operator`` (default: the one on duty); its id, as
    ``incidents.log`` returns it. None, with nothing written, when the database needs the
    console first (an upgrade due, a read-only folder, no device key or another
    laptop's, restored and not caught up): the caller then logs through
    ``incidents.log``."""
    store = DirectStore.open(data_dir)
    if store is None:
        return None
    try:
        meta = store.meta()
        own = identity.load(data_dir)
        if own is None or own.device_id != meta.get("device.id"):
            return None
        if restored.KEY in meta:
            return None  # restored, its own entries not yet back: the console refuses
        # Refused in the order the console refuses: its file, its key, then the entry.
        text = incident_writes.entry_text(text, kind)
        author = operator or default_operator(meta).name
        clock = HybridClock(store.last_stamp(), wall_clock_ms)
        with store.transaction(device_id=own.device_id, author=author, clock=clock) as tx:
            now = dt.datetime.fromtimestamp(wall_clock_ms() / 1000, tz=dt.UTC)
            record = incident_writes.write_entry(
                tx, incident_id, text, kind=kind, at=iso(now), corrects=corrects
            )
        return record.event_id
    finally:
        store.close()
