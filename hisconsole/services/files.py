"""Writing user files: the store's one checked writer, offered to the UI (which may not
import the store) and to the services."""

from __future__ import annotations

from hisconsole.store.files import FileWriteError, check_target, output_file, write_atomically

__all__ = ["FileWriteError", "check_target", "output_file", "write_atomically"]
