"""Sync: this laptop's identity, exchanging updates by USB file and with the hub, the devices
seen, conflicts to settle and the history of exchanges."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from hisconsole.services.sync.devices import DeviceInfo
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.partials.page import Page
from hisconsole.ui.situation import date_time
from hisconsole.ui.sync import files as sync_files
from hisconsole.ui.sync import labels as sync_labels
from hisconsole.ui.sync.conflicts import SyncConflictsTab
from hisconsole.ui.sync.devices import SyncDevicesTab
from hisconsole.ui.sync.exchange import SyncExchangeTab
from hisconsole.ui.sync.history import SyncHistoryTab
from hisconsole.ui.sync.network import SyncNetworkTab
from hisconsole.ui.sync.state import SyncState


def mono_font(widget: QWidget, delta: int, *, bold: bool = False) -> QFont:
    """A fixed-width font (ids and fingerprints are read aloud character by character)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    base = widget.font().pointSizeF()
    font.setPointSizeF((base if base > 0 else 10.0) + delta)
    font.setBold(bold)
    return font


class DeviceCard(QFrame):
    """This laptop as IT needs it for the trust list: name, device id, key fingerprint and
    public key, big and selectable, with "Copy for IT"; beside it the sync situation at a
    glance (last hub sync, last bundle, quarantine, conflicts).

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("DeviceCard")
        self.setStyleSheet(
            "QFrame#DeviceCard { background: #ECEFF1; border-radius: 10px; }"
            " QFrame#DeviceCard QLabel { background: transparent; }"
        )
        self.info: DeviceInfo | None = None
        self.snapshot: sync_files.SyncSnapshot | None = None
        self.caption_label = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        self.name_label = style.label("", self, delta=style.SECTION_DELTA, bold=True)
        self.name_label.setObjectName("DeviceName")
        self.id_caption = style.label("", self, colour=style.MUTED_TEXT)
        self.id_label = style.label("", self)
        self.id_label.setObjectName("DeviceId")
        self.id_label.setFont(mono_font(self.id_label, style.SECTION_DELTA + 1, bold=True))
        self.fingerprint_caption = style.label("", self, colour=style.MUTED_TEXT)
        self.fingerprint_label = style.label("", self)
        self.fingerprint_label.setObjectName("DeviceFingerprint")
        self.fingerprint_label.setFont(mono_font(self.fingerprint_label, style.BODY_DELTA + 1))
        self.key_caption = style.label("", self, colour=style.MUTED_TEXT)
        self.key_label = style.label("", self)
        self.key_label.setObjectName("DevicePublicKey")
        self.key_label.setFont(mono_font(self.key_label, 0))
        self.copy_button = button("", self)
        self.copy_button.setObjectName("CopyForIT")
        self.copy_button.clicked.connect(self.copy)
        self.copied_label = style.label("", self, colour=sync_labels.OK_TEXT)

        self.summary_labels = [style.label("", self, wrap=True) for _ in range(4)]

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        for row, (caption, value) in enumerate(
            (
                (self.id_caption, self.id_label),
                (self.fingerprint_caption, self.fingerprint_label),
                (self.key_caption, self.key_label),
            )
        ):
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
        title = QHBoxLayout()
        title.addWidget(self.name_label)
        title.addSpacing(12)
        title.addWidget(self.caption_label, 1)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_label)
        copy_row.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addLayout(title)
        left.addLayout(grid)
        left.addLayout(copy_row)
        right = QVBoxLayout()
        right.setSpacing(4)
        for label in self.summary_labels:
            right.addWidget(label)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(left, 3)
        layout.addSpacing(16)
        layout.addLayout(right, 2)

    def set_snapshot(self, snapshot: sync_files.SyncSnapshot) -> None:
        self.snapshot = snapshot
        self.info = snapshot.device
        self.retranslate()

    def it_text(self) -> str:
        """What "Copy for IT" puts on the clipboard (as 'hisconsole device show' prints it)."""
        info = self.info
        if info is None:
            return ""
        return "\n".join(
            (
                f"Device id: {info.id}",
                f"Name: {info.name}",
                f"Public key: {info.public_key}",
                f"Fingerprint: {info.fingerprint}",
            )
        )

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.it_text())
        self.copied_label.setText(self.tr("Copied: paste it into a message to IT."))

    def _summary(self) -> list[tuple[str, str | None]]:
        """(text, colour) of each line of the situation at a glance."""
        snapshot = self.snapshot
        if snapshot is None:
            return [(self.tr("Reading…"), None)]
        status = snapshot.status
        lines: list[tuple[str, str | None]] = []
        hubs = [p for p in status.peers if p.kind == "hub"]
        laptops = [p for p in status.peers if p.kind != "hub"]
        names = snapshot.device_names()
        if hubs:
            lines.append(
                (
                    self.tr("Hub: last synced {time}").format(
                        time=date_time(hubs[0].last_sync_at, seconds=False)
                    ),
                    None,
                )
            )
        else:
            lines.append((self.tr("Hub: not synced yet"), style.MUTED_TEXT))
        if laptops:
            lines.append(
                (
                    self.tr("Last bundle: from {laptop}, {time}").format(
                        laptop=sync_labels.peer_label(laptops[0].peer, names),
                        time=date_time(laptops[0].last_sync_at, seconds=False),
                    ),
                    None,
                )
            )
        else:
            lines.append((self.tr("No bundle imported yet"), style.MUTED_TEXT))
        held = status.quarantine
        if held:
            lines.append(
                (
                    self.tr(
                        "Quarantine: {count} event(s) and {bundles} unread bundle(s) from "
                        "{devices} device(s) wait for a commander (Devices tab)"
                    ).format(
                        count=sum(d.events for d in held),
                        bundles=sum(d.unread_bundles for d in held),
                        devices=len(held),
                    ),
                    sync_labels.WARN_TEXT,
                )
            )
        else:
            lines.append((self.tr("Quarantine: none"), sync_labels.OK_TEXT))
        conflicts = len(snapshot.conflicts)
        if conflicts:
            lines.append(
                (
                    self.tr("Conflicts: {count} to settle (Conflicts tab)").format(count=conflicts),
                    sync_labels.WARN_TEXT,
                )
            )
        else:
            lines.append((self.tr("Conflicts: none"), sync_labels.OK_TEXT))
        return lines

    def _caption(self) -> str:
        """This laptop, and whether IT's trust list names it (what IT must do next)."""
        snapshot = self.snapshot
        if snapshot is None:
            return self.tr("this laptop")
        listed = next(
            (d for d in snapshot.trust.get("devices", []) if self.info and d["id"] == self.info.id),
            None,
        )
        if listed is None:
            return self.tr("this laptop · not in IT's trust list yet: send IT the details below")
        return self.tr("this laptop · in IT's trust list as “{name}” ({roles})").format(
            name=listed["name"],
            roles=", ".join(sync_labels.device_role_label(r) for r in listed["roles"]) or "—",
        )

    def summary_text(self) -> str:
        return "\n".join(label.text() for label in self.summary_labels if label.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        info = self.info or DeviceInfo("", "", "", "")
        self.caption_label.setText(self._caption())
        self.name_label.setText(info.name or "…")
        self.id_caption.setText(self.tr("Device ID"))
        self.id_label.setText(info.id)
        self.fingerprint_caption.setText(self.tr("Key fingerprint"))
        self.fingerprint_label.setText(info.fingerprint)
        self.key_caption.setText(self.tr("Public key"))
        self.key_label.setText(info.public_key)
        self.copy_button.setText(self.tr("&Copy for IT"))
        self.copy_button.setToolTip(
            self.tr(
                "Copy the device id, name, public key and fingerprint IT needs for the trust list"
            )
        )
        self.copied_label.setText("")
        lines = self._summary()
        for index, label in enumerate(self.summary_labels):
            text, colour = lines[index] if index < len(lines) else ("", None)
            label.setText(text)
            label.setStyleSheet(f"color: {colour};" if colour else "")


class SyncPage(Page):
    """This laptop's identity for IT, and four tabs: Exchange (USB bundles, the hub, with
    progress and Cancel), Devices (trust list, quarantine, accepting a device), Conflicts
    (keep one value) and History (last exchange per laptop and hub, recent exchanges).

    The data is read off the UI thread when the page is first shown and again after each
    exchange, or whenever plan, contacts or the operator change while it is (else when it
    is next shown).

    Signals: none.
    """

    areas = frozenset({"plan", "contacts", "operator"})

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True
        self.state = SyncState(ctx, self)
        self.state.updated.connect(self._updated)
        self.state.failed.connect(self._read_failed)
        self.card = DeviceCard(ctx, self)
        self.error_label = style.label("", self, wrap=True, colour=style.ERROR_TEXT)
        self.error_label.hide()
        self.tabs = QTabWidget(self)
        self.tabs.setFont(style.sized_font(self.tabs, style.BODY_DELTA))
        self.exchange_tab = SyncExchangeTab(ctx, self.state, self.tabs)
        self.devices_tab = SyncDevicesTab(ctx, self.state, self.tabs)
        self.conflicts_tab = SyncConflictsTab(ctx, self.state, self.tabs)
        self.history_tab = SyncHistoryTab(ctx, self.state, self.tabs)
        for tab in (self.exchange_tab, self.devices_tab, self.conflicts_tab, self.history_tab):
            self.tabs.addTab(tab, "")
        self.network_tab: SyncNetworkTab | None = None
        if ctx.mesh is not None:
            self.network_tab = SyncNetworkTab(ctx, ctx.mesh, self.tabs)
            self.tabs.addTab(self.network_tab, "")
            ctx.mesh.status_changed.connect(lambda _status: self._tab_titles())
        self._layout.setSpacing(8)
        self._layout.addWidget(self.card)
        self._layout.addWidget(self.error_label)
        self._layout.addWidget(self.tabs, 1)
        # Closing the window waits for the service call in hand: a hub sync stops after
        # its current batch instead of running to the end.
        self.window().installEventFilter(self)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Sync")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and self.state.busy == "hub":
            self.state.progress.cancel()
        return super().eventFilter(watched, event)

    # -- reading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self.reload()

    def reload(self) -> None:
        self._stale = False
        self.state.reload()

    def _updated(self, snapshot: sync_files.SyncSnapshot) -> None:
        self.error_label.hide()
        self.card.set_snapshot(snapshot)
        self._tab_titles()

    def _read_failed(self, message: str) -> None:
        self._stale = True
        self.error_label.setText(message)
        self.error_label.show()

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    def start(self, action: str) -> None:
        """Start "import" or "export" of a bundle (from the File menu)."""
        self.show_tab(self.exchange_tab)
        if self.state.busy:
            return
        if action == "import":
            self.exchange_tab.import_bundle()
        elif action == "export":
            self.exchange_tab.export_bundle()

    # -- language -----------------------------------------------------------------------------

    def _tab_titles(self) -> None:
        snapshot = self.state.snapshot
        held = len(snapshot.quarantined()) if snapshot else 0
        conflicts = len(snapshot.conflicts) if snapshot else 0
        devices = self.tr("Devices")
        if held:
            devices = self.tr("Devices ({count} in quarantine)").format(count=held)
        titles: tuple[str, ...] = (
            self.tr("Exchange"),
            devices,
            self.tr("Conflicts ({count})").format(count=conflicts)
            if conflicts
            else self.tr("Conflicts"),
            self.tr("History"),
        )
        if self.network_tab is not None:
            status = self.ctx.mesh.status if self.ctx.mesh is not None else None
            network = self.tr("Command-centre network")
            if status is not None and status.running:
                network = self.tr("Command-centre network ({count})").format(count=status.connected)
            titles = (*titles, network)
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

    def retranslate(self) -> None:
        super().retranslate()
        self._tab_titles()
