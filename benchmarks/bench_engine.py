"""Seconds per training epoch: NN Studio's NumPy engine against a lean PyTorch CPU equivalent.

Three workloads, each in float32 and float64:

1. laptop   9 x 2, one-hot 2 classes, 2-3-2 relu/softmax, adam lr 0.1, binary_crossentropy, batch 9
            (the TensorFlow.js tutorial); no shuffling (one batch holds the whole data set).
2. digits   1797 x 64 (resources/datasets/digits.csv scaled by 1/16, or a seeded random stand-in),
            64-32-10 relu/softmax, adam lr 0.001, categorical_crossentropy, batch 32, shuffle.
3. random   60000 x 784 random floats, 10 random classes, 784-128-10 relu/softmax, adam lr 0.001,
            categorical_crossentropy, batch 128, shuffle.

NN Studio is timed through its public API (``Trainer.run(epochs=k)``), so the time includes everything
an epoch of the app costs: shuffling, batch gathering, forward/backward, the optimizer step and the
per-epoch metrics. PyTorch runs ``nn.Sequential(Linear, ReLU, Linear)`` with ``torch.optim.Adam``
(epsilon 1e-7 like Keras) over pre-made tensors, a ``randperm`` per epoch and a manual batch loop
(no DataLoader), and accumulates the epoch loss and accuracy as tensors, like the engine does.
Loss: ``CrossEntropyLoss`` on logits for categorical crossentropy, ``binary_cross_entropy`` on the
softmax output for the laptop workload. ``torch.set_num_threads`` is set to NumPy's BLAS thread count.

After a warm-up the two engines' repeats alternate (ABAB..., the first of each pair swapping) so
machine noise hits both; each reported number is the median over the repeats, and the speed-up is
torch / nnstudio from the same run (> 1 means NN Studio is faster). Other processes are a big source of
noise on a small machine (2-thread BLAS/OpenMP stalls when a core is taken), so the CPU time other
processes use is measured around every timing; a repeat in which they used more than 10% of the CPUs is
redone (up to a limit) and left out, and the second table says how many were.

    .venv/bin/python benchmarks/bench_engine.py            # full run, about 1-2 minutes
    .venv/bin/python benchmarks/bench_engine.py --quick    # smoke test, a few seconds
    .venv/bin/python benchmarks/bench_engine.py --json     # machine-readable result on stdout
    ... --wait-quiet 120          # wait (up to 120 s per workload) for other processes to go quiet
    ... --torch-adam fused --torch-no-metrics   # the leanest torch: fused Adam, no loss/accuracy per batch
    ... --only 2 --dtype float32 --threads 1 --no-torch   # a subset; set BLAS (and torch) threads

PyTorch is optional (``pip install torch`` into the venv for the comparison); it is never a
dependency of NN Studio. Environment variables such as OPENBLAS_CORETYPE / OPENBLAS_NUM_THREADS are
left as they are and reported in the header.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nnstudio.core.network import Network  # noqa: E402
from nnstudio.core.training import Trainer, TrainingConfig  # noqa: E402

try:  # optional comparison
    import torch
    from torch import nn
    from torch.nn import functional as F
except ImportError:  # pragma: no cover - depends on the environment
    torch = None

LAPTOP = np.array(
    [[0.1, 0.1, 0], [0.3, 0.3, 0], [0.5, 0.6, 1], [0.4, 0.8, 1], [0.9, 0.1, 0],
     [0.75, 0.4, 0], [0.75, 0.9, 1], [0.6, 0.9, 1], [0.6, 0.75, 1]]
)
DIGITS_CSV = ROOT / "resources" / "datasets" / "digits.csv"
SEED = 0


# -- environment ------------------------------------------------------------------------------------
def _openblas_lib() -> ctypes.CDLL | None:
    """The OpenBLAS library NumPy loaded (found in /proc/self/maps), or None."""
    np.ones((4, 4)) @ np.ones((4, 4))
    try:
        with open("/proc/self/maps") as fh:
            paths = {line.split()[-1] for line in fh if "openblas" in line.lower() and "/" in line}
    except OSError:
        return None
    for path in sorted(paths):
        try:
            return ctypes.CDLL(path)
        except OSError:
            continue
    return None


def _openblas_call(lib: ctypes.CDLL, names: tuple[str, ...], restype: type) -> object | None:
    for name in names:
        fn = getattr(lib, name, None)
        if fn is not None:
            fn.restype = restype
            value = fn()
            return value.decode() if isinstance(value, bytes) else value
    return None


def blas_info() -> dict:
    """NumPy's BLAS: library, version, core type and thread count (threadpoolctl, else OpenBLAS itself)."""
    info: dict = {"numpy": np.__version__}
    try:
        from threadpoolctl import threadpool_info

        pools = [p for p in threadpool_info() if p.get("user_api") == "blas"
                 and "numpy" in (p.get("filepath") or "")] or [
                     p for p in threadpool_info() if p.get("user_api") == "blas"]
        if pools:
            p = pools[0]
            info.update(source="threadpoolctl", library=p.get("internal_api"), version=p.get("version"),
                        core=p.get("architecture"), threads=p.get("num_threads"))
            return info
    except ImportError:
        pass
    try:
        cfg = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        info.update(library=cfg.get("name"), version=cfg.get("version"))
    except Exception:  # older NumPy has no mode="dicts"
        pass
    lib = _openblas_lib()
    if lib is not None:
        info["source"] = "openblas via ctypes"
        info["core"] = _openblas_call(
            lib, ("scipy_openblas_get_corename64_", "openblas_get_corename64_", "openblas_get_corename"),
            ctypes.c_char_p)
        info["threads"] = _openblas_call(
            lib, ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
                  "openblas_get_num_threads"), ctypes.c_int)
    if not info.get("threads"):
        env = os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS")
        info["threads"] = int(env) if env else (os.cpu_count() or 1)
        info.setdefault("source", "environment / cpu count")
    return info


def set_blas_threads(n: int) -> bool:
    """Limit NumPy's BLAS to n threads (threadpoolctl, else OpenBLAS's own setter); True on success."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(n, user_api="blas")
        return True
    except ImportError:
        pass
    lib = _openblas_lib()
    for name in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads"):
        fn = getattr(lib, name, None) if lib is not None else None
        if fn is not None:
            fn.argtypes = [ctypes.c_int]
            fn(n)
            return True
    return False


class OtherLoad:
    """Share of the machine's CPU time used by *other* processes between start() and stop().

    System-wide busy time from /proc/stat minus this process's own CPU time, over wall time x CPUs;
    None where /proc/stat is missing. Other work on a small machine is the main source of noise.
    """

    def __init__(self) -> None:
        self.start()

    @staticmethod
    def _busy_seconds() -> float | None:
        try:
            with open("/proc/stat") as fh:
                values = [int(v) for v in fh.readline().split()[1:]]
        except (OSError, ValueError):
            return None
        idle = values[3] + (values[4] if len(values) > 4 else 0)
        return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")

    def start(self) -> None:
        self._busy, self._own, self._wall = self._busy_seconds(), time.process_time(), time.perf_counter()

    def stop(self) -> float | None:
        busy = self._busy_seconds()
        if busy is None or self._busy is None:
            return None
        wall = time.perf_counter() - self._wall
        others = (busy - self._busy) - (time.process_time() - self._own)
        return round(max(0.0, others) / (wall * (os.cpu_count() or 1)), 3)


def _probe_other_load(seconds: float = 0.5) -> float | None:
    probe = OtherLoad()
    time.sleep(seconds)
    return probe.stop()


def wait_until_quiet(timeout: float, quiet_for: float = 3.0) -> bool:
    """Wait up to ``timeout`` s until other processes have used < BUSY of the CPUs for ``quiet_for`` s."""
    deadline, quiet = time.perf_counter() + timeout, 0.0
    while time.perf_counter() < deadline:
        load = _probe_other_load(0.5)
        quiet = quiet + 0.5 if load is not None and load <= BUSY else 0.0
        if quiet >= quiet_for:
            return True
    return False


def environment(threads: int) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k.startswith(("OPENBLAS_", "OMP_", "MKL_", "GOTO"))}
    info = {"python": platform.python_version(), "machine": platform.machine(),
            "processor": _cpu_name(), "cpu_count": os.cpu_count(), "env": env, "blas": blas_info(),
            "other_load_before": _probe_other_load()}
    if torch is not None:
        torch.set_num_threads(threads)
        info["torch"] = {"version": torch.__version__, "threads": torch.get_num_threads(),
                         "interop_threads": torch.get_num_interop_threads()}
    return info


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


# -- workloads --------------------------------------------------------------------------------------
@dataclass
class Workload:
    name: str
    x: np.ndarray  # float64, rows = samples
    labels: np.ndarray  # int class per row
    sizes: list[int]
    loss: str
    learning_rate: float
    batch_size: int
    shuffle: bool
    epochs_per_repeat: int
    repeats: int
    warmup_epochs: int
    max_retries: int = 0  # extra repeats allowed to replace ones disturbed by other processes
    notes: str = ""
    onehot: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.onehot = np.eye(self.sizes[-1])[self.labels]


def make_workloads(quick: bool) -> list[Workload]:
    rng = np.random.default_rng(SEED)
    laptop = Workload("laptop 9x2, 2-3-2", LAPTOP[:, :2].copy(), LAPTOP[:, 2].astype(int), [2, 3, 2],
                      "binary_crossentropy", 0.1, 9, False,
                      epochs_per_repeat=50 if quick else 150, repeats=5 if quick else 15, warmup_epochs=100,
                      max_retries=5 if quick else 30)

    if DIGITS_CSV.exists():
        raw = np.loadtxt(DIGITS_CSV, delimiter=",", skiprows=1)
        dx, dy, note = raw[:, :-1] / 16.0, raw[:, -1].astype(int), "resources/datasets/digits.csv"
    else:
        dx, dy, note = rng.random((1797, 64)), rng.integers(0, 10, 1797), "random stand-in"
    digits = Workload(f"digits {dx.shape[0]}x{dx.shape[1]}, 64-32-10", dx, dy, [64, 32, 10],
                      "categorical_crossentropy", 0.001, 32, True,
                      epochs_per_repeat=1 if quick else 3, repeats=5 if quick else 15, warmup_epochs=2,
                      max_retries=5 if quick else 30,
                      notes=note)

    n = 6000 if quick else 60000
    big = Workload(f"random {n}x784, 784-128-10", rng.random((n, 784)), rng.integers(0, 10, n),
                   [784, 128, 10], "categorical_crossentropy", 0.001, 128, True,
                   epochs_per_repeat=1, repeats=3, warmup_epochs=0, max_retries=3)
    return [laptop, digits, big]


# -- the two engines --------------------------------------------------------------------------------
class NNStudioRunner:
    label = "nnstudio"

    def __init__(self, w: Workload, dtype: type) -> None:
        net = Network.build(w.sizes, ["relu", "softmax"], seed=SEED, dtype=dtype)
        cfg = TrainingConfig(loss=w.loss, optimizer="adam", learning_rate=w.learning_rate,
                             batch_size=w.batch_size, epochs=1, shuffle=w.shuffle, seed=SEED)
        self.trainer = Trainer(net, w.x.astype(dtype), w.onehot.astype(dtype), cfg)

    def run(self, epochs: int) -> None:
        reason = self.trainer.run(epochs=epochs)
        if reason != "completed":
            raise RuntimeError(f"nnstudio stopped early: {reason}")

    def warm_up(self, w: Workload) -> None:
        if w.warmup_epochs:
            self.run(w.warmup_epochs)
        else:  # a few batches of a throw-away trainer: BLAS threads and code paths, not a whole epoch
            rows = min(len(w.x), 10 * w.batch_size)
            net = Network.build(w.sizes, ["relu", "softmax"], seed=SEED, dtype=self.trainer.network.dtype)
            Trainer(net, w.x[:rows].astype(net.dtype), w.onehot[:rows].astype(net.dtype),
                    self.trainer.config).run(1)

    def last_loss(self) -> float:
        return self.trainer.history.last().get("loss", float("nan"))


class TorchRunner:
    label = "torch"

    adam_impl = "default"  # set from --torch-adam: "default" (what torch picks), "foreach" or "fused"
    metrics = True  # accumulate epoch loss and accuracy like NN Studio's trainer (--torch-no-metrics: don't)

    def __init__(self, w: Workload, dtype: type) -> None:
        tdtype = torch.float32 if dtype == np.float32 else torch.float64
        torch.manual_seed(SEED)
        a, b, c = w.sizes
        self.model = nn.Sequential(nn.Linear(a, b), nn.ReLU(), nn.Linear(b, c)).to(tdtype)
        impl = {} if self.adam_impl == "default" else {self.adam_impl: True}
        self.opt = torch.optim.Adam(self.model.parameters(), lr=w.learning_rate, eps=1e-7, **impl)
        self.x = torch.from_numpy(np.ascontiguousarray(w.x, dtype=dtype))
        self.binary = w.loss == "binary_crossentropy"
        self.y = (torch.from_numpy(w.onehot.astype(dtype)) if self.binary
                  else torch.from_numpy(w.labels.astype(np.int64)))
        self.labels = torch.from_numpy(w.labels.astype(np.int64))
        self.ce = nn.CrossEntropyLoss()
        self.batch_size, self.shuffle = w.batch_size, w.shuffle
        self.gen = torch.Generator().manual_seed(SEED)
        self.losses: list[float] = []

    def _epoch(self, x: torch.Tensor, y: torch.Tensor, labels: torch.Tensor) -> None:
        n, bs = x.shape[0], self.batch_size
        order = torch.randperm(n, generator=self.gen) if self.shuffle else None
        loss_sum = torch.zeros((), dtype=x.dtype)
        correct = torch.zeros((), dtype=torch.int64)
        model, opt = self.model, self.opt
        for start in range(0, n, bs):
            if order is None:
                xb, yb, lb = x[start:start + bs], y[start:start + bs], labels[start:start + bs]
            else:
                idx = order[start:start + bs]
                xb, yb, lb = x[idx], y[idx], labels[idx]
            logits = model(xb)
            if self.binary:
                loss = F.binary_cross_entropy(torch.softmax(logits, dim=1), yb)
            else:
                loss = self.ce(logits, yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            if self.metrics:
                with torch.no_grad():
                    loss_sum += loss.detach() * xb.shape[0]
                    correct += (logits.argmax(dim=1) == lb).sum()
        self.losses.append(float(loss_sum) / n if self.metrics else float(loss.detach()))
        self.accuracy = int(correct) / n

    def run(self, epochs: int) -> None:
        for _ in range(epochs):
            self._epoch(self.x, self.y, self.labels)

    def warm_up(self, w: Workload) -> None:
        if w.warmup_epochs:
            self.run(w.warmup_epochs)
        else:  # a few batches only (BLAS threads and code paths), not a whole epoch
            rows = min(len(w.x), 10 * w.batch_size)
            self._epoch(self.x[:rows], self.y[:rows], self.labels[:rows])

    def last_loss(self) -> float:
        return self.losses[-1] if self.losses else float("nan")


class LeanNumpyRunner:
    """The reference for the engine's own overhead: the same network, loss, Adam and batch order written as
    one plain NumPy loop (no classes, no checks, no traces), with the same per-batch loss/accuracy sums.
    Only for the relu/softmax + categorical crossentropy workloads."""

    label = "numpy"

    def __init__(self, w: Workload, dtype: type) -> None:
        net = Network.build(w.sizes, ["relu", "softmax"], seed=SEED, dtype=dtype)
        self.params = [a.copy() for layer in net.layers for a in (layer.weights, layer.bias)]
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.x, self.y = w.x.astype(dtype), w.onehot.astype(dtype)
        self.lr, self.batch_size, self.shuffle = w.learning_rate, w.batch_size, w.shuffle
        self.rng = np.random.default_rng(SEED)
        self.t = 0
        self.losses: list[float] = []

    @staticmethod
    def supports(w: Workload) -> bool:
        return w.loss == "categorical_crossentropy" and len(w.sizes) == 3

    def _epoch(self, x: np.ndarray, y: np.ndarray) -> None:
        w1, b1, w2, b2 = self.params
        n = x.shape[0]
        order = self.rng.permutation(n) if self.shuffle else np.arange(n)
        loss_sum, correct = 0.0, 0
        for start in range(0, n, self.batch_size):
            idx = order[start:start + self.batch_size]
            xb, yb, m = x[idx], y[idx], len(idx)
            z1 = xb @ w1
            z1 += b1
            a1 = np.maximum(z1, 0)
            z2 = a1 @ w2
            z2 += b2
            z2 -= z2.max(axis=1, keepdims=True)
            p = np.exp(z2)
            p /= p.sum(axis=1, keepdims=True)
            loss_sum += float(-(yb * np.log(np.clip(p, 1e-7, 1.0))).sum())
            correct += int((p.argmax(axis=1) == yb.argmax(axis=1)).sum())
            d2 = (p - yb) / m
            d1 = d2 @ w2.T
            d1 *= z1 > 0
            grads = [xb.T @ d1, d1.sum(axis=0), a1.T @ d2, d2.sum(axis=0)]
            self.t += 1
            c1, c2 = 1 - 0.9**self.t, 1 - 0.999**self.t
            for param, g, mom, vel in zip(self.params, grads, self.m, self.v):
                mom *= 0.9
                mom += 0.1 * g
                vel *= 0.999
                vel += 0.001 * (g * g)
                param -= self.lr * (mom / c1) / (np.sqrt(vel / c2) + 1e-7)
        self.losses.append(loss_sum / n)

    def run(self, epochs: int) -> None:
        for _ in range(epochs):
            self._epoch(self.x, self.y)

    def warm_up(self, w: Workload) -> None:
        rows = min(len(w.x), 10 * w.batch_size)
        saved = [p.copy() for p in self.params], [a.copy() for a in self.m], [a.copy() for a in self.v], self.t
        self._epoch(self.x[:rows], self.y[:rows])
        (self.params, self.m, self.v, self.t), self.losses = saved, []

    def last_loss(self) -> float:
        return self.losses[-1] if self.losses else float("nan")


# -- timing -----------------------------------------------------------------------------------------
def time_epochs(runner: NNStudioRunner | TorchRunner | LeanNumpyRunner, epochs: int) -> float:
    start = time.perf_counter()
    runner.run(epochs)
    return (time.perf_counter() - start) / epochs


BUSY = 0.10  # a repeat during which other processes used more than this share of the CPUs is redone


def bench(w: Workload, dtype: type, with_torch: bool, with_lean: bool = True) -> dict:
    runners: list[NNStudioRunner | TorchRunner | LeanNumpyRunner] = [NNStudioRunner(w, dtype)]
    if with_torch:
        runners.append(TorchRunner(w, dtype))
    if with_lean and LeanNumpyRunner.supports(w):
        runners.append(LeanNumpyRunner(w, dtype))
    for r in runners:
        r.warm_up(w)
    pairs: list[dict[str, tuple[float, float]]] = []  # per repeat: engine -> (s/epoch, others' CPU share)
    others = OtherLoad()

    def clean(pair: dict[str, tuple[float, float]]) -> bool:
        return max(b for _, b in pair.values()) <= BUSY

    while sum(map(clean, pairs)) < w.repeats and len(pairs) < w.repeats + w.max_retries:
        order = runners if len(pairs) % 2 == 0 else runners[::-1]  # ABBA...: no engine always goes first
        pair = {}
        for r in order:
            others.start()
            t = time_epochs(r, w.epochs_per_repeat)
            pair[r.label] = (t, others.stop() or 0.0)
        pairs.append(pair)
    # Repeats disturbed by other processes are dropped when there are clean ones; otherwise all are kept.
    kept = [p for p in pairs if clean(p)] or pairs
    times = {r.label: [p[r.label][0] for p in kept] for r in runners}
    busy = {r.label: [round(p[r.label][1], 3) for p in pairs] for r in runners}
    result = {
        "workload": w.name,
        "dtype": np.dtype(dtype).name,
        "rows": int(w.x.shape[0]),
        "batch_size": w.batch_size,
        "epochs_per_repeat": w.epochs_per_repeat,
        "repeats": len(times["nnstudio"]),
        "clean_repeats": sum(map(clean, pairs)),
        "disturbed_repeats": len(pairs) - sum(map(clean, pairs)),
        "other_load_per_repeat": busy,
        "nnstudio_s_per_epoch": statistics.median(times["nnstudio"]),
        "nnstudio_times": times["nnstudio"],
        "nnstudio_last_loss": runners[0].last_loss(),
        "notes": w.notes,
    }
    if with_torch:
        t = statistics.median(times["torch"])
        paired = statistics.median(a / b for a, b in zip(times["torch"], times["nnstudio"]))
        result.update(torch_s_per_epoch=t, torch_times=times["torch"], torch_last_loss=runners[1].last_loss(),
                      speedup=t / result["nnstudio_s_per_epoch"], speedup_paired=paired)
    if "numpy" in times:
        t = statistics.median(times["numpy"])
        paired = statistics.median(a / b for a, b in zip(times["nnstudio"], times["numpy"]))
        result.update(numpy_s_per_epoch=t, numpy_times=times["numpy"], numpy_last_loss=runners[-1].last_loss(),
                      over_lean=result["nnstudio_s_per_epoch"] / t, over_lean_paired=paired)
    return result


def _fmt_seconds(s: float | None) -> str:
    if s is None:
        return "—"
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    if s < 1:
        return f"{s * 1e3:.2f} ms"
    return f"{s:.3f} s"


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


LEAN_TARGET = 1.10  # the large workload in float32: at most this many times the lean loop's time


def _lean_mark(r: dict) -> str:
    ratio = r.get("over_lean")
    if ratio is None:
        return "—"
    if r["dtype"] != "float32" or not r["workload"].startswith("random"):
        return f"{ratio:.2f}x"
    return f"{ratio:.2f}x (≤{LEAN_TARGET:g}x {'met' if ratio <= LEAN_TARGET else 'MISSED'})"


def markdown(results: list[dict], env: dict, targets: dict[str, float]) -> str:
    blas = env["blas"]
    lines = [
        "# NN Studio engine vs PyTorch CPU: seconds per epoch (median)",
        "",
        f"- CPU: {env['processor']} ({env['cpu_count']} logical CPUs), Python {env['python']}",
        f"- NumPy {blas['numpy']}, BLAS {blas.get('library')} {blas.get('version')}, "
        f"core {blas.get('core')}, {blas.get('threads')} threads ({blas.get('source')})",
        f"- torch: {env['torch']['version']}, {env['torch']['threads']} threads, "
        f"Adam implementation: {env['torch']['adam']}, "
        f"per-batch loss/accuracy bookkeeping: {'on' if env['torch']['metrics'] else 'off'}"
        if "torch" in env else "- torch: not installed (NN Studio only)",
        f"- BLAS/OpenMP environment: {env['env'] or 'none set'}",
        f"- CPU used by other processes: {_pct(env['other_load_before'])} just before, "
        f"{_pct(env.get('other_load_during'))} during the run",
    ]
    dirty = [f"{r['workload'].split()[0]} {r['dtype']}" for r in results if r["clean_repeats"] < r["repeats"]]
    if dirty:
        lines.append(f"- WARNING: other processes used more than {_pct(BUSY)} of the CPUs during every repeat of "
                     f"{', '.join(dirty)}; with {env['cpu_count']} CPUs multi-threaded BLAS/OpenMP code then stalls "
                     "for whole time slices, so those rows measure the machine's load, not the engines. "
                     "Re-run on a quiet machine (--wait-quiet 120 helps).")
    else:
        lines.append(f"- Repeats during which other processes used more than {_pct(BUSY)} of the CPUs were "
                     "disturbed and left out (see the second table).")
    lines += [
        "",
        "| workload | dtype | nnstudio s/epoch | torch s/epoch | speed-up (torch/nnstudio) | target | "
        "lean NumPy loop s/epoch | nnstudio / lean loop |",
        "|---|---|---:|---:|---:|---|---:|---:|",
    ]
    for r in results:
        sp = r.get("speedup")
        target = targets.get(r["workload"]) if r["dtype"] == "float32" else None
        mark = "" if target is None or sp is None else (f"≥{target:g}x {'met' if sp >= target else 'MISSED'}")
        if mark and r["clean_repeats"] < r["repeats"]:
            mark += " (busy machine: not valid)"
        lines.append(
            f"| {r['workload']} | {r['dtype']} | {_fmt_seconds(r['nnstudio_s_per_epoch'])} | "
            f"{_fmt_seconds(r.get('torch_s_per_epoch'))} | {'—' if sp is None else f'{sp:.2f}x'} | {mark} | "
            f"{_fmt_seconds(r.get('numpy_s_per_epoch'))} | {_lean_mark(r)} |"
        )
    lines.append("")
    lines.append("| workload | dtype | repeats x epochs (clean, disturbed) | paired speed-up (median of per-repeat "
                 "ratios) | last epoch loss nnstudio / torch |")
    lines.append("|---|---|---|---:|---|")
    for r in results:
        paired = r.get("speedup_paired")
        lines.append(f"| {r['workload']} | {r['dtype']} | {r['repeats']} x {r['epochs_per_repeat']} "
                     f"({r['clean_repeats']}, {r['disturbed_repeats']}) | "
                     f"{'—' if paired is None else f'{paired:.2f}x'} | {r['nnstudio_last_loss']:.4g} / "
                     f"{r.get('torch_last_loss', float('nan')):.4g} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and a 6000-row third workload")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--no-torch", action="store_true", help="leave PyTorch out")
    parser.add_argument("--no-lean", action="store_true", help="leave the lean NumPy reference loop out")
    parser.add_argument("--torch-adam", choices=["default", "foreach", "fused"], default="default",
                        help="torch.optim.Adam implementation (default: whatever torch picks on CPU)")
    parser.add_argument("--torch-no-metrics", action="store_true",
                        help="torch skips the per-batch loss/accuracy bookkeeping NN Studio does (leaner than fair)")
    parser.add_argument("--threads", type=int, default=None,
                        help="set NumPy's BLAS threads to N first (default: leave it); torch always gets the same")
    parser.add_argument("--wait-quiet", type=float, default=0.0, metavar="SECONDS",
                        help="before each workload wait up to SECONDS for other processes to go quiet")
    parser.add_argument("--dtype", choices=["float32", "float64", "both"], default="both")
    parser.add_argument("--only", type=int, choices=[1, 2, 3], action="append",
                        help="run only workload N (may be repeated)")
    args = parser.parse_args(argv)

    if args.threads is not None and not set_blas_threads(args.threads):
        print("could not set NumPy's BLAS threads (no threadpoolctl, not OpenBLAS)", file=sys.stderr)
    blas_threads = int(blas_info().get("threads") or os.cpu_count() or 1)
    with_torch = torch is not None and not args.no_torch
    TorchRunner.adam_impl = args.torch_adam
    TorchRunner.metrics = not args.torch_no_metrics
    env = environment(blas_threads)
    if "torch" in env:
        env["torch"]["adam"] = args.torch_adam
        env["torch"]["metrics"] = not args.torch_no_metrics
    workloads = make_workloads(args.quick)
    targets = {workloads[0].name: 4.0, workloads[1].name: 4.0, workloads[2].name: 1.25}
    if args.only:
        workloads = [w for i, w in enumerate(workloads, 1) if i in args.only]
    dtypes = [np.float32, np.float64] if args.dtype == "both" else [getattr(np, args.dtype)]

    results = []
    during = OtherLoad()
    t0 = time.perf_counter()
    for w in workloads:
        for dtype in dtypes:
            if args.wait_quiet > 0 and not wait_until_quiet(args.wait_quiet) and not args.json:
                print(f"... the machine did not go quiet within {args.wait_quiet:g} s", file=sys.stderr)
            results.append(bench(w, dtype, with_torch, not args.no_lean))
            if not args.json:
                r = results[-1]
                print(f"... {r['workload']} {r['dtype']}: nnstudio {_fmt_seconds(r['nnstudio_s_per_epoch'])}"
                      + (f", torch {_fmt_seconds(r['torch_s_per_epoch'])}" if with_torch else ""),
                      file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - t0
    env["other_load_during"] = during.stop()
    if args.json:
        print(json.dumps({"environment": env, "quick": args.quick, "elapsed_s": elapsed,
                          "targets_float32": targets, "results": results}, indent=2))
    else:
        print(markdown(results, env, targets))
        print(f"\nTotal benchmark time {elapsed:.1f} s{' (--quick)' if args.quick else ''}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
