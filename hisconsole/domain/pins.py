"""PINs of the people on the trust list: salted scrypt hashes (hashlib), never the PIN.

The stored form is ``scrypt$N$r$p$SALT$HASH`` (salt and hash in base64), so the cost can
be raised later without breaking the PINs already handed out.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

#: scrypt cost: ~50 ms and 16 MB per check on a console laptop; slow for a guesser.
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
PREFIX = "scrypt"
MIN_PIN = 4
MAX_PIN = 64


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a PIN (None: it can)."""
    if not MIN_PIN <= len(pin) <= MAX_PIN:
        return f"a PIN has {MIN_PIN} to {MAX_PIN} characters"
    if pin != pin.strip():
        return "a PIN does not start or end with a space"
    return None


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=HASH_BYTES)
    return "$".join(
        (
            PREFIX,
            str(N),
            str(R),
            str(P),
            base64.b64encode(salt).decode(),
            base64.b64encode(digest).decode(),
        )
    )


def well_formed(stored: object) -> bool:
    if not isinstance(stored, str):
        return False
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != PREFIX or not all(p.isdigit() for p in parts[1:4]):
        return False
    try:
        base64.b64decode(parts[4], validate=True)
        base64.b64decode(parts[5], validate=True)
    except ValueError:
        return False
    n, r, p = (int(x) for x in parts[1:4])
    return 2 <= n <= 2**20 and (n & (n - 1)) == 0 and 1 <= r <= 32 and 1 <= p <= 16


def pin_matches(stored: str, pin: str) -> bool:
    """True if ``pin`` is the one ``stored`` was made from (constant-time compare)."""
    if not well_formed(stored):
        return False
    _prefix, n, r, p, salt, digest = stored.split("$")
    expected = base64.b64decode(digest)
    try:
        got = hashlib.scrypt(
            pin.encode("utf-8", "surrogatepass"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=2**27,
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(got, expected)
