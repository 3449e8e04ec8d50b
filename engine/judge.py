"""The judge: a small CNN classifier per dataset that rates what a model draws.

It is shipped as float16 safetensors under ``assets/models/judge/`` (trained by
``assets/make_judge.py``) and loaded without pickle. Its penultimate layer (64
numbers per image) is the feature space of the *judge-FID* in
:mod:`engine.quality`; its softmax gives the class histogram of a batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import load as st_load
from safetensors.torch import save as st_save
from torch import nn

from .data.catalog import check_name
from .fsutil import atomic_write_bytes
from .i18n import _
from .paths import asset_path

JUDGE_FORMAT = "latent-studio-judge"
META_KEY = "latent_studio_judge"
FEATURES = 64  # width of the penultimate layer: the judge-FID's feature space


class JudgeError(Exception):
    """A judge file is missing or damaged; the message says why."""


class JudgeNet(nn.Module):
    """Conv 32 (3×3) → pool → Conv 64 (3×3) → pool → Dense 64 (the features) → Dense 10."""

    def __init__(self, classes: int = 10) -> None:
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
        )
        self.hidden = nn.Sequential(nn.Linear(64 * 7 * 7, FEATURES), nn.ReLU())
        self.dropout = nn.Dropout(0.3)
        self.head = nn.Linear(FEATURES, classes)

    def features(self, x01: torch.Tensor) -> torch.Tensor:
        """Penultimate activations (N, 64) of images (N, 28, 28) or (N, 1, 28, 28) in [0, 1]."""
        x = x01.reshape(x01.shape[0], 1, 28, 28).float()
        return self.hidden(self.conv(x * 2.0 - 1.0))

    def forward(self, x01: torch.Tensor) -> torch.Tensor:
        """Class logits (N, classes)."""
        return self.head(self.dropout(self.features(x01)))


@dataclass
class Judge:
    net: JudgeNet
    dataset: str
    meta: dict  # test accuracy, training data, command

    @torch.no_grad()
    def read(self, images01: torch.Tensor, batch: int = 1000) -> tuple[torch.Tensor, torch.Tensor]:
        """(probabilities (N, 10), features (N, 64)) of images in [0, 1], on the CPU, in float32."""
        self.net.eval()
        device = next(self.net.parameters()).device
        probs, feats = [], []
        for start in range(0, images01.shape[0], batch):
            x = images01[start : start + batch].to(device).float()
            f = self.net.features(x)
            probs.append(torch.softmax(self.net.head(f), dim=1).cpu())
            feats.append(f.cpu())
        if not probs:
            return torch.zeros(0, 10), torch.zeros(0, FEATURES)
        return torch.cat(probs), torch.cat(feats)


def judge_path(dataset: str) -> Path:
    check_name(dataset)
    return asset_path("models", "judge", f"judge-{dataset}.safetensors")


def save_judge(path: str | Path, net: JudgeNet, meta: dict) -> Path:
    """Write the judge's weights as float16 with its record (atomic)."""
    tensors = {k: v.detach().cpu().half().contiguous() for k, v in net.state_dict().items()}
    record = {"format": JUDGE_FORMAT, **meta}
    atomic_write_bytes(Path(path), st_save(tensors, metadata={META_KEY: json.dumps(record)}))
    return Path(path)


_CACHE: dict[tuple[str, str], Judge] = {}


def load_judge(dataset: str, path: str | Path | None = None, device: str | torch.device = "cpu") -> Judge:
    """The shipped judge of ``dataset`` (cached), or the one at ``path``; JudgeError when it cannot load."""
    path = Path(path) if path is not None else judge_path(dataset)
    key = (str(path), str(device))
    if key in _CACHE:
        return _CACHE[key]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise JudgeError(
            _("no judge for {dataset} at {path}: {reason}").format(
                dataset=dataset, path=path, reason=exc.strerror or exc
            )
        ) from exc
    if data[:1] == b"\x80" or data[:4] == b"PK\x03\x04":
        raise JudgeError(
            _("{file} looks like a pickle file; judges are only read from safetensors").format(file=path.name)
        )
    try:
        tensors = st_load(data)
        header_len = int.from_bytes(data[:8], "little")
        meta = json.loads(json.loads(data[8 : 8 + header_len])["__metadata__"][META_KEY])
    except Exception as exc:  # safetensors and json raise their own types
        raise JudgeError(
            _("{file} is not a judge file or is damaged: {reason}").format(file=path.name, reason=exc)
        ) from exc
    if meta.get("format") != JUDGE_FORMAT:
        raise JudgeError(_("{file} is not a Latent Studio judge").format(file=path.name))
    net = JudgeNet(int(meta.get("classes", 10)))
    expected = net.state_dict()
    if set(expected) != set(tensors) or any(tensors[k].shape != expected[k].shape for k in expected):
        raise JudgeError(_("{file} does not fit the judge's architecture").format(file=path.name))
    net.load_state_dict({k: v.float() for k, v in tensors.items()})
    net.to(device).eval()
    judge = Judge(net=net, dataset=meta.get("dataset", dataset), meta=meta)
    _CACHE[key] = judge
    return judge
