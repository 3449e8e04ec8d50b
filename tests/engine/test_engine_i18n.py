"""The engine speaks the user's language through gettext, and still never loads Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from engine.i18n import language_from_environment
from engine.paths import asset_path

ROOT = Path(__file__).resolve().parents[2]
LOCALE_KEYS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

# A fresh interpreter: import everything the engine has, refuse a pickle file, diagnose a GAN.
PROBE = """
import json, pickle, sys
import engine, engine.cli, engine.data, engine.models, engine.train, engine.checkpoint
from engine.checkpoint import CheckpointError, load_checkpoint
from engine.train.gan_health import diagnose

path = sys.argv[1]
with open(path, "wb") as f:
    pickle.dump({"weights": [1, 2, 3]}, f)
try:
    load_checkpoint(path)
    refusal = None
except CheckpointError as exc:
    refusal = str(exc)
health = diagnose(d_real=0.99, d_fake=0.01)
qt = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph")]
print(json.dumps({"refusal": refusal, "headline": health.headline, "advice": health.advice, "qt": qt}))
"""


def run_probe(tmp_path: Path, **locale: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_KEYS}
    env.update(locale)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "model.safetensors")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_french_locale_gives_french_messages_and_no_qt(tmp_path):
    out = run_probe(tmp_path, LANG="fr_FR.UTF-8")
    assert out["qt"] == []
    assert out["refusal"] and "pickle" in out["refusal"]
    assert "n'ouvre jamais" in out["refusal"] and "never" not in out["refusal"]
    assert out["headline"] == "Le discriminateur gagne trop facilement"
    assert "taux d'apprentissage" in out["advice"]


def test_english_locale_gives_the_english_source(tmp_path):
    out = run_probe(tmp_path, LANG="C.UTF-8")
    assert out["headline"] == "The discriminator wins too easily"
    assert "never unpickles" in out["refusal"]


def test_language_variable_wins_over_lang_like_any_cli(tmp_path):
    out = run_probe(tmp_path, LANG="en_US.UTF-8", LANGUAGE="fr_CA:en")
    assert out["headline"] == "Le discriminateur gagne trop facilement"


def test_language_from_environment_follows_posix_precedence():
    assert language_from_environment({"LANG": "fr_BE.UTF-8"}) == "fr"
    assert language_from_environment({"LC_ALL": "de_DE.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert language_from_environment({"LC_MESSAGES": "fr_CH", "LANG": "en_GB"}) == "fr"
    assert language_from_environment({}) == "en"


def test_the_french_catalogue_is_complete_and_compiled():
    sys.path.insert(0, str(asset_path("i18n")))
    try:
        from po_files import compile_mo, parse_po
    finally:
        sys.path.pop(0)
    po = asset_path("i18n", "engine", "fr", "LC_MESSAGES", "latent_studio.po")
    entries = parse_po(po.read_text(encoding="utf-8"))
    untranslated = [e["msgid"] for e in entries if e["msgid"] and (e["fuzzy"] or not all(e["msgstr"]))]
    assert untranslated == []
    assert po.with_suffix(".mo").read_bytes() == compile_mo(entries)


def test_the_cli_follows_lang_but_its_json_stays_the_same(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_KEYS}

    def cli(*args: str, **locale: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "engine.cli", *args],
            capture_output=True,
            text=True,
            env={**env, **locale},
            cwd=ROOT,
            timeout=180,
        )

    french = cli("models", LANG="fr_FR.UTF-8")
    assert french.returncode == 0, french.stderr
    assert "Autoencodeur empilé" in french.stdout and "paramètres" in french.stdout
    refused = cli("evaluate", str(tmp_path / "missing.safetensors"), LANG="fr_FR.UTF-8")
    assert refused.returncode == 2 and refused.stderr.startswith("erreur") and "aucun point" in refused.stderr
    json_fr = [json.loads(line) for line in cli("models", "--json", LANG="fr_FR.UTF-8").stdout.splitlines()]
    json_en = [json.loads(line) for line in cli("models", "--json", LANG="C.UTF-8").stdout.splitlines()]
    assert [(r["family"], r["params"]) for r in json_fr] == [(r["family"], r["params"]) for r in json_en]
