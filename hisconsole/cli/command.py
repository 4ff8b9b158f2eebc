"""Commands of a long outage: the command roster (``roster``), tasks (``tasks``), the
incident's operational periods (``incident period``, ``incident periods``,
``incident objective``) and the shift handover (``incident handover``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, EXIT_USAGE, Output
from hisconsole.domain import glossary
from hisconsole.domain.plan import GROUP_CODES
from hisconsole.i18n import PRINT_LANGUAGES, current_language, term
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime

ROSTER_ACTIONS = ("sign-in", "sign-out")


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    roster = sub.add_parser(
        "roster",
        parents=[common],
        help=_("an incident's command roster: who holds which post (sign in, sign out)"),
        description=_(
            "roster [ID]: the posts and who holds them (default: the open incident); "
            "roster sign-in ROLE [--person NAME]; roster sign-out ROLE. Posts: {posts}."
        ).format(posts=", ".join(glossary.ROSTER_ROLES)),
    )
    roster.add_argument(
        "words",
        nargs="*",
        metavar="[ID] | sign-in ROLE | sign-out ROLE",
        help=_("an incident's id to show its roster, or sign-in/sign-out and the post"),
    )
    roster.add_argument(
        "--incident", metavar="ID", help=_("sign-in/sign-out: the incident (default: the open one)")
    )
    roster.add_argument(
        "--person", metavar="NAME", help=_("sign-in: who signs in (default: the operator)")
    )
    roster.add_argument("--note", default="", help=_("sign-in: a note for the log (the handover)"))

    tasks = sub.add_parser(
        "tasks",
        parents=[common],
        help=_("an incident's tasks: owner, group, due time, status"),
        description=_(
            "tasks ID: the incident's tasks; tasks add ID TEXT --owner NAME --due TIME "
            "[--group G] [--from log:ENTRY|message:ID|checklist:ITEM]; "
            "tasks done TASK [--reopen]. "
            "TIME: 2026-11-25T14:00, 14:00 (the next one) or +90m / +2h."
        ),
    )
    tasks.add_argument(
        "words", nargs="*", metavar="ID | add ID TEXT | done TASK", help=_("what to do")
    )
    tasks.add_argument("--owner", metavar="NAME", help=_("add: who does it"))
    tasks.add_argument("--due", metavar="TIME", help=_("add: when it is due"))
    tasks.add_argument("--group", choices=GROUP_CODES, help=_("add: the plan group it falls to"))
    tasks.add_argument(
        "--from",
        dest="source",
        metavar="SOURCE:REF",
        help=_("add: made from a log entry, a message or a checklist step (log:ENTRY, …)"),
    )
    tasks.add_argument("--reopen", action="store_true", help=_("done: open the task again"))
    return {"roster": cmd_roster, "tasks": cmd_tasks}


def _posts_text(console: Any, data: dict[str, Any]) -> str:
    names = group_names(console)
    lines = [_("Command roster of {incident}").format(incident=data["incident"])]
    group = None
    for post in data["posts"]:
        if post["group"] != group:
            group = post["group"]
            lines.append(f"  {names.get(group, group)}")
        holder = (
            _("{person} (since {since})").format(
                person=post["person"], since=format_datetime(post["since"])
            )
            if post["person"]
            else _("— vacant")
        )
        lines.append(f"    {term('roster role', post['role']):<24} {holder}")
    if data["history"]:
        lines.append(_("Shifts:"))
        for shift in data["history"]:
            end = format_datetime(shift["signed_out_at"]) or _("on duty")
            start = format_datetime(shift["signed_in_at"])
            line = f"  {start} – {end}  {term('roster role', shift['role'])}  "
            line += shift["person"]
            if shift["relieved_by"]:
                line += "  " + _("(relieved by {person})").format(person=shift["relieved_by"])
            lines.append(line)
    return "\n".join(lines)


def cmd_roster(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import roster

    words = list(args.words)
    action = words[0] if words and words[0] in ROSTER_ACTIONS else None
    if (action and len(words) != 2) or (not action and len(words) > 1):
        return _usage(
            _("usage: roster [ID] | roster sign-in ROLE [--person NAME] | roster sign-out ROLE")
        )
    console = open_console(args)
    try:
        if action is None:
            incident = roster.choose_incident(console, words[0] if words else None)
            data = roster.roster(console, incident)
            out.emit(data, _posts_text(console, data))
            return EXIT_OK
        role = words[1]
        incident = roster.choose_incident(console, args.incident)
        if action == "sign-in":
            done = roster.sign_in(console, incident, role, args.person, note=args.note)
            person = args.person or console.operator.name
            human = _("{person} signed in as {role} in {incident}.").format(
                person=" ".join(person.split()), role=term("roster role", role), incident=incident
            )
            if done.relieved:
                human += " " + _("{person} is relieved (handover recorded).").format(
                    person=done.relieved
                )
            out.emit(
                {
                    "incident": incident,
                    "role": role,
                    "person": " ".join(person.split()),
                    "shift": done.shift,
                    "relieved": done.relieved,
                },
                human,
            )
        else:
            roster.sign_out(console, incident, role)
            out.emit(
                {"incident": incident, "role": role, "signed_out": True},
                _("{role} signed out in {incident}; the post is vacant.").format(
                    role=term("roster role", role), incident=incident
                ),
            )
        return EXIT_OK
    finally:
        console.close()


def _usage(text: str) -> int:
    print("hisconsole: " + text, file=sys.stderr)
    return EXIT_USAGE


def group_names(console: Any) -> dict[str, str]:
    """The plan's groups by code, in the current language."""
    from hisconsole.domain.plan import text
    from hisconsole.services import plan as plan_service

    doc = plan_service.current_document(console) or {}
    return {g["code"]: text(g["name"], current_language()) for g in doc.get("groups", [])}


def _tasks_text(rows: list[dict[str, Any]], names: dict[str, str]) -> str:
    lines = []
    for task in rows:
        if task["status"] == glossary.TASK_DONE:
            state = _("done {time} by {person}").format(
                time=format_datetime(task["done_at"]), person=task["done_by"]
            )
        elif task["overdue"]:
            state = _("OVERDUE since {time}").format(time=format_datetime(task["due_at"]))
        else:
            state = _("due {time}").format(time=format_datetime(task["due_at"]))
        group = f" [{names.get(task['group'], task['group'])}]" if task["group"] else ""
        lines.append(f"{task['task']}  {task['owner']}{group}  {state}\n    {task['text']}")
    return "\n".join(lines) or _("No tasks.")


def cmd_tasks(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import tasks

    words = list(args.words)
    action = words[0] if words and words[0] in ("add", "done") else None
    if action == "add" and (len(words) != 3 or not args.owner or not args.due):
        return _usage(_("usage: tasks add ID TEXT --owner NAME --due TIME [--group G]"))
    if action == "done" and len(words) != 2:
        return _usage(_("usage: tasks done TASK [--reopen]"))
    if action is None and len(words) != 1:
        return _usage(_("usage: tasks ID | tasks add ID TEXT … | tasks done TASK"))
    source = ref = None
    if action == "add" and args.source:
        source, _sep, ref = args.source.partition(":")
        if source not in glossary.TASK_SOURCES or not ref:
            return _usage(_("--from takes log:ENTRY, message:ID or checklist:ITEM"))
    console = open_console(args)
    try:
        if action is None:
            rows = tasks.tasks(console, words[0])
            out.emit(rows, _tasks_text(rows, group_names(console)))
        elif action == "add":
            added = tasks.add(
                console,
                words[1],
                words[2],
                owner=args.owner,
                due=args.due,
                group=args.group,
                source=source,
                ref=ref,
            )
            row = next(t for t in tasks.tasks(console, words[1]) if t["task"] == added.task)
            out.emit(
                row,
                _("Task {task} for {owner}, due {due}.").format(
                    task=added.task, owner=row["owner"], due=format_datetime(row["due_at"])
                ),
            )
        else:
            status = glossary.TASK_OPEN if args.reopen else glossary.TASK_DONE
            tasks.set_status(console, words[1], status)
            out.emit(
                {"task": words[1], "status": status},
                _("Task {task} is {status}.").format(
                    task=words[1], status=term("task status", status)
                ),
            )
        return EXIT_OK
    finally:
        console.close()


# --- operational periods (incident period / periods / objective) ------------------------------

INCIDENT_ACTIONS = ("period", "periods", "objective", "handover")


def register_incident_actions(inc: Any, common: argparse.ArgumentParser) -> None:
    """Add the period actions to the ``incident`` group's subcommands."""
    period = inc.add_parser(
        "period", parents=[common], help=_("start the next operational period (处置阶段)")
    )
    period.add_argument("id", metavar="ID", help=_("the incident's id"))
    period.add_argument(
        "--objective",
        action="append",
        default=[],
        metavar="TEXT",
        help=_("an objective of the period (repeatable; open ones from before carry over)"),
    )
    period.add_argument(
        "--length",
        type=int,
        metavar="H",
        help=_("its length in hours (default: the plan's, or 12)"),
    )
    period.add_argument(
        "--group",
        action="append",
        default=[],
        choices=GROUP_CODES,
        help=_("a plan group assigned to the period (repeatable)"),
    )
    period.add_argument("--briefing", default="", help=_("the period briefing"))
    periods = inc.add_parser(
        "periods", parents=[common], help=_("an incident's operational periods")
    )
    periods.add_argument("id", metavar="ID", help=_("the incident's id"))
    objective = inc.add_parser(
        "objective", parents=[common], help=_("mark an objective of a period met")
    )
    objective.add_argument("objective", metavar="OBJECTIVE", help=_("its id ('incident periods')"))
    objective.add_argument("--reopen", action="store_true", help=_("not met after all"))
    handover = inc.add_parser(
        "handover",
        parents=[common],
        help=_("shift handover (交接班): the sheet as PDF, or the incoming commander acknowledges"),
    )
    handover.add_argument("id", metavar="ID", help=_("the incident's id"))
    what = handover.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", type=Path, metavar="FILE.pdf", help=_("write the handover sheet"))
    what.add_argument(
        "--acknowledge",
        action="store_true",
        help=_("the incoming commander (signed in to the roster) acknowledges the latest sheet"),
    )
    handover.add_argument(
        "--incoming", metavar="NAME", help=_("--out: who takes over (on duty next)")
    )
    handover.add_argument(
        "--person",
        metavar="NAME",
        help=_("--acknowledge: who acknowledges (default: the operator)"),
    )
    handover.add_argument(
        "--lang",
        dest="print_lang",
        choices=PRINT_LANGUAGES,
        default="both",
        help=_("language of the sheet (default: both)"),
    )


def _periods_text(rows: list[dict[str, Any]], names: dict[str, str]) -> str:
    lines = []
    for period in rows:
        mark = _(" (current)") if period["current"] else ""
        lines.append(
            _("Period {number}{mark}: {start} – {end} ({hours} h)").format(
                number=period["number"],
                mark=mark,
                start=period["starts_at"],
                end=period["ends_at"],
                hours=period["length_hours"],
            )
        )
        if period["groups"]:
            groups = ", ".join(names.get(g, g) for g in period["groups"])
            lines.append("  " + _("groups: {groups}").format(groups=groups))
        if period["briefing"]:
            lines.append("  " + _("briefing: {text}").format(text=period["briefing"]))
        for item in period["objectives"]:
            box = "[x]" if item["done"] else "[ ]"
            lines.append(f"  {box} {item['objective']}  {item['text']}")
        if period["carried_objectives"] or period["carried_tasks"]:
            lines.append(
                "  "
                + _("carried over: {objectives} objective(s), {tasks} task(s)").format(
                    objectives=len(period["carried_objectives"]),
                    tasks=len(period["carried_tasks"]),
                )
            )
    return "\n".join(lines) or _(
        "No operational period yet: 'incident period ID --objective TEXT'."
    )


def run_incident_action(console: Any, args: argparse.Namespace, out: Output) -> None:
    """``incident period``, ``incident periods`` or ``incident objective``."""
    from hisconsole.services import periods

    action = args.incident_command
    if action == "period":
        started = periods.start(
            console,
            args.id,
            args.objective,
            length_hours=args.length,
            groups=args.group,
            briefing=args.briefing,
        )
        period = next(p for p in periods.periods(console, args.id) if p["period"] == started.period)
        out.emit(
            period,
            _(
                "Period {number} of {incident} started, until {end}; carried over: "
                "{objectives} objective(s), {tasks} task(s)."
            ).format(
                number=started.number,
                incident=args.id,
                end=period["ends_at"],
                objectives=len(started.carried_objectives),
                tasks=len(started.carried_tasks),
            ),
        )
    elif action == "periods":
        rows = periods.periods(console, args.id)
        out.emit(rows, _periods_text(rows, group_names(console)))
    elif action == "handover":
        _handover(console, args, out)
    else:
        periods.set_objective(console, args.objective, not args.reopen)
        out.emit(
            {"objective": args.objective, "done": not args.reopen},
            (
                _("Objective {objective} met.")
                if not args.reopen
                else _("Objective {objective} open again.")
            ).format(objective=args.objective),
        )


def _handover(console: Any, args: argparse.Namespace, out: Output) -> None:
    from hisconsole.services import handover

    if args.acknowledge:
        handover.acknowledge(console, args.id, args.person)
        latest = handover.handovers(console, args.id)[-1]
        out.emit(
            latest,
            _("Handover {handover} acknowledged by {person}.").format(
                handover=latest["handover"], person=latest["acknowledged_by"]
            ),
        )
        return
    made = handover.prepare(
        console, args.id, incoming=args.incoming, out=args.out, lang=args.print_lang
    )
    counts = made.sheet["counts"]
    out.emit(
        {**made.sheet, "out": str(args.out)},
        _(
            "Handover sheet {handover} written to {out}: {alerts} alert(s), {tasks} open "
            "task(s) ({overdue} overdue), {steps} checklist step(s), {messages} message(s) "
            "awaiting a reply."
        ).format(
            handover=made.handover,
            out=args.out,
            alerts=counts["alerts"],
            tasks=counts["tasks"],
            overdue=counts["overdue_tasks"],
            steps=counts["checklist"],
            messages=counts["messages"],
        ),
    )
