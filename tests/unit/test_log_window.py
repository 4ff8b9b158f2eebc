"""The incident page's log read by position: any place of any filtered list reads as the
whole log filtered would, with each entry's number in the log and the number of the
entry a correction names; what was added is read alone; an entry that belongs earlier
makes the list be read anew."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hisconsole.services import incidents, log_window
from hisconsole.services.console import Console
from hisconsole.services.log_window import LogQuery, LogRead
from hisconsole.store.eventlog import append_foreign
from hisconsole.store.events import EventRecord
from tests.support import bulk_log


@pytest.fixture
def logged(ready_data_dir: Path) -> Iterator[tuple[Console, str]]:
    """An incident whose log mixes every kind of entry (a few thousand: more than a
    block and a segment), corrections near and far, Chinese and accented text."""
    console = Console.open(ready_data_dir)
    console.sign_in("Wang Fang", "it-duty")
    incident_id, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    first = incidents.log(console, incident_id, "Oxygen cylinders counted on ward 7").entry
    incidents.log(console, incident_id, "检验科改用纸质申请单", group="business", system="LIS")
    console.close()
    bulk_log(ready_data_dir, incident_id, [f"Ward {n % 40}: runner sent {n}" for n in range(450)])
    console = Console.open(ready_data_dir)
    console.sign_in("Li Na", "scribe")
    vendor = incidents.log(console, incident_id, "Vendor called", kind="action", group="tech")
    incidents.set_system_status(console, incident_id, "HIS", "degraded", comment="slow")
    incidents.record_report(console, incident_id, recipient="Health Commission", channel="phone")
    incidents.log(console, incident_id, "ÉCOLE de soins: paper", kind="decision", system="HIS")
    incidents.log(console, incident_id, "Vendor arrived", kind="correction", corrects=vendor.entry)
    incidents.log(console, incident_id, "Oxygen: 12 cylinders", kind="correction", corrects=first)
    yield console, incident_id
    console.close()


def whole_log(console: Console, incident_id: str) -> list[dict[str, Any]]:
    """The whole log as ``incident show`` gives it, numbered as the page numbers it."""
    log = incidents.show(console, incident_id)["log"]
    numbers = {row["entry"]: place + 1 for place, row in enumerate(log)}
    return [
        {**row, "number": numbers[row["entry"]], "corrects_number": numbers.get(row["corrects"])}
        for row in log
    ]


def selected(log: list[dict[str, Any]], query: LogQuery) -> list[dict[str, Any]]:
    """What the filters always selected (matched in Python, case-folded)."""
    needle = query.text.strip().casefold()

    def hay(row: dict[str, Any]) -> str:
        data = row["data"]
        recipient = str(data.get("recipient", ""))
        return " ".join((row["text"], row["by"], row["system"] or "", recipient)).casefold()

    return [
        row
        for row in log
        if (not needle or needle in hay(row))
        and (not query.group or row["group"] == query.group)
        and (not query.system or row["system"] == query.system)
        and (not query.kind or row["kind"] == query.kind)
    ]


def assert_rows(read: LogRead, expected: list[dict[str, Any]]) -> None:
    assert read.rows == expected[read.start : read.start + len(read.rows)]


# Mostly criteria that select something (each one alone would mostly select nothing).
QUERIES = st.builds(
    dict,
    text=st.sampled_from(
        [
            "",
            "",
            "vendor",
            "VENDOR ",
            "ward 1",
            "ward 39:",
            "école",
            "检验",
            "health",
            "li na",
            "oxygen",
            "runner sent 44",
            "nothing like it",
        ]
    ),
    group=st.sampled_from([None, None, None, None, "tech", "business"]),
    system=st.sampled_from([None, None, None, None, "HIS", "LIS"]),
    kind=st.sampled_from([None, None, None, "note", "note", "status", "correction", "action"]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(  # the end of a list, reached from the end
    criteria={"text": "ward 1", "group": None, "system": None, "kind": None},
    at_end=False,
    reads=[(115, 10)],
)
@example(  # the whole log, read in its middle from the anchors read apart
    criteria={"text": "", "group": None, "system": None, "kind": None},
    at_end=True,
    reads=[(200, 20), (75, 3)],
)
@given(
    criteria=QUERIES,
    at_end=st.booleans(),
    reads=st.lists(st.tuples(st.integers(0, 500), st.integers(1, 30)), min_size=1, max_size=6),
)
def test_any_place_of_any_list_reads_as_the_whole_log_filtered(
    logged: tuple[Console, str],
    monkeypatch: pytest.MonkeyPatch,
    criteria: dict[str, Any],
    at_end: bool,
    reads: list[tuple[int, int]],
) -> None:
    console, incident_id = logged
    # Small blocks and segments: every read crosses anchors of both kinds; a kind of
    # more than 40 entries is walked in log order, fewer are sorted.
    monkeypatch.setattr(log_window, "BLOCK", 16)
    monkeypatch.setattr(log_window, "SEGMENT", 37)
    monkeypatch.setattr(log_window, "SORT_LIMIT", 40)
    query = LogQuery(incident_id, **criteria)
    log = whole_log(console, incident_id)
    expected = selected(log, query)
    opened = log_window.open_list(console, query, at_end=at_end)
    assert (opened.listing.entries, opened.listing.matches) == (len(log), len(expected))
    assert opened.before is None and len(opened.rows) == min(16, len(expected))
    assert_rows(opened, expected)
    # The whole log's anchors are read apart, after it is shown.
    segments = log_window.segments(console, opened.listing)
    assert (segments is None) == query.filtering()
    anchors = [*opened.anchors, *(segments or [])]
    for start, size in reads:
        start %= max(len(expected), 1)
        # From the anchors known so far, and from the list's start or end alone.
        for known in (anchors, []):
            read = log_window.read_rows(console, opened.listing, start, start + size, known)
            assert read is not None
            assert len(read.rows) == min(size, len(expected) - start)
            assert_rows(read, expected)
        anchors += read.anchors


def test_a_text_is_found_in_any_case_and_far_back(logged: tuple[Console, str]) -> None:
    console, incident_id = logged
    read = log_window.open_list(console, LogQuery(incident_id, text=" OXYGEN "), at_end=False)
    assert [(row["number"], row["text"]) for row in read.rows] == [
        (2, "Oxygen cylinders counted on ward 7"),
        (read.listing.entries, "Oxygen: 12 cylinders"),
    ]
    # A correction names the number of the entry it corrects, however far back.
    assert read.rows[1]["corrects_number"] == 2
    accented = log_window.open_list(console, LogQuery(incident_id, text="école"), at_end=False)
    assert [row["text"] for row in accented.rows] == ["ÉCOLE de soins: paper"]
    nul = log_window.open_list(console, LogQuery(incident_id, text="\x00"), at_end=False)
    assert nul.listing.matches == 0 and nul.rows == []


def test_what_was_added_is_read_alone_and_inserted_after_the_list(
    logged: tuple[Console, str],
) -> None:
    console, incident_id = logged
    query = LogQuery(incident_id, text="runner")
    opened = log_window.open_list(console, query, at_end=True)
    nothing = log_window.refresh(console, opened.listing, at_end=True)
    assert nothing.before == opened.listing and nothing.listing == opened.listing
    assert nothing.rows == []
    incidents.log(console, incident_id, "Runner back from ward 3")
    incidents.log(console, incident_id, "Lab results by phone")  # not in the list
    added = log_window.refresh(console, opened.listing, at_end=True)
    assert added.before == opened.listing
    assert added.listing.entries == opened.listing.entries + 2
    assert added.listing.matches == opened.listing.matches + 1
    assert added.start == opened.listing.matches
    assert [(row["number"], row["text"]) for row in added.rows] == [
        (opened.listing.entries + 1, "Runner back from ward 3")
    ]
    # Rows read against the list as it was are still its rows.
    old = log_window.read_rows(console, opened.listing, 0, 3, opened.anchors)
    assert old is not None
    assert_rows(old, selected(whole_log(console, incident_id), query))


def test_an_earlier_entry_from_another_laptop_makes_the_list_be_read_anew(
    logged: tuple[Console, str],
) -> None:
    console, incident_id = logged
    opened = log_window.open_list(console, LogQuery(incident_id), at_end=True)
    # Written on another laptop before ours (an earlier clock stamp), arriving now.
    earlier = EventRecord(
        origin_id="f" * 32,
        origin_seq=1,
        event_id=str(uuid.uuid4()),
        hlc="0" * 24,
        author="Zhao Lei",
        kind="incident.logged",
        entity=f"incident:{incident_id}",
        payload={
            "id": incident_id,
            "text": "Wards told by phone",
            "kind": "note",
            "group": None,
            "system": None,
            "corrects": None,
            "at": "2026-01-01T00:00:00+00:00",
        },
    )
    with console.db.write() as session:
        append_foreign(session, [(earlier, 0)])
    # Every place after it moved: rows read against the old list are refused.
    assert log_window.read_rows(console, opened.listing, 0, 5, opened.anchors) is None
    assert log_window.segments(console, opened.listing) is None
    again = log_window.refresh(console, opened.listing, at_end=False)
    assert again.before is None and again.listing.entries == opened.listing.entries + 1
    assert again.rows[0]["text"] == "Wards told by phone" and again.rows[0]["number"] == 1
    assert_rows(again, whole_log(console, incident_id))


def test_the_entries_of_some_kinds_come_numbered_as_in_the_log(
    logged: tuple[Console, str],
) -> None:
    console, incident_id = logged
    log = whole_log(console, incident_id)
    kinds = ("declared", "status", "report")
    read = log_window.numbered(console, incident_id, kinds)
    assert read.listing.entries == len(log)
    assert read.rows == [row for row in log if row["kind"] in kinds]
