"""The compiled fast path: each training step's maths through ``torch.compile``.

What is compiled is what a step computes with gradients: an autoencoder's ``compute_loss`` (forward, loss
and, through AOTAutograd, the backward), a GAN's D on real + fake images (phase 1) and G through the frozen
D (phase 2). On CUDA the mode is "reduce-overhead": the step replays as CUDA graphs, with the data already
resident on the GPU (the trainer keeps the whole split there). The loop around it stays the eager
trainer's own, so pause/stop within one step, the divergence guard, the events and the checkpoint are
unchanged; validation, snapshots and single phases (no gradients) run the plain model.

Compiling costs time before the first step (seconds with CUDA graphs, tens of seconds with the CPU's C++
backend): :func:`compile_pays_off` tells whether a run is long enough to win it back, and
:func:`enable_if_it_pays` trains eagerly, with a note in ``RunStarted.notes``, when it would not.
"""

from __future__ import annotations

import dataclasses

import torch

from ..i18n import _
from ..models.families import get_family
from .distributed import MethodModule, route_method, routes, unroute

# Compilation's one-off seconds (tests/bench/bench_compile.py; README, Speed). Each family's measured speed-up
# lives in its record (Family.compile_figures); families without figures use the dense model's, below.
# CUDA: not yet measured on a GPU — the target (3× at batch 32) and a guess at the eager speed stand
# in until tests/bench/gpu_table.py has run.
COMPILE_SECONDS = {"cpu": 60.0, "cuda": 30.0}
DENSE_FIGURES = {"cpu": (14_163, 0.51), "cuda": (30_000, 3.0)}


def compile_options(device: torch.device, backend: str | None = None) -> dict:
    if backend:
        return {"backend": backend, "dynamic": False}
    if device.type == "cuda":
        return {"mode": "reduce-overhead", "dynamic": False}  # CUDA graphs
    return {"dynamic": False}  # inductor: C++ kernels on the CPU


def total_steps(trainer) -> int:
    return trainer.steps_per_epoch * max(1, trainer.config.epochs - trainer.epochs_completed)


def compile_pays_off(trainer) -> tuple[bool, float, float]:
    """(worth it, estimated compile seconds, estimated seconds saved — negative when compiled is slower)."""
    kind = "cuda" if trainer.device.type == "cuda" else "cpu"
    eager, speedup = get_family(trainer.family).compile_figures.get(kind) or DENSE_FIGURES[kind]
    samples = total_steps(trainer) * trainer.config.batch_size
    saved = samples / eager * (1.0 - 1.0 / speedup)
    cost = COMPILE_SECONDS[kind]
    return saved > cost, cost, saved


def _own_scalars(out):
    """A loss record's scalars copied out of the CUDA graph's memory, which the next replay overwrites (the
    loop keeps each step's loss until its metrics are reported); the clones keep their autograd history."""
    if dataclasses.is_dataclass(out):
        return dataclasses.replace(
            out,
            **{
                f.name: getattr(out, f.name).clone()
                for f in dataclasses.fields(out)
                if isinstance(getattr(out, f.name), torch.Tensor) and getattr(out, f.name).dim() == 0
            },
        )
    return out


def enable(trainer, backend: str | None = None) -> None:
    """Compile ``trainer``'s training step (see the module's doc); undone when the run ends."""
    model = trainer.model
    options = compile_options(trainer.device, backend)
    graphs = options.get("mode") == "reduce-overhead"
    methods = []
    for method, params in routes(model):
        routed = model.__dict__.get(method)  # a distributed trainer already sends it through DDP
        target = getattr(trainer, "ddp_wrappers", {}).get(method) if routed else None
        compiled = torch.compile(target or MethodModule(model, method, params), **options)
        if graphs:

            def call(*args, _compiled=compiled, **kwargs):
                torch.compiler.cudagraph_mark_step_begin()  # each step's outputs are fresh graph outputs
                return _own_scalars(_compiled(*args, **kwargs))
        else:
            call = compiled
        unroute(model, method)
        route_method(model, method, call, params)
        methods.append(method)
    trainer.compiled_methods = tuple(methods)
    events = trainer._events

    def events_then_restore():  # the model goes back to its plain methods once the run ends
        try:
            yield from events()
        finally:
            unroute(model, *methods)

    trainer._events = events_then_restore


def enable_if_it_pays(trainer) -> bool:
    """Compile the run's step when the run is long enough to win the compile time back; else say why not."""
    worth, cost, saved = compile_pays_off(trainer)
    if worth:
        enable(trainer)
        return True
    if saved <= 0:
        note = _("Training eagerly: on this device the compiled step is not faster for this model.")
    else:
        note = _(
            "Training eagerly: compiling would take about {cost:.0f} s and save only about {saved:.0f} s on "
            "a run this short ({steps:,} steps); with more epochs the compiled fast path pays."
        ).format(cost=cost, saved=saved, steps=total_steps(trainer))
    trainer.resume_notes.append(note)
    return False
