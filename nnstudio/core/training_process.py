"""Training in a child process: the window's runs train there, so the GUI thread never waits for the
interpreter while the engine runs (a training thread in the GUI process makes every Qt call of a repaint
queue for the interpreter lock behind it).

``ChildRun`` (the parent's side) starts ``serve`` in a child process with a copy of the project and two
one-way pipes:

* events, child → parent: ``(("checkpoints", Checkpoints)? ("progress", TrainingSnapshot))*  [("failed", str)]
  ("finished", Handover)``, pickled copies; the pipe closes when the child ends, however it ends (a crash or a
  kill included). The run's checkpoints go as they are recorded, with the snapshots (a few at a time: unpickling
  megabytes at the run's end held the window's interpreter at the commit). The result crosses without what the
  parent already has: the recorded run as a ``RunUpdate`` (its new checkpoints not streamed yet and curve rows)
  and no ``runs``, no ``history`` (the parent's plus the run's rows), the snapshots as a ``SnapshotUpdate`` whose
  weights are the checkpoints' arrays where they have one (each epoch's weights cross once). ``ChildRun.receive``
  puts the whole ``TrainingResult`` together from the project it started from and the streamed checkpoints, so
  the project's earlier runs, history and snapshots never cross the pipe;
* controls, parent → child: ``("pause",)``, ``("stop",)``, ``("abort",)``, ``("set", name, value)``. A thread
  of the child waits on them (blocked in ``recv``, costing the loop nothing) and applies them to the run as
  the GUI thread did to a worker thread: plain attributes the loop reads between batches. When the parent
  goes away the controls pipe closes and the child aborts its run and ends.

Children come from a fork server (``forkserver``: a small process started once, with the engine already
imported, that forks a fresh child for each run; never a fork of the threaded GUI process). ``warm_up()``
starts it ahead of the first run. Where there is no fork server (Windows, macOS' default) children are
spawned. Frozen bundles need ``multiprocessing.freeze_support()`` at the program's start (``__main__``).

A run does not wait for its child to start: one child is started ahead (a *spare*, waiting in ``recv`` for the
run it is to train; ``warm_up()`` starts the first, the end of each run the next, a moment later), and Train
hands it the project. Starting a child (a fork, the child's preparation) took 15-30 ms between Train and the
first epoch; when no spare is ready (it died, or two runs overlap) the run starts a child of its own as before.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from multiprocessing import spawn
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler

import numpy as np
import numpy.ma  # np.unique imports it on first use: 45 ms at a long run's end; the fork server loads it once

from nnstudio.core.data import Dataset
from nnstudio.core.i18n import set_translator, tr
from nnstudio.core.network import Network
from nnstudio.core.project import Project
from nnstudio.core.runs import Checkpoint, Checkpoints, RunLog, RunUpdate
from nnstudio.core.snapshots import SnapshotHistory, SnapshotUpdate
from nnstudio.core.training import History, TrainingConfig
from nnstudio.core.training_run import TrainingResult, TrainingRun

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

PRELOAD = ["nnstudio.core.training_process"]  # what the fork server imports once for all children
JOIN_SECONDS = 5.0
SPARE_DELAY_SECONDS = 0.25  # after a run ends, the next spare starts this much later (not during the commit)

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
    """Start the fork server now (it imports the engine in the background) and a spare child from it (in a
    thread of this process, which waits for it), so the first run starts as quickly as the next ones."""
    if context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with _start_lock, engine_environment():
            forkserver.ensure_running()
    prepare_spare(0.0)


WINDOW_BLAS = "NNSTUDIO_WINDOW_BLAS"  # set by the window's launcher when it limited its own BLAS threads
BLAS_THREADS = "OPENBLAS_NUM_THREADS"


@contextlib.contextmanager
def engine_environment() -> Iterator[None]:
    """Start processes with the environment the user gave, not the window's: the window runs its small
    matrix products on one BLAS thread (``nnstudio.__main__``; on a busy two-core machine OpenBLAS's second
    thread turned a 0.15 ms product into 20-30 ms), while a training process may use every core."""
    limited = os.environ.pop(WINDOW_BLAS, None) is not None
    value = os.environ.pop(BLAS_THREADS, None) if limited else None
    try:
        yield
    finally:
        if limited:
            os.environ[WINDOW_BLAS] = "1"
            if value is not None:
                os.environ[BLAS_THREADS] = value


class ChildRun:
    """One run in a child process, seen from the parent. ``start()`` once; ``send`` controls; ``receive()``
    (blocking, from one thread) until it returns None: the child ended and its pipe closed."""

    def __init__(self, project: Project, epochs: int | None, continues: bool = False,
                 loss_change: bool = False, messages: Mapping[str, str] | None = None) -> None:
        self._project = project  # pickled to the child by start()
        self._job = ("run", epochs, continues, loss_change, dict(messages or {}))
        self._child: _Child | None = None
        self._send_lock = threading.Lock()
        self._early: list[tuple] | None = []  # controls sent before start() (None once started)
        self._start: tuple[History, SnapshotHistory, RunLog] | None = None
        self.start_error = ""
        self.received_bytes = 0  # pickled messages received so far
        self._streamed: dict[int, Checkpoint] = {}  # the run's checkpoints sent while it trains, by epoch
        self.sent_bytes = 0  # the pickled run handed to the child

    @property
    def pid(self) -> int | None:
        return None if self._child is None else self._child.process.pid

    @property
    def exitcode(self) -> int | None:
        return None if self._child is None else self._child.process.exitcode

    def start(self) -> None:
        """Hand the run to a child: the spare started ahead, or a new one. When no child can be started,
        ``start_error`` says why and ``receive()`` returns None."""
        kind, epochs, continues, loss_change, messages = self._job
        project, self._project = self._project, None
        self._start = (project.history, project.snapshots, project.runs)  # what the result completes
        job = ForkingPickler.dumps((kind, for_child(project, continues), epochs, continues, loss_change, messages),
                                   protocol=5)
        self.sent_bytes = len(job)
        child = _take_spare()
        if child is not None:
            try:
                child.controls.send_bytes(job)
            except (OSError, ValueError):  # the spare ended meanwhile: start one of its own
                child.close()
                child = None
        if child is None:
            try:
                child = _Child.start()
                child.controls.send_bytes(job)
            except Exception as exc:  # no fork server, no memory, too many processes, ...
                self.start_error = f"{type(exc).__name__}: {exc}"
                if child is not None:
                    child.close()
                with self._send_lock:
                    self._early = None
                return
        with self._send_lock:  # controls sent meanwhile follow the run, in order
            self._child = child
            early, self._early = self._early or [], None
            with contextlib.suppress(OSError, ValueError):
                for message in early:
                    child.controls.send(message)

    def send(self, *message: object) -> None:
        """Send a control (one sent before ``start()`` follows the run when it starts); a child that already
        ended (or never started) misses nothing it needed."""
        with self._send_lock:
            if self._early is not None:
                self._early.append(message)
            elif self._child is not None:
                with contextlib.suppress(OSError, ValueError):
                    self._child.controls.send(message)

    def receive(self) -> tuple | None:
        """The child's next message, or None once it ended and its pipe closed (blocks until then). The finished
        message is the whole ``TrainingResult`` (``runs`` included), put together here."""
        if self._child is None:
            return None
        while True:
            try:
                data = self._child.events.recv_bytes()
            except (EOFError, OSError):
                return None
            self.received_bytes += len(data)
            kind, payload = ForkingPickler.loads(data)
            if kind != "checkpoints":
                break
            self._streamed.update((c.epoch, c) for c in payload.entries())  # the finished message leaves them out
        if kind == "finished" and isinstance(payload, Handover) and self._start is not None:
            payload, self._streamed = payload.received(*self._start, self._streamed), {}
        return kind, payload

    def join(self, timeout: float = JOIN_SECONDS) -> int | None:
        """Wait for the child to end (killing it when it does not within ``timeout``); its exit code. The next
        run's spare starts a moment later."""
        if self._child is None:
            return None
        process = self._child.process
        process.join(timeout)
        if process.exitcode is None:
            self.kill()
            process.join(timeout)
        prepare_spare(SPARE_DELAY_SECONDS)
        return process.exitcode

    def kill(self) -> None:
        """End the child now (its result is lost); safe when it already ended."""
        if self._child is not None:  # (no exit-code poll here: the relay thread may be reading it)
            with contextlib.suppress(OSError, ValueError):
                self._child.process.kill()

    def close(self) -> None:
        """Release the pipes (after the child ended)."""
        if self._child is not None:
            with self._send_lock:
                self._child.close()


class _Child:
    """A started child process and the parent's ends of its pipes; it waits for its run (``wait_for_run``)."""

    def __init__(self, process: BaseProcess, controls: Connection, events: Connection) -> None:
        self.process, self.controls, self.events = process, controls, events

    @classmethod
    def start(cls) -> _Child:
        ctx = context()
        controls_in, controls = ctx.Pipe(duplex=False)
        events, events_out = ctx.Pipe(duplex=False)
        process = ctx.Process(target=wait_for_run, args=(controls_in, events_out), name="nnstudio-training",
                              daemon=True)
        _widen(events)
        try:
            with _engine_only():
                process.start()
        except BaseException:
            controls.close()
            events.close()
            raise
        finally:
            controls_in.close()  # the child has its own ends now; when it ends, its pipe reads EOF here
            events_out.close()
        return cls(process, controls, events)

    def waiting(self) -> bool:
        """Still there to take a run (a poll: never blocks)."""
        try:
            return self.process.exitcode is None
        except (OSError, ValueError):
            return False

    def close(self) -> None:
        """Release the pipes; a child still waiting for a run reads EOF and ends."""
        self.controls.close()
        self.events.close()


PIPE_BYTES = 1024 * 1024


def _widen(connection: Connection) -> None:
    """Let the pipe hold a megabyte (Linux; 64 KiB by default): a run's result of a few megabytes then crosses in
    a few writes rather than a hundred, each waiting for this process to read the last."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if set_size is not None:
        with contextlib.suppress(OSError, ValueError):
            fcntl.fcntl(connection.fileno(), set_size, PIPE_BYTES)


_spare: _Child | None = None
_spare_lock = threading.Lock()
_spare_starting = False


def _take_spare() -> _Child | None:
    """The spare child when one is waiting (it is then this caller's), else None."""
    global _spare
    with _spare_lock:
        child, _spare = _spare, None
    if child is not None and not child.waiting():
        child.close()
        return None
    return child


def waiting_spare() -> int | None:
    """The process id of the spare child waiting for a run, if one is."""
    with _spare_lock:
        child = _spare
    return child.process.pid if child is not None and child.waiting() else None


def prepare_spare(delay: float = 0.0) -> None:
    """Start a spare child in a thread of this process ``delay`` seconds from now, unless one is waiting or
    starting (a failure leaves none: the next run starts its own child and reports what went wrong)."""
    global _spare_starting
    with _spare_lock:
        if _spare is not None or _spare_starting:
            return
        _spare_starting = True

    def start() -> None:
        global _spare, _spare_starting
        child = None
        try:
            child = _Child.start()
        except Exception:
            child = None
        finally:
            with _spare_lock:
                _spare_starting = False
                if _spare is None:
                    _spare, child = child, None
            if child is not None:
                child.close()

    starter = threading.Timer(delay, start)
    starter.name, starter.daemon = "nnstudio-training-spare", True
    starter.start()


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
            with engine_environment():
                yield
        finally:
            spawn.get_preparation_data = prepare


def for_child(project: Project, continues: bool) -> Project:
    """``project`` as a run in a child needs it, sharing its parts: of the runs only the head's and the last (with
    their checkpoints only for a resumed run, which continues the last), of the history its last row (the run
    numbers its epochs after it), the snapshot store without the weights of its entries (see
    ``SnapshotHistory.hollow``). The result crosses back without these parts (``Handover``), so they are not
    needed there; a project trained for long no longer sends megabytes of earlier runs at every Train."""
    log = project.runs
    keep = {run.id for run in log.runs[-1:]} | ({log.head.run} if log.head is not None else set())
    runs = tuple(run if continues else run.with_(checkpoints=Checkpoints(run.checkpoints.start))
                 for run in log.runs if run.id in keep)
    history = project.history
    last = History({k: v[-1:] for k, v in history.columns.items()}) if len(history) else History()
    return dataclasses.replace(project, history=last, snapshots=project.snapshots.hollow(),
                               runs=RunLog(runs, log.head, log.next_id))


def wait_for_run(controls: Connection, events: Connection) -> None:
    """A child started ahead: wait for the run it is to train (``("run", project, epochs, continues,
    loss_change, messages)``), then ``serve`` it; end when the parent goes away or gives this child up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the window, which ends the run
    with contextlib.suppress(Exception):
        rehearse()
    try:
        _kind, project, epochs, continues, loss_change, messages = controls.recv()
    except (EOFError, OSError):
        return
    serve(project, epochs, controls, events, continues, loss_change, messages)


def rehearse() -> None:
    """Train a tiny project for a few epochs and pickle what it hands out, as a run does: a child started ahead
    does this while it waits, so its run's first steps find the code and memory they use ready (a fresh fork's
    first run spent a few milliseconds more on each)."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(16, 2))
    project = Project(Network.build([2, 3, 2], ["relu", "softmax"], seed=0),
                      TrainingConfig(loss="categorical_crossentropy", optimizer="adam", batch_size=8, epochs=3,
                                     validation_split=0.25),
                      dataset=Dataset.from_arrays(x, np.column_stack([x[:, 0] > 0, x[:, 0] <= 0]).astype(float)))
    run = TrainingRun(ForkingPickler.loads(ForkingPickler.dumps(project)), 3)
    run.on_progress = run.on_finished = ForkingPickler.dumps
    run.run()


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
        try:  # protocol 5: NumPy arrays are copied once into the message
            events.send_bytes(ForkingPickler.dumps((kind, payload), protocol=5))
        except OSError:
            gone.set()
            run.abort()

    try:
        run = TrainingRun(project, epochs, continues=continues, loss_change=loss_change, log_runs=False, private=True)
    except Exception as exc:  # the parent checked the data before starting this child; report anything else
        events.send(("failed", tr("Training could not start: {exc}").format(exc=exc)))
        return
    # What the process holds now (the engine's modules, the project) stays out of the collector's passes: a full
    # pass over it took milliseconds every few thousand epochs of a tiny network. The process ends with its run.
    gc.freeze()
    streamed: dict[int, Checkpoint] = {}  # the checkpoints sent while the run trains, by epoch

    def stream() -> None:
        """The checkpoints recorded since the last report go with the next snapshot (a few a time), not all at the
        run's end: unpickling megabytes there held the window's interpreter for milliseconds at the commit."""
        fresh = {e: c for e, c in run.new_checkpoints().items() if streamed.get(e) is not c}
        if fresh:
            report("checkpoints", Checkpoints.from_entries(min(fresh), fresh.values()))
            streamed.update(fresh)

    run.on_progress = lambda snapshot: (stream(), report("progress", snapshot))
    run.on_failed = lambda message: report("failed", message)
    run.on_finished = lambda result: report("finished", Handover.of(result, run.start_snapshots, streamed))
    threading.Thread(target=_obey, args=(controls, run, gone), name="controls", daemon=True).start()
    run.run()
    events.close()


@dataclass(frozen=True)
class Handover:
    """A run's result as the child sends it: ``result`` without ``history``, ``snapshots`` and ``runs`` (the
    parent has the project's; the run's rows and checkpoints are in ``result.run_update``), and ``snapshots``:
    what the run added to the store it started from. ``streamed``: the checkpoints the child sent while the run
    trained (``("checkpoints", Checkpoints)`` messages), left out here; ``received`` puts them back."""

    result: TrainingResult
    snapshots: SnapshotUpdate | None
    streamed: Mapping[int, Checkpoint] = dataclasses.field(default_factory=dict)

    def __getstate__(self) -> dict[str, object]:
        """The snapshots' weights that a checkpoint of the run holds (the same array) go once, with the checkpoint;
        the checkpoints already streamed do not go again (the last one stays: the head shares its weights)."""
        update = self.result.run_update
        checkpoints = update.run.checkpoints if update is not None else None

        def shared(epoch: int, flat: np.ndarray) -> bool:
            checkpoint = checkpoints.get(epoch) if checkpoints is not None else None
            return checkpoint is not None and checkpoint.weights is flat

        result, head_streamed = _without_streamed(self.result, self.streamed)
        return {"result": result, "head_streamed": head_streamed,
                "snapshots": None if self.snapshots is None else self.snapshots.encoded(shared)}

    def __setstate__(self, state: dict[str, object]) -> None:
        """The snapshots stay encoded until ``received``: the checkpoints holding their weights may have been
        streamed."""
        object.__setattr__(self, "result", state["result"])
        object.__setattr__(self, "snapshots", None)
        object.__setattr__(self, "streamed", {})
        object.__setattr__(self, "_encoded", state["snapshots"])
        object.__setattr__(self, "_head_streamed", state.get("head_streamed", False))

    @classmethod
    def of(cls, result: TrainingResult, start: SnapshotHistory,
           streamed: Mapping[int, Checkpoint] | None = None) -> Handover:
        """``result`` of a run whose snapshot store was ``start`` when it began (``streamed``: the checkpoints
        already sent, by epoch)."""
        update = result.snapshots.update_since(start) if result.snapshots is not None else None
        return cls(dataclasses.replace(result, history=None, snapshots=None, runs=None), update, dict(streamed or {}))

    def received(self, history: History, snapshots: SnapshotHistory, runs: RunLog,
                 streamed: Mapping[int, Checkpoint] | None = None) -> TrainingResult:
        """The whole result, from the project's ``history``, ``snapshots`` and ``runs`` as the run found them (the
        parent's; the document is locked while the child trains) and the checkpoints ``streamed`` during the run:
        the same the run made in the child."""
        result, update = self.result, self.result.run_update
        if update is not None:
            update = _with_streamed(update, streamed) if streamed else update
            update = _head_shared(update, getattr(self, "_head_streamed", False))
            result = dataclasses.replace(result, run_update=update)
        added = self.snapshots
        encoded = getattr(self, "_encoded", None)
        if encoded is not None:
            checkpoints = update.run.checkpoints if update is not None else None
            added = SnapshotUpdate.decoded(encoded, lambda epoch: checkpoints.get(epoch).weights)
        whole = history.copy()
        if update is not None:
            whole.extend(update.run.history, 0)  # the run's rows, numbered as in the project
        return dataclasses.replace(result, history=whole, snapshots=None if added is None else added.apply(snapshots),
                                   runs=runs if update is None else update.apply(runs))


def _without_streamed(result: TrainingResult, streamed: Mapping[int, Checkpoint]) -> tuple[TrainingResult, bool]:
    """``result`` with its run's checkpoints that were ``streamed`` (the same objects) left out, and whether the head's
    weights went with them (the last checkpoint's array: the head then crosses without it)."""
    update = result.run_update
    if update is None or not streamed:
        return result, False
    store = update.run.checkpoints
    left = [c for c in store.entries() if streamed.get(c.epoch) is not c]
    if len(left) == len(store):
        return result, False
    head, update = update.head, _with_checkpoints(update, left)
    last = streamed.get(head.epoch)
    head_streamed = last is not None and last.weights is head.weights
    if head_streamed:
        update = dataclasses.replace(update, head=dataclasses.replace(head, weights=np.empty(0)))
    return dataclasses.replace(result, run_update=update), head_streamed


def _with_streamed(update: RunUpdate, streamed: Mapping[int, Checkpoint]) -> RunUpdate:
    """``update`` with the checkpoints it keeps that were ``streamed`` put back."""
    store = update.run.checkpoints
    missing = [streamed[e] for e in update.kept if store.get(e) is None and e in streamed]
    return _with_checkpoints(update, store.entries() + missing) if missing else update


def _head_shared(update: RunUpdate, streamed: bool = False) -> RunUpdate:
    """``update`` whose head holds its checkpoint's array (equal, or ``streamed``: the head crossed without it), so
    each epoch's weights are kept once."""
    head = update.head
    checkpoint = update.run.checkpoints.get(head.epoch)
    if checkpoint is None or checkpoint.weights is head.weights or not (
            streamed or np.array_equal(checkpoint.weights, head.weights)):
        return update
    return dataclasses.replace(update, head=dataclasses.replace(head, weights=checkpoint.weights))


def _with_checkpoints(update: RunUpdate, entries: list[Checkpoint]) -> RunUpdate:
    """``update`` whose run's store holds ``entries`` (its bounds, stride and pinned epochs kept)."""
    return dataclasses.replace(update, run=update.run.with_(checkpoints=update.run.checkpoints.holding(entries)))


def with_runs(result: TrainingResult, log: RunLog) -> TrainingResult:
    """A result with the project's runs it recorded (``ChildRun.receive`` hands them over already): its run's
    update applied to ``log``, the runs it started from."""
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


__all__ = ["ChildRun", "Handover", "context", "for_child", "prepare_spare", "serve", "wait_for_run", "waiting_spare",
           "warm_up", "with_runs"]
