"""The engine's texts in Turkish (issue 7): the generated catalogue, layer texts, engine messages, and the Training
panel and dashboard after a run-time language switch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from engine.data import DataError, load_builtin
from engine.examples import list_examples
from engine.graph import GraphError, ModelGraph
from engine.layers import all_specs
from engine.shapes import ShapeError, check, infer_shapes
from gui.i18n import current_language, switch_language
from gui.i18n.engine_text import CATALOG_PATH, TEMPLATES, engine_message, engine_tr, generate, static_texts


@pytest.fixture
def turkish(qapp):
    switch_language("tr")
    QApplication.processEvents()
    assert current_language() == "tr"
    yield
    switch_language("en")
    QApplication.processEvents()


def test_the_generated_catalogue_is_up_to_date():
    assert CATALOG_PATH.read_text(encoding="utf-8") == generate(), \
        "run: python -m gui.i18n.engine_text generate"
    texts = static_texts()
    assert "Dense" in texts and "Three spirals" in texts and len(texts) == len(set(texts))


def test_every_layer_text_and_example_has_a_turkish_translation(turkish):
    for spec in all_specs():
        for text in (spec.name, spec.description, *(t for p in spec.params for t in (p.label, p.help))):
            assert engine_tr(text) != text, f"{spec.type_id}: no Turkish for {text!r}"
    assert engine_tr("Dense") == "Tam bağlantılı (Dense)"
    assert engine_tr("Dropout") == "Seyreltme (dropout)"
    for ex in list_examples():
        assert engine_tr(ex.title) != ex.title and engine_tr(ex.description) != ex.description


def test_engine_tr_and_engine_message_leave_english_alone(qapp):
    assert current_language() == "en"
    assert engine_tr("Dense") == "Dense"
    text = "Dense 'hidden' needs a flat vector (features,) but gets (1, 28, 28): put a Flatten before it"
    assert engine_message(text) == text


def _bad_graph() -> ModelGraph:
    return ModelGraph.chain([("input", {"shape": (1, 28, 28)}), ("dense", {"units": 8}), ("output", {})])


def test_a_real_shape_error_becomes_turkish_with_the_layer_name_kept(turkish):
    g = _bad_graph()
    g.rename(list(g.nodes)[1], "hidden")
    message = infer_shapes(g).first_error()
    assert message.startswith("Dense 'hidden' needs a flat vector")
    assert engine_message(message) == ("Dense 'hidden' düz bir vektör (özellik,) bekliyor ama (1, 28, 28) alıyor: "
                                       "önüne bir Flatten katmanı koyun")
    # a hint inside a message is translated too, and ShapeError's "(and N more problems)"
    g = ModelGraph.chain([("input", {"shape": (784,)}), ("conv2d", {}), ("output", {})])
    g.rename(list(g.nodes)[1], "conv1")
    with pytest.raises(ShapeError) as err:
        check(g)
    assert engine_message(str(err.value)) == ("Conv2d 'conv1' (kanal, yükseklik, genişlik) bekliyor ama (784,) "
                                              "alıyor: önüne (1, 28, 28) şekline çeviren bir Reshape katmanı koyun")
    assert engine_message(f"{err.value} (and 2 more problems)").endswith("koyun (ve 2 sorun daha)")


def test_refused_edits_and_training_messages_become_turkish(turkish):
    g = _bad_graph()
    dense = list(g.nodes)[1]
    with pytest.raises(GraphError) as err:
        g.set_params(dense, {"units": 0})
    assert str(err.value) == "Dense 'dense1': Units must be at least 1; got 0"
    assert engine_message(str(err.value)) == "Dense 'dense1': Nöron sayısı en az 1 olmalı; verilen: 0"
    with pytest.raises(GraphError) as err:
        g.connect(dense, dense)
    assert engine_message(str(err.value)) == "Dense 'dense1' kendi kendini besleyemez"
    nan = ("The loss became nan at epoch 3, batch 7: training stopped and the weights were restored to the end of "
           "epoch 2. The learning rate (5) is probably too high: try 0.5, or turn on gradient clipping.")
    assert engine_message(nan).startswith("Kayıp, 3. epoch’un 7. yığınında nan oldu")
    assert "0.5 deneyin" in engine_message(nan)
    oom = "The GPU ran out of memory (batch size 512): use a smaller batch size, a smaller network, or the CPU"
    assert engine_message(oom).startswith("GPU’nun belleği yetmedi (yığın boyutu 512)")
    assert engine_message("data.csv: no such file") == "data.csv: böyle bir dosya yok"
    with pytest.raises(DataError) as err:
        load_builtin("spiral", samples=3)
    assert engine_message(str(err.value)) == ("'spiral' veri seti: 'samples' parametresi 10 ile 100000 arasında bir "
                                              "tam sayı olmalı; verilen: 3")
    assert engine_message("something nobody wrote a template for") == "something nobody wrote a template for"


def test_every_message_template_is_translated(turkish):
    from PySide6.QtCore import QCoreApplication

    for template in TEMPLATES:
        translated = QCoreApplication.translate("engine_message", template)
        assert translated != template or template in ("test",), template
        assert sorted(set(_names(translated))) == sorted(set(_names(template))), template


def _names(text: str) -> list[str]:
    import re

    return re.findall(r"\{[a-z_]+\}", text)


def test_training_panel_and_dashboard_switch_language_at_run_time(window):
    ui = window.training
    panel, form, dash = ui.panel, ui.panel.form, ui.dashboard
    dash.build()
    assert ui.panel_dock.windowTitle() == "Training"
    assert not panel.pause_action.isEnabled() and not panel.stop_action.isEnabled()  # nothing to pause yet
    switch_language("tr")
    QApplication.processEvents()
    try:
        assert ui.panel_dock.windowTitle() == "Eğitim"
        assert ui.dashboard_dock.windowTitle() == "Gösterge paneli"
        assert ui.menu.title() == "&Eğitim"
        assert panel.start_action.text() == "&Eğit"
        assert panel.start_action.toolTip().startswith("Ağı eğit")
        assert form.labels["lr"].text() == "Öğrenme oranı"
        assert form.fields["early_stopping"].text() == "İyileşme durunca eğitimi durdur"
        assert form.fields["batch_mode"].itemText(0) == "Mini yığın (mini-batch)"
        assert form.groups["early_stopping"].title() == "Erken durdurma"
        assert form.fields["val_split"].text() == "%20"  # Turkish writes the percent sign first
        assert panel.status.text().startswith("Hazır.")
        tabs = [dash.tabs.tabText(i) for i in range(dash.tabs.count())]
        assert tabs[:2] == ["Eğriler", "Karar haritası"] and "Ağırlıklar" in tabs
        loss = dash.curves.loss_plot.getPlotItem()
        assert "Kayıp" in loss.titleLabel.text
        assert loss.legend.getLabel(dash.curves.val_loss).text == "doğrulama"
        time_plot = dash.weights.time_plot.getPlotItem()
        assert time_plot.getAxis("left").labelText == "ağırlık değeri"
        assert dash.runs.table.horizontalHeaderItem(2).text() == "Sonuç"
    finally:
        switch_language("en")
        QApplication.processEvents()
    assert ui.panel_dock.windowTitle() == "Training"
    assert panel.start_action.text() == "&Train"
    assert form.labels["lr"].text() == "Learning rate"
    assert form.fields["val_split"].text() == "20 %"
    assert dash.tabs.tabText(0) == "Curves"
    assert dash.weights.time_plot.getPlotItem().getAxis("left").labelText == "weight value"


def test_node_summaries_speak_turkish_after_a_switch(qapp):
    from gui import i18n
    from gui.i18n.engine_text import node_summary

    try:
        i18n.switch_language("tr")
        assert node_summary("Output · loss auto") == "Output · kayıp otomatik"
        assert node_summary("Dense 32 · ReLU · dropout 0.2") == "Dense 32 · ReLU · seyreltme 0.2"
        assert node_summary("LSTM 16 · bidirectional · return sequences") == "LSTM 16 · çift yönlü · diziyi döndürür"
        assert node_summary("Input · (2,)") == "Input · (2,)"
        i18n.switch_language("en")
        assert node_summary("Output · loss auto") == "Output · loss auto"
    finally:
        i18n.switch_language("en")
