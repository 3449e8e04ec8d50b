"""A run's story in words, for the Models page: how it ended, how far it got, what it scored.

A checkpoint's record says why its run ended (``stopped_because``: finished,
stopped, diverged, …), whether closing the window cut it off (``ended_by``),
how many epochs it completed and how many were planned, and its final
metrics. These functions turn that into the short texts a student reads.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from desktop.model_library import ModelEntry, shipped_record

CONTEXT = "RunStory"

#: outcome key → (symbol, words); the key is what the filter and the sort use
OUTCOMES = {
    "finished": ("✓", QT_TRANSLATE_NOOP("RunStory", "finished")),
    "stopped": ("■", QT_TRANSLATE_NOOP("RunStory", "stopped")),
    "closing": ("⏻", QT_TRANSLATE_NOOP("RunStory", "cut off by quitting")),
    "diverged": ("⚠", QT_TRANSLATE_NOOP("RunStory", "diverged")),
    "out_of_memory": ("⚠", QT_TRANSLATE_NOOP("RunStory", "out of memory")),
    "error": ("⚠", QT_TRANSLATE_NOOP("RunStory", "failed")),
    "unknown": ("?", QT_TRANSLATE_NOOP("RunStory", "unknown")),
}


def outcome(entry: ModelEntry) -> str:
    """How the run ended: a key of :data:`OUTCOMES`. A non-finite final loss counts as diverged."""
    if is_diverged(entry):
        return "diverged"
    reason = str(entry.meta.get("stopped_because") or "")
    if reason == "stopped" and entry.meta.get("ended_by") == "closing":
        return "closing"
    return reason if reason in OUTCOMES else "unknown"


def is_diverged(entry: ModelEntry) -> bool:
    """The run's loss became NaN or infinite: its weights draw noise."""
    if entry.meta.get("stopped_because") == "diverged":
        return True
    loss = entry.final("loss")
    return loss is not None and not math.isfinite(loss)


def outcome_text(entry: ModelEntry) -> str:
    """ "✓ finished", "⏻ cut off by quitting", …"""
    symbol, words = OUTCOMES[outcome(entry)]
    return f"{symbol} {QCoreApplication.translate(CONTEXT, words)}"


def planned_epochs(entry: ModelEntry) -> int | None:
    planned = (entry.meta.get("train_config") or {}).get("epochs")
    return int(planned) if isinstance(planned, (int, float)) else None


def phased(entry: ModelEntry) -> tuple[int, int, int] | None:
    """(the epoch kept, epochs run in all, phases) of a shipped model trained in several phases whose best
    epoch the judge chose (the DCGANs; their checkpoint's record only tells its last phase), or None."""
    record = shipped_record(entry) or {}
    phases, best, run = record.get("phases"), record.get("best_epoch"), record.get("epochs_run")
    if not isinstance(phases, list) or len(phases) < 2 or not isinstance(best, int) or not isinstance(run, int):
        return None
    return best, run, len(phases)


def epochs_text(entry: ModelEntry) -> str:
    """ "3 of 10" when the run ended early, "10" when it ran them all, "—" when unknown; for a model trained
    in phases, the epoch kept of all those run ("255 of 282")."""
    if (kept := phased(entry)) is not None:
        return QCoreApplication.translate("RunStory", "{done} of {planned}").format(done=kept[0], planned=kept[1])
    done, planned = entry.epochs, planned_epochs(entry)
    if done is None:
        return "—"
    if planned is not None and planned != done:
        return QCoreApplication.translate("RunStory", "{done} of {planned}").format(done=done, planned=planned)
    return str(done)


def story_sentence(entry: ModelEntry) -> str:
    """One sentence: how the run ended and how far it got."""
    done, planned = entry.epochs, planned_epochs(entry)
    sentences = {
        "finished": QCoreApplication.translate("RunStory", "Finished."),
        "stopped": QCoreApplication.translate("RunStory", "Stopped by you before the end."),
        "closing": QCoreApplication.translate(
            "RunStory", "Cut off when the app was closed; what it had learnt was saved."
        ),
        "diverged": QCoreApplication.translate(
            "RunStory", "Diverged: the loss became infinite or NaN, so it draws noise. Delete it?"
        ),
        "out_of_memory": QCoreApplication.translate("RunStory", "Ran out of memory; what it had learnt was saved."),
        "error": QCoreApplication.translate("RunStory", "Failed with an error; what it had learnt was saved."),
        "unknown": QCoreApplication.translate("RunStory", "How this run ended was not recorded."),
    }
    text = sentences[outcome(entry)]
    if (kept := phased(entry)) is not None:
        best, run, phases = kept
        return (
            text
            + " "
            + QCoreApplication.translate(
                "RunStory", "(Trained in {phases} phases, {run} epochs in all; the judge kept epoch {best}.)"
            ).format(phases=phases, run=run, best=best)
        )
    if done is not None and planned is not None:
        text += " " + QCoreApplication.translate("RunStory", "(Epochs done: {done} of {planned} planned.)").format(
            done=done, planned=planned
        )  # no %n: pyside6-lupdate reads no plural in translate()
    return text


def number(value: float, decimals: int) -> str:
    """A number for the user's locale (decimal comma in French); "∞"/"NaN" when not finite."""
    if not math.isfinite(value):
        return "NaN" if math.isnan(value) else "∞"
    return QLocale().toString(float(value), "f", decimals)
