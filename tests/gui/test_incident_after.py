"""After the incident, on the Incident page: reports and CAP alert, the review, the replay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, review
from hisconsole.services.console import Console
from hisconsole.ui.i18n import format_date, format_time
from hisconsole.ui.incident.page import IncidentPage
from hisconsole.ui.incident.review import OpenImprovementsDialog
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.partials.log_words import entry_text
from hisconsole.ui.partials.print_flow import PrintDialog
from hisconsole.ui.situation import touching
from tests.conftest import PrintQueue
from tests.printers.test_print_cli import page_sized_images
from tests.support import Clock

from .conftest import OFFSCREEN_SIZE_HINTS, settle, shown_rows

LEVEL_II_ORANGE = "#EF6C00"
LEVEL_I_RED = "#C62828"


@pytest.fixture
def incident_id(timed: Console, clock: Clock) -> str:
    """A level-II HIS and LIS outage run to its end through the services, minute by minute."""
    new_id, _ = incidents.declare(
        timed, level="II", title="HIS and LIS down", systems=["HIS", "LIS"]
    )
    clock.advance(5)
    incidents.log(timed, new_id, "Wards switched to paper forms", kind="action")
    clock.advance(3)
    incidents.change_level(timed, new_id, "I", "EMR failing too")
    clock.advance(2)
    incidents.record_report(
        timed, new_id, recipient="Health commission duty office", channel="phone"
    )
    clock.advance(30)
    incidents.set_system_status(timed, new_id, "LIS", "up", comment="LIS back")
    clock.advance(20)
    incidents.resolve(timed, new_id, note="HIS restored")
    return new_id


@pytest.fixture
def window_console(timed: Console, incident_id: str) -> Console:
    """The window opens on a console whose clock the test moves, once the incident is there."""
    return timed


def open_page(qtbot: QtBot, window: MainWindow, incident_id: str, tab: QWidget) -> IncidentPage:
    window.open_incident(incident_id)
    settle(qtbot, window)
    page = window.incident_page
    assert page.current_id() == incident_id
    page.tabs.setCurrentWidget(tab)
    settle(qtbot, window)
    return page


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Answer the save dialog with ``path`` (None: the user cancels); returns the titles asked."""
    asked: list[str] = []

    def ask(_parent: QWidget, title: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(title)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return asked


def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def box(_parent: QWidget, _title: str, text: str, *_args: Any) -> int:
        shown.append(text)
        return int(QMessageBox.StandardButton.Ok)

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, box)
    return shown


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


# -- reports --------------------------------------------------------------------------------


def test_reports_and_the_cap_alert_are_saved_where_the_user_chooses(
    qtbot: QtBot,
    window: MainWindow,
    incident_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.review_tab)
    out = tmp_path / "out"
    out.mkdir()
    bar = page.reports_bar
    assert [b.text() for b in bar.buttons.values()] == [
        "Initial report…",
        "Follow-up report…",
        "Final report…",
        "CAP message…",
    ]
    assert all(b.isEnabled() for b in bar.buttons.values())

    # The final report: its menu's "Save as PDF…", the file dialog answered with a name
    # without suffix.
    asked = save_to(monkeypatch, out / "final")
    bar.save_actions["final"].trigger()
    settle(qtbot, window)
    assert asked == ["Final report: save as PDF"]
    saved = out / "final.pdf"
    text = pdf_text(saved)
    assert incident_id in text
    # In the interface's language (English here): no Chinese label on it.
    assert "Final report" in text and "终报" not in text and "[resolved]" in text
    assert bar.status_label.text() == f"Final report saved: {saved}"

    # No CAP message went out yet: only the Alert can be written; then the Cancel
    # references it, and both are in the incident's log.
    assert [bar.cap_actions[t].isEnabled() for t in ("alert", "update", "cancel")] == [
        True,
        False,
        False,
    ]
    asked = save_to(monkeypatch, out / "alert.xml")
    bar.cap_actions["alert"].trigger()
    settle(qtbot, window)
    assert asked == ["CAP Alert: save as XML"]
    alert = (out / "alert.xml").read_text(encoding="utf-8")
    assert "<msgType>Alert</msgType>" in alert
    identifier = alert.split("<identifier>")[1].split("</identifier>")[0]
    assert bar.status_label.text() == f"CAP Alert {identifier} saved: {out / 'alert.xml'}"
    qtbot.waitUntil(lambda: bar.cap_actions["cancel"].isEnabled())
    asked = save_to(monkeypatch, out / "cancel.xml")
    bar.cap_actions["cancel"].trigger()
    settle(qtbot, window)
    assert asked == ["CAP Cancel: save as XML"]
    xml = (out / "cancel.xml").read_text(encoding="utf-8")
    assert "<msgType>Cancel</msgType>" in xml
    assert f",{identifier}," in xml.split("<references>")[1].split("</references>")[0]
    logged = [entry_text(r) for r in shown_rows(page.log_tab.log_model) if r["kind"] == "cap"]
    assert logged[0] == f"CAP Alert {identifier}"
    assert logged[1].startswith("CAP Cancel ") and logged[1].endswith(f"references {identifier}")

    # Cancelling the dialog writes nothing and says nothing.
    save_to(monkeypatch, None)
    before = bar.status_label.text()
    bar.save_report("initial")
    settle(qtbot, window)
    assert bar.status_label.text() == before
    assert sorted(p.name for p in out.iterdir()) == ["alert.xml", "cancel.xml", "final.pdf"]


def test_an_unwritable_path_is_said_calmly_and_nothing_is_written(
    qtbot: QtBot,
    window: MainWindow,
    incident_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.replay_tab)
    boxes = no_message_boxes(monkeypatch)
    target = tmp_path / "missing-folder" / "followup.pdf"
    save_to(monkeypatch, target)
    page.reports_bar.save_report("followup")
    settle(qtbot, window)
    shown = page.reports_bar.status_label.text()
    assert shown.startswith("Follow-up report not saved. Cannot write")
    assert str(target) in shown
    assert "#B3261E" in page.reports_bar.status_label.styleSheet()
    assert boxes == []
    assert not target.parent.exists()
    # The next try, somewhere writable, works and says so in the usual colour.
    save_to(monkeypatch, tmp_path / "followup.pdf")
    page.reports_bar.save_report("followup")
    settle(qtbot, window)
    assert "Follow-up report" in pdf_text(tmp_path / "followup.pdf")  # the interface language
    assert "#B3261E" not in page.reports_bar.status_label.styleSheet()


def test_a_report_prints_on_the_chosen_printer(
    qtbot: QtBot, window: MainWindow, incident_id: str, cups_queue: PrintQueue
) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.review_tab)
    bar = page.reports_bar
    bar.print_actions["initial"].trigger()
    dialog = window.findChild(PrintDialog)
    assert dialog is not None and dialog.windowTitle() == "Initial report: print"
    combo = dialog.panel.printer_combo
    qtbot.waitUntil(lambda: combo.findData(cups_queue.name) >= 0, timeout=10000)
    combo.setCurrentIndex(combo.findData(cups_queue.name))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in dialog.panel.job_label.text(), timeout=60000)
    settle(qtbot, window)
    assert dialog.panel.job_label.text().startswith(f"Job {cups_queue.name}-")
    [output] = cups_queue.printed()
    assert len(PdfReader(output).pages) >= 1
    assert page_sized_images(output) == []
    assert dialog.close_button.isEnabled()
    dialog.reject()


# -- review ---------------------------------------------------------------------------------


# Raising the open-improvements window again: the offscreen platform cannot, and says so.
@pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS, r"This plugin does not support raise\(\)")
def test_review_timings_notes_and_improvement_items(
    qtbot: QtBot, window: MainWindow, incident_id: str, clock: Clock
) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.review_tab)
    tab = page.review_tab
    model = tab.timings_model
    rows = [
        tuple(model.index(row, column).data() for column in (0, 2, 3))
        for row in range(model.rowCount())
    ]
    assert rows == [
        ("Detected (first reported)", "0 min", ""),
        ("Declared", "0 min", ""),
        ("Initial report", "10 min", "made on time"),
        # Due 30 min after the report at level I; the incident was resolved 50 min after it.
        ("Follow-up report", "", "missed"),
        ("HIS restored", "60 min", ""),
        ("LIS restored", "40 min", ""),
        ("Resolved", "60 min", ""),
        ("Closed", "", ""),
    ]
    assert model.index(7, 1).data() == "not yet"
    assert model.index(3, 1).data() == "not made"
    first_report = "2026-11-25T02:10:00+00:00"  # in local time, with its date
    assert model.index(2, 1).data() == format_time(first_report, with_date=True)

    # What went well and badly: saved together, read back from the service.
    tab.well_edit.setPlainText("Paper forms were out within 5 minutes")
    tab.badly_edit.setPlainText("Lab phone line was busy")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    saved = review.review(window.ctx.console, incident_id)
    assert saved["went_well"] == "Paper forms were out within 5 minutes"
    assert saved["went_badly"] == "Lab phone line was busy"
    assert tab.status_label.text().startswith("Review notes saved at")
    assert not tab.well_edit.document().isModified()

    # An improvement item, with an owner, a due date and a plan section.
    assert tab.section_combo.itemText(0) == "(no plan section)"
    keys = [tab.section_combo.itemData(i) for i in range(tab.section_combo.count())]
    assert "levels/I" in keys and "scenarios/his-down" in keys
    tab.add_improvement()  # nothing typed: said, nothing added
    assert tab.status_label.text() == "Say what should change."
    qtbot.keyClicks(tab.item_edit, "Second phone line for the lab")
    tab.add_improvement()
    assert tab.status_label.text() == "Name the owner of the improvement item."
    qtbot.keyClicks(tab.owner_edit, "Zhao Lei")
    tab.due_edit.setDate(QDate(2026, 12, 15))
    tab.section_combo.setCurrentIndex(keys.index("scenarios/lis-down"))
    qtbot.keyClick(tab.owner_edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    (item,) = tab.items_model.rows()
    assert (item["text"], item["owner"], item["due"], item["plan_section"]) == (
        "Second phone line for the lab",
        "Zhao Lei",
        "2026-12-15",
        "scenarios/lis-down",
    )
    assert tab.item_edit.text() == "" and tab.owner_edit.text() == ""
    # One more, already overdue (today is 25/11/2026 on the test clock).
    window.ctx.runner.op(
        lambda: review.add_improvement(
            window.ctx.console, incident_id, "Update the call tree", owner="Li Na", due="2026-11-20"
        )
    )
    settle(qtbot, window)
    clock.advance(1)
    tab.reload()
    settle(qtbot, window)
    assert tab.items_model.rowCount() == 2

    # Still open across every incident: soonest due first, the overdue one in red.
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    dialog = tab.open_dialog
    assert isinstance(dialog, OpenImprovementsDialog) and dialog.isVisible()
    assert tab.show_open_improvements() is dialog  # one window, raised again
    assert [i["text"] for i in dialog.items()] == [
        "Update the call tree",
        "Second phone line for the lab",
    ]
    overdue = dialog.model.index(0, 1)
    assert overdue.data() == f"{format_date('2026-11-20')} — overdue"
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).name().upper() == "#B3261E"
    assert dialog.model.index(1, 1).data() == format_date("2026-12-15")
    assert dialog.model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert dialog.model.index(0, 4).data() == incident_id
    assert dialog.summary_label.text() == "2 improvement item(s) open, 1 overdue"

    # Ticking Done on the review tab removes the item from the open list.
    row = next(i for i, r in enumerate(tab.items_model.rows()) if r["owner"] == "Zhao Lei")
    done = Qt.CheckState.Checked.value
    tab.items_model.setData(tab.items_model.index(row, 0), done, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, window)
    assert [i["text"] for i in dialog.items()] == ["Update the call tree"]
    finished = next(r for r in tab.items_model.rows() if r["owner"] == "Zhao Lei")
    assert finished["done"]
    # And ticking it in the open list too.
    dialog.model.setData(dialog.model.index(0, 0), done, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, window)
    assert dialog.items() == []
    assert dialog.summary_label.text() == "No improvement item is open."
    assert review.open_improvements(window.ctx.console) == []
    dialog.close()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: tab.open_dialog is None)


def test_typing_in_the_review_is_not_lost_when_the_incident_changes(
    qtbot: QtBot, window: MainWindow, incident_id: str
) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.review_tab)
    tab = page.review_tab
    tab.badly_edit.setPlainText("Half typed")
    tab.badly_edit.document().setModified(True)
    # Someone else records a note on the incident: the page reads it all again.
    window.ctx.runner.op(
        lambda: review.note(window.ctx.console, incident_id, went_well="Calm", went_badly="")
    )
    settle(qtbot, window)
    assert tab.well_edit.toPlainText() == "Calm"
    assert tab.badly_edit.toPlainText() == "Half typed"


# -- replay ---------------------------------------------------------------------------------


def chips(page: IncidentPage) -> list[str]:
    return page.replay_tab.chip_texts()


def test_replay_steps_through_the_incident_as_it_happened(
    qtbot: QtBot, window: MainWindow, incident_id: str
) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.replay_tab)
    replay = page.replay_tab
    assert not replay.note_label.isVisible()
    assert replay.slider.maximum() == replay.count - 1 == 6

    replay.show_frame(0)
    assert replay.position_label.text() == "Entry 1 of 7"
    assert replay.level_label.text() == "Level II · Severe"
    assert LEVEL_II_ORANGE in replay.level_label.styleSheet()
    assert replay.state_label.text() == "Incident: Open"
    assert replay.kind_label.text() == "Declared · by Wang Fang"
    assert replay.entry_label.text() == "Level II: HIS and LIS down (HIS, LIS)"
    assert chips(page) == ["HIS: Non-functional", "LIS: Non-functional"]
    assert replay.reports_label.text() == "Upward reports made so far: 0"
    assert replay.time_label.text() == format_time(
        "2026-11-25T02:00:00+00:00", with_date=True, seconds=True
    )

    replay.next_frame()
    assert replay.entry_label.text() == "Wards switched to paper forms"
    assert replay.elapsed_label.text() == "+0:05 since first reported"
    replay.next_frame()
    assert replay.level_label.text() == "Level I · Especially severe"
    assert LEVEL_I_RED in replay.level_label.styleSheet()
    replay.next_frame()
    assert replay.reports_label.text() == "Upward reports made so far: 1"
    replay.previous_frame()
    assert replay.reports_label.text() == "Upward reports made so far: 0"
    assert replay.slider.value() == 2

    replay.last_frame()
    assert replay.position_label.text() == "Entry 7 of 7"
    assert replay.state_label.text() == "Incident: Resolved"
    assert replay.kind_label.text() == "Resolved · by Wang Fang"
    assert chips(page) == ["HIS: Fully functional", "LIS: Fully functional"]
    replay.next_frame()  # past the end: stays
    assert replay.index == 6

    # The slider moves through the steps as well, and so does choosing an entry of the log.
    replay.slider.setValue(4)
    assert chips(page) == ["HIS: Non-functional", "LIS: Fully functional"]
    assert replay.timeline.currentIndex().row() == 4
    replay.timeline.selectRow(1)
    assert replay.index == 1 and replay.slider.value() == 1
    assert replay.entry_label.text() == "Wards switched to paper forms"


def test_play_advances_one_entry_a_tick_and_stops_at_the_end(
    qtbot: QtBot, window: MainWindow, incident_id: str
) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.replay_tab)
    replay = page.replay_tab
    replay.last_frame()
    qtbot.mouseClick(replay.play_button, Qt.MouseButton.LeftButton)
    assert replay.is_playing() and replay.index == 0  # from the start again
    assert replay.timer.interval() == 1000
    assert replay.play_button.text() == "❚❚ Pause"
    replay.tick()
    replay.tick()
    assert replay.index == 2
    qtbot.mouseClick(replay.play_button, Qt.MouseButton.LeftButton)
    assert not replay.is_playing() and replay.play_button.text() == "▶ Play"
    replay.play()
    for _ in range(10):
        if replay.is_playing():
            replay.tick()
    assert replay.index == 6 and not replay.is_playing()
    # Leaving the tab stops a replay.
    replay.play()
    page.tabs.setCurrentIndex(0)
    assert not replay.is_playing()


def test_left_and_right_step_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, incident_id: str
) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.replay_tab)
    replay = page.replay_tab
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    replay.next_button.setFocus()
    qtbot.keyClick(replay.next_button, Qt.Key.Key_Right)
    qtbot.keyClick(replay.next_button, Qt.Key.Key_Right)
    assert replay.index == 2
    qtbot.keyClick(replay.next_button, Qt.Key.Key_Left)
    assert replay.index == 1
    qtbot.keyClick(replay.next_button, Qt.Key.Key_End)
    assert replay.index == 6
    qtbot.keyClick(replay.next_button, Qt.Key.Key_Home)
    assert replay.index == 0


def declare_now(qtbot: QtBot, window: MainWindow, **fields: Any) -> str:
    """Declare through the runner, as the window would (its pages then read it)."""
    console = window.ctx.console
    declared: list[str] = []
    window.ctx.runner.op(
        touching(lambda: incidents.declare(console, **fields)[0]),
        on_done=lambda done: declared.append(done.value),
    )
    settle(qtbot, window)
    return declared[0]


def test_an_open_incident_is_not_replayed_but_an_exercise_is(
    qtbot: QtBot, window: MainWindow
) -> None:
    live = declare_now(qtbot, window, level="III", title="PACS slow", systems=["PACS"])
    drill = declare_now(qtbot, window, level="IV", title="Drill", systems=["LIS"], exercise=True)
    page = open_page(qtbot, window, live, window.incident_page.replay_tab)
    replay = page.replay_tab
    assert replay.note_label.isVisible()
    assert "is still open" in replay.note_label.text()
    assert not replay.panel.isVisible() and not replay.play_button.isEnabled()

    page.show_incident(drill)
    settle(qtbot, window)
    assert not replay.note_label.isVisible()
    assert replay.play_button.isEnabled()
    assert chips(page) == ["LIS: Non-functional"]


def test_review_and_replay_in_chinese(qtbot: QtBot, window: MainWindow, incident_id: str) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.review_tab)
    window.set_language("zh")
    settle(qtbot, window)
    names = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert names[-2:] == ["复盘", "回放"]
    assert page.reports_bar.buttons["final"].text() == "终报…"
    tab = page.review_tab
    assert tab.timings_model.index(0, 0).data() == "发现"
    assert tab.timings_model.index(2, 0).data() == "首报"
    assert tab.timings_model.index(2, 3).data() == "按时"
    assert tab.timings_model.index(3, 3).data() == "漏报"
    assert tab.timings_model.index(3, 1).data() == "未报"
    assert tab.timings_model.index(4, 0).data() == "HIS 恢复"
    assert tab.timings_model.index(7, 1).data() == "尚未发生"
    assert tab.save_button.text() == "保存"
    page.tabs.setCurrentWidget(page.replay_tab)
    settle(qtbot, window)
    replay = page.replay_tab
    replay.show_frame(0)
    assert replay.level_label.text() == "II 级 · 严重"
    assert replay.position_label.text() == "第 1 条，共 7 条"
    assert chips(page)[0].startswith("HIS")
    replay.last_frame()
    assert replay.state_label.text() == "事件状态：已解除"


def test_the_review_is_saved_as_a_document(
    qtbot: QtBot,
    window: MainWindow,
    incident_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(qtbot, window, incident_id, window.incident_page.review_tab)
    tab = page.review_tab
    tab.well_edit.setPlainText("Call-out done in 10 minutes")
    tab.save_notes()
    settle(qtbot, window)
    asked = save_to(monkeypatch, tmp_path / "review.pdf")
    tab.pdf_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "review.pdf").exists())
    settle(qtbot, window)
    assert asked == ["Save after-action review"]
    text = " ".join(pdf_text(tmp_path / "review.pdf").split())
    assert "After-action review" in text and incident_id in text
    assert "Call-out done in 10 minutes" in text
    assert "Initial report 25/11/2026 02:10 10 on time" in text
    assert "Follow-up report — — missed" in text
