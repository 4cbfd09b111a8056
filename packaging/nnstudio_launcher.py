"""Entry point of the PyInstaller bundle: the same as the ``nnstudio`` console script."""

import sys

from nnstudio.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
