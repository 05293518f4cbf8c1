"""The palette lists the catalogue; real drag-and-drop events add, insert and auto-connect layers."""

from __future__ import annotations

import html

from gui_helpers import view_point
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from engine.layers import all_specs
from gui.canvas.view import LAYER_MIME
from gui.commands import RemoveOp


def drop(win, mime: QMimeData, scene_pos: QPointF, during=None) -> None:
    """Send the events a real drag sends to the diagram's viewport: enter, move, drop."""
    vp = win.view.viewport()
    pos = QPointF(view_point(win, scene_pos))
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, move)
    assert move.isAccepted()
    if during is not None:
        during()
    ev = QDropEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, ev)
    assert ev.isAccepted()
    QApplication.processEvents()


def test_palette_lists_every_layer_grouped_with_descriptions(window):
    pal = window.palette
    specs = all_specs()
    assert set(pal.items) == {s.type_id for s in specs}
    for spec in specs:
        item = pal.items[spec.type_id]
        assert item.parent() is pal.categories[spec.category]
        assert html.escape(spec.description) in item.toolTip(0)
        assert not item.icon(0).isNull()


def test_palette_filter(window, qtbot):
    pal = window.palette
    qtbot.keyClicks(pal.filter, "conv")
    assert set(pal.visible_types()) == {"conv1d", "conv2d"}
    assert pal.categories["Core"].isHidden()
    pal.filter.clear()
    assert len(pal.visible_types()) == len(all_specs())
    qtbot.keyClicks(pal.filter, "overfitting")  # matches Dropout's description
    assert "dropout" in pal.visible_types()


def test_palette_mime_carries_type_id(window):
    mime = window.palette.mime_data("conv2d")
    assert mime.hasFormat(LAYER_MIME)
    assert bytes(mime.data(LAYER_MIME).data()) == b"conv2d"


def test_drop_on_empty_space_adds_unconnected_layer(window):
    g = window.document.graph
    before = set(g.nodes)
    drop(window, window.palette.mime_data("dense"), QPointF(900, -300))
    new = set(g.nodes) - before
    assert len(new) == 1
    nid = new.pop()
    assert g.nodes[nid].type_id == "dense"
    assert g.inputs_of(nid) == [] and g.outputs_of(nid) == []
    assert window.scene.node_item(nid) is not None
    assert window.scene.selected_node_ids() == [nid]
    assert window.document.stack.count() == 1
    # an unconnected layer is reported as a problem, and the node turns red
    assert window.scene.node_item(nid).severity == "error"
    assert any(window.problems.item(i).text().startswith(g.nodes[nid].name) for i in range(window.problems.count()))


def test_drop_on_edge_inserts_layer(window):
    g = window.document.graph
    h1, h2 = g.by_name("hidden1").id, g.by_name("hidden2").id
    edge = window.scene.edges[next(e for e in g.edges if (e.src, e.dst) == (h1, h2))]
    mid = edge.path().pointAtPercent(0.5)
    hinted = []
    drop(window, window.palette.mime_data("dropout"), mid, lambda: hinted.append(edge.highlight))
    assert hinted == [True] and not edge.highlight
    new = [n for n in g.nodes.values() if n.type_id == "dropout"]
    assert len(new) == 1
    d = new[0].id
    assert g.inputs_of(d) == [h1] and g.outputs_of(d) == [h2]
    assert g.inputs_of(h2) == [d]
    # the new layer and what follows do not overlap
    assert g.nodes[h2].pos[1] - g.nodes[d].pos[1] >= 100
    assert window.scene.node_item(d).shape_text == "(32,)"


def test_drop_below_chain_end_connects(window):
    g = window.document.graph
    out = g.output_nodes()[0].id
    scores = g.by_name("scores").id
    window.editor.run("remove output", [RemoveOp(out)])
    assert g.outputs_of(scores) == []
    x, y = g.nodes[scores].pos
    hint = []
    drop(window, window.palette.mime_data("softmax"), QPointF(x + 10, y + 120),
         lambda: hint.append(window.scene._drop_hint is not None))
    assert hint == [True] and window.scene._drop_hint is None
    sm = next(n for n in g.nodes.values() if n.type_id == "softmax")
    assert g.inputs_of(sm.id) == [scores]


def test_double_click_appends_after_selected_layer(window, qtbot):
    g = window.document.graph
    h2 = g.by_name("hidden2").id
    scores = g.by_name("scores").id
    window.scene.select_nodes([h2])
    item = window.palette.items["batchnorm1d"]
    rect = window.palette.tree.visualItemRect(item)
    qtbot.mouseClick(window.palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    bn = next(n for n in g.nodes.values() if n.type_id == "batchnorm1d")
    assert g.inputs_of(bn.id) == [h2] and g.outputs_of(bn.id) == [scores]
    assert window.scene.selected_node_ids() == [bn.id]


def test_double_click_without_selection_goes_before_output(window):
    g = window.document.graph
    window.scene.clearSelection()
    nid = window.editor.append_layer("dropout")
    out = g.output_nodes()[0].id
    assert g.outputs_of(nid) == [out]
    assert g.inputs_of(nid) == [g.by_name("scores").id]
