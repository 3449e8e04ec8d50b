"""Where Latent Studio keeps its files.

Two kinds of folder:

- **What ships with the app** — the embedded datasets, the shipped models and
  their manifest, the icons, the launcher, the translations, the credits. They
  are the package data of the import package ``latent_studio_assets`` (the
  repository's ``assets/`` folder, mapped by ``pyproject.toml``), found through
  :mod:`importlib.resources`: the same code finds them in a wheel, an editable
  install and a PyInstaller bundle. They are only ever read: a read-only
  installation folder is fine.
- **The user's own files** — trained models, downloaded datasets, settings — in
  the folder :mod:`platformdirs` gives for the platform
  (``~/.local/share/latent-studio`` on Linux), or ``LATENT_STUDIO_HOME`` when it
  is set (tests point it at a temporary folder), or a folder the user chose in
  the app when the default one could not be written (:func:`choose_user_data_dir`).

Nothing here raises because the user's folder cannot be created: the folders are
returned all the same (reading a folder that does not exist finds nothing), and
:func:`user_data_problem` / :func:`writable_user_dir` say why, for the callers
that must write there.
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

from .i18n import N_, _

APP_DIR_NAME = "latent-studio" if sys.platform.startswith("linux") else "LatentStudio"
ASSETS_PACKAGE = "latent_studio_assets"
REINSTALL_HINT = N_(
    "Reinstall Latent Studio (pip install --force-reinstall latent-studio, or unpack the LatentStudio "
    "bundle again); in a source checkout, run pip install -e . again."
)


class AssetMissingError(FileNotFoundError):
    """A file that ships with the app is not where the installation should have put it."""


class UserFolderError(OSError):
    """The user's data folder (or one of its sub-folders) cannot be created or written."""


# -- what ships with the app ----------------------------------------------------------------
def _find_assets_dir() -> Path:
    """The folder of the installed ``latent_studio_assets`` package.

    A source tree run without being installed (``PYTHONPATH=. python -m desktop.app``,
    or an editable install made before the assets became a package) has no such
    package: its ``assets/`` folder beside ``engine/`` is used then, when it is there.
    """
    try:
        root = importlib.resources.files(ASSETS_PACKAGE)
    except ModuleNotFoundError:
        source_tree = Path(__file__).resolve().parent.parent / "assets"
        if (source_tree / "__init__.py").is_file():
            return source_tree
        # Where an installation would have put it: the missing-asset messages name this folder.
        return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent)) / ASSETS_PACKAGE
    if isinstance(root, Path):
        return root
    # A zipped install gives a Traversable that is not a folder on disk; the app reads its
    # assets by path (safetensors, gzip, gettext), so it needs them unzipped.
    return Path(str(root))


ASSETS_DIR = _find_assets_dir()
EMBEDDED_DATA_DIR = ASSETS_DIR / "data"
SHIPPED_MODELS_DIR = ASSETS_DIR / "models"


def asset_path(*parts: str) -> Path:
    """A file or folder shipped with the app (``asset_path("models", "manifest.json")``).

    The path may not exist (an optional asset, such as a translation); use
    :func:`require_asset` for one the app cannot do without.
    """
    return ASSETS_DIR.joinpath(*parts)


def missing_asset_message(*parts: str) -> str:
    """What to tell the user when a shipped file is missing: which one, and how to reinstall."""
    name = "/".join(parts) or _("the assets folder")
    return _("Latent Studio's file {name} is missing from {folder}: the installation is incomplete. {hint}").format(
        name=name, folder=ASSETS_DIR, hint=_(REINSTALL_HINT)
    )


def require_asset(*parts: str) -> Path:
    """:func:`asset_path`, or :class:`AssetMissingError` saying which asset is missing and how to reinstall."""
    path = asset_path(*parts)
    if not path.exists():
        raise AssetMissingError(missing_asset_message(*parts))
    return path


# -- the user's own files -------------------------------------------------------------------
_chosen_dir: Path | None = None  # a folder the user picked this session (see choose_user_data_dir)


def default_user_data_dir() -> Path:
    """The platform's folder for the app's data (``~/.local/share/latent-studio`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=True))


def _redirect_file() -> Path:
    """Where the folder a user chose instead of an unwritable default is remembered."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False, roaming=True)) / "data-folder.txt"


def _remembered_dir() -> Path | None:
    try:
        text = _redirect_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text).expanduser() if text else None


def user_data_dir_path() -> Path:
    """The user's data folder, without creating it: a folder the user chose in the app this
    session, else ``LATENT_STUDIO_HOME``, else one chosen in an earlier run, else the platform's default."""
    if _chosen_dir is not None:
        return _chosen_dir
    override = os.environ.get("LATENT_STUDIO_HOME")
    if override:
        return Path(override).expanduser()
    return _remembered_dir() or default_user_data_dir()


def _try_make(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # said by user_data_problem / writable_user_dir to whoever must write there
    return path


def user_data_dir() -> Path:
    """The app's own data folder (created on first use when it can be)."""
    return _try_make(user_data_dir_path())


def user_models_dir() -> Path:
    """Checkpoints the user trained or imported."""
    return _try_make(user_data_dir() / "models")


def user_datasets_dir() -> Path:
    """Downloaded datasets, one sub-folder per dataset."""
    return _try_make(user_data_dir() / "datasets")


def user_cache_dir() -> Path:
    """What can be computed again but is slow to (t-SNE latent maps): safe to delete at any time.
    Inside the user's data folder, so it follows ``LATENT_STUDIO_HOME`` and a folder chosen in the app."""
    return _try_make(user_data_dir() / "cache")


def folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot hold the user's files (created if needed), or None when it can."""
    from . import fsutil

    try:
        fsutil.check_writable(folder)  # the one probe: creates the folder, then a file in it
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _("Latent Studio cannot write its data folder {folder} ({reason}).").format(folder=folder, reason=reason)
    return None


def user_data_problem() -> str | None:
    """Why the user's data folder cannot be created or written, or None when all is well."""
    return folder_problem(user_data_dir_path())


def writable_user_dir(folder: Path) -> Path:
    """``folder`` (inside the user's data folder), created; :class:`UserFolderError` with a clear
    message when it cannot be written."""
    problem = folder_problem(folder)
    if problem:
        raise UserFolderError(
            problem + " " + _("Set LATENT_STUDIO_HOME to a folder you can write, or choose one in the app.")
        )
    return folder


def choose_user_data_dir(folder: Path, remember: bool = True) -> str | None:
    """Use ``folder`` for the user's files from now on (and, with ``remember``, in later runs).

    Returns why it cannot be used, or None. It is remembered only where ``LATENT_STUDIO_HOME`` is not
    set (the variable wins in later runs).
    """
    global _chosen_dir
    folder = Path(folder).expanduser()
    problem = folder_problem(folder)
    if problem:
        return problem
    _chosen_dir = folder
    if remember and not os.environ.get("LATENT_STUDIO_HOME"):
        from .fsutil import atomic_write_bytes

        try:
            atomic_write_bytes(_redirect_file(), str(folder).encode("utf-8"))
        except OSError:
            pass  # used for this session all the same
    return None
