"""Where the bundled resources (plan, fonts, translations) live.

From a source checkout they are the top-level ``resources/`` folder; an
installed wheel carries them as ``hisconsole/_resources``; a frozen app
(PyInstaller) keeps them beside the executable under ``_resources``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from hisconsole.errors import KnownError


class ResourcesMissing(KnownError, RuntimeError):
    """The installation is incomplete: the bundled resources are not found."""

    code = "install.resources-missing"


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "_resources", here.parent / "resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "_resources")
    for candidate in candidates:
        if (candidate / "plan").is_dir():
            return candidate
    raise ResourcesMissing(
        "HIS Console's bundled resources were not found (looked in "
        + ", ".join(str(c) for c in candidates)
        + "). Reinstall the program."
    )


def resource_path(*parts: str) -> Path:
    """Path of one bundled resource, e.g. ``resource_path("plan", "default-plan.yaml")``."""
    return resources_dir().joinpath(*parts)
