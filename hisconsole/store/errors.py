"""Storage errors sorted at the boundary.

Environment problems (locked, full disk, read-only, corrupt, too new) become a
:class:`StoreError` with a calm message for the user. Anything else is a bug
and propagates as-is.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError


class StoreError(Exception):
    """A problem with the database or its file that the user can act on."""


class DatabaseMissing(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class NotAConsoleDatabase(StoreError):
    pass


class DatabaseLocked(StoreError):
    pass


class DiskFull(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class DatabaseReadOnly(StoreError):
    pass


WAY_BACK = (
    "The way back: restore the latest backup with 'hisconsole restore FILE' (the backups "
    "folder beside the database keeps one from before every upgrade), then take in what "
    "was written since from the other laptops: 'hisconsole bundle import FILE' with a "
    "bundle exported on each of them, or 'hisconsole sync' with the hub."
)


def damaged(path: Path | str, detail: str) -> DatabaseCorrupt:
    """The error for a damaged database file, with the way back."""
    return DatabaseCorrupt(f"The database {path} is damaged ({detail}). {WAY_BACK}")


def translate(exc: BaseException, path: Path | str) -> StoreError | None:
    """The user-facing error for a low-level SQLite failure, or None if it is a bug."""
    inner = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(inner, sqlite3.Error | OSError):
        return None
    text = str(inner).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            f"The database {path} is busy: another HIS Console (or a backup) is writing to it. "
            "Wait a moment and try again; nothing was changed."
        )
    if "full" in text or "no space" in text:
        return DiskFull(
            f"The disk holding {path} is full. Free some space and try again; nothing was changed."
        )
    if "readonly" in text or "read-only" in text or "permission" in text:
        return DatabaseReadOnly(
            f"The database {path} cannot be written (read-only file or folder). "
            "Check its permissions; nothing was changed."
        )
    if (
        "not a database" in text
        or "malformed" in text
        or "corrupt" in text
        or "could not decode" in text  # a text column holding bytes that are not UTF-8
    ):
        return damaged(path, str(inner))
    if "unable to open" in text:
        return DatabaseReadOnly(f"The database {path} cannot be opened ({inner}).")
    return None
