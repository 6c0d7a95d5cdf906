"""Render the application icon from assets/icons/selfcheck.svg at the usual sizes.

PNGs at the hicolor sizes, all from the one SVG so they never drift apart. Linux desktops
use them as they are; on Windows and macOS PyInstaller turns the 256 and 512 pixel PNGs
into .ico and .icns itself (with Pillow, from the `build` extra). Run after changing the
SVG and commit the results: `python scripts/make-icons.py`.
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "assets" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    svg.render(painter)
    painter.end()
    return image


def write(image: QImage, path: Path, fmt: str) -> None:
    writer = QImageWriter(str(path), fmt.encode())
    if not writer.write(image):
        sys.exit(f"make-icons: cannot write {path}: {writer.errorString()}")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = QSvgRenderer(str(ICONS / "selfcheck.svg"))
    if not svg.isValid():
        sys.exit("make-icons: assets/icons/selfcheck.svg is not a valid SVG")
    for size in SIZES:
        write(render(svg, size), ICONS / f"selfcheck-{size}.png", "png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
