"""French and English: the translation files, choosing the language, and every page in French."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QWidget,
)

from desktop import i18n
from engine import i18n as engine_i18n

ROOT = Path(__file__).resolve().parents[2]

# What may read the same in both languages. Keep it short.
SAME_IN_BOTH = [
    # proper names, symbols and units
    "Latent Studio",
    "Fashion-MNIST",
    "MNIST",
    "DCGAN",
    "GAN",
    "VAE",
    "PSNR",
    "BCE",
    "KL",
    "L1",
    "SELU",
    "English",
    "Français",
    "Qt",
    "D(G(z))",
    "D(x)",
    "Loss_D",
    "Loss_G",
    "PNG",
    "dB",
    "Ctrl",
    "px",
    "SGD",
    "RMSprop",
    "Adam",  # the optimizers' names, as Keras spells them
    "t-SNE",  # the method's name (PCA is ACP in French)
    # words French spells the same
    "Dropout",
    "original",
    "reconstruction",
    "Validation",
    "Source",
    "Pause",
    "dense",
]


@pytest.fixture
def french(qapp):
    """The app in French for one test; English (the source text) again afterwards."""
    i18n.install_language("fr", qapp)
    yield
    i18n.install_language("en", qapp)
    engine_i18n.set_language(None)


def test_translation_files_are_complete_and_compiled_from_the_sources():
    """No .ts/.po entry unfinished, placeholders intact, .ts up to date with desktop/ and .qm/.mo with them."""
    script = ROOT / "assets" / "i18n" / "update_translations.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_first_start_follows_the_system_locale():
    for name, language in (("fr_FR", "fr"), ("fr_CA", "fr"), ("fr_BE", "fr"), ("en_GB", "en"), ("de_DE", "en")):
        assert i18n.system_language(QLocale(name)) == language, name


def test_a_stored_choice_wins_over_the_system(app_settings):
    assert i18n.stored_choice(app_settings) == "system"
    app_settings.setValue(i18n.SETTING, "fr")
    assert i18n.resolve(i18n.stored_choice(app_settings)) == "fr"
    app_settings.setValue(i18n.SETTING, "klingon")  # a damaged settings file: back to the system's
    assert i18n.stored_choice(app_settings) == "system"


def test_french_reaches_our_words_qt_own_words_numbers_and_the_engine(french):
    assert QCoreApplication.translate("RunProgress", "Ready") == "Prêt"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"  # Qt's own qtbase_fr.qm
    assert QLocale().toString(0.2875, "f", 2) == "0,29"  # decimal comma in labels
    assert engine_i18n._("Mode collapse") == "Effondrement des modes"


def test_english_numbers_keep_the_decimal_point(qapp):
    i18n.install_language("en", qapp)
    assert QLocale().toString(0.2875, "f", 2) == "0.29"


def test_the_language_menu_remembers_the_choice_and_offers_a_restart(window, monkeypatch):
    shown = []

    def answer_later(box):
        shown.append(box.text())
        next(b for b in box.buttons() if "Later" in b.text()).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_later)
    menu = window.language_menu
    assert [a.isChecked() for a in menu.actions()] == [True, False, False]  # System, English, Français
    menu.choice_actions["fr"].trigger()
    assert window.settings.value(i18n.SETTING) == "fr"
    assert shown and "Français" in shown[0] and "next time" in shown[0]
    assert window.isVisible()  # "Later": nothing else happens


def test_restart_now_closes_the_window_and_starts_the_app_again(window, monkeypatch):
    started = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: next(b for b in box.buttons() if "Restart" in b.text()).click()
    )
    monkeypatch.setattr(i18n.QProcess, "startDetached", lambda program, args: started.append((program, args)) or True)
    window.language_menu.choice_actions["fr"].trigger()
    assert started and started[0][0] == sys.executable
    assert not window.isVisible()


# -- every page in French ------------------------------------------------------------------------
def plain(text: str) -> str:
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return " ".join(text.split())


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip()]
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    elif isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())] + [
            widget.tabToolTip(i) for i in range(widget.count())
        ]
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        from PySide6.QtCore import Qt

        texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    return [plain(t) for t in texts if t]


def plot_texts(widget: QWidget) -> list[str]:
    """Axis labels and legends of pyqtgraph plots (graphics items, not widgets)."""
    import pyqtgraph as pg

    texts = []
    if isinstance(widget, pg.GraphicsView):
        for item in widget.scene().items():
            if isinstance(item, pg.AxisItem) and item.label.isVisible():
                texts.append(item.labelText)
            elif isinstance(item, pg.LabelItem) and item.isVisible():
                texts.append(item.text)
    return [plain(t) for t in texts if t]


def window_texts(window) -> list[tuple[str, str]]:
    """(where, text) for the menus, the side bar and every visible widget of every page."""
    found = []

    def walk_menu(menu, where):
        for action in menu.actions():
            for text in (action.text(), action.toolTip(), action.statusTip()):
                if text:
                    found.append((where, plain(text)))
            if action.menu():
                walk_menu(action.menu(), where + "/" + action.text())

    walk_menu(window.menuBar(), "menu")
    for i in range(window.side_bar.count()):
        found += [("side bar", window.side_bar.item(i).text()), ("side bar", window.side_bar.item(i).toolTip())]
    for index in range(window.stack.count()):
        window.show_page(index)
        QCoreApplication.processEvents()
        page = window.stack.currentWidget()
        states = [None]
        if hasattr(page, "settings_panel"):  # the Train page shows more for a GAN (phase buttons, D's curves)
            states.append("gan")
        for family in states:
            if family:
                page.settings_panel.set_family(family)
                QCoreApplication.processEvents()
            for widget in [page, *page.findChildren(QWidget)]:
                if widget.isVisible():
                    where = f"{type(page).__name__}/{type(widget).__name__}"
                    found += [(where, t) for t in widget_texts(widget) + plot_texts(widget)]
    return found


def is_proper_name_or_symbol(text: str) -> bool:
    for word in sorted(SAME_IN_BOTH, key=len, reverse=True):
        text = text.replace(word, " ")
    return not re.search(r"[^\W\d_]{2,}", text)  # no word of two letters or more is left


def test_every_page_menu_and_tooltip_is_in_french(qtbot, context, qapp):
    from desktop.main_window import MainWindow

    def build():
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        texts = window_texts(window)
        window.close()
        return texts

    english = build()
    i18n.install_language("fr", qapp)
    try:
        french = build()
    finally:
        i18n.install_language("en", qapp)
        engine_i18n.set_language(None)
    assert len(english) > 100
    english_texts = {text for _, text in english}
    untranslated = sorted(
        {f"{where}: {text!r}" for where, text in french if text in english_texts and not is_proper_name_or_symbol(text)}
    )
    assert untranslated == [], "still in English in French:\n" + "\n".join(untranslated)


# -- layouts hold the longer French ----------------------------------------------------------------
def clipped_texts(window) -> list[str]:
    """Visible buttons, labels, group titles and table headers whose text does not fit their size."""
    from PySide6.QtWidgets import QHeaderView, QSizePolicy

    found = []
    for index in range(window.stack.count()):
        window.show_page(index)
        QCoreApplication.processEvents()
        page = window.stack.currentWidget()
        for widget in page.findChildren(QWidget):
            if not widget.isVisible():
                continue
            where = f"{type(page).__name__}/{type(widget).__name__}"
            if isinstance(widget, QAbstractButton) and widget.text():
                if widget.width() < widget.minimumSizeHint().width():
                    found.append(f"{where} {widget.text()!r}: {widget.width()} < {widget.minimumSizeHint().width()}")
            elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
                if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
                    continue  # sized by its column on purpose (captions that change on every stroke)
                if widget.width() < widget.minimumSizeHint().width():
                    found.append(
                        f"{where} {plain(widget.text())!r}: {widget.width()} < {widget.minimumSizeHint().width()}"
                    )
            elif isinstance(widget, QGroupBox) and widget.title():
                need = widget.fontMetrics().horizontalAdvance(widget.title()) + 16
                if widget.width() < need:
                    found.append(f"{where} {widget.title()!r}: {widget.width()} < {need}")
            elif isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal":
                model = widget.model()
                for c in range(model.columnCount() if model else 0):
                    text = str(model.headerData(c, widget.orientation()) or "")
                    need = widget.sectionSizeHint(c)  # the text, the sort arrow and the style's margins
                    if text and not widget.isSectionHidden(c) and widget.sectionSize(c) < need:
                        found.append(f"{where} header {text!r}: {widget.sectionSize(c)} < {need}")
    return found


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_text_is_clipped_at_1280_by_800(qtbot, context, qapp, language):
    from desktop.main_window import MainWindow

    i18n.install_language(language, qapp)
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        QCoreApplication.processEvents()
        assert window.width() <= 1280 and window.height() <= 800, "the window cannot shrink to 1280×800"
        clipped = clipped_texts(window)
        window.close()
    finally:
        i18n.install_language("en", qapp)
        engine_i18n.set_language(None)
    assert clipped == [], f"clipped in {language}:\n" + "\n".join(clipped)
