"""The back-entry report as PDF: every paper sheet of an incident and whether it is back in the HIS.

Pure rendering: the caller passes the sheets as ``services.forms.sheets`` returns
them, the incident summary and the form titles; nothing here reads the database.
Every text is drawn with the embedded CJK font (no base-14 font is referenced).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as _esc

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from hisconsole.domain.numbers import carries_old_numbers, old_sheet_numbers
from hisconsole.printing.common import document_setup, grid_table, numbered_canvas
from hisconsole.printing.fonts import register_fonts

TITLE = {"zh": "纸质表单补录报告", "en": "Back-entry report"}
#: Sheet statuses in the order they are reported, with their bilingual names.
STATUSES: dict[str, tuple[str, str]] = {
    "issued": ("已发放", "Issued"),
    "returned": ("已收回", "Returned"),
    "entered": ("已录入", "Entered"),
    "verified": ("已核对", "Verified"),
    "void": ("作废", "Void"),
}
OUTSTANDING = ("issued", "returned")
OUTSTANDING_TINT = colors.HexColor("#FDE0DC")
ALERT = colors.HexColor("#B71C1C")
GOOD = colors.HexColor("#1B5E20")
WIDTH = 174 * mm


def _time(value: str | None, tz: dt.tzinfo | None) -> str:
    if not value:
        return ""
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _status(status: str) -> str:
    zh, en = STATUSES.get(status, (status, status))
    return f"{zh} {en}"


def serial_ranges(serials: Sequence[str]) -> list[str]:
    """Serials with consecutive runs written as ranges: ``A-000063..A-000070``."""
    runs: list[list[str]] = []
    previous: tuple[str, int] | None = None
    for serial in sorted(serials):
        prefix, _, number = serial.rpartition("-")
        key = (prefix, int(number)) if number.isdigit() else None
        if runs and key and previous and key == (previous[0], previous[1] + 1):
            runs[-1].append(serial)
        else:
            runs.append([serial])
        previous = key
    return [run[0] if len(run) == 1 else f"{run[0]}..{run[-1]}" for run in runs]


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13)
    return {
        "base": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
        "h1": ParagraphStyle("h1", parent=base, fontSize=17, leading=22, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4
        ),
        "alert": ParagraphStyle("alert", parent=base, fontSize=11, leading=15, textColor=ALERT),
        "good": ParagraphStyle("good", parent=base, fontSize=11, leading=15, textColor=GOOD),
    }


def render_backentry_report(
    *,
    incident: Mapping[str, Any] | None,
    sheets: Sequence[Mapping[str, Any]],
    titles: Mapping[str, Mapping[str, str]],
    hospital: Mapping[str, str],
    printed_at: dt.datetime,
    out: BinaryIO,
    numbers: Sequence[Mapping[str, Any]] = (),
) -> int:
    """Write the back-entry report to ``out``; returns the number of pages.

    ``numbers`` are the temporary patient numbers issued (``services.numbers.listing``):
    those patients were given must be merged into the HIS, and are listed for it.

    ``incident`` is the incident summary (id, title, level, status, declared_at,
    exercise) or None for every sheet on this console; ``titles`` maps a template
    code to its ``{"zh": …, "en": …}`` title. Sheets still outstanding (issued or
    returned, not yet entered into the HIS nor voided) are highlighted.
    """
    font = register_fonts()
    st = _styles(font)
    tz = printed_at.tzinfo
    story: list[Flowable] = []

    def title_of(code: str) -> str:
        title = titles.get(code)
        return f"{title['zh']} {title['en']} ({code})" if title else code

    story.append(Paragraph(f"{TITLE['zh']} / {TITLE['en']}", st["h1"]))
    story.append(Paragraph(f"{_esc(hospital['zh'])} · {_esc(hospital['en'])}", st["base"]))
    story.append(Spacer(1, 3 * mm))
    if incident is not None:
        name = f"{incident['id']} — {incident['title']}"
        if incident.get("exercise"):
            name += " [演练 EXERCISE]"
        facts = [
            ["事件 Incident", Paragraph(_esc(name), st["base"])],
            ["级别 Level", str(incident.get("level", ""))],
            ["状态 Status", str(incident.get("status", ""))],
            ["启动应急响应 Declared", _time(incident.get("declared_at"), tz)],
        ]
    else:
        facts = [["范围 Scope", "本机所有表单 Every sheet on this console"]]
    facts_table = Table(facts, colWidths=[32 * mm, WIDTH - 32 * mm], hAlign="LEFT")
    facts_table.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), font, 9.5), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story.append(facts_table)

    by_status = Counter(str(s["status"]) for s in sheets)
    waiting = [s for s in sheets if s["status"] in OUTSTANDING]
    story.append(Spacer(1, 3 * mm))
    if not sheets:
        story.append(Paragraph("没有发放表单 · No sheets were issued.", st["base"]))
    elif waiting:
        story.append(
            Paragraph(
                f"待补录 {len(waiting)} 张（共 {len(sheets)} 张） · "
                f"{len(waiting)} of {len(sheets)} sheets are not yet entered back into the HIS",
                st["alert"],
            )
        )
    else:
        story.append(
            Paragraph(
                f"全部 {len(sheets)} 张已补录或作废 · "
                f"All {len(sheets)} sheets are entered back or void",
                st["good"],
            )
        )

    if waiting:
        story.append(
            Paragraph(
                "待补录编号 Outstanding serials: "
                + _esc(", ".join(serial_ranges([str(s["serial"]) for s in waiting]))),
                st["base"],
            )
        )

    story.append(Paragraph("按状态统计 / Sheets by status", st["h2"]))
    status_rows: list[list[Any]] = [["状态 Status", "张数 Sheets"]]
    for status in STATUSES:
        status_rows.append([_status(status), str(by_status.get(status, 0))])
    status_rows.append(["待补录 Outstanding", str(len(waiting))])
    status_rows.append(["合计 Total", str(len(sheets))])
    story.append(
        grid_table(
            status_rows,
            [60 * mm, 30 * mm],
            font,
            [
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("TEXTCOLOR", (0, -2), (-1, -2), ALERT if waiting else colors.black),
            ],
        )
    )

    story.append(Paragraph("按表单统计 / Sheets by form", st["h2"]))
    per_template: dict[str, Counter[str]] = {}
    for sheet in sheets:
        per_template.setdefault(str(sheet["template"]), Counter())[str(sheet["status"])] += 1
    template_rows: list[list[Any]] = [
        [
            "表单\nForm",
            *(STATUSES[s][0] + "\n" + STATUSES[s][1] for s in STATUSES),
            "待补录\nOutstanding",
        ]
    ]
    highlight: list[Any] = []
    for code, counted in sorted(per_template.items()):
        outstanding = sum(counted.get(s, 0) for s in OUTSTANDING)
        template_rows.append(
            [
                Paragraph(_esc(title_of(code)), st["cell"]),
                *(str(counted.get(s, 0)) for s in STATUSES),
                str(outstanding),
            ]
        )
        if outstanding:
            row = len(template_rows) - 1
            highlight.append(("BACKGROUND", (-1, row), (-1, row), OUTSTANDING_TINT))
    story.append(
        grid_table(
            template_rows,
            [60 * mm, *([19 * mm] * len(STATUSES)), 19 * mm],
            font,
            [("ALIGN", (1, 1), (-1, -1), "RIGHT"), *highlight],
        )
    )

    story.append(Paragraph("表单清单 / Every sheet", st["h2"]))
    story.append(
        Paragraph(
            "底色标出的为尚未补录的表单 · Shaded rows are not yet entered back into the HIS.",
            st["cell"],
        )
    )
    story.append(Spacer(1, 2 * mm))
    rows: list[list[Any]] = [
        [
            "编号\nSerial",
            "表单\nForm",
            "状态\nStatus",
            "发放（时间、人员）\nIssued (when, by)",
            "最近变更\nLast change",
            "HIS 编号\nHIS ref",
            "作废原因\nVoid reason",
        ]
    ]
    marks: list[Any] = []
    for sheet in sheets:
        status = str(sheet["status"])
        changed = ""
        if status != "issued" and sheet.get("status_at"):
            changed = f"{_time(sheet['status_at'], tz)}\n{sheet.get('status_by') or ''}"
        rows.append(
            [
                str(sheet["serial"]),
                str(sheet["template"]),
                _status(status).replace(" ", "\n", 1),
                f"{_time(sheet.get('issued_at'), tz)}\n{sheet.get('issued_by') or ''}",
                changed,
                Paragraph(_esc(str(sheet.get("his_ref") or "")), st["cell"]),
                Paragraph(_esc(str(sheet.get("reason") or "")), st["cell"]),
            ]
        )
        if status in OUTSTANDING:
            row = len(rows) - 1
            marks.append(("BACKGROUND", (0, row), (-1, row), OUTSTANDING_TINT))
            marks.append(("TEXTCOLOR", (2, row), (2, row), ALERT))
    story.append(
        grid_table(
            rows,
            [22 * mm, 24 * mm, 22 * mm, 28 * mm, 28 * mm, 24 * mm, 26 * mm],
            font,
            [("FONT", (0, 1), (-1, -1), font, 7.5), *marks],
        )
    )

    if numbers:
        story += _numbers_section(numbers, st, font, tz)
    old = [s for s in sheets if carries_old_numbers(s["template"], s["template_version"])]
    if old:
        story += _old_numbers_section(old, st, font)

    stamp = printed_at.strftime("%Y-%m-%d %H:%M")
    scope = incident["id"] if incident is not None else "全部 all"
    footer = f"{scope} · {TITLE['zh']} {TITLE['en']} · 打印 printed {stamp}"
    doc = SimpleDocTemplate(out, **document_setup(f"{scope} {TITLE['en']}"))
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return int(doc.page)


def _numbers_section(
    numbers: Sequence[Mapping[str, Any]],
    st: Mapping[str, ParagraphStyle],
    font: str,
    tz: dt.tzinfo | None,
) -> list[Flowable]:
    """The temporary patient numbers: the used ones to merge into the HIS, one per row,
    and how many are still unused or void."""
    used = [n for n in numbers if n["status"] == "used"]
    count = Counter(str(n["status"]) for n in numbers)
    out: list[Flowable] = [
        Paragraph("待合并的临时住院号 / Temporary patient numbers to merge into the HIS", st["h2"]),
        Paragraph(
            f"已发放 {len(numbers)} 个：已使用 {count['used']}，未使用 {count['issued']}，"
            f"作废 {count['void']} · {len(numbers)} issued: {count['used']} used, "
            f"{count['issued']} unused, {count['void']} void. "
            "每个已使用的号码须在 HIS 中建档或合并到患者的病历号 · Each used number must be "
            "registered in the HIS or merged into the patient's record.",
            st["cell"],
        ),
        Spacer(1, 2 * mm),
    ]
    if not used:
        return out
    rows: list[list[Any]] = [
        [
            "临时住院号\nTemporary no.",
            "病区\nWard",
            "发放（时间、人员）\nIssued (when, by)",
            "使用（时间、人员）\nUsed (when, by)",
            "合并后病历号\nMRN after merging",
        ]
    ]
    for n in used:
        ward = n.get("ward_name") or {}
        rows.append(
            [
                str(n["number"]),
                Paragraph(
                    _esc(f"{ward.get('zh', '')} {ward.get('en', '')} ({n['ward']})"), st["cell"]
                ),
                f"{_time(n.get('issued_at'), tz)}\n{n.get('issued_by') or ''}",
                f"{_time(n.get('status_at'), tz)}\n{n.get('status_by') or ''}",
                "",
            ]
        )
    out.append(
        grid_table(
            rows,
            [30 * mm, 40 * mm, 34 * mm, 34 * mm, 36 * mm],
            font,
            [("FONT", (0, 1), (-1, -1), font, 7.5)],
        )
    )
    return out


def _old_numbers_section(
    sheets: Sequence[Mapping[str, Any]], st: Mapping[str, ParagraphStyle], font: str
) -> list[Flowable]:
    """Registration sheets printed with their own numbers (DT-…, before the numbers were
    issued in ranges): the numbers each carries, tracked with the sheet's back-entry."""
    rows: list[list[Any]] = [
        [
            "编号\nSerial",
            "预印临时住院号\nPre-printed temporary patient numbers",
            "状态\nStatus",
        ]
    ]
    for sheet in sheets:
        numbers = old_sheet_numbers(str(sheet["serial"]))
        rows.append(
            [str(sheet["serial"]), f"{numbers[0]} … {numbers[-1]}", _status(sheet["status"])]
        )
    return [
        Paragraph(
            "旧版登记表上的预印号码 / Numbers pre-printed on older registration sheets", st["h2"]
        ),
        Paragraph(
            "这些登记表（第 2 版及以前）每行预印了自己的临时住院号（DT-编号-行号）。每位患者"
            "的病历号写在该行最后一列；整张表补录后即完成合并 · These registration sheets "
            "(version 2 and older) carry their own temporary patient number in each row "
            "(DT-serial-row). Each patient's MRN goes in the row's last column; the numbers "
            "are merged when the sheet is back-entered.",
            st["cell"],
        ),
        Spacer(1, 2 * mm),
        grid_table(
            rows, [30 * mm, 100 * mm, 44 * mm], font, [("FONT", (0, 1), (-1, -1), font, 7.5)]
        ),
    ]
