"""The latent code of one image as a bar chart.

A stacked autoencoder's 30 numbers, a sparse one's 300 (most near zero — the
point of sparsity), a VAE's 10 means: one bar each, updated on every stroke.
Painted directly with QPainter — a plot library's axes re-render their text
on every change, which costs more than all the models' inference together.
The vertical scale only grows while the same model is shown, so the bars
move against a steady axis instead of the axis jumping under them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

POSITIVE = QColor(59, 110, 168)
NEGATIVE = QColor(200, 90, 60)
AXIS = QColor(150, 150, 150)
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 44, 22, 8


def nice_step(span: float) -> float:
    """A 1-2-5 tick step giving about five ticks over ``span``."""
    raw = max(span, 1e-6) / 5
    power = 10 ** np.floor(np.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


class CodeBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self._values = np.zeros(0, np.float32)
        self._low, self._high = 0.0, 1.0
        self.setToolTip(self.tr("Each bar is one number of the code: blue above zero, orange below."))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # modest: the Draw page must fit 1280×720 without scrolling; its layout gives the chart any spare height
        return QSize(320, 160)

    def values(self) -> np.ndarray:
        return self._values.copy()

    def clear(self) -> None:
        self._values = np.zeros(0, np.float32)
        self._low, self._high = 0.0, 1.0
        self.update()

    def set_code(self, code: np.ndarray, title: str = "") -> None:
        code = np.asarray(code, dtype=np.float32).ravel()
        if code.size != self._values.size:  # another model: a fresh scale
            self._low, self._high = 0.0, 0.0
        finite = code[np.isfinite(code)]
        if finite.size:
            self._low = min(self._low, float(finite.min()), 0.0)
            self._high = max(self._high, float(finite.max()), 0.0)
        if self._high - self._low < 1e-3:
            self._high = self._low + 1.0
        self._values = code
        if title:
            self.setToolTip(title)
        self.update()

    def axis_title(self) -> str:
        n = self._values.size
        return self.tr("code unit (0 … {last})").format(last=n - 1) if n else self.tr("no code yet")

    def layout_rects(self) -> tuple[QRectF, QRectF, Qt.AlignmentFlag]:
        """The bars' plot area, and where the axis title goes (with its flags): under the plot when it fits
        there, else under the whole chart, on two lines if need be (a narrow chart never cuts its title)."""
        width, height = self.width(), self.height()
        metrics = QFontMetrics(self.font())
        text = self.axis_title()
        plot_width = max(width - MARGIN_LEFT - 6, 1)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        if metrics.horizontalAdvance(text) <= plot_width:
            left, title_width, title_height = MARGIN_LEFT, plot_width, metrics.height()
        else:
            left, title_width = 0, width
            flags |= Qt.TextFlag.TextWordWrap
            title_height = metrics.boundingRect(QRect(0, 0, max(width, 1), 10000), flags, text).height()
        bottom = max(MARGIN_BOTTOM, title_height + 6)
        plot = QRectF(MARGIN_LEFT, MARGIN_TOP, plot_width, max(height - MARGIN_TOP - bottom, 1))
        return plot, QRectF(left, plot.bottom() + 2, title_width, bottom - 2), flags

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        plot, title_rect, title_flags = self.layout_rects()
        low, high = self._low, self._high
        span = high - low

        def y_of(value: float) -> float:
            return plot.bottom() - (value - low) / span * plot.height()

        painter.setPen(QPen(AXIS, 1))
        locale = QLocale()
        step = nice_step(span)
        tick = np.ceil(low / step) * step
        while tick <= high + 1e-9:
            y = y_of(tick)
            painter.drawLine(int(plot.left()) - 4, int(y), int(plot.left()), int(y))
            label = locale.toString(float(tick + 0.0), "g", 6)  # + 0.0: no "-0"; decimal comma in French
            painter.drawText(
                QRectF(0, y - 8, MARGIN_LEFT - 7, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            tick += step
        painter.drawLine(int(plot.left()), int(plot.top()), int(plot.left()), int(plot.bottom()))
        zero = y_of(0.0)
        painter.drawLine(int(plot.left()), int(zero), int(plot.right()), int(zero))
        n = self._values.size
        painter.drawText(title_rect, title_flags, self.axis_title())
        if n:
            slot = plot.width() / n
            bar = max(slot * 0.8, 1.0)
            painter.setPen(Qt.PenStyle.NoPen)
            for i, value in enumerate(np.nan_to_num(self._values)):
                top, bottom = sorted((y_of(float(value)), zero))
                painter.fillRect(
                    QRectF(plot.left() + i * slot + (slot - bar) / 2, top, bar, max(bottom - top, 1.0)),
                    POSITIVE if value >= 0 else NEGATIVE,
                )
        painter.end()
