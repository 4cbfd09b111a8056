"""What a click on a neuron costs the window in step mode: the Document's selection moves from neuron to
neuron (every listener runs: Inspector, Math dock, canvas, weight image) and the event loop then lays out
and paints, as after a real click. Offscreen, one real MainWindow (1200 × 800) on the Laptop example with
the first step's Forward, Loss and Backward phases played, and on a 2-3-2-2 network.

Times are the GUI thread's CPU time (``time.thread_time``) per click: the selection change alone
(``select``) and the selection change plus the events it queues (``click``). The median and the worst are
printed. ``--before DIR`` measures a second copy of the package (e.g. ``git archive <commit> nnstudio |
tar -x -C DIR``) in the same run, alternating the two in separate processes, and prints after / before.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_inspector_click.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_inspector_click.py --before /tmp/before --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROUNDS_OF_CLICKS = 6
METRICS = ["select", "click"]


def measure() -> dict[str, list[float]]:
    """One process: every click's CPU ms."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = tempfile.mkdtemp(prefix="bench-inspector-")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(folder, "config")
    os.environ["XDG_DATA_HOME"] = os.path.join(folder, "data")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from nnstudio.core.network import Network
    from nnstudio.core.project import Project
    from nnstudio.gui import theme
    from nnstudio.gui.document import Selection
    from nnstudio.gui.main_window import MainWindow
    from nnstudio.io.examples import load_example

    app = QApplication.instance() or QApplication([])
    theme.apply_theme(app)
    win = MainWindow(None, QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat))
    win.resize(1200, 800)
    win.show()
    app.processEvents()
    errors: list[str] = []
    win.report_error = lambda message, title="": errors.append(message)  # no message box to wait on
    result: dict[str, list[float]] = {name: [] for name in METRICS}
    projects = [load_example("laptop"),
                Project(Network.build([2, 3, 2, 2], ["tanh", "elu", "softmax"], seed=5))]
    for project in projects:
        win.document.replace_project(project)
        app.processEvents()
        if project is projects[0]:  # the example has data to step on
            if not win.step_panel.sample_radio.isChecked():
                win.step_panel.sample_radio.click()
            for _ in range(4):  # forward, forward, loss, backward: the Math dock has formulas to show
                win.stepper.play_next_phase()
        net = win.document.network
        neurons = [Selection.neuron(i, j) for i in range(-1, len(net.layers))
                   for j in range(net.input_size if i < 0 else net.layers[i].units)]
        for _ in range(ROUNDS_OF_CLICKS):
            for sel in neurons:
                start = time.thread_time()
                win.document.set_selection(sel)
                selected = time.thread_time()
                app.processEvents()
                end = time.thread_time()
                result["select"].append((selected - start) * 1000)
                result["click"].append((end - start) * 1000)
    if errors:
        raise SystemExit(f"the window reported: {errors}")
    return result  # the process ends without closing the window (closing would ask to save the step's edits)


def run(source: str | None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, __file__, "--measure"], env=env, capture_output=True, text=True,
                          check=True, cwd=source or os.getcwd())
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="a folder holding an earlier copy of the nnstudio package")
    parser.add_argument("--rounds", type=int, default=1, help="processes per version (alternated)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure()), flush=True)
        os._exit(0)
    versions = {"after": None} | ({"before": args.before} if args.before else {})
    samples: dict[str, dict[str, list[float]]] = {v: {m: [] for m in METRICS} for v in versions}
    for _ in range(args.rounds):
        for version, source in versions.items():
            for metric, values in run(source).items():
                samples[version][metric].extend(values)
    print(f"CPU ms per click ({len(samples['after']['click'])} clicks per version), median / worst")
    for metric in METRICS:
        line = f"  {metric:7s}"
        for version in versions:
            values = samples[version][metric]
            line += f"  {version}: {statistics.median(values):6.2f} / {max(values):6.2f}"
        if "before" in versions:
            ratio = statistics.median(samples["after"][metric]) / statistics.median(samples["before"][metric])
            line += f"  after/before median: {ratio:.2f}"
        print(line)


if __name__ == "__main__":
    main()
