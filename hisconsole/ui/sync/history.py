"""Sync page, History tab: the last exchange with each laptop and hub, and every recent one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from hisconsole.services.sync import shared as sync_shared
from hisconsole.services.sync import status as status_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.situation import date_time
from hisconsole.ui.sync import files as sync_files
from hisconsole.ui.sync import labels as sync_labels
from hisconsole.ui.sync.state import SyncState, redraw


def _count(value: int) -> str:
    return str(value) if value else ""


class SyncHistoryTab(Tab):
    """When this laptop last exchanged with each laptop and the hub, and the recent exchanges
    (newest first): with whom, how, what came in, what went out, what was held back.

    Signals: none.
    """

    def __init__(self, ctx: Context, state: SyncState, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = state
        self._names: dict[str, str] = {}
        self._latest: dict[str, status_service.Exchange] = {}
        state.updated.connect(self._updated)

        self.peers_heading = style.label("", self, bold=True, delta=style.BODY_DELTA)
        self.peers_model = RecordsModel(
            [
                Column(lambda: self.tr("With"), lambda r: self._peer(r.peer)),
                Column(lambda: self.tr("Last complete exchange"), self._when),
                Column(
                    lambda: self.tr("Came in last time"), lambda r: self._latest_count(r, "applied")
                ),
                Column(
                    lambda: self.tr("Went out last time"), lambda r: self._latest_count(r, "sent")
                ),
            ],
            self,
        )
        self.peers_view = table_view(self.peers_model, self, stretch=0, name="peers")
        self.peers_view.setObjectName("PeersTable")
        self.history_heading = style.label("", self, bold=True, delta=style.BODY_DELTA)
        self.history_model = RecordsModel(
            [
                Column(lambda: self.tr("When"), lambda r: date_time(r.at, seconds=False)),
                Column(lambda: self.tr("With"), lambda r: self._peer(r.peer)),
                Column(lambda: self.tr("What"), lambda r: sync_labels.action_label(r.action)),
                Column(lambda: self.tr("Came in"), lambda r: _count(r.applied)),
                Column(lambda: self.tr("Went out"), lambda r: _count(r.sent)),
                Column(
                    lambda: self.tr("Quarantined"),
                    lambda r: _count(r.quarantined),
                    foreground=lambda r: sync_labels.WARN_TEXT if r.quarantined else None,
                ),
                Column(
                    lambda: self.tr("Rejected"),
                    lambda r: _count(r.rejected),
                    foreground=lambda r: style.ERROR_TEXT if r.rejected else None,
                ),
                Column(lambda: self.tr("Already here"), lambda r: _count(r.duplicates)),
                Column(lambda: self.tr("Note"), sync_labels.history_note),
            ],
            self,
        )
        self.history_view = table_view(self.history_model, self, stretch=8, name="history")
        self.history_view.setObjectName("HistoryTable")
        self.history_view.setWordWrap(False)

        top = QWidget(self)
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.peers_heading)
        top_box.addWidget(self.peers_view)
        bottom = QWidget(self)
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addWidget(self.history_heading)
        bottom_box.addWidget(self.history_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    def _peer(self, peer: str) -> str:
        return sync_labels.peer_label(peer, self._names)

    def _when(self, row: status_service.Peer) -> str:
        return date_time(row.last_sync_at, seconds=False)

    def _latest_count(self, row: status_service.Peer, key: str) -> str:
        latest = self._latest.get(row.peer)
        return str(getattr(latest, key)) if latest else ""

    def _updated(self, snapshot: sync_files.SyncSnapshot) -> None:
        self._names = snapshot.device_names()
        history = snapshot.status.history
        self._latest = {}
        for entry in history:  # newest first: keep the first of each peer
            if entry.action in (sync_shared.ACTION_HUB, sync_shared.ACTION_IMPORT):
                self._latest.setdefault(entry.peer, entry)
        self.peers_model.set_rows(snapshot.status.peers)
        self.history_model.set_rows(history)

    def retranslate(self) -> None:
        self.peers_heading.setText(self.tr("Last exchange with each laptop and the hub"))
        self.history_heading.setText(self.tr("Recent exchanges, newest first"))
        self.peers_view.setAccessibleName(self.peers_heading.text())
        self.history_view.setAccessibleName(self.history_heading.text())
        for model in (self.peers_model, self.history_model):
            model.refresh_headers()
            redraw(model)
