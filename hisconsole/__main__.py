"""Entry point for ``python -m hisconsole`` and the ``hisconsole`` launcher."""

from __future__ import annotations

import sys


def main() -> int:
    from hisconsole.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
