"""Signing in to a post of the command roster (relieving whoever holds it), and out of one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from hisconsole.domain import glossary
from hisconsole.services import people as people_service
from hisconsole.services import roster as roster_service
from hisconsole.ui.context import Context
from hisconsole.ui.partials.form_dialog import FormDialog
from hisconsole.ui.roster.labels import roster_role_label
from hisconsole.ui.situation import clock_time


def _holders(roster: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    return {p["role"]: p for p in (roster or {}).get("posts", []) if p["person"]}


class RosterSignInDialog(FormDialog):
    """Sign someone in to a post. When someone holds it, the dialog says so first: signing
    in relieves them, and the log records the handover (with the note).

    Signals: those of QDialog.
    """

    def __init__(
        self,
        ctx: Context,
        incident_id: str,
        roster: dict[str, Any] | None,
        role: str | None = None,
        parent: QWidget | None = None,
        *,
        people: Sequence[tuple[str, str | None]] = (),
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("RosterSignInDialog")
        self.incident_id = incident_id
        self.holders = _holders(roster)
        self.role_combo = QComboBox(self)
        for code in glossary.ROSTER_ROLES:
            self.role_combo.addItem("", code)
        if role:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(role)))
        self.person_combo = QComboBox(self)
        self.person_combo.setEditable(True)
        self.note_edit = QLineEdit(self)
        self.add_row(lambda: self.tr("&Post:"), self.role_combo)
        self.add_row(lambda: self.tr("P&erson:"), self.person_combo)
        self.add_row(lambda: self.tr("&Note (handover):"), self.note_edit)
        # Once IT's people are pinned, the commander's post needs that person's PIN.
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setObjectName("RosterPin")
        self.verified = people_service.roles_verified(ctx.console)
        if self.verified:
            self.add_row(lambda: self.tr("P&IN (commander):"), self.pin_edit)
        else:
            self.pin_edit.hide()
        self._people = list(people)
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.retranslate()
        self._role_changed()
        self.person_combo.setFocus()

    def _role_changed(self) -> None:
        role = self.role_combo.currentData()
        typed = self.person_combo.currentText()
        self.person_combo.clear()
        # The people the plan gives this post first, then the operator on duty.
        names = [name for name, plan_role in self._people if plan_role == role]
        operator = self.ctx.console.operator.name
        for name in [*names, operator]:
            if self.person_combo.findText(name) < 0:
                self.person_combo.addItem(name)
        self.person_combo.setEditText(typed or (names[0] if names else operator))
        held = self.holders.get(role)
        if held is None:
            self.intro_label.hide()
            return
        self.intro_label.setText(
            self.tr(
                "{person} holds this post since {time}. Signing in relieves them: the log "
                "records the handover."
            ).format(person=held["person"], time=clock_time(held["since"]))
        )
        self.intro_label.show()

    def operation(self) -> Callable[[], Any] | None:
        console, incident_id = self.ctx.console, self.incident_id
        role, person = self.role_combo.currentData(), self.person_combo.currentText()
        note, pin = self.note_edit.text(), self.pin_edit.text() or None
        return lambda: roster_service.sign_in(
            console, incident_id, role, person, note=note, pin=pin
        )

    def retranslate(self) -> None:
        super().retranslate()
        for index in range(self.role_combo.count()):
            self.role_combo.setItemText(index, roster_role_label(self.role_combo.itemData(index)))
        self.setWindowTitle(self.tr("Sign in to the command roster"))
        self.ok_button.setText(self.tr("Sign in"))


class RosterSignOutDialog(FormDialog):
    """Sign the holder of a post out; the post is vacant until someone signs in.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        ctx: Context,
        incident_id: str,
        roster: dict[str, Any] | None,
        role: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("RosterSignOutDialog")
        self.incident_id = incident_id
        self.role_combo = QComboBox(self)
        for code, post in _holders(roster).items():
            self.role_combo.addItem("", (code, post["person"]))
        index = next(
            (i for i in range(self.role_combo.count()) if self.role_combo.itemData(i)[0] == role),
            0,
        )
        self.role_combo.setCurrentIndex(index)
        self.add_row(lambda: self.tr("&Post:"), self.role_combo)
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        chosen = self.role_combo.currentData()
        if chosen is None:
            self.show_error(self.tr("Nobody is signed in."))
            return None
        console, incident_id = self.ctx.console, self.incident_id
        return lambda: roster_service.sign_out(console, incident_id, chosen[0])

    def retranslate(self) -> None:
        super().retranslate()
        for index in range(self.role_combo.count()):
            code, person = self.role_combo.itemData(index)
            self.role_combo.setItemText(
                index,
                self.tr("{post}: {person}").format(post=roster_role_label(code), person=person),
            )
        self.setWindowTitle(self.tr("Sign out of the command roster"))
        self.ok_button.setText(self.tr("Sign out"))
