"""Forms page dialogs: closing an incident (with the commander's override), a stock count."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from hisconsole.domain.plan import text
from hisconsole.services import forms as forms_service
from hisconsole.services import incidents as incident_service
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import open_dialog
from hisconsole.ui.partials.form_dialog import FormDialog
from hisconsole.ui.runner import user_message

MAX_STOCK = 1_000_000


class CloseIncidentDialog(FormDialog):
    """Close a resolved incident; with paper sheets still outstanding, only with the
    commander's reason (the service checks both the sheets and the role).

    Signals: those of QDialog.
    """

    def __init__(self, ctx: Context, incident: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("CloseIncidentDialog")
        self.incident = incident
        self.outstanding: int | None = None
        self.reason_edit = QLineEdit(self)
        self.reason_row = self.add_row(lambda: self.tr("Commander's &reason:"), self.reason_edit)
        self.intro_label.show()
        self.reason_edit.setFocus()
        self.retranslate()
        console, incident_id = ctx.console, incident["id"]
        ctx.runner.query(
            lambda: len(forms_service.outstanding(console, incident_id)),
            on_done=self._counted,
            on_error=self._count_failed,
        )

    def _counted(self, count: int) -> None:
        # The count may arrive after the dialog was closed (and deleted).
        if shiboken6.isValid(self):
            self.outstanding = count
            self.retranslate()

    def _count_failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self.show_error(user_message(exc))

    def operation(self) -> Callable[[], Any] | None:
        if self.outstanding is None:
            return None
        reason = self.reason_edit.text().strip()
        if self.outstanding and not reason:
            self.show_error(
                self.tr(
                    "{count} sheet(s) are not yet entered back into the HIS. Only the "
                    "commander can close the incident anyway, giving the reason."
                ).format(count=self.outstanding)
            )
            self.reason_edit.setFocus()
            return None
        console, incident_id = self.ctx.console, self.incident["id"]
        override = reason or None
        return lambda: incident_service.close(console, incident_id, override=override)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Close incident"))
        incident_id = self.incident["id"]
        if self.outstanding is None:
            intro = self.tr("Counting the paper sheets of {id} still outstanding…")
            action = self.tr("Close incident")
        elif self.outstanding == 0:
            intro = self.tr(
                "Every paper sheet of {id} is entered back into the HIS or void. "
                "Closing ends the incident for good."
            )
            action = self.tr("Close incident")
        else:
            intro = self.tr(
                "{count} paper sheet(s) of {id} are not yet entered back into the HIS. "
                "Closing now needs the commander's override: give the reason, which is "
                "kept in the record."
            )
            action = self.tr("Close anyway")
        self.intro_label.setText(intro.format(id=incident_id, count=self.outstanding))
        self.ok_button.setText(action)
        self.reason_edit.setPlaceholderText(
            self.tr("required while sheets are outstanding")
            if self.outstanding
            else self.tr("not needed")
        )
        self.reason_edit.setEnabled(bool(self.outstanding))
        self.ok_button.setEnabled(self.outstanding is not None)


def close_incident(ctx: Context, parent: QWidget, incident: dict[str, Any]) -> CloseIncidentDialog:
    dialog = CloseIncidentDialog(ctx, incident, parent)
    open_dialog(dialog)
    return dialog


class StockCountDialog(FormDialog):
    """Record a count of the sheets of one form on hand (blank paper, per template).

    Signals: those of QDialog.
    """

    def __init__(
        self,
        ctx: Context,
        templates: list[tuple[str, dict[str, str]]],
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("StockCountDialog")
        self.template_combo = QComboBox(self)
        for code, title in templates:
            self.template_combo.addItem(f"{text(title, ctx.lang)} ({code})", code)
        if current is not None:
            self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(current)))
        self.count_spin = QSpinBox(self)
        self.count_spin.setRange(0, MAX_STOCK)
        self.count_spin.setGroupSeparatorShown(True)
        self.add_row(lambda: self.tr("&Form:"), self.template_combo)
        self.add_row(lambda: self.tr("Sheets on &hand:"), self.count_spin)
        self.count_spin.setFocus()
        self.count_spin.selectAll()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        code = self.template_combo.currentData()
        if code is None:
            self.show_error(self.tr("There is no form template to count."))
            return None
        console, count = self.ctx.console, self.count_spin.value()
        return lambda: forms_service.count_stock(console, code, count)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Record a stock count"))
        self.ok_button.setText(self.tr("Record count"))
