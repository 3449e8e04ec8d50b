"""The Draw page: draw (or load) a digit and watch every autoencoder rebuild it, live.

- :mod:`.page`: the page itself and its per-stroke update;
- :mod:`.opening`: opening an image file (dialog, drop) on a task thread;
- :mod:`.noise_models`: which denoiser and which plain autoencoder the noise panel compares;
- :mod:`.banner`: the message that floats over the tiles.
"""

from desktop.pages.draw.opening import OpenedImage, decode_image_file
from desktop.pages.draw.page import DrawPage

__all__ = ["DrawPage", "OpenedImage", "decode_image_file"]
