"""Sync page, Network tab: the command-centre network's switch, the peers and their state,
and adding a laptop by address."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hisconsole.services.sync import mesh as mesh_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.situation import date_time
from hisconsole.ui.sync.mesh_control import MeshControl, banner_text, source_label, state_label
from hisconsole.ui.sync.state import redraw


class SyncNetworkTab(Tab):
    """The command-centre network: the switch, what this laptop listens on, the laptops
    found or given by address with their state, and adding one by address.

    Signals: none.
    """

    def __init__(self, ctx: Context, control: MeshControl, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.control = control
        self.switch_box = QCheckBox(self)
        self.switch_box.setObjectName("MeshSwitch")
        self.switch_box.setFont(style.sized_font(self.switch_box, style.SECTION_DELTA, bold=True))
        self.switch_box.setChecked(control.is_on() or control.starting)
        self.switch_box.toggled.connect(self._toggled)
        self.intro = style.label("", self, wrap=True, colour=style.MUTED_TEXT)
        self.summary = style.label("", self, wrap=True, delta=style.BODY_DELTA, bold=True)
        self.summary.setObjectName("MeshSummary")
        self.model = RecordsModel(
            [
                Column(lambda: self.tr("Laptop"), lambda p: p.name or "—"),
                Column(lambda: self.tr("Device ID"), lambda p: p.device or "—"),
                Column(lambda: self.tr("Address"), lambda p: p.address),
                Column(lambda: self.tr("Known by"), lambda p: source_label(p.source)),
                Column(
                    lambda: self.tr("State"),
                    lambda p: state_label(p.state),
                    foreground=lambda p: None if p.state == "connected" else style.ERROR_TEXT,
                ),
                Column(
                    lambda: self.tr("Last contact"),
                    lambda p: date_time(p.last_contact, seconds=True) if p.last_contact else "—",
                ),
                Column(lambda: self.tr("Lacks from here"), lambda p: str(p.behind)),
                Column(lambda: self.tr("Not here yet"), lambda p: str(p.ahead)),
            ],
            self,
        )
        self.view = table_view(self.model, self, stretch=0, name="mesh peers")
        self.view.setObjectName("MeshPeers")
        self.address_edit = QLineEdit(self)
        self.address_edit.setObjectName("MeshPeerAddress")
        self.address_edit.setFont(style.sized_font(self.address_edit, style.BODY_DELTA))
        self.address_edit.returnPressed.connect(self.add_peer)
        self.add_button = button("", self)
        self.add_button.setObjectName("MeshAddPeer")
        self.add_button.clicked.connect(self.add_peer)
        self.status_label = style.label("", self, wrap=True)

        add_row = QHBoxLayout()
        add_row.addWidget(self.address_edit, 1)
        add_row.addWidget(self.add_button)
        # In a scroll area, as the other Sync tabs: long texts (a translation, a large text
        # size) scroll here instead of squeezing the laptop card above the tabs.
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self.switch_box)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.status_label)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        control.status_changed.connect(self._show)
        control.failed.connect(lambda message: self.say(message, "error"))
        self.retranslate()
        self._show(control.status)

    def _toggled(self, on: bool) -> None:
        self.say("")
        self.control.switch(on)

    def add_peer(self) -> None:
        text = self.address_edit.text().strip()
        if not text:
            return
        try:
            self.control.add_peer(text)
        except mesh_service.MeshPeerAddress as exc:
            self.failed(exc)
            return
        self.address_edit.clear()
        self.say(
            self.tr("{address} added: this laptop reaches out to it.").format(address=text), "ok"
        )

    def _show(self, status: mesh_service.MeshStatus | None) -> None:
        on = self.control.is_on() or self.control.starting
        if self.switch_box.isChecked() != on:
            self.switch_box.blockSignals(True)
            self.switch_box.setChecked(on)
            self.switch_box.blockSignals(False)
        self.model.set_rows(list(status.peers) if status else [])
        self._summary(status)

    def _summary(self, status: mesh_service.MeshStatus | None) -> None:
        if status is None or not status.running:
            self.summary.setText(
                self.tr("Off: this laptop exchanges by USB file and the hub only.")
            )
            return
        line = self.tr("Listening on {address}. {network}")
        self.summary.setText(line.format(address=status.listen, network=banner_text(status)))

    def summary_text(self) -> str:
        return self.summary.text()

    def retranslate(self) -> None:
        self.switch_box.setText(self.tr("Command-centre network"))
        self.intro.setText(
            self.tr(
                "Laptops in one room (a switch, a Wi-Fi router, a hotspot or one cable) share "
                "every change within seconds, with no server. Only laptops in IT's trust list "
                "or accepted here can connect; the connection is encrypted. Laptops of this "
                "hospital are found by themselves; where they are not, add one by address."
            )
        )
        self.address_edit.setPlaceholderText(self.tr("Laptop address, e.g. 192.168.8.12:47811"))
        self.address_edit.setAccessibleName(self.tr("Address of a laptop to add"))
        self.add_button.setText(self.tr("&Add laptop"))
        self.view.setAccessibleName(self.tr("Laptops on the command-centre network"))
        self.model.refresh_headers()
        redraw(self.model)
        self._summary(self.control.status)
