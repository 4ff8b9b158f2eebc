"""The canonical byte form of an event, and Ed25519 signatures over it.

An event is signed over every field except its signature and this laptop's
local flags: ``origin_id, origin_seq, event_id, hlc, author, kind, entity,
payload, parents, schema_version`` as canonical JSON (sorted keys, no spaces,
UTF-8), after a fixed domain-separation prefix so a signature over an event
can never be replayed as a signature over a manifest or a trust list.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from json.encoder import encode_basestring as _quoted  # canonical_json's string quoting
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.store.events import EventRecord, canonical_json

EVENT_CONTEXT = b"hisconsole event v1\n"
MANIFEST_CONTEXT = b"hisconsole bundle manifest v1\n"
TRUST_CONTEXT = b"hisconsole trust list v1\n"

#: Device ids: base32 (lower case) of the first 10 bytes of SHA-256 of the public key.
DEVICE_ID_RE = re.compile(r"^[a-z2-7]{16}$")
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


def device_id_of(public_key: bytes) -> str:
    """The device id (fingerprint) of a raw 32-byte Ed25519 public key."""
    digest = hashlib.sha256(public_key).digest()
    return base64.b32encode(digest[:10]).decode("ascii").lower()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, *, size: int | None = None) -> bytes:
    """Strict base64 decoding; raises ValueError on anything else (or the wrong size)."""
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("not base64 text") from exc
    if size is not None and len(data) != size:
        raise ValueError(f"expected {size} bytes, got {len(data)}")
    return data


def event_bytes(record: EventRecord) -> bytes:
    """The exact bytes an event's signature covers."""
    if record.payload_json is None:
        return EVENT_CONTEXT + canonical_json(record.signed_fields()).encode("utf-8")
    # The intake encoded the payload once already (it is stored in that form too).
    return event_bytes_from_text(
        origin_id=record.origin_id,
        origin_seq=record.origin_seq,
        event_id=record.event_id,
        hlc=record.hlc,
        author=record.author,
        kind=record.kind,
        entity=record.entity,
        payload_json=record.payload_json,
        parents_json=record.parents_text(),
        schema_version=record.schema_version,
    )


def event_bytes_from_text(
    *,
    origin_id: str,
    origin_seq: int,
    event_id: str,
    hlc: str,
    author: str,
    kind: str,
    entity: str,
    payload_json: str,
    parents_json: str,
    schema_version: int,
) -> bytes:
    """Same bytes as :func:`event_bytes`, built from already-canonical payload/parents text.

    Stored payloads are canonical JSON already, so exports and ``check`` need not parse
    and re-serialise them; the result is byte-identical for canonical input.
    """
    # Keys in sorted order: author, entity, event_id, hlc, kind, origin_id, origin_seq,
    # parents, payload, schema_version.
    if _plain(origin_seq, schema_version, author, entity, event_id, hlc, kind, origin_id):
        # Once per event of a whole log (check): the fields quoted as the canonical
        # encoder quotes strings, without building a dict and an encoder pass for them.
        text = (
            f'{{"author":{_quoted(author)},"entity":{_quoted(entity)},'
            f'"event_id":{_quoted(event_id)},"hlc":{_quoted(hlc)},"kind":{_quoted(kind)},'
            f'"origin_id":{_quoted(origin_id)},"origin_seq":{origin_seq},'
            f'"parents":{parents_json},"payload":{payload_json},'
            f'"schema_version":{schema_version}}}'
        )
        return EVENT_CONTEXT + text.encode("utf-8")
    head = canonical_json(
        {
            "author": author,
            "entity": entity,
            "event_id": event_id,
            "hlc": hlc,
            "kind": kind,
            "origin_id": origin_id,
            "origin_seq": origin_seq,
        }
    )
    tail = canonical_json({"schema_version": schema_version})
    text = f'{head[:-1]},"parents":{parents_json},"payload":{payload_json},{tail[1:]}'
    return EVENT_CONTEXT + text.encode("utf-8")


def _plain(seq: Any, version: Any, *texts: Any) -> bool:
    """Fields of the types the log stores (exact int and str), which the quick form
    writes exactly as canonical_json does."""
    return type(seq) is int and type(version) is int and all(type(t) is str for t in texts)


def sign(private_key: Ed25519PrivateKey, context: bytes, document: Any) -> bytes:
    """Signature over a JSON document (manifest or trust list) under ``context``."""
    return private_key.sign(context + canonical_json(document).encode("utf-8"))


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """Whether ``signature`` is the Ed25519 signature of ``message`` by ``public_key`` (raw
    32 bytes).

    Checked by libsodium (PyNaCl) rather than cryptography's OpenSSL: half the CPU per
    signature (41 against 86 µs measured here), and a check of the whole log or a large
    import is mostly this; the GIL is released meanwhile, so threads use both cores.
    Imported here: a command that only signs (``incident log``) need not load it.
    """
    from nacl.bindings import crypto_sign_open
    from nacl.exceptions import BadSignatureError

    if len(public_key) != PUBLIC_KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        crypto_sign_open(bytes(signature) + message, bytes(public_key))
    except BadSignatureError:
        return False
    return True


def verify_document(public_key: bytes, signature: bytes, context: bytes, document: Any) -> bool:
    return verify(public_key, signature, context + canonical_json(document).encode("utf-8"))


class EventSigner:
    """Signs this laptop's events as they are written (see :mod:`hisconsole.store.eventlog`)."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key

    def __call__(self, record: EventRecord) -> bytes:
        return self._key.sign(event_bytes(record))
