"""The IT key and the signed trust list: keys, roles, revocation, replay, and pinning."""

from __future__ import annotations

import datetime as dt
import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from hisconsole.services import incidents
from hisconsole.services.console import Console, Operator, ServiceError
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import devices as devices_service
from hisconsole.services.sync import quarantine
from hisconsole.services.sync import trust as trust_service
from hisconsole.sync import trust
from tests.sync.conftest import Keys, device_id, load_plan, public_b64
from tests.sync.helpers import events, problems, state

Laptops = Callable[..., Console]
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def test_keygen_writes_a_private_key_only_its_owner_can_read(tmp_path: Path) -> None:
    data = trust_service.trust_keygen(tmp_path / "it.pem")

    assert stat.S_IMODE((tmp_path / "it.pem").stat().st_mode) == 0o600
    pub = (tmp_path / "it.pem.pub").read_text()
    assert pub.startswith("hisconsole-it-key ed25519 ")
    assert data["fingerprint"] in pub
    assert trust.load_public_key(tmp_path / "it.pem.pub") == trust.unb64(data["public_key"])
    with pytest.raises(ServiceError, match="already exists"):
        trust_service.trust_keygen(tmp_path / "it.pem")


def test_a_signed_list_names_devices_roles_and_serial(keys: Keys) -> None:
    signed = json.loads(keys.signed_list.read_text())
    listed = trust.verify_signed(signed, trust.load_public_key(keys.it_public))

    assert listed.hospital == "Test Hospital"
    assert listed.serial == 3  # one per device added
    by_name = {d.name: d for d in listed.devices.values()}
    assert by_name["Laptop A"].roles == {"operator", "plan-editor"}
    assert by_name["Laptop C"].roles == {"operator"}


def test_an_altered_signed_list_is_refused(keys: Keys, tmp_path: Path) -> None:
    signed = json.loads(keys.signed_list.read_text())
    signed["list"]["devices"][2]["roles"] = ["operator", "plan-editor"]
    with pytest.raises(trust.TrustError, match="does not match its content"):
        trust.verify_signed(signed, trust.load_public_key(keys.it_public))


def test_adding_a_device_with_a_mismatched_id_is_refused(keys: Keys, tmp_path: Path) -> None:
    doc = trust.read_list_file(keys.trust_list)
    doc["devices"][0]["id"] = "aaaaaaaaaaaaaaaa"
    with pytest.raises(trust.TrustError, match="does not match its public key"):
        trust.normalise_list(doc)
    with pytest.raises(ServiceError, match="base64 text"):
        trust_service.trust_add(tmp_path / "l.yaml", public_key="not a key", name="x")


def test_events_need_the_role_their_kind_requires() -> None:
    assert trust.required_role("plan.item.set") == "plan-editor"
    assert trust.required_role("contact.set") == "plan-editor"
    assert trust.required_role("calltree.removed") == "plan-editor"
    assert trust.required_role("incident.logged") == "operator"
    assert trust.required_role("forms.issued") == "operator"


def test_a_list_signed_by_another_it_key_is_refused(
    laptops: Laptops, keys: Keys, tmp_path: Path
) -> None:
    a = laptops("A")
    trust_service.trust_keygen(tmp_path / "other.pem")
    trust_service.trust_sign(
        keys.trust_list, tmp_path / "other.pem", tmp_path / "other.signed", now=NOW
    )
    doc = trust.read_list_file(keys.trust_list)
    doc["serial"] = 99
    trust.write_list_file(tmp_path / "newer.yaml", doc)
    trust_service.trust_sign(
        tmp_path / "newer.yaml", tmp_path / "other.pem", tmp_path / "n.signed", now=NOW
    )

    with pytest.raises(ServiceError, match="not by the pinned"):
        trust_service.trust_import(a, tmp_path / "n.signed")
    assert trust_service.trust_show(a)["serial"] == 3


def test_an_older_list_cannot_be_replayed(laptops: Laptops, keys: Keys, tmp_path: Path) -> None:
    a = laptops("A")
    newer = tmp_path / "newer.yaml"
    doc = trust.read_list_file(keys.trust_list)
    trust.write_list_file(newer, trust.revoke_device(doc, keys_id(keys, "C"), NOW.date()))
    trust_service.trust_sign(newer, keys.it_private, tmp_path / "newer.signed", now=NOW)
    assert trust_service.trust_import(a, tmp_path / "newer.signed")["serial"] == 4

    with pytest.raises(ServiceError, match="older than the one in use"):
        trust_service.trust_import(a, keys.signed_list)
    assert trust_service.trust_show(a)["serial"] == 4
    assert trust_service.trust_import(a, tmp_path / "newer.signed")["adopted"] is False


def keys_id(keys: Keys, name: str) -> str:
    return device_id(keys.devices[name])


def test_without_a_pinned_key_the_operator_must_confirm_the_fingerprint(
    laptops: Laptops, keys: Keys
) -> None:
    a = laptops("A", trusted=False)
    fp = trust.fingerprint(trust.load_public_key(keys.it_public))

    with pytest.raises(ServiceError, match=f"No IT key is pinned.*{fp}"):
        trust_service.trust_import(a, keys.signed_list)
    assert trust_service.trust_show(a)["it_key"] is None
    with pytest.raises(ServiceError, match="No IT key is pinned"):
        trust_service.trust_import(a, keys.signed_list, pin_fingerprint="abcd-efgh-ijkl-mnop")

    data = trust_service.trust_import(a, keys.signed_list, pin_fingerprint=fp.upper())
    assert data["adopted"] and trust_service.trust_show(a)["it_key"] == fp


def test_a_different_pinned_key_is_only_replaced_on_request(
    laptops: Laptops, keys: Keys, tmp_path: Path
) -> None:
    a = laptops("A")
    trust_service.trust_keygen(tmp_path / "new-it.pem")
    with pytest.raises(ServiceError, match="already pinned"):
        trust_service.trust_pin(a, tmp_path / "new-it.pem.pub")
    assert trust_service.trust_show(a)["serial"] == 3

    trust_service.trust_pin(a, tmp_path / "new-it.pem.pub", replace=True)
    shown = trust_service.trust_show(a)
    assert shown["it_key"] == trust.fingerprint(trust.load_public_key(tmp_path / "new-it.pem.pub"))
    assert shown["serial"] is None  # the old list was signed by the old key


def test_a_revoked_device_is_refused_and_cannot_be_accepted(
    laptops: Laptops, keys: Keys, tmp_path: Path
) -> None:
    a, c = laptops("A"), laptops("C")
    load_plan(a)
    bundles_service.export_bundle(a, tmp_path / "plan.bundle")
    bundles_service.import_bundle(c, tmp_path / "plan.bundle")
    incident, _ = incidents.declare(c, level="IV", title="Declared after theft")
    revoked = tmp_path / "revoked.yaml"
    trust.write_list_file(
        revoked,
        trust.revoke_device(trust.read_list_file(keys.trust_list), keys_id(keys, "C"), NOW.date()),
    )
    trust_service.trust_sign(revoked, keys.it_private, tmp_path / "revoked.signed", now=NOW)
    trust_service.trust_import(a, tmp_path / "revoked.signed")

    bundles_service.export_bundle(c, tmp_path / "c.bundle")
    before = state(a)
    # Nothing of a revoked laptop's bundle is read: it is refused as a whole.
    with pytest.raises(quarantine.RevokedExporter, match=r"IT revoked on .*Nothing was imported"):
        bundles_service.import_bundle(a, tmp_path / "c.bundle")

    assert state(a) == before
    assert incident not in {i["id"] for i in incidents.list_incidents(a)}
    status = {d.id: d.status for d in devices_service.devices(a)}
    assert status[c.device_id] == "revoked"
    a.operator = Operator("Commander Li", "commander")
    with pytest.raises(ServiceError):
        devices_service.accept_device(a, c.device_id)
    assert problems(a) == []


def test_an_expired_entry_quarantines_new_events(
    laptops: Laptops, keys: Keys, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    doc = trust.read_list_file(keys.trust_list)
    doc = trust.add_device(
        doc,
        public_key=trust.unb64(public_b64(keys.devices["B"])),
        name="Laptop B",
        roles=["operator", "plan-editor"],
        expires=dt.date(2020, 1, 1),
    )
    trust.write_list_file(tmp_path / "expired.yaml", doc)
    trust_service.trust_sign(
        tmp_path / "expired.yaml", keys.it_private, tmp_path / "e.signed", now=NOW
    )
    trust_service.trust_import(a, tmp_path / "e.signed")
    load_plan(b)

    bundles_service.export_bundle(b, tmp_path / "b.bundle")
    result = bundles_service.import_bundle(a, tmp_path / "b.bundle")

    # Its bundle is not read while the entry is expired: kept unread until IT renews it.
    assert result.report.applied == 0 and result.held_unread
    listed = {d.id: d for d in devices_service.devices(a)}[b.device_id]
    assert (listed.status, listed.unread_bundles) == ("expired", 1)


def test_a_newer_trust_list_travels_in_bundles_and_releases_held_events(
    laptops: Laptops, keys: Keys, tmp_path: Path
) -> None:
    a, r = laptops("A"), laptops("R", trusted=False)
    load_plan(r)
    bundles_service.export_bundle(r, tmp_path / "r.bundle")
    held = bundles_service.import_bundle(a, tmp_path / "r.bundle")
    assert held.held_unread and held.report.quarantined == 0  # R is a stranger: not read

    # IT adds R as a plan editor; only A receives the new list, by hand.
    doc = trust.add_device(
        trust.read_list_file(keys.trust_list),
        public_key=trust.unb64(public_b64(keys.devices["R"])),
        name="Laptop R",
        roles=["operator", "plan-editor"],
    )
    trust.write_list_file(tmp_path / "with-r.yaml", doc)
    trust_service.trust_sign(
        tmp_path / "with-r.yaml", keys.it_private, tmp_path / "r.signed", now=NOW
    )
    imported = trust_service.trust_import(a, tmp_path / "r.signed")
    assert imported["applied"] == len(events(r))

    # B learns the new list from A's bundle and takes R's events at once.
    b = laptops("B")
    bundles_service.export_bundle(a, tmp_path / "a.bundle")
    result = bundles_service.import_bundle(b, tmp_path / "a.bundle")
    assert result.trust_serial == 4
    assert result.report.quarantined == 0
    assert trust_service.trust_show(b)["serial"] == 4


def test_a_bundle_can_pin_the_it_key_once_the_operator_confirms_it(
    laptops: Laptops, keys: Keys, tmp_path: Path
) -> None:
    a, fresh = laptops("A"), laptops("B", trusted=False)
    load_plan(a)
    bundles_service.export_bundle(a, tmp_path / "a.bundle")
    fp = trust.fingerprint(trust.load_public_key(keys.it_public))

    first = bundles_service.import_bundle(fresh, tmp_path / "a.bundle")
    assert first.held_unread and first.report.applied == 0
    assert any(fp in note and "--pin-it-key" in note for note in first.notes)

    second = bundles_service.import_bundle(fresh, tmp_path / "a.bundle", pin_it_key=fp)
    assert second.trust_serial == 3
    assert second.report.applied == len(events(a))
    assert trust_service.trust_show(fresh)["it_key"] == fp
    assert quarantine.held_bundles(fresh) == []  # the copy held first was read and removed
