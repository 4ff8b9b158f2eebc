"""The Sync page's command-centre network: the switch, the peers and their state, the banner,
and a change made on another laptop showing here on its own.

Laptop A is the window; laptop B runs the mesh in this process (its own thread) on another
loopback address. Discovery is off: nothing leaves this machine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from hisconsole.services import incidents as incident_service
from hisconsole.services.console import Console
from hisconsole.services.sync import mesh as mesh_service
from hisconsole.ui.app import create_main_window
from hisconsole.ui.main_window import MainWindow, page_index
from hisconsole.ui.sync import mesh_control as network
from hisconsole.ui.sync.page import SyncPage
from tests.gui.conftest import english_settings
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import load_plan
from tests.sync.mesh_support import free_port

from .conftest import settle

keys = sync_fixtures.keys
empty_template = sync_fixtures.empty_template
laptops = sync_fixtures.laptops


@pytest.fixture
def window_a(
    qtbot: QtBot, tmp_path: Path, laptops: Callable[..., Console]
) -> Iterator[tuple[MainWindow, Console, str]]:
    """Laptop A's window (network off, set to listen on 127.0.0.1), B's console and address."""
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    load_plan(b)
    port_a, port_b = free_port("127.0.0.1"), free_port("127.0.0.2")
    path = english_settings(tmp_path / "ui-a.ini")
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(network.KEY_BIND, "127.0.0.1")
    settings.setValue(network.KEY_PORT, port_a)
    settings.setValue(network.KEY_DISCOVERY, "false")
    settings.sync()
    del settings
    main = create_main_window(a, path, use_tray=False)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    settle(qtbot, main)
    yield main, b, f"127.0.0.2:{port_b}"
    main.close()
    main.ctx.translations.uninstall()


def _peer_states(page: SyncPage) -> list[tuple[str, str]]:
    assert page.network_tab is not None
    model = page.network_tab.model
    return [(p.name, p.state) for p in model.rows()]


def test_the_network_switch_shows_peers_and_brings_their_changes(
    qtbot: QtBot, window_a: tuple[MainWindow, Console, str]
) -> None:
    main, b, b_address = window_a
    main.show_page(page_index("SyncPage"))
    page = main.current_page()
    assert isinstance(page, SyncPage)
    tab = page.network_tab
    assert tab is not None
    page.show_tab(tab)
    assert "Off" in tab.summary_text()
    assert main.banner.details_text().count("connected") == 0

    # A bad address is refused with the reason, and nothing is kept.
    tab.address_edit.setText("not an address:99999")
    tab.add_button.click()
    assert "is not a peer address" in tab.status_text()
    assert main.ctx.mesh is not None and main.ctx.mesh.peers() == []

    tab.address_edit.setText(b_address)
    tab.add_button.click()
    assert main.ctx.mesh.peers() == [b_address]

    host_b, port_b = b_address.split(":")
    a_address = f"127.0.0.1:{main.ctx.settings.value(network.KEY_PORT)}"
    mesh_b = mesh_service.Mesh(
        b, port=int(port_b), bind=host_b, peers=(a_address,), discovery=False
    )
    mesh_b.start()
    try:
        tab.switch_box.click()  # on
        qtbot.waitUntil(lambda: _peer_states(page) == [("Laptop B", "connected")], timeout=20_000)
        qtbot.waitUntil(lambda: "1 laptop connected" in main.banner.details_text())
        assert "Listening on 127.0.0.1:" in tab.summary_text()
        assert tab.summary_text().endswith("1 laptop connected")
        assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Command-centre network (1)"

        # B declares an incident: A's window shows it through the one change signal.
        incident_service.declare(b, level="II", title="Ward network down")
        qtbot.waitUntil(lambda: "Level II" in main.banner.status_text(), timeout=10_000)
        assert "Ward network down" in main.banner.incident_text()
    finally:
        mesh_b.stop()
    qtbot.waitUntil(lambda: "Alone since" in main.banner.details_text(), timeout=20_000)
    assert _peer_states(page)[0][1] in ("unreachable", "connecting")

    tab.switch_box.click()  # off
    assert main.ctx.mesh.is_on() is False
    assert main.banner.details_text().count("Alone") == 0
    assert main.ctx.settings.value(network.KEY_ON) == "false"


def test_a_laptop_that_connects_here_shows_in_the_peer_list_without_being_added(
    qtbot: QtBot, window_a: tuple[MainWindow, Console, str]
) -> None:
    main, b, _b_address = window_a
    main.show_page(page_index("SyncPage"))
    page = main.current_page()
    assert isinstance(page, SyncPage)
    tab = page.network_tab
    assert tab is not None
    page.show_tab(tab)
    tab.switch_box.click()  # on, with no peer named
    qtbot.waitUntil(lambda: main.ctx.mesh is not None and main.ctx.mesh.is_on(), timeout=20_000)
    a_address = f"127.0.0.1:{main.ctx.settings.value(network.KEY_PORT)}"
    # B listens where its connections come from: A reaches back to that host.
    mesh_b = mesh_service.Mesh(
        b, port=free_port("127.0.0.1"), bind="127.0.0.1", peers=(a_address,), discovery=False
    )
    mesh_b.start()
    try:
        qtbot.waitUntil(lambda: _peer_states(page) == [("Laptop B", "connected")], timeout=20_000)
        row = tab.model.rows()[0]
        assert row.address == f"127.0.0.1:{mesh_b.port}"
        assert tab.model.data(tab.model.index(0, 3)) == "connected to this laptop"
        assert main.ctx.mesh.peers() == []  # nothing was entered by hand
    finally:
        mesh_b.stop()
    tab.switch_box.click()  # off
