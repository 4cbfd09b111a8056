"""``nnstudio`` with no arguments (or a file) opens the GUI; subcommands run headless (see cli.py)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys


def window_environment() -> None:
    """The window's own matrix products are small: one BLAS thread (set before NumPy loads). Training
    processes get the user's setting back (core.training_process.engine_environment). Benchmarks of the
    window call this too, so they measure what ``nnstudio`` runs."""
    if "OPENBLAS_NUM_THREADS" not in os.environ:
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
        os.environ["NNSTUDIO_WINDOW_BLAS"] = "1"


def main(argv: list[str] | None = None) -> int:
    # A frozen bundle starts its training fork server as this program with multiprocessing's arguments: run
    # that and exit here (a no-op everywhere else).
    multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else argv
    if args:  # no arguments opens the window without loading the command line's modules (start-up time)
        from nnstudio.cli import SUBCOMMANDS, run_cli

        # A word that is neither a subcommand nor an existing file is a typo: let the CLI explain it.
        if args[0] in SUBCOMMANDS or args[0].startswith("-") or not os.path.exists(args[0]):
            return run_cli(args)
    # Opening the window creates tens of thousands of long-lived objects (Qt types, enums, modules) and
    # the cyclic collector would scan them over and over: it is off until the window is shown (app.main).
    gc.disable()
    window_environment()
    from nnstudio.gui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
