"""Put Latent Studio in the Linux desktop's menu, with its icon: ``latent-studio --install-menu-entry``.

The launcher (``assets/latent-studio.desktop``) and the icons are shipped with
the app, so the same command works from a pip install and from the
PyInstaller bundle; the launcher's ``Exec`` is pointed at the program that
ran the command (the bundle's executable, or the pip entry point). Files go
where the freedesktop.org specifications say (``$XDG_DATA_HOME``, by default
``~/.local/share``): ``applications/latent-studio.desktop`` and
``icons/hicolor/<size>/apps/latent-studio.png``. No Qt here: it runs before
any window.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from engine.paths import require_asset

DESKTOP_FILE = "latent-studio.desktop"
ICON_NAME = "latent-studio"
ICONS = {
    "32x32": "latent-studio-32.png",
    "64x64": "latent-studio-64.png",
    "128x128": "latent-studio-128.png",
    "256x256": "latent-studio.png",
    "scalable": "latent-studio.svg",
}


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launch_command(argv0: str | None = None) -> list[str]:
    """The command the menu entry runs: the bundle's executable, the ``latent-studio`` entry point
    that ran us (or the one on PATH), else this Python with ``-m desktop.app``."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    program = Path(argv0 or sys.argv[0])
    if program.name.startswith("latent-studio") and program.is_file():
        return [str(program.absolute())]
    found = shutil.which("latent-studio")
    return [found] if found else [str(Path(sys.executable).absolute()), "-m", "desktop.app"]


def _exec_line(command: list[str]) -> str:
    """A desktop-entry Exec value: arguments with spaces or quotes in double quotes, per the spec."""

    def quote(arg: str) -> str:
        if not any(c in arg for c in " \t\"'\\$`"):
            return arg
        return '"' + arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$") + '"'

    return " ".join(quote(a) for a in command)


def desktop_entry(command: list[str]) -> str:
    """The shipped launcher with its Exec (and TryExec) pointed at ``command``."""
    lines = []
    for line in require_asset(DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("TryExec="):
            continue
        if line.startswith("Exec="):
            lines.append(f"Exec={_exec_line(command)}")
            lines.append(f"TryExec={command[0]}")
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(command: list[str] | None = None, home: Path | None = None) -> list[Path]:
    """Write the menu entry and its icons; return the files written."""
    from engine.fsutil import atomic_write_bytes

    home = home or data_home()
    command = command or launch_command()
    written = []
    for size, name in ICONS.items():
        suffix = Path(name).suffix
        target = home / "icons" / "hicolor" / size / "apps" / f"{ICON_NAME}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, require_asset("icons", name).read_bytes())
        written.append(target)
    entry = home / "applications" / DESKTOP_FILE
    entry.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(entry, desktop_entry(command).encode("utf-8"))
    written.append(entry)
    _refresh_caches(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; return the files removed."""
    home = home or data_home()
    targets = [home / "applications" / DESKTOP_FILE]
    targets += [
        home / "icons" / "hicolor" / size / "apps" / f"{ICON_NAME}{Path(n).suffix}" for size, n in ICONS.items()
    ]
    removed = [t for t in targets if t.is_file()]
    for target in removed:
        target.unlink()
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Ask the desktop to notice (best effort: the tools are optional)."""
    for tool, folder in (
        ("update-desktop-database", home / "applications"),
        ("gtk-update-icon-cache", home / "icons" / "hicolor"),
    ):
        if shutil.which(tool) and folder.is_dir():
            subprocess.run(
                [tool, "-q", str(folder)] if tool == "gtk-update-icon-cache" else [tool, str(folder)],
                capture_output=True,
                check=False,
                timeout=30,
            )


def main(argv: list[str]) -> int:
    """``--install-menu-entry`` / ``--uninstall-menu-entry`` of the ``latent-studio`` command."""
    try:
        if "--uninstall-menu-entry" in argv:
            removed = uninstall()
            print("removed " + ", ".join(map(str, removed)) if removed else "no menu entry was installed")
            return 0
        written = install()
    except OSError as exc:
        print(f"error: cannot install the menu entry: {exc}", file=sys.stderr)
        return 1
    print(f"menu entry {written[-1]} runs: {shlex.join(launch_command())}")
    return 0
