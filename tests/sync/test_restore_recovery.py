"""The way back from a damaged database: restore the latest backup, then take the rest
back from another laptop or the hub. Everything comes back, also when the trust list
changed after the backup or the other laptop was never accepted here, and nothing written
in between can be numbered like the entries still to come back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hisconsole.cli import main
from hisconsole.services import incidents, maintenance, restored
from hisconsole.services.console import Console, Operator, ServiceError
from hisconsole.services.sync import bundles
from hisconsole.services.sync import devices as devices_service
from hisconsole.services.sync import hub as hub_service
from hisconsole.services.sync import mesh as mesh_service
from hisconsole.services.sync import trust as trust_service
from tests.sync.conftest import Keys, load_plan, public_b64
from tests.sync.helpers import repack
from tests.sync.mesh_support import free_port, wait_for

Laptops = Callable[..., Console]


def log_of(console: Console, incident: str) -> list[tuple[str, str]]:
    return [(e["entry"], e["text"]) for e in incidents.show(console, incident)["log"]]


@pytest.fixture
def reopened() -> Iterator[Callable[[Path], Console]]:
    """Open a laptop again after its database was restored (closed at the end)."""
    opened: list[Console] = []

    def open_again(data_dir: Path) -> Console:
        console = Console.open(data_dir)
        opened.append(console)
        return console

    yield open_again
    for console in opened:
        console.close()


def restore(console: Console, backup: Path) -> Path:
    """The laptop's database is damaged: close it and restore the backup."""
    console.close()
    maintenance.restore(console.data_dir, backup)
    return console.data_dir


def exchange(source: Console, target: Console, path: Path) -> bundles.ImportResult:
    bundles.export_bundle(source, path)
    return bundles.import_bundle(target, path)


def test_a_bundle_from_a_laptop_never_accepted_here_brings_back_this_laptops_own(
    laptops: Laptops, reopened: Callable[[Path], Console], keys: Keys, tmp_path: Path
) -> None:
    a, b = laptops("A", trusted=False), laptops("B", trusted=False)
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    exchange(a, b, tmp_path / "a0.bundle")
    b.operator = Operator("Li Wei", "commander")
    devices_service.accept_device(b, a.device_id)
    maintenance.backup(a, tmp_path / "backup.sqlite3")
    for text in ("after the backup", "and again"):
        incidents.log(a, incident, text)
    exchange(a, b, tmp_path / "a1.bundle")
    before = log_of(a, incident)

    a = reopened(restore(a, tmp_path / "backup.sqlite3"))
    assert restored.catching_up(a.db) is not None
    with pytest.raises(restored.CatchingUp):
        incidents.log(a, incident, "written too early")
    # A stranger's bundle with an event of A's altered: refused as a whole.
    bundles.export_bundle(b, tmp_path / "b.bundle")

    def alter(raw: list[Any]) -> None:
        mine = [e for e in raw if e["origin_id"] == a.device_id and e["kind"] == "incident.logged"]
        mine[-1]["payload"]["text"] = "not what A wrote"

    repack(tmp_path / "b.bundle", tmp_path / "forged.bundle", key=keys.devices["R"], edit=alter)
    with pytest.raises(ServiceError, match="forged or damaged"):
        bundles.import_bundle(a, tmp_path / "forged.bundle")
    assert len(log_of(a, incident)) == 1 and restored.catching_up(a.db) is not None
    # Laptop B is a stranger to A's backup: its bundle waits unread for a commander, but
    # the events of A's own it carries are A's (its key vouches for them): taken now.
    result = bundles.import_bundle(a, tmp_path / "b.bundle")
    assert result.held_unread and result.report.applied == 2
    assert any("were taken back" in note for note in result.notes), result.notes
    assert log_of(a, incident) == before
    assert restored.catching_up(a.db) is None
    incidents.log(a, incident, "recording again")
    assert maintenance.check(a).ok


def _list_of(keys: Keys, tmp_path: Path, names: list[str]) -> Path:
    """A signed trust list naming only ``names`` (serial = their number)."""
    editable, signed = tmp_path / "list.yaml", tmp_path / "list.signed"
    for name in names:
        trust_service.trust_add(
            editable, public_key=public_b64(keys.devices[name]), name=f"Laptop {name}"
        )
    trust_service.trust_sign(editable, keys.it_private, signed, now=dt.datetime.now(dt.UTC))
    return signed


def test_a_trust_list_newer_than_the_backup_comes_back_with_the_bundle(
    laptops: Laptops, reopened: Callable[[Path], Console], keys: Keys, tmp_path: Path
) -> None:
    a, b = laptops("A", trusted=False), laptops("B")
    trust_service.trust_pin(a, keys.it_public)
    trust_service.trust_import(a, _list_of(keys, tmp_path, ["A"]))  # serial 1: A only
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    maintenance.backup(a, tmp_path / "backup.sqlite3")
    # After the backup IT lists laptop B (serial 3), and B's work arrives here.
    trust_service.trust_import(a, keys.signed_list)
    exchange(a, b, tmp_path / "a0.bundle")
    incidents.log(b, incident, "from laptop B")
    exchange(b, a, tmp_path / "b0.bundle")
    incidents.log(a, incident, "after the backup")
    exchange(a, b, tmp_path / "a1.bundle")
    before = log_of(a, incident)
    assert "from laptop B" in {text for _id, text in before}

    a = reopened(restore(a, tmp_path / "backup.sqlite3"))
    assert trust_service.trust_show(a)["serial"] == 1  # B is not listed in the backup
    result = exchange(b, a, tmp_path / "b1.bundle")
    assert not result.held_unread and result.trust_serial == 3
    assert log_of(a, incident) == before
    assert restored.catching_up(a.db) is None
    assert maintenance.check(a).ok


@pytest.mark.postgres
def test_a_hub_sync_brings_back_everything(
    laptops: Laptops, reopened: Callable[[Path], Console], hub_url: str, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    hub_service.sync_hub(a, hub_url)
    maintenance.backup(a, tmp_path / "backup.sqlite3")
    incidents.log(a, incident, "after the backup")
    hub_service.sync_hub(a)
    hub_service.sync_hub(b, hub_url)
    incidents.log(b, incident, "from laptop B")
    hub_service.sync_hub(b)
    hub_service.sync_hub(a)
    before = log_of(a, incident)

    a = reopened(restore(a, tmp_path / "backup.sqlite3"))
    with pytest.raises(restored.CatchingUp):
        incidents.log(a, incident, "written too early")
    assert hub_service.sync_hub(a).report.applied == 2
    assert log_of(a, incident) == before
    incidents.log(a, incident, "recording again")
    hub_service.sync_hub(a)
    hub_service.sync_hub(b)
    assert log_of(b, incident) == log_of(a, incident)


def test_a_mesh_exchange_brings_back_everything_and_lifts_the_mark(
    laptops: Laptops, reopened: Callable[[Path], Console], tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    maintenance.backup(a, tmp_path / "backup.sqlite3")
    for text in ("after the backup", "and again"):
        incidents.log(a, incident, text)
    exchange(a, b, tmp_path / "a.bundle")
    incidents.log(b, incident, "from laptop B")
    before = log_of(b, incident)

    a = reopened(restore(a, tmp_path / "backup.sqlite3"))
    with pytest.raises(restored.CatchingUp):
        incidents.log(a, incident, "written too early")
    mesh_b = mesh_service.Mesh(b, port=free_port("127.0.0.2"), bind="127.0.0.2", discovery=False)
    mesh_b.start()
    mesh_a = mesh_service.Mesh(
        a,
        port=free_port("127.0.0.1"),
        bind="127.0.0.1",
        peers=(f"127.0.0.2:{mesh_b.port}",),
        discovery=False,
    )
    mesh_a.start()
    try:
        wait_for(lambda: restored.restored_from(a) is None, 20)
    finally:
        mesh_a.stop()
        mesh_b.stop()
    assert log_of(a, incident) == before
    incidents.log(a, incident, "recording again")
    assert log_of(a, incident)[-1][1] == "recording again"


def test_a_mesh_peer_that_holds_nothing_new_lifts_the_mark(
    laptops: Laptops, reopened: Callable[[Path], Console], tmp_path: Path
) -> None:
    """Laptop B (trusted here: the mesh's handshake proves it) holds nothing A lacks: its
    vector says A has all it has, so A has taken back from B all there is, as after B's
    last page (a complete hub sync likewise)."""
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    exchange(a, b, tmp_path / "a.bundle")
    maintenance.backup(a, tmp_path / "backup.sqlite3")  # A wrote nothing after it

    a = reopened(restore(a, tmp_path / "backup.sqlite3"))
    with pytest.raises(restored.CatchingUp):
        incidents.log(a, incident, "written too early")
    mesh_b = mesh_service.Mesh(b, port=free_port("127.0.0.2"), bind="127.0.0.2", discovery=False)
    mesh_b.start()
    mesh_a = mesh_service.Mesh(
        a,
        port=free_port("127.0.0.1"),
        bind="127.0.0.1",
        peers=(f"127.0.0.2:{mesh_b.port}",),
        discovery=False,
    )
    mesh_a.start()
    try:
        wait_for(lambda: restored.restored_from(a) is None, 20)
    finally:
        mesh_a.stop()
        mesh_b.stop()
    incidents.log(a, incident, "recording again")
    assert log_of(a, incident)[-1][1] == "recording again"
    assert maintenance.check(a).ok


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("lang", "restored_said", "refused_said", "alone_said"),
    [
        ("en", "take in what the other laptops", "was restored from the backup", "records again"),
        ("zh", "取回其他笔记本", "已从备份", "恢复记录"),
    ],
)
def test_the_command_line_says_what_to_do_after_a_restore(
    capsys: pytest.CaptureFixture[str],
    laptops: Laptops,
    tmp_path: Path,
    lang: str,
    restored_said: str,
    refused_said: str,
    alone_said: str,
) -> None:
    a = laptops("A", trusted=False)
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down")
    maintenance.backup(a, tmp_path / "backup.sqlite3")
    a.close()
    d = ("--data-dir", str(a.data_dir), "--lang", lang)
    code, out, err = run(capsys, *d, "restore", str(tmp_path / "backup.sqlite3"))
    assert code == 0 and restored_said in out and "hisconsole sync" in out, (out, err)
    code, out, err = run(capsys, *d, "incident", "log", incident, "too early")
    assert code == 1 and out == "" and refused_said in err and "restore --alone" in err, err
    code, out, _ = run(capsys, *d, "--json", "incident", "show", incident)
    assert len(json.loads(out)["log"]) == 1  # the declaration only: nothing was changed
    # No other laptop and no hub: the user says so and records again.
    code, out, err = run(capsys, *d, "restore", "--alone")
    assert code == 0 and alone_said in out, (out, err)
    code, out, err = run(capsys, *d, "incident", "log", incident, "now it may")
    assert code == 0, err
