"""Do the MNIST autoencoders keep digits that are not MNIST recognisable? (issue 14, point 4)

    .venv/bin/python assets/measure_real_digits.py [--models-dir assets/models] [--json]

For every MNIST autoencoder in ``--models-dir`` (the shipped ones by default; a
staging folder of freshly trained ones works too), on the digit pictures of
``tests/data/real_digits/`` (typed in 16 fonts, drawn with a mouse, photographed
on paper; made by ``tests/data/make_real_digits.py``), each put through the Draw
page's steps for an opened picture:

- the shipped judge's accuracy on the inputs and on the model's reconstructions,
  and *kept* = their ratio, per kind of picture and overall (issue 14's bar:
  every model keeps at least 90 %);
- for comparison, the same on real MNIST (the embedded test file, 1,000 digits
  no model or judge trained on), and the model's reconstruction BCE there, as
  ``python -m engine evaluate`` computes it (``evaluate_autoencoder``), so a
  model trained with augmentation shows what it costs on MNIST itself.

Prints a Markdown table for the README (or JSON with ``--json``); the exit
status is 1 when a model keeps less than 90 %.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.checkpoint import load_checkpoint  # noqa: E402
from engine.data import load_dataset  # noqa: E402
from engine.fsutil import atomic_write_bytes  # noqa: E402
from engine.judge import load_judge  # noqa: E402
from engine.judge_kept import KEPT_BAR, judge_kept, judge_reads, load_labelled_folder, mnist_autoencoders  # noqa: E402
from engine.quality import reconstruction_quality  # noqa: E402
from engine.train import evaluate_autoencoder  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODELS = ROOT / "assets" / "models"
DEFAULT_DIGITS = ROOT / "tests" / "data" / "real_digits"
KINDS = ("font", "stroke", "photo")


def measure(models_dir: Path = DEFAULT_MODELS, digits_dir: Path = DEFAULT_DIGITS) -> dict:
    """Every figure of the table, as a JSON-ready dict."""
    judge = load_judge("mnist")
    digits = load_labelled_folder(digits_dir)
    read_originals = judge_reads(judge, digits.inputs)
    mnist = load_dataset("mnist", "embedded", allow_download=False)
    test = mnist.test
    rows = []
    for path in mnist_autoencoders(models_dir):
        checkpoint = load_checkpoint(path)
        model = checkpoint.model
        torch.manual_seed(0)
        report = judge_kept(model, judge, digits, read_originals)
        on_mnist = reconstruction_quality(model, judge, test.images, test.labels)
        rows.append(
            {
                "file": path.name,
                "name": checkpoint.meta.get("name", path.stem),
                "family": checkpoint.meta["family"],
                "epochs": checkpoint.meta.get("epochs_completed"),
                "train_images": (checkpoint.meta.get("dataset") or {}).get("train_size"),
                "augmented": bool((checkpoint.meta.get("train_config") or {}).get("augment")),
                "real_digits": report.to_dict(),
                "misread": [{"file": f, "label": label, "read": read} for f, label, read in report.misread],
                "mnist_test": {
                    "images": len(test),
                    "bce": round(evaluate_autoencoder(model, test.images)["bce"], 4),
                    **{k: round(v, 4) for k, v in on_mnist.to_dict().items() if k != "images"},
                },
                "passes": report.overall.kept >= KEPT_BAR,
            }
        )
    by_kind = {k: int((digits.kinds == k).sum()) for k in KINDS}
    return {
        "models_dir": str(models_dir),
        "digits_dir": str(digits_dir),
        "images": len(digits),
        "images_by_kind": by_kind,
        "judge": {"dataset": judge.dataset, "test_accuracy": judge.meta.get("test_accuracy")},
        "judge_accuracy_on_originals": round(float((read_originals == digits.labels).mean()), 4),
        "bar": KEPT_BAR,
        "models": rows,
    }


def table(result: dict) -> str:
    """A Markdown table for the README."""
    lines = [
        f"Judge's accuracy on the {result['images']} non-MNIST digits as models get them: "
        f"{100 * result['judge_accuracy_on_originals']:.1f} % "
        f"({', '.join(f'{n} {k}' for k, n in result['images_by_kind'].items())}).",
        "",
        "| Model | Training | Kept: all | font | stroke | photo | Judge, recons | MNIST: kept | MNIST BCE |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in result["models"]:
        digits = row["real_digits"]
        kinds = [digits["by_kind"].get(k, {}).get("kept", float("nan")) for k in KINDS]
        mark = "" if row["passes"] else " ✗"
        lines.append(
            f"| {row['name']} | {_training(row)} | {_pct(digits['overall']['kept'])}{mark} | "
            + " | ".join(_pct(v) for v in kinds)
            + f" | {_pct(digits['overall']['accuracy_reconstructions'])}"
            f" | {_pct(row['mnist_test']['kept'])} | {row['mnist_test']['bce']:.4f} |"
        )
    lines += [
        "",
        f"Kept = the judge's accuracy on a model's reconstructions ÷ on its inputs (bar: {100 * result['bar']:.0f} %; "
        "✗ = below); font, stroke, photo: the same per kind of picture. Judge, recons: the judge's accuracy on the "
        "reconstructions. MNIST: the same kept ratio and the reconstruction BCE on the embedded MNIST test file "
        "(1,000 digits).",
        f"Command: .venv/bin/python assets/measure_real_digits.py --models-dir {_shown(result['models_dir'])}",
    ]
    return "\n".join(lines)


def _training(row: dict) -> str:
    images = f"{row['train_images']:,} images" if row["train_images"] else "?"
    return f"{images}, {row['epochs']} epochs" + (", augmented" if row["augmented"] else "")


def _pct(value: float) -> str:
    return "—" if value is None or np.isnan(value) else f"{100 * value:.1f} %"


def _shown(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return path


def update_manifest(manifest_path: Path, result: dict) -> None:
    """Each measured model's figures into its manifest entry ("real_digits", "mnist_test"), atomically."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    rows = {row["file"]: row for row in result["models"]}
    for entry in manifest["models"]:
        row = rows.get(entry["file"])
        if row is not None:
            entry["real_digits"] = {
                "set": "tests/data/real_digits",
                "images": result["images"],
                "judge_accuracy_on_originals": result["judge_accuracy_on_originals"],
                **row["real_digits"],
            }
            entry["mnist_test"] = row["mnist_test"]
    atomic_write_bytes(manifest_path, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models-dir", type=Path, default=DEFAULT_MODELS, help="default: %(default)s")
    parser.add_argument("--digits-dir", type=Path, default=DEFAULT_DIGITS, help="default: %(default)s")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--update-manifest",
        action="store_true",
        help="also write each model's figures into the folder's manifest.json (assets/model_table.py shows them)",
    )
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    if not mnist_autoencoders(args.models_dir):
        print(f"no MNIST autoencoder in {args.models_dir}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    result = measure(args.models_dir, args.digits_dir)
    result["seconds"] = round(time.perf_counter() - start, 1)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else table(result))
    if args.update_manifest:
        update_manifest(args.models_dir / "manifest.json", result)
    return 0 if all(row["passes"] for row in result["models"]) else 1


if __name__ == "__main__":
    sys.exit(main())
