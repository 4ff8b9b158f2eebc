"""What this laptop sends: its log and held events beyond a version vector, signed.

Rows keep their stored (canonical) payload text, so a bundle line or hub row
is built without parsing and re-serialising every payload. Events written
before signing existed are signed here on the way out (Ed25519 signatures
are deterministic, so every copy carries the same signature).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.store.models import Event
from hisconsole.store.sync_models import HELD_PENDING, EventOrder, HeldEvent
from hisconsole.sync.canonical import b64, event_bytes_from_text

Sign = Callable[[bytes], bytes]


@dataclass(frozen=True, slots=True)
class OutRow:
    origin_id: str
    origin_seq: int
    event_id: str
    hlc: str
    author: str
    kind: str
    entity: str
    payload: str
    parents: str
    schema_version: int
    signature: bytes

    def as_hub_row(self) -> dict[str, Any]:
        return {
            "origin_id": self.origin_id,
            "origin_seq": self.origin_seq,
            "event_id": self.event_id,
            "hlc": self.hlc,
            "author": self.author,
            "kind": self.kind,
            "entity": self.entity,
            "payload": self.payload,
            "parents": self.parents,
            "schema_version": self.schema_version,
            "signature": self.signature,
        }

    def as_line(self) -> str:
        """The event as one canonical JSON line (keys sorted, signature included)."""
        dumps = json.dumps
        return (
            f'{{"author":{dumps(self.author, ensure_ascii=False)},'
            f'"entity":{dumps(self.entity, ensure_ascii=False)},'
            f'"event_id":{dumps(self.event_id, ensure_ascii=False)},'
            f'"hlc":{dumps(self.hlc)},"kind":{dumps(self.kind, ensure_ascii=False)},'
            f'"origin_id":{dumps(self.origin_id)},"origin_seq":{self.origin_seq},'
            f'"parents":{self.parents},"payload":{self.payload},'
            f'"schema_version":{self.schema_version},"signature":"{b64(self.signature)}"}}'
        )


_COLUMNS = (
    "origin_id",
    "origin_seq",
    "event_id",
    "hlc",
    "author",
    "kind",
    "entity",
    "payload",
    "parents",
    "schema_version",
    "signature",
)


def outgoing(
    session: Session,
    *,
    have: Mapping[str, int],
    since: Mapping[str, int],
    own_id: str,
    sign_own: Sign,
) -> Iterator[OutRow]:
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
            select(EventOrder.pos, *(getattr(Event, c) for c in _COLUMNS))
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
            select(*(getattr(HeldEvent, c) for c in _COLUMNS))
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


def _signed(row: Any, own_id: str, sign_own: Sign) -> OutRow | None:
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
    return OutRow(
        row.origin_id,
        int(row.origin_seq),
        row.event_id,
        row.hlc,
        row.author,
        row.kind,
        row.entity,
        row.payload,
        row.parents,
        int(row.schema_version),
        bytes(signature),
    )
