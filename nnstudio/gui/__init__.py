"""The desktop GUI (PySide6 + pyqtgraph). ``nnstudio.core`` and ``nnstudio.io`` never import this."""
