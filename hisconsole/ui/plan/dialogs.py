"""Plan dialogs: edit a warning level, a playbook or a resource; publish; compare two versions."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import html
import json
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain import plan_diff
from hisconsole.domain.plan import GROUP_CODES, LEVEL_CODES, LIST_SECTIONS, text
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import FormDialog, colour_icon, fill_levels, level_items
from hisconsole.ui.partials.plan_names import item_kind, section_title
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import Done, date_time

PLAN_AREA = "plan"
LANG_NAMES = {"zh": "中文", "en": "English"}
_HEX = QRegularExpression(r"^#[0-9A-Fa-f]{6}$")


def changing(fn: Callable[[], Any], area: str) -> Callable[[], Done]:
    """Wrap a service call so that the runner reports a change of ``area`` (unless it says)."""

    def call() -> Done:
        value = fn()
        if isinstance(value, ChangeSet):
            return Done(value, value)
        return Done(value, ChangeSet({area}, 0 if value is None else 1))

    return call


def version_time(hlc: str) -> str:
    """When a version was published (local time, to the minute), from its HLC stamp."""
    wall, _, _counter = hlc.partition(".")
    if not wall.isdigit():
        return ""
    moment = dt.datetime.fromtimestamp(int(wall) / 1000, tz=dt.UTC)
    return date_time(moment, seconds=False)


def version_label(entry: dict[str, Any]) -> str:
    """A plan version as listed: "v2 · Li Ming · 2026-11-25 14:03"."""
    parts = [f"v{entry['version']}", str(entry.get("author") or ""), version_time(entry["hlc"])]
    return " · ".join(p for p in parts if p)


class BilingualEdit(QWidget):
    """A plan text in both languages: a Chinese and an English field, one above the other.

    Signals: none (``edited`` of the fields can be connected through ``fields``).
    """

    def __init__(
        self,
        value: dict[str, str] | None = None,
        *,
        multiline: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.multiline = multiline
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for row, lang in enumerate(("zh", "en")):
            caption = style.label(LANG_NAMES[lang], delta=0, colour=style.MUTED_TEXT)
            field: QLineEdit | QPlainTextEdit
            if multiline:
                field = QPlainTextEdit(self)
                field.setTabChangesFocus(True)
                field.setFixedHeight(64)
            else:
                field = QLineEdit(self)
            field.setFont(style.sized_font(field, 1))
            self.fields[lang] = field
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(field, row, 1)
            caption.setBuddy(field)
        grid.setColumnStretch(1, 1)
        self.set_value(value or {})

    def set_value(self, value: dict[str, str]) -> None:
        for lang, field in self.fields.items():
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(value.get(lang, ""))
            else:
                field.setText(value.get(lang, ""))

    def value(self) -> dict[str, str]:
        out = {}
        for lang, field in self.fields.items():
            raw = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            out[lang] = " ".join(raw.split()) if not self.multiline else raw.strip()
        return out

    def complete(self) -> bool:
        return all(v.strip() for v in self.value().values())

    def set_accessible_name(self, name: str) -> None:
        for lang, field in self.fields.items():
            field.setAccessibleName(f"{name} ({LANG_NAMES[lang]})")


class PlanFormDialog(FormDialog):
    """A form dialog whose service call changes the plan (the plan is read again after it).

    Signals: those of QDialog.
    """

    area = PLAN_AREA

    def accept(self) -> None:
        fn = self.operation()
        if fn is None:
            return
        self.buttons.setEnabled(False)
        self.ctx.runner.op(changing(fn, self.area), on_done=self._done, on_error=self._refused)

    def text_row(self, caption: Callable[[], str], edit: BilingualEdit) -> BilingualEdit:
        label = QLabel(self)
        label.setFont(style.sized_font(label, 1))
        label.setBuddy(edit.fields["zh"])
        self.form.addRow(label, edit)
        self._rows.append((label, edit, caption))
        return edit

    def retranslate(self) -> None:
        super().retranslate()
        for _label, widget, caption in self._rows:
            if isinstance(widget, BilingualEdit):
                widget.set_accessible_name(caption().replace("&", "").rstrip(":："))

    def need_texts(self, edits: list[tuple[str, BilingualEdit]]) -> bool:
        """Show which text is missing a language (and return False), else True."""
        for name, edit in edits:
            if not edit.complete():
                self.show_error(
                    self.tr("{field}: enter the text in both Chinese and English.").format(
                        field=name
                    )
                )
                edit.fields["zh" if not edit.value()["zh"] else "en"].setFocus()
                return False
        return True


class LevelEditDialog(PlanFormDialog):
    """Edit a warning level: names, colour, reporting deadlines, criteria and response.

    Signals: those of QDialog.
    """

    def __init__(self, ctx: Context, level: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("LevelEditDialog")
        self.level = copy.deepcopy(level)
        self.key = f"levels/{level['code']}"
        self.name_edit = self.text_row(lambda: self.tr("&Name:"), BilingualEdit(level["name"]))
        self.colour_name_edit = self.text_row(
            lambda: self.tr("Colour &name:"), BilingualEdit(level["colour_name"])
        )
        self.colour_edit = QLineEdit(level["colour_hex"], self)
        self.colour_edit.setValidator(QRegularExpressionValidator(_HEX, self.colour_edit))
        self.colour_edit.setMaximumWidth(120)
        self.swatch = style.swatch(level["colour_hex"], 24)
        self.colour_edit.textChanged.connect(self._colour_changed)
        colour_row = QWidget(self)
        colour_box = QHBoxLayout(colour_row)
        colour_box.setContentsMargins(0, 0, 0, 0)
        colour_box.addWidget(self.colour_edit)
        colour_box.addWidget(self.swatch)
        colour_box.addStretch(1)
        self.add_row(lambda: self.tr("Colour &code:"), colour_row)
        self.report_spin = self._minutes(level["report_minutes"])
        self.add_row(lambda: self.tr("&Report within (minutes):"), self.report_spin)
        self.followup_spin = self._minutes(level["followup_minutes"])
        self.add_row(lambda: self.tr("&Follow-up every (minutes):"), self.followup_spin)
        self.restart_box = QCheckBox(self)
        self.restart_box.setChecked(bool(level["restart_clock_on_change"]))
        self.add_row(lambda: "", self.restart_box)
        self.criteria_edit = self.text_row(
            lambda: self.tr("C&riteria:"), BilingualEdit(level["criteria"], multiline=True)
        )
        self.response_edit = self.text_row(
            lambda: self.tr("Re&sponse:"), BilingualEdit(level["response"], multiline=True)
        )
        self.report_spin.setFocus()
        self.retranslate()

    def _minutes(self, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, 7 * 24 * 60)
        spin.setValue(int(value))
        spin.setMaximumWidth(140)
        return spin

    def _colour_changed(self, value: str) -> None:
        if _HEX.match(value).hasMatch():
            self.swatch.setStyleSheet(
                f"background-color: {value}; border: 1px solid rgba(0, 0, 0, 60);"
                " border-radius: 4px;"
            )

    def data(self) -> dict[str, Any]:
        data = copy.deepcopy(self.level)
        data.update(
            name=self.name_edit.value(),
            colour_name=self.colour_name_edit.value(),
            colour_hex=self.colour_edit.text().strip().upper(),
            report_minutes=self.report_spin.value(),
            followup_minutes=self.followup_spin.value(),
            restart_clock_on_change=self.restart_box.isChecked(),
            criteria=self.criteria_edit.value(),
            response=self.response_edit.value(),
        )
        return data

    def operation(self) -> Callable[[], Any] | None:
        if not self.need_texts(
            [
                (self.tr("Name"), self.name_edit),
                (self.tr("Colour name"), self.colour_name_edit),
                (self.tr("Criteria"), self.criteria_edit),
                (self.tr("Response"), self.response_edit),
            ]
        ):
            return None
        if not _HEX.match(self.colour_edit.text().strip()).hasMatch():
            self.show_error(self.tr("Enter the colour as # and six hex digits, e.g. #F9A825."))
            return None
        console, key, data = self.ctx.console, self.key, self.data()
        return lambda: plan_service.edit_item(console, key, data)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Edit warning level {code}").format(code=self.level["code"]))
        self.restart_box.setText(self.tr("Restart the reporting clock when the level changes"))
        self.intro_label.setText(
            self.tr(
                "The change is a draft until a plan editor publishes a new version of the plan."
            )
        )
        self.intro_label.show()
        self.ok_button.setText(self.tr("Save change"))


class ResourceEditDialog(PlanFormDialog):
    """Edit a resource of the inventory: quantity, unit, location, keeper, check interval.

    Signals: those of QDialog.
    """

    def __init__(
        self, ctx: Context, resource: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ResourceEditDialog")
        self.resource = copy.deepcopy(resource)
        self.key = f"resources/{resource['code']}"
        self.name_edit = self.text_row(lambda: self.tr("&Name:"), BilingualEdit(resource["name"]))
        self.quantity_spin = QSpinBox(self)
        self.quantity_spin.setRange(0, 1_000_000)
        self.quantity_spin.setValue(int(resource["quantity"]))
        self.quantity_spin.setMaximumWidth(140)
        self.add_row(lambda: self.tr("&Quantity:"), self.quantity_spin)
        self.unit_edit = self.text_row(lambda: self.tr("&Unit:"), BilingualEdit(resource["unit"]))
        self.location_edit = self.text_row(
            lambda: self.tr("&Location:"), BilingualEdit(resource["location"])
        )
        self.owner_combo = QComboBox(self)
        snapshot = ctx.plan.snapshot
        names = {g["code"]: g["name"] for g in (snapshot.section("groups") if snapshot else [])}
        for code in GROUP_CODES:
            self.owner_combo.addItem(text(names.get(code), ctx.lang) or code, code)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(resource["owner_group"])))
        self.add_row(lambda: self.tr("&Kept by:"), self.owner_combo)
        self.interval_spin = QSpinBox(self)
        self.interval_spin.setRange(1, 3650)
        self.interval_spin.setValue(int(resource["check_interval_days"]))
        self.interval_spin.setMaximumWidth(140)
        self.add_row(lambda: self.tr("Check &every (days):"), self.interval_spin)
        self.quantity_spin.setFocus()
        self.quantity_spin.selectAll()
        self.retranslate()

    def data(self) -> dict[str, Any]:
        data = copy.deepcopy(self.resource)
        data.update(
            name=self.name_edit.value(),
            quantity=self.quantity_spin.value(),
            unit=self.unit_edit.value(),
            location=self.location_edit.value(),
            owner_group=self.owner_combo.currentData(),
            check_interval_days=self.interval_spin.value(),
        )
        return data

    def operation(self) -> Callable[[], Any] | None:
        if not self.need_texts(
            [
                (self.tr("Name"), self.name_edit),
                (self.tr("Unit"), self.unit_edit),
                (self.tr("Location"), self.location_edit),
            ]
        ):
            return None
        console, key, data = self.ctx.console, self.key, self.data()
        return lambda: plan_service.edit_item(console, key, data)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(
            self.tr("Edit resource: {name}").format(name=text(self.resource["name"], self.ctx.lang))
        )
        self.ok_button.setText(self.tr("Save change"))


class PlaybookDialog(PlanFormDialog):
    """Edit a scenario's playbook: its name, default level, and its steps.

    Steps are listed in plan order; add, remove and move them (buttons, or
    Ctrl+Up / Ctrl+Down in the list), and edit the selected one below the list:
    the group that carries it out, the warning levels it applies at, and its
    text in both languages.

    Signals: those of QDialog.
    """

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
        step["levels"] = [c for c in LEVEL_CODES if self.level_boxes[c].isChecked()]
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
            at, {"group": group, "levels": list(LEVEL_CODES), "text": {"zh": "", "en": ""}}
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


class PublishDialog(PlanFormDialog):
    """Publish the plan as it stands as the next version, with a note saying what changed.

    Signals: those of QDialog.
    """

    def __init__(self, ctx: Context, next_version: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("PublishDialog")
        self.next_version = next_version
        self.note_edit = QLineEdit(self)
        self.add_row(lambda: self.tr("&Note:"), self.note_edit)
        self.intro_label.show()
        self.note_edit.setFocus()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        note = self.note_edit.text().strip()
        if not note:
            self.show_error(self.tr("Say in a few words what changed in this version."))
            return None
        console = self.ctx.console
        return lambda: plan_service.publish(console, note)

    def _done(self, result: Any) -> None:
        if getattr(result, "value", result) is None:
            self.buttons.setEnabled(True)
            self.show_error(
                self.tr("Nothing has changed since the last version: there is nothing to publish.")
            )
            return
        super()._done(result)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Publish plan version"))
        self.intro_label.setText(
            self.tr(
                "Publish the plan as it stands now as version {version}. It becomes the plan "
                "every laptop shows and prints, and reaches the others at the next sync."
            ).format(version=self.next_version)
        )
        self.ok_button.setText(self.tr("Publish v{version}").format(version=self.next_version))


# --- comparing two versions -------------------------------------------------------------

_INDEX_RE = re.compile(r"^([A-Za-z_]+)\[(\d+)\]$")


def field_label(name: str) -> str:
    """A plan field's name as the reader sees it."""
    labels = {
        "name": QCoreApplication.translate("PlanFields", "Name"),
        "title": QCoreApplication.translate("PlanFields", "Title"),
        "hospital": QCoreApplication.translate("PlanFields", "Hospital"),
        "owner": QCoreApplication.translate("PlanFields", "Owner"),
        "revised": QCoreApplication.translate("PlanFields", "Revised"),
        "purpose": QCoreApplication.translate("PlanFields", "Purpose"),
        "goals": QCoreApplication.translate("PlanFields", "Goal"),
        "scope": QCoreApplication.translate("PlanFields", "Scope"),
        "principles": QCoreApplication.translate("PlanFields", "Principle"),
        "channels": QCoreApplication.translate("PlanFields", "Channel"),
        "steps": QCoreApplication.translate("PlanFields", "Step"),
        "colour": QCoreApplication.translate("PlanFields", "Colour"),
        "colour_hex": QCoreApplication.translate("PlanFields", "Colour code"),
        "colour_name": QCoreApplication.translate("PlanFields", "Colour name"),
        "report_minutes": QCoreApplication.translate("PlanFields", "Report within (minutes)"),
        "followup_minutes": QCoreApplication.translate("PlanFields", "Follow-up every (minutes)"),
        "restart_clock_on_change": QCoreApplication.translate(
            "PlanFields", "Clock restarts on level change"
        ),
        "criteria": QCoreApplication.translate("PlanFields", "Criteria"),
        "response": QCoreApplication.translate("PlanFields", "Response"),
        "lead": QCoreApplication.translate("PlanFields", "Lead"),
        "members": QCoreApplication.translate("PlanFields", "Members"),
        "duties": QCoreApplication.translate("PlanFields", "Duty"),
        "function": QCoreApplication.translate("PlanFields", "Function"),
        "criticality": QCoreApplication.translate("PlanFields", "Criticality"),
        "max_downtime_minutes": QCoreApplication.translate(
            "PlanFields", "Maximum downtime (minutes)"
        ),
        "downtime_procedure": QCoreApplication.translate("PlanFields", "Downtime procedure"),
        "description": QCoreApplication.translate("PlanFields", "Description"),
        "likelihood": QCoreApplication.translate("PlanFields", "Likelihood"),
        "impact": QCoreApplication.translate("PlanFields", "Impact"),
        "mitigations": QCoreApplication.translate("PlanFields", "Mitigation"),
        "risk": QCoreApplication.translate("PlanFields", "Risk"),
        "systems": QCoreApplication.translate("PlanFields", "Systems"),
        "default_level": QCoreApplication.translate("PlanFields", "Default level"),
        "text": QCoreApplication.translate("PlanFields", "Text"),
        "group": QCoreApplication.translate("PlanFields", "Group"),
        "levels": QCoreApplication.translate("PlanFields", "Levels"),
        "category": QCoreApplication.translate("PlanFields", "Category"),
        "quantity": QCoreApplication.translate("PlanFields", "Quantity"),
        "unit": QCoreApplication.translate("PlanFields", "Unit"),
        "location": QCoreApplication.translate("PlanFields", "Location"),
        "owner_group": QCoreApplication.translate("PlanFields", "Kept by"),
        "check_interval_days": QCoreApplication.translate("PlanFields", "Check every (days)"),
        "date": QCoreApplication.translate("PlanFields", "Date"),
        "scenario": QCoreApplication.translate("PlanFields", "Scenario"),
        "kind": QCoreApplication.translate("PlanFields", "Kind"),
        "participants": QCoreApplication.translate("PlanFields", "Participants"),
    }
    return labels.get(name, name)


def _tokens(path: str) -> list[tuple[str, int | None]]:
    out: list[tuple[str, int | None]] = []
    for part in path.split("."):
        match = _INDEX_RE.match(part)
        out.append((match.group(1), int(match.group(2))) if match else (part, None))
    return out


def _value_at(item: Any, tokens: list[tuple[str, int | None]]) -> Any:
    value = item
    for name, index in tokens:
        if not isinstance(value, dict):
            return None
        value = value.get(name)
        if index is not None:
            if not isinstance(value, list) or index >= len(value):
                return None
            value = value[index]
    return value


def readable_path(tokens: list[tuple[str, int | None]]) -> str:
    """``steps[3].text.zh`` as "Step 4 › Text (中文)"."""
    parts: list[str] = []
    for name, index in tokens:
        if name in LANG_NAMES and index is None and parts:
            parts[-1] += f" ({LANG_NAMES[name]})"
            continue
        label = field_label(name)
        parts.append(f"{label} {index + 1}" if index is not None else label)
    return " › ".join(parts)


def _collapse(item_old: Any, item_new: Any, path: str) -> list[tuple[str, int | None]]:
    """The path cut at a list of plain values (levels [I, II]): such lists change as a whole."""
    tokens = _tokens(path)
    for position, (name, index) in enumerate(tokens):
        if index is None:
            continue
        head = [*tokens[:position], (name, None)]
        lists = [_value_at(item, head) for item in (item_old, item_new)]
        if any(isinstance(v, list) and v and not isinstance(v[0], dict) for v in lists):
            return head
    return tokens


class DiffFormatter:
    """Turns a plan diff into readable lines: sections, items (added/removed/changed), fields."""

    def __init__(self, old_doc: dict[str, Any], new_doc: dict[str, Any], lang: str) -> None:
        self.old_doc, self.new_doc, self.lang = old_doc, new_doc, lang
        self.groups = {
            g["code"]: g["name"] for g in new_doc.get("groups", []) + old_doc.get("groups", [])
        }

    def _item(self, doc: dict[str, Any], section: str, key: str) -> Any:
        if section in LIST_SECTIONS:
            return next((i for i in doc.get(section, []) if i.get("code") == key), None)
        return doc.get(section)

    def item_title(self, section: str, key: str) -> str:
        if section not in LIST_SECTIONS:
            return section_title(section)
        item = self._item(self.new_doc, section, key) or self._item(self.old_doc, section, key)
        name = text((item or {}).get("name"), self.lang)
        kind = item_kind(section)
        if section == "levels":
            return f"{kind} {key} — {name}" if name else f"{kind} {key}"
        return f"{kind}: {name} ({key})" if name else f"{kind}: {key}"

    def value(self, value: Any) -> str:
        if value is None:
            return "—"
        if isinstance(value, bool):
            return (
                QCoreApplication.translate("PlanFields", "yes")
                if value
                else QCoreApplication.translate("PlanFields", "no")
            )
        if isinstance(value, dict):
            if set(value) <= {"zh", "en"}:
                return text(value, self.lang)
            if "text" in value and "group" in value:
                group = text(self.groups.get(value["group"]), self.lang) or value["group"]
                levels = ", ".join(value.get("levels", []))
                return f"[{group} · {levels}] {text(value['text'], self.lang)}"
            return ", ".join(f"{k}={self.value(v)}" for k, v in value.items())
        if isinstance(value, list):
            return ", ".join(self.value(v) for v in value) if value else "—"
        return str(value)

    def lines(self, diffs: list[plan_diff.SectionDiff]) -> list[tuple[str, str]]:
        """(kind, text) lines: kind is section, added, removed, changed or field."""
        out: list[tuple[str, str]] = []
        for section in diffs:
            out.append(("section", section_title(section.section)))
            for item in section.items:
                title = self.item_title(section.section, item.key)
                if item.change == "added":
                    out.append(
                        (
                            "added",
                            QCoreApplication.translate("PlanDiff", "Added: {item}").format(
                                item=title
                            ),
                        )
                    )
                elif item.change == "removed":
                    out.append(
                        (
                            "removed",
                            QCoreApplication.translate("PlanDiff", "Removed: {item}").format(
                                item=title
                            ),
                        )
                    )
                else:
                    out.append(
                        (
                            "changed",
                            QCoreApplication.translate("PlanDiff", "Changed: {item}").format(
                                item=title
                            ),
                        )
                    )
                old_item = self._item(self.old_doc, section.section, item.key)
                new_item = self._item(self.new_doc, section.section, item.key)
                seen: list[str] = []
                for change in item.fields:
                    name = _tokens(change.path)[0][0]
                    lists = [_value_at(i, [(name, None)]) for i in (old_item, new_item)]
                    if all(isinstance(v, list) for v in lists) and any(
                        isinstance(e, dict) for v in lists for e in v
                    ):
                        # Steps, duties …: said as moved, added, removed or changed, not
                        # field by field at each position.
                        if name not in seen:
                            seen.append(name)
                            out.extend(("field", line) for line in self.list_lines(name, *lists))
                        continue
                    tokens = _collapse(old_item, new_item, change.path)
                    ident = repr(tokens)
                    if ident in seen:
                        continue
                    seen.append(ident)
                    old = _value_at(old_item, tokens)
                    new = _value_at(new_item, tokens)
                    out.append(
                        (
                            "field",
                            f"{readable_path(tokens)}: {self.value(old)} → {self.value(new)}",
                        )
                    )
        return out

    def list_lines(self, name: str, old: list[Any], new: list[Any]) -> list[str]:
        """A list of items (playbook steps …) compared as a sequence: moves, adds, removals."""
        label = field_label(name)
        old_keys = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in old]
        new_keys = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in new]
        changed: list[tuple[int, int]] = []
        removed: list[int] = []
        added: list[int] = []
        matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                changed.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            elif tag != "equal":
                removed.extend(range(i1, i2))
                added.extend(range(j1, j2))
        moved: list[tuple[int, int]] = []
        for i in list(removed):
            j = next((j for j in added if new_keys[j] == old_keys[i]), None)
            if j is not None:
                moved.append((i, j))
                removed.remove(i)
                added.remove(j)
        lines: list[tuple[int, str]] = []
        for i, j in changed:
            lines.append(
                (
                    j,
                    QCoreApplication.translate(
                        "PlanDiff", "{field} {number}: {old} → {new}"
                    ).format(
                        field=label, number=j + 1, old=self.value(old[i]), new=self.value(new[j])
                    ),
                )
            )
        for i, j in moved:
            lines.append(
                (
                    j,
                    QCoreApplication.translate(
                        "PlanDiff", "{field} {old} moved to {new}: {value}"
                    ).format(field=label, old=i + 1, new=j + 1, value=self.value(new[j])),
                )
            )
        for j in added:
            lines.append(
                (
                    j,
                    QCoreApplication.translate(
                        "PlanDiff", "{field} {number} added: {value}"
                    ).format(field=label, number=j + 1, value=self.value(new[j])),
                )
            )
        for i in removed:
            lines.append(
                (
                    i,
                    QCoreApplication.translate(
                        "PlanDiff", "{field} {number} removed: {value}"
                    ).format(field=label, number=i + 1, value=self.value(old[i])),
                )
            )
        return [line for _position, line in sorted(lines, key=lambda entry: entry[0])]


def diff_html(lines: list[tuple[str, str]]) -> str:
    colours = {"added": "#1B5E20", "removed": "#B3261E", "changed": "#8D5B00"}
    parts = []
    for kind, line in lines:
        body = html.escape(line)
        if kind == "section":
            parts.append(f"<h3 style='margin-top:14px'>{body}</h3>")
        elif kind == "field":
            parts.append(f"<p style='margin-left:24px; margin-top:2px'>{body}</p>")
        else:
            parts.append(f"<p style='color:{colours[kind]}; margin-top:8px'><b>{body}</b></p>")
    return "".join(parts)


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
