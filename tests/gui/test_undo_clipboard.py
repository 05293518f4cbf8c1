"""Every edit is one undo command on the engine graph; undo/redo restore it exactly; copy/paste via JSON."""

from __future__ import annotations

import json

from PySide6.QtCore import QPointF
from PySide6.QtGui import QGuiApplication

from engine.graph import Edge
from gui.clipboard import FRAGMENT_MIME


def test_undo_and_redo_restore_the_graph_exactly(window):
    doc, ed, g = window.document, window.editor, window.document.graph
    states = [g.to_dict()]

    def step() -> None:
        states.append(g.to_dict())
        assert doc.stack.index() == len(states) - 1

    h1, h2, scores = (g.by_name(n).id for n in ("hidden1", "hidden2", "scores"))
    ed.drop_layer("dense", QPointF(600, 100))  # add
    extra = window.scene.selected_node_ids()[0]
    step()
    assert ed.connect_layers(h2, extra)  # connect
    step()
    ed.move_nodes({extra: (g.nodes[extra].pos, (640.0, 160.0))})  # move
    step()
    ed.set_param(h1, "units", 48)  # parameter edit
    step()
    ed.rename(h1, "wide")  # rename
    step()
    ed.set_frozen(h2, True)
    step()
    ed.insert_on_edge("dropout", Edge(h1, h2))  # insert (several operations, one command)
    step()
    window.scene.select_nodes([h2])
    ed.delete_selection()  # remove (with bridging)
    step()
    window.scene.clearSelection()
    window.scene.edges[next(e for e in g.edges if e.dst == scores)].setSelected(True)
    ed.delete_selection()  # disconnect
    step()
    window.scene.select_nodes([h1, extra])
    ed.copy()
    ed.paste()  # paste
    step()
    ed.auto_layout()  # auto-layout
    step()
    texts = [doc.stack.text(i) for i in range(doc.stack.count())]
    assert texts[0] == "Add Dense" and texts[-1] == "Auto-layout" and "Paste 2 layer(s)" in texts
    for i in range(len(states) - 1, 0, -1):
        doc.stack.undo()
        assert g.to_dict() == states[i - 1], f"undo of {texts[i - 1]!r} is not exact"
        assert set(window.scene.nodes) == set(g.nodes)
        assert set(window.scene.edges) == set(g.edges)
    for i in range(1, len(states)):
        doc.stack.redo()
        assert g.to_dict() == states[i], f"redo of {texts[i - 1]!r} is not exact"
    assert not doc.is_modified or doc.stack.index() != doc.stack.cleanIndex()


def test_undo_action_and_window_modified_marker(window, qtbot):
    assert not window.isWindowModified()
    assert not window.actions_.undo.isEnabled()
    window.editor.append_layer("dropout")
    assert window.isWindowModified()
    assert window.actions_.undo.isEnabled()
    assert window.actions_.undo.text() == "&Undo Insert Dropout"
    assert "[*]" in window.windowTitle() and "Three spirals" in window.windowTitle()
    window.actions_.undo.trigger()
    assert not window.isWindowModified()
    window.actions_.redo.trigger()
    assert window.isWindowModified()
    assert window.history.model().rowCount() == 2  # the opened project + one command


def test_copy_paste_between_two_windows(windows):
    a, b = windows(), windows()
    ga, gb = a.document.graph, b.document.graph
    h1, h2 = ga.by_name("hidden1").id, ga.by_name("hidden2").id
    a.scene.select_nodes([h1, h2])
    assert a.editor.copy()
    mime = QGuiApplication.clipboard().mimeData()
    frag = json.loads(bytes(mime.data(FRAGMENT_MIME).data()))
    assert [n["name"] for n in frag["nodes"]] == ["hidden1", "hidden2"] and frag["edges"] == [[h1, h2]]
    assert b.actions_.paste.isEnabled()
    b.actions_.paste.trigger()
    new = b.scene.selected_node_ids()
    assert len(new) == 2 and len(gb.nodes) == 7
    names = sorted(gb.nodes[n].name for n in new)
    assert names == ["hidden3", "hidden4"]  # renamed: the originals exist in b too
    assert any(e.src in new and e.dst in new for e in gb.edges)
    assert all(gb.nodes[n].params["units"] == 32 for n in new)
    b.document.stack.undo()
    assert len(gb.nodes) == 5


def test_cut_and_duplicate(window):
    g = window.document.graph
    h1 = g.by_name("hidden1").id
    window.scene.select_nodes([h1])
    dup = window.editor.duplicate()
    assert len(dup) == 1 and g.nodes[dup[0]].params == g.nodes[h1].params
    assert g.nodes[dup[0]].pos != g.nodes[h1].pos
    window.scene.select_nodes([h1])
    window.actions_.cut.trigger()
    assert h1 not in g.nodes
    window.actions_.paste.trigger()
    assert any(n.name == "hidden1" for n in g.nodes.values())  # the name is free again


def test_select_all_and_delete_everything_then_undo(window):
    g = window.document.graph
    before = g.to_dict()
    window.actions_.select_all.trigger()
    assert len(window.scene.selected_node_ids()) == 5
    window.actions_.delete.trigger()
    assert not g.nodes and not window.scene.nodes
    assert "no Input" in window.problems.item(0).text()
    window.actions_.undo.trigger()
    assert g.to_dict() == before
