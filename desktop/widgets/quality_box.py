"""The Models page's quality figures of one model: what the judge makes of it.

For a generator (GAN, DCGAN, VAE): the class entropy, the confident share and
the judge-FID beside the real-vs-real baseline of a few thousand samples; for an
autoencoder: the judge's accuracy on reconstructions of the validation images
against the originals (:func:`engine.quality.checkpoint_quality`). Shipped
models bring their figures in ``assets/models/manifest.json``; any model can be
measured on this computer with "Measure quality" (off the GUI thread), and the
result is kept as JSON in the user's data folder, so it is measured once per file.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.model_library import ModelEntry, shipped_record
from desktop.tasks import TaskRunner
from engine.paths import user_data_dir

QUALITY_FOLDER = "quality"  # under the user's data folder: one JSON file per measured checkpoint


# -- the figures (any thread, no widget) --------------------------------------------------------------
def shipped_quality(entry: ModelEntry) -> dict | None:
    """The figures the shipped manifest records for ``entry`` (shipped models only), or None."""
    record = shipped_record(entry)
    if record is None or not isinstance(record.get("quality"), dict):
        return None
    return normalised(record["quality"])


def normalised(quality: dict) -> dict:
    """``checkpoint_quality``'s layout ({"samples": …, "reconstructions": …}) from either layout
    (the manifest may hold a generator's sample figures flat)."""
    if "samples" in quality and isinstance(quality["samples"], dict) or "reconstructions" in quality:
        return dict(quality)
    if "judge_fid" in quality:
        samples = {k: v for k, v in quality.items() if k != "truncated_samples"}
        truncated = quality.get("truncated_samples")
        return {"samples": samples, **({"truncated_samples": truncated} if isinstance(truncated, dict) else {})}
    return dict(quality)


def cache_path(path: str | Path) -> Path:
    """Where the measured figures of the checkpoint at ``path`` are kept (its path, size and time)."""
    path = Path(path)
    try:
        stat = path.stat()
        ident = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    except OSError:
        ident = str(path)
    return user_data_dir() / QUALITY_FOLDER / (hashlib.sha256(ident.encode()).hexdigest()[:24] + ".json")


def cached_quality(path: str | Path) -> dict | None:
    try:
        return json.loads(cache_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def measure_quality(state, path: str | Path, family: str, dataset: str, record: dict | None = None) -> dict:
    """Load the checkpoint, ask the judge (:func:`engine.quality.checkpoint_quality`), keep the result."""
    from engine.checkpoint import load_checkpoint
    from engine.fsutil import atomic_write_bytes
    from engine.quality import checkpoint_quality
    from engine.sampling import Truncation

    from .judge_panel import judge_dataset

    checkpoint = load_checkpoint(path)
    state.set_progress(0.1)
    data = judge_dataset(dataset, record)
    if state.is_cancelled():
        return {}
    recommended = Truncation.from_dict(checkpoint.meta.get("sampling"))  # the sampling the Generate page starts with
    result = checkpoint_quality(checkpoint.model, family, data, truncation=recommended)
    if "error" in result:
        return result
    result["measured"] = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    result["data"] = data.source.describe()
    target = cache_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, json.dumps(result, indent=1).encode("utf-8"))
    return result


# -- the box ------------------------------------------------------------------------------------------
class QualityBox(QGroupBox):
    """The selected model's quality figures and a "Measure quality" button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What the judge sees"))
        self.entry: ModelEntry | None = None
        self.quality: dict | None = None
        self._task = TaskRunner("quality", parent=self)
        self._task.result.connect(self._on_result)
        self._task.error.connect(self._on_error)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures.setToolTip(
            self.tr(
                "A small classifier trained on the real images (the judge) reads the model's samples or "
                "reconstructions. judge-FID: the Fréchet distance between the judge's features of samples and of "
                "held-out real images; it is not the Inception-FID of papers, so compare it only with other "
                "judge-FIDs. Real vs real: what real images score at the same sample size."
            )
        )
        self.measure_button = QPushButton(self.tr("Measure quality"))
        self.measure_button.setToolTip(
            self.tr(
                "Ask the judge about this model on this computer (a few seconds to "
                "a minute); the figures are kept for next time."
            )
        )
        self.measure_button.clicked.connect(lambda _checked=False: self.measure())
        layout = QVBoxLayout(self)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()  # on a 720-pixel screen the figures can outgrow the box: they scroll, never cut
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.figures)
        scroll.setMinimumHeight(7 * self.fontMetrics().lineSpacing())  # a generator's figures, most of them
        layout.addWidget(scroll, 1)
        layout.addWidget(self.measure_button, 0, Qt.AlignmentFlag.AlignRight)
        self.set_entry(None)

    def set_entry(self, entry: ModelEntry | None) -> None:
        self.entry = entry
        self._task.cancel()
        measurable = entry is not None and (entry.is_generator or entry.is_autoencoder)
        self.measure_button.setEnabled(measurable)
        self.measure_button.setText(self.tr("Measure quality"))
        if entry is None:
            self._show(None, self.tr("Select a model to see its quality figures."))
            return
        if not measurable:
            self._show(None, self.tr("The judge rates generators and autoencoders only."))
            return
        cached = cached_quality(entry.path)
        if cached is not None:
            self._show(
                cached,
                self.tr("Measured on this computer on {date}.").format(date=str(cached.get("measured", "?"))[:10]),
            )
            return
        shipped = shipped_quality(entry)
        if shipped is not None:
            self._show(shipped, self.tr("From the shipped models' manifest."))
            return
        self._show(None, self.tr("Not measured yet: “Measure quality” asks the judge."))

    def measure(self) -> None:
        entry = self.entry
        if entry is None or not self.measure_button.isEnabled():
            return
        self.measure_button.setEnabled(False)
        self.measure_button.setText(self.tr("Measuring…"))
        self.figures.setText(self.tr("The judge reads this model's samples or reconstructions…"))
        self._task.start(measure_quality, entry.path, entry.family, entry.dataset, entry.meta.get("dataset") or {})

    def wait_idle(self, timeout_ms: int = 120_000) -> bool:
        return self._task.wait_idle(timeout_ms)

    def shutdown(self) -> bool:
        return self._task.shutdown()

    def _on_result(self, result: dict) -> None:
        self.measure_button.setEnabled(True)
        self.measure_button.setText(self.tr("Measure again"))
        if "error" in result:
            self._show(None, self.tr("⚠ The judge could not rate this model: {reason}").format(reason=result["error"]))
            return
        self._show(result, self.tr("Measured on this computer just now."))

    def _on_error(self, message: str) -> None:
        self.measure_button.setEnabled(True)
        self.measure_button.setText(self.tr("Measure quality"))
        self._show(None, self.tr("⚠ Could not measure: {reason}").format(reason=message))

    # -- text ---------------------------------------------------------------------------------------
    def _show(self, quality: dict | None, where: str) -> None:
        self.quality = quality
        lines = self.figure_lines(quality) if quality else []
        self.figures.setText("\n".join([*lines, where]))

    def figure_lines(self, quality: dict) -> list[str]:
        lines = []
        samples = quality.get("samples")
        if isinstance(samples, dict):
            lines.append(self.tr("%Ln sample(s):", "", int(samples.get("samples") or 0)))
            real_entropy = samples.get("real_entropy")
            entropy = _fixed(samples.get("entropy"), 2)
            lines.append(
                self.tr("Class entropy: {value} (real images: {real})").format(
                    value=entropy, real=_fixed(real_entropy, 2)
                )
                if real_entropy is not None
                else self.tr("Class entropy: {value}").format(value=entropy)
            )
            lines.append(
                self.tr("Confident: {value} % (real images: {real} %)").format(
                    value=_fixed(100 * samples.get("confident_share", math.nan), 0),
                    real=_fixed(100 * samples.get("real_confident_share", math.nan), 0),
                )
            )
            lines.append(
                self.tr("judge-FID (comparable only with itself): {value}; real vs real: {real}").format(
                    value=_fixed(samples.get("judge_fid"), 1), real=_fixed(samples.get("real_baseline_fid"), 1)
                )
            )
            if samples.get("collapse"):
                lines.append("⚠ " + str(samples["collapse"]))
        truncated = quality.get("truncated_samples")
        if isinstance(truncated, dict):
            toward_mean = (truncated.get("truncation") or {}).get("mode") == "mean"
            lines.append(
                (
                    self.tr(
                        "Toward the mean (ψ {psi}), as the Generate page starts: "
                        "confident {confident} %, judge-FID {fid}, entropy {entropy}"
                    )
                    if toward_mean
                    else self.tr(
                        "Toward the nearest mode (ψ {psi}), as the Generate page starts: "
                        "confident {confident} %, judge-FID {fid}, entropy {entropy}"
                    )
                ).format(
                    psi=_fixed((truncated.get("truncation") or {}).get("psi"), 2),
                    confident=_fixed(100 * truncated.get("confident_share", math.nan), 0),
                    fid=_fixed(truncated.get("judge_fid"), 1),
                    entropy=_fixed(truncated.get("entropy"), 2),
                )
            )
        recon = quality.get("reconstructions")
        if isinstance(recon, dict):
            lines.append(
                self.tr(
                    "Judge accuracy on %Ln validation image(s): {originals} % on the originals, "
                    "{reconstructions} % on the reconstructions (keeps {kept} %)",
                    "",
                    int(recon.get("images") or 0),
                ).format(
                    originals=_fixed(100 * recon.get("accuracy_originals", math.nan), 1),
                    reconstructions=_fixed(100 * recon.get("accuracy_reconstructions", math.nan), 1),
                    kept=_fixed(100 * recon.get("kept", math.nan), 0),
                )
            )
        return lines


def _fixed(value, digits: int) -> str:
    if not isinstance(value, (int, float)) or math.isnan(value):
        return "—"
    return QLocale().toString(float(value), "f", digits)
