"""Form templates: the bundled set loads, and bad files are refused with file and location."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from hisconsole.domain.forms import (
    FormTemplate,
    TemplateInvalid,
    parse_template,
)
from hisconsole.printing.forms import bundled_forms_dir, load_templates, read_template

BUNDLED = {
    "registration",
    "orders",
    "orders-temp",
    "mar",
    "temperature-chart",
    "nursing-record",
    "transfusion-request",
    "outpatient-receipt",
    "lab-request",
    "imaging-request",
    "prescription",
    "nursing-obs",
    "hics-214",
    "hics-213",
    "hics-251",
    "backentry-cover",
}

GOOD = """\
format: hisconsole-form
format_version: 1
code: ward-handover
version: 2
title: {zh: 交班记录, en: Shift handover}
header_fields:
  - label: {zh: 病区, en: Ward}
    width: 0.5
  - label: {zh: 日期, en: Date}
    width: 0.5
tables:
  - columns:
      - heading: {zh: 床号, en: Bed}
        width: 1
      - heading: {zh: 姓名, en: Name}
        width: 2
      - heading: {zh: 交班内容, en: Handover}
        width: 6
    rows: 12
rate_per_ward_per_8h: 3
"""


def _doc(**changes: object) -> dict[str, object]:
    doc: dict[str, object] = yaml.safe_load(GOOD)
    doc.update(changes)
    return doc


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bundled_template_loads_without_problems() -> None:
    templates, problems = load_templates()
    assert [str(p) for p in problems] == []
    assert set(templates) == BUNDLED
    for code, template in templates.items():
        assert template.code == code
        assert template.title.zh and template.title.en
        assert template.version >= 1
        # The outpatient receipt is a half sheet, as a window hands it out.
        assert template.page.size == ("A5" if code == "outpatient-receipt" else "A4")
        assert template.rate_per_ward_per_8h >= 1
        assert template.tables or template.chart, f"{code} has no ruled table nor chart"
        assert Path(template.source).parent == bundled_forms_dir()


def test_a_good_template_becomes_a_typed_form() -> None:
    template = parse_template(yaml.safe_load(GOOD), "ward-handover.yaml")
    assert isinstance(template, FormTemplate)
    assert template.code == "ward-handover" and template.version == 2
    assert template.title.shown("en") == ("Shift handover", "")
    assert template.title.shown("zh") == ("交班记录", "")
    assert template.title.shown("both") == ("交班记录", "Shift handover")
    assert [c.width for c in template.tables[0].columns] == [1, 2, 6]
    assert template.page.size_mm == (210, 297)
    assert template.back_entry is True and template.checkboxes_at == "bottom"


_PULSE = {"label": {"zh": "脉搏", "en": "Pulse"}, "from": 20, "to": 180, "step": 20}
_TEMP = {"label": {"zh": "体温", "en": "Temp."}, "from": 34, "to": 42, "step": 1, "mark": 37}
_CHART = {
    "days": 7,
    "times": [2, 6, 10, 14, 18, 22],
    "time_label": {"zh": "时间", "en": "Time"},
    "scales": [_PULSE, _TEMP],
}


def _chart(**changes: object) -> dict[str, object]:
    return _doc(tables=None, chart={**_CHART, **changes})


BAD_DOCS = {
    "missing title": (_doc(title=None), "title: is missing"),
    "zero rows": (
        _doc(tables=[{"columns": [{"heading": {"zh": "项", "en": "Item"}}], "rows": 0}]),
        "tables[0].rows: must be a whole number ≥ 1, not 0",
    ),
    "unknown page size": (_doc(page={"size": "B5"}), "page.size: must be one of A4, A5, Letter"),
    "bad orientation": (
        _doc(page={"size": "A4", "orientation": "sideways"}),
        "page.orientation: must be portrait or landscape",
    ),
    "column without en": (
        _doc(
            tables=[
                {
                    "columns": [
                        {"heading": {"zh": "床号", "en": "Bed"}},
                        {"heading": {"zh": "姓名", "en": "Name"}},
                        {"heading": {"zh": "内容"}},
                    ],
                    "rows": 3,
                }
            ]
        ),
        "tables[0].columns[2].heading: must have non-empty zh and en",
    ),
    "unknown field": (_doc(colour="red"), "colour: is not a known field"),
    "bad code": (_doc(code="MAR sheet"), "code: must be a short lower-case code"),
    "wrong format": (_doc(format="hisconsole-plan"), "format: must be 'hisconsole-form'"),
    "newer format": (_doc(format_version=2), "format_version: 2 is not supported"),
    "negative rate": (_doc(rate_per_ward_per_8h=-1), "rate_per_ward_per_8h: must be a whole"),
    "chart scales of different steps": (
        _chart(scales=[_PULSE, {**_TEMP, "step": 2}]),
        "chart.scales: every scale must have the same number of steps",
    ),
    "chart hours out of order": (
        _chart(times=[6, 2]),
        "chart.times: must list each hour once, earliest first",
    ),
    "chart hour past midnight": (_chart(times=[2, 25]), "chart.times: must list 1 to 12 hours"),
    "chart mark off the scale": (
        _chart(scales=[{**_TEMP, "mark": 45}]),
        "chart.scales[0].mark: must be a value from 34 to 42, not 45",
    ),
    "chart step not dividing the range": (
        _chart(scales=[{**_TEMP, "step": 3}]),
        "chart.scales[0].step: must divide 34–42 into 1 to 20 steps",
    ),
    "chart with too many days": (_chart(days=30), "chart.days: must be at most 14, not 30"),
    "nothing to draw": (
        _doc(header_fields=None, tables=None),
        "tables: a form needs header_fields, tables or checkboxes",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_DOCS))
def test_bad_template_is_refused_naming_file_and_location(case: str) -> None:
    doc, expected = BAD_DOCS[case]
    with pytest.raises(TemplateInvalid) as info:
        parse_template(doc, "resources/forms/bad.yaml")
    message = str(info.value)
    assert f"resources/forms/bad.yaml: {expected}" in message
    assert info.value.source == "resources/forms/bad.yaml"


def test_every_problem_is_listed_not_only_the_first() -> None:
    doc = _doc(title={"zh": "交班"}, page={"size": "B5"}, version=0)
    with pytest.raises(TemplateInvalid) as info:
        parse_template(doc, "x.yaml")
    locations = {p.location for p in info.value.problems}
    assert locations == {"title", "page.size", "version"}
    assert len(str(info.value).splitlines()) == 3


def test_unquoted_comma_in_a_text_gets_a_hint() -> None:
    doc = yaml.safe_load("title: {zh: 开始, en: Started (date, time)}")
    doc = _doc(title=doc["title"])
    with pytest.raises(TemplateInvalid, match=r"title: .*put a text holding a comma"):
        parse_template(doc, "x.yaml")


def test_not_a_mapping_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "list.yaml", "- just\n- a list\n")
    with pytest.raises(TemplateInvalid) as info:
        read_template(path)
    assert str(info.value) == f"{path}: (document): must be a mapping of template fields, not list"
    empty = _write(tmp_path, "empty.yaml", "")
    with pytest.raises(TemplateInvalid, match=r"empty\.yaml: \(document\): .* not empty"):
        read_template(empty)


def test_not_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.yaml", "format: hisconsole-form\ntitle: {zh: 未闭合\n")
    with pytest.raises(TemplateInvalid) as info:
        read_template(path)
    assert str(info.value).startswith(f"{path}: line 3, column 1: not valid YAML")


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("title: 给药记录".encode("gbk"))
    with pytest.raises(TemplateInvalid, match="not UTF-8 text"):
        read_template(path)


def test_a_form_too_tall_for_its_page_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "tall.yaml", GOOD.replace("rows: 12", "rows: 60"))
    with pytest.raises(TemplateInvalid) as info:
        read_template(path)
    assert f"{path}: (layout): does not fit on one A4 portrait page" in str(info.value)


def test_characters_the_font_cannot_print_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "glyph.yaml", GOOD.replace("en: Ward}", "en: Ward ☐}"))
    with pytest.raises(TemplateInvalid) as info:
        read_template(path)
    assert "header_fields[0].label.en: the embedded font cannot print '☐'" in str(info.value)


def test_one_bad_file_does_not_stop_the_good_one(tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    _write(folder, "good.yaml", GOOD)
    bad = _write(folder, "bad.yaml", GOOD.replace("rows: 12", "rows: 0"))
    _write(folder, "notes.txt", "not a template, ignored")
    templates, problems = load_templates([folder], include_bundled=False)
    assert list(templates) == ["ward-handover"]
    assert [p.source for p in problems] == [str(bad)]
    assert "tables[0].rows: must be a whole number ≥ 1, not 0" in str(problems[0])


def test_hospital_folder_adds_forms_and_overrides_bundled_ones(tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    _write(folder, "handover.yaml", GOOD)
    own_mar = GOOD.replace("code: ward-handover", "code: mar").replace("交班记录", "本院给药单")
    _write(folder, "our-mar.yaml", own_mar)
    templates, problems = load_templates([folder, tmp_path / "missing"])
    assert problems == []
    assert set(templates) == BUNDLED | {"ward-handover"}
    assert templates["mar"].title.zh == "本院给药单"
    assert templates["mar"].source == str(folder / "our-mar.yaml")


def test_two_files_with_one_code_in_a_folder_report_the_second(tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    _write(folder, "a.yaml", GOOD)
    _write(folder, "b.yaml", GOOD)
    templates, problems = load_templates([folder], include_bundled=False)
    assert list(templates) == ["ward-handover"]
    assert len(problems) == 1
    assert str(problems[0]) == (
        f"{folder / 'b.yaml'}: code: 'ward-handover' is already used by {folder / 'a.yaml'}"
    )


def test_pdf_template_carries_the_pdf_and_a_missing_pdf_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    own = textwrap.dedent(
        """\
        format: hisconsole-form
        format_version: 1
        code: transfusion
        version: 3
        title: {zh: 输血记录单, en: Blood transfusion record}
        rate_per_ward_per_8h: 2
        pdf: {file: transfusion.pdf, pages: all, position: bottom-left}
        """
    )
    path = _write(folder, "transfusion.yaml", own)
    with pytest.raises(TemplateInvalid, match=r"pdf\.file: .*transfusion\.pdf cannot be read"):
        read_template(path)
    (folder / "transfusion.pdf").write_bytes(b"%PDF-1.4 minimal")
    template = read_template(path)
    assert template.pdf is not None
    assert (template.pdf.pages, template.pdf.position) == ("all", "bottom-left")
    assert template.pdf_data == b"%PDF-1.4 minimal"
    with pytest.raises(TemplateInvalid, match=r"pdf\.position: must be one of"):
        parse_template(yaml.safe_load(own.replace("bottom-left", "middle")), "transfusion.yaml")
