"""Hostile model files on the desktop side (issue 13).

A poisoned models folder never stops the app from starting, and opening or
importing a bad file gives a message; names from files are shown as text,
never as markup. Failing disks and folders: test_failing_disks.py; a window
that stays responsive: test_gui_stays_responsive.py.
"""

from __future__ import annotations

import html
import json
import os
import pickle
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox
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
def poisoned(_isolated_home, tmp_path):
    return make_hostile_files(user_models_dir(), tmp_path)


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
