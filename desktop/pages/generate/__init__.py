"""The Generate page's parts: the interpolation strip and the latent sliders (the page is ``generate_page``)."""
