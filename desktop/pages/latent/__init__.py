"""The parts of the Latent space page (:mod:`desktop.pages.latent_page`): its plot, its map controls,
and the work it runs on task threads."""
