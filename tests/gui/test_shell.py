"""The main window as the operator uses it: sign-in, language, pages, remembered geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, QSize, Qt
from pytestqt.qtbot import QtBot

from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.ui.app import create_main_window
from hisconsole.ui.contacts.page import ContactsPage
from hisconsole.ui.dashboard.page import DashboardPage
from hisconsole.ui.main_window import KEY_LANGUAGE, PAGES, MainWindow, page_index
from hisconsole.ui.partials.page import Page
from hisconsole.ui.plan.page import PlanPage
from hisconsole.ui.settings.page import SettingsPage
from hisconsole.ui.signin import SignInDialog

from .conftest import english_settings, settle, visible_texts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def open_sign_in(qtbot: QtBot, window: MainWindow) -> SignInDialog:
    window.file_menu.actions()[0].trigger()  # File → Switch operator…
    dialog = window.findChild(SignInDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_window_shows_title_banner_and_navigation(window: MainWindow) -> None:
    assert window.windowTitle() == "HIS Console"
    assert window.banner.status_text() == "No active incident — normal operations"
    operator = window.ctx.console.operator
    assert f"On duty: {operator.name}" in window.banner.details_text()
    assert "Plan v1" in window.banner.details_text()
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names == [
        "Dashboard",
        "Incident",
        "Plan",
        "Contacts",
        "Forms",
        "Sync",
        "Drills",
        "Settings",
    ]
    assert [m.title() for m in (window.file_menu, window.view_menu)] == ["&File", "&View"]
    assert [m.title() for m in (window.language_menu, window.help_menu)] == ["&Language", "&Help"]


def test_sign_in_through_the_dialog_puts_the_operator_in_the_banner(
    qtbot: QtBot, window: MainWindow, ready_data_dir: Path
) -> None:
    dialog = open_sign_in(qtbot, window)
    assert dialog.name_edit.text() == window.ctx.console.operator.name  # prefilled
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Wang Fang")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("commander"))
    assert dialog.role_combo.currentText() == "Commander"

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert "On duty: Wang Fang (Commander, unverified)" in window.banner.details_text()
    # The sign-in is durable: the next start offers the same operator.
    reopened = Console.open(ready_data_dir)
    try:
        assert (reopened.operator.name, reopened.operator.role) == ("Wang Fang", "commander")
    finally:
        reopened.close()


def test_empty_name_shows_the_reason_and_keeps_the_dialog_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = window.banner.details_text()
    dialog = open_sign_in(qtbot, window)
    dialog.name_edit.setText("   ")

    with qtbot.waitSignal(window.ctx.runner.idle):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Enter the operator's name."
    assert dialog.ok_button.isEnabled()
    assert window.banner.details_text() == before
    dialog.reject()


def test_switching_language_retranslates_every_widget_and_plan_content(
    qtbot: QtBot, window: MainWindow, settings_path: Path
) -> None:
    window.show_page(2)
    plan_page = window.current_page()
    assert isinstance(plan_page, PlanPage)
    assert "Especially severe" in visible_texts(plan_page)

    window.language_actions["zh"].trigger()

    assert window.language_actions["zh"].isChecked()
    assert window.windowTitle() == "HIS 应急指挥台"
    assert window.nav.item(0).text() == "总览"
    assert window.nav.item(2).text() == "预案"
    assert window.language_menu.title() == "语言(&L)"
    assert window.banner.status_text() == "当前无应急事件 — 系统运行正常"
    texts = visible_texts(plan_page)
    assert "特别严重" in texts
    assert "技术支持组" in texts
    assert "预警级别" in texts
    assert "Especially severe" not in texts
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).value(KEY_LANGUAGE) == "zh"

    window.language_actions["en"].trigger()

    assert window.nav.item(0).text() == "Dashboard"
    texts = visible_texts(plan_page)
    assert "Especially severe" in texts
    assert "Technical support group" in texts
    assert "特别严重" not in texts


def test_chinese_sign_in_dialog_and_refusal(qtbot: QtBot, window: MainWindow) -> None:
    window.set_language("zh")
    dialog = open_sign_in(qtbot, window)
    assert dialog.windowTitle() == "签到"
    labels = [dialog.role_combo.itemText(i) for i in range(dialog.role_combo.count())]
    assert labels == ["指挥长", "信息科值班", "业务恢复组负责人", "记录员", "预案编辑"]
    dialog.name_edit.clear()
    with qtbot.waitSignal(window.ctx.runner.idle):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "请输入值班人员的姓名。"
    dialog.reject()


def test_ctrl_1_to_7_visit_every_page(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    for index in reversed(range(len(PAGES))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == index
        assert type(window.current_page()).__name__ == PAGES[index].name
        assert window.current_page().title() == window.nav.item(index).text()
        assert window.nav.currentRow() == index
        assert window.view_menu.actions()[index].isChecked()
        assert f"Ctrl+{index + 1}" in window.nav.item(index).toolTip()


def shown_page(qtbot: QtBot, window: MainWindow, name: str) -> Page:
    """Show the page whose class is called ``name`` (pages are built when first shown)."""
    window.show_page(page_index(name))
    settle(qtbot, window)
    return window.current_page()


def test_pages_are_built_when_first_shown(qtbot: QtBot, window: MainWindow) -> None:
    # At start only the dashboard exists: the others (and the libraries they use) wait.
    assert [page is not None for page in window.pages] == [True] + [False] * (len(PAGES) - 1)
    assert window.nav.item(page_index("PlanPage")).text() == "Plan"
    plan = shown_page(qtbot, window, "PlanPage")
    assert isinstance(plan, PlanPage) and window.pages[page_index("PlanPage")] is plan
    assert "Relatively severe" in visible_texts(plan)  # the plan read before it was built


def test_pages_show_real_content_or_say_what_they_will_hold(
    qtbot: QtBot, window: MainWindow
) -> None:
    dashboard = window.pages[0]
    assert isinstance(dashboard, DashboardPage)
    texts = visible_texts(dashboard)
    assert "No active incident" in texts
    for code, name in (("I", "Especially severe"), ("IV", "General")):
        assert f"Level {code}" in texts and name in texts
    assert "Report within 10 min" in texts
    assert any("version 1" in t for t in texts)

    contacts = shown_page(qtbot, window, "ContactsPage")
    assert isinstance(contacts, ContactsPage)
    assert contacts.tabs.tabText(0) == "People" and contacts.tabs.tabText(1) == "Call trees"

    settings = shown_page(qtbot, window, "SettingsPage")
    assert isinstance(settings, SettingsPage)
    texts = visible_texts(settings)
    assert window.ctx.console.device_id in texts
    assert str(window.ctx.console.data_dir) in texts


def test_plan_page_lists_levels_groups_and_systems(qtbot: QtBot, window: MainWindow) -> None:
    page = shown_page(qtbot, window, "PlanPage")
    texts = visible_texts(page)
    for expected in ("Relatively severe", "Yellow", "30 min", "2 h"):
        assert expected in texts
    assert "Business recovery group" in texts
    assert "HIS" in texts and "Hospital information system" in texts
    assert "Critical" in texts


def test_geometry_is_saved_and_restored(
    qtbot: QtBot, window: MainWindow, console: Console, settings_path: Path
) -> None:
    # Within the offscreen platform's 800×600 screen: Qt shrinks a restored
    # window to fit the screen it is on.
    window.resize(QSize(760, 540))
    window.move(QPoint(10, 20))
    window.close()
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).contains("window/geometry")

    again = create_main_window(console, settings_path)
    qtbot.addWidget(again)
    assert again.size() == QSize(760, 540)
    again.close()


def test_a_console_without_a_plan_says_so(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    empty = Console.open(data_dir, create=True)
    window = create_main_window(empty, english_settings(tmp_path / "ui.ini"))
    qtbot.addWidget(window)
    try:
        settle(qtbot, window)
        for name in ("DashboardPage", "PlanPage"):
            texts = visible_texts(shown_page(qtbot, window, name))
            assert any("holds no plan yet" in t for t in texts)
        assert "Plan v" not in window.banner.details_text()
    finally:
        window.close()
        window.ctx.translations.uninstall()
        empty.close()


def test_a_new_plan_version_refreshes_banner_and_pages(qtbot: QtBot, window: MainWindow) -> None:
    doc = plan_service.read_document(FIXTURES / "mini-plan.yaml")
    console = window.ctx.console
    with qtbot.waitSignal(window.ctx.plan.updated):
        window.ctx.runner.op(lambda: plan_service.import_document(console, doc))
    assert "Plan v2" in window.banner.details_text()
    plan_texts = visible_texts(shown_page(qtbot, window, "PlanPage"))
    assert "Test plan" in plan_texts
    assert "PACS" not in plan_texts  # the mini plan lists HIS and LIS only
    assert any("version 2" in t for t in visible_texts(shown_page(qtbot, window, "DashboardPage")))
