"""Start-up: the Draw page is usable before what only the other pages need is loaded (issue 11, point 5)."""

from __future__ import annotations

import subprocess
import sys

STARTUP = """
import sys
from PySide6.QtWidgets import QApplication
from desktop.app import create_application, create_context, open_settings
from desktop.main_window import MainWindow
app = create_application(["test"])
settings = open_settings()
window = MainWindow(settings=settings)
window.show()
app.processEvents()
window.attach_context(create_context(settings))
app.processEvents()
draw = window.page("draw")
assert draw.context.library.wait_for_loads(30000)
draw.process_now()
print("built", sorted(window.pages))
print("pyqtgraph", "pyqtgraph" in sys.modules)
print("latent map", draw._live_map is not None)
window.show_page("train")
app.processEvents()
print("train shown", type(window.stack.currentWidget()).__name__, window.current_page_key())
window.close()
"""


def test_the_draw_page_comes_first_and_the_rest_when_needed(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", STARTUP],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "LATENT_STUDIO_HOME": str(tmp_path), "PATH": ""},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    assert "built ['draw']" in lines  # the other four pages wait for their turn
    assert "pyqtgraph False" in lines  # no plot library before the Draw page works
    assert "latent map False" in lines
    assert "train shown TrainPage train" in lines  # a page is built the moment it is asked for


def test_the_other_pages_are_built_once_the_student_stops_drawing(qtbot, context, monkeypatch):
    from desktop import main_window
    from desktop.pages import PAGES

    monkeypatch.setattr(main_window, "PREBUILD_AFTER_MS", 0)
    monkeypatch.setattr(main_window, "PREBUILD_RETRY_MS", 10)
    window = main_window.MainWindow(settings=context.settings)
    qtbot.addWidget(window)
    window.show()
    window.attach_context(context)
    draw = window.page("draw")
    for _ in range(10):  # drawing: building a page now would stall the stroke
        draw.schedule_update()
        qtbot.wait(20)
    assert set(window.pages) == {"draw"}
    qtbot.waitUntil(lambda: len(window.pages) == len(PAGES), timeout=30_000)  # then, one by one
    assert window.current_page_key() == "draw"  # built out of sight: the student stays where they are
    window.close()
