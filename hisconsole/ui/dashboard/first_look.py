"""The dashboard's place before the console has opened: each open incident's level and
title over its reporting clock, from the first look (services/first_look.py). The
dashboard takes its place once the full read is in; the texts are the dashboard's own
(same translation context), so nothing changes wording when it does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hisconsole.domain.hlc import wall_clock_ms
from hisconsole.domain.plan import text
from hisconsole.ui import style
from hisconsole.ui.partials.widgets import ClockTile, exercise_mark
from hisconsole.ui.situation import last_judged_clock, pending_clock

if TYPE_CHECKING:
    from hisconsole.services.first_look import FirstLook


def wall_clock_now() -> dt.datetime:
    """The time now (UTC) from the console's clock source, before a console is open."""
    return dt.datetime.fromtimestamp(wall_clock_ms() / 1000, tz=dt.UTC)


def _dashboard_text(source: str) -> str:
    return QCoreApplication.translate("DashboardPage", source)


class FirstLookPanel(QWidget):
    """The open incidents' levels and clocks, counting down each second until replaced.

    Signals: none.
    """

    def __init__(
        self,
        look: FirstLook,
        lang: str,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] = wall_clock_now,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self.setObjectName("FirstLook")
        self.tiles: list[ClockTile] = []
        levels = {lvl["code"]: lvl for lvl in look.levels}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        if not look.active:
            layout.addWidget(
                style.label(
                    _dashboard_text("No active incident"), self, delta=style.HEADING_DELTA - 2
                )
            )
        for incident in look.active:
            level = levels.get(incident["level"], {})
            title = style.label(
                _dashboard_text("Level {code} · {name} — {title}").format(
                    code=incident["level"],
                    name=text(level.get("name"), lang),
                    title=incident["title"],
                ),
                self,
                delta=style.SECTION_DELTA + 1,
                bold=True,
                wrap=True,
            )
            title.setObjectName("IncidentTitle")
            layout.addWidget(title)
            if incident.get("exercise"):
                layout.addWidget(exercise_mark(self, delta=style.SECTION_DELTA))
            tile = ClockTile(pending_clock(incident), self, last=last_judged_clock(incident))
            # Recording the report needs the console: the dashboard's tile offers it.
            tile.report_button.setEnabled(False)
            self.tiles.append(tile)
            layout.addWidget(tile)
        layout.addStretch(1)
        self.tick()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        now = self._now()
        for tile in self.tiles:
            tile.update_at(now)
