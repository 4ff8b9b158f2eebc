"""What this laptop sends: its log and held events beyond a version vector, signed.

Rows keep their stored (canonical) payload text, so a bundle line or hub row
is built without parsing and re-serialising every payload. Events written
before signing existed are signed here on the way out (Ed25519 signatures
are deterministic, so every copy carries the same signature).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.store.events import COLUMNS, StoredEvent
from hisconsole.store.sync_models import HELD_PENDING, HeldEvent
from hisconsole.sync.canonical import event_bytes_from_text

Sign = Callable[[bytes], bytes]


#: The log's events of one device above a number, in the order this laptop applied them.
_LOG_SINCE = (
    "SELECT o.pos, "
    + ", ".join(f"e.{name}" for name in COLUMNS)
    + " FROM event_order AS o JOIN events AS e"
    " ON e.origin_id = o.origin_id AND e.origin_seq = o.origin_seq"
    " WHERE o.origin_id = ? AND o.origin_seq > ? ORDER BY o.pos"
)


#: An event's column values in :data:`COLUMNS` order, signed.
Row = tuple[str, int, str, str, str, str, str, str, str, int, bytes]


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
    for row in outgoing_rows(session, have=have, since=since, own_id=own_id, sign_own=sign_own):
        yield StoredEvent(*row)


def outgoing_rows(
    session: Session,
    *,
    have: Mapping[str, int],
    since: Mapping[str, int],
    own_id: str,
    sign_own: Sign,
) -> Iterator[Row]:
    """What :func:`outgoing` gives, as plain column tuples (what a hub push COPYs: no
    object per event on the way)."""
    # The DB-API cursor of the session's connection, plain tuples: a push or an export
    # reads every event once, and SQLAlchemy's rows cost more than the reading.
    raw: Any = session.connection().connection.dbapi_connection
    streams = []
    held_origins = []
    for origin in sorted(have):
        after = since.get(origin, 0)
        if have[origin] <= after:
            continue
        held_origins.append((origin, after))
        streams.append(raw.execute(_LOG_SINCE, (origin, after)))
    merged = streams[0] if len(streams) == 1 else heapq.merge(*streams, key=itemgetter(0))
    for row in merged:
        if row[-1] is not None:
            # Signed already: the stored values are the ones sent (sqlite3 gives int,
            # str and bytes), without the leading event_order position.
            yield row[1:]
            continue
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


def _signed(row: Sequence[Any], own_id: str, sign_own: Sign) -> Row | None:
    """The event of ``row`` (its last columns are :data:`COLUMNS`), signed here if it is
    this laptop's and predates signing; None if it is unsigned and another's."""
    origin, seq, event_id, hlc, author, kind, entity, payload, parents, version, signature = tuple(
        row
    )[-len(COLUMNS) :]
    if signature is None:
        if origin != own_id:
            return None  # unsigned and not ours: cannot be vouched for
        signature = sign_own(
            event_bytes_from_text(
                origin_id=origin,
                origin_seq=seq,
                event_id=event_id,
                hlc=hlc,
                author=author,
                kind=kind,
                entity=entity,
                payload_json=payload,
                parents_json=parents,
                schema_version=version,
            )
        )
    return (
        origin,
        int(seq),
        event_id,
        hlc,
        author,
        kind,
        entity,
        payload,
        parents,
        int(version),
        bytes(signature),
    )
