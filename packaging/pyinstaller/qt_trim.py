"""Which Qt plugins and translations the frozen console keeps (used by hooks/).

PyInstaller's own PySide6 hooks collect every plugin and translation of each Qt
module the program imports; the hooks in hooks/ call those and keep only what a
Windows or Linux command-centre laptop needs. Filtering in the hooks (rather
than after the analysis) also keeps out the libraries that only the dropped
plugins would pull in (Wayland, EGLFS, GTK, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

# Plugin type -> file names kept (without lib prefix / .so / .dll / .dylib suffix).
PLUGINS_KEPT: dict[str, str] = {
    # offscreen: smoke tests and headless runs; xcb: Linux desktops (Wayland
    # sessions run it through XWayland); windows/direct2d: Windows.
    "platforms": r"q(offscreen|xcb|windows|direct2d)",
    # Native file dialogs through the desktop portal (GNOME, KDE, sandboxes).
    "platformthemes": r"qxdgdesktopportal",
    # Compose key and IBus: typing Chinese on Linux.
    "platforminputcontexts": r"(compose|ibus)platforminputcontextplugin",
    "xcbglintegrations": r".*",
    # PNG and the system's own formats are built into QtGui.
    "imageformats": r"q(svg|ico|jpeg|gif)",
    "iconengines": r"qsvgicon",
    # CUPS on Linux; Windows prints through QtPrintSupport itself.
    "printsupport": r".*",
    "styles": r"q(windowsvista|modernwindows)style",
}
# Qt's own catalogues: standard buttons and dialogs in Chinese.
TRANSLATIONS_KEPT = re.compile(r"qtbase_(zh_CN|en)\.qm")

_PLUGIN_FILE = re.compile(r"^(?:lib)?(?P<name>.+?)\.(?:so|dll|dylib)$")


def keep(dest: str, name: str) -> bool:
    """Whether the file ``name`` collected into bundle folder ``dest`` is kept."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if "plugins" in parts:
        index = parts.index("plugins")
        if index + 1 >= len(parts):
            return True
        pattern = PLUGINS_KEPT.get(parts[index + 1])
        match = _PLUGIN_FILE.match(name)
        return pattern is not None and match is not None and re.fullmatch(pattern, match["name"])
    if "translations" in parts and name.endswith(".qm"):
        return TRANSLATIONS_KEPT.fullmatch(name) is not None
    return True


def trim(entries: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Hook-style ``(source, dest folder)`` pairs without the unwanted plugins and catalogues."""
    return [(src, dest) for src, dest in entries if keep(dest, PurePath(src).name)]


def qt_hook(hook_file: str) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """What PyInstaller's hook for the module named by ``hook_file`` collects, trimmed."""
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    return hiddenimports, trim(binaries), trim(datas)
