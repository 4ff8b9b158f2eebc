"""Preview an import of contacts (adds, updates, clashes) before applying it."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.contacts import ImportPreview
from hisconsole.i18n import gettext
from hisconsole.services import calltrees as calltrees_service
from hisconsole.services import contacts as contacts_service
from hisconsole.services.console import ChangeSet
from hisconsole.ui import style
from hisconsole.ui.contacts.import_source import SourcePanel
from hisconsole.ui.contacts.models import REVIEW_BACKGROUND, person_line
from hisconsole.ui.context import Context
from hisconsole.ui.partials.contact_labels import contact_field_label
from hisconsole.ui.partials.form_dialog import changing
from hisconsole.ui.runner import user_message


def match_label(rule: str | None) -> str:
    labels = {
        "key": QCoreApplication.translate("ImportPreview", "same key and name"),
        "mobile": QCoreApplication.translate("ImportPreview", "same mobile number"),
        "name+organisation": QCoreApplication.translate(
            "ImportPreview", "same name and organisation"
        ),
    }
    return labels.get(rule or "", rule or "")


class ImportPreviewDialog(QDialog):
    """What importing a file would do, before anything is written; Import applies it.

    Shows how the file is read (encoding, layout, where each column goes, what is
    not kept); changing the encoding or a column reads the file again. Lists the
    people to add, the people to change (field by field, old → new), those skipped
    and why, the numbers kept as written (flagged for review), and the problems of
    the file itself. Cancel writes nothing.

    Signals: those of QDialog.
    """

    def __init__(
        self, ctx: Context, path: Path, preview: ImportPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportPreviewDialog")
        self.ctx = ctx
        self.path = path
        self.preview = preview
        self.resize(900, 620)
        self.summary_label = style.label("", self, delta=style.BODY_DELTA + 1, bold=True, wrap=True)
        self.note_label = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        self.source_panel = SourcePanel(ctx, self)
        self.source_panel.encoding_chosen.connect(lambda code: self.reread(encoding=code))
        self.source_panel.mapping_changed.connect(lambda mapping: self.reread(mapping=mapping))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("ImportPreviewTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setFont(style.sized_font(self.tree, 1))
        self.error_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        self.error_label.hide()
        # The people of the file can become a call tree: one cascade per department (or
        # position, organisation, group), its head first.
        self.tree_check = QCheckBox(self)
        self.tree_check.setObjectName("BuildTree")
        self.tree_field = QComboBox(self)
        self.tree_field.setEnabled(False)
        self.tree_check.toggled.connect(self.tree_field.setEnabled)
        tree_row = QHBoxLayout()
        tree_row.addWidget(self.tree_check)
        tree_row.addWidget(self.tree_field)
        tree_row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(bool(preview.to_write()))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.source_panel)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(tree_row)
        layout.addWidget(self.buttons)
        self.retranslate()

    def reread(self, *, encoding: str | None = None, mapping: dict[str, str] | None = None) -> None:
        """Read the file again in another encoding or with another column mapping; the
        preview shows the new result (nothing is written)."""
        source = self.preview.source
        chosen = encoding or (source.encoding_code if source.encoding_how == "chosen" else None)
        columns = mapping if mapping is not None else (source.mapping or None)
        console, path = self.ctx.console, self.path
        self.ok_button.setEnabled(False)
        self.ctx.runner.query(
            lambda: contacts_service.preview_import(
                console, path, encoding=chosen, mapping=columns
            ),
            on_done=self.set_preview,
            on_error=self._refused,
        )

    def set_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.error_label.hide()
        self.ok_button.setEnabled(bool(preview.to_write()))
        self.retranslate()

    def _fill(self) -> None:
        preview, lang = self.preview, self.ctx.lang
        self.source_panel.set_source(preview.source)
        self.tree.clear()

        def section(title: str, colour: str | None = None) -> QTreeWidgetItem:
            item = QTreeWidgetItem([title])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            if colour:
                item.setForeground(0, QColor(colour))
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
            return item

        def child(parent: QTreeWidgetItem, line: str, colour: str | None = None) -> QTreeWidgetItem:
            item = QTreeWidgetItem([line])
            item.setToolTip(0, line)
            if colour:
                item.setForeground(0, QColor(colour))
            parent.addChild(item)
            return item

        adds = section(self.tr("To add ({count})").format(count=len(preview.adds)), style.OK_TEXT)
        for action in preview.adds:
            item = child(adds, f"{person_line(action.contact.to_dict(), lang)}  [{action.origin}]")
            for warning in action.warnings:
                child(item, warning, "#8D5B00").setBackground(0, QColor(REVIEW_BACKGROUND))
        changes = section(
            self.tr("To change ({count})").format(count=len(preview.changes)), "#8D5B00"
        )
        for action in preview.changes:
            item = child(
                changes,
                self.tr("{person} [{origin}] — matched by {rule}").format(
                    person=action.contact.label(),
                    origin=action.origin,
                    rule=match_label(action.matched_by),
                ),
            )
            for change in action.changes:
                label = contact_field_label(change.field)
                child(item, f"{label}: {change.old or '—'} → {change.new or '—'}")
            for warning in action.warnings:
                child(item, warning, "#8D5B00").setBackground(0, QColor(REVIEW_BACKGROUND))
            item.setExpanded(True)
        skips = section(
            self.tr("Skipped ({count})").format(count=len(preview.skips)), style.MUTED_TEXT
        )
        for action in preview.skips:
            child(skips, f"{action.contact.label()} [{action.origin}] — {action.reason}")
        warnings = section(
            self.tr("Warnings: numbers kept as written are flagged for review ({count})").format(
                count=len(preview.warnings)
            ),
            "#8D5B00",
        )
        for warning in preview.warnings:
            child(warnings, warning).setBackground(0, QColor(REVIEW_BACKGROUND))
        problems = section(
            self.tr("Problems in the file ({count})").format(count=len(preview.problems)),
            style.ERROR_TEXT,
        )
        for problem in preview.problems:
            # Worded by the catalogue below ui/, in the interface's language.
            child(problems, problem.said(gettext), style.ERROR_TEXT)
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top is not None and top.childCount() == 0:
                top.setDisabled(True)

    def section_texts(self) -> dict[str, list[str]]:
        """Every line under each heading (for checking what the preview shows)."""
        out: dict[str, list[str]] = {}
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top is None:
                continue
            lines: list[str] = []
            for child_index in range(top.childCount()):
                item = top.child(child_index)
                if item is None:
                    continue
                lines.append(item.text(0))
                lines.extend(
                    f"  {sub.text(0)}"
                    for sub in (item.child(i) for i in range(item.childCount()))
                    if sub is not None
                )
            out[top.text(0)] = lines
        return out

    def tree_code(self) -> str:
        """The code of the call tree built from this file: ``ward-list-department``."""
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", self.path.stem).strip("-.") or "import"
        return f"{slug}-{self.tree_field.currentData()}"

    def accept(self) -> None:
        console, preview = self.ctx.console, self.preview
        self.buttons.setEnabled(False)
        work: Callable[[], ChangeSet] = partial(contacts_service.apply_import, console, preview)
        if self.tree_check.isChecked():
            work = partial(
                calltrees_service.import_with_tree,
                console,
                preview,
                code=self.tree_code(),
                name=self.path.stem,
                field=str(self.tree_field.currentData()),
            )
        self.ctx.runner.op(
            changing(work, contacts_service.AREA),
            on_done=lambda _result: super(ImportPreviewDialog, self).accept(),
            on_error=self._refused,
        )

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(user_message(exc))
        self.error_label.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        preview = self.preview
        self.setWindowTitle(self.tr("Import contacts: {name}").format(name=self.path.name))
        self.summary_label.setText(
            self.tr(
                "{adds} to add, {changes} to change, {skips} skipped, {warnings} warning(s)"
            ).format(
                adds=len(preview.adds),
                changes=len(preview.changes),
                skips=len(preview.skips),
                warnings=len(preview.warnings),
            )
        )
        self.note_label.setText(
            self.tr("Nothing has been written yet. Import adds and updates; it never removes.")
            if preview.to_write()
            else self.tr("Nothing to import: everyone in the file is already on the list.")
        )
        self.ok_button.setText(self.tr("Import"))
        self.tree_check.setText(self.tr("Also make a call tree of these people, one cascade per"))
        fields = {
            "department": self.tr("department (its head first)"),
            "position": self.tr("position"),
            "organisation": self.tr("organisation"),
            "group": self.tr("group"),
        }
        current = self.tree_field.currentData() or "department"
        self.tree_field.clear()
        for field, label in fields.items():
            self.tree_field.addItem(label, field)
        self.tree_field.setCurrentIndex(max(0, self.tree_field.findData(current)))
        self._fill()
