"""CAP messages are records: an Update written on another laptop references what really went out."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from hisconsole.services import incidents, reports
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.store import eventlog, projections
from tests.sync.conftest import load_plan
from tests.sync.helpers import problems, snapshot

Laptops = Callable[..., Console]
NS = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}


def _exchange(source: Console, target: Console, path: Path) -> None:
    bundles_service.export_bundle(source, path)
    bundles_service.import_bundle(target, path)


def _root(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def _ref(root: ET.Element) -> str:
    return ",".join(
        root.findtext(f"cap:{t}", namespaces=NS) for t in ("sender", "identifier", "sent")
    )


def test_an_update_on_another_laptop_references_the_alert_that_went_out(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    incident, _ = incidents.declare(a, level="II", title="HIS down", systems=["HIS"])
    reports.write_cap(a, incident, tmp_path / "alert.xml")
    _exchange(a, b, tmp_path / "a.bundle")

    incidents.change_level(b, incident, "I", "EMR down too")
    issued = reports.write_cap(b, incident, tmp_path / "update.xml").message

    alert, update = _root(tmp_path / "alert.xml"), _root(tmp_path / "update.xml")
    assert issued.msg_type == "Update"
    assert update.findtext("cap:references", namespaces=NS) == _ref(alert)
    assert update.findtext("cap:sender", namespaces=NS) != alert.findtext(
        "cap:sender", namespaces=NS
    )

    _exchange(b, a, tmp_path / "b.bundle")
    incidents.resolve(a, incident)
    reports.write_cap(a, incident, tmp_path / "cancel.xml")
    cancel = _root(tmp_path / "cancel.xml")
    assert cancel.findtext("cap:references", namespaces=NS) == f"{_ref(alert)} {_ref(update)}"

    _exchange(a, b, tmp_path / "a2.bundle")
    assert snapshot(a) == snapshot(b)
    with b.db.write() as session:
        incremental = projections.snapshot(session)
        eventlog.rebuild(session)
        assert projections.snapshot(session) == incremental
    assert problems(b) == []
