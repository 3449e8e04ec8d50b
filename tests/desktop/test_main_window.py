"""The main window: its pages, menus, shortcuts, settings and start-up."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from desktop.main_window import MainWindow, about_text
from desktop.pages import PAGES, PageLoadError, PageSpec, create_page


def test_five_pages_reachable_with_ctrl_number(qtbot, window):
    assert window.side_bar.count() == 5 == window.stack.count()
    window.set_compact_side_bar(False)  # titles shown (a narrow screen starts with icons only)
    assert [window.side_bar.item(i).text() for i in range(5)] == ["Draw", "Train", "Generate", "Latent space", "Models"]
    for i, spec in enumerate(PAGES):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == spec.key
        assert window.stack.currentWidget() is window.page(spec.key)
    assert [type(window.page(spec.key)).__name__ for spec in PAGES] == [spec.class_name for spec in PAGES]


def test_a_missing_page_module_says_so_without_taking_the_window_down(context):
    spec = PageSpec("x", "Someday", "?", "desktop.pages.no_such_page", "NoSuchPage", "What it will hold.")
    page = create_page(spec, context)
    assert isinstance(page, PageLoadError) and "no_such_page" in page.reason


def test_a_broken_page_does_not_take_the_window_down(context):
    spec = PageSpec("x", "Broken", "?", "desktop.pages", "NotAClass", "What it will hold.")
    page = create_page(spec, context)
    assert isinstance(page, PageLoadError) and "NotAClass" in page.reason


def test_about_credits_the_datasets():
    text = about_text()
    assert "LeCun" in text and "Cortes" in text and "Burges" in text and "CC BY-SA 3.0" in text
    assert "Zalando Research" in text and "MIT" in text


def test_geometry_and_page_are_remembered(qtbot, context):
    first = MainWindow(context)
    qtbot.addWidget(first)
    first.resize(760, 560)
    first.show_page("models")
    first.close()
    second = MainWindow(context)
    qtbot.addWidget(second)
    assert second.current_page_key() == "models"
    assert (second.width(), second.height()) == (first.width(), first.height())
    second.close()


def test_settings_live_in_the_app_data_folder(app_settings, _isolated_home):
    assert app_settings.fileName().startswith(str(_isolated_home))


def test_opening_a_bad_model_file_says_why(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.main_window.warn", lambda *args: shown.append(args[2]))  # shown as plain text
    bad = tmp_path / "evil.safetensors"
    bad.write_bytes(b"\x80\x04pickle!")
    assert not window.open_model_file(str(bad))
    assert shown and "pickle" in shown[0]


def test_save_model_with_nothing_trained_says_so(window):
    window.save_model_as()
    assert "Nothing to save" in window.statusBar().currentMessage()


def test_the_window_module_imports_without_torch():
    code = "import sys, desktop.app, desktop.main_window; print('torch' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert out.stdout.strip() == "False"


def test_app_starts_and_quits(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "desktop.app", "--startup-time"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "LATENT_STUDIO_HOME": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    assert "window shown after" in out.stdout
    usable = [line for line in out.stdout.splitlines() if line.startswith("Draw page usable")]
    assert usable and "models loaded, a drawing reconstructed" in usable[0]  # what issue 11's cold start times


def test_every_page_answers_the_page_protocol(window):
    from desktop.main_window import LoadingPage
    from desktop.pages import Page

    assert all(isinstance(window.page(spec.key), Page) for spec in PAGES)
    assert isinstance(LoadingPage(PAGES[0]), Page)
    assert isinstance(PageLoadError(PAGES[0], "broken"), Page)
    assert window.work_in_progress() == [] and window.current_model_path() is None


def test_closing_with_nothing_running_asks_nothing(qtbot, context):
    win = MainWindow(context)
    qtbot.addWidget(win)
    asked = []
    win.confirm_close = lambda work: asked.append(work) or False
    assert win.close()
    assert asked == []


def test_the_context_not_a_page_owns_the_model_library(qtbot, window, context):
    library = context.library
    entry = next(e for e in library.entries() if e.is_autoencoder)
    for spec in PAGES:
        assert window.page(spec.key).shutdown()  # each page stops its own work, not the shared library's
    library.load_in_background([entry.path])
    assert library.wait_for_loads(30000) and library.cached(entry.path) is not None
    assert window.close()  # the window shuts the context down after its pages
    other = next(e for e in library.entries() if e.is_autoencoder and library.cached(e.path) is None)
    library.load_in_background([other.path])  # asked while closing: ignored, no thread starts
    assert not library.is_loading(other.path) and library.cached(other.path) is None
