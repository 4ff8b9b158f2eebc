"""Alert acknowledgements (alerts themselves are computed from the state, not stored)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from hisconsole.store.events import EventRecord
from hisconsole.store.folding import handles, hlc_time, keep, lww
from hisconsole.store.models import AlertAck


@handles("alert.acknowledged")
def _alert_acknowledged(session: Session, record: EventRecord) -> None:
    p = record.payload
    # The first acknowledgement (on any laptop) is the one kept.
    keep(
        session,
        AlertAck,
        {"key": p["key"]},
        "order_key",
        lww(record),
        first_wins=True,
        author=record.author,
        at=p.get("at") or hlc_time(record.hlc),
        event_id=record.event_id,
    )
