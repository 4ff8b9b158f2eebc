"""Commands that run an incident: declare, list, show, log, level, status, reports, close."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from typing import Any

from hisconsole.cli import command
from hisconsole.cli.options import Handler, open_console, plan_code_help
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.domain import glossary
from hisconsole.i18n import current_language, term
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    incident = sub.add_parser("incident", parents=[common], help=_("run an incident"))
    inc = incident.add_subparsers(dest="incident_command", metavar="ACTION", required=True)
    declare = inc.add_parser("declare", parents=[common], help=_("declare an incident"))
    declare.add_argument(
        "--level",
        required=True,
        choices=glossary.LEVELS,
        help=_("the warning level (I most severe)"),
    )
    declare.add_argument("--title", required=True, help=_("what is down, where (one line)"))
    declare.add_argument(
        "--system",
        action="append",
        default=[],
        metavar="CODE",
        help=plan_code_help("systems", _("a system affected (repeatable)")),
    )
    declare.add_argument(
        "--scenario",
        metavar="CODE",
        help=plan_code_help(
            "scenarios",
            _(
                "the plan's playbook to follow (default: the one the plan gives for the "
                "systems named; 'none' for none)"
            ),
        ),
    )
    declare.add_argument("--reported-at", metavar="TIME", help=_("when the problem was reported"))
    declare.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar="REPORT_ID",
        help=_("attach a report waiting in Reports to assess (repeatable)"),
    )
    declare.add_argument(
        "--exercise", action="store_true", help=_("a drill (演练), not a real incident")
    )
    inc.add_parser("list", parents=[common], help=_("list incidents"))
    show = inc.add_parser("show", parents=[common], help=_("an incident in full"))
    show.add_argument(
        "id",
        metavar="ID",
        help=_("the incident's id (INC-…; 'hisconsole incident list' shows them)"),
    )
    log = inc.add_parser("log", parents=[common], help=_("add an activity-log entry"))
    log.add_argument(
        "id",
        metavar="ID",
        help=_("the incident's id (INC-…; 'hisconsole incident list' shows them)"),
    )
    log.add_argument("text", metavar="TEXT", help=_("what happened, was done or decided"))
    log.add_argument(
        "--kind",
        choices=glossary.WRITTEN_LOG_KINDS,
        default=glossary.LOG_NOTE,
        help=_("the entry's kind (default: note)"),
    )
    log.add_argument(
        "--corrects",
        metavar="ENTRY",
        help=_("the entry this one corrects (its id: 'incident show' lists them)"),
    )
    level = inc.add_parser("level", parents=[common], help=_("change the warning level"))
    level.add_argument(
        "id",
        metavar="ID",
        help=_("the incident's id (INC-…; 'hisconsole incident list' shows them)"),
    )
    level.add_argument("level", choices=glossary.LEVELS, help=_("the new warning level"))
    level.add_argument("--reason", default="", help=_("why the level changes (for the log)"))
    status = inc.add_parser("status", parents=[common], help=_("set a system's status"))
    status.add_argument(
        "id",
        metavar="ID",
        help=_("the incident's id (INC-…; 'hisconsole incident list' shows them)"),
    )
    status.add_argument("system", metavar="SYSTEM", help=plan_code_help("systems", _("the system")))
    status.add_argument(
        "status", choices=glossary.SYSTEM_STATUSES, help=_("its status (na: not affected)")
    )
    status.add_argument("--comment", default="", help=_("a note for the log"))
    status.add_argument("--estimate", default="", help=_("expected repair time, free text"))
    reported = inc.add_parser(
        "record-report", parents=[common], help=_("record an upward report that was made")
    )
    reported.add_argument(
        "id",
        metavar="ID",
        help=_("the incident's id (INC-…; 'hisconsole incident list' shows them)"),
    )
    reported.add_argument(
        "--to",
        required=True,
        dest="recipient",
        metavar="WHOM",
        help=_("who was told (e.g. 卫健委)"),
    )
    reported.add_argument(
        "--channel", required=True, choices=glossary.REPORT_CHANNELS, help=_("how it was made")
    )
    reported.add_argument("--summary", default="", help=_("what was reported"))
    reported.add_argument("--at", metavar="TIME", help=_("when it was made (default: now)"))
    resolve = inc.add_parser("resolve", parents=[common], help=_("mark the incident resolved"))
    resolve.add_argument(
        "id",
        metavar="ID",
        help=_("the incident's id (INC-…; 'hisconsole incident list' shows them)"),
    )
    close = inc.add_parser("close", parents=[common], help=_("close a resolved incident"))
    close.add_argument(
        "id",
        metavar="ID",
        help=_("the incident's id (INC-…; 'hisconsole incident list' shows them)"),
    )
    close.add_argument(
        "--override", metavar="REASON", help=_("commander: close although sheets are outstanding")
    )
    command.register_incident_actions(inc, common)
    return {
        "incident": cmd_incident,
    }


def _format_incident(data: dict[str, Any]) -> str:
    from hisconsole.services import incidents

    mark = "  [" + _("EXERCISE") + "]" if data["exercise"] else ""
    level = _("level {level}").format(level=data["level"])
    lines = [
        f"{data['id']}  {level}  {term('incident status', data['status'])}{mark}",
        f"  {data['title']}",
        "  "
        + _("reported {reported}, declared {declared} by {by}").format(
            reported=format_datetime(data["reported_at"]),
            declared=format_datetime(data["declared_at"]),
            by=data["declared_by"],
        ),
    ]
    if data.get("systems"):
        lines.append("  " + _("systems:"))
        for system in data["systems"]:
            status = term("system status", system["status"])
            since = _("since {time}").format(time=format_datetime(system["since"]))
            lines.append(f"    {system['code']:<6} {status:<9} {since}")
    if data.get("clocks"):
        lines.append("  " + _("reports:"))
        lines.extend(f"    {incidents.describe_clock(clock)}" for clock in data["clocks"])
    return "\n".join(lines)


def _entry_line(entry: dict[str, Any]) -> str:
    from hisconsole.services import incidents

    return (
        f"    {format_datetime(entry['at'], seconds=True)}  {entry['by']}  "
        f"{incidents.describe_entry(entry)}"
        + "  "
        + _("[entry {entry}]").format(entry=entry["entry"])
    )


def _show(console: Any, incident_id: str, out: Output) -> None:
    """``incident show``: the log streamed a page at a time, so that memory follows the
    page, not the log (1,000,000 entries); the output is the same as one document."""
    from hisconsole.services import incident_log, incidents
    from hisconsole.services import people as people_service

    data = incidents.show(console, incident_id, with_log=False)
    people = len(people_service.listed(console))
    # Who did what "as commander" is only said, or checked; the id stays first, and the
    # log and clocks last (streamed into their place below).
    log, clocks = data.pop("log"), data.pop("clocks")
    data.update(roles_verified=people > 0, log=log, clocks=clocks)
    entries = incident_log.iter_log(console, incident_id)
    first = next(entries, None)
    if not out.as_json:
        print(_format_incident(data))
        if not people:
            print("  " + people_service.roles_said(0))
        if first is not None:
            print("  " + _("log:"))
            print(_entry_line(first))
            for entry in entries:
                print(_entry_line(entry))
        return
    if first is None:
        out.emit(data, "")
        return
    # The document with an empty log, then the entries where its "[]" stands, each
    # indented as json.dump(indent=2) puts a list item at that depth.
    head, empty, tail = json.dumps(data, ensure_ascii=False, indent=2).partition('\n  "log": []')
    assert empty, "show() gives a top-level log"
    write = sys.stdout.write
    write(head + '\n  "log": [\n')
    for index, entry in enumerate(itertools.chain([first], entries)):
        write((",\n    " if index else "    ") + log_item_json(entry))
    write("\n  ]" + tail + "\n")


def log_item_json(entry: dict[str, Any]) -> str:
    """``entry`` as ``json.dumps(entry, ensure_ascii=False, indent=2)`` writes it as an item
    of the document's log (two levels in), to the byte. Strings go through the C string
    encoder: with ``indent`` json uses its pure-Python encoder, three quarters of the time
    ``incident show --json`` took on 100,000 entries. Other values than strings, None and
    an empty ``data`` (most entries' data) still go through json.dumps."""
    parts = []
    for key, value in entry.items():
        if isinstance(value, str):
            text = _json_string(value)
        elif value is None:
            text = "null"
        elif value == {}:
            text = "{}"
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n      ")
        parts.append(f"{_json_string(key)}: {text}")
    return "{\n      " + ",\n      ".join(parts) + "\n    }" if parts else "{}"


#: A string as JSON without escaping what is not ASCII (json's own, in C where it is).
_json_string = json.encoder.encode_basestring


def _declare(console: Any, args: argparse.Namespace) -> tuple[dict[str, Any], str, str]:
    """Declare; without --scenario, follow the playbook the plan gives for the systems named."""
    from hisconsole.services import plan as plan_service
    from hisconsole.services import response

    doc = plan_service.require_document(console)
    proposed = args.scenario is None
    scenario = None if args.scenario == "none" else args.scenario
    if proposed:
        scenario = plan_service.propose_scenario(doc, args.system)
    new_id = response.declare_with_reports(
        console,
        args.attach,
        level=args.level,
        title=args.title,
        systems=args.system,
        scenario=scenario,
        exercise=args.exercise,
        reported_at=args.reported_at,
    )
    lines: list[str] = []
    if scenario is None:
        lines.append(
            _(
                "No playbook: the incident has no checklist steps. "
                "Give --scenario CODE to follow one of the plan's playbooks."
            )
        )
    else:
        lang = current_language()
        name = next(s["name"][lang] for s in doc["scenarios"] if s["code"] == scenario)
        systems = ", ".join(s.upper() for s in args.system)
        if proposed:
            line = _("Playbook: {scenario} ({name}), proposed for {systems}.")
        else:
            line = _("Playbook: {scenario} ({name}).")
        lines.append(line.format(scenario=scenario, name=name, systems=systems))
        if proposed:
            lines.append(_("Give --scenario CODE for another one, --scenario none for none."))
    waiting = response.reports(console, open_only=True)
    if waiting:
        lines.append(
            _("{count} report(s) still wait in Reports to assess (on the dashboard): {ids}").format(
                count=len(waiting), ids=", ".join(r["id"] for r in waiting)
            )
        )
    # stdout is the id alone (DESIGN.md: scripts read it); the advice goes to stderr.
    return {"id": new_id, "scenario": scenario, "attached": args.attach}, new_id, "\n".join(lines)


def _log(args: argparse.Namespace, out: Output) -> int:
    """``incident log``: appended directly (services/quick_log.py), or through the console
    when the database needs it first."""
    from hisconsole.services import quick_log
    from hisconsole.services.paths import resolve_data_dir

    entry = quick_log.log(
        resolve_data_dir(args.data_dir),
        args.id,
        args.text,
        kind=args.kind,
        corrects=args.corrects,
        operator=args.operator,
    )
    if entry is None:
        from hisconsole.services import incidents

        console = open_console(args)
        try:
            entry = incidents.log(
                console, args.id, args.text, kind=args.kind, corrects=args.corrects
            ).entry
        finally:
            console.close()
    out.emit(
        {"id": args.id, "logged": True, "entry": entry},
        _("Logged as entry {entry}.").format(entry=entry),
    )
    return EXIT_OK


def cmd_incident(args: argparse.Namespace, out: Output) -> int:
    if args.incident_command == "log":
        return _log(args, out)
    from hisconsole.services import incidents

    console = open_console(args)
    try:
        action = args.incident_command
        if action == "declare":
            data, human, advice = _declare(console, args)
            out.emit(data, human)
            if not out.as_json:
                out.note(advice)
        elif action == "list":
            rows = incidents.list_incidents(console)
            human = "\n".join(
                f"{r['id']}  {r['level']:<3} {term('incident status', r['status']):<8} "
                f"{r['title']}" + ("  " + _("[exercise]") if r["exercise"] else "")
                for r in rows
            )
            out.emit(rows, human or _("No incidents."))
        elif action == "show":
            _show(console, args.id, out)
        elif action == "level":
            incidents.change_level(console, args.id, args.level, args.reason)
            out.emit(
                {"id": args.id, "level": args.level},
                _("{id} is now level {level}.").format(id=args.id, level=args.level),
            )
        elif action == "status":
            incidents.set_system_status(
                console,
                args.id,
                args.system,
                args.status,
                comment=args.comment,
                estimate=args.estimate,
            )
            out.emit(
                {"id": args.id, "system": args.system.upper(), "status": args.status},
                _("{system} is {status}.").format(
                    system=args.system.upper(), status=term("system status", args.status)
                ),
            )
        elif action == "record-report":
            incidents.record_report(
                console,
                args.id,
                recipient=args.recipient,
                channel=args.channel,
                summary=args.summary,
                at=args.at,
            )
            out.emit({"id": args.id, "reported": True}, _("Report recorded."))
        elif action == "resolve":
            incidents.resolve(console, args.id)
            out.emit({"id": args.id, "status": "resolved"}, _("{id} resolved.").format(id=args.id))
        elif action in command.INCIDENT_ACTIONS:
            command.run_incident_action(console, args, out)
        elif action == "close":
            incidents.close(console, args.id, override=args.override)
            out.emit({"id": args.id, "status": "closed"}, _("{id} closed.").format(id=args.id))
        return EXIT_OK
    finally:
        console.close()
