"""Latent Studio's engine: datasets, models, trainers, checkpoints and a CLI.

Everything the application computes lives here, with torch and numpy only;
nothing in this package imports Qt (a test checks it in a fresh interpreter).
"""

import os

# numpy's OpenBLAS keeps a worker thread spinning for ~0.1 s after each threaded call (an SVD, a matrix
# product), and on a 2-core laptop that is the core torch's training needs (it cost a 2-thread run 24 %:
# tests/bench/bench_engine_speed.py). One BLAS thread, unless the user asked for more; set before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"  # the distribution's version too (pyproject.toml reads it from here)
