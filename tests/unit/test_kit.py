"""The downtime kit: call tree, checklists and starter forms in one print."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole.cli import main
from hisconsole.services import forms, incidents, kit
from hisconsole.services.console import Console
from hisconsole.services.setup import open_or_initialise


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
    # Six starter forms, for two wards.
    assert len(forms.outstanding(console, inc)) == len(result.pack.serials) == 12


def test_kit_ahead_of_an_incident_uses_a_scenario(console: Console) -> None:
    result = kit.downtime_kit(console, scenario="lis-down", level="III")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(result.pdf)).pages)
    assert "预印" in text or "pre-printed" in text


def test_the_cover_lists_what_the_kit_holds(console: Console) -> None:
    inc, _ = incidents.declare(
        console, level="II", title="HIS down", systems=["HIS"], scenario="his-down"
    )
    result = kit.downtime_kit(console, incident=inc)
    cover = PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text()
    assert "停机应急包" in cover and "Downtime kit" in cover
    assert "呼叫顺序" in cover and "检查清单" in cover and "纸质表单" in cover
    assert result.missing == []


def test_a_kit_without_call_tree_or_checklists_says_so_on_its_cover_and_in_the_output(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    console, _ = open_or_initialise(data_dir)  # the plan, but no contacts, so no call tree
    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    result = kit.downtime_kit(console, incident=inc)
    assert result.missing == ["call-tree", "checklists"]
    cover = PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text()
    assert "This console has no call tree" in cover and "没有呼叫顺序" in cover
    assert "follows no playbook" in cover and "未选处置预案" in cover
    console.close()

    out = tmp_path / "kit.pdf"
    assert main(["--data-dir", str(data_dir), "kit", "--incident", inc, "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert f"Downtime kit written to {out}" in text
    assert "No call tree in this kit. This console has no call tree" in text
    assert "No checklists in this kit. The incident follows no playbook" in text
    assert (
        main(["--data-dir", str(data_dir), "--json", "kit", "--incident", inc, "--out", str(out)])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["missing"] == ["call-tree", "checklists"]
