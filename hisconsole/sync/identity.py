"""This laptop's Ed25519 device key and the device id derived from it."""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hisconsole.store.eventlog import register_signer
from hisconsole.sync.canonical import EventSigner, device_id_of

KEY_FILENAME = "device-key.pem"


class DeviceKeyError(Exception):
    """The device key file is missing, unreadable or damaged."""


@dataclass(frozen=True)
class DeviceIdentity:
    """The device key pair; ``device_id`` is a short fingerprint of the public key."""

    private_key: Ed25519PrivateKey

    @property
    def public_key_bytes(self) -> bytes:
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def public_key_b64(self) -> str:
        return base64.b64encode(self.public_key_bytes).decode("ascii")

    @property
    def device_id(self) -> str:
        return device_id_of(self.public_key_bytes)


def load_or_create(data_dir: Path) -> DeviceIdentity:
    """Load the device key from ``data_dir``, creating a private one the first time.

    From then on every event this device writes is signed with it.
    """
    identity = _load_or_create(data_dir)
    register_signer(identity.device_id, EventSigner(identity.private_key))
    return identity


def _load_or_create(data_dir: Path) -> DeviceIdentity:
    path = data_dir / KEY_FILENAME
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError) as exc:
            raise DeviceKeyError(
                f"The device key {path} cannot be read ({exc}). Restore it from a backup; "
                "without it this laptop cannot sign its events."
            ) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise DeviceKeyError(f"The device key {path} is not an Ed25519 key.")
        return DeviceIdentity(key)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    return DeviceIdentity(key)
