"""Latent Studio's engine: datasets, models, trainers, checkpoints and a CLI.

Everything the application computes lives here, with torch and numpy only;
nothing in this package imports Qt (a test checks it in a fresh interpreter).
"""

__version__ = "0.1.0"  # the distribution's version too (pyproject.toml reads it from here)
