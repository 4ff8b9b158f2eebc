"""The base of the contacts' form dialogs: a service call that changes the contacts."""

from __future__ import annotations

from hisconsole.services import contacts as contacts_service
from hisconsole.ui.partials.dialogs import FormDialog, changing

AREA = contacts_service.AREA


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
