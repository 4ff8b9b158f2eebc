"""Writing user files safely."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hisconsole.services.console import ServiceError


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that a crash or a full disk never leaves half of it behind."""
    path = path.expanduser()
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as exc:
        raise ServiceError(f"Cannot write {path}: {exc.strerror}.") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ServiceError(f"Cannot write {path}: {exc.strerror}. Nothing was written.") from exc
