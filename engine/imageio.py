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
import stat
import struct
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .fsutil import atomic_write_bytes
from .i18n import N_, _

MAX_PIXELS = 40_000_000  # refuse images that declare more pixels than this (≈ 160 MB as float32)
MAX_FILE_BYTES = 256 * 1024 * 1024  # and files bigger than this
MAX_SIDE = 1024  # bigger images are scaled down while (JPEG) or right after decoding: a digit needs far less
SUPPORTED = "PNG, JPEG, BMP, GIF, TIFF, WebP, PPM/PGM"
OPEN_FILTER = N_("Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.ppm *.pgm *.pbm)")  # _() where shown
# The only decoders Pillow may use: none of them runs an external program (EPS hands files to
# Ghostscript, a PostScript interpreter) or reads formats nobody drops on a drawing page (FITS, TGA, …).
ALLOWED_FORMATS = ("PNG", "JPEG", "BMP", "GIF", "TIFF", "WEBP", "PPM")

# What a file really is, from its first bytes — for the message when it is not one of the above.
_MAGIC = (
    (b"%!PS", "PostScript"),
    (b"\xc5\xd0\xd3\xc6", "EPS (PostScript)"),
    (b"%PDF", "PDF"),
    (b"SIMPLE  =", "FITS"),
    (b"8BPS", "Photoshop (PSD)"),
    (b"\x00\x00\x01\x00", N_("Windows icon (ICO)")),
    (b"icns", N_("macOS icon (ICNS)")),
    (b"v/1\x01", "OpenEXR"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
    (b"\xffO\xffQ", "JPEG 2000"),
    (b"qoif", "QOI"),
    (b"DDS ", N_("DirectDraw surface (DDS)")),
    (b"PK\x03\x04", N_("ZIP archive (or Office document)")),
    (b"\x1f\x8b", N_("gzip archive")),
    (b"7z\xbc\xaf", N_("7-Zip archive")),
    (b"Rar!", N_("RAR archive")),
    (b"\x7fELF", N_("program (ELF)")),
    (b"MZ", N_("Windows program")),
    (b"\x89HDF", "HDF5"),
    (b"\x93NUMPY", N_("NumPy array (.npy)")),
    (b"\x80", "Python pickle"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


class ImageError(Exception):
    """An image could not be read or written; the message names the file and says why."""


def real_format(data: bytes) -> str | None:
    """What the bytes really are (``"PostScript"``, ``"PDF"``, ``"PNG"``, …), from their magic; None if unknown."""
    head = data[:64]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "HEIC/HEIF" if brand[:3] in (b"hei", b"mif", b"hev") else "AVIF" if brand[:3] == b"avi" else "video"
    if len(head) >= 2 and head[:1] == b"P" and head[1:2] in b"1234567":
        return "PPM/PGM"
    text = head.lstrip().lower()
    if text.startswith((b"<svg", b"<?xml")):
        return "SVG/XML"
    if data.endswith(b"TRUEVISION-XFILE.\x00"):
        return "TGA"
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text"


def _open_regular(path: Path) -> bytes:
    """The bytes of a regular file; a folder, pipe or device is refused (never read, never waited on)."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise ImageError(_("{file} is a folder, not an image").format(file=path.name))
    if not stat.S_ISREG(info.st_mode):
        raise ImageError(_("{file} is not a regular file (a pipe, socket or device)").format(file=path.name))
    if info.st_size > MAX_FILE_BYTES:
        raise ImageError(
            _("{file} is too big to be an image we can use ({mb:.0f} MB)").format(
                file=path.name, mb=info.st_size / 2**20
            )
        )
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ImageError(_("{file} is not a regular file").format(file=path.name))
        return handle.read(MAX_FILE_BYTES + 1)


def read_image(path: str | Path) -> np.ndarray:
    """The image at ``path`` as float32 (H, W) grey levels in [0, 1]."""
    path = Path(path)
    try:
        data = _open_regular(path)
    except FileNotFoundError as exc:
        raise ImageError(_("no file at {path}").format(path=path)) from exc
    except OSError as exc:
        raise ImageError(
            _("could not read {file}: {reason}").format(file=path.name, reason=exc.strerror or exc)
        ) from exc
    return read_image_bytes(data, name=path.name)


def _not_readable(name: str, data: bytes) -> ImageError:
    what = real_format(data)
    if what is None or what in ("PNG", "JPEG", "GIF", "BMP", "TIFF", "WebP", "PPM/PGM"):
        return ImageError(
            _("{name} is not an image this app can read (it reads {formats})").format(name=name, formats=SUPPORTED)
        )
    return ImageError(
        _("{name} is really a {what} file, not an image this app reads (it reads {formats})").format(
            name=name, what=_(what), formats=SUPPORTED
        )
    )


def _bomb(name: str, declared: str) -> ImageError:
    return ImageError(
        _(
            "{name} declares {declared}; images over {limit:.0f} megapixels are refused (it could be "
            "a decompression bomb)"
        ).format(name=name, declared=declared, limit=MAX_PIXELS / 1e6)
    )


def read_image_bytes(data: bytes, name: str = "image") -> np.ndarray:
    """Like :func:`read_image`, from the bytes of a file (``name`` only appears in messages)."""
    if not data:
        raise ImageError(_("{name} is empty (0 bytes)").format(name=name))
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(
            _("{name} is too big to be an image we can use ({mb:.0f} MB)").format(name=name, mb=len(data) / 2**20)
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)  # reads the header only
            width, height = image.size
            if width <= 0 or height <= 0:
                raise ImageError(_("{name} declares an empty image ({w}×{h})").format(name=name, w=width, h=height))
            if width * height > MAX_PIXELS:
                raise _bomb(
                    name, _("{w}×{h} pixels ({mp:.0f} megapixels)").format(w=width, h=height, mp=width * height / 1e6)
                )
            image.seek(0)  # animations: the first frame
            _draft(image)
            image.load()  # decodes; raises on truncated or corrupt data
            image = ImageOps.exif_transpose(_shrink(image))
            return _to_grey(image)
        except ImageError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            found = re.search(r"\((\d+) pixels\)", str(exc))
            declared = (
                _("{mp:.0f} megapixels").format(mp=int(found.group(1)) / 1e6) if found else _("too many megapixels")
            )
            raise _bomb(name, declared) from exc
        except UnidentifiedImageError as exc:
            raise _not_readable(name, data) from exc
        except MemoryError as exc:
            raise ImageError(_("{name} is too large to decode in the memory available").format(name=name)) from exc
        except (OSError, ValueError, SyntaxError, EOFError, IndexError, struct.error, ZeroDivisionError) as exc:
            reason = str(exc) or exc.__class__.__name__
            if "truncated" in reason.lower():
                raise ImageError(
                    _("{name} is truncated (the file ends before the image does)").format(name=name)
                ) from exc
            raise ImageError(
                _("{name} is damaged or not a valid image ({reason})").format(name=name, reason=reason)
            ) from exc


def _draft(image: Image.Image) -> None:
    """Ask the JPEG decoder to scale down by 2, 4 or 8 while decoding (no other format can)."""
    width, height = image.size
    if image.format in ("JPEG", "MPO") and max(width, height) > MAX_SIDE:
        scale = MAX_SIDE / max(width, height)
        image.draft(image.mode, (max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))))


def _shrink(image: Image.Image) -> Image.Image:
    """Box-filter a decoded image down so its longest side is at most about MAX_SIDE."""
    factor = math.ceil(max(image.size) / MAX_SIDE)
    if factor <= 1:
        return image
    if image.mode == "P":
        image = image.convert("RGBA")
    elif image.mode == "1":
        image = image.convert("L")
    elif image.mode.startswith("I;16"):
        image = image.convert("I")
    return image.reduce(factor)


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
        raise ImageError(
            _("cannot save {file}: expected a grey (H, W) image, got shape {shape}").format(
                file=path.name, shape=array.shape
            )
        )
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(array)).save(buffer, format="PNG")
    try:
        atomic_write_bytes(path, buffer.getvalue())
    except OSError as exc:
        raise ImageError(_("could not save {path}: {reason}").format(path=path, reason=exc.strerror or exc)) from exc
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
