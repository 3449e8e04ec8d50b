"""Show one page of Latent Studio, in one language, as the README's screenshots show it.

Run under the screenshot tool, one page and one language at a time (1280×800, the
size the layouts are checked at)::

    ../shared/tools/screenshot -g 1280x800 -n 3 -s 5 /tmp/fr-train -- \\
        .venv/bin/python assets/screenshots/make_screenshots.py --language fr --page train

The app runs in a throw-away data folder (your settings and models are not
touched); the Draw page gets a drawing, the Train page a run in progress.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PAGES = ("draw", "train", "generate", "latent", "models")

# A "2" drawn in three strokes, in canvas pixels (the canvas is 280×280).
DRAWING = [
    [(80, 95), (100, 70), (135, 58), (170, 65), (192, 90), (190, 125), (165, 160), (130, 192), (95, 218)],
    [(95, 218), (140, 214), (185, 212), (210, 214)],
]


def draw_digit(page) -> None:
    from PySide6.QtCore import QPointF

    canvas = page.canvas
    for stroke in DRAWING:
        canvas.begin_stroke(QPointF(*stroke[0]))
        for a, b in zip(stroke, stroke[1:]):
            for t in (0.25, 0.5, 0.75, 1.0):  # short segments: a smooth stroke, like the mouse's
                canvas.continue_stroke(QPointF(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
        canvas.end_stroke()


def show_latent_map(page, kind: str) -> None:
    """The MNIST VAE's map by PCA or t-SNE (computed, with its progress, as a user would see it), or the
    2-d VAE's plane with its decoded manifold; a point hovered near the middle of the map."""
    combo = page.bar.method_combo
    if kind == "plane":
        entry = next((e for e in page.library.entries() if e.path.stem == "mnist-vae2d"), None)
        if entry is not None:
            page.select_model(entry.path)
    elif combo.findData(kind) >= 0:
        combo.setCurrentIndex(combo.findData(kind))

    def hover() -> None:
        if page.map is not None:
            x, y = page.map.coords[len(page.map.coords) // 3]
            page.hover(float(x), float(y))
            page.show_point(len(page.map.coords) // 3)

    page.map_ready.connect(hover)
    hover()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=("en", "fr"), required=True)
    parser.add_argument("--page", choices=PAGES, required=True)
    parser.add_argument("--family", default="gan", help="the model the Train page trains (default: the GAN)")
    parser.add_argument(
        "--generator", help="the model the Generate page samples, by file name without suffix (e.g. mnist-dcgan)"
    )
    parser.add_argument(
        "--class-code", type=int, help="the Generate page draws only this class code (1 to K; a DCGAN with codes)"
    )
    parser.add_argument("--model", help="the model the Models page selects, by file name without suffix")
    parser.add_argument("--size", default="1280x800", help="the window's size, e.g. 1280x720 (a laptop)")
    parser.add_argument(
        "--latent-map",
        choices=("pca", "tsne", "plane"),
        default="pca",
        help="what the Latent space page shows: the MNIST VAE by PCA or t-SNE, or the 2-d VAE's plane",
    )
    parser.add_argument(
        "--side-bar",
        choices=("auto", "wide", "compact"),
        default="auto",
        help="the side bar with the pages' titles (wide), icons only (compact), or as the app chooses by the screen",
    )
    args = parser.parse_args(argv)
    os.environ["LATENT_STUDIO_HOME"] = tempfile.mkdtemp(prefix="latent-studio-screens-")

    from PySide6.QtCore import QTimer

    from desktop.app import create_application, create_context, open_settings
    from desktop.i18n import SETTING, install_from_settings
    from desktop.main_window import MainWindow

    app = create_application([sys.argv[0]])
    settings = open_settings()
    settings.setValue(SETTING, args.language)
    install_from_settings(settings, app)
    if args.side_bar != "auto":
        settings.setValue("window/compact_side_bar", args.side_bar == "compact")
    window = MainWindow(create_context(settings))
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.setGeometry(0, 0, width, height)
    window.show()
    window.show_page(args.page)
    page = window.page(args.page)

    def scenario() -> None:
        if args.page == "draw":
            draw_digit(page)
        elif args.page == "train":
            page.settings_panel.set_family(args.family)
            page.start_run()
        elif args.page == "generate":  # two picks: the interpolation strip
            if args.generator:
                combo = page.model_combo
                matches = [i for i in range(combo.count()) if Path(combo.itemData(i)).stem == args.generator]
                if not matches:
                    raise SystemExit(f"no generator named {args.generator!r} on the Generate page")
                combo.setCurrentIndex(matches[0])
            if args.class_code:  # once the generator is loaded (its codes are offered then)
                QTimer.singleShot(2000, lambda: page.class_code_box.set_code_class(args.class_code - 1))
            QTimer.singleShot(2500, lambda: (page.pick(3), page.pick(10)))
        elif args.page == "latent":
            show_latent_map(page, args.latent_map)
        elif args.page == "models" and args.model:
            paths = [e.path for e in window.context.library.entries() if Path(e.path).stem == args.model]
            if not paths or not page.select_path(paths[0]):
                raise SystemExit(f"no model named {args.model!r} on the Models page")

    QTimer.singleShot(500, scenario)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
