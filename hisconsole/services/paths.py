"""Where this laptop's data lives."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "HISCONSOLE_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``$HISCONSOLE_DATA_DIR``, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir("hisconsole", appauthor=False))
