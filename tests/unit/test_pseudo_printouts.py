"""Pseudo-locale for the printouts and more of the CLI: every PDF a command writes in
Chinese, and what the commands print, with every catalogue message stretched and
accented (tests/unit/test_pseudo_locale.py). A plain English sentence left in a PDF's
text or the output bypassed the catalogue: a label, a log line, a state or a kind
written in English in the code."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from hisconsole import i18n
from hisconsole.cli import main
from tests.unit.test_pseudo_locale import Pseudo, _english


def _pdf_text(path: Path, *, skip_last: int = 0) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return "\n".join(page.extract_text() for page in pages[: len(pages) - skip_last])


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ready_data_dir: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(i18n, "translator", lambda lang: Pseudo())
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")

    def run(*args: str, code: int = 0) -> str:
        assert main(["--data-dir", str(ready_data_dir), *args]) == code, args
        captured = capsys.readouterr()
        return captured.out + captured.err

    return run


def test_every_printout_in_chinese_has_no_english_sentence(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("init", "--demo")
    incident = json.loads(
        run(
            "--json",
            "incident",
            "declare",
            "--level",
            "II",
            "--system",
            "his",
            "--title",
            "门诊挂号停机",
        )
    )["id"]
    run("incident", "log", incident, "已电话通知信息科")
    run("incident", "level", incident, "I", "--reason", "影响扩大")
    run("incident", "status", incident, "lis", "degraded")
    run("incident", "record-report", incident, "--to", "卫健委", "--channel", "phone")
    run("incident", "resolve", incident)
    printouts = {
        "initial": ["report", incident, "--kind", "initial"],
        "followup": ["report", incident, "--kind", "followup"],
        "final": ["report", incident, "--kind", "final"],
        "kit": ["kit", "--incident", incident],
        "kit-scenario": ["kit", "--scenario", "his-down", "--level", "I"],
        "plan": ["plan", "print"],
        "playbook": ["plan", "print", "--scenario", "his-down"],
        "calltree": ["calltree", "print"],
        "calltree-card": ["calltree", "print", "--page", "card"],
        "readiness": ["readiness"],
        "review": ["review", incident],
    }
    seen: dict[str, list[str]] = {}
    for name, args in printouts.items():
        out = tmp_path / f"{name}.pdf"
        said = run(*args, "--out", str(out), "--lang", "zh")
        seen[f"{name} (output)"] = _english(said)
        # A kit ends with its starter forms: their words are the form templates' (data,
        # in both languages as the hospital wrote them), not the console's.
        sheets = (
            len(json.loads(run("--json", *args, "--out", str(out), "--lang", "zh"))["serials"])
            if name.startswith("kit")
            else 0
        )
        seen[name] = _english(_pdf_text(out, skip_last=sheets))
    bad = {name: found for name, found in seen.items() if found}
    assert bad == {}, "\n".join(f"{n}: {f}" for n, f in bad.items())


def test_more_commands_in_the_pseudo_locale(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("init", "--demo")
    incident = json.loads(
        run(
            "--json",
            "incident",
            "declare",
            "--level",
            "III",
            "--system",
            "lis",
            "--title",
            "检验停机",
        )
    )["id"]
    seen: dict[str, list[str]] = {}

    def check(*args: str, code: int = 0) -> None:
        seen[" ".join(args)] = _english(run(*args, code=code))

    check("incident", "list")
    check("calltree", "list")
    check("forms", "list")
    check("forms", "stock")
    check("alerts")
    check("readiness")
    check("device", "show")
    check("device", "list")
    check("trust", "show")
    check("sync", "--status")
    check("bundle", "export", "--out", str(tmp_path / "a.hcb"))
    check("bundle", "import", str(tmp_path / "a.hcb"))
    check("contacts", "export", str(tmp_path / "c.csv"))
    check("contacts", "import", str(tmp_path / "c.csv"))
    check("roster", incident)
    check("tasks", incident)
    check("cap", incident, "--out", str(tmp_path / "a.xml"))
    check("backup", "--out", str(tmp_path / "b.sqlite3"))
    check("drill", "list")
    # refusals
    check("bundle", "import", str(tmp_path / "nope.hcb"), code=1)
    check("plan", "import", str(tmp_path / "nope.yaml"), code=1)
    check("contacts", "import", str(tmp_path / "nope.csv"), code=1)
    check("report", incident, "--out", str(tmp_path / "nope" / "r.pdf"), code=1)
    check("kit", "--out", str(tmp_path / "k.pdf"), code=1)
    bad = {command: found for command, found in seen.items() if found}
    assert bad == {}, "\n".join(f"{c}: {f}" for c, f in bad.items())
