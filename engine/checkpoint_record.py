"""The JSON record a checkpoint carries, checked field by field before anything reads it.

Checkpoints come from classmates, e-mail and USB sticks, so their record is
untrusted input: a ``format_version`` of ``"x"``, a ``dataset`` that is a
string, ``epochs_completed`` set to ``Infinity`` or metadata nested 200,000
levels deep must be refused with a message naming the field — never reach the
Models page, the CLI or ``int()`` as they are.

:func:`parse_json` caps the nesting *before* ``json.loads`` runs (so a deep
document never recurses), and :meth:`CheckpointRecord.from_dict` checks every
known field's type and range. Keys this version does not know (fields that a
newer run record adds) pass through as they are, within the same size and
depth caps.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from .i18n import _
from .models import ModelConfig

FORMAT = "latent-studio-checkpoint"
FORMAT_VERSION = 1
MAX_DEPTH = 32  # nesting of the record's JSON; a real record is 4 levels deep
MAX_TEXT = 1024  # characters in a short text field (name, family, dataset, dates, versions)
MAX_INT = 2**63 - 1  # whole numbers beyond this are not counts of anything real

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


class RecordError(ValueError):
    """One field of a record is missing, of the wrong type or out of range."""

    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(f"{field_name}: {reason}")
        self.field = field_name
        self.reason = reason


class NewerFormatError(RecordError):
    """The record was written by a newer Latent Studio; its fields may mean other things."""


def json_depth(text: bytes) -> int:
    """The deepest nesting of ``[``/``{`` in a JSON document, counted without recursion (strings ignored)."""
    bare = np.frombuffer(_STRING.sub(b'""', text), dtype=np.uint8)
    if bare.size == 0:
        return 0
    steps = np.isin(bare, (ord("["), ord("{"))).astype(np.int32) - np.isin(bare, (ord("]"), ord("}")))
    return int(np.cumsum(steps).max(initial=0))


def parse_json(text: bytes | str, what: str, max_depth: int = MAX_DEPTH) -> Any:
    """``json.loads`` after a depth check; any failure is a :class:`RecordError` about ``what``."""
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    depth = json_depth(raw)
    if depth > max_depth:
        raise RecordError(what, _("nested {depth} levels deep (at most {limit})").format(depth=depth, limit=max_depth))
    try:
        return json.loads(raw)
    except RecursionError:  # not reachable after the depth check, kept as a last defence
        raise RecordError(what, _("nested too deeply")) from None
    except (ValueError, TypeError) as exc:  # JSONDecodeError, bad UTF-8, digits past int's limit
        raise RecordError(what, _("not valid JSON ({reason})").format(reason=exc)) from None


# -- field checks -------------------------------------------------------------------------------------
def _kind(value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return {
        dict: "an object",
        list: "a list",
        str: "a text",
        bool: "true/false",
        type(None): "null",
        int: "a whole number",
        float: "a number",
    }.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    text = json.dumps(value) if isinstance(value, (str, int, float, bool, type(None))) else _kind(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _text(value: Any, name: str, max_len: int = MAX_TEXT, choices: tuple[str, ...] = ()) -> str:
    if not isinstance(value, str):
        raise RecordError(name, _("must be a text, not {value}").format(value=_show(value)))
    if len(value) > max_len:
        raise RecordError(name, _("is {n} characters long (at most {limit})").format(n=len(value), limit=max_len))
    if choices and value not in choices:
        raise RecordError(
            name, _("must be one of {choices}, not {value}").format(choices=", ".join(choices), value=_show(value))
        )
    return value


def _whole(value: Any, name: str, low: int = 0, high: int = MAX_INT) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(name, _("must be a whole number, not {value}").format(value=_show(value)))
    if not low <= value <= high:
        raise RecordError(
            name, _("must be between {low} and {high}, not {value}").format(low=low, high=high, value=_show(value))
        )
    return value


def _number(value: Any, name: str, finite: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RecordError(name, _("must be a number, not {value}").format(value=_show(value)))
    if isinstance(value, int) and abs(value) > MAX_INT:
        raise RecordError(name, _("is out of range ({value})").format(value=_show(value)))
    if finite and not math.isfinite(value):
        raise RecordError(name, _("must be a finite number, not {value}").format(value=_show(value)))
    return float(value)


def _object(value: Any, name: str) -> dict:
    if not isinstance(value, dict):
        raise RecordError(name, _("must be an object ({{…}}), not {value}").format(value=_show(value)))
    return value


def _typed_like(value: Any, default: Any, name: str) -> Any:
    """Check ``value`` against the type of a dataclass field's default (int, float, str, bool)."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise RecordError(name, _("must be true or false, not {value}").format(value=_show(value)))
        return value
    if isinstance(default, int):
        return _whole(value, name, -MAX_INT, MAX_INT)
    if isinstance(default, float):
        return _number(value, name)
    if isinstance(default, str):
        return _text(value, name)
    return value


def _settings(value: Any, name: str, cls: type) -> dict:
    """A config dict whose known keys have the types of ``cls``'s fields; unknown keys are left as they are."""
    data = _object(value, name)
    defaults = {f.name: f.default for f in fields(cls)}
    for key, item in data.items():
        if key in defaults:
            _typed_like(item, defaults[key], f"{name}.{key}")
    return data


# -- the record ---------------------------------------------------------------------------------------
_DATASET_TEXTS = ("name", "source", "source_kind", "requested_source")
_DATASET_COUNTS = ("train_size", "val_size")


@dataclass(frozen=True)
class CheckpointRecord:
    """A checkpoint's record, every known field checked; ``raw`` is the dict as stored (unknown keys too)."""

    format_version: int
    family: str
    model_config: ModelConfig
    name: str | None = None  # the display name; None: the file's name
    train_config: dict = field(default_factory=dict)  # TrainConfig.to_dict(), known keys typed
    dataset: dict = field(default_factory=dict)  # name, source, source_kind, train_size, val_size, …
    history: dict = field(default_factory=dict)  # metric → list of values, one per epoch (or step)
    metrics: dict = field(default_factory=dict)  # metric → final value (a number or null)
    epochs_completed: int | None = None
    stopped_because: str | None = None
    created: str | None = None  # ISO 8601
    versions: dict = field(default_factory=dict)  # library → version text
    weights_dtype: str = "float32"
    raw: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, raw: Any) -> CheckpointRecord:
        """Check ``raw`` (parsed JSON); raise :class:`RecordError` naming the first bad field."""
        from .train.config import TrainConfig

        if not isinstance(raw, dict):
            raise RecordError("record", _("must be an object, not {value}").format(value=_show(raw)))
        if raw.get("format") != FORMAT:
            raise RecordError("format", _("is not {expected}").format(expected=FORMAT))
        version = _whole(raw.get("format_version"), "format_version", 1)
        if version > FORMAT_VERSION:
            raise NewerFormatError(
                "format_version",
                _("{version} is newer than this app's {ours}").format(version=version, ours=FORMAT_VERSION),
            )
        config_dict = _settings(raw.get("model_config"), "model_config", ModelConfig)
        try:
            config = ModelConfig.from_dict(config_dict)
        except (TypeError, ValueError) as exc:
            raise RecordError("model_config", str(exc)) from None
        family = _text(raw.get("family"), "family", 64)
        if family != config.family:
            raise RecordError(
                "family",
                _("{family} does not match its model_config ({config})").format(
                    family=_show(family), config=_show(config.family)
                ),
            )
        train_config = _settings(raw.get("train_config", {}), "train_config", TrainConfig)
        dataset = _object(raw.get("dataset", {}), "dataset")
        for key in _DATASET_TEXTS:
            if dataset.get(key) is not None:
                _text(dataset[key], f"dataset.{key}")
        for key in _DATASET_COUNTS:
            if dataset.get(key) is not None:
                _whole(dataset[key], f"dataset.{key}")
        history = _object(raw.get("history", {}), "history")
        for key, series in history.items():
            if not isinstance(series, list):
                raise RecordError(f"history.{key}", _("must be a list, not {value}").format(value=_show(series)))
        metrics = _object(raw.get("metrics", {}), "metrics")
        for key, value in metrics.items():
            if value is not None:
                _number(value, f"metrics.{key}", finite=False)  # a diverged run's loss is NaN or inf
        versions = _object(raw.get("versions", {}), "versions")
        for key, value in versions.items():
            _text(value, f"versions.{key}", 64)
        epochs = raw.get("epochs_completed")
        if "data" in raw:
            _object(raw["data"], "data")
        return cls(
            format_version=version,
            family=family,
            model_config=config,
            name=None if raw.get("name") is None else _text(raw["name"], "name"),
            train_config=train_config,
            dataset=dataset,
            history=history,
            metrics=metrics,
            epochs_completed=None if epochs is None else _whole(epochs, "epochs_completed", 0, 10**9),
            stopped_because=None
            if raw.get("stopped_because") is None
            else _text(raw["stopped_because"], "stopped_because", 64),
            created=None if raw.get("created") is None else _text(raw["created"], "created", 64),
            versions=versions,
            weights_dtype=_text(raw.get("weights_dtype", "float32"), "weights_dtype", 16, ("float32", "float16")),
            raw=raw,
        )

    def to_dict(self) -> dict:
        """The record as the callers' dict (every key as stored, unknown ones included)."""
        return dict(self.raw)
