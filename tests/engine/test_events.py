"""One dispatch for a run's events: every event reaches its handler's hook, and only that one."""

from __future__ import annotations

import typing

import numpy as np
import pytest

from engine.train import events as ev


class Recorder(ev.EventHandler):
    """A test consumer: overrides every hook and records which ran."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def __getattribute__(self, name):
        if name.startswith("on_"):
            return lambda event: self.calls.append((name, event))
        return super().__getattribute__(name)


SAMPLES = [
    ev.RunStarted("stacked", "mnist", "CPU", 1, 10, 32, 320, 32, ("loss",)),
    ev.StepMetrics(1, 1, 1, {"loss": 0.5}, 100.0),
    ev.EpochSummary(1, {"loss": 0.5}, {"loss": 0.4}, 1.0, 100.0),
    ev.Snapshot(1, 10, "samples", np.zeros((2, 28, 28), np.uint8)),
    ev.RunPaused(5),
    ev.RunResumed(5),
    ev.RunEnded(ev.FINISHED, "Done.", 1, 10),
]


def test_each_event_reaches_its_own_hook():
    recorder = Recorder()
    for event in SAMPLES:
        ev.dispatch(event, recorder)
    assert [name for name, _ in recorder.calls] == [
        "on_run_started",
        "on_step_metrics",
        "on_epoch_summary",
        "on_snapshot",
        "on_run_paused",
        "on_run_resumed",
        "on_run_ended",
    ]
    assert [event for _, event in recorder.calls] == SAMPLES


def test_every_event_type_has_a_hook_and_the_base_ignores_them_all():
    assert {type(e) for e in SAMPLES} == set(typing.get_args(ev.Event))
    for event in SAMPLES:
        ev.dispatch(event, ev.EventHandler())  # no-op hooks: a consumer overrides only what it needs


def test_something_that_is_not_an_event_is_refused():
    with pytest.raises(TypeError):
        ev.dispatch({"loss": 1.0}, ev.EventHandler())
