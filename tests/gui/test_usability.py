"""Usability: contrast, text size, keyboard, screen-reader names, help, the downtime kit,
settings, and dates and times as the user reads them."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hisconsole.services import forms, incidents
from hisconsole.services.console import Console
from hisconsole.ui import style, theme
from hisconsole.ui.app import create_main_window
from hisconsole.ui.dashboard.page import DashboardPage
from hisconsole.ui.firstrun import FirstRunWizard
from hisconsole.ui.help import TOPICS, HelpDialog
from hisconsole.ui.i18n import format_date, format_number, format_time
from hisconsole.ui.kit.dialog import KitDialog
from hisconsole.ui.main_window import KEY_LANGUAGE, PAGES, MainWindow, page_index
from hisconsole.ui.settings.page import KEY_PHONE_REGION, SettingsPage
from hisconsole.ui.situation import touching
from tests.conftest import PrintQueue
from tests.printers.test_print_queue import qr_codes

from .conftest import activate, settle

STARTER_FORMS = 6  # registration, standing and one-off orders, MAR, lab request, HICS 214


@pytest.fixture
def incident_id(qtbot: QtBot, window: MainWindow) -> str:
    """An open level-II incident (HIS down), shown on the dashboard."""
    console = window.ctx.console
    declared: list[str] = []
    window.ctx.runner.op(
        touching(
            lambda: incidents.declare(
                console, level="II", title="HIS down", systems=["HIS"], scenario="his-down"
            )[0]
        ),
        on_done=lambda done: declared.append(done.value),
    )
    settle(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.ctx.situation.situation.active))
    return declared[0]


def settings_page(window: MainWindow) -> SettingsPage:
    page = window.page(page_index("SettingsPage"))
    assert isinstance(page, SettingsPage)
    return page


def stored(path: Path, key: str) -> Any:
    return QSettings(str(path), QSettings.Format.IniFormat).value(key)


# -- high contrast and text size -------------------------------------------------------------


@pytest.mark.slow
def test_high_contrast_is_black_on_white_with_yellow_focus_and_is_remembered(
    qtbot: QtBot, window: MainWindow, settings_path: Path, console: Console
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    muted = next(
        label
        for label in window.findChildren(QLabel)
        if label.property(style.COLOUR_PROPERTY) == style.MUTED_TEXT
    )
    assert style.MUTED_TEXT in muted.styleSheet()
    assert window.view_menu.actions()  # View → High contrast
    action = window.high_contrast_action
    assert action in window.view_menu.actions() and not action.isChecked()

    action.trigger()

    assert action.isChecked()
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#ffffff"
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.Highlight).name() == theme.YELLOW.lower()
    assert app.styleSheet() == theme.HIGH_CONTRAST_SHEET
    assert muted.styleSheet() == "color: #000000;"  # secondary text as black as the rest
    # The warning level keeps its colour: only its frame is stronger.
    assert window.banner.colour() == style.NEUTRAL_GREY
    assert settings_page(window).contrast_check.isChecked()
    assert stored(settings_path, theme.KEY_HIGH_CONTRAST) in (True, "true")

    window.close()
    assert app.styleSheet() == ""  # the look goes with the window

    again = create_main_window(console, settings_path)
    qtbot.addWidget(again)
    try:
        assert again.high_contrast_action.isChecked()
        assert app.styleSheet() == theme.HIGH_CONTRAST_SHEET
        again.high_contrast_action.trigger()
        assert app.styleSheet() == ""
        assert app.palette().color(QPalette.ColorRole.Window).name() != "#ffffff"
        assert stored(settings_path, theme.KEY_HIGH_CONTRAST) in (False, "false")
    finally:
        again.close()


@pytest.mark.slow
def test_text_size_keys_scale_every_font_and_are_remembered(
    qtbot: QtBot, window: MainWindow, settings_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    activate(qtbot, window)
    body = app.font().pointSizeF()
    heading = window.dashboard.heading.font().pointSizeF()
    status = window.banner.status_label.font().pointSizeF()
    nav_width = window.nav.width()
    assert status >= body + 12  # the warning level reads from across the room

    for _step in range(5):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.theme.text_scale == 150
    assert app.font().pointSizeF() == pytest.approx(body * 1.5)
    assert window.dashboard.heading.font().pointSizeF() == pytest.approx(heading * 1.5)
    assert window.banner.status_label.font().pointSizeF() == pytest.approx(status * 1.5)
    assert window.nav.width() >= nav_width
    assert int(stored(settings_path, theme.KEY_TEXT_SCALE)) == 150
    assert settings_page(window).size_spin.value() == 150
    # A page built at the new size keeps the same proportions.
    window.set_language("en")
    window.dashboard.rebuild()
    assert window.dashboard.heading.font().pointSizeF() == pytest.approx(heading * 1.5)

    for _step in range(10):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.theme.text_scale == theme.MAX_SCALE
    assert not window.larger_action.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.theme.text_scale == 190
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.theme.text_scale == 100
    assert app.font().pointSizeF() == pytest.approx(body)
    assert window.banner.status_label.font().pointSizeF() == pytest.approx(status)
    assert not window.smaller_action.isEnabled()


def test_larger_text_widens_fixed_table_columns(
    qtbot: QtBot, window: MainWindow, incident_id: str
) -> None:
    window.open_incident(incident_id)
    settle(qtbot, window)
    view = window.incident_page.log_tab.log_view
    header = view.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
    time_column = header.sectionSize(1)
    row = view.verticalHeader().defaultSectionSize()
    window.theme.set_text_scale(200)
    assert header.sectionSize(1) == pytest.approx(time_column * 2, abs=2)
    assert view.verticalHeader().defaultSectionSize() == pytest.approx(row * 2, abs=2)


# -- keyboard ----------------------------------------------------------------------------------


def test_every_menu_and_command_has_a_mnemonic_and_the_main_ones_a_shortcut(
    window: MainWindow,
) -> None:
    shortcuts: dict[str, str] = {}
    for menu in window.menus():
        assert re.search(r"&\w", menu.title()), menu.title()
        letters = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            text = action.text()
            mnemonic = re.search(r"&(\w)", text)
            assert mnemonic, f"{menu.title()}: {text!r} has no mnemonic"
            letters.append(mnemonic.group(1).lower())
            for keys in action.shortcuts():
                native = keys.toString()
                assert native not in shortcuts, f"{native} is both {shortcuts[native]} and {text}"
                shortcuts[native] = text
        assert len(letters) == len(set(letters)), f"{menu.title()}: a mnemonic twice: {letters}"
    for keys in (
        "Ctrl+K",
        "F1",
        "Ctrl+=",
        "Ctrl+-",
        "Ctrl+0",
        "Ctrl+Shift+H",
        "Ctrl+D",
        "Ctrl+R",
        "Ctrl+L",
        "Ctrl+U",
        "Ctrl+Shift+L",
        "Ctrl+Shift+O",
        "Ctrl+F",
        "Ctrl+Q",
        *(f"Ctrl+{n}" for n in range(1, 8)),
    ):
        assert keys in shortcuts, keys


def names_missing(root: QWidget) -> list[str]:
    """Controls a screen reader could not name: buttons, fields, lists and tables."""
    buddies = {
        label.buddy() for label in root.window().findChildren(QLabel) if label.buddy() is not None
    }
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or isinstance(widget, QHeaderView):
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the field inside a combo or spin box: named with it
        name = widget.accessibleName().strip()
        if isinstance(widget, QAbstractButton):
            ok = bool(name or widget.text().replace("&", "").strip())
        elif isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox):
            ok = bool(name) or widget in buddies
        elif isinstance(widget, QAbstractItemView):
            ok = bool(name)
        else:
            continue
        if not ok:
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            chain, parent = [], widget.parentWidget()
            while parent is not None and parent is not root and len(chain) < 4:
                chain.append(parent.objectName() or type(parent).__name__)
                parent = parent.parentWidget()
            where = " < ".join(chain)
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r} in {where}")
    return missing


def test_every_control_of_every_page_has_a_name_for_screen_readers(
    qtbot: QtBot, window: MainWindow, incident_id: str
) -> None:
    found = {}
    for index, spec in enumerate(PAGES):
        window.show_page(index)
        settle(qtbot, window)
        page = window.current_page()
        missing = names_missing(page)
        # Every tab of the page, not only the first one.
        for tab_widget in page.findChildren(QTabWidget):
            for tab in range(tab_widget.count()):
                tab_widget.setCurrentIndex(tab)
                settle(qtbot, window)
                missing += names_missing(page)
        if missing:
            found[spec.name] = sorted(set(missing))
    found_window = names_missing(window.centralWidget())
    assert found == {} and found_window == []


def test_the_dialogs_of_this_work_name_their_controls(
    qtbot: QtBot, window: MainWindow, incident_id: str, data_dir: Path
) -> None:
    kit = window.open_kit()
    qtbot.waitExposed(kit)
    assert names_missing(kit) == []
    kit.reject()
    help_dialog = window.open_help()
    assert names_missing(help_dialog) == []
    help_dialog.reject()
    wizard = FirstRunWizard(data_dir / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    for _page in range(4):
        assert names_missing(wizard) == [], wizard.currentId()
        wizard.next()
    wizard.reject()


# -- help ----------------------------------------------------------------------------------


def test_f1_opens_the_help_of_the_page_shown_in_the_interface_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    activate(qtbot, window)
    for index, topic in enumerate(TOPICS):
        window.show_page(index)
        activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        dialog = window.findChild(HelpDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.topic() == topic
        assert dialog.text().startswith(window.current_page().title())
        activate(qtbot, dialog)
        qtbot.keyClick(dialog.browser, Qt.Key.Key_F1)  # F1 again closes it
        assert not dialog.isVisible()

    window.show_page(0)
    dialog = window.open_help()
    assert "Declare incident" in dialog.text()
    window.set_language("zh")
    assert dialog.text().startswith("总览")
    assert "启动应急响应" in dialog.text()
    dialog.show_topic("keys")
    assert "Ctrl+K" in dialog.text() and "F1" in dialog.text()
    assert "打印停机应急包" in dialog.text() and "(K)" not in dialog.text()
    window.set_language("en")
    assert "Print downtime kit" in dialog.text()
    dialog.reject()


def test_every_page_has_its_help_in_both_languages() -> None:
    from hisconsole.resources import resource_path

    for topic in TOPICS:
        for lang in ("en", "zh"):
            text = resource_path("help", f"{topic}.{lang}.md").read_text("utf-8")
            assert text.startswith("# ") and len(text) > 300, (topic, lang)


# -- the downtime kit --------------------------------------------------------------------------


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    asked: list[str] = []

    def ask(_parent: QWidget, title: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(title)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return asked


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_ctrl_k_saves_the_kit_for_the_open_incident_and_records_its_forms(
    qtbot: QtBot,
    window: MainWindow,
    incident_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(KitDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: "Laboratory" in dialog.contents_label.text())
    assert dialog.choice() == (incident_id, None)
    assert not dialog.level_combo.isEnabled()  # the incident's own level
    dialog.wards_spin.setValue(2)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    target = tmp_path / "kit.pdf"
    asked = answer_save(monkeypatch, target)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    settle(qtbot, window)

    assert asked == ["Save the downtime kit as PDF"]
    text = text_of(target)
    assert "Call tree" in text or "call tree" in text.lower()
    assert incident_id in text
    issued = forms.sheets(window.ctx.console, incident_id)
    assert len(issued) == 2 * STARTER_FORMS
    assert {s["serial"] for s in issued} == set(dialog.serials)
    assert all(serial in text for serial in dialog.serials)
    assert dialog.status_label.text().startswith(
        f"Saved: the downtime kit, with {2 * STARTER_FORMS} numbered form(s)"
    )
    dialog.reject()


def test_a_cancelled_or_failed_kit_records_nothing(
    qtbot: QtBot,
    window: MainWindow,
    incident_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *_a: boxes.append(text) or 0
    )
    dialog = window.open_kit()
    answer_save(monkeypatch, None)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text() == "Saving cancelled, nothing was recorded."
    answer_save(monkeypatch, tmp_path / "missing" / "kit.pdf")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    settle(qtbot, window)
    assert len(boxes) == 1 and "Nothing was recorded as issued" in boxes[0]
    assert forms.sheets(window.ctx.console) == []
    dialog.reject()


@pytest.mark.slow
def test_printing_a_kit_for_a_scenario_issues_it_when_sent_and_prints_it(
    qtbot: QtBot, window: MainWindow, cups_queue: PrintQueue
) -> None:
    page = window.dashboard
    assert isinstance(page, DashboardPage)
    assert page.kit_button.text() == "Print downtime kit (Ctrl+K)"
    qtbot.mouseClick(page.kit_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(KitDialog)
    assert dialog is not None
    # No incident: the checklists of a scenario, at its default level.
    incident, scenario = dialog.choice()
    assert incident is None and scenario is not None
    assert dialog.level_combo.isEnabled()
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData("I"))
    combo = dialog.panel.printer_combo
    qtbot.waitUntil(lambda: combo.findData(cups_queue.name) >= 0, timeout=10000)
    combo.setCurrentIndex(combo.findData(cups_queue.name))

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "completed" in dialog.panel.job_label.text(), timeout=60000)
    settle(qtbot, window)

    issued = forms.sheets(window.ctx.console)
    assert len(issued) == STARTER_FORMS
    assert {(s["incident"], s["print_state"]) for s in issued} == {(None, "printed")}
    [output] = cups_queue.printed()
    assert sorted(qr_codes(output)) == [s["serial"] for s in issued]
    assert dialog.status_label.text().startswith(f"Sent to {cups_queue.name}: the downtime kit")
    dialog.reject()


# -- settings ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_settings_page_changes_language_contrast_size_and_region(
    qtbot: QtBot, window: MainWindow, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = settings_page(window)
    window.show_page(page_index("SettingsPage"))
    texts = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    assert "version 1" in texts  # the plan's version
    assert any(text.startswith("UTC") for text in texts)  # the time zone times are shown in

    page.language_combo.setCurrentIndex(page.language_combo.findData("zh"))
    page.language_combo.activated.emit(page.language_combo.currentIndex())
    assert window.ctx.lang == "zh" and window.language_actions["zh"].isChecked()
    assert stored(settings_path, KEY_LANGUAGE) == "zh"
    window.set_language("en")
    assert page.language_combo.currentData() == "en"

    page.contrast_check.setChecked(True)
    assert window.theme.high_contrast and window.high_contrast_action.isChecked()
    window.high_contrast_action.trigger()
    assert not page.contrast_check.isChecked()

    page.size_spin.setValue(130)
    assert window.theme.text_scale == 130
    window.theme.reset_text_scale()
    assert page.size_spin.value() == 100

    assert page.region() == "CN"
    assert page.region_combo.currentText() == "Mainland China (+86)"
    page.region_combo.setCurrentIndex(page.region_combo.findData("HK"))
    page.region_combo.activated.emit(page.region_combo.currentIndex())
    assert stored(settings_path, KEY_PHONE_REGION) == "HK"
    assert "this region" in page.region_note.text()
    from hisconsole.services import contacts

    assert contacts.region(page.ctx.console) == "HK"  # the services read numbers as HK now

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(window.ctx.console.data_dir)]


# -- dates, times and numbers ------------------------------------------------------------------


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The laptop's time zone is China's (UTC+8)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_times_are_local_24_hour_and_dates_follow_the_language(shanghai: None) -> None:
    moment = "2026-11-25T18:05:09+00:00"  # 02:05 the next day in Beijing
    assert format_time(moment) == "02:05"
    assert format_time(moment, seconds=True) == "02:05:09"
    assert format_time(moment, with_date=True, lang="zh") == "2026/11/26 02:05"
    assert format_time(moment, with_date=True, year=False, lang="zh") == "11/26 02:05"
    en = format_time(moment, with_date=True, lang="en")
    assert en.endswith("02:05") and "2026" in en and "26" in en
    assert format_date("2026-11-25", lang="zh") == "2026/11/25"
    assert format_date("spring 2026") == "spring 2026"  # not a date: as written
    assert format_time(dt.datetime(2026, 11, 25, 18, 5, tzinfo=dt.UTC)) == "02:05"
    assert format_time(None) == ""
    assert format_number(12345, lang="en") == "12,345"


ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def test_no_page_shows_a_raw_iso_time(qtbot: QtBot, window: MainWindow, incident_id: str) -> None:
    for index in range(len(PAGES)):
        window.show_page(index)
        settle(qtbot, window)
        page = window.current_page()
        shown = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
        for view in page.findChildren(QTableView):
            model = view.model()
            if model is None:
                continue
            for row in range(min(model.rowCount(), 50)):
                for column in range(model.columnCount()):
                    shown.append(str(model.index(row, column).data() or ""))
        raw = [text for text in shown if ISO_MOMENT.search(text)]
        assert raw == [], (PAGES[index].name, raw)
