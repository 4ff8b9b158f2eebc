"""The command line: the same services as the GUI, for scripts and outside checks.

Every command takes ``--data-dir DIR`` and ``--json``. Errors go to stderr with
a non-zero exit code and change nothing.

Layout: ``entry`` builds the parser and runs ``main``; ``output`` writes results
(JSON or text) and holds the exit codes; ``options`` holds the global options,
the ``Handler`` type, ``open_console`` and the help helpers. Known errors
(``hisconsole.errors.KnownError``) print their message and exit 1; anything else
is a bug that ``entry.main`` logs (DATA_DIR/logs) and reports in one line (exit 70).
Every other module is one command group (``plan``, ``contacts``, ``incident``,
``forms``, ``printing``, ``reports``, ``sync``, ``alerts``, ``database``, ``check``).

To add a command group:
  1. create ``hisconsole/cli/<group>.py`` with
     ``register(sub, common) -> dict[str, Handler]``: it adds its subparsers
     (``sub.add_parser(NAME, parents=[common], help=...)``, every option with
     ``help=``: a test walks the parser; accepted codes go in ``choices=`` or,
     when they come from the plan, in ``options.plan_code_help``) and returns
     ``{NAME: handler}``;
  2. write each handler as ``cmd_<name>(args, out) -> int``: open the console
     with ``open_console(args)``, call services (imported inside the handler,
     so ``hisconsole --help`` stays fast), print once with
     ``out.emit(json_data, human_text)`` and return ``EXIT_OK``; raise the
     service's error for anything the user can fix;
  3. add the module, with the commands it registers, to ``GROUPS`` in ``entry.py``
     (a command builds only its own group) and a test in
     ``tests/unit/test_cli.py``; document the command in the README.
"""

from __future__ import annotations

from hisconsole.cli.entry import build_parser, main

__all__ = ["build_parser", "main"]
