"""Contacts dialogs: edit a person, settle a conflict, preview an import, set up a call tree."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QRegularExpressionValidator, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain import contacts as rules
from hisconsole.domain.contacts import GROUPS, PLAN_ROLES, ImportPreview, text_of
from hisconsole.domain.phones import PHONE_TYPES, normalise
from hisconsole.services import contacts as contacts_service
from hisconsole.ui import style
from hisconsole.ui.contacts.models import REVIEW_BACKGROUND, group_label, phone_text
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import phone_type_label
from hisconsole.ui.partials.dialogs import FormDialog
from hisconsole.ui.plan.dialogs import BilingualEdit, changing
from hisconsole.ui.runner import user_message

AREA = contacts_service.AREA
OK_TEXT = "#1B5E20"
_TREE_CODE = QRegularExpression(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def plan_role_label(role: str) -> str:
    """A contact's role in the plan (commander, liaison …) as the user reads it."""
    labels = {
        "commander": QCoreApplication.translate("PlanRoles", "Commander"),
        "deputy-commander": QCoreApplication.translate("PlanRoles", "Deputy commander"),
        "tech-lead": QCoreApplication.translate("PlanRoles", "Technical support lead"),
        "business-lead": QCoreApplication.translate("PlanRoles", "Business recovery lead"),
        "liaison": QCoreApplication.translate("PlanRoles", "Liaison"),
        "member": QCoreApplication.translate("PlanRoles", "Member"),
    }
    return labels.get(role, role)


def contact_field_label(name: str) -> str:
    """A contact field ("phones", "name.zh") as the user reads it."""
    base, _, lang = name.partition(".")
    labels = {
        "name": QCoreApplication.translate("ContactFields", "Name"),
        "position": QCoreApplication.translate("ContactFields", "Position"),
        "organisation": QCoreApplication.translate("ContactFields", "Organisation"),
        "notes": QCoreApplication.translate("ContactFields", "Notes"),
        "group": QCoreApplication.translate("ContactFields", "Group"),
        "plan_role": QCoreApplication.translate("ContactFields", "Role in the plan"),
        "email": QCoreApplication.translate("ContactFields", "E-mail"),
        "phones": QCoreApplication.translate("ContactFields", "Phone numbers"),
    }
    label = labels.get(base, base)
    return f"{label} ({'中文' if lang == 'zh' else 'English'})" if lang else label


def person_line(data: dict[str, Any], lang: str) -> str:
    """A person in one line: both names, position, numbers."""
    names = " ".join(v for v in ((data.get("name") or {}).get(k) for k in ("zh", "en")) if v)
    position = text_of(data.get("position"), lang)
    numbers = "  ·  ".join(phone_text(p) for p in data.get("phones") or [])
    return " — ".join(part for part in (names, position, numbers) if part)


class ContactsFormDialog(FormDialog):
    """A form dialog whose service call changes the contacts (the lists are read again after).

    Signals: those of QDialog.
    """

    def accept(self) -> None:
        fn = self.operation()
        if fn is None:
            return
        self.buttons.setEnabled(False)
        self.ctx.runner.op(changing(fn, AREA), on_done=self._done, on_error=self._refused)


# --- phone numbers -----------------------------------------------------------------------


class PhoneRow(QWidget):
    """One number of a person: its type, the number, and what is wrong with it as you type.

    Signals:
        move(int): move this number up (-1) or down (+1) in the order of preference.
        remove(): take this number out.
    """

    move = Signal(int)
    remove = Signal()

    def __init__(self, phone: dict[str, Any], lang: str, region: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.lang = lang
        self.region = region
        self.review = bool(phone.get("needs_review"))
        self.review_reason = str(phone.get("review_reason") or "")
        self.original = str(phone.get("number", ""))
        self.type_combo = QComboBox(self)
        for kind in PHONE_TYPES:
            self.type_combo.addItem(phone_type_label(kind), kind)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(phone.get("type"))))
        self.number_edit = QLineEdit(self.original, self)
        self.number_edit.setObjectName("PhoneNumber")
        self.number_edit.setFont(style.sized_font(self.number_edit, 1))
        self.number_edit.setMinimumWidth(180)
        self.number_edit.textChanged.connect(self.check)
        self.up_button = self._tool(QStyle.StandardPixmap.SP_ArrowUp, -1)
        self.down_button = self._tool(QStyle.StandardPixmap.SP_ArrowDown, 1)
        self.remove_button = QToolButton(self)
        self.remove_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton)
        )
        self.remove_button.clicked.connect(self.remove.emit)
        self.message = style.label("", self, delta=0, wrap=True)
        self.message.setObjectName("PhoneMessage")
        self.message.hide()
        for keys, delta in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.move.emit(d))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.type_combo, 0, 0)
        grid.addWidget(self.number_edit, 0, 1)
        grid.addWidget(self.up_button, 0, 2)
        grid.addWidget(self.down_button, 0, 3)
        grid.addWidget(self.remove_button, 0, 4)
        grid.addWidget(self.message, 1, 1, 1, 4)
        grid.setColumnStretch(1, 1)
        self.retranslate()
        self.check()

    def _tool(self, icon: QStyle.StandardPixmap, delta: int) -> QToolButton:
        push = QToolButton(self)
        push.setIcon(self.style().standardIcon(icon))
        push.clicked.connect(lambda: self.move.emit(delta))
        return push

    def value(self) -> dict[str, Any]:
        phone: dict[str, Any] = {
            "type": self.type_combo.currentData(),
            "number": self.number_edit.text().strip(),
        }
        if self.review and phone["number"] == self.original:
            phone["needs_review"] = True
            if self.review_reason:
                phone["review_reason"] = self.review_reason
        return phone

    def flagged(self) -> bool:
        """An imported number kept as written, not changed since: to check."""
        return self.review and self.number_edit.text().strip() == self.original

    def check(self) -> bool:
        """Check the number as typed; show why it is refused, or how it is dialled. True: valid."""
        raw = self.number_edit.text().strip()
        if self.flagged():
            refused = normalise(raw, self.region)
            reason = refused.message(self.lang) if not refused.ok else self.review_reason
            self.show_message(
                self.tr("Imported as written, to check: {reason}. Correct it or remove it.").format(
                    reason=reason or "—"
                ),
                problem=True,
                review=True,
            )
            return False
        if not raw:
            self.show_message(self.tr("Type the number, or remove this line."), problem=False)
            return False
        result = normalise(raw, self.region)
        if not result.ok:
            self.show_message(result.message(self.lang) or "", problem=True)
            return False
        self.show_message(
            self.tr("Valid: dialled as {number}").format(number=result.display), problem=False
        )
        return True

    def show_message(self, message: str, *, problem: bool, review: bool = False) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        colour = style.ERROR_TEXT if problem else (OK_TEXT if message else style.MUTED_TEXT)
        self.message.setStyleSheet(f"color: {colour};")
        self.problem = problem
        if review:
            self.number_edit.setStyleSheet(
                f"QLineEdit {{ background-color: {REVIEW_BACKGROUND}; }}"
            )
        elif problem:
            self.number_edit.setStyleSheet(f"QLineEdit {{ border: 2px solid {style.ERROR_TEXT}; }}")
        else:
            self.number_edit.setStyleSheet("")

    def set_position(self, row: int, count: int) -> None:
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < count - 1)
        self.number_edit.setAccessibleName(
            self.tr("Phone number {number} (in order of preference)").format(number=row + 1)
        )

    def retranslate(self) -> None:
        for index, kind in enumerate(PHONE_TYPES):
            self.type_combo.setItemText(index, phone_type_label(kind))
        self.type_combo.setAccessibleName(self.tr("Type of number"))
        self.up_button.setToolTip(self.tr("Prefer this number (Ctrl+Up)"))
        self.up_button.setAccessibleName(self.tr("Move the number up"))
        self.down_button.setToolTip(self.tr("Call this number later (Ctrl+Down)"))
        self.down_button.setAccessibleName(self.tr("Move the number down"))
        self.remove_button.setToolTip(self.tr("Remove this number"))
        self.remove_button.setAccessibleName(self.tr("Remove this number"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PhonesEditor(QWidget):
    """A person's numbers in order of preference: first the one to call first.

    Signals: none.
    """

    def __init__(
        self, phones: list[dict[str, Any]], lang: str, region: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lang, self.region = lang, region
        self.rows: list[PhoneRow] = []
        self._box = QVBoxLayout()
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(6)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_phone(focus=True))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._box)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        for phone in phones:
            self.add_phone(phone)
        if not phones:
            self.add_phone({"type": "mobile", "number": ""})
        self.retranslate()

    def add_phone(self, phone: dict[str, Any] | None = None, *, focus: bool = False) -> PhoneRow:
        if phone is None:
            used = {r.type_combo.currentData() for r in self.rows}
            kind = next((k for k in PHONE_TYPES if k not in used), "mobile")
            phone = {"type": kind, "number": ""}
        row = PhoneRow(phone, self.lang, self.region, self)
        row.move.connect(lambda delta, r=row: self.move(r, delta))
        row.remove.connect(lambda r=row: self.remove(r))
        self.rows.append(row)
        self._relayout()
        if focus:
            row.number_edit.setFocus()
        return row

    def move(self, row: PhoneRow, delta: int) -> None:
        index = self.rows.index(row)
        target = index + delta
        if not 0 <= target < len(self.rows):
            return
        self.rows[index], self.rows[target] = self.rows[target], self.rows[index]
        self._relayout()
        row.number_edit.setFocus()

    def remove(self, row: PhoneRow) -> None:
        self.rows.remove(row)
        self._box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._relayout()

    def _relayout(self) -> None:
        for row in self.rows:
            self._box.removeWidget(row)
        for index, row in enumerate(self.rows):
            self._box.addWidget(row)
            row.set_position(index, len(self.rows))

    def value(self) -> list[dict[str, Any]]:
        return [row.value() for row in self.rows if row.number_edit.text().strip()]

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add a number"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# --- a person ----------------------------------------------------------------------------


class ContactDialog(ContactsFormDialog):
    """Add a person, or change one: names, position, group, organisation, numbers, e-mail, notes.

    Numbers are checked as they are typed (with the message next to the
    number); a number that is not valid is never saved. An imported number
    kept as written is highlighted until it is corrected or removed.

    Signals:
        saved(str): the person was saved (their key), just before the dialog closes.
    """

    saved = Signal(str)

    def __init__(
        self,
        ctx: Context,
        entry: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        data: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ContactDialog")
        self.setMinimumWidth(980)
        self.key: str | None = entry["key"] if entry else None
        self.original = copy.deepcopy(data or (entry["data"] if entry else {}))
        source = self.original
        region = contacts_service.region(ctx.console)
        self.region = region

        self.name_edit = BilingualEdit(source.get("name") or {}, parent=self)
        self.position_edit = BilingualEdit(source.get("position") or {}, parent=self)
        self.group_combo = QComboBox(self)
        for group in GROUPS:
            self.group_combo.addItem(group_label(group, ctx.lang), group)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(source.get("group"))))
        self.organisation_edit = BilingualEdit(source.get("organisation") or {}, parent=self)
        self.role_combo = QComboBox(self)
        self.role_combo.addItem("", None)
        for role in PLAN_ROLES:
            self.role_combo.addItem(plan_role_label(role), role)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(source.get("plan_role"))))
        self.email_edit = QLineEdit(str(source.get("email") or ""), self)
        self.phones = PhonesEditor(list(source.get("phones") or []), ctx.lang, region, self)
        self.notes_edit = BilingualEdit(source.get("notes") or {}, multiline=True, parent=self)

        left = QFormLayout()
        left.setVerticalSpacing(10)
        right = QFormLayout()
        right.setVerticalSpacing(10)
        self._place(left, lambda: self.tr("&Name:"), self.name_edit, self.name_edit.fields["zh"])
        self._place(
            left, lambda: self.tr("&Position:"), self.position_edit, self.position_edit.fields["zh"]
        )
        self._place(left, lambda: self.tr("&Group:"), self.group_combo)
        self._place(
            left,
            lambda: self.tr("&Organisation:"),
            self.organisation_edit,
            self.organisation_edit.fields["zh"],
        )
        self._place(left, lambda: self.tr("&Role in the plan:"), self.role_combo)
        self._place(left, lambda: self.tr("&E-mail:"), self.email_edit)
        self.phones_caption = style.label("", self, delta=1, bold=True)
        right.addRow(self.phones_caption)
        self.phones_hint = style.label("", self, delta=0, colour=style.MUTED_TEXT, wrap=True)
        right.addRow(self.phones_hint)
        right.addRow(self.phones)
        self._place(
            right, lambda: self.tr("No&tes:"), self.notes_edit, self.notes_edit.fields["zh"]
        )
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.form.addRow(columns)
        self.name_edit.fields["zh"].setFocus()
        self.retranslate()

    def _place(
        self,
        form: QFormLayout,
        caption: Callable[[], str],
        widget: QWidget,
        buddy: QWidget | None = None,
    ) -> None:
        label = QLabel(self)
        label.setFont(style.sized_font(label, 1))
        label.setBuddy(buddy or widget)
        if not isinstance(widget, BilingualEdit):
            widget.setFont(style.sized_font(widget, 1))
        form.addRow(label, widget)
        self._rows.append((label, widget, caption))

    def data(self) -> dict[str, Any]:
        def texts(edit: BilingualEdit) -> dict[str, str]:
            return {lang: value for lang, value in edit.value().items() if value}

        data: dict[str, Any] = {
            "name": texts(self.name_edit),
            "group": self.group_combo.currentData(),
            "phones": self.phones.value(),
        }
        for name, edit in (
            ("position", self.position_edit),
            ("organisation", self.organisation_edit),
            ("notes", self.notes_edit),
        ):
            value = texts(edit)
            if value:
                data[name] = value
        if self.role_combo.currentData():
            data["plan_role"] = self.role_combo.currentData()
        email = self.email_edit.text().strip()
        if email:
            data["email"] = email
        return data

    def problems(self, data: dict[str, Any]) -> list[str]:
        """What stops the person from being saved, each said in the interface language."""
        found: list[str] = []
        bad_rows = [
            row for row in self.phones.rows if row.number_edit.text().strip() and not row.check()
        ]
        for problem in rules.validate_contact(data, region=self.region):
            message = problem.zh if self.ctx.lang == "zh" and problem.zh else problem.message
            if problem.location.startswith("phones["):
                continue  # shown next to the number itself
            found.append(f"{contact_field_label(problem.location)}: {message}")
        if bad_rows:
            found.append(
                self.tr(
                    "{count} number(s) cannot be saved as typed: see the message under each."
                ).format(count=len(bad_rows))
            )
            bad_rows[0].number_edit.setFocus()
        return found

    def operation(self) -> Callable[[], Any] | None:
        data = self.data()
        problems = self.problems(data)
        if problems:
            self.show_error("\n".join(problems))
            return None
        console, key = self.ctx.console, self.key
        return lambda: contacts_service.save_contact(console, data, key)

    def succeeded(self, value: Any) -> None:
        if isinstance(value, str):
            self.saved.emit(value)

    def retranslate(self) -> None:
        super().retranslate()
        if self.key is None:
            self.setWindowTitle(self.tr("Add a person"))
            self.ok_button.setText(self.tr("Add person"))
        else:
            self.setWindowTitle(
                self.tr("Edit: {name}").format(
                    name=text_of(self.original.get("name"), self.ctx.lang)
                )
            )
            self.ok_button.setText(self.tr("Save"))
        self.phones_caption.setText(self.tr("Phone numbers"))
        self.phones_hint.setText(
            self.tr("In order of preference: the first is called first. Ctrl+Up/Down reorders.")
        )
        self.name_edit.set_accessible_name(self.tr("Name"))
        self.position_edit.set_accessible_name(self.tr("Position"))
        self.organisation_edit.set_accessible_name(self.tr("Organisation"))
        self.notes_edit.set_accessible_name(self.tr("Notes"))


# --- a conflict --------------------------------------------------------------------------

CONFLICT_FIELDS = (
    "name",
    "position",
    "group",
    "organisation",
    "plan_role",
    "phones",
    "email",
    "notes",
)


class ConflictDialog(ContactsFormDialog):
    """Two laptops changed the same person: show the versions side by side, keep one.

    Keeping a version saves it as the person's value; it supersedes both.

    Signals: those of QDialog.
    """

    def __init__(self, ctx: Context, entry: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ConflictDialog")
        self.setMinimumWidth(820)
        self.entry = entry
        self.rivals: list[dict[str, Any]] = list(entry.get("rivals") or [entry["data"]])
        # The fields that differ come first: they are what the choice is about.
        differs = {
            name: len({self._cell(rival, name) for rival in self.rivals}) > 1
            for name in CONFLICT_FIELDS
        }
        self.fields = sorted(CONFLICT_FIELDS, key=lambda name: not differs[name])
        self.table = QTableWidget(len(self.fields), len(self.rivals), self)
        self.table.setMinimumHeight(260)
        self.table.setStyleSheet("QTableWidget::item { padding: 3px 6px; }")
        self.table.setObjectName("ConflictTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.choice = QButtonGroup(self)
        choices = QHBoxLayout()
        self.choice_buttons: list[QRadioButton] = []
        for index in range(len(self.rivals)):
            radio = QRadioButton(self)
            radio.setFont(style.sized_font(radio, 1))
            self.choice.addButton(radio, index)
            self.choice_buttons.append(radio)
            choices.addWidget(radio)
        if self.choice_buttons:
            self.choice_buttons[-1].setChecked(True)
        self.form.addRow(self.table)
        self.form.addRow(choices)
        self.intro_label.show()
        self._fill()
        self.retranslate()

    def _cell(self, data: dict[str, Any], name: str) -> str:
        lang = self.ctx.lang
        value = data.get(name)
        if name == "phones":
            return "\n".join(phone_text(p) for p in value or [])
        if name == "group":
            return group_label(str(value or ""), lang)
        if name == "plan_role":
            return plan_role_label(str(value)) if value else ""
        if isinstance(value, dict):
            return "\n".join(v for v in (value.get("zh"), value.get("en")) if v)
        return str(value or "")

    def _fill(self) -> None:
        for row, name in enumerate(self.fields):
            cells = [self._cell(rival, name) for rival in self.rivals]
            differs = len(set(cells)) > 1
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if differs:
                    item.setBackground(QColor(REVIEW_BACKGROUND))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)

    def chosen(self) -> dict[str, Any]:
        return self.rivals[max(0, self.choice.checkedId())]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Rows fit their wrapped text once the columns have their final width.
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def operation(self) -> Callable[[], Any] | None:
        console, key, data = self.ctx.console, self.entry["key"], copy.deepcopy(self.chosen())
        return lambda: contacts_service.save_contact(console, data, key)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(
            self.tr("Conflict: {name}").format(
                name=text_of(self.entry["data"].get("name"), self.ctx.lang)
            )
        )
        self.intro_label.setText(
            self.tr(
                "Two laptops changed this person at the same time, so both versions are kept "
                "until you choose. Differences are highlighted. The version you keep replaces both."
            )
        )
        self.table.setVerticalHeaderLabels([contact_field_label(n) for n in self.fields])
        self.table.setHorizontalHeaderLabels(
            [self.tr("Version {number}").format(number=i + 1) for i in range(len(self.rivals))]
        )
        for index, radio in enumerate(self.choice_buttons):
            radio.setText(self.tr("Keep version {number}").format(number=index + 1))
        self.ok_button.setText(self.tr("Keep the chosen version"))


# --- an import ---------------------------------------------------------------------------


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

    Lists the people to add, the people to change (field by field, old → new),
    those skipped and why, the numbers kept as written (flagged for review),
    and the problems of the file itself. Cancel writes nothing.

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
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("ImportPreviewTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setFont(style.sized_font(self.tree, 1))
        self.error_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(bool(preview.to_write()))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()

    def _fill(self) -> None:
        preview, lang = self.preview, self.ctx.lang
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

        adds = section(self.tr("To add ({count})").format(count=len(preview.adds)), OK_TEXT)
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
            child(problems, problem, style.ERROR_TEXT)
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

    def accept(self) -> None:
        console, preview = self.ctx.console, self.preview
        self.buttons.setEnabled(False)
        self.ctx.runner.op(
            changing(lambda: contacts_service.apply_import(console, preview), AREA),
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
        self._fill()


# --- call trees --------------------------------------------------------------------------


class NewTreeDialog(QDialog):
    """The code, names and wait of a new call tree (its people are added in the editor).

    Signals: those of QDialog.
    """

    def __init__(self, existing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NewTreeDialog")
        self.setMinimumWidth(520)
        self.existing = existing
        self.code_edit = QLineEdit(self)
        self.code_edit.setValidator(QRegularExpressionValidator(_TREE_CODE, self.code_edit))
        self.name_edit = BilingualEdit(None, parent=self)
        self.wait_spin = QSpinBox(self)
        self.wait_spin.setRange(1, 120)
        self.wait_spin.setValue(5)
        self.code_label = QLabel(self)
        self.code_label.setBuddy(self.code_edit)
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit.fields["zh"])
        self.wait_label = QLabel(self)
        self.wait_label.setBuddy(self.wait_spin)
        form = QFormLayout()
        form.addRow(self.code_label, self.code_edit)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.wait_label, self.wait_spin)
        self.error_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.code_edit.setFocus()
        self.retranslate()

    def tree(self) -> dict[str, Any]:
        name = {lang: value for lang, value in self.name_edit.value().items() if value}
        return {
            "code": self.code_edit.text().strip(),
            "name": name,
            "wait_minutes": self.wait_spin.value(),
            "nodes": [],
        }

    def accept(self) -> None:
        tree = self.tree()
        if not tree["code"]:
            message = self.tr("Give the call tree a short code, e.g. lis-down.")
        elif tree["code"] in self.existing:
            message = self.tr("There is already a call tree {code}.").format(code=tree["code"])
        elif not tree["name"]:
            message = self.tr("Give the call tree a name in Chinese or English.")
        else:
            super().accept()
            return
        self.error_label.setText(message)
        self.error_label.show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New call tree"))
        self.code_label.setText(self.tr("&Code:"))
        self.name_label.setText(self.tr("&Name:"))
        self.wait_label.setText(self.tr("&Wait before calling the alternate (minutes):"))


class PrintTreeDialog(QDialog):
    """How to print a call tree: an A4 sheet or a pocket card, in Chinese or English.

    Signals: those of QDialog.
    """

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PrintTreeDialog")
        self.page_combo = QComboBox(self)
        self.page_combo.addItem("", "A4")
        self.page_combo.addItem("", "card")
        self.lang_combo = QComboBox(self)
        self.lang_combo.addItem("中文", "zh")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
        self.page_label = QLabel(self)
        self.page_label.setBuddy(self.page_combo)
        self.lang_label = QLabel(self)
        self.lang_label.setBuddy(self.lang_combo)
        form = QFormLayout()
        form.addRow(self.page_label, self.page_combo)
        form.addRow(self.lang_label, self.lang_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()

    def page(self) -> str:
        return str(self.page_combo.currentData())

    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print call tree"))
        self.page_combo.setItemText(0, self.tr("A4 sheet"))
        self.page_combo.setItemText(1, self.tr("Pocket card"))
        self.page_label.setText(self.tr("&Paper:"))
        self.lang_label.setText(self.tr("&Language:"))
