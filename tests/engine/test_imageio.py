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


# -- hostile files: only the promised decoders ever run -------------------------------------------------
EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 28 28\n0 0 moveto 28 28 lineto stroke\nshowpage\n"
FITS = (
    b"SIMPLE  =                    T"
    + b" " * 50
    + b"BITPIX  =                    8"
    + b" " * 50
    + b"NAXIS   =                    2"
    + b" " * 50
    + b"NAXIS1  =                   28"
    + b" " * 50
    + b"NAXIS2  =                   28"
    + b" " * 50
    + b"END"
    + b" " * 77
).ljust(2880, b" ") + bytes(28 * 28)


@pytest.mark.parametrize(
    "name, data, what",
    [
        ("drawing.png", EPS, "PostScript"),
        ("scan.jpg", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "PDF"),
        ("sky.png", FITS, "FITS"),
        ("photo.png", b"\x00\x00\x00\x18ftypheic" + bytes(64), "HEIC"),
    ],
)
def test_a_file_that_is_really_another_format_is_named_and_never_decoded(write, monkeypatch, name, data, what):
    import subprocess

    def no_programs(*args, **kwargs):
        raise AssertionError(f"an external program was started: {args[:1]}")

    for runner in ("Popen", "run", "call", "check_call", "check_output"):
        monkeypatch.setattr(subprocess, runner, no_programs)
    with pytest.raises(ImageError) as info:
        read_image(write(name, data))
    assert name in str(info.value) and f"really a {what}" in str(info.value)


def test_a_real_tga_is_refused(write):
    buffer = io.BytesIO()
    digit_l().save(buffer, "TGA")
    with pytest.raises(ImageError, match=r"digit\.png .*(TGA|not an image)"):
        read_image(write("digit.png", buffer.getvalue()))


def test_ppm_and_pgm_are_read(write):
    for fmt_mode, name in (("L", "digit.pgm"), ("RGB", "digit.ppm")):
        buffer = io.BytesIO()
        digit_l().convert(fmt_mode).save(buffer, "PPM")
        grey = read_image(write(name, buffer.getvalue()))
        assert grey.shape == (60, 40) and grey[30, 20] < 0.1


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_huge_image_is_scaled_down_while_decoding(write, fmt):
    from engine.imageio import MAX_SIDE

    array = np.full((2400, 3600), 255, np.uint8)
    array[600:1800, 1600:2000] = 0  # a thick vertical stroke
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, fmt)
    grey = read_image(write(f"big.{fmt.lower()}", buffer.getvalue()))
    assert max(grey.shape) <= MAX_SIDE and abs(grey.shape[1] / grey.shape[0] - 1.5) < 0.01
    assert grey[grey.shape[0] // 2, grey.shape[1] * 1800 // 3600] < 0.1 and grey[5, 5] > 0.9


def test_a_decompression_bomb_is_refused_before_decoding(write, monkeypatch):
    import engine.imageio as imageio

    data = png_bytes(Image.new("L", (200, 200), 255))
    monkeypatch.setattr(imageio, "MAX_PIXELS", 10_000)  # lowered, as Pillow's own tests do
    loads = []
    monkeypatch.setattr(Image.Image, "load", lambda self: loads.append(self) or None)
    with pytest.raises(ImageError, match=r"200×200 pixels .*decompression bomb"):
        read_image(write("bomb.png", data))
    assert not loads


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_png_is_refused(tmp_path):
    import os

    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    with pytest.raises(ImageError, match="not a regular file"):
        read_image(fifo)


def test_write_png_on_a_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    import errno
    import os

    path = write_png(tmp_path / "grid.png", np.zeros((4, 4), np.uint8))
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r": FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(ImageError, match="No space left"):
        write_png(path, np.full((4, 4), 255, np.uint8))
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["grid.png"]
