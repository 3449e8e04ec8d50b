"""The Generate page's class-code box on its own: codes a DCGAN learned itself (InfoGAN) are numbered and the
judge says what each draws; a conditional DCGAN's codes are its dataset's classes, by name."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtWidgets import QApplication

from desktop.pages.generate.class_code import ClassCodeBox
from engine.models import build_model, default_model_config


@pytest.fixture
def box(qtbot):
    widget = ClassCodeBox()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def dcgan(**options):
    torch.manual_seed(0)
    return build_model(default_model_config("dcgan", **options)).eval()


def items(box) -> list[str]:
    return [box.combo.itemText(i) for i in range(box.combo.count())]


def test_learned_codes_are_numbered_then_named_by_the_judge(box):
    box.set_model(dcgan(categorical_codes=3), "mnist")
    assert box.label.text() == "Class code:" and items(box)[:2] == ["Any code", "Code 1"]
    assert "InfoGAN" in box.combo.toolTip()
    assert box.wait_idle(60_000)
    QApplication.processEvents()
    assert all("mostly" in text for text in items(box)[1:])  # "Code 1: mostly 4 (38 %)"


def test_a_conditional_dcgans_codes_are_its_classes_by_name(box):
    box.set_model(dcgan(categorical_codes=10, code_source="labels"), "fashion-mnist")
    assert box.label.text() == "Class:" and not box.isHidden()
    assert items(box)[:3] == ["Any class", "T-shirt/top", "Trouser"] and items(box)[-1] == "Ankle boot"
    assert "AC-GAN" in box.combo.toolTip()
    box.set_code_class(7)
    assert box.code_class() == 7 and box.combo.currentText().startswith("Sneaker")
    assert box.wait_idle(60_000)
    QApplication.processEvents()
    assert "(the judge agrees: " in box.combo.currentText()  # how often the judge reads a sneaker
    box.set_model(dcgan(categorical_codes=10, code_source="labels"), "mnist")
    assert items(box)[1] == "Digit 0" and box.code_class() is None  # back to "Any class"
    box.set_model(dcgan(), "mnist")  # the lecture's DCGAN: no codes, no box
    assert box.isHidden()
