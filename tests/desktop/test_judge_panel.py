"""The Generate page's "what the judge sees" panel: the class histogram and the generator's figures."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtWidgets import QApplication

from desktop.widgets.judge_panel import JudgePanel
from engine.checkpoint import load_checkpoint
from engine.data import load_dataset
from engine.paths import asset_path


@pytest.fixture
def panel(qtbot):
    widget = JudgePanel()
    qtbot.addWidget(widget)
    widget.resize(300, 400)
    widget.show()
    yield widget
    widget.shutdown()


class OnlyOnes(torch.nn.Module):
    """A collapsed generator: every sample is one of a few real MNIST 1s."""

    coding_size = 4

    def __init__(self) -> None:
        super().__init__()
        data = load_dataset("mnist", "embedded")
        self.ones = data.test.images[data.test.labels == 1][:20].float() / 255.0

    def sample(self, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
        pick = torch.randint(len(self.ones), (n,), generator=generator)
        return self.ones[pick]


def test_a_shipped_generator_shows_ten_classes_and_its_figures(panel, tmp_path):
    path = asset_path("models", "mnist-dcgan.safetensors")
    model = load_checkpoint(path).model.eval()
    grid = model.sample(36, torch.Generator().manual_seed(1)).numpy()
    panel.show_grid(path, model, grid, "mnist", {"source_kind": "embedded"})
    assert panel.wait_idle(120_000)
    QApplication.processEvents()
    assert panel.bars.bar_count() == 10
    assert panel.bars.names == [str(d) for d in range(10)]
    assert abs(sum(panel.bars.grid) - 1.0) < 1e-6
    text = panel.figures.text()
    assert "Class entropy" in text and "judge-FID (comparable only with itself)" in text and "real vs real" in text
    assert panel.view is not None and panel.view.model is not None and panel.view.model.entropy > 0.9
    assert panel.collapse_text() == ""  # the DCGAN draws every digit


def test_a_collapsed_generator_is_named(panel, tmp_path):
    path = tmp_path / "ones.safetensors"
    path.write_bytes(b"not read")  # only its name and time are the cache key
    model = OnlyOnes()
    grid = model.sample(16, torch.Generator().manual_seed(0)).numpy()
    panel.show_grid(path, model, grid, "mnist", {"source_kind": "embedded"})
    assert panel.wait_idle(120_000)
    QApplication.processEvents()
    assert panel.bars.grid[1] > 0.9
    assert "partial mode collapse" in panel.collapse_text().lower()
    assert "1s" in panel.collapse_text()
    assert panel.view.model.entropy < 0.3


def test_hidden_panel_waits_until_shown(qtbot, tmp_path):
    widget = JudgePanel()
    qtbot.addWidget(widget)
    model = OnlyOnes()
    widget.show_grid(
        tmp_path / "x.safetensors", model, np.zeros((4, 28, 28), np.float32), "mnist", {"source_kind": "embedded"}
    )
    assert not widget._task.is_busy()  # nothing is computed for a page nobody looks at
    widget.show()
    assert widget._task.is_busy() or widget.view is not None
    assert widget.wait_idle(120_000)
    widget.shutdown()
    assert widget.bars.bar_count() == 10


def test_in_french_the_bars_name_the_clothes_in_french_and_a_tooltip_gives_the_whole_name(panel, qapp):
    """Fashion-MNIST's class names are the engine's (English); the bars show them in the user's language,
    and the tooltip of a bar whose label is shortened says it in full with both shares."""
    from desktop import i18n
    from engine import i18n as engine_i18n

    i18n.install_language("fr", qapp)
    try:
        panel.bars.set_shares(
            list(load_dataset("fashion-mnist", "embedded").class_names), np.full(10, 0.1), np.full(10, 0.1)
        )
        shown = panel.bars.shown_names()
        assert shown[1] == "Pantalon" and shown[9] == "Bottine"
        slot = panel.bars.width() / 10
        i = panel.bars.bar_at(slot * 9.5)
        assert i == 9
        assert panel.bars.bar_text(i).startswith("Bottine : 10,0 %")
    finally:
        i18n.install_language("en", qapp)
        engine_i18n.set_language(None)
    assert panel.bars.shown_names()[9] == "Ankle boot"
