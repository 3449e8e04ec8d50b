"""The inputs of the Train page's settings form: spin boxes, combos, and one per family option.

A family option (``engine.models.Option``) becomes a combo when it has choices and a spin box
otherwise; :func:`widget_value` and :func:`set_widget_value` read and set either kind alike.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QSpinBox, QWidget

from engine.i18n import _
from engine.models import Option


def spin_box(low: int, high: int, tip: str, step: int = 1) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setToolTip(tip)
    box.setGroupSeparatorShown(True)
    return box


def double_box(low: float, high: float, decimals: int, step: float, tip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setToolTip(tip)
    return box


def combo_box(items: dict[str, str], tip: str) -> QComboBox:
    box = QComboBox()
    for key, title in items.items():
        box.addItem(title, key)
    box.setToolTip(tip)
    return box


def select_data(box: QComboBox, key) -> bool:
    index = box.findData(key)
    if index >= 0:
        box.setCurrentIndex(index)
    return index >= 0


def option_widget(option: Option) -> QWidget:
    """The form's input for one family option: a combo for a choice, a spin box for a number."""
    tip = _(option.help)
    if option.choices:
        return combo_box({value: _(title) for value, title in option.choices}, tip)
    low = option.minimum if option.minimum is not None else 0
    high = option.maximum if option.maximum is not None else 1e6
    if option.type is int:
        return spin_box(int(low), int(high), tip, step=int(option.step))
    return double_box(float(low), float(high), option.decimals, float(option.step), tip)


def widget_value(widget: QWidget):
    return widget.currentData() if isinstance(widget, QComboBox) else widget.value()


def set_widget_value(widget: QWidget, value) -> None:
    if isinstance(widget, QComboBox):
        select_data(widget, value)
    else:
        widget.setValue(value)
