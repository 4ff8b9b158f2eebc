"""This laptop's Ed25519 device key and the device id derived from it."""

from __future__ import annotations

import base64
import binascii
import functools
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.errors import N_, KnownError
from hisconsole.store.appending import register_signer
from hisconsole.store.files import write_atomically
from hisconsole.sync.canonical import EventSigner, device_id_of

KEY_FILENAME = "device-key.pem"
#: The PEM lines around a key file written by :func:`create` (PKCS #8, unencrypted) ...
_PEM_HEAD, _PEM_TAIL = b"-----BEGIN PRIVATE KEY-----", b"-----END PRIVATE KEY-----"
#: ... and the DER of an Ed25519 key in it before the 32-byte seed (RFC 8410, section 7).
_PKCS8_ED25519 = bytes.fromhex("302e020100300506032b657004220420")


class DeviceKeyError(KnownError):
    """The device key file is missing, unreadable or damaged."""

    code = "device.key-unusable"


@dataclass(frozen=True)
class DeviceIdentity:
    """The device key pair; ``device_id`` is a short fingerprint of the public key."""

    private_key: Ed25519PrivateKey

    @property
    def public_key_bytes(self) -> bytes:
        return self.private_key.public_key().public_bytes_raw()

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(self.public_key_bytes).decode("ascii")

    @functools.cached_property
    def device_id(self) -> str:
        # Asked at every write: the key never changes, its fingerprint is made once.
        return device_id_of(self.public_key_bytes)


def key_path(data_dir: Path) -> Path:
    return data_dir / KEY_FILENAME


def load(data_dir: Path) -> DeviceIdentity | None:
    """This laptop's key from ``data_dir``, or None if there is no key file (a new laptop).

    A key that is there but cannot be read is an error, never a reason to make a new one.
    """
    path = key_path(data_dir)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DeviceKeyError(_unreadable(path, exc.strerror or str(exc))) from exc
    own = _as_written(data)
    if own is not None:
        return _signing(DeviceIdentity(own))
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise DeviceKeyError(_unreadable(path, "damaged or not a key")) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise DeviceKeyError(_unreadable(path, "not an Ed25519 key"))
    return _signing(DeviceIdentity(key))


def _as_written(data: bytes) -> Ed25519PrivateKey | None:
    """The key of a file exactly as :func:`create` writes it, read without the general PEM
    loader (whose import costs a command that writes one entry more than its work);
    None for any other file, which the general loader then reads or refuses."""
    lines = data.strip().splitlines()
    if len(lines) != 3 or lines[0] != _PEM_HEAD or lines[2] != _PEM_TAIL:
        return None
    try:
        der = base64.b64decode(lines[1], validate=True)
    except binascii.Error:
        return None
    if len(der) != len(_PKCS8_ED25519) + 32 or not der.startswith(_PKCS8_ED25519):
        return None
    return Ed25519PrivateKey.from_private_bytes(der[len(_PKCS8_ED25519) :])


def create(data_dir: Path) -> DeviceIdentity:
    """Make a new key in ``data_dir`` (private file; never over an existing one)."""
    from cryptography.hazmat.primitives import serialization

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    write_atomically(key_path(data_dir), pem, mode=0o600, exclusive=True)
    return _signing(DeviceIdentity(key))


def missing(data_dir: Path, device_id: str) -> DeviceKeyError:
    """The error for a database of ``device_id`` whose key file is gone."""
    path = key_path(data_dir)
    return DeviceKeyError(
        N_(
            "This laptop's device key {path} is missing. The database here was "
            "written by device {device_id}, and only that key can go on signing for "
            "it. If you kept a copy of {key_filename} (with your backups), copy it "
            "back into {data_dir} and start again. If the key is lost, make a new "
            "identity with 'hisconsole device new-identity'; other laptops will "
            "then see a new device that IT must add to the trust list or a "
            "commander must accept. Nothing was changed."
        ),
        path=path,
        device_id=device_id,
        key_filename=KEY_FILENAME,
        data_dir=data_dir,
    )


def foreign(data_dir: Path, key_id: str, device_id: str) -> DeviceKeyError:
    return DeviceKeyError(
        N_(
            "The device key {key_path} belongs to device {key_id}, but the database "
            "here was written by device {device_id}. Put back that device's "
            "{key_filename}, or make a new identity with 'hisconsole device "
            "new-identity --replace'. Nothing was changed."
        ),
        key_path=key_path(data_dir),
        key_id=key_id,
        device_id=device_id,
        key_filename=KEY_FILENAME,
    )


def _unreadable(path: Path, why: str) -> str:
    return (
        f"The device key {path} cannot be read ({why}). Copy back the copy of {KEY_FILENAME} "
        "you kept with your backups, or make a new identity with "
        "'hisconsole device new-identity --replace' (other laptops will see a new device). "
        "Nothing was changed."
    )


def _signing(identity: DeviceIdentity) -> DeviceIdentity:
    # From now on every event this device writes is signed with it.
    register_signer(identity.device_id, EventSigner(identity.private_key))
    return identity
