"""A family registered once shows up on the Train page's form and in the Models page's order, with no other edit."""

from __future__ import annotations

import pytest

from engine.models import default_model_config, family_rank, get_family, register_family, unregister_family

pytest.importorskip("pytestqt")


@pytest.fixture
def toy():
    from tests.engine.test_families import TOY

    register_family(TOY)
    yield TOY
    unregister_family(TOY.key)


def test_a_registered_family_gets_its_row_in_the_combo_and_its_own_form(qtbot, toy):
    from desktop.pages.train.settings_panel import SettingsPanel

    panel = SettingsPanel()
    qtbot.addWidget(panel)
    titles = [panel.family_combo.itemText(i) for i in range(panel.family_combo.count())]
    assert titles[3] == "Toy autoencoder"  # in the lecture's order, after the denoising autoencoder
    panel.set_family("toy")
    assert panel.option_widget("coding_size").value() == 7
    assert (panel.epochs.value(), panel.batch_size.value(), panel.optimizer.currentData()) == (3, 16, "adam")
    assert panel.description.text().startswith("A one-layer autoencoder")
    assert "11,767" in panel.param_label.text()
    panel.option_widget("coding_size").setValue(2)
    assert "3,922" in panel.param_label.text()  # the layer table follows the option
    config = panel.model_config()
    assert (config.family, config.coding_size) == ("toy", 2)
    assert panel.train_config().lr == pytest.approx(0.25)


def test_each_family_shows_exactly_its_own_options(qtbot):
    from desktop.pages.train.settings_panel import SettingsPanel

    panel = SettingsPanel()
    qtbot.addWidget(panel)
    panel.show()
    for family in ("stacked", "conv", "denoising", "sparse", "vae", "gan", "dcgan"):
        panel.set_family(family)
        shown = {name for name, w in panel.option_widgets.items() if w.isVisibleTo(panel)}
        assert shown == {o.name for o in get_family(family).options}, family
        assert panel.model_config() == default_model_config(family)  # the lecture's model, as the record says


def test_an_unknown_family_sorts_last_and_a_registered_one_in_its_place(toy):
    assert family_rank("toy") == 3
    unregister_family("toy")
    assert family_rank("toy") == family_rank("no-such-family") == 7
    register_family(toy)
