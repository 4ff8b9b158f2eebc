"""Every command that writes a file: a bad target (missing folder, a folder, a read-only or
full disk) fails with a message that says why, leaves no partial file and records nothing."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hisconsole.cli import main

OUT = "{out}"
INCIDENT = "{incident}"
IT_KEY = "{it_key}"
TRUST_LIST = "{trust_list}"

# argv of every command that writes a file; OUT is the file, INCIDENT an incident id.
WRITERS: dict[str, tuple[str, list[str]]] = {
    "plan export": ("plan.yaml", ["plan", "export", OUT]),
    "plan print": ("plan.pdf", ["plan", "print", "--out", OUT]),
    "contacts export": ("contacts.csv", ["contacts", "export", OUT]),
    "calltree print": ("calltree.pdf", ["calltree", "print", "--out", OUT]),
    "forms print": ("f.pdf", ["forms", "print", "registration", "--copies", "3", "--out", OUT]),
    "kit": ("kit.pdf", ["kit", "--incident", INCIDENT, "--out", OUT]),
    "report": ("report.pdf", ["report", INCIDENT, "--out", OUT]),
    "cap": ("alert.xml", ["cap", INCIDENT, "--out", OUT]),
    "backup": ("backup.sqlite3", ["backup", "--out", OUT]),
    "readiness": ("readiness.pdf", ["readiness", "--out", OUT]),
    "bundle export": ("a.hisbundle", ["bundle", "export", "--out", OUT]),
    "bundle vector": ("vector.json", ["bundle", "vector", "--out", OUT]),
    "trust keygen": ("it-key.pem", ["trust", "keygen", "--out", OUT]),
    "trust sign": ("trust.signed", ["trust", "sign", TRUST_LIST, "--key", IT_KEY, "--out", OUT]),
}

# Why the write failed, in words the user reads on stderr.
REASONS = {
    "missing folder": "does not exist",
    "a folder": "is a folder",
    "not a folder": "is not a folder",
    "read-only disk": "read-only",
    "full disk": "disk is full",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def event_count(data_dir: Path) -> int:
    con = sqlite3.connect(data_dir / "hisconsole.sqlite3")
    try:
        return int(con.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        con.close()


@contextlib.contextmanager
def small_disk(where: Path, *, read_only: bool = False, free: int = 0) -> Iterator[Path]:
    """A tmpfs mounted at ``where``, read-only or filled up to ``free`` bytes left."""
    where.mkdir()
    options = "size=256k" + (",ro" if read_only else "")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        if not read_only:
            _fill(where, free)
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


def _fill(where: Path, free: int) -> None:
    fd = os.open(where / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        block = b"\0" * 4096
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, block)
    finally:
        os.close(fd)
    if free:
        size = (where / "filler").stat().st_size
        os.truncate(where / "filler", max(size - free, 0))


@pytest.fixture(scope="module")
def _writers_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A console with an incident, made once for the module."""
    from hisconsole.services import incidents
    from hisconsole.services.console import Console
    from hisconsole.services.setup import open_or_initialise
    from hisconsole.services.sync import trust as sync

    path = tmp_path_factory.mktemp("writers") / "data"
    console, _ = open_or_initialise(path, demo=True)
    console.close()
    console = Console.open(path)
    try:
        incident, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
        sync.trust_keygen(path / "it-key.pem")
        sync.trust_add(
            path / "trust.yaml", public_key=console.identity.public_key_b64, name="Laptop A"
        )
    finally:
        console.close()
    return path, str(incident)


@pytest.fixture
def writers_dir(tmp_path: Path, _writers_dir: tuple[Path, str]) -> tuple[Path, str]:
    target = tmp_path / "data"
    shutil.copytree(_writers_dir[0], target)
    return target, _writers_dir[1]


def _argv(command: str, out: Path, data_dir: Path, incident: str) -> list[str]:
    values = {
        OUT: str(out),
        INCIDENT: incident,
        IT_KEY: str(data_dir / "it-key.pem"),
        TRUST_LIST: str(data_dir / "trust.yaml"),
    }
    return [values.get(a, a) for a in WRITERS[command][1]]


@pytest.mark.parametrize("case", list(REASONS))
@pytest.mark.parametrize("command", list(WRITERS))
def test_a_bad_target_fails_clearly_and_changes_nothing(
    command: str,
    case: str,
    capsys: pytest.CaptureFixture[str],
    writers_dir: tuple[Path, str],
    tmp_path: Path,
) -> None:
    data_dir, incident = writers_dir
    name = WRITERS[command][0]
    with contextlib.ExitStack() as stack:
        if case == "missing folder":
            target = tmp_path / "no-such-folder" / name
        elif case == "a folder":
            target = tmp_path / name
            target.mkdir()
        elif case == "not a folder":
            (tmp_path / "afile").write_bytes(b"x")
            target = tmp_path / "afile" / name
        elif case == "read-only disk":
            target = stack.enter_context(small_disk(tmp_path / "ro", read_only=True)) / name
        else:
            target = stack.enter_context(small_disk(tmp_path / "full")) / name
        folder = target.parent
        before_files = sorted(folder.iterdir()) if folder.is_dir() else None
        before = event_count(data_dir)
        code, out, err = run(
            capsys, "--data-dir", str(data_dir), *_argv(command, target, data_dir, incident)
        )
        assert code == 1, err
        assert out == ""
        assert str(target) in err and REASONS[case] in err, err
        assert "Nothing was written" in err and "Traceback" not in err
        assert event_count(data_dir) == before
        if case == "a folder":
            assert list(target.iterdir()) == []
        else:
            assert not target.exists()
        if before_files is not None:
            assert sorted(folder.iterdir()) == before_files  # no temporary file left behind


def test_a_pdf_that_fits_only_in_part_issues_nothing(
    capsys: pytest.CaptureFixture[str], writers_dir: tuple[Path, str], tmp_path: Path
) -> None:
    """The issue's case: 40 KB free, 20 sheets; the write comes back short."""
    data_dir, _ = writers_dir
    with small_disk(tmp_path / "m", free=40 * 1024) as disk:
        target = disk / "f.pdf"
        before = event_count(data_dir)
        code, _, err = run(
            capsys,
            "--data-dir",
            str(data_dir),
            "forms",
            "print",
            "hics-213",
            "--copies",
            "20",
            "--out",
            str(target),
        )
        assert code == 1 and "disk is full" in err
        assert not target.exists() and sorted(p.name for p in disk.iterdir()) == ["filler"]
    assert event_count(data_dir) == before
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "--json", "forms", "outstanding")
    assert json.loads(out) == []


def test_short_writes_are_finished_not_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The helper keeps writing after a short write (a signal, a pipe, a FUSE disk)."""
    from hisconsole.store import files

    real_write = os.write

    def short(fd: int, data: bytes | memoryview) -> int:
        return real_write(fd, bytes(data)[:7])

    monkeypatch.setattr(files.os, "write", short)
    files.write_atomically(tmp_path / "a.bin", bytes(range(256)) * 10)
    assert (tmp_path / "a.bin").read_bytes() == bytes(range(256)) * 10


def test_a_write_that_makes_no_progress_is_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hisconsole.store import files

    monkeypatch.setattr(files.os, "write", lambda fd, data: 0)
    with pytest.raises(files.FileWriteError, match="disk is full"):
        files.write_atomically(tmp_path / "a.bin", b"data")
    assert list(tmp_path.iterdir()) == []


def test_fsync_failure_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hisconsole.store import files

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(files.os, "fsync", failing)
    with pytest.raises(files.FileWriteError, match="Nothing was written"):
        files.write_atomically(tmp_path / "a.bin", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_killed_writer_leaves_nothing_behind_for_long(
    capsys: pytest.CaptureFixture[str], writers_dir: tuple[Path, str], tmp_path: Path
) -> None:
    """forms print killed mid-write leaves its temporary file; the next write there removes
    it (its process is gone) but never one of a writer still running."""
    data_dir, _ = writers_dir
    out = tmp_path / "f.pdf"
    script = (
        "import os, sys, time\n"
        "from hisconsole.store import files\n"
        "with files.output_file(__import__('pathlib').Path(sys.argv[1])) as f:\n"
        "    f.write(b'%PDF-1.4 half'); print(f.tmp, flush=True); time.sleep(60)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", script, str(out)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    left = Path(writer.stdout.readline().strip())
    alive = subprocess.Popen(
        [sys.executable, "-c", script, str(out)], stdout=subprocess.PIPE, text=True
    )
    assert alive.stdout is not None
    running = Path(alive.stdout.readline().strip())
    writer.kill()
    writer.communicate()
    assert left.exists() and not out.exists()
    args = ["--data-dir", str(data_dir), "forms", "print", "mar", "--out", str(out)]
    assert run(capsys, *args)[0] == 0
    assert not left.exists() and running.exists()
    assert out.read_bytes().startswith(b"%PDF")
    alive.kill()
    alive.communicate()
