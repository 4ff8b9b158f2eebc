"""The plan: the bundled plan is valid, imports report every problem, export/import round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from hisconsole.domain import plan as plan_rules
from hisconsole.domain.plan import PlanInvalid
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console


def test_bundled_plan_holds_the_facts_of_the_source_plan() -> None:
    doc = plan_service.read_document(plan_service.default_plan_path())
    levels = {lvl.code: lvl for lvl in plan_rules.levels_of(doc)}
    assert [levels[c].report_minutes for c in ("I", "II", "III", "IV")] == [10, 10, 30, 30]
    assert [i["colour"] for i in doc["levels"]] == ["red", "orange", "yellow", "blue"]
    assert [i["name"]["zh"] for i in doc["levels"]] == ["特别严重", "严重", "较重", "一般"]
    assert [g["code"] for g in doc["groups"]] == ["hq", "tech", "business"]
    assert doc["groups"][0]["name"]["zh"] == "应急指挥部"
    codes = {s["code"] for s in doc["systems"]}
    assert {"HIS", "EMR", "LIS", "PACS", "NET", "DC", "TERM"} <= codes
    risks = {r["code"] for r in doc["risks"]}
    assert {
        "system-failure",
        "data-breach",
        "cyber-attack",
        "natural-disaster",
        "power-loss",
    } <= risks
    for scenario in doc["scenarios"]:
        assert {step["group"] for step in scenario["steps"]} == {"hq", "tech", "business"}
    assert doc["resources"] and doc["drills"]


def test_export_then_import_round_trips_without_a_new_version(
    console: Console, tmp_path: Path
) -> None:
    out = tmp_path / "plan.yaml"
    plan_service.export_file(console, out)
    result = plan_service.import_file(console, out)
    assert result.version is None and not result.changed
    again = tmp_path / "plan.json"
    plan_service.export_file(console, again)
    assert json.loads(again.read_text("utf-8")) == plan_service.current_document(console)
    assert yaml.safe_load(out.read_text("utf-8")) == plan_service.current_document(console)


def test_an_edited_plan_publishes_a_new_version_with_only_the_changes(
    console: Console, tmp_path: Path
) -> None:
    doc = plan_service.current_document(console)
    assert doc is not None
    doc["levels"][2]["report_minutes"] = 20
    doc["resources"] = doc["resources"][1:]
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    before = plan_service.versions(console)[-1]["version"]
    result = plan_service.import_file(console, path)
    assert result.version == before + 1
    assert result.changed == ["levels/III"]
    assert len(result.removed) == 1 and result.removed[0].startswith("resources/")
    current = plan_service.current_document(console)
    assert current is not None and current["levels"][2]["report_minutes"] == 20


def test_a_bad_plan_reports_every_problem_with_its_location_and_changes_nothing(
    console: Console, tmp_path: Path
) -> None:
    doc = plan_service.current_document(console)
    assert doc is not None
    doc["levels"][0]["report_minutes"] = "ten"
    doc["levels"][1]["colour_hex"] = "orange"
    doc["groups"][1]["name"] = {"zh": "技术支持组"}
    doc["scenarios"][0]["risk"] = "meteor-strike"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    before = plan_service.current_document(console)
    with pytest.raises(PlanInvalid) as caught:
        plan_service.import_file(console, path)
    where = [p.location for p in caught.value.problems]
    assert "levels[0] (I).report_minutes" in where
    assert "levels[1] (II).colour_hex" in where
    assert "groups[1] (tech).name" in where
    assert any(w.startswith("scenarios[0]") and w.endswith(".risk") for w in where)
    assert len(caught.value.problems) == 4
    assert plan_service.current_document(console) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"levels: [unclosed\n", "line 2"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"just some text", "mapping"),
        (b"format: something-else\n", "not a HIS Console plan"),
    ],
)
def test_files_that_are_not_plans_are_refused_clearly(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(PlanInvalid, match=expected):
        plan_service.read_document(path)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PlanInvalid, match="cannot be read"):
        plan_service.read_document(tmp_path / "nope.yaml")


def test_export_to_an_unwritable_place_says_so_and_leaves_nothing(
    console: Console, tmp_path: Path
) -> None:
    from hisconsole.services.files import FileWriteError

    with pytest.raises(FileWriteError, match="Cannot write"):
        plan_service.export_file(console, tmp_path / "no-such-dir" / "plan.yaml")
    assert not (tmp_path / "no-such-dir").exists()


@pytest.mark.parametrize(
    ("colour", "ink"),
    [
        ("#C62828", "#FFFFFF"),
        ("#EF6C00", "#000000"),
        ("#F9A825", "#000000"),
        ("#1565C0", "#FFFFFF"),
    ],
)
def test_level_colours_carry_the_text_colour_that_reads_on_them(colour: str, ink: str) -> None:
    from hisconsole.domain.plan import text_colour_on

    assert text_colour_on(colour) == ink
