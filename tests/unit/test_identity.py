"""This laptop's identity is never replaced silently: a missing, unreadable or foreign device
key stops the console with the way back; a new identity is made only when asked for."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from hisconsole.cli import main
from hisconsole.services.console import Console
from hisconsole.sync.identity import KEY_FILENAME, DeviceKeyError


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def recorded_id(data_dir: Path) -> str:
    con = sqlite3.connect(data_dir / "hisconsole.sqlite3")
    try:
        return str(con.execute("SELECT value FROM meta WHERE key = 'device.id'").fetchone()[0])
    finally:
        con.close()


def events(data_dir: Path) -> int:
    con = sqlite3.connect(data_dir / "hisconsole.sqlite3")
    try:
        return int(con.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        con.close()


def test_a_missing_key_stops_the_console_and_says_how_to_restore_it(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    device = recorded_id(ready_data_dir)
    key = ready_data_dir / KEY_FILENAME
    key.unlink()
    before = events(ready_data_dir)
    code, out, err = run(
        capsys, "--data-dir", str(ready_data_dir), "incident", "declare", "--level", "II",
        "--title", "HIS down",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert f"device key {key} is missing" in err
    assert device in err  # which identity to look for
    assert "copy it back" in err and "hisconsole device new-identity" in err
    assert not key.exists()  # no new key made behind the user's back
    assert recorded_id(ready_data_dir) == device and events(ready_data_dir) == before


def test_an_unreadable_key_is_left_alone(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    key = ready_data_dir / KEY_FILENAME
    key.write_bytes(b"-----BEGIN PRIVATE KEY-----\ngarbage\n")
    code, _, err = run(capsys, "--data-dir", str(ready_data_dir), "incident", "list")
    assert code == 1
    assert "cannot be read" in err and "hisconsole device new-identity" in err
    assert key.read_bytes() == b"-----BEGIN PRIVATE KEY-----\ngarbage\n"


def test_another_devices_key_is_refused(ready_data_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    Console.open(other, create=True).close()
    (ready_data_dir / KEY_FILENAME).write_bytes((other / KEY_FILENAME).read_bytes())
    with pytest.raises(DeviceKeyError, match="belongs to device"):
        Console.open(ready_data_dir)


def test_new_identity_is_an_explicit_command(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    d = str(ready_data_dir)
    old = recorded_id(ready_data_dir)
    old_pem = (ready_data_dir / KEY_FILENAME).read_bytes()
    # A working key is not replaced by accident.
    code, _, err = run(capsys, "--data-dir", d, "device", "new-identity")
    assert code == 1 and "--replace" in err
    assert (ready_data_dir / KEY_FILENAME).read_bytes() == old_pem
    (ready_data_dir / KEY_FILENAME).unlink()
    code, out, err = run(capsys, "--data-dir", d, "--json", "device", "new-identity")
    assert code == 0, err
    result = json.loads(out)
    assert result["previous"] == old and result["id"] != old
    assert recorded_id(ready_data_dir) == result["id"]
    # Events written under the old identity stay as they were; new ones use the new one.
    code, out, _ = run(capsys, "--data-dir", d, "--json", "device", "show")
    assert json.loads(out)["id"] == result["id"]
    con = sqlite3.connect(ready_data_dir / "hisconsole.sqlite3")
    origins = {r[0] for r in con.execute("SELECT DISTINCT origin_id FROM events")}
    con.close()
    assert old in origins


def test_replace_keeps_the_old_key_beside(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    old_pem = (ready_data_dir / KEY_FILENAME).read_bytes()
    code, out, _ = run(
        capsys, "--data-dir", str(ready_data_dir), "--json", "device", "new-identity", "--replace"
    )
    assert code == 0
    kept = Path(json.loads(out)["previous_key_file"])
    assert kept.parent == ready_data_dir and kept.read_bytes() == old_pem


def test_first_start_makes_the_key(data_dir: Path) -> None:
    console = Console.open(data_dir, create=True)
    console.close()
    assert (data_dir / KEY_FILENAME).stat().st_mode & 0o777 == 0o600
    assert recorded_id(data_dir) == console.device_id
