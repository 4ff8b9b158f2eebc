"""Commands for the local database: init, backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hisconsole.cli.options import Handler, open_for_rescue
from hisconsole.cli.output import EXIT_OK, Output
from hisconsole.errors import N_
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
        "file",
        type=Path,
        nargs="?",
        metavar="FILE",
        help=_("a backup written by 'hisconsole backup'"),
    )
    restore.add_argument(
        "--alone",
        action="store_true",
        help=_(
            "no other laptop or hub holds this laptop's entries: record again at once "
            "(without FILE: after a restore)"
        ),
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
        _("Backup written to {file} ({size} bytes)").format(file=args.out, size=size)
        + "\n"
        + _(
            "It holds the data, not this laptop's device key: keep a copy of {key} with it, "
            "somewhere safe."
        ).format(key=console.key_file),
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.services.console import ServiceError
    from hisconsole.services.maintenance import record_alone, restore
    from hisconsole.services.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    if args.file is None:
        if not args.alone:
            raise ServiceError(N_("Name the backup to restore: 'hisconsole restore FILE'."))
        waited = record_alone(data_dir)
        out.emit(
            {"catching_up": False, "was_catching_up": waited},
            _(
                "This laptop records again. Should another laptop or the hub still hold "
                "entries it wrote after the backup, they will not come back: new entries "
                "take their numbers."
            )
            if waited
            else _("This laptop was not waiting to take back its entries; nothing was changed."),
        )
        return EXIT_OK
    safety = restore(data_dir, args.file, alone=args.alone)
    human = _("Restored from {file}. The previous database was kept in {safety}.").format(
        file=args.file, safety=safety
    )
    if not args.alone:
        human += "\n" + _(
            "Next, take in what the other laptops or the hub hold: import a bundle exported "
            "on each of them ('hisconsole bundle import FILE') or sync with the hub "
            "('hisconsole sync'). This laptop's own entries since the backup come back with "
            "them; until then it records nothing. If no other laptop or hub has any of its "
            "entries: 'hisconsole restore --alone'."
        )
    out.emit(
        {
            "restored_from": str(args.file),
            "previous_database": str(safety),
            "catching_up": not args.alone,
        },
        human,
    )
    return EXIT_OK
