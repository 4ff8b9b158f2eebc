"""Forms page, Paper stock tab: blank sheets on hand per form against the 8-hour need."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from hisconsole.domain.plan import text
from hisconsole.services import forms as forms_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.forms.dialogs import StockCountDialog
from hisconsole.ui.partials.dialogs import button, open_dialog
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.situation import clock_time, date_time

KEY_WARDS = "forms/stock_wards"
LOW = ("#FFCDD2", "#B71C1C")


class FormsStockTab(Tab):
    """Blank paper per form: on hand (last count minus sheets issued since) against the
    8-hour need for N wards; forms below it are marked LOW. The burn-down beside it: the
    sheets used per hour (the busiest wards named) and when the stock runs out at that
    rate; within two hours the form is RUNNING OUT. A count is recorded here.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stale = True
        self.rows: list[dict[str, Any]] = []
        self._loading = False
        self._again = False
        self.wards_label = QLabel(self)
        self.wards_spin = QSpinBox(self)
        self.wards_spin.setRange(1, 500)
        saved = ctx.settings.value(KEY_WARDS)
        self.wards_spin.setValue(int(saved) if str(saved).isdigit() else 1)
        self.wards_label.setBuddy(self.wards_spin)
        self.wards_spin.valueChanged.connect(self._wards_changed)
        self.low_label = style.label("", self, delta=style.BODY_DELTA, bold=True, wrap=True)
        self.model = RecordsModel(
            [
                Column(
                    lambda: self.tr("Form"),
                    lambda r: f"{text(r['title'], self.ctx.lang)} ({r['template']})",
                ),
                Column(
                    lambda: self.tr("On hand"),
                    lambda r: self.tr("not counted") if r["on_hand"] is None else str(r["on_hand"]),
                    background=self._low_background,
                    foreground=self._low_foreground,
                ),
                Column(
                    lambda: self.tr("Counted at"),
                    lambda r: date_time(r["counted_at"], seconds=False),
                ),
                Column(lambda: self.tr("Need for 8 hours"), lambda r: str(r["need_8h"])),
                Column(
                    lambda: self.tr("State"),
                    self._state,
                    background=self._low_background,
                    foreground=self._low_foreground,
                ),
                Column(lambda: self.tr("Used per hour"), self._per_hour),
                Column(
                    lambda: self.tr("Runs out"),
                    self._runs_out,
                    background=self._low_background,
                    foreground=self._low_foreground,
                ),
            ],
            self,
        )
        self.view = table_view(self.model, self, stretch=0, name="paper stock")
        self.view.doubleClicked.connect(self.record_count)
        self.count_button = button("", self)
        self.count_button.clicked.connect(self.record_count)

        top = QHBoxLayout()
        top.addWidget(self.wards_label)
        top.addWidget(self.wards_spin)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.low_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.retranslate()

    @staticmethod
    def _low_background(row: dict[str, Any]) -> str | None:
        return LOW[0] if row["low"] or row["running_out"] else None

    @staticmethod
    def _low_foreground(row: dict[str, Any]) -> str | None:
        return LOW[1] if row["low"] or row["running_out"] else None

    def _state(self, row: dict[str, Any]) -> str:
        if row["on_hand"] is None:
            return self.tr("count it")
        if row["running_out"]:
            return self.tr("RUNNING OUT")
        return self.tr("LOW") if row["low"] else self.tr("enough")

    def _per_hour(self, row: dict[str, Any]) -> str:
        if not row["per_hour"]:
            return "—"
        wards = [w for w in row["per_hour_by_ward"] if w["ward"]]
        shown = str(row["per_hour"])
        if wards:
            # The wards using it most, so the reader sees where the paper goes.
            top = sorted(wards, key=lambda w: -w["per_hour"])[:3]
            shown += " (" + ", ".join(f"{w['ward']} {w['per_hour']}" for w in top) + ")"
        return shown

    def _runs_out(self, row: dict[str, Any]) -> str:
        if row["runs_out_at"] is None:
            return "—"
        # Within a day the clock time says it; further off, the date too.
        soon = row["hours_left"] < 20
        when = (clock_time if soon else date_time)(row["runs_out_at"], seconds=False)
        return self.tr("in {hours} h, at {time}").format(hours=row["hours_left"], time=when)

    def _wards_changed(self) -> None:
        self.ctx.settings.setValue(KEY_WARDS, self.wards_spin.value())
        self.reload()

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.stale = False
        console, wards = self.ctx.console, self.wards_spin.value()
        self.ctx.runner.query(
            lambda: forms_service.stock(console, wards), on_done=self._loaded, on_error=self._failed
        )

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
            return
        current = self.view.currentIndex().row()
        self.rows = rows
        self.model.set_rows(rows)
        if 0 <= current < len(rows):
            self.view.selectRow(current)
        self._show_low()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        self.stale = True
        self.low_label.setText(str(exc))

    def _show_low(self) -> None:
        low = [text(r["title"], self.ctx.lang) for r in self.rows if r["low"]]
        short = [text(r["title"], self.ctx.lang) for r in self.rows if r["running_out"]]
        separator = "、" if self.ctx.lang == "zh" else ", "
        if short:
            self.low_label.setText(
                self.tr("RUNNING OUT within 2 hours at the current rate: {forms}").format(
                    forms=separator.join(short)
                )
            )
            self.low_label.setStyleSheet(f"color: {LOW[1]};")
        elif low:
            self.low_label.setText(
                self.tr("LOW for {wards} ward(s) for 8 hours: {forms}").format(
                    wards=self.wards_spin.value(), forms=separator.join(low)
                )
            )
            self.low_label.setStyleSheet(f"color: {LOW[1]};")
        else:
            self.low_label.setText(
                self.tr("Every counted form covers {wards} ward(s) for 8 hours.").format(
                    wards=self.wards_spin.value()
                )
            )
            self.low_label.setStyleSheet("")

    def record_count(self, *_args: object) -> StockCountDialog:
        row = self.view.currentIndex().row()
        current = self.rows[row]["template"] if 0 <= row < len(self.rows) else None
        dialog = StockCountDialog(
            self.ctx,
            [(r["template"], r["title"]) for r in self.rows],
            current,
            self.window(),
        )
        open_dialog(dialog)
        return dialog

    def retranslate(self) -> None:
        self.wards_label.setText(self.tr("8-hour need for &wards:"))
        self.count_button.setText(self.tr("Record a count…"))
        self.model.refresh_headers()
        if self.rows:
            self._show_low()
