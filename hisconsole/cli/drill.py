"""Drill commands: list scenarios, run one, its score card, the drill calendar."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.i18n import current_language
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    drill = sub.add_parser(
        "drill", parents=[common], help=_("drills (应急演练): run, score, calendar")
    )
    actions = drill.add_subparsers(dest="drill_action", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[common], help=_("the drill scenarios this console has"))
    run = actions.add_parser("run", parents=[common], help=_("play a drill scenario's injects"))
    run.add_argument("scenario", metavar="SCENARIO", help=_("a scenario's code or a scenario file"))
    run.add_argument(
        "--speed",
        type=int,
        default=1,
        metavar="N",
        help=_("1 = real time (default); up to 60 times faster for table-top runs"),
    )
    run.add_argument(
        "--until-end",
        action="store_true",
        help=_("play to the scenario's end, then end the drill and keep its score card"),
    )
    run.add_argument(
        "--calendar",
        metavar="CODE",
        help=_("the plan's drill-calendar entry (default: the nearest one for its playbook)"),
    )
    actions.add_parser("runs", parents=[common], help=_("the drills run, newest first"))
    end = actions.add_parser("end", parents=[common], help=_("end a drill and keep its score card"))
    end.add_argument("id", metavar="ID", help=_("the drill's id or its incident's id"))
    score = actions.add_parser("score", parents=[common], help=_("a drill's score card as PDF"))
    score.add_argument("id", metavar="ID", help=_("the drill's id or its incident's id"))
    score.add_argument("--out", type=Path, metavar="FILE.pdf", help=_("write the score card here"))
    score.add_argument(
        "--lang",
        dest="doc_lang",
        choices=("zh", "en", "both"),
        default="both",
        help=_("language of the PDF (default: both)"),
    )
    cal = actions.add_parser("calendar", parents=[common], help=_("drills planned, run and scored"))
    cal.add_argument("--ics", type=Path, metavar="FILE.ics", help=_("write it as iCalendar"))
    return {"drill": cmd_drill}


def cmd_drill(args: argparse.Namespace, out: Output) -> int:
    if args.drill_action == "list":
        return _list(out)
    console = open_console(args)
    try:
        return {
            "run": _run,
            "runs": _runs,
            "end": _end,
            "score": _score,
            "calendar": _calendar,
        }[args.drill_action](console, args, out)
    finally:
        console.close()


def _name(value: dict[str, str]) -> str:
    return value.get(current_language()) or value.get("zh", "")


def _list(out: Output) -> int:
    from hisconsole.services.drills import scenarios

    found = [scenarios.summary(doc) for doc in scenarios.bundled()]
    lines = [
        _(
            "{code}  {name} (playbook {playbook}, level {level}, {minutes} min, {injects} injects)"
        ).format(
            code=s["code"],
            name=_name(s["name"]),
            playbook=s["playbook"],
            level=s["level"],
            minutes=s["duration_minutes"],
            injects=s["injects"],
        )
        for s in found
    ]
    out.emit(found, "\n".join(lines))
    return EXIT_OK


def _run(console: Any, args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.drills import run

    drill = run.start(console, args.scenario, speed=args.speed, calendar=args.calendar)

    def arrived(code: str) -> None:
        if not args.json:
            out.note(_("inject arrived: {code}").format(code=code))

    state = run.play(console, drill, until_end=args.until_end, on_arrival=arrived)
    if state["state"] == run.ENDED:
        from hisconsole.services.drills import score

        state["score"] = score.card_of(console, drill)
    human = [
        _("Drill {drill} ({scenario}) at x{speed}: {state} at drill minute {minutes}.").format(
            drill=drill,
            scenario=state["scenario"],
            speed=state["speed"],
            state=state["state"],
            minutes=state["drill_minutes"],
        )
    ]
    waiting = [i["code"] for i in state["injects"] if i["state"].startswith("waiting")]
    if waiting:
        human.append(_("Waiting for the team's incident: {codes}").format(codes=", ".join(waiting)))
    if "score" in state:
        summary = state["score"]["summary"]
        human.append(_("Score: {met} met, {partly} partly, {not_met} not met.").format(**summary))
    out.emit(state, "\n".join(human))
    return EXIT_OK


def _runs(console: Any, args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.drills import run

    found = run.runs(console)
    lines = [
        f"{r['drill']}  {r['scenario']}  {format_datetime(r['started_at'])}  "
        + (r["incident"] or "-")
        + (
            "  " + _("{met} met, {partly} partly, {not_met} not met").format(**r["summary"])
            if r["summary"]
            else ""
        )
        for r in found
    ]
    out.emit(found, "\n".join(lines))
    return EXIT_OK


def _end(console: Any, args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.drills import run, score
    from hisconsole.services.drills.runs import drill_of

    drill = drill_of(console, args.id)
    run.end(console, drill)
    card = score.card_of(console, drill)
    out.emit(
        card,
        _("Drill {drill} ended. Score: {met} met, {partly} partly, {not_met} not met.").format(
            drill=drill, **card["summary"]
        ),
    )
    return EXIT_OK


def _score(console: Any, args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.drills import score

    if args.out is not None:
        card = score.write_pdf(console, args.id, args.out, args.doc_lang)
    else:
        card = score.card_of(console, args.id)
    lines = [
        f"{o['code']}: {o['result']} ({o['measured'] if o['measured'] is not None else '-'} "
        f"{o['unit']})"
        for o in card["objectives"]
    ]
    if args.out is not None:
        lines.append(_("Score card written to {file}").format(file=args.out))
    out.emit(card, "\n".join(lines))
    return EXIT_OK


def _calendar(console: Any, args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.drills import calendar

    entries = calendar.calendar(console)
    lines = [
        f"{e['date']}  {e['code'] or '-'}  {_name(e['name'])}  "
        + ", ".join(r["drill"] for r in e["runs"])
        for e in entries
    ]
    if args.ics is not None:
        count = calendar.write_ics(console, args.ics)
        lines.append(_("{count} drills written to {file}").format(count=count, file=args.ics))
    out.emit(entries, "\n".join(lines))
    return EXIT_OK
