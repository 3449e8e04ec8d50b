"""Every kind of file a student may drop on the Draw page either works or raises a clear ImageError."""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from engine.imageio import ImageError, make_grid, read_image, read_image_bytes, write_png
from engine.preprocess import preprocess


def png_bytes(image: Image.Image, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", **params)
    return buffer.getvalue()


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid-looking PNG whose header declares 10 gigapixels (and holds almost no data)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def digit_l() -> Image.Image:
    """Dark ink on white paper, 60×40."""
    array = np.full((60, 40), 255, np.uint8)
    array[10:50, 18:24] = 0
    return Image.fromarray(array)


@pytest.fixture
def write(tmp_path: Path):
    def _write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("noise.png", bytes(range(256)) * 8, "not an image"),
        ("notes.png", b"these are my lecture notes, not a picture\n" * 4, "not an image"),
        ("empty.png", b"", "empty"),
        ("bomb.png", bomb_png(), "megapixels"),
    ],
)
def test_bad_files_are_refused_with_a_reason(write, name, data, words):
    path = write(name, data)
    start = time.perf_counter()
    with pytest.raises(ImageError) as info:
        read_image(path)
    assert time.perf_counter() - start < 2.0
    assert name in str(info.value) and words in str(info.value)


def test_a_truncated_png_is_refused(write):
    array = (np.random.default_rng(0).random((200, 200)) * 255).astype(np.uint8)
    data = png_bytes(Image.fromarray(array))
    with pytest.raises(ImageError, match="truncated|damaged"):
        read_image(write("cut.png", data[: len(data) // 2]))


def test_a_truncated_jpeg_is_refused(write):
    buffer = io.BytesIO()
    Image.fromarray((np.random.default_rng(1).random((300, 300)) * 255).astype(np.uint8)).save(buffer, "JPEG")
    data = buffer.getvalue()
    with pytest.raises(ImageError, match="cut.jpg"):
        read_image(write("cut.jpg", data[: len(data) // 3]))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImageError, match="no file"):
        read_image(tmp_path / "nowhere.png")
    with pytest.raises(ImageError, match="folder"):
        read_image(tmp_path)


def test_a_16_bit_png_reads_in_0_1(write):
    array = np.zeros((40, 30), np.uint16)
    array[5:35, 12:18] = 65535
    array[0, 0] = 32768
    path = write("deep.png", png_bytes(Image.fromarray(array)))
    grey = read_image(path)
    assert grey.dtype == np.float32 and grey.shape == (40, 30)
    assert grey.max() == pytest.approx(1.0) and grey[0, 0] == pytest.approx(0.5, abs=0.01)


def test_a_palette_png_reads_as_grey(write):
    image = digit_l().convert("P")
    grey = read_image(write("palette.png", png_bytes(image)))
    assert grey.shape == (60, 40)
    assert grey[0, 0] == pytest.approx(1.0) and grey[30, 20] == pytest.approx(0.0)


def test_dark_ink_on_transparency_stays_visible(write):
    rgba = np.zeros((60, 40, 4), np.uint8)  # transparent black everywhere …
    rgba[10:50, 18:24] = (0, 0, 0, 255)  # … and opaque black ink
    grey = read_image(write("ink.png", png_bytes(Image.fromarray(rgba))))
    assert grey[0, 0] == pytest.approx(1.0) and grey[30, 20] == pytest.approx(0.0)  # composited on white
    result = preprocess(grey)
    assert result.inverted and result.input.max() > 0.9


def test_white_ink_on_transparency_stays_visible(write):
    la = np.zeros((60, 40, 2), np.uint8)
    la[10:50, 18:24] = (255, 255)
    grey = read_image(write("chalk.png", png_bytes(Image.fromarray(la))))
    assert grey[0, 0] == pytest.approx(0.0) and grey[30, 20] == pytest.approx(1.0)  # composited on black
    assert not preprocess(grey).inverted


def test_palette_with_a_transparent_colour(write):
    image = digit_l().convert("P")
    white = image.getpixel((0, 0))
    data = png_bytes(image, transparency=white)
    grey = read_image(write("ptrans.png", data))
    assert grey[30, 20] == pytest.approx(0.0) and grey[0, 0] == pytest.approx(1.0)


def test_exif_orientation_is_applied(write):
    image = Image.fromarray(np.zeros((20, 40), np.uint8))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    assert read_image(write("phone.jpg", buffer.getvalue())).shape == (40, 20)


@pytest.mark.parametrize("fmt", ["JPEG", "BMP", "GIF", "TIFF", "WEBP"])
def test_common_formats(write, fmt):
    buffer = io.BytesIO()
    digit_l().convert("RGB").save(buffer, fmt)
    grey = read_image(write(f"digit.{fmt.lower()}", buffer.getvalue()))
    assert grey.shape == (60, 40) and grey[0, 0] > 0.9 and grey[30, 20] < 0.1


def test_read_image_bytes_names_the_source():
    with pytest.raises(ImageError, match="clipboard"):
        read_image_bytes(b"nope", name="clipboard")


def test_write_png_round_trips_and_leaves_no_temp_file(tmp_path):
    array = (np.arange(28 * 28) % 256).astype(np.uint8).reshape(28, 28)
    path = write_png(tmp_path / "out" / "grid.png", array)
    assert np.array_equal(np.asarray(Image.open(path)), array)
    assert [p.name for p in path.parent.iterdir()] == ["grid.png"]
    with pytest.raises(ImageError):
        write_png(tmp_path / "bad.png", np.zeros((2, 2, 2, 2), np.uint8))


def test_make_grid_layout():
    images = np.stack([np.full((28, 28), i * 20, np.uint8) for i in range(10)])
    grid = make_grid(images, cols=4, pad=2, pad_value=255)
    assert grid.shape == (2 + 3 * 30, 2 + 4 * 30) and grid.dtype == np.uint8
    assert grid[0, 0] == 255 and grid[2, 2] == 0 and grid[2, 32] == 20
    assert grid[62, 32] == 9 * 20  # tenth image, third row, second column
    assert make_grid(images).shape == (2 + 3 * 30, 2 + 4 * 30)  # near-square by default
    with pytest.raises(ValueError):
        make_grid(np.zeros((0, 28, 28), np.uint8))
