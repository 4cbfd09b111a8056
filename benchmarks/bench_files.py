"""How fast and in how much memory the command line accepts or refuses worst-case files.

Every file is made in a temporary folder: files just under the size limits built to be slow to parse (a
million tiny layers, thirty million small numbers, deep nesting), the largest files NN Studio accepts, and
endless input. Each case runs ``python -m nnstudio ...`` in a fresh process; the table gives the wall time
(interpreter start-up included) and the peak resident memory of that process.

    .venv/bin/python benchmarks/bench_files.py          # about a minute; needs ~1.5 GB of free disk
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

MB = 1024 * 1024
MODEL_HEAD = '{"format": "nnstudio.model", "version": 1, "inputs": ["a"], "outputs": ["y"], "layers": ['


def _repeat(path: Path, head: str, item: str, tail: str, total: int, sep: str = ",") -> None:
    count = max(1, (total - len(head) - len(tail)) // (len(item) + len(sep)))
    block = sep.join([item] * 10_000)
    with open(path, "w") as fh:
        fh.write(head)
        for start in range(0, count, 10_000):
            n = min(10_000, count - start)
            fh.write((sep if start else "") + (block if n == 10_000 else sep.join([item] * n)))
        fh.write(tail)


def _weights(path: Path, fan_in: int, units: int) -> None:
    rng = np.random.default_rng(0)
    with open(path, "w") as fh:
        fh.write('{"format": "nnstudio.model", "version": 1, "inputs": ' + json.dumps([f"x{i}" for i in range(fan_in)])
                 + ', "outputs": ' + json.dumps([f"y{i}" for i in range(units)]) + ', "layers": [{"units": '
                 + f'{units}, "activation": "linear", "weights": [')
        for i in range(fan_in):
            fh.write(("," if i else "") + json.dumps(rng.normal(size=units).tolist()))
        fh.write("]}]}")


def _project(path: Path, rows: int, columns: int, history: int = 0) -> None:
    from nnstudio.core.data import Dataset
    from nnstudio.io.examples import laptop
    from nnstudio.io.jsonio import dump_json
    from nnstudio.io.project_format import project_to_dict

    project = laptop()
    data = project_to_dict(project)
    if rows:
        rng = np.random.default_rng(0)
        table = rng.integers(0, 10, size=(rows, columns)).astype(float)
        data["dataset"] = project_to_dict_dataset(Dataset.from_arrays(table[:, :-1], table[:, -1]))
    if history:
        n = np.arange(1, history + 1)
        data["history"] = {"epoch": n.tolist(), "loss": (1 / n).tolist(), "accuracy": (n % 7 / 7).tolist()}
    path.write_text(dump_json(data))


def project_to_dict_dataset(dataset) -> dict:
    from nnstudio.io.project_format import dataset_to_dict

    return dataset_to_dict(dataset)


def _csv(path: Path, header: str, line: str, total: int) -> None:
    _repeat(path, header + "\n", line, "\n", total, sep="\n")


def _numbers_csv(path: Path, rows: int, columns: int, text: bool = False) -> None:
    rng = np.random.default_rng(0)
    with open(path, "w") as fh:
        fh.write(",".join(f"c{i}" for i in range(columns)) + "\n")
        for start in range(0, rows, 10_000):
            block = rng.random((min(10_000, rows - start), columns)).round(6)
            prefix = "x" if text else ""
            fh.write("\n".join(",".join(prefix + str(float(v)) for v in row) for row in block) + "\n")


def _model_for(path: Path, inputs: list[str], output: str) -> None:
    subprocess.run([sys.executable, "-m", "nnstudio", "new", "--layers", f"{len(inputs)},1", "--inputs",
                    ",".join(inputs), "--outputs", output, "--out", str(path)], check=True, capture_output=True)


_MEASURE = """
import os, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(seconds, peak, done.returncode, done.stderr.strip().replace(chr(10), " "), sep="\\t")
"""


def run(args: list[str], stdin: int | None = subprocess.DEVNULL) -> tuple[float, float, int, str]:
    """Time and peak memory of ``nnstudio ARGS``, measured by a small wrapper process: a child's peak memory
    counts the memory of the process it was started from, so it must not be started from this one."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-m", "nnstudio", *args], stdin=stdin,
                          capture_output=True, text=True, check=True)
    seconds, peak, code, err = done.stdout.rstrip("\n").split("\t")
    return float(seconds), float(peak), int(code), err


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="nnstudio-bench-files-"))
    cases: list[tuple[str, Callable[[], list[str]], int | None]] = []

    def case(label: str, make: Callable[[Path], list[str]], stdin: Callable[[], int] | None = None) -> None:
        cases.append((label, make, stdin))

    p = folder
    case("model: 1.2 million tiny layers (65 MB)", lambda: (
        _repeat(p / "layers.json", MODEL_HEAD, '{"units": 1, "activation": "relu", "weights": [[1]]}', "]}",
                65_000_000), ["validate", str(p / "layers.json")])[1])
    case("model: 30 million small numbers (60 MB)", lambda: (
        _repeat(p / "ints.json", MODEL_HEAD + '{"units": 1, "activation": "relu", "weights": [[', "1", "]]}]}",
                60_000_000), ["validate", str(p / "ints.json")])[1])
    case("model: nested 30 million deep (60 MB)", lambda: (
        (p / "deep.json").write_text("[" * 30_000_000 + "]" * 30_000_000), ["validate", str(p / "deep.json")])[1])
    case("model: 3 million weights (66 MB)", lambda: (
        _weights(p / "w3m.json", 1000, 3000), ["validate", str(p / "w3m.json")])[1])
    case("model: 1 million weights (22 MB)", lambda: (
        _weights(p / "w1m.json", 1000, 1000), ["validate", str(p / "w1m.json")])[1])
    case("model: 2 million weights, the limit (44 MB)", lambda: (
        _weights(p / "w2m.json", 1000, 1997), ["validate", str(p / "w2m.json")])[1])
    case("project: 200,000 x 25 table of digits, the limit (15 MB)", lambda: (
        _project(p / "table.nnstudio", 200_000, 25), ["validate", str(p / "table.nnstudio")])[1])
    case("project: history of 1 million epochs, old file (60 MB)", lambda: (
        _project(p / "history.nnstudio", 0, 0, 1_000_000), ["validate", str(p / "history.nnstudio")])[1])
    case("model: /dev/zero", lambda: ["validate", "/dev/zero"])
    m2, m50 = p / "m2.json", p / "m50.json"
    case("csv: 199 MB of short lines", lambda: (
        _model_for(m2, ["a", "b"], "y"), _csv(p / "short.csv", "a,b,y", "0.1,0.2,1", 199 * MB),
        ["train", str(m2), "--data", str(p / "short.csv")])[-1])
    case("csv: 15,000 columns x 3,000 rows (90 MB)", lambda: (
        _repeat(p / "wide.csv", ",".join(f"c{i}" for i in range(15_000)) + "\n", ",".join(["1"] * 15_000), "\n",
                90_000_000, sep="\n"), ["train", str(m2), "--data", str(p / "wide.csv")])[1])
    case("csv: 200,000 x 25 numbers, the limit (45 MB), predict", lambda: (
        _model_for(m50, [f"c{i}" for i in range(24)], "c24"), _numbers_csv(p / "big.csv", 200_000, 25),
        ["predict", str(m50), "--data", str(p / "big.csv")])[-1])
    case("csv: 200,000 x 25 text cells (50 MB), train", lambda: (
        _numbers_csv(p / "text.csv", 200_000, 25, text=True),
        ["train", str(m50), "--data", str(p / "text.csv")])[1])
    case("csv: 400,000 x 25 numbers (90 MB), predict", lambda: (
        _numbers_csv(p / "rows.csv", 400_000, 25), ["predict", str(m50), "--data", str(p / "rows.csv")])[1])
    endless = "import sys\nline = b'1,' * 999 + b'1\\n'\nwhile True:\n    sys.stdout.buffer.write(line * 64)\n"
    case("csv: endless pipe on --data /dev/stdin", lambda: ["train", str(m2), "--data", "/dev/stdin"],
         lambda: subprocess.Popen([sys.executable, "-c", endless], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL))

    print(f"{'case':<55} {'result':<44} {'seconds':>8} {'peak MB':>8}")
    for label, make, feeder in cases:
        args = make()
        writer = feeder() if feeder else None
        seconds, peak, code, err = run(args, writer.stdout if writer else subprocess.DEVNULL)
        if writer:
            writer.kill()
            writer.wait()
        result = "accepted" if code == 0 else f"exit {code}: " + err.split(": ", 2)[-1]
        print(f"{label:<55} {result[:44]:<44} {seconds:>8.2f} {peak:>8.0f}", flush=True)
        for name in os.listdir(folder):  # keep the disk use down
            if not name.startswith("m") or not name.endswith(".json"):
                (folder / name).unlink()
    for name in os.listdir(folder):
        (folder / name).unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
