"""USB bundles between laptops: what arrives, what is held back, and what is refused."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from hisconsole.domain.hlc import Stamp, wall_clock_ms
from hisconsole.services import forms, incidents
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, Operator, ServiceError
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import conflicts as conflicts_service
from hisconsole.services.sync import devices as devices_service
from hisconsole.services.sync import shared as sync_shared
from hisconsole.services.sync import status as status_service
from hisconsole.store.models import EVENT_FLAG_FROM_FUTURE, Contact
from hisconsole.sync import bundle as bundle_format
from hisconsole.sync import reasons
from hisconsole.sync.canonical import MANIFEST_CONTEXT, b64, sign
from tests.sync.conftest import Keys, load_plan
from tests.sync.helpers import events, held, problems, repack, snapshot, state

Laptops = Callable[..., Console]


def _exchange(source: Console, target: Console, path: Path) -> sync_shared.ImportResult:
    bundles_service.export_bundle(source, path)
    return bundles_service.import_bundle(target, path)


@pytest.fixture
def a_b(laptops: Laptops, tmp_path: Path) -> tuple[Console, Console]:
    """Laptops A (with the plan) and B (plan received from A)."""
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    _exchange(a, b, tmp_path / "plan.bundle")
    return a, b


def test_an_incident_declared_on_one_laptop_appears_on_the_other(
    a_b: tuple[Console, Console], tmp_path: Path
) -> None:
    a, b = a_b
    incident, _ = incidents.declare(a, level="II", title="HIS down in outpatients", systems=["HIS"])
    incidents.log(a, incident, "Switched registration to paper forms")

    result = _exchange(a, b, tmp_path / "a.bundle")

    assert result.report.applied == 2
    shown = incidents.show(b, incident)
    assert shown["title"] == "HIS down in outpatients"
    assert [s["code"] for s in shown["systems"]] == ["HIS"]
    assert any(e["text"] == "Switched registration to paper forms" for e in shown["log"])
    assert snapshot(a) == snapshot(b)
    assert problems(b) == []


def test_every_event_is_signed_and_keeps_its_origin_when_relayed(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b, c = laptops("A"), laptops("B"), laptops("C")
    load_plan(a)
    incident, _ = incidents.declare(a, level="III", title="LIS slow")
    _exchange(a, b, tmp_path / "ab.bundle")
    incidents.log(b, incident, "Lab calls results by phone")
    result = _exchange(b, c, tmp_path / "bc.bundle")  # C never met A

    assert result.report.applied == len(events(b))
    assert events(c) == events(a) | events(b)
    assert {origin for origin, _ in events(c)} == {a.device_id, b.device_id}
    assert snapshot(c) == snapshot(b)
    assert sync_shared.local_vector(c) == sync_shared.local_vector(b)


def test_importing_twice_or_in_any_order_gives_the_same_result(
    a_b: tuple[Console, Console], laptops: Laptops, tmp_path: Path
) -> None:
    a, b = a_b
    c = laptops("C")
    incident, _ = incidents.declare(a, level="II", title="EMR down")
    bundles_service.export_bundle(a, tmp_path / "a1.bundle")
    incidents.change_level(a, incident, "I", "spreading")
    bundles_service.export_bundle(a, tmp_path / "a2.bundle", since_file=tmp_path / "a1.bundle")
    bundles_service.import_bundle(b, tmp_path / "a1.bundle")
    incidents.log(b, incident, "ward 5 on paper")
    bundles_service.export_bundle(b, tmp_path / "b1.bundle")

    # C takes them newest first, twice each.
    for name in ("b1", "a2", "a2", "a1", "b1"):
        bundles_service.import_bundle(c, tmp_path / f"{name}.bundle")
    again = bundles_service.import_bundle(c, tmp_path / "a1.bundle")

    assert again.report.applied == 0 and again.report.duplicates > 0
    bundles_service.import_bundle(a, tmp_path / "b1.bundle")
    assert snapshot(c) == snapshot(a)
    assert incidents.show(c, incident)["level"] == "I"
    assert problems(c) == []


def test_an_export_since_a_vector_holds_only_what_the_receiver_lacks(
    a_b: tuple[Console, Console], tmp_path: Path
) -> None:
    a, b = a_b
    bundles_service.write_vector(b, tmp_path / "b.vector")
    incidents.declare(a, level="IV", title="Printer queue stuck")

    exported = bundles_service.export_bundle(
        a, tmp_path / "delta.bundle", since_file=tmp_path / "b.vector"
    )

    assert exported.events == 1
    assert bundles_service.import_bundle(b, tmp_path / "delta.bundle").report.applied == 1
    assert snapshot(a) == snapshot(b)


def test_form_serials_never_collide_between_laptops(
    a_b: tuple[Console, Console], tmp_path: Path
) -> None:
    a, b = a_b
    issued = []
    for console in (a, b, a, b):
        first = forms.reserve_serials(console, 3)
        issued += forms.record_issued(
            console,
            template="registration",
            template_version=1,
            first=first,
            count=3,
            incident=None,
            lang="zh",
        )
    _exchange(a, b, tmp_path / "a.bundle")
    _exchange(b, a, tmp_path / "b.bundle")

    assert len(set(issued)) == 12
    for console in (a, b):
        assert sorted(s["serial"] for s in forms.sheets(console)) == sorted(issued)
    assert snapshot(a) == snapshot(b)


def test_a_device_not_in_the_trust_list_is_quarantined_until_accepted(
    a_b: tuple[Console, Console], laptops: Laptops, tmp_path: Path
) -> None:
    a, _b = a_b
    rogue = laptops("R", trusted=False)
    load_plan(rogue)  # its own copy: nobody vouches for it
    plan_events = len(events(rogue))
    incident, _ = incidents.declare(rogue, level="III", title="Visiting laptop's incident")

    result = _exchange(rogue, a, tmp_path / "rogue.bundle")

    # Its writer is a stranger: the bundle is kept unread, the laptop listed.
    assert result.held_unread and result.report.quarantined == 0
    assert any("not read" in note for note in result.notes)
    assert incident not in {i["id"] for i in incidents.list_incidents(a)}
    listed = {d.id: d for d in devices_service.devices(a)}
    assert listed[rogue.device_id].status == "quarantined"
    assert listed[rogue.device_id].unread_bundles == 1

    a.operator = Operator("Wang Commander", "commander")
    accepted = devices_service.accept_device(a, rogue.device_id[:6])

    # Accepted here = an operator laptop: its incident applies, its plan stays refused.
    assert accepted.report.applied == 1
    assert accepted.report.rejected == plan_events
    assert incident in {i["id"] for i in incidents.list_incidents(a)}
    listed = {d.id: d for d in devices_service.devices(a)}
    assert listed[rogue.device_id].status == "accepted"
    assert listed[rogue.device_id].accepted_by == "Wang Commander"
    assert listed[rogue.device_id].rejected == plan_events
    assert problems(a) == []


def test_plan_changes_from_a_laptop_without_the_plan_editor_role_are_rejected(
    a_b: tuple[Console, Console], laptops: Laptops, tmp_path: Path
) -> None:
    a, _b = a_b
    c = laptops("C")  # operator only
    _exchange(a, c, tmp_path / "plan.bundle")
    document = plan_service.require_document(c)
    document["meta"]["owner"]["en"] = "Changed on an operator laptop"
    plan_service.import_document(c, document)
    incident, _ = incidents.declare(c, level="IV", title="Operator laptop incident")
    before = plan_service.require_document(a)

    result = _exchange(c, a, tmp_path / "c.bundle")

    assert result.report.rejected >= 2  # the item and the published version
    assert result.report.applied == 1  # the incident
    assert {(r.code, r.role, r.device) for r in result.report.reasons} == {
        (reasons.LACKS_ROLE, "plan-editor", c.device_id)
    }
    assert any("plan-editor" in reason for reason in result.as_dict()["reasons"])
    assert plan_service.require_document(a) == before
    assert incident in {i["id"] for i in incidents.list_incidents(a)}
    assert any(r.reason.startswith("'plan.") for r in status_service.sync_status(a).rejected)
    assert problems(a) == []


def test_an_event_from_the_far_future_is_stored_flagged_and_does_not_drag_the_clock(
    a_b: tuple[Console, Console], laptops: Laptops, tmp_path: Path
) -> None:
    a, b = a_b
    ahead = 6 * 3600 * 1000
    skewed = Console.open(b.data_dir, now_ms=lambda: wall_clock_ms() + ahead)
    try:
        incident, _ = incidents.declare(skewed, level="III", title="Declared with a wrong clock")
    finally:
        skewed.close()

    result = _exchange(b, a, tmp_path / "b.bundle")
    incidents.log(a, incident, "seen on A")

    assert result.report.from_future == 1
    assert any("ahead of this laptop's clock" in note for note in result.notes)
    flagged = [k for k, (_e, flags) in events(a).items() if flags & EVENT_FLAG_FROM_FUTURE]
    assert len(flagged) == 1
    assert a.clock.last.wall_ms < wall_clock_ms() + 60_000
    reopened = Console.open(a.data_dir)
    try:
        assert reopened.clock.last.wall_ms < wall_clock_ms() + 60_000
    finally:
        reopened.close()
    assert incident in {i["id"] for i in incidents.list_incidents(a)}


def test_work_on_an_incident_from_a_fast_clock_laptop_survives_a_rebuild_everywhere(
    a_b: tuple[Console, Console], laptops: Laptops, tmp_path: Path
) -> None:
    # Stamps do not follow cause and effect here (the declaration is stamped hours
    # ahead); applying and rebuilding in arrival order keeps the log's meaning.
    a, fast = a_b
    c = laptops("C")
    _exchange(a, c, tmp_path / "plan.bundle")
    skewed = Console.open(fast.data_dir, now_ms=lambda: wall_clock_ms() + 5 * 3600 * 1000)
    try:
        incident, _ = incidents.declare(skewed, level="III", title="Fast clock", systems=["LIS"])
    finally:
        skewed.close()
    _exchange(fast, a, tmp_path / "fast.bundle")
    incidents.log(a, incident, "Lab on paper requests")
    incidents.resolve(a, incident)
    _exchange(a, c, tmp_path / "a.bundle")

    shown = incidents.show(c, incident)
    assert shown["status"] == "resolved"
    assert any(e["text"] == "Lab on paper requests" for e in shown["log"])
    assert problems(a) == [] and problems(c) == []
    assert snapshot(a) == snapshot(c)


def test_a_gap_in_a_device_sequence_holds_the_later_events_until_it_is_filled(
    a_b: tuple[Console, Console], tmp_path: Path
) -> None:
    a, b = a_b
    bundles_service.write_vector(b, tmp_path / "b0.vector")
    incident, _ = incidents.declare(a, level="II", title="PACS down")
    bundles_service.export_bundle(a, tmp_path / "first.bundle", since_file=tmp_path / "b0.vector")
    incidents.log(a, incident, "Radiology reads on modality consoles")
    bundles_service.export_bundle(
        a, tmp_path / "second.bundle", since_file=tmp_path / "first.bundle"
    )
    vector_before = sync_shared.local_vector(b)

    late = bundles_service.import_bundle(b, tmp_path / "second.bundle")

    assert late.report.pending == 1 and late.report.applied == 0
    assert sync_shared.local_vector(b) == vector_before
    assert incident not in {i["id"] for i in incidents.list_incidents(b)}

    filled = bundles_service.import_bundle(b, tmp_path / "first.bundle")

    assert filled.report.applied == 2
    assert held(b) == {}
    assert snapshot(a) == snapshot(b)
    assert problems(b) == []


def test_a_conflicting_contact_edit_is_listed_and_resolved_with_the_rivals_as_parents(
    a_b: tuple[Console, Console], tmp_path: Path
) -> None:
    a, b = a_b
    with a.transaction() as tx:
        tx.emit(
            "contact.set",
            "contact:zhang",
            {"key": "zhang", "data": {"name": "Zhang", "mobile": "1"}},
        )
    _exchange(a, b, tmp_path / "base.bundle")
    for console, mobile in ((a, "13800000001"), (b, "13900000002")):
        heads = [c["values"] for c in conflicts_service.conflicts(console)]
        assert heads == []
        with console.transaction() as tx:
            parents = list(tx.session.scalars(select(Contact.event_id)))
            tx.emit(
                "contact.set",
                "contact:zhang",
                {"key": "zhang", "data": {"name": "Zhang", "mobile": mobile}},
                parents=parents,
            )
    _exchange(a, b, tmp_path / "a.bundle")
    _exchange(b, a, tmp_path / "b.bundle")

    listed = conflicts_service.conflicts(a)
    assert [(c["table"], c["key"]) for c in listed] == [("contacts", "zhang")]
    mobiles = sorted(v["data"]["mobile"] for v in listed[0]["values"])
    assert mobiles == ["13800000001", "13900000002"]
    assert conflicts_service.conflicts(b) == listed

    chosen = next(v for v in listed[0]["values"] if v["data"]["mobile"] == "13900000002")
    conflicts_service.resolve_conflict(a, "contacts", "zhang", chosen["event_id"])
    _exchange(a, b, tmp_path / "resolved.bundle")

    for console in (a, b):
        assert conflicts_service.conflicts(console) == []
    assert snapshot(a) == snapshot(b)
    with pytest.raises(ServiceError, match="no conflict"):
        conflicts_service.resolve_conflict(a, "contacts", "zhang", chosen["event_id"])


# --- refused files -----------------------------------------------------------------------


@pytest.fixture
def good_bundle(a_b: tuple[Console, Console], tmp_path: Path) -> tuple[Console, Console, Path]:
    a, b = a_b
    bundles_service.write_vector(b, tmp_path / "b.vector")
    incident, _ = incidents.declare(a, level="II", title="Network core switch failed")
    for n in range(5):
        incidents.log(a, incident, f"update {n}")
    path = tmp_path / "good.bundle"
    bundles_service.export_bundle(a, path, since_file=tmp_path / "b.vector")
    return a, b, path


def _refused(console: Console, path: Path, match: str) -> None:
    before = state(console)
    with pytest.raises(ServiceError, match=match) as info:
        bundles_service.import_bundle(console, path)
    assert "Nothing was imported" in str(info.value)
    assert state(console) == before


def test_a_truncated_bundle_is_refused_and_changes_nothing(
    good_bundle: tuple[Console, Console, Path], tmp_path: Path
) -> None:
    _a, b, path = good_bundle
    data = path.read_bytes()
    for cut in (len(data) - 1, len(data) // 2, 30, 5):
        short = tmp_path / f"cut{cut}.bundle"
        short.write_bytes(data[:cut])
        _refused(b, short, r"incomplete|not a HIS Console bundle|cut off")


def test_a_bundle_with_a_flipped_bit_is_refused(
    good_bundle: tuple[Console, Console, Path], tmp_path: Path
) -> None:
    _a, b, path = good_bundle
    data = bytearray(path.read_bytes())
    header_end = data.index(b"\n", len(bundle_format.MAGIC)) + 1
    for position in (len(data) - 3, header_end + 10, header_end - 40):
        flipped = bytearray(data)
        flipped[position] ^= 0x04
        bad = tmp_path / f"flip{position}.bundle"
        bad.write_bytes(bytes(flipped))
        _refused(b, bad, r"damaged|altered|forged")


def test_a_forged_event_in_a_well_formed_bundle_is_refused_as_a_whole(
    good_bundle: tuple[Console, Console, Path], keys: Keys, tmp_path: Path
) -> None:
    _a, b, path = good_bundle
    # Re-signed by a laptop B trusts (its key stolen, say): the body is read, and refused.
    mallory = keys.devices["C"]

    def change_text(raw: list[dict]) -> None:
        raw[-1]["payload"]["text"] = "all systems up, stand down"

    forged = tmp_path / "forged.bundle"
    repack(path, forged, key=mallory, edit=change_text)
    _refused(b, forged, r"forged.*not signed by device")


def test_a_manifest_signed_with_the_wrong_key_is_refused(
    good_bundle: tuple[Console, Console, Path], tmp_path: Path
) -> None:
    _a, b, path = good_bundle
    data = path.read_bytes()
    first = data.index(b"\n", len(bundle_format.MAGIC))
    header = json.loads(data[len(bundle_format.MAGIC) : first])
    other = Ed25519PrivateKey.generate()
    header["signature"] = b64(sign(other, MANIFEST_CONTEXT, header["manifest"]))
    bad = tmp_path / "wrongkey.bundle"
    bad.write_bytes(bundle_format.MAGIC + json.dumps(header).encode() + data[first:])
    _refused(b, bad, "signature does not match")


def test_files_that_are_not_bundles_are_refused(
    good_bundle: tuple[Console, Console, Path], tmp_path: Path
) -> None:
    _a, b, _path = good_bundle
    not_bundle = tmp_path / "photo.jpg"
    not_bundle.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(2000))
    _refused(b, not_bundle, "not a HIS Console bundle")
    empty = tmp_path / "empty.bundle"
    empty.write_bytes(b"")
    _refused(b, empty, "not a HIS Console bundle")
    with pytest.raises(ServiceError, match="does not exist"):
        bundles_service.import_bundle(b, tmp_path / "missing.bundle")


def test_an_oversized_file_is_refused_before_it_is_read(
    good_bundle: tuple[Console, Console, Path], tmp_path: Path
) -> None:
    _a, b, _path = good_bundle
    huge = tmp_path / "huge.bundle"
    with huge.open("wb") as handle:
        handle.truncate(bundle_format.MAX_BUNDLE_BYTES + 1)  # sparse: no disk used
    _refused(b, huge, "at most 512 MB")


def test_a_bundle_that_would_inflate_beyond_its_announced_size_is_refused(
    good_bundle: tuple[Console, Console, Path], keys: Keys, tmp_path: Path
) -> None:
    _a, b, path = good_bundle
    bomb = tmp_path / "bomb.bundle"
    key = keys.devices["C"]  # a trusted writer: a stranger's bundle is not even read

    def inflate(raw: list[dict]) -> None:
        raw.extend([raw[-1]] * 20000)

    repack(path, bomb, key=key, edit=inflate)
    data = bytearray(bomb.read_bytes())
    first = data.index(b"\n", len(bundle_format.MAGIC))
    header = json.loads(data[len(bundle_format.MAGIC) : first])
    header["manifest"]["body"]["raw_bytes"] = 100
    header["signature"] = b64(sign(key, MANIFEST_CONTEXT, header["manifest"]))
    bomb.write_bytes(bundle_format.MAGIC + json.dumps(header).encode() + bytes(data[first:]))
    _refused(b, bomb, "announced size")


def test_a_replayed_bundle_changes_nothing(good_bundle: tuple[Console, Console, Path]) -> None:
    _a, b, path = good_bundle
    bundles_service.import_bundle(b, path)
    before = state(b)
    replay = bundles_service.import_bundle(b, path)
    assert replay.report.applied == 0
    assert state(b) == before


def test_hlc_stamps_from_a_bundle_advance_the_local_clock(
    a_b: tuple[Console, Console], tmp_path: Path
) -> None:
    a, b = a_b
    incidents.declare(a, level="IV", title="Email down")
    _exchange(a, b, tmp_path / "a.bundle")
    assert b.clock.last >= a.clock.last
    incidents.declare(b, level="IV", title="Phones down")
    mine = max(Stamp.decode(e) for e in [b.clock.last.encode()])
    assert mine > a.clock.last


def test_two_laptops_that_each_loaded_the_bundled_plan_show_no_conflict_and_can_tidy(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    load_plan(b)
    _exchange(a, b, tmp_path / "a.bundle")
    _exchange(b, a, tmp_path / "b.bundle")
    assert conflicts_service.conflicts(a) == []  # the same value twice is no conflict to resolve
    listed = conflicts_service.conflicts(a, include_identical=True)
    assert listed and all(c["same_value"] and c["table"] == "plan_items" for c in listed)

    assert conflicts_service.resolve_identical(a) == len(listed)
    _exchange(a, b, tmp_path / "tidy.bundle")

    assert conflicts_service.conflicts(b, include_identical=True) == []
    assert snapshot(a)["plan_items"] == snapshot(b)["plan_items"]
