"""Bugs leave their traceback in DATA_DIR/logs/hisconsole.log; the CLI says where in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from hisconsole import logs
from hisconsole.cli import main
from hisconsole.services import incidents


def _broken(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("boom: the projection is missing a column")


def test_an_unexpected_error_prints_one_line_naming_the_log_and_exits_non_zero(
    ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(incidents, "list_incidents", _broken)
    code = main(["--data-dir", str(ready_data_dir), "--json", "incident", "list"])
    captured = capsys.readouterr()
    log_file = ready_data_dir / "logs" / "hisconsole.log"
    assert code == 70
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert str(log_file) in lines[0] and "RuntimeError: boom" in lines[0]
    text = log_file.read_text("utf-8")
    assert "Traceback (most recent call last)" in text
    assert "in _broken" in text and "RuntimeError: boom" in text
    assert logs.current() is None  # the command closed its log


def test_a_refusal_is_logged_with_its_code_and_is_no_bug(
    ready_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(ready_data_dir), "incident", "show", "NOPE"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == ("hisconsole: No incident 'NOPE'. 'hisconsole incident list' shows them.\n")
    text = (ready_data_dir / "logs" / "hisconsole.log").read_text("utf-8")
    assert "INFO" in text and "(incident.unknown)" in text and "Traceback" not in text


def test_a_log_file_in_the_way_loses_the_log_not_the_report(
    ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A file where the logs folder should be: the log cannot be written (even as root).
    (ready_data_dir / "logs").write_text("not a folder")
    monkeypatch.setattr(incidents, "list_incidents", _broken)
    code = main(["--data-dir", str(ready_data_dir), "incident", "list"])
    err = capsys.readouterr().err
    assert code == 70
    assert "Traceback (most recent call last)" in err and "RuntimeError: boom" in err
    assert err.strip().splitlines()[-1] == (
        "hisconsole: unexpected error (a bug): RuntimeError: boom: the projection is missing "
        "a column"
    )


def test_the_log_rotates(tmp_path: Path) -> None:
    path = logs.attach(tmp_path)
    try:
        chunk = "x" * 10_000
        for _ in range(2 * logs.MAX_BYTES // len(chunk) + 2):
            logs.logger.info(chunk)
    finally:
        logs.detach()
    assert path.exists() and path.with_name("hisconsole.log.1").exists()
    assert path.stat().st_size <= logs.MAX_BYTES
    assert len(list(path.parent.iterdir())) <= logs.BACKUP_COUNT + 1


def test_merely_attaching_creates_nothing(tmp_path: Path) -> None:
    logs.attach(tmp_path / "fresh")
    logs.detach()
    assert not (tmp_path / "fresh").exists()


def test_a_bug_without_a_data_folder_creates_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hisconsole.services import paths

    def broken_resolve(_explicit: object = None) -> Path:
        raise RuntimeError("boom before the database")

    missing = tmp_path / "nowhere"
    monkeypatch.setattr(incidents, "list_incidents", _broken)
    code = main(["--data-dir", str(missing), "incident", "list"])
    assert code == 1 and "hisconsole init" in capsys.readouterr().err
    monkeypatch.setattr(paths, "resolve_data_dir", broken_resolve)
    code = main(["--data-dir", str(missing), "incident", "list"])
    err = capsys.readouterr().err
    assert code == 70 and "RuntimeError: boom before the database" in err
    assert not missing.exists()
