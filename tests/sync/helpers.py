"""Reading a laptop's state in sync tests: its log, vector, projections and held events."""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from hisconsole.services.console import Console
from hisconsole.services.maintenance import check
from hisconsole.services.sync import shared as sync_shared
from hisconsole.store import projections
from hisconsole.store.models import Event
from hisconsole.store.sync_models import HeldEvent
from hisconsole.sync import bundle as bundle_format
from hisconsole.sync.canonical import MANIFEST_CONTEXT, b64, device_id_of, sign


def events(console: Console) -> dict[tuple[str, int], tuple[str, int]]:
    """(origin, seq) -> (event_id, flags) of every event in the log."""
    with console.db.read() as session:
        rows = session.execute(
            select(Event.origin_id, Event.origin_seq, Event.event_id, Event.flags)
        ).all()
    return {(o, s): (e, f) for o, s, e, f in rows}


def held(console: Console) -> dict[tuple[str, int], str]:
    with console.db.read() as session:
        rows = session.execute(
            select(HeldEvent.origin_id, HeldEvent.origin_seq, HeldEvent.status)
        ).all()
    return {(o, s): status for o, s, status in rows}


def snapshot(console: Console) -> dict[str, list[tuple[Any, ...]]]:
    with console.db.read() as session:
        return projections.snapshot(session)


def state(console: Console) -> tuple[Any, ...]:
    """Everything a refused import must leave untouched."""
    return (events(console), held(console), sync_shared.local_vector(console), snapshot(console))


_GAP = re.compile(r"^event (\w+)#(\d+) \([\w.]+\): sequence gap after #(\d+)$")


def problems(console: Console) -> list[str]:
    """``hisconsole check`` problems, less sequence gaps filled by events held back on purpose.

    maintenance.check looks at the log alone; events this laptop quarantined or
    rejected are kept in sync_held, so the log may skip their numbers while the
    device's sequence (log + held) stays gap-free.
    """
    report = check(console)
    kept = held(console)
    result = []
    for problem in report.problems:
        match = _GAP.match(problem)
        if match:
            origin, seq, after = match.group(1), int(match.group(2)), int(match.group(3))
            if all(
                kept.get((origin, n)) in ("quarantine", "rejected") for n in range(after + 1, seq)
            ):
                continue
        result.append(problem)
    return result


def repack(
    path: Path, out: Path, *, key: Ed25519PrivateKey, edit: Callable[[list[Any]], None]
) -> None:
    """Re-pack a bundle after ``edit`` changed its events, re-signing the manifest with ``key``
    (what a forger with a laptop of their own can do; the events' signatures stay as they were)."""
    manifest, raw = bundle_format.read_bundle(path)
    edit(raw)
    doc = dict(manifest.document)
    body_raw = b"".join(
        json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n"
        for e in raw
    )
    body = zlib.compress(body_raw)
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    doc["exporter"] = {"id": device_id_of(public), "name": "mallory", "public_key": b64(public)}
    doc["events"] = len(raw)
    doc["body"] = {
        "encoding": "zlib+jsonl",
        "bytes": len(body),
        "raw_bytes": len(body_raw),
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    header = {"manifest": doc, "signature": b64(sign(key, MANIFEST_CONTEXT, doc))}
    out.write_bytes(bundle_format.MAGIC + json.dumps(header).encode() + b"\n" + body)
