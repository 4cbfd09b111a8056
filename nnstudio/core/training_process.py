"""Training in a child process: the window's runs train there, so the GUI thread never waits for the
interpreter while the engine runs (a training thread in the GUI process makes every Qt call of a repaint
queue for the interpreter lock behind it).

``ChildRun`` (the parent's side) starts ``serve`` in a child process with a copy of the project and two
one-way pipes:

* events, child → parent: ``("progress", TrainingSnapshot)*  [("failed", str)]  ("finished", TrainingResult)``,
  pickled copies; the pipe closes when the child ends, however it ends (a crash or a kill included). The
  result carries the recorded run as a ``RunUpdate`` (its new part) and no ``runs``: the parent applies the
  update to its own log (``with_runs``), so the project's earlier runs never cross the pipe;
* controls, parent → child: ``("pause",)``, ``("stop",)``, ``("abort",)``, ``("set", name, value)``. A thread
  of the child waits on them (blocked in ``recv``, costing the loop nothing) and applies them to the run as
  the GUI thread did to a worker thread: plain attributes the loop reads between batches. When the parent
  goes away the controls pipe closes and the child aborts its run and ends.

Children come from a fork server (``forkserver``: a small process started once, with the engine already
imported, that forks a fresh child for each run; never a fork of the threaded GUI process). ``warm_up()``
starts it ahead of the first run. Where there is no fork server (Windows, macOS' default) children are
spawned. Frozen bundles need ``multiprocessing.freeze_support()`` at the program's start (``__main__``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import signal
import threading
from collections.abc import Iterator, Mapping
from multiprocessing import spawn
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext

import numpy.ma  # noqa: F401 (np.unique imports it on first use: 45 ms at a long run's end; the fork server loads it once)

from nnstudio.core.i18n import set_translator, tr
from nnstudio.core.project import Project
from nnstudio.core.runs import RunLog
from nnstudio.core.training_run import TrainingResult, TrainingRun

PRELOAD = ["nnstudio.core.training_process"]  # what the fork server imports once for all children
JOIN_SECONDS = 5.0

_context: BaseContext | None = None


def context() -> BaseContext:
    """The multiprocessing context runs use: a fork server with the engine preloaded, else spawn."""
    global _context
    if _context is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            _context = multiprocessing.get_context("forkserver")
            _context.set_forkserver_preload(PRELOAD)
        else:
            _context = multiprocessing.get_context("spawn")
    return _context


def warm_up() -> None:
    """Start the fork server now (it imports the engine in the background), so the first run starts as
    quickly as the next ones. Does nothing where children are spawned."""
    if context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class ChildRun:
    """One run in a child process, seen from the parent. ``start()`` once; ``send`` controls; ``receive()``
    (blocking, from one thread) until it returns None: the child ended and its pipe closed."""

    def __init__(self, project: Project, epochs: int | None, continues: bool = False,
                 loss_change: bool = False, messages: Mapping[str, str] | None = None) -> None:
        ctx = context()
        self._controls_in, self._controls = ctx.Pipe(duplex=False)
        self._events, self._events_out = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=serve,
                                    args=(project, epochs, self._controls_in, self._events_out, continues,
                                          loss_change, dict(messages or {})),
                                    name="nnstudio-training", daemon=True)
        self._send_lock = threading.Lock()
        self.start_error = ""

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def exitcode(self) -> int | None:
        return self._process.exitcode

    def start(self) -> None:
        """Start the child. When it cannot be started, ``start_error`` says why and ``receive()`` returns None."""
        try:
            with _engine_only():
                self._process.start()
        except Exception as exc:  # no fork server, no memory, too many processes, ...
            self.start_error = f"{type(exc).__name__}: {exc}"
        finally:
            self._controls_in.close()  # the child has its own ends now; when it ends, its pipe reads EOF here
            self._events_out.close()

    def send(self, *message: object) -> None:
        """Send a control; a child that already ended (or never started) misses nothing it needed."""
        with self._send_lock, contextlib.suppress(OSError, ValueError):
            self._controls.send(message)

    def receive(self) -> tuple | None:
        """The child's next message, or None once it ended and its pipe closed (blocks until then)."""
        try:
            return self._events.recv()
        except (EOFError, OSError):
            return None

    def join(self, timeout: float = JOIN_SECONDS) -> int | None:
        """Wait for the child to end (killing it when it does not within ``timeout``); its exit code."""
        if self._process.pid is None:
            return None
        self._process.join(timeout)
        if self._process.exitcode is None:
            self.kill()
            self._process.join(timeout)
        return self._process.exitcode

    def kill(self) -> None:
        """End the child now (its result is lost); safe when it already ended."""
        if self._process.pid is not None:  # (no exit-code poll here: the relay thread may be reading it)
            with contextlib.suppress(OSError, ValueError):
                self._process.kill()

    def close(self) -> None:
        """Release the pipes (after the child ended)."""
        with self._send_lock:
            self._controls.close()
        self._events.close()


_start_lock = threading.Lock()


@contextlib.contextmanager
def _engine_only() -> Iterator[None]:
    """Start children without the program's main module. Multiprocessing has each child run the parent's main
    script again (to find functions defined there); a run needs only the engine, and a script that opens the
    window at its top (a benchmark, a frozen bundle's launcher) would open it again in the child."""
    with _start_lock:
        prepare = spawn.get_preparation_data

        def engine_only(name: str) -> dict:
            data = prepare(name)
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
            return data

        spawn.get_preparation_data = engine_only
        try:
            yield
        finally:
            spawn.get_preparation_data = prepare


def serve(project: Project, epochs: int | None, controls: Connection, events: Connection,
          continues: bool = False, loss_change: bool = False, messages: Mapping[str, str] | None = None) -> None:
    """The child process: train ``project`` and report to ``events`` while obeying ``controls`` (``continues``:
    a resumed paused run, recorded as one run; ``loss_change``: snapshots carry the epochs' loss change;
    ``messages``: the translations of core's texts in the window's language — the child has no Qt)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the window, which ends the run
    if messages:
        set_translator(lambda text: messages.get(text, text))
    gone = threading.Event()  # the parent went away: stop reporting

    def report(kind: str, payload: object) -> None:
        if gone.is_set():
            return
        try:
            events.send((kind, payload))
        except OSError:
            gone.set()
            run.abort()

    try:
        run = TrainingRun(project, epochs, continues=continues, loss_change=loss_change)
    except Exception as exc:  # the parent checked the data before starting this child; report anything else
        events.send(("failed", tr("Training could not start: {exc}").format(exc=exc)))
        return
    run.on_progress = lambda snapshot: report("progress", snapshot)
    run.on_failed = lambda message: report("failed", message)
    run.on_finished = lambda result: report("finished", dataclasses.replace(result, runs=None))
    threading.Thread(target=_obey, args=(controls, run, gone), name="controls", daemon=True).start()
    run.run()
    events.close()


def with_runs(result: TrainingResult, log: RunLog) -> TrainingResult:
    """A child's result with the project's runs it recorded: its run's update applied to ``log``, the runs the
    child started from (the parent's; the document is locked while the child trains)."""
    if result.runs is not None or result.run_update is None:
        return result
    return dataclasses.replace(result, runs=result.run_update.apply(log))


def _obey(controls: Connection, run: TrainingRun, gone: threading.Event) -> None:
    """Apply the parent's controls to ``run`` as they come; abort when the parent is gone."""
    while True:
        try:
            message = controls.recv()
        except (EOFError, OSError):
            gone.set()
            run.abort()
            return
        kind, *args = message
        if kind == "pause":
            run.pause()
        elif kind == "stop":
            run.stop()
        elif kind == "abort":
            run.abort()
        elif kind == "set":
            with contextlib.suppress(Exception):  # checked by the parent with the same rules first
                run.set(*args)


__all__ = ["ChildRun", "context", "serve", "warm_up", "with_runs"]
