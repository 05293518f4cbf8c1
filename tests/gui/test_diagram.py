"""Mouse work on the diagram: connect ports, move, rubber-band select, delete, zoom and pan."""

from __future__ import annotations

import time

from gui_helpers import view_point
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication

from engine.graph import ModelGraph
from engine.project import Project
from gui.canvas.style import NODE_H
from gui.commands import AddOp


def drag(qtbot, win, start: QPointF, end: QPointF, button=Qt.MouseButton.LeftButton) -> None:
    """Press at a scene point, move in steps, release at another, with real mouse events on the viewport."""
    vp = win.view.viewport()
    view_point(win, (start + end) / 2)  # scroll so both ends are visible
    a = win.view.mapFromScene(start)
    b = win.view.mapFromScene(end)
    qtbot.mousePress(vp, button, pos=a)
    for k in range(1, 6):
        p = a + (b - a) * (k / 5)
        qtbot.mouseMove(vp, pos=QPoint(int(p.x()), int(p.y())))
    qtbot.mouseRelease(vp, button, pos=b)
    QApplication.processEvents()


def add_free_dense(win, pos=(400.0, 200.0)) -> str:
    nid = win.document.new_ids(1)[0]
    assert win.editor.run("add", [AddOp(nid, "dense", {"units": 5}, "extra", pos)])
    return nid


def test_drag_from_output_port_to_layer_connects(window, qtbot):
    g = window.document.graph
    h2 = g.by_name("hidden2").id
    extra = add_free_dense(window)
    start = window.scene.node_item(h2).out_port.scenePos()
    end = window.scene.node_item(extra).in_port.scenePos()
    drag(qtbot, window, start, end)
    assert g.inputs_of(extra) == [h2]
    assert window.scene.node_item(extra).shape_text == "(5,)"
    edge = window.scene.edges[next(e for e in g.edges if e.dst == extra)]
    assert edge.label == "(32,)"
    assert window.document.stack.text(window.document.stack.index() - 1).startswith("Connect")


def test_drag_from_input_port_backwards_connects(window, qtbot):
    g = window.document.graph
    extra = add_free_dense(window)
    h1 = g.by_name("hidden1").id
    start = window.scene.node_item(extra).in_port.scenePos()
    end = window.scene.node_item(h1).pos()  # anywhere on the layer's body
    drag(qtbot, window, start, end)
    assert g.inputs_of(extra) == [h1]


def test_refused_connection_explains_why(window, qtbot):
    g = window.document.graph
    extra = add_free_dense(window)
    out = g.output_nodes()[0].id
    before = g.to_dict()
    drag(qtbot, window, window.scene.node_item(extra).out_port.scenePos(),
         window.scene.node_item(out).in_port.scenePos())
    assert g.to_dict() == before
    assert "already has 1" in window.statusBar().currentMessage()


def test_move_node_with_mouse_is_one_undoable_step(window, qtbot):
    g = window.document.graph
    h1 = g.by_name("hidden1").id
    old = g.nodes[h1].pos
    item = window.scene.node_item(h1)
    start = item.pos() + QPointF(-60, -NODE_H / 2 + 12)  # on the name, away from the ports
    drag(qtbot, window, start, start + QPointF(200, 40))
    new = g.nodes[h1].pos
    assert new != old and abs(new[0] - old[0] - 200) <= 20
    assert (item.pos().x(), item.pos().y()) == new
    window.document.stack.undo()
    assert g.nodes[h1].pos == old
    assert (item.pos().x(), item.pos().y()) == old


def test_rubber_band_select_and_delete_keeps_chain_connected(window, qtbot):
    g = window.document.graph
    h1, h2, scores = (g.by_name(n).id for n in ("hidden1", "hidden2", "scores"))
    r1 = window.scene.node_item(h1).sceneBoundingRect()
    r2 = window.scene.node_item(h2).sceneBoundingRect()
    drag(qtbot, window, r1.topLeft() + QPointF(-60, -5), r2.bottomRight() + QPointF(60, 5))
    assert sorted(window.scene.selected_node_ids()) == sorted([h1, h2])
    assert window.actions_.delete.isEnabled()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert h1 not in g.nodes and h2 not in g.nodes
    assert g.inputs_of(scores) == [g.input_nodes()[0].id]  # bridged
    assert window.scene.node_item(scores).shape_text == "(3,)"


def test_select_edge_and_delete_disconnects(window, qtbot):
    g = window.document.graph
    h1, h2 = g.by_name("hidden1").id, g.by_name("hidden2").id
    edge = next(e for e in g.edges if (e.src, e.dst) == (h1, h2))
    item = window.scene.edges[edge]
    p = view_point(window, item.path().pointAtPercent(0.3))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=p)
    assert window.scene.selected_edges() == [edge]
    window.actions_.delete.trigger()
    assert edge not in g.edges and edge not in window.scene.edges
    assert window.scene.node_item(h2).severity == "error"
    assert "no input" in window.scene.node_item(h2).toolTip()
    window.document.stack.undo()
    assert edge in g.edges and window.scene.node_item(h2).severity is None


def test_wheel_zooms_and_middle_button_pans(window, qtbot):
    view = window.view
    z0 = view.zoom()
    centre = QPointF(view.viewport().rect().center())
    ev = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), ev)
    assert view.zoom() > z0
    window.actions_.zoom_out.trigger()
    window.actions_.zoom_out.trigger()
    assert view.zoom() < z0
    before = view.mapToScene(view.viewport().rect().center())
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.MiddleButton, pos=QPoint(300, 300))
    qtbot.mouseMove(vp, pos=QPoint(200, 250))
    qtbot.mouseRelease(vp, Qt.MouseButton.MiddleButton, pos=QPoint(200, 250))
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() > before.x() and after.y() > before.y()
    window.actions_.fit.trigger()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for item in window.scene.nodes.values():
        assert visible.contains(item.sceneBoundingRect())


def test_two_hundred_layers_stay_responsive(windows):
    layers = [("input", {"shape": (16,)})] + [("dense", {"units": 16, "activation": "relu"})] * 198 + [("output", {})]
    win = windows(Project(name="big", graph=ModelGraph.chain(layers, spacing=110.0)))
    g = win.document.graph
    assert len(win.scene.nodes) == 200
    nid = g.by_name("dense100").id
    t0 = time.perf_counter()
    for units in (20, 24, 28, 32, 36):
        win.editor.set_param(nid, "units", units)
    per_edit = (time.perf_counter() - t0) / 5
    assert win.scene.node_item(nid).shape_text == "(36,)"
    assert per_edit < 0.05, f"an edit took {per_edit * 1000:.1f} ms"
    win.view.fit()
    t0 = time.perf_counter()
    for _ in range(10):
        win.view.pan(37, 23)
        win.view.viewport().repaint()
    per_frame = (time.perf_counter() - t0) / 10
    assert per_frame < 0.1, f"a frame took {per_frame * 1000:.1f} ms"
    print(f"edit {per_edit * 1000:.1f} ms, frame {per_frame * 1000:.1f} ms")


def test_space_drag_pans_and_pinch_zooms(window, qtbot):
    view = window.view
    view.setFocus()
    before = view.mapToScene(view.viewport().rect().center())
    qtbot.keyPress(view, Qt.Key.Key_Space)
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=QPoint(400, 400))
    qtbot.mouseMove(vp, pos=QPoint(300, 400))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(300, 400))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() > before.x()
    assert window.scene.selected_node_ids() == []  # panning does not select
    z0 = view.zoom()
    centre = QPointF(vp.rect().center())
    pinch = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2,
                                centre, centre, QPointF(vp.mapToGlobal(centre)), 0.2, QPointF(0, 0))
    QApplication.sendEvent(vp, pinch)
    assert abs(view.zoom() - z0 * 1.2) < 1e-6


def test_auto_layout_of_branches_has_no_overlaps(windows):
    from engine.examples import load_example

    win = windows(load_example("multi-output-digits"))
    g = win.document.graph
    for n in g.nodes.values():  # pile everything up
        win.editor.move_nodes({n.id: (n.pos, (0.0, 0.0))})
    win.actions_.layout.trigger()
    rects = [win.scene.node_item(n).sceneBoundingRect() for n in g.nodes]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    for e in g.edges:  # data flows downwards
        assert g.nodes[e.dst].pos[1] > g.nodes[e.src].pos[1]
    heads = [g.by_name("digit_head").pos, g.by_name("parity_head").pos]
    assert heads[0][1] == heads[1][1] and heads[0][0] != heads[1][0]


def test_clicking_a_problem_selects_its_layer(window, qtbot):
    g = window.document.graph
    h2 = g.by_name("hidden2").id
    window.editor.set_param(g.input_nodes()[0].id, "shape", (1, 4, 4))  # hidden1 now gets an image
    h1 = g.by_name("hidden1").id
    window.scene.select_nodes([h2])
    problems = window.problems
    row = next(i for i in range(problems.count()) if problems.item(i).text().startswith("hidden1"))
    rect = problems.visualItemRect(problems.item(row))
    qtbot.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.scene.selected_node_ids() == [h1]
    assert window.inspector.node_id == h1
    assert "Flatten" in window.inspector.problems.text()
