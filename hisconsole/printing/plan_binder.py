"""Plan binder: the whole emergency plan (or one scenario's playbook) as a bilingual PDF.

A clean copy for the binder on the command-centre shelf: cover, table of
contents, then overview, warning levels (colour swatches and reporting
deadlines), organisation and duties, reporting, systems, risks, every
scenario's playbook (each on its own page: the steps in order, with the group
doing each and the warning levels it applies to), resources, drill calendar
and review. Every text prints in the language asked for (zh, en), or in Chinese with the
English beneath it in smaller type (both). Every page carries the plan title, hospital,
plan version, print date and "page x of y".

With ``scenario`` only that scenario's playbook prints (with the warning-level
legend and the downtime procedures of the systems it involves).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from hisconsole.domain.plan import text_colour_on
from hisconsole.i18n import (
    LANGUAGES,
    Language,
    PrintLanguage,
    Words,
    current_language,
    in_every_language,
    languages_of,
    translator,
)
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_date
from hisconsole.printing.common import (
    CREATOR,
    FAINT,
    GREY,
    INK,
    MARGIN,
    document_setup,
    font,
    numbered_canvas,
)
from hisconsole.printing.words import LABELS, VALUES

_GROUP_TINTS = {"hq": "#FDECEA", "tech": "#E8F0FE", "business": "#E6F4EA"}


def _e(text: Any) -> str:
    return escape(str(text or "")).replace("\n", "<br/>")


class _Styles:
    def __init__(self) -> None:
        f = font()

        def style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
            kw.setdefault("textColor", INK)
            return ParagraphStyle(
                name,
                fontName=f,
                fontSize=size,
                leading=leading,
                bulletFontName=f,
                **kw,
            )

        self.cover_hospital = style("cover_hospital", 15, 22, alignment=TA_CENTER)
        self.cover_title = style("cover_title", 28, 38, alignment=TA_CENTER, spaceBefore=6)
        self.cover_title_en = style(
            "cover_title_en", 15, 20, alignment=TA_CENTER, textColor=GREY, spaceAfter=24
        )
        self.cover_subtitle = style("cover_subtitle", 17, 24, alignment=TA_CENTER, spaceBefore=8)
        self.cover_meta = style("cover_meta", 11, 17, alignment=TA_CENTER)
        self.cover_meta_en = style("cover_meta_en", 9, 13, alignment=TA_CENTER, textColor=GREY)
        self.h1 = style("h1", 17, 22, spaceBefore=4)
        self.h1_en = style("h1_en", 11, 14, textColor=GREY, spaceAfter=8)
        self.h2 = style("h2", 12.5, 17, spaceBefore=8)
        self.h2_en = style("h2_en", 9, 12, textColor=GREY, spaceAfter=3)
        self.h3 = style("h3", 10.5, 14, spaceBefore=6, textColor=INK)
        self.body = style("body", 10, 15, wordWrap="CJK")
        self.body_en = style("body_en", 8.5, 11.5, textColor=GREY, spaceAfter=5)
        self.bullet = style("bullet", 10, 15, wordWrap="CJK", leftIndent=12, bulletIndent=2)
        self.bullet_en = style("bullet_en", 8.5, 11.5, textColor=GREY, leftIndent=12, spaceAfter=4)
        self.cell = style("cell", 8.5, 11.5, wordWrap="CJK")
        self.cell_en = style("cell_en", 7.5, 9.5, textColor=GREY)
        self.cell_head = style("cell_head", 8.5, 11, textColor=colors.white)
        self.swatch = style("swatch", 20, 24, alignment=TA_CENTER, textColor=colors.white)
        self.swatch_en = style("swatch_en", 8.5, 11, alignment=TA_CENTER, textColor=colors.white)
        self.toc0 = style("toc0", 11, 17, leftIndent=0, firstLineIndent=0)
        self.toc1 = style("toc1", 9.5, 13.5, leftIndent=16, firstLineIndent=0, textColor=GREY)


class _Heading(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A section heading that also makes a table-of-contents entry and a PDF bookmark."""

    def __init__(self, text: str, style: ParagraphStyle, *, toc: str, level: int) -> None:
        super().__init__(text, style)
        self.toc_text = toc
        self.toc_level = level


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, out: BinaryIO, **kw: Any) -> None:
        super().__init__(out, **kw)
        self._bookmarks = 0

    def beforeDocument(self) -> None:
        # multiBuild runs several passes; the same heading must get the same key each time.
        self._bookmarks = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self._bookmarks += 1
            key = f"h{self._bookmarks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.toc_text, key, level=flowable.toc_level)
            self.notify("TOCEntry", (flowable.toc_level, escape(flowable.toc_text), self.page, key))


Bilingual = dict[str, str]


_said = in_every_language


def _words(text: str) -> Bilingual:
    """A catalogue text (its English id) in each language."""
    return {lang: translator(lang).gettext(text) for lang in LANGUAGES}


def _said_with(make: Callable[..., str], *args: Any) -> Bilingual:
    """``make(*args)`` said in each language (a loop's values bound now, not late)."""
    return in_every_language(lambda: make(*args))


def _labelled(key: str, value: Mapping[str, str] | str) -> str:
    text = value if isinstance(value, str) else value.get(current_language(), "")
    return _("{label}: {value}").format(label=_(LABELS[key]), value=text)


def _level_deadlines(level: Mapping[str, Any]) -> str:
    return _(
        "{name} ({colour}): report within {report} minutes, follow up every {follow} minutes"
    ).format(
        name=level.get("name", {}).get(current_language(), ""),
        colour=level.get("colour_name", {}).get(current_language(), ""),
        report=int(level.get("report_minutes", 0)),
        follow=int(level.get("followup_minutes", 0)),
    )


def _rating(likelihood: Mapping[str, str], impact: Mapping[str, str]) -> str:
    return _("Likelihood: {likelihood} · Impact: {impact}").format(
        likelihood=likelihood[current_language()], impact=impact[current_language()]
    )


def _minutes(minutes: int) -> str:
    return _("{minutes} min").format(minutes=minutes)


def _days(days: int) -> str:
    return _("{days} days").format(days=days)


class _Binder:
    def __init__(
        self, doc: Mapping[str, Any], version: int, printed_at: str, lang: PrintLanguage
    ) -> None:
        self.lang = lang
        self.shown: tuple[Language, ...] = languages_of(lang)
        self.doc = doc
        self.version = version
        self.printed_at = printed_at
        self.s = _Styles()
        self.levels = {lvl["code"]: lvl for lvl in doc.get("levels", [])}
        self.group_names = {g["code"]: g["name"] for g in doc.get("groups", [])}
        self.risk_names = {r["code"]: r["name"] for r in doc.get("risks", [])}
        self.scenario_names = {s["code"]: s["name"] for s in doc.get("scenarios", [])}
        self.section_no = 0

    # --- text helpers -------------------------------------------------------------------

    def texts(self, text: Mapping[str, str] | None) -> list[str]:
        """The languages shown of a text given in both (each falling back on the other),
        once if they read the same."""
        if not text:
            return []
        out: list[str] = []
        for lang in self.shown:
            said = text.get(lang) or (text.get("en") if lang == "zh" else text.get("zh")) or ""
            if said and said not in out:
                out.append(said)
        return out

    def bi(
        self, text: Mapping[str, str] | None, zh: ParagraphStyle, en: ParagraphStyle
    ) -> list[Flowable]:
        """The first language in ``zh``'s style, the second (both) beneath in ``en``'s."""
        return [
            Paragraph(_e(said), zh if i == 0 else en) for i, said in enumerate(self.texts(text))
        ]

    def inline(self, text: Mapping[str, str] | None) -> str:
        """Markup of a short text on one line: the second language in small grey type."""
        parts = self.texts(text)
        head = _e(parts[0]) if parts else ""
        rest = "".join(f"　<font size='8' color='#555555'>{_e(p)}</font>" for p in parts[1:])
        return head + rest

    def label(self, key: str, zh: ParagraphStyle, en: ParagraphStyle) -> list[Flowable]:
        return self.bi(_words(LABELS[key]), zh, en)

    def value(self, code: str) -> dict[str, str]:
        return _words(VALUES[code]) if code in VALUES else {"zh": code, "en": code}

    def toc(self, number: str, text: Mapping[str, str]) -> str:
        return "  ".join([number, *self.texts(text)])

    def heading(self, key: str) -> list[Flowable]:
        self.section_no += 1
        number = str(self.section_no)
        first, *rest = self.texts(_words(LABELS[key]))
        return [
            _Heading(
                f"{number}　{_e(first)}",
                self.s.h1,
                toc=self.toc(number, _words(LABELS[key])),
                level=0,
            ),
            *(Paragraph(_e(text), self.s.h1_en) for text in rest),
        ]

    def subheading(self, key: str) -> list[Flowable]:
        return [CondPageBreak(40 * mm), *self.label(key, self.s.h2, self.s.h2_en)]

    def bullets(self, items: Sequence[Mapping[str, str]], numbered: bool = False) -> list[Flowable]:
        out: list[Flowable] = []
        for i, item in enumerate(items, 1):
            mark = f"{i}." if numbered else "•"
            parts: list[Flowable] = [
                Paragraph(_e(text), self.s.bullet, bulletText=mark)
                if n == 0
                else Paragraph(_e(text), self.s.bullet_en)
                for n, text in enumerate(self.texts(item))
            ]
            out.append(KeepTogether(parts))
        return out

    def cell(self, text: Mapping[str, str] | str | None) -> list[Flowable]:
        if isinstance(text, str):
            return [Paragraph(_e(text), self.s.cell)]
        return self.bi(text, self.s.cell, self.s.cell_en)

    def head_cell(self, key: str) -> Paragraph:
        first, *rest = self.texts(_words(LABELS[key]))
        rest_markup = "".join(f"<br/><font size='7'>{_e(text)}</font>" for text in rest)
        return Paragraph(_e(first) + rest_markup, self.s.cell_head)

    def table(
        self, rows: list[list[Any]], widths: Sequence[float], extra: Sequence[Any] = ()
    ) -> Table:
        table = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font()),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#37474F")),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, FAINT),
                    ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#90A4AE")),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    *extra,
                ]
            )
        )
        return table

    def level_badges(self, codes: Sequence[str]) -> Paragraph:
        spans = []
        for code in codes:
            level = self.levels.get(code)
            colour = level["colour_hex"] if level else "#607D8B"
            ink = text_colour_on(colour)
            spans.append(f'<font backColor="{colour}" color="{ink}">&nbsp;{_e(code)}&nbsp;</font>')
        return Paragraph("&nbsp;".join(spans), self.s.cell)

    # --- the document ---------------------------------------------------------------------

    @property
    def width(self) -> float:
        return float(A4[0] - 36 * mm)

    def cover(self, subtitle: Mapping[str, str] | None = None) -> list[Flowable]:
        meta = self.doc.get("meta", {})
        s = self.s
        story: list[Flowable] = [Spacer(1, 45 * mm)]
        story += self.bi(meta.get("hospital"), s.cover_hospital, s.cover_meta_en)
        story.append(Spacer(1, 10 * mm))
        story += self.bi(meta.get("title") or {}, s.cover_title, s.cover_title_en)
        if subtitle:
            story += self.bi(subtitle, s.cover_subtitle, s.cover_title_en)
        story.append(Spacer(1, 20 * mm))
        lines: list[tuple[str, Mapping[str, str] | str]] = [
            ("version", str(self.version)),
            ("revised", format_date(meta.get("revised"), self.shown[0])),
            ("printed", self.printed_at),
        ]
        owner = meta.get("owner") or {}
        if owner:
            lines.append(("owner", owner))
        for key, value in lines:
            story += self.bi(_said_with(_labelled, key, value), s.cover_meta, s.cover_meta_en)
        return story

    def contents(self) -> list[Flowable]:
        toc = TableOfContents(
            levelStyles=[self.s.toc0, self.s.toc1],
            dotsMinLevel=0,
            # Without FONTNAME its empty cells select Helvetica, which is not embedded.
            tableStyle=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font()),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        return [
            NextPageTemplate("body"),
            PageBreak(),
            *self.label("contents", self.s.h1, self.s.h1_en),
            toc,
        ]

    def overview(self) -> list[Flowable]:
        o = self.doc.get("overview", {})
        story = [PageBreak(), *self.heading("overview")]
        story += self.subheading("purpose") + self.bi(o.get("purpose"), self.s.body, self.s.body_en)
        story += self.subheading("goals") + self.bullets(o.get("goals", []))
        story += self.subheading("scope") + self.bi(o.get("scope"), self.s.body, self.s.body_en)
        story += self.subheading("principles") + self.bullets(o.get("principles", []))
        return story

    def on_level(self, style: ParagraphStyle, level: Mapping[str, Any]) -> ParagraphStyle:
        """``style`` with the text colour that reads on the level's colour (black on yellow)."""
        ink = colors.HexColor(text_colour_on(level["colour_hex"]))
        return ParagraphStyle(f"{style.name}-{level['code']}", parent=style, textColor=ink)

    def level_block(self, level: Mapping[str, Any]) -> Flowable:
        s = self.s
        code_style, colour_style = self.on_level(s.swatch, level), self.on_level(s.swatch_en, level)
        swatch = [
            Paragraph(_e(level["code"]), code_style),
            *(Paragraph(_e(t), colour_style) for t in self.texts(level.get("colour_name", {}))),
        ]
        report = int(level.get("report_minutes", 0))
        follow = int(level.get("followup_minutes", 0))
        deadlines = _said(
            lambda: _(
                "Initial report within {report} minutes; follow-up reports every {follow} minutes"
            ).format(report=report, follow=follow)
        )
        body: list[Flowable] = [
            Paragraph(self.inline(level.get("name", {})), s.h2),
            *self.bi(deadlines, s.body, s.body_en),
            *self.label("criteria", s.h3, s.cell_en),
            *self.bi(level.get("criteria"), s.cell, s.body_en),
            *self.label("response", s.h3, s.cell_en),
            *self.bi(level.get("response"), s.cell, s.body_en),
        ]
        table = Table([[swatch, body]], colWidths=[24 * mm, self.width - 24 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font()),
                    ("BACKGROUND", (0, 0), (0, 0), colors.HexColor(level["colour_hex"])),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(level["colour_hex"])),
                    ("TOPPADDING", (0, 0), (0, 0), 10),
                    ("LEFTPADDING", (1, 0), (1, 0), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return KeepTogether([table, Spacer(1, 5 * mm)])

    def levels_section(self) -> list[Flowable]:
        story = [PageBreak(), *self.heading("levels")]
        story += [self.level_block(level) for level in self.doc.get("levels", [])]
        return story

    def level_legend(self) -> list[Flowable]:
        rows: list[list[Any]] = [
            [self.head_cell("default_level"), self.head_cell("level_legend")],
        ]
        extra = []
        for i, level in enumerate(self.doc.get("levels", []), 1):
            said = _said_with(_level_deadlines, level)
            rows.append(
                [
                    Paragraph(_e(level["code"]), self.on_level(self.s.swatch_en, level)),
                    self.bi(said, self.s.cell, self.s.cell_en),
                ]
            )
            extra.append(("BACKGROUND", (0, i), (0, i), colors.HexColor(level["colour_hex"])))
        return [
            *self.label("level_legend", self.s.h2, self.s.h2_en),
            self.table(rows, [20 * mm, self.width - 20 * mm], extra),
        ]

    def groups_section(self) -> list[Flowable]:
        s = self.s
        story = [PageBreak(), *self.heading("groups")]
        for group in self.doc.get("groups", []):
            story.append(CondPageBreak(60 * mm))
            story += self.bi(group.get("name"), s.h2, s.h2_en)
            story += self.label("lead", s.h3, s.cell_en)
            story += self.bi(group.get("lead"), s.body, s.body_en)
            story += self.label("members", s.h3, s.cell_en)
            story += self.bi(group.get("members"), s.body, s.body_en)
            story += self.label("duties", s.h3, s.cell_en)
            story += self.bullets(group.get("duties", []))
        return story

    def reporting_section(self) -> list[Flowable]:
        r = self.doc.get("reporting", {})
        story = [PageBreak(), *self.heading("reporting")]
        story += self.level_legend()
        story += self.subheading("channels") + self.bullets(r.get("channels", []))
        story += self.subheading("steps") + self.bullets(r.get("steps", []), numbered=True)
        return story

    def systems_table(self, systems: Sequence[Mapping[str, Any]]) -> Table:
        rows: list[list[Any]] = [
            [
                self.head_cell("system"),
                [self.head_cell("criticality"), self.head_cell("max_downtime")],
                self.head_cell("downtime_procedure"),
            ]
        ]
        for system in systems:
            minutes = int(system.get("max_downtime_minutes", 0))
            rows.append(
                [
                    [
                        Paragraph(
                            f"<b>{_e(system['code'])}</b>　{self.inline(system.get('name', {}))}",
                            self.s.cell,
                        ),
                        Spacer(1, 2),
                        *self.bi(system.get("function"), self.s.cell, self.s.cell_en),
                    ],
                    [
                        *self.cell(self.value(str(system.get("criticality", "")))),
                        Spacer(1, 3),
                        *self.bi(
                            _said_with(_minutes, minutes),
                            self.s.cell,
                            self.s.cell_en,
                        ),
                    ],
                    self.cell(system.get("downtime_procedure")),
                ]
            )
        return self.table(rows, [62 * mm, 26 * mm, self.width - 88 * mm])

    def systems_section(self) -> list[Flowable]:
        return [
            PageBreak(),
            *self.heading("systems"),
            self.systems_table(self.doc.get("systems", [])),
        ]

    def risks_section(self) -> list[Flowable]:
        s = self.s
        story = [PageBreak(), *self.heading("risks")]
        for risk in self.doc.get("risks", []):
            like = self.value(str(risk.get("likelihood")))
            impact = self.value(str(risk.get("impact")))
            rating = _said_with(_rating, like, impact)
            block: list[Flowable] = [
                *self.bi(risk.get("name"), s.h2, s.h2_en),
                Paragraph(self.inline(rating), s.body),
                *self.bi(risk.get("description"), s.body, s.body_en),
                *self.label("mitigations", s.h3, s.cell_en),
            ]
            story.append(CondPageBreak(50 * mm))
            story += block
            story += self.bullets(risk.get("mitigations", []))
        return story

    def playbook(self, scenario: Mapping[str, Any], number: str, level: int = 1) -> list[Flowable]:
        s = self.s
        name = scenario.get("name", {})
        first, *others = self.texts(name) or [""]
        default = self.levels.get(str(scenario.get("default_level")), {})
        risk = self.risk_names.get(str(scenario.get("risk")), {})
        systems = ", ".join(str(c) for c in scenario.get("systems", []))
        story: list[Flowable] = [
            _Heading(f"{_e(number)}　{_e(first)}", s.h1, toc=self.toc(number, name), level=level),
            *(Paragraph(_e(text), s.h1_en) for text in others),
        ]
        meta = Table(
            [
                [
                    self.head_cell("risk"),
                    self.head_cell("scenario_systems"),
                    self.head_cell("default_level"),
                ],
                [
                    self.cell(risk),
                    self.cell(systems),
                    [
                        self.level_badges([str(scenario.get("default_level", ""))]),
                        *self.cell(default.get("name")),
                    ],
                ],
            ],
            colWidths=[self.width / 3] * 3,
            hAlign="LEFT",
        )
        meta.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font()),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#37474F")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#90A4AE")),
                ]
            )
        )
        story += [meta, Spacer(1, 3 * mm)]
        story += self.bi(scenario.get("description"), s.body, s.body_en)
        story.append(Spacer(1, 2 * mm))
        rows: list[list[Any]] = [
            [
                self.head_cell("step_no"),
                self.head_cell("group"),
                self.head_cell("step_levels"),
                self.head_cell("step"),
            ]
        ]
        extra = []
        for i, step in enumerate(scenario.get("steps", []), 1):
            group = str(step.get("group", ""))
            rows.append(
                [
                    Paragraph(str(i), s.cell),
                    self.cell(self.group_names.get(group, {"zh": group, "en": group})),
                    self.level_badges([str(c) for c in step.get("levels", [])]),
                    self.cell(step.get("text")),
                ]
            )
            tint = _GROUP_TINTS.get(group)
            if tint:
                extra.append(("BACKGROUND", (1, i), (1, i), colors.HexColor(tint)))
        story.append(self.table(rows, [10 * mm, 27 * mm, 30 * mm, self.width - 67 * mm], extra))
        return story

    def scenarios_section(self) -> list[Flowable]:
        story: list[Flowable] = [PageBreak(), *self.heading("scenarios")]
        number = self.section_no
        for i, scenario in enumerate(self.doc.get("scenarios", []), 1):
            if i > 1:
                story.append(PageBreak())
            story += self.playbook(scenario, f"{number}.{i}")
        return story

    def resources_section(self) -> list[Flowable]:
        rows: list[list[Any]] = [
            [
                self.head_cell("resource"),
                self.head_cell("quantity"),
                self.head_cell("location"),
                self.head_cell("owner_group"),
                self.head_cell("check"),
            ]
        ]
        for item in self.doc.get("resources", []):
            unit = item.get("unit", {})
            quantity = int(item.get("quantity", 0))
            category = self.value(str(item.get("category", "")))
            days = int(item.get("check_interval_days", 0))
            rows.append(
                [
                    [
                        *self.cell(item.get("name")),
                        Paragraph(" · ".join(map(_e, self.texts(category))), self.s.cell_en),
                    ],
                    self.cell(
                        {
                            "zh": f"{quantity} {unit.get('zh', '')}",
                            "en": f"{quantity} {unit.get('en', '')}",
                        }
                    ),
                    self.cell(item.get("location")),
                    self.cell(self.group_names.get(str(item.get("owner_group")), {})),
                    self.cell(_said_with(_days, days)),
                ]
            )
        widths = [self.width - 113 * mm, 20 * mm, 45 * mm, 28 * mm, 20 * mm]
        return [PageBreak(), *self.heading("resources"), self.table(rows, widths)]

    def drills_section(self) -> list[Flowable]:
        rows: list[list[Any]] = [
            [
                self.head_cell("date"),
                self.head_cell("drill"),
                self.head_cell("scenario"),
                self.head_cell("kind"),
                self.head_cell("participants"),
            ]
        ]
        for drill in self.doc.get("drills", []):
            participants = [
                self.group_names.get(p, {"zh": p, "en": p}) for p in drill.get("participants", [])
            ]
            rows.append(
                [
                    self.cell(format_date(str(drill.get("date", "")), self.shown[0])),
                    self.cell(drill.get("name")),
                    self.cell(self.scenario_names.get(str(drill.get("scenario")), {})),
                    self.cell(self.value(str(drill.get("kind", "")))),
                    self.cell(
                        {
                            "zh": "、".join(p.get("zh", "") for p in participants),
                            "en": ", ".join(p.get("en", "") for p in participants),
                        }
                    ),
                ]
            )
        widths = [20 * mm, 50 * mm, 42 * mm, 20 * mm, self.width - 132 * mm]
        return [
            Spacer(1, 8 * mm),
            CondPageBreak(80 * mm),
            *self.heading("drills"),
            self.table(rows, widths),
        ]

    def review_section(self) -> list[Flowable]:
        r = self.doc.get("review", {})
        story = [PageBreak(), *self.heading("review")]
        story += self.bi(r.get("purpose"), self.s.body, self.s.body_en)
        story += self.subheading("review_steps") + self.bullets(r.get("steps", []), numbered=True)
        return story

    def whole(self) -> list[Flowable]:
        story = self.cover() + self.contents()
        story += self.overview()
        story += self.levels_section()
        story += self.groups_section()
        story += self.reporting_section()
        story += self.systems_section()
        story += self.risks_section()
        story += self.scenarios_section()
        story += self.resources_section()
        story += self.drills_section()
        story += self.review_section()
        return story

    def one_scenario(self, code: str) -> list[Flowable]:
        scenario = next((s for s in self.doc.get("scenarios", []) if s.get("code") == code), None)
        if scenario is None:
            known = ", ".join(str(s.get("code")) for s in self.doc.get("scenarios", []))
            raise ValueError(f"no scenario {code!r} in the plan (known: {known})")
        name = scenario.get("name", {})
        story = self.cover(
            _said(
                lambda: _("{label}: {value}").format(
                    label=_(LABELS["playbook"]), value=name.get(current_language(), "")
                )
            )
        )
        story += [NextPageTemplate("body"), PageBreak()]
        story += self.playbook(scenario, "1", level=0)
        story += [Spacer(1, 6 * mm), *self.level_legend()]
        involved = [
            s for s in self.doc.get("systems", []) if s.get("code") in scenario.get("systems", [])
        ]
        if involved:
            story += [
                CondPageBreak(50 * mm),
                *self.label("involved_procedures", self.s.h2, self.s.h2_en),
                self.systems_table(involved),
            ]
        return story


def render_plan(
    doc: Mapping[str, Any],
    *,
    version: int,
    printed_at: str,
    out: BinaryIO,
    scenario: str | None = None,
    lang: PrintLanguage = "both",
) -> int:
    """Write the plan binder PDF (or one scenario's playbook) to ``out``; return the page count.

    ``doc`` is a plan document (see :mod:`hisconsole.domain.plan`); ``version``
    the published plan version; ``printed_at`` the print time as the user should
    read it; ``lang`` zh, en or both (Chinese with the English beneath). Raises ValueError
    for an unknown ``scenario`` code.
    """
    binder = _Binder(doc, version, printed_at, lang)
    w = Words(lang, sep=" · ")
    story = binder.one_scenario(scenario) if scenario else binder.whole()
    meta = doc.get("meta", {})
    title = meta.get("title", {})
    hospital = meta.get("hospital", {})
    margin = MARGIN
    frame = Frame(margin, 20 * mm, A4[0] - 2 * margin, A4[1] - 40 * mm, id="body")
    headers = [f"{title.get(one, '')} · {hospital.get(one, '')}" for one in binder.shown]
    version_text = w.gettext("Plan version {version}").format(version=version)
    printed_text = Words(lang, sep=" ").gettext("Printed") + f" {printed_at} · v{version}"

    def furniture(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font(), 8.5)
        canvas.setFillColor(INK)
        top = A4[1] - 12 * mm
        canvas.drawString(margin, top, headers[0])
        canvas.setFont(font(), 7)
        canvas.setFillColor(GREY)
        for line in headers[1:]:
            canvas.drawString(margin, top - 9, line)
        canvas.setFont(font(), 8.5)
        canvas.setFillColor(INK)
        canvas.drawRightString(A4[0] - margin, top, version_text)
        canvas.setStrokeColor(FAINT)
        canvas.setLineWidth(0.6)
        canvas.line(margin, top - 13, A4[0] - margin, top - 13)
        canvas.line(margin, 15 * mm, A4[0] - margin, 15 * mm)
        canvas.setFont(font(), 8)
        canvas.setFillColor(GREY)
        canvas.drawString(margin, 10 * mm, printed_text)
        canvas.restoreState()

    template = _Doc(
        out,
        **document_setup(
            " ".join(binder.texts(title)),
            author=str(hospital.get("zh") or hospital.get("en") or CREATOR),
            subject=f"version {version}",
            side=margin,
            top=20 * mm,
            bottom=20 * mm,
        ),
        initialFontSize=10,
    )
    template.addPageTemplates(
        [
            PageTemplate(id="cover", frames=[frame], onPage=furniture),
            PageTemplate(id="body", frames=[frame], onPage=furniture),
        ]
    )
    template.multiBuild(story, canvasmaker=numbered_canvas("", lang))
    return int(template.page)
