"""The parser and ``main``: builds every command group's subcommands and runs one."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from hisconsole import __version__, i18n, logs
from hisconsole.cli.options import Handler, Parser, global_options
from hisconsole.cli.output import EXIT_BUG, EXIT_ERROR, EXIT_OK, Output
from hisconsole.errors import KnownError
from hisconsole.i18n import gettext as _

# The command groups (modules of hisconsole.cli), in the order they appear in
# ``hisconsole --help``, each with the commands it registers: a command builds only its
# own group's parsers and imports only its module (tests/unit/test_cli.py checks the
# commands against what each group registers).
GROUPS: dict[str, tuple[str, ...]] = {
    "database": ("init", "backup", "restore"),
    "plan": ("plan",),
    "contacts": ("contacts", "calltree"),
    "incident": ("incident",),
    "command": ("roster", "tasks"),
    "forms": ("forms",),
    "numbers": ("numbers",),
    "printing": ("printers",),
    "reports": ("kit", "report", "cap"),
    "drill": ("drill",),
    "review": ("review",),
    "sync": ("bundle", "sync", "device", "trust", "conflicts"),
    "mesh": ("mesh",),
    "check": ("check",),
    "alerts": ("alerts",),
    "readiness": ("readiness", "resources"),
}
_GROUP_OF = {command: group for group, commands in GROUPS.items() for command in commands}


def cmd_gui(args: argparse.Namespace, out: Output) -> int:
    from hisconsole.ui.app import run

    return run(
        data_dir=args.data_dir,
        quit_after_show=getattr(args, "quit_after_show", False),
        quit_when_ready=getattr(args, "quit_when_ready", False),
        wall=getattr(args, "wall", False),
    )


def _build(
    groups: tuple[str, ...] = tuple(GROUPS),
) -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The parser with the subcommands of ``groups`` (all by default) and their handlers."""
    common = Parser(add_help=False)
    global_options(common, suppress=True)
    parser = Parser(
        prog="hisconsole",
        description=_("HIS Console — offline emergency console for hospital IT downtime."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"hisconsole {__version__}",
        # argparse's own help for it is not in its catalogue (a plain string in argparse.py)
        help=_("show program's version number and exit"),
    )
    global_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", parents=[common], help=_("open the console window (the default)"))
    gui.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    gui.add_argument(
        "--wall",
        action="store_true",
        help=_("the read-only wall display, full screen, for a projector (Esc leaves full screen)"),
    )
    # For the start-up benchmark: prints the CPU time at the first paint and once the
    # dashboard shows the plan and the situation, then quits.
    gui.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    handlers: dict[str, Handler] = {"gui": cmd_gui}
    for group in groups:
        module = importlib.import_module(f"hisconsole.cli.{group}")
        handlers.update(module.register(sub, common))
    return parser, handlers


class _NotPlain(Exception):
    """The words before the command are not plain global options (help, a typo …)."""


class _Scout(Parser):
    def error(self, message: str) -> NoReturn:
        raise _NotPlain(message)


def _scout(argv: Sequence[str]) -> tuple[tuple[str, ...], i18n.Language]:
    """The groups to build for ``argv``, and the language of the messages.

    Groups: the one registering its command when the command is named after plain global
    options; none for the window (``gui``, or plain global options and no command: the
    window's start waits for the parser); all of them otherwise (help, an unknown command,
    a mistake), so what argparse prints then is the whole command line's. Language:
    ``--lang`` before the command, else the locale's (``LC_ALL`` / ``LC_MESSAGES`` /
    ``LANG``)."""
    scout = _Scout(add_help=False)
    global_options(scout, suppress=False)
    # From the command on, every word is the command's (its own --lang is the paper's).
    scout.add_argument("rest", nargs=argparse.REMAINDER)
    try:
        known, unknown = scout.parse_known_args(argv)
    except _NotPlain:
        return tuple(GROUPS), i18n.language_from_environment()
    lang = known.message_lang or i18n.language_from_environment()
    # Only global options may stand before the command: anything unknown there (-h,
    # --version) is for the whole parser.
    if not unknown and (not known.rest or known.rest[0] == "gui"):
        return (), lang
    group = _GROUP_OF.get(known.rest[0]) if known.rest and not unknown else None
    return ((group,) if group is not None else tuple(GROUPS)), lang


def build_parser() -> argparse.ArgumentParser:
    """The whole command line's parser (for help output and tests)."""
    return _build()[0]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit code. Known errors print their message; bugs are logged."""
    words = sys.argv[1:] if argv is None else list(argv)
    groups, lang = _scout(words)
    # The language is decided before the parser is built: its help and its refusals,
    # argparse's own lines too (hisconsole/cli/options.py), are said in it.
    i18n.set_language(lang)
    parser, handlers = _build(groups)
    args = parser.parse_args(words)
    names = [str(name) for name in _file_names(args)]
    if any("\x00" in name for name in names):
        # Only a caller of main() can pass one (a shell cannot); the file calls would
        # raise on it, far from the cause. A text holding one is refused by the event
        # schema, which names the field.
        parser.error(_("a file or folder name holds a NUL character, which no name can hold"))
    if os.name == "posix" and any(
        len(os.fsencode(part)) > _NAME_MAX for name in names for part in Path(name).parts
    ):
        parser.error(_("a file or folder name is longer than 255 bytes, which no disk accepts"))
    out = Output(args.json)
    command = args.command or "gui"
    if command == "gui" and not hasattr(args, "quit_after_show"):
        args.quit_after_show = False
    try:
        # Imported here: the services pull in the database layer, which --help does without.
        from hisconsole.services.paths import resolve_data_dir

        logs.attach(resolve_data_dir(args.data_dir))
        return handlers[command](args, out)
    except BrokenPipeError:
        # Output piped into e.g. `head`: the work is done; exit quietly.
        sys.stderr.close()
        return EXIT_OK
    except KnownError as exc:
        logs.logger.info("hisconsole %s refused (%s): %s", command, exc.code, exc)
        print(f"hisconsole: {i18n.render(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("hisconsole: " + _("interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: the one place the command line decides so
        _report_bug(exc, command)
        return EXIT_BUG
    finally:
        logs.detach()


#: The longest file or folder name (one part of a path) in bytes on Linux and macOS file
#: systems (Windows counts 255 UTF-16 units: a Chinese name may be longer in bytes there).
_NAME_MAX = 255


def _file_names(args: argparse.Namespace) -> Iterator[object]:
    """The file and folder names on the command line: --data-dir and every path argument."""
    yield getattr(args, "data_dir", None) or ""
    for value in vars(args).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Path):
                yield item


def _report_bug(exc: Exception, command: str) -> None:
    """One line on stderr naming the log that holds the traceback (or the traceback
    itself when the log cannot be written)."""
    written = logs.log_bug(exc, where=f"hisconsole {command}")
    what = f"{type(exc).__name__}: {exc}"
    if written is not None:
        print(
            "hisconsole: "
            + _(
                "unexpected error (a bug), nothing more was done: {error}. "
                "The details are in {file}"
            ).format(error=what, file=written),
            file=sys.stderr,
        )
    else:
        traceback.print_exception(exc, file=sys.stderr)
        print(
            "hisconsole: " + _("unexpected error (a bug): {error}").format(error=what),
            file=sys.stderr,
        )
