"""TLS for the mesh: each laptop's certificate is its Ed25519 device key; trust comes from
the trust list and the devices accepted here, never from a certificate authority.

Every laptop presents a certificate for its device key, signed by that same key. Its
issuer is named after the key ("hisconsole device key ID"), so OpenSSL looks that name
up among the trust anchors. The anchors are made here, one per trusted device, from the
public key alone: a trust anchor is a name and a key (RFC 5280 §6.1.1), and OpenSSL does
not check the signature on one, so signing it with this laptop's own key is enough. The
peer's certificate then verifies only if it is signed by a trusted device key, and TLS 1.3
makes the peer prove it holds that key. A laptop that is not trusted is refused in the
handshake and sees nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import ssl
import tempfile
from collections.abc import Iterable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from hisconsole.sync.canonical import PUBLIC_KEY_BYTES, device_id_of

_START = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_END = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
_ORG = "HIS Console"


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, _ORG),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def _key_name(device_id: str) -> x509.Name:
    return _name(f"hisconsole device key {device_id}")


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def device_certificate(key: Ed25519PrivateKey) -> x509.Certificate:
    """This laptop's TLS certificate: its device key, signed by itself."""
    public = key.public_key()
    device_id = device_id_of(raw_public_key(public))
    return (
        x509.CertificateBuilder()
        .subject_name(_name(f"hisconsole device {device_id}"))
        .issuer_name(_key_name(device_id))
        .public_key(public)
        .serial_number(1)
        .not_valid_before(_START)
        .not_valid_after(_END)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .sign(key, None)
    )


def trust_anchor(public_key: bytes, signer: Ed25519PrivateKey) -> x509.Certificate:
    """The anchor that lets the certificate of the device with ``public_key`` verify."""
    device_id = device_id_of(public_key)
    return (
        x509.CertificateBuilder()
        .subject_name(_key_name(device_id))
        .issuer_name(_key_name(device_id))
        .public_key(Ed25519PublicKey.from_public_bytes(public_key))
        .serial_number(2)
        .not_valid_before(_START)
        .not_valid_after(_END)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(signer, None)
    )


def peer_device_id(der: bytes | None) -> str | None:
    """The device id of the key in a peer's certificate (DER), or None if it has none."""
    raw = peer_public_key(der)
    return device_id_of(raw) if raw is not None and len(raw) == PUBLIC_KEY_BYTES else None


def _load_own(context: ssl.SSLContext, key: Ed25519PrivateKey) -> None:
    # ssl reads the certificate and key from files only: a private temporary folder,
    # removed at once (the key never stays on disk beside the protected device-key.pem).
    cert_pem = device_certificate(key).public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with tempfile.TemporaryDirectory(prefix="hisconsole-tls-") as folder:
        os.chmod(folder, 0o700)
        cert_file, key_file = Path(folder, "cert.pem"), Path(folder, "key.pem")
        cert_file.write_bytes(cert_pem)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key_pem)
        context.load_cert_chain(cert_file, key_file)


def context(key: Ed25519PrivateKey, trusted: Iterable[bytes], *, server: bool) -> ssl.SSLContext:
    """A TLS 1.3 context that shows this laptop's certificate and requires the peer's to be
    one of the ``trusted`` device keys (raw 32-byte Ed25519 public keys)."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER if server else ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    if not server:
        ctx.check_hostname = False  # peers are found by address; the key is what counts
    ctx.verify_mode = ssl.CERT_REQUIRED
    _load_own(ctx, key)
    anchors = "".join(
        trust_anchor(public, key).public_bytes(serialization.Encoding.PEM).decode("ascii")
        for public in sorted(set(trusted))
    )
    ctx.load_verify_locations(cadata=anchors)
    return ctx


def peer_public_key(der: bytes | None) -> bytes | None:
    """The raw Ed25519 key in a peer's certificate (DER), or None if it has none."""
    if not der:
        return None
    try:
        key = x509.load_der_x509_certificate(der).public_key()
    except ValueError:
        return None
    if not isinstance(key, Ed25519PublicKey):
        return None
    return raw_public_key(key)
