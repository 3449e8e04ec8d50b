"""Hostile files and failing disks on the desktop side (issue 13).

A poisoned models folder never stops the app from starting; names from files
are shown as text, never as markup; a full disk never costs a saved model; two
runs saved in the same second never overwrite each other; long names give a
message; a read-only data folder is said once.
"""

from __future__ import annotations

import errno
import html
import json
import os
import pickle
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from safetensors.torch import save as st_save

from engine.checkpoint import read_meta, save_checkpoint, update_meta
from engine.models import build_model, default_model_config
from engine.paths import SHIPPED_MODELS_DIR, user_models_dir

SPOOF = "<img src=x><h1>SPOOF</h1>"


def _stacked_record_file(folder):
    model = build_model(default_model_config("stacked"))
    base = save_checkpoint(folder / "base.safetensors", model, dataset={"name": "mnist"})
    return model.state_dict(), read_meta(base), base


def make_hostile_files(folder, scratch) -> dict[str, str]:
    """Every kind of bad file the issue lists, in ``folder``; returns file name → a word its reason holds."""
    folder.mkdir(parents=True, exist_ok=True)
    tensors, record, base = _stacked_record_file(scratch)

    def poisoned(name, mutate, text=None):
        changed = json.loads(json.dumps(record))
        mutate(changed)
        (folder / name).write_bytes(st_save(tensors, metadata={"latent_studio": text or json.dumps(changed)}))

    poisoned("version-x.safetensors", lambda r: r.update(format_version="x"))
    poisoned("dataset-string.safetensors", lambda r: r.update(dataset="mnist"))
    poisoned("metrics-list.safetensors", lambda r: r.update(metrics=[0.1, 0.2]))
    poisoned("config-list.safetensors", lambda r: r.update(model_config=["stacked", 30]))
    poisoned("coding-half.safetensors", lambda r: r["model_config"].update(coding_size=30.5))
    deep = json.dumps(record)[:-1] + ', "extra": ' + "[" * 200_000 + "]" * 200_000 + "}"
    poisoned("deep.safetensors", lambda r: None, text=deep)
    data = base.read_bytes()
    (folder / "cut.safetensors").write_bytes(data[: len(data) // 2])
    os.mkfifo(folder / "x.safetensors")
    (folder / "pickled.safetensors").write_bytes(pickle.dumps({"weights": [1, 2, 3]}))
    return {
        "version-x.safetensors": "format_version",
        "dataset-string.safetensors": "dataset",
        "metrics-list.safetensors": "metrics",
        "config-list.safetensors": "model_config",
        "coding-half.safetensors": "coding_size",
        "deep.safetensors": "deep",
        "cut.safetensors": "truncated",
        "x.safetensors": "regular file",
        "pickled.safetensors": "pickle",
    }


@pytest.fixture
def messages(monkeypatch):
    """Every message box's text, answered at once (Yes for questions) instead of waiting for a click."""
    shown: list[str] = []

    def answer(box):
        shown.append(box.text())
        if box.standardButtons() & QMessageBox.StandardButton.Yes:
            return QMessageBox.StandardButton.Yes.value
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return shown


@pytest.fixture
def poisoned(_isolated_home, tmp_path):
    return make_hostile_files(user_models_dir(), tmp_path)


def _start_app(qtbot, app_settings):
    """As desktop.app.main does: the window first, then the engine's context attached to it."""
    from desktop.app import create_context
    from desktop.main_window import MainWindow

    window = MainWindow(settings=app_settings)
    qtbot.addWidget(window)
    window.show()
    window.attach_context(create_context(app_settings))
    return window


@pytest.fixture
def started(qtbot, app_settings, messages):
    window = _start_app(qtbot, app_settings)
    yield window
    window.confirm_close = lambda _work: True
    window.close()


# -- 1. a poisoned models folder -------------------------------------------------------------------
def test_the_app_starts_with_a_poisoned_models_folder_and_lists_each_bad_file(poisoned, started, qtbot):
    window = started
    for key in ("draw", "generate", "latent", "train", "models"):
        window.show_page(key)
        qtbot.wait(20)
        assert window.current_page_key() == key
        assert not isinstance(window.page(key), QLabel)  # a real page, not "Loading the engine…"
    models = window.page("models")
    shipped = sorted(SHIPPED_MODELS_DIR.glob("*.safetensors"))
    assert models.table.rowCount() == len(shipped)  # every good model, no bad one
    assert models.unreadable_list.isVisible()
    listed = {models.unreadable_list.item(i).text() for i in range(models.unreadable_list.count())}
    assert len(listed) == len(poisoned)
    for name, word in poisoned.items():
        line = next(text for text in listed if text.startswith(name))
        assert word in line, line
    assert window.context.library.current is None or window.context.library.current.shipped


def test_opening_or_importing_a_hostile_file_gives_a_message(poisoned, started, messages, tmp_path):
    window, models = started, started.page("models")
    outside = tmp_path / "usb"
    make_hostile_files(outside, tmp_path / "scratch")
    rows = models.table.rowCount()
    for name in poisoned:
        for path in (user_models_dir() / name, outside / name):
            assert models.import_file(path) is None
            assert models.message.text().startswith("⚠ Refused " + name), models.message.text()
            messages.clear()
            assert not window.open_model_file(str(path))
            assert len(messages) == 1 and name in messages[0]
    assert models.table.rowCount() == rows
    assert sorted(p.name for p in user_models_dir().iterdir()) == sorted(poisoned)  # nothing copied in


# -- 2b. names from files are text ---------------------------------------------------------------------
def _shown_as_markup(widget) -> list[str]:
    """The texts of ``widget`` and its children that would render SPOOF as HTML (a picture, a heading)."""
    from PySide6.QtWidgets import QWidget

    wrong = []
    for child in [widget, *widget.findChildren(QWidget)]:
        tip = child.toolTip()
        if SPOOF in tip and GuiQt.mightBeRichText(tip):
            wrong.append(f"tooltip of {type(child).__name__}: {tip[:80]}")
        if isinstance(child, QLabel) and SPOOF in child.text():
            rich = child.textFormat() == Qt.TextFormat.RichText or (
                child.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(child.text())
            )
            if rich:
                wrong.append(f"label: {child.text()[:80]}")
    return wrong


def _shows_name(widget) -> bool:
    escaped = html.escape(SPOOF, quote=False)
    return any(SPOOF in label.text() or escaped in label.text() for label in widget.findChildren(QLabel))


def test_a_name_with_markup_is_shown_literally(started, messages, qtbot):
    window, library = started, started.context.library
    path = user_models_dir() / "spoof.safetensors"
    shutil.copyfile(SHIPPED_MODELS_DIR / "mnist-vae.safetensors", path)  # an autoencoder and a generator
    update_meta(path, name=SPOOF)
    library.refresh()
    models = window.page("models")
    assert models.select_path(path)
    row = models.table.currentRow()
    assert models.table.item(row, 0).text().endswith(SPOOF)
    assert SPOOF in models.details.toPlainText()  # the details show the name, not a picture and a heading
    models.load_selected()  # the current model everywhere
    library.wait_for_loads()
    for key in ("models", "draw", "generate", "latent"):
        window.show_page(key)
        qtbot.wait(50)
        page = window.page(key)
        if key != "models":
            qtbot.waitUntil(lambda page=page: _shows_name(page), timeout=10000)
        assert _shown_as_markup(page) == [], key
    window.show_page("models")
    assert models.rename_selected(SPOOF + " 2")
    assert models.message.textFormat() == Qt.TextFormat.PlainText and SPOOF in models.message.text()
    assert _shown_as_markup(models) == []
    assert models.delete_selected(confirm=True)
    assert messages and SPOOF in messages[-1]


def test_message_boxes_show_file_text_as_plain_text(qtbot, monkeypatch):
    from desktop.plain_text import plain_message, plain_tooltip

    formats = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: formats.append((box.textFormat(), box.text())) or 0)
    plain_message(None, QMessageBox.Icon.Warning, "t", SPOOF)
    assert formats == [(Qt.TextFormat.PlainText, SPOOF)]
    tip = plain_tooltip(SPOOF + "\nsecond line")
    assert GuiQt.mightBeRichText(tip) and "<img" not in tip and "&lt;img src=x&gt;" in tip


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
def read_only_home(_isolated_home, monkeypatch):
    """The user's (empty) data folder made read-only: chmod 0o500 and, as the tests run as root, every
    create below it refused with EROFS, as on a read-only file system."""
    home = _isolated_home
    os.chmod(home, 0o500)
    real_open, real_mkdir = os.open, os.mkdir

    def inside(path) -> bool:
        return os.path.abspath(path).startswith(str(home))

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
    yield home
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


# -- 10. opening an image never freezes the window -------------------------------------------------------
def test_an_image_opens_off_the_gui_thread_with_a_busy_cursor(started, qtbot, tmp_path, monkeypatch):
    import threading

    import numpy as np
    from PIL import Image, ImageDraw
    from PySide6.QtWidgets import QApplication

    import desktop.pages.draw.opening as draw_page

    window = started
    window.show_page("draw")
    page = window.page("draw")
    photo = Image.new("L", (600, 800), 230)
    ImageDraw.Draw(photo).line([(150, 150), (450, 150), (260, 700)], fill=20, width=40)
    path = tmp_path / "seven.png"
    photo.save(path)
    on_gui_thread, release = [], threading.Event()
    real_read = draw_page.read_image

    def slow_read(p):  # a decoding that takes as long as the test wants
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        release.wait(20)
        return real_read(p)

    monkeypatch.setattr(draw_page, "read_image", slow_read)
    before = page.canvas.array().copy()
    page.canvas.file_dropped.emit(str(path))  # a drop; File → Open image… calls the same
    assert QApplication.overrideCursor() is not None
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.wait(50)  # the window serves its events while the image decodes
    assert np.array_equal(page.canvas.array(), before)
    release.set()
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None, timeout=20000)
    assert on_gui_thread == [False]
    assert not np.array_equal(page.canvas.array(), before)
    assert page.message.text().startswith("ℹ Loaded seven.png (600×800 pixels)")


# -- 11. a run at batch size 1 never floods the GUI thread -----------------------------------------------
def test_step_metrics_between_two_drains_reach_the_gui_as_one(qapp):
    import numpy as np

    from desktop.training_worker import TrainingWorker
    from engine.train.events import EpochSummary, Snapshot, StepMetrics

    worker = TrainingWorker(request=None, control=None)
    for step in range(1, 361):  # a second at batch size 1: 360 events, one per step
        worker._push(
            StepMetrics(epoch=1, step=step, global_step=step, metrics={"loss": float(step)}, samples_per_s=float(step))
        )
    [merged] = worker.take_events()
    assert (merged.step, merged.global_step, merged.samples_per_s) == (360, 360, 360.0)
    assert merged.metrics["loss"] == pytest.approx(np.mean(np.arange(1, 361)))  # the mean over all 360 steps
    snapshot = Snapshot(epoch=1, global_step=400, kind="reconstructions", images=np.zeros((1, 28, 28), np.uint8))
    summary = EpochSummary(epoch=1, train={"loss": 1.0}, val={}, elapsed_s=1.0, samples_per_s=1.0)
    sequence = [
        StepMetrics(1, 380, 380, {"loss": 1.0}, 1.0),
        StepMetrics(1, 400, 400, {"loss": 3.0}, 1.0),
        snapshot,
        StepMetrics(1, 410, 410, {"loss": 5.0}, 1.0),
        StepMetrics(1, 420, 420, {"loss": 5.0}, 1.0),
        StepMetrics(1, 421, 421, {"loss": 9.0}, 0.0, phase="d"),
        summary,
        StepMetrics(2, 1, 422, {"loss": 7.0}, 1.0),
    ]
    for event in sequence:
        worker._push(event)
    batch = worker.take_events()
    assert [type(e).__name__ for e in batch] == [
        "StepMetrics",
        "Snapshot",
        "StepMetrics",
        "StepMetrics",
        "EpochSummary",
        "StepMetrics",
    ]
    assert batch[0].global_step == 400 and batch[0].metrics["loss"] == pytest.approx(2.0)  # 20 steps each
    assert batch[1] is snapshot and batch[4] is summary  # every snapshot and summary, in order
    assert batch[2].global_step == 420 and batch[3].phase == "d" and batch[5].epoch == 2
