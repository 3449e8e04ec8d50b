"""engine/ never loads Qt: importing everything it has, in a fresh interpreter, leaves no Qt module."""

import subprocess
import sys


def test_engine_imports_no_qt():
    code = (
        "import sys, engine, engine.cli, engine.data, engine.models, engine.train, engine.checkpoint\n"
        "import engine.imageio, engine.preprocess, engine.latent_map, engine.image_metrics\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6', 'pyqtgraph')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
