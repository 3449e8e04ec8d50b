"""Reading and writing images — numpy and Pillow only, no Qt.

Students drop all sorts of files on the Draw page: phone photos (EXIF-rotated
JPEGs), scans, 16-bit PNGs, palette GIFs, transparent PNGs, text files renamed
``.png``, truncated downloads, and now and then a "decompression bomb" whose
header declares billions of pixels. :func:`read_image` turns every readable one
into a grey float image and refuses every other with an :class:`ImageError`
whose message names the file and says why — it never hangs and never lets an
image allocate gigabytes, because the declared size is checked from the
header before any pixel is decoded.
"""

from __future__ import annotations

import io
import math
import os
import re
import struct
import tempfile
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 40_000_000  # refuse images that declare more pixels than this (≈ 160 MB as float32)
MAX_FILE_BYTES = 256 * 1024 * 1024  # and files bigger than this
SUPPORTED = "PNG, JPEG, BMP, GIF, TIFF, WebP, PPM"
OPEN_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.ppm *.pgm *.pbm)"


class ImageError(Exception):
    """An image could not be read or written; the message names the file and says why."""


def read_image(path: str | Path) -> np.ndarray:
    """The image at ``path`` as float32 (H, W) grey levels in [0, 1]."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ImageError(f"{path.name} is a folder, not an image")
        if size > MAX_FILE_BYTES:
            raise ImageError(f"{path.name} is too big to be an image we can use ({size / 2**20:.0f} MB)")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImageError(f"no file at {path}") from exc
    except OSError as exc:
        raise ImageError(f"could not read {path.name}: {exc.strerror or exc}") from exc
    return read_image_bytes(data, name=path.name)


def read_image_bytes(data: bytes, name: str = "image") -> np.ndarray:
    """Like :func:`read_image`, from the bytes of a file (``name`` only appears in messages)."""
    if not data:
        raise ImageError(f"{name} is empty (0 bytes)")
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(f"{name} is too big to be an image we can use ({len(data) / 2**20:.0f} MB)")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))  # reads the header only
            width, height = image.size
            if width <= 0 or height <= 0:
                raise ImageError(f"{name} declares an empty image ({width}×{height})")
            if width * height > MAX_PIXELS:
                raise ImageError(
                    f"{name} declares {width}×{height} pixels ({width * height / 1e6:.0f} megapixels); "
                    f"images over {MAX_PIXELS / 1e6:.0f} megapixels are refused (it could be a "
                    "decompression bomb)"
                )
            image.seek(0)  # animations: the first frame
            image.load()  # decodes; raises on truncated or corrupt data
            image = ImageOps.exif_transpose(image)
            return _to_grey(image)
        except ImageError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            found = re.search(r"\((\d+) pixels\)", str(exc))
            declared = f"{int(found.group(1)) / 1e6:.0f} megapixels" if found else "too many megapixels"
            raise ImageError(
                f"{name} declares {declared}; images over {MAX_PIXELS / 1e6:.0f} megapixels are "
                "refused (it could be a decompression bomb)"
            ) from exc
        except UnidentifiedImageError as exc:
            raise ImageError(f"{name} is not an image this app can read (it reads {SUPPORTED})") from exc
        except MemoryError as exc:
            raise ImageError(f"{name} is too large to decode in the memory available") from exc
        except (OSError, ValueError, SyntaxError, EOFError, IndexError, struct.error) as exc:
            reason = str(exc) or exc.__class__.__name__
            if "truncated" in reason.lower():
                raise ImageError(f"{name} is truncated (the file ends before the image does)") from exc
            raise ImageError(f"{name} is damaged or not a valid image ({reason})") from exc


def _to_grey(image: Image.Image) -> np.ndarray:
    """Any Pillow mode → float32 grey in [0, 1]; transparency is composited so the ink stays visible."""
    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        values = np.asarray(image, dtype=np.float64)
        peak = values.max(initial=0.0)
        scale = 255.0 if peak <= 255 else 65535.0 if peak <= 65535 else peak
        return np.clip(values / scale, 0.0, 1.0).astype(np.float32)
    if mode == "F":
        values = np.nan_to_num(np.asarray(image, dtype=np.float64))
        low, high = values.min(initial=0.0), values.max(initial=0.0)
        if low < 0.0 or high > 1.0:
            values = (values - low) / (high - low) if high > low else np.zeros_like(values)
        return values.astype(np.float32)
    has_alpha = (
        mode in ("RGBA", "LA", "PA", "La", "RGBa")
        or (mode == "P" and "transparency" in image.info)
        or (mode in ("L", "RGB") and "transparency" in image.info)
    )
    if has_alpha:
        rgba = np.asarray(image.convert("RGBA"), dtype=np.float32) / 255.0
        grey = rgba[..., 0] * 0.299 + rgba[..., 1] * 0.587 + rgba[..., 2] * 0.114
        alpha = rgba[..., 3]
        return _composite(grey, alpha)
    return np.asarray(image.convert("L"), dtype=np.float32) / 255.0


def _composite(grey: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Put the visible pixels on a background that contrasts with them.

    A transparent PNG of a digit is usually dark ink on nothing; on white it stays
    visible (and is then inverted by the preprocessing). White ink on nothing goes
    on black instead. The colour of fully transparent pixels is ignored.
    """
    weight = float(alpha.sum())
    if weight <= 0.0:
        return np.zeros_like(grey)
    ink = float((grey * alpha).sum()) / weight
    background = 1.0 if ink < 0.5 else 0.0
    return (grey * alpha + background * (1.0 - alpha)).astype(np.float32)


def write_png(path: str | Path, image: np.ndarray) -> Path:
    """Save a uint8 (H, W) grey image as PNG atomically (temp file, fsync, rename)."""
    path = Path(path)
    array = np.asarray(image)
    if array.dtype != np.uint8:
        if np.issubdtype(array.dtype, np.floating):
            array = np.clip(np.round(array * 255.0), 0, 255).astype(np.uint8)
        else:
            array = np.clip(array, 0, 255).astype(np.uint8)
    if array.ndim != 2 or 0 in array.shape:
        raise ImageError(f"cannot save {path.name}: expected a grey (H, W) image, got shape {array.shape}")
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(array)).save(buffer, format="PNG")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(buffer.getvalue())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise
    except OSError as exc:
        raise ImageError(f"could not save {path}: {exc.strerror or exc}") from exc
    return path


def make_grid(images: np.ndarray, cols: int | None = None, pad: int = 2, pad_value: int = 0) -> np.ndarray:
    """Tile uint8 images (N, h, w) into one (H, W) image, ``pad`` pixels between and around them.

    ``cols`` defaults to a near-square grid.
    """
    images = np.asarray(images)
    if images.ndim == 2:
        images = images[None]
    if images.ndim != 3 or images.shape[0] == 0:
        raise ValueError(f"make_grid needs images shaped (N, h, w) with N ≥ 1, got {images.shape}")
    if images.dtype != np.uint8:
        images = (
            np.clip(np.round(images.astype(np.float32) * 255.0), 0, 255).astype(np.uint8)
            if np.issubdtype(images.dtype, np.floating)
            else np.clip(images, 0, 255).astype(np.uint8)
        )
    n, h, w = images.shape
    cols = max(1, min(int(cols or math.ceil(math.sqrt(n))), n))
    rows = math.ceil(n / cols)
    grid = np.full((pad + rows * (h + pad), pad + cols * (w + pad)), pad_value, dtype=np.uint8)
    for i in range(n):
        r, c = divmod(i, cols)
        top, left = pad + r * (h + pad), pad + c * (w + pad)
        grid[top : top + h, left : left + w] = images[i]
    return grid
