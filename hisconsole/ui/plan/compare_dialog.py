"""Compare two versions of the plan, side by side in one list of changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain import plan_diff
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.plan.diff_text import DiffFormatter, diff_html
from hisconsole.ui.plan.versions import version_label
from hisconsole.ui.runner import user_message


def load_comparison(
    console: Console, old: int, new: int
) -> tuple[list[plan_diff.SectionDiff], dict[str, Any], dict[str, Any]]:
    """The diff between two versions and both documents (runs on the worker thread)."""
    return (
        plan_service.diff_versions(console, old, new),
        plan_service.version_document(console, old),
        plan_service.version_document(console, new),
    )


class CompareDialog(QDialog):
    """Two plan versions side by side: what was added, removed and changed, field by field.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        ctx: Context,
        versions: list[dict[str, Any]],
        parent: QWidget | None = None,
        *,
        old: int | None = None,
        new: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CompareDialog")
        self.ctx = ctx
        self.versions = versions
        self.lines: list[tuple[str, str]] = []
        self.resize(820, 600)
        self.old_combo = QComboBox(self)
        self.new_combo = QComboBox(self)
        for combo in (self.old_combo, self.new_combo):
            combo.setFont(style.sized_font(combo, 1))
            for entry in versions:
                combo.addItem(version_label(entry), entry["version"])
        numbers = [v["version"] for v in versions]
        new = new if new in numbers else (numbers[-1] if numbers else None)
        old = old if old in numbers else (numbers[-2] if len(numbers) > 1 else new)
        self.old_combo.setCurrentIndex(max(0, self.old_combo.findData(old)))
        self.new_combo.setCurrentIndex(max(0, self.new_combo.findData(new)))
        self.old_label = QLabel(self)
        self.old_label.setBuddy(self.old_combo)
        self.new_label = QLabel(self)
        self.new_label.setBuddy(self.new_combo)
        form = QFormLayout()
        form.addRow(self.old_label, self.old_combo)
        form.addRow(self.new_label, self.new_combo)
        self.summary_label = style.label("", self, bold=True, wrap=True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("PlanDiff")
        self.browser.setOpenLinks(False)
        self.browser.setFont(style.sized_font(self.browser, 1))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.old_combo.currentIndexChanged.connect(self.compare)
        self.new_combo.currentIndexChanged.connect(self.compare)
        self.retranslate()
        self.compare()

    def compare(self) -> None:
        old, new = self.old_combo.currentData(), self.new_combo.currentData()
        if old is None or new is None:
            self.summary_label.setText(self.tr("There is no published version to compare yet."))
            return
        if old == new:
            self.lines = []
            self.browser.clear()
            self.summary_label.setText(self.tr("Choose two different versions."))
            return
        self.summary_label.setText(self.tr("Comparing…"))
        console, lang = self.ctx.console, self.ctx.lang
        self.ctx.runner.query(
            lambda: load_comparison(console, old, new),
            on_done=lambda result: self._show(old, new, lang, result),
            on_error=lambda exc: self.summary_label.setText(user_message(exc)),
        )

    def _show(
        self,
        old: int,
        new: int,
        lang: str,
        result: tuple[list[plan_diff.SectionDiff], dict[str, Any], dict[str, Any]],
    ) -> None:
        if (old, new) != (self.old_combo.currentData(), self.new_combo.currentData()):
            return  # the choice changed while this was read: its own comparison follows
        diffs, old_doc, new_doc = result
        self.lines = DiffFormatter(old_doc, new_doc, lang).lines(diffs)
        items = sum(len(s.items) for s in diffs)
        if not diffs:
            self.summary_label.setText(
                self.tr("v{old} and v{new} are the same.").format(old=old, new=new)
            )
        else:
            self.summary_label.setText(
                self.tr(
                    "From v{old} to v{new}: {items} item(s) changed in {sections} section(s)."
                ).format(old=old, new=new, items=items, sections=len(diffs))
            )
        self.browser.setHtml(diff_html(self.lines))

    def diff_text(self) -> str:
        return "\n".join(line for _kind, line in self.lines)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare plan versions"))
        self.old_label.setText(self.tr("&Older version:"))
        self.new_label.setText(self.tr("&Newer version:"))
