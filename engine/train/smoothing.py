"""A moving average that is right from the first step.

A plain exponential moving average started at 0 (or at the first value) lags
the raw numbers for the first ~1/(1-β) steps: after 40 steps at β = 0.98 it
still remembers mostly where the run began. Adam fixes the same start-up bias
of its moments by dividing by 1 - β^t; :class:`DebiasedAverage` does that, with
``t`` counted in steps, so an event that averages 50 steps weighs as much as 50
events of one step. The GAN health line and the smoothed loss curves use it.
"""

from __future__ import annotations

import math


class DebiasedAverage:
    """An exponential moving average with Adam's bias correction (``value`` is the corrected mean)."""

    def __init__(self, beta: float = 0.98) -> None:
        if not 0.0 <= beta < 1.0:
            raise ValueError(f"beta must be in [0, 1), not {beta}")
        self.beta = beta
        self.reset()

    def reset(self) -> None:
        self._moment = 0.0
        self._weight = 0.0  # 1 - β^t: what the moment would be if every value had been 1
        self.steps = 0

    def update(self, value: float, steps: int = 1) -> float:
        """Fold in ``value``, the mean over ``steps`` training steps; return the corrected average.

        A non-finite value is ignored (a diverging run says so elsewhere)."""
        if not math.isfinite(value):
            return self.value
        decay = self.beta ** max(1, int(steps))
        self._moment = decay * self._moment + (1.0 - decay) * value
        self._weight = decay * self._weight + (1.0 - decay)
        self.steps += max(1, int(steps))
        return self.value

    @property
    def value(self) -> float:
        """The bias-corrected average; NaN before the first value."""
        return self._moment / self._weight if self._weight > 0 else math.nan
