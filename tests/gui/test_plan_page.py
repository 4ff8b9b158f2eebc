"""The plan page: reading in two languages, searching, editing by a plan editor, versions, PDF."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hisconsole.domain import plan_diff
from hisconsole.services import plan as plan_service
from hisconsole.services import search as search_service
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.plan.compare_dialog import CompareDialog
from hisconsole.ui.plan.diff_text import DiffFormatter
from hisconsole.ui.plan.level_dialog import LevelEditDialog
from hisconsole.ui.plan.page import PlanPage
from hisconsole.ui.plan.playbook_dialog import PlaybookDialog
from hisconsole.ui.plan.publish_dialog import PublishDialog
from hisconsole.ui.plan.resource_dialog import ResourceEditDialog
from hisconsole.ui.plan.search import HIT_ROLE, HTML_ROLE, SearchResultsModel

from .conftest import settle, visible_texts

PLAN_PAGE = 2


@pytest.fixture
def page(qtbot: QtBot, window: MainWindow) -> PlanPage:
    window.show_page(PLAN_PAGE)
    plan_page = window.current_page()
    assert isinstance(plan_page, PlanPage)
    return plan_page


def sign_in(qtbot: QtBot, window: MainWindow, role: str) -> None:
    console = window.ctx.console
    window.ctx.runner.op(lambda: console.sign_in("Li Ming", role))
    settle(qtbot, window)


def type_query(qtbot: QtBot, page: PlanPage, query: str) -> None:
    """Type into the search box as a user would; the results follow once typing pauses."""
    page.search_edit.clear()
    if query.isascii():
        qtbot.keyClicks(page.search_edit, query)
    else:  # Chinese arrives from the input method as committed text, not as key presses
        page.search_edit.insert(query)
    assert page.search_timer.isActive()  # debounced: nothing searched on every keystroke
    qtbot.waitUntil(lambda: page.results_panel.isVisible() and not page.search_timer.isActive())
    qtbot.waitUntil(lambda: page.results_model.query == query)


def dialog_of(window: MainWindow, kind: type[QDialog]) -> QDialog:
    dialogs = [d for d in window.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def press_ok(qtbot: QtBot, window: MainWindow, dialog: QDialog, button: QPushButton) -> None:
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert closed == [QDialog.DialogCode.Accepted]


def edit_button(page: PlanPage, key: str) -> QPushButton:
    assert page.document is not None
    found = [b for b in page.document.edit_buttons if b.property("plan_key") == key]
    assert len(found) == 1
    return found[0]


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the next Save dialogs with ``path``; returns the titles they were opened with."""
    titles: list[str] = []

    def fake(_parent: object, title: str, _dir: str, _filters: str) -> tuple[str, str]:
        titles.append(title)
        return str(path), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return titles


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


# --- reading ------------------------------------------------------------------------------


def test_the_whole_plan_is_there_to_read(page: PlanPage) -> None:
    texts = visible_texts(page)
    for expected in (
        "Overview and scope",
        "Warning levels",
        "Organisation and duties",
        "Systems inventory",
        "Risk register",
        "Playbooks",
        "Resources",
        "Drill calendar",
        "Review and improvement",
        "Especially severe",
        "LIS outage",
        "Data-centre modular UPS (30 minutes at full load)",
        "10 min",
    ):
        assert expected in texts, expected
    contents = [
        page.contents.topLevelItem(i).text(0) for i in range(page.contents.topLevelItemCount())
    ]
    assert contents[:3] == ["Overview and scope", "Warning levels", "Organisation and duties"]


def test_side_by_side_shows_chinese_and_english_together(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.mouseClick(page.mode_buttons["both"], Qt.MouseButton.LeftButton)
    texts = visible_texts(page)
    assert "特别严重" in texts and "Especially severe" in texts
    assert "实验室信息系统（LIS）中断" in texts and "LIS outage" in texts
    assert page.mode_buttons["both"].isChecked()

    qtbot.mouseClick(page.mode_buttons["zh"], Qt.MouseButton.LeftButton)
    texts = visible_texts(page)
    assert "特别严重" in texts and "Especially severe" not in texts
    # The interface stays English: only the plan's own texts changed language.
    assert "Warning levels" in texts


def test_the_view_can_show_one_levels_steps(qtbot: QtBot, page: PlanPage) -> None:
    def steps() -> int:
        assert page.document is not None
        return len(
            [k for k in page.document.labels if k[0].startswith("scenarios/") and "steps[" in k[1]]
        )

    every_level = steps()
    assert every_level == 120
    page.set_level("IV")
    assert 0 < steps() < every_level
    assert "10 of 13 steps apply at level IV." in visible_texts(page)


# --- search -------------------------------------------------------------------------------


def test_typing_a_chinese_word_lists_the_lis_steps_highlighted(
    qtbot: QtBot, window: MainWindow, page: PlanPage
) -> None:
    type_query(qtbot, page, "检验")

    model = page.results_model
    hits = [model.index(row).data(HIT_ROLE) for row in range(model.rowCount())]
    assert hits[0].key == "scenarios/lis-down"
    lis_steps = [h for h in hits if h.key == "scenarios/lis-down" and h.field.startswith("steps[")]
    assert len(lis_steps) >= 3
    html = model.index(0).data(HTML_ROLE)
    assert "LIS" in html and "step 3" in html
    assert 'background-color:#FFD54F; font-weight:bold">检验</span>' in html
    assert page.results_caption.text() == (
        f"{model.rowCount()} matches for “检验” — Enter or click to go there"
    )


def test_pacs_finds_the_imaging_steps_and_enter_goes_to_the_scenario(
    qtbot: QtBot, window: MainWindow, page: PlanPage
) -> None:
    type_query(qtbot, page, "PACS")
    model = page.results_model
    rows = [
        row
        for row in range(model.rowCount())
        if model.index(row).data(HIT_ROLE).key == "scenarios/pacs-down"
        and model.index(row).data(HIT_ROLE).field.startswith("steps[")
    ]
    assert len(rows) >= 3
    hit = model.index(rows[0]).data(HIT_ROLE)
    assert hit.lang == "en"  # the reader reads English: the English text of the step is listed

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.results_view.hasFocus()
    page.results_view.setCurrentIndex(model.index(rows[0]))
    qtbot.keyClick(page.results_view, Qt.Key.Key_Return)

    assert page.current_key == "scenarios/pacs-down"
    assert page.document is not None
    [marked] = page.document.highlighted()
    assert isinstance(marked, QLabel)
    assert marked.text() == hit.text
    qtbot.waitUntil(lambda: not marked.visibleRegion().isEmpty())  # scrolled into view
    assert page.contents.currentItem().text(0) == "PACS outage"


def test_a_step_hidden_by_the_level_filter_is_shown_when_its_result_is_chosen(
    qtbot: QtBot, page: PlanPage
) -> None:
    page.set_level("IV")
    type_query(qtbot, page, "escalate")
    model = page.results_model
    hit = next(  # "If LIS cannot be restored within an hour, escalate …": levels I and II only
        model.index(r).data(HIT_ROLE)
        for r in range(model.rowCount())
        if (model.index(r).data(HIT_ROLE).key, model.index(r).data(HIT_ROLE).field)
        == ("scenarios/lis-down", "steps[8].text")
    )
    page._result_activated(model.index(model.hits.index(hit)))
    assert page.level is None
    assert page.document is not None
    assert page.document.highlighted()[0].text() == hit.text


def test_nothing_found_says_so(qtbot: QtBot, page: PlanPage) -> None:
    type_query(qtbot, page, "zzzyyx")
    assert page.results_model.rowCount() == 0
    assert "Nothing in the plan matches" in page.results_caption.text()
    page.search_edit.clear()
    assert not page.results_panel.isVisible()


def test_ctrl_f_from_another_page_goes_to_the_plan_search(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, PlanPage)
    assert page.search_edit.hasFocus()


def test_search_results_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, window: MainWindow
) -> None:
    model = SearchResultsModel()
    snapshot = window.ctx.plan.snapshot
    assert snapshot is not None
    hits = search_service.search(window.ctx.console, "检验", 30)
    model.set_results("检验", hits, snapshot.document, "zh")
    qtmodeltester.check(model)
    assert model.rowCount() == len({(h.key, h.field) for h in hits})


# --- editing ------------------------------------------------------------------------------


def test_a_scribe_reads_only(qtbot: QtBot, window: MainWindow, page: PlanPage) -> None:
    sign_in(qtbot, window, "scribe")
    button = edit_button(page, "levels/III")
    assert not button.isEnabled()
    assert "Only a plan editor can change the plan" in button.toolTip()
    assert "Scribe" in button.toolTip()
    assert not page.publish_button.isEnabled()
    assert page.edit_item("levels/III") is None


@pytest.mark.slow
def test_a_plan_editor_changes_a_level_publishes_and_compares(
    qtbot: QtBot, window: MainWindow, page: PlanPage
) -> None:
    sign_in(qtbot, window, "plan-editor")
    button = edit_button(page, "levels/III")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(window, LevelEditDialog)
    assert isinstance(dialog, LevelEditDialog)
    assert dialog.report_spin.value() == 30
    dialog.report_spin.setValue(20)
    press_ok(qtbot, window, dialog, dialog.ok_button)

    level = next(
        lvl
        for lvl in plan_service.current_document(window.ctx.console)["levels"]
        if lvl["code"] == "III"
    )
    assert level["report_minutes"] == 20
    assert page.draft_label.isVisible()
    assert "draft" in page.draft_label.text()

    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    publish = dialog_of(window, PublishDialog)
    assert isinstance(publish, PublishDialog)
    assert publish.ok_button.text() == "Publish v2"
    qtbot.keyClicks(publish.note_edit, "Level III reports within 20 minutes")
    press_ok(qtbot, window, publish, publish.ok_button)

    versions = plan_service.versions(window.ctx.console)
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[-1]["author"] == "Li Ming"
    assert page.versions_list.count() == 2
    assert page.versions_list.item(0).text().startswith("v2 · Li Ming · ")
    assert not page.draft_label.isVisible()
    assert "Plan v2" in window.banner.details_text()

    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    compare = dialog_of(window, CompareDialog)
    assert isinstance(compare, CompareDialog)
    qtbot.waitUntil(lambda: bool(compare.lines))
    text = compare.diff_text()
    assert "Warning levels" in text
    assert "Changed: Warning level III — Relatively severe" in text
    assert "Report within (minutes): 30 → 20" in text
    assert "From v1 to v2: 1 item(s) changed" in compare.summary_label.text()
    compare.reject()


def test_publishing_nothing_new_is_refused_in_the_dialog(
    qtbot: QtBot, window: MainWindow, page: PlanPage
) -> None:
    sign_in(qtbot, window, "plan-editor")
    dialog = page.publish()
    assert isinstance(dialog, PublishDialog)
    qtbot.keyClicks(dialog.note_edit, "again")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert dialog.isVisible()
    assert "nothing to publish" in dialog.error_label.text()
    assert len(plan_service.versions(window.ctx.console)) == 1
    dialog.reject()


def test_a_plan_editor_reorders_adds_and_removes_playbook_steps(
    qtbot: QtBot, window: MainWindow, page: PlanPage
) -> None:
    sign_in(qtbot, window, "plan-editor")
    before = next(
        s
        for s in plan_service.current_document(window.ctx.console)["scenarios"]
        if s["code"] == "lis-down"
    )["steps"]
    qtbot.mouseClick(edit_button(page, "scenarios/lis-down"), Qt.MouseButton.LeftButton)
    dialog = dialog_of(window, PlaybookDialog)
    assert isinstance(dialog, PlaybookDialog)
    assert dialog.step_list.count() == len(before)

    # Move the first step down with the keyboard.
    window.activateWindow()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.step_list.setFocus()
    dialog.step_list.setCurrentRow(0)
    qtbot.keyClick(dialog.step_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert dialog.step_list.currentRow() == 1

    # Remove the last step; add one for the business group at levels I and II only.
    dialog.step_list.setCurrentRow(len(before) - 1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findData("business"))
    dialog.level_boxes["III"].setChecked(False)
    dialog.level_boxes["IV"].setChecked(False)

    # Saving with the new step's text missing is refused, with the step named.
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    message = f"Step {len(before)}: enter the text in both Chinese and English."
    assert message in dialog.error_label.text()
    dialog.step_text.fields["zh"].insertPlainText("通知检验科恢复条码打印")
    qtbot.keyClicks(dialog.step_text.fields["en"], "Tell the laboratory to resume barcode printing")
    press_ok(qtbot, window, dialog, dialog.ok_button)

    after = next(
        s
        for s in plan_service.current_document(window.ctx.console)["scenarios"]
        if s["code"] == "lis-down"
    )["steps"]
    assert after[0] == before[1] and after[1] == before[0]
    assert after[-1] == {
        "group": "business",
        "levels": ["I", "II"],
        "text": {
            "zh": "通知检验科恢复条码打印",
            "en": "Tell the laboratory to resume barcode printing",
        },
    }
    assert before[-1] not in after
    assert "Tell the laboratory to resume barcode printing" in visible_texts(page)


def test_a_plan_editor_changes_a_resources_quantity_and_location(
    qtbot: QtBot, window: MainWindow, page: PlanPage
) -> None:
    sign_in(qtbot, window, "plan-editor")
    qtbot.mouseClick(edit_button(page, "resources/ups"), Qt.MouseButton.LeftButton)
    dialog = dialog_of(window, ResourceEditDialog)
    assert isinstance(dialog, ResourceEditDialog)
    dialog.quantity_spin.setValue(3)
    dialog.location_edit.fields["en"].setText("Data centre, room B2")
    dialog.location_edit.fields["zh"].setText("数据中心B2机房")
    press_ok(qtbot, window, dialog, dialog.ok_button)
    ups = next(
        r
        for r in plan_service.current_document(window.ctx.console)["resources"]
        if r["code"] == "ups"
    )
    assert ups["quantity"] == 3
    assert ups["location"] == {"zh": "数据中心B2机房", "en": "Data centre, room B2"}
    assert "Data centre, room B2" in visible_texts(page)


# --- printing -----------------------------------------------------------------------------


def test_print_the_whole_plan_to_pdf(
    qtbot: QtBot,
    window: MainWindow,
    page: PlanPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "binder.pdf"
    titles = save_to(monkeypatch, target)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert titles == ["Save the plan as PDF"]
    text = pdf_text(target)
    # The binder is in the interface's language (English here).
    assert "Especially severe" in text and "特别严重" not in text
    assert str(target) in page.status_label.text()


def test_print_one_playbook_to_pdf(
    qtbot: QtBot,
    window: MainWindow,
    page: PlanPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "lis"  # no suffix typed: .pdf is added
    save_to(monkeypatch, target)
    page.print_playbook("lis-down")
    settle(qtbot, window)
    text = pdf_text(tmp_path / "lis.pdf")
    assert "LIS" in text
    assert "PACS outage" not in text


def test_an_unwritable_place_is_reported(
    qtbot: QtBot,
    window: MainWindow,
    page: PlanPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_to(monkeypatch, tmp_path / "missing-folder" / "plan.pdf")
    page.print_plan()
    settle(qtbot, window)
    assert "Cannot write" in page.status_label.text()


def test_a_diff_says_steps_moved_added_and_removed(window: MainWindow) -> None:
    old = plan_service.current_document(window.ctx.console)
    assert old is not None
    new = copy.deepcopy(old)
    steps = next(s for s in new["scenarios"] if s["code"] == "lis-down")["steps"]
    steps[0], steps[1] = steps[1], steps[0]
    removed = steps.pop()
    steps.append({"group": "hq", "levels": ["I"], "text": {"zh": "新步骤", "en": "A new step"}})
    lines = DiffFormatter(old, new, "en").lines(plan_diff.diff_documents(old, new))
    text = [line for _kind, line in lines]
    assert "Changed: Playbook: LIS outage (lis-down)" in text
    # Two steps swapped: one of them is said to have moved.
    assert any(line.startswith("Step 2 moved to 1: [Emergency command HQ · ") for line in text)
    assert (
        f"Step 13: [Emergency command HQ · I, II, III, IV] {removed['text']['en']} → "
        "[Emergency command HQ · I] A new step" in text
    )
