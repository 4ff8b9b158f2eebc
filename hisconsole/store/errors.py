"""Storage errors sorted at the boundary.

Environment problems (locked, full disk, read-only, corrupt, too new) become a
:class:`StoreError` with a calm message for the user. Anything else is a bug
and propagates as-is.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from hisconsole.errors import N_, KnownError


class StoreError(KnownError):
    """A problem with the database or its file that the user can act on."""

    code = "storage.error"


class DatabaseMissing(StoreError):
    code = "storage.missing"
    template = "No HIS Console database in {data_dir}. Run 'hisconsole init' first."


class DatabaseTooNew(StoreError):
    code = "storage.too-new"
    template = (
        "The database {path} was written by a newer version of HIS Console "
        "(schema {revision}). Install that version or newer; this one "
        "(schema {head}) will not touch it."
    )


class NotAConsoleDatabase(StoreError):
    code = "storage.not-a-console-database"
    template = "{path} is not a HIS Console database."


class DatabaseLocked(StoreError):
    code = "storage.locked"
    template = (
        "The database {path} is busy: another HIS Console (or a backup) is writing to it. "
        "Wait a moment and try again; nothing was changed."
    )


class DiskFull(StoreError):
    code = "storage.disk-full"
    template = (
        "The disk holding {path} is full. Free some space and try again; nothing was changed."
    )


#: Also said on its own (``check``): in the catalogue by itself.
WAY_BACK = N_(
    "The way back: restore the latest backup with 'hisconsole restore FILE' (the backups "
    "folder beside the database keeps one from before every upgrade), then take in what "
    "was written since from the other laptops: 'hisconsole bundle import FILE' with a "
    "bundle exported on each of them, or 'hisconsole sync' with the hub. This laptop's own "
    "entries come back with them, even from a laptop not accepted here."
)


class DatabaseCorrupt(StoreError):
    code = "storage.corrupt"
    template = "The database {path} is damaged ({reason}). " + WAY_BACK


class FolderReadOnly(StoreError):
    code = "storage.folder-read-only"
    template = (
        "The data folder {folder} is read-only: what is there can be read, nothing can be "
        "recorded. Copy the folder to a writable place (or make it writable) and use that "
        "one; nothing was changed."
    )


class DatabaseReadOnly(StoreError):
    code = "storage.read-only"
    template = (
        "The database {path} cannot be written (read-only file or folder). "
        "Check its permissions; nothing was changed."
    )


class DatabaseUnopenable(DatabaseReadOnly):
    code = "storage.cannot-open"
    template = "The database {path} cannot be opened or created ({reason})."


class RestoreFailed(StoreError):
    code = "storage.restore-failed"
    template = "Restoring into {target} failed ({reason}); the old database is in {safety}."


def damaged(path: Path | str, detail: str) -> DatabaseCorrupt:
    """The error for a damaged database file, with the way back."""
    return DatabaseCorrupt(path=path, reason=detail)


def translate(exc: BaseException, path: Path | str) -> StoreError | None:
    """The user-facing error for a low-level SQLite failure, or None if it is a bug."""
    # SQLAlchemy wraps the driver's error; a process that never imported SQLAlchemy (the
    # command line's direct append) has only the driver's, and need not import it to know.
    wrappers = sys.modules.get("sqlalchemy.exc")
    inner = exc.orig if wrappers is not None and isinstance(exc, wrappers.DBAPIError) else exc
    if not isinstance(inner, sqlite3.Error | OSError):
        return None
    text = str(inner).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(path=path)
    if "full" in text or "no space" in text:
        return DiskFull(path=path)
    if "readonly" in text or "read-only" in text or "permission" in text:
        return DatabaseReadOnly(path=path)
    if (
        "not a database" in text
        or "malformed" in text
        or "corrupt" in text
        or "could not decode" in text  # a text column holding bytes that are not UTF-8
    ):
        return damaged(path, str(inner))
    if "unable to open" in text:
        return DatabaseUnopenable(path=path, reason=str(inner))
    return None
