"""What this laptop sends: its log and held events beyond a version vector, signed.

Rows keep their stored (canonical) payload text, so a bundle line or hub row
is built without parsing and re-serialising every payload. Events written
before signing existed are signed here on the way out (Ed25519 signatures
are deterministic, so every copy carries the same signature).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.store.events import COLUMNS, StoredEvent
from hisconsole.store.models import Event
from hisconsole.store.sync_models import HELD_PENDING, EventOrder, HeldEvent
from hisconsole.sync.canonical import event_bytes_from_text

Sign = Callable[[bytes], bytes]


def outgoing(
    session: Session,
    *,
    have: Mapping[str, int],
    since: Mapping[str, int],
    own_id: str,
    sign_own: Sign,
) -> Iterator[StoredEvent]:
    """Every event held here (log, quarantined, rejected) numbered above ``since``.

    Log events come in the order this laptop applied them (event_order), which
    respects cause and effect; held ones follow. ``have`` is this laptop's vector:
    devices where it is not ahead are skipped without a query. Pending events
    (after a gap) are never sent.
    """
    streams = []
    held_origins = []
    for origin in sorted(have):
        after = since.get(origin, 0)
        if have[origin] <= after:
            continue
        held_origins.append((origin, after))
        query = (
            select(EventOrder.pos, *(getattr(Event, c) for c in COLUMNS))
            .join(
                EventOrder,
                (EventOrder.origin_id == Event.origin_id)
                & (EventOrder.origin_seq == Event.origin_seq),
            )
            .where(Event.origin_id == origin, Event.origin_seq > after)
            .order_by(EventOrder.pos)
            .execution_options(yield_per=5000)
        )
        streams.append(session.execute(query))
    for row in heapq.merge(*streams, key=lambda r: int(r.pos)):
        signed = _signed(row, own_id, sign_own)
        if signed is not None:
            yield signed
    for origin, after in held_origins:
        query = (
            select(*(getattr(HeldEvent, c) for c in COLUMNS))
            .where(
                HeldEvent.origin_id == origin,
                HeldEvent.origin_seq > after,
                HeldEvent.status != HELD_PENDING,
            )
            .order_by(HeldEvent.origin_seq)
        )
        for row in session.execute(query):
            signed = _signed(row, own_id, sign_own)
            if signed is not None:
                yield signed


def _signed(row: Any, own_id: str, sign_own: Sign) -> StoredEvent | None:
    signature = row.signature
    if signature is None:
        if row.origin_id != own_id:
            return None  # unsigned and not ours: cannot be vouched for
        signature = sign_own(
            event_bytes_from_text(
                origin_id=row.origin_id,
                origin_seq=row.origin_seq,
                event_id=row.event_id,
                hlc=row.hlc,
                author=row.author,
                kind=row.kind,
                entity=row.entity,
                payload_json=row.payload,
                parents_json=row.parents,
                schema_version=row.schema_version,
            )
        )
    if signature is not row.signature:
        return StoredEvent.from_row(row, signature)
    # The common case, by position (the columns end with the signature): no field by name.
    origin, seq, event_id, hlc, author, kind, entity, payload, parents, version, _sig = tuple(row)[
        -len(COLUMNS) :
    ]
    return StoredEvent(
        origin, seq, event_id, hlc, author, kind, entity, payload, parents, version, signature
    )
