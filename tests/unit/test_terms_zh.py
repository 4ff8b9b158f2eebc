"""One Chinese term per concept (/work/shared/mission/terms-zh.md).

The words below read as translations of English terms; hospitals say the
word on the right. A banned variant anywhere a user can read it (the Qt
catalogue's translations, the help, forms and plan resources, the package's
own strings and its gettext catalogue, the docs) fails this test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# banned variant -> the term hospitals use
BANNED: dict[str, str] = {
    "回录": "补录",
    "序列号": "编号",
    "通知树": "应急通讯录 / 呼叫顺序",
    # the plan's own "宣布解除" (lifting the alert) is the plan's word and stays
    "宣布(?!解除)": "启动应急响应",
    "停机包": "停机应急包",
    "活动日志": "工作日志 / 处置记录",
    "网状网络": "指挥中心局域网",
    "(?i:mesh ?网络)": "指挥中心局域网",
}
_PATTERN = re.compile("|".join(BANNED))
_TEXT = {".ts", ".md", ".yaml", ".py", ".po", ".pot", ".txt"}
#: The translator's guide names the banned words to say what not to write.
_NAMES_THEM = {ROOT / "docs" / "translating.md"}


def _files() -> list[Path]:
    roots = [ROOT / "resources", ROOT / "hisconsole", ROOT / "docs", ROOT / "README.md"]
    out: list[Path] = []
    for root in roots:
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        out += [p for p in paths if p.is_file() and p.suffix in _TEXT and p not in _NAMES_THEM]
    return out


def _hits(text: str) -> list[str]:
    return [m.group(0) for m in _PATTERN.finditer(text)]


def test_the_scan_sees_the_catalogues() -> None:
    names = {p.name for p in _files()}
    assert "hisconsole_zh_CN.ts" in names
    assert "default-plan.yaml" in names


def test_banned_variant_is_found() -> None:
    assert _hits("请先宣布应急事件，然后回录序列号；打印停机包和通知树") == [
        "宣布",
        "回录",
        "序列号",
        "停机包",
        "通知树",
    ]
    assert _hits("宣布解除预警；补录编号；停机应急包；呼叫顺序") == []


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_one_term_per_concept(path: Path) -> None:
    bad = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for word in _hits(line):
            bad.append(f"{path.relative_to(ROOT)}:{number}: {word!r} -> say {_term_for(word)}")
    assert not bad, "\n".join(bad)


def _term_for(word: str) -> str:
    return next(v for k, v in BANNED.items() if re.fullmatch(k, word))
