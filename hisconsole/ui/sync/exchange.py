"""Sync page, Exchange tab: bundles by USB file, the hub, progress with Cancel, the last result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import hub as hub_service
from hisconsole.services.sync import shared as sync_shared
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import date_time
from hisconsole.ui.sync import files as sync_files
from hisconsole.ui.sync import labels as sync_labels
from hisconsole.ui.sync.state import SyncState, remember_dir, remembered_dir

BUNDLE_SUFFIX = ".bundle"
VECTOR_SUFFIX = ".vector"
#: Result panel colours by kind: (border, text).
RESULT_COLOURS = {
    "ok": ("#2E7D32", "#1B5E20"),
    "warn": ("#F57C00", sync_labels.WARN_TEXT),
    "error": ("#C62828", style.ERROR_TEXT),
    "": ("#B0BEC5", ""),
}


class SyncExchangeTab(QWidget):
    """Export and import bundles (USB files), write this laptop's vector, keep the hub
    address and sync with the hub; a progress bar with Cancel for the hub sync, and what
    the last exchange brought.

    Cancel stops a hub sync between batches: what was transferred is kept and the
    next sync carries on, so nothing is lost.

    Signals: none.
    """

    def __init__(self, ctx: Context, state: SyncState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = state
        self._hub_shown: str | None = None  # the saved address last put in the fields
        self._result: tuple[str, str, str] = ("", "", "")  # (kind, heading, text)
        self._result_source: Any = None  # what _result was made from, to say it again
        state.progress.advanced.connect(self._advanced)
        state.updated.connect(self._updated)
        state.busy_changed.connect(self._busy_changed)

        # -- USB file ------------------------------------------------------------------------
        self.bundle_box = self._box()
        self.bundle_heading = self._heading(self.bundle_box)
        self.bundle_intro = self._plain(self.bundle_box)
        self.export_button = button("", self.bundle_box)
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button = button("", self.bundle_box)
        self.import_button.clicked.connect(self.import_bundle)
        self.only_missing_box = QCheckBox(self.bundle_box)
        self.only_missing_box.setFont(style.sized_font(self.only_missing_box, style.BODY_DELTA))
        self.vector_button = button("", self.bundle_box)
        self.vector_button.clicked.connect(self.save_vector)
        bundle_buttons = QHBoxLayout()
        bundle_buttons.addWidget(self.export_button)
        bundle_buttons.addWidget(self.import_button)
        bundle_buttons.addStretch(1)
        vector_row = QHBoxLayout()
        vector_row.addWidget(self.vector_button)
        vector_row.addStretch(1)
        box = QVBoxLayout(self.bundle_box)
        box.addWidget(self.bundle_heading)
        box.addWidget(self.bundle_intro)
        box.addLayout(bundle_buttons)
        box.addWidget(self.only_missing_box)
        box.addLayout(vector_row)
        box.addStretch(1)

        # -- the hub -------------------------------------------------------------------------
        self.hub_box = self._box()
        self.hub_heading = self._heading(self.hub_box)
        self.address_label = QLabel(self.hub_box)
        self.address_edit = QLineEdit(self.hub_box)
        self.address_edit.setObjectName("HubAddress")
        self.address_label.setBuddy(self.address_edit)
        self.password_label = QLabel(self.hub_box)
        self.password_edit = QLineEdit(self.hub_box)
        self.password_edit.setObjectName("HubPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label.setBuddy(self.password_edit)
        for widget in (self.address_label, self.address_edit, self.password_label):
            widget.setFont(style.sized_font(widget, style.BODY_DELTA))
        self.password_edit.setFont(style.sized_font(self.password_edit, style.BODY_DELTA))
        self.hub_note = self._plain(self.hub_box)
        self.save_button = button("", self.hub_box)
        self.save_button.clicked.connect(self.save_hub)
        self.sync_button = button("", self.hub_box)
        self.sync_button.setObjectName("SyncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.last_hub_label = style.label("", self.hub_box, wrap=True)
        form = QFormLayout()
        form.addRow(self.address_label, self.address_edit)
        form.addRow(self.password_label, self.password_edit)
        hub_buttons = QHBoxLayout()
        hub_buttons.addWidget(self.sync_button)
        hub_buttons.addWidget(self.save_button)
        hub_buttons.addStretch(1)
        hub_layout = QVBoxLayout(self.hub_box)
        hub_layout.addWidget(self.hub_heading)
        hub_layout.addLayout(form)
        hub_layout.addWidget(self.hub_note)
        hub_layout.addLayout(hub_buttons)
        hub_layout.addWidget(self.last_hub_label)
        hub_layout.addStretch(1)

        # -- progress and the result ---------------------------------------------------------
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setFont(style.sized_font(self.progress_bar, 1))
        self.cancel_button = button("", self)
        self.cancel_button.setObjectName("CancelSync")
        self.cancel_button.clicked.connect(self.cancel)
        self.result_frame = QFrame(self)
        self.result_frame.setObjectName("SyncResult")
        self.result_heading = style.label("", self.result_frame, delta=style.BODY_DELTA, bold=True)
        self.result_label = style.label("", self.result_frame, wrap=True)
        self.result_label.setObjectName("SyncResultText")
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        result_layout = QVBoxLayout(self.result_frame)
        result_layout.setContentsMargins(12, 8, 12, 10)
        result_layout.addWidget(self.result_heading)
        result_layout.addWidget(self.result_label)

        columns = QHBoxLayout()
        columns.addWidget(self.bundle_box, 1)
        columns.addWidget(self.hub_box, 1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        # On a small screen the tab scrolls rather than squeezing the boxes.
        content = QWidget()
        content.setObjectName("ExchangeContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(columns)
        layout.addLayout(progress_row)
        layout.addWidget(self.result_frame)
        layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self._show_progress(False)
        self._colour_result("")
        self.retranslate()

    def _box(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("SyncBox")
        frame.setStyleSheet("QFrame#SyncBox { border: 1px solid #CFD8DC; border-radius: 8px; }")
        return frame

    @staticmethod
    def _heading(parent: QWidget) -> QLabel:
        return style.label("", parent, delta=style.BODY_DELTA + 1, bold=True)

    @staticmethod
    def _plain(parent: QWidget) -> QLabel:
        return style.label("", parent, wrap=True, colour=style.MUTED_TEXT, delta=1)

    # -- the data -----------------------------------------------------------------------------

    def _updated(self, snapshot: sync_files.SyncSnapshot) -> None:
        if snapshot.hub_url != self._hub_shown and not (
            self.address_edit.isModified() or self.password_edit.isModified()
        ):
            address, password = sync_files.split_hub_url(snapshot.hub_url)
            self.address_edit.setText(address)
            self.address_edit.setCursorPosition(0)  # the start of an address says the most
            self.password_edit.setText(password)
            self._hub_shown = snapshot.hub_url
        self._show_last_hub(snapshot)
        self._update_buttons()

    def _show_last_hub(self, snapshot: sync_files.SyncSnapshot | None) -> None:
        if snapshot is None:
            self.last_hub_label.setText("")
            return
        if snapshot.hub_problem:
            self.last_hub_label.setText(snapshot.hub_problem)
            self.last_hub_label.setStyleSheet(f"color: {style.ERROR_TEXT};")
            return
        self.last_hub_label.setStyleSheet("")
        peers = [p for p in snapshot.status.peers if p.kind == "hub"]
        hubs = [h for h in snapshot.status.history if h.action == sync_shared.ACTION_HUB]
        if not peers and not hubs:
            self.last_hub_label.setText(self.tr("Not synced with a hub yet."))
            return
        parts = []
        if peers:
            parts.append(
                self.tr("Last complete sync: {time} with {hub}.").format(
                    time=date_time(peers[0].last_sync_at, seconds=False), hub=peers[0].name
                )
            )
        if hubs:
            last = hubs[0]
            parts.append(
                self.tr("Last attempt {time}: {sent} sent, {applied} came in.").format(
                    time=date_time(last.at, seconds=False),
                    sent=last.sent,
                    applied=last.applied,
                )
            )
        self.last_hub_label.setText(" ".join(parts))

    # -- bundles ------------------------------------------------------------------------------

    def _suggested_name(self, suffix: str) -> str:
        stamp = self.ctx.console.now().astimezone().strftime("%Y%m%d-%H%M")
        name = "".join(c if c.isalnum() or c in "-_" else "-" for c in self.ctx.console.device_name)
        return str(Path(remembered_dir(self.ctx)) / f"hisconsole-{name}-{stamp}{suffix}")

    def export_bundle(self) -> None:
        """Write a bundle for another laptop (only what it lacks, given its vector file)."""
        since: Path | None = None
        if self.only_missing_box.isChecked():
            name, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("The other laptop's vector file"),
                remembered_dir(self.ctx),
                self.tr("Vector files or bundles (*.vector *.bundle);;All files (*)"),
            )
            if not name:
                self._set_result("", self.tr("Export"), self.tr("Cancelled; nothing was written."))
                return
            since = Path(name)
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export bundle"),
            self._suggested_name(BUNDLE_SUFFIX),
            self.tr("HIS Console bundles (*.bundle);;All files (*)"),
        )
        if not name:
            self._set_result("", self.tr("Export"), self.tr("Cancelled; nothing was written."))
            return
        out = Path(name)
        if not out.suffix:
            out = out.with_name(out.name + BUNDLE_SUFFIX)
        remember_dir(self.ctx, out)
        console = self.ctx.console
        self._working(self.tr("Writing the bundle…"))
        self.state.run(
            "export",
            lambda: sync_files.export(console, out, since),
            on_done=lambda done: self._exported(done.value),
            on_error=lambda exc: self._failed(self.tr("Export"), exc),
        )

    def _exported(self, exported: bundles_service.ExportResult) -> None:
        lines = [
            self.tr("Wrote {count} event(s) to {path} ({size} KB).").format(
                count=exported.events,
                path=exported.path,
                size=max(1, round(exported.bytes / 1024)),
            )
        ]
        if exported.since:
            lines.append(self.tr("Only what the other laptop lacked, going by its vector file."))
        lines.append(self.tr("Carry the file to the other laptop and import it there."))
        self._set_result("ok", self.tr("Bundle written"), "\n".join(lines))

    def save_vector(self) -> None:
        """Write this laptop's vector for the other laptop's "only what it lacks" export."""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save this laptop's vector"),
            self._suggested_name(VECTOR_SUFFIX),
            self.tr("Vector files (*.vector);;All files (*)"),
        )
        if not name:
            return
        out = Path(name)
        if not out.suffix:
            out = out.with_name(out.name + VECTOR_SUFFIX)
        remember_dir(self.ctx, out)
        console = self.ctx.console
        self.state.run(
            "vector",
            lambda: sync_files.write_vector(console, out),
            on_done=lambda _done: self._set_result(
                "ok",
                self.tr("Vector saved"),
                self.tr(
                    "Saved what this laptop holds to {path}. On the other laptop, tick "
                    "\u201conly what the other laptop lacks\u201d and choose this file when "
                    "exporting: the bundle then holds only what this laptop lacks."
                ).format(path=out),
            ),
            on_error=lambda exc: self._failed(self.tr("Vector"), exc),
        )

    def import_bundle(self) -> None:
        """Check a bundle and take in what it brings (asking to pin the IT key it offers)."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import bundle"),
            remembered_dir(self.ctx),
            self.tr("HIS Console bundles (*.bundle);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        remember_dir(self.ctx, path)
        console = self.ctx.console
        self._working(self.tr("Checking {name}…").format(name=path.name))
        self.state.run(
            "import",
            lambda: sync_files.offered_it_key(console, path),
            on_done=lambda fingerprint: self._offered(path, fingerprint),
            on_error=lambda exc: self._refused(path, exc),
            change=False,
        )

    def _offered(self, path: Path, fingerprint: str | None) -> None:
        pin: str | None = None
        if fingerprint is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Pin the hospital IT key?"),
                self.tr(
                    "This bundle carries a trust list signed by the hospital IT key\n\n"
                    "{fingerprint}\n\n"
                    "No IT key is pinned on this laptop yet. Phone the IT department and "
                    "compare this fingerprint with theirs, character by character.\n\n"
                    "Yes: it matches; pin the key and take in what the trust list allows.\n"
                    "No: import without pinning; events are held in quarantine."
                ).format(fingerprint=fingerprint),
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                self._show_progress(False)
                self._set_result("", self.tr("Import"), self.tr("Cancelled; nothing was changed."))
                return
            if answer == QMessageBox.StandardButton.Yes:
                pin = fingerprint
        console = self.ctx.console
        self._working(self.tr("Importing {name}…").format(name=path.name))
        self.state.run(
            "import",
            lambda: sync_files.import_bundle(console, path, pin),
            on_done=lambda result: self._imported(path, result),
            on_error=lambda exc: self._refused(path, exc),
        )

    def _imported(self, path: Path, result: sync_shared.ImportResult) -> None:
        self._result_source = ("import", path, result)
        self._say_imported()

    def _say_imported(self) -> None:
        _what, path, result = self._result_source
        snapshot = self.state.snapshot
        names = snapshot.device_names() if snapshot else {}
        names.setdefault(result.source, result.source_name)
        report = result.report
        lines = [
            self.tr("From {laptop}, file {name}.").format(
                laptop=sync_labels.peer_label(result.source, names), name=path.name
            )
        ]
        if result.it_key_pinned:
            lines.append(
                self.tr("IT key {fingerprint} pinned, as confirmed.").format(
                    fingerprint=result.it_key_pinned
                )
            )
        if result.trust_serial is not None:
            lines.append(
                self.tr("The trust list was updated to serial {serial}.").format(
                    serial=result.trust_serial
                )
            )
        counted = sync_labels.report_lines(report)
        if result.held_unread:
            counted.append(
                self.tr(
                    "It comes from a laptop that is neither in the trust list nor accepted "
                    "here: it was not read, and is kept unread in quarantine. A commander can "
                    "accept that laptop on the Devices tab; the bundle is read then."
                )
            )
        lines += counted or [self.tr("Nothing new: this laptop already had everything in it.")]
        lines += sync_labels.result_lines(result)
        held = report.quarantined or report.rejected or report.pending or result.held_unread
        kind = "warn" if held else "ok"
        heading = self.tr("Bundle imported: {count} event(s) came in").format(count=report.applied)
        self._set_result(kind, heading, "\n".join(lines), keep_source=True)

    def _refused(self, path: Path, exc: BaseException) -> None:
        self._result_source = None
        text = self.tr(
            "{name} was refused as a whole: nothing on this laptop was changed.\n\n{reason}"
        ).format(name=path.name, reason=user_message(exc))
        self._set_result("error", self.tr("Bundle refused"), text)
        QMessageBox.warning(self, self.tr("Bundle refused"), text)

    # -- the hub ------------------------------------------------------------------------------

    def hub_url(self) -> str:
        return sync_files.join_hub_url(self.address_edit.text(), self.password_edit.text())

    def save_hub(self) -> None:
        """Keep the hub address and password in the data directory (hub.json, private)."""
        url = self.hub_url()
        console = self.ctx.console
        self.state.run(
            "save",
            lambda: sync_files.save_address(console, url),
            on_done=lambda _done: self._hub_saved(url),
            on_error=lambda exc: self._failed(self.tr("Hub address"), exc),
        )

    def _hub_saved(self, url: str) -> None:
        self.address_edit.setModified(False)
        self.password_edit.setModified(False)
        self._set_result(
            "ok",
            self.tr("Hub address saved"),
            self.tr(
                "Kept in {file}, which only this computer account can read; never in the "
                "records that travel to other laptops."
            ).format(file=hub_service.hub_file(self.ctx.console)),
        )

    def sync_now(self) -> None:
        """Sync with the hub: send what it lacks, take in what this laptop lacks."""
        url = self.hub_url()
        if not url:
            self._set_result(
                "error",
                self.tr("Hub sync"),
                self.tr("Enter the hub address first (postgresql+psycopg://USER@HOST/DATABASE)."),
            )
            self.address_edit.setFocus()
            return
        console, progress = self.ctx.console, self.state.progress
        progress.reset()
        self._show_progress(True)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat(self.tr("Connecting to the hub…"))
        self._set_result("", "", "")  # the progress bar says what is going on
        self.state.run(
            "hub",
            lambda: sync_files.hub_sync(console, url, progress.report),
            on_done=self._synced,
            on_error=lambda exc: self._failed(self.tr("Hub sync"), exc),
        )

    def cancel(self) -> None:
        if self.state.busy == "hub":
            self.state.progress.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_bar.setFormat(self.tr("Stopping after the batch in hand…"))

    def _advanced(self, stage: str, done: int, total: int) -> None:
        if self.state.busy != "hub" or self.state.progress.cancelled():
            return
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done if total else 1)
        self.progress_bar.setFormat(sync_labels.stage_label(stage))

    def _synced(self, result: sync_shared.ImportResult) -> None:
        self._address_saved()
        self._result_source = ("hub", None, result)
        self._say_synced()

    def _address_saved(self) -> None:
        # sync_hub saved the address it was given once the hub answered.
        self.address_edit.setModified(False)
        self.password_edit.setModified(False)
        self._hub_shown = None

    def _say_synced(self) -> None:
        _what, _path, result = self._result_source
        report = result.report
        lines = [
            self.tr("{sent} event(s) sent to the hub.").format(sent=result.sent),
        ]
        if result.trust_serial is not None:
            lines.append(
                self.tr("The trust list was updated to serial {serial}.").format(
                    serial=result.trust_serial
                )
            )
        counted = sync_labels.report_lines(report)
        if not counted and not result.stopped:
            counted = [self.tr("Nothing new came in from the hub.")]
        lines += counted
        lines += sync_labels.result_lines(result)
        if result.stopped:
            lines.insert(
                0,
                self.tr(
                    "Stopped on request. What was transferred is kept; the next sync "
                    "carries on from there, so nothing is lost."
                ),
            )
            heading = self.tr("Hub sync stopped: {sent} sent, {applied} came in").format(
                sent=result.sent, applied=report.applied
            )
            kind = "warn"
        else:
            heading = self.tr("Hub sync complete: {sent} sent, {applied} came in").format(
                sent=result.sent, applied=report.applied
            )
            kind = "warn" if report.quarantined or report.rejected or report.pending else "ok"
        self._set_result(kind, heading, "\n".join(lines), keep_source=True)

    # -- showing ------------------------------------------------------------------------------

    def _failed(self, what: str, exc: BaseException) -> None:
        self._result_source = None
        self._set_result("error", what, user_message(exc))

    def _working(self, text: str) -> None:
        self._set_result("", "", "")
        self._show_progress(True)
        self.cancel_button.hide()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat(text)

    def _set_result(self, kind: str, heading: str, text: str, *, keep_source: bool = False) -> None:
        if not keep_source:
            self._result_source = None
        self._result = (kind, heading, text)
        self.result_heading.setText(heading)
        self.result_label.setText(text)
        self._colour_result(kind)

    def result_text(self) -> str:
        """The last result as shown (heading and text)."""
        return f"{self._result[1]}\n{self._result[2]}".strip()

    def _colour_result(self, kind: str) -> None:
        border, colour = RESULT_COLOURS.get(kind, RESULT_COLOURS[""])
        self.result_frame.setStyleSheet(
            f"QFrame#SyncResult {{ border: 2px solid {border}; border-radius: 8px; }}"
            + (f" QFrame#SyncResult QLabel {{ color: {colour}; }}" if colour else "")
        )
        self.result_frame.setVisible(bool(self._result[1]))

    def _show_progress(self, shown: bool) -> None:
        self.progress_bar.setVisible(shown)
        self.cancel_button.setVisible(shown)
        self.cancel_button.setEnabled(True)

    def _busy_changed(self, busy: str) -> None:
        if not busy:
            self._show_progress(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.state.busy
        for widget in (
            self.export_button,
            self.import_button,
            self.vector_button,
            self.only_missing_box,
            self.save_button,
            self.sync_button,
            self.address_edit,
            self.password_edit,
        ):
            widget.setEnabled(idle)

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.bundle_heading.setText(self.tr("By USB file (bundle)"))
        self.bundle_intro.setText(
            self.tr(
                "While the network is down: export a bundle to a USB stick, carry it to the "
                "other laptop and import it there, then the other way round. A damaged or "
                "altered file is refused and changes nothing."
            )
        )
        self.export_button.setText(self.tr("&Export bundle…"))
        self.import_button.setText(self.tr("I&mport bundle…"))
        self.only_missing_box.setText(
            self.tr("Only what the other laptop lacks (choose its vector file)")
        )
        self.vector_button.setText(self.tr("Save this laptop's vec&tor…"))
        self.vector_button.setToolTip(
            self.tr("A small file saying what this laptop holds, for a smaller bundle")
        )
        self.hub_heading.setText(self.tr("Central hub (when the network is back)"))
        self.address_label.setText(self.tr("Hub &address:"))
        self.address_edit.setPlaceholderText("postgresql+psycopg://USER@HOST/DATABASE")
        self.address_edit.setAccessibleName(self.tr("Hub address"))
        self.password_label.setText(self.tr("&Password:"))
        self.password_edit.setAccessibleName(self.tr("Hub password"))
        self.hub_note.setText(
            self.tr(
                "Kept in this laptop's data directory (hub.json, readable only by this "
                "computer account), never in the records. Every event from the hub is "
                "checked like one from a bundle."
            )
        )
        self.save_button.setText(self.tr("Save address"))
        self.sync_button.setText(self.tr("&Sync now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop after the batch in hand; the next sync carries on, nothing is lost")
        )
        self._show_last_hub(self.state.snapshot)
        if self._result_source is not None:
            if self._result_source[0] == "import":
                self._say_imported()
            else:
                self._say_synced()
