"""Print the README's table of shipped models from assets/models/manifest.json.

    .venv/bin/python assets/model_table.py [--manifest assets/models/manifest.json]

One row per shipped model: its data, epochs (the best one for a generator), wall time, and what the
judge (assets/models/judge/) makes of it — for an autoencoder the judge's accuracy on its
reconstructions of the validation set beside its accuracy on the originals (and, for MNIST, the share
it keeps of what the judge reads on non-MNIST digits: tests/data/real_digits/), for a generator or a
VAE the judge-FID of 2,000 samples beside the real-vs-real baseline, the class entropy and the share of
confident samples beside the real images' — and, for a generator whose codes the Generate page pulls toward
its modes (assets/find_modes.py), the same three figures with that truncation after "modes ψ".
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

MANIFEST = Path(__file__).resolve().parent / "models" / "manifest.json"
COLUMNS = (
    "model",
    "data",
    "epochs",
    "wall time",
    "judge accuracy: reconstructions (originals)",
    "non-MNIST digits kept",
    "judge-FID (real vs real)",
    "class entropy",
    "confident share (real)",
)


def _data(entry: dict) -> str:
    description = entry.get("source_description") or entry.get("source", "")
    if entry.get("source") == "embedded":
        return "embedded subset, 3,600 digits" if entry["dataset"] == "mnist" else "embedded subset"
    if entry.get("source") == "full":
        return "full, 55,000 images"
    return description


def _epochs(entry: dict) -> str:
    run = entry.get("epochs_run")
    best = entry.get("best_epoch")
    if run and best:
        return f"{run} (best {best})"
    return str(entry.get("epochs", "—"))


def _wall(seconds: float | None) -> str:
    if not seconds:
        return "—"
    if seconds < 120:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


def _samples(quality: dict) -> dict | None:
    """The sample figures: nested under "samples" (evaluate's JSON) or flat (make_dcgans.py's)."""
    if isinstance(quality.get("samples"), dict):
        return quality["samples"]
    if "judge_fid" in quality:
        return quality
    return None


def row(entry: dict) -> list[str]:
    quality = entry.get("quality") or {}
    recon = quality.get("reconstructions")
    samples = _samples(quality)
    digits = entry.get("real_digits")
    cells = [
        f"`{Path(entry['file']).stem}`",
        _data(entry),
        _epochs(entry),
        _wall(entry.get("train_seconds")),
        f"{recon['accuracy_reconstructions']:.1%} ({recon['accuracy_originals']:.1%})" if recon else "—",
        f"{digits['overall']['kept']:.1%}" if digits else "—",
        f"{samples['judge_fid']:.1f} ({samples['real_baseline_fid']:.2f})" if samples else "—",
        f"{samples['entropy']:.3f}" if samples else "—",
        f"{samples['confident_share']:.2f} ({samples['real_confident_share']:.2f})" if samples else "—",
    ]
    truncated = quality.get("truncated_samples")
    if isinstance(truncated, dict):  # the sampling the Generate page starts with, after the plain figures
        label = f"; modes ψ {truncated['truncation']['psi']:g}: "
        cells[-3] += label + f"{truncated['judge_fid']:.1f}"
        cells[-2] += label + f"{truncated['entropy']:.3f}"
        cells[-1] += label + f"{truncated['confident_share']:.2f}"
    return cells


def table(manifest: dict) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(row(entry)) + " |" for entry in manifest["models"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args(argv)
    print(table(json.loads(args.manifest.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
