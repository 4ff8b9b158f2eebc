"""What this laptop sends: its log and held events beyond a version vector, signed.

Rows keep their stored (canonical) payload text, so a bundle line or hub row
is built without parsing and re-serialising every payload. Events written
before signing existed are signed here on the way out (Ed25519 signatures
are deterministic, so every copy carries the same signature).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.store.models import Event
from hisconsole.store.sync_models import HELD_PENDING, HeldEvent
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

    ``have`` is this laptop's vector: devices where it is not ahead are skipped
    without a query. Pending events (after a gap) are never sent.
    """
    for origin in sorted(have):
        after = since.get(origin, 0)
        if have[origin] <= after:
            continue
        for model in (Event, HeldEvent):
            query = select(*(getattr(model, c) for c in _COLUMNS)).where(
                model.origin_id == origin, model.origin_seq > after
            )
            if model is HeldEvent:
                query = query.where(HeldEvent.status != HELD_PENDING)
            rows = session.execute(
                query.order_by(model.origin_seq).execution_options(yield_per=5000)
            )
            for row in rows:
                signature = row.signature
                if signature is None:
                    if row.origin_id != own_id:
                        continue  # unsigned and not ours: cannot be vouched for
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
                yield OutRow(
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
