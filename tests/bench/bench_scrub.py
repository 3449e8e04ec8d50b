"""Benchmark (not a test): scrubbing a 50-epoch history on the Train page's run view.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_scrub.py [--epochs 50] [--steps 200]

A history is synthesised through the engine's own API (``RunHistory.record``
of real events: 4 snapshots per epoch plus each epoch's end, a map of 200
codes, one logged step per training step), shown in a 1280×720 window the way
the Train page shows a reviewed run, then scrubbed one snapshot at a time,
backwards and forwards, for an autoencoder (grid + map + curve marker), the
sparse autoencoder (+ unit bars), the VAE (+ its two terms) and the GAN.
Each step is timed from the slider's move to the repainted window (wall
clock, and the GUI thread's own CPU time, which a busy machine inflates
less). Target: ≤ 30 ms per step. Printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LATENT_STUDIO_HOME", tempfile.mkdtemp(prefix="latent-bench-"))

TARGET_MS = 30.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=50)
    parser.add_argument("--steps", type=int, default=200, help="training steps per epoch (each one logged)")
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QSplitter, QVBoxLayout, QWidget
    from synthetic_history import synthetic_history

    from desktop.pages.train.history_panel import HistoryPanel, fill_plot
    from desktop.widgets.loss_plot import LossPlot

    app = QApplication.instance() or QApplication([])
    print(
        f"Scrubbing a {args.epochs}-epoch history, {args.steps} logged steps per epoch "
        f"(target ≤ {TARGET_MS:.0f} ms per step; {os.environ['QT_QPA_PLATFORM']} platform)"
    )
    worst = 0.0
    for family in ("stacked", "sparse", "vae", "gan"):
        history = synthetic_history(family, epochs=args.epochs, steps_per_epoch=args.steps)
        window = QWidget()
        plot = LossPlot()
        panel = HistoryPanel(plot)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(plot)
        split.addWidget(panel)
        QVBoxLayout(window).addWidget(split)
        window.resize(880, 640)  # the Train page's right side at 1280×720
        window.show()
        plot.configure(("loss_d", "loss_g") if family == "gan" else ("loss",))
        started = time.perf_counter()
        fill_plot(plot, history)
        panel.show_history(history, family, "mnist")
        if family == "sparse":
            panel.tabs.setCurrentIndex(panel.units_tab)
        elif family == "vae":
            panel.tabs.setCurrentIndex(panel.terms_tab)
        else:
            panel.tabs.setCurrentIndex(panel.map_tab)
        app.processEvents()
        opened = time.perf_counter() - started
        times, cpu = [], []
        order = list(range(len(history) - 1, -1, -1)) + list(range(len(history)))
        for index in order:
            t0, c0 = time.perf_counter(), time.thread_time()
            panel.scrubber.slider.setValue(index)
            window.repaint()  # the whole window, now: what a person sees after the step
            app.processEvents()
            times.append(1000 * (time.perf_counter() - t0))
            cpu.append(1000 * (time.thread_time() - c0))
        times.sort()
        p50, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
        worst = max(worst, p95)
        print(
            f"  {family:8s} {len(history):4d} snapshots, {history.nbytes / 1e6:5.2f} MB: "
            f"opened in {1000 * opened:6.1f} ms; "
            f"per step p50 {p50:5.1f} ms, p95 {p95:5.1f} ms, max {times[-1]:5.1f} ms "
            f"(GUI thread's CPU: p50 {statistics.median(cpu):5.1f} ms)"
        )
        window.close()
    verdict = "within" if worst <= TARGET_MS else "OVER"
    print(f"Worst p95 {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
