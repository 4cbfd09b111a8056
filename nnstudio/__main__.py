"""``nnstudio`` with no arguments (or a file) opens the GUI; subcommands run headless (see cli.py)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from nnstudio.cli import SUBCOMMANDS, run_cli

    if args and (args[0] in SUBCOMMANDS or args[0].startswith("-")):
        return run_cli(args)
    from nnstudio.gui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
