"""Shared fixtures: an isolated app data folder, offscreen Qt, and no leaked QThreads."""

from __future__ import annotations

import errno
import os
import traceback
import weakref

import pytest

# Before anything imports Qt: no window system needed, on any machine.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The English source text and English number formats ("11,767", "0.287"), whatever the machine's
# locale: tests/desktop/test_i18n.py switches to French itself, and the engine's gettext follows these.
os.environ["LC_ALL"] = "en_US.UTF-8"
os.environ.pop("LANGUAGE", None)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own LATENT_STUDIO_HOME (beside, not inside, its tmp_path):
    no test reads or writes the user's files."""
    home = tmp_path_factory.mktemp("latent-studio-home")
    monkeypatch.setenv("LATENT_STUDIO_HOME", str(home))
    return home


@pytest.fixture
def refuse_creates_below(monkeypatch):
    """``refuse(folder)``: from then on, every file or folder created below ``folder`` fails with EROFS, as
    on a read-only file system (the tests run as root, whom permissions alone refuse nothing)."""
    roots = []
    real_open, real_mkdir = os.open, os.mkdir

    def inside(path) -> bool:
        return any(os.path.abspath(path).startswith(str(root)) for root in roots)

    def guarded_open(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and inside(path):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    def guarded_mkdir(path, *args, **kwargs):
        if inside(path):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(os, "mkdir", guarded_mkdir)

    def refuse(folder):
        roots.append(os.path.abspath(folder))
        return folder

    return refuse


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_gui_thread(request):
    """As the app does (desktop/gc_guard.py): no automatic collection while a desktop test runs, so a
    worker thread never destroys a Qt object it finds in a reference cycle; collect here, on the main thread."""
    if "desktop" not in str(request.node.path) and "bench" not in str(request.node.path):
        yield
        return
    import gc

    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture(autouse=True)
def _no_unanswered_modal_dialogs(request, monkeypatch):
    """A modal dialog that a test did not answer would wait forever for a click nobody makes
    (and hang CI): fail at once instead, naming the dialog. Tests that expect a dialog patch
    the function that shows it, or click it from a timer after ``QDialog.expected_by_test += 1``."""
    if "desktop" not in str(request.node.path) and "bench" not in str(request.node.path):
        yield
        return
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    original_exec = {cls: cls.exec for cls in (QDialog, QMessageBox, QFileDialog, QInputDialog)}

    def refuse(self, *args, **kwargs):
        expected = getattr(QDialog, "expected_by_test", 0)  # a test scheduled a click on it
        if expected > 0:
            QDialog.expected_by_test = expected - 1
            return original_exec[type(self) if type(self) in original_exec else QDialog](self, *args, **kwargs)
        text = getattr(self, "text", lambda: "")() if isinstance(self, QMessageBox) else ""
        raise AssertionError(f"an unanswered modal {type(self).__name__} was opened: {self.windowTitle()!r} {text!r}")

    def refuse_static(name):
        def refused(*args, **kwargs):
            raise AssertionError(f"an unanswered modal dialog was opened: {name}{args[1:3]!r}")

        return staticmethod(refused)

    for cls in (QDialog, QMessageBox, QFileDialog, QInputDialog):
        monkeypatch.setattr(cls, "exec", refuse)
    statics = {
        QMessageBox: ("warning", "question", "information", "critical", "about"),
        QFileDialog: ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"),
        QInputDialog: ("getText", "getInt", "getDouble", "getItem"),
    }
    for cls, names in statics.items():
        for name in names:
            monkeypatch.setattr(cls, name, refuse_static(f"{cls.__name__}.{name}"))
    QDialog.expected_by_test = 0  # a test that answers a dialog itself adds one before it opens
    yield
    QDialog.expected_by_test = 0


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
        raise AssertionError(
            f"{len(dangling)} QThread(s) still running after the test, started at:\n" + "\n".join(dangling)
        )


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


@pytest.fixture(scope="session")
def dcgan_with_modes(tmp_path_factory):
    """A copy of the shipped Fashion-MNIST DCGAN that stores its modes (40, found on 3,000 codes: seconds,
    not find_modes.py's minute) and recommends drawing toward them at ψ 0.7, as find_modes.py writes it."""
    from engine import sampling
    from engine.checkpoint import load_checkpoint
    from engine.checkpoint_file import read_file, write_file
    from engine.paths import asset_path

    source = asset_path("models", "fashion-dcgan.safetensors")
    modes = sampling.find_modes(load_checkpoint(source).model, clusters=40, codes=3000)
    checked, tensors = read_file(source, header_only=False)
    tensors = {k: v for k, v in tensors.items() if not k.startswith("sampling.")}
    tensors.update({k: v.half().contiguous() for k, v in modes.tensors().items()})
    meta = checked.to_dict()
    meta["name"] = "DCGAN with modes"
    meta["sampling"] = {"mode": "modes", "psi": 0.7, "modes": 40, "codes": 3000}
    path = tmp_path_factory.mktemp("modes") / "fashion-dcgan-modes.safetensors"
    write_file(path, tensors, meta)
    return path
