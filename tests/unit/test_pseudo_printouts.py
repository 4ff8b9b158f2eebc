"""Pseudo-locale for the printouts and more of the CLI: every PDF a command writes in
Chinese, and what the commands print, with every catalogue message stretched and
accented (tests/unit/test_pseudo_locale.py). A plain English sentence left in a PDF's
text or the output bypassed the catalogue: a label, a log line, a state or a kind
written in English in the code."""

from __future__ import annotations

import datetime as dt
import getpass
import io
import json
import re
import socket
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from hisconsole import i18n
from hisconsole.cli import main
from tests.unit.test_pseudo_locale import Pseudo, _english

#: The catalogue as shipped (the fixture below puts the pseudo-locale in its place).
_REAL_TRANSLATOR = i18n.translator


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
        # --json: the data alone (what a script reads); else all a person sees.
        return captured.out if "--json" in args else captured.out + captured.err

    return run


#: Latin words a Chinese printout may hold: units and medical abbreviations Chinese
#: wards write in Latin letters (the form templates' Chinese texts use them too).
_LATIN_IN_CHINESE = {"kg", "ml", "mmHg", "Rp", "Hb", "RhD", "HBsAg"}
#: A Latin word: letters, at least one lower-case (upper-case runs are codes: HIS, LIS).
_WORD = re.compile(r"(?<![\w./-])[A-Za-z]*[a-z][A-Za-z]*(?![\w/-])")
_CODE = re.compile(r"\S*[\d_/-]\S*")  # ids, serials, codes with digits or dashes, paths
_CJK = re.compile(r"[\u3400-\u9fff]")
_USER = getpass.getuser()
#: What the tests below typed (names people gave: shown as typed in every language).
_TYPED = (
    "门诊挂号停机",
    "检验停机",
    "已电话通知信息科",
    "影响扩大",
    "卫健委",
    "污损",
    "内科一病区",
)
#: The wards the bundled drill scenarios issue forms to (the scenario's own words).
_TYPED += ("急诊科", "检验科")


def _latin(text: str, codes: set[str]) -> list[str]:
    """Latin words in a Chinese printout that are neither a code nor a unit: a label
    or a value written in English (in the pseudo-locale every catalogue text is
    full-width, so a plain word bypassed the catalogue or picked the wrong language)."""
    text = _CODE.sub(" ", text)
    return [
        w
        for w in _WORD.findall(text)
        # HIS Console is the product's name; the operator is the laptop's user (a name).
        if w not in codes and w not in _LATIN_IN_CHINESE and w not in ("Console", _USER)
    ]


def _people() -> list[dict[str, str]]:
    """The demo people's names (zh, en): a call tree shows both of a person's names."""
    from hisconsole.resources import resource_path

    people = yaml.safe_load(resource_path("demo/contacts.yaml").read_text(encoding="utf-8"))
    return [c["name"] for c in people["contacts"]]


def _chinese(text: str) -> list[str]:
    """Chinese left in an English printout (what the tests typed and names aside)."""
    for typed in (*_TYPED, *(name["zh"] for name in _people())):
        text = text.replace(typed, "")
    return [line for line in text.splitlines() if _CJK.search(line)]


def _outage(run, tmp_path: Path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """An incident through declare, log, level, status, report, sheets issued and
    entered, numbers used, resolved; and a drill run to its end. (incident, drill)"""
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
    serials = json.loads(
        run(
            "--json",
            "forms",
            "print",
            "mar",
            "--copies",
            "3",
            "--incident",
            incident,
            "--out",
            str(tmp_path / "mar.pdf"),
        )
    )
    run("forms", "backenter", serials[0], "--his-ref", "HIS-88")
    run("forms", "backenter", serials[1], "--void", "--reason", "污损")
    run("numbers", "ward-add", "NK1", "--zh", "内科一病区", "--en", "Medicine ward 1")
    ward = "NK1"
    numbers = json.loads(
        run("--json", "numbers", "issue", "--ward", ward, "--count", "3", "--incident", incident)
    )
    run("numbers", "use", numbers[0])
    run("incident", "resolve", incident)
    # One left open, reported an hour ago: its initial report is overdue (an alert on the
    # handover sheet, a clock on the reports).
    an_hour_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat(timespec="seconds")
    run(
        "incident",
        "declare",
        "--level",
        "II",
        "--system",
        "lis",
        "--title",
        "检验停机",
        "--reported-at",
        an_hour_ago,
    )
    drill = json.loads(run("--json", "drill", "run", "lis-down", "--speed", "60", "--until-end"))
    return incident, drill["drill"]


def _printouts(run, incident: str, drill: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Every PDF the console makes, by name: its command without --out and --lang."""
    forms = [row["code"] for row in json.loads(run("--json", "forms", "list"))]
    ward = "NK1"
    printouts = {
        "initial": ["report", incident, "--kind", "initial"],
        "followup": ["report", incident, "--kind", "followup"],
        "final": ["report", incident, "--kind", "final"],
        "kit": ["kit", "--incident", incident, "--numbers", ward],
        "kit-scenario": ["kit", "--scenario", "his-down", "--level", "I"],
        "plan": ["plan", "print"],
        "playbook": ["plan", "print", "--scenario", "his-down"],
        "calltree": ["calltree", "print"],
        "calltree-card": ["calltree", "print", "--page", "card"],
        "readiness": ["readiness"],
        "review": ["review", incident],
        "handover": ["incident", "handover", incident],
        "handover-open": ["incident", "handover", _open_incident(run)],
        "backentry": ["forms", "report", "--incident", incident],
        "backentry-all": ["forms", "report"],
        "numbers-labels": ["numbers", "labels", "--ward", ward],
        "drill-score": ["drill", "score", drill],
    }
    for code in forms:
        printouts[f"form {code}"] = ["forms", "print", code, "--incident", incident]
    return printouts


def _open_incident(run) -> str:  # type: ignore[no-untyped-def]
    rows = json.loads(run("--json", "incident", "list"))
    return next(str(r["id"]) for r in rows if r["status"] == "open")


def _codes(run, tmp_path: Path) -> set[str]:  # type: ignore[no-untyped-def]
    """What a Chinese printout may show in Latin letters as it is: the forms' and the
    plan's codes, and names: the people's (a call tree shows both of a person's names),
    the laptop's."""
    codes = {row["code"] for row in json.loads(run("--json", "forms", "list"))}
    codes |= {part for name in _people() for part in name["en"].split()}
    codes.add(socket.gethostname())
    run("plan", "export", str(tmp_path / "plan.yaml"))
    plan = yaml.safe_load((tmp_path / "plan.yaml").read_text(encoding="utf-8"))
    for section in ("systems", "groups", "scenarios", "resources", "risks"):
        codes |= {str(item["code"]) for item in plan.get(section) or [] if "code" in item}
    return codes


def test_every_printout_in_every_language(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every PDF the console makes, after one outage (and a drill): in Chinese (the
    pseudo-locale) no English sentence nor stray Latin word, and the command's output
    none either; in English no Chinese; in both (the real catalogue) both languages."""
    incident, drill = _outage(run, tmp_path)
    codes = _codes(run, tmp_path)
    printouts = _printouts(run, incident, drill)
    seen: dict[str, list[str]] = {}
    for name, args in printouts.items():
        out = tmp_path / f"{name}.pdf"
        said = run(*args, "--out", str(out), "--lang", "zh")
        seen[f"{name} (output)"] = _english(said)
        text = _pdf_text(out)
        seen[f"{name} zh"] = _english(text) + _latin(text, codes)
        run(*args, "--out", str(out), "--lang", "en")
        seen[f"{name} en"] = _chinese(_pdf_text(out))
    monkeypatch.setattr(i18n, "translator", _REAL_TRANSLATOR)
    for name, args in printouts.items():
        out = tmp_path / f"{name}.pdf"
        run(*args, "--out", str(out), "--lang", "both")
        text = _pdf_text(out)
        seen[f"{name} both"] = [] if _chinese(text) and _latin(text, codes) else ["one language"]
    bad = {name: found for name, found in seen.items() if found}
    assert not bad, "\n".join(f"{n}: {sorted(set(f))}" for n, f in bad.items())


def test_the_scans_catch_a_bypass() -> None:
    assert _latin("编号 Serial JVPS-000001 · 表单 mar v2", {"mar"}) == ["Serial"]
    assert _latin("HIS LIS 体重 kg 表单 mar", {"mar"}) == []
    assert _chinese("Printed 2026/12/5\n第 1 页") == ["第 1 页"]


def test_no_chinese_text_is_written_in_the_printing_code() -> None:
    """Every word a printout shows in Chinese comes from the catalogue (or the plan and the
    templates: data): a Chinese string in the renderers' code bypassed it, as an English
    one would (the pseudo-locale scans above catch those)."""
    import ast

    import hisconsole.printing

    found = []
    for path in sorted(Path(hisconsole.printing.__file__).parent.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and _CJK.search(node.value)
            ):
                found.append(f"{path.name}:{node.lineno} {node.value[:30]!r}")
    assert found == []


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
