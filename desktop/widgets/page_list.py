"""The main window's side bar: one entry per page, with its icon and title, or icons only.

On a laptop (1280×720) every pixel of width counts, so the bar folds to its
icons (the titles stay in the tooltips); the window folds it by itself when
the screen is narrow, and the user can fold or unfold it with the button
below it or View → Compact side bar.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QToolButton, QVBoxLayout, QWidget

WIDE = 170  # pixels: icon and title
COMPACT = 56  # pixels: the icon only
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1


class PageList(QListWidget):
    compact_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(28, 28))
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewMode(QListView.ViewMode.ListMode)
        self._compact = False
        self.setFixedWidth(WIDE)

    def add_page(self, icon: QIcon, title: str, tip: str) -> QListWidgetItem:
        item = QListWidgetItem(icon, title)
        item.setData(TITLE_ROLE, title)
        item.setToolTip(tip)
        item.setSizeHint(QSize(150, 44))
        if self._compact:
            item.setText("")
        self.addItem(item)
        return item

    def is_compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """Icons only (``True``) or icons and titles."""
        if compact == self._compact:
            return
        self._compact = compact
        for row in range(self.count()):
            item = self.item(row)
            item.setText("" if compact else str(item.data(TITLE_ROLE)))
            item.setSizeHint(QSize(COMPACT - 12, 44) if compact else QSize(150, 44))
        self.setFixedWidth(COMPACT if compact else WIDE)
        self.compact_changed.emit(compact)


class SideBar(QWidget):
    """The page list with its fold/unfold button underneath."""

    def __init__(self, pages: PageList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.toggle = QToolButton()
        self.toggle.setAutoRaise(True)
        self.toggle.clicked.connect(lambda _checked=False: pages.set_compact(not pages.is_compact()))
        pages.compact_changed.connect(self._show_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(pages, 1)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignHCenter)
        self._show_state(pages.is_compact())

    def _show_state(self, compact: bool) -> None:
        self.toggle.setText("»" if compact else "«")
        self.toggle.setToolTip(
            self.tr("Show the pages' titles (Ctrl+B).") if compact else self.tr("Icons only: more room (Ctrl+B).")
        )
