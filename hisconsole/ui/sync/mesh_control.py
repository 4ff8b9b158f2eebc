"""This laptop on the command-centre network (指挥中心局域网) while the window is open.

:class:`MeshControl` keeps the mesh running (on its own thread; nothing here waits for the
network). Events that arrive from a peer are announced through the runner's one
``changed`` signal, so every page refreshes as after a local change; the banner and the
Sync page's Network tab show its state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from hisconsole.ui.i18n import format_time
from hisconsole.ui.runner import Runner, user_message

# The network's service (and the sync layer under it) loads when the mesh first starts,
# not with the window: most starts never switch it on.
if TYPE_CHECKING:
    from hisconsole.services.changes import ChangeSet
    from hisconsole.services.console import Console
    from hisconsole.services.sync import mesh as mesh_service

#: ui.ini keys: the switch, the peers given by address, and where to listen.
KEY_ON = "mesh/on"
KEY_PEERS = "mesh/peers"
KEY_PORT = "mesh/port"
KEY_BIND = "mesh/bind"
KEY_DISCOVERY = "mesh/discovery"


def state_label(state: str) -> str:
    labels = {
        "connecting": QCoreApplication.translate("MeshLabels", "connecting…"),
        "connected": QCoreApplication.translate("MeshLabels", "connected"),
        "unreachable": QCoreApplication.translate("MeshLabels", "not reachable"),
        "refused": QCoreApplication.translate("MeshLabels", "refused: not trusted"),
        "failed": QCoreApplication.translate("MeshLabels", "sent unusable data"),
        "self": QCoreApplication.translate("MeshLabels", "this laptop"),
        "stopped": QCoreApplication.translate("MeshLabels", "network off"),
    }
    return labels.get(state, state)


def source_label(source: str) -> str:
    """How a peer came to be known: given by address, found on the network, or it
    connected here (a trusted laptop that named this one)."""
    labels = {
        "static": QCoreApplication.translate("MeshLabels", "added by address"),
        "discovered": QCoreApplication.translate("MeshLabels", "found on the network"),
        "incoming": QCoreApplication.translate("MeshLabels", "connected to this laptop"),
    }
    return labels.get(source, source)


def banner_text(status: mesh_service.MeshStatus | None) -> str:
    """ "3 laptops connected" or "alone since 14:02" (empty while the network is off)."""
    if status is None or not status.running:
        return ""
    if status.connected == 1:
        return QCoreApplication.translate("MeshLabels", "1 laptop connected")
    if status.connected:
        return QCoreApplication.translate("MeshLabels", "{count} laptops connected").format(
            count=status.connected
        )
    return QCoreApplication.translate("MeshLabels", "Alone since {time}").format(
        time=format_time(status.alone_since)
    )


class MeshControl(QObject):
    """This laptop on the command-centre network while the window is open.

    The settings (ui.ini) keep the switch and the peers given by address; the mesh
    starts again with the window when it was on.

    Signals:
        status_changed(object): the mesh's MeshStatus (None while off), read off the UI thread.
        failed(str): the mesh could not start (the message).
        arrived(object): internal, a ChangeSet from the mesh's thread.
        moved(): internal, a peer's state changed (from the mesh's thread).
    """

    status_changed = Signal(object)
    failed = Signal(str)
    arrived = Signal(object)
    moved = Signal()

    def __init__(
        self, console: Console, runner: Runner, settings: Any, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.console = console
        self.runner = runner
        self.settings = settings
        self.mesh: mesh_service.Mesh | None = None
        self.status: mesh_service.MeshStatus | None = None
        self.starting = False
        self._reading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # many peer changes at once: one read
        self._timer.timeout.connect(self.read)
        # The mesh's thread emits; these run on the UI thread (queued).
        self.arrived.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self.moved.connect(self._timer.start, Qt.ConnectionType.QueuedConnection)
        # Pulled events change the local vector: "behind" counts follow.
        runner.changed.connect(lambda _changes: self._timer.start())

    # -- settings -----------------------------------------------------------------------------

    def wanted(self) -> bool:
        return str(self.settings.value(KEY_ON, "false")).lower() == "true"

    def peers(self) -> list[str]:
        value = self.settings.value(KEY_PEERS, [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in value or []]

    def _port(self) -> int | None:
        value = self.settings.value(KEY_PORT)
        return int(value) if value not in (None, "") else None

    # -- on and off -----------------------------------------------------------------------------

    def is_on(self) -> bool:
        return self.mesh is not None

    def switch(self, on: bool) -> None:
        self.settings.setValue(KEY_ON, "true" if on else "false")
        if on:
            self.start()
        else:
            self.stop()

    def start(self) -> None:
        if self.mesh is not None or self.starting:
            return
        from hisconsole.services.sync import mesh as mesh_service

        self.starting = True
        mesh = mesh_service.Mesh(
            self.console,
            port=self._port(),
            bind=str(self.settings.value(KEY_BIND, mesh_service.DEFAULT_BIND)),
            peers=tuple(self.peers()),
            discovery=str(self.settings.value(KEY_DISCOVERY, "true")).lower() == "true",
            on_change=self.arrived.emit,
            on_state=self.moved.emit,
        )
        self.runner.query(mesh.start, on_done=lambda _s: self._started(mesh), on_error=self._failed)

    def _started(self, mesh: mesh_service.Mesh) -> None:
        self.starting = False
        self.mesh = mesh
        self.read()

    def _failed(self, exc: BaseException) -> None:
        self.starting = False
        self.settings.setValue(KEY_ON, "false")
        self.failed.emit(user_message(exc))
        self.status_changed.emit(None)

    def stop(self) -> None:
        mesh, self.mesh = self.mesh, None
        if mesh is not None:
            mesh.stop()  # stops the loop and joins its thread: well under a second
        self.status = None
        self.status_changed.emit(None)

    def add_peer(self, address: str) -> None:
        """Reach out to a laptop by address (kept for next time); KnownError if unusable."""
        from hisconsole.services.sync import mesh as mesh_service

        checked = mesh_service.peer_address(address)
        peers = self.peers()
        if checked not in peers:
            peers.append(checked)
            self.settings.setValue(KEY_PEERS, peers)
        if self.mesh is not None:
            self.mesh.add_peer(checked)

    # -- what it shows --------------------------------------------------------------------------

    def read(self) -> None:
        mesh = self.mesh
        if mesh is None or self._reading:
            return
        from hisconsole.services.sync import mesh as mesh_service

        self._reading = True
        console = self.console
        self.runner.query(
            lambda: mesh_service.live_status(console, mesh),
            on_done=self._read,
            on_error=lambda exc: setattr(self, "_reading", False),
        )

    def _read(self, status: mesh_service.MeshStatus) -> None:
        self._reading = False
        if self.mesh is None:
            return
        self.status = status
        self.status_changed.emit(status)

    def _arrived(self, changes: ChangeSet) -> None:
        # The one change signal: every page refreshes as after a local change.
        self.runner.changed.emit(changes)
