"""The bundle's entry point (PyInstaller runs this file as ``__main__``).

- ``latent-studio`` starts the app (``--version``, ``--startup-time`` as with the pip-installed app);
- ``latent-studio --cli COMMAND …``, or the ``latent-studio-cli`` executable beside it, runs the
  headless CLI without loading Qt.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path


def main() -> int:
    multiprocessing.freeze_support()  # a frozen app must let worker processes start as workers
    argv = sys.argv[1:]
    if Path(sys.argv[0]).name.startswith("latent-studio-cli") or argv[:1] == ["--cli"]:
        from engine.cli import main as cli_main

        return cli_main(argv[1:] if argv[:1] == ["--cli"] else argv)
    from desktop.app import main as app_main

    return app_main(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
