"""Every page in a pseudo-translation half as long again as English, on a 1366×768 screen:
no label or button may be cut off."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize, QTranslator
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents
from hisconsole.services.console import Console
from hisconsole.ui.firstrun import FirstRunWizard
from hisconsole.ui.main_window import PAGES, MainWindow

from .conftest import settle, shown_window
from .pseudo import build_pseudo_catalogue, clipped_texts, pseudo, tool

SCREEN = QSize(1366, 768)  # the command centre's 13-inch laptops


def test_pseudo_texts_are_half_as_long_again_and_keep_what_the_program_needs() -> None:
    for text in ("Settings", "Declare incident (Ctrl+D)", "Record upward report…", "OK"):
        shown = pseudo(text)
        assert shown.startswith("[") and shown.endswith("]")
        assert len(shown) >= 1.5 * len(text)
    assert "{code}" in pseudo("Level {code}: {text}") and "{text}" in pseudo("Level {code}: {text}")
    assert "&S" not in pseudo("&Save") and pseudo("&Save").startswith("[&")
    assert pseudo("Ctrl+Up") == "Ctrl+Up"  # a shortcut stays a shortcut
    assert pseudo("{count} people").count("{count}") == 1


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if tool("pyside6-lupdate") is None or tool("pyside6-lrelease") is None:
        pytest.skip("pyside6-lupdate and pyside6-lrelease are not installed")
    return build_pseudo_catalogue(tmp_path_factory.mktemp("pseudo"))


@pytest.fixture
def pseudo_window(
    qtbot: QtBot, console: Console, settings_path: Path, catalogue: Path
) -> Iterator[MainWindow]:
    """The window in pseudo-English at 1366×768, over an open level-II incident."""
    console.sign_in("Wang Fang", "commander")
    incidents.declare(
        console, level="II", title="HIS and EMR down", systems=["HIS", "EMR"], scenario="his-down"
    )
    translator = QTranslator()
    assert translator.load(str(catalogue))
    QCoreApplication.installTranslator(translator)
    try:
        with shown_window(qtbot, console, settings_path, SCREEN) as main:
            yield main
    finally:
        QCoreApplication.removeTranslator(translator)


def laid_out_clipped_texts(qtbot: QtBot, widget: QWidget) -> list[str]:
    """The texts cut off in ``widget`` once its layout has settled: word-wrapped labels get
    their height in a later layout pass, which a busy machine may not have run yet when
    the service calls are all delivered (so a text clipped for good costs a wait here)."""
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: clipped_texts(widget) == [], timeout=3000)
    return clipped_texts(widget)


def test_no_text_is_cut_off_on_any_page(qtbot: QtBot, pseudo_window: MainWindow) -> None:
    window = pseudo_window
    assert window.nav.item(0).text().startswith("[")  # the pseudo-translation is in use
    assert window.size() == SCREEN
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN.width() and hint.height() <= SCREEN.height()
    found: dict[str, list[str]] = {}
    for index, spec in enumerate(PAGES):
        window.show_page(index)
        settle(qtbot, window)
        page = window.current_page()
        clipped = laid_out_clipped_texts(qtbot, page)
        for tabs in page.findChildren(QTabWidget):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                settle(qtbot, window)
                clipped += laid_out_clipped_texts(qtbot, page)
        if clipped:
            found[spec.name] = sorted(set(clipped))
    found_shell = clipped_texts(window.banner)
    metrics = window.nav.fontMetrics()
    for row in range(window.nav.count()):
        needed = metrics.horizontalAdvance(window.nav.item(row).text()) + 24
        if needed > window.nav.viewport().width():
            found_shell.append(f"navigation {window.nav.item(row).text()!r}")
    assert found == {} and found_shell == []


def test_the_dialogs_of_this_work_fit_their_texts(
    qtbot: QtBot, pseudo_window: MainWindow, tmp_path: Path
) -> None:
    window = pseudo_window
    kit = window.open_kit()
    qtbot.waitExposed(kit)
    settle(qtbot, window)
    # Word-wrapped labels get their height in a second layout pass: let it run.
    qtbot.waitUntil(lambda: clipped_texts(kit) == [], timeout=3000)
    assert clipped_texts(kit) == []
    kit.reject()
    help_dialog = window.open_help()
    qtbot.waitExposed(help_dialog)
    assert clipped_texts(help_dialog) == []
    help_dialog.reject()
    wizard = FirstRunWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    for _page in range(5):
        assert clipped_texts(wizard) == [], wizard.currentId()
        wizard.next()
    wizard.reject()
