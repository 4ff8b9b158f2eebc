"""Damage is found and reported with the way back; check never blocks the console; odd
clock stamps are data, not damage."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from hisconsole.cli import main
from hisconsole.domain.hlc import HybridClock, Stamp
from hisconsole.services import incidents
from hisconsole.services.console import Console
from hisconsole.store import db as store_db
from hisconsole.store.errors import DatabaseCorrupt
from hisconsole.sync import bundle as bundle_format

WAY_BACK = ("hisconsole restore", "hisconsole bundle import")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def damage(path: Path, *, at: float = 0.5, size: int = 16 * 1024) -> None:
    """Overwrite ``size`` bytes of ``path`` at the fraction ``at`` of its length."""
    data = bytearray(path.read_bytes())
    start = int(len(data) * at) // 4096 * 4096
    noise = random.Random(14).randbytes(size)
    data[start : start + size] = noise
    path.write_bytes(bytes(data))


def checkpoint(data_dir: Path) -> Path:
    """Fold the WAL into the database file (as after a clean close) and return its path."""
    path = store_db.database_path(data_dir)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def test_a_damaged_database_stops_the_console_with_the_way_back(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    damage(checkpoint(ready_data_dir))
    d = str(ready_data_dir)
    code, out, err = run(capsys, "--data-dir", d, "incident", "log", "X", "hello")
    assert code == 1 and out == ""
    assert "is damaged" in err and all(step in err for step in WAY_BACK), err
    assert "Traceback" not in err


def test_check_reports_damage_with_exit_3_and_the_way_back(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    damage(checkpoint(ready_data_dir))
    d = str(ready_data_dir)
    code, out, err = run(capsys, "--data-dir", d, "check")
    assert code == 3, err
    assert "damaged" in out and all(step in out for step in WAY_BACK), out
    # In the reader's language, the way back too.
    code, out, err = run(capsys, "--data-dir", d, "--lang", "zh", "check")
    assert code == 3, err
    assert "数据库文件已损坏" in out and "恢复方法" in out and "The way back" not in out, out
    assert "完整性检查未通过" in out and "SQLite integrity" not in out, out
    assert all(step in out for step in WAY_BACK), out
    code, out, _ = run(capsys, "--data-dir", d, "--json", "check")
    report = json.loads(out)
    assert code == 3 and report["ok"] is False
    assert any(p.startswith("SQLite integrity") for p in report["problems"])
    assert all(step in report["way_back"] for step in WAY_BACK)


def _poke(path: Path, sql: str, *args: object) -> None:
    """Change the log behind the console's back (as a disk error would)."""
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER events_immutable_update")
    con.execute(sql, args)
    con.execute(
        "CREATE TRIGGER events_immutable_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are immutable'); END"
    )
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("payload", "said"),
    [
        (b"\xff\xfe{not utf-8", "not valid UTF-8"),
        (b"{half", "not valid JSON"),
        (b"[1, 2]", "not an object"),
    ],
)
def test_a_damaged_payload_is_reported_not_a_traceback(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, payload: bytes, said: str
) -> None:
    path = checkpoint(ready_data_dir)
    _poke(path, "UPDATE events SET payload = CAST(? AS TEXT) WHERE origin_seq = 3", payload)
    code, out, err = run(capsys, "--data-dir", str(ready_data_dir), "--json", "check")
    assert code == 3, err
    report = json.loads(out)
    assert any(said in p and "#3" in p for p in report["problems"]), report["problems"]


def test_check_does_not_block_writers(
    ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another console appends after check has rebuilt the projections, before it
    compares them."""
    from hisconsole.services import maintenance

    checker = Console.open(ready_data_dir)
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0.2)
    writer = Console.open(ready_data_dir)
    real_compare = maintenance.shadow.compare
    written: list[str] = []

    def compare_while_writing(session: object, **options: object) -> object:
        incident, _ = incidents.declare(writer, level="III", title="LIS slow")
        written.append(incident)
        return real_compare(session, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(maintenance.shadow, "compare", compare_while_writing)
    try:
        report = maintenance.check(checker)
    finally:
        checker.close()
        writer.close()
    assert written and report.ok, report.problems
    again = Console.open(ready_data_dir)
    try:
        assert written[0] in {i["id"] for i in incidents.list_incidents(again)}
    finally:
        again.close()


def test_a_console_opened_during_check_appends_at_every_stage(
    ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While check reads its snapshot (log, rebuild, comparison), another console opens
    and appends; check sees the log as it began and still finds it sound."""
    from hisconsole.services import maintenance

    setup = Console.open(ready_data_dir)
    incident, _ = incidents.declare(setup, level="II", title="HIS down")
    setup.close()
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0.2)  # a blocked writer fails fast
    checker = Console.open(ready_data_dir)
    seen: list[tuple[str, int, int]] = []
    written: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        seen.append((stage, done, total))
        if stage != maintenance.STAGE_FILE and stage not in {s for s, _ in written}:
            other = Console.open(ready_data_dir)
            try:
                written.append((stage, incidents.log(other, incident, f"written during {stage}")))
            finally:
                other.close()

    try:
        report = maintenance.check(checker, progress=progress)
    finally:
        checker.close()
    assert report.ok, report.problems
    assert [s for s, _ in written] == [
        maintenance.STAGE_LOG,
        maintenance.STAGE_REBUILD,
        maintenance.STAGE_COMPARE,
    ]
    stages = [stage for stage, _, _ in seen]
    assert sorted(set(stages), key=stages.index) == list(maintenance.CHECK_STAGES)
    assert all(0 <= done <= total for _, done, total in seen)
    assert seen[-1][1] == seen[-1][2]  # the comparison finished
    after = Console.open(ready_data_dir)
    try:
        texts = [e["text"] for e in incidents.show(after, incident)["log"]]
    finally:
        after.close()
    assert {f"written during {stage}" for stage, _ in written} <= set(texts)


def test_a_stamp_from_1970_is_data_not_damage(
    capsys: pytest.CaptureFixture[str], timed: Console
) -> None:
    incident, _ = incidents.declare(timed, level="II", title="HIS down")
    # This laptop's clock was reset to 1970 and its clock state lost: the next event carries
    # a stamp before the last one (the same can come signed from another trusted laptop).
    timed.clock = HybridClock(Stamp(0, 0), lambda: 1_000)
    incidents.log(timed, incident, "written with the clock at 1970")
    timed.clock = HybridClock(Stamp(0, 0), lambda: 2_000)
    incidents.log(timed, incident, "still 1970")
    code, out, _ = run(capsys, "--data-dir", str(timed.data_dir), "--json", "check")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True, report
    assert any("1970-01-01" in note for note in report["notes"]), report
    texts = [e["text"] for e in incidents.show(timed, incident)["log"]]
    assert "written with the clock at 1970" in texts and "still 1970" in texts


def test_restore_then_bundles_recover_everything(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    """The way back the message gives: latest backup, then the rest from another laptop."""
    d = str(ready_data_dir)
    other = tmp_path / "laptop-b"
    shutil.copytree(ready_data_dir, other)
    run(capsys, "--data-dir", str(other), "device", "new-identity", "--replace")
    code, out, _ = run(capsys, "--data-dir", d, "--json", "incident", "declare", "--level", "II",
                       "--title", "HIS down")  # fmt: skip
    incident = json.loads(out)["id"]
    assert run(capsys, "--data-dir", d, "backup", "--out", str(tmp_path / "b.sqlite3"))[0] == 0
    # After the backup: more work here, copied to laptop B by bundle.
    run(capsys, "--data-dir", d, "incident", "log", incident, "after the backup")
    assert (
        run(capsys, "--data-dir", d, "bundle", "export", "--out", str(tmp_path / "a.bundle"))[0]
        == 0
    )
    code, _, err = run(
        capsys, "--data-dir", str(other), "bundle", "import", str(tmp_path / "a.bundle")
    )
    assert code == 0, err
    a_id = json.loads(run(capsys, "--data-dir", d, "--json", "device", "show")[1])["id"]
    accepted = run(capsys, "--data-dir", str(other), "--operator", "Li Wei", "--role",
                   "commander", "device", "accept", a_id)  # fmt: skip
    assert accepted[0] == 0, accepted
    code, out, _ = run(capsys, "--data-dir", d, "--json", "incident", "show", incident)
    before = json.loads(out)
    damage(checkpoint(ready_data_dir))
    with pytest.raises(DatabaseCorrupt):
        Console.open(ready_data_dir)
    # The way back.
    code, _, err = run(capsys, "--data-dir", d, "restore", str(tmp_path / "b.sqlite3"))
    assert code == 0, err
    assert run(capsys, "--data-dir", str(other), "bundle", "export", "--out",
               str(tmp_path / "b.bundle"))[0] == 0  # fmt: skip
    code, out, err = run(capsys, "--data-dir", d, "bundle", "import", str(tmp_path / "b.bundle"))
    assert code == 0, err
    # No trust list here: laptop B is a stranger whose bundle waits unread for a commander,
    # but this laptop's own entries in it are taken back at once (its own key vouches).
    assert "taken back" in out and "not read" in out, out
    code, out, _ = run(capsys, "--data-dir", d, "--json", "incident", "show", incident)
    assert json.loads(out)["log"] == before["log"]
    assert run(capsys, "--data-dir", d, "check")[0] == 0


def test_a_read_only_data_folder_can_be_read_and_says_so_on_writes(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    """A data folder on a write-protected USB stick or a read-only mount."""
    import subprocess

    checkpoint(ready_data_dir)
    d = str(ready_data_dir)
    code, out, _ = run(capsys, "--data-dir", d, "--json", "incident", "declare", "--level", "II",
                       "--title", "HIS down")  # fmt: skip
    incident = json.loads(out)["id"]
    checkpoint(ready_data_dir)
    disk = tmp_path / "ro"
    disk.mkdir()
    done = subprocess.run(["mount", "--bind", d, str(disk)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(disk)], check=True)
        ro = str(disk)
        code, out, err = run(capsys, "--data-dir", ro, "--json", "incident", "list")
        assert code == 0, err
        assert incident in {i["id"] for i in json.loads(out)}
        code, out, err = run(capsys, "--data-dir", ro, "incident", "log", incident, "x")
        assert code == 1 and out == ""
        assert "read-only" in err and "Traceback" not in err
        assert run(capsys, "--data-dir", ro, "check")[0] == 0
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.parametrize(("at", "saved"), [(0.9, True), (0.5, False)])
def test_a_damaged_database_can_still_be_read_out_with_a_warning(
    capsys: pytest.CaptureFixture[str],
    ready_data_dir: Path,
    tmp_path: Path,
    at: float,
    saved: bool,
) -> None:
    """Rescue first: backup and bundle export read out what is left, saying the database is
    damaged; where the damage is in what they read, they refuse with the way back."""
    d = str(ready_data_dir)
    damage(checkpoint(ready_data_dir), at=at)

    code, _out, err = run(capsys, "--data-dir", d, "incident", "list")
    assert code == 1 and "is damaged" in err  # other commands still stop

    bundle, copy = tmp_path / "rescue.bundle", tmp_path / "copy.sqlite3"
    for args, said in (
        (("bundle", "export", "--out", str(bundle)), "Wrote"),
        (("backup", "--out", str(copy)), "Backup written"),
    ):
        code, out, err = run(capsys, "--data-dir", d, *args)
        assert "Warning: The database" in err and "Reading out what can still be read" in err
        assert "Traceback" not in err and "a bug" not in err, err
        if saved:
            assert code == 0 and said in out, err
        else:
            assert code == 1 and all(step in err for step in WAY_BACK), err
    assert bundle.exists() == copy.exists() == saved  # nothing half-written left behind
    if saved:
        assert bundle_format.read_manifest(bundle).events > 0
        con = sqlite3.connect(copy)
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
        con.close()
