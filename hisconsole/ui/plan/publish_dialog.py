"""Publish the plan's draft as a new version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from hisconsole.services import plan as plan_service
from hisconsole.ui.context import Context
from hisconsole.ui.partials.form_dialog import FormDialog


class PublishDialog(FormDialog):
    """Publish the plan as it stands as the next version, with a note saying what changed.

    Signals: those of QDialog.
    """

    area = "plan"

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
