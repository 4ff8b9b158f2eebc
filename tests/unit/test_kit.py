"""The downtime kit: call tree, checklists and starter forms in one print."""

from __future__ import annotations

import io

from pypdf import PdfReader

from hisconsole.services import forms, incidents, kit
from hisconsole.services.console import Console


def test_kit_for_an_incident_holds_call_tree_checklists_and_forms(console: Console) -> None:
    inc, _ = incidents.declare(
        console, level="II", title="HIS down", systems=["HIS"], scenario="his-down"
    )
    result = kit.downtime_kit(console, incident=inc, wards=2)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(result.pdf)).pages)
    assert "应急指挥部" in text and "技术支持组" in text  # checklists by group
    assert inc in text and result.pack.serials[0] in text
    assert forms.sheets(console) == []  # nothing recorded until printed
    kit.record_kit(console, result)
    assert len(forms.outstanding(console, inc)) == len(result.pack.serials) == 10


def test_kit_ahead_of_an_incident_uses_a_scenario(console: Console) -> None:
    result = kit.downtime_kit(console, scenario="lis-down", level="III")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(result.pdf)).pages)
    assert "预印" in text or "pre-printed" in text
