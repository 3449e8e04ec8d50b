"""The Train page's log: follows new lines, unless the reader scrolled up to read an older one.

QPlainTextEdit keeps the view at the bottom only when it was exactly there and
its size did not change meanwhile; with a block limit (old lines dropped) or
while the page is hidden, it loses the bottom and stops following for good.
Here the decision is made before each line is added: at (or within a line of)
the bottom → follow; scrolled up → stay where the reader is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

MAX_LINES = 2000


class RunLog(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMaximumBlockCount(MAX_LINES)
        self._follow = True
        self._scrolling = False  # True while this widget moves the view itself
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().rangeChanged.connect(self._on_range_changed)

    def is_following(self) -> bool:
        """True while new lines scroll into view (the reader is at the bottom)."""
        return self._follow

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 1

    def _on_scrolled(self, _value: int) -> None:
        # Only a move the reader makes changes the decision; our own scrolling keeps it.
        if not self._scrolling:
            self._follow = self._at_bottom()

    def _on_range_changed(self, _low: int, _high: int) -> None:
        if self._follow:
            self._scroll_to_end()

    def _scroll_to_end(self) -> None:
        self._scrolling = True
        try:
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())
        finally:
            self._scrolling = False

    def appendPlainText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        follow = self._follow
        self._scrolling = True  # the block limit may shift the view: not the reader's doing
        try:
            super().appendPlainText(text)
        finally:
            self._scrolling = False
        self._follow = follow
        if follow:
            self._scroll_to_end()

    def clear(self) -> None:
        super().clear()
        self._follow = True
