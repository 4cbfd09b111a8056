"""Safe file writes: atomic, never through a device, never over a read-only file.

The bytes go to a temp file in the target's folder, which is flushed, fsynced and renamed over the
target (``os.replace``), so a crash or kill mid-save leaves either the old file or the new one, never
half of one. Before that the target is checked the way a shell's ``>`` would refuse it:

- a symbolic link is written through (its target is replaced; the link stays);
- a folder, device, pipe or socket is refused (only regular files are written);
- a read-only file is refused by its mode bits, even for root;
- the temp name fits the folder's name limit however long the target's name is, and temp files left by
  a killed writer of the same target are removed on the next write.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path

from nnstudio.core.i18n import tr
from nnstudio.errors import WriteError

NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows file systems
_PID_DIGITS = 7  # Linux pids go up to 4194304
_TEMP_EXTRA = len(".") * 2 + _PID_DIGITS + len("-") + 8 + len(".tmp")
LEGACY_STALE_SECONDS = 3600  # temp files of older versions carry no pid: removed once an hour old


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 (newlines as written) atomically."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise WriteError(tr("cannot write {path}: the text has a character UTF-8 cannot store ({reason})")
                         .format(path=path, reason=exc.reason)) \
            from None
    atomic_write_bytes(path, data)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    target = writable_target(path)
    _remove_stale_temps(target)
    tmp, fd = _create_temp(path, target)
    try:
        if _exists(target):
            os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))  # keep the file's permissions
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise WriteError(tr("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)) from None
    except BaseException:  # an encoding error, KeyboardInterrupt, ...: never leave the temp file behind
        _unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
        with contextlib.suppress(OSError):
            dir_fd = os.open(target.parent, os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def writable_target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` replaces (symbolic links followed), or WriteError saying why it may not
    be written: a folder, a device, pipe or socket, a read-only file, a missing folder."""
    shown = os.fspath(path)
    if not shown or shown.endswith(os.sep):
        raise WriteError(tr("cannot write {shown!r}: give a file name").format(shown=shown))
    try:
        st = os.stat(path)  # follows links, so /dev/stdout shows what it really is
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise WriteError(tr("cannot write {shown}: {reason}").format(shown=shown, reason=exc.strerror or exc)) from None
    target = Path(os.path.realpath(path))
    if st is None:
        if not target.parent.is_dir():
            raise WriteError(tr("cannot write {shown}: the folder {parent} does not exist")
                             .format(shown=shown, parent=target.parent))
        return target
    if stat.S_ISDIR(st.st_mode):
        raise WriteError(tr("cannot write {shown}: it is a folder; give a file name").format(shown=shown))
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(tr("cannot write {shown}: it is {kind}, not a regular file; NN Studio "
                            "writes only to regular files").format(shown=shown, kind=_kind(st.st_mode)))
    try:
        same = os.path.samefile(target, path)
    except OSError:
        same = False
    if not same:  # e.g. a link to a file that has been deleted
        raise WriteError(tr("cannot write {shown}: cannot tell which file it refers to").format(shown=shown))
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteError(tr("cannot write {shown}: the file is read-only").format(shown=shown))
    return target


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether ``a`` and ``b`` name the same file (through links, ``..`` or another spelling)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return tr("a device")
    if stat.S_ISFIFO(mode):
        return tr("a pipe")
    if stat.S_ISSOCK(mode):
        return tr("a socket")
    return tr("a special file")


def _exists(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError:
        return False
    return True


def _temp_stem(target: Path) -> str:
    """The target's name cut to fit a temp name within NAME_MAX bytes (cut on bytes, as the limit is)."""
    raw = os.fsencode(target.name)[: NAME_MAX - _TEMP_EXTRA]
    return os.fsdecode(raw)


def _create_temp(shown: str | os.PathLike, target: Path) -> tuple[Path, int]:
    name = f".{_temp_stem(target)}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    tmp = target.parent / name
    try:
        return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise WriteError(tr("cannot write {shown}: {reason}").format(shown=shown, reason=exc.strerror or exc)) from None


def _remove_stale_temps(target: Path) -> None:
    """Delete temp files of ``target`` left by a writer that was killed: its pid no longer runs (or, for
    temp names without a pid from older versions, the file is over an hour old)."""
    stem = re.escape(_temp_stem(target))
    ours = re.compile(rf"\.{stem}\.(\d{{1,7}})-[0-9a-f]{{8}}\.tmp")
    legacy = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if not entry.name.startswith(".") or not entry.name.endswith(".tmp"):
                continue
            match = ours.fullmatch(entry.name)
            stale = not _running(int(match.group(1))) if match else \
                bool(legacy.fullmatch(entry.name)) and _age(entry) > LEGACY_STALE_SECONDS
            if stale:
                _unlink(entry.path)


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # elsewhere os.kill(pid, 0) is no question but a kill
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's process
        return True
    return True


def _age(entry: os.DirEntry) -> float:
    try:
        return time.time() - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return 0.0


def _unlink(path: str | os.PathLike) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


__all__ = ["WriteError", "atomic_write_bytes", "atomic_write_text", "same_file",
           "writable_target"]
