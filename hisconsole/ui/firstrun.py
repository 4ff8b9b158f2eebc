"""The first start on a laptop: a short guided set-up before the console's database exists.

Where the data goes, what the console starts with (the bundled plan or the
hospital's own, contacts, a bundle from another laptop), the hospital's name
as printouts show it, and who is on duty. Every page has a sensible default,
so Enter, Enter, … Finish sets up a working console; "Use the defaults" skips
the questions altogether. Nothing is created until Finish.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from hisconsole.domain.glossary import IT_DUTY, ROLES
from hisconsole.domain.plan import PlanInvalid
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.services.paths import is_initialised
from hisconsole.services.setup import (
    FirstStart,
    FirstStartResult,
    Progress,
    first_start,
    open_or_initialise,
)
from hisconsole.ui import style
from hisconsole.ui.i18n import LANGUAGE_NAMES, LANGUAGES, Translations, role_label
from hisconsole.ui.runner import Runner, user_message

PAGE_WELCOME, PAGE_CONTENT, PAGE_HOSPITAL, PAGE_OPERATOR, PAGE_READY = range(5)

PLAN_FILTER = "*.yaml *.yml *.json"
CONTACTS_FILTER = "*.csv *.vcf *.vcard"
BUNDLE_FILTER = "*.bundle"


def folder_problem(folder: Path) -> str | None:
    """Why the console cannot keep its data in ``folder`` (None: it can)."""
    if folder.exists() and not folder.is_dir():
        return QCoreApplication.translate(
            "FirstRunWizard", "{folder} is a file, not a folder."
        ).format(folder=folder)
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        return QCoreApplication.translate(
            "FirstRunWizard", "This laptop's user cannot write in {folder}."
        ).format(folder=existing)
    return None


def _bold(label: QLabel) -> QLabel:
    label.setFont(style.sized_font(label, 1, bold=True))
    return label


class PathField(QWidget):
    """A file or folder path typed in or chosen with "Browse…"."""

    def __init__(self, parent: QWidget, *, folder: bool, patterns: str = "") -> None:
        super().__init__(parent)
        self.folder = folder
        self.patterns = patterns
        self.edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse_button)
        self.caption = ""
        self.description = ""

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | None) -> None:
        self.edit.setText(str(path) if path is not None else "")

    def browse(self) -> None:
        start = str(self.path() or Path.home())
        if self.folder:
            chosen = QFileDialog.getExistingDirectory(self, self.caption, start)
        else:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.caption, start, f"{self.description} ({self.patterns})"
            )
        if chosen:
            self.edit.setText(chosen)


class SetupProgress(QWidget):
    """What Finish is doing now, step by step, with a bar: setting up takes a few seconds.

    ``relay.step`` may be emitted from the worker thread (the service's progress
    hook); the widget updates on the UI thread.

    Signals: none (see ``ProgressRelay``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.relay = ProgressRelay(self)
        self.relay.step.connect(self.show_step)
        self.label = style.label("", self, wrap=True)
        self.label.setObjectName("SetupStep")
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.hide()

    def start(self) -> None:
        self.bar.setRange(0, 0)  # busy until the first step says how many there are
        self.label.setText(self.tr("Setting up the console…"))
        self.show()

    def stop(self) -> None:
        self.hide()
        self.label.clear()

    def show_step(self, step: str, done: int, total: int) -> None:
        words = {
            "plan-check": self.tr("Checking the plan…"),
            "database": self.tr("Creating the database…"),
            "plan": self.tr("Loading the plan…"),
            "demo": self.tr("Adding the sample contacts…"),
            "contacts": self.tr("Importing the contacts…"),
            "bundle": self.tr("Importing the sync bundle…"),
        }
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.label.setText(
            self.tr("Step {number} of {total}: {step}").format(
                number=done + 1, total=total, step=words.get(step, step)
            )
        )


class ProgressRelay(QObject):
    """Carries the set-up's progress from the worker thread to the wizard.

    Signals:
        step(str, int, int): the step starting, steps done, steps in all.
    """

    step = Signal(str, int, int)

    def report(self, step: str, done: int, total: int) -> None:
        self.step.emit(step, done, total)


class WizardPage(QWizardPage):
    """A page that retranslates itself when the language changes (also chosen in the wizard)."""

    def wizard_(self) -> FirstRunWizard:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return wizard

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError

    def error_label(self) -> QLabel:
        label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        label.setObjectName("WizardError")
        label.hide()
        return label

    def show_error(self, label: QLabel, message: str) -> None:
        label.setText(message)
        label.setVisible(bool(message))


class WelcomePage(WizardPage):
    """The language of the console and where its data goes."""

    def __init__(self, data_dir: Path, translations: Translations | None) -> None:
        super().__init__()
        self.translations = translations
        self.intro = style.label("", self, wrap=True)
        self.language_label = _bold(QLabel(self))
        self.language_combo = QComboBox(self)
        for lang in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[lang], lang)
        current = translations.language if translations is not None else LANGUAGES[0]
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current)))
        self.language_combo.setEnabled(translations is not None)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.language_label.setBuddy(self.language_combo)
        self.folder_label = _bold(QLabel(self))
        self.folder = PathField(self, folder=True)
        self.folder.set_path(data_dir)
        self.folder_label.setBuddy(self.folder.edit)
        self.folder_note = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        self.error = self.error_label()
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.folder_label, self.folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.folder_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.folder.edit.textChanged.connect(lambda _text: self.show_error(self.error, ""))
        self.retranslate()

    def _language_changed(self) -> None:
        lang = self.language_combo.currentData()
        if self.translations is not None and isinstance(lang, str):
            self.translations.set_language(lang)

    def data_dir(self) -> Path | None:
        return self.folder.path()

    def validatePage(self) -> bool:
        folder = self.data_dir()
        if folder is None:
            self.show_error(self.error, self.tr("Choose the folder for this console's data."))
            return False
        problem = folder_problem(folder)
        if problem:
            self.show_error(self.error, problem)
            return False
        return True

    def nextId(self) -> int:
        # A folder that holds a console already is opened as it is: nothing to ask.
        folder = self.data_dir()
        if folder is not None and is_initialised(folder):
            return PAGE_READY
        return PAGE_CONTENT

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to HIS Console"))
        self.setSubTitle(self.tr("Set up this laptop in four short steps."))
        self.intro.setText(
            self.tr(
                "This laptop will keep its own copy of the emergency plan, the contacts "
                "and the paper forms, so that they are at hand when the network and the "
                "HIS are down. Press Enter to accept each suggestion, or choose "
                "'Use the defaults' to skip the questions."
            )
        )
        self.language_label.setText(self.tr("&Language:"))
        self.folder_label.setText(self.tr("Data &folder:"))
        self.folder.browse_button.setText(self.tr("&Browse…"))
        self.folder.caption = self.tr("Folder for the console's data")
        self.folder.edit.setAccessibleName(self.tr("Data folder"))
        self.folder.browse_button.setAccessibleName(self.tr("Choose the data folder"))
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.folder_note.setText(
            self.tr(
                "The database, this laptop's signing key and the backups go here. Keep it "
                "on this laptop, not on a network drive: the network may be what is down."
            )
        )


class ContentPage(WizardPage):
    """What the console starts with: the bundled or the hospital's plan, contacts, a bundle."""

    def __init__(self) -> None:
        super().__init__()
        self.intro = style.label("", self, wrap=True)
        self.bundled_radio = QRadioButton(self)
        self.own_radio = QRadioButton(self)
        self.bundled_radio.setChecked(True)
        self.plan_group = QButtonGroup(self)
        self.plan_group.addButton(self.bundled_radio)
        self.plan_group.addButton(self.own_radio)
        self.plan_file = PathField(self, folder=False, patterns=PLAN_FILTER)
        self.contacts_check = QCheckBox(self)
        self.contacts_file = PathField(self, folder=False, patterns=CONTACTS_FILTER)
        self.bundle_check = QCheckBox(self)
        self.bundle_file = PathField(self, folder=False, patterns=BUNDLE_FILTER)
        self.demo_check = QCheckBox(self)
        self.error = self.error_label()

        grid = QGridLayout()
        grid.setVerticalSpacing(8)
        grid.setColumnMinimumWidth(0, 24)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.bundled_radio, 0, 0, 1, 2)
        grid.addWidget(self.own_radio, 1, 0, 1, 2)
        grid.addWidget(self.plan_file, 2, 1)
        grid.addWidget(self.contacts_check, 3, 0, 1, 2)
        grid.addWidget(self.contacts_file, 4, 1)
        grid.addWidget(self.bundle_check, 5, 0, 1, 2)
        grid.addWidget(self.bundle_file, 6, 1)
        grid.addWidget(self.demo_check, 7, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addStretch(1)

        for toggle, field in (
            (self.own_radio, self.plan_file),
            (self.contacts_check, self.contacts_file),
            (self.bundle_check, self.bundle_file),
        ):
            toggle.toggled.connect(lambda _on: self.show_error(self.error, ""))
            # Typing or choosing a path ticks its box: one thing less to think of.
            field.edit.textChanged.connect(
                lambda text, t=toggle: t.setChecked(True) if text.strip() else None
            )
        self.plan_doc: dict[str, Any] | None = None
        self.retranslate()

    def chosen_plan(self) -> Path | None:
        return self.plan_file.path() if self.own_radio.isChecked() else None

    def chosen_contacts(self) -> Path | None:
        return self.contacts_file.path() if self.contacts_check.isChecked() else None

    def chosen_bundle(self) -> Path | None:
        return self.bundle_file.path() if self.bundle_check.isChecked() else None

    def validatePage(self) -> bool:
        for wanted, field, missing in (
            (self.own_radio, self.plan_file, self.tr("Choose the hospital's plan file.")),
            (self.contacts_check, self.contacts_file, self.tr("Choose the contacts file.")),
            (self.bundle_check, self.bundle_file, self.tr("Choose the sync bundle.")),
        ):
            if not wanted.isChecked():
                continue
            path = field.path()
            if path is None:
                self.show_error(self.error, missing)
                field.edit.setFocus()
                return False
            if not path.is_file():
                self.show_error(self.error, self.tr("{path} is not a file.").format(path=path))
                field.edit.setFocus()
                return False
        plan = self.chosen_plan()
        try:
            self.plan_doc = plan_service.read_document(
                plan if plan is not None else plan_service.default_plan_path()
            )
        except PlanInvalid as exc:
            self.show_error(
                self.error,
                self.tr("The plan file cannot be used:\n{problems}").format(problems=str(exc)),
            )
            return False
        self.show_error(self.error, "")
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("What the console starts with"))
        self.setSubTitle(self.tr("All of it can be imported later as well."))
        self.intro.setText(
            self.tr(
                "The plan: the bundled example plan (edit it later to fit the hospital), "
                "or the plan file your IT department prepared. Contacts and a bundle from "
                "another console laptop are optional."
            )
        )
        self.bundled_radio.setText(self.tr("The &bundled example plan"))
        self.own_radio.setText(self.tr("Our hospital's &plan file (YAML or JSON):"))
        self.contacts_check.setText(self.tr("&Contacts file (CSV or vCard):"))
        self.bundle_check.setText(self.tr("&Sync bundle from another console laptop:"))
        self.demo_check.setText(self.tr("Sa&mple contacts and call trees, for practice"))
        for field, caption, description, name in (
            (
                self.plan_file,
                self.tr("The hospital's plan file"),
                self.tr("Plan files"),
                self.tr("Plan file"),
            ),
            (
                self.contacts_file,
                self.tr("The contacts file"),
                self.tr("Contact files"),
                self.tr("Contacts file"),
            ),
            (
                self.bundle_file,
                self.tr("A sync bundle"),
                self.tr("HIS Console bundles"),
                self.tr("Sync bundle"),
            ),
        ):
            field.caption, field.description = caption, description
            field.browse_button.setText(self.tr("Browse…"))
            field.edit.setAccessibleName(name)
            field.browse_button.setAccessibleName(self.tr("Choose the {file}").format(file=name))


class HospitalPage(WizardPage):
    """The hospital's name in both languages, as every printout shows it."""

    def __init__(self) -> None:
        super().__init__()
        self.intro = style.label("", self, wrap=True)
        self.zh_label = _bold(QLabel(self))
        self.zh_edit = QLineEdit(self)
        self.zh_label.setBuddy(self.zh_edit)
        self.en_label = _bold(QLabel(self))
        self.en_edit = QLineEdit(self)
        self.en_label.setBuddy(self.en_edit)
        self._from_plan: dict[str, str] = {}
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.zh_label, self.zh_edit)
        form.addRow(self.en_label, self.en_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:
        doc = self.wizard_().content.plan_doc or {}
        names = doc.get("meta", {}).get("hospital", {})
        self._from_plan = {"zh": names.get("zh", ""), "en": names.get("en", "")}
        self.zh_edit.setText(self._from_plan["zh"])
        self.en_edit.setText(self._from_plan["en"])
        self.zh_edit.selectAll()
        self.zh_edit.setFocus()

    def hospital(self) -> dict[str, str] | None:
        """The names typed, or None when they are the plan's own."""
        names = {"zh": self.zh_edit.text().strip(), "en": self.en_edit.text().strip()}
        if names == self._from_plan or not any(names.values()):
            return None
        return names

    def retranslate(self) -> None:
        self.setTitle(self.tr("The hospital"))
        self.setSubTitle(self.tr("Printed on every form, call tree and report."))
        self.intro.setText(
            self.tr(
                "The hospital's name as the plan gives it. Change it if it is not yours; "
                "a name in one language only is used for both."
            )
        )
        self.zh_label.setText(self.tr("Name in &Chinese:"))
        self.en_label.setText(self.tr("Name in &English:"))
        self.zh_edit.setAccessibleName(self.tr("Hospital name in Chinese"))
        self.en_edit.setAccessibleName(self.tr("Hospital name in English"))


class OperatorPage(WizardPage):
    """Who is on duty: the first operator, signed in when the console is created."""

    def __init__(self) -> None:
        super().__init__()
        self.intro = style.label("", self, wrap=True)
        self.name_label = _bold(QLabel(self))
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        self.name_edit = QLineEdit(user, self)
        self.name_label.setBuddy(self.name_edit)
        self.role_label = _bold(QLabel(self))
        self.role_combo = QComboBox(self)
        for role in ROLES:
            self.role_combo.addItem("", role)
        self.role_combo.setCurrentIndex(self.role_combo.findData(IT_DUTY))
        self.role_label.setBuddy(self.role_combo)
        self.error = self.error_label()
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.role_label, self.role_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.name_edit.textChanged.connect(lambda _text: self.show_error(self.error, ""))
        self.retranslate()

    def initializePage(self) -> None:
        self.name_edit.selectAll()
        self.name_edit.setFocus()

    def operator(self) -> str:
        return " ".join(self.name_edit.text().split())

    def role(self) -> str:
        return str(self.role_combo.currentData())

    def validatePage(self) -> bool:
        if not self.operator():
            self.show_error(self.error, self.tr("Enter the name of the person on duty."))
            self.name_edit.setFocus()
            return False
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("Who is on duty"))
        self.setSubTitle(self.tr("Everything recorded is signed with this name."))
        self.intro.setText(
            self.tr(
                "The person setting up the console signs in first. Whoever takes over "
                "later signs in with File → Switch operator."
            )
        )
        self.name_label.setText(self.tr("&Name:"))
        self.role_label.setText(self.tr("&Role:"))
        for index in range(self.role_combo.count()):
            self.role_combo.setItemText(index, role_label(self.role_combo.itemData(index)))
        self.name_edit.setAccessibleName(self.tr("Operator's name"))
        self.role_combo.setAccessibleName(self.tr("Operator's role"))


class ReadyPage(WizardPage):
    """What Finish will do; the progress and any refusal while it does it."""

    def __init__(self) -> None:
        super().__init__()
        self.summary = style.label("", self, wrap=True)
        self.summary.setObjectName("WizardSummary")
        self.error = self.error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:
        self.show_error(self.error, "")
        self.summary.setText(self.wizard_().summary())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Finish creates the console and opens it."))
        if self.wizard() is not None:
            self.summary.setText(self.wizard_().summary())


class FirstRunWizard(QWizard):
    """The first-start set-up. On acceptance ``console`` is open on ``data_dir``.

    ``explicit`` says the data folder was given on the command line or in
    HISCONSOLE_DATA_DIR: a different folder chosen here is then used for this
    start only (the caller remembers it otherwise).

    Signals: those of QWizard (accepted once the console exists).
    """

    def __init__(
        self,
        data_dir: Path,
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunWizard")
        self.console: Console | None = None
        self.result_: FirstStartResult | None = None
        self.default_dir = data_dir
        self.signed_in = False  # the operator chosen here is on duty (no sign-in needed)
        self._busy = False
        self.runner = Runner(self)
        self.runner.error_parent = self
        self.progress = SetupProgress(self)
        self.welcome = WelcomePage(data_dir, translations)
        self.content = ContentPage()
        self.hospital = HospitalPage()
        self.operator = OperatorPage()
        self.ready = ReadyPage()
        for page_id, page in (
            (PAGE_WELCOME, self.welcome),
            (PAGE_CONTENT, self.content),
            (PAGE_HOSPITAL, self.hospital),
            (PAGE_OPERATOR, self.operator),
            (PAGE_READY, self.ready),
        ):
            self.setPage(page_id, page)
        self.setStartId(PAGE_WELCOME)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.customButtonClicked.connect(self._custom_clicked)
        self.currentIdChanged.connect(self._page_changed)
        self.resize(780, 560)
        self.retranslate()

    def data_dir(self) -> Path:
        return self.welcome.data_dir() or self.default_dir

    def existing(self) -> bool:
        """The chosen folder holds a console already: it is opened as it is."""
        return is_initialised(self.data_dir())

    def choice(self) -> FirstStart:
        return FirstStart(
            operator=self.operator.operator(),
            role=self.operator.role(),
            hospital=self.hospital.hospital(),
            plan_file=self.content.chosen_plan(),
            contacts_file=self.content.chosen_contacts(),
            bundle_file=self.content.chosen_bundle(),
            demo=self.content.demo_check.isChecked(),
        )

    def summary(self) -> str:
        folder = self.data_dir()
        if self.existing():
            return self.tr(
                "{folder} holds a console already. It will be opened as it is, "
                "with its own plan, contacts and operator."
            ).format(folder=folder)
        choice = self.choice()
        lines = [self.tr("Data folder: {folder}").format(folder=folder)]
        if choice.plan_file is not None:
            lines.append(self.tr("Plan: {file}").format(file=choice.plan_file))
        else:
            lines.append(self.tr("Plan: the bundled example plan"))
        if choice.hospital:
            lines.append(
                self.tr("Hospital: {zh} / {en}").format(
                    zh=choice.hospital["zh"], en=choice.hospital["en"]
                )
            )
        if choice.contacts_file is not None:
            lines.append(self.tr("Contacts: {file}").format(file=choice.contacts_file))
        if choice.bundle_file is not None:
            lines.append(self.tr("Sync bundle: {file}").format(file=choice.bundle_file))
        if choice.demo:
            lines.append(self.tr("Sample contacts and call trees, for practice"))
        lines.append(
            self.tr("On duty: {name} ({role})").format(
                name=choice.operator or "—", role=role_label(choice.role)
            )
        )
        return "\n".join(lines)

    # -- finishing ----------------------------------------------------------------------------

    def use_defaults(self) -> None:
        """Skip the questions: the suggested folder, the bundled plan, sign in later."""
        if self._busy:
            return
        folder = self.data_dir()
        problem = folder_problem(folder)
        if problem:
            self.restart()
            self.welcome.show_error(self.welcome.error, problem)
            return
        self._start(lambda report: (*open_or_initialise(folder, progress=report), None))

    def accept(self) -> None:
        """Finish: create (or open) the console; close once it exists."""
        if self.console is not None:
            super().accept()
            return
        if self._busy:
            return
        folder = self.data_dir()
        if self.existing():
            self._start(lambda report: (*open_or_initialise(folder, progress=report), None))
            return
        choice = self.choice()
        self._start(lambda report: (*first_start(folder, choice, progress=report), choice))

    def _start(self, job: Callable[[Progress], Any]) -> None:
        """Run ``job`` (given the progress hook) on the worker, the steps shown on the page."""
        self._set_busy(True)
        page = self.currentPage()
        layout = page.layout() if page is not None else None
        if layout is not None and self.progress.parent() is not page:
            layout.addWidget(self.progress)
        self.progress.start()
        report = self.progress.relay.report
        self.runner.query(lambda: job(report), on_done=self._done, on_error=self._failed)

    def _done(self, outcome: tuple[Console, Any, FirstStart | None]) -> None:
        console, result, choice = outcome
        self.console = console
        self.result_ = result if isinstance(result, FirstStartResult) else None
        self.signed_in = choice is not None
        self._set_busy(False)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.progress.stop()
        message = user_message(exc)
        if self.currentId() == PAGE_READY:
            self.ready.show_error(self.ready.error, message)
        else:  # "Use the defaults" from an earlier page
            self.welcome.show_error(self.welcome.error, message)
            self.restart()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
            QWizard.WizardButton.CustomButton1,
        ):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)

    def reject(self) -> None:
        if self._busy:
            return
        self.runner.shutdown()
        super().reject()

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)

    def _custom_clicked(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.use_defaults()

    def _page_changed(self, page_id: int) -> None:
        # "Use the defaults" makes no sense once the last page says what Finish does.
        self.button(QWizard.WizardButton.CustomButton1).setVisible(page_id != PAGE_READY)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up HIS Console"))
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&Use the defaults"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        custom = self.button(QWizard.WizardButton.CustomButton1)
        custom.setToolTip(
            self.tr(
                "Create the console in the suggested folder with the bundled plan; "
                "sign in when the window opens."
            )
        )
        for which, name in (
            (QWizard.WizardButton.NextButton, self.tr("Next")),
            (QWizard.WizardButton.BackButton, self.tr("Back")),
            (QWizard.WizardButton.FinishButton, self.tr("Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
            (QWizard.WizardButton.CustomButton1, self.tr("Use the defaults")),
        ):
            self.button(which).setAccessibleName(name)
