"""Where Latent Studio keeps its files.

The user's folder follows the XDG convention on Linux (``~/.local/share``), and
``LATENT_STUDIO_HOME`` overrides it (tests point it at a temporary folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = REPO_ROOT / "assets"
EMBEDDED_DATA_DIR = ASSETS_DIR / "data"
SHIPPED_MODELS_DIR = ASSETS_DIR / "models"


def asset_path(*parts: str) -> Path:
    """A file or folder shipped with the app (``asset_path("models", "manifest.json")``)."""
    return ASSETS_DIR.joinpath(*parts)


def user_data_dir() -> Path:
    """The app's own data folder (created on first use)."""
    override = os.environ.get("LATENT_STUDIO_HOME")
    if override:
        root = Path(override)
    elif sys.platform == "win32":
        root = Path(os.environ.get("APPDATA", Path.home())) / "LatentStudio"
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support" / "LatentStudio"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "latent-studio"
    root.mkdir(parents=True, exist_ok=True)
    return root


def user_models_dir() -> Path:
    """Checkpoints the user trained or imported."""
    path = user_data_dir() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_datasets_dir() -> Path:
    """Downloaded datasets, one sub-folder per dataset."""
    path = user_data_dir() / "datasets"
    path.mkdir(parents=True, exist_ok=True)
    return path
