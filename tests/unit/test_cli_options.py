"""The command line explains itself: help for every option, the codes it accepts listed in
the help and in the refusal, and --json carrying what the text shows."""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from hisconsole.cli import build_parser, main
from hisconsole.cli.options import bundled_codes


def _actions(
    parser: argparse.ArgumentParser, path: str = ""
) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _actions(sub, f"{path} {name}".strip())
        else:
            yield path, action


def test_every_option_and_argument_has_help() -> None:
    missing = [
        (path, action.option_strings or action.dest)
        for path, action in _actions(build_parser())
        if not action.help and not isinstance(action, argparse._VersionAction)
    ]
    assert missing == []


def _columns(line: str) -> int:
    """How wide a line shows in a terminal: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("command", [(), ("trust",), ("incident", "declare"), ("tasks",)])
def test_the_chinese_help_fits_the_terminal(
    command: tuple[str, ...], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse wraps by characters; a Chinese character is two columns wide, so the help is
    wrapped by how wide it shows, and a long Chinese text breaks between characters."""
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        main(["--lang", "zh", *command, "--help"])
    said = capsys.readouterr().out
    assert "显示本帮助信息并退出" in said
    # The usage block (up to the first empty line) is option names: argparse wraps it.
    lines = said.split("\n\n", 1)[1].splitlines()
    too_wide = [line for line in lines if _columns(line) > 80]
    assert too_wide == []


def test_the_chinese_help_has_chinese_punctuation_and_lines_up(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A heading ends with the full-width colon (位置参数：), and the usage's later lines
    start under its first option although 用法： is wider than it has characters."""
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "incident", "log", "--help"])
    said = capsys.readouterr().out
    headings = [line for line in said.splitlines() if line and not line.startswith(" ")]
    assert "位置参数：" in headings and "选项：" in headings, headings
    assert [h for h in headings if h.endswith(":")] == []
    usage = said.split("\n\n", 1)[0].splitlines()
    assert usage[0].startswith("用法：hisconsole incident log [-h]") and len(usage) > 1
    first = _columns(usage[0][: usage[0].index("[-h]")])
    assert {_columns(line) - len(line.lstrip()) for line in usage[1:]} == {first}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*args, "--help"])
    assert done.value.code == 0
    # argparse wraps lines: compare the words.
    return " ".join(capsys.readouterr().out.split())


def test_the_help_lists_the_system_and_scenario_codes(capsys: pytest.CaptureFixture[str]) -> None:
    systems = bundled_codes("systems")
    assert {"HIS", "LIS", "PACS"} <= set(systems)
    for command in (("incident", "declare"), ("incident", "status")):
        assert ", ".join(systems) in _help(capsys, *command), command
    scenarios = _help(capsys, "plan", "print")
    assert "his-down" in scenarios and "lis-down" in scenarios
    assert "'hisconsole calltree list' shows them" in _help(capsys, "calltree", "print")


@pytest.mark.parametrize(
    ("argv", "code", "listed"),
    [
        (("incident", "declare", "--level", "II", "--title", "x", "--system", "SAP"), 1, "HIS"),
        (("forms", "print", "no-such-form", "--out", "x.pdf"), 1, "mar"),
        (("calltree", "print", "--tree", "NOPE", "--out", "x.pdf"), 1, "it-on-call"),
        (("incident", "declare", "--level", "V", "--title", "x"), 2, "'I', 'II', 'III', 'IV'"),
        (("incident", "log", "INC-X", "t", "--kind", "gossip"), 2, "'note', 'action', 'decision'"),
    ],
)
def test_a_refused_code_is_answered_with_the_accepted_ones(
    capsys: pytest.CaptureFixture[str],
    ready_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: tuple[str, ...],
    code: int,
    listed: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    if code == 2:  # argparse refuses choices itself, listing them
        with pytest.raises(SystemExit) as done:
            main(["--data-dir", str(ready_data_dir), *argv])
        assert done.value.code == 2
        err = capsys.readouterr().err
    else:
        got, _out, err = run(capsys, "--data-dir", str(ready_data_dir), *argv)
        assert got == code
    assert listed in err, err
    assert not (tmp_path / "x.pdf").exists()


def test_log_json_gives_the_entry_that_show_lists_and_corrects_takes(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path
) -> None:
    d = ("--data-dir", str(ready_data_dir))
    _, out, _ = run(capsys, *d, "--json", "incident", "declare", "--level", "III", "--title", "LIS")
    inc = json.loads(out)["id"]
    code, out, _ = run(capsys, *d, "--json", "incident", "log", inc, "Lab on paper at 02:15")
    logged = json.loads(out)
    assert code == 0 and logged["id"] == inc and logged["logged"] is True
    entry = logged["entry"]
    shown = json.loads(run(capsys, *d, "--json", "incident", "show", inc)[1])
    assert [e["entry"] for e in shown["log"] if e["text"] == "Lab on paper at 02:15"] == [entry]
    # The text output names the entry too, so it can be corrected without --json.
    assert f"[entry {entry}]" in run(capsys, *d, "incident", "show", inc)[1]
    code, out, _ = run(
        capsys, *d, "--json", "incident", "log", inc, "Lab on paper at 02:25", "--corrects", entry
    )
    assert code == 0
    shown = json.loads(run(capsys, *d, "--json", "incident", "show", inc)[1])
    correction = next(e for e in shown["log"] if e["entry"] == json.loads(out)["entry"])
    assert correction["kind"] == "correction" and correction["corrects"] == entry


def test_outstanding_json_keeps_its_list_of_serials_and_details_add_form_department_age(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, tmp_path: Path
) -> None:
    d = ("--data-dir", str(ready_data_dir))
    _, out, _ = run(capsys, *d, "--json", "incident", "declare", "--level", "II", "--title", "HIS")
    inc = json.loads(out)["id"]
    pdf = str(tmp_path / "mar.pdf")
    _, out, _ = run(
        capsys,
        *d,
        "--json",
        "forms",
        "print",
        "mar",
        "--copies",
        "2",
        "--incident",
        inc,
        "--department",
        "ICU",
        "--out",
        pdf,
    )
    serials = json.loads(out)
    # The documented shape: a list of serials (strings), unchanged.
    code, out, _ = run(capsys, *d, "--json", "forms", "outstanding", "--incident", inc)
    assert code == 0 and json.loads(out) == serials
    code, out, _ = run(capsys, *d, "--json", "forms", "outstanding", "--details", "--incident", inc)
    rows = json.loads(out)
    assert [r["serial"] for r in rows] == serials
    for row in rows:
        assert row["template"] == "mar" and row["department"] == "ICU"
        assert row["incident"] == inc and row["status"] == "issued"
        assert isinstance(row["age_hours"], float) and 0 <= row["age_hours"] < 1
    # The text output shows the same, one line per sheet.
    _, out, _ = run(capsys, *d, "forms", "outstanding", "--details", "--incident", inc)
    lines = out.strip().splitlines()
    assert [line.split()[0] for line in lines] == serials
    assert all("mar" in line and "ICU" in line and line.endswith(" h") for line in lines)


def test_each_command_builds_its_own_group_alone() -> None:
    """A command imports and builds only its own group's parsers: the commands listed for
    each group in entry.GROUPS are exactly the ones it registers."""
    from hisconsole.cli.entry import GROUPS, _build

    for group, commands in GROUPS.items():
        parser = _build((group,))[0]
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        assert set(sub.choices) - {"gui"} == set(commands), group
    whole = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert list(whole.choices) == ["gui", *(c for cs in GROUPS.values() for c in cs)]


def test_the_window_builds_no_command_groups_parser() -> None:
    """The window (``gui``, or no command) parses its few options without building every
    group's parsers (~25 ms before the window could start); help, a typo or an unknown
    command still get the whole command line's parser."""
    from hisconsole.cli.entry import GROUPS, _build, _scout

    assert _scout(["gui", "--quit-when-ready"])[0] == ()
    assert _scout(["--data-dir", "/tmp/x", "--lang", "zh"])[0] == ()
    assert _scout([])[0] == ()
    assert _scout(["--data-dir", "/tmp/x", "incident", "list"])[0] == ("incident",)
    assert _scout(["-h"])[0] == tuple(GROUPS)
    assert _scout(["gu"])[0] == tuple(GROUPS)
    args = _build(())[0].parse_args(["--data-dir", "/tmp/x", "gui", "--quit-when-ready"])
    assert (args.command, args.data_dir, args.quit_when_ready) == ("gui", "/tmp/x", True)
    assert _build(())[0].parse_args(["--data-dir", "/tmp/x"]).command is None


@pytest.mark.parametrize(
    "argv",
    [
        ("--data-dir", "\x00", "drill", "runs"),
        ("trust", "pin", "a\x00b"),
        ("plan", "import", "\x00"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_nul_character_in_a_file_name_is_refused_as_a_usage_error(
    capsys: pytest.CaptureFixture[str],
    ready_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: tuple[str, ...],
    lang: str,
) -> None:
    """No file or folder name can hold a NUL: refused before anything runs, never a bug
    (a text holding one is refused by the event schema: test_direct_append)."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as done:
        main(["--lang", lang, "--data-dir", str(ready_data_dir), *argv])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "bug" not in err and "Traceback" not in err
    assert ("NUL" in err) and (("空字符" in err) if lang == "zh" else ("holds" in err)), err


@pytest.mark.parametrize(
    "argv", [("backup", "--out", "x" * 5000), ("--data-dir", "y" * 300, "alerts", "list")]
)
def test_a_name_too_long_for_any_disk_is_refused_as_a_usage_error(
    capsys: pytest.CaptureFixture[str], ready_data_dir: Path, argv: tuple[str, ...]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "zh", "--data-dir", str(ready_data_dir), *argv])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "文件名或文件夹名超过 255 字节" in err and "bug" not in err, err
