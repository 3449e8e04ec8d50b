"""What the judge sees: quality figures for generators and autoencoders.

For a generator (GAN, DCGAN, VAE) on N samples:

- the **class histogram** (share of samples the judge puts in each class) and
  its **normalised entropy** H/log K: 1 when every class is drawn equally often,
  0 when a single class is;
- the **confident share**: samples whose top class probability is ≥ 0.9,
  beside the same share for real images;
- the **judge-FID**: the Fréchet distance between Gaussians fitted to the
  judge's penultimate features (64 numbers) of the samples and of held-out real
  images. It is *not* the Inception-FID of papers and is comparable only with
  itself; the **real-vs-real baseline** (held-out real images against the same
  reference) is what a perfect generator would score at that sample size.

Held-out real images: the trainers' validation split plus the test file,
images neither the judge's weights nor any model trained on. Half of them
(alternate images) are the reference; the other half gives the baseline.

For an autoencoder: the judge's accuracy on reconstructions of the validation
split against its accuracy on the originals.

Cost of one per-epoch call (:class:`QualityProbe`, 1,000 samples, one CPU thread of
a busy 2-core machine, ``assets/make_dcgans.py bench``): 0.4 s for the dense GAN,
0.8 s (MNIST) to 1.7 s (Fashion-MNIST) for the DCGAN — judging 1,000 images is
0.4–1.1 s of it, the Fréchet distance under 10 ms. Building the probe reads the
held-out images once: 0.5 s for MNIST's 1,400, 8–10 s for Fashion-MNIST's 15,000.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass

import numpy as np
import torch

from .data import Dataset
from .i18n import _
from .judge import Judge
from .sampling import PLAIN, Truncation, class_codes, draw_codes, truncate

CONFIDENT = 0.9  # a sample is "confident" when the judge's top class probability reaches this
DEFAULT_SAMPLES = 2000
COLLAPSE_FACTOR = 2.0  # a class drawn at least this many times its fair share (1/K) is named


# -- the statistics ------------------------------------------------------------------------
def class_histogram(probs: torch.Tensor | np.ndarray, classes: int | None = None) -> np.ndarray:
    """Share of images whose top class is each class (sums to 1)."""
    probs = np.asarray(probs)
    k = classes or probs.shape[1]
    counts = np.bincount(probs.argmax(axis=1), minlength=k).astype(np.float64)
    return counts / max(1.0, counts.sum())


def normalised_entropy(histogram) -> float:
    """H(p) / log K: 1 for a uniform histogram, 0 for a single class."""
    p = np.asarray(histogram, dtype=np.float64)
    p = p / p.sum()
    nz = p[p > 0]
    return max(0.0, float(-(nz * np.log(nz)).sum() / math.log(len(p)))) if len(p) > 1 else 0.0


def confident_share(probs, threshold: float = CONFIDENT) -> float:
    probs = np.asarray(probs)
    return float((probs.max(axis=1) >= threshold).mean()) if len(probs) else float("nan")


@dataclass(frozen=True)
class Gaussian:
    mean: np.ndarray  # (D,)
    cov: np.ndarray  # (D, D)

    @classmethod
    def fit(cls, features) -> Gaussian:
        f = np.asarray(features, dtype=np.float64)
        return cls(f.mean(axis=0), np.cov(f, rowvar=False))


def _sqrt_psd(matrix: np.ndarray) -> np.ndarray:
    w, v = np.linalg.eigh((matrix + matrix.T) / 2)
    return (v * np.sqrt(np.clip(w, 0, None))) @ v.T


def frechet_distance(a: Gaussian | np.ndarray, b: Gaussian | np.ndarray) -> float:
    """‖μa − μb‖² + tr(Σa + Σb − 2 (Σa Σb)^½), from features (N, D) or fitted Gaussians."""
    a = a if isinstance(a, Gaussian) else Gaussian.fit(a)
    b = b if isinstance(b, Gaussian) else Gaussian.fit(b)
    root_a = _sqrt_psd(a.cov)
    cross = np.sqrt(np.clip(np.linalg.eigvalsh(root_a @ b.cov @ root_a), 0, None)).sum()
    value = float(((a.mean - b.mean) ** 2).sum() + np.trace(a.cov) + np.trace(b.cov) - 2 * cross)
    return max(value, 0.0)


# -- real images ---------------------------------------------------------------------------
@dataclass(frozen=True)
class RealReference:
    """The judge's view of held-out real images: the reference Gaussian and the baseline figures."""

    dataset: str
    source: str
    reference: Gaussian  # fitted on half of the held-out images
    baseline_features: np.ndarray  # the other half
    size: int  # held-out images in all
    confident_share: float
    entropy: float

    def baseline_fid(self, n: int | None = None) -> float:
        """Judge-FID of ``n`` (default all) real images of the other half against the reference."""
        feats = self.baseline_features if n is None else self.baseline_features[:n]
        return frechet_distance(feats, self.reference)


def held_out_images(dataset: Dataset) -> tuple[torch.Tensor, torch.Tensor]:
    """uint8 images and labels no model trained on: the validation split, then the test file."""
    _, val = dataset.split()
    return torch.cat([val.images.cpu(), dataset.test.images.cpu()]), torch.cat(
        [val.labels.cpu(), dataset.test.labels.cpu()]
    )


_REFERENCES: dict[tuple, RealReference] = {}


def real_reference(judge: Judge, dataset: Dataset) -> RealReference:
    """The judge's view of ``dataset``'s held-out images (cached per judge, dataset and source)."""
    key = (id(judge.net), dataset.name, dataset.source.describe(), len(dataset.train), len(dataset.test))
    if key not in _REFERENCES:
        _REFERENCES[key] = _read_reference(judge, dataset)
    return _REFERENCES[key]


def _read_reference(judge: Judge, dataset: Dataset) -> RealReference:
    images, _labels = held_out_images(dataset)
    probs, feats = judge.read(images.float() / 255.0)
    hist = class_histogram(probs)
    return RealReference(
        dataset=dataset.name,
        source=dataset.source.describe(),
        reference=Gaussian.fit(feats[0::2].numpy()),
        baseline_features=feats[1::2].numpy(),
        size=len(images),
        confident_share=confident_share(probs),
        entropy=normalised_entropy(hist),
    )


# -- generators ----------------------------------------------------------------------------
@dataclass(frozen=True)
class GeneratorQuality:
    samples: int
    histogram: list[float]  # share per class, label order
    entropy: float  # normalised class entropy, 1 = every class equally often
    confident_share: float  # samples with top probability ≥ 0.9
    real_confident_share: float  # the same for held-out real images
    judge_fid: float
    real_baseline_fid: float  # held-out real vs the same reference, min(samples, half) images
    seconds: float

    def to_dict(self, digits: int = 4) -> dict:
        return {
            k: (
                [round(x, digits) for x in v]
                if isinstance(v, list)
                else round(v, digits)
                if isinstance(v, float)
                else v
            )
            for k, v in asdict(self).items()
        }


@torch.no_grad()
def draw_samples(
    model: torch.nn.Module, n: int, seed: int = 0, batch: int = 500, truncation: Truncation = PLAIN
) -> torch.Tensor:
    """n samples (N, 28, 28) in [0, 1] on the CPU, in eval mode (as the app draws them); the mode is restored.
    With a ``truncation`` the codes are pulled toward their centres (:mod:`engine.sampling`)."""
    was_training = model.training
    model.eval()
    gen = torch.Generator().manual_seed(seed)

    def draw(count: int) -> torch.Tensor:
        if truncation.plain:
            return model.sample(count, gen)
        z = truncate(draw_codes(model, count, gen), truncation, model)
        with torch.no_grad():
            return model.generate(z.to(next(model.parameters()).device))

    try:
        parts = [draw(min(batch, n - i)).float().cpu() for i in range(0, n, batch)]
    finally:
        model.train(was_training)
    return torch.cat(parts) if parts else torch.zeros(0, 28, 28)


def score_samples(samples01: torch.Tensor, judge: Judge, reference: RealReference) -> GeneratorQuality:
    """Quality figures of images already drawn (e.g. the Generate page's grid)."""
    start = time.perf_counter()
    probs, feats = judge.read(samples01)
    hist = class_histogram(probs)
    n = len(samples01)
    return GeneratorQuality(
        samples=n,
        histogram=hist.tolist(),
        entropy=normalised_entropy(hist),
        confident_share=confident_share(probs),
        real_confident_share=reference.confident_share,
        judge_fid=frechet_distance(feats.numpy(), reference.reference) if n > 1 else float("nan"),
        real_baseline_fid=reference.baseline_fid(n),
        seconds=time.perf_counter() - start,
    )


def generator_quality(
    model: torch.nn.Module,
    judge: Judge,
    reference: RealReference,
    n: int = DEFAULT_SAMPLES,
    seed: int = 0,
    truncation: Truncation = PLAIN,
) -> GeneratorQuality:
    """Draw ``n`` samples from a GAN, DCGAN or VAE (codes truncated as asked) and score them."""
    start = time.perf_counter()
    quality = score_samples(draw_samples(model, n, seed, truncation=truncation), judge, reference)
    return GeneratorQuality(**{**asdict(quality), "seconds": time.perf_counter() - start})


class QualityProbe:
    """Per-epoch quality during training at a bounded cost: a fixed seed and ``n`` samples each call.

    Build it once (it reads the held-out real images with the judge); call it with the model
    at each epoch's end, on the training thread.
    """

    def __init__(self, judge: Judge, dataset: Dataset, n: int = 1000, seed: int = 12345) -> None:
        self.judge, self.n, self.seed = judge, n, seed
        self.reference = real_reference(judge, dataset)

    def __call__(self, model: torch.nn.Module) -> GeneratorQuality:
        return generator_quality(model, self.judge, self.reference, self.n, self.seed)


# -- autoencoders --------------------------------------------------------------------------
@dataclass(frozen=True)
class ReconstructionQuality:
    images: int
    accuracy_originals: float  # the judge's accuracy on the validation images
    accuracy_reconstructions: float  # … on the model's reconstructions of them
    kept: float  # reconstructions / originals: 1 = the model keeps every digit the judge reads

    def to_dict(self, digits: int = 4) -> dict:
        return {k: round(v, digits) if isinstance(v, float) else v for k, v in asdict(self).items()}


@torch.no_grad()
def reconstruction_quality(
    model: torch.nn.Module, judge: Judge, images_u8: torch.Tensor, labels: torch.Tensor, batch: int = 500
) -> ReconstructionQuality:
    """The judge's accuracy on ``images_u8`` and on the model's reconstructions of them."""
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    try:
        x = images_u8.float().div(255.0)
        recon = (
            torch.cat([model.reconstruct(x[i : i + batch].to(device)).float().cpu() for i in range(0, len(x), batch)])
            if len(x)
            else x
        )
    finally:
        model.train(was_training)
    labels = labels.cpu()
    acc_orig = float((judge.read(x)[0].argmax(1) == labels).float().mean())
    acc_recon = float((judge.read(recon)[0].argmax(1) == labels).float().mean())
    return ReconstructionQuality(
        images=len(labels),
        accuracy_originals=acc_orig,
        accuracy_reconstructions=acc_recon,
        kept=acc_recon / acc_orig if acc_orig > 0 else float("nan"),
    )


# -- GAN health from the class histogram ---------------------------------------------------
def _class_label(dataset: str, name: str) -> str:
    """How a class reads in a sentence: "1s" for digits, “Sneaker” for clothes."""
    if name.isdigit():
        return _("{digit}s").format(digit=name)
    return _("“{name}”").format(name=_(name))  # the class name in the user's language (N_ in engine.data.catalog)


@dataclass(frozen=True)
class CodeReading:
    """What the judge reads in one class code's samples: its most frequent class and that class's share."""

    code: int  # 0-based
    histogram: tuple[float, ...]  # the share of the code's samples the judge reads as each class

    @property
    def top_class(self) -> int:
        return int(np.argmax(self.histogram))

    @property
    def share(self) -> float:
        return float(max(self.histogram))

    @property
    def own_share(self) -> float:
        """The share read as class ``code``: how often a conditional DCGAN draws the class asked."""
        return float(self.histogram[self.code]) if self.code < len(self.histogram) else 0.0


def code_readings(model: torch.nn.Module, judge: Judge, n: int = 100, seed: int = 0) -> list[CodeReading]:
    """For each class code of a DCGAN with codes (InfoGAN), the class the judge reads most in ``n`` of its
    samples (plain z, fixed seed) and its share: which class the model made of each code. [] without codes."""
    was_training = model.training
    model.eval()
    readings = []
    try:
        for code in range(class_codes(model)):
            z = draw_codes(model, n, torch.Generator().manual_seed(seed), code_class=code)
            with torch.no_grad():
                images = model.generate(z.to(next(model.parameters()).device)).float().cpu()
            histogram = class_histogram(judge.read(images)[0])
            readings.append(CodeReading(code, tuple(float(h) for h in histogram)))
    finally:
        model.train(was_training)
    return readings


def class_collapse(histogram, class_names: tuple[str, ...] | list[str], dataset: str = "") -> str | None:
    """A sentence naming a class drawn far too often (≥ twice its fair share), or None when none is."""
    p = np.asarray(histogram, dtype=np.float64)
    if p.sum() <= 0 or len(p) < 2:
        return None
    p = p / p.sum()
    top = int(p.argmax())
    if p[top] < COLLAPSE_FACTOR / len(p):
        return None
    return _("partial mode collapse: {share} % of samples are {label}").format(
        share=round(100 * p[top]), label=_class_label(dataset, class_names[top])
    )


def class_health(histogram, class_names: tuple[str, ...] | list[str], dataset: str = ""):
    """A :class:`~engine.train.gan_health.Health` for a class-collapsed generator, or None.

    Pixel diversity cannot see that the *classes* collapsed (varied 1s are still diverse
    pixels); the judge's histogram can. Twice the fair share is worth watching, three
    times a problem.
    """
    from .train.gan_health import PROBLEM, WATCH, Health

    sentence = class_collapse(histogram, class_names, dataset)
    if sentence is None:
        return None
    p = np.asarray(histogram, dtype=np.float64)
    level = PROBLEM if p.max() / p.sum() >= 1.5 * COLLAPSE_FACTOR / len(p) else WATCH
    return Health(
        level,
        sentence[:1].upper() + sentence[1:],
        _(
            "The generator draws one class far more often than the data holds it, so some other classes "
            "are rare or missing. Training longer, another seed or a lower learning rate can help; "
            "the judge's class histogram shows which classes are missing."
        ),
    )


# -- one call for a checkpoint (evaluate, the Models page) -----------------------------------
def checkpoint_quality(
    model: torch.nn.Module,
    family: str,
    dataset: Dataset,
    n: int = DEFAULT_SAMPLES,
    judge: Judge | None = None,
    truncation: Truncation = PLAIN,
) -> dict:
    """The judge's figures for a model of ``family`` on ``dataset``, as a JSON-ready dict.

    Generators (GAN, DCGAN, VAE): samples' class histogram, entropy, confident share and
    judge-FID with the real-vs-real baseline (codes z ~ N(0, I)), and the same figures as
    ``truncated_samples`` when a ``truncation`` is given (e.g. the one the checkpoint recommends);
    autoencoders (VAE too): the judge's accuracy on the validation split and on its reconstructions.
    ``{"error": …}`` when no judge loads.
    """
    from .judge import JudgeError, load_judge
    from .models import AUTOENCODER_FAMILIES, GENERATOR_FAMILIES

    try:
        judge = judge or load_judge(dataset.name)
    except JudgeError as exc:
        return {"error": str(exc)}
    result: dict = {"judge": {"dataset": judge.dataset, "test_accuracy": judge.meta.get("test_accuracy")}}
    if family in GENERATOR_FAMILIES:
        reference = real_reference(judge, dataset)
        result["samples"] = generator_quality(model, judge, reference, n=n).to_dict()
        result["samples"]["held_out_real_images"] = reference.size
        result["samples"]["collapse"] = class_collapse(
            result["samples"]["histogram"], dataset.class_names, dataset.name
        )
        if not truncation.plain:
            truncated = generator_quality(model, judge, reference, n=n, truncation=truncation).to_dict()
            result["truncated_samples"] = {**truncated, "truncation": truncation.to_dict()}
    if family in AUTOENCODER_FAMILIES:
        _, val = dataset.split()
        result["reconstructions"] = reconstruction_quality(model, judge, val.images.cpu(), val.labels).to_dict()
    return result
