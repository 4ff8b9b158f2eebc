"""The check command: database integrity, signatures, sequences, projections."""

from __future__ import annotations

import argparse
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_CHECK_FAILED, EXIT_OK, Output
from hisconsole.i18n import gettext as _
from hisconsole.i18n import term


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    sub.add_parser("check", parents=[common], help=_("verify database integrity and the event log"))
    return {
        "check": cmd_check,
    }


def cmd_check(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.cli.progress import on_terminal
    from hisconsole.services.maintenance import (
        STAGE_COMPARE,
        STAGE_FILE,
        STAGE_LOG,
        STAGE_REBUILD,
        check,
        check_file,
    )
    from hisconsole.services.paths import resolve_data_dir
    from hisconsole.store.db import database_path
    from hisconsole.store.errors import DatabaseCorrupt

    try:
        console = open_console(args, verify=False)
    except DatabaseCorrupt:
        # Too damaged to open: SQLite's own check still says what and where.
        report = check_file(database_path(resolve_data_dir(args.data_dir)))
    else:
        bar = on_terminal(
            {
                STAGE_FILE: _("Checking the database file"),
                STAGE_LOG: _("Checking each laptop's sequence"),
                STAGE_REBUILD: _("Checking signatures, rebuilding the projections"),
                STAGE_COMPARE: _("Comparing the projections"),
            }
        )
        try:
            report = check(console, progress=bar)
        finally:
            if bar is not None:
                bar.close()
            console.close()
    if report.ok:
        human = _(
            "OK: {events} events from {origins} device(s), signatures and "
            "sequences verified; projections match."
        ).format(events=report.events, origins=report.origins)
    else:
        lines = [_("PROBLEMS FOUND:")]
        bad = report.first_bad
        if bad is not None:
            lines.append(
                _("First bad event: device {device}, #{seq}, {kind} ({problem})").format(
                    **{**bad, "problem": term("check problem", bad["problem"])}
                )
            )
        human = "\n".join(lines + [f"  {p.said()}" for p in report.problems])
        if report.way_back:
            # --json keeps the English sentence; people read it in their language.
            human += "\n" + _("The database file is damaged.") + "\n" + _(report.way_back)
    if report.unsigned:
        human += "\n" + _(
            "{count} event(s) written before signing existed could not be verified."
        ).format(count=report.unsigned)
    human += "".join("\n" + _("Note: {note}").format(note=n.said()) for n in report.notes)
    out.emit(report.as_dict(), human)
    return EXIT_OK if report.ok else EXIT_CHECK_FAILED
