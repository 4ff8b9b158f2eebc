"""The operator sign-in dialog: who is on duty at this console."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.glossary import ROLES
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import role_label
from hisconsole.ui.runner import user_message


class SignInDialog(QDialog):
    """Puts an operator on duty: asks for a name and a role and signs them in.

    OK hands the sign-in to the console (through the runner); the dialog is
    accepted once it succeeded. A refused sign-in (e.g. an empty name) shows
    the reason in the dialog, which stays open.

    Signals: those of QDialog (accepted, rejected, finished).
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("SignInDialog")
        self.setMinimumWidth(460)

        self.intro_label = style.label("", self, wrap=True)
        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(ctx.console.operator.name, self)
        self.name_edit.selectAll()
        self.role_label = QLabel(self)
        self.role_combo = QComboBox(self)
        for role in ROLES:
            self.role_combo.addItem("", role)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(ctx.console.operator.role)))
        self.name_label.setBuddy(self.name_edit)
        self.role_label.setBuddy(self.role_combo)
        self.error_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # Our own accept button: a standard OK button would get its text back
        # from Qt on every language change.
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.role_label, self.role_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for widget in (self.name_label, self.name_edit, self.role_label, self.role_combo):
            widget.setFont(style.sized_font(widget, style.BODY_DELTA))
        self.retranslate()

    def accept(self) -> None:
        """Sign the operator in; close only when the console has accepted them."""
        name = self.name_edit.text()
        role = self.role_combo.currentData()
        console = self._ctx.console
        self._set_busy(True)
        self._ctx.runner.op(
            lambda: console.sign_in(name, role), on_done=self._signed_in, on_error=self._refused
        )

    def _signed_in(self, _result: object) -> None:
        self._set_busy(False)
        self.error_label.hide()
        super().accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error_label.setText(user_message(exc))
        self.error_label.show()
        self.name_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in"))
        self.intro_label.setText(
            self.tr(
                "Who is on duty at this console? Everything recorded from now on "
                "is signed with this name."
            )
        )
        self.name_label.setText(self.tr("&Name:"))
        self.role_label.setText(self.tr("&Role:"))
        for index in range(self.role_combo.count()):
            self.role_combo.setItemText(index, role_label(self.role_combo.itemData(index)))
        self.ok_button.setText(self.tr("Sign in"))
