"""Latent Studio's Qt application: it shows what the engine computes."""

# The engine package sets OPENBLAS_NUM_THREADS=1 (unless the user chose otherwise) before numpy loads;
# importing it first gives the app the same one BLAS thread, whichever module imports numpy next.
import engine  # noqa: F401
