"""Forms page, Print tab: choose forms and copies, preview the numbered pack, print or save it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.forms import FormTemplate, TemplateInvalid
from hisconsole.services import forms as forms_service
from hisconsole.services.forms import PreparedPack
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.forms import files as forms_files
from hisconsole.ui.i18n import PRINT_LANGUAGE_NAMES, PRINT_LANGUAGES
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.partials.pdf import HAVE_QTPDF, PackPreview
from hisconsole.ui.partials.print_flow import PrintPanel
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import EXERCISE_MARK

KEY_LAST_DIR = "forms/last_dir"
#: The incident chooser's entry for sheets printed ahead of any incident.
PRE_PRINTED = ""
#: How often (in pages) the worker reports rendering progress.
PROGRESS_EVERY = 5


def remembered_dir(ctx: Context) -> str:
    value = ctx.settings.value(KEY_LAST_DIR)
    return value if isinstance(value, str) and Path(value).is_dir() else str(Path.home())


def remember_dir(ctx: Context, path: Path) -> None:
    ctx.settings.setValue(KEY_LAST_DIR, str(path.parent))


class RenderProgress(QObject):
    """Carries rendering progress from the worker thread to the window, and the cancel flag back.

    ``report`` runs on the worker (prepare_pack's progress callback): it emits
    ``advanced`` (delivered queued, on the UI thread) and returns False once
    ``cancel()`` was called, which makes prepare_pack raise PrintCancelled.

    Signals:
        advanced(int, int): pages rendered so far, and the total.
    """

    advanced = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()

    def reset(self) -> None:
        self._cancelled.clear()

    def cancel(self) -> None:
        self._cancelled.set()

    def report(self, done: int, total: int) -> bool:
        if done == total or done % PROGRESS_EVERY == 0:
            self.advanced.emit(done, total)
        return not self._cancelled.is_set()


class FormsPrintTab(QWidget):
    """Choose forms and copies (or a pack for N wards for 8 hours), for an incident or
    pre-printed, in Chinese or English; preview the pack; print it or save it as PDF.

    The sheets are recorded as issued once the PDF was saved or the print system
    accepted the job (then printed once it completed, see PrintPanel): closing
    the preview, cancelling a dialog or the rendering records nothing (the
    serials reserved for the pack are simply never used).

    Signals:
        templates_added(): a template was copied into the data directory.
    """

    templates_added = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.templates: dict[str, FormTemplate] = {}
        self._loaded = forms_files.FormTemplates()
        self.incidents: list[dict[str, Any]] = []
        self.pack: PreparedPack | None = None
        self._pack_key: tuple[Any, ...] | None = None
        self._recorded: list[str] = []
        self._busy_with: str | None = None
        self._chosen_incident: str | None = None  # the user picked one: keep it
        self.spins: dict[str, QSpinBox] = {}
        self.progress = RenderProgress(self)
        self.progress.advanced.connect(self._advanced)

        # -- what to print -------------------------------------------------------------------
        self.incident_label = QLabel(self)
        self.incident_combo = QComboBox(self)
        self.incident_combo.setMinimumContentsLength(28)
        self.incident_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.incident_label.setBuddy(self.incident_combo)
        self.incident_combo.activated.connect(self._incident_picked)
        self.incident_combo.currentIndexChanged.connect(self._choice_changed)
        self.lang_label = QLabel(self)
        self.lang_combo = QComboBox(self)
        for lang in PRINT_LANGUAGES:
            self.lang_combo.addItem(PRINT_LANGUAGE_NAMES[lang], lang)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(ctx.lang)))
        self.lang_label.setBuddy(self.lang_combo)
        self.lang_combo.currentIndexChanged.connect(self._choice_changed)
        self.department_label = QLabel(self)
        self.department_edit = QLineEdit(self)
        self.department_label.setBuddy(self.department_edit)
        self.department_edit.textChanged.connect(self._choice_changed)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("FormsToPrint")
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setFont(style.sized_font(self.table, 1))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)

        self.wards_label = QLabel(self)
        self.wards_spin = QSpinBox(self)
        self.wards_spin.setRange(1, 500)
        self.wards_label.setBuddy(self.wards_spin)
        self.fill_button = button("", self)
        self.fill_button.clicked.connect(self.fill_for_wards)
        self.clear_button = button("", self)
        self.clear_button.clicked.connect(self.clear_copies)
        self.total_label = style.label("", self, delta=style.BODY_DELTA, bold=True)
        self.add_button = button("", self)
        self.add_button.clicked.connect(self.add_template)
        self.problems_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True, delta=0)
        self.problems_label.hide()

        # -- preview, actions, progress ------------------------------------------------------
        self.preview_label = style.label("", self, delta=style.BODY_DELTA, bold=True, wrap=True)
        self.preview = PackPreview(self)
        self.preview_button = button("", self)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button = button("", self)
        self.print_button.clicked.connect(self.print_pack)
        self.save_button = button("", self)
        self.save_button.clicked.connect(self.save_pdf)
        self.discard_button = button("", self)
        self.discard_button.clicked.connect(self.discard)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(True)
        self.cancel_button = button("", self)
        self.cancel_button.clicked.connect(self.cancel)
        self.status_label = style.label("", self, wrap=True)

        choose = QWidget(self)
        left = QVBoxLayout(choose)
        left.setContentsMargins(0, 0, 8, 0)
        top = QHBoxLayout()
        top.addWidget(self.incident_label)
        top.addWidget(self.incident_combo, 1)
        left.addLayout(top)
        # Language and ward on lines of their own: long labels (translations, large
        # text) must not squeeze the ward's field to nothing.
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.lang_label)
        lang_row.addWidget(self.lang_combo)
        lang_row.addStretch(1)
        lang_row.addWidget(self.add_button)
        left.addLayout(lang_row)
        ward_row = QHBoxLayout()
        ward_row.addWidget(self.department_label)
        ward_row.addWidget(self.department_edit, 1)
        left.addLayout(ward_row)
        left.addWidget(self.table, 1)
        wards = QHBoxLayout()
        wards.addWidget(self.wards_label)
        wards.addWidget(self.wards_spin)
        wards.addWidget(self.fill_button)
        wards.addStretch(1)
        wards.addWidget(self.clear_button)
        left.addLayout(wards)
        left.addWidget(self.total_label)
        left.addWidget(self.problems_label)
        self.panel = PrintPanel(ctx, choose)
        self.panel.ready_changed.connect(self._update_buttons)
        left.addWidget(self.panel)

        shown = QWidget(self)
        right = QVBoxLayout(shown)
        right.setContentsMargins(8, 0, 0, 0)
        right.addWidget(self.preview_label)
        right.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(choose)
        self.splitter.addWidget(shown)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        actions = QHBoxLayout()
        for push in (self.preview_button, self.print_button, self.save_button):
            actions.addWidget(push)
        actions.addWidget(self.discard_button)
        actions.addSpacing(16)
        actions.addWidget(self.progress_bar, 1)
        actions.addWidget(self.cancel_button)
        actions.addStretch(0)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status_label)
        self._set_busy(None)
        self.retranslate()

    # -- data ---------------------------------------------------------------------------------

    def set_templates(self, templates: forms_files.FormTemplates) -> None:
        chosen = {code: spin.value() for code, spin in self.spins.items()}
        self._loaded = templates
        self.templates = templates.templates
        self.table.setRowCount(0)
        self.spins.clear()
        self.table.setRowCount(len(self.templates))
        for row, (code, template) in enumerate(self.templates.items()):
            item = QTableWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.table.setItem(row, 0, item)
            spin = QSpinBox(self.table)
            spin.setRange(0, forms_service.MAX_COPIES)
            spin.setSpecialValueText("—")
            spin.setValue(chosen.get(code, 0))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(self._choice_changed)
            self.spins[code] = spin
            self.table.setCellWidget(row, 1, spin)
            rate = QTableWidgetItem(str(template.rate_per_ward_per_8h or ""))
            rate.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, rate)
        self._fill_titles()
        self._show_problems(templates)
        self._choice_changed()

    def _fill_titles(self) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            code = item.data(Qt.ItemDataRole.UserRole)
            template = self.templates.get(code)
            if template is None:
                continue
            title = template.title.get(self.ctx.lang)
            item.setText(title)
            if code in self.spins:
                self.spins[code].setAccessibleName(self.tr("Copies of {title}").format(title=title))
            item.setToolTip(
                self.tr("{title} ({code}), version {version}, from {source}").format(
                    title=title, code=code, version=template.version, source=template.source
                )
            )

    def _show_problems(self, templates: forms_files.FormTemplates) -> None:
        if not templates.problems:
            self.problems_label.hide()
            return
        lines = [
            self.tr("{count} form template file(s) could not be loaded:").format(
                count=len(templates.problems)
            )
        ]
        for problem in templates.problems:
            name = Path(problem.source).name
            lines.extend(f"• {name}: {p}" for p in problem.problems)
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setToolTip("\n".join(str(p) for p in templates.problems))
        self.problems_label.show()

    def set_incidents(self, incidents: list[dict[str, Any]], headline: str | None) -> None:
        """Offer the open incidents (and pre-printing); keep the user's pick, else the headline."""
        self.incidents = [i for i in incidents if i["status"] == "open"]
        wanted = self._chosen_incident
        ids = [i["id"] for i in self.incidents]
        if wanted is None or (wanted != PRE_PRINTED and wanted not in ids):
            wanted = headline if headline in ids else (ids[0] if ids else PRE_PRINTED)
        self.incident_combo.blockSignals(True)
        self.incident_combo.clear()
        for incident in self.incidents:
            mark = f"  [{EXERCISE_MARK}]" if incident["exercise"] else ""
            self.incident_combo.addItem(
                f"{incident['id']} — {incident['title']}{mark}", incident["id"]
            )
        self.incident_combo.addItem(self.tr("Pre-printed (no incident yet)"), PRE_PRINTED)
        self.incident_combo.setCurrentIndex(max(0, self.incident_combo.findData(wanted)))
        self.incident_combo.blockSignals(False)
        self._choice_changed()

    def _incident_picked(self) -> None:
        self._chosen_incident = self.incident_combo.currentData()

    # -- the choice ---------------------------------------------------------------------------

    def selection(self) -> list[tuple[str, int]]:
        return [(code, spin.value()) for code, spin in self.spins.items() if spin.value() > 0]

    def incident(self) -> str | None:
        value = self.incident_combo.currentData()
        return value or None

    def lang(self) -> str:
        value = self.lang_combo.currentData()
        return value if isinstance(value, str) else "zh"

    def set_copies(self, code: str, copies: int) -> None:
        self.spins[code].setValue(copies)

    def _key(self) -> tuple[Any, ...]:
        return (
            tuple(self.selection()),
            self.incident(),
            self.lang(),
            self.department_edit.text().strip(),
        )

    def _choice_changed(self) -> None:
        total = sum(copies for _code, copies in self.selection())
        self.total_label.setText(self.tr("{count} sheet(s) in the pack").format(count=total))
        if self.pack is not None and self._key() != self._pack_key:
            # The pack on screen is no longer what would be printed: drop it (nothing recorded).
            self._drop_pack()
            self.preview.show_note(
                self.tr("The choice changed. Preview again to see the new pack.")
            )
            self.preview_label.setText(self.tr("Preview"))
        self._update_buttons()

    def fill_for_wards(self) -> None:
        console, wards = self.ctx.console, self.wards_spin.value()
        self.ctx.runner.query(
            lambda: forms_service.pack_for_wards(console, wards),
            on_done=self._filled,
            on_error=self._show_failure,
        )

    def _filled(self, items: list[tuple[str, int]]) -> None:
        copies = dict(items)
        for code, spin in self.spins.items():
            spin.setValue(copies.get(code, 0))
        self.status_label.setText(
            self.tr("Copies set for {wards} ward(s) for 8 hours, from each form's rate.").format(
                wards=self.wards_spin.value()
            )
        )
        self._colour_status(None)

    def clear_copies(self) -> None:
        for spin in self.spins.values():
            spin.setValue(0)

    def _check_choice(self) -> bool:
        """Whether the choice can make a pack; says why not in the status line."""
        chosen = self.selection()
        if not chosen:
            self._say(self.tr("Choose the copies of at least one form."), error=True)
            return False
        own_pdf = [code for code, _ in chosen if self.templates[code].pdf is not None]
        if own_pdf and len(chosen) > 1:
            self._say(
                self.tr(
                    "{form} is the hospital's own PDF form: print it in a pack of its own."
                ).format(form=own_pdf[0]),
                error=True,
            )
            return False
        return True

    # -- making the pack ----------------------------------------------------------------------

    def show_preview(self) -> None:
        if self._check_choice():
            self._with_pack(None)

    def _with_pack(self, then: Callable[[PreparedPack], None] | None) -> None:
        """Run ``then`` with the pack for the current choice, rendering it first if needed."""
        if self.pack is not None and self._pack_key == self._key():
            if then is not None:
                then(self.pack)
            return
        self._drop_pack()
        items, incident, lang = self.selection(), self.incident(), self.lang()
        department = self.department_edit.text().strip()
        key = self._key()
        console, progress = self.ctx.console, self.progress
        progress.reset()
        total = sum(copies for _code, copies in items)
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(0)
        self._set_busy("render")
        self._say(self.tr("Preparing {count} sheet(s)…").format(count=total))
        self.ctx.runner.query(
            lambda: forms_files.prepare(
                console,
                items,
                incident=incident,
                lang=lang,
                progress=progress.report,
                department=department,
            ),
            on_done=lambda pack: self._rendered(pack, key, then),
            on_error=self._render_failed,
        )

    def _advanced(self, done: int, total: int) -> None:
        if self._busy_with is not None:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _rendered(
        self,
        pack: PreparedPack | None,
        key: tuple[Any, ...],
        then: Callable[[PreparedPack], None] | None,
    ) -> None:
        self._set_busy(None)
        if pack is None:
            self._say(self.tr("Cancelled, nothing was recorded."))
            return
        self.pack, self._pack_key = pack, key
        self._recorded = []
        if HAVE_QTPDF:
            self.preview.show_pdf(pack.pdf)
        else:
            self.preview.show_note(self._no_preview_text())
        self._label_preview()
        self._say(
            self.tr(
                "The pack is ready. Nothing is recorded until it is printed or saved; "
                "discarding it records nothing."
            )
        )
        self._update_buttons()
        if then is not None:
            then(pack)

    def _render_failed(self, exc: BaseException) -> None:
        self._set_busy(None)
        self._show_failure(exc)

    def _show_failure(self, exc: BaseException) -> None:
        self._say(user_message(exc), error=True)

    def _label_preview(self) -> None:
        if self.pack is not None:
            serials = self.pack.serials
            self.preview_label.setText(
                self.tr("{pages} page(s), serials {first} … {last} (not yet issued)").format(
                    pages=len(serials), first=serials[0], last=serials[-1]
                )
            )
        elif self._recorded:
            self.preview_label.setText(
                self.tr("Issued: {first} … {last}. Printing again makes new serials.").format(
                    first=self._recorded[0], last=self._recorded[-1]
                )
            )
        else:
            self.preview_label.setText(self.tr("Preview"))

    def _drop_pack(self) -> None:
        self.pack = None
        self._pack_key = None

    def discard(self) -> None:
        """Close the preview: the pack is dropped, nothing is recorded."""
        had_pack = self.pack is not None
        self._drop_pack()
        self._recorded = []
        self.preview.show_note(self._empty_text())
        self._label_preview()
        if had_pack:
            self._say(self.tr("Preview closed, nothing was recorded."))
        self._update_buttons()

    def cancel(self) -> None:
        if self._busy_with == "render":
            self.progress.cancel()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("Cancelling…"))

    # -- printing -----------------------------------------------------------------------------

    def print_pack(self) -> None:
        """Send the pack to the printer chosen below the list (the PDF itself)."""
        if not self._check_choice():
            return
        if not self.panel.can_print():
            self._say(self.tr("Choose a printer first. Nothing was recorded."), error=True)
            return
        self._with_pack(self._send_to_printer)

    def _send_to_printer(self, pack: PreparedPack) -> None:
        self._set_busy("print")
        self.panel.send(
            pack,
            title=self._doc_name(),
            on_sent=lambda job: self._issued(pack, self.tr("Sent to {printer}").format(
                printer=job.printer), ""),
            on_refused=self._print_refused,
        )  # fmt: skip

    def _print_refused(self, exc: BaseException) -> None:
        # The service's message already says that nothing was recorded.
        self._set_busy(None)
        text = user_message(exc)
        self._say(text, error=True)
        QMessageBox.warning(self, self.tr("The pack was not issued"), text)

    # -- saving -------------------------------------------------------------------------------

    def _doc_name(self) -> str:
        stamp = self.ctx.console.now().astimezone().strftime("%Y%m%d-%H%M")
        return f"forms-{self.incident() or 'pre-printed'}-{stamp}"

    def save_pdf(self) -> None:
        if not self._check_choice():
            return
        suggested = str(Path(remembered_dir(self.ctx)) / f"{self._doc_name()}.pdf")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save print pack as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not name:
            self._say(self.tr("Saving cancelled, nothing was recorded."))
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        remember_dir(self.ctx, path)
        self._with_pack(lambda pack: self._save(pack, path))

    def _save(self, pack: PreparedPack, path: Path) -> None:
        console = self.ctx.console
        self._set_busy("record")
        self.ctx.runner.op(
            lambda: forms_files.save_pack(console, pack, path),
            on_done=lambda done: self._issued(pack, self.tr("Saved"), str(path)),
            on_error=self._output_failed,
        )

    def _issued(self, pack: PreparedPack, how: str, where: str) -> None:
        self._set_busy(None)
        self._drop_pack()
        self._recorded = pack.serials
        self._label_preview()
        message = self.tr("{how}: {count} sheet(s), {first} … {last}, recorded as issued.").format(
            how=how, count=len(pack.serials), first=pack.serials[0], last=pack.serials[-1]
        )
        if where:
            message += " " + self.tr("File: {path}").format(path=where)
        self._say(message, ok=True)
        self._update_buttons()

    def _output_failed(self, exc: BaseException) -> None:
        self._set_busy(None)
        text = self.tr("{reason}\nNothing was recorded as issued.").format(reason=user_message(exc))
        self._say(text, error=True)
        QMessageBox.warning(self, self.tr("The pack was not issued"), text)

    # -- the hospital's own templates ---------------------------------------------------------

    def add_template(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Add form template"),
            remembered_dir(self.ctx),
            self.tr("Form templates (*.yaml *.yml)"),
        )
        if not name:
            return
        source = Path(name)
        remember_dir(self.ctx, source)
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: forms_files.try_add_template(console, source),
            on_done=self._template_added,
            on_error=self._template_refused,
        )

    def _template_added(self, template: FormTemplate | TemplateInvalid) -> None:
        if isinstance(template, TemplateInvalid):
            self._template_refused(template)
            return
        self._say(
            self.tr("Added form {title} ({code}) to {folder}.").format(
                title=template.title.get(self.ctx.lang),
                code=template.code,
                folder=forms_service.forms_dir(self.ctx.console),
            ),
            ok=True,
        )
        self.templates_added.emit()

    def _template_refused(self, exc: BaseException) -> None:
        text = self.tr("The template was not added:\n{problems}").format(problems=user_message(exc))
        self._say(text, error=True)
        QMessageBox.warning(self, self.tr("Add form template"), text)

    # -- state --------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._busy_with is not None

    def _set_busy(self, what: str | None) -> None:
        self._busy_with = what
        busy = what is not None
        self.progress_bar.setVisible(what == "render")
        self.cancel_button.setVisible(what == "render")
        self.cancel_button.setEnabled(True)
        for widget in (
            self.table,
            self.incident_combo,
            self.lang_combo,
            self.wards_spin,
            self.fill_button,
            self.clear_button,
            self.add_button,
        ):
            widget.setEnabled(not busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self._busy_with is None
        chosen = bool(self.selection())
        self.preview_button.setEnabled(idle and chosen)
        self.print_button.setEnabled(idle and chosen and self.panel.can_print())
        self.save_button.setEnabled(idle and chosen)
        self.discard_button.setEnabled(idle and (self.pack is not None or bool(self._recorded)))

    def _say(self, text: str, *, error: bool = False, ok: bool = False) -> None:
        self.status_label.setText(text)
        self._colour_status("error" if error else "ok" if ok else None)

    def _colour_status(self, kind: str | None) -> None:
        colour = {"error": style.ERROR_TEXT, "ok": "#1B5E20"}.get(kind or "")
        self.status_label.setStyleSheet(f"color: {colour};" if colour else "")

    def _empty_text(self) -> str:
        if not HAVE_QTPDF:
            return self._no_preview_text()
        return self.tr("Choose the forms and copies, then Preview to see the numbered pack here.")

    def _no_preview_text(self) -> str:
        return self.tr(
            "The preview needs Qt PDF, which this installation lacks. Save the pack as PDF "
            "and open it in a PDF viewer to check and print it."
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.incident_label.setText(self.tr("For &incident:"))
        self.lang_label.setText(self.tr("&Language of the forms:"))
        self.department_label.setText(self.tr("For &ward / department:"))
        self.department_edit.setPlaceholderText(self.tr("e.g. Ward 5, Emergency"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Form"), self.tr("Copies"), self.tr("Per ward / 8 h")]
        )
        self.table.setAccessibleName(self.tr("Forms and copies to print"))
        self.wards_label.setText(self.tr("&Wards:"))
        self.fill_button.setText(self.tr("Fill for 8 hours"))
        self.fill_button.setToolTip(
            self.tr("Set the copies of each form for this many wards for 8 hours")
        )
        self.clear_button.setText(self.tr("Clear"))
        self.add_button.setText(self.tr("Add template…"))
        self.preview_button.setText(self.tr("&Preview"))
        self.print_button.setText(self.tr("P&rint"))
        self.print_button.setToolTip(self.tr("Print the pack on the printer chosen below"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.discard_button.setText(self.tr("Close preview"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.progress_bar.setFormat(self.tr("%v of %m sheets"))
        index = self.incident_combo.findData(PRE_PRINTED)
        if index >= 0:
            self.incident_combo.setItemText(index, self.tr("Pre-printed (no incident yet)"))
        self._fill_titles()
        self._show_problems(self._loaded)
        self._choice_changed()
        self._label_preview()
        if self.pack is None and not self._recorded:
            self.preview.show_note(self._empty_text())
