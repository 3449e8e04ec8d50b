"""A :class:`~engine.history.RunHistory` as checkpoint tensors and back, every shape checked on the way in.

Stacked arrays, never one tensor per snapshot: a 50-epoch run adds a few dozen
tensors to the safetensors header, whatever its length. A stored history is
untrusted input like the rest of a checkpoint: any missing tensor, wrong dtype
or inconsistent length is a :class:`~engine.history.HistoryError` naming it.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from .history import _NAME, PREFIX, VERSION, HistoryError, HistorySnapshot, Resume, RunHistory, _Table
from .i18n import _

KINDS = ("reconstructions", "samples")


def _t(array: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(array))


def _table_tensors(table: _Table, where: str, out: dict) -> None:
    out[f"{PREFIX}{where}.step"] = _t(np.asarray(table.steps, np.int64))
    out[f"{PREFIX}{where}.epoch"] = _t(np.asarray(table.epochs, np.int32))
    for name, column in table.columns.items():
        out[f"{PREFIX}{where}.col.{name}"] = _t(np.asarray(column, np.float32))


def history_to_tensors(history: RunHistory) -> tuple[dict[str, torch.Tensor], dict]:
    out: dict[str, torch.Tensor] = {}
    shots = history.snapshots
    info = {
        "version": VERSION,
        "family": history.family,
        "dataset": history.dataset,
        "kinds": list(history.kinds),
        "unit_target": history.unit_target,
        "resumes": [[r.epoch, r.global_step, r.optimizer_restored] for r in history.resumes],
    }
    _table_tensors(history._steps, "step", out)
    _table_tensors(history._epochs, "epoch", out)
    out[PREFIX + "snap.step"] = _t(np.asarray([s.global_step for s in shots], np.int64))
    out[PREFIX + "snap.epoch"] = _t(np.asarray([s.epoch for s in shots], np.int32))
    out[PREFIX + "snap.epoch_end"] = _t(np.asarray([s.epoch_end for s in shots], np.uint8))
    if not shots:
        return out, info
    for kind in history.kinds:
        out[f"{PREFIX}grid.{kind}"] = _t(np.stack([s.grids[kind] for s in shots]).astype(np.uint8))
    if history.originals is not None:
        out[PREFIX + "originals"] = _t(history.originals.astype(np.uint8))
    names = sorted({k for s in shots for k in s.metrics if _NAME.match(k)})
    for name in names:
        out[f"{PREFIX}snap.metric.{name}"] = _t(np.asarray([s.metrics.get(name, math.nan) for s in shots], np.float32))
    m = len(history.map_labels) if history.map_labels is not None else -1
    mapped = [i for i, s in enumerate(shots) if s.map_xy is not None and s.map_xy.shape == (m, 2)]
    if mapped and history.map_components is not None:  # the map is drawn at epoch ends only: stored where it is
        out[PREFIX + "map.at"] = _t(np.asarray(mapped, np.int32))
        out[PREFIX + "map.xy"] = _t(np.stack([shots[i].map_xy for i in mapped]).astype(np.float16))
        out[PREFIX + "map.labels"] = _t(history.map_labels.astype(np.uint8))
        out[PREFIX + "map.mean"] = _t(history.map_mean.astype(np.float32))
        out[PREFIX + "map.components"] = _t(history.map_components.astype(np.float32))
    with_units = [i for i, s in enumerate(shots) if s.unit_activation is not None]
    width = {shots[i].unit_activation.shape for i in with_units}
    if with_units and len(width) == 1:
        out[PREFIX + "units.at"] = _t(np.asarray(with_units, np.int32))
        out[PREFIX + "units"] = _t(np.stack([shots[i].unit_activation for i in with_units]).astype(np.float16))
    return out, info


# -- reading ------------------------------------------------------------------------------------------
def _get(tensors: dict, key: str, dtype: np.dtype, ndim: int, required: bool = True) -> np.ndarray | None:
    tensor = tensors.get(PREFIX + key)
    if tensor is None:
        if required:
            raise HistoryError(_("{key} is missing").format(key=PREFIX + key))
        return None
    array = tensor.numpy()
    if array.dtype != dtype or array.ndim != ndim:
        raise HistoryError(
            _("{key} is {dtype} with {ndim} dimension(s); expected {want} with {wdim}").format(
                key=PREFIX + key, dtype=array.dtype, ndim=array.ndim, want=np.dtype(dtype), wdim=ndim
            )
        )
    return array


def _length(array: np.ndarray, n: int, key: str) -> np.ndarray:
    if len(array) != n:
        raise HistoryError(
            _("{key} has {got} rows where {n} were expected (truncated?)").format(key=PREFIX + key, got=len(array), n=n)
        )
    return array


def _indices(tensors: dict, key: str, n: int, snapshots: int) -> np.ndarray:
    """The snapshot indices a sparse per-snapshot array belongs to: increasing, each a real snapshot."""
    at = _length(_get(tensors, key, np.int32, 1), n, key)
    if len(at) and (at[0] < 0 or at[-1] >= snapshots or (np.diff(at) <= 0).any()):
        raise HistoryError(_("{key} points at snapshots that do not exist").format(key=PREFIX + key))
    return at


def _read_table(tensors: dict, where: str) -> _Table:
    table = _Table()
    steps = _get(tensors, f"{where}.step", np.int64, 1)
    epochs = _length(_get(tensors, f"{where}.epoch", np.int32, 1), len(steps), f"{where}.epoch")
    table.steps, table.epochs = steps.tolist(), epochs.tolist()
    head = f"{PREFIX}{where}.col."
    for key in sorted(k for k in tensors if k.startswith(head)):
        name = key[len(head) :]
        if not _NAME.match(name):
            raise HistoryError(_("{key} is not a valid series name").format(key=key[:80]))
        column = _length(_get(tensors, f"{where}.col.{name}", np.float32, 1), len(steps), f"{where}.col.{name}")
        table.columns[name] = column.astype(np.float64).tolist()
    return table


def history_from_tensors(tensors: dict[str, torch.Tensor], info) -> RunHistory:
    """Rebuild a history; a :class:`HistoryError` saying what is wrong when anything does not fit."""
    if not isinstance(info, dict):
        raise HistoryError(_("its description is missing from the record"))
    version = info.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise HistoryError(_("its version is not a whole number"))
    if version > VERSION:
        raise HistoryError(_("it was written by a newer Latent Studio (history version {v})").format(v=version))
    kinds = info.get("kinds", [])
    if not isinstance(kinds, list) or not all(k in KINDS for k in kinds):
        raise HistoryError(_("its list of grid kinds is not valid"))
    history = RunHistory(str(info.get("family") or "")[:64], str(info.get("dataset") or "")[:64])
    target = info.get("unit_target")
    if target is not None:
        if isinstance(target, bool) or not isinstance(target, (int, float)) or not math.isfinite(target):
            raise HistoryError(_("its unit target is not a number"))
        history.unit_target = float(target)
    resumes = info.get("resumes", [])
    if not isinstance(resumes, list):
        raise HistoryError(_("its list of resumes is not valid"))
    for item in resumes:
        ok = isinstance(item, list) and len(item) == 3 and all(isinstance(v, int) for v in item)
        if not ok:
            raise HistoryError(_("its list of resumes is not valid"))
        history.resumes.append(Resume(int(item[0]), int(item[1]), bool(item[2])))
    history._steps = _read_table(tensors, "step")
    history._epochs = _read_table(tensors, "epoch")
    steps = _get(tensors, "snap.step", np.int64, 1)
    s = len(steps)
    epochs = _length(_get(tensors, "snap.epoch", np.int32, 1), s, "snap.epoch")
    ends = _length(_get(tensors, "snap.epoch_end", np.uint8, 1), s, "snap.epoch_end")
    if s and not kinds:
        raise HistoryError(_("it has snapshots but no grids"))
    grids = {k: _length(_get(tensors, f"grid.{k}", np.uint8, 4), s, f"grid.{k}") for k in kinds}
    for key, grid in grids.items():
        if grid.shape[2:] != (28, 28):
            raise HistoryError(_("{key}'s images are not 28×28").format(key=PREFIX + "grid." + key))
    originals = _get(tensors, "originals", np.uint8, 3, required=False)
    head = PREFIX + "snap.metric."
    metrics = {
        k[len(head) :]: _length(_get(tensors, k[len(PREFIX) :], np.float32, 1), s, k[len(PREFIX) :])
        for k in tensors
        if k.startswith(head) and _NAME.match(k[len(head) :])
    }
    maps: dict[int, np.ndarray] = {}
    xy = _get(tensors, "map.xy", np.float16, 3, required=False)
    if xy is not None:
        at = _indices(tensors, "map.at", len(xy), s)
        history.map_labels = _length(_get(tensors, "map.labels", np.uint8, 1), xy.shape[1], "map.labels")
        history.map_components = _get(tensors, "map.components", np.float32, 2)
        history.map_mean = _length(
            _get(tensors, "map.mean", np.float32, 1), history.map_components.shape[1], "map.mean"
        )
        if xy.shape[2] != 2 or history.map_components.shape[0] != 2:
            raise HistoryError(_("its map is not two-dimensional"))
        maps = dict(zip(at.tolist(), xy))
    units: dict[int, np.ndarray] = {}
    activation = _get(tensors, "units", np.float16, 2, required=False)
    if activation is not None:
        units = dict(zip(_indices(tensors, "units.at", len(activation), s).tolist(), activation))
    history.originals = originals
    for i in range(s):
        values = {k: float(v[i]) for k, v in metrics.items() if not math.isnan(v[i])}
        grid = {k: g[i] for k, g in grids.items()}
        history.snapshots.append(
            HistorySnapshot(
                int(epochs[i]), int(steps[i]), bool(ends[i]), grid, values, originals, maps.get(i), units.get(i)
            )
        )
    history._latest = dict(history.snapshots[-1].metrics) if history.snapshots else {}
    return history
