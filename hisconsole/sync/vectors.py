"""Version vectors: for each device, the highest event number held with no gap before it.

A laptop's vector counts the events in its log and those it holds back on
purpose (quarantined or rejected), but not pending ones (received after a gap):
so "what does the other side lack" is always a simple range per device, and
the cost of working it out grows with the number of devices, not of events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from hisconsole.errors import N_, KnownError
from hisconsole.store.files import read_reason
from hisconsole.store.models import Event
from hisconsole.store.sync_models import HELD_PENDING, HeldEvent, SyncDevice
from hisconsole.sync.canonical import DEVICE_ID_RE

Vector = dict[str, int]
VECTOR_FORMAT = "hisconsole-version-vector"
MAX_SEQ = 2**53


class VectorError(KnownError, ValueError):
    """A version vector that cannot be read."""

    code = "sync.vector-unreadable"


#: The distinct devices in the log, by hopping along the primary-key index (one
#: look-up per device, not a scan of every event).
_LOG_ORIGINS = text(
    "WITH RECURSIVE o(id) AS ("
    " SELECT (SELECT min(origin_id) FROM events)"
    " UNION ALL"
    " SELECT (SELECT min(origin_id) FROM events WHERE origin_id > o.id) FROM o"
    " WHERE o.id IS NOT NULL)"
    " SELECT id FROM o WHERE id IS NOT NULL"
)


def known_origins(session: Session, own_id: str) -> list[str]:
    """Every device this laptop holds events of (or knows), itself included."""
    ids = set(session.scalars(select(SyncDevice.device_id)))
    ids.update(session.scalars(_LOG_ORIGINS))
    ids.update(session.scalars(select(HeldEvent.origin_id).distinct()))
    ids.add(own_id)
    return sorted(ids)


def local_vector(session: Session, own_id: str) -> Vector:
    """This laptop's version vector (one indexed look-up per device)."""
    vector: Vector = {}
    for origin in known_origins(session, own_id):
        in_log = session.scalar(select(func.max(Event.origin_seq)).where(Event.origin_id == origin))
        held = session.scalar(
            select(func.max(HeldEvent.origin_seq)).where(
                HeldEvent.origin_id == origin, HeldEvent.status != HELD_PENDING
            )
        )
        top = max(in_log or 0, held or 0)
        if top:
            vector[origin] = top
    return vector


def validate(value: Any, where: str = "version vector") -> Vector:
    if not isinstance(value, Mapping):
        raise VectorError(N_("{where} is not a mapping of device ids to numbers"), where=where)
    result: Vector = {}
    for origin, seq in value.items():
        if not isinstance(origin, str) or not DEVICE_ID_RE.match(origin):
            raise VectorError(
                N_("{where}: {origin!r} is not a device id"), where=where, origin=origin
            )
        if not isinstance(seq, int) or isinstance(seq, bool) or not 0 <= seq < MAX_SEQ:
            raise VectorError(N_("{where}: {seq!r} is not an event number"), where=where, seq=seq)
        if seq:
            result[origin] = seq
    return result


def merge(*vectors: Mapping[str, int]) -> Vector:
    result: Vector = {}
    for vector in vectors:
        for origin, seq in vector.items():
            result[origin] = max(result.get(origin, 0), seq)
    return result


def covers(a: Mapping[str, int], b: Mapping[str, int]) -> bool:
    """True if ``a`` holds everything ``b`` holds."""
    return all(a.get(origin, 0) >= seq for origin, seq in b.items())


def missing(have: Mapping[str, int], other: Mapping[str, int]) -> dict[str, tuple[int, int]]:
    """Per device, the range (after, up to] that ``other`` holds and ``have`` lacks."""
    return {
        origin: (have.get(origin, 0), seq)
        for origin, seq in other.items()
        if seq > have.get(origin, 0)
    }


def total(vector: Mapping[str, int]) -> int:
    return sum(vector.values())


def dumps(vector: Mapping[str, int], device_id: str) -> str:
    doc = {"format": VECTOR_FORMAT, "device": device_id, "vector": dict(sorted(vector.items()))}
    return json.dumps(doc, indent=2) + "\n"


def loads(text: str, where: str) -> Vector:
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise VectorError(
            N_("{where} is not a version vector file (not JSON)"), where=where
        ) from exc
    if not isinstance(doc, Mapping) or doc.get("format") != VECTOR_FORMAT:
        raise VectorError(N_("{where} is not a version vector file"), where=where)
    return validate(doc.get("vector"), where)


def read_file(path: Path) -> Vector:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VectorError(
            N_("Cannot read {path}: {reason}."), path=path, reason=read_reason(exc)
        ) from exc
    return loads(text, str(path))


def origins(vectors: Iterable[Mapping[str, int]]) -> set[str]:
    result: set[str] = set()
    for vector in vectors:
        result.update(vector)
    return result
