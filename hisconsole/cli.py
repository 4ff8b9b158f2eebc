"""The command line: the same services as the GUI, for scripts and outside checks.

Every command takes ``--data-dir DIR`` and ``--json``. Errors go to stderr with
a non-zero exit code and change nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hisconsole import __version__

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CHECK_FAILED = 3

LEVELS = ("I", "II", "III", "IV")
ROLES = ("commander", "it-duty", "business-lead", "scribe", "plan-editor")
REPORT_CHANNELS = ("phone", "sms", "in-person", "network")


class _Output:
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, data: Any, human: str) -> None:
        if self.as_json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        elif human:
            print(human)


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where this laptop's data lives (else $HISCONSOLE_DATA_DIR, else the platform one)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="machine-readable output on stdout",
    )
    parser.add_argument(
        "--operator",
        metavar="NAME",
        default=default,
        help="operator the command's events are attributed to (else the last one signed in)",
    )
    parser.add_argument(
        "--role",
        choices=ROLES,
        default=default,
        help="that operator's role (else their last role on this laptop)",
    )


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    parser = argparse.ArgumentParser(
        prog="hisconsole",
        description="HIS Console — offline emergency console for hospital IT downtime.",
    )
    parser.add_argument("--version", action="version", version=f"hisconsole {__version__}")
    _global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", parents=[common], help="open the console window (the default)")
    gui.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)

    init = sub.add_parser("init", parents=[common], help="create or upgrade the local database")
    init.add_argument("--demo", action="store_true", help="also load sample contacts")

    plan = sub.add_parser("plan", parents=[common], help="export or import the emergency plan")
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    plan_sub.add_parser("export", parents=[common], help="write the plan to FILE").add_argument(
        "file", type=Path, metavar="FILE"
    )
    plan_import = plan_sub.add_parser("import", parents=[common], help="load a plan from FILE")
    plan_import.add_argument("file", type=Path, metavar="FILE")
    plan_print = plan_sub.add_parser("print", parents=[common], help="the plan as a PDF binder")
    plan_print.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    plan_print.add_argument("--scenario", metavar="CODE", help="only this scenario's playbook")

    contacts = sub.add_parser("contacts", parents=[common], help="import or export contacts")
    csub = contacts.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)
    cimport = csub.add_parser("import", parents=[common], help="import a .csv or .vcf file")
    cimport.add_argument("file", type=Path, metavar="FILE")
    cimport.add_argument(
        "--dry-run", action="store_true", help="only show what would be added, changed, skipped"
    )
    csub.add_parser("export", parents=[common], help="export to a .csv or .vcf file").add_argument(
        "file", type=Path, metavar="FILE"
    )
    cregion = csub.add_parser(
        "region", parents=[common], help="show or set the default phone region (CN, HK, …)"
    )
    cregion.add_argument("code", nargs="?", metavar="CODE")
    calltree = sub.add_parser("calltree", parents=[common], help="print the call tree")
    tsub = calltree.add_subparsers(dest="calltree_command", metavar="ACTION", required=True)
    tprint = tsub.add_parser("print", parents=[common], help="call tree(s) as a PDF")
    tprint.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    tprint.add_argument("--tree", metavar="CODE", help="one tree (default: every tree)")
    tprint.add_argument("--page", choices=("A4", "card"), default="A4")
    tprint.add_argument("--lang", choices=("zh", "en"), default="zh")

    incident = sub.add_parser("incident", parents=[common], help="run an incident")
    inc = incident.add_subparsers(dest="incident_command", metavar="ACTION", required=True)
    declare = inc.add_parser("declare", parents=[common], help="declare an incident")
    declare.add_argument("--level", required=True, choices=LEVELS)
    declare.add_argument("--title", required=True)
    declare.add_argument("--system", action="append", default=[], metavar="CODE")
    declare.add_argument("--scenario", metavar="CODE", help="the plan's playbook to follow")
    declare.add_argument("--reported-at", metavar="TIME", help="when the problem was reported")
    declare.add_argument(
        "--exercise", action="store_true", help="a drill (演练), not a real incident"
    )
    inc.add_parser("list", parents=[common], help="list incidents")
    show = inc.add_parser("show", parents=[common], help="an incident in full")
    show.add_argument("id", metavar="ID")
    log = inc.add_parser("log", parents=[common], help="add an activity-log entry")
    log.add_argument("id", metavar="ID")
    log.add_argument("text", metavar="TEXT")
    log.add_argument("--kind", choices=("note", "action", "decision"), default="note")
    log.add_argument("--corrects", metavar="ENTRY", help="the log entry this one corrects")
    level = inc.add_parser("level", parents=[common], help="change the warning level")
    level.add_argument("id", metavar="ID")
    level.add_argument("level", choices=LEVELS)
    level.add_argument("--reason", default="")
    status = inc.add_parser("status", parents=[common], help="set a system's status")
    status.add_argument("id", metavar="ID")
    status.add_argument("system", metavar="SYSTEM")
    status.add_argument("status", choices=("up", "degraded", "down", "na"))
    status.add_argument("--comment", default="")
    status.add_argument("--estimate", default="", help="expected repair time, free text")
    reported = inc.add_parser(
        "record-report", parents=[common], help="record an upward report that was made"
    )
    reported.add_argument("id", metavar="ID")
    reported.add_argument("--to", required=True, dest="recipient", metavar="WHOM")
    reported.add_argument("--channel", required=True, choices=REPORT_CHANNELS)
    reported.add_argument("--summary", default="")
    reported.add_argument("--at", metavar="TIME", help="when it was made (default: now)")
    resolve = inc.add_parser("resolve", parents=[common], help="mark the incident resolved")
    resolve.add_argument("id", metavar="ID")
    close = inc.add_parser("close", parents=[common], help="close a resolved incident")
    close.add_argument("id", metavar="ID")
    close.add_argument(
        "--override", metavar="REASON", help="commander: close although sheets are outstanding"
    )

    forms = sub.add_parser("forms", parents=[common], help="downtime paper forms")
    fsub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    fsub.add_parser("list", parents=[common], help="the form templates")
    fprint = fsub.add_parser("print", parents=[common], help="print numbered sheets to a PDF")
    fprint.add_argument("template", metavar="TEMPLATE")
    fprint.add_argument("--copies", type=int, default=1, metavar="N")
    fprint.add_argument("--incident", metavar="ID")
    fprint.add_argument("--lang", choices=("zh", "en"), default="zh")
    fprint.add_argument("--department", default="", help="ward or department the sheets are for")
    fprint.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    back = fsub.add_parser(
        "backenter", parents=[common], help="record sheets entered back into the HIS"
    )
    back.add_argument("serial", metavar="SERIAL", help="a serial, a range A-000120..A-000180")
    back.add_argument(
        "--void", action="store_true", help="void the sheets instead (spoiled, unused)"
    )
    back.add_argument("--reason", default="", help="why they are void")
    back.add_argument("--his-ref", default="", help="HIS reference of the entry")
    stock = fsub.add_parser("stock", parents=[common], help="paper stock against the 8-hour need")
    stock.add_argument("--wards", type=int, default=1, help="wards to supply for 8 hours")
    stock.add_argument(
        "--count", action="append", default=[], metavar="TEMPLATE=N", help="record a count"
    )
    outstanding = fsub.add_parser("outstanding", parents=[common], help="sheets not yet entered")
    outstanding.add_argument("--incident", metavar="ID")

    kit = sub.add_parser(
        "kit", parents=[common], help="downtime kit: call tree, checklists and starter forms"
    )
    kit.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    kit.add_argument("--incident", metavar="ID")
    kit.add_argument("--scenario", metavar="CODE", help="without an incident: whose checklists")
    kit.add_argument("--level", choices=LEVELS, default="II")
    kit.add_argument("--wards", type=int, default=1, help="one set of starter forms per ward")
    kit.add_argument("--lang", choices=("zh", "en"), default="zh")

    report = sub.add_parser("report", parents=[common], help="incident report as PDF")
    report.add_argument("id", metavar="ID")
    report.add_argument("--kind", choices=("initial", "followup", "final"), default="initial")
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    cap = sub.add_parser("cap", parents=[common], help="OASIS CAP 1.2 alert for an incident")
    cap.add_argument("id", metavar="ID")
    cap.add_argument("--out", type=Path, required=True, metavar="FILE.xml")

    from hisconsole.cli_sync import register as register_sync

    COMMANDS.update(register_sync(sub, common))
    sub.add_parser("check", parents=[common], help="verify database integrity and the event log")
    backup = sub.add_parser("backup", parents=[common], help="write a copy of the database")
    backup.add_argument("--out", type=Path, required=True, metavar="FILE")
    restore = sub.add_parser("restore", parents=[common], help="replace the database from a backup")
    restore.add_argument("file", type=Path, metavar="FILE")
    return parser


def _open(args: argparse.Namespace) -> Any:
    from hisconsole.services.console import Console, Operator
    from hisconsole.services.paths import resolve_data_dir

    console = Console.open(resolve_data_dir(args.data_dir))
    if args.operator or args.role:
        console.operator = Operator(
            args.operator or console.operator.name, args.role or console.operator.role
        )
    return console


def cmd_init(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services.paths import resolve_data_dir
    from hisconsole.services.setup import open_or_initialise

    console, result = open_or_initialise(resolve_data_dir(args.data_dir), demo=args.demo)
    console.close()
    lines = [f"Console ready in {result.data_dir}", f"Plan version: v{result.plan_version}"]
    if result.plan_loaded:
        lines.append("Loaded the bundled default plan.")
    if args.demo:
        lines.append(
            f"Demo contacts added: {result.contacts_added}; call trees: {result.call_trees_added}"
        )
    out.emit(result.as_dict(), "\n".join(lines))
    return EXIT_OK


def cmd_plan(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services import plan as plan_service

    console = _open(args)
    try:
        if args.plan_command == "print":
            from hisconsole.services.files import write_atomically

            write_atomically(args.out, plan_service.plan_pdf(console, scenario=args.scenario))
            out.emit({"file": str(args.out)}, f"Plan written to {args.out}")
            return EXIT_OK
        if args.plan_command == "export":
            plan_service.export_file(console, args.file)
            out.emit({"file": str(args.file)}, f"Plan written to {args.file}")
            return EXIT_OK
        result = plan_service.import_file(console, args.file)
        data = {
            "version": result.version,
            "added": result.added,
            "changed": result.changed,
            "removed": result.removed,
        }
        if result.version is None:
            human = "The plan is unchanged; no new version published."
        else:
            human = (
                f"Published plan v{result.version}: {len(result.added)} added, "
                f"{len(result.changed)} changed, {len(result.removed)} removed."
            )
        out.emit(data, human)
        return EXIT_OK
    finally:
        console.close()


def _format_incident(data: dict[str, Any]) -> str:
    from hisconsole.services import incidents

    mark = "  [EXERCISE 演练]" if data["exercise"] else ""
    lines = [
        f"{data['id']}  level {data['level']}  {data['status']}{mark}",
        f"  {data['title']}",
        f"  reported {data['reported_at']}, declared {data['declared_at']}"
        f" by {data['declared_by']}",
    ]
    if data.get("systems"):
        lines.append("  systems:")
        for system in data["systems"]:
            lines.append(f"    {system['code']:<6} {system['status']:<9} since {system['since']}")
    for clock in data.get("clocks", []):
        state = clock["state"]
        if clock["met_at"]:
            lines.append(f"  {clock['kind']} report due {clock['due_at']}: made {clock['met_at']}")
        elif state != "cancelled":
            minutes = clock["remaining_seconds"] // 60
            when = f"in {minutes} min" if minutes >= 0 else f"OVERDUE by {-minutes} min"
            lines.append(f"  {clock['kind']} report due {clock['due_at']} ({when})")
    if data.get("log"):
        lines.append("  log:")
        for entry in data["log"]:
            lines.append(f"    {entry['at']}  {entry['by']}  {incidents.describe_entry(entry)}")
    return "\n".join(lines)


def cmd_incident(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services import incidents

    console = _open(args)
    try:
        action = args.incident_command
        if action == "declare":
            new_id, _ = incidents.declare(
                console,
                level=args.level,
                title=args.title,
                systems=args.system,
                scenario=args.scenario,
                exercise=args.exercise,
                reported_at=args.reported_at,
            )
            out.emit({"id": new_id}, new_id)
        elif action == "list":
            rows = incidents.list_incidents(console)
            human = "\n".join(
                f"{r['id']}  {r['level']:<3} {r['status']:<8} {r['title']}"
                + ("  [EXERCISE 演练]" if r["exercise"] else "")
                for r in rows
            )
            out.emit(rows, human or "No incidents.")
        elif action == "show":
            data = incidents.show(console, args.id)
            out.emit(data, _format_incident(data))
        elif action == "log":
            incidents.log(console, args.id, args.text, kind=args.kind, corrects=args.corrects)
            out.emit({"id": args.id, "logged": True}, "Logged.")
        elif action == "level":
            incidents.change_level(console, args.id, args.level, args.reason)
            out.emit({"id": args.id, "level": args.level}, f"{args.id} is now level {args.level}.")
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
                f"{args.system.upper()} is {args.status}.",
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
            out.emit({"id": args.id, "reported": True}, "Report recorded.")
        elif action == "resolve":
            incidents.resolve(console, args.id)
            out.emit({"id": args.id, "status": "resolved"}, f"{args.id} resolved.")
        elif action == "close":
            incidents.close(console, args.id, override=args.override)
            out.emit({"id": args.id, "status": "closed"}, f"{args.id} closed.")
        return EXIT_OK
    finally:
        console.close()


def _or_unknown(value: int | None) -> str:
    return "?" if value is None else str(value)


def cmd_forms(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services import forms
    from hisconsole.services.console import ServiceError

    console = _open(args)
    try:
        action = args.forms_command
        if action == "list":
            loaded, problems = forms.templates(console)
            for problem in problems:
                print(f"hisconsole: skipped a bad form template: {problem}", file=sys.stderr)
            rows = [
                {
                    "code": t.code,
                    "version": t.version,
                    "title": {"zh": t.title.zh, "en": t.title.en},
                    "page": t.page.size,
                }
                for t in loaded.values()
            ]
            human = "\n".join(
                f"{r['code']:<18} v{r['version']}  {r['title']['zh']} / {r['title']['en']}"
                for r in rows
            )
            out.emit(rows, human)
        elif action == "print":
            serials = forms.print_to_file(
                console,
                args.template,
                args.copies,
                args.out,
                incident=args.incident,
                lang=args.lang,
                department=args.department,
            )
            span = serials[0] if len(serials) == 1 else f"{serials[0]} .. {serials[-1]}"
            out.emit(serials, f"Printed {len(serials)} sheet(s) {span} to {args.out}")
        elif action == "backenter":
            status = "void" if args.void else "entered"
            result = forms.set_status(
                console, args.serial, status, his_ref=args.his_ref, reason=args.reason
            )
            human = f"{len(result.changed)} sheet(s) marked {status}"
            if result.already:
                human += f"; {len(result.already)} already were"
            out.emit(result.as_dict(), human + ".")
        elif action == "stock":
            for item in args.count:
                code, _, number = item.partition("=")
                if not number.isdigit():
                    raise ServiceError(f"--count {item!r}: write it as TEMPLATE=N, e.g. mar=200")
                forms.count_stock(console, code, int(number))
            rows = forms.stock(console, args.wards)
            human = "\n".join(
                f"{r['template']:<18} on hand {_or_unknown(r['on_hand']):>5}"
                f"   8-hour need {r['need_8h']:>5}" + ("   LOW" if r["low"] else "")
                for r in rows
            )
            out.emit(rows, human)
        elif action == "outstanding":
            rows = forms.outstanding(console, args.incident)
            human = "\n".join(
                f"{g['count']:>4} x {g['template']:<16} {g['incident'] or 'pre-printed':<22} "
                f"{g['department'] or '-':<12} oldest {g['age_hours']} h"
                for g in forms.outstanding_summary(console, args.incident)
            )
            if rows:
                human += "\n" + " ".join(r["serial"] for r in rows)
            out.emit([r["serial"] for r in rows], human or "No sheets outstanding.")
        return EXIT_OK
    finally:
        console.close()


def cmd_report(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services import reports

    console = _open(args)
    try:
        if args.command == "cap":
            reports.write_cap(console, args.id, args.out)
            out.emit({"id": args.id, "file": str(args.out)}, f"CAP alert written to {args.out}")
        else:
            reports.write_report(console, args.id, args.kind, args.out)
            out.emit(
                {"id": args.id, "kind": args.kind, "file": str(args.out)},
                f"{args.kind.capitalize()} report written to {args.out}",
            )
        return EXIT_OK
    finally:
        console.close()


def cmd_contacts(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services import contacts
    from hisconsole.services.files import write_atomically

    console = _open(args)
    try:
        if args.command == "calltree":
            pdf = contacts.call_tree_pdf(console, tree=args.tree, page=args.page, lang=args.lang)
            write_atomically(args.out, pdf)
            out.emit({"file": str(args.out)}, f"Call tree written to {args.out}")
        elif args.contacts_command == "region":
            if args.code:
                contacts.set_region(console, args.code)
            code = contacts.region(console)
            out.emit({"region": code}, f"Phone numbers without a country code are read as {code}.")
        elif args.contacts_command == "export":
            count = contacts.export_file(console, args.file)
            out.emit(
                {"file": str(args.file), "contacts": count},
                f"{count} contacts written to {args.file}",
            )
        else:
            preview = contacts.preview_import(console, args.file)
            data = {
                "added": [a.key for a in preview.adds],
                "changed": [a.key for a in preview.changes],
                "skipped": [
                    {"contact": a.contact.label(), "reason": a.reason} for a in preview.skips
                ],
                "warnings": preview.warnings,
                "problems": preview.problems,
                "written": not args.dry_run,
            }
            lines = [preview.summary()]
            lines += [f"  add: {a.contact.label()}" for a in preview.adds]
            for action in preview.changes:
                fields = ", ".join(c.field for c in action.changes)
                lines.append(f"  change: {action.contact.label()} ({fields})")
            lines += [f"  skip: {a.contact.label()}: {a.reason}" for a in preview.skips]
            lines += [f"  warning: {w}" for w in preview.warnings]
            lines += [f"  problem: {p}" for p in preview.problems]
            if not args.dry_run:
                contacts.apply_import(console, preview)
                lines.append("Imported.")
            else:
                lines.append("Dry run: nothing was written.")
            out.emit(data, "\n".join(lines))
        return EXIT_OK
    finally:
        console.close()


def cmd_kit(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services import kit
    from hisconsole.services.files import write_atomically

    console = _open(args)
    try:
        result = kit.downtime_kit(
            console,
            incident=args.incident,
            scenario=args.scenario,
            level=args.level,
            wards=args.wards,
            lang=args.lang,
        )
        write_atomically(args.out, result.pdf)
        serials = kit.record_kit(console, result)
        out.emit(
            {"file": str(args.out), "serials": serials},
            f"Downtime kit written to {args.out} ({len(serials)} numbered sheets)",
        )
        return EXIT_OK
    finally:
        console.close()


def cmd_check(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services.maintenance import check

    console = _open(args)
    try:
        report = check(console)
    finally:
        console.close()
    if report.ok:
        human = f"OK: {report.events} events from {report.origins} device(s); projections match."
    else:
        human = "PROBLEMS FOUND:\n" + "\n".join(f"  {p}" for p in report.problems)
    out.emit(report.as_dict(), human)
    return EXIT_OK if report.ok else EXIT_CHECK_FAILED


def cmd_backup(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services.maintenance import backup

    console = _open(args)
    try:
        size = backup(console, args.out)
    finally:
        console.close()
    out.emit({"file": str(args.out), "bytes": size}, f"Backup written to {args.out} ({size} bytes)")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.services.maintenance import restore
    from hisconsole.services.paths import resolve_data_dir

    safety = restore(resolve_data_dir(args.data_dir), args.file)
    out.emit(
        {"restored_from": str(args.file), "previous_database": str(safety)},
        f"Restored from {args.file}. The previous database was kept in {safety}.",
    )
    return EXIT_OK


def cmd_gui(args: argparse.Namespace, out: _Output) -> int:
    from hisconsole.ui.app import run

    return run(data_dir=args.data_dir, quit_after_show=getattr(args, "quit_after_show", False))


COMMANDS: dict[str, Callable[[argparse.Namespace, _Output], int]] = {
    "gui": cmd_gui,
    "init": cmd_init,
    "plan": cmd_plan,
    "incident": cmd_incident,
    "forms": cmd_forms,
    "contacts": cmd_contacts,
    "calltree": cmd_contacts,
    "kit": cmd_kit,
    "report": cmd_report,
    "cap": cmd_report,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    out = _Output(args.json)
    command = args.command or "gui"
    if command == "gui" and not hasattr(args, "quit_after_show"):
        args.quit_after_show = False
    from hisconsole.services.errors import USER_ERRORS

    try:
        return COMMANDS[command](args, out)
    except BrokenPipeError:
        # Output piped into e.g. `head`: the work is done; exit quietly.
        sys.stderr.close()
        return EXIT_OK
    except USER_ERRORS as exc:
        print(f"hisconsole: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("hisconsole: interrupted", file=sys.stderr)
        return 130
