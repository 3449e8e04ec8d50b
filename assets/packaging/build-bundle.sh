#!/usr/bin/env bash
# Build Latent Studio's one-folder bundle: dist/LatentStudio/latent-studio (the app; `--cli …` for the
# CLI) and dist/LatentStudio/latent-studio-cli, runnable on a Linux machine without Python, offline.
#
#   assets/packaging/build-bundle.sh            # from a clean checkout: makes .venv if needed
#   PYTHON=/path/to/python assets/packaging/build-bundle.sh
#
# It builds from the CPU wheel of torch (.ci/constraints-cpu.txt): a CUDA torch would put gigabytes of
# CUDA libraries in the bundle, so it is refused. Takes a few minutes; build/ and dist/ are git-ignored.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-.venv/bin/python}
if [ ! -x "$PYTHON" ]; then
    python3 -m venv .venv
    PYTHON=.venv/bin/python
fi
if ! "$PYTHON" -c "import PyInstaller, engine, desktop, latent_studio_assets" 2>/dev/null; then
    "$PYTHON" -m pip install -q -c .ci/constraints-cpu.txt -e '.[bundle]'
fi
"$PYTHON" - <<'PY'
import sys
import torch
if torch.version.cuda:
    sys.exit(f"error: torch {torch.__version__} is a CUDA build; the bundle is built from the CPU wheel "
             "(pip install -c .ci/constraints-cpu.txt -e '.[bundle]' in a fresh .venv)")
PY

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller assets/packaging/latent-studio.spec

du -sh dist/LatentStudio
dist/LatentStudio/latent-studio-cli --version
echo "Run it: dist/LatentStudio/latent-studio   (menu entry: assets/packaging/install-menu-entry.sh --bundle)"
