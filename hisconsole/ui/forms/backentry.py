"""Forms page, Back-entry tab: scan sheets back, see what is still outstanding, report, close."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain import serials as serial_rules
from hisconsole.domain.forms import FormTemplate
from hisconsole.services import forms as forms_service
from hisconsole.services.errors import SerialsNeverIssued, SheetsCannotMove
from hisconsole.services.forms import StatusResult
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.forms import files as forms_files
from hisconsole.ui.forms.dialogs import CloseIncidentDialog, close_incident
from hisconsole.ui.forms.print_tab import remember_dir, remembered_dir
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import clock_time, date_time

#: The outstanding filter's entries for every sheet and for pre-printed ones.
ALL = "*"
PRE_PRINTED = ""
#: What a back-entry scan can record, in the order offered.
ACTIONS = ("entered", "returned", "verified", "void")
#: Feedback colours of a scan: (background, text).
FEEDBACK = {
    "ok": ("#C8E6C9", "#1B5E20"),
    "already": ("#FFF59D", "#5D4037"),
    "error": ("#FFCDD2", "#B71C1C"),
}
MARKS = {"ok": "✔", "already": "●", "error": "✖"}
RECENT_LIMIT = 200
#: Where a recent scan keeps what happened (its moment, mark, serial and a wording).
_SCAN = Qt.ItemDataRole.UserRole + 1


def sheet_status_label(status: str) -> str:
    labels = {
        "issued": QCoreApplication.translate("SheetStatus", "issued"),
        "returned": QCoreApplication.translate("SheetStatus", "returned"),
        "entered": QCoreApplication.translate("SheetStatus", "entered into HIS"),
        "verified": QCoreApplication.translate("SheetStatus", "verified"),
        "void": QCoreApplication.translate("SheetStatus", "void"),
    }
    return labels.get(status, status)


def shown_serials(serials: list[str]) -> str:
    """How a scan is named in the feedback: the serial, or the range and its size."""
    if len(serials) == 1:
        return serials[0]
    return f"{serials[0]} … {serials[-1]} ({len(serials)})"


class FormsBackEntryTab(Tab):
    """Closing the loop on paper: scan or type serials (one, a range, a list) and record
    them as entered into the HIS, returned, verified or void; every scan answers at once
    in the list of recent scans. Beside it, the sheets still outstanding per incident
    and form, with their age; the back-entry report; closing the incident.

    A barcode scanner is a keyboard: it types the serial and presses Enter. The
    entry field keeps the focus whatever happens, so scanning goes on.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.snapshot = forms_files.SheetsSnapshot()
        self.templates: dict[str, FormTemplate] = {}
        self._filter: str = ALL

        # -- the scan ------------------------------------------------------------------------
        self.action_label = QLabel(self)
        self.action_group = QButtonGroup(self)
        self.action_buttons: dict[str, QRadioButton] = {}
        for index, action in enumerate(ACTIONS):
            radio = QRadioButton(self)
            radio.setFont(style.sized_font(radio, 1))
            self.action_group.addButton(radio, index)
            self.action_buttons[action] = radio
        self.action_buttons["entered"].setChecked(True)
        self.action_group.idToggled.connect(self._action_changed)
        self.ref_label = QLabel(self)
        self.ref_edit = QLineEdit(self)
        self.ref_label.setBuddy(self.ref_edit)
        self.reason_label = QLabel(self)
        self.reason_edit = QLineEdit(self)
        self.reason_label.setBuddy(self.reason_edit)

        self.serial_label = style.label("", self, delta=style.BODY_DELTA, bold=True)
        self.serial_edit = QLineEdit(self)
        self.serial_edit.setObjectName("SerialEntry")
        self.serial_edit.setFont(style.sized_font(self.serial_edit, style.BODY_DELTA + 3))
        self.serial_edit.setClearButtonEnabled(True)
        self.serial_label.setBuddy(self.serial_edit)
        self.serial_edit.returnPressed.connect(self.submit)
        # Enter in the reference or reason field goes back to scanning.
        self.ref_edit.returnPressed.connect(self.serial_edit.setFocus)
        self.reason_edit.returnPressed.connect(self.serial_edit.setFocus)
        self.record_button = button("", self)
        self.record_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.record_button.clicked.connect(self.submit)
        self.last_label = style.label("", self, delta=style.BODY_DELTA + 2, bold=True, wrap=True)
        self.last_label.setObjectName("LastScan")
        self.last_label.setMinimumHeight(40)

        self.recent_label = style.label("", self, delta=style.BODY_DELTA, bold=True)
        self.recent_list = QListWidget(self)
        self.recent_list.setObjectName("RecentScans")
        self.recent_list.setFont(style.sized_font(self.recent_list, 1))
        self.recent_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent_list.setWordWrap(True)

        # -- what is outstanding -------------------------------------------------------------
        self.filter_label = QLabel(self)
        self.filter_combo = QComboBox(self)
        self.filter_combo.setMinimumContentsLength(24)
        self.filter_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter_label.setBuddy(self.filter_combo)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.counts_label = style.label("", self, delta=style.BODY_DELTA, bold=True, wrap=True)
        self.summary_model = RecordsModel(
            [
                Column(lambda: self.tr("Incident"), lambda r: r["incident"] or self._pre_text()),
                Column(lambda: self.tr("Form"), lambda r: self._title(r["template"])),
                Column(lambda: self.tr("Ward / department"), lambda r: r["department"] or "—"),
                Column(lambda: self.tr("Outstanding"), lambda r: str(r["count"])),
                Column(lambda: self.tr("Oldest (hours)"), lambda r: f"{r['oldest']:.1f}"),
            ],
            self,
        )
        self.summary_view = table_view(
            self.summary_model, self, stretch=1, name="outstanding", fit_rows=True
        )
        self.sheets_model = RecordsModel(
            [
                Column(lambda: self.tr("Serial"), lambda r: r["serial"]),
                Column(lambda: self.tr("Form"), lambda r: self._title(r["template"])),
                Column(
                    lambda: self.tr("Status"),
                    lambda r: sheet_status_label(r["status"]),
                    background=lambda r: "#FFF59D" if r["status"] == "returned" else None,
                ),
                Column(
                    lambda: self.tr("Issued"), lambda r: date_time(r["issued_at"], seconds=False)
                ),
                Column(lambda: self.tr("Age (hours)"), lambda r: f"{r['age']:.1f}"),
            ],
            self,
        )
        self.sheets_view = table_view(
            self.sheets_model, self, stretch=1, name="outstanding sheets", fit_rows=True
        )
        self.report_button = button("", self)
        self.report_button.clicked.connect(self.save_report)
        self.close_button = button("", self)
        self.close_button.clicked.connect(self.close_incident)
        self.status_label = style.label("", self, wrap=True)

        # -- layout ---------------------------------------------------------------------------
        actions = QHBoxLayout()
        actions.addWidget(self.action_label)
        for radio in self.action_buttons.values():
            actions.addWidget(radio)
        actions.addStretch(1)
        details = QHBoxLayout()
        details.addWidget(self.ref_label)
        details.addWidget(self.ref_edit, 1)
        details.addSpacing(12)
        details.addWidget(self.reason_label)
        details.addWidget(self.reason_edit, 1)
        scan = QHBoxLayout()
        scan.addWidget(self.serial_label)
        scan.addWidget(self.serial_edit, 1)
        scan.addWidget(self.record_button)

        recent = QWidget(self)
        left = QVBoxLayout(recent)
        left.setContentsMargins(0, 0, 8, 0)
        left.addWidget(self.recent_label)
        left.addWidget(self.recent_list, 1)

        waiting = QWidget(self)
        right = QVBoxLayout(waiting)
        right.setContentsMargins(8, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter_combo, 1)
        right.addLayout(filters)
        right.addWidget(self.counts_label)
        right.addWidget(self.summary_view, 1)
        right.addWidget(self.sheets_view, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        right.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(recent)
        self.splitter.addWidget(waiting)
        # What is outstanding (form names, whole) needs the room more than the scan list.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([300, 800])

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(details)
        layout.addLayout(scan)
        layout.addWidget(self.last_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status_label)
        self.last_label.hide()
        self.setFocusProxy(self.serial_edit)
        self._action_changed()
        self.retranslate()

    # -- data ---------------------------------------------------------------------------------

    def set_templates(self, templates: dict[str, FormTemplate]) -> None:
        self.templates = templates
        self._fill_outstanding()

    def set_snapshot(self, snapshot: forms_files.SheetsSnapshot) -> None:
        self.snapshot = snapshot
        self._fill_filter()
        self._fill_outstanding()

    def _title(self, code: str) -> str:
        template = self.templates.get(code)
        return template.title.get(self.ctx.lang) if template else code

    def _pre_text(self) -> str:
        return self.tr("pre-printed")

    def _fill_filter(self) -> None:
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(self.tr("Every incident"), ALL)
        for incident in self.snapshot.incidents:
            self.filter_combo.addItem(f"{incident['id']} — {incident['title']}", incident["id"])
        self.filter_combo.addItem(self.tr("Pre-printed (no incident)"), PRE_PRINTED)
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(self._filter)))
        self.filter_combo.blockSignals(False)
        self._filter = self.filter_combo.currentData()

    def set_filter(self, incident: str | None) -> None:
        """Show the sheets of ``incident`` (None: every incident; "": pre-printed)."""
        self._filter = ALL if incident is None else incident
        index = self.filter_combo.findData(self._filter)
        if index >= 0:
            self.filter_combo.setCurrentIndex(index)

    def _filter_changed(self) -> None:
        value = self.filter_combo.currentData()
        self._filter = value if isinstance(value, str) else ALL
        self._fill_outstanding()

    def filtered_sheets(self) -> list[dict[str, Any]]:
        sheets = self.snapshot.sheets
        if self._filter == ALL:
            return list(sheets)
        wanted = self._filter or None
        return [s for s in sheets if s["incident"] == wanted]

    def outstanding(self) -> list[dict[str, Any]]:
        """The sheets shown as outstanding (with their age in hours), oldest serial first."""
        now = self.snapshot.read_at
        rows = []
        for sheet in self.filtered_sheets():
            if sheet["status"] in forms_service.OUTSTANDING:
                age = forms_files.age_hours(sheet["issued_at"], now) if now else 0.0
                rows.append({**sheet, "age": age})
        return rows

    def outstanding_serials(self) -> list[str]:
        """The serials the outstanding list shows."""
        return [r["serial"] for r in self.sheets_model.rows()]

    def _fill_outstanding(self) -> None:
        sheets = self.filtered_sheets()
        waiting = self.outstanding()
        groups: dict[tuple[str, str, str], dict[str, Any]] = {}
        for sheet in waiting:
            key = (sheet["incident"] or "", sheet["template"], sheet.get("department", ""))
            group = groups.setdefault(
                key,
                {
                    "incident": sheet["incident"],
                    "template": sheet["template"],
                    "department": sheet.get("department", ""),
                    "count": 0,
                    "oldest": 0.0,
                },
            )
            group["count"] += 1
            group["oldest"] = max(group["oldest"], sheet["age"])
        self.summary_model.set_rows([groups[k] for k in sorted(groups)])
        self.sheets_model.set_rows(waiting)
        by_status = Counter(s["status"] for s in sheets)
        parts = [self.tr("{count} sheet(s)").format(count=len(sheets))]
        for status in ("entered", "verified", "void", "returned"):
            if by_status.get(status):
                parts.append(f"{sheet_status_label(status)} {by_status[status]}")
        parts.append(self.tr("outstanding {count}").format(count=len(waiting)))
        self.counts_label.setText(" · ".join(parts))
        self.counts_label.setStyleSheet(
            f"color: {style.ERROR_TEXT};" if waiting else "color: #1B5E20;"
        )
        incident = self._incident()
        self.report_button.setEnabled(bool(sheets) or incident is not None)
        resolved = incident is not None and incident["status"] == "resolved"
        self.close_button.setEnabled(resolved)
        if incident is None:
            tip = self.tr("Choose an incident above to close it.")
        elif incident["status"] == "open":
            tip = self.tr("Resolve the incident first (on the Incident page).")
        elif incident["status"] == "closed":
            tip = self.tr("This incident is closed.")
        else:
            tip = ""
        self.close_button.setToolTip(tip)

    def _incident(self) -> dict[str, Any] | None:
        return next((i for i in self.snapshot.incidents if i["id"] == self._filter), None)

    # -- scanning -----------------------------------------------------------------------------

    def action(self) -> str:
        return ACTIONS[max(0, self.action_group.checkedId())]

    def set_action(self, action: str) -> None:
        self.action_buttons[action].setChecked(True)

    def _action_changed(self, *_args: object) -> None:
        action = self.action()
        self.ref_edit.setEnabled(action == "entered")
        self.reason_edit.setEnabled(action == "void")
        self.serial_edit.setFocus()

    def submit(self) -> None:
        """Record what is in the serial field; the field is ready for the next scan at once."""
        raw = self.serial_edit.text().strip()
        self.serial_edit.setFocus()
        if not raw:
            return
        action = self.action()
        try:
            serials = serial_rules.expand(raw)
        except serial_rules.SerialError:
            self._feedback(
                raw,
                "error",
                lambda: self.tr(
                    "not a serial or a range (expected like K7QF-000120 or "
                    "K7QF-000120..K7QF-000180)"
                ),
            )
            # Kept, selected: fix the typo, or the next scan replaces it.
            self.serial_edit.selectAll()
            return
        reason = self.reason_edit.text().strip()
        if action == "void" and not reason:
            self._feedback(raw, "error", lambda: self.tr("type the reason for voiding first"))
            self.serial_edit.selectAll()
            return
        his_ref = self.ref_edit.text().strip() if action == "entered" else ""
        self.serial_edit.clear()
        shown = shown_serials(serials)
        console = self.ctx.console
        self.ctx.runner.op(
            lambda: forms_service.set_status(
                console, raw, action, his_ref=his_ref, reason=reason if action == "void" else ""
            ),
            on_done=lambda result: self._recorded(shown, result),
            on_error=lambda exc: self._refused(shown, action, exc),
        )

    def _recorded(self, shown: str, result: StatusResult) -> None:
        if result.changed and not result.already:
            self._feedback(
                shown,
                "ok",
                lambda: self.tr("OK: {status}").format(status=sheet_status_label(result.status)),
            )
        elif result.changed:
            self._feedback(
                shown,
                "ok",
                lambda: self.tr("OK: {count} {status}, {already} already were").format(
                    count=len(result.changed),
                    status=sheet_status_label(result.status),
                    already=len(result.already),
                ),
            )
        else:
            self._feedback(
                shown,
                "already",
                lambda: self.tr("already {status}").format(
                    status=sheet_status_label(result.status)
                ),
            )

    def _refused(self, shown: str, action: str, exc: BaseException) -> None:
        # Read by the refusal's code and params, never its English words.
        code = getattr(exc, "code", "")
        if code == SerialsNeverIssued.code:
            self._feedback(
                shown,
                "error",
                lambda: self.tr("unknown serial: never issued here. Nothing was recorded."),
            )
        elif isinstance(exc, SheetsCannotMove):
            sheets = exc.params.get("sheets") or []

            def said() -> str:
                why = "; ".join(
                    self.tr("{serial} is {status}").format(
                        serial=serial, status=sheet_status_label(status)
                    )
                    for serial, status in sheets[:3]
                )
                return self.tr("cannot be marked {status}: {why}. Nothing was recorded.").format(
                    status=sheet_status_label(action), why=why or user_message(exc)
                )

            self._feedback(shown, "error", said)
        else:
            self._feedback(shown, "error", lambda: user_message(exc))

    def _feedback(self, shown: str, kind: str, message: Callable[[], str]) -> None:
        """Show a scan's outcome; ``message`` words it in the interface's language (again
        when the language changes: the history keeps what happened, not the words)."""
        background, foreground = FEEDBACK[kind]
        moment = self.ctx.console.now()
        line = f"{MARKS[kind]} {shown} — {message()}"
        item = QListWidgetItem(f"{clock_time(moment, seconds=True)}  {line}")
        item.setData(_SCAN, (moment, MARKS[kind], shown, message))
        item.setBackground(QBrush(QColor(background)))
        item.setForeground(QBrush(QColor(foreground)))
        item.setData(Qt.ItemDataRole.UserRole, kind)
        self.recent_list.insertItem(0, item)
        while self.recent_list.count() > RECENT_LIMIT:
            self.recent_list.takeItem(self.recent_list.count() - 1)
        self.last_label.setText(line)
        self.last_label.setStyleSheet(
            f"QLabel#LastScan {{ background-color: {background}; color: {foreground};"
            " padding: 6px 10px; border-radius: 4px; }"
        )
        self.last_label.show()

    def recent(self) -> list[tuple[str, str]]:
        """The recent scans as shown, newest first: (kind, text)."""
        return [
            (item.data(Qt.ItemDataRole.UserRole), item.text())
            for item in (self.recent_list.item(i) for i in range(self.recent_list.count()))
        ]

    # -- report and closing -------------------------------------------------------------------

    def save_report(self) -> None:
        incident = None if self._filter == ALL else (self._filter or None)
        if self._filter == PRE_PRINTED:
            incident = None
        stamp = self.ctx.console.now().astimezone().strftime("%Y%m%d-%H%M")
        suggested = Path(remembered_dir(self.ctx)) / f"back-entry-{incident or 'all'}-{stamp}.pdf"
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save back-entry report"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        remember_dir(self.ctx, path)
        console, lang = self.ctx.console, self.ctx.lang
        self.say(self.tr("Writing the back-entry report…"))
        self.ctx.runner.query(
            lambda: forms_files.save_report(console, incident, path, lang),
            on_done=lambda saved: self.say(
                self.tr("Back-entry report saved: {path}").format(path=saved), "ok"
            ),
            on_error=self._report_failed,
        )

    def _report_failed(self, exc: BaseException) -> None:
        text = self.failed(exc, self.tr("The back-entry report was not saved: {reason}"))
        QMessageBox.warning(self, self.tr("Save back-entry report"), text)

    def close_incident(self) -> CloseIncidentDialog | None:
        incident = self._incident()
        if incident is None or incident["status"] != "resolved":
            return None
        return close_incident(self.ctx, self.window(), incident)

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        for index in range(self.recent_list.count()):
            item = self.recent_list.item(index)
            moment, mark, shown, message = item.data(_SCAN)
            item.setText(f"{clock_time(moment, seconds=True)}  {mark} {shown} — {message()}")
        self.action_label.setText(self.tr("Record as:"))
        names = {
            "entered": self.tr("&Entered into HIS"),
            "returned": self.tr("Re&turned"),
            "verified": self.tr("&Verified"),
            "void": self.tr("V&oid"),
        }
        for action, radio in self.action_buttons.items():
            radio.setText(names[action])
        self.ref_label.setText(self.tr("HIS re&ference (optional):"))
        self.ref_edit.setPlaceholderText(self.tr("e.g. the HIS record number"))
        self.reason_label.setText(self.tr("Void rea&son:"))
        self.reason_edit.setPlaceholderText(self.tr("required to void"))
        self.serial_label.setText(self.tr("Se&rial:"))
        self.serial_edit.setPlaceholderText(
            self.tr("Scan the barcode, or type a serial or a range A-000120..A-000180, then Enter")
        )
        self.serial_edit.setAccessibleName(self.tr("Serial to record"))
        self.record_button.setText(self.tr("Record"))
        self.recent_label.setText(self.tr("Recent scans"))
        self.recent_list.setAccessibleName(self.tr("Recent scans"))
        self.filter_label.setText(self.tr("Outstanding &for:"))
        self.report_button.setText(self.tr("Save back-entry report…"))
        self.close_button.setText(self.tr("Close incident…"))
        for model in (self.summary_model, self.sheets_model):
            model.refresh_headers()
        self._fill_filter()
        self._fill_outstanding()
