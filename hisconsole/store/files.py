"""The one way files leave the console: every byte checked, synced and renamed into place.

Every output (PDF, bundle, backup, export, CAP, key, trust list) is written to a
temporary file next to its target, each write is checked (a short write is finished,
a write that makes no progress is a full disk), the file and then its folder are
fsynced, and only then does it take the target's name. Callers record what they
issued after the file is in place, so a full disk or a bad path records nothing.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from hisconsole.errors import N_
from hisconsole.store.errors import StoreError

# The user's words for why a file operation failed (catalogue ids: an error's ``reason``
# or ``strerror`` parameter is shown in the reader's language, see hisconsole.i18n.render).
_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EFBIG: N_("the file is too large for this disk"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOENT: N_("the folder does not exist"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EIO: N_("the disk reported an input/output error"),
}
#: The operating system's own words (``OSError.strerror``) that reach a user, so that the
#: catalogue can give them in Chinese.
OS_REASONS = (
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("No space left on device"),
    N_("Read-only file system"),
    N_("File exists"),
    N_("File name too long"),
    N_("Input/output error"),
    N_("Disk quota exceeded"),
    N_("File too large"),
    N_("Operation not permitted"),
    N_("Device or resource busy"),
)


class FileWriteError(StoreError):
    """A file could not be written; nothing was left behind and nothing recorded."""

    code = "storage.file-write"
    template = "Cannot write {path}: {reason}. Nothing was written."

    def __init__(self, path: Path, reason: str, **fields: object) -> None:
        """``reason``: a catalogue text, its ``{fields}`` given as keywords."""
        self.path = path
        self.reason = reason.format(**fields)
        super().__init__(path=path, reason=reason, **fields)


def reason_of(exc: OSError) -> str:
    """The user's words for why a write failed."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc)


def read_reason(exc: OSError | UnicodeDecodeError) -> str:
    """The user's words for why a file could not be read (a catalogue text, for an error's
    ``reason``): the operating system's, or that it is not UTF-8 text."""
    if isinstance(exc, UnicodeDecodeError):
        return N_("the file is not UTF-8 text")
    return exc.strerror or str(exc)


def check_target(path: Path) -> Path:
    """``path`` made absolute, refused before any work if it cannot be a new file."""
    path = Path(os.path.abspath(path.expanduser()))
    if path.is_dir():
        raise FileWriteError(path, N_("it is a folder; give a file name"))
    folder = path.parent
    if not folder.exists():
        # exists() is False both for a missing folder and a path through a file.
        probe = folder
        while not probe.exists():
            probe = probe.parent
        if not probe.is_dir():
            raise FileWriteError(path, N_("{folder} is not a folder"), folder=probe)
        raise FileWriteError(path, N_("the folder {folder} does not exist"), folder=folder)
    if not folder.is_dir():
        raise FileWriteError(path, N_("{folder} is not a folder"), folder=folder)
    return path


class OutputFile:
    """The temporary file being written; ``write`` writes all of ``data`` or raises."""

    def __init__(self, fd: int, tmp: Path) -> None:
        self._fd = fd
        self.tmp = tmp

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        while view:
            written = os.write(self._fd, view)
            if written <= 0:
                # No error and no progress: what a full disk looks like on some systems.
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]
        return len(data)


@contextlib.contextmanager
def output_file(path: Path, *, mode: int = 0o644, exclusive: bool = False) -> Iterator[OutputFile]:
    """Write ``path`` through an :class:`OutputFile`; on leaving without error the file is
    synced and in place. Any failure removes the temporary file and raises FileWriteError.

    ``exclusive``: refuse to replace an existing file (keys must never be overwritten).
    """
    path = check_target(path)
    if exclusive and path.exists():
        raise FileWriteError(path, N_("a file of that name already exists"))
    _remove_stale(path)
    try:
        import tempfile  # here: most commands write no file

        fd, name = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}-", suffix=".partial", dir=path.parent
        )
    except OSError as exc:
        raise FileWriteError(path, reason_of(exc)) from exc
    tmp = Path(name)
    try:
        try:
            os.chmod(tmp, mode)  # (os.fchmod is POSIX-only before Python 3.13)
            out = OutputFile(fd, tmp)
            yield out
            os.fsync(fd)
        finally:
            os.close(fd)
        if exclusive:
            os.link(tmp, path)  # fails if the name was taken meanwhile
            tmp.unlink()
        else:
            os.replace(tmp, path)
        _sync_folder(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileWriteError(path, reason_of(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomically(
    path: Path, data: bytes, *, mode: int = 0o644, exclusive: bool = False
) -> None:
    """Write ``data`` to ``path`` durably (see :func:`output_file`)."""
    with output_file(path, mode=mode, exclusive=exclusive) as out:
        out.write(data)


def _remove_stale(path: Path) -> None:
    """Remove what writers of ``path`` that were killed left behind (their temporary file
    names carry their process id; a live writer's file is left alone)."""
    if os.name != "posix":
        return
    import glob

    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*-*.partial"):
        pid_text = tmp.name[len(path.name) + 2 :].split("-", 1)[0]
        if not pid_text.isdigit():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                tmp.unlink()
        except OSError:
            continue  # alive, another user's


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: fsync the folder; Windows cannot)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
