"""One glossary: the levels, log kinds, channels, report kinds and roles, used everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from hisconsole.cli import build_parser
from hisconsole.domain import glossary
from hisconsole.services import incidents
from hisconsole.services.console import Console


def test_levels_rank_most_severe_first() -> None:
    assert sorted(["IV", "II", "I", "III"], key=glossary.level_rank) == list(glossary.LEVELS)
    assert glossary.level_rank("V") == len(glossary.LEVELS)


def test_log_kinds_are_one_set_without_overlap() -> None:
    written = {*glossary.WRITTEN_LOG_KINDS, glossary.LOG_CORRECTION}
    assert written.isdisjoint(glossary.RECORDED_LOG_KINDS)
    assert set(glossary.LOG_KINDS) == written | set(glossary.RECORDED_LOG_KINDS)
    assert set(glossary.CLOCK_LOG_KINDS) <= set(glossary.RECORDED_LOG_KINDS)


def test_every_entry_an_incident_gets_has_a_glossary_kind(ready_data_dir: Path) -> None:
    console = Console.open(ready_data_dir)
    try:
        inc, _ = incidents.declare(console, level="III", title="LIS down", systems=["LIS"])
        for kind in glossary.WRITTEN_LOG_KINDS:
            incidents.log(console, inc, f"a {kind}", kind=kind)
        first = incidents.show(console, inc)["log"][-1]["entry"]
        incidents.log(console, inc, "fixed", corrects=first)
        incidents.change_level(console, inc, "II", "spreading")
        incidents.set_system_status(console, inc, "LIS", "down")
        incidents.record_report(console, inc, recipient="卫健委", channel="phone")
        incidents.resolve(console, inc)
        kinds = {entry["kind"] for entry in incidents.show(console, inc)["log"]}
    finally:
        console.close()
    assert kinds <= set(glossary.LOG_KINDS)
    assert {"declared", "level", "status", "report", "resolved", "correction"} <= kinds


def _choices(*path: str) -> dict[str, tuple[str, ...]]:
    parser = build_parser()
    for name in path:
        sub = next(a for a in parser._actions if a.dest.endswith("command"))
        parser = sub.choices[name]  # type: ignore[index]
    return {a.dest: tuple(a.choices) for a in parser._actions if a.choices and a.dest != "help"}


@pytest.mark.parametrize(
    ("path", "dest", "expected"),
    [
        (("incident", "declare"), "level", glossary.LEVELS),
        (("incident", "level"), "level", glossary.LEVELS),
        (("incident", "log"), "kind", glossary.WRITTEN_LOG_KINDS),
        (("incident", "status"), "status", glossary.SYSTEM_STATUSES),
        (("incident", "record-report"), "channel", glossary.REPORT_CHANNELS),
        (("report",), "kind", glossary.REPORT_KINDS),
        (("kit",), "level", glossary.LEVELS),
        (("init",), "role", glossary.ROLES),
    ],
)
def test_the_command_line_offers_the_glossary(
    path: tuple[str, ...], dest: str, expected: tuple[str, ...]
) -> None:
    assert _choices(*path)[dest] == expected
