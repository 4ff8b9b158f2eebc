"""The check command: database integrity, signatures, sequences, projections."""

from __future__ import annotations

import argparse
from typing import Any

from hisconsole.cli.options import Handler, open_console
from hisconsole.cli.output import EXIT_CHECK_FAILED, EXIT_OK, Output


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    sub.add_parser("check", parents=[common], help="verify database integrity and the event log")
    return {
        "check": cmd_check,
    }


def cmd_check(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.maintenance import check, check_file
    from hisconsole.services.paths import resolve_data_dir
    from hisconsole.store.db import database_path
    from hisconsole.store.errors import DatabaseCorrupt

    try:
        console = open_console(args, verify=False)
    except DatabaseCorrupt:
        # Too damaged to open: SQLite's own check still says what and where.
        report = check_file(database_path(resolve_data_dir(args.data_dir)))
    else:
        try:
            report = check(console)
        finally:
            console.close()
    if report.ok:
        human = (
            f"OK: {report.events} events from {report.origins} device(s), signatures and "
            "sequences verified; projections match."
        )
    else:
        lines = ["PROBLEMS FOUND:"]
        bad = report.first_bad
        if bad is not None:
            lines.append(
                f"First bad event: device {bad['device']}, #{bad['seq']}, {bad['kind']} "
                f"({bad['problem']})"
            )
        human = "\n".join(lines + [f"  {p}" for p in report.problems])
        if report.way_back:
            human += f"\nThe database file is damaged.\n{report.way_back}"
    if report.unsigned:
        human += (
            f"\n{report.unsigned} event(s) written before signing existed could not be verified."
        )
    human += "".join(f"\nNote: {n}" for n in report.notes)
    out.emit(report.as_dict(), human)
    return EXIT_OK if report.ok else EXIT_CHECK_FAILED
