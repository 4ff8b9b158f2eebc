"""A drill's score card and an after-action review (总结评估) as PDF, in Chinese, English
or both.

Pure rendering: the caller passes the score card as ``services.drills.score`` makes it
and the review as ``services.review`` reads it; nothing here reads the database. Every
text is drawn with the embedded CJK font.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, BinaryIO, cast
from xml.sax.saxutils import escape as _esc

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

from hisconsole.i18n import PrintLanguage
from hisconsole.i18n.formats import format_datetime
from hisconsole.printing.common import document_setup, numbered_canvas
from hisconsole.printing.common import grid_table as _table
from hisconsole.printing.fonts import register_fonts

LANGS = ("zh", "en", "both")
ALERT = colors.HexColor("#B71C1C")
AMBER = colors.HexColor("#E65100")
GOOD = colors.HexColor("#1B5E20")
WIDTH = 174 * mm

WORDS: dict[str, tuple[str, str]] = {
    "score_title": ("应急演练评分表", "Drill score card"),
    "review_title": ("总结评估报告", "After-action review"),
    "exercise": ("演练 — 非真实事件", "EXERCISE — not a real incident"),
    "drill": ("演练", "Drill"),
    "scenario": ("演练脚本", "Scenario"),
    "playbook": ("处置预案", "Playbook"),
    "calendar": ("演练计划条目", "Drill calendar entry"),
    "incident": ("应急事件", "Incident"),
    "speed": ("速度", "Speed"),
    "started": ("开始", "Started"),
    "ended": ("结束", "Ended"),
    "length": ("演练时长", "Drill length"),
    "none": ("无", "none"),
    "not_declared": ("未启动应急响应", "not declared"),
    "objectives": ("考核目标", "Objectives"),
    "objective": ("目标", "Objective"),
    "result": ("结果", "Result"),
    "measured": ("实测", "Measured"),
    "summary": ("小结", "Summary"),
    "met": ("达成", "Met"),
    "partly": ("部分达成", "Partly met"),
    "not-met": ("未达成", "Not met"),
    "clocks": ("报告时限执行情况", "Reporting clocks"),
    "report": ("报告", "Report"),
    "level": ("级别", "Level"),
    "due": ("时限（演练分钟）", "Due (drill min)"),
    "made": ("报告时间（演练分钟）", "Made (drill min)"),
    "state": ("判定", "Judged"),
    "initial": ("首报", "Initial"),
    "followup": ("续报", "Follow-up"),
    "level-change": ("级别变更报告", "Level change"),
    "report_initial": ("首报", "Initial report"),
    "report_followup": ("续报", "Follow-up report"),
    "report_level-change": ("级别变更报告", "Level change report"),
    "on-time": ("按时", "on time"),
    "late": ("迟报", "late"),
    "missed": ("漏报", "missed"),
    "open": ("未到期", "not yet due"),
    "cancelled": ("无需报告", "not owed"),
    "callout": ("通知呼叫", "Call-out"),
    "person": ("人员", "Person"),
    "reached": ("联系到（分钟）", "Reached (min)"),
    "not_reached": ("未联系到", "not reached"),
    "checklist": ("检查单", "Checklist"),
    "forms": ("纸质表单", "Paper forms"),
    "department": ("病区/科室", "Ward / department"),
    "sheets": ("张数", "Sheets"),
    "first_issued": ("首次发放（演练分钟）", "First issued (drill min)"),
    "issued": ("已发放", "issued"),
    "entered": ("已补录", "back-entered"),
    "void": ("作废", "void"),
    "outstanding": ("待补录", "outstanding"),
    "injects": ("演练注入", "Injects"),
    "inject": ("注入", "Inject"),
    "at": ("计划（分钟）", "Planned (min)"),
    "arrived": ("送达（分钟）", "Arrived (min)"),
    "delivered": ("已送达", "arrived"),
    "pending": ("未送达", "did not arrive"),
    "skipped": ("已跳过", "skipped"),
    "waiting-incident": ("未送达（未启动应急响应）", "did not arrive (no incident)"),
    "waiting-callout": ("未送达（未开始通知呼叫）", "did not arrive (no call-out)"),
    "minutes_note": (
        "所有时间为演练分钟（自演练开始计，暂停不计，按速度换算）。",
        "All times are drill minutes from the drill's start (pauses excluded, scaled by speed).",
    ),
    "timings": ("时间节点", "Timings"),
    "drill_clock": (
        "演练 {drill}：时间按演练时钟计（演练开始时间加演练分钟，暂停不计，按速度换算）。",
        "Drill {drill}: times are on the drill's clock (its start plus drill minutes; pauses "
        "excluded, scaled by speed).",
    ),
    "milestone": ("节点", "Milestone"),
    "time": ("时间", "Time"),
    "minutes": ("距发现（分钟）", "Minutes from detection"),
    "went_well": ("做得好的方面", "What went well"),
    "went_badly": ("存在的问题", "What went badly"),
    "improvements": ("整改项", "Improvement items"),
    "item": ("整改内容", "Item"),
    "owner": ("责任人", "Owner"),
    "due_date": ("完成期限", "Due"),
    "plan_section": ("对应预案章节", "Plan section"),
    "done": ("完成", "Done"),
    "yes": ("已完成", "done"),
    "no": ("未完成", "open"),
    "detected": ("发现", "Detected"),
    "declared": ("启动应急响应", "Declared"),
    "resolved": ("恢复", "Resolved"),
    "closed": ("关闭", "Closed"),
    "restored": ("恢复", "restored"),
    "printed": ("打印时间", "Printed"),
    "empty": ("（未填写）", "(not written)"),
}


class _Words:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str) -> str:
        zh, en = WORDS.get(key, (key, key))
        return {"zh": zh, "en": en}.get(self.lang, f"{zh} {en}")

    def text(self, value: Mapping[str, str] | str | None) -> str:
        if not value:
            return ""
        if isinstance(value, str):
            return value
        if self.lang == "both" and value.get("zh") != value.get("en"):
            return f"{value.get('zh', '')} / {value.get('en', '')}"
        return value.get("en" if self.lang == "en" else "zh") or next(iter(value.values()), "")


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=13)
    return {
        "base": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "h1": ParagraphStyle("h1", parent=base, fontSize=17, leading=22, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4
        ),
        "mark": ParagraphStyle("mark", parent=base, fontSize=11, leading=15, textColor=ALERT),
    }


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:g}"
    return f"{text} {unit}".strip() if unit else text


def _time(value: str | None, tz: dt.tzinfo | None) -> str:
    if not value:
        return "—"
    moment = dt.datetime.fromisoformat(value)
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


RESULT_COLOURS = {"met": GOOD, "partly": AMBER, "not-met": ALERT}


def render_score_card(
    card: Mapping[str, Any],
    *,
    lang: str,
    hospital: Mapping[str, str],
    printed_at: dt.datetime,
    out: BinaryIO,
) -> None:
    """Write a drill's score card (as ``services.drills.score.score_card`` makes it)."""
    font = register_fonts()
    st = _styles(font)
    w = _Words(lang)
    tz = printed_at.tzinfo
    story: list[Flowable] = [
        Paragraph(_esc(w("score_title")), st["h1"]),
        Paragraph(_esc(w("exercise")), st["mark"]),
        Paragraph(_esc(w.text(hospital)), st["base"]),
        Spacer(1, 3 * mm),
    ]
    facts = [
        [w("drill"), f"{card['drill']} · {w.text(card['name'])}"],
        [w("playbook"), str(card.get("playbook") or "")],
        [w("calendar"), card.get("calendar") or w("none")],
        [w("incident"), card.get("incident") or w("not_declared")],
        [w("speed"), f"×{card['speed']}"],
        [w("started"), _time(card["started_at"], tz)],
        [w("ended"), _time(card.get("ended_at"), tz)],
        [w("length"), _num(card.get("drill_minutes"), "min")],
    ]
    story.append(
        _table(
            [[Paragraph(_esc(a), st["cell"]), Paragraph(_esc(b), st["cell"])] for a, b in facts],
            [40 * mm, WIDTH - 40 * mm],
            font,
            [("BACKGROUND", (0, 0), (-1, 0), colors.white)],
        )
    )
    summary = card["summary"]
    story.append(Paragraph(_esc(w("objectives")), st["h2"]))
    story.append(
        Paragraph(
            _esc(
                f"{w('summary')}: {w('met')} {summary['met']} · {w('partly')} "
                f"{summary['partly']} · {w('not-met')} {summary['not_met']}"
            ),
            st["base"],
        )
    )
    rows: list[list[Any]] = [[w("objective"), w("result"), w("measured")]]
    styles: list[Any] = []
    for index, objective in enumerate(card["objectives"], start=1):
        unit = {"min": "min", "%": "%"}.get(objective["unit"], "")
        rows.append(
            [
                Paragraph(_esc(w.text(objective["name"])), st["cell"]),
                w(objective["result"]),
                _num(objective["measured"], unit),
            ]
        )
        styles.append(
            ("TEXTCOLOR", (1, index), (1, index), RESULT_COLOURS.get(objective["result"], ALERT))
        )
    story.append(_table(rows, [110 * mm, 32 * mm, 32 * mm], font, styles))
    story.append(Paragraph(_esc(w("minutes_note")), st["cell"]))

    story.append(Paragraph(_esc(w("clocks")), st["h2"]))
    rows = [[w("report"), w("level"), w("due"), w("made"), w("state")]]
    for clock in card["clocks"]:
        state = w(clock["state"])
        if clock["state"] == "late":
            state += f" +{clock['late_minutes']} min"
        rows.append(
            [
                w(clock["kind"]),
                clock["level"],
                _num(clock["due_minutes"]),
                _num(clock["made_minutes"]),
                state,
            ]
        )
    story.append(_table(rows, [40 * mm, 20 * mm, 38 * mm, 38 * mm, 38 * mm], font))

    callout = card.get("callout")
    story.append(Paragraph(_esc(w("callout")), st["h2"]))
    if callout:
        rows = [[w("person"), w("reached")]]
        for person in callout["people"]:
            rows.append(
                [
                    Paragraph(_esc(f"{person['path']}  {w.text(person['name'])}"), st["cell"]),
                    _num(person["reached_minutes"])
                    if person["reached_minutes"] is not None
                    else w("not_reached"),
                ]
            )
        story.append(_table(rows, [120 * mm, 54 * mm], font))
    else:
        story.append(Paragraph(_esc(w("none")), st["base"]))

    checklist = card["checklist"]
    forms = card["forms"]
    story.append(Paragraph(_esc(w("checklist")), st["h2"]))
    story.append(Paragraph(_esc(f"{checklist['done']} / {checklist['total']}"), st["base"]))
    story.append(Paragraph(_esc(w("forms")), st["h2"]))
    story.append(
        Paragraph(
            _esc(
                f"{w('issued')} {forms['issued']} · {w('entered')} {forms['entered']} · "
                f"{w('void')} {forms['void']} · {w('outstanding')} {forms['outstanding']}"
            ),
            st["base"],
        )
    )
    if forms["departments"]:
        rows = [[w("department"), w("sheets"), w("first_issued")]]
        for dept in forms["departments"]:
            rows.append(
                [dept["department"] or "—", str(dept["sheets"]), _num(dept["first_minutes"])]
            )
        story.append(_table(rows, [80 * mm, 30 * mm, 64 * mm], font))

    story.append(Paragraph(_esc(w("injects")), st["h2"]))
    rows = [[w("inject"), w("at"), w("arrived"), w("state")]]
    for inject in card["injects"]:
        rows.append(
            [
                f"{inject['code']} ({inject['kind']})",
                _num(inject["at_minutes"]),
                _num(inject["arrived_minutes"]),
                w(inject["state"]),
            ]
        )
    story.append(_table(rows, [74 * mm, 30 * mm, 30 * mm, 40 * mm], font))
    _build(story, out, f"{w('score_title')} {card['drill']}", printed_at, w.lang)


def _build(
    story: list[Flowable], out: BinaryIO, title: str, printed_at: dt.datetime, lang: str
) -> None:
    shown = cast(PrintLanguage, lang if lang in ("zh", "en", "both") else "both")
    when = format_datetime(printed_at, "en" if lang == "en" else "zh", tz=printed_at.tzinfo)
    footer = f"HIS Console · {when}"
    doc = SimpleDocTemplate(out, **document_setup(title))
    doc.build(story, canvasmaker=numbered_canvas(footer, shown))


def render_review(
    review: Mapping[str, Any],
    incident: Mapping[str, Any],
    *,
    lang: str,
    hospital: Mapping[str, str],
    printed_at: dt.datetime,
    out: BinaryIO,
    plan_sections: Mapping[str, Mapping[str, str]] | None = None,
) -> None:
    """Write the after-action review (as ``services.review.review`` reads it) of
    ``incident`` (its summary): timings, went well / badly, improvement items."""
    font = register_fonts()
    st = _styles(font)
    w = _Words(lang)
    tz = printed_at.tzinfo
    story: list[Flowable] = [Paragraph(_esc(w("review_title")), st["h1"])]
    if incident.get("exercise"):
        story.append(Paragraph(_esc(w("exercise")), st["mark"]))
    story += [
        Paragraph(_esc(w.text(hospital)), st["base"]),
        Paragraph(_esc(f"{w('incident')}: {incident['id']} · {incident['title']}"), st["base"]),
        Paragraph(_esc(f"{w('level')}: {incident['level']}"), st["base"]),
        Paragraph(_esc(w("timings")), st["h2"]),
    ]
    if review.get("drill"):
        story.append(Paragraph(_esc(w("drill_clock").format(drill=review["drill"])), st["cell"]))
    rows: list[list[Any]] = [[w("milestone"), w("time"), w("minutes"), w("state")]]
    for point in review["timings"]:
        clock = point.get("clock")
        state = ""
        if clock:
            state = w(clock["state"]) if clock["state"] in WORDS else clock["state"]
            if clock["state"] == "late":
                state += f" +{max(1, round(clock['late_seconds'] / 60))} min"
        rows.append(
            [
                Paragraph(_esc(_milestone(point["milestone"], w)), st["cell"]),
                _time(point["at"], tz),
                _num(point["minutes"]),
                state,
            ]
        )
    story.append(_table(rows, [62 * mm, 40 * mm, 36 * mm, 36 * mm], font))
    for key in ("went_well", "went_badly"):
        story.append(Paragraph(_esc(w(key)), st["h2"]))
        text = review.get(key) or w("empty")
        for line in text.splitlines() or [text]:
            story.append(Paragraph(_esc(line), st["base"]))
    story.append(Paragraph(_esc(w("improvements")), st["h2"]))
    if review["improvements"]:
        rows = [[w("item"), w("owner"), w("due_date"), w("plan_section"), w("done")]]
        for item in review["improvements"]:
            section = item["plan_section"] or "—"
            if plan_sections and item["plan_section"] in plan_sections:
                section = f"{section} {w.text(plan_sections[item['plan_section']])}"
            rows.append(
                [
                    Paragraph(_esc(item["text"]), st["cell"]),
                    Paragraph(_esc(item["owner"]), st["cell"]),
                    item["due"],
                    Paragraph(_esc(section), st["cell"]),
                    w("yes") if item["done"] else w("no"),
                ]
            )
        story.append(_table(rows, [62 * mm, 28 * mm, 24 * mm, 40 * mm, 20 * mm], font))
    else:
        story.append(Paragraph(_esc(w("none")), st["base"]))
    _build(story, out, f"{w('review_title')} {incident['id']}", printed_at, w.lang)


def _milestone(name: str, w: _Words) -> str:
    """A review milestone ("detected", "initial report", "HIS restored") in words."""
    if name.endswith(" report"):
        return w(f"report_{name[: -len(' report')]}")
    if name.endswith(" restored"):
        return f"{name[: -len(' restored')]} {w('restored')}"
    return w(name)
