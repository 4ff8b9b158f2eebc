"""The plan rendered for reading: every section, in Chinese, English or both side by side."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.glossary import LEVELS
from hisconsole.domain.periods import period_hours
from hisconsole.domain.plan import GROUP_CODES, text
from hisconsole.ui import style
from hisconsole.ui.i18n import criticality_label, format_date, minutes_label
from hisconsole.ui.partials.plan_names import section_title

#: How plan content is shown: one language, or both side by side.
MODES = ("zh", "en", "both")
BOTH = "both"

#: The sections in reading order (meta is the title block above them).
BROWSE_SECTIONS = (
    "overview",
    "levels",
    "groups",
    "reporting",
    "systems",
    "risks",
    "scenarios",
    "resources",
    "drills",
    "review",
)

HIGHLIGHT = "#FFF3B0"
HIGHLIGHT_BORDER = "#F9A825"
CARD_BORDER = "#C9CED2"
ALL_LEVELS_GREY = "#ECEFF1"


def rating_label(rating: str) -> str:
    labels = {
        "low": QCoreApplication.translate("PlanLabels", "Low"),
        "medium": QCoreApplication.translate("PlanLabels", "Medium"),
        "high": QCoreApplication.translate("PlanLabels", "High"),
    }
    return labels.get(rating, rating)


def category_label(category: str) -> str:
    labels = {
        "hardware": QCoreApplication.translate("PlanLabels", "Hardware"),
        "power": QCoreApplication.translate("PlanLabels", "Power"),
        "forms": QCoreApplication.translate("PlanLabels", "Forms"),
        "equipment": QCoreApplication.translate("PlanLabels", "Equipment"),
        "network": QCoreApplication.translate("PlanLabels", "Network"),
        "documents": QCoreApplication.translate("PlanLabels", "Documents"),
    }
    return labels.get(category, category)


def drill_kind_label(kind: str) -> str:
    labels = {
        "tabletop": QCoreApplication.translate("PlanLabels", "Tabletop"),
        "functional": QCoreApplication.translate("PlanLabels", "Functional"),
        "full-scale": QCoreApplication.translate("PlanLabels", "Full-scale"),
    }
    return labels.get(kind, kind)


def days_label(days: int) -> str:
    return QCoreApplication.translate("PlanLabels", "{days} days").format(days=days)


def level_chip(code: str, colour_hex: str, parent: QWidget | None = None) -> QLabel:
    """A warning level's code on its colour (e.g. a yellow "III")."""
    chip = style.label(code, parent, delta=0, bold=True)
    chip.setObjectName("LevelTag")
    chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
    chip.setMinimumWidth(30)
    chip.setStyleSheet(
        f"QLabel#LevelTag {{ background-color: {colour_hex};"
        f" color: {style.text_colour_on(colour_hex)}; border-radius: 4px; padding: 1px 5px; }}"
    )
    chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return chip


def tag(caption: str, parent: QWidget | None = None, *, background: str = "#E8EAED") -> QLabel:
    """A small grey tag (a system code, "All levels", a participant group)."""
    chip = style.label(caption, parent, delta=0)
    chip.setObjectName("PlanTag")
    chip.setStyleSheet(
        f"QLabel#PlanTag {{ background-color: {background}; color: #202124;"
        " border-radius: 4px; padding: 1px 6px; }"
    )
    chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return chip


class PlanDocument(QWidget):
    """The whole plan as one readable page: a title block, then every section in order.

    Plan texts are shown in ``mode`` ("zh", "en", or "both": two columns side
    by side). Playbook steps can be narrowed to one warning level. Every item
    has an anchor (``anchors["scenarios/lis-down"]``) and every text its labels
    (``labels[("scenarios/lis-down", "steps[2].text")]``) so that a search
    result can be scrolled to and highlighted.

    Signals:
        edit_requested(str): the Edit button of an item (its plan key) was pressed.
        print_requested(str): "Print playbook…" of a scenario (its code) was pressed.
        drill_requested(str): "Run drill…" of a drill-calendar entry (its code) was pressed.
    """

    edit_requested = Signal(str)
    print_requested = Signal(str)
    drill_requested = Signal(str)

    def __init__(
        self,
        doc: dict[str, Any],
        *,
        version: int | None,
        mode: str,
        level: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PlanDocument")
        self.doc = doc
        self.mode = mode if mode in MODES else "en"
        self.level = level
        self.anchors: dict[str, QWidget] = {}
        self.labels: dict[tuple[str, str], list[QLabel]] = {}
        self.edit_buttons: list[QPushButton] = []
        self.levels = {lvl["code"]: lvl for lvl in doc.get("levels", [])}
        self.groups = {grp["code"]: grp for grp in doc.get("groups", [])}
        self._highlighted: list[tuple[QWidget, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 12, 12)
        layout.setSpacing(10)
        self._title_block(layout, version)
        builders: dict[str, Callable[[QVBoxLayout], None]] = {
            "overview": self._overview,
            "levels": self._levels,
            "groups": self._groups,
            "reporting": self._reporting,
            "systems": self._systems,
            "risks": self._risks,
            "scenarios": self._scenarios,
            "resources": self._resources,
            "drills": self._drills,
            "review": self._review,
        }
        for section in BROWSE_SECTIONS:
            if section not in doc:
                continue
            heading = style.label(
                section_title(section), self, delta=style.SECTION_DELTA, bold=True
            )
            heading.setContentsMargins(0, 18, 0, 2)
            self.anchors[section] = heading
            layout.addWidget(heading)
            builders[section](layout)
        layout.addStretch(1)

    # -- the language(s) ------------------------------------------------------------------------

    @property
    def langs(self) -> tuple[str, ...]:
        return ("zh", "en") if self.mode == BOTH else (self.mode,)

    @property
    def lang(self) -> str:
        """The language of short texts (names in tables): the first one shown."""
        return self.langs[0]

    def _register(self, key: str, field: str, label: QLabel) -> QLabel:
        self.labels.setdefault((key, field), []).append(label)
        return label

    def texts(
        self,
        value: dict[str, str] | None,
        key: str,
        field: str,
        *,
        delta: int = style.BODY_DELTA,
        bold: bool = False,
        stacked: bool = False,
        wrap: bool = True,
        colour: str | None = None,
    ) -> QWidget:
        """A plan text: one label, or (both languages) two labels side by side or stacked."""
        labels = []
        for index, lang in enumerate(self.langs):
            shade = colour or (style.MUTED_TEXT if stacked and index > 0 else None)
            label = style.label(text(value, lang), delta=delta, bold=bold, wrap=wrap, colour=shade)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setProperty("lang", lang)
            labels.append(self._register(key, field, label))
        if len(labels) == 1:
            return labels[0]
        box = QWidget()
        row: QHBoxLayout | QVBoxLayout = QVBoxLayout(box) if stacked else QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2 if stacked else 24)
        for label in labels:
            row.addWidget(label, 1)
        return box

    def name_of(self, value: dict[str, str] | None) -> str:
        """A short plan text (a name in a tag or a table) in the first language shown."""
        return text(value, self.lang)

    # -- building blocks ------------------------------------------------------------------------

    def _card(self, key: str | None = None) -> tuple[QFrame, QVBoxLayout]:
        frame = QFrame(self)
        frame.setObjectName("PlanCard")
        frame.setStyleSheet(
            f"QFrame#PlanCard {{ border: 1px solid {CARD_BORDER}; border-radius: 6px; }}"
        )
        box = QVBoxLayout(frame)
        box.setContentsMargins(14, 10, 14, 12)
        box.setSpacing(4)
        if key is not None:
            self.anchors[key] = frame
        return frame, box

    def _caption(self, caption: str) -> QLabel:
        widget = style.label(caption, delta=0, bold=True, colour=style.MUTED_TEXT)
        widget.setContentsMargins(0, 6, 0, 0)
        return widget

    def _edit_button(self, key: str, caption: str, accessible: str) -> QPushButton:
        push = QPushButton(caption, self)
        push.setObjectName("EditButton")
        push.setAccessibleName(accessible)
        push.setProperty("plan_key", key)
        push.clicked.connect(lambda _checked=False, k=key: self.edit_requested.emit(k))
        push.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.edit_buttons.append(push)
        return push

    def _list(
        self, box: QVBoxLayout, items: list[dict[str, str]], key: str, field: str, *, numbered: bool
    ) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for row, item in enumerate(items):
            mark = f"{row + 1}." if numbered else "•"
            grid.addWidget(style.label(mark), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.texts(item, key, f"{field}[{row}]"), row, 1)
        box.addLayout(grid)

    def _table(self, headers: list[str], rows: list[list[QWidget]], stretch: int) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("PlanTable")
        frame.setStyleSheet(
            f"QFrame#PlanTable {{ border: 1px solid {CARD_BORDER}; border-radius: 6px; }}"
            " QFrame#RowLine { background-color: #E3E6E8; }"
        )
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        for column, header in enumerate(headers):
            grid.addWidget(style.label(header, bold=True, colour=style.MUTED_TEXT), 0, column)
        for index, row in enumerate(rows):
            line = QFrame(frame)
            line.setObjectName("RowLine")
            line.setFixedHeight(1)
            grid.addWidget(line, 2 * index + 1, 0, 1, len(headers))
            for column, widget in enumerate(row):
                grid.addWidget(widget, 2 * index + 2, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(stretch, 1)
        return frame

    # -- sections -------------------------------------------------------------------------------

    def _title_block(self, layout: QVBoxLayout, version: int | None) -> None:
        meta = self.doc.get("meta", {})
        self.anchors["meta"] = title = QWidget(self)
        box = QVBoxLayout(title)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(
            self.texts(meta.get("title"), "meta", "title", delta=style.SECTION_DELTA + 2, bold=True)
        )
        box.addWidget(
            style.label(
                self.tr("{hospital} · {owner} · version {version} · revised {revised}").format(
                    hospital=self.name_of(meta.get("hospital")),
                    owner=self.name_of(meta.get("owner")),
                    version=version if version is not None else "—",
                    revised=format_date(meta.get("revised")),
                ),
                colour=style.MUTED_TEXT,
                wrap=True,
            )
        )
        layout.addWidget(title)

    def _overview(self, layout: QVBoxLayout) -> None:
        overview = self.doc["overview"]
        frame, box = self._card("overview/card")
        box.addWidget(self._caption(self.tr("Purpose")))
        box.addWidget(self.texts(overview["purpose"], "overview", "purpose"))
        box.addWidget(self._caption(self.tr("Scope")))
        box.addWidget(self.texts(overview["scope"], "overview", "scope"))
        box.addWidget(self._caption(self.tr("Goals")))
        self._list(box, overview["goals"], "overview", "goals", numbered=False)
        box.addWidget(self._caption(self.tr("Principles")))
        self._list(box, overview["principles"], "overview", "principles", numbered=False)
        layout.addWidget(frame)

    def _levels(self, layout: QVBoxLayout) -> None:
        for level in self.doc["levels"]:
            key = f"levels/{level['code']}"
            frame, box = self._card(key)
            colour = level["colour_hex"]
            frame.setStyleSheet(
                f"QFrame#PlanCard {{ border: 1px solid {CARD_BORDER};"
                f" border-left: 8px solid {colour}; border-radius: 6px; }}"
            )
            head = QHBoxLayout()
            head.setSpacing(12)
            head.addWidget(style.swatch(colour))
            head.addWidget(style.label(level["code"], delta=style.SECTION_DELTA, bold=True))
            head.addWidget(
                self.texts(
                    level["name"], key, "name", delta=style.SECTION_DELTA, bold=True, wrap=False
                )
            )
            head.addWidget(self.texts(level["colour_name"], key, "colour_name", wrap=False))
            head.addStretch(1)
            head.addWidget(
                self._edit_button(
                    key,
                    self.tr("Edit…"),
                    self.tr("Edit warning level {code}").format(code=level["code"]),
                )
            )
            box.addLayout(head)
            clocks = QHBoxLayout()
            clocks.setSpacing(8)
            clocks.addWidget(self._caption(self.tr("Report within")))
            clocks.addWidget(style.label(minutes_label(level["report_minutes"]), bold=True))
            clocks.addSpacing(18)
            clocks.addWidget(self._caption(self.tr("Follow-up every")))
            clocks.addWidget(style.label(minutes_label(level["followup_minutes"]), bold=True))
            clocks.addSpacing(18)
            clocks.addWidget(
                style.label(
                    self.tr("the clock restarts when the level changes")
                    if level["restart_clock_on_change"]
                    else self.tr("the clock keeps running when the level changes"),
                    colour=style.MUTED_TEXT,
                )
            )
            clocks.addStretch(1)
            box.addLayout(clocks)
            box.addWidget(self._caption(self.tr("Criteria")))
            box.addWidget(self.texts(level["criteria"], key, "criteria"))
            box.addWidget(self._caption(self.tr("Response")))
            box.addWidget(self.texts(level["response"], key, "response"))
            layout.addWidget(frame)

    def _groups(self, layout: QVBoxLayout) -> None:
        for group in self.doc["groups"]:
            key = f"groups/{group['code']}"
            frame, box = self._card(key)
            box.addWidget(
                self.texts(group["name"], key, "name", delta=style.BODY_DELTA + 2, bold=True)
            )
            box.addWidget(self._caption(self.tr("Lead")))
            box.addWidget(self.texts(group["lead"], key, "lead"))
            box.addWidget(self._caption(self.tr("Members")))
            box.addWidget(self.texts(group["members"], key, "members"))
            box.addWidget(self._caption(self.tr("Duties")))
            self._list(box, group["duties"], key, "duties", numbered=False)
            layout.addWidget(frame)

    def _reporting(self, layout: QVBoxLayout) -> None:
        reporting = self.doc["reporting"]
        frame, box = self._card("reporting/card")
        box.addWidget(self._caption(self.tr("Channels")))
        self._list(box, reporting["channels"], "reporting", "channels", numbered=False)
        box.addWidget(self._caption(self.tr("Steps")))
        self._list(box, reporting["steps"], "reporting", "steps", numbered=True)
        box.addWidget(
            style.label(
                self.tr("A long incident runs in operational periods of {hours} h.").format(
                    hours=period_hours(self.doc)
                )
            )
        )
        layout.addWidget(frame)

    def _systems(self, layout: QVBoxLayout) -> None:
        rows: list[list[QWidget]] = []
        for system in self.doc["systems"]:
            key = f"systems/{system['code']}"
            code = style.label(system["code"], bold=True)
            self.anchors[key] = code
            name = QWidget()
            name_box = QVBoxLayout(name)
            name_box.setContentsMargins(0, 0, 0, 0)
            name_box.setSpacing(2)
            name_box.addWidget(self.texts(system["name"], key, "name", stacked=True))
            name_box.addWidget(
                self.texts(
                    system["function"],
                    key,
                    "function",
                    stacked=True,
                    delta=0,
                    colour=style.MUTED_TEXT,
                )
            )
            rows.append(
                [
                    code,
                    name,
                    style.label(criticality_label(system["criticality"])),
                    style.label(minutes_label(system["max_downtime_minutes"])),
                    self.texts(
                        system["downtime_procedure"], key, "downtime_procedure", stacked=True
                    ),
                ]
            )
        headers = [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Criticality"),
            self.tr("Maximum downtime"),
            self.tr("Downtime procedure"),
        ]
        table = self._table(headers, rows, stretch=4)
        grid = table.layout()
        assert isinstance(grid, QGridLayout)
        grid.setColumnStretch(1, 1)
        layout.addWidget(table)

    def _risks(self, layout: QVBoxLayout) -> None:
        for risk in self.doc["risks"]:
            key = f"risks/{risk['code']}"
            frame, box = self._card(key)
            head = QHBoxLayout()
            head.addWidget(
                self.texts(risk["name"], key, "name", delta=style.BODY_DELTA + 2, bold=True), 1
            )
            head.addWidget(
                tag(self.tr("Likelihood: {rating}").format(rating=rating_label(risk["likelihood"])))
            )
            head.addWidget(
                tag(self.tr("Impact: {rating}").format(rating=rating_label(risk["impact"])))
            )
            box.addLayout(head)
            box.addWidget(self.texts(risk["description"], key, "description"))
            box.addWidget(self._caption(self.tr("Mitigations")))
            self._list(box, risk["mitigations"], key, "mitigations", numbered=False)
            layout.addWidget(frame)

    def _scenarios(self, layout: QVBoxLayout) -> None:
        risks = {r["code"]: r for r in self.doc.get("risks", [])}
        if self.level is not None:
            level = self.levels.get(self.level, {})
            note = style.label(
                self.tr("Showing only the steps for level {level} ({name}).").format(
                    level=self.level, name=self.name_of(level.get("name"))
                ),
                colour=style.MUTED_TEXT,
                wrap=True,
            )
            layout.addWidget(note)
        for scenario in self.doc["scenarios"]:
            layout.addWidget(self._scenario(scenario, risks))

    def _scenario(self, scenario: dict[str, Any], risks: dict[str, Any]) -> QFrame:
        key = f"scenarios/{scenario['code']}"
        frame, box = self._card(key)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(
            self.texts(scenario["name"], key, "name", delta=style.BODY_DELTA + 3, bold=True), 1
        )
        head.addWidget(
            self._edit_button(
                key,
                self.tr("Edit steps…"),
                self.tr("Edit the playbook {name}").format(name=self.name_of(scenario["name"])),
            ),
            0,
            Qt.AlignmentFlag.AlignTop,
        )
        printing = QPushButton(self.tr("Print playbook…"), self)
        printing.setObjectName("PrintPlaybook")
        printing.setAccessibleName(
            self.tr("Print the playbook {name}").format(name=self.name_of(scenario["name"]))
        )
        printing.clicked.connect(
            lambda _checked=False, code=scenario["code"]: self.print_requested.emit(code)
        )
        head.addWidget(printing, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(head)

        facts = QHBoxLayout()
        facts.setSpacing(6)
        facts.addWidget(self._caption(self.tr("Default level")))
        default = self.levels.get(scenario["default_level"], {})
        facts.addWidget(level_chip(scenario["default_level"], default.get("colour_hex", "#888888")))
        facts.addSpacing(12)
        facts.addWidget(self._caption(self.tr("Systems")))
        for code in scenario["systems"]:
            facts.addWidget(tag(code))
        facts.addSpacing(12)
        facts.addWidget(self._caption(self.tr("Risk")))
        facts.addWidget(
            style.label(
                self.name_of(risks.get(scenario["risk"], {}).get("name")) or scenario["risk"]
            )
        )
        facts.addStretch(1)
        box.addLayout(facts)
        box.addWidget(self.texts(scenario["description"], key, "description"))

        steps = list(enumerate(scenario["steps"]))
        shown = [(i, s) for i, s in steps if self.level is None or self.level in s["levels"]]
        if self.level is not None:
            box.addWidget(
                style.label(
                    self.tr("{shown} of {total} steps apply at level {level}.").format(
                        shown=len(shown), total=len(steps), level=self.level
                    ),
                    colour=style.MUTED_TEXT,
                )
            )
        order = [g for g in GROUP_CODES if g in self.groups] + [
            g for g in {s["group"] for _i, s in shown} if g not in self.groups
        ]
        for group in order:
            group_steps = [(i, s) for i, s in shown if s["group"] == group]
            if not group_steps:
                continue
            caption = style.label(
                self.name_of(self.groups.get(group, {}).get("name")) or group,
                delta=style.BODY_DELTA + 1,
                bold=True,
            )
            caption.setContentsMargins(0, 10, 0, 2)
            box.addWidget(caption)
            grid = QGridLayout()
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(6)
            grid.setColumnStretch(2, 1)
            for row, (index, step) in enumerate(group_steps):
                number = style.label(f"{index + 1}.", bold=True)
                grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(self._step_levels(step["levels"]), row, 1, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(self.texts(step["text"], key, f"steps[{index}].text"), row, 2)
            box.addLayout(grid)
        return frame

    def _step_levels(self, codes: list[str]) -> QWidget:
        holder = QWidget()
        holder.setFixedWidth(112)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        if set(codes) == set(LEVELS):
            row.addWidget(tag(self.tr("All levels"), background=ALL_LEVELS_GREY))
        else:
            for code in LEVELS:
                if code in codes:
                    colour = self.levels.get(code, {}).get("colour_hex", "#888888")
                    row.addWidget(level_chip(code, colour))
        row.addStretch(1)
        holder.setToolTip(self.tr("Applies at levels: {levels}").format(levels=", ".join(codes)))
        return holder

    def _resources(self, layout: QVBoxLayout) -> None:
        rows: list[list[QWidget]] = []
        for resource in self.doc["resources"]:
            key = f"resources/{resource['code']}"
            name = self.texts(resource["name"], key, "name", stacked=True)
            self.anchors[key] = name
            quantity = style.label(
                f"{resource['quantity']} {self.name_of(resource['unit'])}".strip(), bold=True
            )
            owner = self.name_of(self.groups.get(resource["owner_group"], {}).get("name"))
            rows.append(
                [
                    name,
                    style.label(category_label(resource["category"])),
                    quantity,
                    self.texts(resource["location"], key, "location", stacked=True),
                    style.label(owner or resource["owner_group"], wrap=True),
                    style.label(days_label(resource["check_interval_days"])),
                    self._edit_button(
                        key,
                        self.tr("Edit…"),
                        self.tr("Edit the resource {name}").format(
                            name=self.name_of(resource["name"])
                        ),
                    ),
                ]
            )
        headers = [
            self.tr("Resource"),
            self.tr("Category"),
            self.tr("Quantity"),
            self.tr("Location"),
            self.tr("Kept by"),
            self.tr("Check every"),
            "",
        ]
        table = self._table(headers, rows, stretch=0)
        grid = table.layout()
        assert isinstance(grid, QGridLayout)
        grid.setColumnStretch(3, 1)
        layout.addWidget(table)

    def _drills(self, layout: QVBoxLayout) -> None:
        scenarios = {s["code"]: s for s in self.doc.get("scenarios", [])}
        rows: list[list[QWidget]] = []
        for drill in sorted(self.doc["drills"], key=lambda d: str(d["date"])):
            key = f"drills/{drill['code']}"
            date = style.label(format_date(str(drill["date"])), bold=True)
            self.anchors[key] = date
            participants = ", ".join(
                self.name_of(self.groups.get(g, {}).get("name")) or g for g in drill["participants"]
            )
            rows.append(
                [
                    date,
                    self.texts(drill["name"], key, "name", stacked=True),
                    style.label(
                        self.name_of(scenarios.get(drill["scenario"], {}).get("name"))
                        or drill["scenario"],
                        wrap=True,
                    ),
                    style.label(drill_kind_label(drill["kind"])),
                    style.label(participants, wrap=True),
                    self._run_drill_button(drill["code"]),
                ]
            )
        headers = [
            self.tr("Date"),
            self.tr("Exercise"),
            self.tr("Scenario"),
            self.tr("Kind"),
            self.tr("Participants"),
            "",
        ]
        table = self._table(headers, rows, stretch=1)
        layout.addWidget(table)

    def _run_drill_button(self, code: str) -> QPushButton:
        run = QPushButton(self.tr("Run drill…"), self)
        run.setObjectName(f"RunDrill_{code}")
        run.setToolTip(self.tr("Open the drill controller for this calendar entry"))
        run.clicked.connect(lambda: self.drill_requested.emit(code))
        return run

    def _review(self, layout: QVBoxLayout) -> None:
        review = self.doc["review"]
        frame, box = self._card("review/card")
        box.addWidget(self._caption(self.tr("Purpose")))
        box.addWidget(self.texts(review["purpose"], "review", "purpose"))
        box.addWidget(self._caption(self.tr("Steps")))
        self._list(box, review["steps"], "review", "steps", numbered=True)
        layout.addWidget(frame)

    # -- finding and highlighting ---------------------------------------------------------------

    def target(self, key: str, field: str = "", lang: str = "") -> QWidget | None:
        """The widget that shows ``field`` of item ``key`` (in ``lang`` if shown), else the item."""
        labels = self.labels.get((key, field), [])
        preferred = [label for label in labels if label.property("lang") == lang]
        if preferred or labels:
            return (preferred or labels)[0]
        return self.anchors.get(key) or self.anchors.get(key.partition("/")[0])

    def step_shown(self, key: str, field: str) -> bool:
        """Whether a playbook step (``steps[3].text``) is shown under the level filter."""
        if self.level is None or not key.startswith("scenarios/") or not field.startswith("steps["):
            return True
        return bool(self.labels.get((key, field)))

    def highlight(self, widget: QWidget | None) -> None:
        """Mark ``widget`` (a text or an item) as the one just jumped to; unmark the previous."""
        for old, sheet in self._highlighted:
            old.setStyleSheet(sheet)
        self._highlighted.clear()
        if widget is None:
            return
        self._highlighted.append((widget, widget.styleSheet()))
        if isinstance(widget, QLabel):
            widget.setStyleSheet(
                f"background-color: {HIGHLIGHT}; border: 1px solid {HIGHLIGHT_BORDER};"
                " border-radius: 3px; color: #000000;"
            )
        else:
            name = widget.objectName() or "PlanCard"
            widget.setStyleSheet(
                f"{type(widget).__name__}#{name} {{ border: 2px solid {HIGHLIGHT_BORDER};"
                f" border-radius: 6px; background-color: #FFFBE6; }}"
            )

    def highlighted(self) -> list[QWidget]:
        return [widget for widget, _sheet in self._highlighted]

    def set_editable(self, editable: bool, reason: str) -> None:
        for push in self.edit_buttons:
            push.setEnabled(editable)
            push.setToolTip("" if editable else reason)
