"""What an installed app does on its first run, what it tells about itself, and a user folder it cannot write."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.about_dialog import AboutDialog, about_text
from desktop.main_window import MainWindow
from engine import __version__, paths


def _settings(folder) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def test_first_run_opens_on_draw_with_a_hint_whatever_another_folder_remembered(qtbot, context, tmp_path):
    earlier = MainWindow(context, settings=_settings(tmp_path / "other-user-folder"))
    qtbot.addWidget(earlier)
    earlier.show_page("models")
    earlier.close()

    first = MainWindow(context, settings=_settings(tmp_path / "fresh-user-folder"))
    qtbot.addWidget(first)
    first.show()
    assert first.current_page_key() == "draw"
    assert first.first_run_hint.isVisible() and "Draw a digit with the mouse" in first.first_run_hint.label.text()
    qtbot.mouseClick(first.first_run_hint.close_button, Qt.MouseButton.LeftButton)
    assert not first.first_run_hint.isVisible()
    first.show_page("generate")
    first.close()

    later = MainWindow(context, settings=_settings(tmp_path / "fresh-user-folder"))
    qtbot.addWidget(later)
    later.show()
    assert later.current_page_key() == "generate" and not later.first_run_hint.isVisible()
    later.close()


def test_the_hint_goes_away_when_the_student_leaves_the_draw_page(qtbot, context, tmp_path):
    win = MainWindow(context, settings=_settings(tmp_path))
    qtbot.addWidget(win)
    win.show()
    assert win.first_run_hint.isVisible()
    win.show_page("train")
    assert not win.first_run_hint.isVisible()
    win.show_page("draw")
    assert not win.first_run_hint.isVisible()
    win.close()


def test_about_tells_versions_credits_and_where_the_files_are(qapp, _isolated_home):
    import torch
    from PySide6.QtCore import qVersion

    text = about_text()
    assert f"Latent Studio {__version__}" in text
    assert torch.__version__ in text and qVersion() in text
    assert str(_isolated_home / "models") in text and str(paths.ASSETS_DIR) in text
    assert "LeCun" in text and "CC BY-SA 3.0" in text and "Zalando Research" in text
    assert "Source of the subset" in text  # the full DATA-CREDITS.md, shipped with the app
    dialog = AboutDialog()
    assert "Fashion-MNIST" in dialog.credits.toPlainText()
    dialog.close()


def test_version_flag_of_the_app():
    out = subprocess.run(
        [sys.executable, "-m", "desktop.app", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert out.returncode == 0 and out.stdout.strip() == f"latent-studio {__version__}"


@pytest.fixture
def unwritable_home(tmp_path, monkeypatch):
    """A data folder that cannot be created (its parent is a file: even root cannot)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    home = blocker / "latent-studio"
    monkeypatch.setenv("LATENT_STUDIO_HOME", str(home))
    return home


def test_a_data_folder_that_cannot_be_created_is_said_and_another_can_be_chosen(
    qapp, unwritable_home, tmp_path, monkeypatch
):
    from desktop import user_folder

    asked = []
    monkeypatch.setattr(user_folder, "ask_to_choose", lambda problem, parent=None: asked.append(problem) or True)
    chosen = tmp_path / "my files"
    monkeypatch.setattr(user_folder, "pick_folder", lambda parent=None: str(chosen))
    monkeypatch.setattr(paths, "_chosen_dir", None)
    monkeypatch.setattr(paths, "_redirect_file", lambda: tmp_path / "config" / "data-folder.txt")
    assert user_folder.ensure_user_folder() is None
    assert len(asked) == 1 and str(unwritable_home) in asked[0]
    assert paths.user_data_dir() == chosen and paths.user_models_dir() == chosen / "models"


def test_going_on_without_a_data_folder_still_opens_with_the_shipped_models(qtbot, unwritable_home, monkeypatch):
    from desktop import user_folder
    from desktop.app import create_context, open_settings

    monkeypatch.setattr(user_folder, "ask_to_choose", lambda problem, parent=None: False)
    problem = user_folder.ensure_user_folder()
    assert problem and "cannot write" in problem
    context = create_context(open_settings())
    shipped = [e for e in context.library.entries() if e.shipped]
    assert len(shipped) >= 10
    win = MainWindow(context)
    qtbot.addWidget(win)
    win.show()
    assert win.current_page_key() == "draw" and win.page("draw") is not None
    win.close()


def test_the_cli_needs_no_data_folder_to_sample_a_shipped_model(unwritable_home, tmp_path):
    from engine.cli import main

    model = paths.require_asset("models", "mnist-dcgan.safetensors")
    assert main(["sample", str(model), "--n", "4", "--out-dir", str(tmp_path / "s")]) == 0
    assert (tmp_path / "s" / "grid.png").is_file()


def test_a_missing_asset_says_which_and_how_to_reinstall():
    with pytest.raises(paths.AssetMissingError) as caught:
        paths.require_asset("models", "no-such-model.safetensors")
    message = str(caught.value)
    assert "models/no-such-model.safetensors" in message and "Reinstall" in message
