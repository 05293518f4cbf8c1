"""The "What is this?" help: topics for every layer and training option in English and Turkish, activation plots
computed by autograd, and the ways in (F1, palette context menu, Inspector and Training buttons, What's This)."""

from __future__ import annotations

import re
from dataclasses import fields

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QWhatsThisClickedEvent
from PySide6.QtWidgets import QApplication, QMenu

from engine.layers import all_specs
from engine.layers.core import LOSSES
from engine.training.config import TrainConfig
from gui.help import plots, topics
from gui.i18n import current_language, switch_language

LAYER_IDS = [s.type_id for s in all_specs()]
TRAIN_FIELDS = [f.name for f in fields(TrainConfig)] + ["val_split", "test_split", "loss"]
CHOICES = [(k, c) for k, values in TrainConfig._CHOICES.items() for c in values] + [("loss", c) for c in LOSSES]


@pytest.fixture
def turkish():
    switch_language("tr")
    yield
    switch_language("en")


def node_of(win, type_id: str) -> str:
    return next(n.id for n in win.document.graph.nodes.values() if n.type_id == type_id)


def press_f1(qtbot, win) -> None:
    win.activateWindow()
    QApplication.processEvents()
    qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_F1)
    QApplication.processEvents()


# ---------------------------------------------------------------- content
@pytest.mark.parametrize("lang", topics.LANGUAGES)
def test_every_layer_type_and_training_option_has_a_topic(lang):
    assert len(LAYER_IDS) >= 30
    missing = [t for t in LAYER_IDS if not topics.exists(t, lang)]
    missing += [f for f in TRAIN_FIELDS if not topics.exists(topics.FIELD_TOPICS[f], lang)]
    missing += [f"{k}={c}" for k, c in CHOICES if not topics.exists(topics.choice_topic(k, c), lang)]
    missing += [f"{s.type_id}.{p.name}" for s in all_specs() for p in s.params
                if not topics.exists(topics.param_topic(s.type_id, p.name, p.default), lang)]
    assert missing == []
    assert topics.choice_topic("optimizer", "adam") == "optimizer-adam"
    assert topics.choice_topic("batch_mode", "stochastic") == "batch_mode#stochastic"
    assert topics.param_topic("dense", "units") == "dense#units"
    assert topics.param_topic("dense", "activation", "relu") == "relu"


def test_both_languages_have_the_same_pages_titles_summaries_and_working_links():
    assert topics.all_pages("en") == topics.all_pages("tr")
    pages = topics.all_pages("en")
    for lang in topics.LANGUAGES:
        for page in pages:
            text = topics.page_html(page, lang)
            assert text.startswith("<h1>"), (lang, page)
            assert len(topics.summary(page, lang)) > 40, (lang, page)
            for href in re.findall(r'<a href="([^"]+)"', text):
                assert topics.exists(href, lang), f"{lang}/{page}.html links to missing {href}"
            assert "<img" not in text or re.search(r'<img src="plot:[a-z_]+">', text)
    for act in topics.ACTIVATION_PLOTS:
        assert f'<img src="plot:{act}">' in topics.page_html(act, "en")
        assert f'<img src="plot:{act}">' in topics.page_html(act, "tr")
    # the Turkish pages speak the course's words
    assert topics.title("dropout", "tr") == "Dropout (seyreltme)"
    assert topics.title("early_stopping", "tr") == "Erken durdurma"
    assert "Öğrenme oranı" in topics.title("lr", "tr")
    assert "türev" in topics.plain_text("sigmoid", "tr").lower()
    assert topics.title("early_stopping#patience", "en") == "Patience"
    assert topics.title("early_stopping#patience", "tr") == "Sabır"
    assert topics.summary("early_stopping#patience", "en").startswith("Patience P: how many epochs")
    assert topics.title("batch_mode#stochastic", "en").startswith("Stochastic")
    assert topics.summary("batch_mode#stochastic", "en").startswith("Every update uses a single random sample")


# ---------------------------------------------------------------- activation plots
def test_activation_curves_are_torch_autograd_of_the_real_layers():
    x = torch.tensor([-1.0, 0.0, 1.0])
    relu = plots.curve("relu", x)
    assert relu.df.tolist() == [0.0, 0.0, 1.0]
    assert relu.f.tolist() == [0.0, 0.0, 1.0]
    sig = plots.curve("sigmoid", x)
    assert sig.df[1] == pytest.approx(0.25)
    assert sig.f[1] == pytest.approx(0.5)
    step = plots.curve("step", x)
    assert step.f.tolist() == [0.0, 1.0, 1.0]
    assert step.df[1] == pytest.approx(0.25)  # the sigmoid surrogate gradient that training uses
    leaky = plots.curve("leaky_relu", x)
    assert leaky.df[0] == pytest.approx(0.01)

    full = {t: plots.curve(t) for t in topics.ACTIVATION_PLOTS}
    xs = torch.from_numpy(full["sigmoid"].x)
    assert len(xs) == plots.SAMPLES and xs[0] == -5.0 and xs[-1] == 5.0
    s = torch.sigmoid(xs).numpy()
    np.testing.assert_allclose(full["sigmoid"].f, s, atol=1e-12)
    np.testing.assert_allclose(full["sigmoid"].df, s * (1 - s), atol=1e-12)
    np.testing.assert_allclose(full["tanh"].df, 1 - np.tanh(xs.numpy()) ** 2, atol=1e-12)
    np.testing.assert_allclose(full["elu"].df[xs.numpy() < 0], np.exp(xs.numpy()[xs.numpy() < 0]), atol=1e-12)
    np.testing.assert_allclose(full["softmax"].f, s, atol=1e-12)  # softmax(x, 0)₁ = σ(x)
    np.testing.assert_allclose(full["step"].df, s * (1 - s), atol=1e-12)
    gx = xs.clone().requires_grad_(True)
    torch.nn.functional.gelu(gx).sum().backward()
    np.testing.assert_allclose(full["gelu"].df, gx.grad.numpy(), atol=1e-12)
    with pytest.raises(ValueError, match="not an activation"):
        plots.curve("dense")


def test_activation_plot_image_has_both_curves(qapp):
    img = plots.render("sigmoid", "tr")
    assert (img.width(), img.height()) == (2 * plots.WIDTH, 2 * plots.HEIGHT)
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 3) for y in range(0, img.height(), 3)}

    def near(c: QColor) -> bool:
        return any(sum(abs(a - b) for a, b in zip(QColor(n).getRgb()[:3], c.getRgb()[:3])) < 30 for n in colours)

    assert near(plots.F_COLOUR) and near(plots.DF_COLOUR)


# ---------------------------------------------------------------- ways in
def test_f1_with_a_selected_dense_layer_opens_the_dense_topic(window, qtbot):
    win = window
    assert all(k.toString() != "F1" for k in win.actions_.controls.shortcuts())  # F1 is help on this now
    win.scene.select_nodes([node_of(win, "dense")])
    win.view.setFocus()
    press_f1(qtbot, win)
    help_window = win.help_ui.window
    assert help_window.isVisible()
    assert help_window.current_topic() == "dense"
    assert "W·x + b" in help_window.page_text()
    assert "fully connected" in help_window.page_text()
    assert help_window.tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == "dense"
    qtbot.keyClick(help_window.browser, Qt.Key.Key_Escape)
    assert not help_window.isVisible()
    # F1 over a layer of the diagram explains that layer, selected or not
    node = win.scene.node_item(node_of(win, "output"))
    win.view.ensureVisible(node)
    QApplication.processEvents()
    at = win.view.viewport().mapToGlobal(win.view.mapFromScene(node.sceneBoundingRect().center()))
    assert win.help_ui.topic_for_widget(win.view.viewport(), at) == "output"


def test_f1_in_turkish_opens_the_turkish_page(window, qtbot, turkish):
    win = window
    assert current_language() == "tr"
    win.scene.select_nodes([node_of(win, "dense")])
    win.view.setFocus()
    press_f1(qtbot, win)
    text = win.help_ui.window.page_text()
    assert win.help_ui.window.current_topic() == "dense"
    assert "tam bağlantılı" in text.lower() and "öğrenilebilir parametre" in text
    assert win.help_ui.guide_action.text().replace("&", "") != ""
    win.help_ui.window.close()


def test_language_switch_reloads_the_open_page(window):
    win = window
    hw = win.help_ui.open_topic("sigmoid")
    assert "vanishing gradient" in hw.page_text()
    switch_language("tr")
    QApplication.processEvents()  # Qt posts LanguageChange to every window
    try:
        assert "Türev" in hw.page_text() and "kaybolan gradyan" in hw.page_text()
        assert hw.current_topic() == "sigmoid"
        assert "Sigmoid" in hw.items["sigmoid"].text(0)
    finally:
        switch_language("en")
        QApplication.processEvents()
    assert "vanishing gradient" in hw.page_text()
    hw.close()


def test_f1_on_a_focused_training_setting_explains_it(window, qtbot):
    win = window
    win.training.panel_dock.show()
    win.training.panel_dock.raise_()
    form = win.training.panel.form
    QApplication.processEvents()
    form.fields["lr"].setFocus()
    press_f1(qtbot, win)
    assert win.help_ui.window.current_topic() == "lr"
    ui = win.help_ui
    optimizer = win.document.project.train.optimizer
    assert ui.topic_for_widget(form.fields["optimizer"], QPoint()) == "optimizer-" + optimizer
    assert ui.topic_for_widget(form.fields["patience"], QPoint()) == "early_stopping#patience"
    assert ui.topic_for_widget(ui._form_label(form.fields["patience"]), QPoint()) == "early_stopping#patience"
    assert ui.topic_for_widget(form.fields["val_split"], QPoint()) == "splits#validation"
    assert ui.topic_for_widget(form.fields["batch_mode"], QPoint()) == "batch_mode#mini-batch"
    loss_combo = form.loss_group.findChildren(type(form.fields["optimizer"]))[0]
    assert ui.topic_for_widget(loss_combo, QPoint()).startswith("loss")
    # the What's-This text of a setting has its summary and a link to the full page
    tip = form.fields["weight_decay"].whatsThis()
    assert "More…" in tip and 'href="weight_decay"' in tip
    QApplication.sendEvent(form.fields["weight_decay"], QWhatsThisClickedEvent("weight_decay"))
    assert win.help_ui.window.current_topic() == "weight_decay"
    win.help_ui.window.close()


def test_training_help_button_lists_every_training_page(window):
    ui = window.help_ui
    assert ui.training_button.objectName() == "training_help_button"
    ui.training_menu.aboutToShow.emit()
    texts = [a.text().strip() for a in ui.training_menu.actions()]
    assert len(texts) == len(topics.TRAINING_PAGES)
    adam = next(a for a in ui.training_menu.actions() if a.text().strip() == "Adam")
    adam.trigger()
    assert ui.window.current_topic() == "optimizer-adam"
    assert "m̂" in ui.window.page_text()
    ui.window.close()


def test_palette_context_menu_what_is_this_opens_the_topic(window, qtbot):
    win = window
    tree = win.palette.tree
    item = win.palette.items["lstm"]
    tree.scrollToItem(item)
    pos = tree.visualItemRect(item).center()
    tree.customContextMenuRequested.emit(pos)
    menus = [m for m in tree.findChildren(QMenu, "palette_context_menu") if m.isVisible()]
    assert len(menus) == 1
    what = next(a for a in menus[0].actions() if a.objectName() == "palette_whats_this")
    assert what.text() == "What is this?"
    what.trigger()
    menus[0].close()
    assert win.help_ui.window.current_topic() == "lstm"
    assert "forget" in win.help_ui.window.page_text()
    # F1 over a palette item and its What's-This text
    assert win.help_ui.topic_for_widget(tree.viewport(), tree.viewport().mapToGlobal(pos)) == "lstm"
    assert 'href="lstm"' in item.whatsThis(0)
    QApplication.sendEvent(tree, QWhatsThisClickedEvent("gru"))  # the "More…" link of an item's What's This
    assert win.help_ui.window.current_topic() == "gru"
    assert win.help_ui._belongs(tree) and not win.help_ui._belongs(win.help_ui.window.browser)
    # "Add after the selected layer" in the same menu appends the layer
    count = len(win.document.graph.nodes)
    menu = win.help_ui.palette_menu("dropout")
    next(a for a in menu.actions() if a.text() == "Add after the selected layer").trigger()
    assert len(win.document.graph.nodes) == count + 1
    win.help_ui.window.close()


def test_inspector_help_button_and_fields(window, qtbot):
    win = window
    ui = win.help_ui
    win.scene.clearSelection()
    QApplication.processEvents()
    assert not ui.inspector_button.isVisibleTo(win.inspector)
    win.scene.select_nodes([node_of(win, "dense")])
    QApplication.processEvents()
    assert ui.inspector_button.isVisibleTo(win.inspector)
    qtbot.mouseClick(ui.inspector_button, Qt.MouseButton.LeftButton)
    assert ui.window.current_topic() == "dense"
    editors = win.inspector.editors
    assert ui.topic_for_widget(editors["units"].widget, QPoint()) == "dense#units"
    act = win.document.graph.nodes[node_of(win, "dense")].params["activation"]
    assert ui.topic_for_widget(editors["activation"].widget, QPoint()) == (act if act != "none" else "dense#activation")
    assert ui.topic_for_widget(editors["dropout"].widget, QPoint()) == "dropout"
    assert 'href="dense#units"' in editors["units"].container.whatsThis()
    ui.window.close()


def test_help_menu_search_links_and_history(window, qtbot):
    win = window
    ui = win.help_ui
    menus = [a.menu() for a in win.menuBar().actions() if a.menu() is not None]
    help_menu = next(m for m in menus if win.actions_.controls in m.actions())
    assert ui.guide_action in help_menu.actions() and ui.whats_this_action in help_menu.actions()
    ui.guide_action.trigger()
    hw = ui.window
    assert hw.current_topic() == topics.INDEX
    hw.search.setText("dropout")
    assert "dropout" in hw.visible_topics()
    assert "conv2d" not in hw.visible_topics()  # titles first ...
    hw.search.setText("dead relu")
    assert "relu" in hw.visible_topics() and "dropout" not in hw.visible_topics()  # ... then the pages' text
    hw.search.setText("zzqqxx")
    assert hw.visible_topics() == [] and hw.no_match.isVisibleTo(hw)
    hw.search.clear()
    assert len(hw.visible_topics()) == len(topics.all_pages("en"))
    hw.show_topic("optimizer-sgd")
    hw.resize(900, 650)
    QApplication.processEvents()
    cursor = hw.browser.document().find("Adam")  # "See also: ... Adam": click the link
    rect = hw.browser.cursorRect(cursor)
    assert hw.browser.anchorAt(rect.center() - QPoint(4, 0)) == "optimizer-adam"
    qtbot.mouseClick(hw.browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() - QPoint(4, 0))
    assert hw.current_topic() == "optimizer-adam"
    hw.show_topic("early_stopping#patience")
    assert hw.current_topic() == "early_stopping#patience"
    assert "Patience" in hw.heading.text()
    marked = hw.browser.extraSelections()  # the setting's own line is highlighted
    assert len(marked) == 1 and marked[0].cursor.selectedText().startswith("Patience P: how many epochs")
    hw.browser.backward()
    assert hw.current_topic() == "optimizer-adam"
    ui.open_topic("no-such-topic")
    assert hw.current_topic() == topics.INDEX
    hw.close()


def test_turkish_search_finds_course_words(window, turkish):
    hw = window.help_ui.open_topic("index")
    hw.search.setText("öğrenme oranı")
    assert "lr" in hw.visible_topics()
    hw.search.setText("ogrenme orani")  # no Turkish keyboard: accents are optional
    assert "lr" in hw.visible_topics()
    hw.search.setText("seyreltme")
    assert "dropout" in hw.visible_topics()
    hw.close()


def test_dark_theme_redraws_the_plot_in_its_colours(window):
    hw = window.help_ui.open_topic("relu")
    QApplication.processEvents()
    assert ("relu", "en", "light") in hw.browser._images
    window.apply_theme("dark")
    QApplication.processEvents()
    assert ("relu", "en", "dark") in hw.browser._images
    dark = hw.browser._images[("relu", "en", "dark")]
    assert dark.pixelColor(5, 5).lightness() < 80  # the chart's background follows the theme
    hw.close()
