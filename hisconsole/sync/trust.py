"""The hospital's trust list: which devices may write which events, signed by the IT key.

The IT department keeps an Ed25519 key off the consoles. It signs a list of the
consoles' device public keys, their names and roles (``operator``: incidents,
logs, forms; ``plan-editor``: plan, contacts and call trees) and optional expiry
or revocation dates. Each console pins the IT public key once; after that it
accepts only lists signed by that key, and only newer ones (a higher serial),
so an old list cannot be replayed to un-revoke a device.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from hisconsole.errors import N_
from hisconsole.store.files import check_target, read_reason, write_atomically
from hisconsole.sync import reasons
from hisconsole.sync.canonical import (
    DEVICE_ID_RE,
    PUBLIC_KEY_BYTES,
    SIGNATURE_BYTES,
    TRUST_CONTEXT,
    b64,
    device_id_of,
    sign,
    unb64,
    verify_document,
)
from hisconsole.sync.errors import SyncError
from hisconsole.sync.reasons import Reason

LIST_FORMAT = "hisconsole-trust-list"
SIGNED_FORMAT = "hisconsole-signed-trust-list"
FORMAT_VERSION = 1

ROLE_OPERATOR = "operator"
ROLE_PLAN_EDITOR = "plan-editor"
DEVICE_ROLES = (ROLE_OPERATOR, ROLE_PLAN_EDITOR)
#: Event kinds (by prefix) that only a plan-editor device may write.
PLAN_EDITOR_KINDS = ("plan.", "contact.", "calltree.")
#: A device a commander accepted on one laptop may write operational events only.
ACCEPTED_ROLES = frozenset({ROLE_OPERATOR})
MAX_TRUST_FILE_BYTES = 4 * 1024 * 1024
PUBLIC_KEY_LABEL = "hisconsole-it-key ed25519"

# Decisions about a signed event from another device.
APPLY = "apply"
QUARANTINE = "quarantine"
REJECT = "rejected"


class TrustError(SyncError):
    """A key or trust list that cannot be used; the message says why."""

    code = "trust.refused"


def required_role(kind: str) -> str:
    return ROLE_PLAN_EDITOR if kind.startswith(PLAN_EDITOR_KINDS) else ROLE_OPERATOR


def fingerprint(public_key: bytes) -> str:
    """A fingerprint people can read aloud and compare: ``ab12-cd34-ef56-gh78``."""
    ident = device_id_of(public_key)
    return "-".join(ident[i : i + 4] for i in range(0, len(ident), 4))


@dataclass(frozen=True)
class TrustedDevice:
    device_id: str
    name: str
    public_key: bytes
    roles: frozenset[str]
    expires: dt.date | None = None
    revoked: dt.date | None = None


@dataclass(frozen=True)
class TrustedPerson:
    """Someone IT lists: the command roles they may hold and their PIN's scrypt hash."""

    name: str
    roles: frozenset[str]
    pin_hash: str


@dataclass(frozen=True)
class TrustList:
    """A verified, signed trust list."""

    hospital: str
    serial: int
    issued_at: str
    devices: dict[str, TrustedDevice]
    signer: bytes
    #: The signed document exactly as received, to hand on to other laptops.
    signed: dict[str, Any] = field(repr=False, compare=False)
    #: The people who may sign in, by name (none: roles are what operators say, unverified).
    people: dict[str, TrustedPerson] = field(default_factory=dict)


def decide(
    *,
    trust: TrustList | None,
    accepted: frozenset[str] | set[str],
    local_id: str,
    device_id: str,
    kind: str,
    today: dt.date,
) -> tuple[str, Reason | None]:
    """What to do with an event from ``device_id``: (APPLY | QUARANTINE | REJECT, why not)."""
    if device_id == local_id:
        return APPLY, None
    entry = trust.devices.get(device_id) if trust else None
    roles: frozenset[str] | None = None
    if entry is not None:
        if entry.revoked is not None and entry.revoked <= today:
            return REJECT, Reason(reasons.REVOKED, device=device_id, on=entry.revoked)
        if entry.expires is None or entry.expires >= today:
            roles = entry.roles
    if roles is None and device_id in accepted:
        roles = ACCEPTED_ROLES
    if roles is None:
        if entry is not None and entry.expires is not None:
            return QUARANTINE, Reason(reasons.EXPIRED, device=device_id, on=entry.expires)
        return QUARANTINE, Reason(reasons.NOT_LISTED, device=device_id)
    needed = required_role(kind)
    if needed not in roles:
        return REJECT, Reason(reasons.LACKS_ROLE, device=device_id, kind=kind, role=needed)
    return APPLY, None


# --- the editable (unsigned) list ----------------------------------------------------


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise TrustError(N_("{where}: {value!r} is not a date (YYYY-MM-DD)"), where=where, value=value)


def normalise_list(doc: Any, source: str = "trust list") -> dict[str, Any]:
    """Validate an editable trust list and return its canonical form; TrustError lists why not."""
    if not isinstance(doc, Mapping):
        raise TrustError(N_("{source}: not a trust list (expected a mapping)"), source=source)
    if doc.get("format", LIST_FORMAT) != LIST_FORMAT:
        raise TrustError(
            N_("{source}: format is {found!r}, expected {list_format!r}"),
            source=source,
            found=doc.get("format"),
            list_format=LIST_FORMAT,
        )
    version = doc.get("format_version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise TrustError(
            N_("{source}: format_version {version!r} is newer than this program knows"),
            source=source,
            version=version,
        )
    serial = doc.get("serial")
    if not isinstance(serial, int) or isinstance(serial, bool) or serial < 1:
        raise TrustError(N_("{source}: serial must be a whole number of 1 or more"), source=source)
    hospital = doc.get("hospital", "")
    if not isinstance(hospital, str):
        raise TrustError(N_("{source}: hospital must be text"), source=source)
    devices_in = doc.get("devices") or []
    if not isinstance(devices_in, list):
        raise TrustError(N_("{source}: devices must be a list"), source=source)
    devices: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, entry in enumerate(devices_in, start=1):
        where = f"{source}: device {index}"
        if not isinstance(entry, Mapping):
            raise TrustError(N_("{where} is not a mapping"), where=where)
        try:
            key = unb64(entry.get("public_key"), size=PUBLIC_KEY_BYTES)
        except ValueError as exc:
            raise TrustError(
                N_("{where}: public_key is not a base64 Ed25519 key ({exc})"), where=where, exc=exc
            ) from exc
        device_id = device_id_of(key)
        if entry.get("id") not in (None, device_id):
            raise TrustError(
                N_(
                    "{where}: id {given!r} does not match its public key (that is "
                    "{device_id}); copy both from 'hisconsole device show' on the laptop"
                ),
                where=where,
                given=entry.get("id"),
                device_id=device_id,
            )
        if device_id in seen:
            raise TrustError(
                N_("{where}: device {device_id} is listed twice"), where=where, device_id=device_id
            )
        seen.add(device_id)
        name = entry.get("name", "")
        if not isinstance(name, str):
            raise TrustError(N_("{where}: name must be text"), where=where)
        roles = entry.get("roles", [ROLE_OPERATOR])
        if not isinstance(roles, list) or not all(r in DEVICE_ROLES for r in roles):
            raise TrustError(
                N_("{where}: roles must be a list of {device_roles}"),
                where=where,
                device_roles=", ".join(DEVICE_ROLES),
            )
        item: dict[str, Any] = {
            "id": device_id,
            "name": name,
            "public_key": b64(key),
            "roles": sorted(set(roles)),
        }
        for date_field in ("expires", "revoked"):
            value = _date(entry.get(date_field), f"{where}: {date_field}")
            if value is not None:
                item[date_field] = value.isoformat()
        devices.append(item)
    result: dict[str, Any] = {
        "format": LIST_FORMAT,
        "format_version": FORMAT_VERSION,
        "hospital": hospital,
        "serial": serial,
        "devices": devices,
    }
    people = _people(doc.get("people"), source)
    if people:  # a list without people keeps the form older programs signed
        result["people"] = people
    issued = doc.get("issued_at")
    if issued is not None:
        result["issued_at"] = str(issued)
    return result


def _people(people_in: Any, source: str) -> list[dict[str, Any]]:
    """The people entries in canonical form: name, the command roles they may hold, PIN hash."""
    from hisconsole.domain import pins
    from hisconsole.domain.glossary import ROLES, ROSTER_ROLES

    allowed = sorted(set(ROLES) | set(ROSTER_ROLES))
    if people_in is None:
        return []
    if not isinstance(people_in, list):
        raise TrustError(N_("{source}: people must be a list"), source=source)
    people: list[dict[str, Any]] = []
    for index, entry in enumerate(people_in, start=1):
        where = f"{source}: person {index}"
        if not isinstance(entry, Mapping):
            raise TrustError(N_("{where} is not a mapping"), where=where)
        name = entry.get("name")
        if not isinstance(name, str) or not " ".join(name.split()):
            raise TrustError(N_("{where}: name must be text"), where=where)
        name = " ".join(name.split())
        if any(p["name"] == name for p in people):
            raise TrustError(N_("{where}: {name} is listed twice"), where=where, name=name)
        roles = entry.get("roles")
        if not isinstance(roles, list) or not roles or not all(r in allowed for r in roles):
            raise TrustError(
                N_("{where}: roles must be a list of {roles}"),
                where=where,
                roles=", ".join(allowed),
            )
        if not pins.well_formed(entry.get("pin")):
            raise TrustError(
                N_("{where}: pin must be a PIN hash made by 'hisconsole trust person'"),
                where=where,
            )
        people.append({"name": name, "roles": sorted(set(roles)), "pin": entry["pin"]})
    return sorted(people, key=lambda p: p["name"])


def add_person(
    doc: Mapping[str, Any], *, name: str, roles: list[str], pin_hash: str
) -> dict[str, Any]:
    """A new list (serial + 1) with the person added, or replaced if already listed."""
    name = " ".join(name.split())
    people = [p for p in doc.get("people", []) if p["name"] != name]
    people.append({"name": name, "roles": roles, "pin": pin_hash})
    updated = {**doc, "people": people, "serial": int(doc["serial"]) + 1}
    updated.pop("issued_at", None)
    return normalise_list(updated)


def remove_person(doc: Mapping[str, Any], name: str) -> dict[str, Any]:
    """A new list (serial + 1) without the person."""
    name = " ".join(name.split())
    people = [p for p in doc.get("people", []) if p["name"] != name]
    if len(people) == len(doc.get("people", [])):
        raise TrustError(N_("{name} is not in the trust list."), name=name)
    updated = {**doc, "people": people, "serial": int(doc["serial"]) + 1}
    updated.pop("issued_at", None)
    return normalise_list(updated)


def read_list_file(path: Path) -> dict[str, Any]:
    """Read an editable trust list (YAML or JSON); a missing file is an error."""
    import yaml  # only when a trust list file is read: not at start

    text = _read_text(path)
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TrustError(N_("{path} is not valid YAML ({exc})"), path=path, exc=exc) from exc
    return normalise_list(doc, str(path))


def write_list_file(path: Path, doc: Mapping[str, Any]) -> None:
    import yaml

    text = yaml.safe_dump(dict(doc), allow_unicode=True, sort_keys=False, width=100)
    write_atomically(path, text.encode("utf-8"))


def new_list(hospital: str = "") -> dict[str, Any]:
    """An empty list to add devices to (the first addition makes it serial 1)."""
    return {
        "format": LIST_FORMAT,
        "format_version": FORMAT_VERSION,
        "hospital": hospital,
        "serial": 0,
        "devices": [],
    }


def add_device(
    doc: Mapping[str, Any],
    *,
    public_key: bytes,
    name: str,
    roles: list[str],
    expires: dt.date | None = None,
) -> dict[str, Any]:
    """A new list (serial + 1) with the device added, or replaced if already listed."""
    device_id = device_id_of(public_key)
    devices = [d for d in doc["devices"] if d["id"] != device_id]
    entry: dict[str, Any] = {
        "id": device_id,
        "name": name,
        "public_key": b64(public_key),
        "roles": roles or [ROLE_OPERATOR],
    }
    if expires is not None:
        entry["expires"] = expires.isoformat()
    devices.append(entry)
    updated = {**doc, "devices": devices, "serial": int(doc["serial"]) + 1}
    updated.pop("issued_at", None)
    return normalise_list(updated)


def revoke_device(doc: Mapping[str, Any], device_id: str, on: dt.date) -> dict[str, Any]:
    """A new list (serial + 1) in which the device is revoked from ``on``."""
    devices = [dict(d) for d in doc["devices"]]
    matches = [d for d in devices if d["id"] == device_id or d["id"].startswith(device_id)]
    if not matches:
        raise TrustError(N_("Device {device_id} is not in the trust list."), device_id=device_id)
    if len(matches) > 1:
        raise TrustError(
            N_("{device_id!r} matches {count} devices; give more of the id."),
            device_id=device_id,
            count=len(matches),
        )
    matches[0]["revoked"] = on.isoformat()
    updated = {**doc, "devices": devices, "serial": int(doc["serial"]) + 1}
    updated.pop("issued_at", None)
    return normalise_list(updated)


# --- signing and verifying -------------------------------------------------------------


def sign_list(
    doc: Mapping[str, Any], key: Ed25519PrivateKey, *, now: dt.datetime
) -> dict[str, Any]:
    """The signed form of an editable list (``issued_at`` set to ``now``)."""
    from cryptography.hazmat.primitives import serialization

    body = normalise_list(
        {**doc, "issued_at": now.astimezone(dt.UTC).isoformat(timespec="seconds")}
    )
    signer = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return {
        "format": SIGNED_FORMAT,
        "format_version": FORMAT_VERSION,
        "list": body,
        "signer": b64(signer),
        "signature": b64(sign(key, TRUST_CONTEXT, body)),
    }


def verify_signed(signed: Any, pinned: bytes | None) -> TrustList:
    """Check a signed list against the pinned IT key (None: only check it is well signed)."""
    if not isinstance(signed, Mapping) or signed.get("format") != SIGNED_FORMAT:
        raise TrustError(N_("not a signed HIS Console trust list"))
    try:
        signer = unb64(signed.get("signer"), size=PUBLIC_KEY_BYTES)
        signature = unb64(signed.get("signature"), size=SIGNATURE_BYTES)
    except ValueError as exc:
        raise TrustError(
            N_("the trust list's signature block is damaged ({exc})"), exc=exc
        ) from exc
    if pinned is not None and signer != pinned:
        raise TrustError(
            N_(
                "the trust list is signed by IT key {fingerprint}, not by the pinned IT "
                "key {pinned}"
            ),
            fingerprint=fingerprint(signer),
            pinned=fingerprint(pinned),
        )
    body = signed.get("list")
    if not verify_document(signer, signature, TRUST_CONTEXT, body):
        raise TrustError(N_("the trust list's signature does not match its content (altered?)"))
    doc = normalise_list(body)
    if doc != body:
        raise TrustError(N_("the trust list is not in canonical form"))
    devices = {
        d["id"]: TrustedDevice(
            device_id=d["id"],
            name=d["name"],
            public_key=unb64(d["public_key"], size=PUBLIC_KEY_BYTES),
            roles=frozenset(d["roles"]),
            expires=_date(d.get("expires"), "expires"),
            revoked=_date(d.get("revoked"), "revoked"),
        )
        for d in doc["devices"]
    }
    people = {
        p["name"]: TrustedPerson(p["name"], frozenset(p["roles"]), p["pin"])
        for p in doc.get("people", [])
    }
    return TrustList(
        hospital=doc["hospital"],
        serial=doc["serial"],
        issued_at=str(doc.get("issued_at", "")),
        devices=devices,
        signer=signer,
        signed=dict(signed),
        people=people,
    )


def read_signed_file(path: Path) -> Any:
    text = _read_text(path)
    try:
        return json.loads(text)
    except ValueError as exc:
        raise TrustError(
            N_("{path} is not a signed trust list (not JSON: {exc})"), path=path, exc=exc
        ) from exc


def write_signed_file(path: Path, signed: Mapping[str, Any]) -> None:
    text = json.dumps(dict(signed), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomically(path, text.encode("utf-8"))


# --- the IT key ---------------------------------------------------------------------


def generate_it_key(out: Path) -> tuple[Path, bytes]:
    """Write a new IT private key (PEM, mode 0600) and its public key next to it (.pub)."""
    from cryptography.hazmat.primitives import serialization

    out = check_target(out)
    if out.exists():
        raise TrustError(N_("{out} already exists; refusing to overwrite an IT key."), out=out)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    pub_path = out.with_name(out.name + ".pub")
    check_target(pub_path)  # both files or neither
    write_atomically(out, pem, mode=0o600, exclusive=True)
    try:
        write_atomically(pub_path, public_key_text(public).encode("ascii"))
    except BaseException:
        out.unlink()
        raise
    return pub_path, public


def public_key_text(public: bytes) -> str:
    return f"{PUBLIC_KEY_LABEL} {b64(public)} {fingerprint(public)}\n"


def load_private_key(path: Path) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TrustError(
            N_("Cannot read the IT key {path}: {strerror}."), path=path, strerror=exc.strerror
        ) from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise TrustError(
            N_("{path} is not an unencrypted PEM private key ({exc})."), path=path, exc=exc
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise TrustError(N_("{path} is not an Ed25519 key."), path=path)
    return key


def load_public_key(path: Path) -> bytes:
    """An IT public key from a .pub file written by ``trust keygen``, base64 text or PEM."""
    from cryptography.hazmat.primitives import serialization

    text = _read_text(path).strip()
    if text.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(text.encode("ascii"))
        except ValueError as exc:
            raise TrustError(
                N_("{path} is not a PEM public key ({exc})."), path=path, exc=exc
            ) from exc
        if not isinstance(key, Ed25519PublicKey):
            raise TrustError(N_("{path} is not an Ed25519 public key."), path=path)
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    tokens = text.split()
    label = PUBLIC_KEY_LABEL.split()
    if tokens[: len(label)] == label:
        tokens = tokens[len(label) :]
    try:
        return unb64(tokens[0] if tokens else "", size=PUBLIC_KEY_BYTES)
    except ValueError as exc:
        raise TrustError(
            N_(
                "{path} does not hold an Ed25519 public key (expected the .pub file "
                "written by 'hisconsole trust keygen')."
            ),
            path=path,
        ) from exc


def is_device_id(text: str) -> bool:
    return bool(DEVICE_ID_RE.match(text))


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_TRUST_FILE_BYTES:
            raise TrustError(N_("{path} is too large to be a key or trust list."), path=path)
        return path.read_text("utf-8")
    except FileNotFoundError as exc:
        raise TrustError(N_("{path} does not exist."), path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise TrustError(
            N_("Cannot read {path}: {reason}."), path=path, reason=read_reason(exc)
        ) from exc
