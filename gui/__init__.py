"""Katman's desktop app: PySide6 views over the engine. The engine is the model; the GUI only mirrors it."""
