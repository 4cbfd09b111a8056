"""Keep the translation catalogues in step with the source and compile them.

    python packaging/update_translations.py          # update resources/translations/<lang>/*.ts, build .qm
    python packaging/update_translations.py --check  # change nothing; list what is missing or stale (exit 1)
    python packaging/update_translations.py --area panels [--check]  # one catalogue only

Qt's lupdate (pyside6-lupdate) finds every ``tr("...")`` and ``QT_TR_NOOP("...")`` literal in one area of the
code at a time; this script files the messages under the app's single context, keeps the translations already
written (matched by source text), drops messages no longer in the code, and sorts them, so a catalogue only
changes where the text did. pyside6-lrelease compiles a language's areas into one
``resources/translations/nnstudio_<lang>.qm``, the file the app loads.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from shutil import which

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "resources" / "translations"
CONTEXT = "NNStudio"  # nnstudio/gui/i18n.py CONTEXT
LANGUAGES = ("de",)
EDITS = ["nnstudio/gui/commands.py", "nnstudio/gui/dataset_commands.py", "nnstudio/gui/dataset_menu.py",
         "nnstudio/gui/dataset_model.py", "nnstudio/gui/new_network_dialog.py", "nnstudio/gui/race_dialog.py",
         "nnstudio/gui/run_commands.py", "nnstudio/gui/run_views.py", "nnstudio/gui/document.py",
         "nnstudio/gui/text.py", "nnstudio/gui/canvas/*.py"]
AREAS = {  # catalogue name → (the source it covers, minus these); one file per area keeps edits apart
    "window": (["nnstudio/gui/*.py"], EDITS),
    "edits": (EDITS, []),
    "panels": (["nnstudio/gui/panels/*.py"], []),
    "core": (["nnstudio/core/**/*.py", "nnstudio/io/*.py", "nnstudio/errors.py"], []),
}


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def _files(patterns: list[str]) -> set[Path]:
    return {p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()}


def _sources(area: tuple[list[str], list[str]]) -> list[str]:
    include, exclude = area
    return sorted(map(str, _files(include) - _files(exclude)))


Key = tuple[str, str]  # (source text, disambiguation)


def extract(area: tuple[list[str], list[str]]) -> dict[Key, bool]:
    """The messages lupdate finds in the area's files: key → numerus."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "extracted.ts"
        subprocess.run([_tool("pyside6-lupdate"), *_sources(area), "-locations", "none", "-ts", str(out)],
                       check=True, capture_output=True)
        found: dict[Key, bool] = {}
        for message in ET.parse(out).getroot().iter("message"):
            key = (message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = found.get(key, False) or message.get("numerus") == "yes"
        return found


def read_catalogue(path: Path) -> dict[Key, ET.Element]:
    if not path.is_file():
        return {}
    return {(m.findtext("source") or "", m.findtext("comment") or ""): m.find("translation")
            for m in ET.parse(path).getroot().iter("message")}


def render(language: str, messages: dict[Key, bool], known: dict[Key, ET.Element]) -> tuple[str, list[str]]:
    """The catalogue's XML text, and the source texts still without a translation."""
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    missing = []
    for (source, comment), numerus in sorted(messages.items()):
        message = ET.SubElement(context, "message", numerus="yes") if numerus else ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        if comment:
            ET.SubElement(message, "comment").text = comment
        old = known.get((source, comment))
        translation = ET.SubElement(message, "translation")
        if old is not None and (old.text or len(old)) and old.get("type") != "unfinished":
            translation.text = old.text
            for form in old:
                ET.SubElement(translation, form.tag).text = form.text
        else:
            translation.set("type", "unfinished")
            if old is not None and old.text:
                translation.text = old.text  # a draft kept for the translator
            missing.append(source)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, "unicode") + "\n", missing


def compile_catalogue(language: str, areas: list[Path], qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", *map(str, areas), "-qm", str(qm)],
                   check=True, capture_output=True)


def update(check: bool, only: str | None = None) -> int:
    problems = []
    for language in LANGUAGES:
        with tempfile.TemporaryDirectory() as folder:
            staged = []
            for area, sources in AREAS.items():
                if only and area != only:
                    staged.append(CATALOGUES / language / f"{area}.ts")
                    continue
                path = CATALOGUES / language / f"{area}.ts"
                text, missing = render(language, extract(sources), read_catalogue(path))
                problems += [f"{language}/{area}.ts: no translation for {source!r}" for source in missing]
                if check:
                    if not path.is_file() or path.read_text(encoding="utf-8") != text:
                        problems.append(f"{language}/{area}.ts is not in step with the source")
                    staged.append(path if path.is_file() else Path(folder) / "none.ts")
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text, encoding="utf-8")
                    staged.append(path)
            qm = CATALOGUES / f"nnstudio_{language}.qm"
            if check and not only:
                fresh = Path(folder) / qm.name
                if all(p.is_file() for p in staged):
                    compile_catalogue(language, staged, fresh)
                    if not qm.is_file() or qm.read_bytes() != fresh.read_bytes():
                        problems.append(f"{qm.name} is older than its catalogues: run this script")
            elif not check:
                compile_catalogue(language, staged, qm)
    for problem in problems:
        print(problem)
    return 1 if problems and check else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is missing")
    parser.add_argument("--area", choices=sorted(AREAS), help="only this area's catalogue (the .qm is rebuilt)")
    args = parser.parse_args()
    return update(args.check, args.area)


if __name__ == "__main__":
    raise SystemExit(main())
