"""``hisconsole incident log`` appends directly on sqlite3 (services/quick_log.py), and
the console's ``incidents.log`` on its own DB-API connection without an ORM session
(``Console.entry_transaction``): the user gets the same entry, the same refusals and the
same database as through the console's general writer (an ORM session whose projections
apply the event: ``Console.transaction``).

The three ways share the event's making (store/appending.py) and the entry's checks
(services/incident_writes.py); these tests hold them to one result: for the same input,
at the same moment, all leave every table byte for byte the same (the log with its
signature and clock stamp, its order, the activity log), or all refuse with the same
message and change nothing.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hisconsole.cli import main
from hisconsole.domain import glossary
from hisconsole.errors import KnownError
from hisconsole.services import incident_writes, incidents, quick_log
from hisconsole.services.console import Console, Operator
from hisconsole.services.incident_clocks import iso
from hisconsole.store import appending
from hisconsole.store.db import database_path
from hisconsole.store.direct import DirectStore
from hisconsole.sync.identity import KEY_FILENAME

#: The moment both ways write at (after the fixture's own events, in real time).
LATER_MS = 10**9 * 1000 * 2  # 2033-05-18


@pytest.fixture
def base(ready_data_dir: Path) -> tuple[Path, str, str]:
    """A data folder with an open incident holding one entry: (folder, incident, entry)."""
    console = Console.open(ready_data_dir)
    try:
        console.sign_in("Wang Fang", "it-duty")
        incident, _ = incidents.declare(console, level="II", title="HIS down")
        entry = incidents.log(console, incident, "Paper forms out").entry
    finally:
        console.close()
    return ready_data_dir, incident, entry


def _tables(data_dir: Path) -> dict[str, list[str]]:
    """Every table's rows (sorted), as a reader of the file sees them."""
    db = sqlite3.connect(f"file:{database_path(data_dir)}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {name: sorted(map(repr, db.execute(f'SELECT * FROM "{name}"'))) for name in names}
    finally:
        db.close()


def _through_console(data_dir: Path, incident: str, text: str, **kw: Any) -> str:
    console = Console.open(data_dir, now_ms=lambda: LATER_MS)
    try:
        console.operator = Operator("Li Na", "scribe")
        return incidents.log(console, incident, text, **kw).entry
    finally:
        console.close()


def _through_the_session(data_dir: Path, incident: str, text: str, **kw: Any) -> str:
    """As ``incidents.log`` wrote before it had its entry transaction."""
    console = Console.open(data_dir, now_ms=lambda: LATER_MS)
    try:
        console.operator = Operator("Li Na", "scribe")
        text = incident_writes.entry_text(text, kw["kind"])
        with console.transaction() as tx:
            at = iso(console.now())
            return incident_writes.write_entry(tx, incident, text, at=at, **kw).event_id
    finally:
        console.close()


def _directly(data_dir: Path, incident: str, text: str, **kw: Any) -> str | None:
    return quick_log.log(data_dir, incident, text, operator="Li Na", **kw)


def _outcome(write: Any, data_dir: Path, incident: str, text: str, **kw: Any) -> object:
    try:
        return ("written", write(data_dir, incident, text, **kw))
    except KnownError as exc:
        return ("refused", type(exc).__name__, str(exc))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.sampled_from(["  Runner sent to ward 3  ", "检验科改用纸质申请单", "x" * 20_001, ""]),
    ),
    kind=st.sampled_from(glossary.WRITTEN_LOG_KINDS),
    corrects=st.sampled_from(["none", "own", "unknown"]),
)
def test_every_way_leaves_the_same_database_or_refuses_alike(
    base: tuple[Path, str, str],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    kind: str,
    corrects: str,
) -> None:
    data_dir, incident, entry = base
    target = {"none": None, "own": entry, "unknown": "no-such-entry"}[corrects]
    # The same moment and the same event id for both: then the signature (Ed25519 is
    # deterministic) and every stored byte must agree too.
    monkeypatch.setattr(appending, "random_uuid", lambda: "0f0e0d0c-0b0a-4908-8706-050403020100")
    monkeypatch.setattr(quick_log, "wall_clock_ms", lambda: LATER_MS)
    copies = tmp_path_factory.mktemp("ways")
    ways = {"session": _through_the_session, "console": _through_console, "direct": _directly}
    for name in ways:
        shutil.copytree(data_dir, copies / name)
    before = _tables(data_dir)

    outcomes = {
        name: _outcome(write, copies / name, incident, text, kind=kind, corrects=target)
        for name, write in ways.items()
    }

    by_session = outcomes["session"]
    assert outcomes["console"] == by_session and outcomes["direct"] == by_session
    after = _tables(copies / "session")
    assert _tables(copies / "console") == after and _tables(copies / "direct") == after
    if by_session[0] == "written":
        assert len(after["events"]) == len(before["events"]) + 1
        assert len(after["incident_entries"]) == len(before["incident_entries"]) + 1
    else:
        assert after == before


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_logged_entry_is_in_the_incident_as_the_operator_wrote_it(
    base: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, incident, _ = base
    d = ("--data-dir", str(data_dir))
    code, out, err = run(
        capsys, *d, "--operator", "Li Na", "incident", "log", incident, " 已电话通知信息科 "
    )
    assert (code, err) == (0, "")
    entry = out.strip().removeprefix("Logged as entry ").removesuffix(".")
    code, out, _ = run(capsys, *d, "--json", "incident", "log", incident, "Runner sent")
    assert code == 0
    said = json.loads(out)
    assert said == {"id": incident, "logged": True, "entry": said["entry"]}

    code, out, _ = run(capsys, *d, "--json", "incident", "show", incident)
    log = json.loads(out)["log"]
    assert [(e["entry"], e["by"], e["kind"], e["text"]) for e in log[-2:]] == [
        (entry, "Li Na", "note", "已电话通知信息科"),
        (said["entry"], "Wang Fang", "note", "Runner sent"),  # the one on duty
    ]
    # Signed by this laptop, in sequence, and the activity log equals a rebuild from it.
    code, out, _ = run(capsys, *d, "check")
    assert code == 0 and out.startswith("OK:")


def test_a_correction_names_an_entry_of_the_same_incident(
    base: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, incident, entry = base
    d = ("--data-dir", str(data_dir))
    code, out, _ = run(capsys, *d, "--json", "incident", "log", incident, "Lab at 02:25",
                       "--corrects", entry)  # fmt: skip
    assert code == 0
    shown = json.loads(run(capsys, *d, "--json", "incident", "show", incident)[1])["log"][-1]
    assert (shown["kind"], shown["corrects"], shown["text"]) == (
        "correction",
        entry,
        "Lab at 02:25",
    )

    before = _tables(data_dir)
    code, out, err = run(capsys, *d, "incident", "log", incident, "x", "--corrects", "nope")
    assert (code, out) == (1, "")
    assert err == f"hisconsole: No log entry nope in incident {incident} to correct.\n"
    assert _tables(data_dir) == before


def test_refusals_say_why_and_change_nothing(
    base: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, incident, _ = base
    d = ("--data-dir", str(data_dir))
    before = _tables(data_dir)
    assert run(capsys, *d, "incident", "log", "NOPE", "hello") == (
        1,
        "",
        "hisconsole: No incident 'NOPE'. 'hisconsole incident list' shows them.\n",
    )
    assert run(capsys, *d, "incident", "log", incident, "   ") == (
        1,
        "",
        "hisconsole: The log entry is empty.\n",
    )
    code, _, err = run(capsys, *d, "incident", "log", incident, "bad \x00 byte")
    assert code == 1 and "holds a NUL character" in err and "Nothing was changed" in err
    code, _, err = run(capsys, "--lang", "zh", *d, "incident", "log", incident, "bad \x00 byte")
    assert code == 1 and "字段“text”含有 NUL 字符" in err and "holds" not in err, err
    assert _tables(data_dir) == before

    console = Console.open(data_dir)
    try:
        incidents.resolve(console, incident)
        incidents.close(console, incident)
    finally:
        console.close()
    closed = _tables(data_dir)
    code, out, err = run(capsys, *d, "incident", "log", incident, "too late")
    assert (code, out) == (1, "")
    assert incident in err and "closed" in err
    assert _tables(data_dir) == closed


def test_a_folder_whose_device_key_is_gone_is_refused_as_the_console_refuses_it(
    base: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, incident, _ = base
    (data_dir / KEY_FILENAME).unlink()
    before = _tables(data_dir)
    # The direct way leaves it to the console, which explains what to do.
    assert quick_log.log(data_dir, incident, "runner sent") is None
    code, out, err = run(capsys, "--data-dir", str(data_dir), "incident", "log", incident, "x")
    assert (code, out) == (1, "")
    assert "device key" in err and "is missing" in err and "Nothing was changed" in err
    assert _tables(data_dir) == before


def test_a_database_due_for_an_upgrade_is_left_to_the_console(
    base: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, incident, _ = base
    from hisconsole.store import db

    # As a newer program with one more migration sees this database.
    monkeypatch.setattr(db, "SCHEMA_REVISIONS", (*db.SCHEMA_REVISIONS, "9999"))
    monkeypatch.setattr(db, "SCHEMA_HEAD", "9999")
    assert DirectStore.open(data_dir) is None
    assert quick_log.log(data_dir, incident, "runner sent") is None
