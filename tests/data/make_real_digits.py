"""Make the digit images that are *not* MNIST: tests/data/real_digits/.

Issue 14 asks that every shipped MNIST autoencoder keep recognisable the digits a
student brings: typed in a font, drawn with a mouse, photographed on paper. This
script draws such digits, all of them generated here (nothing is copied from a
data set), three kinds, balanced over the ten digits:

- ``font-…``: the digit typed in one of 16 fonts of 8 families (DejaVu, Nimbus,
  P052, C059, URW Gothic, URW Bookman, Noto Sans Mono, Z003), at 64–160 px,
  slightly rotated and off-centre, light-on-dark or dark-on-light;
- ``stroke-…``: a digit drawn as a mouse draws it: a skeleton of strokes
  (several ways of writing most digits) bent by a random slant, aspect and
  rotation, smoothed through jittered control points, sampled as integer mouse
  positions, painted with a round brush whose width drifts, on 200–360 px canvases;
- ``photo-…``: dark ink (a font or a pen stroke) on light grey "paper" with an
  slightly uneven light, grain and a slight blur, saved as JPEG at quality 50–85.

The label is in the file name (``font-dejavu-sans-3-017.png`` is a 3); ``labels.csv``
records each file's kind, font or style, and polarity. Everything comes from one
seed, so a run on the same fonts and Pillow gives the same files; another FreeType
may shift a few pixels, so the committed files, not this script, are the test's data
(a fresh CI machine need not have these fonts).

    .venv/bin/python tests/data/make_real_digits.py            # writes tests/data/real_digits/
"""

from __future__ import annotations

import argparse
import csv
import io
import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from engine.fsutil import atomic_write_bytes

SEED = 2026
OUT = Path(__file__).resolve().parent / "real_digits"
FONT_DIRS = (Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts/opentype"))
PER_DIGIT = {"font": 16, "stroke": 10, "photo": 10}  # 36 per digit, 360 in all

# (name used in file names, font file): 16 faces of 8 families
FONTS = (
    ("dejavu-sans", "dejavu/DejaVuSans.ttf"),
    ("dejavu-sans-bold", "dejavu/DejaVuSans-Bold.ttf"),
    ("dejavu-serif", "dejavu/DejaVuSerif.ttf"),
    ("dejavu-sans-mono", "dejavu/DejaVuSansMono.ttf"),
    ("dejavu-sans-oblique", "dejavu/DejaVuSans-Oblique.ttf"),
    ("nimbus-sans", "urw-base35/NimbusSans-Regular.otf"),
    ("nimbus-sans-bold", "urw-base35/NimbusSans-Bold.otf"),
    ("nimbus-sans-narrow", "urw-base35/NimbusSansNarrow-Regular.otf"),
    ("nimbus-roman", "urw-base35/NimbusRoman-Regular.otf"),
    ("nimbus-mono-bold", "urw-base35/NimbusMonoPS-Bold.otf"),
    ("p052", "urw-base35/P052-Roman.otf"),
    ("c059-italic", "urw-base35/C059-Italic.otf"),
    ("urw-gothic", "urw-base35/URWGothic-Book.otf"),
    ("urw-bookman", "urw-base35/URWBookman-Light.otf"),
    ("noto-sans-mono", "noto/NotoSansMono-Regular.ttf"),
    ("z003", "urw-base35/Z003-MediumItalic.otf"),
)

# Digit skeletons in a unit box (x right, y down). A digit is a list of strokes (pen down … pen up);
# a stroke is a list of pieces, each smoothed on its own, so a corner sits where two pieces meet;
# every piece after the first starts where the previous one ended.
P = tuple[float, float]
# fmt: off
SKELETONS: dict[int, list[list[list[list[P]]]]] = {
    0: [
        [[[(0.5, 0.02), (0.2, 0.18), (0.1, 0.5), (0.22, 0.86), (0.5, 0.98), (0.8, 0.84), (0.9, 0.5), (0.8, 0.15), (0.5, 0.02), (0.4, 0.07)]]],  # noqa: E501
        [[[(0.55, 0.03), (0.25, 0.15), (0.12, 0.55), (0.3, 0.92), (0.6, 0.96), (0.85, 0.7), (0.85, 0.3), (0.6, 0.04)]]],
    ],
    1: [
        [[[(0.5, 0.02), (0.5, 0.98)]]],
        [[[(0.3, 0.2), (0.55, 0.02)], [(0.52, 0.98)]]],
        [[[(0.55, 0.02), (0.45, 0.98)]]],
    ],
    2: [
        [[[(0.15, 0.25), (0.35, 0.04), (0.65, 0.04), (0.82, 0.25), (0.7, 0.5), (0.12, 0.96)], [(0.9, 0.96)]]],
        [[[(0.12, 0.18), (0.5, 0.02), (0.85, 0.2), (0.6, 0.6), (0.15, 0.95)], [(0.5, 0.88), (0.9, 0.96)]]],
    ],
    3: [
        [[[(0.15, 0.12), (0.45, 0.02), (0.78, 0.12), (0.75, 0.35), (0.42, 0.48)], [(0.8, 0.62), (0.82, 0.85), (0.5, 0.98), (0.12, 0.88)]]],  # noqa: E501
        [[[(0.15, 0.03), (0.85, 0.03)], [(0.45, 0.42)], [(0.82, 0.62), (0.78, 0.88), (0.45, 0.98), (0.12, 0.86)]]],
    ],
    4: [
        [[[(0.62, 0.02), (0.08, 0.66)], [(0.92, 0.66)]], [[(0.62, 0.02), (0.62, 0.98)]]],
        [[[(0.22, 0.02), (0.14, 0.6)], [(0.88, 0.6)]], [[(0.68, 0.12), (0.66, 0.98)]]],
    ],
    5: [
        [[[(0.28, 0.03), (0.22, 0.45)], [(0.55, 0.38), (0.82, 0.55), (0.8, 0.82), (0.5, 0.97), (0.15, 0.88)]], [[(0.28, 0.03), (0.85, 0.03)]]],  # noqa: E501
        [[[(0.85, 0.03), (0.28, 0.03)], [(0.22, 0.45)], [(0.55, 0.38), (0.82, 0.55), (0.8, 0.82), (0.5, 0.97), (0.15, 0.88)]]],  # noqa: E501
    ],
    6: [
        [[[(0.75, 0.04), (0.42, 0.2), (0.2, 0.55), (0.25, 0.88), (0.52, 0.98), (0.8, 0.82), (0.78, 0.58), (0.5, 0.48), (0.22, 0.62)]]],  # noqa: E501
        [[[(0.6, 0.02), (0.3, 0.35), (0.18, 0.7), (0.4, 0.97), (0.75, 0.88), (0.75, 0.6), (0.45, 0.55), (0.22, 0.72)]]],
    ],
    7: [
        [[[(0.1, 0.04), (0.9, 0.04)], [(0.4, 0.98)]]],
        [[[(0.1, 0.04), (0.9, 0.04)], [(0.4, 0.98)]], [[(0.45, 0.5), (0.85, 0.5)]]],
        [[[(0.12, 0.15), (0.15, 0.04), (0.88, 0.04)], [(0.6, 0.5), (0.45, 0.98)]]],
    ],
    8: [
        [[[(0.7, 0.12), (0.5, 0.02), (0.25, 0.12), (0.28, 0.35), (0.5, 0.48), (0.8, 0.65), (0.82, 0.88), (0.5, 0.98), (0.18, 0.88), (0.2, 0.65), (0.5, 0.48), (0.72, 0.35), (0.75, 0.12), (0.55, 0.02)]]],  # noqa: E501
        [[[(0.5, 0.48), (0.25, 0.3), (0.35, 0.05), (0.65, 0.05), (0.75, 0.3), (0.5, 0.48), (0.2, 0.7), (0.35, 0.96), (0.65, 0.96), (0.82, 0.72), (0.5, 0.48)]]],  # noqa: E501
    ],
    9: [
        [[[(0.8, 0.3), (0.55, 0.45), (0.25, 0.4), (0.2, 0.18), (0.45, 0.03), (0.75, 0.08), (0.8, 0.3)], [(0.75, 0.98)]]],  # noqa: E501
        [[[(0.8, 0.28), (0.55, 0.45), (0.25, 0.38), (0.22, 0.15), (0.5, 0.03), (0.78, 0.12), (0.8, 0.3)], [(0.8, 0.65), (0.62, 0.95), (0.3, 0.95)]]],  # noqa: E501
        [[[(0.78, 0.15), (0.5, 0.03), (0.22, 0.15), (0.28, 0.42), (0.6, 0.42), (0.78, 0.2)], [(0.6, 0.98)]]],
    ],
}
# fmt: on


# -- drawing helpers ------------------------------------------------------------------------------
def catmull_rom(points: np.ndarray, per_segment: int = 10) -> np.ndarray:
    """A smooth curve through ``points`` (n, 2); a two-point piece stays a straight line."""
    if len(points) < 3:
        t = np.linspace(0.0, 1.0, per_segment + 1)[:, None]
        return points[0] + t * (points[-1] - points[0])
    padded = np.vstack([2 * points[0] - points[1], points, 2 * points[-1] - points[-2]])
    out = [points[:1]]
    t = np.linspace(0.0, 1.0, per_segment + 1)[1:, None]
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        a, b, c = -p0 + p2, 2 * p0 - 5 * p1 + 4 * p2 - p3, -p0 + 3 * p1 - 3 * p2 + p3
        out.append(0.5 * (2 * p1 + a * t + b * t**2 + c * t**3))
    return np.vstack(out)


def stroke_paths(digit: int, rng: np.random.Generator, jitter: float = 0.025) -> list[np.ndarray]:
    """The digit's strokes as dense polylines in the unit box: a random way of writing it,
    control points jittered, then slanted, squeezed and rotated as a hand would."""
    variants = SKELETONS[digit]
    strokes = variants[int(rng.integers(len(variants)))]
    slant = rng.uniform(-0.3, 0.1)  # x shifts by slant·(y − ½): negative leans right, as most people write
    aspect = rng.uniform(0.75, 1.1)
    angle = math.radians(rng.uniform(-10, 10))
    cos, sin = math.cos(angle), math.sin(angle)
    paths = []
    for stroke in strokes:
        start: np.ndarray | None = None
        pieces = []
        for piece in stroke:
            pts = np.asarray(piece, np.float64)
            pts = pts + rng.normal(0.0, jitter, pts.shape)
            if start is not None:
                pts = np.vstack([start, pts])
            dense = catmull_rom(pts)
            pieces.append(dense if not pieces else dense[1:])
            start = dense[-1]
        path = np.vstack(pieces) - 0.5
        x = (path[:, 0] + slant * path[:, 1]) * aspect
        y = path[:, 1]
        paths.append(np.stack([x * cos - y * sin, x * sin + y * cos], axis=1) + 0.5)
    return paths


def paint_strokes(
    paths: list[np.ndarray], size: int, box: tuple[float, float, float], width: float, rng: np.random.Generator
) -> Image.Image:
    """White strokes on black, antialiased (drawn at 3× and reduced), as the Draw page's round pen does.

    ``box`` = (left, top, height) of the digit in canvas pixels. Points are rounded to whole
    pixels (mouse events) with a little hand tremor; the brush width drifts along each stroke.
    """
    scale = 3
    big = Image.new("L", (size * scale, size * scale), 0)
    draw = ImageDraw.Draw(big)
    left, top, height = box
    for path in paths:
        xy = np.round(np.stack([left + path[:, 0] * height, top + path[:, 1] * height], axis=1))
        xy = xy + rng.normal(0.0, 0.4, xy.shape)
        phase, wobble = rng.uniform(0, 2 * math.pi), rng.uniform(0.0, 0.2)
        for i, (a, b) in enumerate(zip(xy[:-1], xy[1:], strict=True)):
            w = width * (1.0 + wobble * math.sin(phase + i / 9.0)) * scale
            (ax, ay), (bx, by) = a * scale, b * scale
            draw.line([(ax, ay), (bx, by)], fill=255, width=max(1, round(w)))
            r = w / 2
            draw.ellipse([bx - r, by - r, bx + r, by + r], fill=255)
        ax, ay = xy[0] * scale
        r = width * scale / 2
        draw.ellipse([ax - r, ay - r, ax + r, ay + r], fill=255)
    return big.reduce(scale)


def font_glyph(font_file: Path, digit: int, size: int, height_share: float, rng: np.random.Generator) -> Image.Image:
    """The digit typed in ``font_file``, white on black, its ink ``height_share`` of a ``size``² canvas,
    rotated a little and placed off-centre."""
    font = ImageFont.truetype(str(font_file), 200)
    left, top, right, bottom = font.getbbox(str(digit))
    glyph = Image.new("L", (right - left + 40, bottom - top + 40), 0)
    ImageDraw.Draw(glyph).text((20 - left, 20 - top), str(digit), fill=255, font=font)
    glyph = glyph.rotate(rng.uniform(-8, 8), resample=Image.Resampling.BICUBIC, expand=True)
    glyph = glyph.crop(glyph.getbbox())
    scale = size * height_share / glyph.height
    w, h = max(1, round(glyph.width * scale)), max(1, round(glyph.height * scale))
    glyph = glyph.resize((w, h), Image.Resampling.LANCZOS)
    canvas = Image.new("L", (size, size), 0)
    room_x, room_y = max(size - w, 0), max(size - h, 0)
    canvas.paste(glyph, (int(rng.uniform(0.2, 0.8) * room_x), int(rng.uniform(0.2, 0.8) * room_y)))
    return canvas


def tint(ink01: np.ndarray, ink: float, background: float) -> np.ndarray:
    """Map an ink mask in [0, 1] to grey levels: ``background`` where 0, ``ink`` where 1."""
    return background + (ink - background) * ink01


# -- the three kinds ------------------------------------------------------------------------------
def make_font(digit: int, rep: int, index: int, rng: np.random.Generator) -> tuple[str, bytes, dict]:
    name, file = FONTS[rep % len(FONTS)]  # every font types every digit
    size = int(rng.integers(64, 161))
    mask = np.asarray(font_glyph(font_path(file), digit, size, rng.uniform(0.55, 0.85), rng), np.float32) / 255
    dark_on_light = bool((rep + digit) % 2)
    if dark_on_light:
        grey = tint(mask, rng.uniform(0, 60), rng.uniform(200, 255))
    else:
        grey = tint(mask, rng.uniform(190, 255), rng.uniform(0, 45))
    image = Image.fromarray(np.clip(np.round(grey), 0, 255).astype(np.uint8))
    return f"font-{name}-{digit}-{index:03d}.png", png_bytes(image), {"style": name, "dark_on_light": dark_on_light}


def make_stroke(digit: int, rep: int, index: int, rng: np.random.Generator) -> tuple[str, bytes, dict]:
    size = int(rng.integers(200, 361))
    height = size * rng.uniform(0.5, 0.85)
    left = rng.uniform(0.05 * size, size - 0.85 * height)
    top = rng.uniform(0.03 * size, size - 1.03 * height)
    width = size / 280 * rng.uniform(10, 28)  # the Draw page's brush is 20 px on a 280 px canvas
    image = paint_strokes(stroke_paths(digit, rng), size, (left, top, height), width, rng)
    return f"stroke-{digit}-{index:03d}.png", png_bytes(image), {"style": "mouse", "dark_on_light": False}


def make_photo(digit: int, rep: int, index: int, rng: np.random.Generator) -> tuple[str, bytes, dict]:
    size = int(rng.integers(96, 161))
    if (rep + digit) % 2:  # a typed digit printed on paper
        name, file = FONTS[int(rng.integers(len(FONTS)))]
        mask = np.asarray(font_glyph(font_path(file), digit, size, rng.uniform(0.5, 0.8), rng), np.float32) / 255
        style = name
    else:  # a pen digit on paper
        height = size * rng.uniform(0.5, 0.8)
        left = rng.uniform(0.08 * size, size - 0.9 * height)
        top = rng.uniform(0.05 * size, size - 1.05 * height)
        width = size * rng.uniform(0.03, 0.07)
        mask = np.asarray(paint_strokes(stroke_paths(digit, rng), size, (left, top, height), width, rng), np.float32)
        mask /= 255
        style = "pen"
    yy, xx = np.mgrid[0:size, 0:size] / size
    direction = rng.uniform(0, 2 * math.pi)
    slope = (xx - 0.5) * math.cos(direction) + (yy - 0.5) * math.sin(direction)
    light = rng.uniform(175, 230) + rng.uniform(3, 10) * slope  # paper a little darker on one side
    grey = tint(mask, rng.uniform(25, 90), 0.0) + light * (1 - mask)
    grey = grey + rng.normal(0.0, rng.uniform(1.5, 4), grey.shape)  # grain
    image = Image.fromarray(np.clip(np.round(grey), 0, 255).astype(np.uint8))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.1)))
    quality = int(rng.integers(50, 86))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return (
        f"photo-{style}-{digit}-{index:03d}.jpg",
        buffer.getvalue(),
        {"style": f"{style}, JPEG q{quality}", "dark_on_light": True},
    )


KINDS = {"font": make_font, "stroke": make_stroke, "photo": make_photo}


def font_path(relative: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / relative).exists():
            return folder / relative
    raise SystemExit(
        f"font {relative} not found under {', '.join(map(str, FONT_DIRS))}: install fonts-dejavu, "
        "fonts-urw-base35 and fonts-noto-mono, or keep the committed images"
    )


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to (re)write (default: %(default)s)")
    args = parser.parse_args()
    out: Path = args.out
    keep = {"README.md"}
    if out.exists():
        for old in out.iterdir():
            if old.name not in keep and old.suffix in (".png", ".jpg", ".csv"):
                old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for kind, make in KINDS.items():
        rng = np.random.default_rng([SEED, list(KINDS).index(kind)])  # one stream per kind: each stays put
        index = 0
        for rep in range(PER_DIGIT[kind]):
            for digit in range(10):
                name, data, info = make(digit, rep, index, rng)
                atomic_write_bytes(out / name, data)
                rows.append({"file": name, "label": digit, "kind": kind, **info})
                index += 1
    table = io.StringIO(newline="")
    writer = csv.DictWriter(table, fieldnames=["file", "label", "kind", "style", "dark_on_light"])
    writer.writeheader()
    writer.writerows(rows)
    atomic_write_bytes(out / "labels.csv", table.getvalue().encode())
    total = sum(p.stat().st_size for p in out.iterdir())
    print(f"{len(rows)} images in {out} ({total / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
