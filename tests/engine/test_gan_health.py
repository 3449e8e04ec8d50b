"""The GAN health monitor reads the four numbers the way the lecture explains them."""

import math

import numpy as np
import pytest

from engine.train.gan_health import OK, PROBLEM, WATCH, diagnose, sample_diversity


def test_a_discriminator_that_wins_everything_is_a_problem():
    health = diagnose(d_real=0.99, d_fake=0.01)
    assert health.level == PROBLEM and "discriminator" in health.headline.lower()


def test_a_discriminator_fooled_by_everything_is_a_problem():
    assert diagnose(d_real=0.4, d_fake=0.9).level == PROBLEM


def test_the_middle_of_the_game_is_healthy_and_the_end_is_balanced():
    assert diagnose(d_real=0.68, d_fake=0.32).level == OK
    assert diagnose(d_real=0.52, d_fake=0.48).headline == "Balanced"
    assert diagnose(d_real=0.9, d_fake=0.1).level == WATCH


def test_identical_samples_are_mode_collapse():
    rng = np.random.default_rng(0)
    varied = (rng.random((16, 28, 28)) * 255).astype(np.uint8)
    same = np.repeat(varied[:1], 16, axis=0)
    assert sample_diversity(varied) > 0.2
    assert sample_diversity(same) < 1e-6
    assert diagnose(0.7, 0.3, sample_diversity(same)).headline == "Mode collapse"
    assert diagnose(0.7, 0.3, sample_diversity(varied)).level == OK


def test_the_diagnosis_after_the_first_steps_matches_the_raw_numbers():
    """Issue 12, point 2: after 40 steps of D(x) 0.92 and D(G(z)) 0.05 the line must not say "Healthy"."""
    from engine.train.gan_health import HealthTracker

    tracker = HealthTracker()
    for step in range(1, 41):
        tracker.add(0.92, 0.05, global_step=step)
    assert tracker.d_real.value == pytest.approx(0.92) and tracker.d_fake.value == pytest.approx(0.05)
    health = tracker.diagnose()
    assert health.level == WATCH and health.headline == "The discriminator is ahead"


def test_the_average_follows_a_run_that_changes_and_weighs_events_by_their_steps():
    from engine.train.smoothing import DebiasedAverage

    average = DebiasedAverage(0.98)
    assert math.isnan(average.value)
    average.update(0.5)
    assert average.value == pytest.approx(0.5)  # no pull towards a made-up start value
    for _ in range(500):
        average.update(0.9)
    assert average.value == pytest.approx(0.9, abs=1e-3)
    one_event, many_events = DebiasedAverage(0.98), DebiasedAverage(0.98)
    for avg in (one_event, many_events):
        avg.update(0.2)
    one_event.update(0.8, steps=50)  # a GPU run's StepMetrics averages 50 steps
    for _ in range(50):
        many_events.update(0.8)
    assert one_event.value == pytest.approx(many_events.value)
    average.update(float("nan"))
    assert average.value == pytest.approx(0.9, abs=1e-3)  # a NaN is not averaged in
