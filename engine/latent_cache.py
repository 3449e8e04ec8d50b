"""Latent maps that are slow to compute (t-SNE), kept in the user's cache folder.

One ``.npz`` of floats per entry, read with ``allow_pickle=False``: a file in
the cache can never run code. An entry is named by a hash of what made it —
the model file (path, size, modification time), the images, their count, the
method and its settings — so a retrained or replaced model is never shown an
old layout; the entry stores that key too and is checked against it on reading.
A file that cannot be read, or holds anything else, is ignored (the map is
computed again and the file replaced). A folder that cannot be written costs
only the time to compute the map again next time.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from pathlib import Path

import numpy as np

from . import fsutil, paths

log = logging.getLogger(__name__)

FOLDER = "latent-maps"


def cache_dir() -> Path:
    return paths.user_cache_dir() / FOLDER


def file_identity(path: str | Path) -> dict:
    """What names one version of a file: its resolved path, size and modification time (ns)."""
    path = Path(path).resolve()
    try:
        stat = path.stat()
        return {"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    except OSError:
        return {"path": str(path), "size": -1, "mtime_ns": -1}


def _key_text(key: dict) -> str:
    return json.dumps(key, sort_keys=True, ensure_ascii=True)


def entry_path(key: dict) -> Path:
    """``<model hash>-<rest hash>.npz``: the entries of one model file share their first part."""
    model = _key_text(key.get("model", {}).get("path", ""))
    return cache_dir() / f"{_digest(model)}-{_digest(_key_text(key))}.npz"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load(key: dict, count: int) -> np.ndarray | None:
    """The coordinates (count, 2) float32 stored under ``key``, or None (absent, unreadable, other data)."""
    path = entry_path(key)
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            stored_key = bytes(np.asarray(data["key"], np.uint8)).decode("utf-8")
            coords = np.asarray(data["coords"], np.float32)
    except (OSError, ValueError, KeyError, EOFError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        log.warning("Ignoring the unreadable latent map cache %s: %s", path, exc)
        return None
    if stored_key != _key_text(key) or coords.shape != (count, 2) or not np.isfinite(coords).all():
        log.warning("Ignoring the latent map cache %s: it holds another map", path)
        return None
    return coords


def save(key: dict, coords: np.ndarray) -> Path | None:
    """Store ``coords`` under ``key`` (atomically), replacing the entries of older versions of the same
    model file; None when the cache folder cannot be written (the map is shown all the same)."""
    path = entry_path(key)
    buffer = io.BytesIO()
    key_bytes = np.frombuffer(_key_text(key).encode("utf-8"), np.uint8)
    np.savez(buffer, coords=np.asarray(coords, np.float32), key=key_bytes)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fsutil.atomic_write_bytes(path, buffer.getvalue())
    except OSError as exc:
        log.warning("Could not keep the latent map in %s: %s", path.parent, exc)
        return None
    _forget_older_versions(path, key)
    return path


def _forget_older_versions(path: Path, key: dict) -> None:
    """Remove entries of the same model *path* whose model size or time differ (a retrained model)."""
    prefix = path.name.split("-")[0] + "-"
    identity = key.get("model")
    for other in path.parent.glob(prefix + "*.npz"):
        if other == path:
            continue
        try:
            with np.load(other, allow_pickle=False) as data:
                other_key = json.loads(bytes(np.asarray(data["key"], np.uint8)).decode("utf-8"))
        except (OSError, ValueError, KeyError, EOFError, UnicodeDecodeError, zipfile.BadZipFile):
            other_key = None  # unreadable: no use to anyone
        if other_key is None or other_key.get("model") != identity:
            try:
                other.unlink()
            except OSError:
                pass
