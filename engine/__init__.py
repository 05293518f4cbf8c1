"""Katman's engine: layers, network graph, shapes, data, training and project files. Never imports Qt."""

__version__ = "0.1.0"
