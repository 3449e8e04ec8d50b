"""Property tests: whatever JSON record or bytes a file holds, the reader says CheckpointError or loads it.

Any other exception (ValueError, TypeError, OverflowError, RecursionError, …) would
escape into the Models page or the CLI as a crash.
"""

import json
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safetensors.torch import save as st_save

from engine.checkpoint import CheckpointError, load_checkpoint, read_meta, save_checkpoint
from engine.models import build_model, default_model_config

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
FIELDS = [
    "format",
    "format_version",
    "name",
    "family",
    "model_config",
    "train_config",
    "dataset",
    "history",
    "metrics",
    "created",
    "versions",
    "epochs_completed",
    "stopped_because",
    "weights_dtype",
    "data",
]
CONFIG_FIELDS = ["family", "coding_size", "noise", "noise_std", "dropout_rate", "sparsity", "sparsity_target"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def base(folder):
    model = build_model(default_model_config("stacked"))
    path = save_checkpoint(folder / "base.safetensors", model)
    return read_meta(path), model.state_dict(), path.read_bytes()


def _only_checkpoint_errors(path, full: bool = True) -> None:
    for reader in (read_meta, load_checkpoint) if full else (read_meta,):
        try:
            reader(path)
        except CheckpointError as exc:
            assert str(exc) and "\n" not in str(exc)


@SETTINGS
@given(
    changes=st.dictionaries(st.sampled_from(FIELDS), json_values, min_size=1, max_size=3),
    config_changes=st.dictionaries(st.sampled_from(CONFIG_FIELDS), json_values, max_size=2),
)
def test_a_valid_record_with_random_fields_gives_only_checkpoint_errors(folder, base, changes, config_changes):
    record, tensors, _ = base
    record = json.loads(json.dumps(record))
    record.update(changes)
    if isinstance(record.get("model_config"), dict):
        record["model_config"].update(config_changes)
    path = folder / "fields.safetensors"
    path.write_bytes(st_save(tensors, metadata={"latent_studio": json.dumps(record)}))
    _only_checkpoint_errors(path)


@SETTINGS
@given(record=json_values)
def test_any_json_record_gives_only_checkpoint_errors(folder, base, record):
    path = folder / "record.safetensors"
    path.write_bytes(st_save(base[1], metadata={"latent_studio": json.dumps(record)}))
    _only_checkpoint_errors(path)


@SETTINGS
@given(data=st.binary(max_size=2048))
def test_random_bytes_give_only_checkpoint_errors(folder, data):
    path = folder / "bytes.safetensors"
    path.write_bytes(data)
    _only_checkpoint_errors(path)


@SETTINGS
@given(header=st.binary(max_size=512) | json_values.map(lambda v: json.dumps(v).encode()), tail=st.binary(max_size=64))
def test_random_headers_give_only_checkpoint_errors(folder, header, tail):
    path = folder / "header.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + tail)
    _only_checkpoint_errors(path)


@SETTINGS
@given(
    position=st.integers(min_value=0),
    value=st.integers(min_value=0, max_value=255),
    cut=st.none() | st.integers(min_value=0),
)
def test_a_damaged_real_checkpoint_gives_only_checkpoint_errors(folder, base, position, value, cut):
    data = bytearray(base[2])
    (header_len,) = struct.unpack("<Q", data[:8])
    data[position % (8 + header_len)] = value  # damage the header or the record
    if cut is not None:
        data = data[: cut % len(data)]
    path = folder / "damaged.safetensors"
    path.write_bytes(bytes(data))
    _only_checkpoint_errors(path, full=cut is None)
