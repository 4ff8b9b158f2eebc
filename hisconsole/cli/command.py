"""Commands of a long outage: the command roster (``roster``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, EXIT_USAGE, Output
from hisconsole.domain import glossary
from hisconsole.i18n import current_language, term
from hisconsole.i18n import gettext as _

ROSTER_ACTIONS = ("sign-in", "sign-out")


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    roster = sub.add_parser(
        "roster",
        parents=[common],
        help="an incident's command roster: who holds which post (sign in, sign out)",
        description=(
            "roster [ID]: the posts and who holds them (default: the open incident); "
            "roster sign-in ROLE [--person NAME]; roster sign-out ROLE. "
            f"Posts: {', '.join(glossary.ROSTER_ROLES)}."
        ),
    )
    roster.add_argument(
        "words",
        nargs="*",
        metavar="[ID] | sign-in ROLE | sign-out ROLE",
        help="an incident's id to show its roster, or sign-in/sign-out and the post",
    )
    roster.add_argument(
        "--incident", metavar="ID", help="sign-in/sign-out: the incident (default: the open one)"
    )
    roster.add_argument(
        "--person", metavar="NAME", help="sign-in: who signs in (default: the operator)"
    )
    roster.add_argument("--note", default="", help="sign-in: a note for the log (the handover)")
    return {"roster": cmd_roster}


def _posts_text(console: Any, data: dict[str, Any]) -> str:
    from hisconsole.domain.plan import text
    from hisconsole.services import plan as plan_service

    lang = current_language()
    doc = plan_service.current_document(console) or {}
    names = {g["code"]: text(g["name"], lang) for g in doc.get("groups", [])}
    lines = [_("Command roster of {incident}").format(incident=data["incident"])]
    group = None
    for post in data["posts"]:
        if post["group"] != group:
            group = post["group"]
            lines.append(f"  {names.get(group, group)}")
        holder = (
            _("{person} (since {since})").format(person=post["person"], since=post["since"])
            if post["person"]
            else _("— vacant")
        )
        lines.append(f"    {term('roster role', post['role']):<24} {holder}")
    if data["history"]:
        lines.append(_("Shifts:"))
        for shift in data["history"]:
            end = shift["signed_out_at"] or _("on duty")
            line = f"  {shift['signed_in_at']} – {end}  {term('roster role', shift['role'])}  "
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
        print(
            "hisconsole: "
            + _("usage: roster [ID] | roster sign-in ROLE [--person NAME] | roster sign-out ROLE"),
            file=sys.stderr,
        )
        return EXIT_USAGE
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
