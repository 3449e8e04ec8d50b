"""A GAN's health in plain words, from the four numbers people watch.

D(x) is the discriminator's mean score for real images, D(G(z)) for fakes. In
a healthy game both hover between the extremes: D is right more often than
not, but G keeps fooling it some of the time. The classic failures have clear
signatures, and a student can read them here instead of in the curves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import _
from .smoothing import DebiasedAverage

OK, WATCH, PROBLEM = "ok", "watch", "problem"


@dataclass(frozen=True)
class Health:
    level: str  # OK, WATCH or PROBLEM
    headline: str  # a few words
    advice: str  # one or two sentences a student can act on


def sample_diversity(samples: np.ndarray) -> float:
    """Mean per-pixel standard deviation across a batch of samples (uint8 or [0, 1] floats), in [0, 1].

    Real digits or clothes give about 0.3; a generator that makes the same image
    whatever the noise (mode collapse) gives almost 0.
    """
    images = np.asarray(samples, dtype=np.float32)
    if images.max(initial=0.0) > 1.0:
        images = images / 255.0
    if len(images) < 2:
        return float("nan")
    return float(images.reshape(len(images), -1).std(axis=0).mean())


SMOOTHING = 0.98  # of D(x) and D(G(z)) over steps: the diagnosis reads a trend, not one noisy batch


class HealthTracker:
    """D(x) and D(G(z)) averaged over recent steps, bias-corrected from the first step.

    After 40 steps of D(x) 0.92 and D(G(z)) 0.05 the averages *are* 0.92 and 0.05
    (an uncorrected average started from a fixed value would still read "Healthy")."""

    def __init__(self, beta: float = SMOOTHING) -> None:
        self.d_real = DebiasedAverage(beta)
        self.d_fake = DebiasedAverage(beta)
        self._last_step = 0

    def reset(self) -> None:
        self.d_real.reset()
        self.d_fake.reset()
        self._last_step = 0

    def add(self, d_real: float, d_fake: float, global_step: int | None = None) -> None:
        """One StepMetrics' D(x), D(G(z)); ``global_step`` says how many steps they average."""
        steps = 1
        if global_step is not None:
            steps = max(1, global_step - self._last_step)
            self._last_step = max(self._last_step, global_step)
        self.d_real.update(d_real, steps)
        self.d_fake.update(d_fake, steps)

    @property
    def ready(self) -> bool:
        return self.d_real.steps > 0

    def diagnose(self, diversity: float | None = None) -> Health:
        return diagnose(self.d_real.value, self.d_fake.value, diversity)


def diagnose(d_real: float, d_fake: float, diversity: float | None = None) -> Health:
    """Read D(x), D(G(z)) (averaged over recent steps) and, if known, the samples' diversity."""
    if diversity is not None and np.isfinite(diversity) and diversity < 0.04:
        return Health(
            PROBLEM,
            _("Mode collapse"),
            _(
                "The generator makes nearly the same image whatever its noise. Restarting with another "
                "seed or a lower learning rate usually helps."
            ),
        )
    if d_real > 0.95 and d_fake < 0.05:
        return Health(
            PROBLEM,
            _("The discriminator wins too easily"),
            _(
                "D tells real from fake almost perfectly, so the generator gets hardly any gradient to learn "
                "from. Try a lower learning rate, or step G more often than D."
            ),
        )
    if d_fake > 0.8 and d_real < 0.6:
        return Health(
            PROBLEM,
            _("The discriminator has given up"),
            _(
                "D takes the fakes for real: the generator may have found a trick rather than learnt the "
                "images. Look at the samples; a lower learning rate for G can help."
            ),
        )
    if d_real - d_fake < 0.1 and 0.3 < d_real < 0.7:
        return Health(
            OK,
            _("Balanced"),
            _("D can barely tell real from fake: the ideal end point of the game, if the samples look right."),
        )
    if d_real > 0.85 and d_fake < 0.15:
        return Health(
            WATCH,
            _("The discriminator is ahead"),
            _("D spots most fakes; G still learns, but slowly. Watch whether D(G(z)) climbs."),
        )
    return Health(OK, _("Healthy"), _("D is right more often than not, yet G fools it regularly: both keep learning."))
