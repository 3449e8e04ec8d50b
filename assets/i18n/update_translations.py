"""Regenerate Latent Studio's translation files; ``--check`` says whether they are up to date.

Two catalogues, because the engine must not import Qt:

- the desktop's words: ``pyside6-lupdate`` reads ``desktop/**/*.py`` into
  ``latent_studio_fr.ts`` (every string) and ``latent_studio_en.ts`` (plural
  forms only: English is the source language), and ``pyside6-lrelease``
  compiles them into the ``.qm`` files the app loads;
- the engine's words: the ``_()`` / ``N_()`` / ``ngettext()`` calls of
  ``engine/**/*.py``, read with :mod:`ast`, go into ``engine/latent_studio.pot``,
  are merged into ``engine/fr/LC_MESSAGES/latent_studio.po`` (existing
  translations kept) and compiled into the ``.mo`` that :mod:`gettext` loads.

Translators edit the ``.ts`` with Qt Linguist (``pyside6-linguist``) and the
``.po`` with any PO editor, then run this script again.

    python assets/i18n/update_translations.py           # extract, merge, compile
    python assets/i18n/update_translations.py --check   # exit 1 if stale or unfinished (the tests run this)
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from po_files import compile_mo, merge_po, parse_po, write_pot  # noqa: E402

DOMAIN = "latent_studio"
ENGINE_DIR = HERE / "engine"


def languages() -> list[str]:
    """The translations there are (``latent_studio_<lang>.ts``); ``en`` holds only the English plural forms."""
    found = {p.stem.removeprefix(f"{DOMAIN}_") for p in HERE.glob(f"{DOMAIN}_*.ts")}
    return sorted(found | {"en"})


def translated_languages() -> list[str]:
    """The languages translated from English: each has a ``.ts`` and an engine ``.po``."""
    return [code for code in languages() if code != "en"]


def ts_path(language: str) -> Path:
    return HERE / f"{DOMAIN}_{language}.ts"


def po_path(language: str) -> Path:
    return ENGINE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def python_files(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


# -- desktop: Qt's .ts / .qm -------------------------------------------------------------------
def run_lupdate(targets: dict[str, Path]) -> None:
    sources = [str(p.relative_to(ROOT)) for p in python_files("desktop")]
    for language, target in targets.items():
        options = ["-pluralonly"] if language == "en" else []
        subprocess.run(
            [
                qt_tool("pyside6-lupdate"),
                "-silent",
                "-locations",
                "none",
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                language,
                *options,
                *sources,
                "-ts",
                str(target),
            ],
            cwd=ROOT,
            check=True,
        )


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished_ts_entries(ts: Path) -> list[str]:
    """Messages of ``ts`` without a finished, non-empty translation (every plural form filled)."""
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                problems.append(f"{ts.name}: [{name}] {message.findtext('source')!r} has no translation")
                continue
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            numerus = message.get("numerus") == "yes"
            forms = [f.text for f in translation.iter("numerusform")] if numerus else [translation.text]
            if translation.get("type") == "unfinished" or not all(f and f.strip() for f in forms):
                problems.append(f"{ts.name}: [{name}] {message.findtext('source')!r} is not translated")
    return problems


# -- engine: gettext's .pot / .po / .mo ---------------------------------------------------------
GETTEXT_CALLS = {"_": 1, "N_": 1, "ngettext": 2}
QT_CALLS = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1, "QT_TR_NOOP": 0}


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def extract_engine_messages() -> tuple[list[dict], list[str]]:
    """The engine's translatable strings (in file order) and the calls that cannot be extracted."""
    entries: dict[str, dict] = {}
    problems = []
    for path in python_files("engine"):
        relative = path.relative_to(ROOT).as_posix()
        calls = [
            node
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path)))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in GETTEXT_CALLS
        ]
        for node in sorted(calls, key=lambda call: (call.lineno, call.col_offset)):  # the file's order
            count = GETTEXT_CALLS[node.func.id]
            args = node.args[:count]
            if any(isinstance(a, ast.JoinedStr) for a in args):
                problems.append(
                    f"{relative}:{node.lineno}: an f-string inside {node.func.id}() is never "
                    "translated; use .format() after the call"
                )
                continue
            if len(args) < count or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                continue  # _(variable): translates a string marked elsewhere with N_()
            msgid = args[0].value
            entry = entries.setdefault(msgid, {"msgid": msgid, "plural": None, "refs": []})
            if count == 2:
                entry["plural"] = args[1].value
            if relative not in entry["refs"]:
                entry["refs"].append(relative)
    return list(entries.values()), problems


def desktop_fstring_problems() -> list[str]:
    """``self.tr(f"…")`` and friends: lupdate cannot extract them and they are never translated."""
    problems = []
    for path in python_files("desktop"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call) and _call_name(node) in QT_CALLS:
                index = QT_CALLS[_call_name(node)]
                if len(node.args) > index and isinstance(node.args[index], (ast.JoinedStr, ast.BinOp)):
                    problems.append(
                        f"{path.relative_to(ROOT)}:{node.lineno}: {_call_name(node)}() needs a literal "
                        "string (use .format() after it)"
                    )
    return problems


# -- the two modes ------------------------------------------------------------------------------
def update() -> list[str]:
    run_lupdate({language: ts_path(language) for language in languages()})
    for language in languages():
        run_lrelease(ts_path(language), ts_path(language).with_suffix(".qm"))
    entries, problems = extract_engine_messages()
    ENGINE_DIR.mkdir(parents=True, exist_ok=True)
    (ENGINE_DIR / f"{DOMAIN}.pot").write_text(write_pot(entries), encoding="utf-8")
    for language in translated_languages():
        po = po_path(language)
        po.parent.mkdir(parents=True, exist_ok=True)
        old = parse_po(po.read_text(encoding="utf-8")) if po.exists() else []
        po.write_text(merge_po(entries, old, language), encoding="utf-8")
        po.with_suffix(".mo").write_bytes(compile_mo(parse_po(po.read_text(encoding="utf-8"))))
    return problems + desktop_fstring_problems() + unfinished()


def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields (for ``.format()``) and ``%n`` / ``%1`` markers (for Qt) of ``text``, sorted."""
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError:  # a lone brace: not a format string
        fields = []
    return sorted(fields + re.findall(r"%L?(?:n|\d)", text))


def mismatched(source: str, translations: list[str]) -> bool:
    """A translation whose placeholders differ from its source's fails in that language only (KeyError)."""
    return any(t and placeholders(t) != placeholders(source) for t in translations)


def unfinished() -> list[str]:
    """Entries left to translate, and translations whose placeholders do not match their source's."""
    problems = [p for language in languages() for p in unfinished_ts_entries(ts_path(language))]
    for context in (c for code in translated_languages() for c in ET.parse(ts_path(code)).getroot().iter("context")):
        if "." in (context.findtext("name") or ""):  # e.g. "QCoreApplication.self": never looked up at run time
            sources = [m.findtext("source") for m in context.iter("message")]
            problems.append(
                f"lupdate filed {sources} under {context.findtext('name')!r}: it does so for a self.tr() "
                "after QCoreApplication.translate() in one function; use self.tr() there"
            )
    for code in translated_languages():
        for message in ET.parse(ts_path(code)).getroot().iter("message"):
            if message.get("numerus") != "yes" and "%n" in (message.findtext("source") or ""):
                problems.append(
                    f"{message.findtext('source')!r} has %n but no plural forms: pyside6-lupdate reads "
                    "plurals from self.tr(text, '', n) only, not QCoreApplication.translate()"
                )
    for ts in map(ts_path, languages()):
        for message in ET.parse(ts).getroot().iter("message"):
            source, translation = message.findtext("source") or "", message.find("translation")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if mismatched(source, forms):
                problems.append(f"{ts.name}: the translation of {source!r} has other placeholders than the source")
    for language in translated_languages():
        for entry in parse_po(po_path(language).read_text(encoding="utf-8")):
            if entry["msgid"] and (entry["fuzzy"] or not all(entry["msgstr"])):
                problems.append(f"{po_path(language).name} ({language}): {entry['msgid']!r} is not translated")
            elif entry["msgid"] and mismatched(entry["plural"] or entry["msgid"], entry["msgstr"]):
                problems.append(
                    f"{po_path(language).name} ({language}): the translation of {entry['msgid']!r} "
                    "has other placeholders than the source"
                )
    return problems


def check() -> list[str]:
    """Everything :func:`update` would change, and every unfinished entry; nothing is written here."""
    problems = desktop_fstring_problems()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        copies = {}
        for language in languages():
            if not ts_path(language).exists():
                return problems + [f"{ts_path(language).name} is missing: run {Path(__file__).name}"]
            copies[language] = Path(shutil.copy(ts_path(language), tmp / ts_path(language).name))
        run_lupdate(copies)
        for language, copy in copies.items():
            if copy.read_bytes() != ts_path(language).read_bytes():
                problems.append(f"{copy.name} is out of date with desktop/ (new or changed strings)")
            run_lrelease(ts_path(language), tmp / "compiled.qm")
            qm = ts_path(language).with_suffix(".qm")
            if not qm.exists() or qm.read_bytes() != (tmp / "compiled.qm").read_bytes():
                problems.append(f"{qm.name} is not compiled from the current {copy.name}")
    entries, extraction_problems = extract_engine_messages()
    problems += extraction_problems
    pot = ENGINE_DIR / f"{DOMAIN}.pot"
    if not pot.exists() or pot.read_text(encoding="utf-8") != write_pot(entries):
        problems.append(f"{pot.name} is out of date with engine/")
    for language in translated_languages():
        po = po_path(language)
        text = po.read_text(encoding="utf-8") if po.exists() else ""
        if text != merge_po(entries, parse_po(text), language):
            problems.append(f"{po.name} ({language}) is out of date with engine/")
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compile_mo(parse_po(text)):
            problems.append(f"{mo.name} ({language}) is not compiled from the current {po.name}")
    return problems + unfinished()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if anything is stale or not translated"
    )
    parser.add_argument(
        "--add-language",
        metavar="CODE",
        help="start a new translation (e.g. de): creates its .ts and .po, every entry unfinished",
    )
    args = parser.parse_args(argv)
    if args.add_language:
        ts_path(args.add_language).write_text(
            f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="{args.add_language}" '
            'sourcelanguage="en"></TS>\n',
            encoding="utf-8",
        )
    problems = check() if args.check else update()
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.check and problems:
        print(
            f"{len(problems)} problem(s): run `python {Path(__file__).relative_to(ROOT)}` and translate what "
            "is unfinished (pyside6-linguist for the .ts, any PO editor for the .po)",
            file=sys.stderr,
        )
    elif not args.check:
        print(f"translation files updated; {len(problems)} entr(y/ies) left to translate", file=sys.stderr)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
