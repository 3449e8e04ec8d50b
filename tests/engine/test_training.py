"""Short real runs on the embedded data: losses fall, phases are isolated, stop and divergence behave."""

import threading

import pytest
import torch

from engine.data import load_dataset
from engine.models import FAMILIES, default_model_config
from engine.train import RunControl, create_trainer, default_train_config, events


@pytest.fixture(scope="module")
def mnist():
    return load_dataset("mnist", "embedded")


def run_all(trainer):
    return list(trainer.run())


def quick_config(family, **overrides):
    values = {"epochs": 2, "max_steps_per_epoch": 40, "threads": 1, "seed": 0}
    values.update(overrides)
    return default_train_config(family, **values)


@pytest.mark.parametrize("family", [f for f in FAMILIES if f not in ("gan", "dcgan")])
def test_short_run_lowers_the_autoencoder_loss(mnist, family):
    config = quick_config(family, batch_size=32, lr=None if family == "vae" else 0.5)
    if family == "vae":
        config.lr = 3e-3
    trainer = create_trainer(default_model_config(family), config, mnist)
    stream = run_all(trainer)
    ended = stream[-1]
    assert isinstance(ended, events.RunEnded) and ended.reason == events.FINISHED, ended.message
    steps = [e for e in stream if isinstance(e, events.StepMetrics)]
    first, last = steps[0].metrics["loss"], sum(e.metrics["loss"] for e in steps[-10:]) / 10
    assert last < first
    summaries = [e for e in stream if isinstance(e, events.EpochSummary)]
    assert [s.epoch for s in summaries] == [1, 2]
    assert {"loss", "bce", "rounded_accuracy"} <= set(summaries[-1].val)
    shots = [e for e in stream if isinstance(e, events.Snapshot) and e.kind == "reconstructions"]
    assert shots and shots[-1].images.shape == shots[-1].originals.shape == (16, 28, 28)
    assert shots[-1].images.dtype.name == "uint8"


@pytest.mark.parametrize("family", ["gan", "dcgan"])
def test_short_gan_run_reports_the_four_numbers(mnist, family):
    trainer = create_trainer(
        default_model_config(family), quick_config(family, epochs=1, max_steps_per_epoch=15), mnist
    )
    stream = run_all(trainer)
    assert stream[-1].reason == events.FINISHED, stream[-1].message
    metrics = [e for e in stream if isinstance(e, events.StepMetrics)][-1].metrics
    assert set(metrics) == {"loss_d", "loss_g", "d_real", "d_fake"}
    assert 0 <= metrics["d_real"] <= 1 and 0 <= metrics["d_fake"] <= 1
    samples = [e for e in stream if isinstance(e, events.Snapshot)]
    assert samples[0].kind == "samples" and samples[0].images.shape == (16, 28, 28)
    assert not (samples[0].images == samples[-1].images).all()  # the fixed-noise samples moved


def test_gan_trains_the_generator_to_fool_the_discriminator(mnist):
    trainer = create_trainer(default_model_config("gan"), quick_config("gan", epochs=1, max_steps_per_epoch=60), mnist)
    model = trainer.model
    z = model.noise(256, torch.Generator().manual_seed(1))
    with torch.no_grad():
        before = torch.sigmoid(model.discriminator_logits(model.generate_raw(z))).mean()
    for _ in range(30):
        trainer.step_generator(32)
    with torch.no_grad():
        after = torch.sigmoid(model.discriminator_logits(model.generate_raw(z))).mean()
    assert after > before


def _params(module):
    return [p.detach().clone() for p in module.parameters()]


def _changed(before, module):
    return any(not torch.equal(a, b) for a, b in zip(before, module.parameters()))


@pytest.mark.parametrize("family", ["gan", "dcgan"])
def test_gan_phases_change_only_their_network(mnist, family):
    trainer = create_trainer(default_model_config(family), quick_config(family), mnist)
    model = trainer.model
    model.train()
    g0, d0 = _params(model.generator), _params(model.discriminator)
    trainer.step_discriminator(trainer.batch(torch.arange(32)))
    assert _changed(d0, model.discriminator), "phase 1 must train D"
    assert not _changed(g0, model.generator), "phase 1 must not touch G"
    g1, d1 = _params(model.generator), _params(model.discriminator)
    trainer.step_generator(32)
    assert _changed(g1, model.generator), "phase 2 must train G"
    assert not _changed(d1, model.discriminator), "phase 2 must not touch D"
    assert all(p.requires_grad for p in model.discriminator.parameters())


def test_top_k_trains_the_generator_only_on_the_fakes_the_discriminator_rates_best(mnist):
    """``top_k`` 0.5: G learns from the half of its fakes D finds most real (Sinha et al. 2020); 1: from all."""
    trainer = create_trainer(default_model_config("dcgan"), quick_config("dcgan"), mnist)
    model = trainer.model
    model.eval()  # batch norm from its running statistics: each fake depends on its own code alone
    learned = {}
    for top_k in (1.0, 0.5):
        z = model.noise(32, torch.Generator().manual_seed(3)).requires_grad_(True)
        trainer._noise = lambda n, z=z: (z, None)  # (codes, their class codes: none for the lecture's DCGAN)
        with torch.no_grad():
            scores = model.discriminator_logits(model.generate_raw(z)).flatten()
        trainer.top_k = top_k
        trainer.step_generator(32)
        learned[top_k] = set((z.grad.abs().sum(dim=1) > 0).nonzero().flatten().tolist())
    assert len(learned[1.0]) == 32
    assert learned[0.5] == set(scores.topk(16).indices.tolist())


def test_paused_gan_steps_single_phases_on_request(mnist):
    control = RunControl()
    trainer = create_trainer(default_model_config("gan"), quick_config("gan", epochs=1), mnist, control)
    control.pause()
    control.request_phase("d")
    control.request_phase("g")
    seen = []
    for event in trainer.run():
        seen.append(event)
        phases = [e.phase for e in seen if isinstance(e, events.StepMetrics) and e.phase != "both"]
        if phases == ["d", "g"]:
            control.stop()
        if isinstance(event, events.RunPaused) and len(seen) > 50:
            control.stop()
    single = [e for e in seen if isinstance(e, events.StepMetrics)]
    assert [e.phase for e in single] == ["d", "g"]
    assert seen[-1].reason == events.STOPPED
    # Each single phase advances the step axis, so the curves tell the steps apart (issue 12, point 7).
    assert [e.global_step for e in single] == [1, 2] and trainer.global_step == 2
    # Each reports D's scores on a fixed probe before and after it: the step's effect, for the readout.
    d_step, g_step = single[0].metrics, single[1].metrics
    for metrics in (d_step, g_step):
        assert all(0 <= metrics[k] <= 1 for k in ("d_real_before", "d_real_after", "d_fake_before", "d_fake_after"))
    assert d_step["d_real_after"] - d_step["d_fake_after"] > d_step["d_real_before"] - d_step["d_fake_before"]
    assert g_step["d_fake_after"] > g_step["d_fake_before"]  # G's step makes its fakes fool D more
    assert g_step["d_real_after"] == g_step["d_real_before"]  # … and leaves D alone


def test_an_epochs_speed_does_not_count_the_pause(mnist, monkeypatch):
    """A pause of 1,000 s (a fake clock) inside an epoch leaves its images/s as fast as without it."""
    import engine.train.trainer as trainer_module

    clock = {"offset": 0.0}
    real_clock = trainer_module.time.perf_counter

    class FakeTime:
        @staticmethod
        def perf_counter():
            return real_clock() + clock["offset"]

    monkeypatch.setattr(trainer_module, "time", FakeTime)

    class SlowPause(RunControl):
        def wait_while_paused(self, timeout=None):
            clock["offset"] += 1000.0  # the student went for a coffee
            self.resume()
            return None

    control = SlowPause()
    trainer = create_trainer(
        default_model_config("stacked"), quick_config("stacked", epochs=1, max_steps_per_epoch=20), mnist, control
    )
    for event in trainer.run():
        if isinstance(event, events.StepMetrics) and event.global_step == 5:
            control.pause()
        if isinstance(event, events.EpochSummary):
            summary = event
    assert event.reason == events.FINISHED and clock["offset"] == 1000.0
    images = 20 * 32
    assert summary.samples_per_s > images / 100  # counting the pause would give under images / 1000


def test_stop_ends_within_one_step_and_keeps_the_weights(mnist):
    control = RunControl()
    trainer = create_trainer(default_model_config("stacked"), quick_config("stacked", epochs=3), mnist, control)
    initial = _params(trainer.model)
    steps_at_stop = None
    for event in trainer.run():
        if isinstance(event, events.StepMetrics) and event.global_step == 7:
            control.stop()
            steps_at_stop = event.global_step
    assert event.reason == events.STOPPED
    assert trainer.global_step <= steps_at_stop + 1
    assert _changed(initial, trainer.model)  # trained weights are kept, not reset


def test_pause_holds_the_step_count_until_resumed(mnist):
    control = RunControl()
    trainer = create_trainer(default_model_config("stacked"), quick_config("stacked"), mnist, control)
    stream = trainer.run()
    for event in stream:
        if isinstance(event, events.StepMetrics) and event.global_step == 3:
            control.pause()
            break
    paused = next(stream)
    assert isinstance(paused, events.RunPaused) and paused.global_step == 3
    timer = threading.Timer(0.2, control.resume)
    timer.start()
    resumed = next(stream)  # blocks while paused, then goes on
    assert isinstance(resumed, events.RunResumed) and resumed.global_step == 3
    assert trainer.global_step == 3
    control.stop()
    assert list(stream)[-1].reason == events.STOPPED


def test_divergence_stops_the_run_and_keeps_finite_weights(mnist):
    trainer = create_trainer(default_model_config("stacked"), quick_config("stacked", lr=1e5, epochs=5), mnist)
    stream = run_all(trainer)
    ended = stream[-1]
    assert ended.reason == events.DIVERGED
    assert "lower learning rate" in ended.message
    assert trainer.global_step < 40  # within a few steps, not after the whole run
    assert all(torch.isfinite(p).all() for p in trainer.model.parameters())


def test_engine_errors_become_an_ended_event(mnist):
    trainer = create_trainer(default_model_config("stacked"), quick_config("stacked"), mnist)

    def broken(_x):
        raise RuntimeError("boom")

    trainer.train_step = broken
    ended = run_all(trainer)[-1]
    assert ended.reason == events.ERROR and "boom" in ended.message


def test_same_seed_same_run_on_cpu(mnist):
    def losses():
        trainer = create_trainer(default_model_config("stacked"), quick_config("stacked", epochs=1), mnist)
        return [e.metrics["loss"] for e in trainer.run() if isinstance(e, events.StepMetrics)]

    assert losses() == losses()


def test_unavailable_device_is_a_clear_error(mnist):
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(ValueError, match="no CUDA GPU"):
        create_trainer(default_model_config("stacked"), quick_config("stacked", device="cuda"), mnist)
