"""The device box's "Fast (compiled)" choice asks the engine for the compiled fast path."""

from __future__ import annotations


def test_fast_compiled_choice_sets_compile_on_the_best_device(qtbot):
    from desktop.pages.train.settings_panel import FAST_COMPILED, SettingsPanel

    panel = SettingsPanel()
    qtbot.addWidget(panel)
    index = panel.device_combo.findData(FAST_COMPILED)
    assert index >= 0 and "compiled" in panel.device_combo.itemText(index).lower()
    panel.device_combo.setCurrentIndex(index)
    config = panel.train_config()
    assert config.compile and config.device == "auto"
    panel.device_combo.setCurrentIndex(panel.device_combo.findData("cpu"))
    assert not panel.train_config().compile
