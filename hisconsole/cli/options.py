"""What every command shares: the global options, the handler type, opening the console."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from hisconsole.cli.output import Output
from hisconsole.domain.glossary import ROLES

Handler = Callable[[argparse.Namespace, Output], int]


def global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Add --data-dir, --json, --operator, --role. ``suppress`` is for the copy every
    subcommand gets, so an option given after the command does not reset one given before."""
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


def open_console(args: argparse.Namespace, *, verify: bool = True) -> Any:
    """The console of ``--data-dir``, acting as ``--operator``/``--role`` when given.

    ``verify=False``: open a damaged database too (check reports the damage itself).
    """
    from hisconsole.services.console import Console, Operator
    from hisconsole.services.paths import resolve_data_dir

    console = Console.open(resolve_data_dir(args.data_dir), verify=verify)
    if args.operator or args.role:
        console.operator = Operator(
            args.operator or console.operator.name, args.role or console.operator.role
        )
    return console
