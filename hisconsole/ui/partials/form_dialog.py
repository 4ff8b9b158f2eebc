"""The one base of every form dialog: a form, the reason a service refused, OK/Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from hisconsole.services.console import ChangeSet
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.bilingual import BilingualEdit
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import Done, touching


def changing(fn: Callable[[], Any], area: str) -> Callable[[], Done]:
    """Wrap a service call so that the runner reports a change of ``area`` (unless it says)."""

    def call() -> Done:
        value = fn()
        # A service returns its change set, alone or beside a value (``.changes``).
        changes = value if isinstance(value, ChangeSet) else getattr(value, "changes", None)
        if isinstance(changes, ChangeSet):
            return Done(value, changes)
        return Done(value, ChangeSet({area}, 0 if value is None else 1))

    return call


class FormDialog(QDialog):
    """A dialog with a form, a place for the reason a service refused, and OK/Cancel.

    OK runs ``operation()`` through the runner; the dialog closes once it
    succeeded, and shows the refusal (staying open) otherwise. ``result_value``
    holds what the service returned.

    ``area`` names what the service call changes, for the screens to refresh: None
    for an incident call (it returns an id, and the incident is always read again),
    "plan" or "contacts" for those (a call that returns None changed nothing).

    Signals: those of QDialog.
    """

    area: str | None = None

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self.setMinimumWidth(520)
        self.intro_label = style.label("", self, wrap=True)
        self.intro_label.hide()
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.error_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._rows: list[tuple[QLabel, QWidget, Callable[[], str]]] = []

    def add_row(self, caption: Callable[[], str], widget: QWidget) -> QWidget:
        label = QLabel(self)
        label.setBuddy(widget)
        label.setFont(style.sized_font(label, 1))
        widget.setFont(style.sized_font(widget, 1))
        self.form.addRow(label, widget)
        self._rows.append((label, widget, caption))
        return widget

    def text_row(self, caption: Callable[[], str], edit: BilingualEdit) -> BilingualEdit:
        """A row with a text in both languages (the label points at the Chinese field)."""
        label = QLabel(self)
        label.setFont(style.sized_font(label, 1))
        label.setBuddy(edit.fields["zh"])
        self.form.addRow(label, edit)
        self._rows.append((label, edit, caption))
        return edit

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

    def operation(self) -> Callable[[], Any] | None:
        """The service call to run, or None after showing why the form is not complete."""
        raise NotImplementedError

    def accept(self) -> None:
        fn = self.operation()
        if fn is None:
            return
        self.buttons.setEnabled(False)
        wrapped = touching(fn) if self.area is None else changing(fn, self.area)
        self.ctx.runner.op(wrapped, on_done=self._done, on_error=self._refused)

    def _done(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.result_value = getattr(result, "value", result)
        self.succeeded(self.result_value)
        super().accept()

    def succeeded(self, value: Any) -> None:
        """The service accepted the form (before the dialog closes): keep what it returned."""

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_error(user_message(exc))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for label, widget, caption in self._rows:
            label.setText(caption())
            if caption():
                # Screen readers name the field as the label does, without "&" and ":".
                name = caption().replace("&", "").rstrip(":：")
                widget.setAccessibleName(name)
                if isinstance(widget, BilingualEdit):
                    widget.set_accessible_name(name)
        self.ok_button.setText(self.tr("OK"))
