"""Files the user chooses: where to save a PDF or an export, where to read an import from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from hisconsole.services.files import write_atomically
from hisconsole.ui.context import Context

KEY_LAST_DIR = "files/last_dir"


def last_dir(ctx: Context) -> Path:
    """The folder the user saved to or read from last, else their documents folder."""
    saved = ctx.settings.value(KEY_LAST_DIR)
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_dir(ctx: Context, path: Path) -> None:
    ctx.settings.setValue(KEY_LAST_DIR, str(path.parent))


def ask_save_path(
    parent: QWidget,
    ctx: Context,
    *,
    title: str,
    suggested: str,
    filters: list[tuple[str, str]],
) -> Path | None:
    """Ask where to save; ``filters`` are (description, suffix) pairs, e.g. ("PDF", ".pdf").

    The file gets the suffix of the chosen filter when the name typed has none of them.
    """
    names = [f"{description} (*{suffix})" for description, suffix in filters]
    chosen, selected = QFileDialog.getSaveFileName(
        parent, title, str(last_dir(ctx) / suggested), ";;".join(names)
    )
    if not chosen:
        return None
    path = Path(chosen)
    suffixes = [suffix for _description, suffix in filters]
    if path.suffix.lower() not in suffixes:
        suffix = next((s for n, (_d, s) in zip(names, filters, strict=True) if n == selected), None)
        path = path.with_name(path.name + (suffix or suffixes[0]))
    remember_dir(ctx, path)
    return path


def ask_open_path(
    parent: QWidget, ctx: Context, *, title: str, filters: list[tuple[str, str]]
) -> Path | None:
    """Ask for a file to read; ``filters`` are (description, "*.csv *.vcf") pairs."""
    names = [f"{description} ({patterns})" for description, patterns in filters]
    chosen, _selected = QFileDialog.getOpenFileName(
        parent, title, str(last_dir(ctx)), ";;".join(names)
    )
    if not chosen:
        return None
    path = Path(chosen)
    remember_dir(ctx, path)
    return path


def writer(path: Path, produce: Callable[[], bytes]) -> Callable[[], Path]:
    """A worker-thread job that makes the file's content and writes it (all or nothing)."""

    def run() -> Path:
        write_atomically(path, produce())  # refuses with a ServiceError that says why
        return path

    return run
