"""Benchmark (not a test): Draw page latency and cold start.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_draw_latency.py

Prints, for all shipped autoencoders of each dataset at once, the time from a
stroke segment to every reconstruction computed and shown (p50/p95 over 300
segments), then the cold start: a fresh interpreter importing the app, showing
the window and reaching a Draw page whose models are loaded. Targets: p95 ≤ 16 ms,
cold start ≤ 3 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LATENT_STUDIO_HOME", tempfile.mkdtemp(prefix="latent-bench-"))

COLD_START = """
import time; t0 = time.perf_counter()
import sys; sys.path.insert(0, {repo!r})
from PySide6.QtWidgets import QApplication
from desktop.app import create_application, open_settings, create_context
from desktop.main_window import MainWindow
app = create_application(["bench"])
settings = open_settings()
window = MainWindow(settings=settings); window.show(); app.processEvents()
shown = time.perf_counter() - t0
window.attach_context(create_context(settings)); window.show_page("draw"); app.processEvents()
page = window.page("draw")
ok = page.context.library.wait_for_loads(30000)
page.process_now()
ready = time.perf_counter() - t0
print(f"{{shown:.3f}} {{ready:.3f}} {{page.loaded_count()}} {{ok}}")
window.close()
"""


def latency() -> None:
    import numpy as np
    from PySide6.QtCore import QPointF, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from desktop.context import AppContext
    from desktop.model_library import ModelLibrary
    from desktop.pages.draw_page import DrawPage

    library = ModelLibrary()
    context = AppContext(
        library, QSettings(str(Path(os.environ["LATENT_STUDIO_HOME"]) / "s.ini"), QSettings.Format.IniFormat)
    )
    page = DrawPage(context)
    page.resize(1300, 850)
    page.show()
    library.wait_for_loads(30000)
    for index in range(page.dataset_combo.count()):
        page.dataset_combo.setCurrentIndex(index)
        library.wait_for_loads(30000)
        app.processEvents()
        page.set_noise(0.2, 0.1)  # the noise panel works too (denoiser + plain AE on 2 images)
        canvas = page.canvas
        canvas.clear()
        times = []
        rng = np.random.default_rng(0)
        point = QPointF(140, 140)
        canvas.begin_stroke(point)
        for i in range(320):
            if i % 40 == 0:
                canvas.end_stroke()
                point = QPointF(*rng.uniform(60, 220, 2))
                canvas.begin_stroke(point)
            point = QPointF(
                min(max(point.x() + rng.normal(0, 6), 20), 260), min(max(point.y() + rng.normal(0, 6), 20), 260)
            )
            start = time.perf_counter()
            canvas.continue_stroke(point)  # emits changed → the page schedules its update
            page.process_now()  # preprocess + every AE + noise panel + widgets updated
            app.processEvents()  # and painted
            times.append((time.perf_counter() - start) * 1000)
        canvas.end_stroke()
        times = np.array(times[20:])  # after warm-up
        names = ", ".join(s.entry.name.split(" · ")[0] for s in page.slots.values())
        print(f"{page.dataset_combo.currentText():14s} {len(page.slots)} autoencoders ({names})")
        print(
            f"  stroke → all reconstructions shown: p50 {np.percentile(times, 50):.1f} ms, "
            f"p95 {np.percentile(times, 95):.1f} ms, max {times.max():.1f} ms (target p95 ≤ 16 ms)"
        )
        compute = []
        for _ in range(200):
            start = time.perf_counter()
            page.process_now()
            compute.append(page.last_latency_ms)
        print(
            f"  compute only (preprocess + models): p50 {np.percentile(compute, 50):.1f} ms, "
            f"p95 {np.percentile(compute, 95):.1f} ms"
        )
    library.shutdown()


def cold_start(runs: int = 3) -> None:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD_START.format(repo=str(REPO))],
            capture_output=True,
            text=True,
            env=dict(os.environ, LATENT_STUDIO_HOME=tempfile.mkdtemp()),
        )
        line = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
        if not line:
            print("cold start failed:", out.stderr[-1500:])
            return
        shown, ready, count, ok = line.split()
        results.append((float(shown), float(ready)))
    shown = sorted(r[0] for r in results)[len(results) // 2]
    ready = sorted(r[1] for r in results)[len(results) // 2]
    print(
        f"cold start (median of {runs}): window shown {shown:.2f} s, Draw page usable with {count} models "
        f"loaded {ready:.2f} s (target ≤ 3 s)"
    )


if __name__ == "__main__":
    import torch

    print(f"torch {torch.__version__}, {os.cpu_count()} CPU cores, torch threads {torch.get_num_threads()}")
    latency()
    cold_start()
