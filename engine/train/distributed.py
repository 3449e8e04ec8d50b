"""Training on several processes with ``torchrun`` (DistributedDataParallel).

``torchrun --nproc_per_node=N -m engine train …`` sets ``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK`` and the
rendezvous variables; :func:`setup_from_env` then joins the process group (gloo on the CPU, NCCL on
GPUs, one GPU per local rank). Without those variables nothing changes.

Each rank draws its own shard of the in-memory training split every epoch (as ``DistributedSampler``
does: one permutation shared by all ranks, rank r taking every N-th image from position r, padded so
every rank runs the same number of steps). Gradients are averaged by DDP; each step's metrics are
all-reduced, so every rank sees the same numbers (and the same divergence). Only rank 0 prints and
writes the checkpoint.

The models are trained through their own methods (``compute_loss``, the GAN's ``generate_raw`` and
``discriminator_logits``), not ``forward``: :func:`route_method` sends such a method through a DDP
wrapper while gradients flow into the network it uses, and straight to the network otherwise
(validation, snapshots). A GAN's D and G are wrapped separately; in phase 2 D is frozen and called
directly, so its weights get no gradient and do not move on any rank.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import torch
import torch.distributed as dist
from torch import nn

from ..sampling import class_codes
from . import events as ev

CHECK_ENV = "LATENT_STUDIO_DDP_CHECK"  # tests: a folder where each rank writes its weights' checksum


@dataclass(frozen=True)
class DistContext:
    rank: int
    world_size: int
    local_rank: int
    backend: str

    @property
    def is_main(self) -> bool:
        return self.rank == 0


def launched_by_torchrun() -> bool:
    return "RANK" in os.environ and "WORLD_SIZE" in os.environ


def setup_from_env(requested_device: str = "auto") -> DistContext | None:
    """Join torchrun's process group, or return None when not launched by torchrun.

    On CUDA each local rank takes its own GPU (``cuda:LOCAL_RANK``) and NCCL; otherwise gloo.
    Ranks other than 0 print nothing on stdout.
    """
    if not launched_by_torchrun():
        return None
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    name = (requested_device or "auto").lower()
    use_cuda = torch.cuda.is_available() and (name == "auto" or name.startswith("cuda"))
    if use_cuda:
        torch.cuda.set_device(local_rank)
    backend = "nccl" if use_cuda else "gloo"
    if not dist.is_initialized():
        dist.init_process_group(backend=backend)
    context = DistContext(dist.get_rank(), dist.get_world_size(), local_rank, backend)
    if not context.is_main:
        sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - only rank 0 prints
    return context


def rank_device(context: DistContext, requested: str) -> str:
    """The device this rank trains on: its own GPU under NCCL, else what was asked."""
    return f"cuda:{context.local_rank}" if context.backend == "nccl" else requested


def shutdown() -> None:
    if dist.is_initialized():
        with contextlib.suppress(Exception):
            dist.barrier()
        dist.destroy_process_group()


# -- routing a model's method through a wrapper ------------------------------------------------
class MethodModule(nn.Module):
    """``forward`` = ``owner.<method>`` (the class's own), holding only ``params``' parameters."""

    def __init__(self, owner: nn.Module, method: str, params: nn.Module) -> None:
        super().__init__()
        self.net = params
        object.__setattr__(self, "_owner", owner)  # not a submodule: only ``params`` belongs to the wrapper
        self._function = getattr(type(owner), method)

    def forward(self, *args, **kwargs):
        return self._function(self._owner, *args, **kwargs)


def route_method(owner: nn.Module, method: str, wrapped: Callable, params: nn.Module) -> None:
    """Make ``owner.<method>`` call ``wrapped`` while gradients flow into ``params`` (training), and
    the plain method otherwise (no_grad, eval, or ``params`` frozen, as the GAN's D in phase 2)."""
    plain = getattr(type(owner), method).__get__(owner)
    first = next(params.parameters())

    def call(*args, **kwargs):
        if torch.is_grad_enabled() and owner.training and first.requires_grad:
            return wrapped(*args, **kwargs)
        return plain(*args, **kwargs)

    setattr(owner, method, call)


def unroute(owner: nn.Module, *methods: str) -> None:
    for method in methods:
        owner.__dict__.pop(method, None)


def routes(model: nn.Module) -> list[tuple[str, nn.Module]]:
    """(method, network whose weights it trains) for each training-time method of ``model``."""
    if class_codes(model):  # D and Q, trained together through D's features
        return [
            ("discriminator_logits_and_codes", nn.ModuleList([model.discriminator, model.q_head])),
            ("generate_raw", model.generator),
        ]
    if hasattr(model, "discriminator_logits"):
        return [("discriminator_logits", model.discriminator), ("generate_raw", model.generator)]
    return [("compute_loss", model)]


# -- the distributed trainer ---------------------------------------------------------------------
class DistributedMixin:
    """Mixed in front of a family's trainer class by :func:`create_trainer`."""

    context: DistContext

    def setup_distributed(self, context: DistContext) -> None:
        self.context = context
        self.is_main_process = context.is_main
        if getattr(self, "augmenter", None) is not None:  # each rank its own augmentation draws
            self.augmenter.salt = context.rank
        ids = [self.device.index] if self.device.type == "cuda" else None
        self._routed = []
        self.ddp_wrappers = {}  # engine.train.compiled compiles these when the run is compiled too
        for method, params in routes(self.model):
            wrapper = nn.parallel.DistributedDataParallel(MethodModule(self.model, method, params), device_ids=ids)
            route_method(self.model, method, wrapper, params)
            self._routed.append(method)
            self.ddp_wrappers[method] = wrapper

    def _shard_size(self) -> int:
        return -(-len(self.train_set) // self.context.world_size)

    @property
    def steps_per_epoch(self) -> int:
        n, b = self._shard_size(), self.config.batch_size
        steps = n // b if self.drop_last else -(-n // b)
        if self.config.max_steps_per_epoch:
            steps = min(steps, self.config.max_steps_per_epoch)
        return max(steps, 1)

    def epoch_order(self, epoch: int) -> torch.Tensor:
        order = super().epoch_order(epoch)  # the same permutation on every rank (same seed, same draws)
        size, world = self._shard_size(), self.context.world_size
        if size * world > len(order):  # pad with the head, so that every rank has as many images
            order = torch.cat([order, order[: size * world - len(order)]])
        return order[self.context.rank :: world]

    def train_step(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        values = super().train_step(x)
        keys = list(values)
        stacked = torch.stack([values[k].float() for k in keys])
        dist.all_reduce(stacked)  # one collective for every metric of the step
        stacked /= self.context.world_size
        return dict(zip(keys, stacked.unbind(), strict=True))

    def validate(self) -> dict[str, float]:
        values = super().validate()
        if not values:
            return values
        keys = sorted(values)
        stacked = torch.tensor([values[k] for k in keys], dtype=torch.float64, device=self.device)
        dist.all_reduce(stacked)  # the same on every rank (a VAE's loss samples its codes)
        return dict(zip(keys, (stacked / self.context.world_size).tolist(), strict=True))

    def _events(self) -> Iterator[ev.Event]:
        world = self.context.world_size
        for event in super()._events():
            if isinstance(event, ev.StepMetrics | ev.EpochSummary):
                event = replace(event, samples_per_s=event.samples_per_s * world)  # all ranks together
            elif isinstance(event, ev.RunEnded):
                self._finish()
                final = dict(event.final)
                final["samples_per_s"] = final.get("samples_per_s", 0.0) * world
                speeds = [s * world for s in self.history.get("samples_per_s", [])]
                if speeds:
                    self.history["samples_per_s"] = speeds
                history = dict(event.history)
                if "samples_per_s" in history:
                    history["samples_per_s"] = speeds
                event = replace(event, final=final, history=history)
            yield event

    def _finish(self) -> None:
        """Rank 0's buffers (BatchNorm statistics) to every rank, the plain methods back, and the test check."""
        unroute(self.model, *self._routed)
        for buffer in self.model.buffers():
            dist.broadcast(buffer, src=0)
        folder = os.environ.get(CHECK_ENV)
        if folder:
            Path(folder, f"rank{self.context.rank}.json").write_text(json.dumps(weights_digest(self.model)))


def weights_digest(model: nn.Module) -> dict:
    """A checksum of every tensor of ``model`` (and of its discriminator alone, for a GAN)."""

    def digest(state: dict[str, torch.Tensor]) -> str:
        h = hashlib.sha256()
        for key in sorted(state):
            h.update(key.encode())
            h.update(state[key].detach().cpu().contiguous().numpy().tobytes())
        return h.hexdigest()

    result = {"all": digest(model.state_dict())}
    if hasattr(model, "discriminator"):
        result["discriminator"] = digest(model.discriminator.state_dict())
    return result


def create_trainer(context: DistContext, model_config, train_config, dataset):
    """The family's trainer, made distributed: DDP on its networks, a shard of the data per rank."""
    from ..device import pick_device
    from ..models import build_model, get_family

    train_config.validate()
    device = pick_device(rank_device(context, train_config.device))
    if train_config.threads:
        torch.set_num_threads(train_config.threads)
    torch.manual_seed(train_config.seed)
    model = build_model(model_config).to(device)  # the same on every rank; DDP broadcasts rank 0's anyway
    base = get_family(model_config.family).trainer_class
    cls = type(f"Distributed{base.__name__}", (DistributedMixin, base), {})
    trainer = cls(model, dataset, train_config, device, None)
    trainer.setup_distributed(context)
    if getattr(train_config, "compile", False):
        from .compiled import enable_if_it_pays

        enable_if_it_pays(trainer)
    torch.manual_seed(train_config.seed + 1000 * context.rank)  # each rank its own noise (GAN z, VAE codes)
    return trainer
