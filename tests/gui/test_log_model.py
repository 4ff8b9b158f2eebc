"""The activity-log model and its filter, without widgets (and through qtmodeltester)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hisconsole.ui.partials.models import Column, LogFilter, LogModel, RecordsModel


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
    }
    row.update(fields)
    return row


def sample() -> list[dict[str, Any]]:
    return [
        entry(0, "HIS and LIS down", kind="declared", data={"level": "II", "systems": ["HIS"]}),
        entry(1, "Vendor called", kind="action", group="tech", system="HIS"),
        entry(2, "", kind="status", system="LIS", data={"status": "down", "estimate": "04:30"}),
        entry(3, "Wards on paper", kind="decision", group="business"),
        entry(4, "Vendor called at 02:01", kind="correction", corrects="e1"),
    ]


def test_log_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = LogModel()
    model.set_entries("INC-1", sample())
    qtmodeltester.check(model)
    proxy = LogFilter()
    proxy.setSourceModel(model)
    proxy.set_filter(text="vendor")
    qtmodeltester.check(proxy)


def test_records_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = RecordsModel(
        [
            Column(lambda: "Done", lambda r: "", checked=lambda r: r["done"]),
            Column(lambda: "Step", lambda r: r["text"], background=lambda r: "#FFB300"),
        ]
    )
    model.set_rows([{"done": True, "text": "Call vendor"}, {"done": False, "text": "Paper"}])
    qtmodeltester.check(model)


def test_cells_spell_out_what_the_console_recorded() -> None:
    model = LogModel()
    model.set_entries("INC-1", sample())
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Entry"
    cells = [model.index(row, LogModel.TEXT).data() for row in range(model.rowCount())]
    assert cells == [
        "Level II: HIS and LIS down (HIS)",
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

    model = LogModel()
    model.set_entries(
        "INC-1",
        [
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
        ],
    )
    level, status, state = (model.index(row, LogModel.TEXT).data() for row in range(3))
    assert state.startswith("level I (set by Li Lei on Laptop B at ")
    assert "came after Wang Fang resolved the incident on Laptop A at " in state
    assert state.endswith("the incident stays resolved")
    assert level.startswith("Sync replaced level II (set by Wang Fang on Laptop A at ")
    assert "with level I (set by Li Lei on Laptop B at " in level
    assert level.endswith("decided apart on two laptops, the later one counts")
    assert "HIS Fully functional (set by Wang Fang on Laptop A" in status
    assert "with HIS Partially functional (set by Li Lei on Laptop B" in status
    assert model.index(0, LogModel.KIND).data() == "Replaced by sync"


def test_filters_combine_and_entries_appended_later_are_filtered_too() -> None:
    model = LogModel()
    rows = sample()
    model.set_entries("INC-1", rows[:4])
    proxy = LogFilter()
    proxy.setSourceModel(model)
    proxy.set_filter(text="VENDOR")
    assert proxy.rowCount() == 1
    inserted: list[int] = []
    proxy.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    model.set_entries("INC-1", rows)  # the log grew by one: inserted, not reset
    assert inserted == [1] and proxy.rowCount() == 2
    proxy.set_filter(text="vendor", system="HIS")
    assert proxy.rowCount() == 1
    proxy.set_filter(kind="decision", group="business")
    assert [proxy.index(0, LogModel.TEXT).data()] == ["Wards on paper"]
    proxy.set_filter()
    assert proxy.rowCount() == 5
    # Another incident resets the model; the filter matches the new rows.
    proxy.set_filter(text="paper")
    model.set_entries("INC-2", [entry(0, "Paper forms out"), entry(1, "Runner sent")])
    assert proxy.rowCount() == 1


def test_a_big_log_is_filtered_off_the_ui_thread(qtbot: QtBot) -> None:
    model = LogModel()
    model.set_entries("INC-1", [entry(i % 60, f"entry {i}") for i in range(5000)])
    proxy = LogFilter()
    proxy.setSourceModel(model)
    assert model.rowCount() > LogFilter.SYNC_LIMIT  # matched on a worker thread
    with qtbot.waitSignal(proxy.filtered):
        proxy.set_filter(text="entry 49")
        # Until the match is done the view keeps what it showed.
        assert proxy.pending and proxy.rowCount() == 5000
        # An entry logged meanwhile is matched too.
        model.set_entries("INC-1", [*model.entries(), entry(0, "Entry 49 logged meanwhile")])
    assert not proxy.pending
    # "entry 49", "entry 490".."entry 499", "entry 4900".."entry 4999", the new one
    assert proxy.rowCount() == 1 + 10 + 100 + 1
    assert proxy.index(111, LogModel.TEXT).data() == "Entry 49 logged meanwhile"
    assert proxy.mapToSource(proxy.index(1, 0)).row() == 490
    assert proxy.index(1, LogModel.NUMBER).data() == "491"  # the entry's number in the log
    assert proxy.mapFromSource(model.index(490, 0)).row() == 1
    assert not proxy.mapFromSource(model.index(50, 0)).isValid()
    # A filter set while another is being matched replaces it.
    with qtbot.waitSignal(proxy.filtered):
        proxy.set_filter(text="entry 4999")
        proxy.set_filter(text="ENTRY 4998")
    assert [proxy.index(r, LogModel.TEXT).data() for r in range(proxy.rowCount())] == ["entry 4998"]
    with qtbot.waitSignal(proxy.filtered, timeout=1000):
        proxy.set_filter()  # nothing filtered: every row, at once
    assert proxy.rowCount() == 5001


def test_a_read_of_what_was_added_is_inserted_and_a_stale_one_refused() -> None:
    from hisconsole.services.incident_log import LogChunk, LogMark

    model = LogModel()
    rows = sample()
    first, later = LogMark(3, "h3", "e3"), LogMark(5, "h5", "e4")
    assert model.take(LogChunk("INC-1", rows[:4], whole=True, mark=first))
    assert model.mark == first and model.rowCount() == 4
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda _p, a, b: events.append(f"inserted {a}-{b}"))
    # Read from another mark (the model moved on meanwhile): nothing changes.
    assert not model.take(LogChunk("INC-1", rows[4:], whole=False, after=later, mark=later))
    assert model.rowCount() == 4 and model.mark == first and events == []
    assert model.take(LogChunk("INC-1", rows[4:], whole=False, after=first, mark=later))
    assert events == ["inserted 4-4"] and model.mark == later
    assert [e["entry"] for e in model.entries()] == [r["entry"] for r in rows]
    assert model.number_of("e4") == 5
    # Nothing added: the mark stays, no signal.
    assert model.take(LogChunk("INC-1", [], whole=False, after=later, mark=later))
    assert events == ["inserted 4-4"]
