"""The base of the plan's form dialogs: a service call that changes the plan."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QLabel,
)

from hisconsole.ui import style
from hisconsole.ui.partials.bilingual import BilingualEdit
from hisconsole.ui.partials.dialogs import (
    FormDialog,
    changing,
)

PLAN_AREA = "plan"


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
