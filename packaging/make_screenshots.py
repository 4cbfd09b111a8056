"""Render the README's screenshots offscreen: QT_QPA_PLATFORM=offscreen python packaging/make_screenshots.py

Opens the real main window (1280 × 800, and a fresh one at 1024 × 768), trains examples, plays a step and
turns on presentation mode, and saves PNGs to docs/screenshots/. The user guide's pictures
(resources/guide/images) are copies of some of them, made smaller to keep the package small.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QImage

from nnstudio.gui.app import create_app
from nnstudio.gui.document import Selection
from nnstudio.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
GUIDE_IMAGES = ROOT / "resources" / "guide" / "images"
GUIDE_PICTURES = ["main-window", "laptop-trained", "spiral-trained", "laptop-backward", "presentation"]
GUIDE_WIDTH = 900
SCREEN = (1280, 800)  # the offscreen screen: a common projector size, for the presentation screenshot


def use_screen_size() -> None:
    """Give the offscreen platform a screen of SCREEN's size (before the application starts)."""
    if os.environ["QT_QPA_PLATFORM"] == "offscreen":
        config = Path(tempfile.mkdtemp()) / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": SCREEN[0],
                                                   "height": SCREEN[1], "logicalDpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def train(window: MainWindow, epochs: int | None = None) -> None:
    bench = window
    if epochs is not None:
        cfg = window.document.project.training
        cfg.epochs = epochs
        bench.training_panel.set_config(cfg)
    loop = QEventLoop()
    bench.training.committed.connect(loop.quit)
    bench.training_panel.trainRequested.emit()
    loop.exec()
    wait(300)


def wait_for(signal, ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def set_training(window: MainWindow, **values) -> None:
    cfg = window.document.project.training
    for key, value in values.items():
        setattr(cfg, key, value)
    window.training_panel.set_config(cfg)


def runs_screenshots(window: MainWindow) -> None:
    """Runs compared (issue 16): a run and two forks of it overlaid with their settings side by side, the
    weight timeline of one connection over the three runs, and the optimizer race on an exact landscape."""
    window.files.open_example("laptop", ask=False)
    docks = window.docks
    window.tabifyDockWidget(docks["Dataset"], docks["Runs"])
    window.resizeDocks([docks["Runs"], docks["Plots"]], [620, 880], Qt.Orientation.Horizontal)
    window.resizeDocks([docks["Plots"]], [470], Qt.Orientation.Vertical)
    set_training(window, optimizer="adam", learning_rate=0.1)
    train(window, 80)
    for optimizer, rate in (("adam", 0.01), ("sgd", 0.5)):
        window.history.set_epoch(20)
        wait(200)
        window.history.fork()
        wait_for(window.history.forked)
        set_training(window, optimizer=optimizer, learning_rate=rate)
        train(window, 60)
    for run_id, name in ((1, "Adam η=0.1"), (2, "fork: Adam η=0.01"), (3, "fork: SGD η=0.5")):
        window.runs_panel.item_of(run_id).setText(0, name)
    window.runs_panel.select_runs([1, 2, 3])
    window.runs_panel.only_differences.setChecked(True)
    window.plots.set_log_scale(True)
    docks["Runs"].raise_()
    docks["Plots"].raise_()
    wait(400)
    window.grab().save(str(OUT / "runs-overlaid.png"))

    docks["Weight Timeline"].raise_()
    timeline = window.weight_timeline
    window.document.set_selection(Selection.connection(0, 0, 1))
    wait_for(timeline.task.done)
    wait(300)
    window.grab().save(str(OUT / "weight-timeline.png"))
    window.plots.set_log_scale(False)

    docks["Landscape"].raise_()
    window.landscape.set_plane("connections", (0, 0, 1), (0, 1, 1))
    window.landscape.draw()
    wait_for(window.landscape.task.done)
    wait(300)
    docks["Landscape"].widget().grab().save(str(OUT / "landscape.png"))

    window.files.open_example("infections-linear", ask=False)
    window.show_race()
    dialog = window.race_dialog
    dialog.rates.setText("0.01")
    dialog.epochs.setValue(100)
    dialog.start()
    wait_for(dialog.task.done)
    wait(300)
    dialog.grab().save(str(OUT / "race-landscape.png"))
    dialog.close()
    window.document.set_modified(False)


def new_window(width: int, height: int) -> MainWindow:
    """A main window with fresh settings (the default layout for its size), shown at width × height."""
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.report_error = lambda message, title="": print("error:", message)
    window.resize(width, height)
    window.show()
    wait(300)
    return window


def close(window: MainWindow) -> None:
    window.document.set_modified(False)
    window.close()


def main() -> None:
    use_screen_size()
    app = create_app([])  # keep a reference: the QApplication must outlive the window
    OUT.mkdir(parents=True, exist_ok=True)
    small = new_window(1024, 768)
    small.document.set_selection(Selection.neuron(1, 0))  # the Inspector with a 3-input neuron
    wait(200)
    small.grab().save(str(OUT / "window-1024x768.png"))
    close(small)

    window = new_window(*SCREEN)
    window.grab().save(str(OUT / "main-window.png"))

    train(window)
    window.views.show_sample(2)
    wait(200)
    window.grab().save(str(OUT / "laptop-trained.png"))
    window.docks["Plots"].widget().grab().save(str(OUT / "plots.png"))

    window.plots.tabs.setCurrentWidget(window.plots.output)
    window.presentation.set_active(True)
    wait(500)
    window.grab().save(str(OUT / "presentation.png"))
    window.presentation.set_active(False)
    window.plots.tabs.setCurrentIndex(0)
    wait(300)

    window.files.open_example("spiral", ask=False)
    train(window, 300)
    plots = window.plots
    plots.tabs.setCurrentIndex(plots.tabs.count() - 1)
    wait(300)
    window.grab().save(str(OUT / "spiral-trained.png"))
    plots.grab().save(str(OUT / "decision-boundary.png"))

    window.files.open_example("perceptron-sigmoid", ask=False)
    bench = window
    x = window.document.project.dataset.raw_inputs()
    row = int(((x[:, 0] == 0.6) & (x[:, 1] == 0.9)).nonzero()[0][0])
    bench.step_panel.row_spin.setValue(row + 1)
    window.docks["Step"].raise_()
    window.docks["Math"].raise_()
    window.document.set_selection(Selection.neuron(0, 0))
    names = ["step-forward", "step-loss", "step-backward", "step-update"]
    for name in names:
        if name == "step-backward":
            bench.step_panel.backward_action.trigger()
        elif name == "step-update":
            bench.step_panel.update_action.trigger()
        else:
            bench.step_panel.forward_action.trigger()
        wait(500)
        window.grab().save(str(OUT / f"{name}.png"))

    runs_screenshots(window)

    window.files.open_example("laptop", ask=False)
    bench = window
    bench.step_panel.row_spin.setValue(3)
    window.document.set_selection(Selection.neuron(0, 1))
    bench.step_panel.forward_action.trigger()
    bench.step_panel.forward_action.trigger()
    bench.step_panel.forward_action.trigger()
    bench.step_panel.backward_action.trigger()
    bench.step_panel.backward_action.trigger()
    wait(500)
    window.grab().save(str(OUT / "laptop-backward.png"))
    window.docks["Math"].widget().grab().save(str(OUT / "math-inspector.png"))
    lesson_shot(window)
    image_shots(window)
    close(window)
    if OUT == ROOT / "docs" / "screenshots":
        copy_guide_pictures()
    print("saved to", OUT)
    app.processEvents()


def copy_guide_pictures() -> None:
    """The user guide's pictures: the screenshots it shows, at most GUIDE_WIDTH wide."""
    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    for name in GUIDE_PICTURES:
        image = QImage(str(OUT / f"{name}.png"))
        if image.width() > GUIDE_WIDTH:
            image = image.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            image.save(str(GUIDE_IMAGES / f"{name}.png"))
        else:
            shutil.copyfile(OUT / f"{name}.png", GUIDE_IMAGES / f"{name}.png")


def lesson_shot(window: MainWindow) -> None:
    """A lesson step in the Lessons dock: the sigmoid neuron's first step, its quiz answered wrong once (so a
    hint shows), its check ticking."""
    from nnstudio.io.lesson_format import load_bundled

    window.lesson_actions.start(load_bundled("sigmoid-neuron"))
    lessons = window.lessons
    step = lessons.step
    if step.quizzes:
        row = window.lessons_panel.quiz_rows[step.quizzes[0].quiz_id]
        row.field.setText("0.5")
        lessons.set_answer(step.quizzes[0].quiz_id, "0.5")
        lessons.check_now()
    wait(400)
    window.grab().save(str(OUT / "lesson.png"))
    lessons.close_lesson()


def draw_strokes(pad, strokes: list[list[tuple[int, int]]]) -> None:
    """Drag the mouse over the drawing pad along each stroke's points."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    for points in strokes:
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
        for point in points[1:]:
            QTest.mouseMove(pad, QPoint(*point))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def image_shots(window: MainWindow) -> None:
    """Image data: the thumbnails after training, the weight images mid-training, the drawing pad."""
    from PySide6.QtCore import Qt

    window.files.open_example("digits", ask=False)
    train(window, 15)
    editor = window.dataset_editor
    window.resizeDocks([window.docks["Dataset"]], [420], Qt.Orientation.Vertical)
    editor.splitter.setSizes([360, 0, 640])
    wrong = editor.thumbnails.model.predictions.wrong.nonzero()[0]
    editor.select_row(int(wrong[0]) if len(wrong) else 0)  # scrolls to a mistake, framed in red
    wait(300)
    window.docks["Dataset"].grab().save(str(OUT / "image-thumbnails.png"))

    window.files.open_example("shapes", ask=False)
    window.document.set_selection(Selection.neuron(0, 17))
    window.show_weight_images()
    window.resizeDocks([window.docks["Dataset"]], [330], Qt.Orientation.Vertical)
    window.resizeDocks([window.docks["Inspector"]], [330], Qt.Orientation.Vertical)
    window.resizeDocks([window.docks["Dataset"], window.docks["Weight Images"]], [560, 940],
                       Qt.Orientation.Horizontal)
    editor.splitter.setSizes([300, 0, 260])
    cfg = window.document.project.training
    cfg.epochs = 10_000
    window.training_panel.set_config(cfg)
    epochs: list[int] = []
    window.training.progress.connect(lambda snapshot: epochs.append(snapshot.global_epoch))
    window.training_panel.trainRequested.emit()
    while not epochs or epochs[-1] < 8:
        wait(50)
    wait(400)  # the throttled views catch up with the run
    window.grab().save(str(OUT / "weight-images-training.png"))
    loop = QEventLoop()
    window.training.committed.connect(loop.quit)
    window.training.stop()
    loop.exec()

    window.files.open_example("digits", ask=False)
    train(window, 30)
    window.docks["Weight Images"].hide()
    window.docks["Plots"].raise_()
    window.docks["Predict"].raise_()
    window.resize(1500, 1150)
    wait(200)
    window.resizeDocks([window.docks["Dataset"]], [210], Qt.Orientation.Vertical)
    window.resizeDocks([window.docks["Inspector"], window.docks["Predict"]], [60, 900], Qt.Orientation.Vertical)
    window.document.set_selection(None)
    draw_strokes(window.predict.drawing.pad, [[(60, 40), (110, 36), (165, 40)],
                                              [(165, 40), (140, 90), (118, 140), (100, 190)]])  # a 7
    wait(300)
    window.grab().save(str(OUT / "draw-and-predict.png"))
    window.resize(1500, 940)


if __name__ == "__main__":
    main()
