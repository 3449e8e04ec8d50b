"""The wheel carries everything the app ships, and an installed copy finds it without the working tree.

The wheel is built once for the module (``pip wheel --no-deps`` from a copy of
the sources, in a temporary folder: about 10–20 s), then installed with
``pip install --no-deps --target`` into another one. A fresh interpreter,
started elsewhere with only that folder in front of ``sys.path``, must take
every module and every asset from it: the repository's ``assets/`` is never
reached, a shipped model and the embedded data load, and nothing is written
into the installation folder (a read-only install must work; as root a
``chmod`` proves nothing, so the test compares the folder before and after).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "latent_studio_assets"
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "screenshots", "build", "dist", "*.egg-info")


def _pip(*args: str, cwd: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pip", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("engine", "desktop", "assets"):
        shutil.copytree(ROOT / folder, source / folder, ignore=SKIP)
    house = tmp_path_factory.mktemp("wheelhouse")
    # The venv's setuptools builds it (offline); without one, pip fetches it into an isolated build.
    isolation = [] if importlib.util.find_spec("setuptools") is None else ["--no-build-isolation"]
    _pip("wheel", "--no-deps", *isolation, "-q", "-w", str(house), str(source), cwd=source)
    (built,) = house.glob("latent_studio-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    _pip("install", "--no-deps", "--no-index", "-q", "--target", str(target), str(wheel), cwd=target)
    return target


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_every_shipped_model_the_embedded_data_and_the_icons(wheel):
    from engine import __version__

    assert wheel.name.startswith(f"latent_studio-{__version__}-")  # the version both --version flags print
    names = _names(wheel)
    manifest = json.loads((ROOT / "assets" / "models" / "manifest.json").read_text(encoding="utf-8"))
    expected = {f"{PACKAGE}/models/manifest.json"} | {f"{PACKAGE}/models/{m['file']}" for m in manifest["models"]}
    judges = json.loads((ROOT / "assets" / "models" / "judge" / "manifest.json").read_text(encoding="utf-8"))
    expected |= {f"{PACKAGE}/models/judge/{j['file']}" for j in judges["judges"].values()}
    for dataset in ("mnist", "fashion-mnist"):
        for stem in ("train-images-idx3", "train-labels-idx1", "t10k-images-idx3", "t10k-labels-idx1"):
            expected.add(f"{PACKAGE}/data/{dataset}/{stem}-ubyte.gz")
    icons = [p for p in (ROOT / "assets" / "icons").iterdir() if p.suffix in (".png", ".svg")]
    expected |= {f"{PACKAGE}/icons/{p.name}" for p in icons}
    expected |= {f"{PACKAGE}/DATA-CREDITS.md", f"{PACKAGE}/latent-studio.desktop", f"{PACKAGE}/__init__.py"}
    assert len(manifest["models"]) >= 10 and not expected - names, sorted(expected - names)
    translations = {
        p.relative_to(ROOT / "assets").as_posix()
        for p in (ROOT / "assets" / "i18n").rglob("*")
        if p.suffix in (".qm", ".mo", ".ts", ".po")
    }
    assert not {f"{PACKAGE}/{t}" for t in translations} - names


def test_the_wheel_holds_every_module_of_the_engine_and_the_desktop(wheel):
    """A sub-package added to engine/ or desktop/ but not to pyproject.toml's list fails here."""
    names = _names(wheel)
    modules = {p.relative_to(ROOT).as_posix() for d in ("engine", "desktop") for p in (ROOT / d).rglob("*.py")}
    assert modules and not modules - names, sorted(modules - names)
    assert not [n for n in names if n.startswith(f"{PACKAGE}/screenshots/")]  # README pictures stay out


PROBE = """
import json, sys
from pathlib import Path
from engine import paths
from engine.checkpoint import load_checkpoint
from engine.data import load_dataset

model = load_checkpoint(paths.require_asset("models", "mnist-dcgan.safetensors"))
data = load_dataset("mnist", "embedded", allow_download=False)
print(json.dumps({
    "assets": str(paths.ASSETS_DIR),
    "icon": str(paths.require_asset("icons", "latent-studio.png")),
    "model": type(model.model).__name__,
    "train_images": len(data.train.images),
    "modules": sorted({str(getattr(m, "__file__", None) or "") for m in list(sys.modules.values())}),
}))
"""


def _listing(folder: Path) -> dict[str, int]:
    files = [p for p in folder.rglob("*") if "__pycache__" not in p.parts]
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in files}


def test_an_installed_wheel_finds_its_assets_without_the_working_tree(installed, tmp_path):
    before = _listing(installed)
    env = {
        **os.environ,
        "PYTHONPATH": str(installed),
        "PYTHONDONTWRITEBYTECODE": "1",
        "LATENT_STUDIO_HOME": str(tmp_path / "home"),
        "OMP_NUM_THREADS": "1",
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env
    )
    assert out.returncode == 0, out.stderr[-3000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert Path(found["assets"]) == installed / PACKAGE
    assert Path(found["icon"]).is_relative_to(installed)
    assert found["model"] and found["train_images"] > 0
    from_repo = [f for f in found["modules"] if f.startswith(str(ROOT)) and ".venv" not in f]
    assert from_repo == []  # nothing came from the working tree
    assert _listing(installed) == before  # a read-only installation folder would have done as well


def test_an_installed_wheel_says_which_asset_is_missing(installed, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(installed, broken)
    (broken / PACKAGE / "data" / "mnist" / "train-images-idx3-ubyte.gz").unlink()
    code = "from engine.data import load_dataset; load_dataset('mnist', 'embedded')"
    env = {**os.environ, "PYTHONPATH": str(broken), "LATENT_STUDIO_HOME": str(tmp_path / "home")}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env
    )
    assert out.returncode != 0
    assert "data/mnist" in out.stderr and "Reinstall" in out.stderr
