"""The gettext catalogue of the Qt-free layers: complete, compiled, and used by the CLI."""

from __future__ import annotations

import datetime as dt
import gettext
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from hisconsole import i18n
from hisconsole.services.errors import IncidentUnknown
from hisconsole.store.errors import DatabaseMissing

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "hisconsole" / "i18n" / "zh_CN" / "LC_MESSAGES" / "hisconsole.po"
MO = PO.with_suffix(".mo")


def _po():  # type: ignore[no-untyped-def]
    with PO.open("rb") as handle:
        return read_po(handle)


def _key(context: str | None, message_id: str | tuple[str, ...]) -> tuple[str | None, str]:
    return context, message_id if isinstance(message_id, str) else message_id[0]


def _extracted() -> set[tuple[str | None, str]]:
    """What packaging/update-catalogue.sh would extract from the code as it is now."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    keywords = {**DEFAULT_KEYWORDS, "N_": None}  # as packaging/update-catalogue.sh
    return {
        _key(context, message)
        for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT / "hisconsole"), method_map, options_map, keywords=keywords
        )
    }


def test_catalogue_is_current_and_complete() -> None:
    """A new _() text or error template without its Chinese fails here: run
    packaging/update-catalogue.sh and translate (docs/translating.md)."""
    catalogue = _po()
    in_po = {_key(m.context, m.id) for m in catalogue if m.id}
    assert _extracted() - in_po == set(), "not in the .po: run packaging/update-catalogue.sh"
    untranslated = [
        m.id for m in catalogue if m.id and (not m.string or not all(m.string) or m.fuzzy)
    ]
    assert untranslated == []


def test_compiled_catalogue_matches_the_po() -> None:
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in _po():
        if not message.id or isinstance(message.id, tuple):
            continue
        if message.context:
            got = compiled.pgettext(message.context, message.id)
        else:
            got = compiled.gettext(message.id)
        assert got == message.string, f"stale .mo: run packaging/update-catalogue.sh ({message.id})"


def test_every_error_code_renders_in_chinese() -> None:
    error = IncidentUnknown(incident="NOPE")
    assert i18n.render(error, "en") == str(error)
    zh = i18n.render(error, "zh")
    assert zh.startswith("没有应急事件 'NOPE'") and "hisconsole incident list" in zh
    assert i18n.render(DatabaseMissing(data_dir="/d"), "zh").startswith("/d 中没有")


def test_a_ready_sentence_renders_as_given() -> None:
    from hisconsole.services.errors import ServiceError

    assert i18n.render(ServiceError("句子 as given"), "zh") == "句子 as given"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"}, "zh"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.GB18030"}, "zh"),
        ({}, "en"),
    ],
)
def test_language_follows_posix_precedence(environ: dict[str, str], lang: str) -> None:
    assert i18n.language_from_environment(environ) == lang


def _cli(tmp_path: Path, *args: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=lang, PYTHONPATH=str(ROOT), HISCONSOLE_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run(
        [sys.executable, "-m", "hisconsole", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )


def test_the_command_line_speaks_the_users_language(tmp_path: Path) -> None:
    assert _cli(tmp_path, "init", lang="C").returncode == 0
    done = _cli(tmp_path, "incident", "show", "NOPE", lang="zh_CN.UTF-8")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "hisconsole: 没有应急事件 'NOPE'。用“hisconsole incident list”查看全部应急事件。"
    )
    done = _cli(tmp_path, "--lang", "en", "incident", "show", "NOPE", lang="zh_CN.UTF-8")
    assert done.stderr.strip() == (
        "hisconsole: No incident 'NOPE'. 'hisconsole incident list' shows them."
    )
    done = _cli(tmp_path, "--lang", "zh", "incident", "list", lang="C")
    assert done.stdout.strip() == "没有应急事件。"
    # --json stays language-neutral: the same data whatever the language.
    zh = _cli(tmp_path, "--json", "check", lang="zh_CN.UTF-8")
    en = _cli(tmp_path, "--json", "check", lang="C")
    assert zh.stdout == en.stdout and '"ok": true' in zh.stdout


def test_the_frozen_build_and_the_wheel_carry_the_compiled_catalogue() -> None:
    import tomllib

    spec = (ROOT / "packaging" / "hisconsole.spec").read_text("utf-8")
    # The spec bundles every .mo where hisconsole.i18n looks for it (LOCALE_DIR).
    assert 'ROOT / "hisconsole" / "i18n"' in spec and 'rglob("*.mo")' in spec
    assert i18n.LOCALE_DIR == ROOT / "hisconsole" / "i18n" and MO.is_file()
    # The wheel takes the whole package folder, data files included.
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["hatch"]
    assert wheel["build"]["targets"]["wheel"]["packages"] == ["hisconsole"]
    assert "exclude" not in wheel["build"]["targets"]["wheel"]


def test_a_call_sites_own_template_and_a_files_reason_render_in_chinese(tmp_path: Path) -> None:
    from hisconsole.errors import N_
    from hisconsole.services.errors import ServiceError
    from hisconsole.store.files import FileWriteError, check_target

    error = ServiceError(
        N_("Incident {incident_id} is already at level {level}."), incident_id="INC-1", level="II"
    )
    assert str(error) == "Incident INC-1 is already at level II."
    assert i18n.render(error, "zh") == "应急事件 INC-1 已是 II 级。"
    assert error.as_dict()["params"] == {"incident_id": "INC-1", "level": "II"}
    fixed = ServiceError(N_("Choose a printer. Nothing was printed."))
    assert i18n.render(fixed, "zh") == "请选择打印机。未打印任何内容。"
    with pytest.raises(FileWriteError) as caught:
        check_target(tmp_path / "nope" / "out.pdf")
    assert str(caught.value).endswith("does not exist. Nothing was written.")
    zh = i18n.render(caught.value, "zh")
    assert f"文件夹 {tmp_path / 'nope'} 不存在" in zh and "Nothing" not in zh


def test_one_formatter_for_dates_times_and_numbers() -> None:
    from hisconsole.i18n import formats

    moment = "2026-11-25T18:05:09+00:00"
    shanghai = dt.timezone(dt.timedelta(hours=8))
    assert formats.format_datetime(moment, "zh", tz=shanghai) == "2026/11/26 02:05"  # year first
    assert formats.format_datetime(moment, "en", tz=shanghai, seconds=True) == (
        "26/11/2026 02:05:09"  # 24-hour clock in English too
    )
    assert formats.format_datetime(moment, "zh", tz=shanghai, with_date=False) == "02:05"
    assert formats.format_date("2027-03-18", "zh") == "2027/3/18"
    assert formats.format_number(12345.5, "zh") == "12,345.5"
    # The editors show the same pattern (Qt spells the full year yyyy).
    assert formats.qt_pattern(formats.datetime_pattern("zh")) == "yyyy/M/d HH:mm"
    assert formats.format_datetime("not a time", "zh") == "not a time"


def test_the_command_lines_text_shows_local_time_and_json_stays_iso(tmp_path: Path) -> None:
    assert _cli(tmp_path, "init", lang="C").returncode == 0
    made = _cli(
        tmp_path, "--json", "incident", "declare", "--level", "IV", "--title", "t", lang="C"
    )
    incident = json.loads(made.stdout)["id"]
    shown = _cli(tmp_path, "incident", "show", incident, lang="zh_CN.UTF-8").stdout
    assert re.search(r"报告于 \d{4}/\d{1,2}/\d{1,2} \d\d:\d\d", shown), shown
    assert "T" not in shown.split("\n")[2] and "+00:00" not in shown
    data = json.loads(
        _cli(tmp_path, "--json", "incident", "show", incident, lang="zh_CN.UTF-8").stdout
    )
    assert dt.datetime.fromisoformat(data["reported_at"]).tzinfo is not None
