"""Dockable panels: palette, inspector, weight table (and the training/dataset/plot panels)."""
