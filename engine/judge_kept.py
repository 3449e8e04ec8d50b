"""What an autoencoder keeps of digits that are not MNIST, as the judge reads them.

A model trained on MNIST may turn a typed 4 or a 7 drawn with a mouse into
another digit. To measure it, a folder of labelled digit pictures (the label
in each file name, as in ``font-dejavu-sans-3-017.png``) goes through the same
steps as a picture opened on the Draw page (:func:`imported_input`); the shipped
judge (:mod:`engine.judge`) then reads the inputs and the model's
reconstructions of them. *Kept* is the ratio of the two accuracies: 1.0 means
the reconstructions are as legible as what the model was given.

``assets/measure_real_digits.py`` prints these figures for every shipped MNIST
autoencoder, and ``tests/engine/test_real_digits.py`` holds them to issue 14's
bar on the set made by ``tests/data/make_real_digits.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch

from . import inference
from .checkpoint import read_meta
from .imageio import read_image
from .judge import Judge
from .models.families import get_family

KEPT_BAR = 0.90  # issue 14: every shipped MNIST autoencoder keeps at least 90 % of what the judge reads
DRAW_CANVAS = 280  # the Draw page's canvas (desktop.widgets.drawing_canvas.CANVAS_SIZE); a test checks they agree
# kind-[style-]label-index.ext: "font-dejavu-sans-3-017.png", "stroke-7-042.png", "photo-pen-0-000.jpg"
LABELLED_NAME = re.compile(r"^(?P<kind>[a-z]+)-(?:[a-z0-9-]+-)?(?P<label>\d)-(?P<index>\d+)\.(?:png|jpe?g)$")


def imported_input(path: str | Path) -> np.ndarray:
    """The 28×28 input a model gets when this picture is opened on the Draw page.

    The page reads the file, applies the MNIST recipe to find and level the ink,
    fits the levelled picture onto its canvas, and applies the recipe again to
    the canvas on every change (``desktop.pages.draw.decode_image_file``
    then ``DrawPage._process``); the same calls, in the same order.
    """
    opened = inference.prepare(read_image(path))
    if opened.empty:
        return opened.input
    canvas = inference.fit_to_canvas(opened.grey, DRAW_CANVAS)
    return inference.prepare(canvas).input


@dataclass(frozen=True, eq=False)
class LabelledInputs:
    """A folder of labelled digit pictures, as model inputs."""

    names: list[str]  # file names, sorted
    inputs: np.ndarray  # float32 (N, 28, 28) in [0, 1]
    labels: np.ndarray  # int64 (N,)
    kinds: np.ndarray  # str (N,): the file name's first word ("font", "stroke", "photo")

    def __len__(self) -> int:
        return len(self.names)


def load_labelled_folder(folder: str | Path) -> LabelledInputs:
    """Every picture in ``folder`` whose name matches :data:`LABELLED_NAME`, through :func:`imported_input`."""
    paths = sorted(p for p in Path(folder).iterdir() if LABELLED_NAME.match(p.name))
    if not paths:
        raise FileNotFoundError(f"no labelled digit pictures (like font-dejavu-sans-3-017.png) in {folder}")
    matches = [LABELLED_NAME.match(p.name) for p in paths]
    return LabelledInputs(
        names=[p.name for p in paths],
        inputs=np.stack([imported_input(p) for p in paths]).astype(np.float32, copy=False),
        labels=np.array([int(m["label"]) for m in matches], np.int64),
        kinds=np.array([m["kind"] for m in matches]),
    )


@dataclass(frozen=True)
class KeptFigures:
    images: int
    accuracy_originals: float  # the judge's accuracy on the inputs
    accuracy_reconstructions: float  # … and on the model's reconstructions of them
    kept: float  # accuracy_reconstructions / accuracy_originals (NaN when the judge reads none of the inputs)

    @classmethod
    def of(cls, labels: np.ndarray, read_originals: np.ndarray, read_recon: np.ndarray) -> KeptFigures:
        acc_orig = float((read_originals == labels).mean()) if len(labels) else float("nan")
        acc_recon = float((read_recon == labels).mean()) if len(labels) else float("nan")
        return cls(len(labels), acc_orig, acc_recon, acc_recon / acc_orig if acc_orig > 0 else float("nan"))


@dataclass(frozen=True)
class KeptReport:
    overall: KeptFigures
    by_kind: dict[str, KeptFigures]
    misread: list[tuple[str, int, int]]  # (file, label, what the judge reads in the reconstruction), read right before

    def to_dict(self, digits: int = 4) -> dict:
        def rounded(figures: KeptFigures) -> dict:
            return {k: round(v, digits) if isinstance(v, float) else v for k, v in asdict(figures).items()}

        return {"overall": rounded(self.overall), "by_kind": {k: rounded(v) for k, v in self.by_kind.items()}}


def judge_reads(judge: Judge, images01: np.ndarray) -> np.ndarray:
    """The class the judge reads in each image (N, 28, 28) in [0, 1]."""
    probs, _features = judge.read(torch.from_numpy(np.ascontiguousarray(images01, dtype=np.float32)))
    return probs.argmax(1).numpy()


def reconstructions(model: torch.nn.Module, images01: np.ndarray) -> np.ndarray:
    """The model's reconstructions (N, 28, 28) of inputs in [0, 1]: encode then decode, as the Draw page
    does (a VAE uses its mean code)."""
    was_training = model.training
    model.eval()
    try:
        return inference.decode(model, inference.encode(model, torch.from_numpy(images01)))
    finally:
        model.train(was_training)


def judge_kept(
    model: torch.nn.Module, judge: Judge, data: LabelledInputs, read_originals: np.ndarray | None = None
) -> KeptReport:
    """The judge's accuracy on ``data`` and on ``model``'s reconstructions of it, overall and per kind.

    ``read_originals`` (from :func:`judge_reads`) saves reading the inputs again for every model.
    """
    originals = judge_reads(judge, data.inputs) if read_originals is None else read_originals
    recon = judge_reads(judge, reconstructions(model, data.inputs))
    by_kind = {
        kind: KeptFigures.of(data.labels[mask], originals[mask], recon[mask])
        for kind in sorted(set(data.kinds.tolist()))
        for mask in [data.kinds == kind]
    }
    lost = np.flatnonzero((originals == data.labels) & (recon != data.labels))
    return KeptReport(
        overall=KeptFigures.of(data.labels, originals, recon),
        by_kind=by_kind,
        misread=[(data.names[i], int(data.labels[i]), int(recon[i])) for i in lost],
    )


def mnist_autoencoders(models_dir: str | Path) -> list[Path]:
    """The checkpoints in ``models_dir`` of MNIST models that reconstruct, in the order of its
    ``manifest.json`` when there is one (a staging folder of fresh models need not have one)."""
    models_dir = Path(models_dir)
    if not models_dir.is_dir():
        return []
    paths = sorted(models_dir.glob("*.safetensors"))
    manifest = models_dir / "manifest.json"
    if manifest.exists():
        order = {m["file"]: i for i, m in enumerate(json.loads(manifest.read_text())["models"])}
        paths.sort(key=lambda p: order.get(p.name, len(order)))
    chosen = []
    for path in paths:
        meta = read_meta(path)
        if (meta.get("dataset") or {}).get("name") == "mnist" and get_family(meta["family"]).reconstructs:
            chosen.append(path)
    return chosen
