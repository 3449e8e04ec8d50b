"""Make a DCGAN whose class code k is the dataset's class k, to go on training as a conditional GAN
(``code_source`` "labels", AC-GAN) from what a trained DCGAN has learned.

- A DCGAN with learned codes (InfoGAN): the judge reads samples of every code; the codes are matched
  one-to-one to the classes it reads most (the Hungarian assignment on the code × class counts), and G's
  code weights and Q's outputs are reordered so.
- A DCGAN without codes (the lecture's): it gets one code input per class, whose weights start at zero
  (so it first draws exactly as before), and a new Q head, first fitted alone to name the training
  images' classes from the frozen discriminator's features, so that training does not start with Q
  guessing. Then, the rest of the model frozen, the code inputs alone learn to make Q read class k in
  what code k draws (the judge, which took no part, says how often it agrees), so that training starts
  from a generator that already draws the class asked.

The copy keeps every other tensor, drops stored modes (they belong to the old codes) and writes its
record beside it, with the chain of earlier phases, for ``make_dcgans.py train --resume``.

    .venv/bin/python assets/codes_to_classes.py /work/gan-info-p3c/mnist-dcgan.safetensors mnist --out /work/gan-ac0
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.checkpoint import load_checkpoint  # noqa: E402
from engine.checkpoint_file import read_file, write_file  # noqa: E402
from engine.judge import load_judge  # noqa: E402
from engine.models.config import ModelConfig  # noqa: E402
from engine.models.gan import DCGAN  # noqa: E402
from engine.quality import code_readings  # noqa: E402
from engine.sampling import draw_codes  # noqa: E402


def code_class_counts(model, judge, per_code: int = 500) -> np.ndarray:
    """(K codes, C classes): the share of each code's samples the judge reads as each class."""
    return np.array([reading.histogram for reading in code_readings(model, judge, n=per_code)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkpoint")
    parser.add_argument("dataset", choices=["mnist", "fashion-mnist"])
    parser.add_argument("--out", required=True)
    parser.add_argument(
        "--code-init",
        default="fit",
        help="a DCGAN without codes: 'fit' (the code inputs learn until Q reads the class asked) or 'shift:S' "
        "(code k moves G's first layer S times from the mean to the mean of what Q reads as class k)",
    )
    args = parser.parse_args()
    src, out = Path(args.checkpoint), Path(args.out)
    torch.manual_seed(0)  # a new Q's initial weights: the same copy each time
    model = load_checkpoint(src).model
    judge = load_judge(args.dataset)
    record, tensors = read_file(src, False)
    meta = dict(record.raw)
    if not model.categorical_codes:
        grow(model, tensors, meta, judge.net.head.out_features)
        accuracy = fit_q(tensors, meta, args.dataset)
        agreement = fit_code_inputs(tensors, meta, judge, args.code_init)
        note = {
            "grown_from_plain": True,
            "classes": judge.net.head.out_features,
            "q_accuracy": accuracy,
            "judge_agreement": agreement,
        }
        save(out, src, tensors, meta, note)
        return
    if model.categorical_codes != judge.net.head.out_features:
        raise SystemExit(
            f"the model has {model.categorical_codes} codes, the judge {judge.net.head.out_features} classes"
        )
    counts = code_class_counts(model, judge)
    codes, classes = linear_sum_assignment(-counts)
    order = np.empty_like(codes)
    order[classes] = codes  # new code c is old code order[c]
    purity = counts[codes, classes].sum() / counts.sum()
    print("old code → class:", dict(zip(codes.tolist(), classes.tolist(), strict=True)), f"purity {purity:.3f}")
    z = model.coding_size
    weight = tensors["generator.0.weight"].clone()
    weight[:, z:] = weight[:, z:][:, torch.from_numpy(order)]
    tensors["generator.0.weight"] = weight
    for name in ("q_head.2.weight", "q_head.2.bias"):
        tensors[name] = tensors[name][torch.from_numpy(order)].clone()
    meta["model_config"] = {**meta["model_config"], "code_source": "labels"}
    save(out, src, tensors, meta, {"old_code_of_class": order.tolist(), "purity": round(float(purity), 4)})


def grow(model, tensors: dict, meta: dict, classes: int) -> None:
    """Give a DCGAN without codes ``classes`` code inputs (zero weights) and a new Q head (in place)."""
    config = ModelConfig.from_dict({**meta["model_config"], "categorical_codes": classes, "code_source": "labels"})
    fresh = DCGAN(config).state_dict()
    weight = tensors["generator.0.weight"].float()
    tensors["generator.0.weight"] = torch.cat([weight, weight.new_zeros(weight.shape[0], classes)], 1).to(
        tensors["generator.0.weight"].dtype
    )
    for name, value in fresh.items():
        if name.startswith("q_head."):
            tensors[name] = value.to(tensors["generator.0.weight"].dtype)
    meta["model_config"] = config.to_dict()


def as_model(tensors: dict, meta: dict) -> DCGAN:
    """The DCGAN ``tensors`` and ``meta`` describe, in float32."""
    model = DCGAN(ModelConfig.from_dict(meta["model_config"]))
    model.load_state_dict({k: v.float() for k, v in tensors.items() if not k.startswith("sampling.")})
    return model


def fit_q(tensors: dict, meta: dict, dataset_name: str, epochs: int = 2, seed: int = 0) -> float:
    """Fit Q alone (D frozen, in eval mode) on the training images' labels; its held-out accuracy."""
    from engine.data import DataConfig

    source = "embedded" if dataset_name == "mnist" else "full"
    train, val = DataConfig.from_source(dataset_name, source, allow_download=False).load().split()
    model = as_model(tensors, meta)
    model.eval()

    def features(images: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            x = model.to_model_space(images.float().div(255.0).reshape(-1, 1, 28, 28))
            return torch.cat([model.discriminator[:-1](x[i : i + 1000]) for i in range(0, len(x), 1000)])

    f_train, f_val = features(train.images), features(val.images)
    optimizer = torch.optim.Adam(model.q_head.parameters(), lr=1e-3)
    gen = torch.Generator().manual_seed(seed)
    for _epoch in range(epochs):
        order = torch.randperm(len(f_train), generator=gen)
        for start in range(0, len(order), 128):
            idx = order[start : start + 128]
            loss = torch.nn.functional.cross_entropy(model.q_head(f_train[idx]), train.labels[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        accuracy = float((model.q_head(f_val).argmax(1) == val.labels).float().mean())
    print(f"Q fitted on D's features: held-out accuracy {accuracy:.3f}")
    dtype = tensors["generator.0.weight"].dtype
    for name, value in model.q_head.state_dict().items():
        tensors[f"q_head.{name}"] = value.to(dtype)
    return round(accuracy, 4)


def fit_code_inputs(tensors: dict, meta: dict, judge, init: str = "fit", steps: int = 600, seed: int = 3) -> float:
    """Set G's code inputs (all else frozen, in eval mode) so that code k draws class k: ``init`` "fit"
    learns them until Q reads class k in G(z, k); "shift:S" moves G's first layer S times from its mean to
    the mean of what Q reads as class k. The judge's agreement with the codes afterwards (200 a class)."""
    model = as_model(tensors, meta)
    model.eval().requires_grad_(False)
    first, z_size = model.generator[0], model.coding_size
    columns = torch.nn.Parameter(first.weight[:, z_size:].detach().clone())
    optimizer = torch.optim.Adam([columns], lr=0.01)
    gen = torch.Generator().manual_seed(seed)
    if init.startswith("shift:"):
        scale, steps = float(init.split(":", 1)[1]), 0
        with torch.no_grad():
            codes = draw_codes(model, 20_000, gen)
            hidden = torch.nn.functional.linear(codes[:, :z_size], first.weight[:, :z_size], first.bias)
            raw = torch.cat([model.generator[1:](hidden[i : i + 1000]) for i in range(0, len(hidden), 1000)])
            read = torch.cat(
                [model.q_head(model.discriminator[:-1](raw[i : i + 1000])) for i in range(0, len(raw), 1000)]
            )
            read = read.argmax(1)
            mean = hidden.mean(0)
            for k in range(model.categorical_codes):
                if (read == k).any():
                    columns[:, k] = scale * (hidden[read == k].mean(0) - mean)
    elif init != "fit":
        raise SystemExit(f"--code-init is 'fit' or 'shift:S', not {init!r}")
    for _step in range(steps):
        codes = draw_codes(model, 64, gen)
        classes = codes[:, z_size:].argmax(1)
        hidden = torch.nn.functional.linear(codes[:, :z_size], first.weight[:, :z_size], first.bias)
        raw = model.generator[1:](hidden + columns.T[classes])
        loss = torch.nn.functional.cross_entropy(model.q_head(model.discriminator[:-1](raw)), classes)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        first.weight[:, z_size:] = columns
    readings = code_readings(model, judge, n=200, seed=1)
    agreement = round(sum(r.own_share for r in readings) / len(readings), 4)
    print(f"code inputs fitted: the judge reads the class asked in {agreement:.1%} of the samples")
    tensors["generator.0.weight"] = first.weight.detach().clone().to(tensors["generator.0.weight"].dtype)
    return agreement


def save(out: Path, src: Path, tensors: dict, meta: dict, note: dict) -> None:
    tensors = {k: v.contiguous() for k, v in tensors.items() if not k.startswith("sampling.")}
    meta.pop("sampling", None)
    out.mkdir(parents=True, exist_ok=True)
    write_file(out / src.name, tensors, meta)
    side = src.with_suffix(".json")
    side_record = json.loads(side.read_text()) if side.exists() else {"best_epoch": 0, "wall_seconds": 0.0}
    side_record["codes_to_classes"] = {
        "from": str(src),
        **note,
        "command": "python assets/codes_to_classes.py " + " ".join(sys.argv[1:]),
    }
    (out / side.name).write_text(json.dumps(side_record, indent=1))
    print("wrote", out / src.name)


if __name__ == "__main__":
    main()
