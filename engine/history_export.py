"""A run's history as files a student can keep: the curves as CSV, the snapshots as an animated GIF.

Both are written whole in memory, then through :func:`engine.fsutil.atomic_write_bytes`: a folder that
is not writable or a full disk leaves nothing half-written and any older file intact, and raises a
:class:`HistoryExportError` saying so.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np

from .fsutil import atomic_write_bytes
from .history import RunHistory, unit_of
from .i18n import _
from .imageio import make_grid

MAX_SCALE = 16
MAX_FPS = 50


class HistoryExportError(Exception):
    """An export could not be written; the message says why in plain words."""


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise HistoryExportError(
            _("could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc


def _number(value: float) -> str:
    return "" if math.isnan(value) else f"{value:.7g}"


def csv_text(history: RunHistory) -> str:
    """The CSV: one row per logged step, then one per epoch right after its last step; headers carry units."""
    step_names = history.series_names("step")
    epoch_names = history.series_names("epoch")
    names = step_names + [n for n in epoch_names if n not in step_names]
    header = ["row", "epoch", "global_step"] + [f"{n} [{unit_of(n)}]" if unit_of(n) else n for n in names]
    rows: list[tuple[int, int, list[str]]] = []
    for per, order, wanted in (("step", 0, step_names), ("epoch", 1, epoch_names)):
        if not wanted:
            continue
        columns = {n: history.series(n, per) for n in wanted}
        first = columns[wanted[0]]
        for i in range(len(first.values)):
            cells = [per, str(int(first.epochs[i])), str(int(first.global_steps[i]))]
            cells += [_number(float(columns[n].values[i])) if n in columns else "" for n in names]
            rows.append((int(first.global_steps[i]), order, cells))
    rows.sort(key=lambda r: (r[0], r[1]))  # stable: each epoch's row follows its last step
    lines = [",".join(_quote(h) for h in header)] + [",".join(cells) for _s, _o, cells in rows]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def export_csv(history: RunHistory, path: str | Path) -> Path:
    """Write the history's curves to ``path`` (UTF-8 CSV); a HistoryExportError when it cannot be written."""
    path = Path(path)
    if not history.series_names("step") and not history.series_names("epoch"):
        raise HistoryExportError(_("the history holds no curves: there is nothing to export"))
    _write(path, csv_text(history).encode("utf-8"))
    return path


def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError, ValueError):  # an old Pillow or one without FreeType: the bitmap font
        return ImageFont.load_default()


def gif_frames(history: RunHistory, scale: int = 4, epoch_ends_only: bool = True, kind: str | None = None) -> list:
    """The GIF's frames (PIL images, mode "L"): each snapshot's grid, upscaled nearest-neighbour, under a
    band that names its epoch and step."""
    from PIL import Image, ImageDraw

    kind = kind or (history.kinds[0] if history.kinds else None)
    shots = [s for s in history.snapshots if s.epoch_end or not epoch_ends_only]
    if kind is None or not shots:
        return []
    if kind not in history.kinds:
        raise HistoryExportError(_("the history holds no {kind}").format(kind=kind))
    font = _font(max(10, 4 * scale))
    band = max(14, 6 * scale)
    frames = []
    for shot in shots:
        grid = make_grid(shot.grids[kind])
        image = Image.fromarray(grid, "L").resize((grid.shape[1] * scale, grid.shape[0] * scale), Image.NEAREST)
        frame = Image.new("L", (image.width, image.height + band), 255)
        frame.paste(image, (0, band))
        text = _("epoch {epoch}").format(epoch=shot.epoch)
        if not shot.epoch_end:
            text += " · " + _("step {step:,}").format(step=shot.global_step)
        ImageDraw.Draw(frame).text((scale, band // 2), text, fill=0, font=font, anchor="lm")
        frames.append(frame)
    return frames


def export_gif(
    history: RunHistory,
    path: str | Path,
    scale: int = 4,
    fps: float = 4.0,
    epoch_ends_only: bool = True,
    kind: str | None = None,
) -> Path:
    """Write the snapshots as an animated GIF (one frame per epoch by default, looping), the epoch written
    on each frame; a HistoryExportError when there is nothing to animate or it cannot be written."""
    path = Path(path)
    if not 1 <= scale <= MAX_SCALE:
        raise HistoryExportError(_("the scale must be between 1 and {m}, not {s}").format(m=MAX_SCALE, s=scale))
    if not 0 < fps <= MAX_FPS:
        raise HistoryExportError(
            _("the speed must be between 0 and {m} frames per second, not {f}").format(m=MAX_FPS, f=fps)
        )
    frames = gif_frames(history, scale, epoch_ends_only, kind)
    if not frames:
        raise HistoryExportError(_("the history holds no snapshots: there is nothing to animate"))
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=max(20, round(1000 / fps)),
        loop=0,
        optimize=False,
    )
    _write(path, buffer.getvalue())
    return path


def frame_count(path: str | Path) -> int:
    """How many frames the GIF at ``path`` holds (for tests and the CLI's report)."""
    from PIL import Image

    with Image.open(path) as image:
        return int(getattr(image, "n_frames", 1))


def grid_png_bytes(images: np.ndarray, scale: int = 1) -> bytes:
    """One grid as PNG bytes (e.g. the grid at a scrubbed epoch), nearest-neighbour upscaled."""
    from PIL import Image

    grid = make_grid(images)
    image = Image.fromarray(grid, "L")
    if scale > 1:
        image = image.resize((grid.shape[1] * scale, grid.shape[0] * scale), Image.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
