"""The scenario follows the facts: the plan's playbook for the systems named is proposed."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hisconsole.cli import main
from hisconsole.errors import KnownError
from hisconsole.services import incidents, response
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.store import eventlog, projections

DOC = plan_service.read_document(plan_service.default_plan_path())
CODES = [s["code"] for s in DOC["systems"]]


@pytest.mark.parametrize(
    ("systems", "proposed"),
    [
        (["HIS"], "his-down"),
        (["lis"], "lis-down"),
        (["HIS", "LIS"], "his-down"),  # as alike as lis-down; the plan lists HIS first
        (["NET"], "network-outage"),
        (["DC", "NET", "HIS", "EMR", "LIS", "PACS", "MEMS"], "datacentre-power-loss"),
        ([], None),
    ],
)
def test_the_plans_playbook_for_the_systems_named(systems: list[str], proposed: str | None) -> None:
    assert plan_service.propose_scenario(DOC, systems) == proposed


@given(st.lists(st.sampled_from(CODES), max_size=5))
def test_a_proposal_names_a_playbook_for_at_least_one_system(systems: list[str]) -> None:
    proposed = plan_service.propose_scenario(DOC, systems)
    if not systems:
        assert proposed is None
        return
    scenario = next(s for s in DOC["scenarios"] if s["code"] == proposed)
    assert set(scenario["systems"]) & set(systems)


def test_incident_declare_follows_the_proposed_playbook_unless_told_otherwise(
    console: Console, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(console.data_dir)
    argv = ["--data-dir", d, "incident", "declare", "--level", "II", "--title", "HIS+LIS down"]

    assert main([*argv, "--system", "HIS", "--system", "LIS"]) == 0
    said = capsys.readouterr()
    first = said.out.strip()  # stdout is the id alone: scripts read it
    assert first.startswith("INC-") and "\n" not in first
    assert "Playbook: his-down (HIS outage), proposed for HIS, LIS" in said.err
    assert incidents.show(console, first)["scenario"] == "his-down"
    assert response.checklist(console, first)  # the playbook's steps are there

    assert main(["--json", *argv, "--system", "HIS", "--scenario", "none"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["scenario"] is None
    assert incidents.show(console, answer["id"])["scenario"] is None
    assert response.checklist(console, answer["id"]) == []

    assert main([*argv, "--system", "NET", "--scenario", "his-down"]) == 0
    chosen = capsys.readouterr().out.split()[0]
    assert incidents.show(console, chosen)["scenario"] == "his-down"


def test_declare_attaches_the_report_that_triggered_it(
    console: Console, capsys: pytest.CaptureFixture[str]
) -> None:
    report = response.receive_report(
        console,
        reporter="Nurse Chen",
        department="ER",
        channel="phone",
        what="HIS frozen",
        systems=["HIS"],
    )
    d = str(console.data_dir)
    argv = ["--data-dir", d, "incident", "declare", "--level", "II", "--title", "HIS down"]
    before = incidents.list_incidents(console)

    assert main([*argv, "--attach", "nope"]) != 0
    assert "No report 'nope'" in capsys.readouterr().err
    assert incidents.list_incidents(console) == before

    assert main([*argv, "--system", "HIS", "--attach", report]) == 0
    new_id = capsys.readouterr().out.split()[0]
    assert response.reports(console, open_only=True) == []
    received = response.reports(console)[0]["received_at"]
    assert incidents.show(console, new_id)["reported_at"] == received  # its clock runs from it
    assert any("Nurse Chen" in e["text"] for e in incidents.show(console, new_id)["log"])


def test_an_incident_declared_without_a_playbook_can_be_given_one(console: Console) -> None:
    inc, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    assert response.checklist(console, inc) == []

    incidents.choose_playbook(console, inc, "his-down")

    shown = incidents.show(console, inc)
    assert shown["scenario"] == "his-down"
    steps = response.checklist(console, inc)
    assert steps and all(s["source"] == "playbook" for s in steps)
    (entry,) = [e for e in shown["log"] if e["kind"] == "playbook"]
    assert incidents.describe_entry(entry) == "Playbook chosen: his-down"
    with pytest.raises(KnownError, match="already follows the playbook his-down"):
        incidents.choose_playbook(console, inc, "lis-down")
    with pytest.raises(KnownError, match="nope"):
        incidents.choose_playbook(console, inc, "nope")
    with console.db.write() as session:
        incremental = projections.snapshot(session)
        eventlog.rebuild(session)
        assert projections.snapshot(session) == incremental
