"""The divergence guard watches the weights themselves, not only the loss: a weight that turns NaN or
infinite ends the run with the last good weights back in place, while huge but finite weights do not."""

import math

import pytest
import torch

from engine.data import load_dataset
from engine.models import default_model_config
from engine.train import create_trainer, default_train_config, events
from engine.train.trainer import _all_finite


@pytest.fixture(scope="module")
def mnist():
    return load_dataset("mnist", "embedded")


def poisoned_run(mnist, value, at_step=15):
    """A run whose step ``at_step`` writes ``value`` into one weight after its update (the loss it reports
    is still finite); the guard looks every 5 steps. Returns the trainer, its events and the weights the
    guard kept at step 10."""
    config = default_train_config("stacked", epochs=1, max_steps_per_epoch=30, threads=1, seed=0)
    trainer = create_trainer(default_model_config("stacked"), config, mnist)
    trainer.guard_every = 5
    plain_step = trainer.train_step
    kept = {}

    def step(x):
        values = plain_step(x)
        done = trainer.global_step + 1  # the loop counts the step once it returns
        if done == 10:
            kept.update({k: v.clone() for k, v in trainer.model.state_dict().items()})
        if done == at_step:
            with torch.no_grad():
                trainer.model.encoder[0].weight[7, 300] = value
        return values

    trainer.train_step = step
    return trainer, list(trainer.run()), kept


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_weight_gone_bad_ends_the_run_with_the_last_good_weights(mnist, value):
    trainer, stream, kept = poisoned_run(mnist, value)
    ended = stream[-1]
    assert ended.reason == events.DIVERGED
    assert ended.global_step == 15  # caught at the guard's next look, not at the end of the epoch
    assert "weights became infinite or NaN" in ended.message
    restored = trainer.model.state_dict()
    assert all(torch.equal(restored[k], kept[k]) for k in kept)  # step 10's weights, not the poisoned ones
    steps = [e.global_step for e in stream if isinstance(e, events.StepMetrics)]
    assert steps == list(range(1, 16))  # every step until then was reported, one event each


def test_finite_weights_whose_sum_overflows_are_not_called_diverged():
    huge = torch.full((1000,), 3e38)
    assert not math.isfinite(float(huge.sum()))  # the quick test cannot tell …
    assert _all_finite([huge, torch.zeros(3, dtype=torch.float64)])  # … so the element-wise look decides
    assert _all_finite([torch.full((10,), 6e4, dtype=torch.float16)])  # half precision summed in float32
    huge[-1] = math.inf
    assert not _all_finite([huge])
    assert not _all_finite([torch.zeros(4), torch.tensor([1.0, math.nan], dtype=torch.bfloat16)])
