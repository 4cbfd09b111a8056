"""Measuring two versions of NN Studio in one run: each measurement runs in a process of its own, with the
package found in a given folder (``git archive <commit> nnstudio | tar -x -C DIR``) or this checkout's."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def run_version(script: str, source: str | None, argv: list[str], **environment: str) -> dict:
    """Run ``script`` with ``argv`` and ``--json`` in a new process (the package from ``source``; None: this
    checkout's) and return the JSON its last line prints."""
    env = dict(os.environ, **environment)
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.abspath(source), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, os.path.abspath(script), *argv, "--json"], env=env, check=True,
                          capture_output=True, text=True, cwd=os.path.abspath(source) if source else None)
    return json.loads(done.stdout.strip().splitlines()[-1])
