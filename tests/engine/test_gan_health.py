"""The GAN health monitor reads the four numbers the way the lecture explains them."""

import numpy as np

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
