"""Commands for the local database: init, backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, open_for_rescue
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.i18n import gettext as _


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Add this group's commands to ``sub``; returns command name -> handler."""
    init = sub.add_parser("init", parents=[common], help=_("create or upgrade the local database"))
    init.add_argument("--demo", action="store_true", help=_("also load sample contacts"))
    backup = sub.add_parser("backup", parents=[common], help=_("write a copy of the database"))
    backup.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=_("the backup file to write")
    )
    restore = sub.add_parser(
        "restore", parents=[common], help=_("replace the database from a backup")
    )
    restore.add_argument(
        "file", type=Path, metavar="FILE", help=_("a backup written by 'hisconsole backup'")
    )
    return {
        "init": cmd_init,
        "backup": cmd_backup,
        "restore": cmd_restore,
    }


def cmd_init(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.paths import resolve_data_dir
    from hisconsole.services.setup import open_or_initialise

    console, result = open_or_initialise(resolve_data_dir(args.data_dir), demo=args.demo)
    console.close()
    lines = [
        _("Console ready in {folder}").format(folder=result.data_dir),
        _("Plan version: v{version}").format(version=result.plan_version),
    ]
    if result.plan_loaded:
        lines.append(_("Loaded the bundled default plan."))
    if args.demo:
        lines.append(
            _("Demo contacts added: {contacts}; call trees: {trees}").format(
                contacts=result.contacts_added, trees=result.call_trees_added
            )
        )
    out.emit(result.as_dict(), "\n".join(lines))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.maintenance import backup

    console = open_for_rescue(args, out)  # a damaged database may still be saved
    try:
        size = backup(console, args.out)
    finally:
        console.close()
    out.emit(
        {"file": str(args.out), "bytes": size},
        _("Backup written to {file} ({size} bytes)").format(file=args.out, size=size),
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.maintenance import restore
    from hisconsole.services.paths import resolve_data_dir

    safety = restore(resolve_data_dir(args.data_dir), args.file)
    out.emit(
        {"restored_from": str(args.file), "previous_database": str(safety)},
        _("Restored from {file}. The previous database was kept in {safety}.").format(
            file=args.file, safety=safety
        ),
    )
    return EXIT_OK
