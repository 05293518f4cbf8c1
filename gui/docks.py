"""One way to add a panel to the main window: a movable, closable, floatable dock tabbed with the Inspector."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


def add_side_dock(window: QMainWindow, name: str, widget: QWidget, title: str = "") -> QDockWidget:
    """A dock for widget on the right, tabbed with the Inspector (which stays in front), listed in window.docks."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    anchor = getattr(window, "inspector_dock", None)
    if anchor is not None:
        window.tabifyDockWidget(anchor, dock)
        anchor.raise_()
    docks = getattr(window, "docks", None)
    if isinstance(docks, list):
        docks.append(dock)
    return dock
