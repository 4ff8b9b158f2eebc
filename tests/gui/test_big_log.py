"""An incident with 20,000 log entries on the incident page: the page holds the rows it
shows, not the log; a filter finds an entry far back; new entries appear as they are
logged; a correction names the number of an entry 20,000 rows up."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents
from hisconsole.services.console import Console
from hisconsole.services.log_window import BLOCK
from hisconsole.ui.incident.log_tab import LogTab
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.partials.dialogs import TextDialog
from hisconsole.ui.partials.log_model import LogModel
from tests.support import bulk_log

from .conftest import settle

BULK = 20_000
#: The declaration, the oxygen count, the bulk, and the count's correction.
ENTRIES = BULK + 3
OXYGEN = "Oxygen cylinders counted on ward 7"
FIXED = "[Corrects #2] Oxygen: 12 cylinders, not 10"


@pytest.fixture(scope="module")
def _big_data_dir(tmp_path_factory: pytest.TempPathFactory, _template_data_dir: Path) -> Path:
    """Built once for the module (signing 20,000 events takes a while)."""
    path = tmp_path_factory.mktemp("big") / "data"
    shutil.copytree(_template_data_dir, path)
    console = Console.open(path)
    console.sign_in("Wang Fang", "it-duty")
    incident_id, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    oxygen = incidents.log(console, incident_id, OXYGEN).entry
    console.close()
    texts = [f"Ward {n % 40}: runner took lab sample {n} to the central lab" for n in range(BULK)]
    bulk_log(path, incident_id, texts)
    console = Console.open(path)
    console.sign_in("Wang Fang", "it-duty")
    incidents.log(
        console, incident_id, "Oxygen: 12 cylinders, not 10", kind="correction", corrects=oxygen
    )
    console.close()
    return path


@pytest.fixture
def window_console(tmp_path: Path, _big_data_dir: Path) -> Iterator[Console]:
    path = tmp_path / "big"
    shutil.copytree(_big_data_dir, path)
    console = Console.open(path)
    console.sign_in("Wang Fang", "it-duty")
    yield console
    console.close()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    from .conftest import english_settings

    return english_settings(tmp_path / "ui.ini")


def log_tab(qtbot: QtBot, window: MainWindow) -> LogTab:
    (incident,) = [i["id"] for i in incidents.list_incidents(window.ctx.console)]
    window.open_incident(incident)
    settle(qtbot, window)
    return window.incident_page.log_tab


def held(model: LogModel) -> int:
    return sum(model.row_at(position) is not None for position in range(model.rowCount()))


def text_at(model: LogModel, position: int) -> str | None:
    value = model.index(position, LogModel.TEXT).data()
    return value if isinstance(value, str) else None


def scroll_to(qtbot: QtBot, tab: LogTab, position: int) -> None:
    """Scroll the view to ``position`` and wait until the rows it shows are read."""
    tab.log_view.scrollTo(tab.log_model.index(position, 0))
    view = tab.log_view
    for y in (0, view.viewport().height() - 1):
        qtbot.waitUntil(lambda y=y: text_at(tab.log_model, view.rowAt(y)) is not None)


def test_a_big_log_shows_its_end_and_any_place_holding_only_a_few_blocks(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = log_tab(qtbot, window)
    model = tab.log_model
    assert model.rowCount() == ENTRIES
    assert tab.log_count.text() == f"{ENTRIES} entries"
    # The latest entries are shown; the correction names the entry 20,000 rows up.
    view = tab.log_view
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 1) == ENTRIES - 1)
    assert text_at(model, ENTRIES - 1) == FIXED
    assert held(model) == BLOCK  # read with the list: the view asked for no more
    for position in (0, 7_000, 13_001, 19_999, 1):
        scroll_to(qtbot, tab, position)
        top = view.rowAt(0)
        assert model.index(top, LogModel.NUMBER).data() == str(top + 1)
        if top >= 2:  # a bulk row: its sample number is its place less two
            assert text_at(model, top) == (
                f"Ward {(top - 2) % 40}: runner took lab sample {top - 2} to the central lab"
            )
    assert text_at(model, 1) == OXYGEN
    assert held(model) <= LogModel.CACHE_BLOCKS * BLOCK


def test_a_filter_finds_an_entry_far_back_and_new_entries_appear_live(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = log_tab(qtbot, window)
    model = tab.log_model
    qtbot.keyClicks(tab.filter_edit, "OXYGEN")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    settle(qtbot, window)
    assert [text_at(model, 0), text_at(model, 1)] == [OXYGEN, FIXED]
    assert model.index(0, LogModel.NUMBER).data() == "2"
    assert model.index(1, LogModel.NUMBER).data() == str(ENTRIES)
    assert tab.log_count.text() == f"Showing 2 of {ENTRIES} entries"

    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    console, incident = window.ctx.console, tab.current_id()
    assert incident is not None
    window.ctx.runner.op(lambda: incidents.log(console, incident, "Oxygen delivered to ward 2"))
    window.ctx.runner.op(lambda: incidents.log(console, incident, "Runner back"))
    settle(qtbot, window)
    assert model.rowCount() == 3 and text_at(model, 2) == "Oxygen delivered to ward 2"
    assert tab.log_count.text() == f"Showing 3 of {ENTRIES + 2} entries"
    assert resets == []  # inserted, not read anew

    tab.filter_edit.clear()
    tab.apply_filter()
    settle(qtbot, window)
    assert model.rowCount() == ENTRIES + 2
    view = tab.log_view
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 1) == ENTRIES + 1)
    assert text_at(model, ENTRIES + 1) == "Runner back"
    resets.clear()
    window.ctx.runner.op(lambda: incidents.log(console, incident, "Pharmacy on paper"))
    settle(qtbot, window)
    assert resets == [] and text_at(model, ENTRIES + 2) == "Pharmacy on paper"
    assert held(model) <= LogModel.CACHE_BLOCKS * BLOCK


def test_an_entry_far_back_is_corrected_by_its_number(qtbot: QtBot, window: MainWindow) -> None:
    tab = log_tab(qtbot, window)
    scroll_to(qtbot, tab, 0)
    tab.select_log_row(1)
    # Scrolled through more blocks than are held, the selected entry is still held.
    for position in range(1_000, BULK, 1_500):
        scroll_to(qtbot, tab, position)
    assert tab.log_model.row_at(1_000) is None and tab.log_model.row_at(1) is not None
    dialog = tab.correct()
    assert isinstance(dialog, TextDialog)
    assert dialog.intro_label.text().startswith("Entry #2 stays in the log as it was")
    assert dialog.text_edit.text() == OXYGEN
    dialog.text_edit.setText("Oxygen cylinders counted on ward 8")
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert closed == [QDialog.DialogCode.Accepted]
    model = tab.log_model
    assert model.rowCount() == ENTRIES + 1
    scroll_to(qtbot, tab, ENTRIES)
    assert text_at(model, ENTRIES) == "[Corrects #2] Oxygen cylinders counted on ward 8"


def test_an_entry_chosen_before_it_is_read_is_corrected_once_it_is(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = log_tab(qtbot, window)
    tab.select_log_row(10_000)  # far from what was read
    assert tab.log_model.row_at(10_000) is None
    assert tab.correct() is None  # not yet: its row is being read

    def shown() -> list[TextDialog]:
        return [d for d in window.findChildren(TextDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    (dialog,) = shown()
    assert dialog.intro_label.text().startswith("Entry #10001 stays in the log as it was")
    assert dialog.text_edit.text() == "Ward 38: runner took lab sample 9998 to the central lab"
    dialog.reject()


def test_a_big_log_replays_step_by_step_without_being_read_whole(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = log_tab(qtbot, window)
    console, incident = window.ctx.console, tab.current_id()
    assert incident is not None
    window.ctx.runner.op(lambda: incidents.resolve(console, incident))
    settle(qtbot, window)
    page = window.incident_page
    page.tabs.setCurrentWidget(page.replay_tab)
    settle(qtbot, window)
    replay = page.replay_tab
    steps = replay.count
    assert steps > ENTRIES and replay.slider.maximum() == steps - 1
    replay.show_frame(10_000)
    qtbot.waitUntil(
        lambda: (
            replay.entry_label.text() == "Ward 38: runner took lab sample 9998 to the central lab"
        )
    )
    assert replay.position_label.text() == f"Entry 10001 of {steps}"
    assert replay.level_label.text() == "Level II · Severe"
    assert replay.chip_texts() == ["HIS: Non-functional"]
    replay.last_frame()
    assert replay.state_label.text() == "Incident: Resolved"
    assert replay.chip_texts() == ["HIS: Fully functional"]
    qtbot.waitUntil(lambda: replay.kind_label.text() == "Resolved · by Wang Fang")
    assert held(replay.log_model) <= LogModel.CACHE_BLOCKS * BLOCK
