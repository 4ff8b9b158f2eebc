"""What every command shares: the global options, the handler type, opening the console."""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from hisconsole.cli.output import Output
from hisconsole.domain.glossary import ROLES
from hisconsole.i18n import LANGUAGES, PRINT_LANGUAGES, ngettext
from hisconsole.i18n import gettext as _

Handler = Callable[[argparse.Namespace, Output], int]

# argparse says its own words (usage:, error:, "invalid choice", "the following arguments
# are required", the "options" heading) through gettext.gettext and ngettext, which it binds
# at its import as argparse._ and argparse.ngettext. Pointed at our catalogue, which holds
# argparse's messages (hisconsole/i18n/extract.py takes them from argparse's own source),
# they speak the console's language like the rest of the command line.
argparse._ = _  # type: ignore[attr-defined]
argparse.ngettext = ngettext  # type: ignore[attr-defined]


class LazyHelp(str):
    """Help text computed only when help is shown (e.g. read from the bundled plan), so
    that running a command does not pay for it."""

    render: Callable[[], str]

    def __new__(cls, render: Callable[[], str]) -> LazyHelp:
        # The placeholder only tells argparse there is help; the formatter renders it.
        text = super().__new__(cls, "…")
        text.render = render
        return text


#: A piece of text a line may break after: a Chinese character (with the punctuation that
#: must not begin a line), a run of other non-space characters, or spaces.
_PIECE = re.compile(
    r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
    r"[，。、；：！？）》」』】\u3001\u3002\uff09\uff0c\uff1a\uff1b]*"
    r"|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+"
)


def _columns(text: str) -> int:
    """How wide ``text`` shows in a terminal: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines at most ``width`` columns wide (textwrap counts characters, and
    breaks only at spaces: Chinese help would run off the terminal)."""
    lines: list[str] = []
    line, used = "", 0
    for piece in _PIECE.findall(text):
        if piece.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        size = _columns(piece)
        if line.strip() and used + size > width:
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + piece, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    class _Section(argparse.HelpFormatter._Section):
        def format_help(self) -> str:
            # argparse ends a heading with an ASCII colon of its own; the catalogue says
            # how a heading ends in the reader's language (位置参数：).
            said = str(super().format_help())
            heading = self.heading
            if heading is None or heading == argparse.SUPPRESS:
                return said
            ended = _("{heading}:").format(heading=heading)
            return said.replace(f"{heading}:\n", f"{ended}\n", 1)

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        # argparse lines the usage's later lines up by the prefix's characters; 用法：
        # shows wider than it has characters: move them under the first one's options.
        prefix = _("usage: ") if prefix is None else prefix
        said = super()._format_usage(usage, actions, groups, prefix)
        shift = _columns(prefix) - len(prefix)
        if shift <= 0:
            return said
        first, *rest = said.split("\n")
        return "\n".join([first, *(" " * shift + line if line else line for line in rest)])

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(
            indent + line for line in wrap(" ".join(text.split()), width - len(indent))
        )

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if isinstance(action.help, LazyHelp):
            return action.help.render().replace("%", "%%")
        return action.help


class Parser(argparse.ArgumentParser):
    """The command line's parser; every subcommand's parser is one too (argparse makes
    subparsers of the parent's class), so lazy help works everywhere."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


@cache
def bundled_codes(section: str) -> tuple[str, ...]:
    """The codes of a section (``systems``, ``scenarios``) of the plan shipped with the program."""
    import yaml

    from hisconsole.resources import resource_path

    with resource_path("plan", "default-plan.yaml").open(encoding="utf-8") as handle:
        doc = yaml.safe_load(handle)
    return tuple(str(item["code"]) for item in doc.get(section, []))


def plan_code_help(section: str, what: str) -> LazyHelp:
    """Help for an argument naming a plan's system or scenario (``what``, already in the
    reader's language): the codes, listed."""
    return LazyHelp(
        lambda: _(
            "{what}: one of {codes} in the bundled plan (a code your plan lacks is refused "
            "with its list)"
        ).format(what=what, codes=", ".join(bundled_codes(section)))
    )


def call_tree_help() -> str:
    return _(
        "a call tree's code ('hisconsole calltree list' shows them; an unknown one is refused "
        "with the list)"
    )


def add_print_language(parser: argparse.ArgumentParser) -> None:
    """--lang zh|en|both for a printout (report, kit, plan print, calltree print, forms
    print and report, numbers labels): the language of the paper, not of the messages
    (that one goes before the command)."""
    parser.add_argument(
        "--lang",
        choices=PRINT_LANGUAGES,
        default="both",
        help=_("language of the printout: zh, en, or both (Chinese then English; the default)"),
    )


def global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Add --data-dir, --json, --operator, --role (and --lang, before the command).
    ``suppress`` is for the copy every subcommand gets, so an option given after the
    command does not reset one given before."""
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=_("where this laptop's data lives (else $HISCONSOLE_DATA_DIR, else the platform one)"),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=_("machine-readable output on stdout"),
    )
    parser.add_argument(
        "--operator",
        metavar="NAME",
        default=default,
        help=_("operator the command's events are attributed to (else the last one signed in)"),
    )
    if not suppress:
        # Only before the command: forms print, calltree print and kit have their own
        # --lang for the language of the paper.
        parser.add_argument(
            "--lang",
            dest="message_lang",
            choices=LANGUAGES,
            default=None,
            help=_("language of messages (default: from LC_ALL / LC_MESSAGES / LANG; zh_CN is zh)"),
        )
    parser.add_argument(
        "--role",
        choices=ROLES,
        default=default,
        help=_("that operator's role (else their last role on this laptop)"),
    )
    parser.add_argument(
        "--pin-fd",
        type=int,
        metavar="N",
        default=default,
        help=_(
            "read a PIN from file descriptor N when an act needs it: the operator's, or that "
            "of whoever signs in as commander (scripts; else it is asked on the terminal)"
        ),
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
    console.pin_source = lambda name: read_pin(args, _("PIN of {name}: ").format(name=name))
    return console


def open_for_rescue(args: argparse.Namespace, out: Output) -> Any:
    """The console for a command that only reads data out (backup, bundle export): a
    damaged database still opens, with a warning, so that what can be read is saved before
    the damaged file is restored or replaced."""
    from hisconsole import i18n
    from hisconsole.store.errors import DatabaseCorrupt

    try:
        return open_console(args)
    except DatabaseCorrupt as exc:
        out.note(
            _(
                "Warning: {problem} Reading out what can still be read; keep the damaged "
                "file until the copy is checked."
            ).format(problem=i18n.render(exc))
        )
        return open_console(args, verify=False)


def read_pin(args: argparse.Namespace, prompt: str) -> str | None:
    """The PIN from ``--pin-fd N`` (its first line), else asked on the terminal without
    echo, else None (nobody to ask: the act is refused and says so)."""
    fd = getattr(args, "pin_fd", None)
    if fd is not None:
        import os

        try:
            with os.fdopen(os.dup(fd), "r", encoding="utf-8", errors="surrogateescape") as pipe:
                return pipe.readline(1024).rstrip("\r\n")
        except OSError:
            return None
    import sys

    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            return getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            return None
    return None
