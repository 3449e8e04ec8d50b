"""Latent Studio's shipped files, installed as the package ``latent_studio_assets``.

``pyproject.toml`` maps this folder to that import package so that the wheel,
an editable install and the PyInstaller bundle all carry it; the engine finds
it with ``importlib.resources`` (see ``engine/paths.py``). It holds data, not
code: the ``make_*.py`` scripts beside it regenerate the data from a checkout.
"""
