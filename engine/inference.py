"""Inference in one place: an image in, every model's reconstruction, code and error out.

The Draw page, the Generate page, the Latent page and the CLI's ``reconstruct``
and ``sample`` all call these functions, so that a drawing, a loaded photo and a
file given on the command line go through the same steps:

1. :func:`prepare`: the MNIST recipe (:mod:`engine.preprocess`) on a grey image,
   uint8 or float;
2. :func:`corrupt`: optional noise (Gaussian σ, dropout, blanked pixels) drawn
   from a seed, so the same seed gives the same noisy input;
3. :func:`reconstruct_all`: every model's code and reconstruction of the clean
   input (and, where asked, of the noisy one) in one batched pass per model,
   with the errors of :mod:`engine.image_metrics`.

Generators go the other way: :func:`sample` draws seeded codes and decodes them,
:func:`interpolate` walks a line or a great circle between two codes, and
:func:`decode` / :func:`encode` turn codes into images and images into codes.
Everything returns numpy arrays on the CPU, whatever device a model lives on.
No Qt here: tests call these functions directly.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, Literal, TypeVar

import numpy as np
import torch

from . import image_metrics
from .preprocess import SIZE, Preprocessed, fit_into, preprocess
from .sampling import PLAIN, Truncation, truncate
from .sampling import draw_codes as sampling_codes

K = TypeVar("K", bound=Hashable)
Prepared = Preprocessed  # the recipe's result: the model input and every intermediate step
InterpolationMode = Literal["linear", "spherical"]
ENCODE_BATCH = 1000  # images per forward pass when encoding a whole data set


# -- the input ----------------------------------------------------------------------------------
def prepare(image: np.ndarray) -> Prepared:
    """The MNIST recipe on a grey (H, W) image, uint8 (0–255) or float ([0, 1]):
    inverted if dark-on-light, cropped, fitted into 20×20, centred by mass in 28×28."""
    return preprocess(image)


def fit_to_canvas(image: np.ndarray, size: int) -> np.ndarray:
    """A grey image (uint8 or float) scaled into a ``size``×``size`` uint8 square, aspect kept,
    centred on black: how a loaded photo is placed on the drawing canvas."""
    return np.clip(np.round(fit_into(image, size) * 255.0), 0, 255).astype(np.uint8)


def as_input(image: np.ndarray) -> np.ndarray:
    """A 28×28 model input as float32 in [0, 1] (uint8 is scaled by 1/255)."""
    array = np.asarray(image)
    if array.shape != (SIZE, SIZE):
        raise ValueError(f"a model input is {SIZE}×{SIZE}, got shape {array.shape}; prepare() the image first")
    if array.dtype == np.uint8:
        return array.astype(np.float32) / 255.0
    return np.ascontiguousarray(array, dtype=np.float32)


# -- noise --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NoiseSpec:
    """How to corrupt an input. The random fields come from ``seed``: the noise stays the same
    while the user draws, and changes only when they ask for new noise (a new seed)."""

    sigma: float = 0.0  # σ of the Gaussian noise added to every pixel
    dropout: float = 0.0  # fraction of pixels set to 0
    blanks: np.ndarray | None = field(default=None, compare=False)  # bool (28, 28): pixels set to 0
    seed: int = 0


@lru_cache(maxsize=8)
def noise_fields(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The Gaussian and uniform (28, 28) fields of ``seed`` (read-only: they are shared)."""
    rng = np.random.default_rng(int(seed))
    gaussian = rng.standard_normal((SIZE, SIZE)).astype(np.float32)
    uniform = rng.random((SIZE, SIZE)).astype(np.float32)
    gaussian.setflags(write=False)
    uniform.setflags(write=False)
    return gaussian, uniform


def corrupt(image: np.ndarray, noise: NoiseSpec) -> np.ndarray:
    """The noisy copy of a 28×28 input, reproducible from ``noise.seed``."""
    gaussian, uniform = noise_fields(noise.seed)
    return image_metrics.corrupt(as_input(image), noise.sigma, noise.dropout, noise.blanks, gaussian, uniform)


# -- reconstruction -------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)  # numpy fields: compared by identity
class Reconstruction:
    """One model's answer to one input."""

    output: np.ndarray  # float32 (28, 28) in [0, 1]: the reconstruction of the clean input
    code: np.ndarray  # float32 (coding_size,): the clean input's code
    bce: float  # mean binary cross-entropy of ``output`` against the clean input
    mse: float
    psnr: float  # dB, against the clean input
    noisy: np.ndarray | None = None  # the reconstruction of the noisy input (what a denoiser cleans)
    noisy_psnr: float | None = None  # dB, ``noisy`` against the clean input


@dataclass(frozen=True, eq=False)
class Reconstructions(Mapping[K, Reconstruction], Generic[K]):
    """Every model's :class:`Reconstruction` by key, with the input they were given."""

    input: np.ndarray  # float32 (28, 28): the clean input
    noisy_input: np.ndarray | None  # float32 (28, 28): the corrupted input (None: no noise asked)
    noisy_input_psnr: float | None  # dB, the noisy input against the clean one
    by_key: dict[K, Reconstruction]

    def __getitem__(self, key: K) -> Reconstruction:
        return self.by_key[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self.by_key)

    def __len__(self) -> int:
        return len(self.by_key)


def reconstruct_all(
    models: Mapping[K, torch.nn.Module],
    image: np.ndarray,
    noise: NoiseSpec | None = None,
    noisy_for: Collection[K] | None = None,
) -> Reconstructions[K]:
    """Run every autoencoder of ``models`` on a 28×28 input (and on its noisy copy when ``noise``
    is given): one batched forward pass per model, no gradient. ``noisy_for`` limits which
    models also get the noisy input (None: all of them); the others' ``noisy`` is None."""
    x = as_input(image)
    noisy = corrupt(x, noise) if noise is not None else None
    clean_batch = torch.from_numpy(x).reshape(1, SIZE, SIZE)
    both_batch = torch.from_numpy(np.stack([x, noisy])) if noisy is not None else clean_batch
    results: dict[K, Reconstruction] = {}
    with torch.inference_mode():
        for key, model in models.items():
            with_noisy = noisy is not None and (noisy_for is None or key in noisy_for)
            batch = (both_batch if with_noisy else clean_batch).to(_device(model))
            code = model.encode(batch)
            images = model.decode(code).cpu().numpy()
            output = images[0]
            error = image_metrics.mse(x, output)
            denoised = images[1] if with_noisy else None
            results[key] = Reconstruction(
                output=output,
                code=code[0].cpu().numpy(),
                bce=image_metrics.bce(x, output),
                mse=error,
                psnr=image_metrics.psnr_from_mse(error),
                noisy=denoised,
                noisy_psnr=None if denoised is None else image_metrics.psnr(x, denoised),
            )
    return Reconstructions(
        input=x,
        noisy_input=noisy,
        noisy_input_psnr=None if noisy is None else image_metrics.psnr(x, noisy),
        by_key=results,
    )


def reconstruct(model: torch.nn.Module, image: np.ndarray) -> Reconstruction:
    """One autoencoder's reconstruction of one 28×28 input."""
    return reconstruct_all({0: model}, image)[0]


# -- codes ↔ images -------------------------------------------------------------------------------
def encode(model: torch.nn.Module, images: np.ndarray | torch.Tensor, batch: int = ENCODE_BATCH) -> np.ndarray:
    """The codes (N, coding_size) of images (N, 28, 28), uint8 or float in [0, 1], ``batch`` at a time
    (a VAE gives its mean code μ)."""
    tensor = torch.as_tensor(images)
    if tensor.ndim == 2:
        tensor = tensor.unsqueeze(0)
    scale = tensor.dtype == torch.uint8
    device = _device(model)
    codes = []
    with torch.inference_mode():
        for start in range(0, len(tensor), batch):
            chunk = tensor[start : start + batch].to(device)
            chunk = chunk.float().div(255.0) if scale else chunk.float()
            codes.append(model.encode(chunk).reshape(len(chunk), -1).cpu())
    if not codes:
        return np.zeros((0, int(getattr(model, "coding_size", 0))), np.float32)
    return torch.cat(codes).numpy()


def decode(model: torch.nn.Module, codes: np.ndarray | torch.Tensor) -> np.ndarray:
    """Images (N, 28, 28) float32 in [0, 1] from codes (N, coding_size): an autoencoder's
    decoder, or a generator's network."""
    z = torch.as_tensor(codes, dtype=torch.float32)
    if z.ndim == 1:
        z = z.unsqueeze(0)
    network = model.decode if hasattr(model, "decode") else model.generate
    with torch.inference_mode():
        return network(z.to(_device(model))).cpu().numpy().astype(np.float32, copy=False)


def draw_codes(model: torch.nn.Module | int, n: int, seed: int, code_class: int | None = None) -> np.ndarray:
    """``n`` codes drawn on the CPU from ``seed`` (the same on every machine) for ``model``'s generator:
    z ~ N(0, I), then its one-hot class code if it has them (uniform, or ``code_class`` for all).
    An int instead of a model: plain z of that many numbers."""
    generator = torch.Generator().manual_seed(int(seed))
    if isinstance(model, int):
        return torch.randn(int(n), model, generator=generator).numpy()
    return sampling_codes(model, n, generator, code_class).numpy()


@dataclass(frozen=True, eq=False)
class Samples:
    codes: np.ndarray  # float32 (N, coding_size)
    images: np.ndarray  # float32 (N, 28, 28) in [0, 1]


def sample(
    model: torch.nn.Module, n: int, seed: int, truncation: Truncation = PLAIN, code_class: int | None = None
) -> Samples:
    """``n`` images of a generator (a GAN, or a VAE's decoder) from seeded codes (:func:`draw_codes`),
    truncated as asked (:mod:`engine.sampling`; ValueError when "modes" finds no fitted centres)."""
    codes = truncate(draw_codes(model, n, seed, code_class), truncation, model)
    return Samples(codes=codes, images=decode(model, codes))


def interpolation_path(
    z_a: np.ndarray | torch.Tensor, z_b: np.ndarray | torch.Tensor, steps: int, mode: InterpolationMode = "linear"
) -> np.ndarray:
    """``steps`` codes (at least 2) from ``z_a`` to ``z_b``, both ends exact: a straight line, or
    (``"spherical"``, slerp) a great circle, which keeps the codes' length typical of the prior."""
    if mode not in ("linear", "spherical"):
        raise ValueError(f"interpolation mode must be 'linear' or 'spherical', not {mode!r}")
    a = np.asarray(z_a, np.float64).reshape(-1)
    b = np.asarray(z_b, np.float64).reshape(-1)
    t = np.linspace(0.0, 1.0, max(int(steps), 2))[:, None]
    path = (1 - t) * a + t * b
    if mode == "spherical":
        unit_a = a / max(np.linalg.norm(a), 1e-8)
        unit_b = b / max(np.linalg.norm(b), 1e-8)
        omega = np.arccos(np.clip(unit_a @ unit_b, -1.0, 1.0))
        if np.sin(omega) > 1e-4:  # (nearly) parallel codes: the line is the circle
            path = (np.sin((1 - t) * omega) * a + np.sin(t * omega) * b) / np.sin(omega)
    path = path.astype(np.float32)
    path[0], path[-1] = np.asarray(z_a, np.float32).reshape(-1), np.asarray(z_b, np.float32).reshape(-1)
    return path


def interpolate(
    model: torch.nn.Module,
    z_a: np.ndarray | torch.Tensor,
    z_b: np.ndarray | torch.Tensor,
    steps: int,
    mode: InterpolationMode = "linear",
) -> np.ndarray:
    """The images (steps, 28, 28) along :func:`interpolation_path` from ``z_a`` to ``z_b``."""
    return decode(model, interpolation_path(z_a, z_b, steps, mode))


def _device(model: torch.nn.Module) -> torch.device:
    parameter = next(model.parameters(), None)
    return parameter.device if parameter is not None else torch.device("cpu")
