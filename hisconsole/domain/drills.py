"""Drill scenarios (应急演练脚本): their format, validation, and the drill's own clock.

A scenario is a bilingual YAML document that plays the outside world during a drill:
timed *injects* (a report to assess, a message, a system status change, a call-out
response), each ``at_minutes`` after the drill starts, and the *objectives* the team
is measured against (declared within N minutes of the first report, initial report on
time, X % of the call tree reached within N minutes, forms issued to every affected
ward within N minutes, …). Problems are reported like the plan's: every one, with
where it is (``injects[2] (lis-down).system: …``).

A drill runs on the console's clock, at real time or faster (speed N: one console
second is N drill seconds), and can be paused; :func:`drill_seconds` turns a console
time into drill time, so everything measured on a score card is in drill minutes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hisconsole.domain.callout import OUTCOMES as CALL_OUTCOMES
from hisconsole.domain.glossary import LEVELS, SYSTEM_STATUSES
from hisconsole.domain.plan import CODE_RE, DocumentInvalid, Problem, is_text
from hisconsole.errors import N_

FORMAT = "hisconsole-drill"
FORMAT_VERSION = 1

#: Speeds a drill may run at: real time, or accelerated for table-top runs.
MIN_SPEED, MAX_SPEED = 1, 60
#: The longest scenario: a drill is a working day at most.
MAX_DURATION_MINUTES = 24 * 60

INJECT_REPORT = "report"
INJECT_MESSAGE = "message"
INJECT_STATUS = "status"
INJECT_CALLOUT = "callout"
INJECT_KINDS = (INJECT_REPORT, INJECT_MESSAGE, INJECT_STATUS, INJECT_CALLOUT)
#: Injects that need the drill's incident (declared by the team) before they can arrive;
#: a call-out response needs a call-out started on it.
NEEDS_INCIDENT = (INJECT_MESSAGE, INJECT_STATUS, INJECT_CALLOUT)

OBJ_DECLARED = "declared-within"
OBJ_INITIAL_REPORT = "initial-report-on-time"
OBJ_FOLLOWUPS = "followups-on-time"
OBJ_CALLOUT = "callout-reached"
OBJ_FORMS = "forms-issued"
OBJ_CHECKLIST = "checklist-done"
OBJ_BACKENTRY = "backentry-done"

MET, PARTLY, NOT_MET = "met", "partly", "not-met"
RESULTS = (MET, PARTLY, NOT_MET)

# Field specs as the plan's: (kind, required, extra).
_TEXT = ("text", True, None)
_TEXT_OPT = ("text", False, None)
_MINUTES = ("minutes", True, None)
_PERCENT = ("percent", True, None)

_INJECT_COMMON = {
    "code": ("code", True, None),
    "at_minutes": ("offset", True, None),
    "kind": ("enum", True, INJECT_KINDS),
    "text": _TEXT,
}
INJECT_SPECS: dict[str, dict[str, tuple[str, bool, Any]]] = {
    INJECT_REPORT: {
        "from": _TEXT,
        "department": _TEXT,
        "systems": ("codes", False, None),
    },
    INJECT_MESSAGE: {"from": _TEXT, "reply_required": ("bool", False, None)},
    INJECT_STATUS: {
        "system": ("code", True, None),
        "status": ("enum", True, SYSTEM_STATUSES),
        "estimate": _TEXT_OPT,
    },
    INJECT_CALLOUT: {
        "outcome": ("enum", True, CALL_OUTCOMES),
        "eta_minutes": ("offset", False, None),
    },
}

OBJECTIVE_SPECS: dict[str, dict[str, tuple[str, bool, Any]]] = {
    OBJ_DECLARED: {"minutes": _MINUTES},
    OBJ_INITIAL_REPORT: {},
    OBJ_FOLLOWUPS: {},
    OBJ_CALLOUT: {"percent": _PERCENT, "minutes": _MINUTES},
    OBJ_FORMS: {"minutes": _MINUTES, "wards": ("texts-plain", True, None)},
    OBJ_CHECKLIST: {"percent": _PERCENT},
    OBJ_BACKENTRY: {"percent": _PERCENT},
}

_TOP = {
    "format": ("str", True, None),
    "format_version": ("int", True, None),
    "code": ("code", True, None),
    "playbook": ("code", True, None),
    "name": _TEXT,
    "description": _TEXT,
    "level": ("enum", True, LEVELS),
    "duration_minutes": ("duration", True, None),
    "injects": ("list", True, None),
    "objectives": ("list", True, None),
}


class DrillInvalid(DocumentInvalid):
    """A drill scenario failed validation."""

    code = "drill.invalid"
    template = "{source} has {count} problem(s):\n{lines}"

    def __init__(self, problems: list[Problem], source: str = "drill scenario") -> None:
        super().__init__(problems, source)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, loc: str, message: str, **params: Any) -> None:
        self.problems.append(Problem(loc, message, params))

    def field(self, loc: str, value: Any, spec: tuple[str, bool, Any]) -> None:
        kind, _required, extra = spec
        number = not isinstance(value, bool) and isinstance(value, int | float)
        if kind == "text":
            if not is_text(value):
                self.add(loc, N_("must be a mapping with non-empty 'zh' and 'en' texts"))
        elif kind == "code":
            if not isinstance(value, str) or not CODE_RE.match(value):
                self.add(
                    loc,
                    N_("must be a short code of letters, digits, '-', '_' or '.', not {value!r}"),
                    value=value,
                )
        elif kind == "codes":
            if not isinstance(value, list) or not value:
                self.add(loc, N_("must be a non-empty list of codes"))
            else:
                for i, item in enumerate(value):
                    self.field(f"{loc}[{i}]", item, ("code", True, None))
        elif kind == "texts-plain":
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(v, str) and v.strip() for v in value)
            ):
                self.add(loc, N_("must be a non-empty list of names"))
        elif kind == "enum":
            if not isinstance(value, str) or value not in extra:
                self.add(
                    loc,
                    N_("must be one of {choices}, not {value!r}"),
                    choices=", ".join(extra),
                    value=value,
                )
        elif kind == "bool":
            if not isinstance(value, bool):
                self.add(loc, N_("must be true or false"))
        elif kind == "offset":
            if not number or not 0 <= value <= MAX_DURATION_MINUTES:
                self.add(
                    loc,
                    N_("must be minutes from 0 to {most}, not {value!r}"),
                    most=MAX_DURATION_MINUTES,
                    value=value,
                )
        elif kind == "minutes" or kind == "duration":
            if not number or not 0 < value <= MAX_DURATION_MINUTES:
                self.add(
                    loc,
                    N_("must be minutes above 0, at most {most}, not {value!r}"),
                    most=MAX_DURATION_MINUTES,
                    value=value,
                )
        elif kind == "percent":
            if not number or not 0 < value <= 100:
                self.add(
                    loc, N_("must be a percentage above 0, at most 100, not {value!r}"), value=value
                )
        elif kind == "list" and (not isinstance(value, list) or not value):
            self.add(loc, N_("must be a non-empty list"))

    def mapping(self, loc: str, value: Mapping[str, Any], spec: Mapping[str, Any]) -> None:
        for name, field_spec in spec.items():
            if name not in value:
                if field_spec[1]:
                    self.add(f"{loc}.{name}" if loc else name, N_("is missing"))
                continue
            self.field(f"{loc}.{name}" if loc else name, value[name], field_spec)
        for name in value:
            if name not in spec:
                self.add(f"{loc}.{name}" if loc else name, N_("is not a known field"))

    def run(self, doc: Mapping[str, Any]) -> None:
        if doc.get("format") != FORMAT:
            self.add(
                "format",
                N_("must be {format!r}: this is not a HIS Console drill scenario"),
                format=FORMAT,
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
        self.mapping("", doc, _TOP)
        duration = doc.get("duration_minutes")
        self.items(doc, "injects", "kind", INJECT_SPECS, _INJECT_COMMON)
        self.items(doc, "objectives", "kind", OBJECTIVE_SPECS, {"code": ("code", True, None)})
        injects = doc.get("injects")
        if isinstance(injects, list) and isinstance(duration, int | float):
            for i, inject in enumerate(injects):
                at = inject.get("at_minutes") if isinstance(inject, Mapping) else None
                if isinstance(at, int | float) and not isinstance(at, bool) and at > duration:
                    self.add(
                        f"injects[{i}] ({inject.get('code')}).at_minutes",
                        N_("comes after the drill's end ({minutes} minutes)"),
                        minutes=duration,
                    )
        if isinstance(injects, list) and not any(
            isinstance(i, Mapping) and i.get("kind") == INJECT_REPORT for i in injects
        ):
            self.add("injects", N_("must hold at least one report: the team declares from it"))

    def items(
        self,
        doc: Mapping[str, Any],
        section: str,
        key: str,
        specs: Mapping[str, Mapping[str, Any]],
        common: Mapping[str, Any],
    ) -> None:
        items = doc.get(section)
        if not isinstance(items, list):
            return
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
            kind = item.get(key)
            if not isinstance(kind, str) or kind not in specs:
                self.add(
                    f"{loc}.{key}",
                    N_("must be one of {choices}, not {value!r}"),
                    choices=", ".join(specs),
                    value=kind,
                )
                continue
            self.mapping(loc, item, {**common, key: ("enum", True, tuple(specs)), **specs[kind]})


def validate(doc: Any, source: str = "drill scenario") -> None:
    """Raise :class:`DrillInvalid` listing every problem; return quietly if valid."""
    if not isinstance(doc, Mapping):
        raise DrillInvalid([Problem(N_("(document)"), N_("must be a mapping"))], source)
    checker = _Checker()
    checker.run(doc)
    if checker.problems:
        raise DrillInvalid(checker.problems, source)


def check_inject(inject: Mapping[str, Any], source: str = "inject") -> None:
    """One inject on its own (one the controller adds during a drill)."""
    checker = _Checker()
    spec = INJECT_SPECS.get(inject.get("kind"))  # type: ignore[arg-type]
    if spec is None:
        checker.add("kind", N_("must be one of {choices}"), choices=", ".join(INJECT_KINDS))
    else:
        checker.mapping("inject", inject, {**_INJECT_COMMON, **spec})
    if checker.problems:
        raise DrillInvalid(checker.problems, source)


def check_against_plan(doc: Mapping[str, Any], plan: Mapping[str, Any], source: str) -> None:
    """The scenario's playbook and systems must be the plan's (a valid scenario, checked
    once the plan it will run against is known)."""
    problems: list[Problem] = []
    playbooks = {s["code"] for s in plan.get("scenarios", [])}
    systems = {s["code"] for s in plan.get("systems", [])}
    if doc["playbook"] not in playbooks:
        problems.append(
            Problem(
                "playbook",
                N_("refers to unknown {section} code {value!r}"),
                {"section": "scenarios", "value": doc["playbook"]},
            )
        )
    for i, inject in enumerate(doc["injects"]):
        named = list(inject.get("systems", [])) + ([inject["system"]] if "system" in inject else [])
        for code in named:
            if code not in systems:
                problems.append(
                    Problem(
                        f"injects[{i}] ({inject['code']})",
                        N_("refers to unknown {section} code {value!r}"),
                        {"section": "systems", "value": code},
                    )
                )
    if problems:
        raise DrillInvalid(problems, source)


# --- objectives in words -----------------------------------------------------------------


def objective_name(objective: Mapping[str, Any]) -> dict[str, str]:
    """What an objective asks, in both languages (the score card's row heading)."""
    kind = objective["kind"]
    n = _num(objective.get("minutes", 0))
    p = _num(objective.get("percent", 0))
    if kind == OBJ_DECLARED:
        return {
            "zh": f"首个报告后 {n} 分钟内启动应急响应",
            "en": f"Declared within {n} min of the first report",
        }
    if kind == OBJ_INITIAL_REPORT:
        return {"zh": "首报按时", "en": "Initial report on time"}
    if kind == OBJ_FOLLOWUPS:
        return {"zh": "续报全部按时", "en": "Every follow-up report on time"}
    if kind == OBJ_CALLOUT:
        return {
            "zh": f"通知呼叫开始后 {n} 分钟内联系到 {p}% 的人员",
            "en": f"{p} % of the call tree reached within {n} min of the call-out",
        }
    if kind == OBJ_FORMS:
        wards = "、".join(objective.get("wards", []))
        return {
            "zh": f"启动后 {n} 分钟内向每个受影响病区发放纸质表单（{wards}）",
            "en": f"Forms issued to every affected ward within {n} min ({', '.join(objective.get('wards', []))})",  # noqa: E501
        }
    if kind == OBJ_CHECKLIST:
        return {"zh": f"检查单完成 {p}% 以上", "en": f"At least {p} % of the checklist done"}
    if kind == OBJ_BACKENTRY:
        return {
            "zh": f"纸质单据补录完成 {p}% 以上",
            "en": f"At least {p} % of the paper sheets back-entered",
        }
    return {"zh": kind, "en": kind}


def _num(value: float) -> str:
    return f"{value:g}"


# --- judging objectives ------------------------------------------------------------------
# "Partly" is the middle of the exercise programmes' Strong / Adequate / Weak: a time
# target missed by no more than its own length again (within twice the minutes), a share
# at least half the target, or a target reached only after its deadline.


def judge_within(measured: float | None, minutes: float) -> str:
    """A "within N minutes" target: met by N, partly by 2N, else (or never) not met."""
    if measured is None:
        return NOT_MET
    if measured <= minutes:
        return MET
    return PARTLY if measured <= 2 * minutes else NOT_MET


def judge_share(measured: float | None, percent: float, *, later: float | None = None) -> str:
    """A share target: met at ``percent``, partly at half of it (or when ``later``, the
    share reached after the deadline, makes it), else not met."""
    if measured is None:
        return NOT_MET
    if measured >= percent:
        return MET
    if measured >= percent / 2 or (later is not None and later >= percent):
        return PARTLY
    return NOT_MET


# --- the drill's clock -------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A stretch of console time the drill ran (not paused); ``end`` None: still running."""

    start: dt.datetime
    end: dt.datetime | None = None


def drill_seconds(segments: Sequence[Segment], speed: int, at: dt.datetime) -> float:
    """Drill time elapsed at console time ``at``: running time before it, times the speed.
    Anything done while the drill was paused counts at the moment it was paused."""
    total = 0.0
    for segment in segments:
        if at <= segment.start:
            break
        end = at if segment.end is None or segment.end > at else segment.end
        total += (end - segment.start).total_seconds()
    return total * speed


@dataclass(frozen=True)
class DrillTime:
    """A drill's own clock beside the console's, as of console time ``now``.

    A moment on the drill's clock is its start plus the drill time run by then (at
    speed 10 one console minute is ten drill minutes; a pause stops it). The reporting
    clocks of a drill's incident are judged there, and shown back on the console's clock
    (when the drill reached that moment, or will if it runs on from now at its speed),
    so a countdown on screen runs out when the drill's time does."""

    started_at: dt.datetime
    segments: tuple[Segment, ...]
    speed: int
    now: dt.datetime

    @property
    def running(self) -> bool:
        return bool(self.segments) and self.segments[-1].end is None

    def drill(self, at: dt.datetime) -> dt.datetime:
        """The drill's moment at console time ``at``."""
        return self.started_at + dt.timedelta(seconds=drill_seconds(self.segments, self.speed, at))

    def console(self, moment: dt.datetime) -> dt.datetime:
        """The console time at which the drill reached (or, running on, will reach) the
        drill moment ``moment``."""
        left = (moment - self.started_at).total_seconds()
        for segment in self.segments:
            end = self.now if segment.end is None else segment.end
            ran = max((end - segment.start).total_seconds(), 0.0) * self.speed
            if left <= ran:
                return segment.start + dt.timedelta(seconds=left / self.speed)
            left -= ran
        # Beyond the drill time run so far: as if the drill ran on (or resumed) now.
        return self.now + dt.timedelta(seconds=left / self.speed)


def segments_of(
    controls: Sequence[tuple[dt.datetime, str]], ended_at: dt.datetime | None
) -> list[Segment]:
    """The stretches of console time a drill ran, from its controls (started, paused,
    resumed) and when it ended."""
    result: list[Segment] = []
    start: dt.datetime | None = None
    for at, action in sorted(controls):
        if action in ("started", "resumed") and start is None:
            start = at
        elif action == "paused" and start is not None:
            result.append(Segment(start, at))
            start = None
    if start is not None:
        result.append(Segment(start, ended_at))
    return result


def stored_controls(controls: str) -> list[tuple[dt.datetime, str]]:
    """A drill's controls as stored (drill_runs.controls, JSON ``[[at, action], ...]``)."""
    return [(dt.datetime.fromisoformat(at), action) for at, action in json.loads(controls)]


def stored_drill_time(
    *, started_at: str, controls: str, ended_at: str, speed: int, now: dt.datetime
) -> DrillTime:
    """The clock of a drill from its stored row (drill_runs), as of console time ``now``:
    one reading for the full read (services/drills/runs.py) and the window's first look
    (services/first_look.py, which reads the row with sqlite3)."""
    ended = dt.datetime.fromisoformat(ended_at) if ended_at else None
    return DrillTime(
        dt.datetime.fromisoformat(started_at),
        tuple(segments_of(stored_controls(controls), ended)),
        speed,
        now,
    )
