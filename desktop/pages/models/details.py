"""The Models page's details: how the selected model was made, in the user's words and number format.

Its words keep the Models page's translation context (``QCoreApplication.translate("ModelsPage", …)``),
so they keep its translations.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from desktop.model_library import ModelEntry
from desktop.pages.run_story import story_sentence
from desktop.plain_text import escaped
from engine.i18n import _
from engine.models import find_family

WORDS = {  # the words of the details and metric cells for the checkpoints' keys (translated where shown)
    "loss": QT_TRANSLATE_NOOP("ModelsPage", "loss"),
    "bce": "BCE",
    "rounded_accuracy": QT_TRANSLATE_NOOP("ModelsPage", "rounded accuracy"),
    "epochs": QT_TRANSLATE_NOOP("ModelsPage", "epochs"),
    "batch_size": QT_TRANSLATE_NOOP("ModelsPage", "batch size"),
    "lr": QT_TRANSLATE_NOOP("ModelsPage", "learning rate"),
    "optimizer": QT_TRANSLATE_NOOP("ModelsPage", "optimizer"),
    "seed": QT_TRANSLATE_NOOP("ModelsPage", "seed"),
    "d_real": "D(x)",
    "d_fake": "D(G(z))",
    "loss_d": "Loss_D",
    "loss_g": "Loss_G",
    "loss_q": "Loss_Q",
}


def word(key: str) -> str:
    """A checkpoint key in the user's words ("batch_size" → "batch size"); unknown keys spelt out."""
    return QCoreApplication.translate("ModelsPage", WORDS[key]) if key in WORDS else key.replace("_", " ")


def family_text(key: str) -> str:
    """ "vae — Variational autoencoder: …", from the family's record (just the key if none is registered)."""
    family = find_family(key)
    return f"{key} — {_(family.description)}" if family is not None else f"{key} — "


def metric_text(key: str, value) -> str:
    """One metric in words: "loss 0.2880", "25,040 images/s", "trained in 9.4 s" (the user's number format)."""
    locale = QLocale()
    if key == "samples_per_s" and isinstance(value, (int, float)):
        return QCoreApplication.translate("ModelsPage", "{speed} images/s").format(speed=locale.toString(round(value)))
    if key == "elapsed_s" and isinstance(value, (int, float)):
        seconds = locale.toString(float(value), "f", 1)
        return QCoreApplication.translate("ModelsPage", "trained in {seconds} s").format(seconds=seconds)
    text = locale.toString(value, "g", 4) if isinstance(value, float) else str(value)
    return f"{word(key)} {text}"


def data_text(title: str, data: dict) -> str:
    """Where a run's images came from, in the user's words: the checkpoint records it in English."""
    from engine.data.dataset import HEADINGS

    kind, train, val = data.get("source_kind"), data.get("train_size"), data.get("val_size")
    if kind in HEADINGS and isinstance(train, int) and isinstance(val, int):
        return QCoreApplication.translate(
            "ModelsPage", "{dataset}, {source}: {train} training and {val} validation images"
        ).format(dataset=title, source=_(HEADINGS[kind]), train=QLocale().toString(train), val=QLocale().toString(val))
    return f"{title}, {data.get('source', '?')}"


def details_html(entry: ModelEntry) -> str:
    """The model's name over a table: its story, family, data, training and model settings, metrics, file."""
    from engine.models import ModelConfig

    def relevant_settings(config: dict) -> dict:
        try:
            return ModelConfig.from_dict(config).relevant()
        except (TypeError, ValueError):
            return {k: v for k, v in config.items() if k != "family"}

    meta = entry.meta
    train = meta.get("train_config") or {}
    data = meta.get("dataset") or {}
    model_config = meta.get("model_config") or {}
    family = find_family(entry.family)

    def setting(key: str, value) -> str:
        option = family.option(key) if family is not None else None
        label = _(option.label) if option is not None else word(key)
        titles = dict(option.choices) if option is not None else {}
        if value in titles:  # a choice reads by its title: "Codes from: The dataset's classes"
            return QCoreApplication.translate("ModelsPage", "{label}: {value}").format(
                label=label, value=_(titles[value])
            )
        return f"{label} {QLocale().toString(value, 'g', 6) if isinstance(value, float) else value}"

    rows = [
        (QCoreApplication.translate("ModelsPage", "Story"), story_sentence(entry)),
        (QCoreApplication.translate("ModelsPage", "Family"), family_text(entry.family)),
        (QCoreApplication.translate("ModelsPage", "Data"), data_text(entry.dataset_label, data)),
        (
            QCoreApplication.translate("ModelsPage", "Training"),
            ", ".join(
                [setting(k, train[k]) for k in ("epochs", "batch_size", "lr", "optimizer", "seed") if k in train]
                + ([QCoreApplication.translate("ModelsPage", "augmented images")] if train.get("augment") else [])
            ),
        ),
        (
            QCoreApplication.translate("ModelsPage", "Model"),
            ", ".join(setting(k, v) for k, v in relevant_settings(model_config).items())
            or QCoreApplication.translate("ModelsPage", "the lecture's architecture, no options"),
        ),
        (
            QCoreApplication.translate("ModelsPage", "Metrics"),
            ", ".join(metric_text(k, v) for k, v in entry.metrics.items()),
        ),
        (QCoreApplication.translate("ModelsPage", "File"), str(entry.path)),
    ]
    body = "".join(f"<tr><td><b>{k}</b></td><td>{escaped(v)}</td></tr>" for k, v in rows)
    return f"<h3>{escaped(entry.name)}</h3><table cellspacing='4'>{body}</table>"
