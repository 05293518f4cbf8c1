"""Automatic layered layout: data flows top to bottom, one row per depth, branches side by side."""

from __future__ import annotations

from engine.graph import ModelGraph

from .style import COL, ROW


def _spread(desired: list[float], gap: float) -> list[float]:
    """Positions as close as possible to `desired` (sorted) while keeping neighbours `gap` apart."""
    clusters: list[list[float]] = []  # [first index, count, sum of (desired - offset within cluster)]
    for i, d in enumerate(desired):
        clusters.append([i, 1, d])
        while len(clusters) > 1:
            a, b = clusters[-2], clusters[-1]
            a_left, b_left = a[2] / a[1], b[2] / b[1]
            if a_left + a[1] * gap <= b_left + 1e-9:
                break
            merged = [a[0], a[1] + b[1], a[2] + b[2] - b[1] * a[1] * gap]
            clusters[-2:] = [merged]
    out: list[float] = []
    for _, count, total in clusters:
        left = total / count
        out.extend(left + k * gap for k in range(int(count)))
    return out


def layered_layout(graph: ModelGraph) -> dict[str, tuple[float, float]]:
    """New centre positions for every node; the top of the network stays where it was."""
    if not graph.nodes:
        return {}
    order = graph.topo_order()
    depth: dict[str, int] = {}
    for nid in order:
        depth[nid] = max((depth[s] + 1 for s in graph.inputs_of(nid)), default=0)
    rows: dict[int, list[str]] = {}
    for nid in order:
        rows.setdefault(depth[nid], []).append(nid)
    old_x = {nid: n.pos[0] for nid, n in graph.nodes.items()}
    x: dict[str, float] = {}

    def place(row: list[str], want: dict[str, float]) -> None:
        row.sort(key=lambda n: (want[n], old_x[n]))
        for nid, px in zip(row, _spread([want[n] for n in row], COL)):
            x[nid] = px

    for d in sorted(rows):
        row = rows[d]
        want = {}
        for i, nid in enumerate(sorted(row, key=lambda n: old_x[n])):
            parents = graph.inputs_of(nid)
            want[nid] = sum(x[p] for p in parents) / len(parents) if parents else (i - (len(row) - 1) / 2) * COL
        place(row, want)
    # upward pass: centre layers without inputs (sources) over the layers they feed
    for d in sorted(rows, reverse=True):
        row = rows[d]
        want = {}
        for nid in row:
            children = graph.outputs_of(nid)
            parents = graph.inputs_of(nid)
            if children and not parents:
                want[nid] = sum(x[c] for c in children) / len(children)
            else:
                want[nid] = x[nid]
        place(row, want)
    top = min(n.pos[1] for n in graph.nodes.values())
    inputs = [n for n in graph.input_nodes()]
    anchor_old = inputs[0].pos[0] if inputs else sum(old_x.values()) / len(old_x)
    anchor_new = x[inputs[0].id] if inputs else sum(x.values()) / len(x)
    shift = anchor_old - anchor_new
    return {nid: (round(x[nid] + shift, 1), round(top + depth[nid] * ROW, 1)) for nid in graph.nodes}
