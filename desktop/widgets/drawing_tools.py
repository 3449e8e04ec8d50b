"""The Draw page's left-hand tools: the canvas with its pen, eraser, brush size, undo, clear and open.

Only the drawing itself: what the drawing becomes (the MNIST recipe, the
reconstructions) is the page's business. ``open_requested`` asks the page to
show its file dialog; the brush size is remembered in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QSlider, QToolButton, QVBoxLayout, QWidget

from desktop.widgets.drawing_canvas import DrawingCanvas

BRUSH_STEP = 4  # what [ and ] change the brush size by


class DrawingTools(QWidget):
    open_requested = Signal()

    def __init__(self, settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.canvas = DrawingCanvas()
        self.canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.pen_button = self._tool_button(self.tr("Pen"), self.tr("Draw (P). The right mouse button always erases."))
        self.eraser_button = self._tool_button(self.tr("Eraser"), self.tr("Erase with the left button (E)."))
        self.pen_button.setChecked(True)
        tools = QButtonGroup(self)
        tools.setExclusive(True)
        tools.addButton(self.pen_button)
        tools.addButton(self.eraser_button)
        self.eraser_button.toggled.connect(lambda on: setattr(self.canvas, "erasing", on))
        self.brush_slider = QSlider(Qt.Orientation.Horizontal)
        self.brush_slider.setRange(4, 48)
        self.brush_slider.setValue(int(self.settings.value("draw/brush", 20)))
        self.brush_slider.setToolTip(
            self.tr(
                "Brush size in canvas pixels ([ and ] change it). "
                "The canvas is 280×280: ten times a model's 28×28 input."
            )
        )
        self.brush_label = QLabel()
        self.brush_slider.valueChanged.connect(self._on_brush)
        self._on_brush(self.brush_slider.value())
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last stroke (Ctrl+Z)."))
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the canvas (Delete). Undo brings it back."))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.open_button = QPushButton(self.tr("Open image…"))
        self.open_button.setToolTip(
            self.tr(
                "Load a PNG, JPEG, BMP, … (Ctrl+I), or drop an image file on the canvas. "
                "Photos of dark ink on paper are inverted automatically."
            )
        )
        self.open_button.clicked.connect(self.open_requested)

        tool_row = QHBoxLayout()
        tool_row.addWidget(self.pen_button)
        tool_row.addWidget(self.eraser_button)
        tool_row.addWidget(self.brush_label)
        tool_row.addWidget(self.brush_slider, 1)
        action_row = QHBoxLayout()
        for button in (self.undo_button, self.clear_button, self.open_button):
            action_row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(tool_row)
        layout.addLayout(action_row)

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _on_brush(self, value: int) -> None:
        self.canvas.brush_size = float(value)
        self.brush_label.setText(self.tr("Brush {0}").format(value))
        self.settings.setValue("draw/brush", value)

    def bump_brush(self, steps: int) -> None:
        """Make the brush ``steps`` notches bigger (negative: smaller)."""
        self.brush_slider.setValue(self.brush_slider.value() + steps * BRUSH_STEP)
