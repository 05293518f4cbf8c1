"""The network diagram: a QGraphicsScene mirroring the engine's ModelGraph, and its view."""

from .scene import DiagramScene
from .view import LAYER_MIME, DiagramView

__all__ = ["LAYER_MIME", "DiagramScene", "DiagramView"]
