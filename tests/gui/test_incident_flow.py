"""Running an incident through the window, under a controllable clock (no sleeping)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, response
from hisconsole.services.console import Console
from hisconsole.ui.incident.checklist_tab import PlaybookChoiceDialog
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.partials.dialogs import (
    AddStepDialog,
    AttachDialog,
    DeclareDialog,
    IntakeDialog,
    LevelDialog,
    StartCalloutDialog,
    TextDialog,
    UpwardReportDialog,
)
from hisconsole.ui.partials.form_dialog import FormDialog
from hisconsole.ui.partials.log_words import entry_text
from hisconsole.ui.partials.widgets import ClockTile
from hisconsole.ui.situation import EXERCISE_MARK, clock_time, touching
from tests.support import Clock

from .conftest import activate, settle, shown_rows, visible_texts

LEVEL_I_RED = "#C62828"
LEVEL_II_ORANGE = "#EF6C00"
LIS_DEFAULT_LEVEL = "III"


@pytest.fixture
def window_console(timed: Console) -> Console:
    """The window opens on a console whose clock the test moves."""
    return timed


def press_ok(qtbot: QtBot, window: MainWindow, dialog: FormDialog) -> None:
    """Press OK and wait for the service; the dialog closes (and is deleted) on success."""
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert closed == [QDialog.DialogCode.Accepted]


def open_dialog_of(window: MainWindow, kind: type[QDialog]) -> QDialog:
    dialogs = [d for d in window.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def declare(
    qtbot: QtBot,
    window: MainWindow,
    *,
    level: str = "II",
    systems: tuple[str, ...] = ("HIS", "LIS"),
    title: str = "HIS and LIS down",
    exercise: bool = False,
    playbook: bool = True,
) -> str:
    """Declare through the dialog, opened with Ctrl+D, as a user would (with the playbook
    the plan proposes for the systems, unless ``playbook`` is False)."""
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog_of(window, DeclareDialog)
    assert isinstance(dialog, DeclareDialog)
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData(level))
    for code in systems:
        qtbot.mouseClick(dialog.system_boxes[code], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.title_edit, title)
    if not playbook:
        dialog.scenario_combo.setCurrentIndex(dialog.scenario_combo.findData(None))
    if exercise:
        dialog.exercise_box.setChecked(True)
    declared: list[str] = []
    dialog.declared.connect(declared.append)
    press_ok(qtbot, window, dialog)
    return declared[0]


def card_button(window: MainWindow, incident_id: str, name: str) -> QPushButton:
    card = window.dashboard.cards[incident_id]
    push = card.findChild(QPushButton, name)
    assert push is not None
    return push


def tile(window: MainWindow) -> ClockTile:
    (_incident, clock_tile), *_ = window.dashboard.tiles
    return clock_tile


def test_level_ii_incident_clocks_reports_level_log_and_resolution(
    qtbot: QtBot, window: MainWindow, clock: Clock
) -> None:
    raised: list[tuple[str, str]] = []
    window.ctx.notifier.raised.connect(lambda title, text: raised.append((title, text)))
    dashboard = window.dashboard

    incident_id = declare(qtbot, window)

    # The banner takes the level's colour and names the incident.
    assert window.banner.colour() == LEVEL_II_ORANGE
    assert window.banner.status_text() == "Level II: Severe"
    assert incident_id in window.banner.incident_text()
    assert "HIS and LIS down" in window.banner.incident_text()
    shown = incidents.show(window.ctx.console, incident_id)
    assert {s["code"]: s["status"] for s in shown["systems"]} == {"HIS": "down", "LIS": "down"}

    # The initial report is due in 10 minutes: it counts down, turns amber, then red.
    assert tile(window).countdown_text() == "10:00"
    assert tile(window).property("state") == "ok"
    clock.advance(7)
    dashboard.tick()
    assert tile(window).countdown_text() == "03:00"
    assert tile(window).property("state") == "amber"
    assert "#FFB300" in tile(window).styleSheet()
    # Due soon: an alert (and one notice) that the report is due at 02:10.
    due = clock_time("2026-11-25T02:10:00+00:00")
    soon = f"{incident_id}: Initial report (level II) due at {due}"
    qtbot.waitUntil(lambda: window.alert_panel.texts() == [soon])
    assert raised == [("HIS Console alert", soon)]
    clock.advance(3.5)
    dashboard.tick()
    assert tile(window).property("state") == "red"
    assert tile(window).countdown_text() == "+00:30"
    assert "OVERDUE" in tile(window).due_label.text()
    dashboard.tick()  # still red, still overdue: one notice, not one a second
    overdue = f"{incident_id}: Initial report (level II) OVERDUE — was due at {due}"
    qtbot.waitUntil(lambda: window.alert_panel.texts() == [overdue])
    dashboard.tick()
    assert raised[1:] == [("HIS Console alert", overdue)]

    # The overdue tile's own button records the report: it stops that clock, judges it
    # (30 s late) and starts the next (follow-up every 60 min).
    assert tile(window).report_button.isVisible() and tile(window).last_text() == ""
    qtbot.mouseClick(tile(window).report_button, Qt.MouseButton.LeftButton)
    report = open_dialog_of(window, UpwardReportDialog)
    assert isinstance(report, UpwardReportDialog)
    qtbot.keyClicks(report.recipient_edit, "Health commission duty office")
    report.channel_combo.setCurrentIndex(report.channel_combo.findData("phone"))
    qtbot.keyClicks(report.summary_edit, "HIS and LIS down since 02:00, paper procedures")
    press_ok(qtbot, window, report)
    assert tile(window).clock is not None and tile(window).clock["kind"] == "followup"
    assert tile(window).countdown_text() == "1:00:00"
    assert tile(window).property("state") == "ok"
    assert "Follow-up report" in tile(window).kind_label.text()
    assert not tile(window).report_button.isVisible()
    made = clock_time("2026-11-25T02:10:30+00:00")
    assert tile(window).last_text() == f"Last: Initial report made 1 min late ({made})"
    # The report was the alert's condition: the alert is gone, nobody dismissed it.
    qtbot.waitUntil(lambda: not window.alert_panel.isVisible())
    assert window.alert_panel.texts() == [] and len(raised) == 2

    # Changing the level asks for a reason; it is logged and the banner turns red.
    qtbot.mouseClick(card_button(window, incident_id, "change_level"), Qt.MouseButton.LeftButton)
    change = open_dialog_of(window, LevelDialog)
    assert isinstance(change, LevelDialog)
    change.level_combo.setCurrentIndex(change.level_combo.findData("I"))
    qtbot.mouseClick(change.ok_button, Qt.MouseButton.LeftButton)
    assert change.isVisible() and change.error_label.text() == "Say why the warning level changes."
    qtbot.keyClicks(change.reason_edit, "EMR failing too")
    press_ok(qtbot, window, change)
    assert window.banner.colour() == LEVEL_I_RED
    assert window.banner.status_text() == "Level I: Especially severe"
    assert tile(window).clock is not None and tile(window).clock["level"] == "I"

    # Quick entry: Ctrl+L from the dashboard focuses the log box on the incident page.
    window.show_page(0)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    page = window.incident_page
    assert window.current_page() is page
    assert QApplication.focusWidget() is page.log_tab.entry_edit
    # The page judges each upward report; the follow-up the level change replaced owed nothing.
    change_due = clock_time(tile(window).clock["due_at"]) if tile(window).clock else ""
    settle(qtbot, window)
    assert page.clocks_label.text() == (
        "Upward reports: Initial report made 1 min late · "
        f"Report on level change due at {change_due}"
    )
    qtbot.keyClicks(page.log_tab.entry_edit, "Vendor engineer arrived")
    qtbot.keyClick(page.log_tab.entry_edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    page.log_tab.entry_kind.setCurrentIndex(page.log_tab.entry_kind.findData("decision"))
    page.log_tab.entry_group.setCurrentIndex(page.log_tab.entry_group.findData("business"))
    page.log_tab.entry_system.setCurrentIndex(page.log_tab.entry_system.findData("LIS"))
    qtbot.keyClicks(page.log_tab.entry_edit, "Lab results by phone")
    qtbot.mouseClick(page.log_tab.entry_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    model = page.log_tab.log_model
    entries = shown_rows(model)
    texts = [entry_text(e) for e in entries]
    assert texts[-2:] == ["Vendor engineer arrived", "Lab results by phone"]
    assert entries[-1]["by"] == "Wang Fang"
    assert any(e["kind"] == "level" and e["text"] == "EMR failing too" for e in entries)
    assert any(t.startswith("II → I") for t in texts)

    # Filter by text, then by group (matched on the worker thread).
    page.log_tab.filter_edit.setText("vendor")
    page.log_tab.apply_filter()
    settle(qtbot, window)
    assert model.rowCount() == 1
    assert page.log_tab.log_count.text() == f"Showing 1 of {len(entries)} entries"
    page.log_tab.filter_edit.clear()
    page.log_tab.filter_group.setCurrentIndex(page.log_tab.filter_group.findData("business"))
    settle(qtbot, window)
    assert model.rowCount() == 1
    assert model.index(0, 6).data() == "Lab results by phone"
    page.log_tab.filter_group.setCurrentIndex(0)
    settle(qtbot, window)
    assert model.rowCount() == len(entries)

    # A correction is a new entry that references the old one, which stays as it was.
    original_row = texts.index("Vendor engineer arrived")
    original = entries[original_row]
    page.log_tab.select_log_row(original_row)
    correction = page.log_tab.correct()
    assert isinstance(correction, TextDialog)
    assert correction.text_edit.text() == "Vendor engineer arrived"
    correction.text_edit.setText("Vendor engineer arrived at 02:25, not 02:20")
    press_ok(qtbot, window, correction)
    last = shown_rows(model)[-1]
    assert last["corrects"] == original["entry"] and last["kind"] == "correction"
    assert entry_text(last) == (
        f"[Corrects #{original_row + 1}] Vendor engineer arrived at 02:25, not 02:20"
    )
    assert entry_text(shown_rows(model)[original_row]) == "Vendor engineer arrived"

    # Recovery system by system on the systems board, then resolve.
    page.tabs.setCurrentIndex(1)
    codes = [r["code"] for r in page.systems_tab.systems_model.rows()]
    page.systems_tab.systems_view.selectRow(codes.index("LIS"))
    qtbot.mouseClick(page.systems_tab.recovered_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    lis = page.systems_tab.systems_model.rows()[codes.index("LIS")]
    assert lis["status"] == "up"
    assert page.systems_tab.systems_model.index(codes.index("LIS"), 2).data() == "Fully functional"
    assert [r["data"]["status"] for r in page.systems_tab.history_model.rows()] == ["up", "down"]
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    resolve = open_dialog_of(window, TextDialog)
    assert isinstance(resolve, TextDialog)
    assert "HIS" in resolve.intro_label.text() and "LIS" not in resolve.intro_label.text()
    press_ok(qtbot, window, resolve)
    assert incidents.show(window.ctx.console, incident_id)["status"] == "resolved"
    assert window.banner.status_text() == "No active incident — normal operations"
    assert window.banner.colour() != LEVEL_I_RED
    assert not page.log_tab.entry_edit.isEnabled()  # a resolved incident takes no more entries
    assert "Resolved" in page.incident_combo.currentText()


def test_call_out_escalates_to_the_alternate_and_the_dashboard_says_whom_to_call(
    qtbot: QtBot, window: MainWindow, clock: Clock
) -> None:
    incident_id = declare(qtbot, window, level="I", systems=("DC",), title="Power loss")
    window.open_incident(incident_id)
    page = window.incident_page
    page.tabs.setCurrentIndex(4)
    qtbot.mouseClick(page.callout_tab.start_callout_button, Qt.MouseButton.LeftButton)
    start = open_dialog_of(window, StartCalloutDialog)
    assert isinstance(start, StartCalloutDialog)
    start.tree_combo.setCurrentIndex(start.tree_combo.findData("level-1-2"))
    press_ok(qtbot, window, start)
    slots = page.callout_tab.callout_model.rows()
    assert page.callout_tab.callout_progress.text() == f"Reached 0 of {len(slots)}"

    page.callout_tab.select_call("1")
    qtbot.mouseClick(page.callout_tab.outcome_buttons["reached"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    child = next(s for s in page.callout_tab.callout_model.rows() if s["path"] == "1.1")
    page.callout_tab.select_call("1.1")
    qtbot.mouseClick(page.callout_tab.outcome_buttons["no-answer"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    person = child["person"]["name"]["en"]
    alternate = child["alternate"]["name"]["en"]
    call_next = window.dashboard.call_next_labels[incident_id]
    assert f"reached 1 of {len(slots)}" in call_next.text()
    assert "alternate for" not in call_next.text()

    clock.advance(4)
    window.dashboard.tick()
    settle(qtbot, window)
    assert "alternate for" not in window.dashboard.call_next_labels[incident_id].text()

    clock.advance(1)  # the tree's wait time (5 min) has passed: escalate
    window.dashboard.tick()
    settle(qtbot, window)
    text = window.dashboard.call_next_labels[incident_id].text()
    assert f"{alternate} (alternate for {person})" in text
    phone = child["alternate"]["phones"][0]["number"]
    assert phone in text
    assert (
        f"Call next: {alternate} (alternate for {person})" in page.callout_tab.callout_next.text()
    )
    row = next(s for s in page.callout_tab.callout_model.rows() if s["path"] == "1.1")
    assert row["escalated"]


def test_an_exercise_carries_the_mark_on_every_screen(qtbot: QtBot, window: MainWindow) -> None:
    incident_id = declare(qtbot, window, level="III", systems=("PACS",), exercise=True)
    assert window.banner.exercise_label.isVisible()
    assert window.banner.exercise_label.text() == EXERCISE_MARK == "EXERCISE / 演练"
    assert EXERCISE_MARK in window.windowTitle()
    assert EXERCISE_MARK in visible_texts(window.dashboard)
    window.open_incident(incident_id)
    settle(qtbot, window)
    assert window.incident_page.mark.isVisible()
    for index in range(2, 7):  # the banner stays on every page
        window.show_page(index)
        assert window.banner.exercise_label.isVisible()
    window.set_language("zh")
    assert window.banner.exercise_label.text() == "EXERCISE / 演练"
    assert window.banner.status_text() == "III 级：较重"


def test_declaring_from_the_keyboard_proposes_the_playbook_and_attaches_the_waiting_report(
    qtbot: QtBot, window: MainWindow, clock: Clock
) -> None:
    console = window.ctx.console
    response.receive_report(
        console, reporter="Nurse Li", department="Ward 5", what="HIS frozen", systems=["HIS"]
    )
    window.ctx.situation.reload()
    qtbot.waitUntil(lambda: len(window.ctx.situation.situation.reports) == 1)
    clock.advance(4)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog_of(window, DeclareDialog)
    assert isinstance(dialog, DeclareDialog)
    assert dialog.scenario_combo.currentData() is None
    assert dialog.playbook_note.text() == "No playbook: the incident will have no checklist steps."
    (offered,) = dialog.report_boxes.values()
    assert offered.isChecked()
    assert offered.text().startswith("Nurse Li (Ward 5), ")

    for code in ("HIS", "LIS"):
        qtbot.mouseClick(dialog.system_boxes[code], Qt.MouseButton.LeftButton)
    assert dialog.scenario_combo.currentData() == "his-down"
    assert dialog.playbook_note.text() == "Proposed by the plan for the systems ticked."
    assert dialog.level_combo.currentData() == "II"  # a proposal changes nothing entered
    qtbot.keyClicks(dialog.title_edit, "HIS and LIS down")
    declared: list[str] = []
    dialog.declared.connect(declared.append)
    press_ok(qtbot, window, dialog)

    (incident_id,) = declared
    shown = incidents.show(console, incident_id)
    assert shown["scenario"] == "his-down"
    assert shown["reported_at"] == "2026-11-25T02:00:00+00:00"  # the report's receipt
    assert response.checklist(console, incident_id)
    qtbot.waitUntil(lambda: window.ctx.situation.situation.reports == [])


def test_reports_are_logged_first_then_declared_attached_or_closed(
    qtbot: QtBot, window: MainWindow, clock: Clock
) -> None:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    intake = open_dialog_of(window, IntakeDialog)
    assert isinstance(intake, IntakeDialog)
    qtbot.keyClicks(intake.reporter_edit, "Nurse Li")
    qtbot.keyClicks(intake.department_edit, "Ward 5")
    qtbot.keyClicks(intake.what_edit, "Cannot open orders in HIS")
    intake.system_boxes["HIS"].setChecked(True)
    press_ok(qtbot, window, intake)
    (first,) = window.ctx.situation.situation.reports
    assert first["reporter"] == "Nurse Li" and first["systems"] == ["HIS"]
    assert "Nurse Li (Ward 5)" in " ".join(visible_texts(window.dashboard))

    clock.advance(6)
    window.dashboard.declare(first)
    dialog = open_dialog_of(window, DeclareDialog)
    assert isinstance(dialog, DeclareDialog)
    assert dialog.system_boxes["HIS"].isChecked()
    assert not dialog.reported_edit.isEnabled()  # the receipt time starts the clock
    dialog.scenario_combo.setCurrentIndex(dialog.scenario_combo.findData("his-down"))
    declared: list[str] = []
    dialog.declared.connect(declared.append)
    press_ok(qtbot, window, dialog)
    (incident_id,) = declared
    shown = incidents.show(window.ctx.console, incident_id)
    assert shown["reported_at"] == "2026-11-25T02:00:00+00:00"
    assert shown["scenario"] == "his-down"
    assert tile(window).countdown_text() == "04:00"  # 10 minutes from receipt, 6 gone
    assert window.ctx.situation.situation.reports == []

    console = window.ctx.console
    for reporter, department, what in (
        ("Dr Wu", "Radiology", "Orders slow"),
        ("Clerk", "Billing", "Printer jam"),
    ):
        window.ctx.runner.op(
            touching(
                lambda r=reporter, d=department, w=what: response.receive_report(
                    console, reporter=r, department=d, what=w
                )
            )
        )
        settle(qtbot, window)
        clock.advance(0.1)
    reports = {r["reporter"]: r for r in window.ctx.situation.situation.reports}
    assert set(reports) == {"Dr Wu", "Clerk"}

    attach_button = next(
        b
        for b in window.dashboard.report_rows[reports["Dr Wu"]["id"]].findChildren(QPushButton)
        if b.text() == "Attach…"
    )
    qtbot.mouseClick(attach_button, Qt.MouseButton.LeftButton)
    attach = open_dialog_of(window, AttachDialog)
    assert isinstance(attach, AttachDialog)
    assert attach.incident_combo.currentData() == incident_id
    press_ok(qtbot, window, attach)

    dismiss_button = next(
        b
        for b in window.dashboard.report_rows[reports["Clerk"]["id"]].findChildren(QPushButton)
        if b.text() == "No incident…"
    )
    qtbot.mouseClick(dismiss_button, Qt.MouseButton.LeftButton)
    dismiss = open_dialog_of(window, TextDialog)
    assert isinstance(dismiss, TextDialog)
    qtbot.mouseClick(dismiss.ok_button, Qt.MouseButton.LeftButton)
    assert dismiss.error_label.text() == "Give the reason why this is not an incident."
    dismiss.text_edit.setText("Local printer fault")
    press_ok(qtbot, window, dismiss)
    statuses = {r["reporter"]: r["status"] for r in response.reports(console)}
    assert statuses == {"Nurse Li": "declared", "Dr Wu": "attached", "Clerk": "no-incident"}
    assert window.dashboard.report_rows == {}
    assert "Dr Wu" in incidents.show(console, incident_id)["log"][-1]["text"]


def test_an_incident_without_a_playbook_says_so_and_one_can_be_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    incident_id = declare(
        qtbot, window, level="III", systems=("LIS",), title="LIS down", playbook=False
    )
    window.open_incident(incident_id)
    settle(qtbot, window)
    page = window.incident_page
    tab = page.checklist_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.no_playbook.isVisible()
    assert tab.no_playbook_label.text().startswith("This incident follows no playbook")
    assert tab.checklist_model.rowCount() == 0

    qtbot.mouseClick(tab.choose_playbook_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog_of(window, PlaybookChoiceDialog)
    assert isinstance(dialog, PlaybookChoiceDialog)
    assert dialog.scenario_combo.currentData() == "lis-down"  # the plan's, for LIS
    press_ok(qtbot, window, dialog)

    qtbot.waitUntil(lambda: tab.checklist_model.rowCount() > 0)
    assert not tab.no_playbook.isVisible()
    assert incidents.show(window.ctx.console, incident_id)["scenario"] == "lis-down"


def test_checklists_and_messages(qtbot: QtBot, window: MainWindow) -> None:
    console = window.ctx.console
    incident_id = declare(
        qtbot, window, level="III", systems=("LIS",), title="LIS down", playbook=False
    )
    # The scenario's playbook makes the checklist (declared here without one: add it now).
    window.open_incident(incident_id)
    page = window.incident_page
    page.tabs.setCurrentIndex(2)
    assert page.checklist_tab.checklist_model.rowCount() == 0
    qtbot.mouseClick(page.checklist_tab.add_step_button, Qt.MouseButton.LeftButton)
    add = open_dialog_of(window, AddStepDialog)
    assert isinstance(add, AddStepDialog)
    add.group_combo.setCurrentIndex(add.group_combo.findData("business"))
    qtbot.keyClicks(add.step_edit, "Send runner to collect lab paper forms")
    press_ok(qtbot, window, add)
    assert page.checklist_tab.checklist_model.rowCount() == 1
    index = page.checklist_tab.checklist_model.index(0, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    checked = Qt.CheckState.Checked.value
    page.checklist_tab.checklist_model.setData(index, checked, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, window)
    step = page.checklist_tab.checklist_model.row_data(0)
    assert step["done"] and step["done_by"] == "Wang Fang"
    assert page.checklist_tab.checklist_progress.text() == "Done 1 of 1"
    page.checklist_tab.checklist_view.selectRow(0)
    assign = page.checklist_tab.assign_step()
    assert assign is not None
    assign.text_edit.setText("Zhao Lei")
    press_ok(qtbot, window, assign)
    assert page.checklist_tab.checklist_model.index(0, 3).data() == "Zhao Lei"

    page.tabs.setCurrentIndex(3)
    message = page.messages_tab.new_message()
    assert message is not None
    qtbot.keyClicks(message.sender_edit, "Command HQ")
    qtbot.keyClicks(message.recipient_edit, "Ward 3")
    message.priority_combo.setCurrentIndex(message.priority_combo.findData("urgent"))
    qtbot.keyClicks(message.text_edit, "Switch to paper MAR")
    message.reply_box.setChecked(True)
    press_ok(qtbot, window, message)
    assert page.messages_tab.messages_model.index(0, 3).data() == "Urgent"
    assert page.messages_tab.messages_model.index(0, 5).data() == "Yes"
    page.messages_tab.messages_view.selectRow(0)
    reply = page.messages_tab.reply()
    assert reply is not None
    reply.text_edit.setText("Done at 02:05")
    press_ok(qtbot, window, reply)
    assert page.messages_tab.messages_model.index(0, 6).data() == "Done at 02:05"
    assert page.messages_tab.messages_model.index(0, 7).data().startswith("Wang Fang")
    assert response.messages(console, incident_id)[0]["replied_by"] == "Wang Fang"


def test_declaring_from_a_scenario_builds_the_checklists_by_group(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.declare()
    dialog.scenario_combo.setCurrentIndex(dialog.scenario_combo.findData("lis-down"))
    # The playbook presets level, systems and title.
    assert dialog.level_combo.currentData() == LIS_DEFAULT_LEVEL
    assert dialog.selected_systems() == ["LIS"]
    assert dialog.title_edit.text() == "LIS outage"
    press_ok(qtbot, window, dialog)
    page = window.incident_page
    groups = {r["group"] for r in page.checklist_tab.checklist_model.rows()}
    assert groups == {"hq", "tech", "business"}
    page.checklist_tab.checklist_group.setCurrentIndex(
        page.checklist_tab.checklist_group.findData("tech")
    )
    assert {r["group"] for r in page.checklist_tab.checklist_model.rows()} == {"tech"}


def test_the_dashboard_in_chinese(qtbot: QtBot, window: MainWindow, clock: Clock) -> None:
    incident_id = declare(qtbot, window)
    window.set_language("zh")
    settle(qtbot, window)
    assert window.banner.status_text() == "II 级：严重"
    texts = visible_texts(window.dashboard)
    assert any("首报" in t for t in texts)
    assert "10:00" in texts
    assert window.dashboard.declare_button.text() == "启动应急响应 (Ctrl+D)"
    clock.advance(11)
    window.dashboard.tick()
    assert "已超时" in tile(window).due_label.text()
    assert incident_id in window.banner.incident_text()
