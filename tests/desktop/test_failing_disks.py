"""Failing disks and folders on the desktop side (issue 13).

A full disk never costs a saved model; two runs saved in the same second never
overwrite each other; long names are saved or refused with a message; a
read-only data folder is said once, and the app still works.
"""

from __future__ import annotations

import errno
import os
import shutil

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from engine.checkpoint import read_meta
from engine.models import default_model_config
from engine.paths import SHIPPED_MODELS_DIR, user_models_dir


# -- 3. a full disk never costs the old copy -------------------------------------------------------------
def _full_disk(monkeypatch, after_bytes: int = 4096):
    """Writes in Python fail with ENOSPC after ``after_bytes``, as on a full disk."""
    import engine.fsutil

    real_fdopen = os.fdopen

    class FullFile:
        def __init__(self, handle):
            self.handle, self.written = handle, 0

        def write(self, data):
            room = max(0, after_bytes - self.written)
            if len(data) > room:
                self.handle.write(data[:room])
                self.written += room
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            self.written += len(data)
            return self.handle.write(data)

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)

    monkeypatch.setattr(engine.fsutil.os, "fdopen", lambda fd, *a, **k: FullFile(real_fdopen(fd, *a, **k)))


def test_save_model_as_over_an_old_copy_on_a_full_disk(started, messages, monkeypatch, tmp_path):
    window = started
    source = SHIPPED_MODELS_DIR / "mnist-vae.safetensors"
    window.context.library.set_current(window.context.library.entry_for(source))
    target = tmp_path / "mine" / "my-model.safetensors"
    target.parent.mkdir()
    shutil.copyfile(SHIPPED_MODELS_DIR / "mnist-stacked.safetensors", target)
    old = target.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _full_disk(monkeypatch)
    window.save_model_as()
    assert target.read_bytes() == old  # the old copy is intact
    assert sorted(p.name for p in target.parent.iterdir()) == ["my-model.safetensors"]  # no temp file
    assert len(messages) == 1 and "No space left on device" in messages[0] and str(target) in messages[0]
    monkeypatch.undo()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: messages.append(box.text()) or 0)
    window.save_model_as()  # room again: the copy replaces the old file
    assert target.read_bytes() == source.read_bytes()


def test_importing_into_a_full_models_folder_leaves_nothing(started, monkeypatch, tmp_path):
    models = started.page("models")
    outside = tmp_path / "usb" / "my-model.safetensors"
    outside.parent.mkdir()
    shutil.copyfile(SHIPPED_MODELS_DIR / "mnist-stacked.safetensors", outside)
    before = sorted(user_models_dir().iterdir())
    _full_disk(monkeypatch)
    assert models.import_file(outside) is None
    assert "No space left on device" in models.message.text()
    assert sorted(user_models_dir().iterdir()) == before  # no placeholder, no temp file, no partial copy


# -- 4. two windows finishing a run in the same second ----------------------------------------------------
def test_two_runs_saved_in_the_same_second_keep_both(tmp_path, monkeypatch):
    import engine.runs
    from desktop.training_worker import TrainingRequest, TrainingWorker
    from engine.data import DataConfig
    from engine.train import RunControl, default_train_config

    monkeypatch.setattr(engine.runs, "run_stem", lambda *_a, **_k: "stacked-mnist-20261127-101010")
    saved: list[tuple[int, str]] = []
    for window in (1, 2):
        request = TrainingRequest(
            model_config=default_model_config("stacked"),
            train_config=default_train_config("stacked", epochs=1, max_steps_per_epoch=2, device="cpu", threads=1),
            data=DataConfig("mnist", "embedded", allow_download=False),
            save_dir=tmp_path,
            extra={"window": window},
        )
        worker = TrainingWorker(request, RunControl())
        worker.saved.connect(lambda path, window=window: saved.append((window, path)))
        worker.run()
    assert [p.name for p in sorted(tmp_path.iterdir())] == [
        "stacked-mnist-20261127-101010-2.safetensors",
        "stacked-mnist-20261127-101010.safetensors",
    ]
    assert len(saved) == 2 and saved[0][1] != saved[1][1]
    for window, path in saved:  # each window reports the file that holds its own run
        assert read_meta(path)["window"] == window


# -- 6b. long names ---------------------------------------------------------------------------------
def test_long_names_are_saved_or_refused_with_a_message(started, messages, monkeypatch, tmp_path):
    models = started.page("models")
    mine = tmp_path / "usb" / "my-model.safetensors"
    mine.parent.mkdir()
    shutil.copyfile(SHIPPED_MODELS_DIR / "mnist-stacked.safetensors", mine)
    entry = models.import_file(mine)
    assert entry is not None
    for length in (250, 300):  # a display name: stored in the record, any length up to its cap
        assert models.rename_selected("é" * (length // 2)), models.message.text()
        assert read_meta(entry.path)["name"] == "é" * (length // 2)
    assert not models.rename_selected("n" * 5000)
    assert models.message.text().startswith("⚠ Could not rename") and "name" in models.message.text()
    long_250 = tmp_path / ("a" * (250 - len(".safetensors")) + ".safetensors")
    assert models.export_selected(long_250) == long_250 and long_250.is_file()
    long_300 = tmp_path / ("b" * 300)
    assert models.export_selected(long_300) is None
    assert "too long" in models.message.text() and not list(tmp_path.glob("b*"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(long_300), ""))
    started.save_model_as()
    assert "too long" in messages[-1]


# -- 9. a read-only data folder ---------------------------------------------------------------------
@pytest.fixture
def read_only_home(_isolated_home, refuse_creates_below):
    """The user's (empty) data folder made read-only: chmod 0o500 and, as the tests run as root, every
    create below it refused with EROFS, as on a read-only file system."""
    home = _isolated_home
    os.chmod(home, 0o500)
    yield refuse_creates_below(home)
    os.chmod(home, 0o700)


def test_a_read_only_data_folder_is_said_once_and_the_app_works(qtbot, read_only_home, messages, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from desktop import app as app_module
    from desktop import user_folder
    from desktop.main_window import MainWindow

    asked: list[str] = []
    monkeypatch.setattr(user_folder, "ask_to_choose", lambda problem, parent=None: asked.append(problem) or False)

    earlier = set(QApplication.topLevelWidgets())  # windows other tests left for deletion

    def new_windows() -> list:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in earlier]

    def serve_until_ready(*_args):  # app.exec(), until the engine's pages are attached
        qtbot.waitUntil(lambda: any(w.pages for w in new_windows()), timeout=30000)
        return 0

    monkeypatch.setattr(QApplication, "exec", serve_until_ready)
    settled = []  # gc.freeze() once the pages are built; not in the tests' own process
    monkeypatch.setattr(app_module, "settle_memory", lambda: settled.append(True))
    assert app_module.main(["latent-studio"]) == 0
    assert settled == [True]
    [window] = new_windows()
    qtbot.addWidget(window)
    app = QApplication.instance()
    try:
        assert len(asked) == 1 and str(read_only_home) in asked[0] and "Read-only file system" in asked[0]
        warning = [w for w in window.statusBar().findChildren(QLabel) if "cannot be saved" in w.text()]
        assert len(warning) == 1 and warning[0].toolTip() == asked[0]  # the status bar keeps saying why
        shipped = sorted(SHIPPED_MODELS_DIR.glob("*.safetensors"))
        assert window.page("models").table.rowCount() == len(shipped)
        for key in ("draw", "generate", "latent", "train", "models"):
            window.show_page(key)
            qtbot.wait(20)
            assert not isinstance(window.page(key), QLabel)
        panel = window.page("train").settings_panel
        sources = [panel.source_combo.itemText(i) for i in range(panel.source_combo.count())]
        assert any(text.startswith("Embedded") for text in sources)  # the embedded data is there
        assert messages == [] and len(asked) == 1  # said once, at start-up; no other box popped up
    finally:
        app.aboutToQuit.disconnect(window.shutdown)
        window.confirm_close = lambda _work: True
        window.close()


def test_a_read_only_data_folder_can_be_swapped_for_another(qapp, read_only_home, monkeypatch, tmp_path):
    from desktop import user_folder
    from engine import paths

    chosen = tmp_path / "my files"
    monkeypatch.setattr(user_folder, "ask_to_choose", lambda problem, parent=None: True)
    monkeypatch.setattr(user_folder, "pick_folder", lambda parent=None: str(chosen))
    monkeypatch.setattr(paths, "_chosen_dir", None)
    assert user_folder.ensure_user_folder() is None
    assert paths.user_models_dir() == chosen / "models" and (chosen / "models").is_dir()
