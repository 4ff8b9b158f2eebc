"""The Forms page as a user drives it: print a numbered pack, scan the sheets back, close."""

from __future__ import annotations

import subprocess
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hisconsole.printing.forms import bundled_forms_dir
from hisconsole.services import forms, incidents
from hisconsole.services.console import Console
from hisconsole.ui.forms import print_tab as forms_print
from hisconsole.ui.forms.backentry import FormsBackEntryTab
from hisconsole.ui.forms.dialogs import CloseIncidentDialog, StockCountDialog
from hisconsole.ui.forms.page import FormsPage
from hisconsole.ui.forms.print_tab import FormsPrintTab
from hisconsole.ui.main_window import MainWindow, page_index
from hisconsole.ui.partials.print_flow import KEY_PRINTER
from tests.conftest import PrintQueue
from tests.printers.test_print_queue import qr_codes
from tests.support import Clock

from .conftest import activate, settle


@pytest.fixture
def incident_id(timed: Console) -> str:
    inc, _ = incidents.declare(timed, level="II", title="HIS 停机", systems=["HIS"])
    return inc


@pytest.fixture
def window_console(timed: Console, incident_id: str) -> Console:
    """The window opens on a console whose clock the test moves, once the incident is there."""
    return timed


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes the page raised (title, text), answered at once."""
    shown: list[tuple[str, str]] = []

    def warning(_parent: QWidget, title: str, text: str, *_args: Any) -> int:
        shown.append((title, text))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def open_forms(qtbot: QtBot, window: MainWindow) -> FormsPage:
    window.show_page(page_index("FormsPage"))
    page = window.current_page()
    assert isinstance(page, FormsPage)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: bool(page.print_tab.spins))
    return page


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Answer the save dialog with ``path`` (None: the user cancels); returns the titles asked."""
    asked: list[str] = []

    def ask(_parent: QWidget, title: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(title)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return asked


def choose_pack(tab: FormsPrintTab, copies: dict[str, int], lang: str = "zh") -> None:
    tab.lang_combo.setCurrentIndex(tab.lang_combo.findData(lang))
    for code, count in copies.items():
        tab.spins[code].setValue(count)


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def scan(qtbot: QtBot, tab: FormsBackEntryTab, text: str) -> None:
    """What a barcode scanner does: type the characters, press Enter."""
    qtbot.keyClicks(tab.serial_edit, text)
    qtbot.keyClick(tab.serial_edit, Qt.Key.Key_Return)


# -- printing ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_print_save_scan_back_void_and_close_with_override(
    qtbot: QtBot,
    window: MainWindow,
    incident_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    boxes: list[tuple[str, str]],
) -> None:
    console = window.ctx.console
    page = open_forms(qtbot, window)
    tab = page.print_tab
    # The open incident is chosen by default; pre-printing is offered too.
    assert tab.incident() == incident_id
    assert tab.incident_combo.findData(forms_print.PRE_PRINTED) >= 0

    choose_pack(tab, {"mar": 50, "lab-request": 20})
    assert tab.total_label.text() == "70 sheet(s) in the pack"
    click(qtbot, tab.preview_button)
    settle(qtbot, window)
    assert tab.preview.page_count() == 70
    assert "70 page(s)" in tab.preview_label.text()
    assert "not yet issued" in tab.preview_label.text()
    assert forms.sheets(console) == []  # a preview issues nothing

    target = tmp_path / "pack.pdf"
    asked = save_to(monkeypatch, target)
    click(qtbot, tab.save_button)
    settle(qtbot, window)
    assert asked == ["Save print pack as PDF"]
    assert target.exists()
    issued = forms.sheets(console, incident_id)
    assert len(issued) == 70
    assert Counter(s["template"] for s in issued) == {"mar": 50, "lab-request": 20}
    serials = [s["serial"] for s in issued]
    # What was saved is what was previewed: the same serials.
    assert tab.preview.page_count() == 70
    text = text_of(target)
    for serial in (serials[0], serials[35], serials[-1]):
        assert serial in text
    assert "医嘱执行单（给药）" in text and "检验申请单" in text and incident_id in text
    assert "recorded as issued" in tab.status_label.text()
    assert serials[0] in tab.status_label.text() and serials[-1] in tab.status_label.text()
    assert boxes == []

    # Back-entry: the scanner types each serial and presses Enter.
    page.tabs.setCurrentWidget(page.backentry_tab)
    be = page.backentry_tab
    activate(qtbot, window)
    be.serial_edit.setFocus()
    settle(qtbot, window)
    assert be.outstanding_serials() == serials
    for serial in serials[:40]:
        scan(qtbot, be, serial)
    settle(qtbot, window)
    kind, line = be.recent()[0]
    assert kind == "ok" and serials[39] in line and "entered into HIS" in line
    # A range typed by hand, with the HIS reference.
    be.ref_edit.setText("ZY-2026-0042")
    scan(qtbot, be, f"{serials[40]}..{serials[64]}")
    settle(qtbot, window)
    kind, line = be.recent()[0]
    assert kind == "ok" and "(25)" in line
    assert forms.counts(console, incident_id) == {"entered": 65, "issued": 5}
    assert {s["his_ref"] for s in forms.sheets(console, incident_id)[40:65]} == {"ZY-2026-0042"}

    # The same sheet scanned twice: already entered, nothing changes.
    scan(qtbot, be, serials[3])
    settle(qtbot, window)
    kind, line = be.recent()[0]
    assert kind == "already" and "already entered into HIS" in line

    # A sheet back at the command centre, not yet entered: returned (still outstanding);
    # an entered one checked against the HIS: verified.
    click(qtbot, be.action_buttons["returned"])
    scan(qtbot, be, serials[67])
    click(qtbot, be.action_buttons["verified"])
    scan(qtbot, be, serials[0])
    settle(qtbot, window)
    assert [k for k, _line in be.recent()[:2]] == ["ok", "ok"]
    assert "verified" in be.recent()[0][1] and "returned" in be.recent()[1][1]

    # Two sheets spoilt: void, with the reason.
    click(qtbot, be.action_buttons["void"])
    be.reason_edit.setText("撕坏 torn")  # typed through the input method
    be.serial_edit.setFocus()
    scan(qtbot, be, serials[65])
    scan(qtbot, be, serials[66])
    settle(qtbot, window)
    assert [k for k, _line in be.recent()[:2]] == ["ok", "ok"]
    voided = {s["serial"]: s for s in forms.sheets(console, incident_id)}
    assert voided[serials[65]]["status"] == "void"
    assert voided[serials[66]]["reason"] == "撕坏 torn"

    # The outstanding list shows exactly the three others, with their age.
    assert be.outstanding_serials() == serials[67:]
    assert [r["status"] for r in be.sheets_model.rows()] == ["returned", "issued", "issued"]
    summary = be.summary_model.rows()
    assert [(r["incident"], r["template"], r["count"]) for r in summary] == [
        (incident_id, "mar", 3)
    ]
    assert "outstanding 3" in be.counts_label.text()

    # An unknown serial: said so, nothing changes, and the field keeps the focus.
    before = forms.counts(console, incident_id)
    click(qtbot, be.action_buttons["entered"])
    scan(qtbot, be, "ZZZZ-999999")
    settle(qtbot, window)
    kind, line = be.recent()[0]
    assert kind == "error" and "unknown serial" in line and "ZZZZ-999999" in line
    assert (
        forms.counts(console, incident_id)
        == before
        == {
            "verified": 1,
            "entered": 64,
            "void": 2,
            "returned": 1,
            "issued": 2,
        }
    )
    assert QApplication.focusWidget() is be.serial_edit
    # Bad input: said so at once, kept (selected) for correcting, focus stays.
    scan(qtbot, be, "hello..")
    kind, line = be.recent()[0]
    assert kind == "error" and "not a serial" in line
    assert be.serial_edit.text() == "hello.." and be.serial_edit.selectedText() == "hello.."
    assert QApplication.focusWidget() is be.serial_edit
    # The last result is also shown large, in its colour.
    assert "not a serial" in be.last_label.text()

    # The back-entry report, for the record.
    be.set_filter(incident_id)
    report = tmp_path / "report.pdf"
    save_to(monkeypatch, report)
    click(qtbot, be.report_button)
    settle(qtbot, window)
    report_text = text_of(report)
    assert "Back-entry report" in report_text and incident_id in report_text
    assert f"{serials[67]}..{serials[69]}" in report_text
    assert "saved" in be.status_label.text()

    # Closing: only once resolved; refused while sheets are outstanding without the
    # commander's override.
    assert not be.close_button.isEnabled()
    window.ctx.runner.op(lambda: incidents.resolve(console, incident_id))
    settle(qtbot, window)
    assert be.close_button.isEnabled()
    dialog = be.close_incident()
    assert isinstance(dialog, CloseIncidentDialog)
    qtbot.waitUntil(lambda: dialog.outstanding == 3)
    assert "3 paper sheet(s)" in dialog.intro_label.text()
    click(qtbot, dialog.ok_button)
    settle(qtbot, window)
    assert dialog.isVisible() and "Only the commander" in dialog.error_label.text()
    qtbot.keyClicks(dialog.reason_edit, "sheets lost in the flood; entered from the ward log")
    click(qtbot, dialog.ok_button)
    settle(qtbot, window)
    # Duty IT staff cannot override: the service says so and the dialog stays open.
    assert dialog.isVisible() and "commander" in dialog.error_label.text()
    assert incidents.show(console, incident_id)["status"] == "resolved"
    console.sign_in("Li Wei", "commander")
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    click(qtbot, dialog.ok_button)
    settle(qtbot, window)
    assert closed == [QDialog.DialogCode.Accepted]
    assert incidents.show(console, incident_id)["status"] == "closed"
    qtbot.waitUntil(lambda: not be.close_button.isEnabled())


def test_cancelling_anywhere_records_nothing(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    console = window.ctx.console
    page = open_forms(qtbot, window)
    tab = page.print_tab
    choose_pack(tab, {"mar": 50, "lab-request": 20})

    # Preview, then close the preview.
    click(qtbot, tab.preview_button)
    settle(qtbot, window)
    assert tab.preview.page_count() == 70
    click(qtbot, tab.discard_button)
    assert tab.preview.page_count() == 0
    assert tab.status_label.text() == "Preview closed, nothing was recorded."

    # No printer at hand: printing is not offered, nothing recorded.
    assert not tab.print_button.isEnabled()
    assert "cannot be reached" in tab.panel.state_label.text()

    # The save dialog cancelled.
    save_to(monkeypatch, None)
    click(qtbot, tab.save_button)
    settle(qtbot, window)
    assert tab.status_label.text() == "Saving cancelled, nothing was recorded."

    # The choice changes after a preview: that pack is dropped.
    click(qtbot, tab.preview_button)
    settle(qtbot, window)
    tab.spins["mar"].setValue(10)
    assert tab.pack is None and tab.preview.page_count() == 0
    assert forms.sheets(console) == []


def test_cancel_while_rendering_records_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = window.ctx.console
    page = open_forms(qtbot, window)
    tab = page.print_tab
    choose_pack(tab, {"mar": 50, "lab-request": 20})
    # The renderer waits after its first page until the user has pressed Cancel.
    pressed = threading.Event()
    real = forms.prepare_pack

    def held(*args: Any, progress: Callable[[int, int], bool], **kwargs: Any) -> Any:
        def report(done: int, total: int) -> bool:
            if done == 1:
                assert pressed.wait(timeout=30)
            return progress(done, total)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(forms, "prepare_pack", held)
    click(qtbot, tab.preview_button)
    assert tab.progress_bar.isVisible() and tab.cancel_button.isVisible()
    assert not tab.preview_button.isEnabled() and not tab.table.isEnabled()
    click(qtbot, tab.cancel_button)
    pressed.set()
    settle(qtbot, window)
    assert tab.status_label.text() == "Cancelled, nothing was recorded."
    assert not tab.progress_bar.isVisible()
    assert tab.preview_button.isEnabled() and tab.pack is None
    assert forms.sheets(console) == []


def print_on(qtbot: QtBot, window: MainWindow, tab: Any, queue: PrintQueue) -> None:
    """Pick ``queue`` in the panel (as the user does) once the printers were read."""
    panel = tab.panel
    qtbot.waitUntil(lambda: panel.printer_combo.findData(queue.name) >= 0, timeout=10000)
    panel.printer_combo.setCurrentIndex(panel.printer_combo.findData(queue.name))
    panel.printer_combo.activated.emit(panel.printer_combo.currentIndex())


def test_printing_issues_the_pack_when_sent_and_prints_it_when_the_job_completes(
    qtbot: QtBot,
    window: MainWindow,
    incident_id: str,
    cups_queue: PrintQueue,
    settings_path: Path,
) -> None:
    console = window.ctx.console
    page = open_forms(qtbot, window)
    tab = page.print_tab
    choose_pack(tab, {"registration": 3}, lang="en")
    print_on(qtbot, window, tab, cups_queue)
    assert "ready" in tab.panel.state_label.text()
    click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: "completed" in tab.panel.job_label.text(), timeout=60000)
    settle(qtbot, window)
    issued = forms.sheets(console, incident_id)
    assert [(s["template"], s["print_state"]) for s in issued] == [("registration", "printed")] * 3
    assert tab.status_label.text().startswith(f"Sent to {cups_queue.name}: 3 sheet(s)")
    [output] = cups_queue.printed()
    assert sorted(qr_codes(output)) == [s["serial"] for s in issued]
    # The printer is remembered for this laptop.
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert settings.value(KEY_PRINTER) == cups_queue.name
    # Printing again makes new serials: the same paper is never numbered twice.
    click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: "completed" in tab.panel.job_label.text() and not tab.panel.is_busy())
    settle(qtbot, window)
    again = forms.sheets(console, incident_id)
    assert len(again) == 6 and len({s["serial"] for s in again}) == 6


def test_a_printer_that_is_gone_records_nothing(
    qtbot: QtBot, window: MainWindow, cups_queue: PrintQueue, boxes: list[tuple[str, str]]
) -> None:
    page = open_forms(qtbot, window)
    tab = page.print_tab
    choose_pack(tab, {"registration": 2})
    print_on(qtbot, window, tab, cups_queue)
    cups_queue.server.remove_queue(cups_queue.name)  # unplugged after the list was read
    click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: not tab.is_busy())
    settle(qtbot, window)
    assert len(boxes) == 1
    title, text = boxes[0]
    assert title == "The pack was not issued"
    assert "did not take the job" in text and "Nothing was recorded" in text
    assert forms.sheets(window.ctx.console) == []
    # The pack is still there to print elsewhere, unrecorded.
    assert tab.pack is not None


def test_saving_to_an_unwritable_place_says_so_and_records_nothing(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    boxes: list[tuple[str, str]],
) -> None:
    page = open_forms(qtbot, window)
    tab = page.print_tab
    choose_pack(tab, {"registration": 2})
    save_to(monkeypatch, tmp_path / "missing" / "pack.pdf")
    click(qtbot, tab.save_button)
    settle(qtbot, window)
    assert len(boxes) == 1
    assert "Cannot write" in boxes[0][1] and "Nothing was recorded as issued" in boxes[0][1]
    assert forms.sheets(window.ctx.console) == []


def test_packs_for_wards_pre_printed_and_a_pdf_form_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = window.ctx.console
    page = open_forms(qtbot, window)
    tab = page.print_tab
    tab.wards_spin.setValue(2)
    click(qtbot, tab.fill_button)
    settle(qtbot, window)
    loaded, _ = forms.templates(console)
    expected = {c: t.rate_per_ward_per_8h * 2 for c, t in loaded.items() if t.rate_per_ward_per_8h}
    assert dict(tab.selection()) == expected
    click(qtbot, tab.clear_button)
    assert tab.selection() == []
    assert not tab.preview_button.isEnabled()

    # Pre-printed: ahead of any incident.
    tab.incident_combo.setCurrentIndex(tab.incident_combo.findData(forms_print.PRE_PRINTED))
    choose_pack(tab, {"orders": 2})
    target = tmp_path / "pre.pdf"
    save_to(monkeypatch, target)
    click(qtbot, tab.save_button)
    settle(qtbot, window)
    assert [s["incident"] for s in forms.sheets(console)] == [None, None]


def test_add_template_checks_it_first_and_lists_problems(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    boxes: list[tuple[str, str]],
) -> None:
    console = window.ctx.console
    page = open_forms(qtbot, window)
    tab = page.print_tab
    target_dir = forms.forms_dir(console)

    bad = tmp_path / "broken.yaml"
    bad.write_text("format: hisconsole-form\nformat_version: 1\ncode: Bad Code\n", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    click(qtbot, tab.add_button)
    settle(qtbot, window)
    assert len(boxes) == 1 and "broken.yaml" in boxes[0][1] and "code" in boxes[0][1]
    assert not target_dir.exists() or list(target_dir.iterdir()) == []

    good = tmp_path / "ward-handover.yaml"
    good.write_text(
        (bundled_forms_dir() / "orders.yaml")
        .read_text("utf-8")
        .replace("code: orders", "code: ward-handover"),
        "utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(good), ""))
    click(qtbot, tab.add_button)
    settle(qtbot, window)
    assert (target_dir / "ward-handover.yaml").exists()
    assert "ward-handover" in tab.spins
    assert "Added form" in tab.status_label.text()

    # A broken file dropped into the folder by hand is listed, not fatal.
    (target_dir / "typo.yaml").write_text("format: nope\n", "utf-8")
    page.reload_templates()
    settle(qtbot, window)
    assert tab.problems_label.isVisible()
    assert "typo.yaml" in tab.problems_label.text()


# -- paper stock ------------------------------------------------------------------------------


def test_stock_count_and_low_forms(qtbot: QtBot, window: MainWindow) -> None:
    page = open_forms(qtbot, window)
    page.tabs.setCurrentWidget(page.stock_tab)
    settle(qtbot, window)
    stock = page.stock_tab
    stock.wards_spin.setValue(2)
    settle(qtbot, window)
    codes = [r["template"] for r in stock.rows]
    stock.view.selectRow(codes.index("mar"))
    dialog = stock.record_count()
    assert isinstance(dialog, StockCountDialog)
    assert dialog.template_combo.currentData() == "mar"
    dialog.count_spin.setValue(45)
    click(qtbot, dialog.ok_button)
    settle(qtbot, window)
    row = next(r for r in stock.rows if r["template"] == "mar")
    assert row["on_hand"] == 45 and row["need_8h"] == 60 and row["low"]
    index = stock.model.index(codes.index("mar"), 4)
    assert stock.model.data(index) == "LOW"
    assert stock.model.data(index, Qt.ItemDataRole.BackgroundRole) == QColor("#FFCDD2")
    assert "Medication administration record" in stock.low_label.text()
    stock.wards_spin.setValue(1)
    settle(qtbot, window)
    row = next(r for r in stock.rows if r["template"] == "mar")
    assert not row["low"]
    assert stock.model.data(index) == "enough"


def test_page_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    page = open_forms(qtbot, window)
    window.set_language("zh")
    assert page.tabs.tabText(0) == "打印表单"
    assert page.print_tab.preview_button.text().startswith("预览")
    assert page.backentry_tab.report_button.text() == "保存补录报告…"
    window.set_language("en")


def test_preview_is_a_note_without_qt_pdf(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forms_print, "HAVE_QTPDF", False)
    tab = FormsPrintTab(window.ctx)
    qtbot.addWidget(tab)
    assert "Qt PDF" in tab.preview.note.text()
    assert not tab.print_button.isEnabled()


def test_outstanding_ages_follow_the_clock(
    qtbot: QtBot, window: MainWindow, incident_id: str, clock: Clock
) -> None:
    console = window.ctx.console
    pack = forms.prepare_pack(console, [("mar", 2)], incident=incident_id)
    window.ctx.runner.op(lambda: forms.record_pack(console, pack))
    page = open_forms(qtbot, window)
    settle(qtbot, window)
    clock.advance(150)
    page.refresh()
    settle(qtbot, window)
    be = page.backentry_tab
    assert [f"{r['age']:.1f}" for r in be.outstanding()] == ["2.5", "2.5"]
    assert be.summary_model.rows()[0]["oldest"] == pytest.approx(2.5)
    text = be.summary_model.data(be.summary_model.index(0, 4))
    assert text == "2.5"


def test_incident_page_closes_a_resolved_incident_without_sheets(
    qtbot: QtBot, window: MainWindow, incident_id: str
) -> None:
    console = window.ctx.console
    page = window.incident_page
    window.open_incident(incident_id)
    settle(qtbot, window)
    assert not page.close_button.isVisible()
    window.ctx.runner.op(lambda: incidents.resolve(console, incident_id))
    settle(qtbot, window)
    qtbot.waitUntil(page.close_button.isVisible)
    click(qtbot, page.close_button)
    dialog = next(d for d in window.findChildren(CloseIncidentDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.outstanding == 0)
    assert "Every paper sheet" in dialog.intro_label.text()
    assert not dialog.reason_edit.isEnabled()
    click(qtbot, dialog.ok_button)
    settle(qtbot, window)
    assert incidents.show(console, incident_id)["status"] == "closed"
    qtbot.waitUntil(lambda: not page.close_button.isVisible())


# -- the printer stopped mid-job -----------------------------------------------------------


@pytest.mark.parametrize("then", ["reprint", "void"])
def test_a_printer_stopped_mid_job_is_an_alert_and_its_sheets_are_reprinted_or_voided(
    qtbot: QtBot, window: MainWindow, incident_id: str, cups_queue: PrintQueue, then: str
) -> None:
    console = window.ctx.console
    tab = open_forms(qtbot, window).print_tab
    panel = tab.panel
    choose_pack(tab, {"mar": 4}, lang="en")
    print_on(qtbot, window, tab, cups_queue)
    gate = cups_queue.server.gate(cups_queue.name)
    gate.touch()  # the job stays "printing" until the printer is switched off
    try:
        click(qtbot, tab.print_button)
        qtbot.waitUntil(lambda: "printing" in panel.job_label.text(), timeout=30000)
        assert panel.cancel_button.isVisible() and not tab.print_button.isEnabled()
        cups_queue.server.run("cupsdisable", "-r", "Out of paper in tray 1", cups_queue.name)
        qtbot.waitUntil(lambda: panel.missing_list.count() == 4, timeout=30000)
    finally:
        gate.unlink()
    settle(qtbot, window)
    assert panel.alert_label.isVisible()
    assert panel.alert_label.text().startswith(f"Printer {cups_queue.name} is stopped: ")
    assert "paused" in panel.alert_label.text()
    assert panel.job_label.text().startswith(f"Job {cups_queue.name}-")
    assert ": stopped (paused" in panel.job_label.text()
    assert "4 sheet(s) not printed" in panel.missing_label.text()
    issued = forms.sheets(console, incident_id)
    assert {s["print_state"] for s in issued} == {"not-printed"}
    # The window's alert list says it too, whatever page is shown.
    qtbot.waitUntil(
        lambda: any("4 sheet(s)" in t and "not printed" in t for t in window.alert_panel.texts())
    )

    cups_queue.server.run("cupsenable", cups_queue.name)
    qtbot.waitUntil(lambda: not panel.alert_label.isVisible(), timeout=15000)
    if then == "reprint":
        click(qtbot, panel.reprint_button)
        qtbot.waitUntil(lambda: "completed" in panel.job_label.text(), timeout=60000)
        settle(qtbot, window)
        assert panel.missing_list.count() == 0 and not panel.missing_label.isVisible()
        [output] = cups_queue.printed()
        text = subprocess.run(
            ["pdftotext", str(output), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert text.count("REPRINT") == 4
        assert sorted(qr_codes(output)) == [s["serial"] for s in issued]
        after = forms.sheets(console, incident_id)
        assert {(s["print_state"], s["reprints"]) for s in after} == {("printed", 1)}
        qtbot.waitUntil(lambda: not any("not printed" in t for t in window.alert_panel.texts()))
    else:
        click(qtbot, panel.void_button)
        qtbot.waitUntil(lambda: panel.missing_list.count() == 0)
        settle(qtbot, window)
        assert panel.job_label.text() == "4 sheet(s) voided: their serials are never used."
        assert {s["status"] for s in forms.sheets(console, incident_id)} == {"void"}
        assert cups_queue.printed() == []
