"""Running the real command line: in-process through ``nnstudio.__main__.main`` (fast), or as a subprocess
whose peak memory is measured (for the endless and huge inputs)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from nnstudio.__main__ import main

REPO = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
SUBPROCESS_TIMEOUT = 180  # generous: these are "refused promptly, never hangs" checks, not speed measurements


@dataclass
class Result:
    code: int
    out: str
    err: str
    maxrss: int = 0  # bytes, subprocesses only

    def user_error(self, *fragments: str) -> str:
        """Exit status 2 and exactly one line on stderr naming every fragment; returns that line."""
        assert self.code == 2, (self.code, self.out, self.err)
        assert "Traceback" not in self.err + self.out
        lines = self.err.splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith("nnstudio: error: "), lines[0]
        for fragment in fragments:
            assert fragment in lines[0], (fragment, lines[0])
        return lines[0]

    def ok(self) -> str:
        assert self.code == 0, (self.code, self.err)
        return self.out


def cli(*args: str | os.PathLike) -> Result:
    """Run ``nnstudio ARGS`` in this process, as the console script does."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return Result(code, out.getvalue(), err.getvalue())


_MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, errors="replace")
print(json.dumps({"code": done.returncode, "out": done.stdout[-4000:], "err": done.stderr,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def measured_cli(*args: str | os.PathLike, stdin: int | None = subprocess.DEVNULL, cwd: Path | None = None) -> Result:
    """Run ``python -m nnstudio ARGS`` in a subprocess of a small wrapper, which reports the command's peak
    resident memory (``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the wrapper's only child)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    wrapper = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-m", "nnstudio", *map(str, args)],
                             stdin=stdin, capture_output=True, text=True, env=env, cwd=cwd,
                             timeout=SUBPROCESS_TIMEOUT)
    assert wrapper.returncode == 0, wrapper.stderr
    report = json.loads(wrapper.stdout)
    return Result(report["code"], report["out"], report["err"], report["maxrss_kb"] * 1024)
