"""Cooperative pause / resume / stop, shared between a run and whoever drives it.

The trainer calls :meth:`RunControl.checkpoint` once per step; a stop therefore
ends the run within one step, and a pause blocks the training thread (not the
caller's). While paused, a GAN run can be asked to take one phase at a time.
"""

from __future__ import annotations

import threading
from collections import deque


class RunControl:
    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._paused = False
        self._stop = False
        self._phases: deque[str] = deque()

    # -- the driver's side (any thread) ---------------------------------
    def pause(self) -> None:
        with self._lock:
            self._paused = True
            self._lock.notify_all()

    def resume(self) -> None:
        with self._lock:
            self._paused = False
            self._lock.notify_all()

    def stop(self) -> None:
        with self._lock:
            self._stop = True
            self._lock.notify_all()

    def request_phase(self, phase: str) -> None:
        """Ask a paused GAN run for one step of phase "d" or "g"."""
        if phase not in ("d", "g"):
            raise ValueError(f"phase must be 'd' or 'g', not {phase!r}")
        with self._lock:
            self._phases.append(phase)
            self._lock.notify_all()

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def stop_requested(self) -> bool:
        return self._stop

    # -- the trainer's side (training thread) ----------------------------
    def wait_while_paused(self, timeout: float | None = None) -> str | None:
        """Block while paused; return a requested single phase, or None to go on.

        Returns at once when not paused or when a stop was asked for.
        """
        with self._lock:
            while self._paused and not self._stop and not self._phases:
                if not self._lock.wait(timeout):
                    return None
            if self._stop:
                return None
            if self._phases:
                return self._phases.popleft()
            return None
