"""Turkish interface (issue 7): complete and compiled catalogues, every visible text translated, run-time
switching, Turkish case and sort rules, and the Turkish screenshot rendered by a separate process."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

from gui import i18n
from gui.i18n import tools
from gui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
AREAS_WITH_STRINGS = [a for a in i18n.AREAS if any(tools.has_strings(p) for p in tools.area_files(a))]


@pytest.fixture
def turkish(qapp):
    """The interface in Turkish for one test, back to English afterwards whatever happens."""
    i18n.switch_language("tr")
    QApplication.processEvents()
    yield
    i18n.switch_language("en")
    QApplication.processEvents()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def settle() -> None:
    """LanguageChange is posted to the top-level windows: deliver it."""
    for _ in range(3):
        QApplication.processEvents()


# ---------------------------------------------------------------- catalogues
@pytest.mark.parametrize("area", AREAS_WITH_STRINGS)
def test_catalogue_exists_and_every_string_is_translated(area):
    ts = tools.ts_path(area, "tr")
    assert ts.exists(), f"{ts.name} is missing: run python -m gui.i18n update"
    messages = tools.read_ts(ts)
    assert messages
    todo = [f"[{m.context}] {m.source!r}" for m in messages if m.unfinished or not m.translation.strip()]
    assert not todo, f"{ts.name}: {len(todo)} untranslated strings, e.g. " + "; ".join(todo[:15])


@pytest.mark.parametrize("area", AREAS_WITH_STRINGS)
def test_catalogue_holds_every_string_of_the_sources(area, tmp_path):
    ts = tools.ts_path(area, "tr")
    assert ts.exists()
    fresh = tmp_path / ts.name
    fresh.write_bytes(ts.read_bytes())
    tools.lupdate(area, fresh, "tr")
    have = {(m.context, m.source) for m in tools.read_ts(ts)}
    missing = [f"[{m.context}] {m.source!r}" for m in tools.read_ts(fresh) if (m.context, m.source) not in have]
    assert not missing, f"{ts.name} lacks strings of the code (python -m gui.i18n update): " + "; ".join(missing[:15])


@pytest.mark.parametrize("ts", sorted(tools.I18N_DIR.glob("*_tr.ts")), ids=lambda p: p.name)
def test_compiled_qm_matches_its_ts(ts, tmp_path):
    qm = tools.qm_path(ts)
    assert qm.exists(), f"{qm.name} is missing: run python -m gui.i18n update"
    assert tools.lrelease(ts, tmp_path / qm.name).read_bytes() == qm.read_bytes(), \
        f"{qm.name} is older than {ts.name}: run python -m gui.i18n update"


def test_every_ts_belongs_to_an_area_and_placeholders_survive_translation():
    for ts in tools.I18N_DIR.glob("*.ts"):
        area, lang = ts.stem.rsplit("_", 1)
        assert area in i18n.AREAS and lang in tools.TARGET_LANGUAGES, ts.name
        for m in tools.read_ts(ts):
            if m.translation:
                assert sorted(re.findall(r"%\d(?!\d)", m.source)) == sorted(re.findall(r"%\d(?!\d)", m.translation)), \
                    f"{ts.name}: placeholders differ in {m.source!r} -> {m.translation!r}"


def test_katman_catalogue_uses_the_course_words():
    tr = {m.source: m.translation for m in tools.read_ts(tools.ts_path("katman", "tr"))}
    assert tr["Layers"] == "Katmanlar"
    assert tr["Learning rate"] == "Öğrenme oranı"
    assert tr["Early stopping"] == "Erken durdurma"
    assert tr["Dataset"] == "Veri seti"
    assert "öğrenilebilir" in tr["Learnable parameters (weights and biases) of the whole network"].lower()
    assert all("\ufffd" not in t for t in tr.values())  # no broken characters


def test_sources_use_literal_strings_in_tr_and_every_file_has_an_area():
    problems = tools.check_sources()
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- language resolution and translators
def test_resolve_language_and_install(qapp):
    assert i18n.resolve_language("tr_TR") == "tr"
    assert i18n.resolve_language("tr-TR") == "tr"
    assert i18n.resolve_language("de") == "en"  # no German catalogue: English
    assert i18n.resolve_language("en_GB") == "en"
    try:
        installed = i18n.install_translators(qapp, "tr")
        assert i18n.current_language() == "tr"
        assert len(installed) >= 2  # Qt's own catalogue and at least katman_tr.qm
        assert QLocale().language() == QLocale.Language.Turkish
        assert QApplication.translate("MainWindow", "Layers") == "Katmanlar"
        assert QApplication.translate("", "&File") == "&Dosya"
        assert QApplication.translate("QPlatformTheme", "Cancel") == "İptal"  # Qt's own strings (dialog buttons)
    finally:
        assert i18n.install_translators(qapp, "en") == []
    assert QApplication.translate("MainWindow", "Layers") == "Layers"
    assert QLocale().language() == QLocale.Language.English


# ---------------------------------------------------------------- Turkish text rules
def test_turkish_case_rules():
    assert i18n.lower("IŞIK", "tr") == "ışık"
    assert i18n.upper("istanbul", "tr") == "İSTANBUL"
    assert i18n.lower("DİYAGRAM", "tr") == "diyagram"
    assert i18n.lower("IReLU", "en") == "irelu"
    assert i18n.matches("ırelu", "IReLU", "tr")
    assert i18n.matches("IRELU", "ıReLU", "tr")
    assert i18n.matches("dogruluk", "Doğruluk", "tr")
    assert i18n.matches("ÖĞRENME oranı", "Öğrenme oranı", "tr")
    assert not i18n.matches("relu x", "ReLU", "tr")


def test_turkish_sorting_with_qcollator():
    words = ["zil", "ılık", "çay", "İnce", "Öykü", "cam", "oda", "Işık", "inek", "dal", "şeker", "sabah", "uzun",
             "ülke", "gül", "ğ"]
    assert i18n.sort_texts(words, lang="tr") == ["cam", "çay", "dal", "gül", "ğ", "ılık", "Işık", "İnce", "inek",
                                                 "oda", "Öykü", "sabah", "şeker", "uzun", "ülke", "zil"]
    layers = [("b", "Tam bağlantılı"), ("a", "Çıktı"), ("c", "Girdi"), ("d", "Ağırlık")]
    assert [k for k, _ in i18n.sort_texts(layers, key=lambda p: p[1], lang="tr")] == ["d", "a", "c", "b"]
    assert i18n.sort_texts(["layer10", "layer9", "Layer1"], lang="en") == ["Layer1", "layer9", "layer10"]


def test_palette_search_follows_turkish_rules(window, turkish, qtbot):
    pal = window.palette
    for query in ("INPUT", "İnput", "ınput", "input"):
        pal.filter.setText(query)
        assert "input" in pal.visible_types(), query
    pal.filter.setText("RELU")
    assert {"relu", "leaky_relu"} <= set(pal.visible_types())
    pal.filter.setText("havuzlama")  # the translated category name finds its layers
    assert {"maxpool2d", "avgpool1d"} <= set(pal.visible_types())
    pal.filter.clear()


# ---------------------------------------------------------------- run-time switching
def test_switching_language_retranslates_the_open_window(window, qtbot):
    a = window.actions_
    node = window.document.graph.by_name("hidden1")
    window.scene.select_nodes([node.id])
    settle()
    qtbot.waitUntil(lambda: bool(window.params_label.text()), timeout=5000)  # the counts arrive from a timer
    assert a.menus["file"].title() == "&File" and window.palette_dock.windowTitle() == "Layers"
    try:
        i18n.switch_language("tr")
        settle()
        assert a.menus["file"].title() == "&Dosya"
        assert a.menus["edit"].title() == "Dü&zen"
        assert a.save.text() == "&Kaydet" and a.save.toolTip().startswith("Projeyi kaydet")
        assert window.palette_dock.windowTitle() == "Katmanlar"
        assert window.inspector_dock.windowTitle() == "Özellikler"
        assert window.problems_dock.windowTitle().startswith("Sorunlar")
        assert window.palette.filter.placeholderText() == "Katman ara…"
        assert window.palette.categories["Core"].text(0) == "Temel"
        assert window.inspector.frozen.text() == "Dondurulmuş (ağırlıklar eğitilmez)"
        assert window.validity_label.text().endswith("Geçerli ağ</span>")
        assert window.params_label.text().startswith("Eğitilebilir parametre:")
        assert window.params_label.text().endswith("1.251")  # Turkish digit grouping
        assert window.inspector.node_id == node.id  # the form was rebuilt for the same layer
        window.editor.append_layer("dropout")
        assert a.undo.text().startswith("Geri &Al: ")
        window.document.stack.undo()
        i18n.switch_language("en")
        settle()
        assert a.menus["file"].title() == "&File" and a.save.text() == "&Save"
        assert window.palette_dock.windowTitle() == "Layers"
        assert window.palette.categories["Core"].text(0) == "Core"
        assert window.validity_label.text().endswith("Valid network</span>")
        assert window.params_label.text() == "Parameters: 1,251 trainable"
    finally:
        i18n.switch_language("en")
        settle()


def test_preferences_switch_language_at_once_and_remember_it(window, monkeypatch):
    from gui.dialogs import PreferencesDialog

    def choose_turkish(dlg):
        assert dlg.language.itemText(0).startswith("System default")
        dlg.language.setCurrentIndex(dlg.language.findData("tr"))
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", choose_turkish)
    try:
        window.actions_.preferences.trigger()
        settle()
        assert i18n.current_language() == "tr"
        assert Settings().language == "tr"
        assert window.actions_.menus["view"].title() == "&Görünüm"
        dlg = PreferencesDialog("light", True, True, 60, "tr", window)
        assert dlg.windowTitle() == "Tercihler" and dlg.language.currentData() == "tr"
        assert dlg.labels["language"].text() == "Dil"
        dlg.deleteLater()
    finally:
        i18n.switch_language("en")
        settle()


# ---------------------------------------------------------------- every visible text is Turkish
_PLACEHOLDER = re.compile(r"%\d")


def _clean(text: str) -> str:
    """Plain words: no markup, no accelerator '&', no trailing '…' (tool buttons drop it), spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).removesuffix("…").removesuffix("...").strip()


def _catalogue_matchers() -> tuple[set[str], list[re.Pattern]]:
    exact: set[str] = set()
    patterns = []
    for (_ctx, _src), translation in tools.all_translations("tr").items():
        text = _clean(translation)
        if not text:
            continue
        exact.add(text)
        if _PLACEHOLDER.search(text):
            parts = [re.escape(p) for p in _PLACEHOLDER.split(text)]
            patterns.append(re.compile("^" + "(.+?)".join(parts) + "$", re.S))
    return exact, patterns


def _visible_texts(win) -> list[tuple[str, str]]:
    """(where, text) for every visible label, button, dock title, tab, group box title, menu and action."""
    out: list[tuple[str, str]] = []

    def where(w: QWidget) -> str:
        return f"{type(w).__name__}#{w.objectName() or '?'}"

    for w in [win, *win.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if (isinstance(w, QLabel) and w.pixmap().isNull()) or isinstance(w, QAbstractButton):
            out.append((where(w), w.text()))
        elif isinstance(w, QDockWidget):
            out.append((where(w), w.windowTitle()))
        elif isinstance(w, QGroupBox):
            out.append((where(w), w.title()))
        elif isinstance(w, QTabBar):  # also the tabs of QTabWidgets and of tabbed docks
            out.extend((where(w), w.tabText(i)) for i in range(w.count()))

    def walk_menu(menu: QMenu, path: str) -> None:
        menu.aboutToShow.emit()  # menus filled on demand (Open Recent)
        for act in menu.actions():
            if act.isSeparator() or not act.isVisible():
                continue
            out.append((f"{path} > action", act.text()))
            if act.menu() is not None:
                walk_menu(act.menu(), f"{path} > {act.text()}")

    for act in win.menuBar().actions():
        out.append(("menu bar", act.text()))
        if act.menu() is not None:
            walk_menu(act.menu(), act.text())
    for act in win.findChildren(QAction):
        if act.toolTip() and act.parent() is win and act.isVisible():
            tip = act.toolTip()
            for key in act.shortcuts():  # "Save the project (Ctrl+S)": the key's name is Qt's, not ours
                tip = tip.replace(f" ({key.toString(QKeySequence.SequenceFormat.NativeText)})", "")
            out.append((f"tooltip of {act.text()!r}", tip))
    return out


def test_every_visible_text_is_turkish(window, turkish):
    settle()
    graph = window.document.graph
    user_data = {n.name for n in graph.nodes.values()} | {window.document.name, window.document.project.data.name,
                                                          "Katman", "English", "Türkçe"}
    user_data_widgets = {"project_description"}  # the project's own words
    exact, patterns = _catalogue_matchers()
    untranslated = []
    checked = 0
    for where, raw in _visible_texts(window):
        if where.split("#")[-1] in user_data_widgets:
            continue
        text = _clean(raw)
        if not re.search(r"[^\W\d_]", text) or text in user_data or re.fullmatch(r"[\d.,%\s()×x:→–-]+", text):
            continue
        checked += 1
        if text in exact or any(p.match(text) for p in patterns):
            continue
        untranslated.append(f"{where}: {text!r}")
    assert checked > 40
    assert not untranslated, f"{len(untranslated)} texts are not in the Turkish catalogues:\n" + "\n".join(
        untranslated)


# ---------------------------------------------------------------- the Turkish screenshot, from a separate process
def test_turkish_screenshot_in_a_subprocess(tmp_path):
    out_tr, out_en = tmp_path / "tr.png", tmp_path / "en.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    for lang, out in (("tr", out_tr), ("en", out_en)):
        run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", lang, "--screenshot", str(out)],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
        assert run.returncode == 0, run.stderr
    img_tr, img_en = QImage(str(out_tr)), QImage(str(out_en))
    assert (img_tr.width(), img_tr.height()) == (1400, 900)
    assert (img_en.width(), img_en.height()) == (1400, 900)
    # the menu bar and the dock titles are drawn in other words: the top strip and the left dock's title differ
    assert img_tr.copy(0, 0, 400, 24) != img_en.copy(0, 0, 400, 24)
    assert img_tr.copy(0, 50, 220, 30) != img_en.copy(0, 50, 220, 30)
    colours = {img_tr.pixel(x, y) for x in range(0, 1400, 7) for y in range(0, 900, 7)}
    assert len(colours) > 20  # a real window, not a blank image


def test_export_then_apply_fills_a_catalogue(tmp_path):
    """The translators' round trip (docs/translating.md): export the unfinished strings, fill them in, apply."""
    ts = tools.ts_path("katman", "tr", tmp_path)
    tools.lupdate("katman", ts, "tr")  # a fresh catalogue: everything unfinished
    todo = tools.export_untranslated("tr", ["katman"], tmp_path)
    assert todo["katman"]["MainWindow"]["Layers"] == ""
    filled = {"katman": {"*": {"&File": "&Dosya"}, "MainWindow": {"Layers": "Katmanlar"}}}
    assert tools.apply(filled, "tr", tmp_path) >= 2
    messages = {(m.context, m.source): m for m in tools.read_ts(ts)}
    assert messages[("MainWindow", "Layers")].translation == "Katmanlar"
    assert not messages[("MainWindow", "Layers")].unfinished
    assert messages[("", "&File")].translation == "&Dosya"
    assert messages[("MainWindow", "History")].unfinished  # untouched
    assert tools.qm_path(ts).stat().st_size > 0
    assert tools.main(["frobnicate"]) == 2 and tools.main(["update", "nowhere"]) == 2


def test_numbers_and_shares_follow_the_language(qapp):
    try:
        i18n.switch_language("tr")
        assert i18n.percent(0.858) == "%85,8" and i18n.integer(7940) == "7.940"
        i18n.switch_language("en")
        assert i18n.percent(0.858) == "85.8 %" and i18n.integer(7940) == "7,940"
    finally:
        i18n.switch_language("en")
