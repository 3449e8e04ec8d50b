"""MNIST autoencoders keep digits that are not MNIST recognisable (issue 14, point 4).

The pictures in tests/data/real_digits/ (typed in 16 fonts, drawn with a mouse,
photographed on paper; made by tests/data/make_real_digits.py) go through the
Draw page's steps for an opened picture; the shipped judge reads them and each
shipped MNIST autoencoder's reconstructions of them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
import torch

from engine.checkpoint import load_checkpoint, read_meta
from engine.judge import JudgeError, load_judge
from engine.judge_kept import (
    DRAW_CANVAS,
    KEPT_BAR,
    LABELLED_NAME,
    imported_input,
    judge_kept,
    judge_reads,
    load_labelled_folder,
    mnist_autoencoders,
)
from engine.paths import SHIPPED_MODELS_DIR

DIGITS = Path(__file__).resolve().parent.parent / "data" / "real_digits"
KINDS = ("font", "stroke", "photo")
LEGIBLE = 0.85  # the judge reads 90.6 % of the set; below this the set (or the recipe) no longer shows digits
LEGIBLE_PER_KIND = 0.80  # fonts 85.6 %, strokes 95 %, photos 94 %


@pytest.fixture(scope="module")
def digits():
    return load_labelled_folder(DIGITS)


@pytest.fixture(scope="module")
def judge():
    try:
        return load_judge("mnist")
    except JudgeError as exc:
        pytest.skip(f"no shipped MNIST judge: {exc}")


@pytest.fixture(scope="module")
def read_originals(judge, digits):
    return judge_reads(judge, digits.inputs)


def test_the_set_is_balanced_small_and_listed(digits):
    names = {p.name for p in DIGITS.iterdir() if p.suffix in (".png", ".jpg")}
    assert set(digits.names) == names  # every picture is named kind-[style-]label-index
    assert len(digits) >= 300
    counts = np.bincount(digits.labels, minlength=10)
    assert counts.min() == counts.max(), counts  # as many of every digit
    for kind in KINDS:
        in_kind = digits.labels[digits.kinds == kind]
        assert len(in_kind) >= 100 and len(set(in_kind.tolist())) == 10, kind
    rows = list(csv.DictReader((DIGITS / "labels.csv").open()))
    assert {r["file"]: (int(r["label"]), r["kind"]) for r in rows} == {
        n: (int(LABELLED_NAME.match(n)["label"]), LABELLED_NAME.match(n)["kind"]) for n in names
    }
    assert len({r["style"] for r in rows if r["kind"] == "font"}) >= 6  # several font families
    assert any(r["dark_on_light"] == "True" for r in rows) and any(r["dark_on_light"] == "False" for r in rows)
    assert sum(p.stat().st_size for p in DIGITS.iterdir()) < 1_000_000


def test_pictures_become_mnist_like_inputs(digits):
    assert digits.inputs.shape == (len(digits), 28, 28)
    assert digits.inputs.dtype == np.float32
    assert all(image.max() > 0.5 for image in digits.inputs)  # none came out blank
    # dark-on-light photos are inverted: the corners, where the paper was, come out black
    photos = digits.inputs[digits.kinds == "photo"]
    assert photos[:, :3, :3].max() == 0.0 and photos[:, -3:, -3:].max() == 0.0


def test_the_input_is_what_the_draw_page_makes_of_the_file(tmp_path):
    pytest.importorskip("PySide6")
    from desktop.pages.draw import decode_image_file
    from desktop.widgets.drawing_canvas import CANVAS_SIZE
    from engine import inference

    class Running:
        @staticmethod
        def is_cancelled() -> bool:
            return False

    assert DRAW_CANVAS == CANVAS_SIZE
    for name in ("photo-pen-0-000.jpg", "font-dejavu-sans-1-001.png", "stroke-7-007.png"):
        opened = decode_image_file(Running(), str(DIGITS / name))
        assert opened.canvas is not None, name
        np.testing.assert_array_equal(imported_input(DIGITS / name), inference.prepare(opened.canvas).input)


def test_the_judge_reads_the_set_as_digits(digits, read_originals):
    right = read_originals == digits.labels
    assert right.mean() >= LEGIBLE, f"the judge reads {right.mean():.1%} of the set"
    for kind in KINDS:
        share = right[digits.kinds == kind].mean()
        assert share >= LEGIBLE_PER_KIND, f"the judge reads {share:.1%} of the {kind} pictures"
    for digit in range(10):  # every digit is, more often than anything else, read as itself
        readings = np.bincount(read_originals[digits.labels == digit], minlength=10)
        assert readings.argmax() == digit, f"{digit}s are read as {readings.tolist()}"


class _Stub(torch.nn.Module):
    """An "autoencoder" that gives back its input (``blank``: a black image)."""

    def __init__(self, blank: bool = False) -> None:
        super().__init__()
        self.scale = torch.nn.Parameter(torch.zeros(()) if blank else torch.ones(()))

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        return x.reshape(len(x), -1)

    def decode(self, code: torch.Tensor) -> torch.Tensor:
        return (code * self.scale).reshape(len(code), 28, 28)


def test_kept_is_one_for_a_perfect_copy_and_near_nothing_for_a_blank(judge, digits, read_originals):
    perfect = judge_kept(_Stub(), judge, digits, read_originals)
    assert perfect.overall.kept == 1.0 and not perfect.misread
    assert set(perfect.by_kind) == set(KINDS) and all(f.kept == 1.0 for f in perfect.by_kind.values())
    blank = judge_kept(_Stub(blank=True), judge, digits, read_originals)
    assert blank.overall.kept <= 0.15  # a black image is one class at most: ~1/10 of a balanced set
    assert len(blank.misread) >= 0.85 * (read_originals == digits.labels).sum()


SHIPPED = mnist_autoencoders(SHIPPED_MODELS_DIR) if SHIPPED_MODELS_DIR.exists() else []


def _two_numbers(path) -> bool:
    return (read_meta(path).get("model_config") or {}).get("coding_size") == 2


# The 2-D VAE ships for the Latent page (its latent plane is the map), not for reading drawings: two numbers
# cannot hold a digit's identity — the judge reads only ~55 % of its reconstructions of MNIST's own test digits
# (assets/measure_real_digits.py, "MNIST: kept"). It is measured and reported, not held to the bar.
HELD_TO_THE_BAR = [p for p in SHIPPED if not _two_numbers(p)]


def test_only_the_2d_map_model_is_spared_the_bar():
    spared = [p.stem for p in SHIPPED if p not in HELD_TO_THE_BAR]
    assert spared == ["mnist-vae2d"], spared
    assert len(HELD_TO_THE_BAR) >= 6  # stacked, conv, 2 denoising, sparse, VAE


def test_the_shipped_mnist_autoencoders_are_all_measured():
    families = [read_meta(p)["family"] for p in SHIPPED]  # stacked, conv, 2 denoising, sparse, VAE and 2-D VAE
    assert {"stacked", "conv", "sparse"} <= set(families), families
    assert families.count("denoising") >= 2 and families.count("vae") >= 2, families


@pytest.mark.parametrize("path", HELD_TO_THE_BAR, ids=lambda p: p.stem)
def test_a_shipped_mnist_autoencoder_keeps_what_the_judge_reads(path, judge, digits, read_originals):
    report = judge_kept(load_checkpoint(path).model, judge, digits, read_originals)
    figures = "\n".join(
        f"  {kind:7s} {f.images:4d} pictures: judge reads {f.accuracy_originals:6.1%} of the inputs, "
        f"{f.accuracy_reconstructions:6.1%} of the reconstructions: kept {f.kept:6.1%}"
        for kind, f in [("overall", report.overall), *report.by_kind.items()]
    )
    lost = ", ".join(f"{name} → {read}" for name, _label, read in report.misread[:12])
    if not report.overall.kept >= KEPT_BAR:  # NaN fails too
        pytest.fail(
            f"{path.name} keeps {report.overall.kept:.1%} of what the judge reads (bar {KEPT_BAR:.0%}):\n{figures}\n"
            f"  {len(report.misread)} digits read right before and wrong after, e.g. {lost}",
            pytrace=False,
        )
