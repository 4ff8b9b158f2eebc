"""The alerts command: what needs attention now, and acknowledging an alert."""

from __future__ import annotations

import argparse
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.errors import N_
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime

#: An alert's severity (services/alerts.py) in words; the code stays in --json.
_SEVERITY = {"urgent": N_("URGENT"), "warning": N_("WARNING")}


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    parser = sub.add_parser(
        "alerts", parents=[common], help=_("what needs attention now (reports due, call-outs, …)")
    )
    actions = parser.add_subparsers(dest="alerts_command", metavar="ACTION")
    actions.add_parser("list", parents=[common], help=_("the current alerts (the default)"))
    ack = actions.add_parser(
        "ack", parents=[common], help=_("acknowledge an alert: you have seen it")
    )
    ack.add_argument("key", metavar="KEY", help=_("the alert's key, as 'alerts list' shows it"))
    return {"alerts": cmd_alerts}


def cmd_alerts(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services import alerts

    console = open_console(args)
    try:
        if args.alerts_command == "ack":
            alerts.acknowledge(console, args.key)
            out.emit({"key": args.key, "acknowledged": True}, _("Acknowledged."))
            return EXIT_OK
        found = alerts.current(console).alerts
    finally:
        console.close()
    lines = []
    for item in found:
        seen = (
            "  "
            + _("(acknowledged by {person} at {time})").format(
                person=item.acknowledged_by, time=format_datetime(item.acknowledged_at)
            )
            if item.acknowledged
            else ""
        )
        lines.append(
            f"{_(_SEVERITY[item.severity]) if item.severity in _SEVERITY else item.severity:<8} "
            f"{alerts.describe(item)}{seen}\n         {item.key}"
        )
    out.emit([a.as_dict() for a in found], "\n".join(lines) or _("No alerts."))
    return EXIT_OK
