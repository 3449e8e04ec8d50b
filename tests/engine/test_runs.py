"""A run's record: the CLI and the app write the same one, through engine.runs.save_run."""

from __future__ import annotations

import pytest

from engine.checkpoint import read_meta
from engine.cli import main
from engine.data import DataConfig, DatasetError
from engine.models import default_model_config
from engine.runs import save_run
from engine.train import RunControl, create_trainer, default_train_config, events

RUN = {"epochs": 1, "max_steps_per_epoch": 4, "seed": 7, "device": "cpu", "threads": 1}
PER_RUN = {"created", "name"}  # what differs between two saves of the same run
TIMINGS = {"samples_per_s", "elapsed_s"}  # measured, so never equal twice


def _app_record(tmp_path) -> dict:
    """Train as the Train page does: its worker, run on this thread, saves into the models folder."""
    pytest.importorskip("PySide6")
    from desktop.training_worker import TrainingRequest, TrainingWorker

    request = TrainingRequest(
        model_config=default_model_config("stacked"),
        train_config=default_train_config("stacked", **RUN),
        data=DataConfig("mnist", "embedded", allow_download=False),
        save_dir=tmp_path / "app",
    )
    worker = TrainingWorker(request, RunControl())
    saved, failed = [], []
    worker.saved.connect(saved.append)
    worker.failed.connect(failed.append)
    worker.run()
    assert failed == [] and len(saved) == 1
    return read_meta(saved[0])


def _cli_record(tmp_path) -> dict:
    out = tmp_path / "cli" / "stacked.safetensors"
    assert (
        main(
            [
                "train",
                "stacked",
                "--dataset",
                "mnist",
                "--source",
                "embedded",
                "--epochs",
                "1",
                "--max-steps",
                "4",
                "--seed",
                "7",
                "--device",
                "cpu",
                "--threads",
                "1",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    return read_meta(out)


def _without_timings(record: dict) -> dict:
    record = {k: v for k, v in record.items() if k not in PER_RUN}
    record["metrics"] = {k: v for k, v in record["metrics"].items() if k not in TIMINGS}
    record["history"] = {k: v for k, v in record["history"].items() if k not in TIMINGS}
    return record


def test_the_cli_and_the_app_write_identical_run_records(tmp_path, capsys):
    app, cli = _app_record(tmp_path), _cli_record(tmp_path)
    assert set(app) == set(cli)
    assert set(app["metrics"]) == set(cli["metrics"]) and TIMINGS <= set(app["metrics"])
    assert set(app["history"]) == set(cli["history"])
    assert _without_timings(app) == _without_timings(cli)
    assert app["dataset"]["source_kind"] == cli["dataset"]["source_kind"] == "embedded"  # the Latent page reads it
    assert app["dataset"]["requested_source"] == "embedded"
    assert app["stopped_because"] == "finished" and app["epochs_completed"] == 1
    assert app["name"].startswith("Stacked AE · MNIST · 20") and cli["name"] == "stacked"  # family · dataset · date


@pytest.fixture(scope="module")
def finished_run():
    data = DataConfig("mnist", "embedded", allow_download=False)
    train_config = default_train_config("stacked", **RUN)
    trainer = create_trainer(default_model_config("stacked"), train_config, data.load())
    ended = [e for e in trainer.run() if isinstance(e, events.RunEnded)][0]
    return trainer, ended, data, train_config


def test_saving_into_a_folder_never_overwrites_another_run(tmp_path, finished_run):
    first = save_run(tmp_path, *finished_run, name="my run")
    second = save_run(tmp_path, *finished_run, name="my run", extra={"note": "again"})
    assert first != second and first.is_file() and second.is_file()
    assert [p.name for p in sorted(tmp_path.iterdir())] == ["my run-2.safetensors", "my run.safetensors"]
    assert read_meta(second)["note"] == "again" and "note" not in read_meta(first)


def test_a_run_that_cannot_be_written_leaves_no_empty_file(tmp_path, finished_run, monkeypatch):
    import engine.runs

    def refuse(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(engine.runs, "save_checkpoint", refuse)
    with pytest.raises(OSError):
        save_run(tmp_path, *finished_run)
    assert list(tmp_path.iterdir()) == []


def test_data_config_says_what_load_dataset_takes():
    assert DataConfig.from_source("mnist", "embedded").source == "embedded"
    folder = DataConfig.from_source("fashion-mnist", "/data/fashion")
    assert (folder.source_kind, folder.source) == ("folder", "/data/fashion")
    with pytest.raises(DatasetError):
        DataConfig("mnist", "somewhere")
    with pytest.raises(DatasetError):
        DataConfig("cifar")
