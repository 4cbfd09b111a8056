"""Application bootstrap: ``main(argv)`` creates the QApplication and opens the main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from nnstudio.core.training_process import ChildRun
from nnstudio.errors import NNStudioError
from nnstudio.gui import i18n, startup_probe, theme
from nnstudio.gui.main_window import APPLICATION, ORGANIZATION, MainWindow, make_settings
from nnstudio.gui.text import as_rich
from nnstudio.gui.training_process import warm_up_training
from nnstudio.resource_files import resource

log = logging.getLogger("nnstudio")
WARM_UP_DELAY_MS = 300  # after the first paint


def log_file() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base) if base else Path.home() / ".local" / "share" / APPLICATION
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "nnstudio.log"


def install_excepthook() -> None:
    """Unexpected errors: log the traceback, show a short dialog; user errors show just their message."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        app = QApplication.instance()
        if app is None:
            return
        if isinstance(error, NNStudioError):
            text = str(error)
        else:
            text = i18n.tr("Something went wrong: {error}\n\nYour work is kept; the details were written to the log "
                           "file. Saving your project now is a good idea.").format(error=error)
        QMessageBox.critical(QApplication.activeWindow(), "NN Studio", as_rich(text))

    sys.excepthook = hook


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "nnstudio", *(argv or [])])
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("NN Studio")
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName("nnstudio")  # matches packaging/nnstudio.desktop (window icon on Wayland)
    app_icon = Path(str(resource("icons", "nnstudio.svg")))
    if app_icon.is_file():
        app.setWindowIcon(QIcon(str(app_icon)))
    settings = make_settings()
    i18n.apply_language(i18n.chosen_language(settings))
    theme.apply_theme(app, str(settings.value("theme", theme.LIGHT)))
    return app


def smoke_train(window: MainWindow, epochs: int = 3) -> None:
    """Packaging checks: train the open example a few epochs in a training process, as Train does (in a bundle
    this needs the fork server and ``freeze_support``); print the outcome, an error to stderr."""
    child = ChildRun(window.document.project, epochs)
    child.start()
    last = None
    while (message := child.receive()) is not None:
        last = message
    child.join()
    child.close()
    if last is not None and last[0] == "finished" and last[1].epochs_trained == epochs:
        print(f"smoke test: trained {epochs} epochs in a training process", flush=True)
    else:
        print(f"nnstudio: error: training in a training process failed ({child.start_error or last})",
              file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """``nnstudio [FILE]``: open the window with FILE or the Laptop example."""
    args = list(argv or [])
    app = create_app()
    try:
        logging.basicConfig(filename=str(log_file()), level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    except OSError:
        logging.basicConfig(level=logging.INFO)
    install_excepthook()
    try:
        window = MainWindow()
        if startup_probe.enabled():  # benchmarks/bench_startup.py: quit after the first paint, print the time
            startup_probe.install(window.canvas.viewport(), app)
        window.show()
    finally:
        gc.enable()  # off during start-up when launched by ``nnstudio`` (__main__.py)
    if not window.recovery.offer() and args:
        window.files.open_file(args[0], ask=False)
    # the training fork server imports the engine while the user looks at the window: the first Train is quick
    QTimer.singleShot(WARM_UP_DELAY_MS, warm_up_training)
    if os.environ.get("NNSTUDIO_SMOKE_TEST"):  # packaging checks: start, show, train, quit cleanly
        QTimer.singleShot(0, lambda: smoke_train(window))
        QTimer.singleShot(1000, app.quit)
    return app.exec()
