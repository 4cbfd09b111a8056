"""Render the NN Studio application icon (SVG) to PNG files of standard sizes.

Usage (from the repository root)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

Writes ``resources/icons/nnstudio-<size>.png`` for sizes 16, 32, 48, 64, 128
and 256, each with a transparent background.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def render_svg(svg_path: Path, size: int) -> QImage:
    """Render *svg_path* into a square, transparent ARGB image of *size* px."""
    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise ValueError(f"invalid SVG: {svg_path}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--svg", type=Path, default=ICON_DIR / "nnstudio.svg", help="source SVG"
    )
    parser.add_argument(
        "--out-dir", type=Path, default=ICON_DIR, help="directory for the PNG files"
    )
    args = parser.parse_args(argv)

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    args.out_dir.mkdir(parents=True, exist_ok=True)
    stem = args.svg.stem
    for size in SIZES:
        out = args.out_dir / f"{stem}-{size}.png"
        image = render_svg(args.svg, size)
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(out), "PNG"):
            print(f"error: could not write {out}", file=sys.stderr)
            return 1
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
