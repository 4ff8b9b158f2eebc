"""Add or edit a person of the contacts."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from hisconsole.domain import contacts as rules
from hisconsole.domain.contacts import GROUPS, PLAN_ROLES, text_of
from hisconsole.services import contacts as contacts_service
from hisconsole.ui import style
from hisconsole.ui.contacts.models import group_label
from hisconsole.ui.contacts.phones import PhonesEditor
from hisconsole.ui.context import Context
from hisconsole.ui.partials.bilingual import BilingualEdit
from hisconsole.ui.partials.contact_labels import contact_field_label, plan_role_label
from hisconsole.ui.partials.form_dialog import FormDialog


def emails_of(data: dict[str, Any]) -> list[dict[str, str]]:
    """A contact's e-mail addresses with their types (older data has one ``email``)."""
    listed = data.get("emails")
    if isinstance(listed, list):
        return [e for e in listed if isinstance(e, dict) and e.get("address")]
    return [{"type": "other", "address": str(data["email"])}] if data.get("email") else []


class ContactDialog(FormDialog):
    """Add a person, or change one: names, position, group, organisation, numbers, e-mail, notes.

    Numbers are checked as they are typed (with the message next to the
    number); a number that is not valid is never saved. An imported number
    kept as written is highlighted until it is corrected or removed.

    Signals:
        saved(str): the person was saved (their key), just before the dialog closes.
    """

    area = contacts_service.AREA

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
        self.department_edit = BilingualEdit(source.get("department") or {}, parent=self)
        self.source = source
        self.role_combo = QComboBox(self)
        self.role_combo.addItem("", None)
        for role in PLAN_ROLES:
            self.role_combo.addItem(plan_role_label(role), role)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(source.get("plan_role"))))
        # Several addresses, separated by ";", in order of preference; their types are kept.
        self.email_edit = QLineEdit("; ".join(e["address"] for e in emails_of(source)), self)
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
        self._place(
            left,
            lambda: self.tr("&Department:"),
            self.department_edit,
            self.department_edit.fields["zh"],
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
            ("department", self.department_edit),
            ("notes", self.notes_edit),
        ):
            value = texts(edit)
            if value:
                data[name] = value
        if self.role_combo.currentData():
            data["plan_role"] = self.role_combo.currentData()
        known = {e["address"].casefold(): e["type"] for e in emails_of(self.source)}
        addresses = [a.strip() for a in re.split(r"[;；,，\s]+", self.email_edit.text())]
        emails = [{"type": known.get(a.casefold(), "other"), "address": a} for a in addresses if a]
        if emails:
            data["email"], data["emails"] = emails[0]["address"], emails
        # The parts of a name (from a vCard or Outlook) stay while that name is unchanged.
        parts = {
            lang: value
            for lang, value in (self.source.get("name_parts") or {}).items()
            if data["name"].get(lang) == (self.source.get("name") or {}).get(lang)
        }
        if parts:
            data["name_parts"] = parts
        return data

    def problems(self, data: dict[str, Any]) -> list[str]:
        """What stops the person from being saved, each said in the interface language."""
        found: list[str] = []
        bad_rows = [
            row for row in self.phones.rows if row.number_edit.text().strip() and not row.check()
        ]
        for problem in rules.validate_contact(data, region=self.region):
            message = problem.zh if self.ctx.lang == "zh" else problem.message
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
