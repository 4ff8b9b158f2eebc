"""Where this laptop's data lives."""

from __future__ import annotations

import os
from pathlib import Path

from hisconsole.errors import N_
from hisconsole.services.errors import ServiceError
from hisconsole.services.files import write_atomically
from hisconsole.store.location import database_path

ENV_DATA_DIR = "HISCONSOLE_DATA_DIR"
# The one line naming the data folder chosen at the first start, when it is not the
# default; in the user's configuration folder, so that the window and the command
# line find the same data.
LOCATION_FILE = "data-location"


def default_data_dir() -> Path:
    """The platform's user data folder (~/.local/share/hisconsole, %LOCALAPPDATA%\\hisconsole)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("hisconsole", appauthor=False))


def location_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("hisconsole", appauthor=False)) / LOCATION_FILE


def chosen_data_dir() -> Path | None:
    """The data folder chosen at the first start, if one other than the default was."""
    try:
        text = location_file().read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text).expanduser() if text else None


def remember_data_dir(path: Path) -> None:
    """Make ``path`` the data folder of later starts (the default one: forget the choice)."""
    target = location_file()
    if path.resolve() == default_data_dir().resolve():
        target.unlink(missing_ok=True)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ServiceError(
            N_("Cannot create {parent}: {strerror}."), parent=target.parent, strerror=exc.strerror
        ) from exc
    write_atomically(target, f"{path.resolve()}\n".encode())


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``$HISCONSOLE_DATA_DIR``, else the folder chosen at the first
    start, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return chosen_data_dir() or default_data_dir()


def is_initialised(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a console database already (else this is a first start)."""
    return database_path(data_dir).exists()
