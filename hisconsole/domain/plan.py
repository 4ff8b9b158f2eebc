"""The emergency plan document: its format, validation and typed views.

A plan is a bilingual document (every text is ``{zh: ..., en: ...}``) made of
sections. Single sections (meta, overview, reporting, review) hold one mapping;
list sections (levels, groups, systems, risks, scenarios, resources, drills)
hold items keyed by a unique ``code``. The store keeps one *plan item* per
single section or list item, so edits, versions and sync work item by item.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hisconsole.domain.glossary import LEVELS
from hisconsole.errors import N_, KnownError, Worded, render

FORMAT = "hisconsole-plan"
FORMAT_VERSION = 1

GROUP_CODES = ("hq", "tech", "business")
LANGS = ("zh", "en")

SINGLE_SECTIONS = ("meta", "overview", "reporting", "review")
LIST_SECTIONS = ("levels", "groups", "systems", "risks", "scenarios", "resources", "drills")
SECTIONS = SINGLE_SECTIONS + LIST_SECTIONS

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_HEX_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")

# A field spec is a tuple: (kind, required, extra). Kinds:
#   text: {zh, en} both non-empty strings; texts: list of text
#   str, int (>= extra or 1), bool, date (YYYY-MM-DD), hex colour
#   enum (extra = allowed values), enums (list of enum)
#   ref (extra = "section" whose codes are allowed), refs (list of ref)
#   steps: list of playbook steps
Spec = dict[str, tuple[str, bool, Any]]

_T = ("text", True, None)
_T_OPT = ("text", False, None)
_TEXTS = ("texts", True, None)
_LEVEL = ("enum", True, LEVELS)
_RATING = ("enum", True, ("low", "medium", "high"))

SPECS: dict[str, Spec] = {
    "meta": {"title": _T, "hospital": _T, "owner": _T, "revised": ("date", True, None)},
    "overview": {"purpose": _T, "goals": _TEXTS, "scope": _T, "principles": _TEXTS},
    # period_hours: the length of an operational period (处置阶段) in a long outage.
    "reporting": {"channels": _TEXTS, "steps": _TEXTS, "period_hours": ("int", False, 1)},
    "review": {"purpose": _T, "steps": _TEXTS},
    "levels": {
        "code": _LEVEL,
        "name": _T,
        "colour": ("enum", True, ("red", "orange", "yellow", "blue")),
        "colour_hex": ("hex", True, None),
        "colour_name": _T,
        "report_minutes": ("int", True, 1),
        "followup_minutes": ("int", True, 1),
        "restart_clock_on_change": ("bool", True, None),
        "criteria": _T,
        "response": _T,
    },
    "groups": {
        "code": ("enum", True, GROUP_CODES),
        "name": _T,
        "lead": _T,
        "members": _T,
        "duties": _TEXTS,
    },
    "systems": {
        "code": ("code", True, None),
        "name": _T,
        "function": _T,
        "criticality": ("enum", True, ("critical", "high", "medium")),
        "max_downtime_minutes": ("int", True, 1),
        "downtime_procedure": _T,
    },
    "risks": {
        "code": ("code", True, None),
        "name": _T,
        "description": _T,
        "likelihood": _RATING,
        "impact": _RATING,
        "mitigations": _TEXTS,
    },
    "scenarios": {
        "code": ("code", True, None),
        "name": _T,
        "description": _T,
        "risk": ("ref", True, "risks"),
        "systems": ("refs", True, "systems"),
        "default_level": _LEVEL,
        "steps": ("steps", True, None),
    },
    "resources": {
        "code": ("code", True, None),
        "category": (
            "enum",
            True,
            ("hardware", "power", "forms", "equipment", "network", "documents"),
        ),
        "name": _T,
        "quantity": ("int", True, 0),
        "unit": _T,
        "location": _T,
        "owner_group": ("enum", True, GROUP_CODES),
        "check_interval_days": ("int", True, 1),
    },
    "drills": {
        "code": ("code", True, None),
        "date": ("date", True, None),
        "scenario": ("ref", True, "scenarios"),
        "kind": ("enum", True, ("tabletop", "functional", "full-scale")),
        "name": _T,
        "participants": ("enums", True, GROUP_CODES),
    },
}


#: Places in a file that are not one of its keys, in words (catalogue templates).
LOCATIONS = (
    N_("(file)"),
    N_("(document)"),
    N_("line {line}, column {column}"),
    N_("byte {byte}"),
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document, with where it is: ``location`` is the document's
    own path to it (``systems[2] (HIS).name``) or one of :data:`LOCATIONS`; ``message`` a
    catalogue template (marked ``N_()``) filled from ``params``."""

    location: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def said(self, translate: Callable[[str], str] = str) -> str:
        """The problem in the language of ``translate`` (a gettext)."""
        where = self.location
        if where in LOCATIONS:
            where = render(translate(where), self.params)
        problem = render(translate(self.message), self.params, translate)
        return translate(N_("{where}: {problem}")).format(where=where, problem=problem)

    def __str__(self) -> str:
        return self.said()


class ProblemLines(Worded):
    """A document's problems, one indented line each, for an error's ``lines``."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)

    def said(self, translate: Any) -> str:
        return "\n".join(f"  {p.said(translate)}" for p in self.problems)


class DocumentInvalid(KnownError, ValueError):
    """A document (a plan, a drill scenario) failed validation; ``problems`` lists every
    issue found, each with where it is. Subclasses give their own code and template."""

    code = "document.invalid"
    template = "{source} has {count} problem(s):\n{lines}"

    def __init__(self, problems: list[Problem], source: str) -> None:
        self.problems = problems
        self.source = source
        super().__init__(
            source=source,
            count=len(problems),
            lines=ProblemLines(problems),
        )


class PlanInvalid(DocumentInvalid):
    """A plan document failed validation."""

    code = "plan.invalid"
    template = "{source} has {count} problem(s):\n{lines}"

    def __init__(self, problems: list[Problem], source: str = "plan") -> None:
        super().__init__(problems, source)


def is_text(value: Any) -> bool:
    """A bilingual text: {zh, en}, both non-empty."""
    return (
        isinstance(value, Mapping)
        and set(value) == set(LANGS)
        and all(isinstance(value[lang], str) and value[lang].strip() for lang in LANGS)
    )


class _Validator:
    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, location: str, message: str, **params: Any) -> None:
        self.problems.append(Problem(location, message, params))

    def codes(self, section: str) -> set[str]:
        items = self.doc.get(section)
        if not isinstance(items, list):
            return set()
        return {str(i.get("code")) for i in items if isinstance(i, Mapping)}

    def field(self, loc: str, value: Any, spec: tuple[str, bool, Any]) -> None:
        kind, _required, extra = spec
        if kind == "text":
            if not is_text(value):
                self.add(loc, N_("must be a mapping with non-empty 'zh' and 'en' texts"))
        elif kind == "texts":
            if not isinstance(value, list) or not value:
                self.add(loc, N_("must be a non-empty list of {{zh, en}} texts"))
            else:
                for i, item in enumerate(value):
                    self.field(f"{loc}[{i}]", item, ("text", True, None))
        elif kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < extra:
                self.add(loc, N_("must be a whole number ≥ {least}"), least=extra)
        elif kind == "bool":
            if not isinstance(value, bool):
                self.add(loc, N_("must be true or false"))
        elif kind == "date":
            if isinstance(value, dt.date):
                return
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                self.add(loc, N_("must be a date like 2026-11-25, not {value!r}"), value=value)
        elif kind == "hex":
            if not isinstance(value, str) or not _HEX_RE.match(value):
                self.add(loc, N_("must be a colour like '#C62828', not {value!r}"), value=value)
        elif kind == "code":
            if not isinstance(value, str) or not CODE_RE.match(value):
                self.add(
                    loc,
                    N_("must be a short code of letters, digits, '-', '_' or '.', not {value!r}"),
                    value=value,
                )
        elif kind == "enum":
            # Every choice is a text; a list or mapping from the YAML is not one (and
            # would not hash).
            if not isinstance(value, str) or value not in extra:
                self.add(
                    loc,
                    N_("must be one of {choices}, not {value!r}"),
                    choices=", ".join(extra),
                    value=value,
                )
        elif kind == "enums":
            if not isinstance(value, list) or not value:
                self.add(loc, N_("must be a non-empty list of {choices}"), choices=", ".join(extra))
            else:
                for i, item in enumerate(value):
                    self.field(f"{loc}[{i}]", item, ("enum", True, extra))
        elif kind == "ref":
            if not isinstance(value, str) or value not in self.codes(extra):
                self.add(
                    loc,
                    N_("refers to unknown {section} code {value!r}"),
                    section=extra,
                    value=value,
                )
        elif kind == "refs":
            if not isinstance(value, list) or not value:
                self.add(loc, N_("must be a non-empty list of {section} codes"), section=extra)
            else:
                for i, item in enumerate(value):
                    self.field(f"{loc}[{i}]", item, ("ref", True, extra))
        elif kind == "steps":
            self.steps(loc, value)

    def steps(self, loc: str, value: Any) -> None:
        if not isinstance(value, list) or not value:
            self.add(loc, N_("must be a non-empty list of steps"))
            return
        for i, step in enumerate(value):
            sloc = f"{loc}[{i}]"
            if not isinstance(step, Mapping):
                self.add(sloc, N_("must be a mapping with group, levels and text"))
                continue
            self.mapping(
                sloc,
                step,
                {
                    "group": ("enum", True, GROUP_CODES),
                    "levels": ("enums", True, LEVELS),
                    "text": _T,
                },
            )

    def mapping(self, loc: str, value: Mapping[str, Any], spec: Spec) -> None:
        for name, field_spec in spec.items():
            if name not in value:
                if field_spec[1]:
                    self.add(f"{loc}.{name}", N_("is missing"))
                continue
            self.field(f"{loc}.{name}", value[name], field_spec)
        for name in value:
            if name not in spec:
                self.add(f"{loc}.{name}", N_("is not a known field"))

    def run(self) -> None:
        doc = self.doc
        if doc.get("format") != FORMAT:
            self.add(
                "format", N_("must be {format!r}: this is not a HIS Console plan"), format=FORMAT
            )
            return
        if doc.get("format_version") != FORMAT_VERSION:
            self.add(
                "format_version",
                N_("{value!r} is not supported (this program reads version {version})"),
                value=doc.get("format_version"),
                version=FORMAT_VERSION,
            )
            return
        for name in doc:
            if name not in (*SECTIONS, "format", "format_version"):
                self.add(name, N_("is not a known section"))
        for section in SINGLE_SECTIONS:
            value = doc.get(section)
            if not isinstance(value, Mapping):
                self.add(section, N_("is missing or not a mapping"))
                continue
            self.mapping(section, value, SPECS[section])
        for section in LIST_SECTIONS:
            items = doc.get(section)
            if not isinstance(items, list) or not items:
                self.add(section, N_("is missing or empty"))
                continue
            seen: set[str] = set()
            for i, item in enumerate(items):
                loc = f"{section}[{i}]"
                if not isinstance(item, Mapping):
                    self.add(loc, N_("must be a mapping"))
                    continue
                code = item.get("code")
                if isinstance(code, str):
                    loc = f"{section}[{i}] ({code})"
                    if code in seen:
                        self.add(loc, N_("duplicates an earlier code"))
                    seen.add(code)
                self.mapping(loc, item, SPECS[section])
        levels = doc.get("levels")
        if isinstance(levels, list):
            got = [i.get("code") for i in levels if isinstance(i, Mapping)]
            if got != list(LEVELS):
                self.add("levels", N_("must list exactly the levels I, II, III, IV in that order"))


def validate(doc: Any, source: str = "plan") -> None:
    """Raise :class:`PlanInvalid` listing every problem; return quietly if valid."""
    if not isinstance(doc, Mapping):
        raise PlanInvalid([Problem(N_("(document)"), N_("must be a mapping of sections"))], source)
    validator = _Validator(doc)
    validator.run()
    if validator.problems:
        raise PlanInvalid(validator.problems, source)


def normalise(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A validated document as plain JSON-ready data (dates as ISO text)."""

    def fix(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, Mapping):
            return {str(k): fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value

    return {str(k): fix(v) for k, v in doc.items()}


def item_key(section: str, code: str | None = None) -> str:
    """Stable key of a plan item: ``meta`` or ``levels/I``."""
    return section if code is None else f"{section}/{code}"


def split_items(doc: Mapping[str, Any]) -> Iterator[tuple[str, str, int, dict[str, Any]]]:
    """Yield (key, section, order, data) for every item of a validated document."""
    for order, section in enumerate(SINGLE_SECTIONS):
        yield item_key(section), section, order, dict(doc[section])
    for section in LIST_SECTIONS:
        for order, item in enumerate(doc[section]):
            yield item_key(section, item["code"]), section, order, dict(item)


def join_items(items: list[tuple[str, int, dict[str, Any]]]) -> dict[str, Any]:
    """Rebuild a document from (section, order, data) items."""
    doc: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION}
    by_section: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for section, order, data in items:
        by_section.setdefault(section, []).append((order, data))
    for section in SINGLE_SECTIONS:
        entries = by_section.get(section, [])
        if entries:
            doc[section] = entries[0][1]
    for section in LIST_SECTIONS:
        entries = sorted(by_section.get(section, []), key=lambda e: (e[0], e[1].get("code", "")))
        doc[section] = [data for _order, data in entries]
    return doc


@dataclass(frozen=True)
class Level:
    """A warning level as the reporting clocks need it."""

    code: str
    name: dict[str, str]
    colour_hex: str
    report_minutes: int
    followup_minutes: int
    restart_clock_on_change: bool


def levels_of(doc: Mapping[str, Any]) -> list[Level]:
    return [
        Level(
            code=item["code"],
            name=dict(item["name"]),
            colour_hex=item["colour_hex"],
            report_minutes=int(item["report_minutes"]),
            followup_minutes=int(item["followup_minutes"]),
            restart_clock_on_change=bool(item["restart_clock_on_change"]),
        )
        for item in doc.get("levels", [])
    ]


def text_colour_on(background_hex: str) -> str:
    """Black or white, whichever contrasts more with ``background_hex`` (WCAG 2 relative
    luminance): black on the yellow and orange warning levels, white on red and blue."""
    digits = background_hex.lstrip("#")
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    on_white = 1.05 / (luminance + 0.05)
    on_black = (luminance + 0.05) / 0.05
    return "#000000" if on_black >= on_white else "#FFFFFF"


def text(value: Mapping[str, str] | None, lang: str) -> str:
    """The text in ``lang`` (zh or en), falling back to the other language."""
    if not value:
        return ""
    return value.get(lang) or next((v for v in value.values() if v), "")


ORDER_GAP = 1024


def assign_orders(keys: list[str], current: Mapping[str, int]) -> dict[str, int]:
    """Sort positions for a section's items, in the order of ``keys``.

    Items that keep their relative place keep their stored position, so removing
    or inserting one item rewrites only that item, not every item after it.
    """
    result: dict[str, int] = {}
    prev = 0
    for i, key in enumerate(keys):
        old = current.get(key)
        if old is not None and old > prev:
            upper = next(
                (current[k] for k in keys[i + 1 :] if k in current and current[k] > prev), None
            )
            if upper is None or old <= upper:
                result[key] = prev = old
                continue
        upper = next(
            (current[k] for k in keys[i + 1 :] if k in current and current[k] > prev + 1), None
        )
        if upper is None:
            result[key] = prev = prev + ORDER_GAP
        elif upper - prev > 1:
            result[key] = prev = (prev + upper) // 2
        else:
            return {k: (n + 1) * ORDER_GAP for n, k in enumerate(keys)}
    return result


def propose_scenario(scenarios: Sequence[Mapping[str, Any]], systems: Iterable[str]) -> str | None:
    """The plan's playbook for the systems named: the scenario whose own systems are most
    alike (systems in both / systems in either), the earlier in the plan on a tie;
    None when no scenario names any of them."""
    named = {code.upper() for code in systems}
    best: tuple[float, str] | None = None
    for scenario in scenarios:
        own = {str(code).upper() for code in scenario.get("systems", [])}
        shared = len(named & own)
        if not shared:
            continue
        alike = shared / len(named | own)
        if best is None or alike > best[0]:
            best = (alike, str(scenario["code"]))
    return best[1] if best else None
