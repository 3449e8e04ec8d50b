"""Latent Studio's Qt application: it shows what the engine computes."""
