"""Hostile checkpoints: a well-formed file with a poisonous record, a cut or padded file, a pipe.

Each is refused with a CheckpointError naming the file and what is wrong — never a
ValueError, a RecursionError, a hang or gigabytes of memory.
"""

import json
import os
import struct
import threading
import tracemalloc

import pytest
from safetensors.torch import save as st_save

from engine.checkpoint import CheckpointError, load_checkpoint, read_meta, read_record, save_checkpoint, update_meta
from engine.models import build_model, default_model_config


@pytest.fixture(scope="module")
def tensors():
    return build_model(default_model_config("stacked")).state_dict()


@pytest.fixture
def good(tmp_path):
    return save_checkpoint(
        tmp_path / "good.safetensors",
        build_model(default_model_config("stacked")),
        dataset={"name": "mnist"},
        metrics={"loss": 0.1},
        extra={"epochs_completed": 3},
    )


def _write(path, tensors, record_text: str):
    path.write_bytes(st_save(tensors, metadata={"latent_studio": record_text}))
    return path


def _poisoned(tmp_path, tensors, **changes):
    record = read_meta(save_checkpoint(tmp_path / "base.safetensors", build_model(default_model_config("stacked"))))
    for key, value in changes.items():
        if "." in key:
            outer, inner = key.split(".")
            record[outer][inner] = value
        else:
            record[key] = value
    return _write(tmp_path / "poisoned.safetensors", tensors, json.dumps(record))


HOSTILE_FIELDS = [
    ("format_version", "x"),
    ("format_version", [1]),
    ("format_version", float("inf")),
    ("format_version", True),
    ("dataset", "mnist"),
    ("metrics", [0.1, 0.2]),
    ("metrics", {"loss": "low"}),
    ("epochs_completed", float("inf")),
    ("epochs_completed", -1),
    ("model_config", ["stacked", 30]),
    ("model_config.coding_size", "30"),
    ("model_config.coding_size", 30.5),
    ("model_config.coding_size", 10**30),
    ("model_config.noise_std", float("nan")),
    ("name", {"text": "x"}),
    ("name", "n" * 5000),
    ("family", 7),
    ("history", {"loss": "0.1"}),
    ("train_config", [32]),
    ("train_config.batch_size", "32"),
    ("dataset.train_size", 1.5),
    ("versions", {"torch": ["2"]}),
    ("weights_dtype", "pickle"),
]


@pytest.mark.parametrize(("field", "value"), HOSTILE_FIELDS, ids=[f"{f}={v!r}"[:40] for f, v in HOSTILE_FIELDS])
def test_a_hostile_record_field_is_named(tmp_path, tensors, field, value):
    path = _poisoned(tmp_path, tensors, **{field: value})
    for reader in (read_meta, load_checkpoint):
        with pytest.raises(CheckpointError) as caught:
            reader(path)
        message = str(caught.value)
        assert "poisoned.safetensors" in message and field.split(".")[0] in message
        assert "\n" not in message


def test_a_newer_format_says_to_update(tmp_path, tensors):
    with pytest.raises(CheckpointError, match="newer Latent Studio"):
        read_meta(_poisoned(tmp_path, tensors, format_version=2))


def test_a_record_nested_200000_levels_deep_is_refused(tmp_path, tensors):
    record = read_meta(save_checkpoint(tmp_path / "b.safetensors", build_model(default_model_config("stacked"))))
    text = json.dumps(record)[:-1] + ', "notes": ' + "[" * 200_000 + "]" * 200_000 + "}"
    path = _write(tmp_path / "deep.safetensors", tensors, text)
    with pytest.raises(CheckpointError, match=r"deep\.safetensors.*nested 200001 levels deep"):
        read_meta(path)


def test_a_header_nested_deep_is_refused(tmp_path):
    header = b'{"a":' * 100_000 + b"1" + b"}" * 100_000
    path = tmp_path / "deep-header.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header)
    with pytest.raises(CheckpointError, match="not a Latent Studio checkpoint"):
        read_meta(path)


def test_record_that_is_not_an_object_or_not_json(tmp_path, tensors):
    for text in ("[1, 2]", "Infinity", "{", '"text"', '{"format": "latent-studio-checkpoint"'):
        with pytest.raises(CheckpointError):
            read_meta(_write(tmp_path / "odd.safetensors", tensors, text))


def test_unknown_extra_fields_pass_through(tmp_path, tensors):
    path = _poisoned(
        tmp_path,
        tensors,
        data={"source_kind": "embedded", "dataset": "mnist"},
        future_field={"anything": [1, 2, {"x": None}]},
    )
    meta = read_meta(path)
    assert meta["data"]["source_kind"] == "embedded" and meta["future_field"]["anything"][2] == {"x": None}
    assert read_record(path).model_config.family == "stacked"
    assert load_checkpoint(path).meta["future_field"] == meta["future_field"]


def test_a_file_cut_in_half_is_refused_before_it_is_listed(good):
    data = good.read_bytes()
    good.write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match="truncated"):
        read_meta(good)


def test_trailing_data_is_refused_without_being_read(good):
    with open(good, "r+b") as handle:  # 200 MB of trailing bytes, sparse: the test stays fast
        handle.truncate(good.stat().st_size + 200 * 2**20)
    for reader in (read_meta, load_checkpoint):
        tracemalloc.start()
        try:
            with pytest.raises(CheckpointError, match="unexpected data after its weights"):
                reader(good)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 20 * 2**20, f"{reader.__name__} allocated {peak / 2**20:.0f} MB"


def test_loading_needs_a_small_multiple_of_the_file(tmp_path):
    path = save_checkpoint(tmp_path / "dcgan.safetensors", build_model(default_model_config("dcgan")))
    load_checkpoint(path)  # imports and caches warmed up
    tracemalloc.start()
    try:
        load_checkpoint(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * path.stat().st_size


def test_a_huge_header_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.safetensors"
    with open(path, "wb") as handle:
        handle.write(struct.pack("<Q", 60 * 2**20) + b"{")
        handle.truncate(61 * 2**20)
    tracemalloc.start()
    try:
        with pytest.raises(CheckpointError, match="header is 60 MB"):
            read_meta(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_named_like_a_checkpoint_never_hangs(tmp_path):
    fifo = tmp_path / "pipe.safetensors"
    os.mkfifo(fifo)
    outcome = []

    def read():
        try:
            read_meta(fifo)
        except CheckpointError as exc:
            outcome.append(str(exc))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(30)  # a hang guard, not a timing assertion: a reader that opens the pipe blocks forever
    assert not reader.is_alive(), "read_meta blocked on a FIFO"
    assert outcome and "not a regular file" in outcome[0]


def test_tensor_table_lies_are_refused(tmp_path, good):
    data = good.read_bytes()
    (header_len,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_len])
    first = next(k for k in header if k != "__metadata__")
    for lie in (
        {"dtype": "F32", "shape": [10**15], "data_offsets": [0, 4]},
        {"dtype": "PICKLE", "shape": [1], "data_offsets": [0, 4]},
        {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]},
    ):
        header[first] = lie
        text = json.dumps(header).encode()
        path = tmp_path / "lie.safetensors"
        path.write_bytes(struct.pack("<Q", len(text)) + text + data[8 + header_len :])
        with pytest.raises(CheckpointError, match="lie.safetensors"):
            read_meta(path)


def test_a_rename_with_a_bad_value_leaves_the_file_as_it_was(good):
    before = good.read_bytes()
    with pytest.raises(CheckpointError, match="'name'"):
        update_meta(good, name={"not": "text"})
    assert good.read_bytes() == before


@pytest.mark.parametrize("declared", [0, 1])
def test_a_header_length_of_zero_or_one_never_reads_the_rest(tmp_path, declared):
    path = tmp_path / "zero.safetensors"
    with open(path, "wb") as handle:
        handle.write(struct.pack("<Q", declared) + b"{")
        handle.truncate(100 * 2**20)  # sparse: reading it would allocate 100 MB
    tracemalloc.start()
    try:
        with pytest.raises(CheckpointError, match="not a safetensors checkpoint"):
            read_meta(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20
