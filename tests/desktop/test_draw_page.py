"""The Draw page with the shipped models: strokes, the recipe, every reconstruction, noise, bad files."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.pages.draw import DrawPage
from desktop.widgets.pixel_view import to_uint8
from engine import inference
from engine.image_metrics import bce, psnr


@pytest.fixture
def page(qtbot, context):
    widget = DrawPage(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    assert context.library.wait_for_loads(20000)
    QApplication.processEvents()
    yield widget
    widget.shutdown()


def stroke(qtbot, canvas, points):
    """A mouse stroke through canvas-relative fractions (0..1) of the widget."""
    rect = canvas.target_rect()

    def at(fx, fy):
        return QPoint(int(rect.x() + fx * rect.width()), int(rect.y() + fy * rect.height()))

    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=at(*points[0]))
    for a, b in zip(points, points[1:]):
        for t in np.linspace(0, 1, 6)[1:]:
            qtbot.mouseMove(canvas, at(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=at(*points[-1]))


THREE = [
    (0.3, 0.25),
    (0.5, 0.2),
    (0.65, 0.28),
    (0.62, 0.42),
    (0.48, 0.5),
    (0.65, 0.6),
    (0.66, 0.75),
    (0.5, 0.82),
    (0.3, 0.76),
]


def test_strokes_give_an_input_and_one_reconstruction_per_autoencoder(qtbot, page, context):
    mnist = [e for e in page.autoencoder_entries() if e.dataset == "mnist"]
    assert len(mnist) >= 5 and page.loaded_count() == len(page.slots) == len(mnist)
    with qtbot.waitSignal(context.drawing_changed, timeout=2000) as signal:
        stroke(qtbot, page.canvas, THREE)
    page.process_now()
    drawn = signal.args[0]
    assert drawn.shape == (28, 28) and drawn.dtype == np.float32 and drawn.max() > 0.5
    assert page.model_input.shape == (28, 28) and page.model_input.any()
    assert page.canvas.array().dtype == np.uint8 and page.canvas.array().shape == (280, 280)
    reconstructions = page.reconstructions()
    assert len(reconstructions) == len(mnist)
    for image in reconstructions.values():
        assert image.shape == (28, 28) and 0.0 <= image.min() and image.max() <= 1.0
        assert bce(page.model_input, image) < 0.35  # the shipped models rebuild a drawn 3, roughly
    for slot in page.slots.values():
        assert "BCE" in slot.caption.text() and "PSNR" in slot.caption.text()
    qtbot.waitUntil(lambda: page.code_bars.values().size > 0, timeout=1000)  # the chart is throttled


def test_one_engine_call_per_update_feeds_every_tile_and_the_noise_panel(qtbot, page, monkeypatch):
    calls = []
    original = inference.reconstruct_all

    def counting(*args, **kwargs):
        calls.append(original(*args, **kwargs))
        return calls[-1]

    monkeypatch.setattr(inference, "reconstruct_all", counting)
    page.set_noise(0.3, 0.1)
    stroke(qtbot, page.canvas, THREE)
    page.process_now()
    calls.clear()
    page.process_now()
    assert len(calls) == 1
    outputs = calls[0]
    assert set(outputs) == set(page.slots)  # every loaded autoencoder, in one call
    for path, slot in page.slots.items():
        assert f"BCE {outputs[path].bce:.3f}" in slot.caption.text()
        assert np.array_equal(slot.view.image(), to_uint8(outputs[path].output))
    assert page.noisy_caption.text() == f"PSNR {outputs.noisy_input_psnr:.1f} dB"
    denoiser = outputs[page.denoiser_slot().entry.path]
    assert page.denoised_caption.text() == f"PSNR {denoiser.noisy_psnr:.1f} dB"
    assert page.noise_scores()["denoised"] == denoiser.noisy_psnr
    assert np.array_equal(page.denoised_view.image(), to_uint8(denoiser.noisy))


def test_a_drawn_three_reconstructs_closer_to_a_three_than_to_a_one(page):
    stroke_points = [(x * 280, y * 280) for x, y in THREE]
    canvas = page.canvas
    canvas.begin_stroke(QPointF(*stroke_points[0]))
    for x, y in stroke_points[1:]:
        canvas.continue_stroke(QPointF(x, y))
    canvas.end_stroke()
    page.process_now()
    one = np.zeros((28, 28), np.float32)
    one[4:24, 13:16] = 1.0
    stacked = next(s for s in page.slots.values() if s.entry.family == "stacked")
    assert psnr(page.model_input, stacked.output) > psnr(one, stacked.output)


def test_undo_clear_and_eraser(qtbot, page):
    stroke(qtbot, page.canvas, [(0.3, 0.3), (0.7, 0.7)])
    page.process_now()
    assert page.model_input.any()
    page.clear_button.click()
    page.process_now()
    assert not page.model_input.any() and page.reconstructions() == {}
    page.undo_button.click()
    page.process_now()
    assert page.model_input.any()
    page.eraser_button.click()
    stroke(qtbot, page.canvas, [(0.3, 0.3), (0.7, 0.7)])
    page.process_now()
    assert not page.model_input.any()


def test_the_raw_toggle_shows_why_position_and_size_matter(qtbot, page):
    stroke(qtbot, page.canvas, [(0.85, 0.05), (0.85, 0.2)])  # a small stroke in a corner
    page.process_now()
    processed = page.model_input.copy()
    assert processed.sum() > 10 * page.result.raw.sum() / 10  # fitted to 20 px tall
    page.raw_toggle.setChecked(True)
    page.process_now()
    assert np.array_equal(page.model_input, page.result.raw)
    assert not np.array_equal(processed, page.model_input)
    rows = np.flatnonzero(page.processed_view.image().max(axis=1) > 128)
    assert rows.size >= 18  # the processed view shows the digit fitted in 20×20


def test_the_denoiser_beats_the_plain_autoencoder_on_noisy_test_digits(page):
    from engine.data import load_dataset

    digits = load_dataset("mnist", "embedded").test.images[:8].float().div(255).numpy()
    for noise, settings in (("gaussian", (0.3, 0.0)), ("dropout", (0.0, 0.4))):
        assert page.select_denoiser(noise)
        page.set_noise(*settings)
        gains = []
        for digit in digits:
            page.show_image(digit, undoable=False)
            page.process_now()
            scores = page.noise_scores()
            assert scores["noisy"] < 99
            gains.append(scores["denoised"] - scores["plain"])
        assert np.mean(gains) > 0, (noise, gains)


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def bad_files() -> dict[str, bytes]:
    good = png(Image.fromarray((np.random.default_rng(0).random((100, 100)) * 255).astype(np.uint8)))
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 90000, 90000, 8, 0, 0, 0, 0))
    bomb += chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    return {
        "garbage.png": bytes(range(256)) * 4,
        "truncated.png": good[: len(good) // 2],
        "notes.png": b"not an image at all\n",
        "bomb.png": bomb,
    }


def good_files() -> dict[str, bytes]:
    ink = np.full((60, 40), 255, np.uint8)
    ink[10:50, 17:24] = 0
    deep = ink.astype(np.uint16) * 257
    rgba = np.zeros((60, 40, 4), np.uint8)
    rgba[10:50, 17:24] = (0, 0, 0, 255)
    return {
        "deep.png": png(Image.fromarray(deep)),
        "palette.png": png(Image.fromarray(ink).convert("P")),
        "transparent.png": png(Image.fromarray(rgba)),
    }


def test_bad_files_show_a_message_and_leave_the_drawing(qtbot, page, tmp_path):
    stroke(qtbot, page.canvas, THREE)
    before = page.canvas.array()
    for name, data in bad_files().items():
        path = tmp_path / name
        path.write_bytes(data)
        assert not page.load_image_file(str(path), wait=True)
        assert page.message.isVisible() and name in page.message.text()
        assert np.array_equal(page.canvas.array(), before)


def test_odd_but_valid_files_load(page, tmp_path):
    for name, data in good_files().items():
        path = tmp_path / name
        path.write_bytes(data)
        assert page.load_image_file(str(path), wait=True), page.message.text()
        assert "inverted" in page.message.text()  # dark ink on light (or on transparency)
        page.process_now()
        assert page.model_input.max() > 0.9, name
        rows = np.flatnonzero(page.model_input.max(axis=1) > 0.5)
        assert rows.size >= 18  # a tall bar, fitted to 20 pixels


def test_dropping_an_image_file_on_the_canvas_loads_it(page, tmp_path):
    path = tmp_path / "dropped.png"
    path.write_bytes(good_files()["palette.png"])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    page.canvas.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    page.canvas.dropEvent(drop)  # (offscreen Qt delivers drops only during a real drag)
    assert page.opener._loader.wait_idle(20_000)  # the file is decoded on a task thread
    page.process_now()
    assert page.model_input.any() and "dropped.png" in page.message.text()


def test_blanking_pixels_on_the_noisy_input(qtbot, page):
    stroke(qtbot, page.canvas, THREE)
    page.process_now()
    clean = page.noise_scores()["noisy"]
    view = page.noisy_view
    rect = view.image_rect()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=rect.center())
    page.process_now()
    assert page.blanks.any() and page.noise_scores()["noisy"] <= clean
    page.reset_blanks_button.click()
    assert not page.blanks.any()


@pytest.mark.parametrize("how", ["button", "delete key"])
def test_clear_also_removes_the_blanked_pixels(qtbot, page, how):
    """A new drawing after Clear starts without the old drawing's holes (PSNR ≈ 99 dB with no noise)."""
    page.set_noise(0.0, 0.0)
    stroke(qtbot, page.canvas, THREE)
    page.process_now()
    rect = page.noisy_view.image_rect()
    qtbot.mousePress(page.noisy_view, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(page.noisy_view, Qt.MouseButton.LeftButton, pos=rect.center())
    page.process_now()
    assert page.noise_scores()["noisy"] < 60  # the hole is there
    if how == "button":
        qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    else:
        page.canvas.setFocus()
        qtbot.keyClick(page.canvas, Qt.Key.Key_Delete)
    assert page.canvas.is_empty()
    stroke(qtbot, page.canvas, THREE)
    page.process_now()
    assert not page.blanks.any() and page.noise_scores()["noisy"] > 90  # no hole in the new drawing


class PaintRecorder(QObject):
    """The regions Qt repaints on a widget (what reaches the screen)."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.rects = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def test_the_canvas_hint_is_wiped_by_the_first_stroke_after_delete(qtbot, page):
    canvas = page.canvas
    stroke(qtbot, canvas, THREE)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    QApplication.processEvents()
    assert canvas.hint_visible()  # the empty canvas says what to do
    recorder = PaintRecorder(canvas)
    stroke(qtbot, canvas, [(0.45, 0.45), (0.5, 0.5)])  # a short stroke, far from most of the hint
    canvas.repaint()  # flush what is pending, as the screen would
    QApplication.processEvents()
    assert not canvas.hint_visible()
    hint_area = canvas.target_rect()
    assert any(r.contains(hint_area) for r in recorder.rects)  # the whole hint was painted over


def _positions(page):
    widgets = (page.tiles, page.noise_panel, page.code_box, page.canvas, page.model_input_panel)
    return [w.mapTo(page, QPoint(0, 0)) for w in widgets]


def test_the_page_does_not_jump_on_the_first_stroke_or_a_banner(qtbot, page):
    QApplication.processEvents()
    before = _positions(page)
    stroke(qtbot, page.canvas, THREE)
    page.process_now()
    qtbot.wait(120)  # the code chart's throttled redraw
    QApplication.processEvents()
    assert _positions(page) == before
    page.show_message("A banner with a message, long enough to wrap on a small screen " * 3)
    QApplication.processEvents()
    assert page.message.isVisible() and _positions(page) == before


def _tile_origins(page) -> dict:
    return {path: slot.frame.mapTo(page.tiles, QPoint(0, 0)) for path, slot in page.slots.items()}


def test_every_shipped_model_of_a_dataset_fits_one_row_on_a_laptop(qtbot, page):
    page.resize(1200, 640)  # what the page gets in a 1280×720 window
    QApplication.processEvents()
    for dataset in ("mnist", "fashion-mnist"):
        page.dataset_combo.setCurrentIndex(page.dataset_combo.findData(dataset))
        QApplication.processEvents()
        origins = _tile_origins(page)
        assert len(origins) >= 7  # the lecture's six and the 2-D VAE
        assert len({p.y() for p in origins.values()}) == 1  # one row, no wrapping
        viewport = page.scroll.viewport().width()
        for slot in page.slots.values():
            right = slot.frame.mapTo(page.scroll.viewport(), QPoint(slot.frame.width(), 0)).x()
            assert right <= viewport and slot.view.image_rect().width() >= 56  # whole, and large enough to see


def test_both_datasets_side_by_side_read_the_same_drawing(qtbot, page):
    page.resize(1200, 640)
    page.dataset_combo.setCurrentIndex(page.dataset_combo.findData("all"))
    assert page.tiles.shows_all_datasets()
    assert page.context.library.wait_for_loads(20000)
    QApplication.processEvents()
    datasets = {slot.entry.dataset for slot in page.slots.values()}
    assert datasets == {"mnist", "fashion-mnist"}
    origins = _tile_origins(page)
    by_name = {}
    for path, slot in page.slots.items():
        by_name.setdefault(slot.title.text(), {})[slot.entry.dataset] = origins[path]
    for name, places in by_name.items():  # a model's two versions: one column, MNIST above Fashion-MNIST
        assert places["mnist"].x() == places["fashion-mnist"].x(), name
        assert places["mnist"].y() < places["fashion-mnist"].y(), name
    assert len({p.y() for p in origins.values()}) == 2  # one row per dataset
    for slot in page.slots.values():  # each row says which dataset its models know; each tile names its model
        assert slot.row_label is not None and slot.row_label.text() == slot.entry.dataset_label
        assert slot.entry.dataset_label in slot.view.toolTip()
    stroke(qtbot, page.canvas, THREE)
    page.process_now()
    assert set(page.outputs) == set(page.slots)  # one drawing, every model of both datasets
    for slot in page.slots.values():
        assert slot.view.image() is not None and "PSNR" in slot.caption.text()
    fashion = next(s for s in page.slots.values() if s.entry.dataset == "fashion-mnist" and s.entry.family == "stacked")
    digits = next(s for s in page.slots.values() if s.entry.dataset == "mnist" and s.entry.family == "stacked")
    assert digits.result.psnr > fashion.result.psnr  # a digit model rebuilds a digit better than a clothes model
    page.select_model(fashion.entry.path)
    assert page.selected == fashion.entry.path and page.tiles.shows_all_datasets()  # picked in place
    assert {page.denoiser_combo.itemData(i) for i in range(page.denoiser_combo.count())} == {
        s.entry.path for s in page.slots.values() if "denoising" in s.entry.family
    }
