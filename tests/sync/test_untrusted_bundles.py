"""A bundle whose writer is neither in the trust list nor accepted here is not read past its
manifest: it is kept unread in the quarantine folder, its laptop listed, and read through
the one import path once a commander accepts that laptop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hisconsole.services import alerts, incidents
from hisconsole.services.console import Console, Operator, ServiceError
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import devices as devices_service
from hisconsole.services.sync import quarantine
from hisconsole.sync import bundle as bundle_format
from tests.sync.conftest import load_plan
from tests.sync.helpers import problems, state

Laptops = Callable[..., Console]


def _stranger_bundle(laptops: Laptops, path: Path) -> tuple[Console, str]:
    rogue = laptops("R", trusted=False)
    load_plan(rogue)
    incident, _ = incidents.declare(rogue, level="III", title="Visiting laptop's incident")
    bundles_service.export_bundle(rogue, path)
    return rogue, incident


def test_a_strangers_bundle_is_not_read_past_its_manifest(laptops: Laptops, tmp_path: Path) -> None:
    a = laptops("A")
    _rogue, _incident = _stranger_bundle(laptops, tmp_path / "r.bundle")
    raw = (tmp_path / "r.bundle").read_bytes()
    # Its body is garbage: reading it would refuse the bundle as damaged. Unread, it is held.
    header_end = raw.index(b"\n", len(bundle_format.MAGIC)) + 1
    bomb = tmp_path / "bomb.bundle"
    bomb.write_bytes(raw[:header_end] + b"\x00" * (len(raw) - header_end))
    before = state(a)

    result = bundles_service.import_bundle(a, bomb)

    assert result.held_unread and Path(result.held_unread).read_bytes() == bomb.read_bytes()
    assert result.report.applied == result.report.quarantined == 0
    assert "its bundle was not read" in " ".join(result.notes)
    assert state(a)[:3] == before[:3]  # log, held events and vector untouched
    listed = {d.id: d for d in devices_service.devices(a)}
    assert listed[_rogue.device_id].status == "quarantined"
    assert listed[_rogue.device_id].unread_bundles == 1
    (held,) = [x for x in alerts.current(a).alerts if x.kind == "device-quarantined"]
    assert held.params["bundles"] == 1

    # Accepted: the held copy is read now, and refused as damaged (set aside, not lost).
    a.operator = Operator("Wang Commander", "commander")
    accepted = devices_service.accept_device(a, _rogue.device_id)
    assert accepted.report.applied == 0
    assert quarantine.held_bundles(a) == []
    assert [p.suffix for p in quarantine.folder(a).iterdir()] == [".refused"]


def test_a_held_bundle_is_read_when_its_laptop_is_accepted(
    laptops: Laptops, tmp_path: Path
) -> None:
    a = laptops("A")
    load_plan(a)
    rogue, incident = _stranger_bundle(laptops, tmp_path / "r.bundle")

    first = bundles_service.import_bundle(a, tmp_path / "r.bundle")
    again = bundles_service.import_bundle(a, tmp_path / "r.bundle")
    assert first.held_unread == again.held_unread  # the same bundle is held once
    assert len(quarantine.held_bundles(a)) == 1
    assert incident not in {i["id"] for i in incidents.list_incidents(a)}

    a.operator = Operator("Wang Commander", "commander")
    accepted = devices_service.accept_device(a, rogue.device_id[:6])

    assert accepted.report.applied == 1  # its incident; its own plan copy stays refused
    assert incident in {i["id"] for i in incidents.list_incidents(a)}
    assert quarantine.held_bundles(a) == []
    assert {d.id: d for d in devices_service.devices(a)}[rogue.device_id].unread_bundles == 0
    assert problems(a) == []
    # Later bundles of the accepted laptop are read at once.
    incidents.log(rogue, incident, "second note")
    bundles_service.export_bundle(rogue, tmp_path / "r2.bundle")
    assert bundles_service.import_bundle(a, tmp_path / "r2.bundle").report.applied == 1


def test_when_the_held_bundles_would_take_too_much_room_it_is_refused(
    laptops: Laptops, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops("A")
    _stranger_bundle(laptops, tmp_path / "r.bundle")
    monkeypatch.setattr(quarantine, "MAX_HELD_BYTES", 100)
    before = state(a)

    with pytest.raises(quarantine.QuarantineFull, match="Nothing was imported") as refused:
        bundles_service.import_bundle(a, tmp_path / "r.bundle")

    assert refused.value.code == "sync.quarantine-full"
    assert state(a) == before
    assert quarantine.held_bundles(a) == []


def test_a_strangers_manifest_cannot_name_where_its_copy_goes(
    laptops: Laptops, tmp_path: Path
) -> None:
    """The held copy is named after the body's checksum: one that is not 64 hex digits
    (say "../../x") makes the manifest damaged, and nothing is written anywhere."""
    import json

    from hisconsole.sync.canonical import MANIFEST_CONTEXT, b64, sign

    a = laptops("A")
    rogue, _incident = _stranger_bundle(laptops, tmp_path / "r.bundle")
    data = (tmp_path / "r.bundle").read_bytes()
    first = data.index(b"\n", len(bundle_format.MAGIC))
    header = json.loads(data[len(bundle_format.MAGIC) : first])
    header["manifest"]["body"]["sha256"] = "/../../../../../../tmp/evil"
    key = rogue.identity.private_key
    header["signature"] = b64(sign(key, MANIFEST_CONTEXT, header["manifest"]))
    evil = tmp_path / "evil.bundle"
    evil.write_bytes(bundle_format.MAGIC + json.dumps(header).encode() + data[first:])
    before = state(a)

    with pytest.raises(ServiceError, match=r"damaged.*Nothing was imported"):
        bundles_service.import_bundle(a, evil)

    assert state(a) == before and quarantine.held_bundles(a) == []
    assert not quarantine.folder(a).exists() or not any(quarantine.folder(a).iterdir())
