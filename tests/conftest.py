"""Shared fixtures: an isolated app data folder, offscreen Qt, and no leaked QThreads."""

from __future__ import annotations

import os
import traceback
import weakref

import pytest

# Before anything imports Qt: no window system needed, on any machine.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own LATENT_STUDIO_HOME (beside, not inside, its tmp_path):
    no test reads or writes the user's files."""
    home = tmp_path_factory.mktemp("latent-studio-home")
    monkeypatch.setenv("LATENT_STUDIO_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _no_dangling_qthreads(request, monkeypatch):
    """Fail a test that leaves a QThread running (napari's fixture): a window that
    closes with its training thread alive would crash with "QThread: Destroyed
    while thread is still running"."""
    if "desktop" not in str(request.node.path) and "bench" not in str(request.node.path):
        yield
        return
    from PySide6.QtCore import QThread

    started: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
    original_start = QThread.start

    def recording_start(self, *args, **kwargs):
        started[self] = "".join(traceback.format_stack(limit=8)[:-1])
        return original_start(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", recording_start)
    yield
    dangling = []
    for thread, where in list(started.items()):
        try:
            running = thread.isRunning() and not thread.wait(100)  # a thread just quitting gets a moment
        except RuntimeError:  # the C++ object is gone: it finished and was deleted
            continue
        if running:
            dangling.append(where)
    if dangling:
        raise AssertionError(f"{len(dangling)} QThread(s) still running after the test, started at:\n"
                             + "\n".join(dangling))  # fmt: skip


@pytest.fixture
def app_settings(_isolated_home):
    """The app's QSettings, in the test's data folder."""
    from desktop.app import open_settings

    settings = open_settings()
    yield settings
    settings.sync()


@pytest.fixture
def context(qapp, app_settings):
    from desktop.app import create_context

    return create_context(app_settings)


@pytest.fixture
def window(qtbot, context):
    from desktop.main_window import MainWindow

    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.confirm_close = lambda _work: True  # a run a failed test left going: "Stop and save", no dialog
    win.close()  # stops and saves any run, waits for its thread


@pytest.fixture
def train_page(window):
    window.show_page("train")
    return window.page("train")
