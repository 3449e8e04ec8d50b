"""The judge's view of a GAN after each epoch, measured on the training thread.

:class:`EpochJudge` wraps :class:`engine.quality.QualityProbe`: built lazily at
the first epoch's end (it reads the held-out real images with the judge once),
then each call draws ``SAMPLES`` samples from a fixed seed and returns an
:class:`EpochQuality` — the class histogram, its entropy, the confident share,
the judge-FID and the real-vs-real baseline — which the training worker queues
beside the engine's events. The Train page plots the judge-FID per epoch and
lets the GAN health line name a class collapse.

Cost, measured with 1,000 samples and one torch thread on this project's 2-core machine (shared
with other work): 0.7–0.8 s per epoch for the dense GAN, 1.0–1.2 s for the DCGAN (MNIST and
Fashion-MNIST, embedded subsets); the first call adds reading the held-out images once (about
1–2 s for the embedded subsets, 8–10 s for the full Fashion-MNIST). No Qt here: it runs on the
training thread, between the engine's events.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

SAMPLES = 1000  # samples the judge reads after each epoch: a bounded cost, a stable judge-FID


@dataclass(frozen=True)
class EpochQuality:
    """What the judge made of the generator at an epoch's end (queued beside the run's events)."""

    epoch: int
    dataset: str
    class_names: tuple[str, ...]
    histogram: tuple[float, ...]
    entropy: float
    confident_share: float
    real_confident_share: float
    judge_fid: float
    real_baseline_fid: float
    ms: float  # what this measurement cost the training thread


class EpochJudge:
    """Measures a generator after each epoch; silent (None) when no judge fits the dataset."""

    def __init__(self, dataset, samples: int = SAMPLES) -> None:
        self.dataset = dataset
        self.samples = samples
        self._probe = None
        self.disabled = False

    def __call__(self, model, epoch: int) -> EpochQuality | None:
        if self.disabled:
            return None
        start = time.perf_counter()
        if self._probe is None:
            from engine.data import DATASET_NAMES, class_names
            from engine.judge import JudgeError, load_judge

            if (
                self.dataset.name not in DATASET_NAMES  # a folder of pictures: no judge knows its classes
                or tuple(self.dataset.class_names) != tuple(class_names(self.dataset.name))
            ):  # a folder's own
                self.disabled = True
                return None
            from engine.quality import QualityProbe

            try:
                self._probe = QualityProbe(load_judge(self.dataset.name), self.dataset, n=self.samples)
            except (JudgeError, ValueError, RuntimeError) as exc:
                log.info("No per-epoch judge for %s: %s", self.dataset.name, exc)
                self.disabled = True
                return None
        figures = self._probe(model)
        return EpochQuality(
            epoch=epoch,
            dataset=self.dataset.name,
            class_names=tuple(self.dataset.class_names),
            histogram=tuple(figures.histogram),
            entropy=figures.entropy,
            confident_share=figures.confident_share,
            real_confident_share=figures.real_confident_share,
            judge_fid=figures.judge_fid,
            real_baseline_fid=figures.real_baseline_fid,
            ms=1000 * (time.perf_counter() - start),
        )
