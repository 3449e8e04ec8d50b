"""The headless CLI: what a user types, what they read back."""

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from engine.cli import main


def last_json(text):
    return json.loads(text.strip().splitlines()[-1])


def test_models_lists_every_family_with_parameters(capsys):
    assert main(["models"]) == 0
    out = capsys.readouterr().out
    for family, params in {"stacked": "163,814", "conv": "46,529", "gan": "269,585"}.items():
        assert f"{family}: {params} parameters" in out
    for family in ("denoising", "sparse", "vae", "dcgan"):
        assert f"\n{family}: " in out


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "stacked.safetensors"
    code = main(
        [
            "train",
            "stacked",
            "--dataset",
            "mnist",
            "--source",
            "embedded",
            "--epochs",
            "2",
            "--max-steps",
            "30",
            "--threads",
            "1",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    return out


def test_train_prints_epochs_then_a_json_summary(tmp_path, capsys):
    out = tmp_path / "vae.safetensors"
    assert (
        main(
            [
                "train",
                "vae",
                "--dataset",
                "mnist",
                "--source",
                "embedded",
                "--epochs",
                "2",
                "--max-steps",
                "10",
                "--coding-size",
                "2",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    stdout = capsys.readouterr().out
    assert "epoch 1/2" in stdout and "epoch 2/2" in stdout
    result = last_json(stdout)
    assert {"val_loss", "epochs", "samples_per_s", "device", "stopped_because"} <= set(result)
    assert result["epochs"] == 2 and result["stopped_because"] == "finished" and result["device"] == "cpu"
    assert out.exists()


def test_evaluate_reproduces_the_training_metrics(trained, capsys):
    capsys.readouterr()
    assert main(["evaluate", str(trained), "--source", "embedded"]) == 0
    metrics = last_json(capsys.readouterr().out)
    from engine.checkpoint import read_meta

    assert metrics["loss"] == pytest.approx(read_meta(trained)["metrics"]["loss"], abs=1e-6)
    assert metrics["dataset"] == "mnist"


def test_reconstruct_writes_input_and_reconstruction(trained, tmp_path, capsys):
    canvas = np.full((120, 90), 255, np.uint8)  # a dark stroke on white paper, off centre
    canvas[20:90, 10:22] = 0
    Image.fromarray(canvas).save(tmp_path / "one.png")
    capsys.readouterr()
    assert main(["reconstruct", str(trained), str(tmp_path / "one.png"), "--out-dir", str(tmp_path / "out")]) == 0
    line = last_json(capsys.readouterr().out)
    assert line["inverted"] is True and line["bce"] > 0
    written = np.asarray(Image.open(tmp_path / "out" / "one.input.png"))
    assert written.shape == (28, 28) and written.max() > 200
    ys, xs = np.nonzero(written > 50)
    assert abs(xs.mean() - 13.5) < 2.5 and abs(ys.mean() - 13.5) < 2.5  # centred by centre of mass
    assert np.asarray(Image.open(tmp_path / "out" / "one.recon.png")).shape == (28, 28)


def test_sample_writes_n_images_and_a_grid(tmp_path, capsys):
    ckpt = tmp_path / "gan.safetensors"
    assert (
        main(
            [
                "train",
                "gan",
                "--dataset",
                "mnist",
                "--source",
                "embedded",
                "--epochs",
                "1",
                "--max-steps",
                "5",
                "--out",
                str(ckpt),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["sample", str(ckpt), "--n", "6", "--seed", "1", "--out-dir", str(tmp_path / "s")]) == 0
    files = sorted(p.name for p in (tmp_path / "s").iterdir())
    assert files == ["grid.png"] + [f"sample-{i:04d}.png" for i in range(6)]
    assert np.asarray(Image.open(tmp_path / "s" / "sample-0000.png")).shape == (28, 28)


def test_errors_are_one_line_and_non_zero(trained, tmp_path, capsys):
    (tmp_path / "model.pt").write_bytes(b"\x80\x04garbage")
    cases = [
        ["evaluate", str(tmp_path / "model.pt"), "--dataset", "mnist"],
        ["evaluate", str(tmp_path / "absent.safetensors"), "--dataset", "mnist"],
        ["sample", str(trained), "--out-dir", str(tmp_path / "x")],
        [
            "train",
            "stacked",
            "--dataset",
            "mnist",
            "--source",
            str(tmp_path / "nowhere"),
            "--out",
            str(tmp_path / "a.safetensors"),
        ],
        [
            "train",
            "stacked",
            "--dataset",
            "mnist",
            "--source",
            "embedded",
            "--lr",
            "-1",
            "--out",
            str(tmp_path / "a.safetensors"),
        ],
    ]
    for argv in cases:
        capsys.readouterr()
        assert main(argv) != 0, argv
        err = capsys.readouterr().err.strip().splitlines()
        assert err[-1].startswith("error: "), (argv, err)
    assert not (tmp_path / "a.safetensors").exists()


def test_diverging_run_says_so_and_exits_non_zero(tmp_path, capsys):
    out = tmp_path / "d.safetensors"
    code = main(
        [
            "train",
            "stacked",
            "--dataset",
            "mnist",
            "--source",
            "embedded",
            "--lr",
            "100000",
            "--epochs",
            "2",
            "--max-steps",
            "40",
            "--out",
            str(out),
        ]
    )
    assert code != 0
    captured = capsys.readouterr()
    assert last_json(captured.out)["stopped_because"] == "diverged"
    assert "lower learning rate" in captured.err
    assert out.exists()  # the last good weights are kept


def test_python_dash_m_engine_works():
    result = subprocess.run([sys.executable, "-m", "engine", "--version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "latent-studio" in result.stdout
