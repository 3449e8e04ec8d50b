"""Draw Latent Studio's icon: an autoencoder's hourglass (wide input, narrow code, wide output).

Writes ``assets/icons/latent-studio.svg`` and PNGs at 256, 128, 64 and 32 px,
rendered with QPainter from the same shapes. Run: ``python assets/make_icon.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPolygonF  # noqa: E402

ICONS = Path(__file__).resolve().parent / "icons"
BACK_TOP, BACK_BOTTOM = "#24476e", "#3b6ea8"
ENCODER, DECODER, CODE = "#8fd3ff", "#ffd27f", "#ffffff"

# Shapes on a 256×256 canvas.
ENCODER_POLY = [(40, 56), (112, 104), (112, 152), (40, 200)]
DECODER_POLY = [(216, 56), (144, 104), (144, 152), (216, 200)]
CODE_RECT = (116, 104, 24, 48)

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="{BACK_TOP}"/><stop offset="1" stop-color="{BACK_BOTTOM}"/></linearGradient></defs>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="url(#bg)"/>
  <polygon points="{" ".join(f"{x},{y}" for x, y in ENCODER_POLY)}" fill="{ENCODER}"/>
  <polygon points="{" ".join(f"{x},{y}" for x, y in DECODER_POLY)}" fill="{DECODER}"/>
  <rect x="{CODE_RECT[0]}" y="{CODE_RECT[1]}" width="{CODE_RECT[2]}" height="{CODE_RECT[3]}" rx="6" fill="{CODE}"/>
</svg>
"""


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)
    gradient = QLinearGradient(0, 0, 0, 256)
    gradient.setColorAt(0, QColor(BACK_TOP))
    gradient.setColorAt(1, QColor(BACK_BOTTOM))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)
    for points, colour in ((ENCODER_POLY, ENCODER), (DECODER_POLY, DECODER)):
        painter.setBrush(QColor(colour))
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    painter.setBrush(QColor(CODE))
    painter.drawRoundedRect(QRectF(*CODE_RECT), 6, 6)
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QPainter needs it)
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "latent-studio.svg").write_text(SVG, encoding="utf-8")
    render(256).save(str(ICONS / "latent-studio.png"))
    for size in (128, 64, 32):
        render(size).save(str(ICONS / f"latent-studio-{size}.png"))
    print(f"wrote {ICONS}")


if __name__ == "__main__":
    main()
