"""check draws a progress bar on stderr when it is a terminal, and nothing otherwise."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from hisconsole.cli import main
from hisconsole.cli.progress import WIDTH, TerminalProgress, on_terminal


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_shows_each_stage_with_its_share_and_ends_the_line() -> None:
    stream = _Terminal()
    bar = TerminalProgress({"log": "Checking signatures", "rebuild": "Rebuilding"}, stream)
    bar("log", 0, 400)
    bar("log", 400, 400)
    bar("rebuild", 100, 400)
    bar.close()
    lines = [line.split("\r")[-1].rstrip() for line in stream.getvalue().split("\n")]
    assert lines[0] == f"Checking signatures [{'#' * WIDTH}] 100% 400/400"
    half = round(WIDTH / 4)
    assert lines[1] == f"Rebuilding [{'#' * half}{'-' * (WIDTH - half)}]  25% 100/400"
    assert stream.getvalue().endswith("\n")


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    assert on_terminal({}, io.StringIO()) is None
    assert isinstance(on_terminal({}, _Terminal()), TerminalProgress)


def test_check_on_a_terminal_draws_its_stages_and_keeps_stdout_clean(
    ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code = main(["--data-dir", str(ready_data_dir), "--json", "check"])
    out = capsys.readouterr().out
    assert code == 0 and json.loads(out)["ok"] is True
    drawn = terminal.getvalue()
    for label in ("Checking the database file", "Checking each laptop's sequence"):
        assert label in drawn
    assert "Checking signatures, rebuilding the projections" in drawn
    assert "Comparing the projections" in drawn
    assert "100%" in drawn
