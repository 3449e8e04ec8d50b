"""`latent-studio --install-menu-entry`: the shipped launcher lands in the desktop's menu, pointed at the app."""

from __future__ import annotations

import configparser
import os
import shlex
import subprocess
import sys
from pathlib import Path

from desktop import menu_entry


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry_points_at_the_given_program_and_brings_its_icons(tmp_path):
    program = tmp_path / "My Apps" / "LatentStudio" / "latent-studio"
    written = menu_entry.install([str(program)], home=tmp_path / "share")
    entry = _entry(tmp_path / "share" / "applications" / "latent-studio.desktop")
    assert shlex.split(entry["Exec"]) == [str(program)] and entry["TryExec"] == str(program)
    assert entry["Icon"] == "latent-studio" and entry["Name"] == "Latent Studio" and entry["Type"] == "Application"
    icon = tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "latent-studio.png"
    assert icon in written and icon.read_bytes()[:4] == b"\x89PNG"
    removed = menu_entry.uninstall(home=tmp_path / "share")
    assert set(removed) == set(written) and not any(p.exists() for p in written)


def test_the_app_command_installs_an_entry_that_runs_this_install(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-m", "desktop.app", "--install-menu-entry"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    command = shlex.split(_entry(tmp_path / "applications" / "latent-studio.desktop")["Exec"])
    assert Path(command[0]).is_file() and os.access(command[0], os.X_OK)
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60, env=env)
    assert version.stdout.startswith("latent-studio ")
