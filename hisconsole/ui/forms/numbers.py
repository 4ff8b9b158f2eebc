"""Forms page, Temporary numbers tab: issue 临时住院号 ranges to wards, their labels, and
mark each number used or void."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.numbers import MAX_RANGE
from hisconsole.domain.plan import text
from hisconsole.services import numbers as numbers_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import button, open_dialog
from hisconsole.ui.partials.files import ask_save_path, writer
from hisconsole.ui.partials.form_dialog import FormDialog, changing
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.situation import date_time

AREA = numbers_service.AREA
VOID = ("#ECEFF1", "#546E7A")
USED = ("#E8F5E9", "#1B5E20")


class FormsNumbersTab(Tab):
    """Temporary patient numbers: choose a ward and a count, issue (for the incident on the
    headline, if one is open), save the ward's labels; the table lists every number with
    its status, and the selected ones are marked used or void (with a reason).

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stale = True
        self.rows: list[dict[str, Any]] = []
        self.ward_rows: list[dict[str, Any]] = []
        self._loading = False
        self._again = False
        self.ward_label = QLabel(self)
        self.ward_combo = QComboBox(self)
        self.ward_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.ward_label.setBuddy(self.ward_combo)
        self.add_ward_button = button("", self)
        self.add_ward_button.clicked.connect(self.add_ward)
        self.count_label = QLabel(self)
        self.count_spin = QSpinBox(self)
        self.count_spin.setRange(1, MAX_RANGE)
        self.count_spin.setValue(20)
        self.count_label.setBuddy(self.count_spin)
        self.issue_button = button("", self)
        self.issue_button.clicked.connect(self.issue)
        self.labels_button = button("", self)
        self.labels_button.clicked.connect(self.save_labels)
        self.model = RecordsModel(
            [
                Column(lambda: self.tr("Number"), lambda r: r["number"]),
                Column(
                    lambda: self.tr("Ward"),
                    lambda r: (
                        f"{text(r['ward_name'], self.ctx.lang)} ({r['ward']})" if r["ward"] else "—"
                    ),
                ),
                Column(
                    lambda: self.tr("Status"),
                    self._status,
                    background=lambda r: self._colours(r)[0],
                    foreground=lambda r: self._colours(r)[1],
                ),
                Column(lambda: self.tr("Incident"), lambda r: r["incident"] or ""),
                # The registration sheet the number is printed on (none: a label's).
                Column(lambda: self.tr("On sheet"), lambda r: r["sheet"] or ""),
                Column(
                    lambda: self.tr("Issued at"), lambda r: date_time(r["issued_at"], seconds=False)
                ),
                Column(lambda: self.tr("Void reason"), lambda r: r["reason"]),
            ],
            self,
        )
        self.view = table_view(self.model, self, stretch=5, name="temporary numbers")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.use_button = button("", self)
        self.use_button.clicked.connect(self.mark_used)
        self.void_button = button("", self)
        self.void_button.clicked.connect(self.mark_void)
        self.status_label = style.label("", self, wrap=True)

        top = QHBoxLayout()
        for widget in (
            self.ward_label,
            self.ward_combo,
            self.add_ward_button,
            self.count_label,
            self.count_spin,
            self.issue_button,
            self.labels_button,
        ):
            top.addWidget(widget)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.use_button)
        bottom.addWidget(self.void_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status_label)
        self.retranslate()

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.stale = False
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: (numbers_service.wards(console), numbers_service.listing(console)),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, data: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
            return
        self.ward_rows, self.rows = data
        self._fill_wards()
        self.model.set_rows(self.rows)
        self._enable()

    def _fill_wards(self) -> None:
        """The wards in the interface language, keeping the one chosen."""
        chosen = self.ward_combo.currentData()
        self.ward_combo.clear()
        for ward in self.ward_rows:
            self.ward_combo.addItem(f"{text(ward['name'], self.ctx.lang)} ({ward['code']})", ward)
        codes = [w["code"] for w in self.ward_rows]
        if chosen is not None and chosen["code"] in codes:
            self.ward_combo.setCurrentIndex(codes.index(chosen["code"]))

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        self.stale = True
        self.failed(exc)

    def _enable(self) -> None:
        has_ward = bool(self.ward_rows)
        self.issue_button.setEnabled(has_ward)
        self.labels_button.setEnabled(has_ward)
        self.count_spin.setEnabled(has_ward)
        if not has_ward:
            self.say(self.tr("Add a ward first: numbers are always issued to a ward."), "muted")

    def _status(self, row: dict[str, Any]) -> str:
        return {
            "issued": self.tr("issued"),
            "used": self.tr("used"),
            "void": self.tr("void"),
        }[row["status"]]

    @staticmethod
    def _colours(row: dict[str, Any]) -> tuple[str | None, str | None]:
        return {"void": VOID, "used": USED}.get(row["status"], (None, None))

    def selected_numbers(self) -> list[str]:
        picked = {index.row() for index in self.view.selectionModel().selectedRows()}
        return [self.rows[r]["number"] for r in sorted(picked) if r < len(self.rows)]

    # -- actions ------------------------------------------------------------------------------

    def _ward(self) -> str | None:
        ward = self.ward_combo.currentData()
        return None if ward is None else str(ward["code"])

    def issue(self) -> None:
        ward = self._ward()
        if ward is None:
            self._enable()
            return
        headline = self.ctx.situation.situation.headline
        incident = headline["id"] if headline else None
        console, count = self.ctx.console, self.count_spin.value()
        self.ctx.runner.op(
            changing(lambda: numbers_service.issue(console, ward, count, incident), AREA),
            on_done=lambda done: self._issued(done.value, ward),
            on_error=self.failed,
        )

    def _issued(self, issued: list[str], ward: str) -> None:
        span = issued[0] if len(issued) == 1 else f"{issued[0]} – {issued[-1]}"
        self.say(
            self.tr("Issued {count} number(s) to {ward}: {span}").format(
                count=len(issued), ward=ward, span=span
            ),
            "ok",
        )

    def save_labels(self) -> Path | None:
        ward = self._ward()
        if ward is None:
            return None
        path = ask_save_path(
            self,
            self.ctx,
            title=self.tr("Save the label sheet as PDF"),
            suggested=f"temporary-numbers-{ward}.pdf",
            filters=[(self.tr("PDF documents"), ".pdf")],
        )
        if path is None:
            return None
        console, lang = self.ctx.console, self.ctx.lang
        self.ctx.runner.query(
            writer(path, lambda: numbers_service.labels_pdf(console, ward=ward, lang=lang)),
            on_done=lambda saved: self.say(
                self.tr("Saved the labels of ward {ward} to {file}").format(ward=ward, file=saved),
                "ok",
            ),
            on_error=self.failed,
        )
        return path

    def _set_status(self, status: str, reason: str = "") -> None:
        chosen = self.selected_numbers()
        console = self.ctx.console
        self.ctx.runner.op(
            changing(
                lambda: numbers_service.set_status(
                    console, " ".join(chosen), status, reason=reason
                ),
                AREA,
            ),
            on_done=lambda done: self.say(
                self.tr("{count} number(s) marked {status}.").format(
                    count=len(done.value.changed), status=self._status({"status": status})
                ),
                "ok",
            ),
            on_error=self.failed,
        )

    def mark_used(self) -> None:
        if not self.selected_numbers():
            self.say(self.tr("Select the numbers patients were given."), "error")
            return
        self._set_status("used")

    def mark_void(self) -> VoidNumbersDialog | None:
        chosen = self.selected_numbers()
        if not chosen:
            self.say(self.tr("Select the numbers to void."), "error")
            return None
        dialog = VoidNumbersDialog(self.ctx, chosen, self.window())
        open_dialog(dialog)
        return dialog

    def add_ward(self) -> AddWardDialog:
        dialog = AddWardDialog(self.ctx, self.window())
        open_dialog(dialog)
        return dialog

    def retranslate(self) -> None:
        self.ward_label.setText(self.tr("&Ward:"))
        self.add_ward_button.setText(self.tr("Add ward…"))
        self.count_label.setText(self.tr("&Count:"))
        self.issue_button.setText(self.tr("&Issue numbers"))
        self.labels_button.setText(self.tr("Save &labels…"))
        self.use_button.setText(self.tr("Mark &used"))
        self.void_button.setText(self.tr("&Void…"))
        self.model.refresh_headers()
        self._fill_wards()


class VoidNumbersDialog(FormDialog):
    """Void the chosen temporary numbers (spoiled, lost, given in error), with the reason.

    Signals: those of QDialog.
    """

    area = AREA

    def __init__(self, ctx: Context, chosen: list[str], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("VoidNumbersDialog")
        self.chosen = chosen
        self.reason_edit = QLineEdit(self)
        self.add_row(lambda: self.tr("&Reason:"), self.reason_edit)
        self.intro_label.show()
        self.reason_edit.setFocus()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        console, reason = self.ctx.console, self.reason_edit.text()
        numbers = " ".join(self.chosen)
        return lambda: numbers_service.set_status(console, numbers, "void", reason=reason)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Void temporary numbers"))
        self.intro_label.setText(
            self.tr("A void number is never used again: {numbers}").format(
                numbers=", ".join(self.chosen)
            )
        )
        self.ok_button.setText(self.tr("Void"))


class AddWardDialog(FormDialog):
    """Add a ward (or rename one: the same code), with its name in both languages.

    Signals: those of QDialog.
    """

    area = AREA

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("AddWardDialog")
        self.code_edit = QLineEdit(self)
        self.zh_edit = QLineEdit(self)
        self.en_edit = QLineEdit(self)
        self.add_row(lambda: self.tr("Ward &code:"), self.code_edit)
        self.add_row(lambda: self.tr("Name in &Chinese:"), self.zh_edit)
        self.add_row(lambda: self.tr("Name in &English:"), self.en_edit)
        self.code_edit.setFocus()
        self.retranslate()

    def operation(self) -> Callable[[], Any] | None:
        console = self.ctx.console
        code, zh, en = self.code_edit.text(), self.zh_edit.text(), self.en_edit.text()
        return lambda: numbers_service.set_ward(console, code, zh, en)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Add a ward"))
        self.code_edit.setPlaceholderText(self.tr("e.g. W3A"))
        self.ok_button.setText(self.tr("Save ward"))
