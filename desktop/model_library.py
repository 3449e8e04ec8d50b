"""Every checkpoint the app knows: shipped (read-only) and the user's own.

The library lists checkpoints from their JSON record only (cheap) and loads
the weights on demand, caching them; pages share one library through the
:class:`~desktop.context.AppContext`. :meth:`ModelLibrary.load_in_background`
loads weights on a task thread (:mod:`desktop.tasks`, one request after the
other) so the window never waits for them (the Draw page asks for every
autoencoder right after the window shows). The app context owns the library
and shuts it down when the window closes.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from desktop.tasks import TaskRunner
from engine import checkpoint as ckpt
from engine.data import dataset_title
from engine.fsutil import atomic_write_bytes, claim_unique_path
from engine.models import family_rank, find_family
from engine.paths import SHIPPED_MODELS_DIR, user_models_dir

# The shipped models' names before " · <dataset>" (assets/make_pretrained.py writes them): shown in the
# user's language. The names people give their own models are theirs and are never translated.
SHIPPED_NAMES = (
    QT_TRANSLATE_NOOP("ModelLibrary", "Stacked AE"),
    QT_TRANSLATE_NOOP("ModelLibrary", "Conv AE"),
    QT_TRANSLATE_NOOP("ModelLibrary", "Denoising AE (dropout 0.5)"),
    QT_TRANSLATE_NOOP("ModelLibrary", "Denoising AE (Gaussian σ 0.2)"),
    QT_TRANSLATE_NOOP("ModelLibrary", "Sparse AE (KL 0.1)"),
    QT_TRANSLATE_NOOP("ModelLibrary", "Variational AE"),
    QT_TRANSLATE_NOOP("ModelLibrary", "Variational AE (2-D)"),
    QT_TRANSLATE_NOOP("ModelLibrary", "GAN"),
    QT_TRANSLATE_NOOP("ModelLibrary", "DCGAN"),
)


@dataclass(frozen=True)
class ModelEntry:
    path: Path
    meta: dict
    shipped: bool  # shipped models are read-only

    @property
    def name(self) -> str:
        name = str(self.meta.get("name") or self.path.stem)
        if self.shipped:
            head, sep, dataset = name.partition(" · ")
            name = QCoreApplication.translate("ModelLibrary", head) + sep + dataset
        return name

    @property
    def family(self) -> str:
        return str(self.meta.get("family", "?"))

    @property
    def dataset(self) -> str:
        return str((self.meta.get("dataset") or {}).get("name", "?"))

    @property
    def dataset_label(self) -> str:
        return dataset_title(self.dataset)

    @property
    def epochs(self) -> int | None:
        done = self.meta.get("epochs_completed")
        if done is None:
            done = (self.meta.get("train_config") or {}).get("epochs")
        return int(done) if isinstance(done, (int, float)) else None

    @property
    def metrics(self) -> dict:
        return dict(self.meta.get("metrics") or {})

    def final(self, key: str) -> float | None:
        """A final metric, or the last value of its training history (GAN runs record only those)."""
        value = self.metrics.get(key)
        if value is None:
            series = (self.meta.get("history") or {}).get(key) or []
            value = series[-1] if series else None
        return float(value) if isinstance(value, (int, float)) else None

    @property
    def created(self) -> _dt.datetime | None:
        try:
            return _dt.datetime.fromisoformat(str(self.meta.get("created")))
        except ValueError:
            return None

    @property
    def is_autoencoder(self) -> bool:
        """Its family reconstructs (its record says so; an unknown family does nothing)."""
        family = find_family(self.family)
        return family is not None and family.reconstructs

    @property
    def is_generator(self) -> bool:
        family = find_family(self.family)
        return family is not None and family.generates


@lru_cache(maxsize=2)
def _manifest_records(path: Path, mtime_ns: int) -> dict[str, dict]:
    """The shipped manifest's records by file name (read again when the file changes)."""
    try:
        records = json.loads(path.read_text(encoding="utf-8")).get("models") or []
    except (OSError, ValueError, AttributeError):
        return {}
    return {str(r.get("file")): r for r in records if isinstance(r, dict)}


def shipped_record(entry: ModelEntry) -> dict | None:
    """What ``assets/models/manifest.json`` records for a shipped model (how it was made, its figures), or None."""
    if not entry.shipped:
        return None
    path = SHIPPED_MODELS_DIR / "manifest.json"
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return None
    return _manifest_records(path, mtime).get(entry.path.name)


def display_order(entry: ModelEntry, first_families: tuple[str, ...] = ()) -> tuple:
    """How pages list models: shipped first, MNIST before Fashion-MNIST, then the lecture's order
    (``first_families`` moved to the front, e.g. the VAE on the latent map)."""
    family = first_families.index(entry.family) if entry.family in first_families else len(first_families)
    rank = family_rank(entry.family)
    two_d = (entry.meta.get("model_config") or {}).get("coding_size") == 2  # the latent map's VAEs: after the lecture's
    return (not entry.shipped, entry.dataset != "mnist", entry.dataset, family, rank, two_d, entry.name)


def load_checkpoints(state, paths: list[Path]) -> None:
    """Load checkpoints one after the other (on a task thread): each is handed back as a partial
    result ``(path, checkpoint, None)`` or ``(path, None, reason)``; stops early when cancelled."""
    for path in paths:
        if state.is_cancelled():
            return
        try:
            state.partial((path, ckpt.load_checkpoint(path), None))
        except ckpt.CheckpointError as exc:
            state.partial((path, None, str(exc)))
        except Exception as exc:  # a broken file must not end the loading of the others
            state.partial((path, None, f"{path.name}: {exc.__class__.__name__}: {exc}"))


class ModelLibrary(QObject):
    changed = Signal()  # the list of checkpoints changed
    current_changed = Signal(object)  # the ModelEntry the user picked (File → Open, Models page "Load")
    model_loaded = Signal(object)  # path of a checkpoint whose weights are now in the cache
    model_failed = Signal(object, str)  # path, reason: its weights could not be loaded

    def __init__(self, shipped_dir: Path | None = None, user_dir: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self.shipped_dir = Path(shipped_dir) if shipped_dir else SHIPPED_MODELS_DIR
        self.user_dir = Path(user_dir) if user_dir else user_models_dir()
        self._entries: list[ModelEntry] = []
        self._cache: dict[Path, ckpt.Checkpoint] = {}
        self.current: ModelEntry | None = None
        self.errors: dict[Path, str] = {}  # files that could not be read or loaded, and why
        self.unreadable: dict[Path, str] = {}  # files the last refresh could not list, and why
        self._loader = TaskRunner("model-loading", mode="queue", parent=self)
        self._loader.partial.connect(self._on_load_result)
        self._pending: set[Path] = set()
        self._closed = False
        self.refresh()

    def entries(self) -> list[ModelEntry]:
        return list(self._entries)

    def refresh(self) -> None:
        """Re-read both folders; unreadable files are skipped (the Models page can show why)."""
        found: list[ModelEntry] = []
        unreadable: dict[Path, str] = {}
        for folder, shipped in ((self.shipped_dir, True), (self.user_dir, False)):
            try:
                paths = sorted(folder.glob(f"*{ckpt.SUFFIX}")) if folder.is_dir() else []
            except OSError:  # a folder we may not list: nothing to show from it
                paths = []
            for path in paths:
                try:
                    found.append(ModelEntry(path=path.resolve(), meta=ckpt.read_meta(path), shipped=shipped))
                except ckpt.CheckpointError as exc:
                    unreadable[path.resolve()] = str(exc)
                except Exception as exc:  # noqa: BLE001 — one hostile file must never stop the app from starting
                    unreadable[path.resolve()] = f"{path.name}: {exc.__class__.__name__}: {exc}"
        alive = {e.path for e in found}
        self._cache = {p: c for p, c in self._cache.items() if p in alive}
        self._entries = found
        self.unreadable = unreadable
        self.errors.update(unreadable)
        self.changed.emit()

    def entry_for(self, path: str | Path) -> ModelEntry | None:
        path = Path(path).resolve()
        return next((e for e in self._entries if e.path == path), None)

    def get(self, path: str | Path) -> ckpt.Checkpoint:
        """The loaded checkpoint (cached); raises CheckpointError with a reason."""
        path = Path(path).resolve()
        if path not in self._cache:
            self._cache[path] = ckpt.load_checkpoint(path)
        return self._cache[path]

    def open_file(self, path: str | Path) -> ModelEntry:
        """Validate a checkpoint anywhere on disk; copy it into the user's folder if it is outside
        the library; make it the current model. Raises CheckpointError, leaving everything as it was."""
        source = Path(path).resolve()
        ckpt.load_checkpoint(source)  # full validation before anything changes
        if source.parent not in (self.shipped_dir.resolve(), self.user_dir.resolve()):
            try:
                target = claim_unique_path(self.user_dir, source.name.removesuffix(ckpt.SUFFIX), ckpt.SUFFIX)
            except OSError as exc:
                raise ckpt.CheckpointError(
                    self.tr("could not copy it into {folder}: {reason}").format(
                        folder=self.user_dir, reason=exc.strerror or exc
                    )
                ) from exc
            try:
                atomic_write_bytes(target, source.read_bytes())
            except OSError as exc:
                target.unlink(missing_ok=True)
                raise ckpt.CheckpointError(
                    self.tr("could not write {path}: {reason}").format(path=target, reason=exc.strerror or exc)
                ) from exc
            source = target.resolve()
        self.refresh()
        entry = self.entry_for(source)
        if entry is None:  # its weights loaded but its record cannot be listed
            raise ckpt.CheckpointError(
                self.unreadable.get(source) or self.tr("{name} cannot be listed").format(name=source.name)
            )
        self.set_current(entry)
        return entry

    def set_current(self, entry: ModelEntry) -> None:
        self.current = entry
        self.current_changed.emit(entry)

    # -- loading off the GUI thread ---------------------------------------------------
    def cached(self, path: str | Path) -> ckpt.Checkpoint | None:
        """The loaded checkpoint if it is already in memory, else None (never loads)."""
        return self._cache.get(Path(path).resolve())

    def is_loading(self, path: str | Path) -> bool:
        return Path(path).resolve() in self._pending

    def load_in_background(self, paths) -> None:
        """Load these checkpoints on a worker thread; each one announces itself with
        :attr:`model_loaded` (or :attr:`model_failed`). Already-loaded ones are announced at once."""
        todo = []
        for path in (Path(p).resolve() for p in paths):
            if path in self._cache:
                self.model_loaded.emit(path)
            elif path not in self._pending:
                todo.append(path)
        if not todo:
            return
        if self._closed:  # the window is closing: nothing new starts
            return
        self._pending.update(todo)
        self._loader.start(load_checkpoints, todo)

    def _on_load_result(self, outcome: tuple) -> None:
        path, checkpoint, reason = outcome
        self._pending.discard(path)
        if checkpoint is None:
            self.errors[path] = reason
            self.model_failed.emit(path, reason)
        elif self.entry_for(path) is not None:  # not deleted meanwhile
            self._cache[path] = checkpoint
            self.model_loaded.emit(path)

    def wait_for_loads(self, timeout_ms: int = 10000) -> bool:
        """Serve the event loop until the background loads are done (tests, benchmarks)."""
        self._loader.wait_idle(timeout_ms)
        return not self._pending

    def shutdown(self) -> None:
        """Stop loading and join its thread (the app context calls this when the window closes)."""
        self._closed = True
        self._loader.shutdown()
        self._pending.clear()

    # -- managing files -------------------------------------------------------------------
    def rename(self, entry: ModelEntry, name: str) -> ModelEntry:
        """Change the display name stored in a user checkpoint (shipped ones are read-only)."""
        name = " ".join(str(name).split())
        if entry.shipped:
            raise ckpt.CheckpointError(
                self.tr("{name} ships with the app and is read-only; export a copy to rename it").format(
                    name=entry.name
                )
            )
        if not name:
            raise ckpt.CheckpointError(self.tr("a model needs a name"))
        ckpt.update_meta(entry.path, name=name)
        self.refresh()
        renamed = self.entry_for(entry.path)
        assert renamed is not None
        if self.current is not None and self.current.path == entry.path:
            self.current = renamed
        return renamed

    def delete(self, entry: ModelEntry) -> None:
        """Delete a user checkpoint's file (shipped ones are read-only)."""
        if entry.shipped:
            raise ckpt.CheckpointError(
                self.tr("{name} ships with the app and cannot be deleted").format(name=entry.name)
            )
        try:
            entry.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise ckpt.CheckpointError(
                self.tr("could not delete {name}: {reason}").format(name=entry.path.name, reason=exc.strerror or exc)
            ) from exc
        if self.current is not None and self.current.path == entry.path:
            self.current = None
        self.refresh()

    def export(self, entry: ModelEntry, target: str | Path) -> Path:
        """Copy a checkpoint anywhere (atomically: a half-written copy never appears)."""
        target = Path(target)
        if not target.name.endswith(ckpt.SUFFIX):
            target = target.with_name(target.name + ckpt.SUFFIX)
        if target.resolve() == entry.path:
            raise ckpt.CheckpointError(self.tr("that is the model's own file; choose another place"))
        try:
            ckpt.atomic_write_bytes(target, entry.path.read_bytes())
        except OSError as exc:
            raise ckpt.CheckpointError(
                self.tr("could not write {path}: {reason}").format(path=target, reason=exc.strerror or exc)
            ) from exc
        return target

    def import_file(self, path: str | Path) -> ModelEntry:
        """Validate a checkpoint file and copy it into the user's folder (pickles are refused)."""
        return self.open_file(path)
