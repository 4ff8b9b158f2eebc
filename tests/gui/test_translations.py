"""The Chinese catalogue: complete, compiled, and in step with the code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from hisconsole.resources import resource_path

REPO = Path(__file__).resolve().parents[2]
TS = resource_path("i18n", "hisconsole_zh_CN.ts")
QM = resource_path("i18n", "hisconsole_zh_CN.qm")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def problems(path: Path) -> list[str]:
    found = []
    for context, source, message in messages(path):
        translation = message.find("translation")
        if translation is None:
            found.append(f"{context}: {source!r} has no translation")
            continue
        kind = translation.get("type")
        if kind in {"unfinished", "vanished", "obsolete"}:
            found.append(f"{context}: {source!r} is {kind}")
            continue
        text = translation.text or ""
        if not text.strip():
            found.append(f"{context}: {source!r} has an empty translation")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            found.append(f"{context}: {source!r} and its translation differ in placeholders")
    return found


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    path = str(beside) if beside.exists() else shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def test_every_message_is_translated() -> None:
    assert len(messages(TS)) > 50
    assert problems(TS) == []


def test_catalogue_holds_every_text_of_the_code(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (REPO / "hisconsole" / "ui").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    assert problems(copy) == [], "run packaging/update-translations.sh and translate"


def test_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert QM.read_bytes() == fresh.read_bytes(), "run packaging/update-translations.sh"


def test_compiled_catalogue_loads_and_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("Roles", "Commander") == "指挥长"
