"""What every command prints: JSON on stdout with ``--json``, else plain text; exit codes."""

from __future__ import annotations

import json
import sys
from typing import Any

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CHECK_FAILED = 3
#: A print job did not complete (stopped, cancelled, failed): its sheets are not printed.
EXIT_NOT_PRINTED = 4
#: An unexpected error (a bug, EX_SOFTWARE): logged with its traceback.
EXIT_BUG = 70


class Output:
    """Writes a command's result once: ``data`` as JSON with ``--json``, else ``human``."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, data: Any, human: str) -> None:
        if self.as_json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        elif human:
            print(human)

    def flush(self) -> None:
        """Push what was written out now (a long-running command's first words)."""
        sys.stdout.flush()

    def note(self, text: str) -> None:
        """Advice beside the result, on stderr: stdout stays the result scripts read."""
        if text:
            print(text, file=sys.stderr)
