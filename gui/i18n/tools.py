"""Catalogue maintenance: extract (pyside6-lupdate), compile (pyside6-lrelease), check, export and apply.

Used by ``python -m gui.i18n`` and by the tests; needs no QApplication.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from . import AREAS, I18N_DIR, LANGUAGES, ROOT, SOURCE_LANGUAGE

TARGET_LANGUAGES = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
TS_LANGUAGE = {"tr": "tr_TR"}  # the language attribute written into new .ts files
_TR_CALL = re.compile(r"\b(tr|translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\(")
_F_STRING_IN_TR = re.compile(r"\b(?:tr|translate)\((?:\s*\"[^\"]*\",)?\s*[fF][\"']")


@dataclass
class Message:
    context: str
    source: str
    translation: str
    unfinished: bool
    location: str


def ts_path(area: str, lang: str = "tr", folder: Path = I18N_DIR) -> Path:
    return folder / f"{area}_{lang}.ts"


def qm_path(ts: Path) -> Path:
    return ts.with_suffix(".qm")


def area_files(area: str) -> list[Path]:
    """The Python files of an area (AREAS globs, relative to the repository root), sorted."""
    files = {p for pattern in AREAS[area] for p in ROOT.glob(pattern) if p.is_file() and p.suffix == ".py"}
    return sorted(files)


def has_strings(path: Path) -> bool:
    return bool(_TR_CALL.search(path.read_text(encoding="utf-8")))


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: beside the running Python first (a virtualenv), then on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def lupdate(area: str, ts: Path, lang: str = "tr") -> None:
    """Extract the area's strings into ts (created or merged; vanished strings dropped)."""
    files = [str(p) for p in area_files(area) if has_strings(p)]
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [_tool("pyside6-lupdate"), *files, "-ts", str(ts), "-no-obsolete", "-locations", "relative",
           "-source-language", "en", "-target-language", TS_LANGUAGE.get(lang, lang), "-silent"]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path | None = None) -> Path:
    """Compile ts to qm (default: beside it) and return the .qm path."""
    qm = qm or qm_path(ts)
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"], check=True,
                   capture_output=True, text=True)
    return qm


def update(lang: str = "tr", areas: list[str] | None = None) -> list[Path]:
    """lupdate then lrelease every area that has translatable strings; returns the .ts files written."""
    written = []
    for area in areas or list(AREAS):
        if not any(has_strings(p) for p in area_files(area)):
            continue
        ts = ts_path(area, lang)
        lupdate(area, ts, lang)
        lrelease(ts)
        written.append(ts)
    return written


def read_ts(ts: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            loc = msg.find("location")
            status = tr.get("type", "") if tr is not None else "unfinished"
            text = (tr.text or "") if tr is not None else ""
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            if msg.get("numerus") == "yes":  # plural forms: one per form of the language ('' when any is empty)
                text = "\n".join(forms) if forms and all(f.strip() for f in forms) else ""
            messages.append(Message(name, msg.findtext("source", ""), text, status == "unfinished",
                                    loc.get("filename", "") if loc is not None else ""))
    return messages


def all_translations(lang: str = "tr", folder: Path = I18N_DIR) -> dict[tuple[str, str], str]:
    """(context, source) -> translation over every catalogue of lang."""
    return {(m.context, m.source): m.translation for ts in sorted(folder.glob(f"*_{lang}.ts"))
            for m in read_ts(ts)}


def check_sources() -> list[str]:
    """GUI files with strings outside every area (or in several), and f-strings inside tr()."""
    problems = []
    owners: dict[Path, list[str]] = {}
    for area in AREAS:
        for path in area_files(area):
            owners.setdefault(path, []).append(area)
    for path in sorted(ROOT.glob("gui/**/*.py")):
        rel = path.relative_to(ROOT)
        text = path.read_text(encoding="utf-8")
        if _TR_CALL.search(text) and path not in owners:
            problems.append(f"{rel}: has translatable strings but belongs to no area of gui.i18n.AREAS")
        if len(owners.get(path, [])) > 1:
            problems.append(f"{rel}: belongs to several areas: {', '.join(owners[path])}")
        for match in _F_STRING_IN_TR.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{rel}:{line}: f-string inside tr(): use a literal with %1 and .replace()")
    return problems


def check(lang: str = "tr") -> list[str]:
    """Every problem with the sources and the catalogues of lang, one line each (empty list: all good)."""
    problems = check_sources()
    with tempfile.TemporaryDirectory() as tmp:
        for area in AREAS:
            ts = ts_path(area, lang)
            if not any(has_strings(p) for p in area_files(area)):
                continue
            if not ts.exists():
                problems.append(f"{ts.relative_to(ROOT)}: missing (run python -m gui.i18n update)")
                continue
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(area, fresh, lang)
            have = {(m.context, m.source) for m in read_ts(ts)}
            for m in read_ts(fresh):
                if (m.context, m.source) not in have:
                    problems.append(f"{ts.name}: not extracted yet [{m.context}] {m.source!r} "
                                    "(run python -m gui.i18n update)")
            for m in read_ts(ts):
                if m.unfinished or not m.translation.strip():
                    problems.append(f"{ts.name}: untranslated [{m.context}] {m.source!r}")
            qm = qm_path(ts)
            if not qm.exists():
                problems.append(f"{qm.relative_to(ROOT)}: missing (run python -m gui.i18n update)")
            elif lrelease(ts, Path(tmp) / qm.name).read_bytes() != qm.read_bytes():
                problems.append(f"{qm.relative_to(ROOT)}: older than {ts.name} (run python -m gui.i18n update)")
    return problems


def export_untranslated(lang: str = "tr", areas: list[str] | None = None,
                        folder: Path = I18N_DIR) -> dict[str, dict[str, dict[str, str]]]:
    """{area: {context: {source: ""}}} for every unfinished message: fill in and pass to apply()."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for area in areas or list(AREAS):
        ts = ts_path(area, lang, folder)
        if ts.exists():
            for m in read_ts(ts):
                if m.unfinished or not m.translation.strip():
                    out.setdefault(area, {}).setdefault(m.context, {})[m.source] = m.translation
    return out


def apply(translations: dict[str, dict[str, dict[str, str]]], lang: str = "tr", folder: Path = I18N_DIR) -> int:
    """Write {area: {context: {source: translation}}} into the .ts files (context "*" = any context), mark
    them finished and recompile. Returns how many messages were set."""
    count = 0
    for area, contexts in translations.items():
        ts = ts_path(area, lang, folder)
        tree = ET.parse(ts)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name", "")
            table = {**contexts.get("*", {}), **contexts.get(name, {})}
            for msg in context.iter("message"):
                text = table.get(msg.findtext("source", ""), "")
                if text.strip():
                    tr = msg.find("translation")
                    if tr is None:
                        tr = ET.SubElement(msg, "translation")
                    forms = list(tr.iter("numerusform"))
                    if msg.get("numerus") == "yes":  # '%n ...': the same text for every plural form
                        for form in forms or [ET.SubElement(tr, "numerusform")]:
                            form.text = text
                    else:
                        tr.text = text
                    tr.attrib.pop("type", None)
                    count += 1
        _write_ts(tree, ts)
        lupdate(area, ts, lang)  # back to lupdate's own layout
        lrelease(ts)
    return count


def _write_ts(tree: ET.ElementTree, ts: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    usage = ("usage: python -m gui.i18n update [AREA...] | check | export [AREA...] > todo.json | apply todo.json\n"
             f"areas: {', '.join(AREAS)}; languages: {', '.join(TARGET_LANGUAGES)} (--lang CODE)")
    args = list(argv)
    lang = "tr"
    if "--lang" in args:
        i = args.index("--lang")
        lang = args[i + 1] if i + 1 < len(args) else ""
        del args[i:i + 2]
    if not args or args[0] not in ("update", "check", "export", "apply") or lang not in TARGET_LANGUAGES:
        print(usage, file=sys.stderr)
        return 2
    command, rest = args[0], args[1:]
    unknown = [a for a in rest if a not in AREAS] if command in ("update", "export") else []
    if unknown:
        print(f"unknown area {unknown[0]!r}; " + usage, file=sys.stderr)
        return 2
    if command == "update":
        for ts in update(lang, rest or None):
            messages = read_ts(ts)
            todo = sum(m.unfinished or not m.translation.strip() for m in messages)
            print(f"{ts.relative_to(ROOT)}: {len(messages)} strings, {todo} to translate")
        return 0
    if command == "check":
        problems = check(lang)
        print("\n".join(problems) if problems else "all catalogues complete and compiled")
        return 1 if problems else 0
    if command == "export":
        json.dump(export_untranslated(lang, rest or None), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if len(rest) != 1 or not Path(rest[0]).is_file():
        print("apply needs one JSON file made by 'export'", file=sys.stderr)
        return 2
    try:
        data = json.loads(Path(rest[0]).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"cannot read {rest[0]}: {exc}", file=sys.stderr)
        return 2
    bad = [a for a in data if a not in AREAS or not ts_path(a, lang).exists()]
    if bad:
        print(f"{rest[0]}: unknown area or no catalogue yet: {bad[0]!r} (run update first)", file=sys.stderr)
        return 2
    print(f"{apply(data, lang)} translations written")
    return 0
