"""The Sync page as a user drives it: bundles between two laptops, refused files, quarantine,
conflicts, and the hub with its progress bar and Cancel."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from hisconsole.domain import event_schemas
from hisconsole.errors import Said
from hisconsole.services import contacts, incidents
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import conflicts as conflicts_service
from hisconsole.services.sync import devices as devices_service
from hisconsole.services.sync import hub as hub_service
from hisconsole.services.sync import shared as sync_shared
from hisconsole.services.sync import status as status_service
from hisconsole.services.sync import trust as trust_service
from hisconsole.sync import hub, reasons, trust
from hisconsole.sync.intake import IntakeReport
from hisconsole.sync.reasons import Reason
from hisconsole.ui.app import create_main_window
from hisconsole.ui.main_window import MainWindow, page_index
from hisconsole.ui.sync import files as sync_files
from hisconsole.ui.sync import labels as sync_labels
from hisconsole.ui.sync.page import SyncPage
from tests.gui.conftest import english_settings
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import load_plan
from tests.sync.helpers import events, state

from .conftest import settle

# The laptops, IT key and throwaway PostgreSQL of the sync tests.
keys = sync_fixtures.keys
empty_template = sync_fixtures.empty_template
laptops = sync_fixtures.laptops
pg_cluster = sync_fixtures.pg_cluster
hub_url = sync_fixtures.hub_url

Laptops = Callable[..., Console]
Windows = Callable[[Console], MainWindow]
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def windows(qtbot: QtBot, tmp_path: Path) -> Iterator[Windows]:
    """Factory: the main window over a laptop's console, shown, in English, data read."""
    opened: list[MainWindow] = []

    def make(console: Console) -> MainWindow:
        settings = english_settings(tmp_path / f"ui-{len(opened)}.ini")
        main = create_main_window(console, settings, use_tray=False)
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        settle(qtbot, main)
        opened.append(main)
        return main

    yield make
    for main in opened:
        main.close()
        main.ctx.translations.uninstall()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """File dialogs answered with ``answers["open"]``/``answers["save"]`` (None: cancelled),
    questions with ``answers["question"]``; what was asked and warned is recorded."""
    answers: dict[str, Any] = {
        "open": [],
        "save": [],
        "question": QMessageBox.StandardButton.Yes,
        "asked": [],
        "warned": [],
    }

    def open_file(_parent: QWidget, title: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        answers["asked"].append(title)
        path = answers["open"].pop(0)
        return (str(path) if path else "", "")

    def save_file(_parent: QWidget, title: str, *_args: Any, **_kwargs: Any) -> tuple[str, str]:
        answers["asked"].append(title)
        path = answers["save"].pop(0)
        return (str(path) if path else "", "")

    def question(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        answers["asked"].append(f"{title}\n{text}")
        return answers["question"]

    def warning(_parent: QWidget, title: str, text: str, *_args: Any) -> Any:
        answers["warned"].append(f"{title}\n{text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return answers


def open_sync(qtbot: QtBot, window: MainWindow) -> SyncPage:
    window.show_page(page_index("SyncPage"))
    page = window.current_page()
    assert isinstance(page, SyncPage)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.state.snapshot is not None)
    return page


def finish(qtbot: QtBot, page: SyncPage) -> None:
    """Wait until the page's operation has answered and its data was read again."""
    qtbot.waitUntil(lambda: not page.state.busy)
    qtbot.waitUntil(page.ctx.runner.is_idle)


def incident_choices(window: MainWindow) -> list[str]:
    combo = window.incident_page.incident_combo
    return [combo.itemData(i) for i in range(combo.count())]


@pytest.fixture
def a_b(laptops: Laptops, tmp_path: Path) -> tuple[Console, Console]:
    """Laptops A and B, both trusted, with the same plan (B took it from A)."""
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    bundles_service.export_bundle(a, tmp_path / "plan.bundle")
    bundles_service.import_bundle(b, tmp_path / "plan.bundle")
    return a, b


# --- bundles -----------------------------------------------------------------------------------


def test_a_bundle_exported_on_one_laptop_brings_its_incident_to_the_other(
    qtbot: QtBot, a_b: tuple[Console, Console], windows: Windows, dialogs: dict[str, Any]
) -> None:
    a, b = a_b
    incident, _ = incidents.declare(a, level="II", title="HIS down in outpatients")
    incidents.log(a, incident, "Registration on paper")
    missing = len(events(a)) - len(events(b))
    path = a.data_dir.parent / "usb" / "a.bundle"
    path.parent.mkdir()

    page_a = open_sync(qtbot, windows(a))
    dialogs["save"] = [path.with_suffix("")]  # the user typed no suffix
    qtbot.mouseClick(page_a.exchange_tab.export_button, LEFT)
    finish(qtbot, page_a)

    assert path.exists()
    shown = page_a.exchange_tab.result_text()
    assert "Bundle written" in shown and str(path) in shown
    assert "Export bundle" in dialogs["asked"]

    window_b = windows(b)
    assert incident not in incident_choices(window_b)
    page_b = open_sync(qtbot, window_b)
    dialogs["open"] = [path]
    qtbot.mouseClick(page_b.exchange_tab.import_button, LEFT)
    finish(qtbot, page_b)

    shown = page_b.exchange_tab.result_text()
    assert f"Bundle imported: {missing} event(s) came in" in shown
    assert f"{missing} event(s) came in and were applied." in shown
    assert "Laptop A" in shown
    qtbot.waitUntil(lambda: incident in incident_choices(window_b))
    # What came in, and from whom, is kept in the history and the summary.
    history = page_b.history_tab.history_model.rows()
    assert history[0].action == "bundle-import" and history[0].applied == missing
    assert "Last bundle: from Laptop A" in page_b.card.summary_text()
    assert page_b.history_tab.peers_model.rows()[0].peer == a.device_id


def test_a_bundle_with_a_flipped_bit_is_refused_and_changes_nothing(
    qtbot: QtBot, a_b: tuple[Console, Console], windows: Windows, dialogs: dict[str, Any]
) -> None:
    a, b = a_b
    incidents.declare(a, level="III", title="LIS slow")
    good = a.data_dir.parent / "good.bundle"
    bundles_service.export_bundle(a, good)
    data = bytearray(good.read_bytes())
    data[-3] ^= 0x04
    bad = a.data_dir.parent / "flipped.bundle"
    bad.write_bytes(bytes(data))
    before = state(b)

    page = open_sync(qtbot, windows(b))
    dialogs["open"] = [bad]
    qtbot.mouseClick(page.exchange_tab.import_button, LEFT)
    finish(qtbot, page)

    assert len(dialogs["warned"]) == 1
    warned = dialogs["warned"][0]
    assert warned.startswith("Bundle refused")
    assert "flipped.bundle was refused as a whole: nothing on this laptop was changed" in warned
    assert "damaged" in warned or "altered" in warned
    assert page.exchange_tab.result_text() == warned
    assert state(b) == before


def test_an_import_asks_to_pin_the_it_key_the_bundle_offers(
    qtbot: QtBot,
    laptops: Laptops,
    keys: sync_fixtures.Keys,
    windows: Windows,
    dialogs: dict[str, Any],
    tmp_path: Path,
) -> None:
    a, fresh = laptops("A"), laptops("B", trusted=False)
    load_plan(a)
    bundles_service.export_bundle(a, tmp_path / "a.bundle")
    fingerprint = trust.fingerprint(trust.load_public_key(keys.it_public))

    page = open_sync(qtbot, windows(fresh))
    assert "No hospital IT key is pinned" in page.devices_tab.trust_label.text()
    dialogs["open"] = [tmp_path / "a.bundle"]
    qtbot.mouseClick(page.exchange_tab.import_button, LEFT)
    finish(qtbot, page)

    asked = [q for q in dialogs["asked"] if q.startswith("Pin the hospital IT key?")]
    assert len(asked) == 1 and fingerprint in asked[0]
    shown = page.exchange_tab.result_text()
    assert f"IT key {fingerprint} pinned, as confirmed." in shown
    assert f"{len(events(a))} event(s) came in" in shown
    assert trust_service.trust_show(fresh)["it_key"] == fingerprint
    assert f"IT key {fingerprint} pinned." in page.devices_tab.trust_label.text()


def test_a_device_not_in_the_trust_list_is_held_until_a_commander_accepts_it(
    qtbot: QtBot,
    a_b: tuple[Console, Console],
    laptops: Laptops,
    windows: Windows,
    dialogs: dict[str, Any],
    tmp_path: Path,
) -> None:
    a, _b = a_b
    rogue = laptops("R", trusted=False)
    load_plan(rogue)
    incident, _ = incidents.declare(rogue, level="III", title="Visiting laptop's incident")
    bundles_service.export_bundle(rogue, tmp_path / "rogue.bundle")

    window = windows(a)
    page = open_sync(qtbot, window)
    dialogs["open"] = [tmp_path / "rogue.bundle"]
    qtbot.mouseClick(page.exchange_tab.import_button, LEFT)
    finish(qtbot, page)

    assert "it was not read, and is kept unread in quarantine" in (page.exchange_tab.result_text())
    assert incident not in incident_choices(window)
    tab = page.devices_tab
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Devices (1 in quarantine)"
    assert "Quarantine: 0 event(s) and 1 unread bundle(s) from 1 device(s)" in (
        page.card.summary_text()
    )
    row = tab.rows[0]  # held devices come first, and are selected
    assert row.id == rogue.device_id and row.status == "quarantined"
    assert tab.model.data(tab.model.index(0, 2)) == "In quarantine"
    assert tab.selected() == row
    # The scribe on duty cannot accept it, and is told why.
    assert not tab.accept_button.isEnabled()
    assert "Only the Commander can accept a device" in tab.accept_reason.text()

    window.ctx.runner.op(lambda: a.sign_in("Wang Commander", "commander"))
    qtbot.waitUntil(tab.accept_button.isEnabled)
    assert tab.accept_reason.text() == ""
    qtbot.mouseClick(tab.accept_button, LEFT)
    finish(qtbot, page)

    assert any(q.startswith("Accept device") and rogue.device_id in q for q in dialogs["asked"])
    assert f"Device {rogue.device_id} accepted." in tab.status_text()
    assert incident in {i["id"] for i in incidents.list_incidents(a)}
    qtbot.waitUntil(lambda: incident in incident_choices(window))
    accepted = next(r for r in tab.rows if r.id == rogue.device_id)
    assert accepted.status == "accepted"
    index = tab.rows.index(accepted)
    assert tab.model.data(tab.model.index(index, 2)) == "Accepted here (by Wang Commander)"
    assert not tab.accept_button.isEnabled()


# --- conflicts ---------------------------------------------------------------------------------


def _person(mobile: str) -> dict[str, Any]:
    return {
        "name": {"zh": "张伟", "en": "Zhang Wei"},
        "group": "hq",
        "phones": [
            {"type": "mobile", "number": mobile},
            {"type": "office", "number": "010 6512 3001"},
        ],
    }


def test_a_contact_edited_on_both_laptops_shows_and_keep_this_value_settles_it(
    qtbot: QtBot,
    a_b: tuple[Console, Console],
    windows: Windows,
    dialogs: dict[str, Any],
    tmp_path: Path,
) -> None:
    a, b = a_b
    key = contacts.save_contact(a, _person("139 0000 0000"))
    bundles_service.export_bundle(a, tmp_path / "base.bundle")
    bundles_service.import_bundle(b, tmp_path / "base.bundle")
    contacts.save_contact(a, _person("138 0000 0001"), key)
    contacts.save_contact(b, _person("139 0000 0002"), key)
    bundles_service.export_bundle(b, tmp_path / "b.bundle")
    bundles_service.import_bundle(a, tmp_path / "b.bundle")

    page = open_sync(qtbot, windows(a))
    tab = page.conflicts_tab
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Conflicts (1)"
    assert "Conflicts: 1 to settle" in page.card.summary_text()
    assert len(tab.cards) == 1
    card = tab.cards[0]
    texts = "\n".join(label.text() for label in card.findChildren(QLabel))
    assert f"Contact “Zhang Wei” ({key}): 2 values" in texts
    assert "Phone numbers: mobile 138 0000 0001; office 010 6512 3001" in texts
    assert "Phone numbers: mobile 139 0000 0002; office 010 6512 3001" in texts
    assert "From Laptop B" in texts
    assert "The same in every value: " in texts and "Name: Zhang Wei" in texts
    chosen = next(
        i
        for i, v in enumerate(card.conflict["values"])
        if v["data"]["phones"][0]["number"] == "139 0000 0002"
    )

    qtbot.mouseClick(card.keep_buttons[chosen], LEFT)
    finish(qtbot, page)

    assert any("mobile 139 0000 0002" in q for q in dialogs["asked"])
    assert conflicts_service.conflicts(a) == []
    assert tab.cards == []
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Conflicts"
    assert "Kept the chosen value of Contact “Zhang Wei”" in tab.status_text()
    kept = next(c for c in contacts.list_contacts(a) if c["key"] == key)
    assert kept["data"]["phones"][0]["number"] == "139 0000 0002"


@pytest.mark.slow
def test_identical_values_from_two_set_ups_are_tidied_in_one_click(
    qtbot: QtBot, laptops: Laptops, windows: Windows, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    load_plan(b)
    bundles_service.export_bundle(a, tmp_path / "a.bundle")
    bundles_service.import_bundle(b, tmp_path / "a.bundle")
    bundles_service.export_bundle(b, tmp_path / "b.bundle")
    bundles_service.import_bundle(a, tmp_path / "b.bundle")
    assert conflicts_service.conflicts(a) == []  # the same value twice is no conflict
    same = len(conflicts_service.conflicts(a, include_identical=True))
    assert same > 0

    page = open_sync(qtbot, windows(a))
    tab = page.conflicts_tab
    assert tab.tidy_button.text() == f"Tidy identical values ({same})"
    qtbot.mouseClick(tab.tidy_button, LEFT)
    finish(qtbot, page)

    assert conflicts_service.conflicts(a, include_identical=True) == []
    assert f"Tidied {same} value(s) held twice" in tab.status_text()
    assert not tab.tidy_button.isVisible()


# --- this laptop, languages ----------------------------------------------------------------


def test_this_laptops_identity_is_shown_big_and_copied_for_it(
    qtbot: QtBot, laptops: Laptops, windows: Windows
) -> None:
    a = laptops("A")
    load_plan(a)
    window = windows(a)
    page = open_sync(qtbot, window)
    info = devices_service.device_info(a)
    card = page.card
    assert card.id_label.text() == info.id
    assert card.fingerprint_label.text() == info.fingerprint
    assert card.key_label.text() == info.public_key
    assert card.id_label.font().pointSizeF() > page.devices_tab.font().pointSizeF()

    qtbot.mouseClick(card.copy_button, LEFT)

    copied = QGuiApplication.clipboard().text()
    assert f"Device id: {info.id}" in copied
    assert f"Public key: {info.public_key}" in copied
    assert f"Fingerprint: {info.fingerprint}" in copied

    window.set_language("zh")
    assert page.title() == "同步"
    assert page.tabs.tabText(0) == "交换"
    assert card.copy_button.text().startswith("复制")


# --- the hub -----------------------------------------------------------------------------------


def hub_rows(url: str) -> set[tuple[str, int]]:
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT origin_id, origin_seq FROM events"))
            return {(o, int(s)) for o, s in rows}
    finally:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.slow
def test_a_hub_sync_through_the_page_shows_when_and_what_moved(
    qtbot: QtBot, a_b: tuple[Console, Console], windows: Windows, hub_url: str
) -> None:
    a, b = a_b
    incident, _ = incidents.declare(a, level="I", title="Data centre power failure")
    secret_url = hub_url.replace("postgres@", "postgres:s3cret@")

    page = open_sync(qtbot, windows(a))
    tab = page.exchange_tab
    assert "Hub: not synced yet" in page.card.summary_text()
    qtbot.keyClicks(tab.address_edit, hub_url)
    qtbot.keyClicks(tab.password_edit, "s3cret")
    qtbot.mouseClick(tab.sync_button, LEFT)
    finish(qtbot, page)

    sent = len(events(a))
    assert f"Hub sync complete: {sent} sent, 0 came in" in tab.result_text()
    assert "Hub: last synced " in page.card.summary_text()
    assert "Last complete sync: " in tab.last_hub_label.text()
    assert hub_rows(hub_url) == set(events(a))
    # The address and password are kept in the data directory, not in the records.
    assert json.loads((a.data_dir / "hub.json").read_text())["url"] == secret_url
    assert "s3cret" not in json.dumps(status_service.sync_status(a).as_dict())
    assert tab.address_edit.text() == hub_url and tab.password_edit.text() == "s3cret"
    history = page.history_tab.history_model.rows()
    assert history[0].action == "hub" and history[0].sent == sent

    came = len(set(events(a)) - set(events(b)))
    window_b = windows(b)
    page_b = open_sync(qtbot, window_b)
    qtbot.keyClicks(page_b.exchange_tab.address_edit, hub_url)
    qtbot.mouseClick(page_b.exchange_tab.sync_button, LEFT)
    finish(qtbot, page_b)

    shown = page_b.exchange_tab.result_text()
    assert f"Hub sync complete: 0 sent, {came} came in" in shown
    assert f"{came} event(s) came in and were applied." in shown
    qtbot.waitUntil(lambda: incident in incident_choices(window_b))


@pytest.mark.postgres
def test_cancel_stops_a_hub_sync_and_the_next_one_completes_with_nothing_lost(
    qtbot: QtBot,
    laptops: Laptops,
    windows: Windows,
    hub_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = laptops("A")
    load_plan(a)
    monkeypatch.setattr(hub_service, "PUSH_BATCH", 10)
    real_push = hub.push_events
    entered, release = threading.Event(), threading.Event()

    def first_batch_waits(conn: sa.Connection, rows: Any) -> int:
        if not entered.is_set():
            entered.set()
            assert release.wait(30), "the test never let the first batch go"
        return real_push(conn, rows)

    monkeypatch.setattr(hub, "push_events", first_batch_waits)
    page = open_sync(qtbot, windows(a))
    tab = page.exchange_tab
    qtbot.keyClicks(tab.address_edit, hub_url)
    qtbot.mouseClick(tab.sync_button, LEFT)
    qtbot.waitUntil(entered.is_set)
    assert tab.progress_bar.isVisible() and tab.cancel_button.isEnabled()
    assert not tab.sync_button.isEnabled()

    qtbot.mouseClick(tab.cancel_button, LEFT)
    assert not tab.cancel_button.isEnabled()
    release.set()
    finish(qtbot, page)

    assert "Hub sync stopped: 10 sent, 0 came in" in tab.result_text()
    assert "nothing is lost" in tab.result_text()
    assert len(hub_rows(hub_url)) == 10
    assert not tab.progress_bar.isVisible()
    assert "Hub: not synced yet" in page.card.summary_text()  # not a complete sync

    qtbot.mouseClick(tab.sync_button, LEFT)
    finish(qtbot, page)

    assert f"Hub sync complete: {len(events(a)) - 10} sent" in tab.result_text()
    assert hub_rows(hub_url) == set(events(a))


@pytest.mark.postgres
def test_the_hub_progress_hook_stops_between_batches_and_nothing_is_lost(
    a_b: tuple[Console, Console], hub_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = a_b
    incident, _ = incidents.declare(a, level="II", title="PACS down")
    for n in range(25):
        incidents.log(a, incident, f"update {n}")
    hub_service.sync_hub(b, hub_url)  # the hub holds the plan
    new = len(set(events(a)) - hub_rows(hub_url))
    assert new > 20
    monkeypatch.setattr(hub_service, "PUSH_BATCH", 10)
    monkeypatch.setattr(hub_service, "PULL_BATCH", 10)
    seen: list[tuple[str, int, int]] = []

    def stop_after_first_batch(stage: str, done: int, total: int) -> bool:
        seen.append((stage, done, total))
        return done < 10

    pushed = hub_service.sync_hub(a, hub_url, progress=stop_after_first_batch)
    assert pushed.stopped and pushed.sent == 10
    assert seen == [("push", 0, new), ("push", 10, new)]
    assert sync_shared.STOPPED_NOTE in pushed.notes
    assert status_service.sync_status(a).history[0].sent == 10
    rest = hub_service.sync_hub(a, progress=lambda *_args: True)
    assert not rest.stopped and rest.sent == new - 10
    assert hub_rows(hub_url) == set(events(a))

    seen.clear()
    pulled = hub_service.sync_hub(b, progress=stop_after_first_batch)
    assert pulled.stopped and pulled.report.applied == 10
    assert [s for s in seen if s[0] == "pull"] == [("pull", 0, new), ("pull", 10, new)]
    hub_service.sync_hub(b)
    assert events(b) == events(a)
    assert incidents.show(b, incident)["log"][-1]["text"] == "update 24"


def test_the_file_menu_imports_a_bundle_from_any_page(
    qtbot: QtBot, a_b: tuple[Console, Console], windows: Windows, dialogs: dict[str, Any]
) -> None:
    a, b = a_b
    incident, _ = incidents.declare(a, level="IV", title="Printer queue stuck")
    path = a.data_dir.parent / "menu.bundle"
    bundles_service.export_bundle(a, path)
    window = windows(b)
    dialogs["open"] = [path]

    window.bundle_import_action.trigger()

    page = window.current_page()
    assert isinstance(page, SyncPage) and page.tabs.currentWidget() is page.exchange_tab
    finish(qtbot, page)
    assert "Bundle imported" in page.exchange_tab.result_text()
    qtbot.waitUntil(lambda: incident in incident_choices(window))


# --- small pieces --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "address", "password"),
    [
        (
            "postgresql+psycopg://his:s3cret@db.local:5432/hub",
            "postgresql+psycopg://his@db.local:5432/hub",
            "s3cret",
        ),
        (
            "postgresql+psycopg://his:p%40ss%3A@/hub?host=/run/pg",
            "postgresql+psycopg://his@/hub?host=/run/pg",
            "p@ss:",
        ),
        ("postgresql+psycopg://his@db/hub", "postgresql+psycopg://his@db/hub", ""),
        ("", "", ""),
    ],
)
def test_the_hub_password_has_a_field_of_its_own(url: str, address: str, password: str) -> None:
    assert sync_files.split_hub_url(url) == (address, password)
    assert sync_files.join_hub_url(address, password) == url
    assert make_url(sync_files.join_hub_url(address, password) or "sqlite://").password == (
        password or None
    )


def test_a_history_note_leaves_out_what_the_counts_say() -> None:
    role = Reason(reasons.LACKS_ROLE, device="d" * 32, kind="plan.item.set", role="plan-editor")
    report = IntakeReport(quarantined=3, rejected=1, reasons={role: 1}, trust_serial=4)
    result = sync_shared.ImportResult(source="x", report=report)

    def exchange(note: str, quarantined: int = 0) -> status_service.Exchange:
        return status_service.Exchange(
            at="2026-03-01T08:00:00+08:00",
            peer="x",
            action=sync_shared.ACTION_IMPORT,
            sent=0,
            applied=0,
            duplicates=0,
            quarantined=quarantined,
            rejected=1,
            pending=0,
            from_future=0,
            note=note,
        )

    entry = exchange("; ".join(result.notes), quarantined=3)
    assert sync_labels.history_note(entry) == "The trust list was updated to serial 4."
    assert sync_labels.history_note(exchange(sync_shared.STOPPED_NOTE)).startswith(
        "Stopped on request"
    )
    assert sync_labels.history_note(exchange("accepted by Li Wei")) == "Accepted by Li Wei"
    assert sync_labels.history_note(exchange("something new")) == "something new"


def test_every_reason_an_event_is_held_back_has_words_of_its_own() -> None:
    device = "0123456789abcdef" * 2
    on = dt.date(2026, 3, 1)
    worded = {
        code: sync_labels.reason_label(
            Reason(
                code,
                device=device,
                on=on,
                kind="plan.item.set",
                role="plan-editor",
                seq=7,
                detail=Said(event_schemas.MISSING, field="key"),
                thing="incident",
                key="NOPE",
            )
        )
        for code in reasons.CODES
    }
    assert worded == {
        "revoked": "device 01234567 was revoked by IT on 2026-03-01",
        "expired": "the trust list's entry for device 01234567 expired on 2026-03-01",
        "not-listed": "device 01234567 is not in the trust list",
        "lacks-role": "'plan.item.set' needs the Plan editor role, which device 01234567 lacks",
        "event-id-taken": "its event id is already used by another event",
        "waiting": "waiting for event #7 of device 01234567",
        "invalid": "'plan.item.set' from device 01234567 cannot be applied: 'key' is missing",
        "missing": "'plan.item.set' from device 01234567 names incident NOPE, which is not on "
        "this laptop (yet); it is applied once that arrives",
    }


def test_what_a_hub_sync_skipped_is_said_from_its_facts() -> None:
    device = "fedcba9876543210" * 2
    result = sync_shared.ImportResult(
        source="hub:x",
        skipped=[
            sync_shared.SkippedDevice(device, sync_shared.KEY_MISSING),
            sync_shared.SkippedDevice(device, sync_shared.EVENT_FAILS, "bad signature"),
        ],
        report=IntakeReport(trust_refused="not signed by the pinned IT key"),
    )
    assert sync_labels.result_lines(result) == [
        "The trust list it carries was not used: not signed by the pinned IT key.",
        "The hub has no key for device fedcba98: its events were not taken.",
        "An event of device fedcba98 on the hub fails verification (bad signature): it and "
        "that device's later events were not taken.",
    ]
    # The record the history keeps (and --json's notes) says the same in its own words.
    assert result.notes[1] == (f"The hub has no key for device {device}; its events were skipped.")


def test_closing_the_window_stops_a_hub_sync_after_the_batch_in_hand(
    qtbot: QtBot, laptops: Laptops, windows: Windows
) -> None:
    window = windows(laptops("A"))
    page = open_sync(qtbot, window)
    page.state.busy = "hub"  # as while "Sync now" runs
    try:
        page.eventFilter(window, QCloseEvent())
        assert page.state.progress.cancelled()
        assert page.state.progress.report("push", 10, 20) is False
    finally:
        page.state.busy = ""


def test_with_people_pinned_accepting_a_device_asks_the_commanders_pin(
    qtbot: QtBot,
    a_b: tuple[Console, Console],
    laptops: Laptops,
    keys: sync_fixtures.Keys,
    windows: Windows,
    dialogs: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from tests.sync.test_people import pin_people, stranger

    a, _b = a_b
    pin_people(a, keys, tmp_path)
    rogue = stranger(laptops, a, tmp_path)
    window = windows(a)
    assert "On duty: " in window.banner.details_text()
    assert "unverified" not in window.banner.details_text()
    page = open_sync(qtbot, window)
    tab = page.devices_tab
    window.ctx.runner.op(lambda: a.sign_in("Li Wei", "commander"))
    qtbot.waitUntil(tab.accept_button.isEnabled)
    asked: list[str] = []
    answers = iter([("0000", True), ("2468", True)])

    def get_text(parent: object, title: str, label: str, *rest: object) -> tuple[str, bool]:
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))

    qtbot.mouseClick(tab.accept_button, LEFT)
    finish(qtbot, page)
    assert asked == ["PIN of Li Wei (commander):"]
    assert "Wrong PIN for Li Wei" in tab.status_text()
    assert {d.id: d.status for d in devices_service.devices(a)}[rogue] == "quarantined"

    qtbot.waitUntil(tab.accept_button.isEnabled)
    qtbot.mouseClick(tab.accept_button, LEFT)
    finish(qtbot, page)
    assert f"Device {rogue} accepted." in tab.status_text()
    assert a.pin_source is None  # the PIN is not kept
