"""Copy/paste of diagram fragments through the system clipboard as JSON (works between windows)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from engine.graph import ModelGraph

FRAGMENT_MIME = "application/x-katman-fragment"
FORMAT = "katman-fragment"


def fragment(graph: ModelGraph, node_ids: list[str]) -> dict[str, Any]:
    """The selected layers and the connections between them, in the project file's node format."""
    keep = set(node_ids)
    full = graph.to_dict()
    return {
        "format": FORMAT,
        "version": 1,
        "nodes": [n for n in full["nodes"] if n["id"] in keep],
        "edges": [e for e in full["edges"] if e[0] in keep and e[1] in keep],
    }


def to_mime(frag: dict[str, Any]) -> QMimeData:
    text = json.dumps(frag, indent=1)
    mime = QMimeData()
    mime.setData(FRAGMENT_MIME, text.encode("utf-8"))
    mime.setText(text)
    return mime


def copy_to_clipboard(frag: dict[str, Any]) -> None:
    QGuiApplication.clipboard().setMimeData(to_mime(frag))


def parse(text: str) -> dict[str, Any] | None:
    """A fragment from JSON text, or None if the text is not one."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    nodes, edges = data.get("nodes"), data.get("edges", [])
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return None
    if not all(isinstance(n, dict) for n in nodes):
        return None
    if not all(isinstance(e, (list, tuple)) and len(e) == 2 for e in edges):
        return None
    return data


def from_clipboard() -> dict[str, Any] | None:
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return None
    if mime.hasFormat(FRAGMENT_MIME):
        return parse(bytes(mime.data(FRAGMENT_MIME).data()).decode("utf-8", "replace"))
    if mime.hasText():
        return parse(mime.text())
    return None


def clipboard_has_fragment() -> bool:
    mime = QGuiApplication.clipboard().mimeData()
    return mime is not None and (mime.hasFormat(FRAGMENT_MIME) or (mime.hasText() and FORMAT in mime.text()[:200]))
