"""Entry point of the frozen program (PyInstaller): the same as ``python -m hisconsole``."""

from __future__ import annotations

import sys

from hisconsole.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
