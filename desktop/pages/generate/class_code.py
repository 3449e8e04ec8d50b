"""The Generate page's class-code picker, for a DCGAN with class codes (InfoGAN).

Such a generator takes z and one of K one-hot codes. Nobody told it what the
codes mean: while training, it learnt to make each code draw something a head on
its discriminator can recognise, and that usually turns out to be one class
each. "Any code" draws them uniformly (the grid shows every class); one code
draws only its kind. Once the model is loaded and the box shown, the judge reads
100 samples of each code off the GUI thread (under a second) and each item says
which class the model made of it ("Code 3: mostly 7 (96 %)"). A conditional DCGAN
(AC-GAN: code k is the dataset's class k, learned from the labels) offers the
classes by name ("Any class", "Sneaker", …) and the judge adds how often it
agrees ("Sneaker (the judge agrees: 97 %)"). Hidden for every other generator.
Its words keep the Generate page's translation context, so they keep its translations.
"""

from __future__ import annotations

import torch
from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.tasks import TaskRunner
from engine import sampling
from engine.i18n import _

ANY = -1  # the combo's data for "Any code"


def read_codes(state, model: torch.nn.Module, dataset: str):
    """Task: the model and what the judge reads in each of its codes ([] when there is no judge)."""
    from engine.data import class_names
    from engine.judge import JudgeError, load_judge
    from engine.quality import code_readings

    try:
        judge = load_judge(dataset)
    except (JudgeError, ValueError, OSError):
        return model, [], ()
    return model, code_readings(model, judge), class_names(dataset)


def _labelled_names(model: torch.nn.Module | None, dataset: str, count: int) -> tuple[str, ...]:
    """A conditional DCGAN's class names, one per code; () for codes of the model's own (InfoGAN)."""
    if not sampling.codes_are_classes(model) or not dataset:
        return ()
    from engine.data import class_names

    try:
        names = class_names(dataset)
    except ValueError:
        names = ()
    if len(names) >= count:
        return tuple(names[:count])
    return tuple(names) + tuple(str(k + 1) for k in range(len(names), count))


def _class_title(name: str) -> str:
    """A class as an item reads: "Digit 7", "Sneaker"."""
    if name.isdigit():
        return QCoreApplication.translate("GeneratePage", "Digit {digit}").format(digit=name)
    return _(name)


class ClassCodeBox(QWidget):
    """Class code: [Any code ▾ | Code 1 … Code K], or Class: [Any class ▾ | T-shirt/top … Ankle boot]."""

    changed = Signal()  # the code to draw changed: the grid is drawn again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # the judge's names come later
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.model: torch.nn.Module | None = None
        self.names: tuple[str, ...] = ()  # a conditional DCGAN's class names (English; _() where shown)
        self._pending: tuple[torch.nn.Module, str] | None = None  # a reading to start once the box is shown
        self._task = TaskRunner("class-codes", parent=self)
        self._task.result.connect(self._on_read)
        self.set_model(None)

    def set_model(self, model: torch.nn.Module | None, dataset: str = "") -> None:
        """Offer ``model``'s codes (hidden when it has none); back to "Any code", without a signal. With a
        ``dataset`` whose judge ships, the judge then names each code's class in the background."""
        self._task.cancel()
        self.model = model
        count = sampling.class_codes(model)
        self.names = _labelled_names(model, dataset, count)
        self._retitle()
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.names:
            self.combo.addItem(QCoreApplication.translate("GeneratePage", "Any class"), ANY)
            for k in range(count):
                self.combo.addItem(_class_title(self.names[k]), k)
        else:
            self.combo.addItem(QCoreApplication.translate("GeneratePage", "Any code"), ANY)
            for k in range(count):
                self.combo.addItem(QCoreApplication.translate("GeneratePage", "Code {number}").format(number=k + 1), k)
        self.combo.blockSignals(False)
        self.setVisible(count > 0)
        self._pending = (model, dataset) if count and dataset else None
        if self.isVisible():  # else when shown: no thread for a page nobody looks at
            self._start_pending()

    def _retitle(self) -> None:
        if self.names:
            self.label.setText(QCoreApplication.translate("GeneratePage", "Class:"))
            tip = QCoreApplication.translate(
                "GeneratePage",
                "This DCGAN is conditional: its class code is the dataset's class, learned from the labelled "
                "images (an auxiliary classifier GAN, AC-GAN). Pick a class to draw only that class; the judge "
                "says how often it agrees. Any class: all of them, uniformly.",
            )
        else:
            self.label.setText(QCoreApplication.translate("GeneratePage", "Class code:"))
            tip = QCoreApplication.translate(
                "GeneratePage",
                "This DCGAN also takes a class code (InfoGAN). No labels were used: while training, it made each "
                "code draw something its discriminator can recognise, usually one class. Pick a code to draw only "
                "its kind; the judge's histogram shows which class the model chose for it. Any code: all of them, "
                "uniformly.",
            )
        self.combo.setToolTip(tip)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._start_pending()

    def _start_pending(self) -> None:
        if self._pending is not None:
            model, dataset = self._pending
            self._pending = None
            self._task.start(read_codes, model, dataset)

    def wait_idle(self, timeout_ms: int = 60_000) -> bool:
        return self._task.wait_idle(timeout_ms)

    def shutdown(self) -> bool:
        return self._task.shutdown()

    def _on_read(self, result) -> None:
        model, readings, names = result
        if model is not self.model:
            return
        for reading in readings:
            index = self.combo.findData(reading.code)
            if index < 0 or reading.top_class >= len(names):
                continue
            if self.names:
                self.combo.setItemText(
                    index,
                    QCoreApplication.translate("GeneratePage", "{name} (the judge agrees: {percent} %)").format(
                        name=_class_title(self.names[reading.code]),
                        percent=QLocale().toString(round(100 * reading.own_share)),
                    ),
                )
                continue
            self.combo.setItemText(
                index,
                QCoreApplication.translate("GeneratePage", "Code {number}: mostly {name} ({percent} %)").format(
                    number=reading.code + 1,
                    name=_(names[reading.top_class]),
                    percent=QLocale().toString(round(100 * reading.share)),
                ),
            )

    def code_class(self) -> int | None:
        """The code every sample gets (0-based), or None: drawn uniformly."""
        code = self.combo.currentData()
        return None if code is None or code == ANY else int(code)

    def set_code_class(self, code: int | None) -> None:
        index = self.combo.findData(ANY if code is None else int(code))
        if index >= 0:
            self.combo.setCurrentIndex(index)
