"""Stage the time machine's screenshots: a scrubbed run, the compare plot, the sparse and VAE views.

Run under the screenshot tool at 1280×720, one view at a time, e.g.::

    ../shared/tools/screenshot -g 1280x720 -n 3 -s 30 /tmp/scrub -- \\
        .venv/bin/python assets/screenshots/make_history_screenshots.py --view scrub

The app runs in a throw-away data folder; ``scrub``, ``sparse`` and ``vae``
train a short run on the embedded data, reopen it from the Models page and
scrub it back to an early epoch; ``compare`` overlays shipped runs. The script
prints READY when the view is staged (take the screenshot after that).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

VIEWS = {  # view → (family, dataset, epochs, steps per epoch, epoch to scrub back to)
    "scrub": ("stacked", "mnist", 6, 60, 2),
    "sparse": ("sparse", "mnist", 5, 60, 3),
    "vae": ("vae", "mnist", 5, 40, 3),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--view", choices=(*VIEWS, "compare"), required=True)
    args = parser.parse_args(argv)
    os.environ["LATENT_STUDIO_HOME"] = tempfile.mkdtemp(prefix="latent-studio-screens-")

    from PySide6.QtCore import QTimer

    from desktop.app import create_application, create_context, open_settings
    from desktop.main_window import MainWindow

    app = create_application([sys.argv[0]])
    window = MainWindow(create_context(open_settings()))
    window.setGeometry(0, 0, 1280, 720)
    window.show()

    def compare() -> None:
        models = window.page("models")
        window.show_page("models")
        names = ("mnist-stacked", "mnist-denoising-gaussian", "mnist-sparse")
        paths = [str((ROOT / "assets" / "models" / f"{n}.safetensors").resolve()) for n in names]
        rows = [r for r in range(models.table.rowCount()) if models.table.item(r, 0).data(256) in paths]
        models.table.clearSelection()
        selection = models.table.selectionModel()
        for row in rows:
            selection.select(
                models.table.model().index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            )
        dialog = models.run_actions.compare_selected()
        dialog.setGeometry(140, 50, 1000, 620)
        print("READY", flush=True)

    def train() -> None:
        family, dataset, epochs, steps, back_to = VIEWS[args.view]
        page = window.page("train")
        window.show_page("train")
        panel = page.settings_panel
        panel.set_family(family)
        panel.dataset_combo.setCurrentIndex(panel.dataset_combo.findData(dataset))
        for i in range(panel.source_combo.count()):
            if panel.source_combo.itemData(i).source == "embedded":
                panel.source_combo.setCurrentIndex(i)
        panel.epochs.setValue(epochs)
        panel.max_steps.setValue(steps)

        def reopen() -> None:
            models = window.page("models")
            window.show_page("models")
            models.select_path(page.last_checkpoint)
            models.run_actions.open_selected()
            page.wait_for_run()
            history = page.history_panel
            target = next(i for i, s in enumerate(history.history.snapshots) if s.epoch == back_to and s.epoch_end)
            history.scrubber.set_index(target)
            tab = {"scrub": history.map_tab, "sparse": history.units_tab, "vae": history.terms_tab}[args.view]
            history.tabs.setCurrentIndex(tab)
            print("READY", flush=True)

        page.runner.finished.connect(lambda: QTimer.singleShot(300, reopen))
        page.start_run()

    QTimer.singleShot(500, compare if args.view == "compare" else train)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
