"""How the diagram draws: cached pictures for items that stay still, direct drawing while they change, and
exports drawn as vectors."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QGraphicsItem

from nnstudio.gui.main_window import MainWindow

CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
DIRECT = QGraphicsItem.CacheMode.NoCache


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_changing_items_draw_directly_and_cache_once_still(qtbot, window):
    canvas, scene = window.canvas, window.canvas.network_scene
    qtbot.waitUntil(lambda: all(b.cacheMode() == CACHED for b in scene.bundles), timeout=5_000)
    weights = [layer.weights * 0.5 for layer in window.document.network.layers]
    canvas.set_preview_weights(weights)  # a training snapshot: the connections change
    assert all(b.cacheMode() == DIRECT for b in scene.bundles)
    np.testing.assert_allclose(scene.bundles[0].values, weights[0][scene.bundles[0].sources,
                                                                  scene.bundles[0].targets])
    qtbot.waitUntil(lambda: all(b.cacheMode() == CACHED for b in scene.bundles), timeout=5_000)
    canvas.zoom(1.25)  # every picture is at the old scale
    assert all(item.cacheMode() == DIRECT for item in scene.neurons.values())
    qtbot.waitUntil(lambda: all(item.cacheMode() == CACHED for item in scene.neurons.values()), timeout=5_000)


def test_an_svg_export_is_drawn_in_vectors_and_the_screen_keeps_its_pictures(qtbot, window, tmp_path):
    window.acts["neuron_maps"].setChecked(False)  # maps are pictures by nature
    canvas, scene = window.canvas, window.canvas.network_scene
    qtbot.waitUntil(lambda: all(b.cacheMode() == CACHED for b in scene.bundles), timeout=5_000)
    svg = tmp_path / "diagram.svg"
    canvas.export_image(str(svg))
    text = svg.read_text(encoding="utf-8")
    assert "<path" in text and "<image" not in text
    assert all(b.cacheMode() == CACHED for b in scene.bundles)
