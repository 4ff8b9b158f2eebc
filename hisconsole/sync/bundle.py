"""Bundle files: signed events carried from laptop to laptop on a USB stick.

Layout (one file, no archive, so no paths inside to traverse)::

    HISCONSOLE-BUNDLE 1\\n
    {"manifest": {...}, "signature": "<base64>"}\\n      one line of ASCII JSON
    <body: zlib-compressed UTF-8 lines, one signed event (JSON object) per line>

The manifest names the exporting device and its public key, the time, the
bundle format, database and event schema versions, the exporter's version
vector, the vector the bundle was cut against (``since``), the number of
events, the body's length and SHA-256, the public keys of every device whose
events are inside, and the hospital's signed trust list if the exporter has
one. The exporter signs the manifest; each event carries its own device's
signature, so bundles can be relayed (A -> B -> C) without losing either.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.errors import N_
from hisconsole.store.files import FileWriteError, check_target, output_file, reason_of
from hisconsole.sync.canonical import (
    MANIFEST_CONTEXT,
    PUBLIC_KEY_BYTES,
    SIGNATURE_BYTES,
    b64,
    device_id_of,
    sign,
    unb64,
    verify_document,
)
from hisconsole.sync.errors import BundleError
from hisconsole.sync.vectors import VectorError, validate

MAGIC = b"HISCONSOLE-BUNDLE 1\n"
FORMAT = "hisconsole-bundle"
FORMAT_VERSION = 1
#: A bundle file larger than this is refused before it is read.
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
#: The uncompressed body may not exceed this (a small file must not inflate without bound).
MAX_BODY_RAW_BYTES = 256 * 1024 * 1024
#: One event line, inflated: far above any real event (a plan publication is ~100 KB),
#: far below what would hurt (the longest text a bundle can carry).
MAX_LINE_BYTES = 4 * 1024 * 1024
#: Objects and lists inside one event; real events nest 5 deep.
MAX_DEPTH = 32
MAX_HEADER_BYTES = 16 * 1024 * 1024
MAX_EVENTS = 2_000_000
COMPRESSION_LEVEL = 3
_READ_CHUNK = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Manifest:
    """The checked manifest of a bundle."""

    exporter_id: str
    exporter_name: str
    exporter_key: bytes
    created_at: str
    program: str
    schema: str
    event_schema: int
    vector: dict[str, int]
    since: dict[str, int]
    events: int
    keys: dict[str, str]
    names: dict[str, str]
    trust_list: dict[str, Any] | None
    document: dict[str, Any]


@dataclass(frozen=True)
class ExportInfo:
    path: Path
    events: int
    bytes: int


def write_bundle(
    out: Path,
    *,
    key: Ed25519PrivateKey,
    public_key: bytes,
    exporter_name: str,
    created_at: str,
    program: str,
    schema: str,
    event_schema: int,
    vector: Mapping[str, int],
    since: Mapping[str, int],
    lines: Iterable[str],
    keys: Mapping[str, str],
    names: Mapping[str, str],
    trust_list: Mapping[str, Any] | None,
) -> ExportInfo:
    """Write a bundle through the checked file writer; ``lines`` are event JSON."""
    out = check_target(out)
    try:
        with tempfile.TemporaryFile(dir=out.parent) as body:
            count, raw, size, digest = _write_body(lines, body)
            manifest: dict[str, Any] = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "exporter": {
                    "id": device_id_of(public_key),
                    "name": exporter_name,
                    "public_key": b64(public_key),
                },
                "created_at": created_at,
                "program": program,
                "schema": schema,
                "event_schema": event_schema,
                "vector": dict(sorted(vector.items())),
                "since": dict(sorted(since.items())),
                "events": count,
                "body": {
                    "encoding": "zlib+jsonl",
                    "bytes": size,
                    "raw_bytes": raw,
                    "sha256": digest,
                },
                "keys": dict(sorted(keys.items())),
                "names": dict(sorted(names.items())),
                "trust_list": dict(trust_list) if trust_list is not None else None,
            }
            header = {"manifest": manifest, "signature": b64(sign(key, MANIFEST_CONTEXT, manifest))}
            header_bytes = json.dumps(header, ensure_ascii=True, sort_keys=True).encode("ascii")
            if len(MAGIC) + len(header_bytes) + 1 + size > MAX_BUNDLE_BYTES:
                raise BundleError(
                    N_(
                        "The bundle would be larger than {limit} MB; export only what the other "
                        "laptop lacks (--since-vector). Nothing was written."
                    ),
                    limit=MAX_BUNDLE_BYTES // 2**20,
                )
            with output_file(out, mode=0o600) as handle:
                handle.write(MAGIC)
                handle.write(header_bytes + b"\n")
                body.seek(0)
                while chunk := body.read(_READ_CHUNK):
                    handle.write(chunk)
    except OSError as exc:  # the body's scratch file
        raise FileWriteError(out, reason_of(exc)) from exc
    return ExportInfo(out, count, out.stat().st_size)


def _write_body(lines: Iterable[str], body: IO[bytes]) -> tuple[int, int, int, str]:
    compressor = zlib.compressobj(COMPRESSION_LEVEL)
    digest = hashlib.sha256()
    count = raw = size = 0
    pending: list[bytes] = []
    pending_size = 0

    def flush_out(data: bytes) -> None:
        nonlocal size
        if data:
            body.write(data)
            digest.update(data)
            size += len(data)

    for line in lines:
        encoded = line.encode("utf-8") + b"\n"
        pending.append(encoded)
        pending_size += len(encoded)
        count += 1
        raw += len(encoded)
        if pending_size >= _READ_CHUNK:
            flush_out(compressor.compress(b"".join(pending)))
            pending, pending_size = [], 0
        if count > MAX_EVENTS:
            raise BundleError(
                N_(
                    "More than {max_events} events for one bundle; export only what the "
                    "other laptop lacks (--since-vector). Nothing was written."
                ),
                max_events=MAX_EVENTS,
            )
    flush_out(compressor.compress(b"".join(pending)))
    flush_out(compressor.flush())
    return count, raw, size, digest.hexdigest()


# --- reading --------------------------------------------------------------------------


def read_bundle(
    path: Path, *, admit: Callable[[Manifest], None] | None = None
) -> tuple[Manifest, list[Any]]:
    """Read and check a bundle file: manifest signature, body length and checksum.

    ``admit`` sees the checked manifest before any of the body is read and raises
    BundleError to refuse it (an exporter this laptop does not trust). The body is then
    read in bounded pieces: checksum first, then inflated and parsed line by line, within
    MAX_BODY_RAW_BYTES, MAX_LINE_BYTES and MAX_DEPTH. Returns the manifest and the events
    as parsed JSON (not yet checked one by one). Raises BundleError with a message for the
    user on anything wrong.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise BundleError(N_("{path} does not exist."), path=path) from exc
    except OSError as exc:
        raise BundleError(
            N_("Cannot read {path}: {strerror}."), path=path, strerror=exc.strerror
        ) from exc
    if not path.is_file():
        raise BundleError(N_("{path} is not a file."), path=path)
    if size > MAX_BUNDLE_BYTES:
        raise BundleError(
            N_(
                "{name} is {size} MB; a bundle is at most {limit} MB, so this is not "
                "one (or not a sane one)."
            ),
            name=path.name,
            size=size // 2**20,
            limit=MAX_BUNDLE_BYTES // 2**20,
        )
    try:
        with path.open("rb") as handle:
            return _read(handle, path.name, admit)
    except OSError as exc:
        raise BundleError(
            N_("Cannot read {path}: {strerror}."), path=path, strerror=exc.strerror
        ) from exc


def _read(
    handle: IO[bytes], name: str, admit: Callable[[Manifest], None] | None
) -> tuple[Manifest, list[Any]]:
    if handle.read(len(MAGIC)) != MAGIC:
        raise BundleError(N_("{name} is not a HIS Console bundle."), name=name)
    header_line = handle.readline(MAX_HEADER_BYTES)
    if not header_line.endswith(b"\n"):
        raise BundleError(
            N_("{name} is incomplete or damaged: its manifest is cut off."), name=name
        )
    try:
        header = json.loads(header_line)
    except (ValueError, RecursionError) as exc:
        raise BundleError(
            N_("{name} is damaged: its manifest is not readable."), name=name
        ) from exc
    manifest = _check_manifest(header, name)
    if admit is not None:
        admit(manifest)
    spec = manifest.document["body"]
    start = handle.tell()
    _check_body_digest(handle, spec["bytes"], spec["sha256"], name)
    handle.seek(start)
    events = _parse_body(handle, spec["bytes"], spec["raw_bytes"], manifest.events, name)
    if len(events) != manifest.events:
        raise BundleError(
            N_(
                "{name} is damaged: the manifest announces {events} events, the file holds {count}."
            ),
            name=name,
            events=manifest.events,
            count=len(events),
        )
    return manifest, events


def _check_body_digest(handle: IO[bytes], size: int, sha256: str, name: str) -> None:
    digest = hashlib.sha256()
    remaining = size
    while remaining:
        chunk = handle.read(min(_READ_CHUNK, remaining))
        if not chunk:
            raise BundleError(
                N_(
                    "{name} is incomplete: it ends after {read} of {size} bytes of events. "
                    "Copy it again from the other laptop."
                ),
                name=name,
                read=size - remaining,
                size=size,
            )
        digest.update(chunk)
        remaining -= len(chunk)
    if handle.read(1):
        raise BundleError(N_("{name} is damaged: it has data after its end."), name=name)
    if digest.hexdigest() != sha256:
        raise BundleError(
            N_("{name} is damaged or was altered: its events do not match the signed checksum."),
            name=name,
        )


def _parse_body(
    handle: IO[bytes], size: int, raw_bytes: int, announced: int, name: str
) -> list[Any]:
    """Inflate and parse the body piece by piece; never holds more than one line of it."""
    inflater = zlib.decompressobj()
    events: list[Any] = []
    line = bytearray()
    inflated = 0
    number = 0

    def too_long() -> BundleError:
        return BundleError(
            N_("{name} is refused: event line {line} is longer than {limit} MB."),
            name=name,
            line=number + 1,
            limit=MAX_LINE_BYTES // 2**20,
        )

    def take(piece: bytes) -> None:
        nonlocal number
        # Split once (slicing off one line at a time copied the rest of the piece each
        # time: quadratic in the piece). Every part but the last ended with a newline.
        *complete, rest = piece.split(b"\n")
        for part in complete:
            if len(line) + len(part) + 1 > MAX_LINE_BYTES:
                raise too_long()
            if line:
                line.extend(part)
                part = bytes(line)
                line.clear()
            if part.strip():
                number += 1
                if number > announced:
                    raise BundleError(
                        N_(
                            "{name} is damaged: the manifest announces {announced} "
                            "events, the file holds more."
                        ),
                        name=name,
                        announced=announced,
                    )
                events.append(_parse_line(part, number, name))
        if len(line) + len(rest) > MAX_LINE_BYTES:
            raise too_long()
        line.extend(rest)

    remaining = size
    try:
        while remaining:
            data = handle.read(min(_READ_CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
            while data:
                # max_length: one compressed chunk may not inflate to more than a chunk.
                out = inflater.decompress(data, _READ_CHUNK)
                inflated += len(out)
                if inflated > raw_bytes:
                    raise BundleError(
                        N_("{name} is damaged: its events inflate beyond the announced size."),
                        name=name,
                    )
                take(out)
                data = inflater.unconsumed_tail
    except zlib.error as exc:
        raise BundleError(
            N_("{name} is damaged: its events cannot be decompressed."), name=name
        ) from exc
    if inflated != raw_bytes or not inflater.eof:
        raise BundleError(
            N_("{name} is damaged: its events do not have the announced size."), name=name
        )
    if line.strip():
        raise BundleError(N_("{name} is damaged: its last event line is cut off."), name=name)
    return events


def _parse_line(line: bytes, number: int, name: str) -> Any:
    try:
        value = json.loads(line)
    except RecursionError as exc:
        raise BundleError(
            N_("{name} is refused: event line {number} is nested too deeply."),
            name=name,
            number=number,
        ) from exc
    except ValueError as exc:
        raise BundleError(
            N_("{name} is damaged: event line {number} is not readable."), name=name, number=number
        ) from exc
    # Nesting never exceeds the brackets opened (counted in C): most lines skip the walk.
    if line.count(b"[") + line.count(b"{") > MAX_DEPTH and _depth(value) > MAX_DEPTH:
        raise BundleError(
            N_("{name} is refused: event line {number} is nested too deeply."),
            name=name,
            number=number,
        )
    return value


def _depth(value: Any) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            items: Iterable[Any] = item.values()
        elif isinstance(item, list):
            items = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in items)
    return deepest


def _check_manifest(header: Any, name: str) -> Manifest:
    if not isinstance(header, dict) or not isinstance(header.get("manifest"), dict):
        raise BundleError(N_("{name} is damaged: it has no manifest."), name=name)
    doc: dict[str, Any] = header["manifest"]
    if doc.get("format") != FORMAT:
        raise BundleError(N_("{name} is not a HIS Console bundle."), name=name)
    version = doc.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BundleError(
            N_(
                "{name} was written by a newer HIS Console (bundle format {version}); "
                "update this laptop first."
            ),
            name=name,
            version=version,
        )
    try:
        exporter = doc["exporter"]
        exporter_key = unb64(exporter["public_key"], size=PUBLIC_KEY_BYTES)
        signature = unb64(header.get("signature"), size=SIGNATURE_BYTES)
        body = doc["body"]
        if body.get("encoding") != "zlib+jsonl":
            raise BundleError(N_("{name} uses an unknown body encoding."), name=name)
        for field in ("bytes", "raw_bytes"):
            if not isinstance(body[field], int) or body[field] < 0:
                raise ValueError(field)
        if body["raw_bytes"] > MAX_BODY_RAW_BYTES:
            raise BundleError(
                N_(
                    "{name} is refused: its events would inflate to {size} MB, more than "
                    "the {limit} MB a bundle may hold. Export only what this laptop lacks "
                    "(--since-vector)."
                ),
                name=name,
                size=body["raw_bytes"] // 2**20,
                limit=MAX_BODY_RAW_BYTES // 2**20,
            )
        # 64 hex digits: it also names the copy of a bundle held unread (no path tricks).
        if not isinstance(body["sha256"], str) or not _SHA256.fullmatch(body["sha256"]):
            raise ValueError("sha256")
        events = doc["events"]
        if not isinstance(events, int) or not 0 <= events <= MAX_EVENTS:
            raise ValueError("events")
        keys = doc["keys"]
        names = doc.get("names") or {}
        if not isinstance(keys, dict) or not isinstance(names, dict):
            raise ValueError("keys")
        vector = validate(doc["vector"], f"{name}: vector")
        since = validate(doc.get("since") or {}, f"{name}: since")
        trust_list = doc.get("trust_list")
        if trust_list is not None and not isinstance(trust_list, dict):
            raise ValueError("trust_list")
    except BundleError:
        raise
    except (KeyError, TypeError, ValueError, VectorError) as exc:
        raise BundleError(
            N_("{name} is damaged: its manifest is incomplete ({exc})."), name=name, exc=exc
        ) from exc
    if device_id_of(exporter_key) != exporter.get("id"):
        raise BundleError(
            N_(
                "{name} is forged or damaged: its manifest's key does not belong to the "
                "device {named!r} it names."
            ),
            name=name,
            named=exporter.get("id"),
        )
    if not verify_document(exporter_key, signature, MANIFEST_CONTEXT, doc):
        raise BundleError(
            N_(
                "{name} is damaged or was altered: the manifest's signature does not "
                "match (wrong key or changed content)."
            ),
            name=name,
        )
    return Manifest(
        exporter_id=str(exporter["id"]),
        exporter_name=str(exporter.get("name", "")),
        exporter_key=exporter_key,
        created_at=str(doc.get("created_at", "")),
        program=str(doc.get("program", "")),
        schema=str(doc.get("schema", "")),
        event_schema=int(doc.get("event_schema", 1)),
        vector=vector,
        since=since,
        events=events,
        keys={str(k): v for k, v in keys.items()},
        names={str(k): str(v) for k, v in names.items()},
        trust_list=trust_list,
        document=doc,
    )


def read_manifest(path: Path) -> Manifest:
    """Only the (checked) manifest of a bundle, e.g. to export what its writer lacks."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                raise BundleError(N_("{name} is not a HIS Console bundle."), name=path.name)
            line = handle.readline(MAX_HEADER_BYTES)
    except OSError as exc:
        raise BundleError(
            N_("Cannot read {path}: {strerror}."), path=path, strerror=exc.strerror
        ) from exc
    try:
        header = json.loads(line)
    except ValueError as exc:
        raise BundleError(
            N_("{name} is damaged: its manifest is not readable."), name=path.name
        ) from exc
    return _check_manifest(header, path.name)
