"""Edit a playbook of the plan."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.glossary import LEVELS
from hisconsole.domain.plan import GROUP_CODES, text
from hisconsole.services import plan as plan_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.bilingual import BilingualEdit
from hisconsole.ui.partials.dialogs import colour_icon, fill_levels, level_items
from hisconsole.ui.partials.form_dialog import FormDialog


class PlaybookDialog(FormDialog):
    """Edit a scenario's playbook: its name, default level, and its steps.

    Steps are listed in plan order; add, remove and move them (buttons, or
    Ctrl+Up / Ctrl+Down in the list), and edit the selected one below the list:
    the group that carries it out, the warning levels it applies at, and its
    text in both languages.

    Signals: those of QDialog.
    """

    area = "plan"

    def __init__(
        self, ctx: Context, scenario: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("PlaybookDialog")
        self.setMinimumWidth(860)
        self.scenario = copy.deepcopy(scenario)
        self.steps: list[dict[str, Any]] = copy.deepcopy(scenario["steps"])
        self.key = f"scenarios/{scenario['code']}"
        snapshot = ctx.plan.snapshot
        self.group_names = {
            g["code"]: text(g["name"], ctx.lang)
            for g in (snapshot.section("groups") if snapshot else [])
        }
        self.name_edit = self.text_row(lambda: self.tr("&Name:"), BilingualEdit(scenario["name"]))
        self.level_combo = QComboBox(self)
        fill_levels(self.level_combo, ctx, scenario["default_level"])
        self.add_row(lambda: self.tr("&Default level:"), self.level_combo)

        # -- the step list and its buttons
        self.step_list = QListWidget(self)
        self.step_list.setObjectName("StepList")
        self.step_list.setWordWrap(True)
        self.step_list.setMinimumHeight(180)
        self.step_list.setAlternatingRowColors(True)
        self.step_list.currentRowChanged.connect(self._step_chosen)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_step)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button = QPushButton(self)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button = QPushButton(self)
        self.down_button.clicked.connect(lambda: self.move_step(1))
        for keys, delta in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.step_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda d=delta: self.move_step(d))
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.step_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_step)
        buttons = QVBoxLayout()
        for push in (self.add_button, self.remove_button, self.up_button, self.down_button):
            push.setFont(style.sized_font(push, 1))
            buttons.addWidget(push)
        buttons.addStretch(1)
        steps_row = QHBoxLayout()
        steps_row.addWidget(self.step_list, 1)
        steps_row.addLayout(buttons)
        self.steps_caption = style.label("", self, delta=1, bold=True)
        self.form.addRow(self.steps_caption)
        self.form.addRow(steps_row)

        # -- the selected step
        self.step_caption = style.label("", self, delta=1, bold=True)
        self.form.addRow(self.step_caption)
        self.group_combo = QComboBox(self)
        for code in GROUP_CODES:
            self.group_combo.addItem(self.group_names.get(code, code), code)
        self.group_combo.currentIndexChanged.connect(self._step_edited)
        self.add_row(lambda: self.tr("&Group:"), self.group_combo)
        levels = QWidget(self)
        levels_box = QHBoxLayout(levels)
        levels_box.setContentsMargins(0, 0, 0, 0)
        self.level_boxes: dict[str, QCheckBox] = {}
        for code, name, colour in level_items(ctx):
            box = QCheckBox(f"{code} {name}".strip(), levels)
            box.setIcon(colour_icon(colour))
            box.toggled.connect(self._step_edited)
            self.level_boxes[code] = box
            levels_box.addWidget(box)
        levels_box.addStretch(1)
        self.add_row(lambda: self.tr("Applies at &levels:"), levels)
        self.step_text = self.text_row(
            lambda: self.tr("Step &text:"), BilingualEdit(None, multiline=True)
        )
        for field in self.step_text.fields.values():
            assert isinstance(field, QPlainTextEdit)
            field.textChanged.connect(self._step_edited)
        self._loading_step = False
        self._fill_list()
        self.step_list.setCurrentRow(0 if self.steps else -1)
        self.retranslate()

    # -- the list -----------------------------------------------------------------------------

    def _summary(self, index: int, step: dict[str, Any]) -> str:
        levels = ", ".join(step.get("levels", [])) or "—"
        group = self.group_names.get(step.get("group", ""), step.get("group", ""))
        body = text(step.get("text"), self.ctx.lang) or self.tr("(no text yet)")
        return f"{index + 1}. [{group} · {levels}] {body}"

    def _fill_list(self) -> None:
        current = self.step_list.currentRow()
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for index, step in enumerate(self.steps):
            self.step_list.addItem(QListWidgetItem(self._summary(index, step)))
        self.step_list.blockSignals(False)
        if 0 <= current < len(self.steps):
            self.step_list.setCurrentRow(current)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.step_list.currentRow()
        has = 0 <= row < len(self.steps)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.steps) - 1)
        for widget in (self.group_combo, self.step_text, *self.level_boxes.values()):
            widget.setEnabled(has)

    def _step_chosen(self, row: int) -> None:
        self._update_buttons()
        if not 0 <= row < len(self.steps):
            return
        step = self.steps[row]
        self._loading_step = True
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(step.get("group"))))
        for code, box in self.level_boxes.items():
            box.setChecked(code in step.get("levels", []))
        self.step_text.set_value(step.get("text", {}))
        self._loading_step = False
        self.step_caption.setText(self.tr("Step {number}").format(number=row + 1))

    def _step_edited(self, *_args: Any) -> None:
        row = self.step_list.currentRow()
        if self._loading_step or not 0 <= row < len(self.steps):
            return
        step = self.steps[row]
        step["group"] = self.group_combo.currentData()
        step["levels"] = [c for c in LEVELS if self.level_boxes[c].isChecked()]
        step["text"] = self.step_text.value()
        item = self.step_list.item(row)
        if item is not None:
            item.setText(self._summary(row, step))

    def add_step(self) -> None:
        """A new step after the selected one (same group), for every level; its text to type."""
        row = self.step_list.currentRow()
        group = self.steps[row]["group"] if 0 <= row < len(self.steps) else GROUP_CODES[0]
        at = row + 1 if 0 <= row < len(self.steps) else len(self.steps)
        self.steps.insert(
            at, {"group": group, "levels": list(LEVELS), "text": {"zh": "", "en": ""}}
        )
        self._fill_list()
        self.step_list.setCurrentRow(at)
        self.step_text.fields["zh"].setFocus()

    def remove_step(self) -> None:
        row = self.step_list.currentRow()
        if not 0 <= row < len(self.steps):
            return
        del self.steps[row]
        self._fill_list()
        self.step_list.setCurrentRow(min(row, len(self.steps) - 1))

    def move_step(self, delta: int) -> None:
        row = self.step_list.currentRow()
        target = row + delta
        if not (0 <= row < len(self.steps) and 0 <= target < len(self.steps)):
            return
        self.steps[row], self.steps[target] = self.steps[target], self.steps[row]
        self._fill_list()
        self.step_list.setCurrentRow(target)

    # -- saving -------------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        data = copy.deepcopy(self.scenario)
        data.update(
            name=self.name_edit.value(),
            default_level=self.level_combo.currentData(),
            steps=copy.deepcopy(self.steps),
        )
        return data

    def operation(self) -> Callable[[], Any] | None:
        if not self.need_texts([(self.tr("Name"), self.name_edit)]):
            return None
        if not self.steps:
            self.show_error(self.tr("A playbook needs at least one step."))
            return None
        for index, step in enumerate(self.steps):
            problem = ""
            if not step["levels"]:
                problem = self.tr("Step {number}: tick at least one warning level.")
            elif not all(step["text"].get(lang, "").strip() for lang in ("zh", "en")):
                problem = self.tr("Step {number}: enter the text in both Chinese and English.")
            if problem:
                self.step_list.setCurrentRow(index)
                self.show_error(problem.format(number=index + 1))
                return None
        console, key, data = self.ctx.console, self.key, self.data()
        return lambda: plan_service.edit_item(console, key, data)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(
            self.tr("Edit playbook: {name}").format(name=text(self.scenario["name"], self.ctx.lang))
        )
        self.steps_caption.setText(self.tr("Steps, in the order they are carried out"))
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.add_button.setText(self.tr("&Add step"))
        self.remove_button.setText(self.tr("Re&move step"))
        self.up_button.setText(self.tr("Move &up"))
        self.up_button.setToolTip(self.tr("Move the step up (Ctrl+Up)"))
        self.down_button.setText(self.tr("Move do&wn"))
        self.down_button.setToolTip(self.tr("Move the step down (Ctrl+Down)"))
        row = self.step_list.currentRow()
        self.step_caption.setText(
            self.tr("Step {number}").format(number=row + 1) if row >= 0 else ""
        )
        self.ok_button.setText(self.tr("Save playbook"))
