"""Find the modes of the shipped DCGANs and store them in their checkpoints, with the truncation the Generate
page starts from (multi-modal truncation, :mod:`engine.sampling`); record the judge's figures in the manifest.

    .venv/bin/python assets/find_modes.py [--only mnist-dcgan ...] [--psi 0.7] [--threads 1]

Run it after ``make_dcgans.py ship``: new weights need new modes. The generator's weights do not change;
the checkpoint gains ``sampling.mode_centres`` and ``sampling.mode_images`` (float16) and a ``sampling``
record. The manifest entry's ``quality`` keeps the figures of plain sampling (z ~ N(0, I)) and gains
``truncated_samples``: the same figures, 2,000 samples, with the recommended truncation.
The lecture's dense GANs are left as the lecture samples them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gan_keeper import write_json  # noqa: E402  (assets/, beside this script)

from engine import sampling  # noqa: E402
from engine.checkpoint import load_checkpoint  # noqa: E402
from engine.checkpoint_file import read_file, write_file  # noqa: E402
from engine.data import DataConfig  # noqa: E402
from engine.judge import load_judge  # noqa: E402
from engine.quality import generator_quality, real_reference  # noqa: E402

MODELS_DIR = Path(__file__).resolve().parent / "models"  # this checkout's, never an installed copy
SHIPPED = ("mnist-dcgan", "fashion-dcgan")
SOURCES = {"mnist": "embedded", "fashion-mnist": "full"}  # as make_dcgans.py measures them
SAMPLES = 2000


def store_modes(path: Path, modes: sampling.Modes, record: dict) -> None:
    """Rewrite ``path`` with ``modes`` and the ``sampling`` record; its weights and other tensors as they were."""
    checked, tensors = read_file(path, header_only=False)
    assert tensors is not None
    tensors = {k: v for k, v in tensors.items() if not k.startswith("sampling.")}
    tensors.update({k: v.half().contiguous() for k, v in modes.tensors().items()})
    meta = checked.to_dict()
    meta["sampling"] = record
    write_file(path, tensors, meta)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", choices=SHIPPED, help="default: both shipped DCGANs")
    parser.add_argument("--psi", type=float, default=0.7, help="the share of each code's distance kept (default 0.7)")
    parser.add_argument("--clusters", type=int, default=sampling.DEFAULT_CLUSTERS)
    parser.add_argument("--codes", type=int, default=sampling.DEFAULT_FIT_CODES)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    manifest_path = MODELS_DIR / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    entries = {m["file"]: m for m in manifest["models"]}
    for key in args.only or SHIPPED:
        path = MODELS_DIR / f"{key}.safetensors"
        model = load_checkpoint(path).model
        start = time.perf_counter()
        modes = sampling.find_modes(model, clusters=args.clusters, codes=args.codes)
        seconds = time.perf_counter() - start
        truncation = sampling.Truncation("modes", args.psi)
        record = {
            **truncation.to_dict(),
            "modes": len(modes.centres),
            "codes": args.codes,
            "seed": sampling.FIT_SEED,
            "clustered_on": "the discriminator's features of the generator's images (k-means)",
            "command": f"python assets/find_modes.py --only {key} --psi {args.psi:g}",
        }
        store_modes(path, modes, record)
        model = load_checkpoint(path).model  # as the app will load it: float16 modes and all
        dataset = entries[path.name]["dataset"]
        data = DataConfig.from_source(dataset, SOURCES[dataset], allow_download=False).load()
        judge = load_judge(dataset)
        reference = real_reference(judge, data)
        figures = generator_quality(model, judge, reference, n=SAMPLES, truncation=truncation).to_dict()
        figures.pop("seconds", None)
        entry = entries[path.name]
        entry["sampling"] = {**record, "seconds_to_find": round(seconds, 1)}
        entry.setdefault("quality", {})["truncated_samples"] = {**figures, "truncation": truncation.to_dict()}
        entry["bytes"] = path.stat().st_size
        entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        print(json.dumps({"file": path.name, "sampling": entry["sampling"], **figures}), flush=True)
    write_json(manifest_path, manifest)


if __name__ == "__main__":
    main()
