"""Where a data folder keeps its database (no SQLAlchemy here: the window's first look
and the first-start check need the name before the database layer is imported)."""

from __future__ import annotations

from pathlib import Path

DB_FILENAME = "hisconsole.sqlite3"
#: PRAGMA application_id of every HIS Console database ("HISC").
APPLICATION_ID = 0x48495343


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME
