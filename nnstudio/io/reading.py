"""Reading a user's file, bounded in bytes and time whatever the file is, with every OS error as one message.

At most ``limit + 1`` bytes are read (the size a file claims is only used to refuse it early), so
``/dev/zero``, an endless pipe or a file that grows while it is read cannot exhaust memory. A pipe or
device is opened non-blocking: one with nothing writing to it is refused at once, one that stops
sending data is refused after ``READ_IDLE_SECONDS``, one that trickles after ``READ_TOTAL_SECONDS``.
"""

from __future__ import annotations

import math
import os
import select
import stat
import time
from pathlib import Path

from nnstudio.core import limits
from nnstudio.core.i18n import tr
from nnstudio.errors import NNStudioError

CHUNK = 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)


def read_limited_bytes(path: str | os.PathLike, limit: int, error: type[NNStudioError]) -> bytearray:
    """The file's bytes; a missing file, a folder, an unreadable, silent or too large file raise ``error``."""
    name = Path(path).name or os.fspath(path)
    try:
        fd = os.open(path, _FLAGS)
    except IsADirectoryError:
        raise error(tr("{path}: is a folder, not a file").format(path=path)) from None
    except FileNotFoundError:
        raise error(tr("{path}: no such file").format(path=path)) from None
    except OSError as exc:
        raise error(tr("{path}: cannot read: {reason}").format(path=path, reason=exc.strerror or exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise error(tr("{path}: is a folder, not a file").format(path=path))
        regular = stat.S_ISREG(st.st_mode)
        if regular and st.st_size > limit:
            raise error(tr("{name}: too large ({size}; the limit is {limit})")
                        .format(name=name, size=_mb(st.st_size), limit=_mb(limit)))
        data = _read_at_most(fd, limit + 1, name, regular, error)
    except OSError as exc:
        raise error(tr("{path}: cannot read: {reason}").format(path=path, reason=exc.strerror or exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise error(tr("{name}: too large (more than {limit}, the limit)").format(name=name, limit=_mb(limit)))
    if not data and stat.S_ISFIFO(st.st_mode):
        raise error(tr("{path}: no data came through this pipe (is anything writing to it?)").format(path=path))
    return data


def _read_at_most(fd: int, most: int, name: str, regular: bool, error: type[NNStudioError]) -> bytearray:
    data = bytearray()
    started = last = time.monotonic()
    while len(data) < most:
        try:
            chunk = os.read(fd, min(CHUNK, most - len(data)))
        except BlockingIOError:  # a pipe or device with nothing to say yet
            _wait_readable(fd, name, started, last, error)
            continue
        if not chunk:
            break
        data += chunk
        last = time.monotonic()
        if not regular and last - started > limits.READ_TOTAL_SECONDS:
            raise error(tr("{name}: still sending after {read_total_seconds:g} seconds; save the data to "
                           "a file and open that").format(name=name, read_total_seconds=limits.READ_TOTAL_SECONDS))
    return data


def _wait_readable(fd: int, name: str, started: float, last: float, error: type[NNStudioError]) -> None:
    now = time.monotonic()
    left = min(limits.READ_IDLE_SECONDS - (now - last), limits.READ_TOTAL_SECONDS - (now - started))
    if left > 0:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
        if poller.poll(left * 1000):
            return
    raise error(tr("{name}: no data arrived for {read_idle_seconds:g} seconds; save the data to a file "
                   "and open that").format(name=name, read_idle_seconds=limits.READ_IDLE_SECONDS))


def _mb(size: int) -> str:
    """Megabytes, rounded up (a file one byte over a 64 MB limit shows as 65 MB)."""
    return f"{math.ceil(size / limits.MIB)} MB"
