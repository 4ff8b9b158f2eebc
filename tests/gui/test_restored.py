"""A laptop restored from a backup, as the window shows it: the line under the banner
says why nothing can be recorded and offers the ways out; it goes once the laptop has
taken in the other laptops' entries, or the user says it records alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, maintenance, restored
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.ui.app import create_main_window
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.sync.page import SyncPage
from tests.gui.conftest import english_settings
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import load_plan

from .conftest import settle

keys = sync_fixtures.keys
empty_template = sync_fixtures.empty_template
laptops = sync_fixtures.laptops

Laptops = Callable[..., Console]
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def restored_a(laptops: Laptops, tmp_path: Path) -> Iterator[tuple[Console, Console, str]]:
    """Laptop A restored from a backup taken before it declared an incident, which only
    laptop B still holds; (A reopened, B, the incident)."""
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    maintenance.backup(a, tmp_path / "monday.sqlite3")
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    bundles_service.export_bundle(a, tmp_path / "a.bundle")
    bundles_service.import_bundle(b, tmp_path / "a.bundle")
    a.close()
    maintenance.restore(a.data_dir, tmp_path / "monday.sqlite3")
    again = Console.open(a.data_dir)
    yield again, b, incident
    again.close()


@pytest.fixture
def window_of(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[Console], MainWindow]]:
    opened: list[MainWindow] = []

    def make(console: Console) -> MainWindow:
        main = create_main_window(console, english_settings(tmp_path / "ui.ini"), use_tray=False)
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        settle(qtbot, main)
        opened.append(main)
        return main

    yield make
    for main in opened:
        main.close()
        main.ctx.translations.uninstall()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Questions answered with ``answers["question"]``; what was asked is recorded."""
    answers: dict[str, Any] = {"question": QMessageBox.StandardButton.Yes, "asked": []}

    def question(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        answers["asked"].append(f"{title}\n{text}")
        return answers["question"]

    monkeypatch.setattr(QMessageBox, "question", question)
    return answers


def test_the_line_shows_the_backup_and_goes_when_a_bundle_brings_the_entries_back(
    qtbot: QtBot,
    restored_a: tuple[Console, Console, str],
    window_of: Callable[[Console], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    a, b, incident = restored_a
    window = window_of(a)
    strip = window.restored_strip
    qtbot.waitUntil(strip.isVisible)
    assert "restored from the backup monday.sqlite3" in strip.text()
    assert "records nothing" in strip.text()
    qtbot.mouseClick(strip.sync_button, LEFT)
    page = window.current_page()
    assert isinstance(page, SyncPage)

    bundles_service.export_bundle(b, tmp_path / "b.bundle")
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName",
        lambda *_args, **_kwargs: (str(tmp_path / "b.bundle"), ""),
    )
    page.start("import")
    qtbot.waitUntil(lambda: not strip.isVisible())
    assert strip.text() == ""
    assert restored.restored_from(a) is None
    assert incident in [i["id"] for i in incidents.list_incidents(a)]
    incidents.log(a, incident, "recorded again")  # no longer refused


def test_record_alone_asks_what_it_risks_then_the_laptop_records_again(
    qtbot: QtBot,
    restored_a: tuple[Console, Console, str],
    window_of: Callable[[Console], MainWindow],
    asked: dict[str, Any],
) -> None:
    a, _b, _incident = restored_a
    window = window_of(a)
    strip = window.restored_strip
    qtbot.waitUntil(strip.isVisible)

    asked["question"] = QMessageBox.StandardButton.No
    qtbot.mouseClick(strip.alone_button, LEFT)
    settle(qtbot, window)
    assert strip.isVisible()
    assert restored.restored_from(a) == "monday.sqlite3"
    question = asked["asked"][0]
    assert "monday.sqlite3" in question
    assert "will never come back" in question

    asked["question"] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(strip.alone_button, LEFT)
    qtbot.waitUntil(lambda: not strip.isVisible())
    assert restored.restored_from(a) is None
    incident, _ = incidents.declare(a, level="III", title="Recorded alone")
    assert incident in [i["id"] for i in incidents.list_incidents(a)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_refused_write_in_the_window_names_the_lines_ways_out(
    qtbot: QtBot,
    restored_a: tuple[Console, Console, str],
    window_of: Callable[[Console], MainWindow],
    lang: str,
) -> None:
    """The window's refusal points at the red line's buttons, not at the command line."""
    a, _b, _incident = restored_a
    window = window_of(a)
    strip = window.restored_strip
    qtbot.waitUntil(strip.isVisible)
    window.set_language(lang)
    with qtbot.waitSignal(window.ctx.runner.failed) as failed:
        window.ctx.runner.op(lambda: incidents.declare(a, level="III", title="too early"))
    said = failed.args[0]
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert said in [box.text() for box in boxes if box.isVisible()]
    assert "monday.sqlite3" in said
    assert strip.sync_button.text() in said and strip.alone_button.text() in said, said
    assert "hisconsole" not in said and "restore --alone" not in said, said
    if lang == "zh":
        assert "打开同步页" in said and "Sync" not in said, said
    assert incidents.list_incidents(a) == []  # nothing was changed
    for box in boxes:
        box.close()


def test_the_line_is_not_there_on_a_laptop_that_records_as_usual(
    qtbot: QtBot, window: MainWindow
) -> None:
    settle(qtbot, window)
    assert restored.restored_from(window.ctx.console) is None
    assert not window.restored_strip.isVisible()
    assert window.restored_strip.text() == ""
