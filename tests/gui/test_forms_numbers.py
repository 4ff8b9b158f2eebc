"""The Forms page's Temporary numbers tab as a user drives it: add a ward, issue a range for
the open incident, save its labels, mark numbers used and void."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents, numbers
from hisconsole.services.console import Console
from hisconsole.ui.forms.numbers import AddWardDialog, VoidNumbersDialog
from hisconsole.ui.forms.page import FormsPage
from hisconsole.ui.main_window import MainWindow, page_index

from .conftest import settle


@pytest.fixture
def window_console(console: Console) -> Console:
    incidents.declare(console, level="II", title="HIS 停机", systems=["HIS"])
    return console


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_numbers(qtbot: QtBot, window: MainWindow) -> FormsPage:
    window.show_page(page_index("FormsPage"))
    page = window.current_page()
    assert isinstance(page, FormsPage)
    page.tabs.setCurrentWidget(page.numbers_tab)
    settle(qtbot, window)
    return page


def test_add_a_ward_issue_label_use_and_void(
    qtbot: QtBot, window: MainWindow, window_console: Console, tmp_path: Path, monkeypatch: Any
) -> None:
    console = window_console
    page = open_numbers(qtbot, window)
    tab = page.numbers_tab
    assert not tab.issue_button.isEnabled()
    assert "Add a ward first" in tab.status_text()

    dialog = tab.add_ward()
    assert isinstance(dialog, AddWardDialog)
    qtbot.keyClicks(dialog.code_edit, "W3A")
    dialog.zh_edit.setText("心内科一病区")  # keyClicks types ASCII only
    click(qtbot, dialog.ok_button)  # no English name: refused, the dialog stays
    settle(qtbot, window)
    assert dialog.isVisible() and "Chinese and in English" in dialog.error_label.text()
    qtbot.keyClicks(dialog.en_edit, "Cardiology ward 1")
    click(qtbot, dialog.ok_button)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: tab.ward_combo.count() == 1)
    assert tab.ward_combo.currentText() == "Cardiology ward 1 (W3A)"

    tab.count_spin.setValue(4)
    click(qtbot, tab.issue_button)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: len(tab.rows) == 4)
    code = console.device_code
    assert tab.status_text() == f"Issued 4 number(s) to W3A: LS-{code}-00001 – LS-{code}-00004"
    incident = incidents.list_incidents(console)[0]["id"]
    assert {r["incident"] for r in numbers.listing(console)} == {incident}
    assert tab.model.data(tab.model.index(0, 0)) == f"LS-{code}-00001"

    target = tmp_path / "labels.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    tab.save_labels()
    settle(qtbot, window)
    qtbot.waitUntil(target.exists)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert f"LS-{code}-00001" in text and f"LS-{code}-00004" in text and "W3A" in text

    tab.view.selectRow(0)
    click(qtbot, tab.use_button)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: tab.rows[0]["status"] == "used")
    assert tab.model.data(tab.model.index(0, 2)) == "used"

    tab.view.selectRow(0)
    void = tab.mark_void()
    assert isinstance(void, VoidNumbersDialog)
    click(qtbot, void.ok_button)  # no reason: refused
    settle(qtbot, window)
    assert "Say why" in void.error_label.text()
    qtbot.keyClicks(void.reason_edit, "wristband torn")
    click(qtbot, void.ok_button)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: tab.rows[0]["status"] == "void")
    assert tab.model.data(tab.model.index(0, 6)) == "wristband torn"

    # A void number cannot be marked used: the refusal is shown, nothing changes.
    tab.view.selectRow(0)
    click(qtbot, tab.use_button)
    settle(qtbot, window)
    assert "is void (wristband torn)" in tab.status_text()
    assert numbers.counts(console) == {"issued": 3, "used": 0, "void": 1}


def test_tab_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    page = open_numbers(qtbot, window)
    window.set_language("zh")
    assert page.tabs.tabText(3) == "临时住院号"
    assert page.numbers_tab.issue_button.text().startswith("发放号码")
    window.set_language("en")


def test_stock_tab_shows_the_burn_down(
    qtbot: QtBot, window: MainWindow, window_console: Console
) -> None:
    from hisconsole.services import forms

    first = forms.reserve_serials(window_console, 30)
    forms.record_issued(
        window_console,
        template="mar",
        template_version=2,
        first=first,
        count=30,
        incident=None,
        lang="zh",
        department="ICU",
    )
    forms.count_stock(window_console, "mar", 10)  # counted after the sheets were printed
    window.show_page(page_index("FormsPage"))
    page = window.current_page()
    assert isinstance(page, FormsPage)
    page.tabs.setCurrentWidget(page.stock_tab)
    settle(qtbot, window)
    stock = page.stock_tab
    qtbot.waitUntil(lambda: any(r["template"] == "mar" for r in stock.rows))
    index = [r["template"] for r in stock.rows].index("mar")
    headers = [
        stock.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(stock.model.columnCount())
    ]
    cell = {h: stock.model.data(stock.model.index(index, c)) for c, h in enumerate(headers)}
    assert cell["Used per hour"] == "30.0 (ICU 30.0)"
    assert cell["Runs out"].startswith("in 0.3 h, at ")
    assert cell["State"] == "RUNNING OUT"
    assert "RUNNING OUT within 2 hours" in stock.low_label.text()
    assert "Medication administration record" in stock.low_label.text()


def test_the_kit_dialog_adds_the_labels_of_the_wards_chosen(
    qtbot: QtBot, window: MainWindow, window_console: Console, tmp_path: Path, monkeypatch: Any
) -> None:
    from hisconsole.ui.kit.dialog import KitDialog, open_kit_dialog

    numbers.set_ward(window_console, "W3A", "心内科一病区", "Cardiology ward 1")
    numbers.set_ward(window_console, "W5", "骨科病区", "Orthopaedics")
    numbers.set_ward(window_console, "ICU", "重症医学科", "ICU")
    w3a = numbers.issue(window_console, "W3A", 3)
    w5 = numbers.issue(window_console, "W5", 2)
    (icu,) = numbers.issue(window_console, "ICU", 1)
    numbers.set_status(window_console, icu, "used")  # ICU has none left to hand out
    incident = incidents.list_incidents(window_console)[0]["id"]
    dialog = open_kit_dialog(window.ctx, window, incident=incident)
    assert isinstance(dialog, KitDialog)
    qtbot.waitUntil(lambda: "Laboratory" in dialog.contents_label.text())
    box = dialog.numbers_list
    qtbot.waitUntil(lambda: box.count() == 3)
    shown = [box.item(r).text() for r in range(box.count())]
    assert shown == [
        "ICU · ICU: no unused numbers (issue some first)",
        "W3A · Cardiology ward 1: 3 unused number(s)",
        "W5 · Orthopaedics: 2 unused number(s)",
    ]
    assert "wards' unused temporary patient" in dialog.numbers_label.text()
    window.set_language("zh")
    assert box.item(1).text() == "W3A · 心内科一病区：未使用的号码 3 个"
    assert box.item(0).text() == "ICU · 重症医学科：没有未使用的号码（请先发放）"
    assert dialog.numbers_label.text() == "加入以下病区未使用的临时住院号标签(&N)："
    window.set_language("en")
    assert not box.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable  # nothing to print
    assert dialog.number_wards() == []
    box.item(2).setCheckState(Qt.CheckState.Checked)  # W5 only, as 'kit --numbers W5'
    target = tmp_path / "kit.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    settle(qtbot, window)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert all(n in text for n in w5) and not any(n in text for n in w3a) and icu not in text
    assert "Labels of 2 temporary patient numbers for W5." in " ".join(text.split())
    dialog.reject()


def test_the_kit_dialog_says_where_to_add_wards_when_the_register_is_empty(
    qtbot: QtBot, window: MainWindow
) -> None:
    from hisconsole.ui.kit.dialog import KitDialog, open_kit_dialog

    dialog = open_kit_dialog(window.ctx, window)
    assert isinstance(dialog, KitDialog)
    qtbot.waitUntil(lambda: "No wards in the register" in dialog.numbers_label.text())
    assert "Forms → Temporary numbers" in dialog.numbers_label.text()
    assert dialog.numbers_list.isHidden() and dialog.number_wards() == []
    dialog.reject()


def test_numbers_printed_on_registration_sheets_show_their_sheet(
    qtbot: QtBot, window: MainWindow, window_console: Console
) -> None:
    from hisconsole.services import forms

    console = window_console
    pack = forms.prepare_pack(console, [("registration", 1)], department="急诊")
    forms.record_pack(console, pack)
    page = open_numbers(qtbot, window)
    tab = page.numbers_tab
    qtbot.waitUntil(lambda: len(tab.rows) == 15)
    shown = [[tab.model.data(tab.model.index(row, col)) for col in (0, 1, 4)] for row in range(15)]
    assert shown == [[number, "—", pack.serials[0]] for number in pack.numbers[0]]
