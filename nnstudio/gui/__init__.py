"""The desktop GUI (PySide6 + pyqtgraph). Imports Qt; ``nnstudio.core`` and ``nnstudio.io`` never import this."""
