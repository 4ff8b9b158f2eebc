"""The shift handover in the window: the sheet on screen, handed over as PDF, acknowledged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from hisconsole.services import handover, incidents, roster
from hisconsole.services.console import Console
from hisconsole.ui.handover.dialog import HandoverDialog
from hisconsole.ui.main_window import MainWindow
from hisconsole.ui.partials.pdf import HAVE_QTPDF

from .conftest import settle


@pytest.fixture
def window_console(timed: Console) -> Console:
    inc, _ = incidents.declare(timed, level="II", title="HIS down", systems=["HIS"])
    roster.sign_in(timed, inc, "commander", "Li Wei")
    return timed


def test_one_click_hands_over_and_the_incoming_commander_acknowledges(
    qtbot: QtBot,
    window: MainWindow,
    timed: Console,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    headline = window.ctx.situation.situation.headline
    assert headline is not None
    incident = headline["id"]
    window.open_incident(incident)
    page = window.incident_page
    qtbot.waitUntil(lambda: page.detail is not None and page.handover_button.isEnabled())
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    (dialog,) = [d for d in window.findChildren(HandoverDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.current is not None)
    assert dialog.previous_label.text() == "No handover yet for this incident."
    assert not dialog.acknowledge_button.isEnabled()
    if HAVE_QTPDF:
        qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1)

    target = tmp_path / "handover.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)")
    )
    dialog.incoming_edit.setText("Wang Fang")
    qtbot.mouseClick(dialog.hand_over_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: target.exists() and dialog.acknowledge_button.isEnabled())
    (made,) = handover.handovers(timed, incident)
    assert (made["outgoing"], made["incoming"]) == ("Li Wei", "Wang Fang")
    assert dialog.status_label.text() == (
        f"Handed over: sheet {made['handover']} saved to {target}."
    )

    # Wang Fang (the operator) is not the commander yet: the refusal is said, nothing recorded.
    qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "Only the commander on duty (Li Wei)" in dialog.status_label.text())
    roster.sign_in(timed, incident, "commander", "Wang Fang")
    qtbot.mouseClick(dialog.acknowledge_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: dialog.previous_label.text().startswith("Last handover"))
    assert dialog.status_label.text() == "Acknowledged by Wang Fang."
    assert handover.handovers(timed, incident)[0]["acknowledged_by"] == "Wang Fang"
    assert window.handover_action.isEnabled()
