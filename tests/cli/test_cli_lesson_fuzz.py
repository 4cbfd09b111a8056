"""Fuzzing `nnstudio validate` with lesson files: every mutated lesson ends in exit 0 or in exit 2 with one clear
line on stderr, never an internal error or a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from cli_helpers import cli
from hypothesis import given
from lesson_fuzz import lesson_files


@given(raw=lesson_files())
def test_validate_a_lesson_ends_in_exit_0_or_one_clear_line(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.nnlesson"
        path.write_bytes(raw)
        result = cli("validate", path)
    assert result.code in (0, 2), result.err
    assert "internal error" not in result.err and "Traceback" not in result.err + result.out
    if result.code == 2:
        lines = result.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("nnstudio: error: fuzz.nnlesson"), result.err
        assert "\x1b" not in lines[0]
    else:
        assert result.out.startswith("fuzz.nnlesson: ok: lesson ")
