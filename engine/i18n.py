"""The engine's words in the user's language, without Qt: Python's ``gettext``.

Why gettext: the engine must stay Qt-free (the CLI runs without a display and
a test proves no Qt module is imported), its messages are built deep inside
the data, checkpoint and training code where a message key with parameters
would have to be threaded through every exception, and gettext is what every
command-line tool uses — it follows ``LANGUAGE`` / ``LC_ALL`` /
``LC_MESSAGES`` / ``LANG`` like any of them. The desktop calls
:func:`set_language` when the user picks a language in its menu, so one
catalogue serves the CLI and the app.

- ``_("…")`` translates now, in the current language (for messages built at
  run time: errors, diagnoses).
- ``N_("…")`` only marks a string for extraction; translate it with ``_()``
  where it is shown (for tables built at import time, such as the families'
  descriptions).

Catalogues: ``assets/i18n/engine/<lang>/LC_MESSAGES/latent_studio.mo``,
compiled from the ``.po`` beside them by ``assets/i18n/update_translations.py``.
"""

from __future__ import annotations

import gettext
import os
import threading

DOMAIN = "latent_studio"

_lock = threading.Lock()
_language: str | None = None  # None: follow the environment
_translation: gettext.NullTranslations | None = None


def _catalogue_dir():
    from .paths import asset_path

    return asset_path("i18n", "engine")


def available_languages() -> list[str]:
    """English (the source text) and every language with a compiled catalogue: adding a language is
    adding its ``.po`` (and ``.mo``), nothing else."""
    try:
        found = sorted(p.parent.parent.name for p in _catalogue_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    except OSError:
        found = []
    return ["en"] + [code for code in found if code != "en"]


def language_from_environment(environ: dict | None = None) -> str:
    """The language of the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set (``fr`` for
    ``fr_CA.UTF-8``), when the engine speaks it; else ``en``."""
    environ = os.environ if environ is None else environ
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key)
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if code in available_languages() else "en"
    return "en"


def set_language(language: str | None) -> None:
    """Use ``language`` (``"en"``, ``"fr"``, or None to follow the environment) from now on."""
    global _language, _translation
    with _lock:
        _language = language
        _translation = None


def current_language() -> str:
    return _language or language_from_environment()


def _get_translation() -> gettext.NullTranslations:
    global _translation
    with _lock:
        if _translation is None:
            language = _language or language_from_environment()
            try:
                _translation = gettext.translation(DOMAIN, localedir=str(_catalogue_dir()), languages=[language])
            except (OSError, ValueError):  # no catalogue (English, or a broken install): the source text
                _translation = gettext.NullTranslations()
        return _translation


def _(message: str) -> str:
    """``message`` in the current language (the English source when there is no translation)."""
    return _get_translation().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _get_translation().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it (translate with ``_()`` where shown)."""
    return message
