"""Choosing and describing the device a run trains on."""

from __future__ import annotations

import torch

from .i18n import _, ngettext


def pick_device(requested: str | None = "auto") -> torch.device:
    """CUDA, then Apple MPS, then CPU — or exactly what was asked.

    Raises ValueError with a readable message when the asked device is absent.
    """
    name = (requested or "auto").lower()
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise ValueError(
            _("device {requested!r} was asked for, but no CUDA GPU is available here").format(requested=requested)
        )
    if name == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise ValueError(_("device 'mps' was asked for, but Apple MPS is not available here"))
    try:
        return torch.device(name)
    except RuntimeError as exc:
        raise ValueError(
            _("unknown device {requested!r} (use auto, cpu, cuda, cuda:N or mps)").format(requested=requested)
        ) from exc


def describe_device(device: torch.device | str) -> str:
    """A human description: the GPU's name, or the CPU and its thread count."""
    device = torch.device(device)
    if device.type == "cuda":
        index = device.index if device.index is not None else torch.cuda.current_device()
        return f"CUDA: {torch.cuda.get_device_name(index)}"
    if device.type == "mps":
        return "Apple MPS"
    n = torch.get_num_threads()
    return ngettext("CPU ({n} thread)", "CPU ({n} threads)", n).format(n=n)


def available_devices() -> list[tuple[str, str]]:
    """(name, description) of every device this machine offers, best first."""
    found: list[tuple[str, str]] = []
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            found.append((f"cuda:{i}", f"CUDA: {torch.cuda.get_device_name(i)}"))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append(("mps", "Apple MPS"))
    found.append(("cpu", describe_device("cpu")))
    return found
