"""The MNIST recipe, made visible: turn any grey image into what a model expects.

MNIST digits are white on black, cropped to their ink, fitted into a 20×20 box
keeping their aspect (their brightest pixel full white), and placed in a 28×28
image so that their centre of mass sits at the centre. A model trained on them
has never seen a small digit in a corner or dark ink on white paper;
:func:`preprocess` applies the same steps to a drawing or a photo and keeps
every intermediate result so the Draw page can show *why* position and size
matter.

It runs on every stroke, so it is plain numpy plus one small Pillow resize
(well under 2 ms for a 280×280 canvas).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

SIZE = 28  # the model's input is SIZE × SIZE
BOX = 20  # the content is fitted into BOX × BOX, as in MNIST
CENTRE = SIZE / 2 - 0.5  # 13.5: the centre of the 28×28 grid in pixel-index coordinates
INK_THRESHOLD = 0.1  # what counts as content when cropping
NOISE_FLOOR = 0.04  # after levelling, fainter pixels are background (paper texture, JPEG noise)


@dataclass
class Preprocessed:
    input: np.ndarray  # float32 (28, 28) in [0, 1]: what the model sees
    inverted: bool  # the image was dark-on-light, so it was inverted
    grey: np.ndarray  # float32 (H, W): light-on-dark, background levelled to 0
    bbox: tuple[int, int, int, int] | None  # (left, top, right, bottom) of the content in ``grey``; None if empty
    fitted: np.ndarray  # float32 (h, w), max(h, w) == 20: the content fitted into the 20×20 box
    center_of_mass: tuple[float, float] | None  # (row, col) of the content's centre of mass before the shift
    shift: tuple[int, int]  # (rows, cols) the content was moved to centre its mass
    raw: np.ndarray  # float32 (28, 28): the whole image squashed to 28×28, no recipe (for comparison)

    @property
    def empty(self) -> bool:
        return self.bbox is None


def preprocess(image: np.ndarray) -> Preprocessed:
    """Apply the MNIST recipe to a grey image (H, W) in [0, 1] (uint8 is accepted too)."""
    grey = _as_float(image)
    inverted = _is_dark_on_light(grey)
    if inverted:
        grey = 1.0 - grey
    grey = _level(grey)
    raw = _resize(grey, SIZE, SIZE)
    empty = Preprocessed(
        input=np.zeros((SIZE, SIZE), np.float32),
        inverted=inverted,
        grey=grey,
        bbox=None,
        fitted=np.zeros((0, 0), np.float32),
        center_of_mass=None,
        shift=(0, 0),
        raw=raw,
    )
    bbox = _content_box(grey)
    if bbox is None:
        return empty
    left, top, right, bottom = bbox
    content = grey[top:bottom, left:right]
    h, w = content.shape
    scale = BOX / max(h, w)
    fh, fw = max(1, round(h * scale)), max(1, round(w * scale))
    fitted = _resize(content, fh, fw)
    peak = float(fitted.max())
    if peak <= 0.0:
        return empty
    if peak < 1.0:  # every MNIST digit reaches full ink; a thin pen or photo stroke shrunk into 20×20 does not
        fitted *= 1.0 / peak
    # paste in the middle of 28×28, then move it so its centre of mass is at the centre
    y0, x0 = (SIZE - fh) // 2, (SIZE - fw) // 2
    mass = float(fitted.sum())
    rows = np.arange(fh, dtype=np.float32)
    cols = np.arange(fw, dtype=np.float32)
    com_y = y0 + float(fitted.sum(axis=1) @ rows) / mass
    com_x = x0 + float(fitted.sum(axis=0) @ cols) / mass
    dy, dx = int(round(CENTRE - com_y)), int(round(CENTRE - com_x))
    out = np.zeros((SIZE, SIZE), np.float32)
    _paste(out, fitted, y0 + dy, x0 + dx)
    return Preprocessed(
        input=out,
        inverted=inverted,
        grey=grey,
        bbox=bbox,
        fitted=fitted,
        center_of_mass=(com_y, com_x),
        shift=(dy, dx),
        raw=raw,
    )


def fit_into(image: np.ndarray, size: int) -> np.ndarray:
    """A grey image scaled to fit a ``size``×``size`` square, aspect kept, centred on black
    (how a loaded photo is placed on the drawing canvas)."""
    grey = _as_float(image)
    out = np.zeros((size, size), np.float32)
    if grey.size == 0:
        return out
    h, w = grey.shape
    scale = size / max(h, w)
    fh, fw = max(1, min(size, round(h * scale))), max(1, min(size, round(w * scale)))
    _paste(out, _resize(grey, fh, fw), (size - fh) // 2, (size - fw) // 2)
    return out


def _as_float(image: np.ndarray) -> np.ndarray:
    array = np.asarray(image)
    if array.ndim == 3:  # tolerate (H, W, C): luminance of the colour channels
        array = array[..., :3].mean(axis=2) if array.shape[2] >= 3 else array[..., 0]
    if array.ndim != 2:
        raise ValueError(f"preprocess needs a grey (H, W) image, got shape {array.shape}")
    if array.dtype == np.uint8:
        return array.astype(np.float32) / 255.0
    return np.clip(np.nan_to_num(array.astype(np.float32, copy=False)), 0.0, 1.0)


def _border(grey: np.ndarray) -> np.ndarray:
    h, w = grey.shape
    k = max(1, min(h, w) // 20)
    return np.concatenate([grey[:k].ravel(), grey[-k:].ravel(), grey[:, :k].ravel(), grey[:, -k:].ravel()])


def _is_dark_on_light(grey: np.ndarray) -> bool:
    """Paper is light: when the border (where the background is) is brighter than mid-grey,
    the ink is dark and the image must be inverted to look like MNIST."""
    if grey.size == 0:
        return False
    return float(np.median(_border(grey))) > 0.5


def _level(grey: np.ndarray) -> np.ndarray:
    """Make the background 0 and the brightest ink 1 (photos are never pure black and white)."""
    if grey.size == 0:
        return grey.astype(np.float32)
    background = float(np.median(_border(grey)))
    peak = float(grey.max())
    if background <= 0.0 and peak >= 1.0:  # a clean drawing: nothing to do
        return grey.astype(np.float32, copy=False)
    if peak - background < 0.05:  # no content stands out from the background
        return np.zeros_like(grey, dtype=np.float32)
    levelled = (grey - background) * (1.0 / (peak - background))
    levelled[levelled < NOISE_FLOOR] = 0.0
    return np.minimum(levelled, 1.0).astype(np.float32, copy=False)


def _content_box(grey: np.ndarray) -> tuple[int, int, int, int] | None:
    ink = grey > INK_THRESHOLD
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(ink.any(axis=0))
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _resize(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Antialiased resize of a float image (Pillow's 'F' mode keeps full precision)."""
    if image.shape == (height, width):
        return image.astype(np.float32, copy=True)
    if image.size == 0:
        return np.zeros((height, width), np.float32)
    resized = Image.fromarray(np.ascontiguousarray(image, dtype=np.float32)).resize(
        (width, height),
        Image.Resampling.BOX if image.shape[0] >= height and image.shape[1] >= width else Image.Resampling.BILINEAR,
    )
    return np.clip(np.asarray(resized, dtype=np.float32), 0.0, 1.0)


def _paste(out: np.ndarray, patch: np.ndarray, top: int, left: int) -> None:
    """Copy ``patch`` into ``out`` at (top, left), clipping whatever falls outside."""
    h, w = patch.shape
    oy0, ox0 = max(top, 0), max(left, 0)
    oy1, ox1 = min(top + h, out.shape[0]), min(left + w, out.shape[1])
    if oy1 <= oy0 or ox1 <= ox0:
        return
    out[oy0:oy1, ox0:ox1] = patch[oy0 - top : oy1 - top, ox0 - left : ox1 - left]
