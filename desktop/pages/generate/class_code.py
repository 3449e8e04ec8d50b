"""The Generate page's class-code picker, for a DCGAN with class codes (InfoGAN).

Such a generator takes z and one of K one-hot codes. Nobody told it what the
codes mean: while training, it learnt to make each code draw something a head on
its discriminator can recognise, and that usually turns out to be one class
each. "Any code" draws them uniformly (the grid shows every class); one code
draws only its kind, and the judge's histogram beside the grid says which class
the model chose for it. Hidden for every other generator.
Its words keep the Generate page's translation context, so they keep its translations.
"""

from __future__ import annotations

import torch
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

ANY = -1  # the combo's data for "Any code"


class ClassCodeBox(QWidget):
    """Class code: [Any code ▾ | Code 1 … Code K]."""

    changed = Signal()  # the code to draw changed: the grid is drawn again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setToolTip(
            QCoreApplication.translate(
                "GeneratePage",
                "This DCGAN also takes a class code (InfoGAN). No labels were used: while training, it made each "
                "code draw something its discriminator can recognise, usually one class. Pick a code to draw only "
                "its kind; the judge's histogram shows which class the model chose for it. Any code: all of them, "
                "uniformly.",
            )
        )
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(QCoreApplication.translate("GeneratePage", "Class code:")))
        layout.addWidget(self.combo)
        self.set_model(None)

    def set_model(self, model: torch.nn.Module | None) -> None:
        """Offer ``model``'s codes (hidden when it has none); back to "Any code", without a signal."""
        count = int(getattr(model, "categorical_codes", 0) or 0)
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(QCoreApplication.translate("GeneratePage", "Any code"), ANY)
        for k in range(count):
            self.combo.addItem(QCoreApplication.translate("GeneratePage", "Code {number}").format(number=k + 1), k)
        self.combo.blockSignals(False)
        self.setVisible(count > 0)

    def code_class(self) -> int | None:
        """The code every sample gets (0-based), or None: drawn uniformly."""
        code = self.combo.currentData()
        return None if code is None or code == ANY else int(code)

    def set_code_class(self, code: int | None) -> None:
        index = self.combo.findData(ANY if code is None else int(code))
        if index >= 0:
            self.combo.setCurrentIndex(index)
