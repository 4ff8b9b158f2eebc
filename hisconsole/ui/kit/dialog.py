"""The downtime kit in one click: call tree, checklists and a starter pack of forms, printed or
saved as one PDF; its numbered sheets are recorded as issued only once that succeeded."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.glossary import LEVELS
from hisconsole.domain.plan import text
from hisconsole.i18n import PrintLanguage
from hisconsole.services import forms as forms_service
from hisconsole.services import kit as kit_service
from hisconsole.services import numbers as numbers_service
from hisconsole.services.console import Console
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.forms.files import save_pack
from hisconsole.ui.i18n import PRINT_LANGUAGE_NAMES, PRINT_LANGUAGES
from hisconsole.ui.partials.dialogs import open_dialog
from hisconsole.ui.partials.files import ask_save_path
from hisconsole.ui.partials.print_flow import PrintPanel
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import Done

MAX_WARDS = 50

# --- the work, off the UI thread (Qt-free) ------------------------------------------------


def make_kit(
    console: Console,
    *,
    incident: str | None,
    scenario: str | None,
    level: str,
    wards: int,
    lang: PrintLanguage,
    numbers: Sequence[str] = (),
) -> kit_service.Kit:
    """The kit; ``numbers``: with the labels of these wards' unused temporary numbers."""
    return kit_service.downtime_kit(
        console,
        incident=incident,
        scenario=scenario,
        level=level,
        wards=wards,
        lang=lang,
        numbers_for=numbers,
    )


def starter_titles(console: Console) -> list[Any]:
    """The titles (bilingual) of the starter pack's forms that this console has."""
    loaded, _problems = forms_service.templates(console)
    return [loaded[code].title for code in kit_service.STARTER_FORMS if code in loaded]


def save_kit(console: Console, kit: kit_service.Kit, path: Path) -> Done:
    """Write the kit's PDF (whole, synced) and only then record its sheets as issued."""
    return save_pack(console, kit.pack, path, pdf=kit.pdf)


# --- the dialog -----------------------------------------------------------------------------


class KitDialog(QDialog):
    """Choose what the kit's checklists come from, then save it as PDF or print it.

    The checklists are the chosen open incident's (the headline incident by
    default), or a scenario's at a warning level when no incident is open
    (to print kits ahead of time). The starter pack holds one set of forms per
    ward. Nothing is recorded until the PDF was saved or the print system
    accepted the job (then its sheets are followed to printed, see PrintPanel).

    Signals: those of QDialog; ``finished`` once closed.
    """

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, *, incident: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("KitDialog")
        self.kit: kit_service.Kit | None = None
        self.serials: list[str] = []
        self._busy = False

        self.intro_label = style.label("", self, wrap=True)
        self.source_label = QLabel(self)
        self.source_combo = QComboBox(self)
        self.source_label.setBuddy(self.source_combo)
        self.level_label = QLabel(self)
        self.level_combo = QComboBox(self)
        for code in LEVELS:
            self.level_combo.addItem("", code)
        self.level_label.setBuddy(self.level_combo)
        self.wards_label = QLabel(self)
        self.wards_spin = QSpinBox(self)
        self.wards_spin.setRange(1, MAX_WARDS)
        self.wards_label.setBuddy(self.wards_spin)
        self.lang_label = QLabel(self)
        self.lang_combo = QComboBox(self)
        for choice in PRINT_LANGUAGES:
            self.lang_combo.addItem(PRINT_LANGUAGE_NAMES[choice], choice)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(ctx.lang)))
        self.lang_label.setBuddy(self.lang_combo)
        # The ward register, each ward ticked to add the label sheet of its unused
        # temporary patient numbers (as 'kit --numbers WARD').
        self.numbers_label = QLabel(self)
        self.numbers_list = QListWidget(self)
        self.numbers_list.setObjectName("KitNumberWards")
        self.numbers_list.setMaximumHeight(self.numbers_list.fontMetrics().height() * 8)
        self.numbers_label.setBuddy(self.numbers_list)
        self._wards: list[dict[str, Any]] | None = None  # None: the register is not read yet
        self.contents_label = style.label("", self, wrap=True, colour=style.MUTED_TEXT)
        self.status_label = style.label("", self, wrap=True)
        self.status_label.setObjectName("KitStatus")
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.panel = PrintPanel(ctx, self)
        self.panel.ready_changed.connect(self._update_buttons)
        # Queued: the layout learns the new text's height only after this turn.
        self.panel.texts_changed.connect(self._fit_height, Qt.ConnectionType.QueuedConnection)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_kit)
        self.close_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.source_label, self.source_combo)
        form.addRow(self.level_label, self.level_combo)
        form.addRow(self.wards_label, self.wards_spin)
        form.addRow(self.lang_label, self.lang_combo)
        form.addRow(self.numbers_label)
        form.addRow(self.numbers_list)
        for widget in (
            self.source_label,
            self.source_combo,
            self.level_label,
            self.level_combo,
            self.wards_label,
            self.wards_spin,
            self.lang_label,
            self.lang_combo,
            self.numbers_label,
        ):
            widget.setFont(style.sized_font(widget, 1))
        layout = QVBoxLayout(self)
        # Never smaller than its texts need (long translations, large text).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setSpacing(12)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.contents_label)
        layout.addWidget(self.panel)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self._titles: list[Any] = []
        self._fill_sources(incident)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self.retranslate()
        self._source_changed()
        self.resize(max(self.sizeHint().width(), 620), self.sizeHint().height())
        console = ctx.console
        ctx.runner.query(lambda: starter_titles(console), on_done=self._titles_read)
        ctx.runner.query(lambda: numbers_service.unused_by_ward(console), on_done=self._wards_read)

    def _titles_read(self, titles: list[Any]) -> None:
        if not shiboken6.isValid(self.contents_label):
            return  # closed before the templates were read
        self._titles = titles
        self._fill_contents()

    def _wards_read(self, wards: list[dict[str, Any]]) -> None:
        if not shiboken6.isValid(self.numbers_list):
            return  # closed before the register was read
        self._wards = wards
        self.numbers_list.clear()
        for ward in wards:
            item = QListWidgetItem(self.numbers_list)
            item.setData(Qt.ItemDataRole.UserRole, ward["code"])
            if ward["unused"]:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            else:  # nothing to put on a label sheet: issue numbers first
                item.setFlags(Qt.ItemFlag.NoItemFlags)
        self._fill_ward_texts()

    def _fill_ward_texts(self) -> None:
        if self._wards is None:
            return
        lang = self.ctx.lang
        for row, ward in enumerate(self._wards):
            name = text(ward["name"], lang)
            if ward["unused"]:
                caption = self.tr("{code} · {name}: {count} unused number(s)").format(
                    code=ward["code"], name=name, count=ward["unused"]
                )
            else:
                caption = self.tr("{code} · {name}: no unused numbers (issue some first)").format(
                    code=ward["code"], name=name
                )
            self.numbers_list.item(row).setText(caption)
        self.numbers_list.setVisible(bool(self._wards))
        if self._wards:
            self.numbers_label.setText(
                self.tr("Add the label sheets of these wards' unused temporary patient &numbers:")
            )
        else:
            self.numbers_label.setText(
                self.tr(
                    "No wards in the register: add them and issue temporary patient numbers "
                    "on Forms → Temporary numbers to put their labels in the kit."
                )
            )
        self._fit_height()

    def number_wards(self) -> list[str]:
        """The wards ticked for the labels of their unused temporary patient numbers."""
        found = []
        for row in range(self.numbers_list.count()):
            item = self.numbers_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return found

    # -- choices ------------------------------------------------------------------------------

    def _fill_sources(self, incident: str | None) -> None:
        """Open incidents first (the headline one chosen), then every scenario of the plan."""
        situation = self.ctx.situation.situation
        snapshot = self.ctx.plan.snapshot
        self._incidents = list(situation.active)
        self._scenarios = snapshot.section("scenarios") if snapshot else []
        self.source_combo.clear()
        for entry in self._incidents:
            self.source_combo.addItem("", ("incident", entry["id"]))
        for entry in self._scenarios:
            self.source_combo.addItem("", ("scenario", entry["code"]))
        wanted = incident or (situation.headline or {}).get("id")
        index = self.source_combo.findData(("incident", wanted)) if wanted else -1
        self.source_combo.setCurrentIndex(max(index, 0))

    def _fill_source_texts(self) -> None:
        lang = self.ctx.lang
        for index in range(self.source_combo.count()):
            kind, key = self.source_combo.itemData(index)
            if kind == "incident":
                entry = next(i for i in self._incidents if i["id"] == key)
                caption = self.tr("Incident {id} · {title} (level {level})").format(
                    id=key, title=entry["title"], level=entry["level"]
                )
            else:
                entry = next(s for s in self._scenarios if s["code"] == key)
                caption = self.tr("Scenario: {name}").format(name=text(entry["name"], lang))
            self.source_combo.setItemText(index, caption)

    def _fill_contents(self) -> None:
        lang = self.ctx.lang
        forms = self.tr(", ").join(title.get(lang) for title in self._titles)
        self.contents_label.setText(
            self.tr(
                "Each set of forms: {forms}. Every sheet carries its own serial number, "
                "to track it until it is entered back into the HIS."
            ).format(forms=forms or "…")
        )
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show wrapped texts whole (Qt does not for a window's own size)."""
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def choice(self) -> tuple[str | None, str | None]:
        """(incident, scenario): exactly one of them, or neither when the plan has none."""
        data = self.source_combo.currentData()
        if not data:
            return None, None
        kind, key = data
        return (key, None) if kind == "incident" else (None, key)

    def _source_changed(self) -> None:
        incident, scenario = self.choice()
        self.level_combo.setEnabled(scenario is not None)
        if scenario is not None:
            entry = next(s for s in self._scenarios if s["code"] == scenario)
            default = entry.get("default_level") or "II"
            self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(default)))
        elif incident is not None:
            level = next(i["level"] for i in self._incidents if i["id"] == incident)
            self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)))
        self._update_buttons()

    def _settings(self) -> dict[str, Any]:
        incident, scenario = self.choice()
        return {
            "incident": incident,
            "scenario": scenario,
            "level": self.level_combo.currentData() or "II",
            "wards": self.wards_spin.value(),
            "lang": self.lang_combo.currentData() or "zh",
            "numbers": self.number_wards(),
        }

    # -- saving and printing ------------------------------------------------------------------

    def _doc_name(self) -> str:
        incident, scenario = self.choice()
        stamp = self.ctx.console.now().astimezone().strftime("%Y%m%d-%H%M")
        return f"downtime-kit-{incident or scenario or 'plan'}-{stamp}"

    def save_pdf(self) -> None:
        path = ask_save_path(
            self,
            self.ctx,
            title=self.tr("Save the downtime kit as PDF"),
            suggested=f"{self._doc_name()}.pdf",
            filters=[(self.tr("PDF files"), ".pdf")],
        )
        if path is None:
            self._say(self.tr("Saving cancelled, nothing was recorded."))
            return
        console, chosen = self.ctx.console, self._settings()
        self._set_busy(True, self.tr("Making the kit and saving it…"))
        self.ctx.runner.op(
            lambda: save_kit(console, make_kit(console, **chosen), path),
            on_done=lambda done: self._issued(done.value, self.tr("Saved"), str(path)),
            on_error=self._failed,
        )

    def print_kit(self) -> None:
        """Make the kit and send it to the printer chosen in the panel (the PDF itself)."""
        if not self.panel.can_print():
            self._say(self.tr("Choose a printer first. Nothing was recorded."), error=True)
            return
        console, chosen = self.ctx.console, self._settings()
        self._set_busy(True, self.tr("Making the kit…"))
        self.ctx.runner.query(
            lambda: make_kit(console, **chosen),
            on_done=self._send_to_printer,
            on_error=self._failed,
        )

    def _send_to_printer(self, kit: kit_service.Kit) -> None:
        self.kit = kit
        self._say(self.tr("Sending the kit to the printer…"))
        self.panel.send(
            kit.pack,
            pdf=kit.pdf,
            title=self._doc_name(),
            on_sent=lambda job: self._issued(job.serials, self.tr("Sent to {printer}").format(
                printer=job.printer), ""),
            on_refused=lambda exc: self._set_busy(False),
        )  # fmt: skip

    def _issued(self, serials: list[str], how: str, where: str) -> None:
        self._set_busy(False)
        missing = self.kit.missing if self.kit is not None else []
        self.kit = None
        self.serials = list(serials)
        message = self.tr(
            "{how}: the downtime kit, with {count} numbered form(s) recorded as issued."
        ).format(how=how, count=len(serials))
        if where:
            message += " " + self.tr("File: {path}").format(path=where)
        # Said, not left out silently: the cover says it too.
        if kit_service.CALL_TREE in missing:
            message += " " + self.tr("It has no call tree: this console has none yet.")
        if kit_service.CHECKLISTS in missing:
            message += " " + self.tr(
                "It has no checklists: no playbook steps apply (the cover says why)."
            )
        self._say(message, ok=not missing)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.kit = None
        text_ = self.tr("{reason}\nNothing was recorded as issued.").format(
            reason=user_message(exc)
        )
        self._say(text_, error=True)
        QMessageBox.warning(self, self.tr("The kit was not issued"), text_)

    # -- state --------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        if busy:
            self.progress.setRange(0, 0)
            self.progress.show()
            self._say(message)
        else:
            self.progress.hide()
        for widget in (
            self.source_combo,
            self.wards_spin,
            self.lang_combo,
            self.numbers_list,
            self.close_button,
        ):
            widget.setEnabled(not busy)
        self.level_combo.setEnabled(not busy and self.choice()[1] is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = not self._busy and self.source_combo.count() > 0
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready and self.panel.can_print())
        self.close_button.setEnabled(not self._busy and not self.panel.is_busy())

    def _say(self, message: str, *, error: bool = False, ok: bool = False) -> None:
        self.status_label.setText(message)
        colour = style.ERROR_TEXT if error else "#1B5E20" if ok else ""
        self.status_label.setStyleSheet(f"color: {colour};" if colour else "")
        self._fit_height()

    def reject(self) -> None:
        # Closing would stop following the job: its sheets would stay "sent" until the
        # Forms page settles them. Cancel the job (or wait) first.
        if self._busy or self.panel.is_busy():
            return
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Downtime kit"))
        self.intro_label.setText(
            self.tr(
                "One print to hand out when the systems go down: the call tree, the "
                "checklists, and a starter pack of numbered paper forms for each ward."
            )
        )
        self.source_label.setText(self.tr("&Checklists of:"))
        self.level_label.setText(self.tr("Warning &level:"))
        for index in range(self.level_combo.count()):
            self.level_combo.setItemText(
                index, self.tr("Level {code}").format(code=self.level_combo.itemData(index))
            )
        self.wards_label.setText(self.tr("&Wards (one set of forms each):"))
        self.lang_label.setText(self.tr("&Print in:"))
        self._fill_ward_texts()
        self._fill_contents()
        self._fill_source_texts()
        if self.source_combo.count() == 0:
            self._say(self.tr("The plan is not read yet, or it has no scenarios."), error=True)
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.print_button.setText(self.tr("P&rint"))
        self.close_button.setText(self.tr("Close"))
        self.source_combo.setAccessibleName(self.tr("Checklists of"))
        self.level_combo.setAccessibleName(self.tr("Warning level"))
        self.wards_spin.setAccessibleName(self.tr("Number of wards"))
        self.lang_combo.setAccessibleName(self.tr("Language of the print"))
        self.numbers_list.setAccessibleName(self.tr("Wards whose number labels go in the kit"))
        self._update_buttons()


def open_kit_dialog(ctx: Context, parent: QWidget, *, incident: str | None = None) -> KitDialog:
    """Open the downtime-kit dialog over ``parent`` (it does not block)."""
    dialog = KitDialog(ctx, parent, incident=incident)
    open_dialog(dialog)
    return dialog
