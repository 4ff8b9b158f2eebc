"""The activity-log model, read by position (through qtmodeltester too), and the words of
each entry, without the window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, log_window
from hisconsole.services.console import Console
from hisconsole.services.log_window import LogQuery
from hisconsole.ui.partials.log_model import LogModel
from hisconsole.ui.partials.log_words import entry_text
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.runner import Runner


def entry(number: int, text: str, **fields: Any) -> dict[str, Any]:
    row = {
        "entry": f"e{number}",
        "at": f"2026-11-25T02:{number:02d}:00+00:00",
        "by": "Wang Fang",
        "kind": "note",
        "group": None,
        "system": None,
        "text": text,
        "data": {},
        "corrects": None,
        "number": number + 1,
        "corrects_number": None,
    }
    row.update(fields)
    return row


@pytest.fixture
def runner() -> Iterator[Runner]:
    r = Runner()
    yield r
    r.shutdown()


@pytest.fixture
def incident(console: Console) -> str:
    console.sign_in("Wang Fang", "it-duty")
    incident_id, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    vendor = incidents.log(console, incident_id, "Vendor called", kind="action", group="tech")
    incidents.set_system_status(console, incident_id, "LIS", "down", estimate="04:30")
    incidents.log(console, incident_id, "Wards on paper", kind="decision", group="business")
    incidents.log(
        console, incident_id, "Vendor called at 02:01", kind="correction", corrects=vendor.entry
    )
    return incident_id


def shown(qtbot: QtBot, runner: Runner, model: LogModel, query: LogQuery | None) -> None:
    with qtbot.waitSignal(model.listed):
        model.show(query)
    qtbot.waitUntil(runner.is_idle)


def texts(model: LogModel) -> list[str]:
    return [model.index(row, LogModel.TEXT).data() for row in range(model.rowCount())]


def test_log_model_passes_qtmodeltester(
    qtbot: QtBot, qtmodeltester: ModelTester, runner: Runner, console: Console, incident: str
) -> None:
    model = LogModel(runner, lambda: console)
    shown(qtbot, runner, model, LogQuery(incident))
    qtmodeltester.check(model)
    shown(qtbot, runner, model, LogQuery(incident, text="vendor"))
    qtmodeltester.check(model)


def test_records_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = RecordsModel(
        [
            Column(lambda: "Done", lambda r: "", checked=lambda r: r["done"]),
            Column(lambda: "Step", lambda r: r["text"], background=lambda r: "#FFB300"),
        ]
    )
    model.set_rows([{"done": True, "text": "Call vendor"}, {"done": False, "text": "Paper"}])
    qtmodeltester.check(model)


def test_cells_spell_out_what_the_console_recorded(
    qtbot: QtBot, runner: Runner, console: Console, incident: str
) -> None:
    model = LogModel(runner, lambda: console)
    shown(qtbot, runner, model, LogQuery(incident))
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Entry"
    assert texts(model) == [
        "Level II: HIS down (HIS)",
        "Vendor called",
        "LIS: Non-functional · estimate 04:30",
        "Wards on paper",
        "[Corrects #2] Vendor called at 02:01",
    ]
    assert model.index(1, LogModel.KIND).data() == "Action"
    assert model.index(4, LogModel.NUMBER).data() == "5"


def test_a_decision_sync_replaced_is_spelt_out_with_who_and_which_laptop() -> None:
    def said(value: str, author: str, laptop: str, minute: int) -> dict[str, str]:
        return {
            "value": value,
            "author": author,
            "device": laptop.lower().replace(" ", ""),
            "device_name": laptop,
            "at": f"2026-11-25T02:{minute:02d}:00+00:00",
        }

    level, status, state = (
        entry_text(row)
        for row in (
            entry(
                0,
                "",
                kind="overridden",
                data={
                    "register": "level",
                    "replaced": said("II", "Wang Fang", "Laptop A", 5),
                    "kept": said("I", "Li Lei", "Laptop B", 6),
                },
            ),
            entry(
                1,
                "",
                kind="overridden",
                system="HIS",
                data={
                    "register": "status",
                    "replaced": said("up", "Wang Fang", "Laptop A", 7),
                    "kept": said("degraded", "Li Lei", "Laptop B", 8),
                },
            ),
            entry(
                2,
                "",
                kind="overridden",
                data={
                    "register": "state",
                    "replaced": said("I", "Li Lei", "Laptop B", 9),
                    "kept": said("resolved", "Wang Fang", "Laptop A", 8),
                },
            ),
        )
    )
    assert state.startswith("level I (set by Li Lei on Laptop B at ")
    assert "came after Wang Fang resolved the incident on Laptop A at " in state
    assert state.endswith("the incident stays resolved")
    assert level.startswith("Sync replaced level II (set by Wang Fang on Laptop A at ")
    assert "with level I (set by Li Lei on Laptop B at " in level
    assert level.endswith("decided apart on two laptops, the later one counts")
    assert "HIS Fully functional (set by Wang Fang on Laptop A" in status
    assert "with HIS Partially functional (set by Li Lei on Laptop B" in status
    # A correction whose entry's number is not known says so.
    assert entry_text(entry(3, "Fixed", corrects="e9")) == "[Corrects #?] Fixed"


def test_filters_combine_and_entries_appended_later_are_filtered_too(
    qtbot: QtBot, runner: Runner, console: Console, incident: str
) -> None:
    model = LogModel(runner, lambda: console)
    shown(qtbot, runner, model, LogQuery(incident, text="VENDOR"))
    assert texts(model) == ["Vendor called", "[Corrects #2] Vendor called at 02:01"]
    assert [model.index(r, LogModel.NUMBER).data() for r in range(2)] == ["2", "5"]
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    incidents.log(console, incident, "Vendor's engineer on site")
    incidents.log(console, incident, "Runner sent to ward 3")
    with qtbot.waitSignal(model.listed):
        model.refresh()
    # The log grew by two, one of them in the list: inserted, not reset.
    assert inserted == [(2, 2)] and resets == []
    assert texts(model)[-1] == "Vendor's engineer on site"
    assert model.listing is not None and model.listing.entries == 7
    shown(qtbot, runner, model, LogQuery(incident, text="vendor", kind="action"))
    assert texts(model) == ["Vendor called"]
    shown(qtbot, runner, model, LogQuery(incident, kind="decision", group="business"))
    assert texts(model) == ["Wards on paper"]
    shown(qtbot, runner, model, LogQuery(incident))
    assert model.rowCount() == 7
    # Another incident: the list is read anew (a reset).
    other, _ = incidents.declare(console, level="IV", title="Printer jam")
    shown(qtbot, runner, model, LogQuery(other, text="printer"))
    assert resets and texts(model) == ["Level IV: Printer jam"]


def test_rows_are_read_on_the_worker_a_block_at_a_time_and_few_are_held(
    qtbot: QtBot,
    runner: Runner,
    console: Console,
    incident: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for n in range(60):
        incidents.log(console, incident, f"entry {n}")
    monkeypatch.setattr(log_window, "BLOCK", 8)
    monkeypatch.setattr("hisconsole.ui.partials.log_model.BLOCK", 8)
    monkeypatch.setattr(LogModel, "CACHE_BLOCKS", 2)
    threads: set[int] = set()
    read_rows = log_window.read_rows
    monkeypatch.setattr(
        log_window,
        "read_rows",
        lambda *args: threads.add(threading.get_ident()) or read_rows(*args),
    )
    model = LogModel(runner, lambda: console)
    shown(qtbot, runner, model, LogQuery(incident))
    assert model.rowCount() == 65
    # The list's last block came with it; the first row is not held: its cells are
    # empty until it is read, off the UI thread.
    assert model.row_at(64) is not None and model.row_at(0) is None
    model.keep(64)  # the selected row: never dropped
    assert model.index(0, LogModel.TEXT).data() is None
    qtbot.waitUntil(lambda: model.index(0, LogModel.TEXT).data() == "Level II: HIS down (HIS)")
    assert threads and threading.get_ident() not in threads
    got: list[str] = []
    model.when_row(30, lambda row: got.append(row["text"]))
    qtbot.waitUntil(lambda: got == ["entry 25"])
    # Two blocks are held at most, besides the row kept.
    model.when_row(12, lambda row: got.append(row["text"]))
    qtbot.waitUntil(lambda: len(got) == 2)
    assert got[1] == "entry 7"
    held = [p for p in range(65) if model.row_at(p) is not None]
    assert len(held) <= 3 * 8 and model.row_at(64) is not None and model.row_at(0) is None
    # A view's type-ahead looks among the rows held: it reads nothing more.
    found = model.match(
        model.index(40, LogModel.TEXT),
        Qt.ItemDataRole.DisplayRole,
        "ENTRY 2",
        -1,
        Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    )
    assert runner.is_idle()
    rows = {p: row for p in held if (row := model.row_at(p)) is not None}
    assert [index.row() for index in found] == [
        p
        for p in [*range(40, 65), *range(40)]
        if p in rows and rows[p]["text"].startswith("entry 2")
    ]
    assert found
