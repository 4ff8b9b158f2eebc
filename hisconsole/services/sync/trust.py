"""The trust list: the IT department's tools, and pinning and importing on each laptop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hisconsole.errors import N_
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.sync.shared import (
    ACTION_TRUST,
    NOTHING_WRITTEN,
    Note,
    observe,
    receiver,
    record_history,
    refuse,
    same_fingerprint,
    trust_state,
)
from hisconsole.store.models import Meta
from hisconsole.sync import intake
from hisconsole.sync import trust as trust_format
from hisconsole.sync.canonical import b64, device_id_of, unb64


def trust_keygen(out: Path) -> dict[str, Any]:
    """Create the hospital IT key pair (private PEM 0600 + .pub); keep the private one offline."""
    try:
        pub_path, public = trust_format.generate_it_key(out.expanduser())
    except trust_format.TrustError as exc:
        raise refuse(exc, NOTHING_WRITTEN) from exc
    return {
        "private_key": str(out),
        "public_key_file": str(pub_path),
        "public_key": b64(public),
        "fingerprint": trust_format.fingerprint(public),
    }


def trust_add(
    list_path: Path,
    *,
    public_key: str,
    name: str,
    roles: Sequence[str] = (),
    expires: str | None = None,
    hospital: str | None = None,
) -> dict[str, Any]:
    """Add (or update) a device in the editable trust list (created if missing); serial + 1."""
    try:
        key = unb64(public_key.strip(), size=32)
    except ValueError as exc:
        raise ServiceError(
            N_(
                "The public key must be the base64 text 'hisconsole device show' prints "
                "on the laptop. Nothing was changed."
            )
        ) from exc
    unknown = [r for r in roles if r not in trust_format.DEVICE_ROLES]
    if unknown:
        raise ServiceError(
            N_("Unknown device role {unknown!r}; use {device_roles}. Nothing was changed."),
            unknown=unknown[0],
            device_roles=", ".join(trust_format.DEVICE_ROLES),
        )
    try:
        doc = (
            trust_format.read_list_file(list_path)
            if list_path.exists()
            else trust_format.new_list()
        )
        if hospital is not None:
            doc["hospital"] = hospital
        expiry = dt.date.fromisoformat(expires) if expires else None
        updated = trust_format.add_device(
            doc,
            public_key=key,
            name=name,
            roles=list(roles) or [trust_format.ROLE_OPERATOR],
            expires=expiry,
        )
        trust_format.write_list_file(list_path, updated)
    except ValueError as exc:
        raise ServiceError(
            N_("{expires!r} is not a date (YYYY-MM-DD). Nothing was changed."), expires=expires
        ) from exc
    except trust_format.TrustError as exc:
        raise refuse(exc) from exc
    return {"file": str(list_path), "serial": updated["serial"], "device": device_id_of(key)}


def trust_revoke(list_path: Path, device_id: str, *, on: dt.date) -> dict[str, Any]:
    """Mark a device revoked in the editable trust list; serial + 1."""
    try:
        doc = trust_format.read_list_file(list_path)
        updated = trust_format.revoke_device(doc, device_id.strip().lower(), on)
        trust_format.write_list_file(list_path, updated)
    except trust_format.TrustError as exc:
        raise refuse(exc) from exc
    return {"file": str(list_path), "serial": updated["serial"], "revoked": on.isoformat()}


def trust_sign(list_path: Path, key_path: Path, out: Path, *, now: dt.datetime) -> dict[str, Any]:
    """Sign the editable trust list with the IT key, giving the file laptops import."""
    try:
        doc = trust_format.read_list_file(list_path)
        key = trust_format.load_private_key(key_path)
        signed = trust_format.sign_list(doc, key, now=now)
        trust_format.write_signed_file(out, signed)
    except trust_format.TrustError as exc:
        raise refuse(exc, NOTHING_WRITTEN) from exc
    return {
        "file": str(out),
        "serial": signed["list"]["serial"],
        "devices": len(signed["list"]["devices"]),
        "it_key": trust_format.fingerprint(unb64(signed["signer"])),
    }


def trust_pin(console: Console, pubkey_path: Path, *, replace: bool = False) -> dict[str, Any]:
    """Pin the hospital IT public key on this laptop (once; ``replace`` to change it)."""
    try:
        key = trust_format.load_public_key(pubkey_path.expanduser())
    except trust_format.TrustError as exc:
        raise refuse(exc) from exc
    fp = trust_format.fingerprint(key)
    with console.db.write() as session:
        pinned = intake.pinned_it_key(session)
        if pinned is not None and pinned != key and not replace:
            raise ServiceError(
                N_(
                    "A different IT key ({fingerprint}) is already pinned here. If IT "
                    "really replaced its key, pin again with --replace. Nothing was "
                    "changed."
                ),
                fingerprint=trust_format.fingerprint(pinned),
            )
        if pinned != key:
            session.merge(Meta(key=intake.META_IT_KEY, value=b64(key)))
            old = session.get(Meta, intake.META_TRUST_LIST)
            if old is not None:
                session.delete(old)
            record_history(
                session,
                console,
                peer="(IT)",
                action=ACTION_TRUST,
                notes=[Note("pinned", {"fingerprint": fp})],
            )
    return {"it_key": fp, "public_key": b64(key)}


def trust_import(
    console: Console, path: Path, *, pin_fingerprint: str | None = None
) -> dict[str, Any]:
    """Use a signed trust list (newer than the one held) and apply what it now allows."""
    try:
        signed = trust_format.read_signed_file(path.expanduser())
        listed = trust_format.verify_signed(signed, None)
    except trust_format.TrustError as exc:
        raise refuse(exc) from exc
    fp = trust_format.fingerprint(listed.signer)
    with console.db.write() as session:
        pinned = intake.pinned_it_key(session)
        if pinned is None:
            if pin_fingerprint is None or not same_fingerprint(pin_fingerprint, fp):
                raise ServiceError(
                    N_(
                        "No IT key is pinned on this laptop yet. This list is signed by IT key "
                        "{fp}. If IT confirms that fingerprint, run again with "
                        "--pin-fingerprint {fp}, or pin the key file first ('hisconsole trust "
                        "pin FILE'). Nothing was changed."
                    ),
                    fp=fp,
                )
            session.merge(Meta(key=intake.META_IT_KEY, value=b64(listed.signer)))
            session.flush()
        current = intake.current_trust(session)
        try:
            adopted = intake.adopt_trust_list(session, signed)
        except trust_format.TrustError as exc:
            raise refuse(exc) from exc
        if adopted is None:
            assert current is not None
            if current.serial > listed.serial:
                raise ServiceError(
                    N_(
                        "This trust list (serial {serial}) is older than the one in use (serial "
                        "{current}); an old list cannot be brought back. Nothing was changed."
                    ),
                    serial=listed.serial,
                    current=current.serial,
                )
            return {"serial": current.serial, "adopted": False, "applied": 0, "it_key": fp}
        report = intake.receive(session, here=receiver(console), source="trust list", recheck=True)
        record_history(
            session,
            console,
            peer="(IT)",
            action=ACTION_TRUST,
            report=report,
            notes=[Note("trust-serial", {"serial": adopted.serial})],
        )
    observe(console, report)
    # Bundles of laptops this list trusts, held unread until now, are read now.
    from hisconsole.services.sync.bundles import read_held

    report.merge(read_held(console))
    return {
        "serial": adopted.serial,
        "adopted": True,
        "devices": len(adopted.devices),
        "applied": report.applied,
        "it_key": fp,
    }


def list_it_key(path: Path) -> str | None:
    """The fingerprint of the IT key that signed a trust list file (None if it cannot be
    read or checked: :func:`trust_import` then says why)."""
    try:
        signed = trust_format.read_signed_file(path.expanduser())
        return trust_format.fingerprint(trust_format.verify_signed(signed, None).signer)
    except (trust_format.TrustError, OSError, ValueError):
        return None


def trust_show(console: Console) -> dict[str, Any]:
    """The pinned IT key and the trust list in use on this laptop."""
    with console.db.read() as session:
        pinned, current = trust_state(session)
    return {
        "it_key": trust_format.fingerprint(pinned) if pinned else None,
        "serial": current.serial if current else None,
        "hospital": current.hospital if current else None,
        "issued_at": current.issued_at if current else None,
        "devices": [
            {
                "id": d.device_id,
                "name": d.name,
                "roles": sorted(d.roles),
                "expires": d.expires.isoformat() if d.expires else None,
                "revoked": d.revoked.isoformat() if d.revoked else None,
            }
            for d in (current.devices.values() if current else [])
        ],
    }


def trust_person(list_path: Path, *, name: str, roles: Sequence[str], pin: str) -> dict[str, Any]:
    """Add (or update) a person in the editable trust list: the command roles they may hold
    and a salted scrypt hash of their PIN (the PIN itself is never written); serial + 1."""
    from hisconsole.domain import pins

    if pins.pin_problem(pin) is not None:
        raise PinRefused(low=pins.MIN_PIN, high=pins.MAX_PIN)
    try:
        doc = trust_format.read_list_file(list_path)
        updated = trust_format.add_person(
            doc, name=name, roles=list(roles), pin_hash=pins.hash_pin(pin)
        )
        trust_format.write_list_file(list_path, updated)
    except trust_format.TrustError as exc:
        raise refuse(exc) from exc
    return {"file": str(list_path), "serial": updated["serial"], "person": name}


class PinRefused(ServiceError):
    code = "people.pin-refused"
    template = (
        "Not a usable PIN: a PIN has {low} to {high} characters and does not start or end "
        "with a space. Nothing was changed."
    )


class PinsDiffer(ServiceError):
    code = "people.pins-differ"
    template = "The two PINs differ. Nothing was changed."
