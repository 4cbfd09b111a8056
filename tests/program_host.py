"""Exported programs run in one isolated interpreter that the tests share, instead of one per program.

Each new interpreter that imports NumPy costs ~0.3 s of CPU and one that imports PyTorch ~2.3 s; the export
tests run a dozen programs. The host is a separate process (``python -I``: no PYTHONPATH, no user site, the
script's folder not on sys.path), and it refuses to import ``nnstudio``: an exported program must run
without NN Studio, which a plain ``python -I model.py`` from an editable install would not show. Each
program runs as a script: ``runpy.run_path(path, run_name="__main__")`` with its own ``sys.argv``, in its
own folder, with empty stdin and its own stdout and stderr (encoded as the host's pipes encode them, so a
lone surrogate a program printed fails as it would in a process of its own), and its exit status is what
Python's would be (``sys.exit(2)`` is 2, an uncaught exception prints its traceback and is 1).

The host also imports exported files as modules: for the tests that read their names back, and to run code
against them (``probe``: the PyTorch exports' models), so that PyTorch is imported in the host only and not
in the test process as well.
"""

from __future__ import annotations

import base64
import json
import os
import selectors
import subprocess
import sys
import tempfile
from pathlib import Path

REPLY_TIMEOUT = 300  # seconds per request: generous, a program that hangs fails its test instead of the run

_HOST = r'''
import base64, importlib.abc, importlib.util, io, json, os, runpy, sys, traceback


class _NoNNStudio(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "nnstudio" or name.startswith("nnstudio."):
            raise ImportError(f"an exported program imported {name}: it must run without NN Studio")
        return None


sys.meta_path.insert(0, _NoNNStudio())
replies, real_out, real_err = sys.stdout, sys.stdout, sys.stderr


def _stream(like):
    return io.TextIOWrapper(io.BytesIO(), encoding=like.encoding, errors=like.errors, newline=None,
                            write_through=True)


def _exit_status(exc, err):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=err)
    return 1


def run(request):
    out, err = _stream(real_out), _stream(real_err)
    saved = sys.argv, sys.stdin, sys.stdout, sys.stderr
    sys.argv = [request["path"], *request["args"]]
    sys.stdin = io.TextIOWrapper(io.BytesIO(), encoding=real_out.encoding)
    sys.stdout, sys.stderr = out, err
    try:
        runpy.run_path(request["path"], run_name="__main__")
        status = 0
    except SystemExit as exc:
        status = _exit_status(exc, err)
    except BaseException:
        traceback.print_exc(file=err)
        status = 1
    finally:
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved
    out.flush()
    err.flush()
    return {"code": status, "stdout": base64.b64encode(out.buffer.getvalue()).decode("ascii"),
            "stderr": base64.b64encode(err.buffer.getvalue()).decode("ascii")}


def import_files(request):
    shown = []
    for path in request["files"]:
        spec = importlib.util.spec_from_file_location(f"export_{request['serial']}_{len(shown)}", path)
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        shown.append(ascii([m.NAME, m.DESCRIPTION, m.INPUTS, m.NETWORK_INPUTS, m.OUTPUTS, m.CLASSES]))
    return {"shown": shown}


def probe(request):
    spec = importlib.util.spec_from_file_location(f"probe_{request['serial']}", request["file"])
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    scope = {"m": m, **request["values"]}
    exec(request["code"], scope)
    return {"result": scope["result"]}


HANDLERS = {"run": run, "import": import_files, "probe": probe}
sys.stdout = sys.stderr  # whatever an import prints goes to stderr; the real stdout carries the replies
for line in sys.stdin:
    request = json.loads(line)
    os.chdir(request["cwd"])
    try:
        reply = HANDLERS[request["kind"]](request)
    except BaseException:
        reply = {"error": traceback.format_exc()}
    print(json.dumps(reply), file=replies, flush=True)
'''


# What a PyTorch export's model gives for inputs x: build_model(torch.float64) and the float32 default, in eval
# mode without gradients, as a person would use the exported file.
TORCH_OUTPUTS = """
import torch
model64, model32 = m.build_model(torch.float64).eval(), m.build_model().eval()
with torch.no_grad():
    out64 = model64(torch.tensor(x, dtype=torch.float64)).numpy()
    out32 = model32(torch.tensor(x, dtype=torch.float32)).numpy()
result = {"float64": out64.tolist(), "float64_dtype": str(out64.dtype), "float32": out32.tolist(),
          "float32_dtype": str(out32.dtype), "sequential": isinstance(model32, torch.nn.Sequential),
          "inputs": m.INPUTS}
"""


class ProgramHost:
    """One host interpreter, started when first needed and started again if it has died."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._serial = 0
        # the host's own stderr (what imports print, its own crash), open for the host's life: closed in close()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115

    def _host_said(self) -> str:
        self._log.seek(0)
        return self._log.read()[-4000:].decode("utf-8", "replace")

    def _ask(self, request: dict) -> dict:
        if self._proc is not None and self._proc.poll() is not None:
            self._stop()  # it died after its last answer: start another
        if self._proc is None:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
            self._proc = subprocess.Popen([sys.executable, "-I", "-c", _HOST], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=self._log, env=env,
                                          cwd=tempfile.gettempdir())
        self._serial += 1
        self._proc.stdin.write((json.dumps({**request, "serial": self._serial}) + "\n").encode())
        self._proc.stdin.flush()
        with selectors.DefaultSelector() as sel:
            sel.register(self._proc.stdout, selectors.EVENT_READ)
            if not sel.select(REPLY_TIMEOUT):
                self._stop(kill=True)
                raise AssertionError(f"no answer from the program host within {REPLY_TIMEOUT} s: {request}:\n"
                                     f"{self._host_said()}")
        line = self._proc.stdout.readline()
        if not line:
            code = self._proc.wait()
            self._stop()
            raise AssertionError(f"the program host ended (status {code}) during {request}:\n{self._host_said()}")
        reply = json.loads(line)
        assert "error" not in reply, reply["error"]
        return reply

    def run(self, path: Path, *args: str) -> subprocess.CompletedProcess:
        """``python -I PATH ARGS`` in PATH's folder: status, stdout and stderr (UTF-8 text)."""
        reply = self._ask({"kind": "run", "path": str(path), "args": list(args), "cwd": str(Path(path).parent)})
        out, err = (base64.b64decode(reply[k]).decode("utf-8") for k in ("stdout", "stderr"))
        return subprocess.CompletedProcess([sys.executable, "-I", str(path), *args], reply["code"], out, err)

    def import_files(self, folder: Path, files: list[str]) -> list[str]:
        """Import each file (in ``folder`` as the working folder); per file the ``ascii()`` of
        [NAME, DESCRIPTION, INPUTS, NETWORK_INPUTS, OUTPUTS, CLASSES] as the module defines them."""
        return self._ask({"kind": "import", "files": [str(folder / f) for f in files], "cwd": str(folder)})["shown"]

    def probe(self, path: Path, code: str, **values) -> object:
        """Import the exported file ``path`` as the module ``m`` and run ``code`` with ``m`` and ``values``
        (JSON: lists, numbers, text) as its globals; ``code`` sets ``result``, which comes back through JSON
        (floats exactly, NaN and infinities included)."""
        return self._ask({"kind": "probe", "file": str(path), "code": code, "values": values,
                          "cwd": str(Path(path).parent)})["result"]

    def torch_outputs(self, path: Path, x) -> dict:
        """A PyTorch export's outputs for the rows ``x`` (see TORCH_OUTPUTS): "float64" and "float32" as
        arrays, their dtypes' names, whether the float32 model is an nn.Sequential, and the file's INPUTS."""
        import numpy as np

        out = self.probe(path, TORCH_OUTPUTS, x=np.asarray(x, dtype=np.float64).tolist())
        return {**out, "float64": np.array(out["float64"]), "float32": np.array(out["float32"])}

    def _stop(self, kill: bool = False) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if kill:
                proc.kill()
            proc.stdin.close()
            proc.wait(timeout=60)
            proc.stdout.close()

    def close(self) -> None:
        """End the host and forget what it said. It is killed: it keeps nothing, and an interpreter that has
        imported PyTorch takes ~1 s to exit, at the very end of a test process's run."""
        self._stop(kill=True)
        self._log.close()
