"""Sync page, Devices tab: the IT key and trust list, every device seen, accepting one held in
quarantine, and the events rejected here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.glossary import COMMANDER
from hisconsole.services import people as people_service
from hisconsole.services.sync import devices as devices_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import format_date, role_label
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.situation import date_time
from hisconsole.ui.sync import files as sync_files
from hisconsole.ui.sync import labels as sync_labels
from hisconsole.ui.sync.state import SyncState, redraw, remember_dir, remembered_dir

#: Device states whose events wait in quarantine for a commander (or a newer trust list).
HELD_STATES = frozenset({devices_service.QUARANTINED, devices_service.EXPIRED})


def _latest(*moments: str | None) -> str | None:
    known = [m for m in moments if m]
    if not known:
        return None
    return max(known, key=lambda m: dt.datetime.fromisoformat(m).timestamp())


class SyncDevicesTab(Tab):
    """The IT key pinned here and the trust list in use (pin, import a newer list), every
    device this laptop knows with its state, roles and events, "Accept device…" for one
    held in quarantine (commander only), and the events rejected here with the reason.

    Signals: none.
    """

    def __init__(self, ctx: Context, state: SyncState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = state
        self.rows: list[devices_service.Device] = []
        self._last_seen: dict[str, str | None] = {}
        state.updated.connect(self._updated)
        state.busy_changed.connect(lambda _busy: self._update_buttons())

        self.trust_label = style.label("", self, wrap=True, delta=style.BODY_DELTA)
        self.trust_label.setObjectName("TrustState")
        self.pin_button = button("", self)
        self.pin_button.clicked.connect(self.pin_key)
        self.list_button = button("", self)
        self.list_button.clicked.connect(self.import_list)
        self.model = RecordsModel(
            [
                Column(lambda: self.tr("Name"), lambda r: r.name or "—"),
                Column(lambda: self.tr("Device ID"), lambda r: r.id),
                Column(
                    lambda: self.tr("State"),
                    self._state_text,
                    background=self._background,
                    foreground=self._foreground,
                ),
                Column(
                    lambda: self.tr("Roles"),
                    lambda r: ", ".join(sync_labels.device_role_label(x) for x in r.roles) or "—",
                ),
                Column(lambda: self.tr("Events here"), lambda r: str(r.events)),
                Column(
                    lambda: self.tr("In quarantine"),
                    lambda r: str(r.quarantined) if r.quarantined else "",
                    background=lambda r: self._background(r) if r.quarantined else None,
                    foreground=lambda r: self._foreground(r) if r.quarantined else None,
                ),
                Column(
                    lambda: self.tr("Rejected"),
                    lambda r: str(r.rejected) if r.rejected else "",
                ),
                Column(lambda: self.tr("Last seen"), self._seen_text),
            ],
            self,
        )
        self.view = table_view(self.model, self, stretch=0, name="devices")
        self.view.setObjectName("DevicesTable")
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(self.accept_device)
        self.accept_button = button("", self)
        self.accept_button.setObjectName("AcceptDevice")
        self.accept_button.clicked.connect(self.accept_device)
        self.accept_reason = style.label("", self, wrap=True, colour=style.MUTED_TEXT, delta=1)
        self.status_label = style.label("", self, wrap=True, delta=1)

        self.rejected_heading = style.label("", self, bold=True, delta=style.BODY_DELTA)
        self.rejected_model = RecordsModel(
            [
                Column(
                    lambda: self.tr("Received"),
                    lambda r: date_time(r.received_at, seconds=False),
                ),
                Column(lambda: self.tr("Device"), self._device_text),
                Column(lambda: self.tr("Event"), lambda r: f"{r.kind} #{r.seq}"),
                Column(lambda: self.tr("By"), lambda r: r.author),
                Column(lambda: self.tr("Reason"), lambda r: r.said_reason()),
            ],
            self,
        )
        self.rejected_view = table_view(self.rejected_model, self, stretch=4, name="rejected")
        self.rejected_view.setObjectName("RejectedTable")

        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust_label, 1)
        trust_row.addWidget(self.pin_button)
        trust_row.addWidget(self.list_button)
        accept_row = QHBoxLayout()
        accept_row.addWidget(self.accept_button)
        accept_row.addWidget(self.accept_reason, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(trust_row)
        layout.addWidget(self.view, 3)
        layout.addLayout(accept_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.rejected_heading)
        layout.addWidget(self.rejected_view, 2)
        self.retranslate()

    # -- the table ----------------------------------------------------------------------------

    def _state_text(self, row: Any) -> str:
        label = sync_labels.device_status_label(row.status)
        if row.status == devices_service.ACCEPTED and row.accepted_by:
            return self.tr("{state} (by {name})").format(state=label, name=row.accepted_by)
        if row.status == devices_service.EXPIRED and row.expires:
            return self.tr("{state} ({date})").format(state=label, date=row.expires)
        if row.status == devices_service.REVOKED and row.revoked:
            return self.tr("{state} ({date})").format(state=label, date=row.revoked)
        return label

    def _seen_text(self, row: Any) -> str:
        if row.status == devices_service.THIS_LAPTOP:
            return "—"
        return date_time(self._last_seen.get(row.id), seconds=False)

    def _device_text(self, row: Any) -> str:
        snapshot = self.state.snapshot
        names = snapshot.device_names() if snapshot else {}
        return sync_labels.peer_label(row.device, names)

    @staticmethod
    def _background(row: Any) -> str | None:
        colours = sync_labels.STATE_COLOURS.get(row.status)
        return colours[0] if colours else None

    @staticmethod
    def _foreground(row: Any) -> str | None:
        colours = sync_labels.STATE_COLOURS.get(row.status)
        return colours[1] if colours else None

    def _updated(self, snapshot: sync_files.SyncSnapshot) -> None:
        current = self.selected()
        peers = {p.peer: p.last_sync_at for p in snapshot.status.peers}
        self._last_seen = {
            d.id: _latest(peers.get(d.id), d.first_seen, d.accepted_at) for d in snapshot.devices
        }
        # Devices waiting for a decision first, then the others by name.
        self.rows = sorted(
            snapshot.devices,
            key=lambda d: (
                d.status not in HELD_STATES,
                d.status != devices_service.THIS_LAPTOP,
                (d.name or "~").casefold(),
            ),
        )
        self.model.set_rows(self.rows)
        ids = [r.id for r in self.rows]
        if current is not None and current.id in ids:
            self.view.selectRow(ids.index(current.id))
        elif self.rows and self.rows[0].status in HELD_STATES:
            self.view.selectRow(0)
        # Rejected for good, or held until what they name arrives: both kept, not applied.
        rejected = snapshot.status.rejected + snapshot.status.orphans
        self.rejected_model.set_rows(rejected)
        self.rejected_heading.setVisible(bool(rejected))
        self.rejected_view.setVisible(bool(rejected))
        self._show_trust()
        self._update_buttons()

    def _show_trust(self) -> None:
        snapshot = self.state.snapshot
        if snapshot is None:
            self.trust_label.setText("")
            return
        info = snapshot.trust
        if not info.get("it_key"):
            self.trust_label.setText(
                self.tr(
                    "No hospital IT key is pinned on this laptop yet, so events from other "
                    "laptops are held in quarantine. Pin the IT key file from IT, or import "
                    "a trust list (or a bundle that carries one) and confirm its fingerprint."
                )
            )
            self.trust_label.setStyleSheet(f"color: {sync_labels.WARN_TEXT};")
            return
        self.trust_label.setStyleSheet("")
        if info.get("serial") is None:
            self.trust_label.setText(
                self.tr("IT key {fingerprint} pinned; no trust list yet.").format(
                    fingerprint=info["it_key"]
                )
            )
            return
        self.trust_label.setText(
            self.tr(
                "IT key {fingerprint} pinned. Trust list serial {serial}"
                " ({hospital}), issued {issued}, lists {count} device(s)."
            ).format(
                fingerprint=info["it_key"],
                serial=info["serial"],
                hospital=info.get("hospital") or "—",
                issued=format_date((info.get("issued_at") or "")[:10]),
                count=len(info.get("devices", [])),
            )
        )

    def selected(self) -> devices_service.Device | None:
        row = self.view.currentIndex().row()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- accepting ----------------------------------------------------------------------------

    def accept_reason_text(self) -> str:
        """Why "Accept device…" is disabled ("" when it is not)."""
        device = self.selected()
        if device is None or device.status not in HELD_STATES:
            return self.tr("Select a device held in quarantine to accept it.")
        if self.ctx.console.operator.role != COMMANDER:
            return self.tr(
                "Only the {commander} can accept a device; {name} is signed in as {role}. "
                "Switch operator (File menu) to accept it."
            ).format(
                commander=role_label(COMMANDER),
                name=self.ctx.console.operator.name,
                role=role_label(self.ctx.console.operator.role),
            )
        return ""

    def _update_buttons(self) -> None:
        idle = not self.state.busy
        reason = self.accept_reason_text()
        self.accept_button.setEnabled(idle and not reason)
        self.accept_button.setToolTip(reason)
        self.accept_reason.setText(reason)
        self.pin_button.setEnabled(idle)
        self.list_button.setEnabled(idle)

    def accept_device(self, *_args: object) -> None:
        """Accept the selected quarantined device after the commander confirmed it."""
        device = self.selected()
        if device is None or self.accept_reason_text() or self.state.busy:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Accept device"),
            self.tr(
                "Accept {name} ({id}) on this laptop?\n\n"
                "Its {count} event(s) held in quarantine are applied now, as from an operator "
                "laptop: incident work is applied; plan, contact and call-tree changes still "
                "need the IT trust list. Your name is recorded with the acceptance."
            ).format(name=device.name or "—", id=device.id, count=device.quarantined),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        console, device_id = self.ctx.console, device.id
        pin = None
        if people_service.roles_verified(console):
            # IT lists who may command: the signed-in person's PIN, asked here (the service
            # checks it on the worker; a wrong one changes nothing and is logged).
            pin, given = QInputDialog.getText(
                self,
                self.tr("PIN"),
                self.tr("PIN of {name} (commander):").format(name=console.operator.name),
                QLineEdit.EchoMode.Password,
            )
            if not given:
                return
        self.state.run(
            "accept",
            lambda: sync_files.accept(console, device_id, pin),
            on_done=self._accepted,
            on_error=self.failed,
        )

    def _accepted(self, result: Any) -> None:
        lines = [
            self.tr("Device {id} accepted.").format(id=result.device_id),
            *sync_labels.report_lines(result.report),
        ]
        self.say("\n".join(lines), "ok")

    # -- trust --------------------------------------------------------------------------------

    def pin_key(self) -> None:
        """Pin the hospital IT public key from the file IT gave (it-key.pem.pub)."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Pin the hospital IT key"),
            remembered_dir(self.ctx),
            self.tr("IT public key (*.pub);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        remember_dir(self.ctx, path)
        console = self.ctx.console
        self.state.run(
            "pin",
            lambda: sync_files.pin_it_key(console, path),
            on_done=lambda done: self.say(
                self.tr(
                    "IT key {fingerprint} pinned. Compare this fingerprint with the IT "
                    "department's."
                ).format(fingerprint=done.value["it_key"]),
                "ok",
            ),
            on_error=self.failed,
        )

    def import_list(self) -> None:
        """Use a newer signed trust list from IT (confirming the IT key if none is pinned)."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import trust list"),
            remembered_dir(self.ctx),
            self.tr("Signed trust lists (*.signed);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        remember_dir(self.ctx, path)
        snapshot = self.state.snapshot
        if snapshot is not None and sync_files.pinned(snapshot):
            self._use_list(path, None)
            return
        self.state.run(
            "trust",
            lambda: sync_files.list_it_key(path),
            on_done=lambda fingerprint: self._confirm_key(path, fingerprint),
            on_error=self.failed,
            change=False,
        )

    def _confirm_key(self, path: Path, fingerprint: str | None) -> None:
        if fingerprint is None:
            self._use_list(path, None)  # the service says what is wrong with the file
            return
        answer = QMessageBox.question(
            self,
            self.tr("Pin the hospital IT key?"),
            self.tr(
                "This trust list is signed by the hospital IT key\n\n{fingerprint}\n\n"
                "No IT key is pinned on this laptop yet. Phone the IT department and "
                "compare this fingerprint with theirs, character by character. "
                "Pin it and use the list?"
            ).format(fingerprint=fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.say(self.tr("Nothing was changed."), "")
            return
        self._use_list(path, fingerprint)

    def _use_list(self, path: Path, pin: str | None) -> None:
        console = self.ctx.console
        self.state.run(
            "trust",
            lambda: sync_files.import_trust_list(console, path, pin),
            on_done=lambda done: self._list_imported(done.value),
            on_error=self.failed,
        )

    def _list_imported(self, value: dict[str, Any]) -> None:
        if not value.get("adopted"):
            self.say(
                self.tr("This laptop already uses trust list serial {serial}.").format(
                    serial=value["serial"]
                ),
                "",
            )
            return
        self.say(
            self.tr(
                "Trust list serial {serial} in use ({count} device(s)); {applied} held "
                "event(s) applied."
            ).format(
                serial=value["serial"], count=value.get("devices", 0), applied=value["applied"]
            ),
            "ok",
        )

    # -- showing ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.pin_button.setText(self.tr("Pin IT key…"))
        self.list_button.setText(self.tr("Import trust list…"))
        self.accept_button.setText(self.tr("&Accept device…"))
        self.rejected_heading.setText(
            self.tr("Events received but not applied here (kept, with the reason)")
        )
        self.rejected_view.setAccessibleName(self.rejected_heading.text())
        self.view.setAccessibleName(self.tr("Devices known to this laptop"))
        for model in (self.model, self.rejected_model):
            model.refresh_headers()
            redraw(model)
        self._show_trust()
        self._update_buttons()
