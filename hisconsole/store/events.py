"""The event codec: an event's fields, the record the program works with, its stored row,
the fields its signature covers and the canonical JSON they are written in.

The log, the held events, the intake, the hub and what is sent all go through here, so
an event's eleven fields are named in one place.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

#: Version of the event payload schema written by this program (payloads only gain fields).
EVENT_SCHEMA_VERSION = 1

#: An event's columns, as the log, the held events and the hub store them.
COLUMNS: tuple[str, ...] = (
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
#: Local flags of a stored event (``events.flags``, a bit set; not part of the event):
#: its clock stamp was far ahead of this laptop's clock when it arrived.
EVENT_FLAG_FROM_FUTURE = 1
#: What an event's signature covers: every column but the signature itself (a laptop's
#: local flags are not part of the event).
SIGNED_FIELDS: tuple[str, ...] = COLUMNS[:-1]


#: json.dumps with these options builds a new encoder on every call; one kept encoder
#: gives the same text (it holds no state between calls) for less, once per event stored.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical_json(value: Any) -> str:
    """The one text form of a payload (and of anything signed): sorted keys, no spaces,
    non-ASCII kept."""
    return _CANONICAL.encode(value)


@dataclass(frozen=True)
class EventRecord:
    """An event as the rest of the program sees it."""

    origin_id: str
    origin_seq: int
    event_id: str
    hlc: str
    author: str
    kind: str
    entity: str
    payload: dict[str, Any]
    parents: tuple[str, ...] = ()
    schema_version: int = EVENT_SCHEMA_VERSION
    signature: bytes | None = field(default=None, repr=False)
    #: ``canonical_json(payload)`` when the intake has written it already (it is both
    #: stored and part of the signed bytes: one encoding serves both). Only
    #: :func:`~hisconsole.sync.intake.parse_event` sets it, from the payload it holds.
    payload_json: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_row(cls, row: Any) -> EventRecord:
        """From a stored row (the log's or a held event's): payload and parents are
        canonical JSON text there."""
        return cls(
            origin_id=row.origin_id,
            origin_seq=row.origin_seq,
            event_id=row.event_id,
            hlc=row.hlc,
            author=row.author,
            kind=row.kind,
            entity=row.entity,
            payload=json.loads(row.payload),
            parents=tuple(json.loads(row.parents)),
            schema_version=row.schema_version,
            signature=row.signature,
        )

    def to_row(self) -> dict[str, Any]:
        """The column values to store (see :data:`COLUMNS`)."""
        return dict(zip(COLUMNS, self.values(), strict=True))

    def values(self) -> tuple[Any, ...]:
        """The column values to store, in :data:`COLUMNS` order (a bulk insert's row)."""
        return (
            self.origin_id,
            self.origin_seq,
            self.event_id,
            self.hlc,
            self.author,
            self.kind,
            self.entity,
            self.payload_text(),
            self.parents_text(),
            self.schema_version,
            self.signature,
        )

    def payload_text(self) -> str:
        """The payload as canonical JSON (as stored and signed)."""
        text = self.payload_json
        return canonical_json(self.payload) if text is None else text

    def parents_text(self) -> str:
        """The parents as canonical JSON (as stored and signed)."""
        return canonical_json(list(self.parents)) if self.parents else "[]"

    def signed_fields(self) -> dict[str, Any]:
        """The fields the signature covers (see :data:`SIGNED_FIELDS`), as JSON values."""
        return {
            "origin_id": self.origin_id,
            "origin_seq": self.origin_seq,
            "event_id": self.event_id,
            "hlc": self.hlc,
            "author": self.author,
            "kind": self.kind,
            "entity": self.entity,
            "payload": self.payload,
            "parents": list(self.parents),
            "schema_version": self.schema_version,
        }


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A signed event in its stored form: payload and parents kept as the canonical JSON
    text they are stored in, so it is sent on without parsing and writing them again."""

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

    @classmethod
    def from_row(cls, row: Any, signature: bytes) -> StoredEvent:
        """From a stored row (see :data:`COLUMNS`) with its signature."""
        return cls(
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

    def to_row(self) -> dict[str, Any]:
        """The column values to store (see :data:`COLUMNS`)."""
        return {name: getattr(self, name) for name in COLUMNS}

    def as_line(self) -> str:
        """The event as one canonical JSON line (keys sorted, signature in base64)."""
        dumps = json.dumps
        signature = base64.b64encode(self.signature).decode("ascii")
        return (
            f'{{"author":{dumps(self.author, ensure_ascii=False)},'
            f'"entity":{dumps(self.entity, ensure_ascii=False)},'
            f'"event_id":{dumps(self.event_id, ensure_ascii=False)},'
            f'"hlc":{dumps(self.hlc)},"kind":{dumps(self.kind, ensure_ascii=False)},'
            f'"origin_id":{dumps(self.origin_id)},"origin_seq":{self.origin_seq},'
            f'"parents":{self.parents},"payload":{self.payload},'
            f'"schema_version":{self.schema_version},"signature":"{signature}"}}'
        )
