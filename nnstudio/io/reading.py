"""Reading a user's file: a size limit checked before reading, and every OS error as one clear message."""

from __future__ import annotations

import os
from pathlib import Path

from nnstudio.errors import NNStudioError


def read_limited_bytes(path: str | os.PathLike, limit: int, error: type[NNStudioError]) -> bytes:
    """The file's bytes; a missing file, a folder, an unreadable or too large file raise ``error``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise error(f"{path.name}: too large ({size / 1e6:.0f} MB; the limit is {limit // (1024 * 1024)} MB)")
        return path.read_bytes()
    except NNStudioError:
        raise
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a file") from None
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None
