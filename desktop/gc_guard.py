"""Garbage collection on the GUI thread only.

Python's cyclic garbage collector runs in whichever thread happens to
allocate when a threshold is crossed — often a worker loading a model or a
dataset. If that collection frees a Qt object (a widget of a closed dialog
caught in a reference cycle), its C++ destructor runs on the worker thread
while the GUI thread may be destroying a related object: the two wait on each
other's lock (Qt's, and Python's GIL) and the app freezes for good. This was
seen here: a model-loading thread collecting a menu's actions while the GUI
thread painted.

The cure is pyqtgraph's ``GarbageCollector`` (credit: Erik Janssens): turn
automatic collection off and collect from a timer on the GUI thread, with the
same generation thresholds Python would use. It is re-written here (a dozen
lines) because importing pyqtgraph before the first paint would slow the
window's start.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    """While alive (and started), cyclic garbage is collected on the thread that created it, every ``interval_ms``."""

    def __init__(self, interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

    def check(self) -> None:
        """Collect the generations whose counts passed Python's own thresholds."""
        l0, l1, l2 = gc.get_count()
        if l0 > self.threshold[0]:
            gc.collect(0)
            if l1 > self.threshold[1]:
                gc.collect(1)
                if l2 > self.threshold[2]:
                    gc.collect(2)
