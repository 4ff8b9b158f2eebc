"""The first start: the set-up wizard creates the console the operator chose, or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard
from pytestqt.qtbot import QtBot

from hisconsole.services import contacts as contacts_service
from hisconsole.services import paths
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.services.setup import open_or_initialise
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.store.db import DB_FILENAME
from hisconsole.ui import app as app_module
from hisconsole.ui.firstrun import (
    PAGE_CONTENT,
    PAGE_HOSPITAL,
    PAGE_OPERATOR,
    PAGE_READY,
    PAGE_WELCOME,
    FirstRunWizard,
)
from hisconsole.ui.i18n import Translations
from hisconsole.ui.main_window import KEY_LANGUAGE, MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def translations() -> Iterator[Translations]:
    owned = Translations()
    yield owned
    owned.uninstall()


@pytest.fixture
def wizard(qtbot: QtBot, data_dir: Path, translations: Translations) -> Iterator[FirstRunWizard]:
    shown = FirstRunWizard(data_dir, translations)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    if shown.console is not None:
        shown.console.close()


def press_enter(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    """What the operator does on each page: Enter (the default button, Next or Finish)."""
    target = QApplication.focusWidget() or wizard
    qtbot.keyClick(target, Qt.Key.Key_Return)


def finish(qtbot: QtBot, wizard: FirstRunWizard) -> Console:
    assert wizard.currentId() == PAGE_READY
    press_enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted)
    assert wizard.console is not None
    return wizard.console


def test_enter_on_every_page_sets_up_a_console_with_the_bundled_plan(
    qtbot: QtBot, wizard: FirstRunWizard, data_dir: Path
) -> None:
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    assert wizard.welcome.data_dir() == data_dir
    seen = [wizard.currentId()]
    for _page in range(3):
        press_enter(qtbot, wizard)
        seen.append(wizard.currentId())
    assert seen == [PAGE_WELCOME, PAGE_CONTENT, PAGE_HOSPITAL, PAGE_OPERATOR]
    # The hospital page offered the bundled plan's own name, kept as it is.
    assert wizard.hospital.zh_edit.text() == "示例医院"
    assert wizard.hospital.hospital() is None
    wizard.operator.name_edit.setText("Li Ming")
    press_enter(qtbot, wizard)
    assert "Plan: the bundled example plan" in wizard.ready.summary.text()
    assert "On duty: Li Ming (IT duty officer)" in wizard.ready.summary.text()
    assert not (data_dir / DB_FILENAME).exists()  # nothing before Finish

    console = finish(qtbot, wizard)

    assert (data_dir / DB_FILENAME).is_file()
    assert wizard.signed_in
    assert (console.operator.name, console.operator.role) == ("Li Ming", "it-duty")
    assert [v["version"] for v in plan_service.versions(console)] == [1]
    assert plan_service.require_document(console)["meta"]["hospital"]["en"] == "Example Hospital"
    assert contacts_service.list_contacts(console) == []


def test_hospital_name_contacts_and_a_bundle_from_another_laptop(
    qtbot: QtBot, wizard: FirstRunWizard, console: Console, tmp_path: Path
) -> None:
    people = tmp_path / "people.csv"
    contacts_service.export_file(console, people)
    bundle = tmp_path / "laptop-a.bundle"
    bundles_service.export_bundle(console, bundle)

    wizard.welcome.folder.set_path(tmp_path / "laptop-b")
    wizard.next()
    page = wizard.content
    qtbot.keyClicks(page.contacts_file.edit, str(people))  # typing a path ticks its box
    assert page.contacts_check.isChecked()
    page.bundle_check.setChecked(True)
    page.bundle_file.set_path(bundle)
    wizard.next()
    assert wizard.currentId() == PAGE_HOSPITAL
    wizard.hospital.zh_edit.setText("  北京 协和  测试医院 ")
    wizard.hospital.en_edit.clear()
    wizard.next()
    wizard.operator.name_edit.setText("Wang Fang")
    wizard.operator.role_combo.setCurrentIndex(wizard.operator.role_combo.findData("commander"))
    wizard.next()
    summary = wizard.ready.summary.text()
    assert f"Contacts: {people}" in summary and f"Sync bundle: {bundle}" in summary

    # Finish works off the UI thread and says each step as it starts, with a bar.
    shown: list[tuple[str, int, int]] = []
    wizard.progress.relay.step.connect(
        lambda *_: shown.append(
            (
                wizard.progress.label.text(),
                wizard.progress.bar.value(),
                wizard.progress.bar.maximum(),
            )
        )
    )
    created = finish(qtbot, wizard)
    assert shown == [
        ("Step 1 of 5: Checking the plan…", 0, 5),
        ("Step 2 of 5: Creating the database…", 1, 5),
        ("Step 3 of 5: Loading the plan…", 2, 5),
        ("Step 4 of 5: Importing the contacts…", 3, 5),
        ("Step 5 of 5: Importing the sync bundle…", 4, 5),
    ]

    meta = plan_service.require_document(created)["meta"]
    # A name in one language only names the hospital in both; printouts carry it.
    assert meta["hospital"] == {"zh": "北京 协和 测试医院", "en": "北京 协和 测试医院"}
    expected = len(contacts_service.list_contacts(console))
    assert len(contacts_service.list_contacts(created)) == expected > 0
    result = wizard.result_
    assert result is not None
    assert result.contacts_added == expected and result.problems == []
    # The other laptop is not trusted yet: what it sent waits for a commander.
    assert result.bundle_applied == 0
    assert any("quarantine" in note for note in result.notes)
    assert created.operator.name == "Wang Fang"
    report = app_module.first_start_report(result)
    assert "quarantine" in report and "Contacts or Sync page" in report


def test_a_bad_plan_file_is_refused_on_its_page_and_nothing_is_created(
    qtbot: QtBot, wizard: FirstRunWizard, data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text("format: hisconsole-plan\nlevels: [oops\n", "utf-8")
    wizard.next()
    page = wizard.content
    page.own_radio.setChecked(True)
    wizard.next()
    assert wizard.currentId() == PAGE_CONTENT
    assert page.error.isVisible() and page.error.text() == "Choose the hospital's plan file."
    page.plan_file.set_path(bad)
    wizard.next()
    assert wizard.currentId() == PAGE_CONTENT
    assert "The plan file cannot be used" in page.error.text()
    assert "not valid YAML" in page.error.text()
    assert not data_dir.exists()

    page.plan_file.set_path(FIXTURES / "mini-plan.yaml")
    wizard.next()
    assert wizard.currentId() == PAGE_HOSPITAL
    assert wizard.hospital.en_edit.text() == "Test Hospital"  # the file's own name
    wizard.next()
    wizard.next()
    created = finish(qtbot, wizard)
    assert plan_service.require_document(created)["meta"]["title"]["en"] == "Test plan"


def test_the_operator_needs_a_name(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    for _page in range(3):
        wizard.next()
    assert wizard.currentId() == PAGE_OPERATOR
    wizard.operator.name_edit.setText("   ")
    wizard.next()
    assert wizard.currentId() == PAGE_OPERATOR
    assert wizard.operator.error.text() == "Enter the name of the person on duty."


def test_use_the_defaults_skips_the_questions(
    qtbot: QtBot, wizard: FirstRunWizard, data_dir: Path
) -> None:
    skip = wizard.button(QWizard.WizardButton.CustomButton1)
    assert skip.isVisible() and skip.text() == "&Use the defaults"
    qtbot.mouseClick(skip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result() == QDialog.DialogCode.Accepted)
    assert wizard.console is not None
    assert not wizard.signed_in  # the window asks who is on duty
    assert [v["version"] for v in plan_service.versions(wizard.console)] == [1]
    assert (data_dir / DB_FILENAME).is_file()


def test_a_folder_holding_a_console_is_opened_as_it_is(
    qtbot: QtBot, wizard: FirstRunWizard, ready_data_dir: Path
) -> None:
    wizard.welcome.folder.set_path(ready_data_dir)
    wizard.next()
    assert wizard.currentId() == PAGE_READY
    assert "holds a console already" in wizard.ready.summary.text()
    opened = finish(qtbot, wizard)
    assert opened.data_dir == ready_data_dir
    assert len(contacts_service.list_contacts(opened)) > 0  # the demo contacts it had


def test_a_folder_that_is_a_file_is_refused(
    qtbot: QtBot, wizard: FirstRunWizard, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    wizard.welcome.folder.set_path(blocker)
    wizard.next()
    assert wizard.currentId() == PAGE_WELCOME
    assert wizard.welcome.error.text() == f"{blocker} is a file, not a folder."


def test_cancel_creates_nothing(qtbot: QtBot, wizard: FirstRunWizard, data_dir: Path) -> None:
    wizard.next()
    wizard.reject()
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert wizard.console is None
    assert not data_dir.exists()


def test_choosing_chinese_in_the_wizard_translates_it_at_once(
    qtbot: QtBot, wizard: FirstRunWizard, translations: Translations
) -> None:
    combo = wizard.welcome.language_combo
    combo.setCurrentIndex(combo.findData("zh"))
    assert translations.language == "zh"
    expected = QCoreApplication.translate("FirstRunWizard", "Set up HIS Console")
    assert expected != "Set up HIS Console"
    assert wizard.windowTitle() == expected
    assert wizard.welcome.title() == QCoreApplication.translate(
        "WelcomePage", "Welcome to HIS Console"
    )


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's configuration and default data folders, in the test's own folder."""
    default = tmp_path / "default-data"
    pointer = tmp_path / "config" / paths.LOCATION_FILE
    monkeypatch.setattr(paths, "default_data_dir", lambda: default)
    monkeypatch.setattr(paths, "location_file", lambda: pointer)
    return tmp_path


def test_the_first_start_remembers_another_folder_and_the_language(
    qtbot: QtBot, config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = config_home / "elsewhere" / "console"
    shown: list[MainWindow] = []

    def exec_wizard(self: FirstRunWizard) -> int:
        self.show()  # what exec does first
        self.welcome.language_combo.setCurrentIndex(self.welcome.language_combo.findData("zh"))
        self.welcome.folder.set_path(chosen)
        for _page in range(4):
            self.next()
        assert self.currentId() == PAGE_READY
        self.operator.name_edit.setText("Zhao Lei")
        self.accept()
        qtbot.waitUntil(lambda: self.console is not None)
        return int(QDialog.DialogCode.Accepted.value)

    def exec_app(*_args: Any) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        shown.append(window)
        return 0

    monkeypatch.setattr(FirstRunWizard, "exec", exec_wizard)
    monkeypatch.setattr(QApplication, "exec", exec_app)

    assert app_module.run(None) == 0

    assert (chosen / DB_FILENAME).is_file()
    assert not (config_home / "default-data").exists()
    assert paths.resolve_data_dir() == chosen.resolve()  # the command line finds it too
    settings = QSettings(str(chosen / app_module.SETTINGS_FILE), QSettings.Format.IniFormat)
    assert settings.value(KEY_LANGUAGE) == "zh"
    assert len(shown) == 1
    window = shown[0]
    assert "Zhao Lei" in window.banner.details_text()
    assert window.findChild(QDialog, "SignInDialog") is None  # already signed in


def test_closing_the_wizard_quits_and_creates_nothing(
    qtbot: QtBot, config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: int(QDialog.DialogCode.Rejected.value))
    assert app_module.run(None) == 0
    assert not (config_home / "default-data").exists()
    assert not paths.location_file().exists()


def test_open_or_initialise_names_the_hospital_in_the_bundled_plan(data_dir: Path) -> None:
    console, result = open_or_initialise(data_dir, hospital={"zh": " ", "en": "St Mary's"})
    try:
        assert result.plan_loaded
        meta = plan_service.require_document(console)["meta"]
        assert meta["hospital"] == {"zh": "St Mary's", "en": "St Mary's"}
    finally:
        console.close()
    # Run again: an existing plan is left alone, whatever the names.
    console, result = open_or_initialise(data_dir, hospital={"zh": "别的医院"})
    try:
        assert not result.plan_loaded
        assert plan_service.require_document(console)["meta"]["hospital"]["zh"] == "St Mary's"
    finally:
        console.close()


def test_a_remembered_folder_is_forgotten_when_the_default_is_chosen_again(
    config_home: Path,
) -> None:
    assert paths.resolve_data_dir() == config_home / "default-data"
    paths.remember_data_dir(config_home / "usb-safe")
    assert paths.resolve_data_dir() == (config_home / "usb-safe").resolve()
    assert paths.resolve_data_dir(str(config_home / "explicit")) == config_home / "explicit"
    paths.remember_data_dir(config_home / "default-data")
    assert not paths.location_file().exists()
    assert paths.resolve_data_dir() == config_home / "default-data"
