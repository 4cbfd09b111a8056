"""Atomic file writes: a temp file in the same folder, flushed and fsynced, then os.replace.

A crash or kill mid-save leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from nnstudio.errors import NNStudioError


def _target_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 (newlines as written) atomically."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise NNStudioError(f"cannot write {path}: the text has a character UTF-8 cannot store ({exc.reason})") \
            from None
    atomic_write_bytes(path, data)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise NNStudioError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        os.chmod(tmp, _target_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise NNStudioError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:  # an encoding error, KeyboardInterrupt, ...: never leave the temp file behind
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
